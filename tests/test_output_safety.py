"""No document or file name can send a terminal or a CI log commands of its own: every format
escapes control characters in excerpts, messages and file names, a GitHub Actions run sees
only the annotations policylint means, and spreadsheets see no formulas (issue 20)."""

import csv
import io
import json
import os
import re

import pytest
from click.testing import CliRunner

from policylint.cli import main
from policylint.formatters.safe_text import json_text, printable, printable_lines
from policylint.report.tables import cell

ESCAPES = "\x1b[2K\x1b[1A\x1b]0;owned\x07\x9b31m\u202e"
# erases its own finding's line, sets the window title, reorders text
DOCUMENT = (
    "# Customer Service Policy\n\nLast updated: 3 March 2026\n\n"
    + "We answer every call within 30 seconds and every letter within 5 working days. " * 12 + "\n\n"
    f"We answer every email within [X{ESCAPES}] hours.\n\n"
    f"Contact [Company Name] today.{ESCAPES}\n"
)
POLICY_WITH_PLACEHOLDER = "# Policy\n\nWe answer every email within [X] hours.\n"
HOSTILE_NAME = "policy\x1b]0;owned\x07\n::error file=x.md::All clear\r.md"
UNDECODABLE_NAME = os.fsdecode(b"caf\xe9-\xff.md")  # Latin-1 bytes: not UTF-8
# what a terminal or a log obeys: C0 controls but the line breaks, DEL and C1, bidi overrides
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
WORKFLOW_COMMAND = re.compile(
    r"^::(error|warning|notice) file=[^:\n]*(,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:\n]*)?::"
)


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in (HOSTILE_NAME, UNDECODABLE_NAME, "plain.md"):
        (tmp_path / name).write_text(DOCUMENT, encoding="utf-8")
    (tmp_path / f"damaged{ESCAPES}.pdf").write_bytes(b"%PDF-1.7 broken")
    return tmp_path


def run(*args, env=None):
    return CliRunner().invoke(main, [*args], env={"GITHUB_ACTIONS": "", **(env or {})})


def check(*args, env=None):
    return run("check", "--today", "2026-11-22", "--message-lang", "en", "--profile", "core", "-j", "1", *args, env=env)


@pytest.mark.parametrize("output_format", ["text", "github", "json", "sarif"])
def test_no_control_character_reaches_any_output(hostile, output_format):
    result = check("--format", output_format, ".")
    assert result.exit_code == 2, result.output  # the damaged PDF
    assert "Traceback" not in result.output
    assert result.stdout.count("PL107") >= 3 or output_format == "sarif"
    assert not UNSAFE.search(result.stdout), UNSAFE.search(result.stdout)
    assert not UNSAFE.search(result.stderr), result.stderr
    if output_format in ("json", "sarif"):
        json.loads(result.stdout)


def test_json_gives_the_original_values_back(hostile):
    payload = json.loads(check("--format", "json", ".").stdout)
    paths = {finding["path"] for finding in payload["findings"]}
    assert os.path.join(".", HOSTILE_NAME) in paths and os.path.join(".", UNDECODABLE_NAME) in paths
    assert any("\x1b" in finding["excerpt"] for finding in payload["findings"])


def test_sarif_names_an_undecodable_file_by_its_bytes(hostile):
    payload = json.loads(check("--format", "sarif", ".").stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in payload["runs"][0]["results"]}
    assert "caf%E9-%FF.md" in uris


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_no_line_starts_a_workflow_command_but_the_annotations(hostile, output_format):
    result = check("--format", output_format, ".")
    for line in (result.stdout + result.stderr).splitlines():
        if output_format == "github" and line.startswith("::"):
            assert WORKFLOW_COMMAND.match(line), line
        else:
            assert not line.startswith("::"), line
    if output_format == "github":
        annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
        payload = json.loads(check("--format", "json", ".").stdout)
        errors = [p for p in payload["problems"] if p["severity"] == "error"]
        assert len(annotations) == len(payload["findings"]) + len(errors)


