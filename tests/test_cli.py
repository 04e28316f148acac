import json

import pytest
from click.testing import CliRunner

from policylint.cli import main

GOOD = """# Customer Service Policy

Last updated: 3 March 2026

## Scope

This policy applies to all employees who deal with customers, in every branch and on every channel.

## Our standards

We answer every email within one working day and every call within 30 seconds.

## Enforcement

Team leaders monitor compliance every month; a breach of this policy may lead to disciplinary action.
"""
BAD = "# Policy\n\nWe will answer emails within [X] hours at [Company Name].\n"


def check(*args, input=None, env=None):
    """The check command with the core profile, which the small documents here are written for."""
    runner = CliRunner()
    return runner.invoke(main, ["check", "--today", "2026-11-22", "--message-lang", "en", "--profile", "core", *args],
                         input=input, env=env or {})


@pytest.fixture
def files(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_clean_document_exits_zero(files):
    result = check(str(files / "good.md"))
    assert result.exit_code == 0, result.output
    assert result.output == "No problems found in 1 file.\n"


def test_findings_are_printed_like_a_code_linter(files):
    result = check(str(files / "bad.md"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    placeholder = [line for line in lines if "[unfilled-placeholder]" in line]
    assert placeholder[0] == (
        f"{files / 'bad.md'}:3:30: PL107 error: Unfilled placeholder \"[X]\": replace it with the real value. "
        "[unfilled-placeholder]"
    )
    assert lines[-1].startswith("Found ") and "in 1 of 1 file." in lines[-1]


def test_json_output_carries_every_field(files):
    result = check("--format", "json", str(files / "bad.md"))
    payload = json.loads(result.output)
    finding = next(f for f in payload["findings"] if f["rule"] == "unfilled-placeholder")
    assert payload["schema_version"] == 3
    assert [f["path"] for f in payload["files"]] == [str(files / "bad.md")] and payload["files"][0]["kind"]
    assert len(finding.pop("fingerprint")) == 32 + len(":0")
    assert finding == {
        "path": str(files / "bad.md"),
        "line": 3,
        "column": 30,
        "end_line": 3,
        "end_column": 33,
        "rule": "unfilled-placeholder",
        "code": "PL107",
        "severity": "error",
        "message": 'Unfilled placeholder "[X]": replace it with the real value.',
        "language": "en",
        "position_kind": "line",
        "page": None,
        "end_page": None,
        "excerpt": "[X]",
    }
    assert payload["summary"]["files_checked"] == 1


@pytest.mark.parametrize("fail_on, code", [("error", 1), ("never", 0), ("warning", 1)])
def test_fail_on_sets_the_exit_code(files, fail_on, code):
    assert check("--fail-on", fail_on, str(files / "bad.md")).exit_code == code


def test_warnings_alone_pass_when_failing_on_errors(tmp_path):
    path = tmp_path / "p.md"
    path.write_text(GOOD.split("## Enforcement")[0])
    result = check("--format", "json", "--fail-on", "error", str(path))
    payload = json.loads(result.output)
    assert payload["findings"] and {f["severity"] for f in payload["findings"]} == {"warning"}
    assert result.exit_code == 0


def test_message_language(files):
    result = check("--format", "json", "--message-lang", "fr", str(files / "bad.md"))
    messages = [f["message"] for f in json.loads(result.output)["findings"]]
    assert any("[X]" in m and "Unfilled" not in m for m in messages)


def test_message_language_follows_the_locale(files):
    runner = CliRunner()
    result = runner.invoke(main, ["check", "--format", "json", str(files / "bad.md")], env={"LANG": "es_ES.UTF-8"})
    spanish = json.loads(result.output)["findings"]
    result = runner.invoke(main, ["check", "--format", "json", str(files / "bad.md")], env={"LANG": "de_DE.UTF-8", "LC_ALL": ""})
    english = json.loads(result.output)["findings"]
    assert spanish[0]["message"] != english[0]["message"]
    assert english[0]["message"].isascii()


def test_standard_input_with_a_name():
    result = check("--stdin-filename", "team/policy.md", "-", input=BAD)
    assert result.exit_code == 1
    assert "team/policy.md:3:30: PL107" in result.output


def test_forced_language(files):
    result = check("--format", "json", "--lang", "fr", str(files / "bad.md"))
    assert {f["language"] for f in json.loads(result.output)["findings"]} == {"fr"}


def test_directories_are_walked_in_order_and_hidden_files_skipped(files):
    (files / ".hidden.md").write_text(BAD)
    (files / "notes.json").write_text("{}")
    sub = files / "sub"
    sub.mkdir()
    (sub / "c.txt").write_text(BAD)
    result = check("--format", "json", str(files))
    paths = [f["path"] for f in json.loads(result.output)["findings"]]
    assert ".hidden.md" not in " ".join(paths) and "notes.json" not in " ".join(paths)
    assert json.loads(result.output)["summary"]["files_checked"] == 3
    assert paths == sorted(paths, key=lambda p: (p.count("/"), p))


# Bad input: one clear line naming the file and the problem; the other files are still checked.
@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("empty.md", b"", "file is empty"),
        ("blank.txt", b"  \n\n ", "file is empty"),
        ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("policy.rtf", b"{\\rtf1 hello}", "unsupported file type .rtf"),
        ("code-only.md", b"```\ncode\n```\n", "no prose to check"),
    ],
)
def test_bad_input_gets_one_line_and_others_are_still_checked(files, name, content, problem):
    (files / name).write_bytes(content)
    result = check(str(files / name), str(files / "bad.md"))
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines()]
    assert errors == [f"policylint: {files / name}: error: {problem}" + errors[0].split(problem, 1)[1]]
    assert "Traceback" not in result.output
    assert "PL107" in result.stdout


