"""A standard stated with a weak modal ("should", "devrait", "debería", "θα μπορούσε",
"ينبغي") where the policy sets a requirement.

A modal is reported when one of the rule's duties (respond, acknowledge, resolve ...)
follows it closely, so the sentence states what the organisation does for customers. When
the customer is the subject ("You should contact us", "Should you wish to complain") the
sentence is advice, not a standard, and is left alone, unless what follows is something the
customer receives ("You should receive a reply within 15 working days"): that is the
organisation's standard seen from the reader's side. A weak modal before "be" ("Content
should be appropriate", "ne devrait pas être interrompue", "debería ser") states a rule about
a thing, unless it speaks to the reader ("should be aware") or stands in a condition ("if you
think we should be using it"). The finding names the modal and
does not rewrite the sentence: only the writer knows whether it is a requirement.
Attempts ("we will try to", "intentaremos") are not modals and are left to the writer.
"""

from __future__ import annotations

from policylint.checks.kind import CheckKind
from policylint.checks.tokens import report_tokens, span_text, words

BEFORE = 3  # words before the modal searched for the customer as subject
BETWEEN = 2  # and words after it ("should you", "ينبغي عليك")


def check(context):
    window = context.option("window")
    for sentence, language in context.sentences_with("modals", headings=False):
        tokens = sentence.tokens
        modals = context.matcher("modals", language).find(tokens)
        if not modals:
            continue
        duties = context.matcher("duties", language).find(tokens)
        receipts = context.matcher("receipts", language).find(tokens)
        addressees = context.matcher("addressees", language).find(tokens)
        states = context.matcher("weak_states", language).find(tokens)
        asides = context.matcher("asides", language).find(tokens)
        conditions = context.matcher("conditions", language).find(tokens)
        for modal in modals:
            if not (_received(tokens, modal, receipts, duties, window)
                    or _weak_rule(tokens, modal, duties, addressees, window)
                    or _weak_state(tokens, modal, states, asides, addressees, conditions)):
                continue
            term = span_text(context, sentence, modal.start, modal.end)
            yield report_tokens(context, sentence, modal.start, modal.end, context.message({"term": term}), language)


def _received(tokens, modal, receipts, duties, window) -> bool:
    """A thing the reader receives follows the modal closely, before any duty."""
    receipt = _following(tokens, modal, receipts, window)
    duty = _following(tokens, modal, duties, window)
    return receipt is not None and (duty is None or receipt.start <= duty.start)


def _weak_rule(tokens, modal, duties, addressees, window) -> bool:
    """A duty follows the modal closely, and the customer is not its subject."""
    duty = _following(tokens, modal, duties, window)
    if duty is None or _addressed_before(tokens, modal, addressees):
        return False
    return not any(
        modal.end <= a.start and _distance(tokens, modal.end, a.start) < BETWEEN and a.start < duty.start
        for a in addressees
    )


def _addressed_before(tokens, modal, addressees) -> bool:
    return any(_distance(tokens, a.end, modal.start) < BEFORE and a.end <= modal.start for a in addressees)


def _following(tokens, modal, found, window):
    return next((f for f in found if modal.end <= f.start and _distance(tokens, modal.end, f.start) < window), None)


def _weak_state(tokens, modal, states, asides, addressees, conditions) -> bool:
    """The modal opens a weak-state phrase ("should be", "no debería ser") that is neither
    said to the reader ("should be aware", "You should be") nor inside a condition with no
    comma after it ("if you think we should be using it")."""
    if not any(state.start <= modal.start < state.end and not _overlaps(state, asides) for state in states):
        return False
    if _addressed_before(tokens, modal, addressees):
        return False
    return not any(c.end <= modal.start and not any(t.text in (",", ";", "،") for t in tokens[c.end:modal.start])
                   for c in conditions)


def _overlaps(match, others) -> bool:
    return any(o.start < match.end and match.start < o.end for o in others)


def _distance(tokens, start: int, end: int) -> int:
    """Words between token indexes start (inclusive) and end (exclusive)."""
    return len(words(tokens[start:end]))


KIND = CheckKind(
    name="weak-obligation",
    description=__doc__ or "",
    fields={"message": ("term",)},
    check=check,
    # alternatives: modal -> stronger wording, which an editor's quick fix offers (policylint lsp)
    vocabulary={"modals": "terms", "duties": "terms", "addressees": "terms", "alternatives": "mapping",
                "receipts": "terms", "weak_states": "terms", "asides": "terms", "conditions": "terms"},
    options={"window": 4},
)
