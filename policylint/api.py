"""The public Python API: `check_paths` and `check_text`, which run the command line's own run
path (running/session.py) and return Findings that are the records of `check --format json`.

docs/api.md documents it; tests/test_api.py keeps it stable."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any, Union

from policylint.findings.baseline import BaselineError
from policylint.findings.fingerprints import keyed
from policylint.formatters.json_format import record
from policylint.messages import Messages
from policylint.model import LANGUAGES
from policylint.packs import PackError
from policylint.running.runner import STDIN, Problem
from policylint.running.scheduler import SchedulerError
from policylint.running.session import RunRequest, Session, execute, locale_language, split_selectors
from policylint.settings.config import FAIL_ON, ConfigError
from policylint.settings.plans import Options

__all__ = ["CheckResult", "Finding", "PolicylintError", "Problem", "check_paths", "check_text"]

PathArgument = Union[str, "os.PathLike[str]"]

class PolicylintError(Exception):
    """A run that cannot happen: a configuration, rule pack, baseline or Dask scheduler that
    cannot be used, or an argument out of range. The message is the command line's error line."""


@dataclass(frozen=True)
class Finding:
    """One finding, with the fields of a `check --format json` record, in its order."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    code: str
    severity: str
    message: str
    language: str
    position_kind: str
    page: int | None
    end_page: int | None
    excerpt: str
    fingerprint: str  # content key and occurrence, as in baselines and SARIF

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of this finding, key for key."""
        return {field.name: getattr(self, field.name) for field in fields(self)}


@dataclass(frozen=True)
class CheckResult:
    """What `check_paths` found: findings in the order `check` prints them, the problems with
    files (errors: not checked; notices: checked, with a remark) and `check`'s exit code."""

    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...]
    exit_code: int  # 0 clean, 1 a finding reaches fail-on, 2 a file could not be checked
    files_checked: int
    baselined: int  # findings the baseline hid

    @property
    def input_errors(self) -> bool:
        return any(problem.severity == "error" for problem in self.problems)


def check_paths(
    paths: PathArgument | Iterable[PathArgument],
    *,
    jobs: int | None = None,
    config: PathArgument | None = None,
    isolated: bool = False,
    select: str | Sequence[str] | None = None,
    ignore: str | Sequence[str] | None = None,
    profile: str | None = None,
    rules_dirs: Sequence[PathArgument] = (),
    language: str | None = None,
    kind: str | None = None,
    message_language: str | None = None,
    max_revision_age: int | None = None,
    today: dt.date | None = None,
    fail_on: str | None = None,
    baseline: PathArgument | None = None,
    warn_unused_suppressions: bool = False,
    use_cache: bool = True,
    follow_links: bool = False,
    exclude: str | Sequence[str] = (),
    respect_gitignore: bool = True,
    scheduler: str | None = None,
) -> CheckResult:
    """Check files and folders as `policylint check PATH...` does, with its options as keyword
    arguments (`use_cache=False` is --no-cache); the configuration is found the same way."""
    request = _request(jobs=jobs, config=config, isolated=isolated, select=select, ignore=ignore, profile=profile,
                       rules_dirs=rules_dirs, language=language, kind=kind, message_language=message_language,
                       max_revision_age=max_revision_age, today=today, fail_on=fail_on, baseline=baseline,
                       warn_unused_suppressions=warn_unused_suppressions, use_cache=use_cache,
                       follow_links=follow_links, exclude=exclude, respect_gitignore=respect_gitignore,
                       scheduler=scheduler)
    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    return _result(_run([os.fspath(path) for path in given], request))


