"""Template fill-ins ([X], {{name}}, <<date>>, ____, TBD, XX): their shapes, the same in every
language, and where they stand in a text. The placeholder check reports them; through
`DocumentFacts`, the checks that look for a statement (title, required section, review
cycle) leave out sentences that hold them, and the acronym check capitals inside them."""

from __future__ import annotations

import re
from bisect import bisect_right

PLACEHOLDER_SHAPES = re.compile(
    r"\[(?!\^)[^\[\]\n]{1,80}\]"  # [X], [Company Name], [insert date] (not [^1] footnotes)
    r"|\{\{[^{}\n]{0,80}\}\}"  # {{name}}
    r"|\{[A-Za-z_][A-Za-z0-9_.]{0,40}\}"  # {company_name}
    r"|<<[^<>\n]{1,80}>>"  # <<date>>
    r"|(?<![\w_])_{3,}(?![\w_])"  # ____ blanks to fill in
    r"|(?<![\w&])(?:TBD|TBC|TBA|XX+|ΧΧ+)(?![\w&])"  # TBD, XX (Latin or Greek capitals)
    r"|(?<![\w.])X(?=\s+[^\W\d_A-Z][^\W\d_]*)"  # X hours
)


def find(text: str) -> list[re.Match]:
    """The template fill-ins of a text, in order."""
    return list(PLACEHOLDER_SHAPES.finditer(text)) if _may_hold_placeholder(text) else []


def _may_hold_placeholder(text: str) -> bool:
    """Whether the text holds what every placeholder shape needs (a bracket, "<<", "___",
    "TB", a Latin X or "ΧΧ"): most blocks hold none, and looking for these is much faster
    than running the pattern over them."""
    return "[" in text or "{" in text or "<<" in text or "___" in text or "TB" in text or "X" in text or "ΧΧ" in text


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether text[start:end] overlaps one of the spans (ordered, not overlapping each other,
    as `find` gives them): a binary search, so a block of many fill-ins and many sentences
    costs no more than its length times a logarithm."""
    if not spans:
        return False
    first_ending_after = bisect_right(spans, start, key=lambda span: span[1])
    return first_ending_after < len(spans) and spans[first_ending_after][0] < end
