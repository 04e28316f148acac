"""A standard stated with a weak modal ("should", "devrait", "debería", "θα μπορούσε",
"ينبغي") where the policy sets a requirement.

A modal is reported when one of the rule's duties (respond, acknowledge, resolve ...)
follows it closely, so the sentence states what the organisation does for customers. When
the customer is the subject ("You should contact us", "Should you wish to complain") the
sentence is advice, not a standard, and is left alone. The finding names the modal and does
not rewrite the sentence: only the writer knows whether it is a requirement.
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
        addressees = context.matcher("addressees", language).find(tokens)
        for modal in modals:
            duty = next((d for d in duties if modal.end <= d.start and _distance(tokens, modal.end, d.start) < window), None)
            if duty is None:
                continue
            if any(_distance(tokens, a.end, modal.start) < BEFORE and a.end <= modal.start for a in addressees):
                continue
            if any(
                modal.end <= a.start and _distance(tokens, modal.end, a.start) < BETWEEN and a.start < duty.start
                for a in addressees
            ):
                continue
            term = span_text(context, sentence, modal.start, modal.end)
            yield report_tokens(context, sentence, modal.start, modal.end, context.message({"term": term}), language)


def _distance(tokens, start: int, end: int) -> int:
    """Words between token indexes start (inclusive) and end (exclusive)."""
    return len(words(tokens[start:end]))


KIND = CheckKind(
    name="weak-obligation",
    description=__doc__ or "",
    fields={"message": ("term",)},
    check=check,
    # alternatives: modal -> stronger wording, which an editor's quick fix offers (policylint lsp)
    vocabulary={"modals": "terms", "duties": "terms", "addressees": "terms", "alternatives": "mapping"},
    options={"window": 4},
)
