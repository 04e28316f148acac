"""Plain text, where headings are not marked up and have to be recognised.

A line is a heading when it is numbered like one ("1. Scope", "2.3 Complaints"), written in
capitals ("COMPLAINTS PROCEDURE"), or a short title-like line standing alone between blank
lines. A label line ("Scope: This policy applies to ...") becomes a heading for the label and a
paragraph for the rest. Lines that start with a bullet or "1)" are list items.
"""

from __future__ import annotations

import re

from policylint.findings.suppression import is_directive
from policylint.model import Directive, Document
from policylint.readers.positions import block_from_lines

BULLET = re.compile(r"^(?:[-*•·–—▪◦‣]|\(?\d{1,3}[.)]|\(?[a-zA-Z][)])\s+")
# "1 Scope", "2.3. Complaints", "IV. Review", "b) Training": letters and numerals need their "." or ")"
_NUMBERED = re.compile(
    r"^(?P<number>\d{1,3}(?:\.\d{1,3})*[.)]?|(?:[IVX]{1,5}|[ivx]{1,5}|[A-Za-z])[.)])\s+(?P<title>\S.*)$"
)
_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:：\n]{0,48}?)\s*[:：]\s+(?P<rest>\S.*)$")
_HASH_HEADING = re.compile(r"^(#{1,6})\s+(\S.*?)\s*#*$")
_UNDERLINE = re.compile(r"^(?:={3,}|-{3,}|_{3,}|\*{3,}|~{3,})$")
SENTENCE_END = re.compile(r"[.!?;,؟؛…]$")
MAX_HEADING_WORDS = 10
MAX_LABEL_WORDS = 5


def read(text: str, path: str) -> Document:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # each line stripped once; the "" after the last line also stands for the line before the
    # first (index -1), so both neighbours of every line can be looked up
    stripped_lines = [line.strip() for line in lines] + [""]
    blocks = []
    current: list[tuple[str, int, int]] = []
    current_kind = "paragraph"
    directives: list[Directive] = []

    def flush():
        nonlocal current, current_kind
        if current:  # each blank line flushes, most often with nothing gathered
            block = block_from_lines(current_kind, current)
            if block is not None:
                blocks.append(block)
        current, current_kind = [], "paragraph"

    for index, raw in enumerate(lines):
        number = index + 1
        stripped = stripped_lines[index]
        column = len(raw) - len(raw.lstrip()) + 1
        if not stripped:
            flush()
            continue
        if is_directive(stripped):  # plain text has no comments: the directive stands on its own line
            directives.append(Directive(number, column, number, stripped))
            continue
        if _UNDERLINE.match(stripped):
            # "Title" over "=====" is a heading; a rule line on its own is decoration
            if len(current) == 1 and current_kind == "paragraph" and not SENTENCE_END.search(current[0][0]):
                blocks.append(block_from_lines("heading", current, 1 if stripped[0] == "=" else 2))
                current = []
            flush()
            continue
        hashed = _HASH_HEADING.match(stripped)
        if hashed:
            flush()
            start = column + hashed.start(2)
            blocks.append(block_from_lines("heading", [(hashed.group(2), number, start)], len(hashed.group(1))))
            continue
        starts_group = not current or SENTENCE_END.search(current[-1][0]) is not None
        after_blank = not stripped_lines[index - 1]
        following = stripped_lines[index + 1]
        alone = after_blank and not following
        next_is_item = BULLET.match(following) is not None
        heading = heading_level(stripped, alone, after_blank and not next_is_item, starts_group)
        if heading is not None:
            flush()
            blocks.append(block_from_lines("heading", [(stripped, number, column)], heading))
            continue
        bullet = BULLET.match(stripped)
        if bullet:
            flush()
            current_kind = "list_item"
            current.append((stripped[bullet.end():], number, column + bullet.end()))
            continue
        label = _LABEL.match(stripped) if not current or starts_group else None
        if label and _is_label(label.group("label")):
            flush()
            label_text = label.group("label")
            blocks.append(block_from_lines("heading", [(label_text, number, column)], 3))
            rest_column = column + label.start("rest")
            current.append((label.group("rest"), number, rest_column))
            continue
        if current and current_kind == "list_item" and not raw[:1].isspace() and starts_group:
            flush()
        current.append((stripped, number, column))
    flush()
    return Document(path=path, format="text", blocks=blocks, directives=directives)


def _words(text: str) -> int:
    return len(text.split())


def title_like(text: str) -> bool:
    return (
        _words(text) <= MAX_HEADING_WORDS
        and not SENTENCE_END.search(text)
        and not text.endswith(":")
        and any(c.isalpha() for c in text)
    )


def heading_level(line: str, alone: bool, opens_section: bool, starts_group: bool) -> int | None:
    """The heading level of a line, or None when it is not a heading.

    A numbered line opens a section when it follows a blank line and is not followed by
    another item, so "1. Log the complaint" in a list of steps stays a list item.
    """
    if not starts_group:
        return None
    numbered = _NUMBERED.match(line)
    if numbered and title_like(numbered.group("title")) and opens_section:
        depth = numbered.group("number").rstrip(".)").count(".") + 1
        return min(depth + 1, 6)
    if _in_capitals(line) and _words(line) <= MAX_HEADING_WORDS * 2 and not line.endswith((".", ",", ";")):
        return 1
    label = _LABEL.match(line)
    if alone and title_like(line) and not (label and _is_label(label.group("label"))) \
            and (line[0].isupper() or not line[0].islower()):
        return 2
    return None


def _in_capitals(line: str) -> bool:
    """At least three letters, an upper-case one among them and no lower-case one."""
    letters = 0
    upper = False
    for c in line:
        if c.isalpha():
            if c.islower():
                return False  # most lines are not in capitals: stop at their first small letter
            letters += 1
            upper = upper or c.isupper()
    return letters >= 3 and upper


def _is_label(label: str) -> bool:
    return _words(label) <= MAX_LABEL_WORDS and not any(c.isdigit() for c in label)
