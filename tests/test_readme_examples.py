"""The README's examples for configuration, suppression, baselines and GitHub Actions work as
written. (The pre-commit example is run by test_precommit.py.)"""

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner
from conftest import CORPORA
from readme_blocks import blocks

from policylint.cli import main
from policylint.settings.config import load

ENV = {"GITHUB_ACTIONS": ""}


def test_configuration_examples_load(tmp_path):
    yaml_example, = blocks("Configuration", "yaml")
    (tmp_path / ".policylint.yaml").write_text(yaml_example, encoding="utf-8")
    config = load(tmp_path / ".policylint.yaml")
    assert config.fail_on == "error" and ("jargon", "info") in config.severity
    toml_example, = blocks("Configuration", "toml")
    (tmp_path / "pyproject.toml").write_text(toml_example, encoding="utf-8")
    toml = load(tmp_path / "pyproject.toml")
    assert toml.accepted_terms == (("en", ("SLA",)),)
    assert toml.rules == (("long-sentence", {"max_words": {"en": 35, "fr": 40}}),)


def test_configuration_example_in_use(tmp_path, monkeypatch):
    yaml_example, = blocks("Configuration", "yaml")
    (tmp_path / ".policylint.yaml").write_text(yaml_example, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.md").write_text("# X\n\n[TBD]\n")
    policy = tmp_path / "policy.md"
    policy.write_text((CORPORA / "en" / "bad-template.md").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json", "."], env=ENV)
    payload = json.loads(result.stdout)
    assert payload["summary"]["files_checked"] == 1  # drafts excluded
    rules = {f["rule"]: f["severity"] for f in payload["findings"]}
    assert "missing-enforcement" not in rules and rules["jargon"] == "info"
    assert not any(f["excerpt"] == "Going forward" and f["severity"] != "info" for f in payload["findings"])
    assert rules["unfilled-placeholder"] == "error"  # from its rules: entry


def test_configuration_rules_example_and_its_error(tmp_path, monkeypatch):
    yaml_example, = blocks("Configuration", "yaml")
    policy = tmp_path / "policy.md"
    sentence = " ".join(["We answer"] + ["every call"] * 18) + "."  # 38 words: within 40, beyond 35
    policy.write_text("# Policy\n\n" + sentence + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".policylint.yaml").write_text(yaml_example, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "long-sentence", "policy.md"], env=ENV)
    assert [f["message"] for f in json.loads(result.stdout)["findings"]] == [
        "Sentence of 38 words (the limit is 35): split it into shorter ones."]
    (tmp_path / ".policylint.yaml").write_text(yaml_example.replace("max_words:", "max_word:"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "policy.md"], env=ENV)
    stated = next(b for b in blocks("Configuration", "text") if "max_word:" in b)
    assert result.exit_code == 2 and result.stderr.replace(f"{tmp_path.resolve()}/", "") == stated


def test_suppression_example(tmp_path):
    example, = blocks("Inline suppression", "markdown")
    policy = tmp_path / "policy.md"
    policy.write_text("# Policy\n\n" + example, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--warn-unused-suppressions",
                                       "--select", "unfilled-placeholder,missing-enforcement,unused-suppression",
                                       str(policy)], env=ENV)
    findings = json.loads(result.stdout)["findings"]
    # the placeholder and enforcement findings are suppressed; the jargon range suppressed nothing here
    assert [f["rule"] for f in findings] == ["unused-suppression"]
    assert "jargon" in findings[0]["message"]


def test_baseline_example(tmp_path, monkeypatch):
    write, use = blocks("Baselines", "sh")[0].strip().splitlines()
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "p.md").write_text("# P\n\nWe reply in [X] days.\n")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, shlex.split(write)[1:], env=ENV).exit_code == 0
    result = runner.invoke(main, shlex.split(use)[1:], env=ENV)
    assert result.exit_code == 0 and "hidden by the baseline" in result.stdout


def test_github_actions_example(tmp_path):
    workflow = yaml.safe_load(blocks("GitHub Actions", "yaml")[0])
    steps = workflow["jobs"]["policylint"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert workflow["jobs"]["policylint"]["permissions"]["security-events"] == "write"
    commands = [s["run"] for s in steps if "policylint check" in s.get("run", "")]
    assert len(commands) == 2
    # policylint is not on a package index: the workflow installs it from a repository at a commit
    [install] = [s["run"] for s in steps if "pip install" in s.get("run", "")]
    assert re.fullmatch(r'pip install "git\+\S+@[0-9a-f]{40}"', install), install
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "p.md").write_text("# P\n\nWe reply in [X] days.\n")
    (tmp_path / ".git").mkdir()
    env = {**os.environ, "GITHUB_ACTIONS": "true",
           "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    annotations = subprocess.run(commands[0], shell=True, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert annotations.returncode == 1 and annotations.stdout.startswith("::error file=policies/p.md,")
    sarif = subprocess.run(commands[1], shell=True, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert sarif.returncode == 0, sarif.stderr
    report = json.loads((tmp_path / upload["with"]["sarif_file"]).read_text())
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in report["runs"][0]["results"]}
    assert report["version"] == "2.1.0" and uris == {"policies/p.md"}
