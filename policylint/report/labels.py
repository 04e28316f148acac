"""The report's own words in the five languages, kept as data in labels.yaml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LABELS_FILE = Path(__file__).with_name("labels.yaml")


@lru_cache(maxsize=1)
def all_labels() -> dict[str, dict[str, str]]:
    return yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))


class Labels:
    """`labels("key", name=value)`: the label in one language, its {placeholders} filled in."""

    def __init__(self, language: str):
        self.language = language

    def __call__(self, key: str, **params) -> str:
        text = all_labels()[key][self.language]
        return text.format(**params) if params else text

    def language_name(self, code: str | None) -> str:
        """A document language's name, or "other or unknown" for None."""
        return self(f"lang_{code or 'other'}")
