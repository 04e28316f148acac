"""Word .docx through python-docx: headings, paragraphs, list items, table cells, headers, footers.

python-docx opens the package and its parts; the paragraphs are walked in the XML itself,
because its object model skips content controls, text boxes and tracked insertions, and does
not give tables and paragraphs in one reading order.

Positions: the line is the paragraph number, 1-based, counting every paragraph (empty ones
too, as Word shows a ¶ mark for each) in reading order: the body, table cells row by row and
content controls included, each text box's paragraphs right after the paragraph that anchors
it; then the page headers and then the page footers of each section, numbered on after the
body. The column is the character in that paragraph. Word stores right-to-left text in logical
order, so Arabic needs no reordering.

A paragraph is a heading when its outline level (its own or its style's) says so, or its
style is a "heading N" or the "Title" style; a list item when it is numbered (its own
numbering or its style's) or its style is a List style. Tables of contents repeat the
headings and are skipped; footnotes and comments are not read.
"""

from __future__ import annotations

import io
import re
from typing import Iterator

from policylint.model import Document
from policylint.readers.decode import InputError, damaged
from policylint.readers.positions import numbered_blocks, numbered_paragraph_block
from policylint.readers.sniff import expect

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# never prose: deleted text, field codes, properties, and the duplicate of a text box that
# Word keeps for old readers
_SKIPPED = {W + "del", W + "moveFrom", W + "instrText", W + "delInstrText", W + "pPr", W + "rPr",
            W + "sectPr", W + "tblPr", W + "trPr", W + "tcPr", W + "tblGrid", W + "sdtPr",
            W + "footnoteReference", W + "endnoteReference", W + "commentReference", _MC_FALLBACK}
_CHARACTERS = {W + "tab": " ", W + "ptab": " ", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-"}
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
MAX_LEVEL = 6


def read(data: bytes, path: str) -> Document:
    expect(data, "docx")
    try:
        import docx

        word = docx.Document(io.BytesIO(data))
        styles = _Styles(word.styles.element)
        paragraphs = list(_walk(word.element.body))
        for part in _header_footer_parts(word):
            paragraphs.extend(_walk(part.element))
        blocks = numbered_blocks(paragraphs, lambda item, number: _block(item[0], item[1], number, styles))
    except InputError:
        raise
    except Exception as error:  # python-docx and lxml raise many kinds on damaged files
        raise damaged("docx", error) from None
    return Document(path=path, format="docx", blocks=blocks, position_kind="paragraph")


def _walk(container, in_cell: bool = False) -> Iterator[tuple]:
    """Every w:p under a container in reading order, with whether it sits in a table cell."""
    for child in container:
        tag = child.tag
        if tag == W + "p":
            yield child, in_cell
            for box in _text_boxes(child):
                yield from _walk(box, in_cell)
        elif isinstance(tag, str) and tag not in _SKIPPED:
            yield from _walk(child, in_cell or tag == W + "tc")


def _text_boxes(paragraph) -> Iterator:
    for element in _inline(paragraph):
        if element.tag == W + "txbxContent":
            yield element


def _inline(element) -> Iterator:
    """The elements of a paragraph's text, without skipped subtrees or its text boxes' insides."""
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _SKIPPED:
            continue
        yield child
        if child.tag != W + "txbxContent":
            yield from _inline(child)


def _text(paragraph) -> str:
    parts = []
    for element in _inline(paragraph):
        if element.tag == W + "t":
            parts.append(element.text or "")
        elif element.tag in _CHARACTERS:
            parts.append(_CHARACTERS[element.tag])
    return "".join(parts)


def _block(paragraph, in_cell: bool, number: int, styles: "_Styles"):
    properties = paragraph.find(W + "pPr")
    style_id = _value(properties, "pStyle")
    if styles.is_toc(style_id):
        return None
    text = _text(paragraph)
    if in_cell:
        return numbered_paragraph_block("table_cell", text, number)
    level = _outline_level(properties) or styles.heading_level(style_id)
    if level:
        return numbered_paragraph_block("heading", text, number, min(level, MAX_LEVEL))
    numbering = properties.find(W + "numPr") if properties is not None else None
    numbered = numbering is not None and _value(numbering, "numId") not in (None, "0")
    kind = "list_item" if numbered or styles.is_list(style_id) else "paragraph"
    return numbered_paragraph_block(kind, text, number)


def _value(properties, name: str) -> str | None:
    if properties is None:
        return None
    element = properties.find(W + name)
    return element.get(W + "val") if element is not None else None


def _outline_level(properties) -> int:
    """Heading level from an outline level (0-8; 9 is body text), or 0."""
    value = _value(properties, "outlineLvl")
    return int(value) + 1 if value is not None and value.isdigit() and int(value) < 9 else 0


class _Styles:
    """Paragraph styles by id, followed through their basedOn chains."""

    def __init__(self, element):
        self._styles = {s.get(W + "styleId"): s for s in element.iter(W + "style")}

    def _chain(self, style_id: str | None) -> Iterator:
        seen = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            style_id = _value(style, "basedOn")

    def _names(self, style_id: str | None) -> list[str]:
        return [(_value(s, "name") or "").strip().lower() for s in self._chain(style_id)]

    def heading_level(self, style_id: str | None) -> int:
        for style in self._chain(style_id):
            level = _outline_level(style.find(W + "pPr"))
            if level:
                return level
            name = (_value(style, "name") or "").strip()
            match = _HEADING_STYLE.match(name)
            if match:
                return int(match.group(1))
            if name.lower() == "title":
                return 1
        return 0

    def is_list(self, style_id: str | None) -> bool:
        if any(name.startswith("list") for name in self._names(style_id)):
            return True
        return any(
            (p := s.find(W + "pPr")) is not None and p.find(W + "numPr") is not None for s in self._chain(style_id)
        )

    def is_toc(self, style_id: str | None) -> bool:
        return any(name.startswith("toc") for name in self._names(style_id))


def _header_footer_parts(word) -> list:
    """Header parts, then footer parts, in the order the sections name them, each once."""
    related = word.part.related_parts
    parts: list = []
    for reference in ("headerReference", "footerReference"):
        for element in word.element.body.iter(W + reference):
            part = related.get(element.get(_R_ID))
            if part is not None and part not in parts:
                parts.append(part)
    return parts
