"""What a run comes to, decided in one place for `check` and `report`: which findings are kept
(a baseline hides the ones it records; suppression comments were applied per file already)
and the exit status."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from policylint.findings import baseline
from policylint.model import Finding
from policylint.running.runner import Result

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def settle(result: Result, fails: Callable[[Finding], bool], known: set | None = None,
           baseline_file: str | Path | None = None, findings_fail: bool = True) -> int:
    """Keep the findings the baseline `known` (read from `baseline_file`) does not record, in
    `result` itself, and return the exit status: 2 when a file could not be checked, else 1
    when `findings_fail` and a kept finding `fails` (its file's fail-on), else 0."""
    if known is not None:
        assert baseline_file is not None  # `known` was read from it
        kept = baseline.new_findings(result.findings, known, baseline_file)
        result.baselined = len(result.findings) - len(kept)
        result.findings = kept
    if result.input_errors:
        return EXIT_ERROR
    if findings_fail and any(fails(finding) for finding in result.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN
