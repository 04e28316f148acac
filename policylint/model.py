"""The plain data that flows between the stages: no behaviour beyond position lookup."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

LANGUAGES = ("en", "fr", "es", "el", "ar")
SEVERITIES = ("info", "warning", "error")


class Segment(NamedTuple):
    """Where a stretch of a block's text starts in the source."""

    offset: int  # index into Block.text
    line: int  # 1-based source line
    column: int  # 1-based source column, in characters


@dataclass(frozen=True)
class Block:
    """A unit of prose: a heading, a paragraph, a list item or a table cell."""

    kind: str  # "heading", "paragraph", "list_item", "table_cell"
    text: str
    segments: tuple[Segment, ...]
    level: int = 0  # heading level, 0 for other blocks
    language: str | None = None

    def position(self, offset: int) -> tuple[int, int]:
        """Source (line, column) of the character at `offset` in the text."""
        index = bisect_right([s.offset for s in self.segments], offset) - 1
        segment = self.segments[max(index, 0)]
        return segment.line, segment.column + max(offset - segment.offset, 0)

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"


@dataclass
class Document:
    path: str  # as shown to the user
    format: str  # "markdown", "text"
    blocks: list[Block]
    language: str | None = None  # main language; None when not one of LANGUAGES
    notices: list[str] = field(default_factory=list)


class Token(NamedTuple):
    text: str
    norm: str  # case-folded, accent-free, Arabic letters unified, ASCII digits
    stem: str  # Snowball stem of the norm, accent-free
    start: int  # offsets into the block text
    end: int
    is_punct: bool


@dataclass(frozen=True)
class Sentence:
    block: int  # index into Analysis.blocks
    start: int
    end: int
    tokens: tuple[Token, ...]


@dataclass
class Analysis:
    """One document, analysed once; every rule works on this."""

    document: Document
    sentences: list[Sentence]
    # sentences of each block, by block index
    by_block: list[list[Sentence]]


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    code: str
    severity: str
    message: str
    language: str
    excerpt: str = ""  # the document's own words the finding is about, shortened

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column)
