"""The public API (docs/api.md): its names stay, its findings are `check --format json`'s record
for record in every language, it runs the command line's path, and importing it stays cheap."""

import dataclasses
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPORA, ROOT, TODAY

import policylint
from policylint.cli import main
from policylint.formatters.json_format import FIELDS
from policylint.model import LANGUAGES

PUBLIC = ["CheckResult", "Finding", "PolicylintError", "Problem", "__version__", "check_paths", "check_text"]


def cli_json(*args: str) -> dict:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--today", TODAY.isoformat(), "-j", "1", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_the_public_names_stay():
    assert sorted(policylint.__all__) == sorted(PUBLIC)
    for name in PUBLIC:
        assert getattr(policylint, name) is not None
    with pytest.raises(AttributeError):
        policylint.no_such_name  # noqa: B018


def test_a_finding_has_the_fields_of_a_json_record():
    assert tuple(f.name for f in dataclasses.fields(policylint.Finding)) == (*FIELDS, "fingerprint")


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_findings_are_the_json_output_in_each_language(language):
    folder = str(CORPORA / language)
    expected = cli_json("--message-lang", language, "--no-cache", folder)
    result = policylint.check_paths([folder], message_language=language, today=TODAY, jobs=1, use_cache=False)
    assert [finding.to_dict() for finding in result.findings] == expected["findings"]
    assert [dataclasses.asdict(problem) for problem in result.problems] == expected["problems"]
    assert result.files_checked == expected["summary"]["files_checked"]
    assert result.exit_code == 1
    assert {f.language for f in result.findings} >= {language}


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_check_text_is_check_of_the_same_file(language, monkeypatch):
    monkeypatch.chdir(CORPORA / language)
    name = min(p.name for p in (CORPORA / language).glob("bad-*.md"))
    text = Path(name).read_text(encoding="utf-8")
    expected = cli_json("--message-lang", language, name)["findings"]
    findings = policylint.check_text(text, filename=name, message_language=language, today=TODAY)
    assert expected and [finding.to_dict() for finding in findings] == expected


def test_options_are_keyword_arguments(tmp_path):
    (tmp_path / "policy.md").write_text("# Policy\n\nWe will answer emails within [X] hours.\n", encoding="utf-8")
    everything = policylint.check_paths(tmp_path, isolated=True, today=TODAY, message_language="en")
    codes = {finding.code for finding in everything.findings}
    assert len(codes) > 1
    kept = min(codes)
    only = policylint.check_paths(tmp_path, isolated=True, today=TODAY, select=kept)
    assert {finding.code for finding in only.findings} == {kept}
    never = policylint.check_paths(tmp_path, isolated=True, today=TODAY, fail_on="never")
    assert never.exit_code == 0 and never.findings == everything.findings


def test_configuration_is_discovered_as_on_the_command_line(tmp_path, monkeypatch):
    (tmp_path / ".policylint.yaml").write_text("ignore: [unfilled-placeholder]\n", encoding="utf-8")
    (tmp_path / "policy.md").write_text("# Policy\n\nWe will answer emails within [X] hours.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = policylint.check_paths(["policy.md"], today=TODAY)
    isolated = policylint.check_paths(["policy.md"], today=TODAY, isolated=True)
    assert "unfilled-placeholder" not in {f.rule for f in found.findings}
    assert "unfilled-placeholder" in {f.rule for f in isolated.findings}
    text = (tmp_path / "policy.md").read_text(encoding="utf-8")
    assert policylint.check_text(text, today=TODAY) == list(found.findings)


def test_kind_chooses_the_rules_of_that_kind():
    text = (CORPORA / "en" / "bad-structure.md").read_text(encoding="utf-8")
    returns = policylint.check_text(text, kind="returns", today=TODAY, isolated=True)
    conduct = policylint.check_text(text, kind="code-of-conduct", today=TODAY, isolated=True)
    assert {f.code for f in returns} != {f.code for f in conduct}
    with pytest.raises(policylint.PolicylintError, match="unknown document kind 'no-such-kind'"):
        policylint.check_text(text, kind="no-such-kind", isolated=True)


def test_problems_and_errors_are_values_not_tracebacks(tmp_path):
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    (tmp_path / "policy.md").write_text("# Policy\n\nText.\n", encoding="utf-8")
    result = policylint.check_paths(tmp_path, isolated=True, today=TODAY)
    assert result.exit_code == 2 and result.input_errors and result.files_checked == 1
    assert [p.path for p in result.problems] == [str(tmp_path / "broken.docx")]
    with pytest.raises(policylint.PolicylintError, match="broken.docx"):
        policylint.check_text(b"not a zip", filename="broken.docx", isolated=True)
    with pytest.raises(policylint.PolicylintError, match="language='xx'"):
        policylint.check_paths(tmp_path, language="xx")
    with pytest.raises(policylint.PolicylintError, match="jobs=0"):
        policylint.check_paths(tmp_path, jobs=0)
    (tmp_path / "bad.yaml").write_text("profile: [\n", encoding="utf-8")
    with pytest.raises(policylint.PolicylintError, match="bad.yaml"):
        policylint.check_paths(tmp_path, config=tmp_path / "bad.yaml")
    with pytest.raises(policylint.PolicylintError, match="no-baseline.json"):
        policylint.check_paths(tmp_path, baseline=tmp_path / "no-baseline.json", isolated=True)


def test_importing_policylint_imports_nothing_heavy():
    code = ("import sys, policylint; heavy = [m for m in ('click', 'spacy', 'markdown_it', 'yaml', 'distributed',"
            " 'policylint.api', 'typing') if m in sys.modules]; import policylint.api;"
            " heavy += [m for m in ('click', 'spacy', 'markdown_it', 'distributed') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}).stdout
    assert out.strip() == "[]"


def test_the_wheel_carries_py_typed(tmp_path):
    from hatchling.builders.wheel import WheelBuilder

    wheel = next(iter(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])))
    names = zipfile.ZipFile(wheel).namelist()
    assert "policylint/py.typed" in names and "policylint/api.py" in names


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_argument_errors_speak_the_message_language(language, tmp_path):
    from policylint.messages import Messages

    say = Messages(language)
    with pytest.raises(policylint.PolicylintError) as raised:
        policylint.check_paths(tmp_path, jobs=0, message_language=language)
    assert str(raised.value) == say("api_whole_number_required", name="jobs", value="0")
