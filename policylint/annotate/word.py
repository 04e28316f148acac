"""Review comments written into a copy of a Word (.docx) package.

Only the main document part, the comments part and the two entries that declare it (the
document's relationships and [Content_Types].xml) change; every other part is copied as it is.
Paragraphs are found with the Word reader's own walk (`readers/docx.py`), so a finding's
paragraph number and columns land on the characters the reader read. A comment's start and
end split the runs they fall in (the new run keeps the old one's properties), a
commentRangeStart and commentRangeEnd mark the range, and a run holding the commentReference
follows the end, as Word writes them. Existing comments keep their ids; new ones follow.
Word cannot anchor comments in page headers and footers, so a finding there is noted on the
first paragraph, saying where it is.
"""

from __future__ import annotations

import copy
import posixpath
from collections.abc import Iterator

from lxml import etree

from policylint.annotate.notes import Note, moved_to_top
from policylint.annotate.package import read_part, rewrite
from policylint.annotate.xml_text import xml_safe
from policylint.messages import Messages, TextError
from policylint.readers.docx import _CHARACTERS, W, _inline, _walk
from policylint.text.languages import is_right_to_left

AUTHOR = "policylint"
INITIALS = "PL"
W_NAMESPACE = W[1:-1]
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
PACKAGE_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


def annotate(data: bytes, notes: list[Note], words: Messages, date: str) -> bytes:
    """The package with one comment per note, dated `date` (ISO 8601)."""
    document_name = _main_part(data)
    rels_name = posixpath.join(posixpath.dirname(document_name), "_rels", posixpath.basename(document_name) + ".rels")
    document = etree.fromstring(_required(data, document_name))
    rels_data = read_part(data, rels_name)
    rels = etree.fromstring(rels_data) if rels_data else etree.Element(f"{{{RELATIONSHIPS}}}Relationships",
                                                                       nsmap={None: RELATIONSHIPS})
    comments_name, new_relation = _comments_name(rels, document_name)
    comments_data = read_part(data, comments_name)
    comments = etree.fromstring(comments_data) if comments_data else etree.Element(W + "comments",
                                                                                 nsmap={"w": W_NAMESPACE})
    paragraphs = [paragraph for paragraph, _ in _walk(document.find(W + "body"))]
    number = _first_free_id(document, comments)
    for note in notes:
        if not 1 <= note.paragraph <= len(paragraphs):
            note = moved_to_top(note, words)
        if paragraphs:
            _anchor(paragraphs[note.paragraph - 1], note, number)
            comments.append(_comment(note, number, words.language, date))
            number += 1
    parts = {document_name: _xml(document), comments_name: _xml(comments)}
    if new_relation:
        parts[rels_name] = _xml(rels)
    types = etree.fromstring(_required(data, "[Content_Types].xml"))
    if _declare(types, "/" + comments_name):
        parts["[Content_Types].xml"] = _xml(types)
    return rewrite(data, parts)


def _required(data: bytes, name: str) -> bytes:
    part = read_part(data, name)
    if part is None:
        raise TextError("annotate_package_lacks", part=name)
    return part


def _main_part(data: bytes) -> str:
    rels = etree.fromstring(_required(data, "_rels/.rels"))
    for relation in rels.iter(f"{{{RELATIONSHIPS}}}Relationship"):
        if relation.get("Type") == OFFICE_DOCUMENT:
            return relation.get("Target", "").lstrip("/")
    raise TextError("annotate_no_main_document")


def _comments_name(rels, document_name: str) -> tuple[str, bool]:
    """The comments part's name, and whether its relationship had to be added."""
    folder = posixpath.dirname(document_name)
    for relation in rels.iter(f"{{{RELATIONSHIPS}}}Relationship"):
        if relation.get("Type") == COMMENTS_TYPE:
            target = relation.get("Target", "")
            return (target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))), False
    taken = {relation.get("Id") for relation in rels}
    identity = next(f"rIdPolicylint{n}" for n in range(1, len(taken) + 2) if f"rIdPolicylint{n}" not in taken)
    etree.SubElement(rels, f"{{{RELATIONSHIPS}}}Relationship", Id=identity, Type=COMMENTS_TYPE,
                     Target="comments.xml")
    return posixpath.join(folder, "comments.xml"), True


