"""Sentences so long that they hurt clarity, by a word limit set per language.

Words are counted without punctuation. Languages differ in how many words say the same thing
(French and Spanish use more small words, Arabic joins them to the next word), so the rule
sets one limit per language. Headings and table cells are not sentences. A "sentence" that
runs over line breaks is often a list flattened into one paragraph (text copied out of a PDF
or a word processor), and each line is counted on its own where the list shows: a line that
ends with no punctuation before a capital, a line that ends with a colon (the list's lead-in)
or a semicolon (items of a list separated by ";"), or a line that starts with a bullet glyph
the reader did not recognise (Word's Symbol-font bullets come out as private-use characters).
"""

from __future__ import annotations

import unicodedata

from policylint.checks.kind import CheckKind
from policylint.checks.tokens import words

_CONTINUES = (",", ";", ":", "-", "–", "—", "(", "،", "؛")
_ITEM_ENDS = (":", ";", "؛")
_BULLETS = frozenset("-*•·–—▪◦‣○●■□►▸➢➤✓✔")


def check(context):
    limits = context.option("max_words")
    blocks = context.document.blocks
    for sentence, language in body_sentences(context):
        block = blocks[sentence.block]
        limit = limits.get(language)
        if not limit or block.kind == "table_cell" or len(sentence.tokens) <= limit or len(words(sentence.tokens)) <= limit:
            continue  # a sentence within the limit has no run beyond it
        for run in _runs(block, sentence.tokens):
            count = len(words(run))
            if count > limit:
                message = context.message({"count": count, "max": limit})
                yield context.finding(sentence.block, run[0].start, run[-1].end, message, language)


def body_sentences(context):
    """(sentence, its block's language) for every sentence outside headings."""
    blocks = context.document.blocks
    for sentence in context.analysis.sentences:
        block = blocks[sentence.block]
        if not block.is_heading:
            yield sentence, block.language


def _runs(block, tokens):
    """The sentence's tokens, split at the line breaks where a flattened list shows."""
    if len(block.segments) == 1:  # the block stands on one line
        yield list(tokens)
        return
    lines = [block.position(token.start)[0] for token in tokens]
    run = [tokens[0]]
    for index in range(1, len(tokens)):
        previous, token = tokens[index - 1], tokens[index]
        if lines[index] != lines[index - 1] and _starts_item(previous, token):
            yield run
            run = []
        run.append(token)
    yield run


def _starts_item(previous, token) -> bool:
    """Whether a token at the start of a source line opens a new item of a flattened list."""
    if previous.text in _ITEM_ENDS or _is_bullet(token.text):
        return True
    return not previous.is_punct and not previous.text.endswith(_CONTINUES) and token.text[:1].isupper()


def _is_bullet(text: str) -> bool:
    return len(text) == 1 and (text in _BULLETS or unicodedata.category(text) in ("Co", "So"))


KIND = CheckKind(
    name="long-sentence",
    description=__doc__ or "",
    fields={"message": ("count", "max")},
    check=check,
    options={"max_words": {}},
)
