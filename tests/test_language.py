import pytest

from policylint.language import detect
from policylint.readers import read_bytes

SAMPLES = {
    "en": "Our team answers every customer email within one working day and keeps a record of each complaint.",
    "fr": "Notre équipe répond à chaque courriel des clients dans un délai d'un jour ouvré et consigne chaque réclamation.",
    "es": "Nuestro equipo responde a cada correo de los clientes en un día hábil y registra cada reclamación recibida.",
    "el": "Η ομάδα μας απαντά σε κάθε μήνυμα πελάτη μέσα σε μία εργάσιμη ημέρα και καταγράφει κάθε παράπονο.",
    "ar": "يرد فريقنا على كل رسالة من العملاء خلال يوم عمل واحد ويسجل كل شكوى تصل إليه.",
}


def document(text, name="doc.md"):
    return detect(read_bytes(text.encode("utf-8"), name))


@pytest.mark.parametrize("language", SAMPLES)
def test_each_language_is_detected(language):
    title = SAMPLES[language].split()[1]
    doc = document(f"# {title}\n\n{SAMPLES[language]}\n")
    assert doc.language == language
    assert all(b.language == language for b in doc.blocks)
    assert doc.notices == []


def test_detection_is_deterministic():
    text = "Policy\n\nService standards apply."
    assert {document(text).language for _ in range(5)} == {document(text).language}


def test_mixed_document_is_checked_block_by_block():
    text = f"# Πολιτική\n\n{SAMPLES['el']}\n\n{SAMPLES['el']}\n\n## Appendix\n\n{SAMPLES['en']}\n"
    doc = document(text)
    assert doc.language == "el"
    assert [b.language for b in doc.blocks] == ["el", "el", "el", "en", "en"]


def test_forced_language_wins():
    doc = detect(read_bytes(SAMPLES["en"].encode(), "doc.md"), "fr")
    assert doc.language == "fr" and {b.language for b in doc.blocks} == {"fr"}


def test_unsupported_language_gets_a_notice():
    german = "Unser Team beantwortet jede E-Mail unserer Kunden innerhalb eines Arbeitstages und dokumentiert jede Beschwerde."
    doc = document(german)
    assert doc.language is None
    assert len(doc.notices) == 1 and "not supported" in doc.notices[0]
