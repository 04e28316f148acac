"""How right policylint's findings are on real policies written by others.

    python benchmarks/accuracy.py            # writes benchmarks/ACCURACY.md and accuracy.json
    python benchmarks/accuracy.py --check    # exit 1 when a figure falls below the committed one

The corpus is corpora/real/LANG/SLUG.(md|txt) with SLUG.yaml beside it: the kind, the elements
the document holds (yes / no / arguable) and the exact phrases the phrase rules must flag,
labelled by hand before policylint was run on it (corpora/real/README.md). Its split (tune or
holdout) comes from the slug's hash, so nobody picks which documents are kept aside.

What a label means for a rule:
- a rule about a missing element must fire when the element is absent and the labelled kind's
  profile asks for it, and must stay quiet otherwise; `arguable` counts neither way;
- the stale-revision-date rule must fire when the labelled date is older than the rule's
  maximum age on TODAY, and the missing-revision-date rule when there is no date;
- a phrase rule must flag each labelled phrase, and each of its findings must be a labelled
  phrase (or an arguable one, which counts neither way);
- text that is not a policy must get no finding at all.

Besides the per-rule figures, issue 14's target "a complete policy of each kind gets no
warning" on real text: the complete documents are those whose labels say every element their
kind's profile asks for is there, that have no labelled phrase and, where the profile asks for
one, a revision date within the rules' limit; each of them should get no warning or error. The
tune part's warned documents are listed by slug; of the holdout only the count is shown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "real"
REPORT = ROOT / "benchmarks" / "ACCURACY.md"
FIGURES = ROOT / "benchmarks" / "accuracy.json"
TODAY = dt.date(2026, 12, 2)  # fixed, so the figures do not change as the labelled dates age
MAX_AGE_MONTHS = 12
SUFFIXES = (".md", ".txt", ".html", ".docx", ".odt", ".pdf")
TARGETS = {"document_accuracy": 0.95, "precision": 0.90, "recall": 0.85}
WHY = Path(__file__).with_name("accuracy_why.md")  # why the targets not met are not, written by hand

# rule -> the element whose absence it reports
ELEMENT_RULES = {
    "missing-title": "title",
    "missing-scope": "scope",
    "missing-purpose": "purpose",
    "missing-procedures": "procedures",
    "missing-complaint-procedure": "complaint-procedure",
    "missing-escalation": "escalation",
    "missing-contact": "contact",
    "missing-feedback": "feedback",
    "missing-training": "training",
    "missing-performance-measures": "performance-measures",
    "missing-enforcement": "enforcement",
    "missing-review-cycle": "review-cycle",
    "missing-return-window": "return-window",
    "missing-refund-method": "refund-method",
    "missing-rights": "rights",
}
PHRASE_RULES = ("unfilled-placeholder", "unmeasurable-standard", "jargon", "weak-obligation")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected: bool, fired: bool) -> None:
        if expected and fired:
            self.tp += 1
        elif expected:
            self.fn += 1
        elif fired:
            self.fp += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def accuracy(self) -> float | None:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else None


@dataclass
class Labelled:
    path: Path
    slug: str
    language: str
    kind: str
    split: str
    labels: dict
    findings: list[dict] = field(default_factory=list)
    detected_kind: str | None = None
    kind_reason: str | None = None


def documents(corpus: Path) -> list[Labelled]:
    found = []
    for label_file in sorted(corpus.glob("*/*.yaml")):
        source = next((label_file.with_suffix(s) for s in SUFFIXES if label_file.with_suffix(s).exists()), None)
        if source is None:
            continue
        labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        found.append(Labelled(source, label_file.stem, labels.get("language") or label_file.parent.name,
                              labels["kind"], labels.get("split", "tune"), labels))
    return found


def run_policylint(docs: list[Labelled]) -> None:
    """Check every document once, as a user would (default options, result cache off)."""
    command = [sys.executable, "-m", "policylint", "check", "--format", "json", "--fail-on", "never",
               "--no-cache", "--isolated", "--today", TODAY.isoformat(), *(str(d.path) for d in docs)]
    output = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if output.returncode not in (0, 1):
        raise SystemExit(f"accuracy: policylint failed: {output.stderr.strip()}")
    payload = json.loads(output.stdout)
    by_path = {str(d.path): d for d in docs}
    for finding in payload["findings"]:
        by_path[finding["path"]].findings.append(finding)
    for record in payload.get("files", []):
        if record["path"] in by_path:
            by_path[record["path"]].detected_kind = record.get("kind")
            by_path[record["path"]].kind_reason = record.get("kind_reason")


def checked_tune_documents() -> list[Labelled]:
    """The tune part, checked: what the tune_*.py listings read. The holdout is never run
    there, so nobody tunes on what it shows."""
    docs = [doc for doc in documents(CORPUS) if doc.split == "tune"]
    run_policylint(docs)
    return docs


def profiles_by_kind() -> dict[str, set[str]]:
    """The rules each kind's profile runs, from the rule pack itself."""
    sys.path.insert(0, str(ROOT))
    from policylint.packs import load_pack

    pack = load_pack()
    return {
        name: {rule.name for rule in pack.select(kind.profile)} if kind.profile else set()
        for name, kind in pack.kinds.items()
    }


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, 28))


