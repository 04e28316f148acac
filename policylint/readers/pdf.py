"""PDF through pdfminer.six: the text layer, page by page, with headings recovered from layout.

pdfminer groups glyphs into lines and lines into text boxes; boxes are read top to bottom on
each page (one column, as policies are set). Each line is rebuilt from its glyphs left to
right and put back in logical order (`bidi.py`), so Arabic reads as it was written.

Positions: page, then the line on that page (1-based, counting the text lines read on the
page), then the character in that line.

Blocks: a line in a larger font than the body text is a heading (the largest size is level 1);
so is a short bold line that opens a text box, and a line that the plain-text reader would
take for one (numbered like "2. Scope", in capitals, or a short title-like line standing alone
in its box) when no line is larger than the body text. Boxes side by side (table cells) are not
taken for headings by their shortness. A line starting with a bullet opens
a list item. Other lines continue the block above them while they stay in its text box, or
carry a sentence over a page break (a line ending in a comma does). A line opening with a
bullet symbol is a list item unless its size makes it a heading.
"""

from __future__ import annotations

import io
import logging
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from policylint.messages import Text
from policylint.model import Block, Document
from policylint.readers import pdf_limits
from policylint.readers.bidi import logical_order
from policylint.readers.decode import InputError, damaged
from policylint.readers.plaintext import BULLET, SENTENCE_END, heading_level, title_like
from policylint.readers.positions import block_from_lines
from policylint.readers.sniff import expect

HEADING_SIZE_RATIO = 1.12  # a line this much larger than the body text is a heading
SPACE_GAP = 0.2  # a gap this fraction of the font size between glyphs is a space

# pdfminer logs damaged structures as warnings; with no handler configured, Python would print
# them to standard error, where they would break the one-line-per-file promise
logging.getLogger("pdfminer").addHandler(logging.NullHandler())
logging.getLogger("pdfminer").propagate = False


@dataclass
class Line:
    text: str
    page: int
    number: int  # 1-based, on its page
    box: int  # text boxes are numbered through the document
    first_in_box: bool
    last_in_box: bool
    beside: bool  # another text box shares its height on the page: a table cell, a column
    size: float
    bold: bool


def read(data: bytes, path: str) -> Document:
    expect(data, "pdf")
    lines, pages, pages_without_text = _lines(data)
    notices = []
    if lines and pages_without_text:
        shown = ", ".join(str(p) for p in pages_without_text[:10]) + (", ..." if len(pages_without_text) > 10 else "")
        notices.append(Text("pdf_pages_without_text", count=len(pages_without_text), pages=shown, total=pages))
    return Document(path=path, format="pdf", blocks=_blocks(lines), notices=notices, position_kind="page")


def _pages(data: bytes) -> Iterator:
    """pdfminer's layout of each page (what its extract_pages gives), read within the limits
    of `pdf_limits`."""
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    document = pdf_limits.document_class()(PDFParser(io.BytesIO(data)))
    resources = PDFResourceManager(caching=True)
    # boxes_flow=None: boxes in plain top-to-bottom order, which keeps right-aligned
    # (Arabic) paragraphs where they stand
    device = pdf_limits.aggregator_class()(resources, laparams=LAParams(boxes_flow=None))
    interpreter = pdf_limits.interpreter_class()(resources, device)
    for page in PDFPage.create_pages(document):
        interpreter.process_page(page)
        yield device.get_result()


def _lines(data: bytes) -> tuple[list[Line], int, list[int]]:
    with pdf_limits.read_limits():
        return _read_lines(data)


def _read_lines(data: bytes) -> tuple[list[Line], int, list[int]]:
    from pdfminer.layout import LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    lines: list[Line] = []
    without_text: list[int] = []
    box_number = 0
    page_number = 0
    try:
        for page_number, page in enumerate(_pages(data), 1):
            on_page = 0
            boxes = [box for box in page if isinstance(box, LTTextContainer)]
            for box, beside in zip(boxes, _side_by_side(boxes)):
                box_lines = [line for line in box if hasattr(line, "__iter__")]
                built = [b for b in (_line(line) for line in box_lines) if b is not None]
                box_number += 1
                for index, (text, size, bold) in enumerate(built):
                    on_page += 1
                    lines.append(Line(text, page_number, on_page, box_number, index == 0,
                                      index == len(built) - 1, beside, size, bold))
            if not on_page:
                without_text.append(page_number)
    except PDFPasswordIncorrect:
        raise InputError("pdf_password") from None
    except PDFEncryptionError as error:
        raise InputError("pdf_encrypted", reason=str(error)) from None
    except InputError:
        raise
    except Exception as error:  # pdfminer raises many kinds on damaged files
        raise damaged("pdf", error) from None
    if not page_number:
        raise InputError("pdf_no_pages")
    return lines, page_number, without_text


