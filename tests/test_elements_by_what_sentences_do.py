"""Required elements found by what a sentence does rather than by a fixed phrase: the document
as the subject of a verb of aim (its purpose) or of reach (its scope), in any inflection and in
each of the five languages; and the sentences that name the document without saying either.

Every text here was written for these tests; none is taken from corpora/real/."""

from __future__ import annotations

import pytest
from helpers import case_ids, fires

from policylint.packs import load_pack


@pytest.fixture(scope="module")
def pack():
    return load_pack()


# (language, the document says what it aims at, the document named but no aim of its own)
AIMS = [
    ("en", "This leaflet-sized charter seeks to give tenants a clear picture of our repairs service.",
     "Repairs are booked within the timescales set out in this charter."),
    ("en", "Our guidelines describe how library staff answer enquiries at the desk.",
     "Under the complaints procedure, we aim to answer every enquiry at the desk."),
    ("fr", "Cette notice a vocation à guider les adhérents qui empruntent du matériel.",
     "Les adhérents qui empruntent du matériel reçoivent la notice."),
    ("es", "Esta carta de servicios pretende acercar la biblioteca municipal a sus usuarios.",
     "Los usuarios de la biblioteca municipal pueden consultar esta carta de servicios en el mostrador."),
    ("el", "Ο παρών κώδικας στοχεύει σε μια φιλική συνεργασία μεταξύ των μελών του συλλόγου.",
     "Τα μέλη του συλλόγου λαμβάνουν αντίγραφο του κώδικα κατά την εγγραφή τους."),
    ("ar", "يرمي هذا الدليل إلى تعريف الزوار بخدمات المكتبة العامة.",
     "يحصل الزوار على نسخة من الدليل عند مكتب الاستقبال في المكتبة العامة."),
    ("ar", "هذه السياسة تسعى إلى تحسين تجربة الزوار في المكتبة العامة.",
     "يمكن للزوار طلب نسخة مطبوعة من السياسة في المكتبة العامة."),
]


@pytest.mark.parametrize("language, aim, named", AIMS, ids=case_ids(AIMS))
def test_a_purpose_is_the_document_saying_what_it_aims_at(pack, language, aim, named):
    assert not fires(pack, "missing-purpose", aim, language)
    assert fires(pack, "missing-purpose", named, language)


# (language, the document says whom or what it covers, the document named but not what it covers)
REACHES = [
    ("en", "These rules cover every rowing boat hired from the boathouse.",
     "Boats are hired under the rules kept at the boathouse."),
    ("fr", "Ces règles régissent l'accueil du public par les bénévoles du musée.",
     "Les bénévoles du musée ont lu les règles avant leur première visite guidée."),
    ("es", "El presente reglamento regula el préstamo de bicicletas municipales.",
     "El préstamo de bicicletas municipales se solicita en la oficina de turismo."),
    ("el", "Ο κανονισμός καλύπτει τη χρήση της πισίνας τα Σαββατοκύριακα.",
     "Τα Σαββατοκύριακα η πισίνα ανοίγει νωρίς, όπως ορίζει ο κανονισμός."),
    ("ar", "تسري هذه الشروط على جميع حجوزات القاعات في المركز الثقافي.",
     "يمكن حجز القاعات في المركز الثقافي عبر مكتب الاستقبال."),
]


@pytest.mark.parametrize("language, reach, named", REACHES, ids=case_ids(REACHES))
def test_a_scope_is_the_document_saying_whom_or_what_it_covers(pack, language, reach, named):
    assert not fires(pack, "missing-scope", reach, language)
    assert fires(pack, "missing-scope", named, language)


