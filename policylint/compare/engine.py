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


def pair_rules(pack: Pack, select: tuple[str, ...], ignore: tuple[str, ...]) -> list[Rule]:
    """The pair rules a comparison runs: all of them, or those `select` names when it names
    some (a configuration's selection of document rules leaves them all), less `ignore`."""
    rules = [rule for rule in pack.rules if rule.kind.scope == "pair"]
    named = {rule.code for selector in select for rule in _named(pack, selector)}
    if named & {rule.code for rule in rules}:
        rules = [rule for rule in rules if rule.code in named]
    ignored = {rule.code for selector in ignore for rule in _named(pack, selector)}
    return [rule for rule in rules if rule.code not in ignored]


def _named(pack: Pack, selector: str) -> list[Rule]:
    return list(pack.rules) if selector.strip().lower() in ("all", "*") else pack.matching(selector)
