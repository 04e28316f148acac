"""From paths to results: discover files, plan each one, check them (from the cache, here or
on worker processes), and merge the outcomes in discovery order. No printing here.

`check` and `report` both run this; the report's summary of each document (language, title,
the rules it was checked with) come back in Result.files, from a worker or the cache alike."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from policylint.messages import Messages
from policylint.model import Finding
from policylint.packs import Pack, Rule
from policylint.readers import SUPPORTED_SUFFIXES, InputError
from policylint.running.gitignore import GitIgnore
from policylint.running.one_file import DocumentSummary, FileCheck, Plan, cached, load
from policylint.running.parallel import check_many
from policylint.running.result_cache import ResultCache, run_fingerprint
from policylint.running.time_budget import DEFAULT_SECONDS
from policylint.settings.run_settings import Settings
from policylint.text.languages import BASE_LANGUAGE

STDIN = "-"

__all__ = ["STDIN", "CheckedFile", "Plan", "Problem", "Result", "discover", "run"]


@dataclass(frozen=True)
class Problem:
    """Something to tell the user about a file rather than about its text."""

    path: str
    message: str
    severity: str  # "error": the file was not checked; "notice": it was, with a remark
    language: str | None = None  # the document's, when the message is in its language (no run language)


@dataclass(frozen=True)
class CheckedFile:
    """A file the run looked at (not one the configuration excludes), in discovery order."""

    path: str  # as shown
    summary: DocumentSummary | None  # None: the file could not be checked
    rules: tuple[Rule, ...]  # the rules its plan ran (each covers some languages)


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    baselined: int = 0  # findings a baseline hid
    files: list[CheckedFile] = field(default_factory=list)

    @property
    def input_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def discover(paths: list[str], follow_links: bool = False, respect_gitignore: bool = True,
             say: Messages | None = None) -> Iterator[str | Problem]:
    """Files to check, in a stable order: each named file, then each folder walked sorted.

    A file named on the command line is read even through a symbolic link (the user chose
    it). In a folder, a link that leads outside the folder is passed over with a notice unless
    `follow_links`: otherwise a link named policy.md could put /etc/passwd or a credentials
    file into a report. A link loop is one error line; a sub-folder that cannot be read is
    one notice. In a folder, what its .gitignore files (and those above it, up to the
    repository's top) ignore is not walked unless `respect_gitignore` is False. Problems are
    said in the language of `say` (default: the base language)."""
    say = say or Messages()
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            yield STDIN
            continue
        if os.path.isdir(path):
            found = list(_walk(path, follow_links, GitIgnore(path) if respect_gitignore else None, say))
            if not any(isinstance(item, str) for item in found):
                found.append(Problem(path, say("folder_without_files", suffixes=", ".join(SUPPORTED_SUFFIXES)), "notice"))
            for item in found:
                if isinstance(item, Problem):
                    yield item
                elif item not in seen:
                    seen.add(item)
                    yield _looping(item, say) or item
        elif path not in seen:
            seen.add(path)
            yield _looping(path, say) or path


def _looping(path: str, say: Messages) -> Problem | None:
    """An error for a symbolic link that leads back to itself, which no reader can open."""
    if not os.path.islink(path):
        return None
    try:
        os.path.realpath(path, strict=True)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Problem(path, say("link_loop"), "error")
    return None


def _walk(directory: str, follow_links: bool, gitignore: GitIgnore | None, say: Messages) -> Iterator[str | Problem]:
    top = os.path.realpath(directory)
    unreadable: list[OSError] = []
    visited: set[str] = set()  # real folders walked, so that followed links cannot loop
    for root, dirs, files in os.walk(directory, followlinks=follow_links, onerror=unreadable.append):
        yield from _unreadable(unreadable, say)
        real_root = os.path.realpath(root)
        if real_root in visited:
            dirs[:] = []
            continue
        visited.add(real_root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not (gitignore and gitignore.ignored(os.path.join(root, d), is_folder=True)))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                path = os.path.join(root, name)
                if gitignore and gitignore.ignored(path, is_folder=False):
                    continue
                if follow_links or not os.path.islink(path) or _inside(os.path.realpath(path), top):
                    yield path
                else:
                    yield Problem(path, say("link_outside", folder=directory), "notice")
    yield from _unreadable(unreadable, say)


def _unreadable(errors: list[OSError], say: Messages) -> Iterator[Problem]:
    for error in errors:
        yield Problem(error.filename or "?", say("folder_unreadable", reason=error.strerror or error), "notice")
    errors.clear()


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


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
    jobs: int | None = 1,
    use_cache: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    follow_links: bool = False,
    timeout: float | None = DEFAULT_SECONDS,
    respect_gitignore: bool = True,
    scheduler: str | None = None,
    message_language: str | None = None,
) -> Result:
    """Check every discovered file.

    `rules` (default: the whole pack) are the rules to run. `plan_for(path)` (for standard
    input, the name given for it) replaces pack, settings, language and rules per file, as a
    configuration file decides; None skips the file. `on_progress(done, total)` follows the
    files checked; `jobs` processes share the files the cache does not know (None: as many
    as their size pays for, up to every core);
    `follow_links` reads links in folders that lead outside them, and `respect_gitignore`
    False walks what .gitignore files leave out (see discover); with a Dask `scheduler`'s
    address, its workers check the files instead (running/scheduler.py).
    A file that takes more than `timeout` seconds is reported as not checked (None: no limit).
    Problems are said in `message_language` (DOCUMENT_LANGUAGE or None: the base language, as
    no document's language is known when a file cannot be read).
    """
    fixed = None
    if pack:
        assert settings is not None  # a pack comes with its settings (without one, plan_for gives both)
        fixed = Plan(pack, tuple(rules) if rules is not None else None, settings, language)
    plans: list[Plan] = []  # the distinct plans of this run; tasks name them by index
    plan_index: dict[tuple, int] = {}
    plan_objects: dict[int, int] = {}  # id of a Plan seen -> its index in plans
    seen_plans: list[Plan] = []
    caches: list[ResultCache | None] = []
    outcomes: list[Problem | tuple[str, FileCheck | None, Plan]] = []
    tasks: list[tuple] = []  # files not found in the cache: (source, reader path, shown name, plan)
    waiting: list[int] = []  # where each task's outcome goes
    say = Messages(message_language or BASE_LANGUAGE)
    for item in discover(paths, follow_links, respect_gitignore, say):
        if isinstance(item, Problem):
            outcomes.append(item)
            continue
        shown = stdin_name if item == STDIN else item
        plan = plan_for(shown) if plan_for else fixed
        if plan is None:  # excluded by the configuration
            continue
        index = plan_objects.get(id(plan))  # the same Plan again (a Workspace shares them): no identity to work out
        if index is None:
            key = plan.identity()
            if key not in plan_index:
                plan_index[key] = len(plans)
                plans.append(plan)
                fingerprint = run_fingerprint(plan, warn_unused_suppressions)
                caches.append(ResultCache(fingerprint) if use_cache else None)
            index = plan_objects[id(plan)] = plan_index[key]
            seen_plans.append(plan)  # kept alive, so that its id stays its own
        if item == STDIN:
            reader_path, source = stdin_name if Path(stdin_name).suffix else "stdin.md", read_stdin()
        else:
            reader_path, source = item, item
        outcome = None
        if caches[index]:  # look the file up first: a re-check of unchanged files starts no worker
            try:
                outcome = cached(load(source), reader_path, shown, caches[index])
            except InputError as error:
                outcome = FileCheck(error=error.text)
        if outcome is None:
            tasks.append((source, reader_path, shown, index))
            waiting.append(len(outcomes))
        outcomes.append((shown, outcome, plan))
    total = len(outcomes) - sum(isinstance(o, Problem) for o in outcomes)
    done = total - len(tasks)
    if on_progress:
        on_progress(done, total)
    checked = check_many(tasks, jobs, plans, caches, warn_unused_suppressions, timeout, scheduler)
    for index, outcome in zip(waiting, checked):
        waited = outcomes[index]
        assert not isinstance(waited, Problem)  # `waiting` holds the places of files sent to check
        shown, _, plan = waited
        outcomes[index] = (shown, outcome, plan)
        done += 1
        if on_progress:
            on_progress(done, total)
    return _merge(outcomes, say)


def _merge(outcomes, say: Messages) -> Result:
    """The outcomes in discovery order, as one result."""
    result = Result()
    for outcome in outcomes:
        if isinstance(outcome, Problem):
            result.problems.append(outcome)
            continue
        shown, checked, plan = outcome
        summary = checked.summary if checked.error is None else None
        rules = plan.rules_for(summary.kind if summary else None)
        result.files.append(CheckedFile(shown, summary, rules))
        if checked.error is not None:
            result.problems.append(Problem(shown, say.text(checked.error), "error"))
            continue
        # worded in the run's message language, else in the document's own (one_file)
        own = None if plan.settings.message_language or summary is None else summary.language
        result.problems.extend(Problem(shown, notice, "notice", own) for notice in checked.notices)
        result.findings.extend(checked.findings)
        result.files_checked += 1
    return result
