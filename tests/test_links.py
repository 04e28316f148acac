"""Folders are walked without following links that leave them, a link loop is one line, an
unreadable sub-folder one notice (issue 20)."""

import json
import os

import pytest
from click.testing import CliRunner

from policylint.cli import main

POLICY = "# Policy\n\nWe answer every email within [X] hours.\n"
SECRET = "# aws_secret_access_key = AKIAIOSFODNN7EXAMPLE\n\nroot:x:0:0:root:/root:/bin/bash\n"


def checked_paths(result) -> set[str]:
    return {finding["path"] for finding in json.loads(result.stdout)["findings"]}


def check(*args):
    return CliRunner().invoke(main, ["check", "--today", "2026-11-22", "--message-lang", "en", "-j", "1",
                                     "--format", "json", *args], env={"GITHUB_ACTIONS": ""})


def report(*args):
    return CliRunner().invoke(main, ["report", "--today", "2026-11-22", "--message-lang", "en", *args])


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """docs/ with a policy, a link inside docs/ and a link to a secret outside it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "credentials.md").write_text(SECRET)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "policy.md").write_text(POLICY)
    (docs / "same-policy.md").symlink_to("policy.md")
    (docs / "leak.md").symlink_to(tmp_path / "credentials.md")
    return tmp_path


def test_links_leaving_the_folder_are_not_followed(tree):
    result = check("docs")
    assert "AKIA" not in result.output and "root:x" not in result.output
    assert os.path.join("docs", "leak.md") + ": notice: skipped: a symbolic link to a file outside docs" in result.stderr
    assert checked_paths(result) == {os.path.join("docs", "policy.md"), os.path.join("docs", "same-policy.md")}


def test_the_report_does_not_follow_them_either(tree):
    assert "AKIA" in report(os.path.join("docs", "leak.md")).stdout  # its heading is the report's title
    result = report("docs")
    assert "AKIA" not in result.stdout and "root:x" not in result.stdout


def test_follow_links_reads_them(tree):
    result = check("--follow-links", "docs")
    assert os.path.join("docs", "leak.md") in checked_paths(result) and "skipped" not in result.stderr


def test_a_link_named_on_the_command_line_is_read(tree):
    assert checked_paths(check(os.path.join("docs", "leak.md"))) == {os.path.join("docs", "leak.md")}


def test_a_link_loop_is_one_line_and_the_other_files_are_checked(tree):
    (tree / "docs" / "a.md").symlink_to("b.md")
    (tree / "docs" / "b.md").symlink_to("a.md")
    for args in (["docs"], [os.path.join("docs", "a.md"), os.path.join("docs", "policy.md")]):
        result = check(*args)
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert os.path.join("docs", "a.md") + ": error: symbolic link loop; not checked" in result.stderr
        assert "PL107" in result.stdout


def test_folder_links_that_loop_end_with_follow_links(tree):
    (tree / "docs" / "again").symlink_to("..")
    result = check("--follow-links", "docs")
    assert result.exit_code in (1, 2) and "Traceback" not in result.output


def test_an_unreadable_folder_gets_a_notice(tree, monkeypatch):
    locked = tree / "docs" / "locked"
    locked.mkdir()
    (locked / "hidden.md").write_text(POLICY)
    real_scandir = os.scandir

    def scandir(path="."):  # as a folder without read permission answers (tests run as root)
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = check("docs")
    assert os.path.join("docs", "locked") + ": notice: folder skipped: cannot read it (Permission denied)" in result.stderr
    assert "PL107" in result.stdout
