"""The element rules' figures on two halves of the TUNE documents, to tell a change that
generalises from one that fits the documents it was designed on.

    python benchmarks/tune_halves.py            # per rule: precision and recall on half A and B
    python benchmarks/tune_halves.py --misses   # and, per half, the documents where rule and label disagree

The halves come from a hash of the slug other than the one that chose the holdout part, so
they cut across languages and kinds alike. Design a change on one half, measure it on the
other, keep it only when it helps both; holdout documents are never run.
"""

from __future__ import annotations

import argparse
import hashlib
import sys

import accuracy


def half_of(slug: str) -> str:
    return "AB"[int(hashlib.sha1(f"half:{slug}".encode()).hexdigest(), 16) % 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the documents where rule and label disagree")
    args = parser.parse_args(argv)
    docs = accuracy.checked_tune_documents()
    for doc in docs:
        doc.split = half_of(doc.slug)
    rules_of_kind = accuracy.profiles_by_kind()
    rules, _, _, kind_right = accuracy.score(docs, rules_of_kind)
    print(f"documents: A {sum(d.split == 'A' for d in docs)}, B {sum(d.split == 'B' for d in docs)}")
    for half in "AB":
        overall = accuracy.Tally()
        for (split, _), tally in rules.items():
            if split == half:
                for attribute in ("tp", "fp", "fn", "tn"):
                    setattr(overall, attribute, getattr(overall, attribute) + getattr(tally, attribute))
        right, total = kind_right.get(half, [0, 0])
        kind = accuracy._show(right / total if total else None)
        print(f"half {half}: accuracy {accuracy._show(overall.accuracy)}, kind {kind}")
    print(f"{'rule':32} {'A precision':>11} {'A recall':>8} {'A fp/fn':>7} {'B precision':>11} {'B recall':>8} {'B fp/fn':>7}")
    for rule in accuracy.ELEMENT_RULES:
        cells = []
        for half in "AB":
            tally = rules.get((half, rule), accuracy.Tally())
            cells += [f"{accuracy._show(tally.precision):>11}", f"{accuracy._show(tally.recall):>8}",
                      f"{tally.fp:>3}/{tally.fn:<3}"]
        print(f"{rule:32} " + " ".join(cells))
    if args.misses:
        for half in "AB":
            print(f"\n## half {half}")
            for rule, element in accuracy.ELEMENT_RULES.items():
                for doc in docs:
                    if doc.split != half:
                        continue
                    present = (doc.labels.get("elements") or {}).get(element)
                    if present not in ("yes", "no", True, False) and doc.kind != "not-a-policy":
                        continue
                    expected = (doc.kind != "not-a-policy" and present in ("no", False)
                                and rule in rules_of_kind.get(doc.kind, set()))
                    fired = any(f["rule"] == rule for f in doc.findings)
                    if expected != fired:
                        what = "false alarm" if fired else "miss"
                        kind = doc.kind if doc.detected_kind == doc.kind else f"{doc.kind} (chosen: {doc.detected_kind})"
                        print(f"  {rule:28} {what:11} {doc.path.relative_to(accuracy.ROOT)}  [{kind}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
