"""The language of each document and each block.

Greek and Arabic are told by their script. Latin-script text is English, French or Spanish
by langdetect, seeded so that the same text always gets the same answer. Short Latin blocks
(headings, table cells) say too little to detect, so they take the language of the
document's Latin-script text as a whole.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from functools import lru_cache
from itertools import repeat

from policylint.model import LANGUAGES, Document

LATIN_LANGUAGES = ("en", "fr", "es")
MIN_LETTERS_TO_DETECT = 60  # below this, langdetect guesses
MIN_CONFIDENCE = 0.80
_SAMPLE_CHARS = 20_000
_AROUND_WORDS = ".,;:!?()[]\"'«»¿¡“”‘’"  # punctuation stripped from a word's ends before counting it


# The letters of each script, as (first, last) code points, both included.
SCRIPT_RANGES = {
    "el": ((0x0386, 0x03CE), (0x03D0, 0x03FF), (0x1F00, 0x1FFF)),
    "ar": ((0x0620, 0x064A), (0x066E, 0x06D3), (0x06FA, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFC)),
    "latin": ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x24F), (0x1E00, 0x1EFF)),
}
# Each script's mark is one of its own letters, so no character outside the script can be it.
_SCRIPT_MARKS = {script: chr(ranges[0][0]) for script, ranges in SCRIPT_RANGES.items()}


def _mark_table() -> list[str | None]:
    """A str.translate table indexed by code point: a script's letters become its mark, and
    every other character up to the last range is dropped (the ones above it stay as they are,
    none of them a mark)."""
    highest = max(last for ranges in SCRIPT_RANGES.values() for _, last in ranges)
    table: list[str | None] = [None] * (highest + 1)
    for script, ranges in SCRIPT_RANGES.items():
        for first, last in ranges:
            table[first:last + 1] = [_SCRIPT_MARKS[script]] * (last - first + 1)
    return table


_TO_SCRIPT_MARKS = _mark_table()


def script_counts(text: str) -> dict[str, int]:
    """How many letters of each script the text has."""
    # one pass in C over the text, then a count per script, instead of a regex per script
    marks = text.translate(_TO_SCRIPT_MARKS)
    return {script: marks.count(mark) for script, mark in _SCRIPT_MARKS.items()}


@lru_cache(maxsize=1)
def _factory():
    from policylint.text.langdetect_profiles import load_factory

    return load_factory(seed=0)  # langdetect samples at random: a fixed seed makes it deterministic


def detect_latin(text: str) -> tuple[str, float]:
    """langdetect's best language for Latin-script text and its probability."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text[:_SAMPLE_CHARS])
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return "", 0.0
    if not ranked:
        return "", 0.0
    supported = [r for r in ranked if r.lang in LATIN_LANGUAGES]
    best = ranked[0]
    # prefer a supported language when langdetect hesitates between it and another
    if supported and (best.lang in LATIN_LANGUAGES or supported[0].prob >= 0.2):
        return supported[0].lang, supported[0].prob
    return best.lang, best.prob


@dataclasses.dataclass
class DocumentLanguages:
    main: str | None  # one of LANGUAGES, or None for another language
    detected: str  # what detection found, for the notice about an unsupported language
    blocks: list[str | None]


def detect(document: Document, forced: str | None = None) -> Document:
    """The document with its language and each block's language set."""
    if forced:
        blocks = [b.with_language(forced) for b in document.blocks]
        return dataclasses.replace(document, blocks=blocks, language=forced)
    result = _detect(document)
    blocks = [b.with_language(lang) for b, lang in zip(document.blocks, result.blocks)]
    notices = list(document.notices)
    if result.main is None:
        shown = f" ({result.detected})" if result.detected else ""
        notices.append(
            f"language not supported{shown}: policylint checks {', '.join(LANGUAGES)}; "
            "only language-neutral rules were run"
        )
    return dataclasses.replace(document, blocks=blocks, language=result.main, notices=notices)


def _detect(document: Document) -> DocumentLanguages:
    per_block = [script_counts(b.text) for b in document.blocks]
    dominant = [_dominant(c) for c in per_block]
    totals = {script: sum(c[script] for c in per_block) for script in SCRIPT_RANGES}
    latin_text = "\n".join(b.text for b, script in zip(document.blocks, dominant) if script == "latin")
    latin_language = (clearly_latin(latin_text) or detect_latin(latin_text)[0]) if latin_text else ""
    latin_main = latin_language if latin_language in LATIN_LANGUAGES else None

    main_script = max(totals, key=lambda s: (totals[s], s == "latin"))
    if totals[main_script] == 0:
        main, detected = None, ""
    elif main_script == "latin":
        main, detected = latin_main, latin_language
    else:
        main, detected = main_script, main_script

    languages: list[str | None] = []
    for block, counts, script in zip(document.blocks, per_block, dominant):
        if script in ("el", "ar"):
            languages.append(script)
        elif script == "latin":
            languages.append(_latin_block(block.text, counts["latin"], latin_main))
        else:
            languages.append(main)
    return DocumentLanguages(main=main, detected=detected, blocks=languages)


