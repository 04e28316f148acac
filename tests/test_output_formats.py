"""Machine formats (JSON, SARIF, GitHub annotations), format auto-selection and colour."""

import json
import re

import click
import pytest
from click.testing import CliRunner

from policylint.cli import main
from policylint.formatters import Output, github, pick, text, use_color
from policylint.model import Finding
from policylint.running.runner import Result

BAD = "# Policy\n\nWe will answer emails within [X] hours at [Company Name].\n\nWe leverage synergy, TBD.\n"


def check(*args, env=None):
    return CliRunner().invoke(main, ["check", "--today", "2026-11-22", "--message-lang", "en", *args],
                              env={"GITHUB_ACTIONS": "", **(env or {})})


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "policies dir").mkdir()
    (tmp_path / "policies dir" / "bad.md").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "policies dir")  # URIs are still relative to the repository's top
    return tmp_path


def test_sarif_meets_the_2_1_0_requirements_github_checks(repo):
    result = check("--format", "sarif", "bad.md")
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-2.1.0.json")
    [run] = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "policylint" and driver["version"]
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids)) and "PL107" in ids
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"] and rule["name"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
    assert run["results"]
    for item in run["results"]:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        assert item["level"] in ("error", "warning", "note") and item["message"]["text"]
        [location] = item["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact == {"uri": "policies%20dir/bad.md", "uriBaseId": "%SRCROOT%"}
        region = location["physicalLocation"]["region"]
        assert set(region) == {"startLine", "startColumn", "endLine", "endColumn"}
        assert all(isinstance(v, int) and v >= 1 for v in region.values())
        assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])
        assert re.fullmatch(r"[0-9a-f]{32}:\d+", item["partialFingerprints"]["policylintContent/v1"])
    placeholder = next(r for r in run["results"] if r["message"]["text"].startswith('Unfilled placeholder "[X]"'))
    assert placeholder["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 30, "endLine": 3, "endColumn": 33}


def test_sarif_fingerprints_follow_content_not_lines(repo):
    def fingerprints():
        run = json.loads(check("--format", "sarif", "bad.md").stdout)["runs"][0]
        return {r["partialFingerprints"]["policylintContent/v1"] for r in run["results"]}

    before = fingerprints()
    path = repo / "policies dir" / "bad.md"
    path.write_text(BAD.replace("# Policy\n", "# Policy\n\nA new first paragraph.\n"), encoding="utf-8")
    assert fingerprints() == before


def test_sarif_for_a_clean_run_is_valid_too(repo):
    (repo / "policies dir" / "bad.md").write_text("# Note\n\nNothing here.\n")
    sarif = json.loads(check("--format", "sarif", "--select", "PL107", "bad.md").stdout)
    assert sarif["runs"][0]["results"] == [] and sarif["runs"][0]["tool"]["driver"]["rules"][0]["id"] == "PL107"


def test_github_annotations_escape_properties_and_messages():
    finding = Finding("a,b:c%.md", 3, 5, 3, 9, "jargon", "PL104", "warning", "Line one\nline 100%: two", "en", excerpt="x")
    line = github.annotation(finding)
    assert line == (
        "::warning file=a%2Cb%3Ac%25.md,line=3,col=5,endLine=3,endColumn=9,title=PL104 jargon"
        "::Line one%0Aline 100%25: two"
    )
    info = Finding("p.md", 1, 1, 1, 2, "r", "X1", "info", "m", "en")
    assert github.annotation(info).startswith("::notice ")


def test_format_auto_picks_github_under_actions(repo):
    under_actions = check("bad.md", env={"GITHUB_ACTIONS": "true"})
    assert under_actions.stdout.startswith("::error file=bad.md,line=1,col=3,")
    assert check("bad.md").stdout.startswith("bad.md:1:3: PL101 error:")
    assert pick("auto", {"GITHUB_ACTIONS": "true"}) == "github" and pick("auto", {}) == "text"
    assert pick("json", {"GITHUB_ACTIONS": "true"}) == "json"


class Terminal:
    def isatty(self):
        return True


def test_colour_only_on_a_terminal_without_no_color():
    assert use_color(Terminal(), {}) is True
    assert use_color(Terminal(), {"NO_COLOR": "1"}) is False
    assert use_color(object(), {}) is False


def test_coloured_text_has_the_same_words():
    finding = Finding("p.md", 1, 2, 1, 5, "jargon", "PL104", "warning", "Jargon.", "en", excerpt="abc")
    result = Result(findings=[finding], files_checked=1)
    plain = text.render(result, Output("0"))
    coloured = text.render(result, Output("0", color=True))
    assert "\x1b[" in coloured and "\x1b[" not in plain
    assert click.unstyle(coloured) == plain


def test_piped_text_is_plain(repo):
    assert "\x1b[" not in check("bad.md").stdout


def test_json_and_sarif_share_fingerprints(repo):
    findings = json.loads(check("--format", "json", "bad.md").stdout)["findings"]
    run = json.loads(check("--format", "sarif", "bad.md").stdout)["runs"][0]
    assert [f["fingerprint"] for f in findings] == [r["partialFingerprints"]["policylintContent/v1"] for r in run["results"]]
