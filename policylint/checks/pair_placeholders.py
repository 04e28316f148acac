"""A template placeholder ([Company name], {{date}}, ____, TBD) left in a translation where its
source has it filled in, or left in the source where the translation filled it in: compared
section by section where the sections correspond.

Run by `policylint compare` only, on a source and a translation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from policylint.checks.kind import CheckKind, Place

if TYPE_CHECKING:
    from policylint.checks.facts import DocumentFacts
    from policylint.checks.sections import Section
    from policylint.compare.pair_context import PairContext
    from policylint.model import Block, Finding


def compare(pair: PairContext) -> Iterator[Finding]:
    for source_section, translation_section in pair.pair.sections:
        in_source = _fill_ins(pair.pair.source_facts, source_section)
        in_translation = _fill_ins(pair.pair.translation_facts, translation_section)
        if in_translation and not in_source:
            blocks = pair.source.document.blocks
            for place in in_translation:
                counterpart = _same_place(blocks, source_section, translation_section, place[0])
                params = {"placeholder": pair.translation_text(place), "other": pair.where_in_source(counterpart)}
                yield pair.finding(place, pair.message(params))
        elif in_source and not in_translation:
            blocks = pair.translation.document.blocks
            for place in in_source:
                counterpart = _same_place(blocks, translation_section, source_section, place[0])
                params = {"placeholder": pair.source_text(place), "other": pair.where_in_source(place)}
                yield pair.finding(counterpart, pair.message(params, "only_in_source"))


def _same_place(blocks: list[Block], section: Section, other: Section, block: int) -> Place | None:
    """The block of `section` that stands where `block` stands in `other` (sections of two
    versions keep their paragraphs in order), else the section's heading (None: the title)."""
    index: int | None = section[1].start + (block - other[1].start)
    if index not in section[1]:
        index = section[0]
    return (index, 0, len(blocks[index].text.rstrip())) if index is not None else None


def _fill_ins(facts: DocumentFacts, section: Section) -> list[tuple[int, int, int]]:
    return [(block, *span) for block in section[1] for span in facts.fill_in_spans(block)]


KIND = CheckKind(
    fields={"message": ("placeholder", "other"), "only_in_source": ("placeholder", "other")},
    name="pair-placeholders",
    description=__doc__ or "",
    check=None,
    scope="pair",
    compare=compare,
    messages=("only_in_source",),
)
