"""A policy opens with a title that names it ("Customer Service Policy", "Charte d'accueil").

The title is the first heading, or a short line standing alone as one, among the first few
blocks (a logo line or a version line may come first), before the first paragraph of body
text. It counts when it holds one of the rule's title words in its own language, outside any
template fill-in ("[Policy name]" names nothing).
"""

from __future__ import annotations

from policylint.checks.kind import CheckKind
from policylint.checks.sections import is_heading_like
from policylint.checks.tokens import words

BODY_WORDS = 20  # a block this long is body text: the title, if any, came before it


def check(context):
    analysis = context.analysis
    for index, block in enumerate(analysis.document.blocks[: context.option("first_blocks")]):
        sentences = context.facts.finished_sentences(index)
        if is_heading_like(block):
            title_words = context.matcher("words", block.language)
            if any(title_words.search(s.tokens) for s in sentences):
                return
        elif sum(len(words(s.tokens)) for s in analysis.by_block[index]) > BODY_WORDS:
            break
    yield context.document_finding(context.message({}))


KIND = CheckKind(
    name="title",
    description=__doc__ or "",
    fields={"message": ()},
    check=check,
    vocabulary={"words": "terms"},
    options={"first_blocks": 4},
)
