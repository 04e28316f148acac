"""Required elements found by what real policies say, in each of the five languages: the
details a returns policy owes (within how long, how the money comes back), the reader's rights
in a privacy notice, a privacy notice's purposes, a returns procedure, who may complain, real
contact details, a title, customer feedback; and the kinds those documents are taken for.

Every text here was written for these tests; none is taken from corpora/real/."""

from __future__ import annotations

import pytest
from helpers import case_ids, fires

from policylint.packs import load_pack
from policylint.readers import read_bytes
from policylint.text.analysis import analyse
from policylint.text.kinds import detect_kind
from policylint.text.language import detect


@pytest.fixture(scope="module")
def pack():
    return load_pack()


# (language, text that gives the detail, text that names the subject without it)
RETURN_WINDOWS = [
    ("en", "Unworn shoes can be sent back for an exchange up to thirty days after delivery.",
     "Unworn shoes can be sent back for an exchange if the box is undamaged."),
    ("fr", "Le client peut annuler sa commande dans un délai de sept jours après le paiement.",
     "Le client peut annuler sa commande tant qu'elle n'est pas expédiée."),
    ("es", "Aceptamos devoluciones durante las dos semanas siguientes a la entrega.",
     "Aceptamos devoluciones de artículos sin abrir."),
    ("el", "ΟΙ ΑΛΛΑΓΕΣ ΓΙΝΟΝΤΑΙ ΕΝΤΟΣ 30 ΗΜΕΡΩΝ ΑΠΟ ΤΗΝ ΑΓΟΡΑ.",
     "ΟΙ ΑΛΛΑΓΕΣ ΓΙΝΟΝΤΑΙ ΜΟΝΟ ΜΕ ΤΗΝ ΑΠΟΔΕΙΞΗ."),
    ("ar", "يحق للعميل استرجاع المنتج خلال ٣٠ يوماً من الشراء.",
     "يحق للعميل استرجاع المنتج إذا كان بحالته الأصلية."),
]


@pytest.mark.parametrize("language, stated, unstated", RETURN_WINDOWS, ids=case_ids(RETURN_WINDOWS))
def test_a_return_window_is_a_period_with_what_it_limits(pack, language, stated, unstated):
    assert not fires(pack, "missing-return-window", stated, language)
    assert fires(pack, "missing-return-window", unstated, language)


# a heading naming the period, the period in the section it heads; the same period under a
# heading about something else does not state a return window
PERIOD_HEADINGS = [
    ("en", "## Return period\n\n- 21 days from delivery", "## Delivery\n\n- 21 days from the order"),
    ("fr", "## Délai de rétractation\n\n- 14 jours à compter de la réception",
     "## Livraison\n\n- 14 jours à compter de la commande"),
    ("es", "## Plazo de devolución\n\n- 15 días desde la entrega", "## Envío\n\n- 15 días desde el pedido"),
    ("el", "## Προθεσμία επιστροφής\n\n- 15 ημέρες από την παράδοση", "## Αποστολή\n\n- 15 ημέρες από την παραγγελία"),
    ("ar", "## مدة الإرجاع\n\n- ١٠ أيام من تاريخ الاستلام", "## الشحن\n\n- ١٠ أيام من تاريخ الطلب"),
]


@pytest.mark.parametrize("language, labelled, elsewhere", PERIOD_HEADINGS, ids=case_ids(PERIOD_HEADINGS))
def test_a_heading_naming_the_return_window_counts_with_the_period_it_heads(pack, language, labelled, elsewhere):
    assert not fires(pack, "missing-return-window", labelled, language)
    assert fires(pack, "missing-return-window", elsewhere, language)


