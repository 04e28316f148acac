import pytest

from policylint.readers import read_bytes
from policylint.text.language import detect
from policylint.text.languages import scripts

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
    assert len(doc.notices) == 1 and "not supported" in str(doc.notices[0])


CLEAR = {
    "en": "This policy applies to all of our staff. We answer every call within 30 seconds and we reply to "
          "every letter within five working days. If you are not happy with our answer, you can ask the "
          "manager of the branch to look at your case again, and we will tell you what we decide.",
    "fr": "Cette politique s'applique à tout le personnel. Nous répondons à chaque appel en moins de 30 secondes "
          "et nous répondons aux courriers sous cinq jours ouvrés. Si vous n'êtes pas satisfait de notre réponse, "
          "vous pouvez demander au responsable de revoir votre dossier, et nous vous dirons ce que nous décidons.",
    "es": "Esta política se aplica a todo el personal. Respondemos a cada llamada en menos de 30 segundos y "
          "contestamos las cartas en cinco días hábiles. Si no está satisfecho con nuestra respuesta, puede "
          "pedir al responsable que revise su caso, y le diremos lo que decidimos con claridad y por escrito.",
}
LATIN = ("en", "fr", "es")  # the languages of the Latin script
OTHER = {
    "pt": "Esta política aplica-se a todos os funcionários que trabalham com clientes. Respondemos a cada pedido "
          "em dois dias úteis e não deixamos nenhum cliente sem resposta. A nossa equipa é formada todos os anos "
          "e também recebe formação sobre reclamações, com exemplos reais.",
    "it": "Questa politica si applica a tutti i dipendenti che lavorano con i clienti. Rispondiamo a ogni richiesta "
          "entro due giorni lavorativi e non lasciamo nessun cliente senza risposta. Il nostro personale è formato "
          "ogni anno e anche sulle procedure di reclamo.",
    "de": "Diese Richtlinie gilt für alle Mitarbeiter, die mit Kunden arbeiten. Wir beantworten jede Anfrage "
          "innerhalb von zwei Tagen und rufen Kunden am nächsten Werktag zurück. Das ist unser Versprechen und wir "
          "halten es ein, denn der Kunde ist uns wichtig.",
}


@pytest.mark.parametrize("language", sorted(CLEAR))
def test_plain_function_words_settle_the_language_without_langdetect(language, monkeypatch):
    from policylint.text import language as module

    monkeypatch.setattr(module, "detect_among", lambda text, candidates: pytest.fail("langdetect was asked"))
    assert module.clearly_one_of(CLEAR[language], LATIN) == language
    document = module.detect(read_bytes(CLEAR[language].encode(), "p.md"))
    assert document.language == language


@pytest.mark.parametrize("language", sorted(OTHER))
def test_other_latin_languages_still_go_to_langdetect(language):
    from policylint.text import language as module

    assert module.clearly_one_of(OTHER[language], LATIN) is None
    assert module.detect(read_bytes(OTHER[language].encode(), "p.md")).language is None


def _letters_per_script(text):
    """script_counts the slow, obvious way: each character against each range."""
    return {
        name: sum(1 for c in text if any(first <= ord(c) <= last for first, last in script.letters))
        for name, script in scripts().items()
    }


def test_script_counts_count_each_letter_of_mixed_text():
    from policylint.text.language import script_counts

    text = (
        "Policy: «Über» façade, naïve Œuvre ŀ ẞ ỹ! "  # Latin with accents
        "Πολιτική ΐ ΰ ώ · ἀγάπη ᾯ ϗ ϴ; "  # Greek with accents, polytonic and Coptic-block letters
        "سياسة ٣ أيام، ١٢٣ ۴ ﻻ ﷲ پ؟ "  # Arabic with Arabic-Indic digits and presentation forms
        "123 — “quotes” … ＂ 😀 中文 \t\n"  # digits, punctuation, characters past every range
    )
    counts = script_counts(text)
    assert counts == _letters_per_script(text)
    assert all(counts.values())


def test_script_counts_at_the_edges_of_each_range():
    from policylint.text.language import script_counts

    edges = [code for script in scripts().values() for first, last in script.letters
             for code in (first - 1, first, last, last + 1)]
    for code in edges:
        assert script_counts(chr(code)) == _letters_per_script(chr(code)), hex(code)
    text = "".join(map(chr, edges))
    assert script_counts(text) == _letters_per_script(text)


def test_a_block_keeps_all_its_fields_when_its_language_is_set():
    import dataclasses

    from policylint.model import Block, Segment

    # Block.with_language names every field: a new one must be added there too
    assert [f.name for f in dataclasses.fields(Block)] == ["kind", "text", "segments", "level", "language"]
    block = Block("heading", "Scope", (Segment(0, 3, 4, 2),), level=2, language="fr")
    assert block.with_language("en") == dataclasses.replace(block, language="en")


# A bilingual page (a text, then its translation in another script): its main language is the
# one it starts in, whichever script takes more letters (Arabic takes fewer than English).
BILINGUAL = [("ar", "en"), ("en", "ar"), ("fr", "el"), ("es", "ar"), ("el", "en")]


@pytest.mark.parametrize("first, second", BILINGUAL)
def test_a_bilingual_document_is_in_the_language_it_starts_in(first, second):
    text = f"{SAMPLES[first]}\n\n{SAMPLES[first]}\n\n{SAMPLES[second]}\n\n{SAMPLES[second]}\n"
    doc = document(text)
    assert doc.language == first
    assert [b.language for b in doc.blocks] == [first, first, second, second]


def test_every_language_starts_a_bilingual_case():
    assert {first for first, _ in BILINGUAL} == set(SAMPLES)


@pytest.mark.parametrize("language", SAMPLES)
def test_a_short_line_in_another_script_does_not_decide(language):
    other = "en" if language in ("ar", "el") else "ar"
    words = " ".join(SAMPLES[other].split()[:3])
    doc = document(f"{words}\n\n{SAMPLES[language]}\n\n{SAMPLES[language]}\n\n{SAMPLES[language]}\n")
    assert doc.language == language
