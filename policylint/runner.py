"""From paths to results: discover files, read, detect languages, check. No printing here."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from policylint.check_file import FileCheck, cached, load
from policylint.engine import Settings
from policylint.model import Finding
from policylint.packs import Pack
from policylint.parallel import check_many
from policylint.readers import SUPPORTED_SUFFIXES, InputError
from policylint.result_cache import ResultCache, run_fingerprint

STDIN = "-"


@dataclass(frozen=True)
class Problem:
    """Something to tell the user about a file rather than about its text."""

    path: str
    message: str
    severity: str  # "error": the file was not checked; "notice": it was, with a remark


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

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
    jobs: int = 1,
    use_cache: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> Result:
    """Check every discovered file; `on_progress(done, total)` follows the files checked."""
    cache = ResultCache(run_fingerprint(pack, settings, language)) if use_cache else None
    outcomes: list[Problem | tuple[str, FileCheck | None]] = []
    tasks: list[tuple] = []  # files not found in the cache: (source, reader path, shown name)
    waiting: list[int] = []  # where each task's outcome goes
    for item in discover(paths):
        if isinstance(item, Problem):
            outcomes.append(item)
            continue
        if item == STDIN:
            shown, reader_path, source = stdin_name, stdin_name if Path(stdin_name).suffix else "stdin.md", read_stdin()
        else:
            shown, reader_path, source = item, item, item
        outcome = None
        if cache:  # look the file up first: a re-check of unchanged files starts no worker
            try:
                outcome = cached(load(source), reader_path, shown, cache)
            except InputError as error:
                outcome = FileCheck(error=str(error))
        if outcome is None:
            tasks.append((source, reader_path, shown))
            waiting.append(len(outcomes))
        outcomes.append((shown, outcome))
    total = len(outcomes) - sum(isinstance(o, Problem) for o in outcomes)
    done = total - len(tasks)
    if on_progress:
        on_progress(done, total)
    for index, outcome in zip(waiting, check_many(tasks, jobs, pack, settings, language, cache)):
        outcomes[index] = (outcomes[index][0], outcome)
        done += 1
        if on_progress:
            on_progress(done, total)
    return _merge(outcomes)


def _merge(outcomes) -> Result:
    """The outcomes in discovery order, as one result."""
    result = Result()
    for outcome in outcomes:
        if isinstance(outcome, Problem):
            result.problems.append(outcome)
            continue
        shown, checked = outcome
        if checked.error is not None:
            result.problems.append(Problem(shown, checked.error, "error"))
            continue
        result.problems.extend(Problem(shown, notice, "notice") for notice in checked.notices)
        result.findings.extend(checked.findings)
        result.files_checked += 1
    return result
