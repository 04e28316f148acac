"""What a report says, as plain data: each document's coverage, score and findings, and totals.

Every output format (HTML, CSV, JSON) is drawn from one Audit, so they never disagree.
The coverage matrix is data-driven: its columns are the active rules that carry an
`element`, in code order, whatever rules a pack holds.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from policylint.model import SEVERITIES, Finding
from policylint.packs import Rule
from policylint.report.score import FULL_MARKS, document_score
from policylint.running.runner import CheckedFile, Problem, Result
from policylint.text.languages import BASE_LANGUAGE

PRESENT, MISSING, NOT_APPLICABLE = "present", "missing", "not_applicable"
NEEDS_WORK_LIMIT = 5  # documents listed under "need work first"
# score bands of the "documents by score" chart: (lowest score, highest score)
SCORE_BANDS = ((0, 49), (50, 79), (80, 99), (100, 100))


def score_band(score: int | None) -> int:
    """The index in SCORE_BANDS of the band a score falls in."""
    assert score is not None  # only a checked document has a score, and only those are banded
    return next(i for i, (low, high) in enumerate(SCORE_BANDS) if low <= score <= high)


@dataclass(frozen=True)
class Cell:
    """One document against one required element."""

    state: str  # PRESENT, MISSING or NOT_APPLICABLE
    count: int = 0  # findings of the element's rule
    note: str = ""  # the first of those findings' message, for a tooltip


@dataclass
class DocumentAudit:
    path: str
    checked: bool
    number: int = 0  # 1-based place in the run: the anchor of its section in the HTML
    language: str | None = None
    title: str = ""
    kind: str | None = None  # the kind of document it was judged as, and why
    kind_reason: str | None = None
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    cells: dict[str, Cell] = field(default_factory=dict)  # by rule code
    score: int | None = None  # None when the document could not be checked

    @property
    def reason(self) -> str:
        """Why the document could not be checked."""
        return next((p.message for p in self.problems if p.severity == "error"), "")

    @property
    def notices(self) -> list[str]:
        return [p.message for p in self.problems if p.severity == "notice"]

    def severity_counts(self) -> Counter:
        return Counter(f.severity for f in self.findings)

    def missing(self, elements: list[Rule]) -> list[Rule]:
        return [rule for rule in elements if self.cells[rule.code].state == MISSING]


@dataclass(frozen=True)
class Parity:
    """A translation against its source (`policylint compare`'s findings, in the translation)."""

    source: str
    translation: str
    findings: tuple[Finding, ...] = ()

    @property
    def agrees(self) -> bool:
        return not self.findings


@dataclass
class Audit:
    documents: list[DocumentAudit]
    rules: list[Rule]  # the active rules, in code order
    today: str
    profile: str
    version: str
    problems: list[Problem] = field(default_factory=list)  # about paths rather than documents
    parity: list[Parity] = field(default_factory=list)  # the translation sets found, pair by pair
    kind_labels: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> language -> name

    def kind_label(self, kind: str | None, language: str) -> str:
        labels = self.kind_labels.get(kind or "", {})
        return labels.get(language) or labels.get(BASE_LANGUAGE) or (kind or "–")

    @property
    def elements(self) -> list[Rule]:
        """The coverage matrix's columns."""
        return [rule for rule in self.rules if rule.element]

    @property
    def checked(self) -> list[DocumentAudit]:
        return [d for d in self.documents if d.checked]

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    def severity_counts(self) -> list[tuple[str, int]]:
        """(severity, count), the gravest first, every severity listed."""
        counts = Counter(f.severity for f in self.findings)
        return [(severity, counts[severity]) for severity in reversed(SEVERITIES)]

    def rule_counts(self) -> list[tuple[Rule, int]]:
        """(rule, count) for each rule that reported something, most findings first."""
        counts = Counter(f.code for f in self.findings)
        found = [(rule, counts[rule.code]) for rule in self.rules if counts[rule.code]]
        return sorted(found, key=lambda item: -item[1])

    def language_counts(self) -> list[tuple[str | None, int]]:
        """(language, documents) for the checked documents; None is an unsupported language."""
        counts = Counter(d.language for d in self.checked)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0] or "~"))

    def average_score(self) -> int | None:
        scores = [d.score for d in self.checked if d.score is not None]  # all of them: checked
        return round(sum(scores) / len(scores)) if scores else None

    def score_bands(self) -> list[tuple[tuple[int, int], int]]:
        """((lowest, highest), documents) for each of SCORE_BANDS."""
        counts = Counter(score_band(d.score) for d in self.checked)
        return [(band, counts[index]) for index, band in enumerate(SCORE_BANDS)]

    def needs_work_first(self) -> list[DocumentAudit]:
        """The lowest-scoring documents below full marks; most errors first among equals."""
        below = [d for d in self.checked if d.score is not None and d.score < FULL_MARKS]  # checked: scored
        below.sort(key=lambda d: (d.score, -d.severity_counts()["error"], d.path))
        return below[:NEEDS_WORK_LIMIT]

    def rule(self, code: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.code == code), None)

    def grouped(self, document: DocumentAudit) -> list[tuple[Rule, list[Finding]]]:
        """A document's findings grouped by rule, in code order."""
        return [
            (rule, found)
            for rule in self.rules
            if (found := [f for f in document.findings if f.code == rule.code])
        ]


