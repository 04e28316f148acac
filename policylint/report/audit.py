"""What a report says, as plain data: each document's coverage, score and findings, and totals.

Every output format (HTML, CSV, JSON) is drawn from one Audit, so they never disagree.
The coverage matrix is data-driven: its columns are the active rules that carry an
`element`, in code order, whatever rules a pack holds.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from policylint.findings.engine import shorten
from policylint.model import SEVERITIES, Document, Finding
from policylint.packs import Rule
from policylint.report.score import FULL_MARKS, document_score
from policylint.running.runner import Problem, run

PRESENT, MISSING, NOT_APPLICABLE = "present", "missing", "not_applicable"
NEEDS_WORK_LIMIT = 5  # documents listed under "need work first"
# score bands of the "documents by score" chart: (lowest score, highest score)
SCORE_BANDS = ((0, 49), (50, 79), (80, 99), (100, 100))


def score_band(score: int) -> int:
    """The index in SCORE_BANDS of the band a score falls in."""
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


@dataclass
class Audit:
    documents: list[DocumentAudit]
    rules: list[Rule]  # the active rules, in code order
    today: str
    profile: str
    version: str
    problems: list[Problem] = field(default_factory=list)  # about paths rather than documents

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
        scores = [d.score for d in self.checked]
        return round(sum(scores) / len(scores)) if scores else None

    def score_bands(self) -> list[tuple[tuple[int, int], int]]:
        """((lowest, highest), documents) for each of SCORE_BANDS."""
        counts = Counter(score_band(d.score) for d in self.checked)
        return [(band, counts[index]) for index, band in enumerate(SCORE_BANDS)]

    def needs_work_first(self) -> list[DocumentAudit]:
        """The lowest-scoring documents below full marks; most errors first among equals."""
        below = [d for d in self.checked if d.score < FULL_MARKS]
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


def audit_document(number: int, path: str, document: Document | None, findings, problems,
                   rules: list[Rule]) -> DocumentAudit:
    if document is None:
        cells = {rule.code: Cell(NOT_APPLICABLE) for rule in rules if rule.element}
        return DocumentAudit(path, checked=False, number=number, problems=problems, cells=cells)
    ran = [rule for rule in rules if rule.covers(document.language)]
    cells = {}
    for rule in rules:
        if not rule.element:
            continue
        found = [f for f in findings if f.code == rule.code]
        if rule not in ran:
            cells[rule.code] = Cell(NOT_APPLICABLE)
        elif found:
            cells[rule.code] = Cell(MISSING, len(found), found[0].message)
        else:
            cells[rule.code] = Cell(PRESENT)
    return DocumentAudit(
        path,
        checked=True,
        number=number,
        language=document.language,
        title=document_title(document),
        findings=findings,
        problems=problems,
        cells=cells,
        score=document_score(ran, findings),
    )


def document_title(document: Document) -> str:
    """The first heading's text, else the first block's."""
    blocks = document.blocks
    block = next((b for b in blocks if b.is_heading), blocks[0] if blocks else None)
    return shorten(block.text) if block else ""


def run_audit(paths, pack, rules, settings, profile: str, version: str, language=None,
              read_stdin=None, on_file=None, timeout=None) -> tuple[Audit, object]:
    """Check the paths and build the audit; `on_file` is called after each file (progress),
    and a file that takes more than `timeout` seconds is not checked.

    Returns the audit and the runner's Result (for its problems and exit status)."""
    seen: list[tuple[str, Document | None]] = []

    def collect(path, document):
        seen.append((path, document))
        if on_file is not None:
            on_file(path, document)

    result = run(list(paths), pack, settings, language=language, read_stdin=read_stdin, rules=rules,
                 on_file=collect, timeout=timeout)
    findings, problems = defaultdict(list), defaultdict(list)
    for finding in result.findings:
        findings[finding.path].append(finding)
    for problem in result.problems:
        problems[problem.path].append(problem)
    documents = [
        audit_document(number, path, document, findings[path], problems[path], rules)
        for number, (path, document) in enumerate(seen, start=1)
    ]
    paths_seen = {path for path, _ in seen}
    audit = Audit(
        documents=documents,
        rules=list(rules),
        today=settings.today.isoformat(),
        profile=profile,
        version=version,
        problems=[p for p in result.problems if p.path not in paths_seen],
    )
    return audit, result
