"""Revision dates as real policies write them (issue 14): dates glued to their month name,
and dates that no calendar has, which get their own message rather than "no revision date"."""

import datetime as dt

import pytest
from helpers import findings_for

from policylint.findings.engine import Settings
from policylint.model import LANGUAGES
from policylint.text.dates import find_dates, find_impossible_dates

TODAY = dt.date(2026, 6, 30)

# (language, a document whose only revision date does not exist, the date as written)
IMPOSSIBLE = {
    "en": ("# Returns Policy\n\nLast updated: 31/02/2023\n\nWe refund within 14 days.\n", "31/02/2023"),
    "fr": ("# Politique de retour\n\nMise à jour : 30 février 2024\n\nNous remboursons sous 14 jours.\n",
           "30 février 2024"),
    "es": ("# Política de devoluciones\n\nÚltima actualización: 31/04/2024\n\nReembolsamos en 14 días.\n",
           "31/04/2024"),
    "el": ("# Πολιτική επιστροφών\n\nΤελευταία ενημέρωση: 31/06/2024\n\nΕπιστρέφουμε τα χρήματα σε 14 ημέρες.\n",
           "31/06/2024"),
    "ar": ("# سياسة الإرجاع\n\nآخر تحديث: ٣٠/٠٢/٢٠٢٤\n\nنرد المبلغ خلال 14 يوما.\n", "٣٠/٠٢/٢٠٢٤"),
}


def test_every_language_has_a_case():
    assert set(IMPOSSIBLE) == set(LANGUAGES)


@pytest.mark.parametrize("language", sorted(IMPOSSIBLE))
def test_an_impossible_revision_date_is_named_in_the_message_language(pack, language):
    text, written = IMPOSSIBLE[language]
    settings = Settings(today=TODAY, message_language=language)
    findings = findings_for(text, pack, settings, rule="missing-revision-date", lang=language)
    assert len(findings) == 1
    rule = next(r for r in pack.rules if r.name == "missing-revision-date")
    expected = rule.text(rule.messages["impossible"], language).format(date=written)
    assert findings[0].message == expected
    assert findings[0].excerpt == written


def test_impossible_dates_are_not_dates():
    assert find_dates("Last updated: 31/02/2023", {}) == []
    assert [(d.start, d.end) for d in find_impossible_dates("Last updated: 31/02/2023", {})] == [(14, 24)]
    assert find_impossible_dates("Reference 45/13/2020", {}) == []  # no month 13: not a date at all


@pytest.mark.parametrize("language, text, day", [
    ("ar", "آخر تحديث: 18ديسمبر 2024", dt.date(2024, 12, 18)),
    ("es", "Actualizado: 3 de marzo de 2026.", dt.date(2026, 3, 3)),
    ("fr", "Mise à jour : 3mars 2026", dt.date(2026, 3, 3)),
    ("el", "Ενημέρωση: 3Μαρτίου 2026", dt.date(2026, 3, 3)),
    ("en", "Updated: 3March 2026", dt.date(2026, 3, 3)),
])
def test_a_day_glued_to_its_month_is_read(pack, language, text, day):
    months = pack.language_data[language]["months"]
    assert [d.date for d in find_dates(text, months)] == [day]


@pytest.mark.parametrize("language, text", [
    ("es", "# Política de devoluciones\n\nActualizado: 3 de marzo de 2026.\n\nReembolsamos en 14 días.\n"),
    ("ar", "# سياسة الإرجاع\n\nآخر تحديث: 18ديسمبر 2025\n\nنرد المبلغ خلال 14 يوما.\n"),
])
def test_real_revision_labels_are_read(pack, language, text):
    settings = Settings(today=TODAY, message_language=language)
    assert findings_for(text, pack, settings, rule="missing-revision-date", lang=language) == []
