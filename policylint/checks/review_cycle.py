"""A policy says how often it is reviewed ("This policy is reviewed every year").

A sentence counts when it holds a review word, something that names the policy (or "this
document"), and a frequency: a frequency word ("annually"), or a number with a time unit
("every two years", "tous les 12 mois"). A label such as "Review cycle" or "Next review"
counts when a frequency or a date stands in its block or in the cell or line after it.
"""

from __future__ import annotations

from policylint.checks.kind import CheckKind
from policylint.checks.periods import holds_period
from policylint.checks.sections import section_after
from policylint.text.dates import find_dates


def check(context):
    blocks = context.document.blocks
    for sentence, language in context.sentences_with("reviews"):
        tokens = sentence.tokens
        if (
            context.facts.is_finished(sentence)
            and context.matcher("subjects", language).search(tokens)
            and _frequency(context, tokens, language)
        ):
            return
    for sentence, language in context.sentences_with("labels"):
        if not context.matcher("labels", language).search(sentence.tokens):
            continue
        index = sentence.block
        for place in (index, *section_after(blocks, index)):
            if _states_when(context, place):
                return
    yield context.document_finding(context.message({}))


def _frequency(context, tokens, language) -> bool:
    return bool(context.matcher("frequencies", language).search(tokens)) or holds_period(context, tokens, language)


def _states_when(context, index: int) -> bool:
    block = context.document.blocks[index]
    if any(_frequency(context, s.tokens, block.language) for s in context.facts.finished_sentences(index)):
        return True
    months = context.pack.months(block.language)
    return bool(find_dates(block.text, months))


KIND = CheckKind(
    name="review-cycle",
    description=__doc__ or "",
    fields={"message": ()},
    check=check,
    vocabulary={
        "reviews": "terms",
        "subjects": "terms",
        "labels": "terms",
        "frequencies": "terms",
        "numbers": "terms",
        "time_units": "terms",
    },
)
