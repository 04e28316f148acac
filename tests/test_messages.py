"""The message catalogue: every word policylint says, in every language, used by the code."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import policylint
from policylint.messages import Messages, catalogue
from policylint.model import LANGUAGES
from policylint.text.languages import BASE_LANGUAGE

# keys the code builds from a prefix and a value: "lang_" + a language, "position_label_" + a
# position kind, a count's "_one"/"_other", a severity's word
BUILT_KEYS = re.compile(r"^(lang_|position_|count_)|_(one|other)$|^(error|warning|info|notice)$")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_entry_exists_in_every_language_with_the_same_placeholders(key):
    texts = catalogue()[key]
    assert sorted(texts) == sorted(LANGUAGES)
    assert all(isinstance(texts[lang], str) and texts[lang].strip(" ") for lang in LANGUAGES)
    assert len({frozenset(placeholders(texts[lang])) for lang in LANGUAGES}) == 1, texts


def test_every_count_has_both_forms():
    keys = set(catalogue())
    for key in keys:
        if key.endswith("_one"):
            assert key[: -len("one")] + "other" in keys
        if key.endswith("_other") and not key.startswith("lang_"):
            assert key[: -len("other")] + "one" in keys


def test_every_entry_is_used():
    """The code asks for each key by name (or by a prefix it completes); no entry lingers in
    the catalogue after the code stopped using it."""
    source = "".join(m.read_text(encoding="utf-8") for m in Path(policylint.__file__).parent.rglob("*.py"))
    unused = [key for key in catalogue() if f'"{key}"' not in source and f"'{key}'" not in source
              and not BUILT_KEYS.search(key)]
    assert unused == []
    for language in LANGUAGES:
        assert Messages(language).language_name(None) == catalogue()["lang_other"][language]
        assert all(Messages(language).language_name(code) for code in LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_counts_pick_their_form(language):
    say = Messages(language)
    assert say.count("files", 1) == catalogue()["files_one"][language].format(count=1)
    assert say.count("files", 3) == catalogue()["files_other"][language].format(count=3)


def test_a_language_the_catalogue_lacks_gets_the_base_language():
    assert Messages("de")("summary") == Messages(BASE_LANGUAGE)("summary")
