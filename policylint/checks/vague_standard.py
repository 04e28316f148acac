"""A standard or commitment qualified by a vague word and no measurable target.

A sentence is reported when it holds a vague qualifier ("promptly"), something that makes
it a standard or a promise ("we will respond"), and nothing that could be measured: no
digit, no number word, no time unit, no frequency, no fixed target such as "same day".
A request to the reader ("Please tell us as soon as possible") sets no standard.
"""

from __future__ import annotations

from policylint.checks.kind import CheckKind
from policylint.checks.tokens import report_tokens, span_text

MEASURES = ("numbers", "time_units", "frequencies", "targets")


def check(context):
    for sentence, language in context.sentences_with("vague", headings=False):
        tokens = sentence.tokens
        vague = context.matcher("vague", language).find(tokens)
        if not vague:
            continue
        exceptions = context.matcher("exceptions", language).find(tokens)
        vague = [m for m in vague if not any(e.start <= m.start and m.end <= e.end for e in exceptions)]
        if not vague or not context.matcher("commitments", language).search(tokens):
            continue
        if context.matcher("requests", language).search(tokens):
            continue
        # the vague phrase's own words ("in a reasonable time") measure nothing
        covered = {i for m in vague for i in range(m.start, m.end)}
        if _measurable(context, [t for i, t in enumerate(tokens) if i not in covered], language):
            continue
        for match in vague:
            term = span_text(context, sentence, match.start, match.end)
            yield report_tokens(context, sentence, match.start, match.end, context.message({"term": term}), language)


def _measurable(context, tokens, language) -> bool:
    if any(any(c.isdigit() for c in t.norm) for t in tokens):
        return True
    return any(context.matcher(key, language).search(tokens) for key in MEASURES)


KIND = CheckKind(
    name="vague-standard",
    description=__doc__ or "",
    fields={"message": ("term",)},
    check=check,
    vocabulary={
        "vague": "terms",
        "commitments": "terms",
        "requests": "terms",
        "exceptions": "terms",
        "numbers": "terms",
        "time_units": "terms",
        "frequencies": "terms",
        "targets": "terms",
    },
)
