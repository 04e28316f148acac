"""Targeted behaviour of each rule in each language, beyond the rules' own examples."""

import datetime as dt

import pytest
from helpers import findings_for

from policylint.text.dates import find_dates


def codes(findings):
    return [f.rule for f in findings]


# A vague qualifier is fine next to a number written in words, in any language.
NUMBER_WORDS = {
    "en": ("We will reply to letters promptly, within two days.", "We will reply to letters promptly."),
    "fr": ("Nous répondrons aux lettres rapidement, sous deux jours.", "Nous répondrons aux lettres rapidement."),
    "es": ("Responderemos a las cartas rápidamente, en dos días.", "Responderemos a las cartas rápidamente."),
    "el": ("Θα απαντάμε στις επιστολές γρήγορα, σε δύο ημέρες.", "Θα απαντάμε στις επιστολές γρήγορα."),
    "ar": ("سنرد على الرسائل بسرعة خلال يومين.", "سنرد على الرسائل بسرعة."),
}


@pytest.mark.parametrize("language", NUMBER_WORDS)
def test_vague_word_with_a_target_in_words_is_fine(pack, settings, language):
    fine, vague = NUMBER_WORDS[language]
    assert findings_for(fine, pack, settings, "unmeasurable-standard", lang=language) == []
    found = findings_for(vague, pack, settings, "unmeasurable-standard", lang=language)
    assert codes(found) == ["unmeasurable-standard"] and found[0].language == language


def test_arabic_indic_digits_are_a_target(pack, settings):
    assert findings_for("سنرد على الرسائل بسرعة خلال ٤٨ ساعة.", pack, settings, "unmeasurable-standard", lang="ar") == []


@pytest.mark.parametrize(
    "language, text, term",
    [
        ("en", "Refunds will be processed in a timely manner.", "in a timely manner"),
        ("fr", "Les remboursements seront traités dans les meilleurs délais.", "dans les meilleurs délais"),
        ("es", "Los reembolsos se tramitarán lo antes posible.", "lo antes posible"),
        ("el", "Οι επιστροφές θα διεκπεραιώνονται το συντομότερο δυνατό.", "το συντομότερο δυνατό"),
        ("ar", "سيتم رد المبالغ في أقرب وقت ممكن.", "في أقرب وقت ممكن"),
    ],
)
def test_finding_points_at_the_vague_words(pack, settings, language, text, term):
    (finding,) = findings_for(text, pack, settings, "unmeasurable-standard", lang=language)
    start = text.index(term)
    assert (finding.line, finding.column, finding.end_column) == (1, start + 1, start + len(term) + 1)
    assert f"\"{term}\"" in finding.message


@pytest.mark.parametrize(
    "language, request_sentence",
    [
        ("en", "Please tell us as soon as possible and we will help."),
        ("fr", "Merci de nous prévenir dès que possible, nous vous rappellerons."),
        ("es", "Por favor, avísenos lo antes posible y le llamaremos."),
        ("el", "Παρακαλούμε ενημερώστε μας το συντομότερο δυνατό και θα σας καλέσουμε."),
        ("ar", "يرجى إبلاغنا في أقرب وقت ممكن وسوف نتصل بك."),
    ],
)
def test_a_request_to_the_reader_sets_no_standard(pack, settings, language, request_sentence):
    assert findings_for(request_sentence, pack, settings, "unmeasurable-standard", lang=language) == []


DATES = {
    "en": ("Last updated: 14 March 2026", dt.date(2026, 3, 14)),
    "fr": ("Dernière mise à jour : 1er mars 2026", dt.date(2026, 3, 1)),
    "es": ("Última actualización: 14 de marzo de 2026", dt.date(2026, 3, 14)),
    "el": ("Τελευταία ενημέρωση: 14 ΜΑΡΤΙΟΥ 2026", dt.date(2026, 3, 14)),
    "ar": ("آخر تحديث: ١٤ آذار ٢٠٢٦م", dt.date(2026, 3, 14)),
}


@pytest.mark.parametrize("language", DATES)
def test_month_names_in_each_language(pack, language):
    text, date = DATES[language]
    months = pack.language_data[language]["months"]
    assert [d.date for d in find_dates(text, months)] == [date]


@pytest.mark.parametrize(
    "text, date",
    [
        ("Μάρτιος 2026", dt.date(2026, 3, 1)),  # Greek nominative
        ("14 Μαρτίου 2026", dt.date(2026, 3, 14)),  # Greek genitive
        ("١٤ مارس ٢٠٢٦", dt.date(2026, 3, 14)),  # Egyptian and Gulf month name
        ("14 إبريل 2026", dt.date(2026, 4, 14)),
        ("2026-03-14", dt.date(2026, 3, 14)),
        ("14/03/2026", dt.date(2026, 3, 14)),
        ("03/14/2026", dt.date(2026, 3, 14)),
        ("١٤/٠٣/٢٠٢٦", dt.date(2026, 3, 14)),
    ],
)
def test_date_forms(pack, text, date):
    months = {**pack.language_data["el"]["months"]}
    for number, names in pack.language_data["ar"]["months"].items():
        months[number] = months[number] + names
    assert [d.date for d in find_dates(text, months)] == [date]


def test_no_date_in_version_numbers_or_phone_numbers(pack):
    months = pack.language_data["en"]["months"]
    assert find_dates("Version 1.2.3, phone 0117 496 0321, 31/02/2026", months) == []


