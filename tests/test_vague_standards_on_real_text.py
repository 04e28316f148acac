"""Vague commitments and template leftovers as real policies write them (issue 14), in every
language: the organisation's own vague promise is reported; a description, a possibility, a
request to the reader or a numbered stage is not; an ellipsis or a template's note where a
value belongs is a placeholder."""

import pytest
from helpers import findings_for

from policylint.model import LANGUAGES


def excerpts(text, pack, settings, rule, language):
    return [f.excerpt for f in findings_for(text, pack, settings, rule, lang=language)]


# (language, a vague promise of the organisation's own, the vague words)
PROMISES = {
    "en": [("We keep your personal data for as long as necessary.", "as long as necessary"),
           ("Although we run a three-stage procedure, we aim to resolve complaints as quickly as possible at Stage 1.",
            "as quickly as possible")],
    "fr": [("Nous conservons vos données le temps nécessaire.", "le temps nécessaire"),
           ("Nous traitons votre réclamation sans délai dès l'étape 1.", "sans délai")],
    "es": [("Conservamos sus datos durante el tiempo necesario.", "durante el tiempo necesario"),
           ("Tramitaremos su queja a la mayor brevedad en la etapa 1.", "a la mayor brevedad")],
    "el": [("Διατηρούμε τα δεδομένα σας για όσο διάστημα απαιτείται.", "για όσο διάστημα απαιτείται"),
           ("Θα απαντήσουμε το συντομότερο δυνατό.", "το συντομότερο δυνατό")],
    "ar": [("نرغب في حل أي شكوى بسرعة وعدل.", "بسرعة"),
           ("السعي لإيجاد الحلول المناسبة لطلبات العملاء بسرعة وكفاءة.", "بسرعة"),
           ("سنرد عليكم في أقرب وقت ممكن.", "في أقرب وقت ممكن")],
}
# sentences that make no standard of their own
NOT_STANDARDS = {
    "en": ["We may update this notice from time to time.",
           "You should not read this as a complete list, and the list itself changes from time to time."],
    "fr": ["Nous pouvons mettre à jour cette politique régulièrement.",
           "L'utilisateur peut également régulièrement supprimer les cookies stockés sur son ordinateur.",
           "Le service offre un accès plus rapide à vos documents."],
    "es": ["Podemos actualizar este aviso de vez en cuando.",
           "Firefox le proporciona un acceso más rápido a sus búsquedas."],
    "el": ["Μπορεί να ενημερώνουμε αυτή τη δήλωση κατά διαστήματα.",
           "Ο χειρισμός των πληρωμών γίνεται από τρίτους, και η σελίδα αλλάζει κατά διαστήματα."],
    "ar": ["قد نقوم بتحديث سياسة الخصوصية من وقت لآخر."],
}


def test_every_language_has_cases():
    assert set(PROMISES) == set(NOT_STANDARDS) == set(LANGUAGES)


@pytest.mark.parametrize("language, text, vague", [(lang, t, v) for lang, cases in PROMISES.items() for t, v in cases])
def test_a_vague_promise_is_reported(pack, settings, language, text, vague):
    assert excerpts(text, pack, settings, "unmeasurable-standard", language) == [vague]


@pytest.mark.parametrize("language, text", [(lang, t) for lang, texts in NOT_STANDARDS.items() for t in texts])
def test_what_may_happen_or_is_described_sets_no_standard(pack, settings, language, text):
    assert excerpts(text, pack, settings, "unmeasurable-standard", language) == []


@pytest.mark.parametrize("language, text", [
    ("en", "If you wish to complain, please let us know so that we can deal with it as quickly as possible."),
    ("fr", "Si vous souhaitez vous plaindre, merci de nous écrire afin que nous puissions traiter votre demande au plus vite."),
    ("es", "Si desea reclamar, por favor escríbanos para que podamos tramitar su queja lo antes posible."),
    ("el", "Παρακαλούμε γράψτε μας ώστε να χειριστούμε το παράπονό σας το συντομότερο δυνατό."),
    ("ar", "يرجى مراسلتنا لكي نعالج شكواك في أقرب وقت ممكن."),
])
def test_a_promise_after_a_request_is_still_a_promise(pack, settings, language, text):
    assert len(excerpts(text, pack, settings, "unmeasurable-standard", language)) == 1


@pytest.mark.parametrize("language, text", [
    ("en", "Please tell us as soon as possible if your parcel is damaged."),
    ("fr", "Merci de nous prévenir dès que possible si votre colis est abîmé."),
    ("es", "Por favor, avísenos lo antes posible si su paquete llega dañado."),
    ("el", "Παρακαλούμε ενημερώστε μας το συντομότερο δυνατό αν το δέμα σας έχει ζημιά."),
    ("ar", "يرجى إبلاغنا في أقرب وقت ممكن إذا وصل الطرد تالفا."),
])
def test_a_request_to_the_reader_sets_no_standard(pack, settings, language, text):
    assert excerpts(text, pack, settings, "unmeasurable-standard", language) == []


