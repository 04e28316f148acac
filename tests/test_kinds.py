"""Document kinds: each kind is recognised in each language, from its title or its words, and
text that is not a policy is taken for none."""

from __future__ import annotations

import pytest

from policylint.model import LANGUAGES
from policylint.packs import load_pack
from policylint.readers import read_bytes
from policylint.text.analysis import analyse
from policylint.text.kinds import detect_kind
from policylint.text.language import detect

# (language, expected kind, file name, text): short documents written for these tests
SAMPLES = [
    ("en", "returns", "shop.md", "# Returns and refunds\n\nYou may return unused items within 30 days with the receipt. "
     "We refund the price to the card you paid with within 14 days.\n"),
    ("en", "privacy", "notice.md", "# Privacy notice\n\nWe process your personal data to deliver your orders. "
     "You may ask for access, rectification or erasure of your data.\n"),
    ("en", "code-of-conduct", "event.md", "# Code of Conduct\n\nAll attendees, speakers and volunteers must treat one "
     "another with respect. Harassment is not tolerated and may lead to expulsion.\n"),
    ("en", "terms", "terms.md", "# Terms and Conditions of Sale\n\nThese terms apply to every contract between the "
     "company and its customers. The governing law is the law of England.\n"),
    ("en", "complaints", "c.md", "# How to make a complaint\n\nWe acknowledge every complaint within 2 working days "
     "and investigate it. If you are unhappy with our answer, ask the ombudsman.\n"),
    ("en", "customer-service", "s.md", "# Customer Service Charter\n\nWe answer calls within 20 seconds and reply to "
     "letters within 5 working days. Our staff are courteous and helpful.\n"),
    ("en", "customer-service", "s.txt", "Welcome\n\nOur staff answer every customer call within a minute and reply to "
     "each client by email within a day. Visitors are greeted at the desk.\n"),
    ("en", "not-a-policy", "notes.md", "# fastgrep\n\nInstall with pip install fastgrep. Usage: fastgrep PATTERN. "
     "Version 2.1 fixed a bug in the command line parser and added a new option.\n"),
    ("en", "not-a-policy", "README.md", "# Our policies\n\nThis repository holds the policies of the support team "
     "and the scripts that publish them.\n"),
    ("fr", "returns", "retours.md", "# Retours et remboursements\n\nVous pouvez retourner un article non utilisé "
     "sous 30 jours avec le ticket de caisse. Le remboursement est fait sous 14 jours.\n"),
    ("fr", "privacy", "vie-privee.md", "# Politique de confidentialité\n\nNous traitons vos données personnelles pour "
     "livrer vos commandes. Vous disposez d'un droit d'accès, de rectification et d'effacement.\n"),
    ("fr", "code-of-conduct", "evenement.md", "# Code de conduite\n\nToutes les personnes présentes lors de "
     "l'événement doivent se respecter. Le harcèlement n'est pas toléré et peut entraîner l'exclusion.\n"),
    ("fr", "terms", "cgv.md", "# Conditions générales de vente\n\nLes présentes conditions s'appliquent à tout "
     "contrat entre la société et ses clients en France. La loi applicable est la loi française.\n"),
    ("fr", "complaints", "r.md", "# Traitement des réclamations\n\nNous accusons réception de chaque réclamation "
     "sous 2 jours ouvrés. Si la réponse ne vous satisfait pas, vous pouvez saisir le médiateur.\n"),
    ("fr", "customer-service", "accueil.md", "# Charte d'accueil\n\nNous répondons au téléphone en moins de "
     "20 secondes et aux courriers sous 5 jours ouvrés. Notre personnel vous accueille avec courtoisie.\n"),
    ("fr", "not-a-policy", "notes.md", "# Compte rendu de la réunion\n\nPrésents : Anne, Paul. Ordre du jour : "
     "installation du nouveau dépôt. Prochaine réunion le 3 mars.\n"),
    ("es", "returns", "devoluciones.md", "# Devoluciones y reembolsos\n\nPuede devolver un artículo sin usar en un "
     "plazo de 30 días con el ticket de compra. El reembolso se hace en 14 días.\n"),
    ("es", "privacy", "privacidad.md", "# Política de privacidad\n\nTratamos sus datos personales para entregar sus "
     "pedidos. Puede ejercer sus derechos de acceso, rectificación y supresión.\n"),
    ("es", "code-of-conduct", "evento.md", "# Código de conducta\n\nTodas las personas participantes deben tratarse "
     "con respeto. El acoso no se tolera y puede suponer la expulsión del evento.\n"),
    ("es", "terms", "condiciones.md", "# Condiciones generales de venta\n\nLas presentes condiciones se aplican a "
     "todo contrato entre la empresa y sus clientes. La legislación aplicable es la española.\n"),
    ("es", "complaints", "q.md", "# Procedimiento de quejas y reclamaciones\n\nAcusamos recibo de cada reclamación "
     "en 2 días hábiles. Si no está conforme, puede acudir al defensor del cliente.\n"),
    ("es", "customer-service", "carta.md", "# Carta de servicios\n\nAtendemos las llamadas en menos de 20 segundos "
     "y respondemos por escrito en 5 días hábiles. Nuestro personal le atiende con cortesía.\n"),
    ("es", "not-a-policy", "acta.md", "# Acta de la reunión\n\nAsistentes: Ana, Pablo. Orden del día: instalación "
     "del nuevo repositorio. Próxima reunión el 3 de marzo.\n"),
    ("el", "returns", "epistrofes.md", "# Πολιτική επιστροφών\n\nΜπορείτε να επιστρέψετε ένα αχρησιμοποίητο προϊόν "
     "μέσα σε 30 ημέρες με την απόδειξη αγοράς. Η επιστροφή χρημάτων γίνεται σε 14 ημέρες.\n"),
    ("el", "privacy", "aporrito.md", "# Πολιτική απορρήτου\n\nΕπεξεργαζόμαστε τα προσωπικά δεδομένα σας για να "
     "παραδώσουμε τις παραγγελίες σας. Έχετε δικαίωμα πρόσβασης, διόρθωσης και διαγραφής.\n"),
    ("el", "code-of-conduct", "ekdilosi.md", "# Κώδικας δεοντολογίας\n\nΌλοι οι συμμετέχοντες στην εκδήλωση "
     "οφείλουν να σέβονται ο ένας τον άλλον. Η παρενόχληση δεν γίνεται ανεκτή και οδηγεί σε αποβολή.\n"),
    ("el", "terms", "oroi.md", "# Όροι χρήσης\n\nΟι παρόντες όροι ισχύουν για κάθε σύμβαση μεταξύ της εταιρείας "
     "και των πελατών της. Εφαρμοστέο δίκαιο είναι το ελληνικό.\n"),
    ("el", "complaints", "parapona.md", "# Διαδικασία παραπόνων\n\nΕπιβεβαιώνουμε τη λήψη κάθε παραπόνου σε 2 "
     "εργάσιμες ημέρες. Αν δεν μείνετε ικανοποιημένοι, μπορείτε να απευθυνθείτε στον Συνήγορο του Καταναλωτή.\n"),
    ("el", "customer-service", "xartis.md", "# Χάρτης υποχρεώσεων καταναλωτή\n\nΑπαντάμε στις κλήσεις σε 20 "
     "δευτερόλεπτα και στις επιστολές σε 5 εργάσιμες ημέρες. Το προσωπικό μας εξυπηρετεί κάθε πελάτη με ευγένεια.\n"),
    ("el", "not-a-policy", "praktika.md", "# Πρακτικά συνεδρίασης\n\nΠαρόντες: Άννα, Παύλος. Ημερήσια διάταξη: "
     "εγκατάσταση του νέου αποθετηρίου. Επόμενη συνεδρίαση στις 3 Μαρτίου.\n"),
    ("ar", "returns", "istirjaa.md", "# سياسة الاسترجاع والاستبدال\n\nيمكنك إرجاع المنتج غير المستخدم خلال 30 يوماً "
     "مع فاتورة الشراء. يتم استرداد المبلغ خلال 14 يوماً.\n"),
    ("ar", "privacy", "khususiya.md", "# سياسة الخصوصية\n\nنعالج بياناتك الشخصية لتوصيل طلباتك. "
     "يحق لك الوصول إلى بياناتك وتصحيحها وحذفها.\n"),
    ("ar", "code-of-conduct", "suluk.md", "# مدونة السلوك\n\nيجب على جميع المشاركين في الفعالية احترام بعضهم بعضاً. "
     "لا يُسمح بالتحرش وقد يؤدي إلى الطرد.\n"),
    ("ar", "terms", "shurut.md", "# الشروط والأحكام\n\nتسري هذه الشروط على كل عقد بين الشركة وعملائها. "
     "القانون الواجب التطبيق هو قانون دولة الإمارات.\n"),
    ("ar", "complaints", "shakawa.md", "# إجراءات تقديم الشكاوى\n\nنؤكد استلام كل شكوى خلال يومي عمل. "
     "إذا لم تكن راضياً عن الرد يمكنك التظلم إلى الجهة المختصة.\n"),
    ("ar", "customer-service", "mithaq.md", "# ميثاق خدمة العملاء\n\nنرد على المكالمات خلال 20 ثانية وعلى "
     "الرسائل خلال 5 أيام عمل. يستقبل موظفونا كل عميل بلطف.\n"),
    ("ar", "not-a-policy", "mahdar.md", "# محضر الاجتماع\n\nالحاضرون: سارة وعمر. جدول الأعمال: تثبيت المستودع "
     "الجديد. الاجتماع القادم في 3 مارس.\n"),
]


