"""From paths to results: discover files, plan each one, check them (from the cache, here or
on worker processes), and merge the outcomes in discovery order. No printing here."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from policylint.running.one_file import FileCheck, Plan, cached, load
from policylint.findings.engine import Settings
from policylint.model import Finding
from policylint.packs import Pack
from policylint.running.parallel import check_many
from policylint.readers import SUPPORTED_SUFFIXES, InputError
from policylint.running.result_cache import ResultCache, run_fingerprint
from policylint.running.time_budget import DEFAULT_SECONDS

STDIN = "-"

__all__ = ["STDIN", "Plan", "Problem", "Result", "discover", "run"]


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
    baselined: int = 0  # findings a baseline hid

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
    pack: Pack | None,
    settings: Settings | None,
    language: str | None = None,
    stdin_name: str = "<stdin>",
    read_stdin=None,
    rules=None,
    plan_for: Callable[[str], Plan | None] | None = None,
    warn_unused_suppressions: bool = False,
    on_file: Callable | None = None,
    jobs: int = 1,
    use_cache: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    timeout: float | None = DEFAULT_SECONDS,
) -> Result:
    """Check every discovered file.

    `rules` (default: the whole pack) are the rules to run. `plan_for(path)` (for standard
    input, the name given for it) replaces pack, settings, language and rules per file, as a
    configuration file decides; None skips the file. `on_file(path, document)` is called after
    each file, with None for a file that could not be checked (a report needs each document,
    so such a run checks every file here, without the cache). `on_progress(done, total)`
    follows the files checked; `jobs` processes share the files the cache does not know.
    A file that takes more than `timeout` seconds is reported as not checked (None: no limit).
    """
    keep_documents = on_file is not None
    if keep_documents:
        jobs, use_cache = 1, False
    fixed = Plan(pack, tuple(rules) if rules is not None else None, settings, language) if pack else None
    plans: list[Plan] = []  # the distinct plans of this run; tasks name them by index
    plan_index: dict[tuple, int] = {}
    caches: list[ResultCache | None] = []
    outcomes: list[Problem | tuple[str, FileCheck | None]] = []
    tasks: list[tuple] = []  # files not found in the cache: (source, reader path, shown name, plan)
    waiting: list[int] = []  # where each task's outcome goes
    for item in discover(paths):
        if isinstance(item, Problem):
            outcomes.append(item)
            continue
        shown = stdin_name if item == STDIN else item
        plan = plan_for(shown) if plan_for else fixed
        if plan is None:  # excluded by the configuration
            continue
        key = plan.identity()
        if key not in plan_index:
            plan_index[key] = len(plans)
            plans.append(plan)
            fingerprint = run_fingerprint(plan, warn_unused_suppressions)
            caches.append(ResultCache(fingerprint) if use_cache else None)
        index = plan_index[key]
        if item == STDIN:
            reader_path, source = stdin_name if Path(stdin_name).suffix else "stdin.md", read_stdin()
        else:
            reader_path, source = item, item
        outcome = None
        if caches[index]:  # look the file up first: a re-check of unchanged files starts no worker
            try:
                outcome = cached(load(source), reader_path, shown, caches[index])
            except InputError as error:
                outcome = FileCheck(error=str(error))
        if outcome is None:
            tasks.append((source, reader_path, shown, index))
            waiting.append(len(outcomes))
        outcomes.append((shown, outcome))
    total = len(outcomes) - sum(isinstance(o, Problem) for o in outcomes)
    done = total - len(tasks)
    if on_progress:
        on_progress(done, total)
    checked = check_many(tasks, jobs, plans, caches, warn_unused_suppressions, keep_documents, timeout)
    for index, outcome in zip(waiting, checked):
        outcomes[index] = (outcomes[index][0], outcome)
        if on_file is not None:
            on_file(outcomes[index][0], outcome.document)
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
