"""Compare a translation with its source: run the pair rules, then the translation's
suppression comments."""

from __future__ import annotations

from policylint.compare.pair import Pair
from policylint.compare.pair_context import PairContext
from policylint.findings import suppression
from policylint.findings.engine import Settings
from policylint.model import Analysis, Finding
from policylint.packs import Pack, Rule


def compare_pair(source: Analysis, translation: Analysis, pack: Pack, settings: Settings,
                 rules: list[Rule]) -> list[Finding]:
    """The differences the pair rules find, placed in the translation."""
    pair = Pair(source, translation, pack, settings)
    findings: list[Finding] = []
    for rule in rules:
        compare = rule.kind.compare
        if compare is None or not (rule.covers(source.document.language)
                                   and rule.covers(translation.document.language)):
            continue
        findings.extend(compare(PairContext(pair, rule)))
    kept, _ = suppression.apply(translation.document, sorted(set(findings), key=Finding.sort_key))
    return kept
