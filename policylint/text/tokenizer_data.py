"""The rules of spaCy's blank pipelines: shipped inside the package, else taken from spaCy
once and kept in the cache.

Importing spaCy and building a blank pipeline takes far longer than reading the same rules
back from a JSON file, above all for French (seconds against milliseconds), so the package
ships each language class's rules (`spacy_rules/NAME.json`, written by
`tools/spacy_rules.py` from the pinned spaCy; `tests/test_tokenizer.py` compares them with
spaCy's own). A shipped file says which spaCy it came from and is used only with that spaCy;
with any other version the rules are read from spaCy once and kept in the cache folder, in
a file named after that version, so a spaCy upgrade takes its rules afresh.
Which spaCy language class a language uses, and the sentence ends it adds to spaCy's, come
from its language file; the added ends are not stored, so a change to the file counts at once.
"""

from __future__ import annotations

import dataclasses
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from policylint.running import cache_folder as cache
from policylint.running.code_identity import spacy_version
from policylint.text.languages import profile
from policylint.text.tokenizer import TokenizerData

# Text in no language policylint checks uses spaCy's multi-language rules.
FALLBACK = "xx"
FORMAT = 2  # bump when the stored shape changes (2: spaCy's sentence ends only)
SHIPPED = Path(__file__).resolve().parent / "spacy_rules"


@lru_cache(maxsize=None)
def tokenizer_data(language: str | None) -> TokenizerData:
    """The tokenizer rules for a language (None: the multi-language rules)."""
    name = spacy_name(language)
    data = shipped(name)
    if data is None:
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


def shipped(name: str) -> TokenizerData | None:
    """The rules shipped for a spaCy language class, when they come from the installed spaCy."""
    try:
        stored = json.loads((SHIPPED / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.pop("spacy", None) != spacy_version():
        return None
    if stored.pop("format", None) != FORMAT:
        return None
    return _from_json(stored)


def shipped_json(name: str) -> dict:
    """What `tools/spacy_rules.py` writes for a spaCy language class: its rules from the
    installed spaCy, and that spaCy's version."""
    return {"spacy": spacy_version(), "format": FORMAT, **_to_json(from_spacy(name))}


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
    tokenizer: Any = nlp.tokenizer  # spaCy types it as any callable; a blank pipeline's is its Tokenizer
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


_PATTERNS = ("prefix", "suffix", "infix", "token_match", "url_match")


def _from_json(stored) -> TokenizerData | None:
    """The rules of a cache entry, or None (read again from spaCy) unless every part has its
    exact shape. The entry is signed (cache_folder.py), so its patterns are spaCy's own."""
    if not isinstance(stored, dict) or set(stored) != {*_PATTERNS, "special_cases", "stop_words", "sentence_ends"}:
        return None
    patterns = {key: stored[key] for key in _PATTERNS}
    if not all(p is None or (isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) and type(p[1]) is int)
               for p in patterns.values()):
        return None
    special_cases, stop_words, sentence_ends = stored["special_cases"], stored["stop_words"], stored["sentence_ends"]
    if not (isinstance(special_cases, dict) and all(
                isinstance(pieces, list) and all(isinstance(p, str) for p in pieces) for pieces in special_cases.values())
            and _strings(stop_words) and _strings(sentence_ends)):
        return None
    return TokenizerData(
        **{key: tuple(value) if value else None for key, value in patterns.items()},
        special_cases=special_cases,
        stop_words=frozenset(stop_words),
        sentence_ends=frozenset(sentence_ends),
    )


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def shipped_names() -> list[str]:
    """The spaCy language classes whose rules the package ships: every language's, and the
    multi-language fallback."""
    from policylint.text.languages import LANGUAGES

    return sorted({spacy_name(language) for language in LANGUAGES} | {FALLBACK})
