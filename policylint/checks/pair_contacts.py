"""A translation gives the contact details its source gives: the same e-mail addresses, web
addresses and telephone numbers, compared once normalised (case; "https://", "www." and a
final "/"; a number's spaces, dots, dashes and brackets, "00" or "+" and the country code
against a national "0").

Option `accept`: contact details a translation may give instead of (or besides) its source's,
such as a local office's number, written as in either document.

Run by `policylint compare` only, on a source and a translation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from policylint.checks import contact_shapes
from policylint.checks.kind import CheckKind, Place

if TYPE_CHECKING:
    from policylint.compare.pair_context import PairContext
    from policylint.findings.engine import Context
    from policylint.model import Finding

# digits a number keeps once its country code and trunk "0" may be gone: two numbers agree
# when the longer ends with the shorter, which holds at least this many
NATIONAL_DIGITS = 8
_URL_EDGES = re.compile(r"^(?:https?://)?(?:www\.)?|[/.,;:!?)]+$")


class Contact(NamedTuple):
    shape: str  # a key of contact_shapes.CONTACT_SHAPES
    key: str  # normalised
    place: Place


def compare(pair: PairContext) -> Iterator[Finding]:
    accepted = {_normalised(shape, text) for text in pair.option("accept") for shape in contact_shapes.CONTACT_SHAPES}
    source, translation = _contacts(pair.source), _contacts(pair.translation)
    source_only = [c for c in source if not any(_same(c, other) for other in translation)]
    translation_only = [c for c in translation if not any(_same(c, other) for other in source)]
    for shape in contact_shapes.CONTACT_SHAPES:
        theirs = [c for c in source_only if c.shape == shape and not _among(c, accepted)]
        ours = [c for c in translation_only if c.shape == shape and not _among(c, accepted)]
        # an accepted contact stands for one of the other document's that it replaces
        theirs = theirs[sum(_among(c, accepted) for c in translation_only if c.shape == shape):]
        ours = ours[sum(_among(c, accepted) for c in source_only if c.shape == shape):]
        if len(theirs) == len(ours):  # one for one: each replaced by another
            for source_contact, contact in zip(theirs, ours):
                yield pair.finding(contact.place, pair.message({
                    "contact": pair.translation_text(contact.place),
                    "source_contact": pair.source_text(source_contact.place),
                    "other": pair.where_in_source(source_contact.place)}))
            continue
        for contact in ours:
            yield pair.finding(contact.place, pair.message(
                {"contact": pair.translation_text(contact.place), "other": pair.where_in_source(None)}, "only_here"))
        for source_contact in theirs:
            yield pair.finding(None, pair.message(
                {"source_contact": pair.source_text(source_contact.place),
                 "other": pair.where_in_source(source_contact.place)}, "missing_here"))


def _contacts(context: Context) -> list[Contact]:
    """Every contact detail of the document, each written once (the first place it is)."""
    found: dict[tuple[str, str], Contact] = {}
    for index, block in enumerate(context.document.blocks):
        for shape in contact_shapes.CONTACT_SHAPES:
            for start, end in contact_shapes.spans(block.text, shape):
                text = block.text[start:end]
                end = start + len(text.rstrip(".,;:!?)"))
                key = _normalised(shape, text)
                if key and not any(_same(Contact(shape, key, (index, start, end)), c) for c in found.values()):
                    found[shape, key] = Contact(shape, key, (index, start, end))
    return list(found.values())


def _normalised(shape: str, text: str) -> str:
    if shape == "phone":
        digits = re.sub(r"\D", "", text)
        return digits.lstrip("0") if len(digits.lstrip("0")) >= NATIONAL_DIGITS else ""
    if shape == "url":
        return _URL_EDGES.sub("", text.strip().lower())
    return text.strip().lower()


def _same(one: Contact, other: Contact) -> bool:
    if one.shape != other.shape:
        return False
    if one.shape == "phone":  # "+44 20 7946 0000" is "020 7946 0000" in the country
        longer, shorter = sorted((one.key, other.key), key=len, reverse=True)
        return longer.endswith(shorter)
    return one.key == other.key


def _among(contact: Contact, accepted: set[str]) -> bool:
    return any(key and _same(contact, Contact(contact.shape, key, contact.place)) for key in accepted)


KIND = CheckKind(
    fields={
        "message": ("contact", "source_contact", "other"),
        "only_here": ("contact", "other"),
        "missing_here": ("source_contact", "other"),
    },
    name="pair-contacts",
    description=__doc__ or "",
    check=None,
    scope="pair",
    compare=compare,
    options={"accept": []},
    messages=("only_here", "missing_here"),
)
