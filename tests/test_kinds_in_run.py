"""Document kinds in a run: each file is judged by its kind's rules, text that is not a policy
gets one notice, and the kind chosen (and why) shows in every output."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_kinds import SAMPLES

from policylint.cli import main

NOT_POLICY = [s for s in SAMPLES if s[1] == "not-a-policy"]
PRIVACY = [s for s in SAMPLES if s[1] == "privacy"]


def check(*args, cwd=None):
    return CliRunner().invoke(main, ["check", "--isolated", "--fail-on", "never", "--today", "2026-12-02", *args],
                              env={"GITHUB_ACTIONS": "", "LC_ALL": "C.UTF-8"})  # no locale: each document in its language


@pytest.mark.parametrize("language, kind, name, text", NOT_POLICY, ids=[f"{s[0]}-{s[2]}" for s in NOT_POLICY])
def test_text_that_is_not_a_policy_gets_one_notice_and_no_finding(tmp_path, language, kind, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = check("--format", "json", str(path))
    payload = json.loads(result.stdout)
    assert result.exit_code == 0 and payload["findings"] == []
    assert payload["files"][0]["kind"] == "not-a-policy"
    notices = [line for line in result.stderr.splitlines() if line]
    from policylint.messages import Messages

    say = Messages(language)
    notice = say("kind_not_a_policy", reason=say.kind_reason(payload["files"][0]["kind_reason"]))
    assert notices == [f"policylint: {path}: {say('notice')}: {notice}"]  # in the document's own language


def test_a_kind_named_on_the_command_line_checks_it_anyway(tmp_path):
    (tmp_path / "README.md").write_text("# Returns\n\nReturn items within [X] days.\n", encoding="utf-8")
    titled = json.loads(check("--format", "json", str(tmp_path / "README.md")).stdout)
    assert titled["findings"] and titled["files"][0]["kind"] == "returns"  # a README whose title names a kind
    (tmp_path / "README.md").write_text("# mytool\n\nInstall with pip. Return items within [X] days.\n", encoding="utf-8")
    assert json.loads(check("--format", "json", str(tmp_path / "README.md")).stdout)["findings"] == []
    named = json.loads(check("--format", "json", "--kind", "returns", str(tmp_path / "README.md")).stdout)
    assert named["files"][0] == {"path": str(tmp_path / "README.md"), "language": "en", "kind": "returns",
                                 "kind_reason": "option"}
    assert "unfilled-placeholder" in {f["rule"] for f in named["findings"]}


def test_the_configuration_names_kinds_per_glob_and_a_wrong_name_is_one_line(tmp_path):
    (tmp_path / "legal").mkdir()
    (tmp_path / "legal" / "notes.md").write_text("# Notes\n\nWe keep data for [X] years.\n", encoding="utf-8")
    (tmp_path / ".policylint.yaml").write_text('kind:\n  "legal/**": privacy\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--fail-on", "never", str(tmp_path / "legal")])
    payload = json.loads(result.stdout)
    assert payload["files"][0]["kind"] == "privacy" and payload["files"][0]["kind_reason"] == "configuration"
    (tmp_path / ".policylint.yaml").write_text("kind: privcy\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "legal")])
    assert result.exit_code == 2
    assert result.stderr == (f"policylint: error: {tmp_path / '.policylint.yaml'}:1: kind: unknown document kind "
                             "'privcy' (did you mean 'privacy'?)\n")


@pytest.mark.parametrize("language, kind, name, text", PRIVACY, ids=[s[0] for s in PRIVACY])
def test_a_privacy_notice_is_not_asked_for_what_a_customer_charter_needs(tmp_path, language, kind, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    payload = json.loads(check("--format", "json", str(tmp_path / name)).stdout)
    rules = {f["rule"] for f in payload["findings"]}
    assert payload["files"][0]["kind"] == "privacy"
    assert not rules & {"missing-training", "missing-feedback", "missing-performance-measures", "missing-escalation"}
    assert "missing-revision-date" in rules  # what a privacy notice does need is still asked for


def test_the_kind_and_why_show_in_text_and_sarif(tmp_path):
    path = tmp_path / "p.md"
    path.write_text("# Política de privacidad\n\nTratamos sus datos personales.\n", encoding="utf-8")
    text = check("--show-kinds", str(path)).stdout
    assert text.splitlines()[0] == f'{path}: kind: privacy (title: "política de privacidad")'
    sarif = json.loads(check("--format", "sarif", str(path)).stdout)
    artifact = sarif["runs"][0]["artifacts"][0]
    assert artifact["properties"] == {"language": "es", "kind": "privacy", "kindReason": 'title: "política de privacidad"'}


def test_rules_lists_the_kinds_in_the_message_language():
    result = CliRunner().invoke(main, ["rules", "--kinds", "--message-lang", "el"])
    assert result.exit_code == 0
    assert "privacy: πολιτική απορρήτου" in result.stdout and "not-a-policy: δεν είναι πολιτική" in result.stdout
    records = json.loads(CliRunner().invoke(main, ["rules", "--kinds", "--format", "json"]).stdout)["kinds"]
    assert {r["name"]: r["profile"] for r in records}["not-a-policy"] is None
