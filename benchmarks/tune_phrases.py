"""The phrase and date rules' false alarms and misses on the TUNE documents of corpora/real/,
with the line each stands on, to see what a rule gets wrong before changing it.

    python benchmarks/tune_phrases.py                 # every phrase rule and the date rules
    python benchmarks/tune_phrases.py jargon          # one rule

Holdout documents are never run, read or printed: they are kept to measure, not to tune on.
"""

from __future__ import annotations

import sys

from accuracy import CORPUS, PHRASE_RULES, TODAY, _months_before, _plain, checked_tune_documents, profiles_by_kind

DATE_RULES = ("missing-revision-date", "stale-revision-date")


def _line(doc, number) -> str:
    lines = doc.path.read_text(encoding="utf-8").splitlines()
    return lines[number - 1].strip()[:160] if number and 0 < number <= len(lines) else ""


def phrase_report(doc, rule: str) -> list[str]:
    must = [_plain(p) for p in (doc.labels.get("phrases") or {}).get(rule) or []]
    maybe = [_plain(p) for p in (doc.labels.get("arguable") or {}).get(rule) or []]
    fired = [(f, _plain(f.get("excerpt", ""))) for f in doc.findings if f["rule"] == rule]
    lines = [f"  miss: {p}" for p in must if not any(p in e or (e and e in p) for _, e in fired)]
    lines += [f"  false alarm: {f.get('excerpt')!r} (line {f.get('line')}: {_line(doc, f.get('line'))})"
              for f, e in fired if not any(p in e or e in p for p in must + maybe)]
    return lines


def date_report(doc, rule: str, wanted: set[str]) -> list[str]:
    """As benchmarks/accuracy.py judges it: the rule must fire when the labelled date calls for
    it and the labelled kind's profile runs the rule, and stay quiet otherwise."""
    date = doc.labels.get("revision_date")
    if date == "invalid":
        return []
    fired = [f for f in doc.findings if f["rule"] == rule]
    due = date is None if rule == "missing-revision-date" else date is not None and date < _months_before(TODAY, 12)
    expected = due and rule in wanted and doc.kind != "not-a-policy"
    if bool(fired) == expected:
        return []
    found = ", ".join(repr(f.get("excerpt")) for f in fired)
    return [f"  labelled {date}; {'fired ' + found if fired else 'did not fire'}"]


def main(argv: list[str]) -> int:
    rules = argv or [*PHRASE_RULES, *DATE_RULES]
    tune = checked_tune_documents()
    rules_of_kind = profiles_by_kind()
    for rule in rules:
        print(f"# {rule}")
        for doc in tune:
            wanted = rules_of_kind.get(doc.kind, set())
            lines = date_report(doc, rule, wanted) if rule in DATE_RULES else phrase_report(doc, rule)
            if lines:
                print(f"{doc.path.relative_to(CORPUS)} [{doc.kind}, chosen {doc.detected_kind}]", *lines, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
