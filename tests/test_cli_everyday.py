"""The everyday options of `check` and the command line's words in every message language."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from policylint.cli import main
from policylint.formatters import use_color
from policylint.messages import Messages
from policylint.model import LANGUAGES

BAD = "# Policy\n\nWe will answer emails within [X] hours at [Company Name].\n"


def check(*args, env=None):
    runner = CliRunner()
    return runner.invoke(main, ["check", "--today", "2026-11-22", "--profile", "core", *args], env=env or {})


@pytest.fixture
def bad(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text(BAD, encoding="utf-8")
    return path


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_and_severities_are_in_the_message_language(bad, language):
    result = check("--message-lang", language, "--select", "PL107", str(bad))
    say = Messages(language)
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert f" PL107 {say.severity('error')}: " in lines[0]
    assert lines[-1] == say("summary_found", problems=say.count("problems", 2), severities=say.count("count_error", 2),
                            with_findings=1, files=say.count("files", 1))
    if language not in ("en", "es"):  # Spanish says "error" too
        assert "Found" not in lines[-1] and " error:" not in result.output


def test_quiet_shows_the_findings_only_and_very_quiet_nothing(bad):
    quiet = check("--message-lang", "en", "-q", str(bad))
    assert quiet.exit_code == 1 and quiet.stdout and "Found" not in quiet.stdout
    assert all(line.endswith("]") for line in quiet.stdout.splitlines())
    silent = check("--message-lang", "en", "-qq", str(bad), str(bad.parent / "missing.md"))
    assert silent.exit_code == 2 and silent.stdout == "" and silent.stderr == ""


def test_statistics_count_findings_per_rule(bad):
    result = check("--message-lang", "en", "--select", "PL107", "--statistics", str(bad))
    lines = result.output.splitlines()
    assert lines[0] == "Findings per rule:"
    assert lines[1].split() == ["2", "PL107", "unfilled-placeholder", "error"]
    assert lines[-1].startswith("Found 2 problems")


def test_output_file_holds_the_findings(bad, tmp_path):
    target = tmp_path / "out" / "findings.txt"
    target.parent.mkdir()
    result = check("--message-lang", "en", "--output-file", str(target), str(bad))
    assert result.exit_code == 1 and result.stdout == ""
    assert "[unfilled-placeholder]" in target.read_text(encoding="utf-8")
    assert "Findings written to" in result.stderr
    refused = check("--message-lang", "en", "-o", str(bad), str(bad))  # never over a document
    assert refused.exit_code == 2 and bad.read_text(encoding="utf-8") == BAD


class Pipe:
    def isatty(self):
        return False


class Terminal:
    def isatty(self):
        return True


def test_colour_choice_and_environment():
    assert use_color(Pipe(), {}, "always") and not use_color(Terminal(), {}, "never")
    assert use_color(Terminal(), {}) and not use_color(Pipe(), {})
    assert not use_color(Terminal(), {"NO_COLOR": "1"})
    assert use_color(Pipe(), {"FORCE_COLOR": "1"})


def test_color_always_colours_a_pipe(bad):
    coloured = check("--message-lang", "en", "--color", "always", str(bad))
    assert "\x1b[" in coloured.output
    assert "\x1b[" not in check("--message-lang", "en", "--color", "never", str(bad)).output


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_rule_gets_did_you_mean(language):
    result = CliRunner().invoke(main, ["explain", "long-sentense"], env={"LANG": f"{language}_XX.UTF-8", "LC_ALL": ""})
    assert result.exit_code == 2
    assert Messages(language)("did_you_mean", names="'long-sentence'") in result.stderr
    selected = check("--message-lang", "en", "--select", "long-sentense", "x.md")
    assert selected.exit_code == 2 and "did you mean 'long-sentence'" in selected.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_explain_headings_are_in_the_message_language(language):
    result = CliRunner().invoke(main, ["explain", "long-sentence"], env={"LANG": f"{language}_XX.UTF-8", "LC_ALL": ""})
    say = Messages(language)
    assert result.exit_code == 0
    for key in ("explain_why", "explain_looks_for", "explain_fix", "explain_examples"):
        assert say(key) in result.output.splitlines()


def test_report_refuses_to_pour_html_into_a_terminal(bad, monkeypatch):
    import sys

    runner = CliRunner()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)

    def isolated_invoke():
        with runner.isolation() as streams:
            sys.stdout.isatty = lambda: True  # type: ignore[method-assign]
            try:
                main.main(["report", "--message-lang", "en", str(bad)], standalone_mode=False)
            except SystemExit as stop:
                return stop.code, streams
        return 0, streams

    code, streams = isolated_invoke()
    assert code == 2
    assert b"-o report.html" in streams[1].getvalue()


# --- which files a folder gives ---------------------------------------------------------------

def test_gitignore_rules_parse_and_match():
    from policylint.running.gitignore import parse

    rules = parse("# comment\n\nbuild/\n*.log\n!keep.md\n\\#hash.md\n")
    assert [(r.pattern, r.negated, r.folders_only) for r in rules] == [
        ("build/", False, True), ("*.log", False, False), ("keep.md", True, False), ("#hash.md", False, False)]


@pytest.fixture
def project(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("node_modules/\ndrafts/*.md\n!drafts/keep.md\n", encoding="utf-8")
    for name in ("policies/a.md", "node_modules/pkg/readme.md", "drafts/old.md", "drafts/keep.md",
                 "policies/build/gen.md", "policies/notes.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BAD, encoding="utf-8")
    (tmp_path / "policies" / ".gitignore").write_text("build\n", encoding="utf-8")
    return tmp_path


def checked(project, *args):
    from pathlib import Path

    result = check("--message-lang", "en", "--select", "PL107", "-q", *args)
    return sorted(Path(line.split(":")[0]).relative_to(project).as_posix() for line in result.stdout.splitlines())


def test_folders_walked_leave_out_what_gitignore_ignores(project):
    files = sorted(set(checked(project, str(project))))
    assert files == ["drafts/keep.md", "policies/a.md", "policies/notes.md"]
    # the .gitignore files above the folder walked count too, up to the repository's top
    assert sorted(set(checked(project, str(project / "policies")))) == ["policies/a.md", "policies/notes.md"]
    everything = sorted(set(checked(project, "--no-respect-gitignore", str(project))))
    assert len(everything) == 6


def test_exclude_on_the_command_line(project):
    files = sorted(set(checked(project, "--exclude", "notes.md", "--exclude", "drafts", str(project))))
    assert files == ["policies/a.md"]


# --- configuration mistakes name the right file and line ------------------------------------------

@pytest.mark.parametrize("toml, line", [
    ('[tool.policylint]\nprofile = "core"\nselect = ["PL1"\n\nexclude = []\n', 3),  # noticed on line 5
    ('[tool.policylint]\nprofile = "core\n', 2),
    ('[tool.policylint]\nprofile = "core"\nselect = ["PL1"', 3),
])
def test_a_toml_mistake_is_reported_on_its_line(tmp_path, monkeypatch, bad, toml, line):
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = check("--message-lang", "en", "bad.md")
    assert result.exit_code == 2
    assert f"pyproject.toml:{line}: not valid TOML" in result.stderr


def test_a_missing_rules_dir_names_the_configuration(tmp_path, monkeypatch, bad):
    (tmp_path / ".policylint.yaml").write_text("profile: core\nrules-dir: [custom-rules]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = check("--message-lang", "en", "bad.md")
    assert result.exit_code == 2
    assert ".policylint.yaml:2: rules-dir: " in result.stderr and "custom-rules: rule pack folder not found" in result.stderr


def test_help_shows_examples_and_exit_codes():
    for args in ([], ["check"]):
        result = CliRunner().invoke(main, [*args, "--help"], env={"LC_ALL": "C.UTF-8"})  # English
        assert result.exit_code == 0
        assert "Examples:" in result.output and "Exit status: 0" in result.output and "2 a file" in result.output


def test_shell_completion_as_documented(tmp_path):
    """docs/usage.md's line: the console script prints a completion script for bash."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from conftest import ROOT

    assert '_POLICYLINT_COMPLETE=bash_source policylint' in (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    script = Path(sys.executable).with_name("policylint")
    env = {**os.environ, "_POLICYLINT_COMPLETE": "bash_source", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([str(script)], env=env, capture_output=True, text=True, check=True).stdout
    assert "_policylint_completion()" in out


GREEK = "# Πολιτική\n\nΘα απαντάμε στα μηνύματα μέσα σε [X] ώρες.\n"


@pytest.mark.parametrize("locale", ["C.UTF-8", "de_DE.UTF-8", ""])
def test_under_another_locale_each_finding_speaks_its_documents_language(tmp_path, locale):
    from policylint.messages import Messages

    (tmp_path / "el.md").write_text(GREEK, encoding="utf-8")
    (tmp_path / "en.md").write_text(BAD, encoding="utf-8")
    env = {"LANG": locale, "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
    result = check("--select", "PL107", str(tmp_path / "el.md"), str(tmp_path / "en.md"), env=env)
    lines = result.stdout.splitlines()
    greek = [line for line in lines if "el.md" in line]
    english = [line for line in lines if "en.md" in line]
    assert greek and all("Μη συμπληρωμένο" in line or not line.isascii() for line in greek)
    assert english and all("Unfilled placeholder" in line for line in english)
    assert lines[-1].startswith("Found ")  # the run's own words: English
    assert Messages("")("summary") == Messages("en")("summary")


@pytest.mark.parametrize("language", LANGUAGES)
def test_explain_gives_the_rules_summary_in_the_message_language(language):
    from policylint.packs import load_pack

    for rule in load_pack().rules:
        assert rule.prose("summary", language) and (language == "en" or rule.prose("summary", language) != rule.summary)
    result = CliRunner().invoke(main, ["explain", "jargon", "--message-lang", language])
    assert result.output.splitlines()[0] == f"PL104 jargon: {load_pack().rule('jargon').prose('summary', language)}"


def test_a_translated_summary_needs_english(tmp_path):
    from conftest import ROOT

    from policylint.packs import PackError, load_pack

    text = (ROOT / "rules" / "PL101-missing-scope.yaml").read_text(encoding="utf-8")
    text = text.replace("code: PL101", "code: ACME1").replace("name: missing-scope", "name: acme-scope")
    broken = text.replace("summary:\n  en: ", "summary:\n  de: ")
    (tmp_path / "acme.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(PackError, match=r"acme.yaml: summary.en: missing text"):
        load_pack(extra_dirs=[tmp_path])
