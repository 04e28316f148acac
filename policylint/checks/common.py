"""Small helpers that more than one check kind needs."""

from __future__ import annotations

import re

from policylint.model import Block, Sentence

# Template fill-ins: the same shapes in every language ([X], {{name}}, <<date>>, ____, TBD, XX).
PLACEHOLDER_SHAPES = re.compile(
    r"\[(?!\^)[^\[\]\n]{1,80}\]"  # [X], [Company Name], [insert date] (not [^1] footnotes)
    r"|\{\{[^{}\n]{0,80}\}\}"  # {{name}}
    r"|\{[A-Za-z_][A-Za-z0-9_.]{0,40}\}"  # {company_name}
    r"|<<[^<>\n]{1,80}>>"  # <<date>>
    r"|(?<![\w_])_{3,}(?![\w_])"  # ____ blanks to fill in
    r"|(?<![\w&])(?:TBD|TBC|TBA|XX+|ΧΧ+)(?![\w&])"  # TBD, XX (Latin or Greek capitals)
    r"|(?<![\w.])X(?=\s+[^\W\d_A-Z][^\W\d_]*)"  # X hours
)


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in PLACEHOLDER_SHAPES.finditer(text)]


SENTENCE_ENDS = (".", ";", "!", "?", "؟", "…")


def is_heading_like(block: Block) -> bool:
    """A heading, or a short line that stands as one (a bold line, a label, a table header)."""
    if block.is_heading:
        return True
    text = block.text.strip()
    return block.kind != "list_item" and len(text.split()) <= 8 and not text.endswith(SENTENCE_ENDS)


def span_text(context, sentence: Sentence, start: int, end: int) -> str:
    """The document's own words for tokens start..end of a sentence."""
    block = context.document.blocks[sentence.block]
    return block.text[sentence.tokens[start].start:sentence.tokens[end - 1].end]


def report_tokens(context, sentence: Sentence, start: int, end: int, message: str, language):
    tokens = sentence.tokens
    return context.finding(sentence.block, tokens[start].start, tokens[end - 1].end, message, language)
