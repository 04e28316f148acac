"""Acronyms as real policies write them (issue 14): spelled out in the ways writers spell them
out, identifiers and names that are not acronyms, words set in capitals; an acronym nobody
explains is still reported, in every language."""

import pytest
from helpers import findings_for

from policylint.model import LANGUAGES


def acronyms(text, pack, settings, language):
    return [f.excerpt for f in findings_for(text, pack, settings, "jargon", lang=language)
            if f.message.startswith(_acronym_message_start(pack, settings.message_language))]


def _acronym_message_start(pack, message_language):
    rule = pack.rule("jargon")
    return rule.text(rule.messages["acronym"], message_language).split("{term}")[0]


# (language, text where the acronym is spelled out, the same acronym left unexplained)
SPELLED_OUT = {
    "en": [
        'Data goes to the Data Trust Collective ("DTC"). The DTC keeps it for a year.',
        "Claims Handling Unit, hereinafter CHU, answers. The CHU replies in writing.",
        "Refunds follow the Web Refund Protocol (in short, “WRP”) and the WRP rules.",
    ],
    "fr": [
        "Les données vont au Collectif des Données Ouvertes (« CDO »). Le CDO les garde un an.",
        "Les demandes, plaintes et réclamations, ci-après DPR, sont traitées. Chaque DPR reçoit une réponse.",
    ],
    "es": [
        "Las Condiciones Generales de Contratación o «CGC» se aplican. Las CGC rigen la venta.",
        "Las peticiones, quejas y reclamos, en adelante PQR, se atienden. Cada PQR recibe respuesta.",
    ],
    "el": [
        "Τα δεδομένα πηγαίνουν στην Κοινότητα Ανοικτών Δεδομένων («ΚΑΔ»). Η ΚΑΔ τα κρατά ένα έτος.",
        "Η Μονάδα Εξυπηρέτησης Πελατών, εφεξής ΜΕΠ, απαντά. Η ΜΕΠ απαντά γραπτώς.",
    ],
    "ar": [
        "تذهب البيانات إلى Open Data Trust («ODT»). وتحتفظ ODT بها سنة.",
        "نلتزم بمعايير Customer Care Board (CCB) في كل رد. وتراجع CCB الردود.",
    ],
}
UNEXPLAINED = {
    "en": ("Complaints are logged in the QMX before review.", "QMX"),
    "fr": ("Les réclamations sont transmises au QMX avant examen.", "QMX"),
    "es": ("Las reclamaciones se registran en el QMX antes de revisarlas.", "QMX"),
    "el": ("Τα παράπονα καταχωρούνται στο ΣΔΠ πριν από την εξέταση.", "ΣΔΠ"),
    "ar": ("تسجل الشكاوى في QMX قبل مراجعتها.", "QMX"),
}


def test_every_language_has_cases():
    assert set(SPELLED_OUT) == set(UNEXPLAINED) == set(LANGUAGES)


@pytest.mark.parametrize("language, text", [(lang, text) for lang, texts in SPELLED_OUT.items() for text in texts])
def test_an_acronym_spelled_out_before_it_is_not_reported(pack, settings, language, text):
    assert acronyms(text, pack, settings, language) == []


@pytest.mark.parametrize("language", sorted(UNEXPLAINED))
def test_an_acronym_nobody_explains_is_still_reported(pack, settings, language):
    text, acronym = UNEXPLAINED[language]
    assert acronyms(text, pack, settings, language) == [acronym]


@pytest.mark.parametrize("language, text", [
    ("en", "Write to us at DX 120450 Leeds, or quote form SR 3."),
    ("fr", "Écrivez au Service client, CS 49540, 34960 Montpellier, ou à TSA 50110 Paris."),
    ("es", "Escriba al Apartado AP 2045 de Madrid."),
    ("el", "Στείλτε την επιστολή στη ΘΘ 1234 της Αθήνας."),
    ("ar", "راسلونا على PB 1234 في الرياض."),
])
def test_capitals_before_a_number_are_an_identifier(pack, settings, language, text):
    assert acronyms(text, pack, settings, language) == []


