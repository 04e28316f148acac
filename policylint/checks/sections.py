"""Where a document's sections start and end: headings, lines that stand as headings, and the
blocks a label governs. Used by the check kinds that look under a heading or after a label."""

from __future__ import annotations

import re

from policylint.model import Block

SENTENCE_ENDS = (".", ";", "!", "?", "؟", "…")  # single characters
HEADING_WORDS = 8
# more words than a heading-like line has: matched from the start, so asking costs no more than
# those words however long the block (it is asked for every sentence of a block)
_TOO_MANY_WORDS = re.compile(rf"\s*(?:\S+\s+){{{HEADING_WORDS}}}\S")
# a section: its heading's block index (None for what stands before the first heading) and
# the indexes of its blocks, heading included
Section = tuple[int | None, range]


def is_heading_like(block: Block) -> bool:
    """A heading, or a short line that stands as one (a bold line, a label, a table header)."""
    if block.is_heading:
        return True
    if block.kind == "list_item" or _TOO_MANY_WORDS.match(block.text):
        return False
    text = block.text
    end = len(text)
    while end and text[end - 1].isspace():  # no stripped copy of the block for each sentence
        end -= 1
    return text[end - 1:end] not in SENTENCE_ENDS


def section_after(blocks, index: int) -> range:
    """The blocks a label governs: a heading's section, or the one block after a label line
    or table cell (where "Last updated" or "Review cycle" has its value)."""
    block = blocks[index]
    if block.is_heading:
        end = next(
            (i for i in range(index + 1, len(blocks)) if blocks[i].is_heading and blocks[i].level <= block.level),
            len(blocks),
        )
        return range(index + 1, end)
    if is_heading_like(block) or block.kind == "table_cell":
        return range(index + 1, min(index + 2, len(blocks)))
    return range(0)


def sections_of(blocks: list[Block]) -> list[Section]:
    """The document cut at each heading; the blocks before the first heading, if any, first."""
    starts = [i for i, block in enumerate(blocks) if block.is_heading]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    ends = [*starts[1:], len(blocks)]
    return [(start if blocks and blocks[start].is_heading else None, range(start, end)) for start, end in zip(starts, ends)]