def score(docs: list[Labelled], rules_of_kind: dict[str, set[str]]):
    """Tallies per (split, rule), per (split, language), per (split, kind), and kind choices."""
    rules: dict[tuple[str, str], Tally] = defaultdict(Tally)
    languages: dict[tuple[str, str], Tally] = defaultdict(Tally)
    kinds: dict[tuple[str, str], Tally] = defaultdict(Tally)
    kind_right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc in docs:
        fired = {f["rule"] for f in doc.findings}
        split = doc.split
        if doc.detected_kind is not None:
            kind_right[split][0] += doc.detected_kind == doc.kind
            kind_right[split][1] += 1
        wanted = rules_of_kind.get(doc.kind, set())

        def judge(rule: str, expected: bool | None) -> None:
            if expected is None:
                return
            was = rule in fired
            rules[(split, rule)].add(expected, was)
            languages[(split, doc.language)].add(expected, was)
            kinds[(split, doc.kind)].add(expected, was)

        elements = doc.labels.get("elements") or {}
        for rule, element in ELEMENT_RULES.items():
            present = elements.get(element)
            if doc.kind == "not-a-policy":
                judge(rule, False)
            elif present in ("yes", True, "no", False):
                judge(rule, present in ("no", False) and rule in wanted)
        mission = elements.get("long-mission-statement")
        if mission in ("yes", "no", True, False):
            judge("long-mission-statement", mission in ("yes", True) and "long-mission-statement" in wanted
                  and doc.kind != "not-a-policy")
        date = doc.labels.get("revision_date")
        if doc.kind == "not-a-policy":
            judge("missing-revision-date", False)
            judge("stale-revision-date", False)
        elif date != "invalid":
            judge("missing-revision-date", date is None and "missing-revision-date" in wanted)
            stale = isinstance(date, dt.date) and date < _months_before(TODAY, MAX_AGE_MONTHS)
            judge("stale-revision-date", stale and "stale-revision-date" in wanted)
        phrases = doc.labels.get("phrases") or {}
        arguable = doc.labels.get("arguable") or {}
        for rule in PHRASE_RULES:
            must = [_plain(p) for p in phrases.get(rule) or []]
            maybe = [_plain(p) for p in arguable.get(rule) or []]
            excerpts = [_plain(f.get("excerpt", "")) for f in doc.findings if f["rule"] == rule]
            for phrase in must:
                found = any(phrase in e or (e and e in phrase) for e in excerpts)
                rules[(split, rule)].add(True, found)
                languages[(split, doc.language)].add(True, found)
                kinds[(split, doc.kind)].add(True, found)
            for excerpt in excerpts:
                if any(p in excerpt or excerpt in p for p in must):
                    continue  # counted above, once per labelled phrase
                if any(p in excerpt or excerpt in p for p in maybe):
                    continue
                rules[(split, rule)].add(False, True)
                languages[(split, doc.language)].add(False, True)
                kinds[(split, doc.kind)].add(False, True)
    return rules, languages, kinds, kind_right


def is_complete(doc: Labelled, wanted: set[str]) -> bool:
    """Whether the labels say the document holds all its kind's profile asks for, words and date
    included: every element present, no labelled phrase, no long mission statement, and a
    revision date within the limit when the profile asks for one."""
    if doc.kind == "not-a-policy" or not wanted:
        return False
    elements = doc.labels.get("elements") or {}
    if any(elements.get(element) not in ("yes", True) for rule, element in ELEMENT_RULES.items() if rule in wanted):
        return False
    if "long-mission-statement" in wanted and elements.get("long-mission-statement") not in ("no", False, None):
        return False
    if any(doc.labels.get("phrases", {}).get(rule) for rule in PHRASE_RULES):
        return False
    if wanted & {"missing-revision-date", "stale-revision-date"}:
        date = doc.labels.get("revision_date")
        return isinstance(date, dt.date) and date >= _months_before(TODAY, MAX_AGE_MONTHS)
    return True


