"""One file from bytes to findings, through the result cache: the unit of work of a run,
done in the main process or in a worker alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from policylint.message_text import Text, kind_reason_text
from policylint.model import Document, Finding
from policylint.readers import InputError, read_bytes, read_raw
from policylint.running import collector
from policylint.running.result_cache import ResultCache
from policylint.running.time_budget import TimeBudgetExceeded, limited, not_checked
from policylint.settings.run_settings import Settings

if TYPE_CHECKING:
    from policylint.checks.facts import DocumentFacts
    from policylint.packs import Pack, Rule
    from policylint.text.kinds import KindChoice


@dataclass(frozen=True)
class Plan:
    """How to check one file: the pack (with the configuration's changes), its rules, the
    settings, the language to assume (None: detect it) and the document kind to assume (None:
    recognise it).

    `by_kind`, when given, holds the rules for each kind of document (each kind's profile,
    with the selection and ignores laid over it): the file's recognised kind picks its rules.
    Without it, `rules` judge every kind of policy alike (a profile was chosen by name)."""

    pack: Pack
    rules: tuple[Rule, ...] | None  # None: the whole pack
    settings: Settings
    language: str | None = None
    kind: str | None = None
    kind_source: str = "option"  # where a given kind comes from: "option" or "configuration"
    by_kind: tuple[tuple[str, tuple[Rule, ...]], ...] | None = None

    def identity(self) -> tuple:
        """Plans with the same identity check files the same way (a run keeps one of each)."""
        codes = tuple(r.code for r in self.rules) if self.rules is not None else None
        kinds = tuple((name, tuple(r.code for r in rules)) for name, rules in self.by_kind or ())
        return (id(self.pack), codes, repr(self.settings), self.language, self.kind, kinds)

    def rules_for(self, kind: str | None) -> tuple[Rule, ...]:
        """The rules that judge a document of this kind (None: no kind could be told)."""
        if self.by_kind is not None and kind is not None:
            return dict(self.by_kind).get(kind, ())
        return self.rules if self.rules is not None else tuple(self.pack.rules)

    def every_rule(self) -> tuple[Rule, ...]:
        """Every rule some kind of document would be judged by, in code order."""
        chosen = {r.code: r for r in self.rules_for(None)}
        for _, rules in self.by_kind or ():
            chosen.update((r.code, r) for r in rules)
        return tuple(sorted(chosen.values(), key=lambda r: r.code))


@dataclass(frozen=True)
class DocumentSummary:
    """What a report says of a checked document besides its findings; worked out where the
    document is read (in a worker too) and kept in the result cache with the findings."""

    language: str | None  # the detected (or forced) language; None when not one of LANGUAGES
    title: str  # the first heading's text, else the first block's, shortened
    kind: str | None = None  # the document kind it was judged as; None: the pack has no kinds
    kind_reason: str | None = None  # why: where the kind came from, and the words that decided

    @classmethod
    def of(cls, document: Document, choice: KindChoice | None) -> DocumentSummary:
        from policylint.findings.engine import shorten  # only a checked document needs the engine

        blocks = document.blocks
        block = next((b for b in blocks if b.is_heading), blocks[0] if blocks else None)
        return cls(document.language, shorten(block.text) if block else "",
                   choice.name if choice else None, choice.reason() if choice else None)

    def fields(self) -> tuple[str | None, ...]:
        return (self.language, self.title, self.kind, self.kind_reason)


@dataclass
class FileCheck:
    """What came of one file: its findings, notices and summary, or why it could not be checked
    (no document language is known then: whoever shows it words it in the run's message
    language, else the base language)."""

    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # worded in the findings' language
    error: Text | None = None
    summary: DocumentSummary | None = None
    timed_out: bool = False  # stopped by its time budget (its worker may hold half-built state)


def _kind(analysis, plan: Plan, facts: DocumentFacts) -> KindChoice | None:
    """The kind the document is judged as: the one the user gave, else the one recognised;
    None when the pack knows no kinds."""
    from policylint.text.kinds import detect_kind, given

    if plan.kind is not None:
        return given(plan.kind, plan.kind_source)
    return detect_kind(analysis, plan.pack, facts.word_index) if plan.pack.kinds else None


def load(source: str | bytes) -> bytes:
    """The bytes to check: `source` itself, or the file it names (raises InputError)."""
    return source if isinstance(source, bytes) else read_raw(source)


def cached(data: bytes, reader_path: str, shown: str, cache: ResultCache | None) -> FileCheck | None:
    hit = cache.get(cache.key(data, reader_path), shown) if cache else None
    if not hit:
        return None
    language, title, kind, kind_reason = hit.summary  # SUMMARY_FIELDS
    assert title is not None  # the cache keeps only entries whose title is a string
    return FileCheck(hit.findings, hit.notices, summary=DocumentSummary(language, title, kind, kind_reason))


def check_source(
    source: str | bytes,
    reader_path: str,
    shown: str,
    plan: Plan,
    cache: ResultCache | None,
    warn_unused: bool = False,
    timeout: float | None = None,
) -> FileCheck:
    """Check a file (or given bytes) read by the reader of `reader_path`, shown as `shown`:
    the plan's rules, then the document's own suppression comments; a file that takes more
    than `timeout` seconds is reported as not checked."""
    if not timeout:  # a budget set around this call (a caller's own) is the caller's to catch
        return _check(source, reader_path, shown, plan, cache, warn_unused)
    try:
        with limited(timeout):
            return _check(source, reader_path, shown, plan, cache, warn_unused)
    except TimeBudgetExceeded:
        return FileCheck(error=not_checked(timeout), timed_out=True)


def _check(source, reader_path, shown, plan, cache, warn_unused) -> FileCheck:
    try:
        data = load(source)
        hit = cached(data, reader_path, shown, cache)
        if hit:
            return hit
    except InputError as error:
        return FileCheck(error=error.text)
    with collector.paused():
        return _check_data(data, reader_path, shown, plan, cache, warn_unused)


def _check_data(data: bytes, reader_path: str, shown: str, plan: Plan, cache: ResultCache | None,
                warn_unused: bool) -> FileCheck:
    # imported here, not above: a run whose files are all in the result cache never loads the
    # readers' parsers, the tokenizers, language detection or the checks
    from policylint.checks.facts import DocumentFacts
    from policylint.findings import suppression
    from policylint.findings.engine import run_rules
    from policylint.messages import Messages
    from policylint.text.analysis import analyse
    from policylint.text.language import detect
    from policylint.text.languages import BASE_LANGUAGE

    try:
        document = read_bytes(data, reader_path)
    except InputError as error:
        return FileCheck(error=error.text)
    document.path = shown
    try:
        document = detect(document, plan.language)
        analysis = analyse(document)
        facts = DocumentFacts(analysis)
        choice = _kind(analysis, plan, facts)
        if choice is not None and plan.kind is None and plan.pack.kinds[choice.name].profile is None:
            # not a policy: one notice, no finding, unless the user names a kind for it
            document.notices.append(Text("kind_not_a_policy", reason=kind_reason_text(choice.reason())))
            findings: list[Finding] = []
        else:
            rules = list(plan.rules_for(choice.name if choice else None))
            # rules the engine cannot run (unused-suppression) judge the comments once applied
            reporters = [r for r in rules if r.kind.settles_suppressions] if warn_unused else []
            findings = run_rules(analysis, plan.pack, plan.settings, rules, facts)
            findings = suppression.settle(document, findings, reporters, plan.settings.message_language)
    except Exception as error:  # a bug must not hide the other files' findings
        return FileCheck(error=Text("internal_error", error=f"{type(error).__name__}: {error}"))
    # notices in the findings' language: the run's, else the document's own
    say = Messages(plan.settings.message_language or document.language or BASE_LANGUAGE)
    checked = FileCheck(findings, [say.text(notice) for notice in document.notices],
                        summary=DocumentSummary.of(document, choice))
    remember(data, reader_path, checked, cache)
    return checked


def remember(data: bytes, reader_path: str, checked: FileCheck, cache: ResultCache | None) -> None:
    """Keep a checked file's outcome in the cache (a file that could not be checked is not kept).
    Called where the file was checked, or by the process that sent it to a Dask worker."""
    if cache and checked.error is None and checked.summary is not None:
        cache.put(cache.key(data, reader_path), checked.findings, checked.notices, checked.summary.fields())
