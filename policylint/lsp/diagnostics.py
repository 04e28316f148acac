"""A checked buffer as LSP diagnostics: each finding on the exact range of its words (a finding
about the whole document on the title line, as the engine places it), its severity, the rule
name as code with a link to the rule's page, and the message in the message language."""

from __future__ import annotations

from lsprotocol import types

from policylint.lsp.checking import CheckedBuffer
from policylint.lsp.positions import LineIndex, utf16_length
from policylint.lsp.rule_pages import rule_page
from policylint.messages import Messages
from policylint.model import Finding

SOURCE = "policylint"
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def finding_range(finding: Finding, lines: LineIndex) -> types.Range:
    start = lines.to_lsp(finding.line, finding.column)
    end = lines.to_lsp(finding.end_line, finding.end_column)
    return types.Range(types.Position(*start), types.Position(*end))


def diagnostics(checked: CheckedBuffer, message_language: str, rules_url: str | None = None) -> list[types.Diagnostic]:
    lines = LineIndex(checked.text)
    found = []
    for finding in checked.findings:
        rule = checked.plan.pack.rule(finding.code) if checked.plan else None
        href = rule_page(rule, rules_url) if rule else None
        found.append(types.Diagnostic(
            range=finding_range(finding, lines),
            message=finding.message,
            severity=SEVERITIES[finding.severity],
            code=finding.rule,
            code_description=types.CodeDescription(href=href) if href else None,
            source=SOURCE,
            data={"code": finding.code},
        ))
    say = Messages(message_language)
    problems = [(say("lsp_config_error", error=say.text(checked.config_error)), types.DiagnosticSeverity.Error)
                if checked.config_error else None,
                (say("lsp_cannot_check", error=say.text(checked.error)), types.DiagnosticSeverity.Error)
                if checked.error else None]
    problems += [(notice, types.DiagnosticSeverity.Information) for notice in checked.notices]
    # problems with the whole buffer stand on its first line
    first_line = types.Range(types.Position(0, 0), types.Position(0, utf16_length(lines.line_text(0))))
    for problem in problems:
        if problem:
            found.append(types.Diagnostic(range=first_line, message=problem[0], severity=problem[1], source=SOURCE))
    return found