def check_text(
    text: str | bytes,
    *,
    filename: PathArgument = "policy.md",
    language: str | None = None,
    kind: str | None = None,
    config: PathArgument | None = None,
    **options: Any,
) -> list[Finding]:
    """The findings for one document given as text (or bytes, for Word, OpenDocument and PDF),
    as `policylint check - --stdin-filename FILENAME` reports them: `filename`'s suffix picks the
    reader and its folder the configuration. `kind` names the document's kind (a returns policy:
    "returns") instead of recognising it, as `--kind` does. Other keyword arguments are
    check_paths'. A document that cannot be checked raises PolicylintError."""
    shown = os.fspath(filename)
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    request = _request(language=language, kind=kind, config=config, stdin_name=shown, **options)
    result = _result(_run([STDIN], request, lambda: data))
    for problem in result.problems:
        if problem.severity == "error":
            raise PolicylintError(f"{problem.path}: {problem.message}")
    return list(result.findings)


def _run(paths: list[str], request: RunRequest, read_stdin=None) -> Session:
    """The command line's run path; its errors as PolicylintError, with the command line's words."""
    say = _say(request.options.message_language)
    try:
        return execute(paths, request, read_stdin)
    except (ConfigError, PackError, SchedulerError) as error:
        raise PolicylintError(say.text(error)) from None
    except BaselineError as error:
        raise PolicylintError(say("baseline_at", path=request.baseline_file, problem=error.text)) from None


def _result(session: Session) -> CheckResult:
    exit_code = session.status()  # applies the baseline first, as `check` does
    result = session.result
    findings = tuple(Finding(**record(*item)) for item in keyed(result.findings))
    return CheckResult(findings, tuple(result.problems), exit_code, result.files_checked, result.baselined)


def _request(
    *,
    jobs: int | None = None,
    config: PathArgument | None = None,
    isolated: bool = False,
    select: str | Sequence[str] | None = None,
    ignore: str | Sequence[str] | None = None,
    profile: str | None = None,
    rules_dirs: Sequence[PathArgument] = (),
    language: str | None = None,
    kind: str | None = None,
    message_language: str | None = None,
    max_revision_age: int | None = None,
    today: dt.date | None = None,
    fail_on: str | None = None,
    baseline: PathArgument | None = None,
    warn_unused_suppressions: bool = False,
    use_cache: bool = True,
    follow_links: bool = False,
    exclude: str | Sequence[str] = (),
    respect_gitignore: bool = True,
    scheduler: str | None = None,
    stdin_name: str = "<stdin>",
) -> RunRequest:
    """The RunRequest the command line would build from the same options, checked as click checks them."""
    say = _say(message_language)
    _choose(say, "language", language, tuple(LANGUAGES))
    _choose(say, "message_language", message_language, tuple(LANGUAGES))
    _choose(say, "fail_on", fail_on, FAIL_ON)
    _at_least_one(say, "jobs", jobs)
    _at_least_one(say, "max_revision_age", max_revision_age)
    options = Options(
        today=today or dt.date.today(),
        message_language=message_language or locale_language(),
        select=split_selectors([select] if isinstance(select, str) else select),
        ignore=split_selectors([ignore] if isinstance(ignore, str) else ignore) or (),
        profile=profile,
        rules_dirs=tuple(os.fspath(folder) for folder in rules_dirs),
        language=language,
        kind=kind,
        max_revision_age=max_revision_age,
        fail_on=fail_on,
        config_file=os.fspath(config) if config is not None else None,
        isolated=isolated,
        exclude=(exclude,) if isinstance(exclude, str) else tuple(exclude),
    )
    return RunRequest(options, stdin_name, jobs, use_cache, warn_unused_suppressions,
                      os.fspath(baseline) if baseline is not None else None, follow_links, respect_gitignore,
                      scheduler)


def _say(message_language: str | None) -> Messages:
    """The catalogue in the language the messages were asked in (if it is one), else the locale's."""
    return Messages(message_language if message_language and message_language in LANGUAGES else locale_language())


def _choose(say: Messages, name: str, value: str | None, choices: Sequence[str]) -> None:
    if value is not None and value not in choices:
        raise PolicylintError(say("api_choice", name=name, value=repr(value), choices=say.joined(list(choices))))


def _at_least_one(say: Messages, name: str, value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise PolicylintError(say("api_whole_number_required", name=name, value=repr(value)))

