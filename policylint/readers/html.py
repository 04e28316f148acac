"""HTML through the standard library's forgiving parser: headings, paragraphs, list items, cells.

Scripts, styles, the head, navigation (<nav>, role="navigation"), hidden elements, forms'
controls and code are not prose. Every block-level tag ends the text before it, so unclosed
<p> and <li> tags, as browsers allow them, still give one block each. Character references
are read as the characters they stand for, but positions stay those of the source: line and
column of the .html file, like Markdown.
"""

from __future__ import annotations

import html
from collections import Counter
from html.parser import HTMLParser

from policylint.findings.suppression import is_directive
from policylint.model import Block, Directive, Document, Segment

HEADINGS = {f"h{n}": n for n in range(1, 7)}
# tags that start or end a block of text; the value is the kind of block their text makes
# (None: the kind of the enclosing block, or a paragraph)
BLOCK_TAGS = {
    **{tag: "heading" for tag in HEADINGS},
    "li": "list_item", "dt": "list_item", "dd": "list_item",
    "td": "table_cell", "th": "table_cell",
    **dict.fromkeys(
        "address article aside blockquote body caption center details dialog dir div dl fieldset "
        "figcaption figure footer form header hgroup hr html legend main menu ol p section summary "
        "table tbody tfoot thead tr ul".split()
    ),
}
NOT_PROSE = set(
    "script style head title template noscript nav svg math select button textarea iframe object "
    "canvas audio video code pre kbd samp".split()
)
CODE_TAGS = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "template"}
VOID = set("area base br col embed hr img input link meta param source track wbr".split())


def read(text: str, path: str) -> Document:
    parser = _Parser()
    parser.feed(text.replace("\r\n", "\n").replace("\r", "\n"))
    parser.close()
    parser.flush()
    return Document(path=path, format="html", blocks=parser.blocks, directives=parser.directives)


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)  # references one by one, so columns stay true
        self.blocks: list[Block] = []
        # open block tags: (tag, kind, level), the kind and level each one's text takes (its own,
        # else the nearest enclosing tag's), so the current kind is read off the top
        self._open: list[tuple[str, str | None, int]] = []
        self._open_count: Counter[str] = Counter()  # how many of each tag are open
        self._skipping: list[str] = []  # open tags whose content is not prose
        self._text: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0
        self._kind, self._level = "paragraph", 0
        self.directives: list[Directive] = []  # <!-- policylint-... --> comments, for suppression.py

    # -- structure

    def handle_starttag(self, tag, attrs):
        if self._skipping and self._skipping[0] == "head" and tag in BLOCK_TAGS:
            self._skipping.clear()  # "</head>" may be left out: the body's first tag ends it
        if self._skipping:
            if tag == self._skipping[0] and tag not in VOID:
                self._skipping.append(tag)  # the same tag nested: wait for all its ends
            return
        if tag not in VOID and (tag in NOT_PROSE or _hidden(dict(attrs))):
            self._skipping.append(tag)
            return
        if tag == "br":
            self._add(" ", *self.getpos())
        elif tag in BLOCK_TAGS:
            self.flush()
            if tag not in VOID:
                self._open_block(tag)

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:  # "<div/>" opens nothing in HTML, but is not prose either
            if not self._skipping and tag in BLOCK_TAGS:
                self.flush()
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self._skipping:
            if tag == self._skipping[0]:
                self._skipping.pop()
            return
        if tag in BLOCK_TAGS:
            self.flush()
            if not self._open_count[tag]:
                return  # nothing to close: no search through (maybe 100,000) unclosed tags
            while self._open:  # closes what was left open inside it too
                closed = self._open.pop()[0]
                self._open_count[closed] -= 1
                if closed == tag:
                    break

    def _open_block(self, tag: str) -> None:
        kind, level = BLOCK_TAGS[tag], HEADINGS.get(tag, 0)
        if not kind and self._open:
            kind, level = self._open[-1][1:]
        self._open.append((tag, kind, level))
        self._open_count[tag] += 1

    # -- text

    def handle_comment(self, data):
        if self._skipping and self._skipping[0] in CODE_TAGS:
            return  # a comment shown as code is an example, not an instruction
        if is_directive(data):
            line, column = self.getpos()
            self.directives.append(Directive(line, column + 1, line + data.count("\n"), data.strip()))

    def handle_data(self, data):
        if not self._skipping:
            line, column = self.getpos()
            for index, piece in enumerate(data.split("\n")):
                if index:
                    self._add(" ", line, column)  # the line break, as a space
                    line, column = line + 1, 0
                self._add(piece, line, column)
                column += len(piece)

    def handle_entityref(self, name):
        self._reference(f"&{name};")

    def handle_charref(self, name):
        self._reference(f"&#{name};")

    def _reference(self, source: str):
        if not self._skipping:
            self._add(html.unescape(source), *self.getpos())

    def _add(self, text: str, line: int, column: int):
        """Append text found at (line, 0-based column); whitespace becomes plain spaces."""
        text = "".join(" " if c.isspace() else c for c in text)
        if not self._text:
            stripped = text.lstrip()
            column += len(text) - len(stripped)
            text = stripped
            if not text:
                return
            self._kind, self._level = self._current_kind()
        self._segments.append(Segment(self._length, line, column + 1))
        self._text.append(text)
        self._length += len(text)

    def _current_kind(self) -> tuple[str, int]:
        if self._open and self._open[-1][1]:
            return self._open[-1][1], self._open[-1][2]
        return "paragraph", 0

    def flush(self):
        text = "".join(self._text).rstrip()
        if text:
            self.blocks.append(Block(kind=self._kind, text=text, segments=tuple(self._segments), level=self._level))
        self._text, self._segments, self._length = [], [], 0


def _hidden(attributes: dict) -> bool:
    return (
        "hidden" in attributes
        or attributes.get("aria-hidden") == "true"
        or attributes.get("role") in ("navigation", "menu", "menubar", "search")
    )