@pytest.mark.parametrize("language", DATES)
def test_stale_and_fresh_revision_dates(pack, language):
    from policylint.findings.engine import Settings

    text = f"# T\n\n{DATES[language][0]}\n"
    fresh = Settings(today=dt.date(2026, 11, 22))
    later = Settings(today=dt.date(2027, 6, 1))
    assert findings_for(text, pack, fresh, "stale-revision-date", lang=language) == []
    (finding,) = findings_for(text, pack, later, "stale-revision-date", lang=language)
    assert finding.line == 3 and "12" in finding.message
    from policylint.settings.pack_overrides import customise

    shorter = customise(pack, [("PL106", {"max_age_months": 6})])
    assert codes(findings_for(text, shorter, fresh, "stale-revision-date", lang=language)) == ["stale-revision-date"]
    assert findings_for(text, pack, fresh, "missing-revision-date", lang=language) == []


def test_revision_history_table_uses_the_newest_date(pack, settings):
    text = "# Policy\n\n## Revision history\n\n| Version | Date |\n|---|---|\n| 1 | 3 May 2019 |\n| 2 | 4 June 2026 |\n"
    assert findings_for(text, pack, settings, "stale-revision-date") == []
    assert findings_for(text, pack, settings, "missing-revision-date") == []


def test_document_finding_points_at_the_title_or_line_one(pack, settings):
    (titled,) = findings_for("Intro text.\n\n# Complaints Policy\n\nWe help.\n", pack, settings, "missing-scope")
    assert (titled.line, titled.column, titled.end_column) == (3, 3, 20)
    (untitled,) = findings_for("We help every customer.\n", pack, settings, "missing-scope")
    assert (untitled.line, untitled.column) == (1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Answer within [X] hours.",
        "Contact [Company] today.",
        "Reviewed on a [daily/weekly/monthly] basis.",
        "Call {{phone}} today.",
        "Write to <<email>>.",
        "Signed: ________",
        "Owner: TBD",
        "Reply within X working days.",
        "Reply within XX days.",
    ],
)
def test_placeholder_shapes(pack, settings, text):
    assert codes(findings_for(text, pack, settings, "unfilled-placeholder")) == ["unfilled-placeholder"]


@pytest.mark.parametrize(
    "text",
    [
        "See the study [1] and [2-4].",
        "- [x] Identity checked",
        "- [ ] Identity checked",
        "He wrote \"recieve\" [sic].",
        "Chapter X sets out the rules.",
        "[This note explains how the complaints team logs every call it receives.]",
        "Follow us on X (formerly Twitter).",
        "Our form: [online form](https://example.com/form).",
    ],
)
def test_placeholder_look_alikes(pack, settings, text):
    assert findings_for(text, pack, settings, "unfilled-placeholder") == []


def test_placeholders_run_on_documents_in_other_languages(pack, settings):
    german = (
        "# Richtlinie\n\nUnser Team beantwortet jede Anfrage innerhalb von [X] Stunden "
        "und dokumentiert jede Beschwerde sorgfältig.\n"
    )
    found = findings_for(german, pack, settings)
    assert codes(found) == ["unfilled-placeholder"]


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Complaints are tracked against our SLA.", ["SLA"]),
        ("Our service level agreement (SLA) is public; the SLA sets our targets.", []),
        ("The SLA (service level agreement) is public.", []),
        ("Prices include VAT and apply across the EU.", []),
        ("Staff MUST NOT share data. Staff must check identity.", []),
        ("COMPLAINTS PROCEDURE FOR ALL BRANCHES", []),
        ("Our KPIs are reviewed. Every KPI is public.", ["KPI"]),
        ("See Part IV and Annex III.", []),
    ],
)
def test_undefined_acronyms(pack, settings, text, flagged):
    found = findings_for(text, pack, settings, "jargon", lang="en")
    assert [f.message.split('"')[1] for f in found] == flagged


@pytest.mark.parametrize(
    "language, numbered, placeholder",
    [
        ("en", "Chapter X explains the complaints procedure in detail.", "Complaints are answered within X days of receipt."),
        ("fr", "Le chapitre X décrit la procédure de réclamation en détail.", "Nous répondons aux réclamations sous XX jours."),
        ("es", "El capítulo X describe el procedimiento de reclamación.", "Respondemos a las reclamaciones en XX días."),
        ("el", "Το κεφάλαιο Χ περιγράφει τη διαδικασία παραπόνων αναλυτικά.", "Απαντάμε στα παράπονα μέσα σε ΧΧ ημέρες."),
        ("ar", "يشرح الفصل X إجراءات الشكاوى بالتفصيل.", "نرد على الشكاوى خلال XX يوما."),
    ],
)
def test_roman_numerals_after_a_numbered_label_are_not_placeholders(pack, settings, language, numbered, placeholder):
    assert findings_for(numbered, pack, settings, "unfilled-placeholder", lang=language) == []
    assert codes(findings_for(placeholder, pack, settings, "unfilled-placeholder", lang=language)) == ["unfilled-placeholder"]


def test_angle_bracket_fill_ins_survive_markdown_and_hide_no_acronyms(pack, settings):
    found = findings_for("# P\n\nCall <<email address>> by [DD/MM/YYYY].\n", pack, settings)
    assert [(f.rule, f.column) for f in found if f.rule in ("jargon", "unfilled-placeholder")] == [
        ("unfilled-placeholder", 6),
        ("unfilled-placeholder", 27),
    ]
