"""The language of each document and each block.

Scripts and the languages written in them come from the language files (languages.py). Text
in a script that one language alone is written in (Greek, Arabic) is that language. Text in a
script several languages share (Latin: English, French, Spanish) is told apart by their
function words when they leave no doubt, else by langdetect, seeded so that the same text
always gets the same answer. Short blocks in a shared script (headings, table cells) say too
little to detect, so they take the language of the document's text in that script as a whole.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from functools import lru_cache
from itertools import repeat

from policylint.messages import Text
from policylint.model import LANGUAGES, Document
from policylint.text.languages import profile, profiles, scripts

MIN_LETTERS_TO_DETECT = 60  # below this, langdetect guesses
MIN_CONFIDENCE = 0.80
# Two scripts this close in letters make a bilingual document (a text and its translation;
# Arabic writes the same words with fewer letters than English): its main language is the
# one it starts in, not the one that happens to take more letters.
BILINGUAL_SHARE = 0.5
_SAMPLE_CHARS = 20_000
_AROUND_WORDS = ".,;:!?()[]\"'«»¿¡“”‘’"  # punctuation stripped from a word's ends before counting it


@lru_cache(maxsize=1)
def _script_marks() -> tuple[dict[str, str], list[str | None]]:
    """Each script's mark (one of its own letters, so no character outside the script can be
    it), and a str.translate table indexed by code point: a script's letters become its mark,
    and every other character up to the last range is dropped (the ones above it stay as they
    are, none of them a mark)."""
    marks = {name: chr(script.letters[0][0]) for name, script in scripts().items()}
    highest = max(last for script in scripts().values() for _, last in script.letters)
    table: list[str | None] = [None] * (highest + 1)
    for name, script in scripts().items():
        for first, last in script.letters:
            table[first:last + 1] = [marks[name]] * (last - first + 1)
    return marks, table


def script_counts(text: str) -> dict[str, int]:
    """How many letters of each script the text has."""
    # one pass in C over the text, then a count per script, instead of a regex per script
    marks, table = _script_marks()
    found = text.translate(table)
    return {script: found.count(mark) for script, mark in marks.items()}


@lru_cache(maxsize=1)
def _factory():
    from policylint.text.langdetect_profiles import load_factory

    return load_factory(seed=0)  # langdetect samples at random: a fixed seed makes it deterministic


def detect_among(text: str, candidates: tuple[str, ...]) -> tuple[str, float]:
    """langdetect's best language for the text and its probability, preferring one of the
    candidate languages (a language code) when langdetect hesitates between it and another
    (then langdetect's own code, for the notice about an unsupported language)."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text[:_SAMPLE_CHARS])
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return "", 0.0
    if not ranked:
        return "", 0.0
    ours = {profile(code).langdetect: code for code in candidates}
    supported = [r for r in ranked if r.lang in ours]
    best = ranked[0]
    if supported and (best.lang in ours or supported[0].prob >= 0.2):
        return ours[supported[0].lang], supported[0].prob
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
        notices.append(Text("language_not_supported", detected=shown, languages=", ".join(LANGUAGES)))
    return dataclasses.replace(document, blocks=blocks, language=result.main, notices=notices)


def _detect(document: Document) -> DocumentLanguages:
    known = scripts()  # in the languages' order: on a tie, the earlier script wins
    per_block = [script_counts(b.text) for b in document.blocks]
    dominant = [_dominant(c) for c in per_block]
    totals = {script: sum(c[script] for c in per_block) for script in known}
    # per script, the language of the document's text in it (None: another language) and
    # what detection found
    found: dict[str, tuple[str | None, str]] = {}
    for script, written in known.items():
        if len(written.languages) == 1:
            found[script] = (written.languages[0], written.languages[0])
            continue
        text = "\n".join(b.text for b, s in zip(document.blocks, dominant) if s == script)
        language = (clearly_one_of(text, written.languages) or detect_among(text, written.languages)[0]) if text else ""
        found[script] = (language if language in written.languages else None, language)

    main_script = _main_script(totals, dominant)
    main, detected = found[main_script] if totals[main_script] else (None, "")

    languages: list[str | None] = []
    for block, counts, block_script in zip(document.blocks, per_block, dominant):
        if block_script is None:
            languages.append(main)
        elif len(known[block_script].languages) == 1:
            languages.append(known[block_script].languages[0])
        else:
            languages.append(
                _shared_script_block(block.text, counts[block_script], found[block_script][0], known[block_script].languages)
            )
    return DocumentLanguages(main=main, detected=detected, blocks=languages)


def _main_script(totals: dict[str, int], dominant: list[str | None]) -> str:
    """The script of most of the text; when another script holds at least BILINGUAL_SHARE of
    its letters, the script the document starts in."""
    largest = max(totals, key=totals.__getitem__)
    rivals = {script for script, letters in totals.items() if letters and letters >= BILINGUAL_SHARE * totals[largest]}
    if len(rivals) > 1:
        return next((script for script in dominant if script in rivals), largest)
    return largest


def _dominant(counts: dict[str, int]) -> str | None:
    script = max(counts, key=counts.__getitem__)
    return script if counts[script] else None


# Frequent function words of Latin-script languages policylint does not check: a text using
# them is not clearly one of the languages it checks. A language given a file of its own has
# its function words taken out of this list (_not_ours), so it needs no change here.
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
CLEAR_MIN_WORDS = 40  # fewer words say too little to skip langdetect
CLEAR_MIN_SHARE = 0.12  # the language's own function words are at least this share of the words
CLEAR_LEAD = 5.0  # and at least this many times the next language's share
CLEAR_MAX_OTHER = 0.01  # while other languages' function words are nearly absent


@lru_cache(maxsize=None)
def _not_ours() -> frozenset[str]:
    return _OTHER_FUNCTION_WORDS.difference(*(p.function_words for p in profiles().values()))


@lru_cache(maxsize=None)
def _own_function_words(candidates: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The function words only one of the candidates uses ("la", "de", "un" are French and
    Spanish alike, so they tell nothing), less those its file says are as common elsewhere."""
    words = {code: profile(code).function_words for code in candidates}
    return {
        code: own.difference(*(other for o, other in words.items() if o != code), profile(code).shared_function_words)
        for code, own in words.items()
    }


def clearly_one_of(text: str, candidates: tuple[str, ...]) -> str | None:
    """The candidate language whose function words leave no doubt, else None.

    langdetect is the slow part of a check; a text whose common words are plainly one of the
    candidates, with hardly a common word of another language of the script, does not need
    it. Anything less clear (short texts, mixed languages, Portuguese or Italian) goes to
    langdetect as before."""
    counts = _word_counts(text[:_SAMPLE_CHARS])
    total = sum(counts.values())
    if total < CLEAR_MIN_WORDS:
        return None
    if _occurrences(counts, _not_ours()) > CLEAR_MAX_OTHER * total:
        return None
    own = _own_function_words(candidates)
    shares = sorted(((_occurrences(counts, words) / total, lang) for lang, words in own.items()), reverse=True)
    (best, language), (second, _) = shares[0], shares[1]
    return language if best >= CLEAR_MIN_SHARE and best >= CLEAR_LEAD * second else None


def _word_counts(text: str) -> Counter:
    """How often each word occurs, lower-cased and without the punctuation around it."""
    counts = Counter(map(str.strip, text.lower().split(), repeat(_AROUND_WORDS)))
    counts.pop("", None)
    return counts


def _occurrences(counts: Counter, words: frozenset) -> int:
    return sum(map(counts.__getitem__, counts.keys() & words))  # the set operation runs in C


def _likely_one_of(text: str, candidates: tuple[str, ...]) -> str | None:
    """The candidate language whose common words the text uses most, when one clearly leads."""
    counts = _word_counts(text)
    scores = {lang: _occurrences(counts, profile(lang).function_words) for lang in candidates}
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] == ranked[1]:
        return None
    return max(scores, key=lambda language: scores[language])


def _shared_script_block(text: str, letters: int, fallback: str | None, candidates: tuple[str, ...]) -> str | None:
    if letters < MIN_LETTERS_TO_DETECT or fallback is None:
        return fallback
    if _likely_one_of(text, candidates) in (fallback, None):
        return fallback  # langdetect is slow: ask it only when the common words disagree
    language, probability = detect_among(text, candidates)
    if language in candidates and probability >= MIN_CONFIDENCE:
        return language
    return fallback
