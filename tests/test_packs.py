"""The rule pack's structure, and how a broken pack is reported."""

import pytest

from policylint.model import LANGUAGES
from policylint.packs import PackError, load_pack
from policylint.packs.docs import covered_languages

RULE_NAMES = {
    "unused-suppression": "PL001",
    "missing-scope": "PL101",
    "missing-enforcement": "PL102",
    "unmeasurable-standard": "PL103",
    "jargon": "PL104",
    "missing-revision-date": "PL105",
    "stale-revision-date": "PL106",
    "unfilled-placeholder": "PL107",
    "missing-title": "PL108",
    "missing-purpose": "PL109",
    "long-mission-statement": "PL110",
    "missing-procedures": "PL111",
    "missing-complaint-procedure": "PL112",
    "missing-escalation": "PL113",
    "missing-contact": "PL114",
    "missing-feedback": "PL115",
    "missing-training": "PL116",
    "missing-performance-measures": "PL117",
    "missing-review-cycle": "PL118",
    "long-sentence": "PL119",
    "weak-obligation": "PL120",
    "hidden-characters": "PL121",
    "missing-return-window": "PL122",
    "missing-refund-method": "PL123",
    "missing-rights": "PL124",
    "translation-missing-element": "PL201",
    "translation-commitment-differs": "PL202",
    "translation-revision-date-differs": "PL203",
    "translation-contact-differs": "PL204",
    "translation-placeholder-left": "PL205",
}


def test_the_public_rule_names_and_codes(pack):
    assert {r.name: r.code for r in pack.rules} == RULE_NAMES


@pytest.mark.parametrize("name", RULE_NAMES)
def test_every_rule_covers_all_five_languages(pack, name):
    rule = pack.rule(name)
    for language in LANGUAGES:
        assert rule.message[language].strip()
        for extra in rule.messages.values():
            assert extra[language].strip()
        assert len(rule.examples[language]["pass"]) >= 2, (name, language)
        assert len(rule.examples[language]["fail"]) >= 2, (name, language)
        vocabulary = rule.languages[language]
        for key in rule.kind.vocabulary:
            terms = pack.vocabulary(rule, language, key)
            if key in ("headings", "statements", "vague", "commitments", "terms", "revision_labels", "phrases",
                       "words", "reviews", "subjects", "labels", "modals", "duties"):
                assert terms, (name, language, key)
        assert isinstance(vocabulary, dict)
    assert rule.rationale and rule.fix and rule.summary
    assert covered_languages(pack, rule) == list(LANGUAGES)


@pytest.mark.parametrize("name", RULE_NAMES)
def test_every_rule_explains_itself_in_all_five_languages(pack, name):
    """Whoever reads policylint in their language reads why a rule matters and how to fix what
    it reports in that language too: written for it, not the English text copied."""
    rule = pack.rule(name)
    for key in ("summary", "rationale", "fix"):
        for language in LANGUAGES:
            assert rule.prose_language(key, language) == language, (name, key, language)
            assert language == "en" or rule.prose(key, language) != rule.prose(key, "en"), (name, key, language)
        assert rule.prose(key, "en") == getattr(rule, key)


def test_a_custom_rule_may_explain_itself_in_english_alone(tmp_path):
    english_alone = MINIMAL.replace("{en: s, fr: s, es: s, el: s, ar: s}", "s").replace(
        "{en: r, fr: r, es: r, el: r, ar: r}", "r").replace("{en: f, fr: f, es: f, el: f, ar: f}", "f")
    write_rule(tmp_path, english_alone)
    rule = load_pack(extra_dirs=[tmp_path]).rule("test-rule")
    assert (rule.prose("rationale", "fr"), rule.prose_language("rationale", "fr")) == ("r", "en")
    assert (rule.prose("fix", "ar"), rule.prose_language("fix", "ar")) == ("f", "en")


def test_language_data_is_complete(pack):
    for language in LANGUAGES:
        data = pack.language_data[language]
        assert sorted(data["months"]) == list(range(1, 13))
        for key in ("numbers", "time_units", "frequencies", "revision_labels"):
            assert data[key], (language, key)


