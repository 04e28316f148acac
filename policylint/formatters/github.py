"""GitHub Actions workflow commands: one `::error file=...::message` line per finding, which
the Actions run shows as annotations on the pull request's changed lines.

Values are escaped as the runner expects: in the message `%`, CR and LF; in properties also
`:` and `,`, which would otherwise end the property.

GitHub places an annotation on `line` of the file, so only a finding whose position is a line
of the file gets `line=`, `col=`, `endLine=` and `endColumn=`. A Word paragraph or a PDF page's
line would land on an unrelated line (or none) of the file: such a finding is annotated on
the file, and its position opens the message, in the message language ("paragraph 12,
column 5: ...", "paragraphe 12, colonne 5 : ...").
Other control characters are shown escaped (`safe_text`), so no value can start a workflow
command of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policylint.formatters.location import location
from policylint.formatters.output import Formatter, Output
from policylint.formatters.safe_text import printable
from policylint.formatters.text import summary
from policylint.model import Finding
from policylint.text.languages import BASE_LANGUAGE

if TYPE_CHECKING:
    from policylint.running.runner import Result

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    # CR and LF as the runner decodes them; every other control shown escaped (safe_text)
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, language: str = BASE_LANGUAGE) -> str:
    where = location(finding)
    properties: dict[str, object] = {"file": finding.path}
    message = finding.message
    if where.in_file_lines:
        properties.update(line=where.line, col=where.column, endLine=where.end_line, endColumn=where.end_column)
    else:
        message = where.before(message, language or finding.language)  # "": the message's own language
    properties["title"] = f"{finding.code} {finding.rule}"
    joined = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties.items())
    return f"::{LEVELS[finding.severity]} {joined}::{escape_data(message)}"


def render(result: Result, output: Output) -> str:
    lines = [annotation(f, output.message_language) for f in result.findings]
    lines += [f"::error file={escape_property(p.path)}::{escape_data(p.message)}"
              for p in result.problems if p.severity == "error"]
    if output.summary_line:
        lines.append(summary(result, output.message_language))
    return "".join(line + "\n" for line in lines)


FORMATTER = Formatter("github", render)