@pytest.mark.parametrize("language, text, blank", [
    ("en", "We refund you within … days of receiving the item.", "… days"),
    ("fr", "Nous vous remboursons dans un délai de ... jours.", "... jours"),
    ("es", "Le reembolsamos en un plazo de … días.", "… días"),
    ("el", "Επιστρέφουμε τα χρήματα εντός … ημερών.", "… ημερών"),
    ("ar", "نرد المبلغ خلال … أيام.", "… أيام"),
])
def test_an_ellipsis_where_a_number_belongs_is_a_placeholder(pack, settings, language, text, blank):
    assert excerpts(text, pack, settings, "unfilled-placeholder", language) == [blank]


@pytest.mark.parametrize("language, text", [
    ("en", "We answer calls quickly… and kindly. We also…"),
    ("fr", "Nous répondons… en quelques jours, en général."),
    ("es", "Atendemos llamadas, correos, visitas... días laborables incluidos."),
    ("el", "Απαντάμε σε κλήσεις... ημέρες και ώρες γραφείου."),
    ("ar", "نرد على المكالمات... أيام العمل."),
])
def test_an_ellipsis_that_trails_a_word_is_not_a_placeholder(pack, settings, language, text):
    assert excerpts(text, pack, settings, "unfilled-placeholder", language) == []


@pytest.mark.parametrize("language, text, note", [
    ("en", "Send the item to (relevant address) and e-mail us at (insert e-mail address).", "(relevant address)"),
    ("fr", "Envoyez l'article à (adresse concernée).", "(adresse concernée)"),
    ("es", "Envíanos un email a (Agrega dirección de correo electrónico relevante).",
     "(Agrega dirección de correo electrónico relevante)"),
    ("el", "Στείλτε το προϊόν στη (σχετική διεύθυνση).", "(σχετική διεύθυνση)"),
    ("ar", "أرسل المنتج إلى (العنوان المعني).", "(العنوان المعني)"),
])
def test_a_template_note_in_parentheses_is_a_placeholder(pack, settings, language, text, note):
    assert note in excerpts(text, pack, settings, "unfilled-placeholder", language)


@pytest.mark.parametrize("language, text", [
    ("en", "Attach your receipt (where relevant) and your order number (if applicable)."),
    ("fr", "Joignez votre ticket (si pertinent) et contactez l'autorité de contrôle."),
    ("es", "Adjunte el recibo (cuando sea relevante); podemos ayudar a determinar cuáles anuncios ve."),
    ("el", "Επισυνάψτε την απόδειξη (αν είναι σχετική)."),
    ("ar", "أرفق الإيصال (إن كان ذا صلة)."),
])
def test_a_condition_in_parentheses_is_not_a_placeholder(pack, settings, language, text):
    assert excerpts(text, pack, settings, "unfilled-placeholder", language) == []


@pytest.mark.parametrize("language, text, vague", [
    ("en", "Call 0800 123 4567 and we will deal with your complaint promptly.", "promptly"),
    ("fr", "Appelez le 01 23 45 67 89 : nous traiterons votre réclamation rapidement.", "rapidement"),
    ("es", "Llame al 912 345 678 y tramitaremos su queja a la mayor brevedad.", "a la mayor brevedad"),
    ("el", "Καλέστε στο 210 1234567 και θα απαντήσουμε το συντομότερο δυνατό.", "το συντομότερο δυνατό"),
    ("ar", "اتصل على 920012345 وسنرد عليك في أقرب وقت ممكن.", "في أقرب وقت ممكن"),
])
def test_a_telephone_number_measures_nothing(pack, settings, language, text, vague):
    assert excerpts(text, pack, settings, "unmeasurable-standard", language) == [vague]


@pytest.mark.parametrize("language, text", [
    ("en", "We will deal with your complaint promptly, and within 10 working days."),
    ("fr", "Nous traiterons votre réclamation rapidement, et sous 10 jours ouvrés."),
    ("es", "Tramitaremos su queja a la mayor brevedad, y en 10 días hábiles como máximo."),
    ("el", "Θα απαντήσουμε το συντομότερο δυνατό και σε 10 εργάσιμες ημέρες το αργότερο."),
    ("ar", "سنرد عليك في أقرب وقت ممكن وخلال 10 أيام عمل."),
])
def test_a_quantity_beside_the_vague_words_measures_them(pack, settings, language, text):
    assert excerpts(text, pack, settings, "unmeasurable-standard", language) == []


