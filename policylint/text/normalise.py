"""Normalisation and stemming: how two spellings of one word come to compare equal.

Every word the linter compares, in a document or in a rule's vocabulary, goes through
`norm` and `stem` here, so both sides are always treated alike.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from policylint.text.language_hooks import hooks
from policylint.text.languages import profiles

if TYPE_CHECKING:
    import Stemmer


@lru_cache(maxsize=None)
def _tables() -> tuple[dict, dict]:
    """(digits, fold) translation tables, from every language's digits and folds: text is
    normalised alike whatever its language, so a Greek document quoting Arabic still matches.
    Built on first use, as the language files are read then."""
    digits = {
        digit: str(value)
        for profile in profiles().values()
        for digit_set in profile.digits
        for value, digit in enumerate(digit_set)
    }
    folds = {char: folded for profile in profiles().values() for char, folded in profile.folds}
    return str.maketrans(digits), str.maketrans({**folds, **digits})


def fold(text: str) -> str:
    """Case-fold (Greek final sigma included), read every language's digits as 0-9 and unify
    the characters its file folds (Arabic letter variants, tatweel, typographic apostrophes);
    keep accents."""
    return text.casefold().translate(_tables()[1])


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
    import Stemmer  # on the first word stemmed, not by every run that imports norm

    known = profiles().get(language)
    return Stemmer.Stemmer(known.stemmer) if known and known.stemmer else None


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """Snowball stem of the word, then normalised like `norm`.

    The stemmers expect the language's own spelling (French and Spanish accents, Arabic
    taa marbuta), so letters are unified only after stemming; a language's `before_stem`
    hook (language_hooks.py) prepares what its stemmer does not handle.
    """
    folded = word.casefold().translate(_tables()[0])
    stemmer = _stemmer(language)
    if stemmer is None or not any(c.isalpha() for c in folded):
        return norm(folded)
    prepare = hooks(language).before_stem
    if prepare is not None:
        folded = prepare(folded)
    return norm(stemmer.stemWord(folded))


