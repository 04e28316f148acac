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


# (language, a policy whose date stands on a line of its own under its title, that date as written)
DATE_UNDER_TITLE = {
    "en": ("# Refunds Policy\n\nWednesday, 6 March 2024\n\nWe refund within 14 days.\n", "6 March 2024"),
    "fr": ("# Politique de remboursement\n\nmercredi 6 mars 2024\n\nNous remboursons sous 14 jours.\n", "6 mars 2024"),
    "es": ("# Política de reembolsos\n\nmiércoles, 6 de marzo de 2024\n\nReembolsamos en 14 días.\n",
           "6 de marzo de 2024"),
    "el": ("# Πολιτική επιστροφής χρημάτων\n\nΤετάρτη, 6 Μαρτίου 2024\n\nΕπιστρέφουμε τα χρήματα σε 14 ημέρες.\n",
           "6 Μαρτίου 2024"),
    "ar": ("# سياسة استرداد المبالغ\n\nالأربعاء ٦ آذار، ٢٠٢٤\n\nنرد المبلغ خلال 14 يوما.\n", "٦ آذار، ٢٠٢٤"),
}


def test_every_language_has_a_date_under_its_title():
    assert set(DATE_UNDER_TITLE) == set(LANGUAGES)


@pytest.mark.parametrize("language", sorted(DATE_UNDER_TITLE))
def test_a_date_alone_under_the_title_is_the_revision_date(pack, language):
    text, written = DATE_UNDER_TITLE[language]
    settings = Settings(today=TODAY, message_language=language)
    assert findings_for(text, pack, settings, rule="missing-revision-date", lang=language) == []
    stale = findings_for(text, pack, settings, rule="stale-revision-date", lang=language)
    assert [f.excerpt for f in stale] == [written]


@pytest.mark.parametrize("language", sorted(DATE_UNDER_TITLE))
def test_a_date_alone_in_the_footer_is_the_revision_date(pack, language):
    text, written = DATE_UNDER_TITLE[language]
    title, date, body = text.split("\n\n", 2)
    moved = f"{title}\n\n{body}\n{date}\n"
    settings = Settings(today=TODAY, message_language=language)
    stale = findings_for(moved, pack, settings, rule="stale-revision-date", lang=language)
    assert [f.excerpt for f in stale] == [written]


@pytest.mark.parametrize("language, text", [
    ("en", "# Refunds Policy\n\nWe opened our first shop on 6 March 2024.\n\nWe refund within 14 days.\n"),
    ("fr", "# Politique de remboursement\n\nmercredi 6 mars 2024 16:31\n\nNous remboursons sous 14 jours.\n"),
    ("es", "# Política de reembolsos\n\nLa tienda abrió el 6 de marzo de 2024.\n\nReembolsamos en 14 días.\n"),
    ("el", "# Πολιτική επιστροφής χρημάτων\n\nΤετάρτη, 6 Μαρτίου 2024 16:31\n\nΕπιστρέφουμε τα χρήματα σε 14 ημέρες.\n"),
    ("ar", "# سياسة استرداد المبالغ\n\nافتتحنا متجرنا في ٦ آذار ٢٠٢٤.\n\nنرد المبلغ خلال 14 يوما.\n"),
])
def test_a_date_in_a_sentence_or_a_posting_time_is_not_a_revision_date(pack, language, text):
    settings = Settings(today=TODAY, message_language=language)
    assert len(findings_for(text, pack, settings, rule="missing-revision-date", lang=language)) == 1


@pytest.mark.parametrize("language, text, day", [
    ("en", "Last updated: 03/2024", dt.date(2024, 3, 1)),
    ("fr", "Mise à jour : 2024-03", dt.date(2024, 3, 1)),
    ("es", "Última modificación: 03.2024", dt.date(2024, 3, 1)),
    ("el", "Τελευταία τροποποίηση: 12/2023", dt.date(2023, 12, 1)),
    ("ar", "آخر تعديل: ٠٣/٢٠٢٤", dt.date(2024, 3, 1)),
])
def test_a_month_and_year_without_a_day_is_read_as_the_month(pack, language, text, day):
    months = pack.language_data[language]["months"]
    assert [d.date for d in find_dates(text, months)] == [day]


def test_law_numbers_are_not_months():
    assert find_dates("Real Decreto 1/2007, Ley 3/2014", {}) == []


@pytest.mark.parametrize("language, text", [
    ("en", "# Refunds Policy\n\nDate of last change: 6 March 2024\n"),
    ("fr", "# Politique de remboursement\n\nEn application depuis le 6 mars 2024\n"),
    ("es", "# Política de reembolsos\n\nÚltima modificación: 6 de marzo de 2024\n"),
    ("el", "# Πολιτική επιστροφής χρημάτων\n\nΗμερομηνία ενεργοποίησης, 6 Μαρτίου 2024\n"),
    ("ar", "# سياسة استرداد المبالغ\n\nآخر تعديل: ٦ كانون الثاني ٢٠٢٤\n"),
])
def test_more_revision_labels_are_read(pack, language, text):
    settings = Settings(today=TODAY, message_language=language)
    assert findings_for(text, pack, settings, rule="missing-revision-date", lang=language) == []
    assert len(findings_for(text, pack, settings, rule="stale-revision-date", lang=language)) == 1