# (language, a refund with its means, a title naming refunds above a document that never says how)
REFUND_METHODS = [
    ("en", "Approved refunds are paid by bank transfer.",
     "# Returns and refunds\n\nWe will refund you once the parcel reaches us.\n\n## Exchanges\n\nGift cards are not exchanged."),
    ("fr", "Les remboursements sont versés sous forme d'avoir.",
     "# Retours et remboursements\n\nNous vous rembourserons dès réception du colis.\n\n"
     "## Échanges\n\nLes cartes cadeaux ne sont pas échangées."),
    ("es", "Los reembolsos se abonan en la tarjeta de débito usada en la compra.",
     "# Devoluciones y reembolsos\n\nLe reembolsaremos al recibir el paquete.\n\n"
     "## Cambios\n\nLas tarjetas regalo no se cambian."),
    ("el", "Η επιστροφή χρημάτων γίνεται με δωροεπιταγή.",
     "# Επιστροφές χρημάτων\n\nΘα σας επιστρέψουμε τα χρήματα όταν λάβουμε το δέμα.\n\n## Αλλαγές\n\nΟι κάρτες δεν αλλάζονται."),
    ("ar", "يتم الاسترداد عبر تحويل بنكي.",
     "# الاسترداد\n\nسنعيد لك المبلغ عند وصول الطرد.\n\n## الاستبدال\n\nلا تستبدل البطاقات."),
]


@pytest.mark.parametrize("language, stated, titled", REFUND_METHODS, ids=case_ids(REFUND_METHODS))
def test_a_refund_method_stands_with_the_refund_and_a_title_is_no_label(pack, language, stated, titled):
    assert not fires(pack, "missing-refund-method", stated, language)
    assert fires(pack, "missing-refund-method", titled, language)


# (language, a sentence announcing the reader's rights, a sentence merely naming "rights")
RIGHTS = [
    ("en", "Under the law you have the following rights over your data.", "We use your details to exercise our legal rights."),
    ("fr", "La loi vous accorde les droits suivants sur vos données.",
     "Nous utilisons vos données pour faire valoir nos droits."),
    ("es", "La ley le reconoce los siguientes derechos sobre sus datos.", "Usamos sus datos para defender nuestros derechos."),
    ("el", "Ο νόμος σας παρέχει τα ακόλουθα δικαιώματα για τα δεδομένα σας.",
     "Χρησιμοποιούμε τα δεδομένα σας για να υπερασπιστούμε τα δικαιώματά μας."),
    ("ar", "يمنحك القانون الحقوق التالية على بياناتك.", "نستخدم بياناتك للدفاع عن حقوقنا."),
]


@pytest.mark.parametrize("language, announced, named", RIGHTS, ids=case_ids(RIGHTS))
def test_rights_are_announced_or_named_one_by_one(pack, language, announced, named):
    assert not fires(pack, "missing-rights", announced, language)
    assert fires(pack, "missing-rights", named, language)


# (language, a privacy notice's statement of its purposes)
PROCESSING_PURPOSES = [
    ("en", "## How we use your information\n\nWe keep your name so that we can reply to you."),
    ("fr", "Les finalités du traitement sont la gestion des inscriptions et l'envoi des reçus."),
    ("es", "Este aviso describe cómo tratamos los datos de quienes visitan la web."),
    ("el", "Η παρούσα ενημέρωση περιγράφει με ποιον τρόπο χειριζόμαστε τα στοιχεία των επισκεπτών."),
    ("ar", "أغراض المعالجة هي تسجيل الطلبات والرد عليها."),
]


@pytest.mark.parametrize("language, text", PROCESSING_PURPOSES, ids=case_ids(PROCESSING_PURPOSES))
def test_a_privacy_notice_states_its_purpose_by_its_purposes_of_processing(pack, language, text):
    assert not fires(pack, "missing-purpose", text, language)


# (language, how the reader starts a return)
RETURN_PROCEDURES = [
    ("en", "To start a return, write to the shop with your order number."),
    ("fr", "Pour effectuer un retour, écrivez à la boutique avec votre numéro de commande."),
    ("es", "Para iniciar una devolución, escriba a la tienda con su número de pedido."),
    ("el", "Για να ξεκινήσετε μια επιστροφή, γράψτε στο κατάστημα με τον αριθμό παραγγελίας."),
    ("ar", "لطلب الإرجاع راسل المتجر مع رقم الطلب."),
]