def _dominant(counts: dict[str, int]) -> str | None:
    script = max(counts, key=lambda s: counts[s])
    return script if counts[script] else None


# The most frequent function words of each Latin-script language: enough to tell whether a
# block agrees with its document's language without asking langdetect.
_FUNCTION_WORDS = {
    "en": frozenset("the and of to in is are for with on be by this that will we our you your it as or not an from at".split()),
    "fr": frozenset("le la les et des du de un une est sont pour avec dans sur par ce cette nous notre vous votre au aux qui ne pas".split()),
    "es": frozenset("el la los las y del de un una es son para con en por este esta nosotros nuestro nuestra usted su al que no".split()),
}


# Frequent function words of other Latin-script languages (none of them a common word in
# English, French or Spanish): a text using them is not clearly one of the three.
_OTHER_FUNCTION_WORDS = frozenset(
    "und der das nicht ist mit für auf ein eine wir werden wird oder dem bei sind zum zur "  # German
    "della delle degli che sono gli nel nella alla alle questo questa anche essere dal sul "  # Italian
    "não uma com em ao pela são também você nós às nosso nossa "  # Portuguese
    "het een niet zijn wordt ook naar deze wij "  # Dutch
    "amb els dels pel aquesta aquest però també "  # Catalan
    "și pentru sunt să "  # Romanian
    "och är inte att ikke og för "  # Scandinavian
    "się jest oraz że".split()  # Polish
)
# the function words only one of the three languages uses ("la", "de", "un", "en", "son" are
# French and Spanish alike, so they tell nothing)
_OWN_FUNCTION_WORDS = {
    lang: words - frozenset().union(*(other for o, other in _FUNCTION_WORDS.items() if o != lang)) - {"en", "son"}
    for lang, words in _FUNCTION_WORDS.items()
}
CLEAR_MIN_WORDS = 40  # fewer words say too little to skip langdetect
CLEAR_MIN_SHARE = 0.12  # the language's own function words are at least this share of the words
CLEAR_LEAD = 5.0  # and at least this many times the next language's share
CLEAR_MAX_OTHER = 0.01  # while other languages' function words are nearly absent


def clearly_latin(text: str) -> str | None:
    """English, French or Spanish when the text's function words leave no doubt, else None.

    langdetect is the slow part of a check; a text whose common words are plainly one of the
    three, with hardly a common word of another Latin-script language, does not need it.
    Anything less clear (short texts, mixed languages, Portuguese or Italian) goes to
    langdetect as before."""
    counts = _word_counts(text[:_SAMPLE_CHARS])
    total = sum(counts.values())
    if total < CLEAR_MIN_WORDS:
        return None
    if _occurrences(counts, _OTHER_FUNCTION_WORDS) > CLEAR_MAX_OTHER * total:
        return None
    shares = sorted(((_occurrences(counts, own) / total, lang) for lang, own in _OWN_FUNCTION_WORDS.items()), reverse=True)
    (best, language), (second, _) = shares[0], shares[1]
    return language if best >= CLEAR_MIN_SHARE and best >= CLEAR_LEAD * second else None


def _word_counts(text: str) -> Counter:
    """How often each word occurs, lower-cased and without the punctuation around it."""
    counts = Counter(map(str.strip, text.lower().split(), repeat(_AROUND_WORDS)))
    counts.pop("", None)
    return counts


def _occurrences(counts: Counter, words: frozenset) -> int:
    return sum(map(counts.__getitem__, counts.keys() & words))  # the set operation runs in C


def _likely_latin(text: str) -> str | None:
    """The Latin language whose common words the text uses most, when one clearly leads."""
    counts = _word_counts(text)
    scores = {lang: _occurrences(counts, stop) for lang, stop in _FUNCTION_WORDS.items()}
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] == ranked[1]:
        return None
    return max(scores, key=scores.get)


def _latin_block(text: str, letters: int, fallback: str | None) -> str | None:
    if letters < MIN_LETTERS_TO_DETECT or fallback is None:
        return fallback
    if _likely_latin(text) in (fallback, None):
        return fallback  # langdetect is slow: ask it only when the common words disagree
    language, probability = detect_latin(text)
    if language in LATIN_LANGUAGES and probability >= MIN_CONFIDENCE:
        return language
    return fallback
