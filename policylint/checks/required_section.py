"""A document must say something: by a heading that names it, or by a statement anywhere.

Each block is searched in its own language, so a Greek policy whose scope is stated in its
English appendix still has a scope. A label opening a list item or paragraph ("1. Purpose:
...") counts as a heading. A rule may also accept shapes that look the same in every language
(option `shapes`: email, url, phone), so an e-mail address counts as contact details.
"""

from __future__ import annotations

from policylint.checks.common import CONTACT_SHAPES, finished_sentences, has_contact_shape, is_heading_like, leading_label

VOCABULARY = {"headings": "terms", "statements": "terms"}
OPTIONS: dict = {"shapes": []}
OPTION_CHOICES = {"shapes": tuple(CONTACT_SHAPES)}
MESSAGES: tuple = ()
NEUTRAL = False


def check(context):
    analysis = context.analysis
    shapes = context.option("shapes")
    for index, block in enumerate(analysis.document.blocks):
        if shapes and has_contact_shape(block.text, shapes):
            return
        sentences = finished_sentences(context, index)
        headings = context.matcher("headings", block.language)
        if is_heading_like(block):
            if any(headings.search(s.tokens) for s in sentences):
                return
        elif sentences and headings.search(leading_label(sentences[0].tokens)):
            return
        statements = context.matcher("statements", block.language)
        if any(statements.search(s.tokens) for s in sentences):
            return
    yield context.document_finding(context.message({}))
