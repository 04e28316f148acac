"""Every word policylint itself says to a user, in the five languages: one catalogue.

catalogue.yaml holds each entry (key -> language -> text with {placeholders}); it is kept in
the cache folder as JSON like the rule packs (packs/yaml_cache.py), so a re-check needs no YAML
parser. `Messages(language)` gives an entry in one language with its placeholders filled in,
and a count in the plural form the number takes in that language (text/plurals.py, from the
language file's CLDR rules). A `Text` (an entry and its fields) or a `TextError` is a message
made before its reader's language is known, worded when it is shown.
Rule messages, summaries and element names live in the rule files, not here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

# defined apart: the language files' readers raise them, and this package reads those files
from policylint.message_text import Invalid, Text, TextError, kind_reason_text
from policylint.text.languages import BASE_LANGUAGE, profile
from policylint.text.plurals import form_of

CATALOGUE_FILE = Path(__file__).with_name("catalogue.yaml")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, Any]]:
    """key -> language -> text, as catalogue.yaml says; a count's text is a mapping of its
    plural forms (one, other; Arabic's zero, one, two, few, many, other) to texts."""
    from policylint.packs.yaml_cache import load_yaml  # the packs' loader, to share its JSON cache

    return load_yaml(CATALOGUE_FILE)


class Messages:
    """`messages("key", name=value)`: an entry in one language, its {placeholders} filled in.
    A language the catalogue does not have gets the base language's text (and plural rules)."""

    def __init__(self, language: str = BASE_LANGUAGE):
        self.language = language

    def __call__(self, key: str | Text, /, **params: object) -> str:
        if isinstance(key, Text):
            params = {**key.params, **params}
            key = key.key
        texts = catalogue()[key]
        language = self.language if texts.get(self.language) else BASE_LANGUAGE
        text = texts[language]
        if isinstance(text, dict):  # a count: the form its number takes in this language
            count = params.get("count")
            if not isinstance(count, int):
                raise TypeError(f"{key} is a count: give it count=")
            text = text[form_of(profile(language).plurals, count)]
        return self._filled(text, params)

    def text(self, message: str | Text | BaseException) -> str:
        """A message in this language: a Text, a TextError's, or a text already worded."""
        if isinstance(message, TextError):
            message = message.text
        return self(message) if isinstance(message, Text) else str(message)

    def _filled(self, text: str, params: dict[str, object]) -> str:
        if not params:
            return text
        return text.format(**{name: self.text(value) if isinstance(value, (Text, TextError)) else value
                              for name, value in params.items()})

    def count(self, key: str, count: int, /, **params: object) -> str:
        """A count's form for this number under the language's plural rules (CLDR: Arabic's
        zero, one, two, few, many and other; French's one for 0 and 1), {count} filled in."""
        return self(key, count=count, **params)

    def joined(self, parts: list[str]) -> str:
        """Parts of a list joined as the language writes a list (a comma, or the Arabic one)."""
        return self("list_separator").join(parts)

    def language_name(self, code: str | None) -> str:
        """A document language's name, or "other or unknown" for None; a language added as
        data alone (rules/languages/) that the catalogue does not name yet goes by its profile's name."""
        key = f"lang_{code or 'other'}"
        if code and key not in catalogue():
            return profile(code).name
        return self(key)

    def kind_reason(self, reason: str) -> str:
        """Why a document kind was chosen (KindChoice.reason, kept as data: `title: "privacy
        notice"`), its source in this language's words; the decisive terms stay as written."""
        return self.text(kind_reason_text(reason))

    def severity(self, severity: str) -> str:
        """The word for a severity (error, warning, info)."""
        return self(severity)


__all__ = ["CATALOGUE_FILE", "Invalid", "Messages", "Text", "TextError", "catalogue", "kind_reason_text"]
