"""From paths to results: discover files, read, detect languages, check. No printing here."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from policylint import suppression
from policylint.engine import Settings, check_document
from policylint.language import detect
from policylint.model import Finding
from policylint.packs import Pack, Rule
from policylint.readers import SUPPORTED_SUFFIXES, InputError, read_bytes, read_file

STDIN = "-"


@dataclass(frozen=True)
class Problem:
    """Something to tell the user about a file rather than about its text."""

    path: str
    message: str
    severity: str  # "error": the file was not checked; "notice": it was, with a remark


@dataclass(frozen=True)
class Plan:
    """How to check one file: the pack (with the configuration's changes), its rules, the
    settings and the language to assume (None: detect it)."""

    pack: Pack
    rules: tuple[Rule, ...] | None  # None: the whole pack
    settings: Settings
    language: str | None = None


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    baselined: int = 0  # findings left out because a baseline records them

    @property
    def input_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def discover(paths: list[str]) -> Iterator[str | Problem]:
    """Files to check, in a stable order: each named file, then each folder walked sorted."""
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            yield STDIN
            continue
        if os.path.isdir(path):
            found = list(_walk(path))
            if not found:
                yield Problem(path, f"no files to check (looked for {', '.join(SUPPORTED_SUFFIXES)})", "notice")
            for file in found:
                if file not in seen:
                    seen.add(file)
                    yield file
        elif path not in seen:
            seen.add(path)
            yield path


def _walk(directory: str) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                yield os.path.join(root, name)


def run(
    paths: list[str],
    pack: Pack,
    settings: Settings,
    language: str | None = None,
    stdin_name: str = "<stdin>",
    read_stdin=None,
    rules=None,
    plan_for: Callable[[str], Plan | None] | None = None,
    warn_unused_suppressions: bool = False,
    on_file=None,
) -> Result:
    """Check every file; `rules` (default: the whole pack) are the rules to run.

    `plan_for(path)` (for standard input, the name given for it) replaces pack, settings,
    language and rules per file, as a configuration file decides; None skips the file.
    `on_file(path, document)` is called after each file, with None for a file that could not
    be checked: a report needs each document, a progress bar needs each step.
    """
    result = Result()
    fixed = Plan(pack, tuple(rules) if rules is not None else None, settings, language)
    for item in discover(paths):
        if isinstance(item, Problem):
            result.problems.append(item)
            continue
        shown = stdin_name if item == STDIN else item
        plan = plan_for(shown) if plan_for else fixed
        if plan is None:  # excluded by the configuration
            continue
        document = _check_file(item, shown, plan, stdin_name, read_stdin, warn_unused_suppressions, result)
        if on_file is not None:
            on_file(shown, document)
    return result


def _check_file(item, shown, plan: Plan, stdin_name, read_stdin, warn_unused: bool, result: Result):
    """Read and check one file into `result`; the document, or None when it could not be checked."""
    try:
        if item == STDIN:
            reader_path = stdin_name if Path(stdin_name).suffix else "stdin.md"
            document = read_bytes(read_stdin(), reader_path)
            document.path = stdin_name
        else:
            document = read_file(item)
    except InputError as error:
        result.problems.append(Problem(shown, str(error), "error"))
        return None
    try:
        document = detect(document, plan.language)
        rules = list(plan.rules) if plan.rules is not None else None
        findings = check_document(document, plan.pack, plan.settings, rules)
        findings, unused = suppression.apply(document, findings)
        if warn_unused:
            findings += suppression.unused_findings(document, unused, plan.settings.message_language)
            findings.sort(key=Finding.sort_key)
    except Exception as error:  # a bug must not hide the other files' findings
        result.problems.append(Problem(shown, f"internal error, please report it: {type(error).__name__}: {error}", "error"))
        return None
    result.problems.extend(Problem(shown, notice, "notice") for notice in document.notices)
    result.findings.extend(findings)
    result.files_checked += 1
    return document