@pytest.mark.parametrize("language, text", RETURN_PROCEDURES, ids=case_ids(RETURN_PROCEDURES))
def test_a_returns_procedure_is_how_the_reader_starts_a_return(pack, language, text):
    assert not fires(pack, "missing-procedures", text, language)


# (language, who may complain, how to complain: a channel is no scope)
WHO_MAY_COMPLAIN = [
    ("en", "## Who can complain\n\nAny tenant or leaseholder.", "You can complain by letter or by telephone."),
    ("fr", "Une demande d'information n'est pas une réclamation.", "Vous pouvez déposer une réclamation par courrier."),
    ("es", "Los vecinos y las asociaciones tienen derecho a presentar quejas.", "Puede presentar una reclamación por correo."),
    ("el", "## Ποιος μπορεί να υποβάλει παράπονο\n\nΚάθε ενοικιαστής.", "Μπορείτε να υποβάλετε παράπονο με επιστολή."),
    ("ar", "## الفئات المستهدفة\n\nجميع الطلاب والموظفين.", "يمكنك تقديم الشكوى عبر البريد."),
]


@pytest.mark.parametrize("language, scope, channel", WHO_MAY_COMPLAIN, ids=case_ids(WHO_MAY_COMPLAIN))
def test_who_may_complain_is_a_scope_and_how_to_complain_is_not(pack, language, scope, channel):
    assert not fires(pack, "missing-scope", scope, language)
    assert fires(pack, "missing-scope", channel, language)


def test_a_time_limit_is_no_square_and_a_street_abbreviation_is_an_address(pack):
    assert fires(pack, "missing-contact", "Respondemos en un plazo de diez días.", "es")
    assert not fires(pack, "missing-contact", "Escríbanos a c/ Mayor, 12, 28013 Madrid.", "es")


# an eight-digit telephone number (Cyprus, Bahrain, Qatar...) in every script
EIGHT_DIGIT_PHONES = [
    ("en", "Call the helpline on 22 45 67 89."),
    ("fr", "Appelez le service client au 22 45 67 89."),
    ("es", "Llame al servicio de atención al 22 45 67 89."),
    ("el", "Καλέστε μας στο 22456789."),
    ("ar", "اتصل بنا على الرقم ٢٢٤٥٦٧٨٩."),
]


@pytest.mark.parametrize("language, text", EIGHT_DIGIT_PHONES, ids=case_ids(EIGHT_DIGIT_PHONES))
def test_an_eight_digit_telephone_number_is_contact_details(pack, language, text):
    assert not fires(pack, "missing-contact", text, language)


# (language, a section heading ending with a colon, a top-level title ending with one)
LABEL_HEADINGS = [
    ("en", "## Returns:\n\nUnused items only.", "# Returns policy:\n\nUnused items only."),
    ("fr", "## Retours :\n\nArticles non utilisés seulement.", "# Politique de retour :\n\nArticles non utilisés seulement."),
    ("es", "## Devoluciones:\n\nSolo artículos sin usar.", "# Política de devoluciones:\n\nSolo artículos sin usar."),
    ("el", "## Επιστροφές:\n\nΜόνο αχρησιμοποίητα προϊόντα.", "# Πολιτική επιστροφών:\n\nΜόνο αχρησιμοποίητα προϊόντα."),
    ("ar", "## الاسترجاع:\n\nالمنتجات غير المستخدمة فقط.", "# سياسة الاسترجاع:\n\nالمنتجات غير المستخدمة فقط."),
]


