"""Review comments written into a copy of an OpenDocument text (.odt) package.

Only content.xml changes; every other part is copied as it is. The paragraphs are walked in
the OpenDocument reader's order (`readers/odt.py`: lists, tables and sections included, a
frame's text box right after its anchor paragraph) over the same elements it skips, so a
finding's paragraph number and columns land on the characters the reader read. A comment is an
office:annotation where the finding starts and an office:annotation-end of the same name where
it ends, splitting the text there. Page headers and footers live in styles.xml, where
LibreOffice shows no comments, so a finding there is noted on the first paragraph, saying
where it is.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from policylint.annotate.notes import Note, moved_to_top
from policylint.annotate.package import read_part, rewrite
from policylint.annotate.xml_text import xml_safe
from policylint.messages import Messages, TextError
from policylint.readers.odt import _NOT_READ, _PARAGRAPHS, DRAW, OFFICE, TABLE, TEXT

AUTHOR = "policylint"
DC = "http://purl.org/dc/elements/1.1/"
CONTENT = "content.xml"
_NOT_READ_TAGS = {f"{{{namespace}}}{name}" for namespace, name in _NOT_READ}
_PARAGRAPH_TAGS = {f"{{{namespace}}}{name}" for namespace, name in _PARAGRAPHS}
_TEXT_BOX = f"{{{DRAW}}}text-box"
_SPACE, _TAB, _BREAK = f"{{{TEXT}}}s", f"{{{TEXT}}}tab", f"{{{TEXT}}}line-break"
_OFFICE_TEXT = f"{{{OFFICE}}}text"
_CELLS = {f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell"}


def annotate(data: bytes, notes: list[Note], words: Messages, date: str) -> bytes:
    """The package with one office:annotation per note, dated `date` (ISO 8601)."""
    content = read_part(data, CONTENT)
    if content is None:
        raise TextError("annotate_package_lacks", part=CONTENT)
    root = etree.fromstring(content)
    body = next(root.iter(_OFFICE_TEXT), None)
    paragraphs = list(_walk(body)) if body is not None else []
    taken = {element.get(f"{{{OFFICE}}}name") for element in root.iter(f"{{{OFFICE}}}annotation")}
    number = 1
    for note in notes:
        if not 1 <= note.paragraph <= len(paragraphs):
            note = moved_to_top(note, words)
        if not paragraphs:
            continue
        while f"policylint{number}" in taken:
            number += 1
        _anchor(paragraphs[note.paragraph - 1], note, f"policylint{number}", date)
        number += 1
    return rewrite(data, {CONTENT: etree.tostring(root, xml_declaration=True, encoding="UTF-8")})


def _walk(node) -> Iterator:
    """Every paragraph under a node in the reader's reading order."""
    for child in node:
        if not isinstance(child.tag, str) or child.tag in _NOT_READ_TAGS:
            continue
        if child.tag in _PARAGRAPH_TAGS:
            yield child
            for box in _text_boxes(child):
                yield from _walk(box)
        else:
            yield from _walk(child)


def _text_boxes(paragraph) -> Iterator:
    for child in paragraph:
        if not isinstance(child.tag, str) or child.tag in _NOT_READ_TAGS:
            continue
        if child.tag == _TEXT_BOX:
            yield child
        else:
            yield from _text_boxes(child)


# ---- the paragraph's text, as the reader reads it -----------------------------------------------

def _pieces(element) -> Iterator[tuple]:
    """(kind, node, length) in reading order: "text" is node.text, "tail" node.tail, "element"
    a text:s, text:tab or text:line-break."""
    if element.text:
        yield "text", element, len(element.text)
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _NOT_READ_TAGS and not child.tag.startswith(f"{{{DRAW}}}"):
            if child.tag == _SPACE:
                yield "element", child, _count(child)
            elif child.tag in (_TAB, _BREAK):
                yield "element", child, 1
            else:
                yield from _pieces(child)
        if child.tail:
            yield "tail", child, len(child.tail)


def _count(space) -> int:
    value = space.get(f"{{{TEXT}}}c")
    return max(1, min(int(value), 1000)) if value and value.isdigit() else 1


def _place(paragraph, offset: int, marker) -> None:
    """Put `marker` just before the character at `offset` (at the end for the text's length)."""
    start = 0
    for kind, node, size in _pieces(paragraph):
        if start <= offset < start + size:
            local = offset - start
            if kind == "text":
                marker.tail, node.text = node.text[local:], node.text[:local]
                node.insert(0, marker)
            elif kind == "tail":
                marker.tail, node.tail = node.tail[local:], node.tail[:local]
                node.addnext(marker)
            elif local:
                node.addnext(marker)  # inside a run of spaces: after it
            else:
                node.addprevious(marker)
            return
        start += size
    paragraph.append(marker)


def _anchor(paragraph, note: Note, name: str, date: str) -> None:
    length = sum(size for _, _, size in _pieces(paragraph))
    end = length if note.end is None else min(max(note.end, note.start), length)
    start = min(note.start, end)
    annotation = etree.Element(f"{{{OFFICE}}}annotation", nsmap={"office": OFFICE, "dc": DC, "text": TEXT})
    etree.SubElement(annotation, f"{{{DC}}}creator").text = AUTHOR
    etree.SubElement(annotation, f"{{{DC}}}date").text = date
    for line in note.lines:
        etree.SubElement(annotation, f"{{{TEXT}}}p").text = xml_safe(line)
    if end > start:
        annotation.set(f"{{{OFFICE}}}name", name)
        _place(paragraph, end, etree.Element(f"{{{OFFICE}}}annotation-end", {f"{{{OFFICE}}}name": name}))
    _place(paragraph, start, annotation)
