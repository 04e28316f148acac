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


@pytest.mark.parametrize(
    "text", ["# Policy\n\nUpdated 2026-11-22, version 2.3.1.", "# Policy\n\nWe served 1 000 000 customers in 2025."]
)
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
    assert [(f.column, f.message) for f in findings] == [
        (12, "Sentence of 46 words (the limit is 40): split it into shorter ones.")
    ]


@pytest.mark.parametrize("lang, text", [
    ("en", "Customers should reply to our survey within a week."),
    ("en", "Customers should be ready to give their order number."),
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
    ("missing-title", "ar", "# [اسم السياسة]\n\nنرد على كل مكالمة خلال 30 ثانية وعلى كل رسالة خلال خمسة أيام عمل "
     "ونبقيكم على اطلاع في كل خطوة من خطوات معالجة طلبكم حتى النهاية."),
])
def test_a_sentence_left_as_a_template_does_not_count(pack, settings, rule, lang, text):
    assert fired(pack, settings, rule, text, lang)

# Wordings met in published policies that the vocabulary or the checks first missed.

@pytest.mark.parametrize("lang, text", [
    ("en", "# Service charter\n\nOur service charter sets out what every caller can expect from the help desk."),
    ("fr", "# Charte\n\nLe dispositif a pour vocation de traiter chaque demande de façon équitable."),
    ("el", "# Χάρτης\n\nΗ πολιτική έχει σχεδιαστεί για να δίνει σαφείς οδηγίες στο προσωπικό."),
])
def test_purpose_stated_without_this_policy(pack, settings, lang, text):
    assert not fired(pack, settings, "missing-purpose", text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "1. PURPOSE: Give every tenant the same standard of help.\n2. SCOPE: All offices."),
    ("fr", "1. OBJET : Offrir à chaque usager le même niveau d'accueil.\n2. PÉRIMÈTRE : Tous les guichets."),
    ("es", "1. OBJETIVO: Dar a cada socio la misma calidad de atención.\n2. ALCANCE: Todas las sedes."),
    ("el", "1. ΣΚΟΠΟΣ: Ίδια ποιότητα εξυπηρέτησης για κάθε μέλος.\n2. ΠΕΔΙΟ: Όλα τα γραφεία."),
    ("ar", "1. الغرض: تقديم المستوى نفسه من الخدمة لكل مشترك.\n2. النطاق: جميع الفروع."),
])
def test_a_label_opening_a_numbered_item_counts_as_a_heading(pack, settings, lang, text):
    assert not fired(pack, settings, "missing-purpose", text, lang)


def test_a_clause_before_a_colon_is_not_a_label(pack, settings):
    text = "- When we look at the purpose of each request we ask ourselves: is it urgent?"
    assert fired(pack, settings, "missing-purpose", text, "en")


@pytest.mark.parametrize("lang, rule, text", [
    ("en", "missing-procedures", "## Handling claims and complaints\n\n- Listen first.\n- Note what went wrong."),
    ("en", "missing-contact", "## Support\n\nMembers can write to us at 4 Mill Road, or by phone, chat or post."),
    ("fr", "missing-feedback", "## Suivi\n\nUn mois plus tard, nous appelons pour vérifier la satisfaction du client."),
    ("fr", "missing-procedures",
     "NIVEAU 1 : votre conseiller habituel répond.\n\nNIVEAU 2 : le service qualité reprend le dossier."),
    ("es", "missing-complaint-procedure", "## Atención al usuario\n\nPuede presentar un reclamo en cualquier sede."),
    ("es", "missing-escalation",
     "## Resolución\n\nSi el socio no está satisfecho con la respuesta, puede presentar una apelación."),
    ("el", "missing-complaint-procedure", "# Χειρισμός Καταγγελιών\n\nΑπαντάμε εγγράφως μέσα σε δέκα ημέρες."),
    ("ar", "missing-procedures", "## آلية استقبال الطلبات\n\nنرد خلال يومين."),
    ("ar", "missing-procedures", "## كيفية معالجة الشكوى\n\nنرد خلال يومين."),
])
def test_section_wordings_of_published_policies(pack, settings, lang, rule, text):
    assert not fired(pack, settings, rule, text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "The request must include:\nthe account number, the branch and the date on which the problem first appeared;\n"
           "the names of any staff you spoke to and what each of them told you at the time;\n"
           "copies of letters, receipts or emails that show what happened and when it happened."),
    ("es", "La solicitud debe incluir:\n"
           "\uf0b7 el número de cuenta, la oficina y la fecha en que apareció el problema por primera vez\n"
           "\uf0b7 los nombres de las personas con quienes habló y lo que cada una le dijo en aquel momento\n"
           "\uf0b7 copias de cartas, recibos o correos que muestren qué ocurrió y cuándo ocurrió exactamente"),
])
def test_a_list_flattened_into_one_paragraph_is_counted_item_by_item(pack, settings, lang, text):
    assert not fired(pack, settings, "long-sentence", text, lang)


def test_doing_our_best_is_an_attempt_not_a_weak_obligation(pack, settings):
    # corpora/real/README.md: a weak obligation is a rule stated with a weak modal; an attempt is not one
    assert not fired(pack, settings, "weak-obligation", "We will do our best to return calls within a day.", "en")


def test_a_lead_in_ending_with_a_colon_is_counted_apart_from_its_list(pack, settings):
    text = ("Our branch teams aim to give every visitor a warm, quick and knowledgeable welcome, whatever the day, the hour "
            "or the reason for the visit, so they commit to the following:\n"
            "To greet each visitor within one minute and to offer a seat and a drink to those who wait.")
    assert not fired(pack, settings, "long-sentence", text, "en")
