"""Baselines: record the findings of today, then report only new ones."""

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import CORPORA

from policylint.cli import main
from policylint.model import LANGUAGES

NEW_PLACEHOLDER = {"en": "Call [phone].", "fr": "Appelez le [téléphone].", "es": "Llame al [teléfono].",
                   "el": "Καλέστε στο [τηλέφωνο].", "ar": "اتصل على [الهاتف]."}


def check(*args):
    result = CliRunner().invoke(main, ["check", "--today", "2026-11-22", "--message-lang", "en",
                                       "--format", "json", *args], env={"GITHUB_ACTIONS": ""})
    return result, json.loads(result.stdout) if result.stdout.startswith("{") else None


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_new_findings_after_edits_elsewhere(tmp_path, monkeypatch, language):
    monkeypatch.chdir(tmp_path)
    policy = tmp_path / "policy.md"
    shutil.copy(CORPORA / language / "bad-template.md", policy)
    baseline = tmp_path / "ci" / "baseline.json"
    baseline.parent.mkdir()
    result, payload = check("--write-baseline", str(baseline), "policy.md")
    assert result.exit_code == 0 and payload["findings"]
    assert f"wrote {len(payload['findings'])} findings" in result.stderr

    result, payload = check("--baseline", str(baseline), "policy.md")
    assert result.exit_code == 0 and payload["findings"] == [] and payload["summary"]["baselined"] > 0

    # lines added above and between the old findings: nothing comes back
    lines = policy.read_text(encoding="utf-8").split("\n")
    lines[1:1] = ["", "Intro paragraph.", ""]
    lines.append("\n" + NEW_PLACEHOLDER[language] + "\n")
    policy.write_text("\n".join(lines), encoding="utf-8")
    result, payload = check("--baseline", str(baseline), str(policy))  # a different spelling of the path
    assert result.exit_code == 1
    assert [f["excerpt"] for f in payload["findings"]] == [NEW_PLACEHOLDER[language].split(" ")[-1].rstrip(".")]


def test_a_second_identical_finding_is_new(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.md").write_text("# P\n\nWe reply in [X] days.\n")
    check("--select", "PL107", "--write-baseline", "b.json", "p.md")
    (tmp_path / "p.md").write_text("# P\n\nWe reply in [X] days, or [X] weeks.\n")
    _, payload = check("--select", "PL107", "--baseline", "b.json", "p.md")
    assert [(f["excerpt"], f["column"]) for f in payload["findings"]] == [("[X]", 26)]


def test_text_summary_says_how_many_were_hidden(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.md").write_text("# P\n\nWe reply in [X] days.\n")
    check("--select", "PL107", "--write-baseline", "b.json", "p.md")
    result = CliRunner().invoke(main, ["check", "--select", "PL107", "--baseline", "b.json", "p.md"],
                                env={"GITHUB_ACTIONS": ""})
    assert result.stdout == "No problems found in 1 file. 1 known problem hidden by the baseline.\n"


@pytest.mark.parametrize("content, problem", [
    (None, "no such file"),
    ("{", "not valid JSON (line 1)"),
    ('{"schema_version": 9}', "not a policylint baseline"),
    ('{"schema_version": 1, "findings": [{"path": "p.md"}]}', "findings: each entry needs"),
])
def test_bad_baseline_is_one_line_and_exit_two(tmp_path, content, problem):
    baseline = tmp_path / "b.json"
    if content is not None:
        baseline.write_text(content)
    (tmp_path / "p.md").write_text("# P\n\nText.\n")
    result, _ = check("--baseline", str(baseline), str(tmp_path / "p.md"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"policylint: error: {baseline}: {problem}")