def audit_document(number: int, checked: CheckedFile, findings, problems, elements: list[Rule]) -> DocumentAudit:
    """One document's audit: a cell for each element (a column of the matrix) and its score
    under the rules that ran on it (those of its plan that cover its language)."""
    summary = checked.summary
    if summary is None:
        cells = {rule.code: Cell(NOT_APPLICABLE) for rule in elements}
        return DocumentAudit(checked.path, checked=False, number=number, problems=problems, cells=cells)
    ran = [rule for rule in checked.rules if rule.covers(summary.language)]
    ran_codes = {rule.code for rule in ran}
    cells = {}
    reported = {f.rule for f in findings}
    for rule in elements:
        found = [f for f in findings if f.code == rule.code]
        if rule.code not in ran_codes or rule.requires in reported:  # nothing there to judge
            cells[rule.code] = Cell(NOT_APPLICABLE)
        elif found:
            cells[rule.code] = Cell(MISSING, len(found), found[0].message)
        else:
            cells[rule.code] = Cell(PRESENT)
    return DocumentAudit(
        checked.path,
        checked=True,
        number=number,
        language=summary.language,
        title=summary.title,
        kind=summary.kind,
        kind_reason=summary.kind_reason,
        findings=findings,
        problems=problems,
        cells=cells,
        # an element with nothing to judge (its required rule's element is missing) counts neither way
        score=document_score([r for r in ran if r.code not in cells or cells[r.code].state != NOT_APPLICABLE], findings),
    )


def build_audit(result: Result, rules: list[Rule], profile: str, today: str, version: str,
                parity: list[Parity] | None = None, kind_labels: dict[str, dict[str, str]] | None = None) -> Audit:
    """The audit of a run's result (its findings after the baseline, as `check` keeps them).

    `rules` are the rules some file was checked with, in code order: the matrix's columns are
    those with an element; a document whose own rules (per-file ignores, another configuration)
    left one out has "not applicable" there."""
    findings, problems = defaultdict(list), defaultdict(list)
    for finding in result.findings:
        findings[finding.path].append(finding)
    for problem in result.problems:
        problems[problem.path].append(problem)
    elements = [rule for rule in rules if rule.element]
    documents = [
        audit_document(number, checked, findings[checked.path], problems[checked.path], elements)
        for number, checked in enumerate(result.files, start=1)
    ]
    paths_seen = {checked.path for checked in result.files}
    return Audit(
        documents=documents,
        rules=list(rules),
        today=today,
        profile=profile,
        version=version,
        problems=[p for p in result.problems if p.path not in paths_seen],
        parity=list(parity or []),
        kind_labels=kind_labels or {},
    )
