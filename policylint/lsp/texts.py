"""The language server's own words (hover titles, code action titles, problems), per language,
from texts.yaml: the one place they live until the project's message catalogue takes them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from policylint.text.languages import BASE_LANGUAGE

TEXTS_FILE = Path(__file__).with_name("texts.yaml")


@lru_cache(maxsize=1)
def _texts() -> dict[str, dict[str, str]]:
    with open(TEXTS_FILE, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def say(key: str, language: str, **params: str | int) -> str:
    """The text named `key` in `language` (else the base language), with its fields filled."""
    texts = _texts()
    template = texts.get(language, {}).get(key) or texts[BASE_LANGUAGE][key]
    return template.format(**params)


def languages() -> tuple[str, ...]:
    """The languages texts.yaml has words for (a test checks they are every language)."""
    return tuple(_texts())
