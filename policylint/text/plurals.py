"""A language's plural forms, as CLDR writes their rules for whole numbers.

A language file's `plurals:` maps each form a count can take besides "other" to its CLDR
condition on the number n, tried in the file's order; a number no condition takes is
"other". The conditions are CLDR's syntax, limited to what whole numbers need:

    condition := relation ("and" relation)* ("or" relation ("and" relation)*)*
    relation  := "n" ["%" modulus] ("=" | "!=") ranges
    ranges    := (value | value ".." value) ("," ...)*

so Arabic's few is `n % 100 = 3..10` and French's one is `n = 0,1`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from policylint.message_text import Invalid

PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")  # CLDR's categories, in its order
OTHER = "other"

_RELATION = re.compile(r"^n\s*(?:%\s*(?P<modulus>[1-9][0-9]*))?\s*(?P<operator>!=|=)\s*(?P<ranges>[0-9.,\s]+)$")
_RANGE = re.compile(r"^(?P<low>[0-9]+)(?:\.\.(?P<high>[0-9]+))?$")

Condition = Callable[[int], bool]


def _relation(text: str) -> Condition:
    match = _RELATION.match(text.strip())
    if not match:
        raise Invalid("lang_plural_condition", text=repr(text.strip()))
    spans = []
    for part in match["ranges"].split(","):
        bounds = _RANGE.match(part.strip())
        if not bounds or (bounds["high"] is not None and int(bounds["high"]) < int(bounds["low"])):
            raise Invalid("lang_plural_range", text=repr(part.strip()))
        low = int(bounds["low"])
        spans.append((low, int(bounds["high"]) if bounds["high"] is not None else low))
    modulus = int(match["modulus"]) if match["modulus"] else None
    wanted = match["operator"] == "="

    def holds(n: int) -> bool:
        value = n % modulus if modulus else n
        return any(low <= value <= high for low, high in spans) == wanted

    return holds


@lru_cache(maxsize=None)
def parse(text: str) -> Condition:
    """A CLDR condition on n as a test of a whole number; Invalid (a ValueError) when it is not one."""
    alternatives = [[_relation(part) for part in branch.split(" and ")] for branch in text.split(" or ")]
    return lambda n: any(all(relation(n) for relation in branch) for branch in alternatives)


def parse_rules(value: object) -> tuple[tuple[str, str], ...]:
    """A language file's `plurals:` mapping, checked: (form, condition) in its order (the
    conditions are kept as text, so a language's profile stays plain, picklable data)."""
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise Invalid("lang_expected_plurals", forms=", ".join(PLURAL_FORMS[:-1]))
    unknown = [form for form in value if form not in PLURAL_FORMS[:-1]]
    if unknown:
        raise Invalid("lang_not_a_plural_form", form=repr(unknown[0]), forms=", ".join(PLURAL_FORMS[:-1]), other=OTHER)
    for condition in value.values():
        parse(condition)
    return tuple(value.items())


def form_of(rules: tuple[tuple[str, str], ...], n: int) -> str:
    """The plural form a count of n takes under a language's rules."""
    return next((form for form, condition in rules if parse(condition)(abs(n))), OTHER)


def forms(rules: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """Every form a language's counts take, "other" last."""
    return (*(form for form, _ in rules), OTHER)
