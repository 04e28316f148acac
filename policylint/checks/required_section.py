"""A document must say something: by a heading that names it, or by a statement anywhere.

Each block is searched in its own language, so a Greek policy whose scope is stated in its
English appendix still has a scope. A label opening a list item or paragraph ("1. Purpose:
...") counts as a heading. A rule may also accept shapes that look the same in every language
(option `shapes`: email, url, phone), so an e-mail address counts as contact details.
"""

from __future__ import annotations

from policylint.checks.kind import CheckKind
from policylint.checks.common import CONTACT_SHAPES, has_contact_shape, is_finished, is_heading_like, leading_label


def check(context):
    analysis = context.analysis
    blocks = analysis.document.blocks
    shapes = context.option("shapes")
    if shapes and has_contact_shape(context.analysis, shapes):
        return
    for sentence, language in context.sentences_with("headings"):
        block = blocks[sentence.block]
        if not is_finished(context, sentence):
            continue
        headings = context.matcher("headings", language)
        if is_heading_like(block):
            if headings.search(sentence.tokens):
                return
        elif sentence is analysis.by_block[sentence.block][0] and headings.search(leading_label(sentence.tokens)):
            return
    for sentence, language in context.sentences_with("statements"):
        if is_finished(context, sentence) and context.matcher("statements", language).search(sentence.tokens):
            return
    yield context.document_finding(context.message({}))


KIND = CheckKind(
    name="required-section",
    description=__doc__ or "",
    check=check,
    vocabulary={"headings": "terms", "statements": "terms"},
    options={"shapes": []},
    option_choices={"shapes": tuple(CONTACT_SHAPES)},
)
