"""A document must say something: by a heading that names it, or by a statement anywhere.

Each block is searched in its own language, so a Greek policy whose scope is stated in its
English appendix still has a scope. A label opening a list item or paragraph ("1. Purpose:
...") counts as a heading. A rule may also accept shapes that look the same in every language
(option `shapes`: email, url, phone), so an e-mail address counts as contact details. A rule
may also accept a sentence that lists the people the document binds (option `people_listed`:
how many different words of its `people` list one sentence must name, as in "all attendees,
speakers, exhibitors and volunteers must...", the names one after another; 0 turns this off).

A statement is also recognised by what a sentence does rather than by a fixed phrase: a term of
`subjects` followed, within `reach` tokens, by a term of `actions`. Stems make this hold in any
inflection: "this charter aims", "ces conditions régissent", "la presente política tiene por
objeto", "ο παρών κώδικας ισχύει", "هذه السياسة تنطبق". A rule that does not give its own
`subjects` gets the language data's: the names a document gives itself (policy, charter, code,
notice, terms...); a rule about something else names its own (a breach, for the consequences of
one). The subject comes first, or the action stands right before it ("تهدف هذه السياسة",
"ισχύει ο παρών κώδικας": verb first); "set out in this policy" names the document but does not
say what it does, nor does a subject the action is cut from by a comma ("the complaints
procedure, we aim...").
"""

from __future__ import annotations

from policylint.checks import contact_shapes
from policylint.checks.contact_shapes import CONTACT_SHAPES
from policylint.checks.kind import CheckKind, Place
from policylint.checks.sections import is_heading_like
from policylint.checks.tokens import words

LABEL_WORDS = 5  # "Customer service channels:" is a label; a clause before a colon is not
LIST_GAP = 2  # tokens between two items of a list: ", and", ", et", " o"
# punctuation that ends a clause, in every script: "the complaints procedure, we aim to..." does
# not say what the procedure aims at
CLAUSE_BREAKS = frozenset({",", ";", ":", "،", "؛", "·"})


def check(context):
    if locate(context) is None:
        yield context.document_finding(context.message({}))


def locate(context) -> Place | None:
    """Where the document states what the rule asks for: the heading, label or statement
    (block index, start, end) that satisfies it first, else the first contact shape the rule
    accepts; None when nothing does."""
    analysis, facts = context.analysis, context.facts
    blocks = analysis.document.blocks
    for name in context.option("shapes"):
        if facts.holds_contact_shape(name):  # the cheap test first: most documents hold none
            return _first_shape(blocks, name) or (0, 0, 0)  # a shape across blocks: the document's start
    for sentence, language in context.sentences_with("headings"):
        block = blocks[sentence.block]
        if not facts.is_finished(sentence):
            continue
        headings = context.matcher("headings", language)
        if is_heading_like(block):
            if headings.search(sentence.tokens):
                return sentence.block, sentence.start, sentence.end
        elif sentence is analysis.by_block[sentence.block][0] and headings.search(leading_label(sentence.tokens)):
            return sentence.block, sentence.start, sentence.end
    for sentence, language in context.sentences_with("statements"):
        if facts.is_finished(sentence) and context.matcher("statements", language).search(sentence.tokens):
            return sentence.block, sentence.start, sentence.end
    for sentence, language in context.sentences_with("actions"):
        if facts.is_finished(sentence) and subject_then_action(context, sentence, language):
            return sentence.block, sentence.start, sentence.end
    if context.option("people_listed"):
        for sentence, language in context.sentences_with("people"):
            if lists_people(context, sentence, language):
                return sentence.block, sentence.start, sentence.end
    return None


def _first_shape(blocks, name: str) -> Place | None:
    for index, block in enumerate(blocks):
        for start, end in contact_shapes.spans(block.text, name):
            return index, start, end
    return None


def lists_people(context, sentence, language: str | None) -> bool:
    """Whether the sentence lists at least `people_listed` different kinds of people one after
    another ("attendees, speakers, exhibitors and volunteers"): names scattered through a
    sentence ("a customer ... the member of staff") are no list of whom a document binds."""
    wanted = context.option("people_listed")
    run: set[str] = set()
    last_end = None
    for match in context.matcher("people", language).find(sentence.tokens):
        if last_end is None or match.start - last_end > LIST_GAP:
            run = set()
        run.add(match.term)
        last_end = match.end
        if len(run) >= wanted:
            return True
    return False


def subject_then_action(context, sentence, language: str | None) -> bool:
    """Whether a term of `subjects` is followed, at most `reach` tokens after it, by a term of
    `actions` ("This policy [explains] how...", "Ce code [s'applique] à..."), or comes right
    after one ("[تنطبق] هذه السياسة"); a `reach` of 0 turns this off."""
    reach = context.option("reach")
    if not reach:
        return False
    actions = context.matcher("actions", language).find(sentence.tokens)
    if not actions:
        return False
    tokens = sentence.tokens
    subjects = context.matcher("subjects", language).find(tokens)
    return any(
        (0 <= action.start - subject.end <= reach
         and not any(t.text in CLAUSE_BREAKS for t in tokens[subject.end:action.start]))
        or action.end == subject.start
        for subject in subjects for action in actions
    )


def leading_label(tokens) -> list:
    """The words of a label that opens a block ("Purpose: ...", "1. OBJETIVO: ..."), or [].

    A label inside a list item or a paragraph names what follows as a heading would, so
    section vocabulary is matched against it too."""
    for index, token in enumerate(tokens[: LABEL_WORDS + 1]):
        if token.text in (":", "："):
            label = tokens[:index]
            return label if words(label) else []
    return []


KIND = CheckKind(
    name="required-section",
    description=__doc__ or "",
    fields={"message": ()},
    check=check,
    vocabulary={"headings": "terms", "statements": "terms", "people": "terms", "subjects": "terms",
                "actions": "terms"},
    options={"shapes": [], "people_listed": 0, "reach": 0},
    option_choices={"shapes": tuple(CONTACT_SHAPES)},
    locate=locate,
)
