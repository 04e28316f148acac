"""The annotate command's own words in the five languages, kept as data in words.yaml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from policylint.report.labels import Labels
from policylint.text.languages import BASE_LANGUAGE

WORDS_FILE = Path(__file__).with_name("words.yaml")


@lru_cache(maxsize=1)
def all_words() -> dict[str, dict[str, str]]:
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))


class Words(Labels):
    """`words("key", name=value)` in one language: the command's own words first, then the
    report's labels (severity names, "Score")."""

    def __call__(self, key: str, **params) -> str:
        entry = all_words().get(key)
        if entry is None:
            return super().__call__(key, **params)
        text = entry.get(self.language, entry[BASE_LANGUAGE])
        return text.format(**params) if params else text
