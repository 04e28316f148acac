"""A period of time stated in words or digits ("14 days", "two weeks", "١٤ يوماً"): a number
with a time unit, each from the rule's vocabulary or the language data's shared lists. Used by
the check kinds that need a stated length of time (review-cycle, required-detail)."""

from __future__ import annotations


def holds_period(context, tokens, language: str | None) -> bool:
    """Whether the tokens hold a number (digits, Arabic-Indic digits being read as digits, or a
    number word) and a time unit."""
    has_number = any(t.norm.isdigit() for t in tokens) or context.matcher("numbers", language).search(tokens)
    return bool(has_number and context.matcher("time_units", language).search(tokens))
