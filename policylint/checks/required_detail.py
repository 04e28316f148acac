"""A document must give a detail of something, not only name it: within how long a purchase may
be returned, how the money comes back. Naming the subject ("you may return an item", "we will
refund you") is not enough; the detail must stand with it.

A sentence counts when it holds one of the rule's `subjects` ("return", "rétractation",
"استرجاع") together with one of its `details` ("original payment method", "même moyen de
paiement") or, with the option `period`, a length of time (a number with a time unit: "within
14 days", "δεκατέσσερις ημέρες"). A heading or a label that names the subject ("Return period",
"Droit de rétractation", "مدة الإرجاع:") counts when a detail stands in its own block, in its
text up to the next heading, or in the line it governs ("### Return period" then "- 14 days
from delivery"). Sentences holding a template fill-in ("within [X] days") state nothing.
"""

from __future__ import annotations

from policylint.checks.kind import CheckKind, Place
from policylint.checks.periods import holds_period
from policylint.checks.required_section import leading_label
from policylint.checks.sections import is_heading_like, section_after


def check(context):
    if locate(context) is None:
        yield context.document_finding(context.message({}))


def locate(context) -> Place | None:
    """The first sentence, heading or label that gives the detail (block index, start, end), or
    None when the document gives none."""
    facts = context.facts
    for sentence, language in context.sentences_with("subjects"):
        if (
            facts.is_finished(sentence)
            and context.matcher("subjects", language).search(sentence.tokens)
            and _gives_detail(context, sentence.tokens, language)
        ):
            return sentence.block, sentence.start, sentence.end
    blocks = context.document.blocks
    for sentence, language in context.sentences_with("labels"):
        block = blocks[sentence.block]
        labels = context.matcher("labels", language)
        if is_heading_like(block):
            labelled = labels.search(sentence.tokens)
        else:
            labelled = sentence is context.analysis.by_block[sentence.block][0] and labels.search(
                leading_label(sentence.tokens))
        governed = (sentence.block, *_labelled(blocks, sentence.block))
        if labelled and any(_block_gives_detail(context, index) for index in governed):
            return sentence.block, sentence.start, sentence.end
    return None


def _labelled(blocks, index: int) -> range:
    """The blocks a label speaks for: a heading's own text up to the next heading of any level
    (a title "Returns and refunds" heads the whole document, not a statement of how refunds are
    paid), or the line or cell after a label."""
    if blocks[index].is_heading:
        end = next((i for i in range(index + 1, len(blocks)) if blocks[i].is_heading), len(blocks))
        return range(index + 1, end)
    return section_after(blocks, index)


def _block_gives_detail(context, index: int) -> bool:
    language = context.document.blocks[index].language
    return any(_gives_detail(context, s.tokens, language) for s in context.facts.finished_sentences(index))


def _gives_detail(context, tokens, language: str | None) -> bool:
    if context.matcher("details", language).search(tokens):
        return True
    return bool(context.option("period")) and holds_period(context, tokens, language)


KIND = CheckKind(
    name="required-detail",
    description=__doc__ or "",
    fields={"message": ()},
    check=check,
    vocabulary={"subjects": "terms", "details": "terms", "labels": "terms", "numbers": "terms", "time_units": "terms"},
    options={"period": False},
    locate=locate,
)
