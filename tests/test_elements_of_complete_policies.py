"""Elements that complete policies of every kind state in their own way, found in every
language they concern: each case is a short policy whose section does hold the element, so the
rule must stay quiet, and the same policy without that section must make it fire."""

import pytest
from helpers import findings_for

# (rule, language, the section that states the element, under a title that names the document)
CASES = [
    # a code of conduct's procedure is how reports are handled
    ("missing-procedures", "en", "# Code of Conduct\n\n## How reports are handled\n\n"
     "A welfare officer acknowledges each report within 24 hours and decides within 14 days.\n"),
    ("missing-procedures", "fr", "# Code de conduite\n\n## Traitement des signalements\n\n"
     "Un référent accuse réception de chaque signalement sous 48 heures et rend un avis sous un mois.\n"),
    ("missing-procedures", "es", "# Código de conducta\n\n## Tramitación de las denuncias\n\n"
     "La persona de confianza acusa recibo de cada denuncia en 48 horas y la junta decide en 30 días.\n"),
    ("missing-procedures", "el", "# Κώδικας δεοντολογίας\n\n## Χειρισμός αναφορών\n\n"
     "Ο υπεύθυνος επιβεβαιώνει κάθε αναφορά μέσα σε 48 ώρες και το συμβούλιο αποφασίζει σε 30 ημέρες.\n"),
    ("missing-procedures", "ar", "# مدونة قواعد السلوك\n\n## معالجة البلاغات\n\n"
     "يؤكد المسؤول استلام كل بلاغ خلال 48 ساعة، ويقرر مجلس الإدارة خلال 30 يوماً.\n"),
    # a returns policy's procedure is how the reader sends an item back
    ("missing-procedures", "en", "# Returns Policy\n\n## How you can return an item\n\n"
     "Fill in the form, pack the item and post it with the prepaid label we email you.\n"),
    ("missing-procedures", "fr", "# Politique de retour\n\n## Comment nous retourner un article\n\n"
     "Remplissez le formulaire, emballez l'article et déposez-le en magasin.\n"),
    ("missing-procedures", "es", "# Política de devoluciones\n\n## Cómo nos devuelve un producto\n\n"
     "Rellene el formulario, embale el artículo y entréguelo en tienda.\n"),
    ("missing-procedures", "el", "# Πολιτική επιστροφών\n\n## Πώς επιστρέφετε ένα προϊόν\n\n"
     "Συμπληρώστε τη φόρμα, συσκευάστε το προϊόν και παραδώστε το στο κατάστημα.\n"),
    ("missing-procedures", "ar", "# سياسة الإرجاع\n\n## كيف تعيد المنتج\n\n"
     "املأ النموذج، وغلّف المنتج، وسلّمه في الفرع.\n"),
    # a code of conduct states its sanctions under a heading that names the consequences
    ("missing-enforcement", "en", "# Code of Conduct\n\n## Consequences of unacceptable behaviour\n\n"
     "The officers can give a written warning or a ban of up to three months.\n"),
    ("missing-enforcement", "fr", "# Code de conduite\n\n## Conséquences en cas de manquement\n\n"
     "Le bureau prononce un avertissement écrit ou une suspension de six mois au plus.\n"),
    ("missing-enforcement", "es", "# Código de conducta\n\n## Consecuencias\n\n"
     "La junta puede imponer una amonestación por escrito o una suspensión de seis meses como máximo.\n"),
    ("missing-enforcement", "el", "# Κώδικας δεοντολογίας\n\n## Συνέπειες παραβάσεων\n\n"
     "Το συμβούλιο επιβάλλει γραπτή επίπληξη ή αποκλεισμό έως έξι μήνες.\n"),
    ("missing-enforcement", "ar", "# مدونة قواعد السلوك\n\n## عواقب المخالفة\n\n"
     "يوجه مجلس الإدارة إنذاراً كتابياً أو يوقف العضو مدة أقصاها ستة أشهر.\n"),
    # how to report a breach of a code of conduct is its complaint procedure
    ("missing-complaint-procedure", "el", "# Κώδικας δεοντολογίας\n\n## Πώς αναφέρετε ένα περιστατικό\n\n"
     "Γράψτε στον υπεύθυνο δεοντολογίας στο ethos@example.org. Η αναφορά μένει εμπιστευτική.\n"),
    # a code or terms that name themselves as what applies ('these terms govern')
    ("missing-scope", "ar", "# مدونة قواعد السلوك\n\n## الأعضاء\n\n"
     "تسري هذه المدونة على الأعضاء في مقر النادي وفي البطولات.\n"),
    ("missing-scope", "ar", "# الشروط والأحكام\n\n## الاتفاق\n\n"
     "تنظم هذه الشروط العلاقة بين الشركة وكل من يطلب الوجبات عبر التطبيق.\n"),
]


def _without_section(text: str) -> str:
    return text.split("\n\n")[0] + "\n\nWe value everyone.\n"


@pytest.mark.parametrize(("rule", "language", "text"), CASES, ids=lambda v: v if isinstance(v, str) and len(v) < 30 else "")
def test_the_element_is_found(rule, language, text, pack, settings):
    assert findings_for(text, pack, settings, rule=rule, lang=language) == []


@pytest.mark.parametrize(("rule", "language", "text"), CASES, ids=lambda v: v if isinstance(v, str) and len(v) < 30 else "")
def test_without_it_the_rule_fires(rule, language, text, pack, settings):
    found = findings_for(_without_section(text), pack, settings, rule=rule, lang=language)
    assert [f.rule for f in found] == [rule]
