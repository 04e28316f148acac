"""What policylint knows about each language, read from rules/languages/LANG.yaml.

The languages policylint checks are the language files present in the built-in rule folder.
Each file first says who its language is (names, script and the script's letters, text
direction, Snowball stemmer, spaCy language class, langdetect code, function words for
detection, sentence ends, digits, characters written in several ways, the words around a
date, the plural forms of a count), then, from `numbers:` on, the vocabulary the rules share, which packs/loading.py
reads. This module alone reads the first part, into one `LanguageProfile` per language; the
few things about a language that are an algorithm rather than data are hooks in
`language_hooks.py`.

The files are read through the rule pack's YAML cache (JSON in the cache folder), so a run
whose language files have not changed imports no YAML parser, and nothing is read before a
language is first asked about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from policylint.message_text import Invalid, Text
from policylint.text.plurals import parse_rules

# The language the rule pack's summaries, rationales and fixes are written in, and the one a
# message falls back to when a rule lacks the language asked for.
BASE_LANGUAGE = "en"
DIRECTIONS = ("ltr", "rtl")
_RANGE = re.compile(r"^([0-9A-Fa-f]{4,6})-([0-9A-Fa-f]{4,6})$")
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_-]*$")


@dataclass(frozen=True)
class DateWords:
    """How a date is written around a month name ("1st", "1er", "15 de marzo del 2024")."""

    day_suffixes: tuple[str, ...]  # after the day's number
    after_day: tuple[str, ...]  # between the day and the month
    before_year: tuple[str, ...]  # between the month and the year
    weekdays: tuple[str, ...]  # day names that may stand before a date ("Monday, 28 February 2022")


@dataclass(frozen=True)
class LanguageProfile:
    """One language, as its file describes it."""

    code: str  # the file's name, and how configuration, --lang and rule files name it
    name: str  # in English
    native_name: str
    order: int  # where it stands when languages are listed
    script: str
    letters: tuple[tuple[int, int], ...]  # the script's letters: (first, last) code points, both included
    direction: str  # "ltr" or "rtl"
    stemmer: str | None  # Snowball algorithm; None: words are compared unstemmed
    spacy: str  # spaCy language class whose blank tokenizer rules are used ("xx": multi-language)
    langdetect: str | None  # langdetect's code, for a script several languages share
    function_words: frozenset[str]  # frequent words that tell it from the other languages of its script
    shared_function_words: frozenset[str]  # those of them as common in another language: no proof
    sentence_ends: tuple[str, ...]  # sentence-ending punctuation beyond spaCy's sentencizer
    digits: tuple[str, ...]  # digit sets other than 0-9, each from zero to nine
    folds: tuple[tuple[str, str], ...]  # (character, what it is compared as)
    dates: DateWords
    plurals: tuple[tuple[str, str], ...]  # (form, CLDR condition on a count), tried in order; else "other"


@dataclass(frozen=True)
class Script:
    """A script and the languages written in it, which text in that script may be."""

    name: str
    letters: tuple[tuple[int, int], ...]
    languages: tuple[str, ...]  # in the languages' order


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid("lang_expected_text")
    return value.strip()


def _identifier(value: Any) -> str:
    if not isinstance(value, str) or not _IDENTIFIER.match(value):
        raise Invalid("lang_expected_identifier")
    return value


def _optional_identifier(value: Any) -> str | None:
    return None if value is None else _identifier(value)


@lru_cache(maxsize=1)
def _snowball_algorithms() -> tuple[str, ...]:
    import Stemmer  # PyStemmer's own list, so a misspelt name is caught here, not on a document

    return tuple(Stemmer.algorithms())


def _stemmer(value: Any) -> str | None:
    if value is not None and value not in _snowball_algorithms():
        raise Invalid("lang_expected_stemmer", algorithms=", ".join(_snowball_algorithms()))
    return value


@lru_cache(maxsize=1)
def _spacy_languages() -> Path | None:
    """spaCy's spacy/lang/ folder, found without importing spaCy (0.5 s)."""
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    return Path(spec.origin).parent / "lang" if spec and spec.origin else None


