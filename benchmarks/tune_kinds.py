"""The document kind chosen against the kind labelled, on the TUNE documents only, per half.

    python benchmarks/tune_kinds.py          # kind accuracy on half A and B, and every confusion
    python benchmarks/tune_kinds.py --all    # every tune document, right or wrong

Each line gives the labelled kind, the kind chosen and the reason policylint gives for it, so a
change to the kind choice can be designed on one half and checked on the other (halves as in
tune_halves.py). Holdout documents are never run.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import accuracy
from tune_halves import half_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="list every tune document, not only the confused")
    args = parser.parse_args(argv)
    docs = accuracy.checked_tune_documents()
    for half in "AB":
        mine = [d for d in docs if half_of(d.slug) == half]
        right = sum(d.detected_kind == d.kind for d in mine)
        print(f"half {half}: kind {right}/{len(mine)} = {accuracy._show(right / len(mine) if mine else None)}")
    confusions = Counter((d.kind, d.detected_kind) for d in docs if d.detected_kind != d.kind)
    print("\nconfusions (labelled -> chosen):")
    for (labelled, chosen), count in confusions.most_common():
        print(f"  {count:3}  {labelled} -> {chosen}")
    print()
    for doc in sorted(docs, key=lambda d: (half_of(d.slug), str(d.path))):
        wrong = doc.detected_kind != doc.kind
        if wrong or args.all:
            mark = "WRONG" if wrong else "ok"
            print(f"{half_of(doc.slug)} {mark:5} {doc.path.relative_to(accuracy.ROOT)}  "
                  f"[{doc.kind} -> {doc.detected_kind}] {doc.kind_reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