@pytest.mark.parametrize("language, label, title", LABEL_HEADINGS, ids=case_ids(LABEL_HEADINGS))
def test_a_section_heading_ending_with_a_colon_is_no_title(pack, language, label, title):
    assert fires(pack, "missing-title", label, language)
    assert not fires(pack, "missing-title", title, language)


# (language, satisfaction named as a goal: no feedback collected)
SATISFACTION_GOALS = [
    ("en", "Our aim is customer satisfaction."),
    ("fr", "Notre but est la satisfaction de nos clients."),
    ("es", "Nuestro objetivo es la satisfacción de nuestros clientes."),
    ("el", "Στόχος μας είναι η ικανοποίηση των πελατών."),
    ("ar", "هدفنا هو رضا العملاء."),
]


@pytest.mark.parametrize("language, text", SATISFACTION_GOALS, ids=case_ids(SATISFACTION_GOALS))
def test_satisfaction_as_a_goal_is_no_feedback(pack, language, text):
    assert fires(pack, "missing-feedback", text, language)


# (language, kind, text): a cancellation policy is a returns policy; a notice titled by how it
# uses the reader's data is a privacy notice
KINDS = [
    ("en", "returns", "# Cancellation policy\n\nOrders can be cancelled until they ship."),
    ("fr", "returns", "# Politique d'annulation\n\nUne commande peut être annulée avant son expédition."),
    ("es", "returns", "# Política de cancelación\n\nUn pedido puede cancelarse antes del envío."),
    ("el", "returns", "# Πολιτική ακυρώσεων\n\nΜια παραγγελία ακυρώνεται πριν από την αποστολή."),
    ("ar", "returns", "# سياسة الإلغاء\n\nيمكن إلغاء الطلب قبل شحنه."),
    ("en", "privacy", "# How we use your information\n\nWe keep your name to reply to you."),
    ("fr", "privacy", "# Comment nous utilisons vos données\n\nNous gardons votre nom pour vous répondre."),
    ("es", "privacy", "# Cómo usamos sus datos\n\nGuardamos su nombre para responderle."),
    ("el", "privacy", "# Πώς χρησιμοποιούμε τα δεδομένα σας\n\nΚρατάμε το όνομά σας για να σας απαντήσουμε."),
    ("ar", "privacy", "# كيف نستخدم بياناتك\n\nنحتفظ باسمك للرد عليك."),
]


@pytest.mark.parametrize("language, kind, text", KINDS, ids=case_ids(KINDS))
def test_cancellation_policies_and_how_we_use_your_information_are_their_kinds(pack, language, kind, text):
    analysis = analyse(detect(read_bytes(text.encode("utf-8"), "page.md"), language))
    assert detect_kind(analysis, pack).name == kind


# (language, which purchases a returns policy covers)
RETURNS_SCOPES = [
    ("en", "Online purchases can be returned by post only."),
    ("fr", "Les achats en ligne ne sont repris que par la poste."),
    ("es", "Las compras en línea solo se devuelven por correo."),
    ("el", "Κάθε καταναλωτής μπορεί να επιστρέψει ένα προϊόν ταχυδρομικά."),
    ("ar", "يمكن إرجاع المشتريات عبر الإنترنت بالبريد فقط."),
]


@pytest.mark.parametrize("language, text", RETURNS_SCOPES, ids=case_ids(RETURNS_SCOPES))
def test_a_returns_policy_states_its_scope_by_the_purchases_or_buyers_it_covers(pack, language, text):
    assert not fires(pack, "missing-scope", text, language)


# (language, a verb "to state" that shares its stem with the noun for indicators; a follow-up
# of a request): neither measures performance
NO_INDICATORS = [
    ("en", "The acknowledgement must indicate the name of the officer."),
    ("el", "Η βεβαίωση παραλαβής πρέπει να αναφέρει το όνομα του υπαλλήλου."),
    ("fr", "L'accusé de réception doit indiquer le nom de l'agent."),
    ("es", "El acuse de recibo debe indicar el nombre del agente."),
    ("ar", "يرجى إبراز رقم المراجعة عند متابعة الطلب."),
]


