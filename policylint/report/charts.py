"""Horizontal bar charts as inline SVG: no script, no font, nothing fetched; they print as drawn."""

from __future__ import annotations

from html import escape

ROW_HEIGHT = 24
BAR_HEIGHT = 16
LABEL_WIDTH = 220  # room for the row labels (about 30 characters), right-aligned against the bars
VALUE_WIDTH = 44  # room for the number after the longest bar
LABEL_CHARACTERS = 30  # longer labels are cut, the full text stays in the row's tooltip


def bar_chart(title: str, rows: list[tuple[str, int, str]], width: int = 460) -> str:
    """One bar per (label, value, colour) row, scaled to the largest value."""
    bar_area = width - LABEL_WIDTH - VALUE_WIDTH
    largest = max((value for _, value, _ in rows), default=0) or 1
    height = ROW_HEIGHT * max(len(rows), 1) + 8
    # direction="ltr": right-aligned labels stay against the bars on a right-to-left page too
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" direction="ltr" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, value, colour) in enumerate(rows):
        top = 4 + index * ROW_HEIGHT
        middle = top + ROW_HEIGHT / 2
        length = round(bar_area * value / largest, 1)
        shown = label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"
        parts.append(
            f'<g class="bar"><title>{escape(label)}: {value}</title>'
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" dominant-baseline="central" '
            f'font-size="12" fill="#333">{escape(shown)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{top + (ROW_HEIGHT - BAR_HEIGHT) / 2}" width="{length}" '
            f'height="{BAR_HEIGHT}" rx="2" fill="{colour}"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{middle}" dominant-baseline="central" font-size="12" '
            f'fill="#333">{value}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