# (language, a breach and what follows it, or a ladder of sanctions; a breach named with no
# consequence)
CONSEQUENCES = [
    ("en", "Members who violate the club rules will be banned from the range for a season.",
     "Members who violate the club rules should talk to the range officer."),
    ("en", "The referee may respond with anything from a warning to removal from the pitch.",
     "The referee explains the rules of the pitch before each match."),
    ("fr", "Les joueurs qui enfreignent le règlement du tournoi seront exclus par le jury.",
     "Les joueurs qui enfreignent le règlement du tournoi en parlent avec le jury."),
    ("es", "Las infracciones del reglamento del torneo serán sancionadas por el comité.",
     "Las infracciones del reglamento del torneo se comunican al comité."),
    ("el", "Όποιος παραβιάζει τους κανόνες του αγώνα αποβάλλεται από το γήπεδο.",
     "Όποιος παραβιάζει τους κανόνες του αγώνα ενημερώνεται από τον διαιτητή."),
    ("ar", "قد تؤدي مخالفة قواعد النادي إلى إيقاف العضوية لمدة موسم كامل.",
     "يمكن الإبلاغ عن مخالفة قواعد النادي لدى مكتب الإدارة."),
]


@pytest.mark.parametrize("language, consequence, breach", CONSEQUENCES, ids=case_ids(CONSEQUENCES))
def test_enforcement_is_a_breach_followed_by_its_consequence(pack, language, consequence, breach):
    assert not fires(pack, "missing-enforcement", consequence, language)
    assert fires(pack, "missing-enforcement", breach, language)


# (language, a top heading naming the document in words no list holds, a top heading naming a
# section); each followed by the same body text
TOP_HEADINGS = [
    ("en", "# Riverside Rowing Club: Life on the Water", "# Introduction"),
    ("fr", "# Vivre ensemble au jardin partagé", "# Préambule"),
    ("es", "# Convivencia en el huerto urbano", "# Introducción"),
    ("el", "# Ζωή στον κοινόχρηστο κήπο", "# Εισαγωγή"),
    ("ar", "# الحياة في الحديقة المشتركة", "# مقدمة"),
]
BODY = {
    "en": "Members book the boats at the desk and bring them back clean.",
    "fr": "Les jardiniers réservent les outils à l'accueil et les rapportent propres.",
    "es": "Los hortelanos reservan las herramientas en la entrada y las devuelven limpias.",
    "el": "Οι κηπουροί κλείνουν τα εργαλεία στην είσοδο και τα επιστρέφουν καθαρά.",
    "ar": "يحجز الأعضاء الأدوات عند المدخل ويعيدونها نظيفة.",
}


@pytest.mark.parametrize("language, named, section", TOP_HEADINGS, ids=case_ids(TOP_HEADINGS))
def test_a_top_heading_is_the_title_unless_it_names_a_section(pack, language, named, section):
    assert not fires(pack, "missing-title", f"{named}\n\n{BODY[language]}\n", language)
    assert fires(pack, "missing-title", f"{section}\n\n{BODY[language]}\n", language)
    # the same words as a second-level heading open a section, not the document
    assert fires(pack, "missing-title", f"#{named}\n\n{BODY[language]}\n", language)


# (language, the verb that makes a complaint or report right before it, the complaint named
# with no way to make it)
MAKING_A_COMPLAINT = [
    ("en", "Members send the complaint to the club secretary by post.",
     "The club secretary read the complaint at the meeting."),
    ("fr", "Les locataires peuvent adresser une plainte au gardien.",
     "Le gardien n'a reçu qu'une plainte cette année."),
    ("es", "Los vecinos pueden interponer una queja ante la junta del barrio.",
     "La junta del barrio recibió una queja el año pasado."),
    ("el", "Οι γονείς μπορούν να καταθέσετε ένα παράπονο στη γραμματεία του σχολείου.",
     "Η γραμματεία του σχολείου έλαβε ένα παράπονο πέρυσι."),
    ("ar", "يمكن للمستأجرين إرسال البلاغ إلى مكتب الإدارة.",
     "لم يتلق مكتب الإدارة إلا بلاغا واحدا هذا العام."),
]


@pytest.mark.parametrize("language, made, named", MAKING_A_COMPLAINT, ids=case_ids(MAKING_A_COMPLAINT))
def test_a_complaint_procedure_is_the_verb_that_makes_a_complaint(pack, language, made, named):
    assert not fires(pack, "missing-complaint-procedure", made, language)
    assert fires(pack, "missing-complaint-procedure", named, language)
