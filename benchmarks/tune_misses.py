"""Where the element rules disagree with the hand labels, on the TUNE documents only.

    python benchmarks/tune_misses.py                 # every element rule
    python benchmarks/tune_misses.py missing-scope   # one rule

For each rule, the tune documents where it fired but the element is labelled present (false
alarm) or stayed quiet though the element is labelled absent (miss), with the kind labelled and
the kind chosen. Holdout documents are never run: they are kept aside to measure, not to tune.
"""

from __future__ import annotations

import sys

import accuracy


def main(argv: list[str]) -> int:
    wanted_rules = set(argv) or set(accuracy.ELEMENT_RULES)
    docs = accuracy.checked_tune_documents()
    rules_of_kind = accuracy.profiles_by_kind()
    for rule, element in accuracy.ELEMENT_RULES.items():
        if rule not in wanted_rules:
            continue
        lines = []
        for doc in docs:
            present = (doc.labels.get("elements") or {}).get(element)
            if present not in ("yes", "no", True, False):
                continue
            expected = doc.kind != "not-a-policy" and present in ("no", False) and rule in rules_of_kind.get(doc.kind, set())
            fired = any(f["rule"] == rule for f in doc.findings)
            if expected != fired:
                what = "false alarm" if fired else "miss"
                kind = doc.kind if doc.detected_kind == doc.kind else f"{doc.kind} (chosen: {doc.detected_kind})"
                lines.append(f"  {what:11} {doc.path.relative_to(accuracy.ROOT)}  [{kind}]")
        print(f"{rule}: {len(lines)}")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