@pytest.mark.parametrize("language, text", [
    ("en", "Our data protection officer is Bird & Bird DPO Services, Brussels."),
    ("fr", "Notre délégué est le cabinet Martin QRX Conseil, à Lyon."),
    ("es", "Nuestro delegado es la firma Ruiz QRX Asesores, en Madrid."),
    ("el", "Υπεύθυνη είναι η εταιρεία Παππάς ΚΛΜ Σύμβουλοι στην Αθήνα."),
    ("ar", "مسؤول الحماية هو مكتب Bird & Bird DPO Services في بروكسل."),
])
def test_capitals_inside_a_name_are_the_name(pack, settings, language, text):
    assert acronyms(text, pack, settings, language) == []


@pytest.mark.parametrize("language, text", [
    ("en", "These terms bind the USER. Every USER accepts them, and USERS may leave at any time."),
    ("fr", "Ces conditions lient l'UTILISATEUR. Les UTILISATEURS les acceptent."),
    ("es", "Estas condiciones obligan al USUARIO. Los USUARIOS las aceptan."),
    ("el", "Οι όροι δεσμεύουν τον ΧΡΗΣΤΗ. Οι ΧΡΗΣΤΕΣ τους αποδέχονται."),
    ("ar", "تلزم هذه الشروط USER الموقع، ويقبلها USERS جميعهم."),
])
def test_a_word_set_in_capitals_in_several_forms_is_not_an_acronym(pack, settings, language, text):
    assert acronyms(text, pack, settings, language) == []


@pytest.mark.parametrize("language, text", [
    ("en", "Code hosted in CDS-SNC repositories follows it."),
    ("fr", "Le code hébergé dans les dépôts CDS-SNC le suit."),
    ("es", "El código alojado en los repositorios CDS-SNC lo sigue."),
    ("el", "Ο κώδικας στα αποθετήρια CDS-SNC το ακολουθεί."),
    ("ar", "يتبعه الكود المستضاف في مستودعات CDS-SNC."),
])
def test_acronyms_joined_by_a_hyphen_are_one(pack, settings, language, text):
    assert acronyms(text, pack, settings, language) == ["CDS-SNC"]


def test_an_acronym_spelled_out_by_a_glossary_table(pack, settings):
    text = "# Returns policy\n\n| Term | Meaning |\n|---|---|\n| RMA | Return merchandise authorisation |\n\nAsk for an RMA.\n"
    assert acronyms(text, pack, settings, "en") == []


@pytest.mark.parametrize("language, text", [
    ("en", "Websites may use web APIs to read cookies."),
    ("fr", "Les sites peuvent utiliser des API web pour lire les cookies."),
    ("es", "Los sitios pueden usar APIs web para leer cookies."),
    ("el", "Οι ιστότοποι μπορεί να χρησιμοποιούν API για τα cookies."),
    ("ar", "قد تستخدم المواقع واجهات API لقراءة ملفات تعريف الارتباط."),
])
def test_acronyms_readers_know_are_not_reported(pack, settings, language, text):
    assert acronyms(text, pack, settings, language) == []


@pytest.mark.parametrize("language, text", [
    ("en", "Lines are open from 9:00 to 17:00 CET; the order was published in the Official Journal."),
    ("fr", "Nos lignes sont ouvertes de 9 h à 17 h CET, selon l'arrêté publié au JORF."),
    ("es", "Atendemos de 9:00 a 17:00 CET, según la norma publicada en el BOE."),
    ("el", "Εξυπηρετούμε από 9:00 έως 17:00 EET, σύμφωνα με την απόφαση του ΦΕΚ."),
    ("ar", "نعمل من 9:00 إلى 17:00 بتوقيت EET."),
])
def test_time_zones_and_official_gazettes_are_known(pack, settings, language, text):
    assert acronyms(text, pack, settings, language) == []


@pytest.mark.parametrize("language, text", [
    ("en", "We track every QMR: quality management review. Each QMR is filed."),
    ("fr", "Chaque DPR, demandes, plaintes et réclamations, reçoit une réponse. Les DPR sont suivies."),
    ("es", "Cada PQR: peticiones, quejas y reclamos, recibe respuesta. Las PQR se archivan."),
    ("el", "Κάθε ΑΠΠ, αίτημα, παράπονο και πρόταση, λαμβάνει απάντηση. Τα ΑΠΠ αρχειοθετούνται."),
    ("ar", "كل QMR: quality management review يحفظ في الملف."),
])
def test_an_acronym_spelled_out_just_after_it_in_small_letters_is_defined(pack, settings, language, text):
    assert acronyms(text, pack, settings, language) == []
