"""GitHub Actions workflow commands: one `::error file=...::message` line per finding, which
the Actions run shows as annotations on the pull request's changed lines.

Values are escaped as the runner expects: in the message `%`, CR and LF; in properties also
`:` and `,`, which would otherwise end the property. Other control characters are shown
escaped (`safe_text`), so no value can start a workflow command of its own.
"""

from __future__ import annotations

from policylint.formatters.safe_text import printable
from policylint.formatters.text import summary

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    # CR and LF as the runner decodes them; every other control shown escaped (safe_text)
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding) -> str:
    properties = {
        "file": finding.path,
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": f"{finding.code} {finding.rule}",
    }
    joined = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties.items())
    return f"::{LEVELS[finding.severity]} {joined}::{escape_data(finding.message)}"


def render(result, output) -> str:
    lines = [annotation(f) for f in result.findings]
    lines += [f"::error file={escape_property(p.path)}::{escape_data(p.message)}"
              for p in result.problems if p.severity == "error"]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"