def complete_documents(docs: list[Labelled], rules_of_kind: dict[str, set[str]]) -> dict:
    """Per split: how many documents are complete by their labels, and which of them policylint
    warned about (a warning or an error); slugs for the tune part only."""
    result: dict = {}
    for split in ("tune", "holdout"):
        complete = [d for d in docs if d.split == split and is_complete(d, rules_of_kind.get(d.kind, set()))]
        warned = sorted(d.slug for d in complete if any(f["severity"] in ("warning", "error") for f in d.findings))
        result[split] = {"documents": len(complete), "warned": len(warned),
                         "clean": _round((len(complete) - len(warned)) / len(complete)) if complete else None}
        if split == "tune":
            result[split]["warned_slugs"] = warned
    return result


def figures(docs, rules, languages, kinds, kind_right) -> dict:
    result: dict = {"documents": {}, "rules": {}, "languages": {}, "kinds": {}, "kind_choice": {}}
    for split in ("tune", "holdout"):
        result["documents"][split] = sum(d.split == split for d in docs)
        overall = Tally()
        for (s, name), tally in sorted(rules.items()):
            if s != split:
                continue
            result["rules"].setdefault(split, {})[name] = {
                "tp": tally.tp, "fp": tally.fp, "fn": tally.fn, "tn": tally.tn,
                "precision": _round(tally.precision), "recall": _round(tally.recall),
            }
            for attribute in ("tp", "fp", "fn", "tn"):
                setattr(overall, attribute, getattr(overall, attribute) + getattr(tally, attribute))
        result.setdefault("accuracy", {})[split] = _round(overall.accuracy)
        result["languages"][split] = {n: _round(t.accuracy) for (s, n), t in sorted(languages.items()) if s == split}
        result["kinds"][split] = {n: _round(t.accuracy) for (s, n), t in sorted(kinds.items()) if s == split}
        right, total = kind_right.get(split, [0, 0])
        result["kind_choice"][split] = _round(right / total) if total else None
    return result


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def markdown(result: dict, docs: list[Labelled]) -> str:
    lines = [
        "# Accuracy on real policies",
        "",
        "Written by `python benchmarks/accuracy.py`; do not edit by hand. Each document of",
        "`corpora/real/` was labelled by hand before policylint was run on it; the holdout part",
        "(chosen by each slug's hash) is never used to tune the rules.",
        f"Revision ages are measured from {TODAY.isoformat()}.",
        "",
        f"Targets on the holdout part: accuracy ≥ {TARGETS['document_accuracy']}, every rule's precision ≥ "
        f"{TARGETS['precision']} and recall ≥ {TARGETS['recall']}.",
        "",
        "| | tune | holdout |",
        "| --- | --- | --- |",
        f"| documents | {result['documents']['tune']} | {result['documents']['holdout']} |",
        f"| accuracy (every expectation) | {_show(result['accuracy'].get('tune'))} | "
        f"{_show(result['accuracy'].get('holdout'))} |",
        f"| kind chosen right | {_show(result['kind_choice'].get('tune'))} | "
        f"{_show(result['kind_choice'].get('holdout'))} |",
        *_complete_rows(result.get("complete", {})),
        "",
        "## Per rule",
        "",
        "| rule | tune precision | tune recall | holdout precision | holdout recall | holdout tp / fp / fn |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    names = sorted({name for split in result["rules"].values() for name in split})
    for name in names:
        tune = result["rules"].get("tune", {}).get(name, {})
        hold = result["rules"].get("holdout", {}).get(name, {})
        lines.append(
            f"| {name} | {_show(tune.get('precision'))} | {_show(tune.get('recall'))} | "
            f"{_show(hold.get('precision'))} | {_show(hold.get('recall'))} | "
            f"{hold.get('tp', 0)} / {hold.get('fp', 0)} / {hold.get('fn', 0)} |"
        )
    for title, key in (("Per language", "languages"), ("Per kind", "kinds")):
        lines += ["", f"## {title}", "", "| | tune accuracy | holdout accuracy |", "| --- | --- | --- |"]
        for name in sorted(set(result[key].get("tune", {})) | set(result[key].get("holdout", {}))):
            lines.append(f"| {name} | {_show(result[key].get('tune', {}).get(name))} | "
                         f"{_show(result[key].get('holdout', {}).get(name))} |")
    lines += ["", "## Targets on the holdout part", "", *verdicts(result)]
    if WHY.exists():  # the reasons are a person's reading of the tune documents, kept beside
        lines += ["", WHY.read_text(encoding="utf-8").strip()]
    return "\n".join(lines) + "\n"


def verdicts(result: dict) -> list[str]:
    """Each holdout target, met or not, from the figures: the rules that miss a target by name."""
    hold = result["accuracy"].get("holdout")
    rules = result["rules"].get("holdout", {})

    def missing(measure: str, limit: float) -> list[str]:
        return [f"{name} {_show(figures[measure])}" for name, figures in sorted(rules.items())
                if figures.get(measure) is not None and figures[measure] < limit]

    def verdict(misses: list[str]) -> str:
        return "met" if not misses else "**not met**: " + ", ".join(misses)

    complete = result.get("complete", {}).get("holdout", {})
    lines = ["| target | verdict |", "| --- | --- |",
             f"| accuracy ≥ {TARGETS['document_accuracy']} | "
             f"{verdict([] if hold is not None and hold >= TARGETS['document_accuracy'] else [_show(hold)])} |",
             f"| every rule's precision ≥ {TARGETS['precision']} | {verdict(missing('precision', TARGETS['precision']))} |",
             f"| every rule's recall ≥ {TARGETS['recall']} | {verdict(missing('recall', TARGETS['recall']))} |"]
    if complete.get("documents"):
        warned = complete.get("warned", 0)
        lines.append(f"| a complete policy gets no warning | {verdict([f'{warned} warned'] if warned else [])} |")
    else:
        lines.append("| a complete policy gets no warning | no complete document in this part: see the samples "
                     "(`tests/test_complete_policies.py`) |")
    return lines


def _complete_rows(complete: dict) -> list[str]:
    """Issue 14's target, a complete policy gets no warning, as table rows and the tune part's
    warned documents."""
    if not complete:
        return []
    tune, hold = complete.get("tune", {}), complete.get("holdout", {})
    rows = [
        f"| complete documents (by their labels) | {tune.get('documents', 0)} | {hold.get('documents', 0)} |",
        f"| complete documents with a warning or error | {tune.get('warned', 0)} | {hold.get('warned', 0)} |",
        f"| complete documents with none (target 1.00) | {_show(tune.get('clean'))} | {_show(hold.get('clean'))} |",
    ]
    if tune.get("warned_slugs"):
        rows += ["", "Complete tune documents that got a warning or error: "
                 + ", ".join(f"`{slug}`" for slug in tune["warned_slugs"]) + "."]
    return rows


def _show(value) -> str:
    return "–" if value is None else f"{value:.2f}"


def regressions(result: dict, committed: dict) -> list[str]:
    """Figures lower than the committed ones (a small tolerance for rounding). A precision that
    became undefined because the rule no longer fires there fell only if it was above 0: from
    0.0 (every finding a false alarm) to no finding is no loss."""
    problems = []
    for split, value in committed.get("accuracy", {}).items():
        now = result["accuracy"].get(split)
        if value is not None and (now is None or now < value - 0.001):
            problems.append(f"accuracy ({split}) fell from {value} to {now}")
    for split, then in committed.get("complete", {}).items():
        before, after = then.get("clean"), result.get("complete", {}).get(split, {}).get("clean")
        if before is not None and after is not None and after < before - 0.001:
            problems.append(f"complete documents with no warning ({split}) fell from {before} to {after}")
    for split, rules in committed.get("rules", {}).items():
        for name, figures_then in rules.items():
            now = result["rules"].get(split, {}).get(name, {})
            for measure in ("precision", "recall"):
                before, after = figures_then.get(measure), now.get(measure)
                if before is not None and (after < before - 0.001 if after is not None else before > 0):
                    problems.append(f"{name} {measure} ({split}) fell from {before} to {after}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--check", action="store_true",
                        help="compare with benchmarks/accuracy.json instead of writing; exit 1 on a fall")
    args = parser.parse_args(argv)
    docs = documents(args.corpus)
    if not docs:
        print(f"accuracy: no labelled documents under {args.corpus}", file=sys.stderr)
        return 2
    run_policylint(docs)
    rules_of_kind = profiles_by_kind()
    result = figures(docs, *score(docs, rules_of_kind))
    result["complete"] = complete_documents(docs, rules_of_kind)
    if args.check:
        committed = json.loads(FIGURES.read_text(encoding="utf-8")) if FIGURES.exists() else {}
        problems = regressions(result, committed)
        for problem in problems:
            print(f"accuracy: {problem}", file=sys.stderr)
        return 1 if problems else 0
    REPORT.write_text(markdown(result, docs), encoding="utf-8")
    FIGURES.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"accuracy: {len(docs)} documents; holdout accuracy {_show(result['accuracy'].get('holdout'))}; "
          f"wrote {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
