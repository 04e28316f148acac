"""The kind chosen from what a text is, not only from the words it uses: an article reporting
on a policy is not the policy, a heading names a kind only when the body speaks of it, and
personal data is not the staff of a customer charter. Each behaviour in all five languages."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from policylint.cli import main
from policylint.messages import Messages
from policylint.packs import load_pack
from policylint.readers import read_bytes
from policylint.text.analysis import analyse
from policylint.text.kinds import KindChoice, detect_kind
from policylint.text.language import detect


@pytest.fixture(scope="module")
def pack():
    return load_pack()


def choose(text: str, pack, name: str = "page.md") -> KindChoice:
    document = read_bytes(text.encode("utf-8"), name)
    document.path = name
    return detect_kind(analyse(detect(document, None)), pack)


# Articles whose headline names a kind of policy; their sentences report what someone said.
REPORTED = [
    ("en", "# Council adopts a new complaints procedure\n\nThe council announced on Monday a new procedure "
     "for residents who wish to make a complaint. \"Every complaint will be answered within ten days,\" "
     "the leader of the council said. Residents told the paper that the old complaints system was slow. "
     "The procedure takes effect in May.\n"),
    ("fr", "# La mairie adopte une procédure de réclamation\n\nLa mairie a annoncé lundi une nouvelle procédure "
     "pour les habitants qui veulent déposer une réclamation. « Chaque réclamation recevra une réponse sous dix "
     "jours », a déclaré le maire. Son adjoint a précisé que l'ancien dispositif était trop lent. La procédure "
     "entre en vigueur en mai.\n"),
    ("es", "# El ayuntamiento aprueba un procedimiento de quejas y reclamaciones\n\nEl ayuntamiento anunció el lunes "
     "un nuevo procedimiento para los vecinos que quieran presentar una queja. «Cada reclamación tendrá respuesta "
     "en diez días», declaró la alcaldesa. El concejal añadió que el sistema anterior era lento. El procedimiento "
     "entra en vigor en mayo.\n"),
    ("el", "# Ο δήμος υιοθετεί νέα διαδικασία παραπόνων\n\nΟ δήμος ανακοίνωσε τη Δευτέρα νέα διαδικασία για τους "
     "δημότες που θέλουν να υποβάλουν παράπονο. «Κάθε παράπονο θα απαντάται μέσα σε δέκα ημέρες», δήλωσε ο "
     "δήμαρχος. Ο αντιδήμαρχος πρόσθεσε ότι το παλιό σύστημα ήταν αργό. Η διαδικασία ισχύει από τον Μάιο.\n"),
    ("ar", "# البلدية تعتمد إجراءات جديدة للشكاوى\n\nأعلنت البلدية يوم الاثنين عن إجراءات جديدة للسكان الراغبين "
     "في تقديم شكوى. وقال رئيس البلدية إن كل شكوى سيتم الرد عليها خلال عشرة أيام. وأضاف أن النظام السابق كان "
     "بطيئا. وتسري الإجراءات اعتبارا من مايو.\n"),
]


@pytest.mark.parametrize("language, text", REPORTED, ids=[s[0] for s in REPORTED])
def test_an_article_reporting_on_a_policy_is_not_the_policy(language, text, pack):
    choice = choose(text, pack)
    assert choice.name == "not-a-policy" and choice.source == "news"
    assert len(choice.terms) >= 2  # the verbs that report, to show why


# A headline naming a policy, then the date and time the page was posted, alone on its line.
DATELINES = [
    ("en", "# Customer charter for rail passengers\n\nTuesday, 18 July 2006 16:31\n\n"
     "Rail operators will publish a charter of what passengers can expect from them.\n"),
    ("fr", "# Charte client pour les voyageurs\n\nMardi 18 juillet 2006 16:31\n\n"
     "Les opérateurs publieront une charte de ce que les voyageurs peuvent attendre.\n"),
    ("es", "# Carta de servicios para los viajeros\n\nMartes, 18 de julio de 2006 16:31\n\n"
     "Los operadores publicarán una carta de servicios con lo que los viajeros pueden esperar.\n"),
    ("el", "# Χάρτης υποχρεώσεων καταναλωτή\n\nΤρίτη, 18 Ιουλίου 2006 16:31\n\n"
     "Οι επιχειρήσεις θα δημοσιεύσουν χάρτη με όσα μπορούν να περιμένουν οι πολίτες.\n"),
    ("ar", "# ميثاق العملاء لركاب القطارات\n\nالثلاثاء، ١٨ يوليو ٢٠٠٦ ١٦:٣١\n\n"
     "ستنشر الشركات ميثاقا بما يمكن أن يتوقعه الركاب منها.\n"),
]


@pytest.mark.parametrize("language, text", DATELINES, ids=[s[0] for s in DATELINES])
def test_a_page_stamped_with_the_time_it_was_posted_is_news(language, text, pack):
    choice = choose(text, pack)
    assert choice.name == "not-a-policy" and choice.source == "news"
    assert "16:31" in choice.terms[0] or "١٦:٣١" in choice.terms[0]


# Policies that quote someone once among many sentences of their own, or give a date with no time.
SPEAKING_FOR_THEMSELVES = [
    ("en", "complaints", "# Complaints procedure\n\nWe acknowledge every complaint within two working days. "
     "We investigate it and reply within ten days. If you are unhappy with our reply, ask the ombudsman. "
     "As our director said, every complaint helps us improve. We record each complaint. "
     "We report on complaints every year.\n"),
    ("fr", "complaints", "# Procédure de réclamation\n\nNous accusons réception de chaque réclamation sous deux jours "
     "ouvrés. Nous l'instruisons et répondons sous dix jours. Si la réponse ne vous satisfait pas, saisissez le "
     "médiateur. Comme l'a déclaré notre directrice, chaque réclamation nous aide à progresser. Nous enregistrons "
     "chaque réclamation. Nous publions un bilan chaque année.\n"),
    ("es", "complaints", "# Procedimiento de quejas\n\nAcusamos recibo de cada queja en dos días hábiles. La "
     "estudiamos y respondemos en diez días. Si no está conforme, acuda al defensor del cliente. Como declaró "
     "nuestra directora, cada queja nos ayuda a mejorar. Registramos cada queja. Publicamos un informe anual.\n"),
    ("el", "complaints", "# Διαδικασία παραπόνων\n\nΕπιβεβαιώνουμε τη λήψη κάθε παραπόνου σε δύο εργάσιμες. Το "
     "εξετάζουμε και απαντάμε σε δέκα ημέρες. Αν δεν μείνετε ικανοποιημένοι, απευθυνθείτε στον διαμεσολαβητή. "
     "Όπως δήλωσε η διευθύντριά μας, κάθε παράπονο μας βοηθά. Καταγράφουμε κάθε παράπονο. Δημοσιεύουμε "
     "ετήσια έκθεση.\n"),
    ("ar", "complaints", "# إجراءات الشكاوى\n\nنؤكد استلام كل شكوى خلال يومي عمل. ندرس الشكوى ونرد خلال عشرة أيام. "
     "إذا لم ترض عن الرد يمكنك التوجه إلى ديوان المظالم. وكما قال مديرنا فإن كل شكوى تساعدنا. نسجل كل شكوى. "
     "ننشر تقريرا سنويا.\n"),
    ("en", "privacy", "# Privacy notice\n\n18 July 2026\n\nWe process your personal data to deliver your orders.\n"),
    ("ar", "privacy", "# سياسة الخصوصية\n\n١٨ يوليو ٢٠٢٦\n\nنعالج بياناتك الشخصية لتوصيل طلباتك.\n"),
]


@pytest.mark.parametrize("language, kind, text", SPEAKING_FOR_THEMSELVES,
                         ids=[f"{s[0]}-{s[1]}" for s in SPEAKING_FOR_THEMSELVES])
def test_a_policy_that_quotes_once_or_is_dated_is_still_a_policy(language, kind, text, pack):
    assert choose(text, pack).name == kind


# Help pages with a heading that could name returns, a body about something else entirely.
FEEDBACK_HEADINGS = [
    ("en", "# About the platform\n\nThe platform builds online forms for public bodies.\n\n## Returns\n\n"
     "Send us your ideas for the next release of the platform.\n"),
    ("fr", "# Généralités\n\nLa plateforme permet de créer des formulaires en ligne pour les organismes publics.\n\n"
     "## Retours\n\nEnvoyez-nous vos idées pour la prochaine version de la plateforme.\n"),
    ("es", "# Generalidades\n\nLa plataforma permite crear formularios en línea para los organismos públicos.\n\n"
     "## Devoluciones\n\nEnvíenos sus ideas para la próxima versión de la plataforma.\n"),
    ("el", "# Γενικά\n\nΗ πλατφόρμα δημιουργεί ηλεκτρονικές φόρμες για δημόσιους φορείς.\n\n## Επιστροφές\n\n"
     "Στείλτε μας τις ιδέες σας για την επόμενη έκδοση της πλατφόρμας.\n"),
    ("ar", "# نظرة عامة\n\nتتيح المنصة إنشاء نماذج إلكترونية للجهات العامة.\n\n## الإرجاع\n\n"
     "أرسل إلينا أفكارك للإصدار القادم من المنصة.\n"),
]


@pytest.mark.parametrize("language, text", FEEDBACK_HEADINGS, ids=[s[0] for s in FEEDBACK_HEADINGS])
def test_a_heading_alone_does_not_make_a_kind(language, text, pack):
    assert choose(text, pack).name != "returns"


# Returns policies whose title says nothing of returns: headings and body agree, so the headings count.
RETURNS_BY_HEADINGS = [
    ("en", "# Help\n\n## Returns\n\nYou may return an item within 30 days for a refund.\n\n## Refunds\n\n"
     "We refund the price within 14 days of receiving the returned item.\n"),
    ("fr", "# Aide\n\n## Retours\n\nVous pouvez retourner un article sous 30 jours pour un remboursement.\n\n"
     "## Remboursements\n\nNous remboursons le prix sous 14 jours après réception du retour.\n"),
    ("es", "# Ayuda\n\n## Devoluciones\n\nPuede devolver un artículo en 30 días y obtener un reembolso.\n\n"
     "## Reembolsos\n\nReembolsamos el precio en 14 días tras recibir la devolución.\n"),
    ("el", "# Βοήθεια\n\n## Επιστροφές\n\nΜπορείτε να επιστρέψετε ένα προϊόν σε 30 ημέρες για επιστροφή χρημάτων.\n\n"
     "## Επιστροφή χρημάτων\n\nΕπιστρέφουμε το ποσό σε 14 ημέρες από την παραλαβή της επιστροφής.\n"),
    ("ar", "# مساعدة\n\n## الإرجاع\n\nيمكنك إرجاع المنتج خلال 30 يوما واسترداد المبلغ.\n\n## استرداد المبلغ\n\n"
     "نعيد المبلغ خلال 14 يوما من استلام المنتج المرتجع.\n"),
]


@pytest.mark.parametrize("language, text", RETURNS_BY_HEADINGS, ids=[s[0] for s in RETURNS_BY_HEADINGS])
def test_headings_the_body_supports_still_name_the_kind(language, text, pack):
    assert choose(text, pack).name == "returns"


# Acceptable-use rules under a title no kind claims: personal data is mentioned, staff are not.
ACCEPTABLE_USE = [
    ("en", "# Conditions\n\nYou may not use our services to break the law, to harass others or to collect "
     "the personal data of other users. You may not breach the security of the services. A breach of these "
     "rules ends your access.\n"),
    ("fr", "# Conditions\n\nVous ne pouvez pas utiliser nos services pour enfreindre la loi, harceler autrui ou "
     "collecter les données personnelles d'autres personnes. Les informations personnelles des utilisateurs sont "
     "protégées. Tout manquement à ces règles met fin à votre accès. Un manquement grave est signalé.\n"),
    ("es", "# Condiciones\n\nNo puede utilizar nuestros servicios para infringir la ley, acosar a otros o recopilar "
     "datos personales de otros usuarios. La información personal de los usuarios está protegida. Todo "
     "incumplimiento de estas normas pone fin a su acceso. Un incumplimiento grave se comunica.\n"),
    ("el", "# Προϋποθέσεις\n\nΔεν επιτρέπεται να χρησιμοποιήσετε τις υπηρεσίες μας για να παραβιάσετε τον νόμο ή "
     "να συλλέξετε προσωπικά δεδομένα άλλων χρηστών. Τα προσωπικά στοιχεία των χρηστών προστατεύονται. Κάθε "
     "παραβίαση των κανόνων τερματίζει την πρόσβασή σας. Η παραβίαση της ασφάλειας απαγορεύεται.\n"),
    ("ar", "# الشروط\n\nلا يجوز لك استخدام خدماتنا لمخالفة القانون أو جمع البيانات الشخصية لمستخدمين آخرين. "
     "وتؤدي المخالفة إلى إنهاء وصولك. ويجب الالتزام بهذه القواعد.\n"),
]


@pytest.mark.parametrize("language, text", ACCEPTABLE_USE, ids=[s[0] for s in ACCEPTABLE_USE])
def test_personal_data_is_not_the_staff_of_a_customer_charter(language, text, pack):
    assert choose(text, pack).name == "other-policy"


# The staff a customer charter speaks of still count for it.
STAFF = [
    ("fr", "# Accueil\n\nLe personnel répond au téléphone en moins de 20 secondes. Notre personnel vous accueille "
     "avec courtoisie.\n"),
    ("es", "# Atención\n\nEl personal atiende las llamadas de cada cliente en menos de 20 segundos. Nuestro "
     "personal le atiende con cortesía.\n"),
    ("el", "# Υποδοχή\n\nΤο προσωπικό απαντά στην κλήση κάθε πελάτη σε λιγότερο από 20 δευτερόλεπτα. Το "
     "προσωπικό μας σας εξυπηρετεί με ευγένεια.\n"),
]


@pytest.mark.parametrize("language, text", STAFF, ids=[s[0] for s in STAFF])
def test_staff_still_count_for_a_customer_charter(language, text, pack):
    choice = choose(text, pack)
    assert choice.name == "customer-service"
    assert any("personal" in term or "personnel" in term or "προσωπικό" in term for term in choice.terms)


@pytest.mark.parametrize("language, text", REPORTED, ids=[s[0] for s in REPORTED])
def test_why_a_text_is_news_shows_in_its_language(tmp_path, language, text):
    path = tmp_path / "article.md"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--fail-on", "never", "--format", "json", str(path)],
                                env={"GITHUB_ACTIONS": "", "LC_ALL": "C.UTF-8"})
    payload = json.loads(result.stdout)
    assert payload["findings"] == []
    reason = payload["files"][0]["kind_reason"]
    assert reason.startswith("news: ")
    said = Messages(language).kind_reason(reason)
    assert said.startswith(Messages(language)("kind_source_news"))


# Policies with no profile of their own, named by their subject; some also called a charter.
SUBJECT_TITLES = [
    ("en", "# Safeguarding Policy\n\nEvery volunteer must report a concern about a child to the designated lead "
     "the same day.\n"),
    ("en", "# Equality and Diversity Charter\n\nWe treat every employee and every customer fairly, whatever their "
     "background. Our staff are trained each year.\n"),
    ("fr", "# Charte informatique\n\nChaque salarié protège son mot de passe et n'installe aucun logiciel sans "
     "accord. Le personnel signale tout incident au service informatique.\n"),
    ("fr", "# Politique de protection des mineurs\n\nTout bénévole doit signaler sans délai une inquiétude au "
     "référent désigné.\n"),
    ("es", "# Política de conflictos de interés\n\nCada empleado debe declarar cualquier interés que pueda influir "
     "en sus decisiones.\n"),
    ("es", "# Canal de denuncias\n\nCualquier persona puede informar de forma confidencial de un incumplimiento de la "
     "ley dentro de la empresa.\n"),
    ("el", "# Χάρτης ισότητας και διαφορετικότητας\n\nΑντιμετωπίζουμε κάθε εργαζόμενο και κάθε πελάτη δίκαια. Το "
     "προσωπικό μας εκπαιδεύεται κάθε χρόνο.\n"),
    ("el", "# Πολιτική σύγκρουσης συμφερόντων\n\nΚάθε υπάλληλος πρέπει να δηλώνει κάθε συμφέρον που μπορεί να "
     "επηρεάσει τις αποφάσεις του.\n"),
    ("ar", "# ميثاق الصحة والسلامة\n\nيلتزم كل موظف بقواعد السلامة في مكان العمل ويبلغ عن أي خطر فورا.\n"),
    ("ar", "# سياسة الإبلاغ عن المخالفات\n\nيمكن لأي موظف الإبلاغ بسرية عن أي مخالفة للقانون داخل الشركة.\n"),
]


@pytest.mark.parametrize("language, text", SUBJECT_TITLES, ids=[f"{s[0]}-{i}" for i, s in enumerate(SUBJECT_TITLES)])
def test_a_title_naming_a_policy_subject_makes_it_a_policy_of_another_kind(language, text, pack):
    choice = choose(text, pack)
    assert (choice.name, choice.source) == ("other-policy", "title")


# A charter that names its customers, or says nothing of its subject, is still a customer charter.
CHARTERS = [
    ("en", "# Customer Charter\n\nWe answer every call within a minute.\n"),
    ("en", "# Our Charter\n\nWe answer every customer call within a minute and reply to letters within a week.\n"),
    ("fr", "# Charte client\n\nNous répondons à chaque appel en moins d'une minute.\n"),
    ("es", "# Carta de servicios\n\nAtendemos cada llamada en menos de un minuto.\n"),
    ("el", "# Χάρτης εξυπηρέτησης\n\nΑπαντάμε σε κάθε κλήση σε λιγότερο από ένα λεπτό.\n"),
    ("ar", "# ميثاق العملاء\n\nنرد على كل مكالمة خلال دقيقة.\n"),
]


@pytest.mark.parametrize("language, text", CHARTERS, ids=[f"{s[0]}-{i}" for i, s in enumerate(CHARTERS)])
def test_a_customer_charter_is_still_one(language, text, pack):
    assert choose(text, pack).name == "customer-service"


# The changes made to a policy, release by release: its title names the policy, its headings
# are versions (Arabic-Indic digits too) with what changed below each.
RELEASE_NOTES = [
    ("en", "# Privacy policy: changes\n\n## [2.1.0] - 2024-03-01\n\n### Changed\n\n- The section on cookies names "
     "each cookie.\n\n## [2.0.0] - 2023-09-12\n\n### Changed\n\n- The notice covers the mobile app.\n"),
    ("fr", "# Politique de confidentialité : versions\n\n## v2.1.0\n\n### Modifié\n\n- La section sur les cookies "
     "nomme chaque cookie.\n\n## v2.0.0\n\n### Modifié\n\n- L'avis couvre l'application mobile.\n"),
    ("es", "# Política de privacidad: versiones\n\n## 2.1.0 (2024-03-01)\n\n### Cambiado\n\n- La sección sobre "
     "cookies nombra cada cookie.\n\n## 2.0.0 (2023-09-12)\n\n### Cambiado\n\n- El aviso cubre la aplicación.\n"),
    ("el", "# Πολιτική απορρήτου: εκδόσεις\n\n## [2.1.0] - 2024-03-01\n\n### Αλλαγές\n\n- Η ενότητα για τα cookies "
     "κατονομάζει κάθε cookie.\n\n## [2.0.0] - 2023-09-12\n\n### Αλλαγές\n\n- Η δήλωση καλύπτει την εφαρμογή.\n"),
    ("ar", "# سياسة الخصوصية: الإصدارات\n\n## [٢.١.٠] - ٢٠٢٤-٠٣-٠١\n\n### تغييرات\n\n- يذكر قسم ملفات تعريف "
     "الارتباط كل ملف.\n\n## [٢.٠.٠] - ٢٠٢٣-٠٩-١٢\n\n### تغييرات\n\n- يشمل الإشعار التطبيق.\n"),
]


@pytest.mark.parametrize("language, text", RELEASE_NOTES, ids=[s[0] for s in RELEASE_NOTES])
def test_release_notes_of_a_policy_are_not_the_policy(language, text, pack):
    choice = choose(text, pack)
    assert (choice.name, choice.source) == ("not-a-policy", "release headings")
    assert len(choice.terms) == 2


# A policy with numbered sections and, at its end, a version history among many headings.
VERSIONED_POLICIES = [
    ("en", "privacy", "# Privacy policy\n\n## 1.1.1 Who we are\n\nWe are the controller of your personal data.\n\n"
     "## 1.1.2 Your rights\n\nYou may ask for access to your data.\n\n## Cookies\n\nWe use cookies.\n\n"
     "## Contact\n\nWrite to us.\n\n## Version history\n\nThe changes, newest first.\n\n## v2.1\n\nCookies named.\n\n"
     "## v2.0\n\nFirst version.\n"),
    ("fr", "privacy", "# Politique de confidentialité\n\n## 1.1.1 Qui nous sommes\n\nNous sommes responsables du "
     "traitement de vos données personnelles.\n\n## 1.1.2 Vos droits\n\nVous pouvez demander l'accès à vos données."
     "\n\n## Cookies\n\nNous utilisons des cookies.\n\n## Contact\n\nÉcrivez-nous.\n\n## Historique\n\nLes "
     "modifications.\n\n## v2.1\n\nCookies nommés.\n\n## v2.0\n\nPremière version.\n"),
    ("es", "privacy", "# Política de privacidad\n\n## 1.1.1 Quiénes somos\n\nSomos responsables del tratamiento de sus "
     "datos personales.\n\n## 1.1.2 Sus derechos\n\nPuede solicitar el acceso a sus datos.\n\n## Cookies\n\nUsamos "
     "cookies.\n\n## Contacto\n\nEscríbanos.\n\n## Historial\n\nLos cambios.\n\n## v2.1\n\nCookies nombradas.\n\n"
     "## v2.0\n\nPrimera versión.\n"),
    ("el", "privacy", "# Πολιτική απορρήτου\n\n## 1.1.1 Ποιοι είμαστε\n\nΕίμαστε υπεύθυνοι επεξεργασίας των "
     "προσωπικών σας δεδομένων.\n\n## 1.1.2 Τα δικαιώματά σας\n\nΜπορείτε να ζητήσετε πρόσβαση.\n\n## Cookies\n\n"
     "Χρησιμοποιούμε cookies.\n\n## Επικοινωνία\n\nΓράψτε μας.\n\n## Ιστορικό\n\nΟι αλλαγές.\n\n## v2.1\n\n"
     "Cookies.\n\n## v2.0\n\nΠρώτη έκδοση.\n"),
    ("ar", "privacy", "# سياسة الخصوصية\n\n## ١.١.١ من نحن\n\nنحن المسؤولون عن معالجة بياناتك الشخصية.\n\n"
     "## ١.١.٢ حقوقك\n\nيمكنك طلب الوصول إلى بياناتك.\n\n## ملفات تعريف الارتباط\n\nنستخدم ملفات تعريف الارتباط."
     "\n\n## اتصل بنا\n\nراسلنا.\n\n## السجل\n\nالتغييرات.\n\n## v2.1\n\nتسمية الملفات.\n\n## v2.0\n\nالإصدار الأول.\n"),
]


@pytest.mark.parametrize("language, kind, text", VERSIONED_POLICIES, ids=[s[0] for s in VERSIONED_POLICIES])
def test_a_policy_with_numbered_sections_and_a_version_history_is_still_a_policy(language, kind, text, pack):
    assert choose(text, pack).name == kind
