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


def holds(text: str, name: str) -> bool:
    """Whether the text holds the shape named (a key of CONTACT_SHAPES)."""
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
