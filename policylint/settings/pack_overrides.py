"""A configuration's changes to a rule pack, as a derived Pack: each rule's severity and
options, and the vocabulary its options change (extra jargon, accepted terms).

The changes come as (rule code, entry) pairs, already validated against the rules' check
kinds (settings/plans.py does that, with packs.loading.validate_options, the same check rule
files get). The result is a new Pack built with dataclasses.replace; the shared pack, its rules
and their vocabulary are never modified, and the new pack starts with its own (empty) matcher
cache because its vocabulary may differ.
"""

from __future__ import annotations

from dataclasses import replace

from policylint.packs import Pack
from policylint.packs.loading import merged_options, vocabulary_with_options


def customise(pack: Pack, overrides=()) -> Pack:
    """`overrides`: (rule code, {"severity": level, option: value, ...}) pairs; later ones
    win, and a per-language option keeps the languages a later entry does not name."""
    if not overrides:
        return pack
    entries: dict[str, list[dict]] = {}
    for code, entry in overrides:
        entries.setdefault(code, []).append(entry)

    def shared(language, key):
        return pack.language_data.get(language, {}).get(key, [])

    rules = []
    for rule in pack.rules:
        if rule.code not in entries:
            rules.append(rule)
            continue
        severity, options = rule.severity, rule.options
        for entry in entries[rule.code]:
            severity = entry.get("severity", severity)
            options = merged_options(rule.kind, options, {k: v for k, v in entry.items() if k != "severity"})
        languages = vocabulary_with_options(rule.kind, rule.languages, options, shared)
        rules.append(replace(rule, severity=severity, options=options, languages=languages))
    return replace(pack, rules=rules, matchers={}, selections={})
