"""`check` and `report` take one path from configuration to findings: for the same files,
options and configuration they list exactly the same findings."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import CORPORA, TODAY

from policylint.cli import check as check_command
from policylint.cli import main
from policylint.cli import report as report_command

# one document per language that many rules report, and an English one with a revision date
DOCUMENTS = ["en/bad-template.md", "en/bad-outdated.txt", "fr/bad-template.md", "es/bad-template.md",
             "el/bad-template.md", "ar/bad-template.md"]

CONFIGURATIONS = {
    "ignore": "ignore: [unmeasurable-standard]\n",
    "exclude": 'exclude: ["fr/**"]\n',
    "severity": "severity:\n  jargon: error\n  PL107: info\n",
    "per-file-ignores": 'per-file-ignores:\n  "en/*.md": [PL107, missing-scope]\n',
    "language": 'language:\n  "el/**": en\n',
    "jargon": "jargon:\n  en:\n    customer: client\n  fr:\n    client: usager\n",
    "accepted-terms": "accepted-terms:\n  en: [SLA]\n  fr: [SLA]\n",
    "max-revision-age": "max-revision-age: 1\n",
    "rules": ("rules:\n  stale-revision-date:\n    max_age_months: 1\n  long-sentence:\n    max_words: 12\n"
              "  jargon:\n    severity: info\n"),
    "select": "select: [PL1]\nignore: [PL104]\n",
    "profile": "profile: core\n",
}


def invoke(command, tree, *args):
    result = CliRunner().invoke(main, [command, "--today", TODAY.isoformat(), "--message-lang", "en",
                                       "--format", "json", *args, str(tree)], env={"GITHUB_ACTIONS": ""})
    assert result.exit_code in (0, 1, 2) and "Traceback" not in result.output, result.output
    return json.loads(result.stdout)


def findings(command, tree, *args) -> list[tuple]:
    """The findings a command lists, in order, as comparable tuples."""
    payload = invoke(command, tree, *args)
    found = payload["findings"] if command == "check" else [f for d in payload["documents"] for f in d["findings"]]
    return [(f["path"], f["line"], f["column"], f["code"], f["severity"], f["message"], f["fingerprint"]) for f in found]


@pytest.fixture
def tree(tmp_path):
    for name in DOCUMENTS:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(CORPORA / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize("key", CONFIGURATIONS)
def test_check_and_report_list_the_same_findings_under_each_configuration_key(tree, key):
    plain = findings("check", tree)
    (tree / ".policylint.yaml").write_text(CONFIGURATIONS[key], encoding="utf-8")
    checked = findings("check", tree)
    assert checked != plain  # the key changes what check reports...
    assert findings("report", tree) == checked  # ...and the report says the same


def test_the_nearest_configuration_governs_each_file_in_the_report_too(tree):
    (tree / ".policylint.yaml").write_text("ignore: [jargon]\n", encoding="utf-8")
    (tree / "fr" / ".policylint.yaml").write_text("select: [PL107]\n", encoding="utf-8")
    checked = findings("check", tree)
    assert {code for path, _, _, code, *_ in checked if "/fr/" in path} == {"PL107"}
    assert findings("report", tree) == checked


@pytest.mark.parametrize("args", [
    ("--select", "PL107,PL104"),
    ("--ignore", "PL1"),
    ("--lang", "fr"),
    ("--max-revision-age", "1"),
    ("--profile", "core"),
    ("--warn-unused-suppressions",),
    ("--isolated",),
    ("--config", "{other}"),
])
def test_check_and_report_take_the_same_options(tree, args):
    (tree / ".policylint.yaml").write_text("ignore: [unmeasurable-standard, jargon]\n", encoding="utf-8")
    other = tree / "other.yaml"
    other.write_text("select: [missing-scope]\n", encoding="utf-8")
    args = tuple(arg.format(other=other) for arg in args)
    checked = findings("check", tree, *args)
    assert findings("report", tree, *args) == checked


def test_both_commands_declare_the_same_run_options():
    def names(command):
        return {param.name for param in command.params}

    shared = names(check_command) & names(report_command)
    for name in ("select", "ignore", "config_file", "isolated", "profile", "rules_dirs", "lang", "message_lang",
                 "max_revision_age", "today", "jobs", "no_cache", "warn_unused_suppressions", "baseline_file",
                 "stdin_filename", "exclude", "respect_gitignore"):
        assert name in shared
    # how check presents its findings (a report has its own format and output)
    assert names(check_command) - shared == {"fail_on", "write_baseline", "output_file", "quiet", "statistics",
                                             "color_choice", "show_kinds"}
    assert names(report_command) - shared == {"output"}


def test_the_report_hides_what_the_baseline_records(tree):
    baseline = tree / "baseline.json"
    CliRunner().invoke(main, ["check", "--today", TODAY.isoformat(), "--write-baseline", str(baseline),
                              str(tree / "en")])
    checked = findings("check", tree, "--baseline", str(baseline))
    assert checked and not any("/en/" in path for path, *_ in checked)
    assert findings("report", tree, "--baseline", str(baseline)) == checked


def test_a_report_from_workers_and_the_cache_is_the_report_of_one_process(tree):
    unseen = ("--today", "2026-11-21")  # a day no other test uses, so nothing is cached yet
    alone = invoke("report", tree, *unseen, "-j", "1", "--no-cache")
    assert invoke("report", tree, *unseen, "-j", "2") == alone  # checked on two processes, then cached
    assert invoke("report", tree, *unseen, "-j", "2") == alone  # answered from the cache
    assert {d["language"] for d in alone["documents"]} == {"en", "fr", "es", "el", "ar"}


def test_report_exit_status_comes_from_the_same_decision(tree):
    (tree / "empty.md").write_bytes(b"")
    result = CliRunner().invoke(main, ["report", "--format", "json", str(tree)])
    assert result.exit_code == 2  # a file could not be checked
    (tree / "empty.md").unlink()
    result = CliRunner().invoke(main, ["report", "--format", "json", str(tree)])
    assert result.exit_code == 0  # findings do not fail a report
    bad = tree / ".policylint.yaml"
    bad.write_text("ignore: [jargn]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", "--format", "json", str(tree)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"policylint: error: {bad}:1: ignore: 'jargn' is not a rule name, code or code prefix (did you mean 'jargon'?)\n"
    )


def test_the_reports_matrix_and_profile_follow_the_configuration(tree, pack):
    (tree / ".policylint.yaml").write_text('profile: core\nper-file-ignores:\n  "fr/*.md": [missing-scope]\n',
                                           encoding="utf-8")
    payload = invoke("report", tree)
    assert payload["profile"] == "core"
    assert [e["code"] for e in payload["elements"]] == [r.code for r in pack.select("core") if r.element]
    coverage = {d["path"].split(str(tree) + "/")[1]: d["coverage"] for d in payload["documents"]}
    assert coverage["fr/bad-template.md"]["missing-scope"] == "not_applicable"  # the rule did not run there
    assert coverage["es/bad-template.md"]["missing-scope"] == "missing"