def _side_by_side(boxes: list) -> list[bool]:
    """For each box, whether another box shares some of its height (other.y0 < box.y1 and
    box.y0 < other.y1). Sorted by y0, the boxes that start below a box's top are a prefix;
    the two highest tops in each prefix say whether one besides the box itself reaches above
    its bottom: n log n, where comparing every pair made a page of many boxes quadratic."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i].y0)
    starts = [boxes[i].y0 for i in order]
    best: list[tuple[tuple[float, int], tuple[float, int]]] = []  # per prefix: two highest (y1, box)
    first = second = (float("-inf"), -1)
    for i in order:
        candidate = (boxes[i].y1, i)
        if candidate > first:
            first, second = candidate, first
        elif candidate > second:
            second = candidate
        best.append((first, second))
    beside = []
    for index, box in enumerate(boxes):
        below_top = bisect_left(starts, box.y1)  # boxes with y0 < box.y1
        if not below_top:
            beside.append(False)
            continue
        first, second = best[below_top - 1]
        top = second if first[1] == index else first
        beside.append(top[1] >= 0 and top[0] > box.y0)
    return beside


def _line(line) -> tuple[str, float, bool] | None:
    """One layout line: its text in logical order, its usual font size, whether all of it is bold."""
    from pdfminer.layout import LTChar

    glyphs = [c for c in line if isinstance(c, LTChar) and c.get_text()]
    bases = sorted((g for g in glyphs if not _is_mark(g.get_text())), key=lambda g: g.x0)
    if not bases:
        return None
    clusters = [g.get_text() for g in bases]
    for mark in (g for g in glyphs if _is_mark(g.get_text())):
        centre = (mark.x0 + mark.x1) / 2  # a mark belongs to the letter it is drawn over
        letters = [i for i, b in enumerate(bases) if not b.get_text().isspace()] or range(len(bases))
        nearest = min(letters, key=lambda i: abs((bases[i].x0 + bases[i].x1) / 2 - centre))
        clusters[nearest] += mark.get_text()
    spaced: list[str] = []
    for index, (glyph, cluster) in enumerate(zip(bases, clusters)):
        if index:
            previous = bases[index - 1]
            gap = glyph.x0 - previous.x1
            if gap > SPACE_GAP * glyph.size and not cluster.isspace() and not spaced[-1].isspace():
                spaced.append(" ")
        spaced.append(cluster)
    text = " ".join(logical_order(spaced).split())
    if not any(c.isalnum() for c in text):
        return None
    size = Counter(round(g.size * 2) / 2 for g in bases).most_common(1)[0][0]
    bold = all("bold" in g.fontname.lower() or "black" in g.fontname.lower() for g in bases if not g.get_text().isspace())
    return text, size, bold


def _is_mark(text: str) -> bool:
    import unicodedata

    return all(unicodedata.category(c) in ("Mn", "Me") for c in text)


def _blocks(lines: list[Line]) -> list[Block]:
    if not lines:
        return []
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    body = sizes.most_common(1)[0][0]
    heading_sizes = sorted({ln.size for ln in lines if ln.size >= body * HEADING_SIZE_RATIO}, reverse=True)
    blocks: list[Block] = []
    current: list[tuple[str, int, int, int]] = []  # (text, line, column, page) pieces
    kind, level, last = "paragraph", 0, None

    def flush():
        nonlocal current
        if current:
            blocks.append(block_from_lines(kind, current, level))
        current = []

    for line in lines:
        ends_sentence = last is None or SENTENCE_END.search(last.text) is not None
        starts_group = ends_sentence or line.first_in_box or kind == "heading"
        bullet = BULLET.match(line.text)
        line_level = _heading_level(line, body, heading_sizes, starts_group)
        if line_level and bullet and _is_symbol(bullet.group()) and line.size not in heading_sizes:
            line_level = 0  # "• Email: ..." alone in its box is a list item, however short
        bullet = bullet if not line_level else None
        if line_level:
            joins = kind == "heading" and level == line_level and last is not None and last.box == line.box
            if not joins:
                flush()
            kind, level = "heading", line_level
            current.append((line.text, line.number, 1, line.page))
        elif bullet:
            flush()
            kind, level = "list_item", 0
            current.append((line.text[bullet.end():], line.number, bullet.end() + 1, line.page))
        else:
            same_box = last is not None and last.box == line.box
            # a line ending in a comma still carries its sentence over the page break
            over_page = last is not None and last.page != line.page and (not ends_sentence or last.text.endswith(","))
            if kind == "heading" or not (same_box or over_page):
                flush()
                kind, level = "paragraph", 0
            current.append((line.text, line.number, 1, line.page))
        last = line
    flush()
    return blocks


def _is_symbol(bullet: str) -> bool:
    """A bullet drawn as a symbol ("•", "-"), not a number or letter ("2.", "b)")."""
    return not bullet.lstrip("(")[0].isalnum()


def _heading_level(line: Line, body: float, heading_sizes: list[float], starts_group: bool) -> int:
    if line.size in heading_sizes:
        return min(heading_sizes.index(line.size) + 1, 6)
    if line.bold and line.first_in_box and not line.beside and title_like(line.text):
        return min(len(heading_sizes) + 1, 6)
    if heading_sizes:
        # the document sets its headings apart by size: a line in body type is not one, however
        # short ("Harbourside Ltd  Effective date: 2 February 2026" under the title)
        return 0
    alone = line.first_in_box and line.last_in_box and not line.beside
    return heading_level(line.text, alone, line.first_in_box, starts_group) or 0

