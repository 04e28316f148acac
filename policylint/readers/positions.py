"""Build blocks whose text maps back to source lines and columns."""

from __future__ import annotations

from policylint.model import Block, Segment


def block_from_lines(kind: str, pieces: list[tuple], level: int = 0) -> Block | None:
    """Join (text, line, column) or (text, line, column, page) pieces with single spaces.

    Each piece is a stretch of one source line; the block's segments remember where each
    stretch starts, so any offset in the joined text maps back to its line and column.
    """
    text = " ".join(piece[0] for piece in pieces)
    if not text.strip():
        return None  # before building segments for a block that is dropped
    segments = []
    offset = 0
    for piece in pieces:
        segments.append(Segment(offset, *piece[1:]))
        offset += len(piece[0]) + 1  # the piece and the space after it
    return Block(kind=kind, text=text, segments=tuple(segments), level=level)


def numbered_paragraph_block(kind: str, text: str, number: int, level: int = 0) -> Block | None:
    """A block for a whole paragraph of a word-processor file: line = paragraph number.

    Columns count characters from the paragraph's start, so leading spaces are skipped
    without shifting what follows.
    """
    stripped = text.lstrip()
    return block_from_lines(kind, [(stripped.rstrip(), number, 1 + len(text) - len(stripped))], level)


def numbered_blocks(paragraphs, build) -> list:
    """Blocks of paragraphs numbered from 1 in reading order, the position Word and
    OpenDocument findings carry; `build(paragraph, number)` gives None for a paragraph that is
    not prose, which keeps its number all the same."""
    blocks = (build(paragraph, number) for number, paragraph in enumerate(paragraphs, start=1))
    return [block for block in blocks if block is not None]
