"""Sentences so long that they hurt clarity, by a word limit set per language.

Words are counted without punctuation. Languages differ in how many words say the same thing
(French and Spanish use more small words, Arabic joins them to the next word), so the rule
sets one limit per language. Headings and table cells are not sentences. A "sentence" that
runs over line breaks with no punctuation at the end of a line and a capital after it is a
list written without bullets, and each line is counted on its own.
"""

from __future__ import annotations

from policylint.checks.common import body_sentences, words

VOCABULARY: dict = {}
OPTIONS = {"max_words": {}}
MESSAGES: tuple = ()
NEUTRAL = False
_CONTINUES = (",", ";", ":", "-", "–", "—", "(", "،", "؛")


def check(context):
    limits = context.option("max_words")
    blocks = context.document.blocks
    for sentence, language in body_sentences(context):
        block = blocks[sentence.block]
        limit = limits.get(language)
        if not limit or block.kind == "table_cell":
            continue
        for run in _runs(block, sentence.tokens):
            count = len(words(run))
            if count > limit:
                message = context.message({"count": count, "max": limit})
                yield context.finding(sentence.block, run[0].start, run[-1].end, message, language)


def _runs(block, tokens):
    """The sentence's tokens, split where a source line ends with no punctuation before a capital."""
    run = [tokens[0]]
    for previous, token in zip(tokens, tokens[1:]):
        new_line = block.position(token.start)[0] != block.position(previous.start)[0]
        if new_line and not previous.is_punct and not previous.text.endswith(_CONTINUES) and token.text[:1].isupper():
            yield run
            run = []
        run.append(token)
    yield run
