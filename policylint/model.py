"""The plain data that flows between the stages: no behaviour beyond looking up positions and words."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

# the codes of the language files present (rules/languages/LANG.yaml), read on first use
from policylint.text.languages import LANGUAGES as LANGUAGES

if TYPE_CHECKING:
    from policylint.messages import Text

SEVERITIES = ("info", "warning", "error")
# What a position's line counts: a source line (Markdown, text, HTML), a paragraph (Word,
# OpenDocument), or a line of a page (PDF, where Segment.page says which page).
POSITION_KINDS = ("line", "paragraph", "page")


class Segment(NamedTuple):
    """Where a stretch of a block's text starts in the source."""

    offset: int  # index into Block.text
    line: int  # 1-based source line
    column: int  # 1-based source column, in characters
    page: int | None = None  # 1-based page, for paged formats (PDF)


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
        line, column, _ = self.locate(offset)
        return line, column

    def page(self, offset: int) -> int | None:
        """Page of the character at `offset`, or None when the source has no pages."""
        return self._segment(offset).page

    def locate(self, offset: int) -> tuple[int, int, int | None]:
        """Source line, column and page of the character at `offset`, in one look-up."""
        segment = self._segment(offset)
        return segment.line, segment.column + max(offset - segment.offset, 0), segment.page

    def _segment(self, offset: int) -> Segment:
        segments = self.segments
        if len(segments) == 1:  # a block on one source line: nothing to search
            return segments[0]
        index = bisect_right(self._offsets, offset) - 1
        return segments[max(index, 0)]

    @cached_property
    def _offsets(self) -> list[int]:
        """Where each segment starts, for bisecting; worked out on the first look-up."""
        return [s.offset for s in self.segments]

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"

    def with_language(self, language: str | None) -> Block:
        """The same block in `language`. The two `with_` methods are the only ways a block is
        rebuilt; they name the fields themselves, because dataclasses.replace looks them up on
        every call and language detection rebuilds every block of every document."""
        return Block(self.kind, self.text, self.segments, self.level, language)

    def with_text(self, text: str, segments: tuple[Segment, ...] | None = None) -> Block:
        """The same block with other text (and, when characters moved, other segments)."""
        return Block(self.kind, text, self.segments if segments is None else segments, self.level, self.language)


class Directive(NamedTuple):
    """A comment that may hold an instruction to policylint, as its reader found it.

    Readers only collect these (the comment's text without its markers, and where it stands);
    suppression.py decides what they mean, so a new reader needs nothing else.
    """

    line: int  # 1-based line where the comment starts
    column: int  # 1-based column where the comment starts
    end_line: int  # line where the comment ends
    text: str  # the comment's content, markers removed


@dataclass
class Document:
    path: str  # as shown to the user
    format: str  # "markdown", "text", "html", "docx", "odt", "pdf"
    blocks: list[Block]
    language: str | None = None  # main language; None when not one of LANGUAGES
    notices: list[Text] = field(default_factory=list)  # worded in the findings' language once it is known
    position_kind: str = "line"  # one of POSITION_KINDS: what the blocks' lines count
    directives: list[Directive] = field(default_factory=list)


class Token(NamedTuple):
    text: str
    norm: str  # case-folded, accent-free, Arabic letters unified, ASCII digits
    stem: str  # Snowball stem of the norm, accent-free
    start: int  # offsets into the block text
    end: int
    is_punct: bool


@dataclass(frozen=True)
class Sentence:
    block: int  # index into Document.blocks
    start: int
    end: int
    tokens: tuple[Token, ...]


class Hidden(NamedTuple):
    """A word that hid something from the rules (text/visible.py): an invisible character
    inside it, or a letter that only looks like one of its script's."""

    block: int
    start: int  # the word's offsets in the block's visible text
    end: int
    character: str  # the first hidden or look-alike character, as it was in the source
    kind: str  # "invisible" or "look-alike"


@dataclass
class Analysis:
    """One document, analysed once; every rule works on this."""

    document: Document
    sentences: list[Sentence]
    # sentences of each block, by block index
    by_block: list[list[Sentence]]
    # words that hid characters from the rules; `document` holds the text with them undone
    hidden: list[Hidden] = field(default_factory=list)


@dataclass
class WordIndex:
    """Which sentences (by position in Analysis.sentences) of one language hold each stem and
    each normalised word, in increasing order."""

    by_stem: dict[str, list[int]]
    by_norm: dict[str, list[int]]

    @cached_property
    def _sorted_words(self) -> list[str]:
        """The words in order, for prefix look-ups; sorted on the first one."""
        return sorted(self.by_norm)

    def with_prefix(self, prefix: str) -> list[int]:
        """Sentences holding a word that starts with `prefix` (a sentence may come twice)."""
        words = self._sorted_words
        found: list[int] = []
        for position in range(bisect_left(words, prefix), len(words)):  # the words with it sort together
            if not words[position].startswith(prefix):
                break
            found += self.by_norm[words[position]]
        return found


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
    # where the line numbers above are counted: see POSITION_KINDS; page and end_page are
    # set only for "page" (PDF), where line is the line on that page
    position_kind: str = "line"
    page: int | None = None
    end_page: int | None = None
    # the flagged words on one line, shortened ("" for a finding about the whole document):
    # reports show it; baselines and SARIF fingerprints match findings by it, so they survive
    # edits to other lines
    excerpt: str = ""

    def sort_key(self) -> tuple:
        return (self.path, self.page or 0, self.line, self.column, self.code,
                self.end_page or 0, self.end_line, self.end_column)
