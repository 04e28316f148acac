"""policylint never writes onto a document it reads, never through a link, and never leaves
half a report or baseline (formatters/output_file.py), whatever the file names (issue 20)."""

import json
import os

import pytest
from click.testing import CliRunner

from policylint.cli import main
from policylint.formatters import output_file
from policylint.formatters.output_file import OutputError, write_output

POLICY = "# Policy\n\nWe answer every email within [X] hours.\n"


def run(*args):
    return CliRunner().invoke(main, [*args], env={"GITHUB_ACTIONS": ""})


def check(*args):
    return run("check", "--today", "2026-11-22", "--message-lang", "en", "-j", "1", *args)


def report(*args):
    return run("report", "--today", "2026-11-22", "--message-lang", "en", *args)


@pytest.fixture
def policy(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "policy.md"
    path.write_text(POLICY, encoding="utf-8")
    return path


def unchanged(path) -> bool:
    return path.read_text(encoding="utf-8") == POLICY


def test_write_baseline_onto_the_document_it_checks_is_refused(policy):
    result = check("--write-baseline", "policy.md", "policy.md")
    assert result.exit_code == 2 and unchanged(policy)
    assert "policylint: policy.md: error: is a document being checked" in result.stderr


def test_a_baseline_in_a_checked_folder_is_refused_when_it_is_a_document(policy):
    result = check("--write-baseline", "policy.md", ".")
    assert result.exit_code == 2 and unchanged(policy)


@pytest.mark.parametrize("command", [check, report])
def test_output_onto_a_hard_link_of_a_document_is_refused(policy, command):
    os.link(policy, policy.parent / "out.json")
    option = "--write-baseline" if command is check else "-o"
    result = command(option, "out.json", "policy.md")
    assert result.exit_code == 2 and unchanged(policy)
    assert "same file as policy.md" in result.stderr


@pytest.mark.parametrize("command", [check, report])
@pytest.mark.parametrize("target", ["policy.md", "elsewhere.json"])
def test_output_through_a_symbolic_link_is_refused(policy, command, target):
    other = policy.parent / "elsewhere.json"
    other.write_text("keep", encoding="utf-8")
    os.symlink(target, policy.parent / "link.json")
    option = "--write-baseline" if command is check else "-o"
    result = command(option, "link.json", "policy.md")
    assert result.exit_code == 2 and unchanged(policy) and other.read_text() == "keep"
    assert "symbolic link" in result.stderr


def test_report_onto_itself_is_refused_before_the_run(policy):
    result = report("-o", "policy.md", ".")
    assert result.exit_code == 2 and unchanged(policy)
    assert "Report written" not in result.stderr


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "baseline.json"
    target.write_text('{"old": true}', encoding="utf-8")

    def disk_full(handle):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output_file.os, "fsync", disk_full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_output(str(target), '{"new": true}' * 1000)
    assert target.read_text(encoding="utf-8") == '{"old": true}'
    assert os.listdir(tmp_path) == ["baseline.json"]  # no temporary file left behind


def test_a_failed_baseline_write_is_one_line_and_keeps_the_old_baseline(policy, monkeypatch):
    assert check("--write-baseline", "baseline.json", "policy.md").exit_code == 0
    kept = (policy.parent / "baseline.json").read_text()
    monkeypatch.setattr(output_file.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(5, "Input/output error")))
    result = check("--write-baseline", "baseline.json", "policy.md")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.strip() == "policylint: baseline.json: error: cannot write: Input/output error"
    assert (policy.parent / "baseline.json").read_text() == kept
    assert check("--baseline", "baseline.json", "policy.md").exit_code == 0


def test_written_files_get_the_usual_permissions(tmp_path):
    target = tmp_path / "report.html"
    write_output(str(target), "<html></html>")
    umask = os.umask(0)
    os.umask(umask)
    assert os.stat(target).st_mode & 0o777 == 0o666 & ~umask


def test_undecodable_file_names_reach_every_output_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = os.fsdecode(b"pol\xedtica-\xff.md")
    (tmp_path / name).write_text(POLICY, encoding="utf-8")
    assert check("--write-baseline", "baseline.json", ".").exit_code == 0
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert {entry["path"] for entry in recorded["findings"]} == {name}
    assert check("--baseline", "baseline.json", "--format", "json", name).exit_code == 0
    for suffix in ("html", "csv", "json"):
        result = report("-o", f"report.{suffix}", name)
        assert result.exit_code == 0, result.output
        assert (tmp_path / f"report.{suffix}").stat().st_size > 100


def test_a_device_is_written_in_place_not_replaced(tmp_path):
    write_output(os.devnull, "<html></html>")
    assert not os.path.isfile(os.devnull)  # still the device