def test_missing_path(files):
    result = check(str(files / "nope.md"), str(files / "bad.md"))
    assert result.exit_code == 2
    assert result.stderr == f"policylint: {files / 'nope.md'}: error: no such file or directory\n"
    assert "PL107" in result.stdout


def test_very_large_file(files):
    big = files / "big.txt"
    big.write_bytes(b"Policy text. " * (17 * 1024 * 1024 // 13 + 1))
    result = check(str(big))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"policylint: {big}: error: file is too large (")


@pytest.mark.parametrize("encoding, notice", [("utf-16", "read as UTF-16"), ("cp1252", "read as Windows-1252")])
def test_other_encodings_are_read_with_a_notice(files, encoding, notice):
    path = files / f"{encoding}.md"
    path.write_bytes(BAD.replace("Policy", "Policy for café staff").encode(encoding))
    result = check("--format", "json", str(path))
    assert notice in result.stderr and str(path) in result.stderr
    assert len(result.stderr.splitlines()) == 1
    finding = next(f for f in json.loads(result.stdout)["findings"] if f["rule"] == "unfilled-placeholder")
    assert (finding["line"], finding["column"]) == (3, 30)


def test_documents_are_never_written(files):
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files.iterdir()}
    check(str(files))
    assert before == {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files.iterdir()}


def test_usage_errors_exit_two(files):
    assert CliRunner().invoke(main, ["check"]).exit_code == 2
    assert CliRunner().invoke(main, ["check", "--format", "xml", str(files)]).exit_code == 2
    assert CliRunner().invoke(main, ["check", "--today", "yesterday", str(files)]).exit_code == 2


def test_summary_counts_files_that_could_not_be_checked(files):
    (files / "empty.md").write_bytes(b"")
    result = check(str(files / "empty.md"), str(files / "good.md"))
    assert result.stdout == "No problems found in 1 file. 1 file could not be checked.\n"


MESSAGE_START = {
    "en": "Unfilled placeholder",
    "fr": "Champ à remplir",
    "es": "Marcador sin rellenar",
    "el": "Συμπληρώστε το πεδίο",
    "ar": "عنصر نائب غير مكتمل",
}


@pytest.mark.parametrize("language", MESSAGE_START)
def test_each_language_end_to_end(language):
    from conftest import CORPORA

    path = CORPORA / language / "bad-template.md"
    result = check("--format", "json", "--message-lang", language, str(path))
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    placeholders = [f for f in findings if f["rule"] == "unfilled-placeholder"]
    assert placeholders and all(f["message"].startswith(MESSAGE_START[language]) for f in placeholders)
    assert {f["language"] for f in findings} == {language}
    clean = check(str(CORPORA / language / "good-service-standards.md"))
    assert clean.exit_code == 0, clean.output
