"""Small helpers that more than one check kind needs."""

from __future__ import annotations

from policylint.model import Block, Sentence

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