@pytest.mark.parametrize("language, text", NO_INDICATORS, ids=case_ids(NO_INDICATORS))
def test_stating_something_or_following_up_a_request_is_no_performance_measure(pack, language, text):
    assert fires(pack, "missing-performance-measures", text, language)


# (language, how someone reports a breach of a code of conduct: to the organisers)
REPORTING_PROCEDURES = [
    ("en", "If you are harassed, tell a member of the organising team at the desk."),
    ("fr", "En cas de harcèlement, prévenez un membre de l'organisation à l'accueil."),
    ("es", "Si sufres acoso, habla con las personas organizadoras en el mostrador."),
    ("el", "Αν δεχθείτε παρενόχληση, ενημερώστε ένα μέλος της οργανωτικής ομάδας στην υποδοχή."),
    ("ar", "إذا تعرضت للمضايقة فأبلغ أحد أعضاء فريق التنظيم عند المدخل."),
]


@pytest.mark.parametrize("language, text", REPORTING_PROCEDURES, ids=case_ids(REPORTING_PROCEDURES))
def test_a_code_of_conduct_procedure_is_whom_to_report_to(pack, language, text):
    assert not fires(pack, "missing-procedures", text, language)


# (language, a policy of a kind without a profile, its body full of another kind's words)
NAMED_OTHER_POLICIES = [
    ("en", "# Acceptable Use Policy\n\nDo not harass other community participants; harassment ends your participation."),
    ("fr", "# Politique d'utilisation acceptable\n\nNe harcelez pas les participants de la communauté ; "
     "le harcèlement met fin à votre participation."),
    ("es", "# Política de uso aceptable\n\nNo acose a otros participantes de la comunidad; "
     "el acoso pone fin a su participación."),
    ("el", "# Πολιτική αποδεκτής χρήσης\n\nΜην παρενοχλείτε άλλους συμμετέχοντες της κοινότητας· "
     "η παρενόχληση τερματίζει τη συμμετοχή σας."),
    ("ar", "# سياسة الاستخدام المقبول\n\nلا تتحرش بالمشاركين الآخرين في المجتمع؛ التحرش ينهي مشاركتك."),
]


@pytest.mark.parametrize("language, text", NAMED_OTHER_POLICIES, ids=case_ids(NAMED_OTHER_POLICIES))
def test_a_title_naming_another_kind_of_policy_decides_for_other_policy(pack, language, text):
    analysis = analyse(detect(read_bytes(text.encode("utf-8"), "page.md"), language))
    assert detect_kind(analysis, pack).name == "other-policy"


def test_a_bare_policy_title_does_not_decide(pack):
    text = "# Policy\n\nPlease report harassment to the organisers; any participant who harasses is expelled from the event."
    analysis = analyse(detect(read_bytes(text.encode("utf-8"), "page.md"), "en"))
    assert detect_kind(analysis, pack).name == "code-of-conduct"


# (language, who is bound, said as an obligation to abide by the code, or when the terms apply)
BOUND_BY_THE_CODE = [
    ("en", "Speakers and attendees must abide by this code at every meetup."),
    ("fr", "Orateurs et participants doivent respecter le présent code à chaque rencontre."),
    ("es", "Ponentes y asistentes deberán acatar el presente código en cada encuentro."),
    ("el", "Ομιλητές και συμμετέχοντες οφείλουν να τηρούν τον παρόντα κώδικα σε κάθε συνάντηση."),
    ("ar", "على المتحدثين والحضور الالتزام بهذه المدونة في كل لقاء."),
]


@pytest.mark.parametrize("language, text", BOUND_BY_THE_CODE, ids=case_ids(BOUND_BY_THE_CODE))
def test_whom_a_code_binds_is_its_scope(pack, language, text):
    assert not fires(pack, "missing-scope", text, language)
