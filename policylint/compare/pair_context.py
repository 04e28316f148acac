"""What a pair check sees: the pair, its rule's Context on each document, and how to report a
difference: in the translation, naming the place in the source."""

from __future__ import annotations

from typing import Any

from policylint.checks.kind import Place
from policylint.compare.pair import Pair
from policylint.formatters.location import location
from policylint.model import Finding
from policylint.packs import Rule
from policylint.text.languages import BASE_LANGUAGE


class PairContext:
    def __init__(self, pair: Pair, rule: Rule):
        self.pair = pair
        self.rule = rule
        self.source, self.translation = pair.contexts(rule)

    def option(self, name: str) -> Any:
        return self.rule.options[name]

    def message(self, params: dict, name: str | None = None) -> str:
        return self.translation.message(params, name)

    @property
    def message_language(self) -> str:
        """The language of the messages, as Context.message decides it: the user's, else (the
        user's is none of the five) the translation's own, else the base language."""
        translation = self.translation
        return translation.settings.message_language or translation.document.language or BASE_LANGUAGE

    def where_in_source(self, place: Place | None) -> str:
        """The source's path and a place in it in words, in the message language
        ("policy.en.md, line 12, column 5"); None: the source's title."""
        context = self.source
        if place is None:
            index = context.title_index()
            place = (index, 0, len(context.document.blocks[index].text.rstrip()))
        finding = context.finding(*place, "", None)
        return f"{context.document.path}, {location(finding).phrase(self.message_language)}"

    def source_text(self, place: Place) -> str:
        block, start, end = place
        return " ".join(self.source.document.blocks[block].text[start:end].split())

    def translation_text(self, place: Place) -> str:
        block, start, end = place
        return " ".join(self.translation.document.blocks[block].text[start:end].split())

    def finding(self, place: Place | None, message: str) -> Finding:
        """A finding in the translation at `place`, or on its title (None)."""
        if place is None:
            return self.translation.document_finding(message)
        block, start, end = place
        language = self.translation.document.blocks[block].language
        return self.translation.finding(block, start, end, message, language)
