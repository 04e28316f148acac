"""Normalisation and stemming: how two spellings of one word come to compare equal.

Every word the linter compares, in a document or in a rule's vocabulary, goes through
`norm` and `stem` here, so both sides are always treated alike.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import Stemmer

SNOWBALL = {"en": "english", "fr": "french", "es": "spanish", "el": "greek", "ar": "arabic"}

# Arabic-Indic and Extended (Persian) digits read as ASCII digits.
_DIGIT_MAP = {chr(base + d): str(d) for base in (0x0660, 0x06F0) for d in range(10)}
_DIGITS = str.maketrans(_DIGIT_MAP)
_FOLD = str.maketrans(
    {
        "\u0623": "\u0627",  # أ -> ا
        "\u0625": "\u0627",  # إ -> ا
        "\u0622": "\u0627",  # آ -> ا
        "\u0671": "\u0627",  # ٱ -> ا
        "\u0649": "\u064a",  # ى -> ي
        "\u0629": "\u0647",  # ة -> ه
        "\u0640": None,  # tatweel
        **_DIGIT_MAP,
        "\u066b": ".",  # Arabic decimal separator
        "\u066c": ",",  # Arabic thousands separator
        "\u060c": ",",  # Arabic comma
        "\u061b": ";",  # Arabic semicolon
        "\u2019": "'",  # typographic apostrophe, common in French
        "\u02bc": "'",
    }
)


def fold(text: str) -> str:
    """Case-fold (Greek final sigma included), unify Arabic letters and digits; keep accents."""
    return text.casefold().translate(_FOLD)


def strip_marks(text: str) -> str:
    """Remove combining marks: Latin and Greek accents, Arabic harakat."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


@lru_cache(maxsize=200_000)
def norm(word: str) -> str:
    """The form words are compared in when stemming is not wanted."""
    return strip_marks(fold(word))


@lru_cache(maxsize=None)
def _stemmer(language: str) -> Stemmer.Stemmer | None:
    name = SNOWBALL.get(language)
    return Stemmer.Stemmer(name) if name else None


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """Snowball stem of the word, then normalised like `norm`.

    The stemmers expect the language's own spelling (French and Spanish accents, Arabic
    taa marbuta), so letters are unified only after stemming. The Arabic stemmer strips
    "ال" but not a conjunction before it ("والشركة"), so that is removed first.
    """
    folded = word.casefold().translate(_DIGITS)
    stemmer = _stemmer(language)
    if stemmer is None or not any(c.isalpha() for c in folded):
        return norm(folded)
    if language == "ar" and len(folded) > 4 and folded[0] in "وف" and folded[1:3] == "ال":
        folded = folded[1:]
    return norm(stemmer.stemWord(folded))