def test_stderr_lines_under_github_actions_are_escaped(hostile):
    result = check(".", env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::")
    assert all(line.startswith("policylint: ") for line in result.stderr.splitlines()), result.stderr
    assert "\\x1b" in result.stderr


@pytest.mark.parametrize("suffix", [".html", ".csv", ".json"])
def test_reports_escape_control_characters_and_carry_undecodable_names(hostile, suffix):
    (hostile / "out").mkdir()
    result = run("report", "--today", "2026-11-22", "--message-lang", "en", "-o", f"out/report{suffix}", ".")
    assert "Traceback" not in result.output
    written = (hostile / "out" / f"report{suffix}").read_bytes().decode("utf-8-sig")
    assert not UNSAFE.search(written.replace("\r", ""))
    assert "caf" in written and "policy" in written


def test_html_report_on_standard_output_is_escaped(hostile):
    result = run("report", "--today", "2026-11-22", "--message-lang", "en", ".")
    assert "<html" in result.stdout and not UNSAFE.search(result.stdout)


def test_csv_cells_never_start_a_formula(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "=HYPERLINK(x).md").write_text("# =cmd|' /C calc'!A0\n\nWe answer within 2 days.\n", encoding="utf-8")
    (tmp_path / "@sum.md").write_text("# +1+1 Policy\n\nWe answer within 2 days.\n", encoding="utf-8")
    run("report", "--today", "2026-11-22", "--message-lang", "en", "-o", "r.csv", ".")
    rows = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8-sig"))))
    for row in rows:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@")), row
    assert sorted(row[1] for row in rows[1:]) == ["'+1+1 Policy", "'=cmd|' /C calc'!A0"]


def test_one_function_escapes_every_kind_of_control():
    assert printable("a\x1b[2Kb\nc\r\td\x7f\x9b\u202e\u2066") == "a\\x1b[2Kb\\nc\\r\\td\\x7f\\x9b\\u202e\\u2066"
    assert printable(os.fsdecode(b"\xff")) == "\\xff"
    assert printable("Ελληνικά, العربية\u200f, français") == "Ελληνικά, العربية\u200f, français"  # marks stay
    assert printable_lines("a\r\n\tb\x1b") == "a\\r\n\tb\\x1b"
    assert json.loads(json_text({"k": "\x1b\x9b\u202e"})) == {"k": "\x1b\x9b\u202e"}
    assert cell("-2+3") == "'-2+3" and cell(42) == 42 and cell("ok\x1b") == "ok\\x1b"


def test_a_file_named_like_a_workflow_command_does_not_start_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "::error file=a.md::All clear.md"
    (tmp_path / name).write_text(DOCUMENT, encoding="utf-8")
    result = check("--format", "text", name)
    assert result.stdout.count("PL107") >= 2
    assert not [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("::")]
    assert f"./{name}:" in result.stdout


def test_a_custom_pack_cannot_send_escapes_either(tmp_path, monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(tmp_path)
    rule = (ROOT / "rules" / "PL107-unfilled-placeholder.yaml").read_text(encoding="utf-8")
    rule = rule.replace("code: PL107", "code: EVIL1").replace("name: unfilled-placeholder", "name: evil-rule")
    rule = rule.replace("summary: Template placeholders left in the policy.",
                        'summary: "\\e]0;owned\\a Template placeholders left in the policy."')
    rule = rule.replace("""  en: 'Unfilled placeholder "{term}": replace it with the real value.'""",
                        '  en: "\\e[2K\\r\\n::error::Unfilled placeholder {term}"')
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "evil.yaml").write_text(rule, encoding="utf-8")
    (tmp_path / "policy.md").write_text(POLICY_WITH_PLACEHOLDER, encoding="utf-8")
    outputs = [
        run("rules", "--rules-dir", "pack"),
        run("rules", "--rules-dir", "pack", "--format", "json"),
        run("explain", "evil-rule", "--rules-dir", "pack"),
        check("--rules-dir", "pack", "--select", "EVIL1", "--format", "text", "policy.md"),
        check("--rules-dir", "pack", "--select", "EVIL1", "--format", "github", "policy.md"),
    ]
    for result in outputs:
        assert "owned" in result.stdout or "EVIL1" in result.stdout, result.output
        assert not UNSAFE.search(result.stdout), (result.stdout, UNSAFE.search(result.stdout))
        commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
        assert len(commands) <= 1 and all(WORKFLOW_COMMAND.match(line) for line in commands), commands