# (language, a list whose lead-in promises, its vague item's words; the same list binding the reader)
LISTS = {
    "en": ("We will:\n\n- give you a prompt reply\n- treat you with respect\n", "prompt",
           "You must:\n\n- tell us promptly about any change\n"),
    "fr": ("Nous nous engageons à :\n\n- une réponse rapide\n- un accueil courtois\n", "rapide",
           "Vous devez :\n\n- nous signaler rapidement tout changement\n"),
    "es": ("Nos comprometemos a:\n\n- una respuesta rápida\n- un trato respetuoso\n", "rápida",
           "Usted debe:\n\n- avisarnos rápidamente de cualquier cambio\n"),
    "el": ("Δεσμευόμαστε για:\n\n- γρήγορη απάντηση\n- ευγενική εξυπηρέτηση\n", "γρήγορη",
           "Ο χρήστης οφείλει:\n\n- να αναφέρει γρήγορα κάθε αλλαγή\n"),
    "ar": ("نلتزم بما يلي:\n\n- الرد بسرعة على الاستفسارات\n- معاملة العملاء باحترام\n", "بسرعة",
           "يجب على المستخدم:\n\n- إبلاغنا بسرعة بأي تغيير\n"),
}


def test_every_language_has_a_list():
    assert set(LISTS) == set(LANGUAGES)


@pytest.mark.parametrize("language", sorted(LISTS))
def test_a_list_takes_the_promise_of_its_lead_in(pack, settings, language):
    promised, vague, _ = LISTS[language]
    assert excerpts(promised, pack, settings, "unmeasurable-standard", language) == [vague]


@pytest.mark.parametrize("language", sorted(LISTS))
def test_a_list_whose_lead_in_binds_the_reader_sets_no_standard(pack, settings, language):
    _, _, binding = LISTS[language]
    assert excerpts(binding, pack, settings, "unmeasurable-standard", language) == []


# (language, a list of standards where one item is vague, its vague words)
STANDARDS_LISTS = {
    "en": ("## Response times\n\n- Complaints: within 48 hours.\n- Urgent requests: in the shortest time possible.\n",
           "in the shortest time possible"),
    "fr": ("## Délais\n\n- Réclamations : sous 48 heures.\n- Demandes urgentes : dans les plus brefs délais.\n",
           "dans les plus brefs délais"),
    "es": ("## Plazos\n\n- Reclamaciones: en 48 horas.\n- Solicitudes urgentes: en el menor tiempo posible.\n",
           "en el menor tiempo posible"),
    "el": ("## Χρόνοι απόκρισης\n\n- Παράπονα: εντός 48 ωρών.\n- Επείγοντα αιτήματα: το συντομότερο δυνατό.\n",
           "το συντομότερο δυνατό"),
    "ar": ("## أوقات الاستجابة\n\n- الشكاوى: خلال 48 ساعة.\n- الطلبات العاجلة: في أقرب وقت ممكن.\n", "في أقرب وقت ممكن"),
}
COMMITMENTS_HEADINGS = {
    "en": "## Our commitments\n\n- a prompt reply to every letter\n",
    "fr": "## Nos engagements\n\n- une réponse rapide à chaque courrier\n",
    "es": "## Nuestros compromisos\n\n- una respuesta rápida a cada carta\n",
    "el": "## Οι δεσμεύσεις μας\n\n- γρήγορη απάντηση σε κάθε επιστολή\n",
    "ar": "## التزاماتنا\n\n- الرد بسرعة على كل رسالة\n",
}
PLAIN_LISTS = {
    "en": "## Ways to reach us\n\n- by telephone\n- quickly by chat\n",
    "fr": "## Nous joindre\n\n- par téléphone\n- rapidement par messagerie\n",
    "es": "## Contacto\n\n- por teléfono\n- rápidamente por chat\n",
    "el": "## Επικοινωνία\n\n- τηλεφωνικά\n- γρήγορα μέσω συνομιλίας\n",
    "ar": "## التواصل\n\n- بالهاتف\n- بسرعة عبر المحادثة\n",
}


def test_every_language_has_lists():
    assert set(STANDARDS_LISTS) == set(COMMITMENTS_HEADINGS) == set(PLAIN_LISTS) == set(LANGUAGES)


@pytest.mark.parametrize("language", sorted(STANDARDS_LISTS))
def test_a_vague_item_among_measured_standards_is_reported(pack, settings, language):
    text, vague = STANDARDS_LISTS[language]
    assert excerpts(text, pack, settings, "unmeasurable-standard", language) == [vague]


@pytest.mark.parametrize("language", sorted(COMMITMENTS_HEADINGS))
def test_a_list_under_a_commitments_heading_is_promised(pack, settings, language):
    assert len(excerpts(COMMITMENTS_HEADINGS[language], pack, settings, "unmeasurable-standard", language)) == 1


@pytest.mark.parametrize("language", sorted(PLAIN_LISTS))
def test_a_list_that_promises_nothing_sets_no_standard(pack, settings, language):
    assert excerpts(PLAIN_LISTS[language], pack, settings, "unmeasurable-standard", language) == []
