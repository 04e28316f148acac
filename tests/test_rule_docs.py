"""`policylint rules` and `policylint explain`, from the installed command's point of view."""

import json

import pytest
from click.testing import CliRunner

from policylint.cli import main
from policylint.model import LANGUAGES


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_rules_lists_every_rule_with_its_columns(pack):
    result = run("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "SEVERITY", "PROFILES", "LANGUAGES", "SUMMARY"]
    for rule in pack.rules:
        line = next(row for row in lines if row.startswith(rule.code + " "))
        assert rule.name in line and rule.severity in line and "en,fr,es,el,ar" in line and rule.summary in line
    # the default profile (customer-service) leaves out the rules of other kinds alone
    assert lines[-1] == f"{len(pack.rules)} rules, {len(pack.select())} enabled."


def test_rules_marks_what_a_profile_leaves_off():
    lines = run("rules", "--profile", "core").stdout.splitlines()
    assert any(row.startswith("PL108 ") and "missing-title (off)" in row for row in lines)
    assert any(row.startswith("PL101 ") and "core,customer-service" in row for row in lines)


def test_rules_as_json():
    payload = json.loads(run("rules", "--format", "json").stdout)
    record = next(r for r in payload["rules"] if r["name"] == "missing-contact")
    assert record == {
        "code": "PL114", "name": "missing-contact", "severity": "warning",
        "profiles": ["code-of-conduct", "complaints", "customer-service", "privacy", "returns", "terms"],
        "languages": list(LANGUAGES), "enabled": True, "summary": record["summary"], "pack": "built-in",
    }


@pytest.mark.parametrize("name", ["weak-obligation", "PL120", "pl120"])
def test_explain_by_name_or_code(pack, name):
    result = run("explain", name)
    assert result.exit_code == 0
    out = result.stdout
    rule = pack.rule("weak-obligation")
    assert out.startswith("PL120 weak-obligation: ")
    for title in ("Why it matters:", "What it looks for:", "How to fix it:", "Examples:"):
        assert title in out
    for language, label in (("en", "English"), ("fr", "French"), ("es", "Spanish"), ("el", "Greek"), ("ar", "Arabic")):
        assert f"  {label}:" in out
        assert " ".join(rule.examples[language]["pass"][0].split())[:30] in " ".join(out.split())
        assert " ".join(rule.examples[language]["fail"][0].split())[:30] in " ".join(out.split())


def test_explain_one_language():
    out = run("explain", "missing-contact", "--lang", "el").stdout
    assert "Greek:" in out and "French:" not in out


def test_explain_an_unknown_rule_exits_two():
    result = run("explain", "no-such-rule")
    assert result.exit_code == 2
    assert "no rule named 'no-such-rule'" in result.stderr
