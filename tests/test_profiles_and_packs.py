"""Profiles choose the built-in rules; custom pack folders add rules of their own."""

import pytest
from click.testing import CliRunner
from conftest import ROOT
from helpers import findings_for

from policylint.cli import main
from policylint.packs import PackError, load_pack

PRIVACY = ROOT / "examples" / "privacy-pack"
# the rules of one kind's profile alone: returns (return window, refund method), privacy (rights)
KIND_ONLY = ["PL122", "PL123", "PL124"]
FIRST_SEVEN = ["PL101", "PL102", "PL103", "PL104", "PL105", "PL106", "PL107"]
# every profile has the pair rules, which only `compare` runs
PAIR = ["PL201", "PL202", "PL203", "PL204", "PL205"]
CORE = ["PL001", *FIRST_SEVEN, "PL121", *PAIR]


def codes(rules):
    return [r.code for r in rules]


def test_core_profile_runs_the_first_seven_rules_hidden_characters_and_unused_suppression(pack):
    assert codes(pack.select("core")) == CORE


def test_customer_service_is_the_default_and_runs_every_rule(pack):
    # but those only one other kind asks for: a service charter has no return window
    assert codes(pack.select()) == [code for code in codes(pack.rules) if code not in KIND_ONLY]
    assert len(pack.rules) == 30


@pytest.mark.parametrize("select, ignore, expected", [
    (["PL10"], [], FIRST_SEVEN + ["PL108", "PL109"]),
    (["missing-scope", "PL107"], [], ["PL101", "PL107"]),
    ([], ["PL11", "long-sentence", "PL12"], ["PL001", *FIRST_SEVEN, "PL108", "PL109", *PAIR]),
    (["all"], ["PL1"], ["PL001", *PAIR]),
    ([], ["PL2"], [code for code in codes(load_pack().rules)[:-len(PAIR)] if code not in KIND_ONLY]),
])
def test_select_and_ignore_take_names_codes_and_prefixes(pack, select, ignore, expected):
    assert codes(pack.select("customer-service", select, ignore)) == expected


@pytest.mark.parametrize("call", [
    lambda p: p.select("nope"),
    lambda p: p.select("core", ["missing-scop"]),
    lambda p: p.select("core", [], ["PL9"]),
])
def test_unknown_profiles_and_rules_are_errors_not_silence(pack, call):
    with pytest.raises(PackError):
        call(pack)


def test_a_custom_pack_adds_its_rules_and_profiles():
    pack = load_pack(extra_dirs=[PRIVACY])
    assert {"PRIV01", "PRIV02"} <= set(codes(pack.rules))
    chosen = codes(pack.select("privacy-pack"))
    assert chosen == ["PL104", "PL105", "PL106", "PL107", *PAIR, "PRIV01", "PRIV02"]
    # a custom rule runs only on the languages it covers
    assert pack.rule("PRIV01").covers("en") and not pack.rule("PRIV01").covers("el")


def test_custom_rules_examples_behave_as_stated(settings):
    pack = load_pack(extra_dirs=[PRIVACY])
    for rule in (r for r in pack.rules if r.code.startswith("PRIV")):
        for language, pair in rule.examples.items():
            for text in pair["pass"]:
                assert not findings_for(text, pack, settings, rule=rule.name, lang=language), text
            for text in pair["fail"]:
                assert findings_for(text, pack, settings, rule=rule.name, lang=language), text


def test_a_custom_rule_is_silent_on_a_language_it_does_not_cover(settings):
    pack = load_pack(extra_dirs=[PRIVACY])
    greek = "# Πολιτική απορρήτου\n\nΠροστατεύουμε τα δεδομένα σας."
    assert not findings_for(greek, pack, settings, rule="missing-data-controller", lang="el")


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_check_with_a_custom_pack_from_the_command_line(tmp_path):
    policy = tmp_path / "notice.md"
    policy.write_text("# Privacy notice\n\nUpdated 1 October 2026.\n\nWe keep your records as long as necessary.\n")
    result = run("check", "--today", "2026-11-22", "--message-lang", "en", "--rules-dir", str(PRIVACY),
                 "--profile", "privacy-pack", str(policy))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any("PRIV01" in line and "[missing-data-controller]" in line for line in lines)
    assert any(":5:22: PRIV02 warning:" in line for line in lines)
    assert not any("PL101" in line for line in lines)  # missing-scope is not in the privacy profile


@pytest.mark.parametrize("name, text, expected", [
    ("PRIV09-x.yaml", "code: PRIV09\nname: x\n", "PRIV09-x.yaml: check: missing"),
    ("bad.yaml", "code: [oops\n", "bad.yaml: not valid YAML (line"),
])
def test_a_broken_custom_pack_names_file_and_key_and_exits_two(tmp_path, name, text, expected):
    (tmp_path / name).write_text(text)
    result = run("check", "--rules-dir", str(tmp_path), str(ROOT / "corpora" / "en"))
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_a_profile_naming_an_unknown_rule_is_an_error(tmp_path):
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "p.yaml").write_text("name: p\nsummary: s\nrules: [no-such-rule]\n")
    (tmp_path / "r.yaml").write_text((PRIVACY / "PRIV01-missing-data-controller.yaml").read_text())
    result = run("rules", "--rules-dir", str(tmp_path))
    assert result.exit_code == 2
    assert "p.yaml: rules: 'no-such-rule' is not a rule name, code or code prefix" in result.stderr


def test_an_unknown_profile_exits_two():
    result = run("check", "--profile", "nope", str(ROOT / "corpora" / "en"))
    assert result.exit_code == 2
    assert "unknown profile 'nope'; expected one of code-of-conduct, complaints, core, customer-service" in result.stderr


@pytest.mark.parametrize("old, new, expected", [
    ("code: PRIV01", "code: PL101", "PRIV01.yaml: 'PL101' is already used by"),
    ("severity: error", "severity: error\noptions:\n  shapes: [fax]",
     "PRIV01.yaml: options.shapes: 'fax' is not one of email, url, phone"),
    ("  fr:\n    headings", "  de:\n    headings",
     "PRIV01.yaml: languages.de: unknown language; expected en, fr, es, el, ar"),
    ("name: missing-data-controller", "name: Missing Data Controller",
     "PRIV01.yaml: name: expected lower-case words joined by hyphens"),
])
def test_a_broken_custom_rule_names_its_file_and_key(tmp_path, old, new, expected):
    text = (PRIVACY / "PRIV01-missing-data-controller.yaml").read_text()
    assert old in text
    (tmp_path / "PRIV01.yaml").write_text(text.replace(old, new, 1))
    result = run("rules", "--rules-dir", str(tmp_path))
    assert result.exit_code == 2
    assert expected in result.stderr and "Traceback" not in result.stderr
