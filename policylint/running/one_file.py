"""One file from bytes to findings, through the result cache: the unit of work of a run,
done in the main process or in a worker alike."""

from __future__ import annotations

from dataclasses import dataclass, field

from policylint.findings import suppression
from policylint.findings.engine import Settings, check_document, shorten
from policylint.text.language import detect
from policylint.model import Document, Finding
from policylint.packs import Pack, Rule
from policylint.readers import InputError, read_bytes, read_raw
from policylint.running import collector
from policylint.running.result_cache import ResultCache


@dataclass(frozen=True)
class Plan:
    """How to check one file: the pack (with the configuration's changes), its rules, the
    settings and the language to assume (None: detect it)."""

    pack: Pack
    rules: tuple[Rule, ...] | None  # None: the whole pack
    settings: Settings
    language: str | None = None

    def identity(self) -> tuple:
        """Plans with the same identity check files the same way (a run keeps one of each)."""
        codes = tuple(r.code for r in self.rules) if self.rules is not None else None
        return (id(self.pack), codes, repr(self.settings), self.language)


@dataclass(frozen=True)
class DocumentSummary:
    """What a report says of a checked document besides its findings; worked out where the
    document is read (in a worker too) and kept in the result cache with the findings."""

    language: str | None  # the detected (or forced) language; None when not one of LANGUAGES
    title: str  # the first heading's text, else the first block's, shortened

    @classmethod
    def of(cls, document: Document) -> DocumentSummary:
        blocks = document.blocks
        block = next((b for b in blocks if b.is_heading), blocks[0] if blocks else None)
        return cls(document.language, shorten(block.text) if block else "")


@dataclass
class FileCheck:
    """What came of one file: its findings, notices and summary, or why it could not be checked."""

    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    error: str | None = None
    summary: DocumentSummary | None = None


def load(source: str | bytes) -> bytes:
    """The bytes to check: `source` itself, or the file it names (raises InputError)."""
    return source if isinstance(source, bytes) else read_raw(source)


def cached(data: bytes, reader_path: str, shown: str, cache: ResultCache | None) -> FileCheck | None:
    hit = cache.get(cache.key(data, reader_path), shown) if cache else None
    return FileCheck(hit.findings, hit.notices, summary=DocumentSummary(*hit.summary)) if hit else None


def check_source(
    source: str | bytes,
    reader_path: str,
    shown: str,
    plan: Plan,
    cache: ResultCache | None,
    warn_unused: bool = False,
) -> FileCheck:
    """Check a file (or given bytes) read by the reader of `reader_path`, shown as `shown`:
    the plan's rules, then the document's own suppression comments."""
    try:
        data = load(source)
        hit = cached(data, reader_path, shown, cache)
        if hit:
            return hit
    except InputError as error:
        return FileCheck(error=str(error))
    with collector.paused():
        return _check_data(data, reader_path, shown, plan, cache, warn_unused)


def _check_data(data: bytes, reader_path: str, shown: str, plan: Plan, cache: ResultCache | None,
                warn_unused: bool) -> FileCheck:
    try:
        document = read_bytes(data, reader_path)
    except InputError as error:
        return FileCheck(error=str(error))
    document.path = shown
    try:
        document = detect(document, plan.language)
        rules = list(plan.rules) if plan.rules is not None else list(plan.pack.rules)
        # rules the engine cannot run (unused-suppression) judge the comments once applied
        reporters = [r for r in rules if not r.kind.runs_in_engine] if warn_unused else []
        findings = check_document(document, plan.pack, plan.settings, rules)
        findings = suppression.settle(document, findings, reporters, plan.settings.message_language)
    except Exception as error:  # a bug must not hide the other files' findings
        return FileCheck(error=f"internal error, please report it: {type(error).__name__}: {error}")
    summary = DocumentSummary.of(document)
    if cache:
        cache.put(cache.key(data, reader_path), findings, document.notices, (summary.language, summary.title))
    return FileCheck(findings, list(document.notices), summary=summary)
