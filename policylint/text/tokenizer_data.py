"""The rules of spaCy's blank pipelines, taken from spaCy once and kept in the cache.

Importing spaCy and building a blank pipeline costs from 0.6 s (English) to 3 s (French),
while reading the same rules back from a JSON file costs a few milliseconds. The file is
named after the installed spaCy version, so a spaCy upgrade takes its rules afresh. Which
spaCy language class a language uses, and the sentence ends it adds to spaCy's, come from
its language file; the added ends are not stored, so a change to the file counts at once.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from policylint.running import cache_folder as cache
from policylint.running.code_identity import spacy_version
from policylint.text.languages import profile
from policylint.text.tokenizer import TokenizerData

# Text in no language policylint checks uses spaCy's multi-language rules.
FALLBACK = "xx"
FORMAT = 2  # bump when the stored shape changes (2: spaCy's sentence ends only)


@lru_cache(maxsize=None)
def tokenizer_data(language: str | None) -> TokenizerData:
    """The tokenizer rules for a language (None: the multi-language rules)."""
    name = spacy_name(language)
    stored = cache.read_json(_path(name))
    data = _from_json(stored) if stored else None
    return with_sentence_ends(data if data is not None else _refresh(name), language)


def refresh(language: str | None) -> TokenizerData:
    """Read the rules from spaCy again and store them (a missing or damaged entry)."""
    tokenizer_data.cache_clear()
    return with_sentence_ends(_refresh(spacy_name(language)), language)


def spacy_name(language: str | None) -> str:
    """The spaCy language class a language's tokenizer rules come from."""
    return profile(language).spacy if language else FALLBACK


def with_sentence_ends(data: TokenizerData, language: str | None) -> TokenizerData:
    """spaCy's rules with the sentence ends the language's file adds (Greek ";")."""
    extra = frozenset(profile(language).sentence_ends) if language else frozenset()
    return dataclasses.replace(data, sentence_ends=data.sentence_ends | extra) if extra else data


def _refresh(name: str) -> TokenizerData:
    data = from_spacy(name)
    cache.write_json(_path(name), _to_json(data))
    return data


def _path(name: str):
    return cache.cache_root() / "spacy" / f"{spacy_version()}-{FORMAT}" / f"{name}.json"


def from_spacy(name: str) -> TokenizerData:
    """Read the rules out of spaCy's blank pipeline for a spaCy language class."""
    import spacy  # only here: most runs read the rules from the cache instead
    from spacy.pipeline.sentencizer import Sentencizer

    nlp = spacy.blank(name)
    tokenizer = nlp.tokenizer
    return TokenizerData(
        prefix=_pattern(tokenizer.prefix_search),
        suffix=_pattern(tokenizer.suffix_search),
        infix=_pattern(tokenizer.infix_finditer),
        token_match=_pattern(tokenizer.token_match),
        url_match=_pattern(tokenizer.url_match),
        special_cases=_special_cases(tokenizer.rules),
        stop_words=frozenset(nlp.Defaults.stop_words),
        sentence_ends=frozenset(Sentencizer.default_punct_chars),
    )


def _special_cases(rules: dict) -> dict[str, list[str]]:
    """Each special case's text and the texts of the tokens it becomes."""
    from spacy.attrs import ORTH, intify_attrs

    return {text: [intify_attrs(t, _do_deprecated=True)[ORTH] for t in tokens] for text, tokens in rules.items()}


def _pattern(function) -> tuple[str, int] | None:
    """The regular expression behind a bound `search`, `finditer` or `match`."""
    if function is None:
        return None
    compiled = getattr(function, "__self__", None)
    if compiled is None or not hasattr(compiled, "pattern"):
        raise TypeError(f"spaCy tokenizer rule {function!r} is not a regular expression")
    return compiled.pattern, compiled.flags


def _to_json(data: TokenizerData) -> dict:
    return {
        "prefix": data.prefix,
        "suffix": data.suffix,
        "infix": data.infix,
        "token_match": data.token_match,
        "url_match": data.url_match,
        "special_cases": data.special_cases,
        "stop_words": sorted(data.stop_words),
        "sentence_ends": sorted(data.sentence_ends),
    }


def _from_json(stored) -> TokenizerData | None:
    try:
        return TokenizerData(
            **{key: tuple(stored[key]) if stored[key] else None for key in ("prefix", "suffix", "infix", "token_match", "url_match")},
            special_cases={str(k): [str(p) for p in v] for k, v in stored["special_cases"].items()},
            stop_words=frozenset(stored["stop_words"]),
            sentence_ends=frozenset(stored["sentence_ends"]),
        )
    except (KeyError, TypeError, AttributeError, ValueError):
        return None  # a damaged entry is read again from spaCy