def test_messages_format_with_their_parameters(pack):
    params = {"term": "x", "suggestion": "", "date": "1 May 2020", "months": 12, "alternative": "y", "count": 9, "max": 4,
              "directive": "policylint-disable jargon", "rules": "jargon", "word": "w", "character": "U+200B",
              "element": "Scope", "other": "policy.en.md, line 3, column 1", "commitment": "48 hours",
              "source_commitment": "24 hours", "source_date": "1 May 2020", "contact": "a@b.org",
              "source_contact": "c@d.org", "placeholder": "[Name]"}
    for rule in pack.rules:
        for language in LANGUAGES:
            rule.message[language].format(**params)
            for extra in rule.messages.values():
                extra[language].format(**params)


def write_rule(folder, text):
    (folder / "PL900-test.yaml").write_text(text, encoding="utf-8")


MINIMAL = """
code: PL900
name: test-rule
check: required-section
severity: warning
summary: {en: s, fr: s, es: s, el: s, ar: s}
rationale: {en: r, fr: r, es: r, el: r, ar: r}
fix: {en: f, fr: f, es: f, el: f, ar: f}
message: {en: m, fr: m, es: m, el: m, ar: m}
languages: {en: {headings: [scope]}}
examples: {en: {pass: [a], fail: [b]}, fr: {pass: [a], fail: [b]}, es: {pass: [a], fail: [b]},
           el: {pass: [a], fail: [b]}, ar: {pass: [a], fail: [b]}}
"""


def test_a_minimal_custom_rule_loads(tmp_path):
    write_rule(tmp_path, MINIMAL)
    assert load_pack(tmp_path).rule("test-rule").code == "PL900"


@pytest.mark.parametrize(
    "change, expected",
    [
        (("severity: warning", "severity: fatal"), "severity: expected one of"),
        (("check: required-section", "check: nonsense"), "check: unknown check kind 'nonsense'"),
        (("headings: [scope]", "headlines: [scope]"), "languages.en.headlines: unknown key"),
        (("headings: [scope]", "headings: scope"), "languages.en.headings: expected a list"),
        (("message: {en: m, fr: m,", "message: {en: m,"), "message.fr: missing text"),
        (("fix: {en: f, fr: f, es: f, el: f, ar: f}\n", ""), "fix: missing"),
        (("rationale: {en: r, fr: r, es: r, el: r, ar: r}", "rationale: r"),
         "rationale: expected a text for each language (en, fr, es, el, ar)"),
        (("fix: {en: f, fr: f, es: f, el: f, ar: f}", "fix: {en: f, fr: f, es: f, el: f}"), "fix.ar: missing text"),
        (("summary: {en: s", "summary: [{en: s"), "not valid YAML"),
    ],
)
def test_pack_mistakes_name_the_file_and_key(tmp_path, change, expected):
    write_rule(tmp_path, MINIMAL.replace(*change))
    with pytest.raises(PackError) as error:
        load_pack(tmp_path)
    assert str(error.value).startswith(str(tmp_path / "PL900-test.yaml"))
    assert expected in str(error.value)


def test_a_pack_read_back_from_the_cache_equals_the_yaml(tmp_path, monkeypatch):
    from policylint.packs import default_rules_dir, yaml_cache
    from policylint.text.languages import builtin_language_files

    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(tmp_path))
    builtin_language_files.cache_clear()  # read once per process: read them again, into this cache
    parsed = load_pack()
    every_file = list(default_rules_dir().rglob("*.yaml"))  # language data included
    assert len(list((tmp_path / "yaml").iterdir())) == len(every_file)

    def no_parsing(path, text):
        raise AssertionError(f"{path} parsed again")

    monkeypatch.setattr(yaml_cache, "_parse_yaml", no_parsing)
    cached = load_pack()
    assert cached.rules == parsed.rules
    assert cached.language_data == parsed.language_data  # months keep their number keys
    assert cached.profiles == parsed.profiles


def test_a_damaged_or_unsuitable_pack_cache_entry_is_not_used(tmp_path, monkeypatch):
    import datetime as dt

    from policylint.packs import yaml_cache

    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(tmp_path))
    parsed = load_pack()
    for entry in (tmp_path / "yaml").iterdir():
        entry.write_text("{not json", encoding="utf-8")
    assert load_pack().rules == parsed.rules
    assert not yaml_cache._json_keeps({"revised": dt.date(2026, 1, 1)})
    assert not yaml_cache._json_keeps({(1, 2): "tuple key"})
    assert yaml_cache._json_keeps({"months": {1: ["January"]}, "a": [{"b": 2.5, "c": None, "d": True}]})
    assert not yaml_cache._json_keeps({1: ["January"], "a": "keys of two kinds"})
