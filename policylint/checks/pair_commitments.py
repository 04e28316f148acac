"""A translation makes the commitments its source makes: the same number of the same unit
("24 hours" against "48 horas" differs; "two working days" and "2 jours ouvrés" agree).

Numbers are read in any script and form: digits (Arabic-Indic ones read as 0-9), number words
(`number_words`: "deux", "δύο", "dos", "a day", "un jour"), and units that carry their number
(`dual_units`: the Arabic dual, "دقيقتين" is 2 minutes). A unit (`units`) is named by what it
measures and how many of the smallest it holds ("day: 24 hours"), so "24 hours" and "one day"
agree. Commitments are compared section by section where the sections correspond: when the
two make different promises and as many of them, each one that differs from the one in the
same place of the source is reported; when one makes more, nothing is (a sentence said
another way is not a difference).

Run by `policylint compare` only, on a source and a translation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from policylint.checks.kind import CheckKind, Place

if TYPE_CHECKING:
    from policylint.checks.sections import Section
    from policylint.compare.pair_context import PairContext
    from policylint.findings.engine import Context
    from policylint.model import Finding

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# what each unit measures and how many of the smallest of its measure it holds
UNIT_SIZES = {
    "second": ("time", 1), "minute": ("time", 60), "hour": ("time", 3600), "day": ("time", 86400),
    "week": ("time", 604800), "fortnight": ("time", 1209600),
    "working-day": ("working-time", 1), "working-week": ("working-time", 5),
    "month": ("months", 1), "quarter": ("months", 3), "year": ("months", 12),
}


class Commitment(NamedTuple):
    measure: str
    amount: float  # in the measure's smallest unit
    place: Place


def compare(pair: PairContext) -> Iterator[Finding]:
    for source_section, translation_section in pair.pair.sections:
        in_source = _commitments(pair.source, source_section)
        in_translation = _commitments(pair.translation, translation_section)
        if Counter(map(_amount, in_source)) == Counter(map(_amount, in_translation)):
            continue  # the same promises, in whatever order
        if len(in_source) != len(in_translation):
            continue  # said another way, or one more promise: unsure which differs, so say nothing
        for source, translation in zip(in_source, in_translation):  # a translation keeps the order
            if _amount(source) != _amount(translation):
                params = {"commitment": pair.translation_text(translation.place),
                          "source_commitment": pair.source_text(source.place),
                          "other": pair.where_in_source(source.place)}
                yield pair.finding(translation.place, pair.message(params))


def _amount(commitment: Commitment) -> tuple[str, float]:
    return commitment.measure, commitment.amount


def _commitments(context: Context, section: Section) -> list[Commitment]:
    analysis = context.analysis
    blocks = analysis.document.blocks
    found = []
    for index in section[1]:
        language = blocks[index].language
        if language is None:
            continue
        for sentence in analysis.by_block[index]:
            found += _in_sentence(context, sentence.tokens, index, language)
    return found


def _in_sentence(context: Context, tokens, block: int, language: str) -> list[Commitment]:
    units = context.matcher("units", language).find(tokens)
    if not units:
        return []
    unit_names = context.vocabulary("units", language)
    numbers = {match.end: match for match in context.matcher("number_words", language).find(tokens)}
    number_values = context.vocabulary("number_words", language)
    duals = context.vocabulary("dual_units", language)
    found = []
    for unit in units:
        if unit_names.get(unit.term) not in UNIT_SIZES:
            continue  # a custom rule's unit this kind does not know how to measure
        measure, size = UNIT_SIZES[unit_names[unit.term]]
        first = unit.start
        value: float | None = None
        if unit.term in duals:
            value = 2
        elif unit.start and _NUMBER.fullmatch(tokens[unit.start - 1].norm):
            value, first = float(tokens[unit.start - 1].norm.replace(",", ".")), unit.start - 1
        elif unit.start in numbers:
            word = numbers[unit.start]
            value, first = _value(number_values[word.term]), word.start
        elif unit.end in {m.start for m in numbers.values()}:  # "يوم واحد": one after its noun
            word = next(m for m in numbers.values() if m.start == unit.end)
            if _value(number_values[word.term]) == 1:
                value = 1
        if value is not None:
            found.append(Commitment(measure, value * size, (block, tokens[first].start, tokens[unit.end - 1].end)))
    return found


def _value(written: str | None) -> float | None:
    """A number word's value as the rule file writes it ("24"); None when it is not a number."""
    try:
        return float(written) if written else None
    except ValueError:
        return None


KIND = CheckKind(
    fields={"message": ("commitment", "source_commitment", "other")},
    name="pair-commitments",
    description=__doc__ or "",
    check=None,
    scope="pair",
    compare=compare,
    vocabulary={"units": "mapping", "number_words": "mapping", "dual_units": "terms"},
)
