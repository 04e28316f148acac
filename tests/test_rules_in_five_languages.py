"""What a rule says of itself (summary, why it matters, how to fix what it reports) is read in
the reader's language wherever it is shown: `explain`, `rules`, SARIF, the report.

The expected words are written here by hand, one per language that only that language's text
of missing-scope holds, so a test fails if a text falls back to English or to another language."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import TODAY
from report_helpers import parse_html

from policylint.cli import main
from policylint.messages import Messages
from policylint.model import LANGUAGES

# missing-scope: a word of its rationale and a word of its fix, in each language
# (none of them in the rule's examples, which `explain` shows too)
SCOPE_WORDS = {
    "en": ("at once whether", "in every branch"),
    "fr": ("d'emblée", "dans chaque agence"),
    "es": ("enseguida", "en todas las oficinas"),
    "el": ("καταλαβαίνει αμέσως", "σε κάθε κανάλι"),
    "ar": ("فورًا", "عبر كل قناة"),
}
NO_LOCALE = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": None, "LANGUAGE": None}
# a policy with no scope, whatever language it is read in
NO_SCOPE = "# Customer Service Policy\n\nWe answer every call within 30 seconds.\n"


def invoke(*args, env=None):
    return CliRunner().invoke(main, list(args), env={**NO_LOCALE, **(env or {})})


def words_of(text: str) -> str:
    return " ".join(text.split())


def assert_in_language(text: str, language: str, parts=(0, 1)) -> None:
    """`text` holds missing-scope's rationale and fix (`parts`: 0, 1 or both) in `language`,
    and in no other language."""
    text = words_of(text)
    for other, words in SCOPE_WORDS.items():
        assert [words[part] in text for part in parts] == [other == language] * len(parts), (language, other)


@pytest.mark.parametrize("language", LANGUAGES)
def test_explain_gives_why_and_how_to_fix_in_the_message_language(language):
    result = invoke("explain", "missing-scope", "--message-lang", language, "--lang", language)
    assert result.exit_code == 0, result.output
    assert_in_language(result.output, language)
    say = Messages(language)
    assert say("explain_why") in result.output and say("explain_fix") in result.output


@pytest.mark.parametrize(("locale", "language"), [("fr_FR.UTF-8", "fr"), ("es_ES.UTF-8", "es"), ("el_GR.UTF-8", "el"),
                                                  ("ar_EG.UTF-8", "ar"), ("de_DE.UTF-8", "en"), ("C.UTF-8", "en")])
def test_explain_follows_the_locale_and_is_english_under_any_other(locale, language):
    result = invoke("explain", "PL101", "--lang", "en", env={"LANG": locale})
    assert result.exit_code == 0, result.output
    assert_in_language(result.output, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_rules_lists_the_summaries_in_the_message_language(pack, language):
    text = invoke("rules", "--message-lang", language).output
    listed = json.loads(invoke("rules", "--format", "json", "--message-lang", language).output)["rules"]
    scope = pack.rule("missing-scope")
    assert scope.prose("summary", language) in next(line for line in text.splitlines() if line.startswith("PL101 "))
    assert next(r for r in listed if r["code"] == "PL101")["summary"] == scope.prose("summary", language)
    written = {"en": "Nothing says whom", "fr": "Rien ne dit à qui", "es": "Nada indica a quién",
               "el": "Τίποτα δεν λέει σε ποιους", "ar": "لا شيء يبيّن على من"}
    assert scope.prose("summary", language).startswith(written[language])


def sarif_rule(folder, code: str, *options: str, env=None) -> dict:
    result = invoke("check", "--format", "sarif", "--today", TODAY.isoformat(), *options, str(folder), env=env)
    assert result.exit_code == 1, result.output
    rules = json.loads(result.output)["runs"][0]["tool"]["driver"]["rules"]
    return next(rule for rule in rules if rule["id"] == code)


@pytest.mark.parametrize("language", LANGUAGES)
def test_sarif_describes_the_rules_in_the_message_language(tmp_path, language):
    (tmp_path / "policy.md").write_text(NO_SCOPE, encoding="utf-8")
    rule = sarif_rule(tmp_path, "PL101", "--message-lang", language)
    assert_in_language(rule["fullDescription"]["text"], language, parts=(0,))
    how_to_fix = Messages(language)("explain_fix")
    assert f"\n\n{how_to_fix} " in rule["help"]["text"] and f"**{how_to_fix}**" in rule["help"]["markdown"]
    assert_in_language(rule["help"]["text"], language)
    assert ("How to fix" in rule["help"]["text"]) == (language == "en")


def test_sarif_describes_the_rules_in_english_when_messages_follow_each_document(tmp_path):
    """Under a locale that is none of the five, each message is in its document's language, but a
    run describes each rule once: in English."""
    (tmp_path / "politique.md").write_text("# Politique de service\n\nNous répondons à chaque appel.\n", encoding="utf-8")
    result = invoke("check", "--format", "sarif", "--today", TODAY.isoformat(), str(tmp_path), env={"LANG": "C.UTF-8"})
    run = json.loads(result.output)["runs"][0]
    scope = next(rule for rule in run["tool"]["driver"]["rules"] if rule["id"] == "PL101")
    assert_in_language(scope["help"]["text"], "en")
    message = next(r["message"]["text"] for r in run["results"] if r["ruleId"] == "PL101")
    assert message.startswith("Champ d'application absent")


def test_a_custom_rule_in_english_alone_is_shown_in_english_and_marked_so(tmp_path):
    """A user's pack may explain its rules in English only: a French reader gets the English
    text (the report tells the browser it is English), never nothing."""
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "ACME1-trade-words.yaml").write_text("""
code: ACME1
name: trade-words
check: terms
severity: warning
summary: Words of our own trade.
rationale: Customers do not know the words of our trade.
fix: Say what the word means in everyday words.
message: {en: '"{term}" is a trade word{suggestion}.', fr: '« {term} » est un mot du métier{suggestion}.'}
messages:
  acronym: {en: '"{term}" is never spelled out.', fr: '« {term} » n''est jamais développé.'}
  suggestion: {en: '; say instead: {alternative}', fr: ' ; écrivez plutôt : {alternative}'}
