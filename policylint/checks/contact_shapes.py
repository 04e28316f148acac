"""Contact details by their shape (e-mail address, web address, telephone number), which looks
the same in every language: a required-section rule may accept one as its statement."""

from __future__ import annotations

import re

CONTACT_SHAPES = {
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "url": re.compile(r"\b(?:https?://|www\.)[^\s<>()]+", re.IGNORECASE),
    # a telephone number: 9 to 15 digits in groups, optionally after + or in brackets
    "phone": re.compile(r"(?<![\w/.-])(?:\+|00)?\(?\d[\d\u00a0 ().-]{6,20}\d(?![\w/-])"),
}


def has_contact_shape(analysis, shapes) -> bool:
    """Whether any block holds one of the shapes (email, url, phone), looked for in the order
    given until one is found; each at most once per document."""
    found = analysis.memo.setdefault("contact_shapes", {})
    for name in shapes:
        if name not in found:
            found[name] = _holds(_document_text(analysis), name)
        if found[name]:
            return True
    return False


def _document_text(analysis) -> str:
    """Every block's text, one after the other on lines of their own; joined once."""
    if "text" not in analysis.memo:
        analysis.memo["text"] = "\n".join(block.text for block in analysis.document.blocks)
    return analysis.memo["text"]


def _holds(text: str, name: str) -> bool:
    if name in _MARKS and not any(mark in text.lower() for mark in _MARKS[name]):
        return False  # no "@", no "www."/"http": the pattern cannot match, so do not scan
    if name == "email":  # look around each "@" only: scanning every word for one is slow
        at = text.find("@")
        while at != -1:
            if CONTACT_SHAPES[name].search(text, max(at - 64, 0), at + 256):
                return True
            at = text.find("@", at + 1)
        return False
    for match in CONTACT_SHAPES[name].finditer(text):
        if name != "phone":
            return True
        digits = sum(c.isdigit() for c in match.group())
        if 9 <= digits <= 15 and not _DATE_LIKE.fullmatch(match.group().strip()):
            return True
    return False


_MARKS = {"email": ("@",), "url": ("www.", "http")}  # what each shape cannot do without
_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
