"""Weak obligations as real policies write them (issue 14), in every language: the
organisation's own rule stated with a weak modal is reported, whether it binds staff, states
what the reader will receive, or sets a rule about a thing; advice to the reader, a condition
and an attempt are not weak obligations."""

import pytest
from helpers import findings_for

from policylint.model import LANGUAGES


def modals(text, pack, settings, language):
    return [f.excerpt for f in findings_for(text, pack, settings, "weak-obligation", lang=language)]


# (language, text, the modal reported)
WEAK_RULES = {
    "en": [("You should receive a response to your complaint within 15 working days.", "should"),
           ("All content should be suitable for a professional audience.", "should"),
           ("Presentations should not be interrupted for minor breaches.", "should")],
    "fr": [("Vous devriez recevoir une réponse sous 15 jours ouvrés.", "devriez"),
           ("Une présentation ne devrait pas être interrompue pour une infraction légère.", "devrait")],
    "es": [("Usted debería recibir una respuesta en 15 días hábiles.", "debería"),
           ("Todo contenido debería ser el apropiado para una audiencia profesional.", "debería")],
    "el": [("Θα έπρεπε να λάβετε απάντηση μέσα σε 15 εργάσιμες ημέρες.", "Θα έπρεπε"),
           ("Το περιεχόμενο θα έπρεπε να είναι κατάλληλο για επαγγελματικό κοινό.", "θα έπρεπε")],
    "ar": [("ينبغي أن تتلقى ردا على شكواك خلال 15 يوم عمل.", "ينبغي"),
           ("ينبغي أن يكون المحتوى مناسبا لجمهور مهني.", "ينبغي")],
}
NOT_WEAK_RULES = {
    "en": ["We will try to resolve the issue straight away.",
           "We will endeavour to resolve your complaint fairly.",
           "Ask us to stop using your data if you think we no longer should be using it.",
           "You should be aware that calls are recorded."],
    "fr": ["Nous essaierons de traiter votre réclamation rapidement.",
           "Demandez-nous d'arrêter si vous pensez que ce traitement ne devrait plus être fait.",
           "Vous devriez être conscient que les appels sont enregistrés."],
    "es": ["Intentaremos resolver su reclamación cuanto antes.",
           "Pídanos que paremos si cree que el tratamiento no debería ser así.",
           "Usted debería ser consciente de que las llamadas se graban."],
    "el": ["Θα προσπαθήσουμε να απαντήσουμε γρήγορα.",
           "Ζητήστε μας να σταματήσουμε αν πιστεύετε ότι η επεξεργασία δεν θα έπρεπε να είναι έτσι."],
    "ar": ["سنحاول معالجة شكواك بسرعة.",
           "اطلب منا التوقف إذا كنت تعتقد أنه ينبغي ألا يكون ذلك."],
}


def test_every_language_has_cases():
    assert set(WEAK_RULES) == set(NOT_WEAK_RULES) == set(LANGUAGES)


@pytest.mark.parametrize("language, text, modal", [(lang, t, m) for lang, cases in WEAK_RULES.items() for t, m in cases])
def test_a_rule_stated_with_a_weak_modal_is_reported(pack, settings, language, text, modal):
    assert modals(text, pack, settings, language) == [modal]


@pytest.mark.parametrize("language, text", [(lang, t) for lang, texts in NOT_WEAK_RULES.items() for t in texts])
def test_attempts_conditions_and_advice_are_not_weak_obligations(pack, settings, language, text):
    assert modals(text, pack, settings, language) == []


@pytest.mark.parametrize("language, text", [
    ("en", "The user should contact support to reset a password."),
    ("fr", "L'utilisateur devrait contacter le support pour changer son mot de passe."),
    ("es", "El usuario debería contactar con soporte para cambiar su contraseña."),
    ("el", "Ο χρήστης θα έπρεπε να επικοινωνήσει με την υποστήριξη για τον κωδικό του."),
    ("ar", "ينبغي على المستخدم الاتصال بالدعم لتغيير كلمة المرور."),
])
def test_advice_to_the_user_is_not_a_weak_obligation(pack, settings, language, text):
    assert modals(text, pack, settings, language) == []
