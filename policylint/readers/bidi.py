"""A PDF line's characters, read left to right as printed, put back in the order they are written.

PDF text is placed glyph by glyph; producers emit right-to-left script in visual order, as
laid out, so an Arabic sentence comes out backwards. This undoes the Unicode bidirectional
algorithm for one line: a line whose strong letters are mostly right-to-left is reversed, and
the left-to-right runs inside it (Latin words, numbers) are turned back; a left-to-right line
has only its right-to-left runs reversed. Glyphs for Arabic presentation forms (initial,
medial, final, ligatures such as lam-alef) become the letters they stand for. Brackets are
not mirrored back: producers map a mirrored glyph to the character that was typed.
"""

from __future__ import annotations

import unicodedata

_RTL = {"R", "AL"}
_LTR_LIKE = {"L", "EN", "AN"}  # kept left to right inside a right-to-left line


def _direction(cluster: str) -> str:
    return unicodedata.bidirectional(cluster[0]) if cluster else ""


def logical_order(clusters: list[str]) -> str:
    """Join visual-order clusters (a base character and its marks) in logical order."""
    strong_rtl = sum(1 for c in clusters if _direction(c) in _RTL)
    if not strong_rtl:
        return _forms("".join(clusters))
    strong_ltr = sum(1 for c in clusters if _direction(c) == "L")
    if strong_rtl >= strong_ltr:
        ordered = _reverse_runs(clusters[::-1], _LTR_LIKE)
    else:
        ordered = _reverse_runs(clusters, _RTL)
    return _forms("".join(ordered))


def _runs(clusters: list[str], kinds: set[str]) -> list[tuple[int, int]]:
    """Spans [start, end) that begin and end with a cluster of `kinds`, neutrals between."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    last = 0  # set with start
    for index, cluster in enumerate(clusters):
        direction = _direction(cluster)
        if direction in kinds:
            if start is None:
                start = index
            last = index
        elif direction in ("L", "R", "AL") and start is not None:  # an opposite strong letter
            spans.append((start, last + 1))
            start = None
    if start is not None:
        spans.append((start, last + 1))
    return spans


def _reverse_runs(clusters: list[str], kinds: set[str]) -> list[str]:
    result = list(clusters)
    for start, end in _runs(clusters, kinds):
        result[start:end] = result[start:end][::-1]
    return result


def _forms(text: str) -> str:
    """Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFF) to the letters they stand for."""
    if not any("\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff" for c in text):
        return text
    return "".join(
        unicodedata.normalize("NFKC", c) if "\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff" else c
        for c in text
    )
