"""A template placeholder ([Company name], {{date}}, ____, TBD) left in a translation where its
source has it filled in, or left in the source where the translation filled it in: compared
section by section where the sections correspond.

Run by `policylint compare` only, on a source and a translation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from policylint.checks.kind import CheckKind

if TYPE_CHECKING:
    from policylint.checks.facts import DocumentFacts
    from policylint.compare.pair import Section
    from policylint.compare.pair_context import PairContext
    from policylint.model import Block, Finding


def compare(pair: PairContext) -> Iterator[Finding]:
    for source_section, translation_section in pair.pair.sections:
        in_source = _fill_ins(pair.pair.source_facts, source_section)
        in_translation = _fill_ins(pair.pair.translation_facts, translation_section)
        if in_translation and not in_source:
            for place in in_translation:
                params = {"placeholder": pair.translation_text(place),
                          "other": pair.where_in_source(_start(pair.source.document.blocks, source_section))}
                yield pair.finding(place, pair.message(params))
        elif in_source and not in_translation:
            heading = _start(pair.translation.document.blocks, translation_section)
            for place in in_source:
                params = {"placeholder": pair.source_text(place), "other": pair.where_in_source(place)}
                yield pair.finding(heading, pair.message(params, "only_in_source"))


def _fill_ins(facts: DocumentFacts, section: Section) -> list[tuple[int, int, int]]:
    return [(block, *span) for block in section[1] for span in facts.fill_in_spans(block)]


def _start(blocks: list[Block], section: Section) -> tuple[int, int, int] | None:
    """Where a section starts: its heading (None: the document's title)."""
    heading = section[0]
    return (heading, 0, len(blocks[heading].text.rstrip())) if heading is not None else None


KIND = CheckKind(
    name="pair-placeholders",
    description=__doc__ or "",
    check=None,
    scope="pair",
    compare=compare,
    messages=("only_in_source",),
)