def _spacy_class(value: Any) -> str:
    """A spaCy language class, checked against spacy/lang/, so a misspelt name is caught
    here, not on the first document."""
    name = _identifier(value)
    folder = _spacy_languages()
    if folder and not (folder / name / "__init__.py").is_file():
        raise Invalid("lang_no_spacy_class", name=repr(name))
    return name


def _order(value: Any) -> int:
    if type(value) is not int:
        raise Invalid("lang_expected_order")
    return value


def _words(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise Invalid("lang_expected_words")
    return tuple(v.strip() for v in value)


def _letters(value: Any) -> tuple[tuple[int, int], ...]:
    matches = [_RANGE.match(item) if isinstance(item, str) else None for item in value] if isinstance(value, list) else []
    ranges = tuple((int(m[1], 16), int(m[2], 16)) for m in matches if m)
    if not ranges or len(ranges) != len(matches) or any(first > last for first, last in ranges):
        raise Invalid("lang_expected_letters")
    return ranges


def _direction(value: Any) -> str:
    if value not in DIRECTIONS:
        raise Invalid("expected_one_of", choices=", ".join(DIRECTIONS))
    return value


def _digits(value: Any) -> tuple[str, ...]:
    sets = _words(value)
    if not all(len(digits) == 10 and all(d.isdigit() for d in digits) for digits in sets):
        raise Invalid("lang_expected_digits")
    return sets


def _folds(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and len(k) == 1 and isinstance(v, str) for k, v in value.items()
    ):
        raise Invalid("lang_expected_folds")
    return tuple(value.items())


def _dates(value: Any) -> DateWords:
    keys = ("day_suffixes", "after_day", "before_year", "weekdays")
    if not isinstance(value, dict) or sorted(value) != sorted(keys):
        raise Invalid("pack_expected_keys", keys=", ".join(keys))
    try:
        return DateWords(*(_words(value[key]) for key in keys))
    except Invalid as error:
        raise Invalid("lang_under_each_key", problem=error.text) from None


# How each key of the profile part of a language file is read into the LanguageProfile field
# of its name. Every key is required: a language file says everything about its language.
_READERS = {
    "name": _text,
    "native_name": _text,
    "order": _order,
    "script": _identifier,
    "letters": _letters,
    "direction": _direction,
    "stemmer": _stemmer,
    "spacy": _spacy_class,
    "langdetect": _optional_identifier,
    "function_words": lambda value: frozenset(_words(value)),
    "shared_function_words": lambda value: frozenset(_words(value)),
    "sentence_ends": _words,
    "digits": _digits,
    "folds": _folds,
    "dates": _dates,
    "plurals": parse_rules,
}
LANGUAGE_PROFILE_KEYS = ("language", *_READERS)  # the keys of a language file that are not rule vocabulary


def language_files(directory: Path) -> dict[str, tuple[Path, dict]]:
    """Each language file of DIRECTORY/languages, by language code: its path and its data."""
    from policylint.packs.model import PackError
    from policylint.packs.yaml_cache import load_yaml

    found = {}
    for path in sorted((Path(directory) / "languages").glob("*.yaml")):
        data = load_yaml(path)
        if not isinstance(data, dict):
            raise PackError("pack_at", path=str(path), problem=Text("lang_expected_data"))
        if data.get("language") != path.stem:
            raise PackError("pack_at_key", path=str(path), key="language",
                            problem=Text("lang_code_mismatch", expected=repr(path.stem), found=repr(data.get("language"))))
        found[path.stem] = (path, data)
    return found


def read_profiles(files: dict[str, tuple[Path, dict]]) -> dict[str, LanguageProfile]:
    """The profiles of the language files, in their order; a mistake raises PackError naming
    the file and the key."""
    from policylint.packs.model import PackError

    if not files:
        raise PackError("lang_no_files")
    profiles = []
    for code, (path, data) in files.items():
        fields: dict[str, Any] = {}  # LanguageProfile's fields, each read by its reader
        for key, read in _READERS.items():
            if key not in data:
                raise PackError("pack_at_key", path=str(path), key=key, problem=Text("pack_missing"))
            try:
                fields[key] = read(data[key])
            except Invalid as error:
                raise PackError("pack_at_key", path=str(path), key=key, problem=error.text) from None
        profiles.append(LanguageProfile(code=code, **fields))
    profiles.sort(key=lambda p: (p.order, p.code))
    _check_scripts(profiles, {code: path for code, (path, _) in files.items()})
    return {p.code: p for p in profiles}


def _check_scripts(profiles: list[LanguageProfile], paths: dict[str, Path]) -> None:
    """Languages of one script agree on its letters; scripts share no letter; languages that
    share a script can be told apart (function words, then langdetect)."""
    from policylint.packs.model import PackError

    first: dict[str, LanguageProfile] = {}
    for profile in profiles:
        known = first.setdefault(profile.script, profile)
        if profile.letters != known.letters:
            raise PackError("pack_at_key", path=str(paths[profile.code]), key="letters",
                            problem=Text("lang_letters_differ", other=paths[known.code].name, script=profile.script))
    reach, owner = -1, ""  # the furthest letter the ranges so far cover, and whose
    for start, last, script in sorted((a, b, s) for s, p in first.items() for a, b in p.letters):
        if start <= reach and script != owner:
            raise PackError("pack_at_key", path=str(paths[first[script].code]), key="letters",
                            problem=Text("lang_letter_taken", code=f"{start:04X}", script=owner))
        if last > reach:
            reach, owner = last, script
    for profile in profiles:
        shared = sum(1 for p in profiles if p.script == profile.script) > 1
        if shared and not (profile.function_words and profile.langdetect):
            raise PackError("pack_at_key", path=str(paths[profile.code]), key="function_words",
                            problem=Text("lang_needs_function_words", script=profile.script))


@lru_cache(maxsize=None)
def builtin_language_files() -> dict[str, tuple[Path, dict]]:
    """The built-in rule folder's language files, read once per process (shared: never change them)."""
    from policylint.packs.loading import default_rules_dir

    return language_files(default_rules_dir())


@lru_cache(maxsize=None)
def profiles() -> dict[str, LanguageProfile]:
    """Every language policylint checks, by code, in their order."""
    return read_profiles(builtin_language_files())


def profile(code: str) -> LanguageProfile:
    return profiles()[code]


@lru_cache(maxsize=None)
def language_codes() -> tuple[str, ...]:
    return tuple(profiles())


@lru_cache(maxsize=None)
def scripts() -> dict[str, Script]:
    """Each script of the languages, in the order of its first language."""
    found: dict[str, Script] = {}
    for p in profiles().values():
        known = found.get(p.script)
        languages = (known.languages if known else ()) + (p.code,)
        found[p.script] = Script(p.script, p.letters, languages)
    return found


class LanguageCodes(Sequence):
    """The codes of the languages policylint checks, in their order, read from the language
    files when first used: a module can name it at import time (a default argument, a click
    choice) without reading anything before every module is loaded."""

    def __getitem__(self, index):
        return language_codes()[index]

    def __len__(self) -> int:
        return len(language_codes())

    def __iter__(self) -> Iterator[str]:
        return iter(language_codes())

    def __contains__(self, code: object) -> bool:
        return code in language_codes()

    def __repr__(self) -> str:
        return repr(language_codes())


LANGUAGES = LanguageCodes()


def is_right_to_left(code: str | None) -> bool:
    """Whether a language (None: none known) is written right to left."""
    known = profiles().get(code) if code else None
    return known is not None and known.direction == "rtl"
