"""The message catalogue: every word policylint says, in every language, used by the code."""

from __future__ import annotations

import pickle
import re
import string
from pathlib import Path

import pytest

import policylint
from policylint.messages import Messages, Text, TextError, catalogue
from policylint.model import LANGUAGES
from policylint.text.languages import BASE_LANGUAGE, profile
from policylint.text.plurals import form_of, forms, parse_rules

# keys the code builds from a prefix and a value: "lang_" + a language, "position_label_" + a
# position kind, a severity's count and word, a reader's format ("format_" + docx) and kind of file
BUILT_KEYS = re.compile(r"^(lang_|position_|count_|format_|file_kind_|looks_for_|kind_source_)|^(error|warning|info|notice)$")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _forms_of(texts: dict) -> list[str]:
    """Every text of an entry in one language: the text, or each plural form's."""
    return list(texts.values()) if isinstance(texts, dict) else [texts]


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_entry_exists_in_every_language_with_the_same_placeholders(key):
    texts = catalogue()[key]
    assert sorted(texts) == sorted(LANGUAGES)
    counted = isinstance(texts[BASE_LANGUAGE], dict)
    for language in LANGUAGES:
        assert isinstance(texts[language], dict) == counted, (key, language)
        assert all(isinstance(text, str) and text.strip(" ") for text in _forms_of(texts[language]))
    # a count's forms may leave the number out ("ملفان", two files), every other field is in each
    fields = {frozenset(placeholders(text) - ({"count"} if counted else set()))
              for language in LANGUAGES for text in _forms_of(texts[language])}
    assert len(fields) == 1, texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_count_has_the_forms_of_its_language(language):
    """A count has exactly the plural forms its language's rules give."""
    wanted = forms(profile(language).plurals)
    for key, texts in catalogue().items():
        if isinstance(texts[language], dict):
            assert tuple(texts[language]) == wanted, (key, language)


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


# The plural form each number takes, as CLDR's rules say: Arabic has six forms (few: n % 100
# in 3..10, many: n % 100 in 11..99), French takes the singular for 0 and 1, the others for 1.
NUMBERS = (0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111, 1000)
EXPECTED_FORMS = {
    "ar": ("zero", "one", "two", "few", "few", "many", "many", "other", "other", "few", "many", "other"),
    "fr": ("one", "one") + ("other",) * 10,
    "en": ("other", "one") + ("other",) * 10,
    "es": ("other", "one") + ("other",) * 10,
    "el": ("other", "one") + ("other",) * 10,
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_counts_take_the_plural_form_of_their_language(language):
    say = Messages(language)
    files = catalogue()["files"][language]
    for number, form in zip(NUMBERS, EXPECTED_FORMS[language], strict=True):
        assert form_of(profile(language).plurals, number) == form, (language, number)
        assert say.count("files", number) == files[form].format(count=number)


def test_arabic_counts_read_as_arabic_counts():
    say = Messages("ar")
    assert [say.count("problems", n) for n in (0, 1, 2, 3, 11, 100, 102)] == [
        "0 مشكلة", "مشكلة واحدة", "مشكلتين", "3 مشكلات", "11 مشكلةً", "100 مشكلة", "102 مشكلة"]


def test_french_takes_the_singular_for_zero():
    assert Messages("fr").count("files", 0) == "0 fichier"
    assert Messages("en").count("files", 0) == "0 files"


def test_plural_rules_are_checked_when_a_language_file_is_read():
    assert parse_rules({"one": "n = 1", "few": "n % 100 = 3..10"}) == (("one", "n = 1"), ("few", "n % 100 = 3..10"))
    for wrong in ({"once": "n = 1"}, {"one": "i = 1"}, {"few": "n % 100 = 10..3"}, {"one": "n == 1"}, ["n = 1"]):
        with pytest.raises(ValueError):
            parse_rules(wrong)


def test_a_message_made_before_its_language_is_known_is_worded_where_it_is_shown():
    error = TextError("did_you_mean", names="'x'")
    assert str(error) == Messages()("did_you_mean", names="'x'")
    assert pickle.loads(pickle.dumps(error)).text == error.text
    for language in LANGUAGES:
        assert Messages(language).text(error) == catalogue()["did_you_mean"][language].format(names="'x'")
    nested = Text("cli_no_such_rule", rule="'x'", suggestion=Text("did_you_mean", names="'y'"))
    assert Messages("fr").text(nested) == "aucune règle nommée 'x' (vouliez-vous dire 'y' ?) ; `policylint rules` les liste"


def test_a_language_the_catalogue_lacks_gets_the_base_language():
    assert Messages("de")("summary") == Messages(BASE_LANGUAGE)("summary")


def test_every_check_kind_tells_users_what_it_looks_for_in_every_language():
    """What a check kind looks for comes from the catalogue (its docstring is for developers)."""
    from policylint.checks import CHECK_KINDS

    keys = {kind.looks_for_key for kind in CHECK_KINDS.values()}
    assert keys == {key for key in catalogue() if key.startswith("looks_for_")}
    for key in keys:
        for language in LANGUAGES:
            assert Messages(language)(key) == catalogue()[key][language]


def test_rules_columns_are_six_in_every_language():
    assert {len(catalogue()["rules_columns"][language].split("|")) for language in LANGUAGES} == {6}


# words a language writes as English does (cognates, a format's name): the only entries whose
# text may be the English one in another language
SHARED_WORDS = {("document", "fr"), ("score", "fr"), ("error", "es"), ("source", "fr"), ("cli_cache_refused", "fr"),
                ("format_pdf", "fr"), ("format_pdf", "es"), ("format_pdf", "el"), ("kind_source_configuration", "fr"),
                ("kind_source_option", "fr"), ("help_options", "fr"), ("help_error", "es"),
                ("cli_version", "fr")}


def test_no_entry_is_english_copied_into_another_language():
    """An entry present in five languages but left in English in one is caught: only the words
    a language shares with English may read the same."""
    copied = set()
    for key, texts in catalogue().items():
        english = texts[BASE_LANGUAGE]
        words = re.sub(r"\{[^{}]*\}", "", str(english))
        for language in LANGUAGES:
            if language != BASE_LANGUAGE and texts[language] == english and re.search(r"[A-Za-z]{3,}", words):
                copied.add((key, language))
    assert copied == SHARED_WORDS
