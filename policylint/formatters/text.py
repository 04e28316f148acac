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
from policylint.messages import Messages
from policylint.model import SEVERITIES, Finding
from policylint.text.languages import BASE_LANGUAGE

if TYPE_CHECKING:
    from policylint.running.runner import Result

SEVERITY_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def located(finding: Finding, language: str = BASE_LANGUAGE) -> str:
    """`path:12:5`; paragraphs and pages are named (`path:paragraph 12:col 5`), so nobody reads
    a Word paragraph number or a PDF page's line as a line of the file."""
    return f"{printable_path(finding.path)}:{location(finding).label(language)}"


def format_finding(finding: Finding, color: bool = False, language: str = BASE_LANGUAGE) -> str:
    if color:  # click only when colouring: the API imports the formatters without click
        from click import style as click_style

    def style(text: str, **how: Any) -> str:
        return click_style(text, **how) if color else text

    severity = Messages(language).severity(finding.severity)
    return (
        f"{style(located(finding, language) + ':', bold=True)} "
        f"{style(printable(finding.code) + ' ' + severity + ':', fg=SEVERITY_COLORS.get(finding.severity), bold=True)} "
        f"{printable(finding.message)} {style('[' + printable(finding.rule) + ']', dim=True)}"
    )


def summary(result: Result, language: str = BASE_LANGUAGE) -> str:
    """`Found 7 problems (4 errors, 3 warnings) in 2 of 5 files.`, in the message language,
    then the files that could not be checked and the findings the baseline hid."""
    say = Messages(language)
    parts = [_findings_summary(result, say)]
    unreadable = sum(1 for p in result.problems if p.severity == "error")
    if unreadable:
        parts.append(say.count("unreadable", unreadable))
    if result.baselined:
        parts.append(say.count("baselined", result.baselined))
    return " ".join(parts)


def _findings_summary(result: Result, say: Messages) -> str:
    files = say.count("files", result.files_checked)
    if not result.findings:
        return say("summary_clean", files=files)
    counts = Counter(f.severity for f in result.findings)
    severities = say.joined([say.count(f"count_{s}", counts[s]) for s in reversed(SEVERITIES) if counts[s]])
    with_findings = len({f.path for f in result.findings})
    return say("summary_found", problems=say.count("problems", len(result.findings)), severities=severities,
               with_findings=with_findings, files=files)


def statistics(result: Result, language: str = BASE_LANGUAGE) -> str:
    """Findings counted per rule, most first (then by code), as ruff's --statistics:
    `   4  PL104  jargon  warning`."""
    say = Messages(language)
    counts = Counter((f.code, f.rule, f.severity) for f in result.findings)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    lines = [say("statistics_header")] if ordered else []
    width = max((len(str(n)) for _, n in ordered), default=1)
    lines += [f"{n:>{width}}  {printable(code)}  {printable(rule)}  {say.severity(severity)}"
              for (code, rule, severity), n in ordered]
    return "\n".join(lines) + ("\n" if lines else "")


def kind_line(path: str, kind: str | None, reason: str | None, say: Messages) -> str:
    """`path: kind: returns (title: "Refunds and Returns")`, its words in the message language
    (the kind's name stays: --kind and the configuration take it)."""
    why = say.kind_reason(reason) if reason else ""
    return f"{printable_path(path)}: {say('kind_word')}: {printable(kind or say('kind_none'))} ({printable(why)})"


def render(result: Result, output: Output) -> str:
    language = output.message_language
    lines = [kind_line(f.path, f.summary.kind, f.summary.kind_reason, Messages(language))
             for f in result.files if output.show_kinds and f.summary is not None]
    lines += [format_finding(f, output.color, language) for f in result.findings]
    if output.summary_line:
        lines.append(summary(result, language))
    return "".join(line + "\n" for line in lines)


FORMATTER = Formatter("text", render)
