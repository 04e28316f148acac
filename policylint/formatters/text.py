"""`path:line:col: CODE severity: message [rule]`, one finding a line, then a summary.

On a terminal the path, code, severity and rule name are coloured (click.style); the words
are the same either way. Paths, messages and rule names pass through `safe_text`, so a
document or a file name cannot send a terminal or a CI log commands of its own.
"""

from __future__ import annotations

from collections import Counter

import click

from policylint.formatters.safe_text import printable, printable_path
from policylint.model import SEVERITIES

SEVERITY_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def position(finding) -> str:
    """`12:5` for line-based sources; paragraphs and pages are named, so nobody reads a Word
    paragraph number or a PDF page's line as a line of the file."""
    if finding.position_kind == "paragraph":
        return f"paragraph {finding.line}:col {finding.column}"
    if finding.position_kind == "page":
        return f"page {finding.page}:line {finding.line}:col {finding.column}"
    return f"{finding.line}:{finding.column}"


def location(finding) -> str:
    return f"{printable_path(finding.path)}:{position(finding)}"


def format_finding(finding, color: bool = False) -> str:
    def style(text, **how):
        return click.style(text, **how) if color else text

    return (
        f"{style(location(finding) + ':', bold=True)} "
        f"{style(printable(finding.code) + ' ' + finding.severity + ':', fg=SEVERITY_COLORS.get(finding.severity), bold=True)} "
        f"{printable(finding.message)} {style('[' + printable(finding.rule) + ']', dim=True)}"
    )


def summary(result) -> str:
    unreadable = sum(1 for p in result.problems if p.severity == "error")
    tail = f" {unreadable} {'file' if unreadable == 1 else 'files'} could not be checked." if unreadable else ""
    if result.baselined:
        tail += f" {result.baselined} known {'problem' if result.baselined == 1 else 'problems'} hidden by the baseline."
    return _findings_summary(result) + tail


def _findings_summary(result) -> str:
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


def render(result, output) -> str:
    lines = [format_finding(f, output.color) for f in result.findings]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"
