"""What rules share about one document (checks.facts.DocumentFacts): worked out once per run,
and never handed to a rule whose vocabulary would give another answer."""

import pytest

from policylint.checks import fill_ins
from policylint.findings.engine import check_document
from policylint.packs import load_pack
from policylint.readers import read_bytes
from policylint.text.language import detect

# A custom revision-date rule whose only label is a word the built-in rule does not know.
STAMP_RULE = """
code: PL901
name: missing-stamp-date
check: revision-date
severity: warning
summary: s
rationale: r
fix: f
message: {en: m, fr: m, es: m, el: m, ar: m}
languages:
  en: {revision_labels: [stamped]}
  fr: {revision_labels: [tamponné]}
  es: {revision_labels: [sellado]}
  el: {revision_labels: [σφραγίστηκε]}
  ar: {revision_labels: [ختم]}
examples: {en: {pass: [a], fail: [b]}, fr: {pass: [a], fail: [b]}, es: {pass: [a], fail: [b]},
           el: {pass: [a], fail: [b]}, ar: {pass: [a], fail: [b]}}
"""

# (title, a date under the custom label, the same date under a built-in label)
DOCUMENTS = {
    "en": ("# Customer Service Policy", "Stamped 12 March 2026.", "Last updated 12 March 2026."),
    "fr": ("# Politique de service", "Tamponné le 12 mars 2026.", "Dernière mise à jour : 12 mars 2026."),
    "es": ("# Política de servicio", "Sellado el 12 de marzo de 2026.", "Última actualización: 12 de marzo de 2026."),
    "el": ("# Πολιτική εξυπηρέτησης", "Σφραγίστηκε στις 12 Μαρτίου 2026.", "Τελευταία ενημέρωση: 12 Μαρτίου 2026."),
    "ar": ("# سياسة خدمة العملاء", "ختم في 12 مارس 2026.", "تاريخ المراجعة: 12 مارس 2026."),
}


@pytest.fixture(scope="module")
def stamp_pack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("custom")
    (folder / "PL901-stamp.yaml").write_text(STAMP_RULE, encoding="utf-8")
    return load_pack(extra_dirs=[folder])


def fired_rules(pack, settings, text, language, rule_names):
    document = detect(read_bytes(text.encode("utf-8"), "policy.md"), language)
    findings = check_document(document, pack, settings, [pack.rule(name) for name in rule_names])
    return {finding.rule for finding in findings}


@pytest.mark.parametrize("language", sorted(DOCUMENTS))
@pytest.mark.parametrize("order", [("missing-revision-date", "missing-stamp-date"),
                                   ("missing-stamp-date", "missing-revision-date")])
def test_revision_dates_are_shared_only_between_rules_with_the_same_labels(stamp_pack, settings, language, order):
    title, stamped, updated = DOCUMENTS[language]
    assert fired_rules(stamp_pack, settings, f"{title}\n\n{stamped}\n", language, order) == {"missing-revision-date"}
    assert fired_rules(stamp_pack, settings, f"{title}\n\n{updated}\n", language, order) == {"missing-stamp-date"}


@pytest.mark.parametrize("language", sorted(DOCUMENTS))
def test_the_missing_and_the_stale_rule_share_one_search(stamp_pack, settings, language, monkeypatch):
    from policylint.checks import revision_date

    searches = []
    search = revision_date._revision_dates
    monkeypatch.setattr(revision_date, "_revision_dates", lambda context: searches.append(context.rule.name) or search(context))
    title, _, updated = DOCUMENTS[language]
    rules = ("missing-revision-date", "stale-revision-date", "missing-stamp-date")
    assert fired_rules(stamp_pack, settings, f"{title}\n\n{updated}\n", language, rules) == {"missing-stamp-date"}
    assert searches == ["missing-revision-date", "missing-stamp-date"]


@pytest.mark.parametrize("language", sorted(DOCUMENTS))
def test_each_block_is_searched_for_fill_ins_once_for_every_rule(pack, settings, language, monkeypatch):
    searched = []
    find = fill_ins.find
    monkeypatch.setattr(fill_ins, "find", lambda text: searched.append(text) or find(text))
    title, _, updated = DOCUMENTS[language]
    text = f"{title}\n\n{updated}\n\n[Company name] XX TBD\n"
    document = detect(read_bytes(text.encode("utf-8"), "policy.md"), language)
    findings = check_document(document, pack, settings)
    assert any(finding.rule == "unfilled-placeholder" for finding in findings)
    assert sorted(searched) == sorted(set(searched))  # no block twice
