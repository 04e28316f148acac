"""Edge cases of the rules added for the full guidance, beyond each rule's own examples."""

import pytest

from helpers import findings_for


def fired(pack, settings, rule, text, lang):
    return findings_for(text, pack, settings, rule=rule, lang=lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "# Complaints\n\nWrite to complaints@example.org."),
    ("fr", "# Réclamations\n\nAppelez le 04 76 00 00 00."),
    ("es", "# Reclamaciones\n\nTeléfono 985 000 000."),
    ("el", "# Παράπονα\n\nΣτείλτε στο parapona@example.gr."),
    ("ar", "# الشكاوى\n\nهاتف ٠١١٠٠٠٠٠٠٠"),
])
def test_an_address_or_number_anywhere_is_contact_detail(pack, settings, lang, text):
    assert not fired(pack, settings, "missing-contact", text, lang)


@pytest.mark.parametrize("text", ["# Policy\n\nUpdated 2026-11-22, version 2.3.1.", "# Policy\n\nWe served 1 000 000 customers in 2025."])
def test_dates_versions_and_counts_are_not_phone_numbers(pack, settings, text):
    assert fired(pack, settings, "missing-contact", text, "en")


def test_a_title_may_follow_a_logo_line(pack, settings):
    assert not fired(pack, settings, "missing-title", "Acme Ltd\n\nVersion 3\n\n# Customer Service Charter\n\nBody.", "en")


def test_a_list_under_a_mission_heading_is_not_the_statement(pack, settings):
    text = "# Our mission\n\nWe help customers first time.\n\n- Listen.\n- Learn.\n- Act.\n- Improve.\n- Repeat.\n- Share."
    assert not fired(pack, settings, "long-mission-statement", text, "en")


@pytest.mark.parametrize("lang, text", [
    ("en", "Your complaint is reviewed within 10 working days."),
    ("fr", "Votre réclamation est examinée sous 10 jours ouvrés."),
])
def test_reviewing_a_complaint_is_not_reviewing_the_policy(pack, settings, lang, text):
    assert fired(pack, settings, "missing-review-cycle", text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "| Review frequency | Annual |\n|---|---|\n| Owner | Board |"),
    ("es", "Próxima revisión\n\n15/03/2027"),
    ("el", "Η πολιτική αναθεωρείται κάθε δύο χρόνια."),
    ("ar", "تتم مراجعة هذه السياسة كل ١٢ شهرا."),
])
def test_a_review_cycle_in_a_table_label_or_with_a_number(pack, settings, lang, text):
    assert not fired(pack, settings, "missing-review-cycle", text, lang)


def test_lines_without_punctuation_are_counted_one_by_one(pack, settings):
    lines = "\n".join(f"Branch {n} opens at nine and closes at five on weekdays" for n in range(8))
    assert not fired(pack, settings, "long-sentence", lines, "en")


def test_a_long_sentence_is_reported_on_its_own_span(pack, settings):
    words = " ".join(["word"] * 45)
    findings = fired(pack, settings, "long-sentence", f"Short one. Then {words}.", "en")
    assert [(f.column, f.message) for f in findings] == [(12, "Sentence of 46 words (the limit is 40): split it into shorter ones.")]


@pytest.mark.parametrize("lang, text", [
    ("en", "Customers should reply to our survey within a week."),
    ("en", "Staff should be polite and patient."),
    ("fr", "Les clients devraient répondre au questionnaire."),
    ("es", "Los clientes deberían responder a la encuesta."),
    ("el", "Οι πελάτες θα μπορούσαν να απαντήσουν στο ερωτηματολόγιο."),
    ("ar", "ينبغي على العملاء الرد على الاستبيان."),
])
def test_advice_to_customers_is_not_a_weak_obligation(pack, settings, lang, text):
    assert not fired(pack, settings, "weak-obligation", text, lang)


@pytest.mark.parametrize("rule, lang, text", [
    ("missing-contact", "en", "For questions, contact [Name] on [phone number]."),
    ("missing-contact", "fr", "Pour nous contacter : [coordonnées à compléter]."),
    ("missing-escalation", "es", "Si no está satisfecho, diríjase a [nombre del responsable]."),
    ("missing-review-cycle", "el", "Η πολιτική αναθεωρείται κάθε [Χ] μήνες."),
    ("missing-title", "ar", "# [اسم السياسة]\n\nنرد على كل مكالمة خلال 30 ثانية وعلى كل رسالة خلال خمسة أيام عمل ونبقيكم على اطلاع في كل خطوة من خطوات معالجة طلبكم حتى النهاية."),
])
def test_a_sentence_left_as_a_template_does_not_count(pack, settings, rule, lang, text):
    assert fired(pack, settings, rule, text, lang)
