"""`path:line:col: CODE severity: message [rule]`, one finding a line, then a summary.

On a terminal the path, code, severity and rule name are coloured (click.style); the words
are the same either way. Paths, messages and rule names pass through `safe_text`, so a
document or a file name cannot send a terminal or a CI log commands of its own.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any


from policylint.formatters.location import location
from policylint.formatters.output import Formatter, Output
from policylint.formatters.safe_text import printable, printable_path
from policylint.model import SEVERITIES, Finding

if TYPE_CHECKING:
    from policylint.running.runner import Result

SEVERITY_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def located(finding: Finding) -> str:
    """`path:12:5`; paragraphs and pages are named (`path:paragraph 12:col 5`), so nobody reads
    a Word paragraph number or a PDF page's line as a line of the file."""
    return f"{printable_path(finding.path)}:{location(finding).label}"


def format_finding(finding: Finding, color: bool = False) -> str:
    if color:  # click only when colouring: the API imports the formatters without click
        from click import style as click_style

    def style(text: str, **how: Any) -> str:
        return click_style(text, **how) if color else text

    return (
        f"{style(located(finding) + ':', bold=True)} "
        f"{style(printable(finding.code) + ' ' + finding.severity + ':', fg=SEVERITY_COLORS.get(finding.severity), bold=True)} "
        f"{printable(finding.message)} {style('[' + printable(finding.rule) + ']', dim=True)}"
    )


def summary(result: Result) -> str:
    unreadable = sum(1 for p in result.problems if p.severity == "error")
    tail = f" {unreadable} {'file' if unreadable == 1 else 'files'} could not be checked." if unreadable else ""
    if result.baselined:
        tail += f" {result.baselined} known {'problem' if result.baselined == 1 else 'problems'} hidden by the baseline."
    return _findings_summary(result) + tail


def _findings_summary(result: Result) -> str:
    files = result.files_checked
    noun = "file" if files == 1 else "files"
    if not result.findings:
        return f"No problems found in {files} {noun}."
    counts = Counter(f.severity for f in result.findings)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in reversed(SEVERITIES) if counts[s]]
    total = len(result.findings)
    with_findings = len({f.path for f in result.findings})
    return (
        f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) "
        f"in {with_findings} of {files} {noun}."
    )


def render(result: Result, output: Output) -> str:
    lines = [format_finding(f, output.color) for f in result.findings]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


FORMATTER = Formatter("text", render)
