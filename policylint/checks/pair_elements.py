"""A translation has every section that states a policy element in its source (scope,
complaints, contact, enforcement, review...), and no such section its source lacks.

Each element rule (a rule with an `element`, such as missing-scope) says where it finds its
element in each document. Rules read each language with its own vocabulary, so an element
one language names in a sentence and another in a heading is not a difference: only a whole
section is reported, when one document has more sections than the other, the section's
heading states an element the other document states nowhere, and there are no more such
sections than the difference in sections (else it is unsure which are missing: nothing is said).

Run by `policylint compare` only, on a source and a translation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from policylint.checks.kind import CheckKind
from policylint.checks.sections import sections_of

if TYPE_CHECKING:
    from policylint.compare.pair import ElementPlaces
    from policylint.compare.pair_context import PairContext
    from policylint.model import Analysis, Finding


def compare(pair: PairContext) -> Iterator[Finding]:
    language = pair.message_language
    more = len(sections_of(pair.pair.source.document.blocks)) - len(sections_of(pair.pair.translation.document.blocks))
    if more > 0:  # sections of the source the translation lacks
        missing = _section_elements(pair.pair.elements, pair.pair.source, "source", more)
        for places in missing:
            element = places.rule.text(places.rule.element, language)
            yield pair.finding(None, pair.message({"element": element, "other": pair.where_in_source(places.source)}))
    elif more < 0:  # sections of the translation its source lacks
        for places in _section_elements(pair.pair.elements, pair.pair.translation, "translation", -more):
            element = places.rule.text(places.rule.element, language)
            message = pair.message({"element": element, "other": pair.where_in_source(None)}, "only_here")
            yield pair.finding(places.translation, message)


def _section_elements(elements: list[ElementPlaces], analysis: Analysis, side: str, extra: int) -> list[ElementPlaces]:
    """The elements stated by a section heading (not the title) on `side` and nowhere on the
    other side, when they stand in no more sections than the sections `side` has in excess."""
    blocks = analysis.document.blocks
    title = next((i for i, block in enumerate(blocks) if block.is_heading), None)
    other = "translation" if side == "source" else "source"
    found = []
    for places in elements:
        place = getattr(places, side)
        if place is None or getattr(places, other) is not None:
            continue
        if blocks[place[0]].is_heading and place[0] != title:
            found.append(places)
    headings = {getattr(places, side)[0] for places in found}
    return found if len(headings) <= extra else []


KIND = CheckKind(
    fields={"message": ("element", "other"), "only_here": ("element", "other")},
    name="pair-elements",
    description=__doc__ or "",
    check=None,
    scope="pair",
    compare=compare,
    messages=("only_here",),
)
