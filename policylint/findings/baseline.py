"""Baselines: record today's findings, then report only new ones.

A finding is identified by its file, rule and content (fingerprints.py), never by its line,
so edits elsewhere in a policy do not bring old findings back. Paths are stored relative to
the baseline file's folder, so the file works from any working directory and on any machine.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from policylint.findings.fingerprints import keyed
from policylint.formatters.output_file import OutputError, write_output
from policylint.formatters.safe_text import json_text
from policylint.messages import TextError
from policylint.model import Finding

SCHEMA_VERSION = 1


class BaselineError(TextError):
    """A baseline that cannot be read or written; the message (a catalogue entry) is one line."""


def _identity(path: str, baseline: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(baseline.parent.resolve()).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute, baseline.parent.resolve())).as_posix()


def write(findings: list[Finding], baseline: Path, inputs=()) -> int:
    """Record the findings; returns how many. `inputs` (the files checked) are never written
    over (output_file.py)."""
    baseline = Path(baseline)
    entries = [
        {
            "path": _identity(finding.path, baseline),
            "rule": finding.rule,
            "code": finding.code,
            "key": key,
            "occurrence": occurrence,
            "excerpt": finding.excerpt,  # for people reading the file; matching uses key
            "line": finding.line,
        }
        for finding, key, occurrence in keyed(findings)
    ]
    payload = {"schema_version": SCHEMA_VERSION, "tool": "policylint", "findings": entries}
    try:
        # readable in every script; control characters and the surrogates of a file name that
        # is not UTF-8 as JSON escapes, so the path reads back
        write_output(str(baseline), json_text(payload), inputs)
    except OutputError as error:
        raise BaselineError(error.text) from None
    return len(entries)


def read(baseline: Path) -> set[tuple[str, str, str, int]]:
    """The recorded findings as (path, rule, key, occurrence)."""
    baseline = Path(baseline)
    try:
        payload = json.loads(baseline.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError("baseline_missing") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError("baseline_cannot_read", reason=str(error)) from None
    except json.JSONDecodeError as error:
        raise BaselineError("baseline_bad_json", line=error.lineno, reason=error.msg) from None
    if not isinstance(payload, dict) or payload.get("schema_version") != SCHEMA_VERSION:
        raise BaselineError("baseline_wrong_schema", version=SCHEMA_VERSION)
    try:
        return {(e["path"], e["rule"], e["key"], int(e["occurrence"])) for e in payload["findings"]}
    except (KeyError, TypeError, ValueError):
        raise BaselineError("baseline_bad_entry") from None


def new_findings(findings: list[Finding], known: set, baseline: str | Path) -> list[Finding]:
    """The findings the baseline does not record, in their original order."""
    baseline = Path(baseline)
    fresh = {
        id(finding)
        for finding, key, occurrence in keyed(findings)
        if (_identity(finding.path, baseline), finding.rule, key, occurrence) not in known
    }
    return [f for f in findings if id(f) in fresh]
