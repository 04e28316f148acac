"""`policylint annotate`: which copies to write, and writing them from a run's findings.

The findings come from the one run path (`cli.execute`, as for check and report); this module
decides where each reviewed copy goes, turns each file's findings into notes (`notes.py`) and
hands them to the writer of its format. Documents are only read; a copy is written through
`formatters/output_file.py`, which refuses links and inputs, and never over an existing file
unless asked to (`--force`).

Comments are in each document's own language unless the message language was given: the run
is then asked for DOCUMENT_LANGUAGE, and the engine words each finding in its document's
language.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from policylint.annotate import opendocument, word
from policylint.annotate.notes import notes_for
from policylint.formatters.output_file import OutputError, check_target, write_output
from policylint.messages import Messages
from policylint.model import Finding
from policylint.report.score import document_score
from policylint.running.runner import STDIN, CheckedFile, Problem, Result, discover
from policylint.text.languages import BASE_LANGUAGE

__all__ = ["NotAnnotated", "plan_copies", "reviews", "write_copy"]

# the formats that carry review comments, by suffix: how to write them into a copy
WRITERS: dict[str, Callable] = {".docx": word.annotate, ".odt": opendocument.annotate}


class NotAnnotated(Exception):
    """A package the writer cannot take (odd or damaged XML); one line, without the path."""


@dataclass(frozen=True)
class Copy:
    source: str  # the document, as named
    target: str  # where its reviewed copy goes


@dataclass
class Plan:
    """What an annotate command will do before anything is checked."""

    copies: list[Copy] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # one line each: passed over, refused
    inputs: list[str] = field(default_factory=list)  # every document named: no copy goes onto one


@dataclass(frozen=True)
class Review:
    """What a copy is written from: the checked file, its findings, their message language."""

    checked: CheckedFile
    findings: list[Finding]
    language: str


def annotatable(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in WRITERS


def plan_copies(paths: Iterable[str], output: str | None, output_dir: str | None, follow_links: bool,
                force: bool, words: Messages) -> Plan:
    """Each document with the path of its reviewed copy: `output` for the one file, or the
    same path under `output_dir` relative to the folder named (a file named alone goes to the
    top of `output_dir`). Other formats, and copies that may not be written, are problems."""
    plan = Plan()
    wanted: list[Copy] = []
    for path in paths:
        base = path if os.path.isdir(path) else None
        for item in discover([path], follow_links):
            if isinstance(item, Problem):
                plan.problems.append(item)
            elif item == STDIN:
                plan.problems.append(Problem("<stdin>", words("annotate_not_annotatable"), "error"))
            elif not annotatable(item):
                plan.problems.append(Problem(item, words("annotate_not_annotatable"), "notice"))
            elif output is not None:
                wanted.append(Copy(item, output))
            else:
                relative = os.path.relpath(item, base) if base else os.path.basename(item)
                wanted.append(Copy(item, os.path.join(output_dir or ".", relative)))
    plan.inputs = [copy.source for copy in wanted]
    for copy in wanted:
        refused = _refusal(copy, plan.inputs, force, words)
        if refused:
            plan.problems.append(Problem(copy.target, refused, "error"))
        else:
            plan.copies.append(copy)
    return plan


def _refusal(copy: Copy, inputs: list[str], force: bool, words: Messages) -> str | None:
    """Why a copy cannot be written, before anything is checked; None when it can."""
    try:
        found = check_target(copy.target, inputs)
    except OutputError as error:
        return words.text(error)
    return words("annotate_exists") if found is not None and not force else None


def reviews(result: Result, message_language: str) -> dict[str, Review]:
    """Each checked file's review, its comments in the run's message language (for
    DOCUMENT_LANGUAGE: the document's own, as the engine worded its messages)."""
    return _reviews(result, message_language)


def _reviews(result: Result, message_language: str) -> dict[str, Review]:
    findings: dict[str, list[Finding]] = {}
    for finding in result.findings:
        findings.setdefault(finding.path, []).append(finding)
    return {checked.path: Review(checked, findings.get(checked.path, []),
                                 message_language or _own_language(checked))
            for checked in result.files if checked.summary is not None}


def _own_language(checked: CheckedFile) -> str:
    """A document's language, as the engine words its messages for DOCUMENT_LANGUAGE."""
    language = checked.summary.language if checked.summary else None
    return language or BASE_LANGUAGE


def _kind_label(kind: str | None, language: str) -> str | None:
    """What a document kind (the run's summary says it, where the run detects kinds) is
    called in a language, from its file in rules/kinds/."""
    if not kind:
        return None
    from policylint.packs import load_pack

    known = load_pack().kinds.get(kind)
    return known.label.get(language, kind) if known else kind


def write_copy(copy: Copy, found: dict[str, Review], today: dt.date, inputs: list[str]) -> int | None:
    """Write the reviewed copy; the number of comments written, or None for a file that could
    not be checked (the run said why). Raises OutputError when the copy cannot be written and
    NotAnnotated when the package is too odd to take comments."""
    review = found.get(copy.source)
    if review is None:
        return None
    words = Messages(review.language)
    with open(copy.source, "rb") as document:
        data = document.read()
    kind = _kind_label(getattr(review.checked.summary, "kind", None), review.language)
    rules = {rule.code: rule for rule in review.checked.rules}
    notes = notes_for(review.findings, rules, document_score(review.checked.rules, review.findings), kind, words)
    try:
        reviewed = WRITERS[os.path.splitext(copy.source)[1].lower()](data, notes, words, f"{today.isoformat()}T00:00:00Z")
    except Exception as error:  # lxml and zipfile raise many kinds on odd packages
        raise NotAnnotated(words("annotate_cannot", reason=error)) from None
    folder = os.path.dirname(copy.target)
    if folder:
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            raise OutputError("output_cannot_write", reason=error.strerror or str(error)) from None
    write_output(copy.target, reviewed, inputs)
    return len(notes)
