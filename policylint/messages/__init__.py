"""Every word policylint itself says to a user, in the five languages: one catalogue.

catalogue.yaml holds each entry (key -> language -> text with {placeholders}); it is kept in
the cache folder as JSON like the rule packs (packs/yaml_cache.py), so a re-check needs no YAML
parser. `Messages(language)` gives an entry in one language with its placeholders filled in.
Rule messages, summaries and element names live in the rule files, not here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from policylint.text.languages import BASE_LANGUAGE, profile

CATALOGUE_FILE = Path(__file__).with_name("catalogue.yaml")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """key -> language -> text, as catalogue.yaml says."""
    from policylint.packs.yaml_cache import load_yaml  # the packs' loader, to share its JSON cache

    return load_yaml(CATALOGUE_FILE)


class Messages:
    """`messages("key", name=value)`: an entry in one language, its {placeholders} filled in.
    A language the catalogue does not have gets the base language's text."""

    def __init__(self, language: str = BASE_LANGUAGE):
        self.language = language

    def __call__(self, key: str, **params: object) -> str:
        texts = catalogue()[key]
        text = texts.get(self.language) or texts[BASE_LANGUAGE]
        return text.format(**params) if params else text

    def count(self, key: str, count: int, **params: object) -> str:
        """The `KEY_one` or `KEY_other` form for this number, with {count} filled in."""
        return self(f"{key}_{'one' if count == 1 else 'other'}", count=count, **params)

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

    def severity(self, severity: str) -> str:
        """The word for a severity (error, warning, info)."""
        return self(severity)


__all__ = ["CATALOGUE_FILE", "Messages", "catalogue"]
