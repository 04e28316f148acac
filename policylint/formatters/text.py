"""`path:line:col: CODE severity: message [rule]`, one finding a line, then a summary."""

from __future__ import annotations

from collections import Counter

from policylint.model import SEVERITIES


def format_finding(finding) -> str:
    return (
        f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {finding.severity}: "
        f"{finding.message} [{finding.rule}]"
    )


def summary(result) -> str:
    unreadable = sum(1 for p in result.problems if p.severity == "error")
    tail = f" {unreadable} {'file' if unreadable == 1 else 'files'} could not be checked." if unreadable else ""
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


def render(result, version: str) -> str:
    lines = [format_finding(f) for f in result.findings]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"
