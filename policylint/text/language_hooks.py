"""The few things about a language that are an algorithm rather than data: one table, by
language code. Everything else about a language is in its file (rules/languages/LANG.yaml,
read by languages.py); a language with nothing algorithmic has no entry here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class LanguageHooks:
    # a case-folded word (digits already 0-9) before the Snowball stemmer sees it
    before_stem: Callable[[str], str] | None = None


def _arabic_conjunction_before_article(word: str) -> str:
    """"والشركة" -> "الشركة": Snowball's Arabic stemmer strips the article "ال" but not a
    conjunction ("و", "ف") written before it, so the conjunction is removed first."""
    if len(word) > 4 and word[0] in "وف" and word[1:3] == "ال":
        return word[1:]
    return word


HOOKS: dict[str, LanguageHooks] = {
    "ar": LanguageHooks(before_stem=_arabic_conjunction_before_article),
}
NO_HOOKS = LanguageHooks()


def hooks(language: str) -> LanguageHooks:
    return HOOKS.get(language, NO_HOOKS)
