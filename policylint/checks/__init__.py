"""Check kinds: the code that rules configure. One module per way of looking at a document.

Each module declares its kind as `KIND = CheckKind(...)` (checks/kind.py: the vocabulary keys,
options, extra messages and language neutrality a rule of that kind is validated against, and
the `check` function), and is listed here once. Rules find their kind in CHECK_KINDS by name.
"""

from __future__ import annotations

from policylint.checks import (
    hidden_characters,
    long_section,
    long_sentence,
    pair_commitments,
    pair_contacts,
    pair_elements,
    pair_placeholders,
    pair_revision_date,
    placeholder,
    required_detail,
    required_section,
    review_cycle,
    revision_date,
    terms,
    title,
    unused_suppression,
    vague_standard,
    weak_obligation,
)
from policylint.checks.kind import CheckKind

__all__ = ["CHECK_KINDS", "CheckKind"]


def _registry(*kinds: CheckKind) -> dict[str, CheckKind]:
    registry: dict[str, CheckKind] = {}
    for kind in kinds:
        if kind.name in registry:
            raise ValueError(f"two check kinds are named {kind.name}")
        registry[kind.name] = kind
    return registry


CHECK_KINDS: dict[str, CheckKind] = _registry(
    required_section.KIND,
    required_detail.KIND,
    title.KIND,
    long_section.KIND,
    review_cycle.KIND,
    long_sentence.KIND,
    weak_obligation.KIND,
    vague_standard.KIND,
    terms.KIND,
    revision_date.KIND,
    placeholder.KIND,
    unused_suppression.KIND,
    hidden_characters.KIND,
    pair_elements.KIND,
    pair_commitments.KIND,
    pair_revision_date.KIND,
    pair_contacts.KIND,
    pair_placeholders.KIND,
)