def _declare(types, part_name: str) -> bool:
    """Declare the comments part's content type unless it is; whether anything changed."""
    if any(o.get("PartName") == part_name for o in types.iter(f"{{{PACKAGE_TYPES}}}Override")):
        return False
    etree.SubElement(types, f"{{{PACKAGE_TYPES}}}Override", PartName=part_name, ContentType=COMMENTS_CONTENT)
    return True


def _first_free_id(document, comments) -> int:
    used = [int(value) for root in (document, comments) for element in root.iter()
            if isinstance(element.tag, str) and element.tag.startswith(W + "comment")
            and (value := element.get(W + "id", "")).lstrip("-").isdigit()]
    return max(used, default=-1) + 1


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _comment(note: Note, number: int, language: str, date: str):
    comment = etree.Element(W + "comment", {W + "id": str(number), W + "author": AUTHOR,
                                            W + "initials": INITIALS, W + "date": date})
    right_to_left = is_right_to_left(language)
    for line in note.lines:
        paragraph = etree.SubElement(comment, W + "p")
        if right_to_left:
            etree.SubElement(etree.SubElement(paragraph, W + "pPr"), W + "bidi")
        run = etree.SubElement(paragraph, W + "r")
        if right_to_left:
            etree.SubElement(etree.SubElement(run, W + "rPr"), W + "rtl")
        text = etree.SubElement(run, W + "t")
        text.text = xml_safe(line)
        text.set(XML_SPACE, "preserve")
    return comment


# ---- anchoring in the paragraph ---------------------------------------------------------------

def _anchor(paragraph, note: Note, number: int) -> None:
    """commentRangeStart before the note's first character, commentRangeEnd after its last,
    then the run that carries the commentReference."""
    length = sum(size for _, _, size in _pieces(paragraph))
    end = length if note.end is None else min(max(note.end, note.start), length)
    start = min(note.start, end)
    identity = {W + "id": str(number)}
    _place(paragraph, start, etree.Element(W + "commentRangeStart", identity))
    end_marker = etree.Element(W + "commentRangeEnd", identity)
    _place(paragraph, end, end_marker)
    reference = etree.Element(W + "r")
    etree.SubElement(reference, W + "commentReference", identity)
    top = end_marker
    while top.getparent() is not paragraph:
        top = top.getparent()
    top.addnext(reference)


def _pieces(paragraph) -> Iterator[tuple]:
    """(element, offset, length) of each piece of the paragraph's text, as the reader reads it."""
    offset = 0
    for element in _inline(paragraph):
        if element.tag == W + "t":
            size = len(element.text or "")
        elif element.tag in _CHARACTERS:
            size = 1
        else:
            continue
        yield element, offset, size
        offset += size


def _place(paragraph, offset: int, marker) -> None:
    """Put `marker` just before the character at `offset` (at the end for the text's length)."""
    last = None
    for element, start, size in _pieces(paragraph):
        if start <= offset < start + size:
            _split(element, offset - start).addprevious(marker)
            return
        last = element
    if last is None:
        paragraph.append(marker)
    else:
        run = last.getparent()
        (run if run.tag == W + "r" else last).addnext(marker)


def _split(element, offset: int):
    """The run (or element) that starts at the `offset`th character of `element`, splitting
    its w:t and its run there when needed."""
    run = element.getparent()
    if run is None or run.tag != W + "r":
        return element
    if offset:
        text = element.text or ""
        rest = copy.copy(element)
        element.text, rest.text = text[:offset], text[offset:]
        for piece in (element, rest):
            piece.set(XML_SPACE, "preserve")
        element.addnext(rest)
        element = rest
    content = [child for child in run if child.tag != W + "rPr"]
    index = content.index(element)
    if index == 0:
        return run
    second = etree.Element(run.tag, dict(run.attrib))
    properties = run.find(W + "rPr")
    if properties is not None:
        second.append(copy.deepcopy(properties))
    for child in content[index:]:
        second.append(child)  # moves it
    run.addnext(second)
    return second