options: {acronyms: false}
languages: {en: {terms: {widget: null}}, fr: {terms: {bidule: null}}}
examples: {en: {pass: ["We sell tools."], fail: ["We sell a widget."]},
           fr: {pass: ["Nous vendons des outils."], fail: ["Nous vendons un bidule."]}}
""", encoding="utf-8")
    explained = invoke("explain", "ACME1", "--rules-dir", str(pack), "--message-lang", "fr").output
    assert "Customers do not know the words of our trade." in explained and Messages("fr")("explain_why") in explained
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "politique.md").write_text("# Politique de service\n\nNous vendons un bidule.\n", encoding="utf-8")
    out = tmp_path / "report.html"
    done = invoke("report", "--today", TODAY.isoformat(), "--rules-dir", str(pack), "--select", "ACME1,PL120",
                  "--message-lang", "fr", "-o", str(out), str(tmp_path / "docs"))
    assert done.exit_code == 0, done.output
    root, _ = parse_html(out.read_text(encoding="utf-8"))
    advice = root.find("section", data_rule="trade-words").find("p", cls="fix").find("span")
    assert advice.text() == "Say what the word means in everyday words."
    assert (advice.attrs["lang"], advice.attrs["dir"]) == ("en", "ltr")
    sarif = sarif_rule(tmp_path / "docs", "ACME1", "--rules-dir", str(pack), "--select", "ACME1", "--message-lang", "fr")
    assert sarif["fullDescription"]["text"] == "Customers do not know the words of our trade."
    assert sarif["help"]["text"].endswith("Comment corriger : Say what the word means in everyday words.")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_reports_advice_is_in_the_message_language(tmp_path, pack, language):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "policy.md").write_text(
        "# Customer Service Policy\n\nWe leverage synergies. Call [phone number].\n", encoding="utf-8")
    out = tmp_path / "report.html"
    done = invoke("report", "--today", TODAY.isoformat(), "--message-lang", language, "-o", str(out), str(tmp_path / "docs"))
    assert done.exit_code == 0, done.output
    root, _ = parse_html(out.read_text(encoding="utf-8"))
    groups = root.find_all("section", cls="rule-group")
    assert {group.attrs["data-rule"] for group in groups} >= {"jargon", "unfilled-placeholder"}
    for group in groups:
        advice = group.find("p", cls="fix").find("span")
        assert advice.text() == pack.rule(group.attrs["data-rule"]).prose("fix", language)
        assert "lang" not in advice.attrs
