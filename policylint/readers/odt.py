"""OpenDocument text (.odt) through odfpy: headings, paragraphs, list items, table cells, headers, footers.

Positions work as for Word (`docx.py`): the line is the paragraph number, 1-based, counting
every text:p and text:h in reading order (lists, tables and sections included, a frame's text
box right after the paragraph that anchors it), then the page headers and then the page
footers of the master pages; the column is the character in that paragraph.

text:h is a heading at its outline level; a paragraph whose style (or a style it inherits
from) is "Title" or carries an outline level is one too. Notes, annotations, tracked
deletions and generated indexes (a table of contents repeats the headings) are not read.
"""

from __future__ import annotations

import io
from typing import Iterator

from policylint.model import Document
from policylint.readers.decode import InputError, damaged
from policylint.readers.positions import numbered_blocks, numbered_paragraph_block
from policylint.readers.sniff import expect

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_PARAGRAPHS = {(TEXT, "p"), (TEXT, "h")}
_NOT_READ = {
    (TEXT, "note"), (OFFICE, "annotation"), (OFFICE, "annotation-end"), (TEXT, "tracked-changes"),
    (TEXT, "table-of-content"), (TEXT, "illustration-index"), (TEXT, "table-index"),
    (TEXT, "object-index"), (TEXT, "user-index"), (TEXT, "alphabetical-index"),
    (TEXT, "bibliography"), (TEXT, "sequence-decls"), (TEXT, "variable-decls"),
    (TEXT, "user-field-decls"), (OFFICE, "forms"), (TEXT, "ruby-text"),
}
_HEADERS = ("header", "header-left", "header-first")
_FOOTERS = ("footer", "footer-left", "footer-first")
MAX_LEVEL = 6


def read(data: bytes, path: str) -> Document:
    expect(data, "odt")
    try:
        from odf.opendocument import load

        document = load(io.BytesIO(data))
        styles = _Styles(document)
        paragraphs = list(_walk(document.text, None))
        for names in (_HEADERS, _FOOTERS):
            for master in _children(document.masterstyles, (STYLE, "master-page")):
                for part in master.childNodes:
                    if getattr(part, "qname", None) in {(STYLE, n) for n in names}:
                        paragraphs.extend(_walk(part, None))
        blocks = numbered_blocks(paragraphs, lambda item, number: _block(item[0], item[1], number, styles))
    except InputError:
        raise
    except Exception as error:  # odfpy, zipfile and the XML parser raise many kinds on damaged files
        raise damaged("odt", error) from None
    return Document(path=path, format="odt", blocks=blocks, position_kind="paragraph")


def _children(node, qname) -> Iterator:
    for child in getattr(node, "childNodes", []):
        if getattr(child, "qname", None) == qname:
            yield child


def _walk(node, container: str | None) -> Iterator[tuple]:
    """Every paragraph under a node in reading order, with the list or table it sits in."""
    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname is None or qname in _NOT_READ:
            continue
        if qname in _PARAGRAPHS:
            yield child, container
            for box in _text_boxes(child):
                yield from _walk(box, container)
        elif qname == (TABLE, "table-cell") or qname == (TABLE, "covered-table-cell"):
            yield from _walk(child, "table_cell")
        elif qname == (TEXT, "list-item") or qname == (TEXT, "list-header"):
            yield from _walk(child, container or "list_item")
        else:
            yield from _walk(child, container)


def _text_boxes(paragraph) -> Iterator:
    for child in _inline(paragraph):
        if child.qname == (DRAW, "text-box"):
            yield child


def _inline(node) -> Iterator:
    """The elements of a paragraph's text, without notes, annotations or its text boxes' insides."""
    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname is None or qname in _NOT_READ:
            continue
        yield child
        if qname != (DRAW, "text-box"):
            yield from _inline(child)


def _text(paragraph) -> str:
    parts = []
    for child in paragraph.childNodes:
        qname = getattr(child, "qname", None)
        if child.nodeType == child.TEXT_NODE:
            parts.append(child.data)
        elif qname is None or qname in _NOT_READ or qname[0] == DRAW:
            continue
        elif qname == (TEXT, "s"):
            parts.append(" " * _count(child))
        elif qname in ((TEXT, "tab"), (TEXT, "line-break")):
            parts.append(" ")
        else:
            parts.append(_text(child))
    return "".join(parts)


def _count(node) -> int:
    value = node.getAttrNS(TEXT, "c")
    return max(1, min(int(value), 1000)) if value and value.isdigit() else 1


def _block(paragraph, container: str | None, number: int, styles: "_Styles"):
    text = " ".join(_text(paragraph).split("\n"))
    if container == "table_cell":
        return numbered_paragraph_block("table_cell", text, number)
    style = paragraph.getAttrNS(TEXT, "style-name")
    if paragraph.qname == (TEXT, "h"):
        level = paragraph.getAttrNS(TEXT, "outline-level")
        level = int(level) if level and level.isdigit() else styles.heading_level(style) or 1
        return numbered_paragraph_block("heading", text, number, max(1, min(level, MAX_LEVEL)))
    level = styles.heading_level(style)
    if level:
        return numbered_paragraph_block("heading", text, number, min(level, MAX_LEVEL))
    return numbered_paragraph_block(container or "paragraph", text, number)


class _Styles:
    """Paragraph styles by name (automatic ones first), followed through their parents."""

    def __init__(self, document):
        self._styles = {}
        for root in (document.styles, document.automaticstyles):  # automatic ones win
            for style in _children(root, (STYLE, "style")):
                self._styles[style.getAttrNS(STYLE, "name")] = style

    def heading_level(self, name: str | None) -> int:
        seen = set()
        while name and name in self._styles and name not in seen:
            seen.add(name)
            style = self._styles[name]
            outline = style.getAttrNS(STYLE, "default-outline-level")
            if outline and outline.isdigit() and int(outline) > 0:
                return int(outline)
            if name == "Title" or (style.getAttrNS(STYLE, "display-name") or "") == "Title":
                return 1
            name = style.getAttrNS(STYLE, "parent-style-name")
        return 0
