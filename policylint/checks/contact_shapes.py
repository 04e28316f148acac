"""Contact details by their shape (e-mail address, web address, telephone number), which looks
the same in every language: a required-section rule may accept one as its statement."""

from __future__ import annotations

import re
from collections.abc import Iterator

CONTACT_SHAPES = {
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "url": re.compile(r"\b(?:https?://|www\.)[^\s<>()]+", re.IGNORECASE),
    # a telephone number: 8 to 15 digits in groups, optionally after + or in brackets (8: the
    # national numbers of Cyprus, Bahrain, Qatar, Kuwait, Oman, Denmark, Norway)
    "phone": re.compile(r"(?<![\w/.-])(?:\+|00)?\(?\d[\d\u00a0 ().-]{6,20}\d(?![\w/-])"),
}


def holds(text: str, name: str) -> bool:
    """Whether the text holds the shape named (a key of CONTACT_SHAPES)."""
    return next(spans(text, name), None) is not None


def spans(text: str, name: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each contact detail of the shape named in the text, in order."""
    if name in _MARKS and not any(mark in text.lower() for mark in _MARKS[name]):
        return  # no "@", no "www."/"http": the pattern cannot match, so do not scan
    if name == "email":  # look around each "@" only: scanning every word for one is slow
        at, end = text.find("@"), 0
        while at != -1:
            match = CONTACT_SHAPES[name].search(text, max(at - 64, end), at + 256)
            if match and match.start() <= at < match.end():
                yield match.span()
                end = match.end()
            at = text.find("@", max(at + 1, end))
        return
    for match in CONTACT_SHAPES[name].finditer(text):
        if name != "phone":
            yield match.span()
            continue
        digits = sum(c.isdigit() for c in match.group())
        if PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1] and not _DATE_LIKE.fullmatch(match.group().strip()):
            yield match.span()


PHONE_DIGITS = (8, 15)
_MARKS = {"email": ("@",), "url": ("www.", "http")}  # what each shape cannot do without
_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
