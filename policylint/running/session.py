"""One run, from what the user asked for to a settled result: the single path that the command
line (`check`, `report`) and the Python API (`policylint.check_paths`, `check_text`) take.

It reads the baseline, plans each file through a Workspace (configuration discovery as on the
command line), runs the runner (here, on -j processes, or on a Dask cluster), and puts the
workspace's own problems first. Nothing here prints: errors are raised (ConfigError, PackError,
BaselineError, SchedulerError) for the caller to show its own way."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from policylint.findings import baseline
from policylint.model import LANGUAGES
from policylint.running.runner import Result, run
from policylint.running.time_budget import DEFAULT_SECONDS
from policylint.running.verdict import settle
from policylint.settings.plans import Options, Workspace
from policylint.settings.run_settings import DOCUMENT_LANGUAGE


def locale_language() -> str:
    """The default message language: the user's language when it is one of the five; otherwise
    (C.UTF-8 in most CI containers, German, no locale at all) DOCUMENT_LANGUAGE: each finding in
    its document's language, and the command line's own lines in the base language (English)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else DOCUMENT_LANGUAGE
    return DOCUMENT_LANGUAGE


def split_selectors(values: Iterable[str] | None) -> tuple[str, ...] | None:
    """Rule selectors given as comma- or space-separated lists, repeatable, as in ruff (None:
    none given)."""
    if not values:
        return None
    return tuple(s for item in values for s in item.replace(" ", ",").split(",") if s)


@dataclass(frozen=True)
class RunRequest:
    """What `check`, `report` and the API are told alike: how to plan each file (Options), and
    how to run and settle the files."""

    options: Options
    stdin_name: str
    jobs: int | None  # None: as many processes as the work pays for
    use_cache: bool
    warn_unused: bool
    baseline_file: str | None
    follow_links: bool
    respect_gitignore: bool = True  # in folders, leave out what .gitignore files ignore
    scheduler: str | None = None  # a Dask scheduler's address: check the files on its workers
    timeout: float | None = DEFAULT_SECONDS  # seconds one file may take (None: no limit)


@dataclass
class Session:
    """A finished run: the workspace that planned it, its result, and the baseline's records."""

    request: RunRequest
    workspace: Workspace
    result: Result
    known: set | None

    def status(self, findings_fail: bool = True) -> int:
        """Apply the baseline to the result and return the exit status (running.verdict)."""
        return settle(self.result, self.workspace.fails, self.known, self.request.baseline_file, findings_fail)


def execute(
    paths: list[str],
    request: RunRequest,
    read_stdin: Callable[[], bytes] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Session:
    """Plan and check `paths` ("-" is standard input, read by `read_stdin`)."""
    known = baseline.read(Path(request.baseline_file)) if request.baseline_file is not None else None
    workspace = Workspace(request.options)
    result = run(list(paths), None, None, stdin_name=request.stdin_name, read_stdin=read_stdin,
                 plan_for=workspace.plan_for, warn_unused_suppressions=request.warn_unused,
                 jobs=request.jobs, use_cache=request.use_cache, on_progress=on_progress,
                 follow_links=request.follow_links, respect_gitignore=request.respect_gitignore,
                 scheduler=request.scheduler, timeout=request.timeout,
                 message_language=request.options.message_language)
    result.problems[:0] = workspace.problems
    return Session(request, workspace, result, known)
