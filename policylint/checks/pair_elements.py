"""A translation states every policy element its source states, and no other: scope,
standards, complaints, contact, enforcement, review... wherever each element rule (a rule
with an `element`, such as missing-scope) finds it in each document.

Run by `policylint compare` only, on a source and a translation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from policylint.checks.kind import CheckKind

if TYPE_CHECKING:
    from policylint.compare.pair_context import PairContext
    from policylint.model import Finding


def compare(pair: PairContext) -> Iterator[Finding]:
    language = pair.translation.settings.message_language
    for places in pair.pair.elements:
        element = places.rule.text(places.rule.element, language)
        if places.source and not places.translation:
            message = pair.message({"element": element, "other": pair.where_in_source(places.source)})
            yield pair.finding(None, message)
        elif places.translation and not places.source:
            message = pair.message({"element": element, "other": pair.where_in_source(None)}, "only_here")
            yield pair.finding(places.translation, message)


KIND = CheckKind(
    name="pair-elements",
    description=__doc__ or "",
    check=None,
    scope="pair",
    compare=compare,
    messages=("only_here",),
)