@pytest.fixture(scope="module")
def pack():
    return load_pack()


def kind_of(text: str, name: str, pack) -> str:
    document = read_bytes(text.encode("utf-8"), name)
    document.path = name
    return detect_kind(analyse(detect(document, None)), pack).name


@pytest.mark.parametrize("language, expected, name, text", SAMPLES, ids=[f"{s[0]}-{s[1]}-{s[2]}" for s in SAMPLES])
def test_each_kind_is_recognised(language, expected, name, text, pack):
    assert kind_of(text, name, pack) == expected


def test_every_language_has_every_kind_sampled(pack):
    for language in LANGUAGES:
        sampled = {kind for lang, kind, _, _ in SAMPLES if lang == language}
        assert sampled >= set(pack.kinds) - {"other-policy"}, language


def test_a_title_speaks_louder_than_the_body(pack):
    text = ("# Refunds\n\nWe process personal data only to pay refunds. The controller keeps your "
            "personal data for the retention period the law sets.\n")
    assert kind_of(text, "refunds-page.md", pack) == "returns"


def test_an_organisation_name_above_the_title_does_not_hide_it(pack):
    text = "GREENWAY COACHES\n\nCustomer Charter\n\nOur drivers greet every passenger at the door.\n"
    assert kind_of(text, "charter.txt", pack) == "customer-service"


def test_a_file_named_for_a_kind_is_that_kind(pack):
    assert kind_of("# Our community\n\nBe kind.\n", "CODE_OF_CONDUCT.md", pack) == "code-of-conduct"


def test_the_choice_says_why(pack):
    document = read_bytes("# Política de privacidad\n\nTratamos datos personales.\n".encode(), "p.md")
    choice = detect_kind(analyse(detect(document, None)), pack)
    assert choice.source == "title" and "política de privacidad" in choice.reason().lower()