@pytest.mark.parametrize("language, text, written", [
    ("en", "# Refunds Policy\n\n31/02/2024\n\nWe refund within 14 days.\n", "31/02/2024"),
    ("ar", "# سياسة الإرجاع\n\n٣٠/٠٢/٢٠٢٤\n\nنرد المبلغ خلال 14 يوما.\n", "٣٠/٠٢/٢٠٢٤"),
])
def test_an_impossible_date_alone_under_the_title_gets_its_own_message(pack, language, text, written):
    settings = Settings(today=TODAY, message_language=language)
    findings = findings_for(text, pack, settings, rule="missing-revision-date", lang=language)
    assert [f.excerpt for f in findings] == [written]


def test_an_ordinal_day_of_a_month_is_read(pack):
    months = pack.language_data["en"]["months"]
    assert [d.date for d in find_dates("Effective from the 1st of March 2024", months)] == [dt.date(2024, 3, 1)]


# (language, a policy last reviewed in 2024 whose next review is in 2027, the revision date as written)
NEXT_REVIEW = {
    "en": ("# Refunds Policy\n\nLast reviewed: 6 March 2024. Next review: 6 March 2027.\n", "6 March 2024"),
    "fr": ("# Politique de remboursement\n\nDernière révision : 6 mars 2024. Prochaine révision : 6 mars 2027.\n",
           "6 mars 2024"),
    "es": ("# Política de reembolsos\n\nÚltima revisión: 6 de marzo de 2024. Próxima revisión: 6 de marzo de 2027.\n",
           "6 de marzo de 2024"),
    "el": ("# Πολιτική επιστροφών\n\nΤελευταία αναθεώρηση: 6 Μαρτίου 2024. Επόμενη αναθεώρηση: 6 Μαρτίου 2027.\n",
           "6 Μαρτίου 2024"),
    "ar": ("# سياسة الاسترداد\n\nآخر مراجعة: ٦ آذار ٢٠٢٤. المراجعة القادمة: ٦ آذار ٢٠٢٧.\n", "٦ آذار ٢٠٢٤"),
}


def test_every_language_has_a_next_review():
    assert set(NEXT_REVIEW) == set(LANGUAGES)


@pytest.mark.parametrize("language", sorted(NEXT_REVIEW))
def test_a_next_review_date_is_not_a_revision(pack, language):
    text, written = NEXT_REVIEW[language]
    settings = Settings(today=TODAY, message_language=language)
    stale = findings_for(text, pack, settings, rule="stale-revision-date", lang=language)
    assert [f.excerpt for f in stale] == [written]
    only_next = text.split("\n\n")[0] + "\n\n" + text.split(". ", 1)[1]
    assert len(findings_for(only_next, pack, settings, rule="missing-revision-date", lang=language)) == 1


@pytest.mark.parametrize("language, text", [
    ("en", "# Refunds Policy\n\nWe refund within 14 days.\n\nDate: 6 March 2024\n"),
    ("fr", "# Politique de remboursement\n\nNous remboursons sous 14 jours.\n\nFait à Lyon, le 6 mars 2024\n"),
    ("es", "# Política de reembolsos\n\nReembolsamos en 14 días.\n\nFecha: 6 de marzo de 2024\n"),
    ("el", "# Πολιτική επιστροφών\n\nΕπιστρέφουμε τα χρήματα σε 14 ημέρες.\n\nΗμερομηνία: 6 Μαρτίου 2024\n"),
    ("ar", "# سياسة الاسترداد\n\nنرد المبلغ خلال 14 يوما.\n\nصدر بتاريخ ٦ آذار ٢٠٢٤\n"),
])
def test_a_dated_signature_or_date_line_is_the_revision_date(pack, language, text):
    settings = Settings(today=TODAY, message_language=language)
    assert findings_for(text, pack, settings, rule="missing-revision-date", lang=language) == []
    assert len(findings_for(text, pack, settings, rule="stale-revision-date", lang=language)) == 1


@pytest.mark.parametrize("language, text, written", [
    ("en", "# Privacy Notice (March 2024)\n\nWe keep your data for two years.\n", "March 2024"),
    ("fr", "# Politique de confidentialité – mars 2024\n\nNous gardons vos données deux ans.\n", "mars 2024"),
    ("es", "# Aviso de privacidad, marzo de 2024\n\nGuardamos sus datos dos años.\n", "marzo de 2024"),
    ("el", "# Δήλωση απορρήτου, Μάρτιος 2024\n\nΚρατάμε τα δεδομένα σας δύο χρόνια.\n", "Μάρτιος 2024"),
    ("ar", "# إشعار الخصوصية - آذار ٢٠٢٤\n\nنحتفظ ببياناتك سنتين.\n", "آذار ٢٠٢٤"),
])
def test_a_date_in_the_title_is_the_revision_date(pack, language, text, written):
    settings = Settings(today=TODAY, message_language=language)
    stale = findings_for(text, pack, settings, rule="stale-revision-date", lang=language)
    assert [f.excerpt for f in stale] == [written]
