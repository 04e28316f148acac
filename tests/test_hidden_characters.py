"""Invisible characters, look-alike letters and full-width forms hide nothing from the rules
(text/visible.py), keep positions true, and are reported by hidden-characters (PL121) only
inside a word, in every language."""

import pytest
from helpers import findings_for

from policylint.model import Block, Segment
from policylint.text.visible import visible_block

ZWSP, SOFT_HYPHEN, WORD_JOINER, BOM, RLM = "\u200b", "\u00ad", "\u2060", "\ufeff", "\u200f"
TAG_A = "\U000e0061"  # a tag character: invisible, it can spell a whole hidden text

# (language, sentence with a vague standard, the word to disguise, the rule that must see it)
HIDDEN_WORDS = [
    ("en", "Refunds will be processed in a timely manner.", "timely", "unmeasurable-standard"),
    ("fr", "Le conseiller doit rappeler le client dans un délai raisonnable.", "raisonnable", "unmeasurable-standard"),
    ("es", "Las reclamaciones se resolverán con prontitud.", "prontitud", "unmeasurable-standard"),
    ("el", "Θα απαντάμε σε όλα τα αιτήματα άμεσα.", "άμεσα", "unmeasurable-standard"),
    ("ar", "يجب على الموظف الاتصال بالعميل دون تأخير.", "بالعميل", "unmeasurable-standard"),
    ("en", "We leverage synergies across our teams to deliver best-in-class service.", "synergies", "jargon"),
    ("fr", "Nous créons des synergies entre les équipes pour impacter la satisfaction.", "synergies", "jargon"),
    ("es", "Buscamos sinergias para empoderar a los equipos.", "sinergias", "jargon"),
    ("el", "Αξιοποιούμε τις συνέργειες των ομάδων μας.", "συνέργειες", "jargon"),
    ("ar", "نطلب الفيدباك من كل عميل بعد المكالمة.", "الفيدباك", "jargon"),
    ("en", "Complaints manager: to be confirmed", "confirmed", "unfilled-placeholder"),
    ("fr", "Responsable des réclamations : à définir", "définir", "unfilled-placeholder"),
    ("es", "Responsable de reclamaciones: por definir", "definir", "unfilled-placeholder"),
    ("el", "Υπεύθυνος παραπόνων: προς συμπλήρωση", "συμπλήρωση", "unfilled-placeholder"),
    ("ar", "مسؤول الشكاوى: يحدد لاحقا", "يحدد", "unfilled-placeholder"),
]
# letters of the word's own alphabet, and a letter of another that looks the same
LATIN_TWINS = {"e": "е", "a": "а", "o": "о", "i": "і", "c": "с", "p": "р"}  # Cyrillic
LOOK_ALIKES = {
    "en": LATIN_TWINS, "fr": LATIN_TWINS, "es": LATIN_TWINS,
    "el": {"ο": "o", "α": "a", "ι": "i", "ν": "v", "κ": "k", "ρ": "p", "υ": "u"},  # Latin
    "ar": {"\u064a": "\u06cc", "\u0643": "\u06a9"},  # Persian yeh and kaf
}
INVISIBLES = [ZWSP, SOFT_HYPHEN, WORD_JOINER, BOM, RLM, TAG_A]


def _rules(findings):
    return {f.rule for f in findings}


def disguised(word: str, character: str) -> str:
    middle = len(word) // 2
    return word[:middle] + character + word[middle:]


@pytest.mark.parametrize("language, sentence, word, rule", HIDDEN_WORDS, ids=[f"{c[0]}-{c[3]}" for c in HIDDEN_WORDS])
@pytest.mark.parametrize("character", INVISIBLES, ids=["zwsp", "soft-hyphen", "word-joiner", "bom", "rlm", "tag"])
def test_an_invisible_character_hides_nothing(pack, settings, language, sentence, word, rule, character):
    assert rule in _rules(findings_for(sentence, pack, settings, lang=language))
    text = sentence.replace(word, disguised(word, character))
    findings = findings_for(text, pack, settings, lang=language)
    assert {rule, "hidden-characters"} <= _rules(findings)
    hidden = next(f for f in findings if f.rule == "hidden-characters")
    # the finding spans the word as the file stores it: from its first letter to its last
    start = text.index(disguised(word, character)) + 1
    assert (hidden.line, hidden.column, hidden.end_column) == (1, start, start + len(word) + 1)
    assert f"U+{ord(character):04X}" in hidden.message


@pytest.mark.parametrize("language, sentence, word, rule", HIDDEN_WORDS, ids=[f"{c[0]}-{c[3]}" for c in HIDDEN_WORDS])
def test_a_look_alike_letter_hides_nothing(pack, settings, language, sentence, word, rule):
    own, twin = next((own, twin) for own, twin in LOOK_ALIKES[language].items() if own in word)
    text = sentence.replace(word, word.replace(own, twin, 1))
    assert {rule, "hidden-characters"} <= _rules(findings_for(text, pack, settings, lang=language))


@pytest.mark.parametrize("language, sentence, word", [
    ("en", "Refunds will be processed in a timely manner.", "timely"),
    ("fr", "Le conseiller doit rappeler le client dans un délai raisonnable.", "raisonnable"),
    ("es", "Las reclamaciones se resolverán con prontitud.", "prontitud"),
])
def test_full_width_letters_hide_nothing(pack, settings, language, sentence, word):
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in word)
    findings = findings_for(sentence.replace(word, wide), pack, settings, lang=language)
    assert {"unmeasurable-standard", "hidden-characters"} <= _rules(findings)


@pytest.mark.parametrize("language, text", [
    ("en", "We reply within 2 working days; doses are given in μg. Email:\u200b help@example.com"),
    ("fr", "Nous répondons sous 2 jours ouvrés.\u2060 Écrivez-nous."),
    ("es", "Respondemos en 2 días hábiles\ufeff por correo."),
    ("el", "Απαντάμε μέσω email και SMS μέσα σε 2 εργάσιμες ημέρες, όπως ορίζει ο ΕΟΦ."),
    ("ar", "نرسل\u200f PDF\u200f إلى كل عميل خلال يومي عمل عبر\u200e email."),
])
def test_legitimate_marks_and_mixed_words_are_not_reported(pack, settings, language, text):
    assert not findings_for(text, pack, settings, rule="hidden-characters", lang=language)


def test_direction_marks_do_not_hide_an_arabic_revision_date(pack, settings):
    text = "# سياسة خدمة العملاء\n\nآخر تحديث: \u200f15\u200f/\u200f01\u200f/\u200f2026\n\nنرد على كل شكوى خلال يومي عمل.\n"
    rules = _rules(findings_for(text, pack, settings, lang="ar"))
    assert "missing-revision-date" not in rules and "hidden-characters" not in rules


def test_positions_map_back_across_removed_characters():
    text = f"a{ZWSP}b{ZWSP}{ZWSP}cd ef"
    block = Block("paragraph", text, (Segment(0, 7, 3), Segment(5, 8, 1)))
    seen, hidden = visible_block(block)
    assert seen.text == "abcd ef"
    for offset, character in enumerate(seen.text):
        original = text.index(character)
        assert seen.locate(offset) == block.locate(original), character
    assert [(h.start, h.end, h.kind) for h in hidden] == [(0, 4, "invisible")]


def test_text_without_anything_hidden_is_left_as_it_is():
    block = Block("paragraph", "Plain text, Ελληνικά, عربي.", (Segment(0, 1, 1),))
    assert visible_block(block) == (block, [])
