"""The audit for spreadsheets and tools: CSV (one row per document) and JSON (everything)."""

from __future__ import annotations

import csv
import io

from policylint.findings.fingerprints import keyed
from policylint.formatters.json_format import record
from policylint.formatters.safe_text import json_text, printable
from policylint.messages import Messages
from policylint.report.audit import NOT_APPLICABLE, Audit
from policylint.report.score import formula_parameters

SCHEMA_VERSION = 1
# A spreadsheet reads a cell starting with one of these as a formula (=HYPERLINK(...), +cmd|...)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """A CSV cell a spreadsheet shows as text: printable, and a leading formula character
    behind an apostrophe (which spreadsheets show as text and hide). Numbers stay numbers."""
    if not isinstance(value, str):
        return value
    return "'" + printable(value) if value.startswith(FORMULA_STARTS) else printable(value)


def render_csv(audit: Audit, language: str) -> str:
    """One row per document: its language, score, counts and coverage, headed in `language`.

    Cells name the state ("missing") in the report's language, as a manager's spreadsheet
    would; JSON carries the same data with fixed English keys for tools."""
    labels = Messages(language)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(map(cell,
        [labels("document"), labels("title"), labels("language"), labels("score"),
         labels("errors"), labels("warnings"), labels("infos")]
        + [f"{rule.code} {rule.element[language]}" for rule in audit.elements]
        + [labels("documents_not_checked")]
    ))
    for document in audit.documents:
        counts = document.severity_counts()
        states = [
            labels("not_applicable" if cell.state == NOT_APPLICABLE else cell.state)
            for cell in (document.cells[rule.code] for rule in audit.elements)
        ]
        writer.writerow(map(cell,
            [document.path, document.title,
             labels.language_name(document.language) if document.checked else "",
             "" if document.score is None else document.score,
             counts["error"], counts["warning"], counts["info"]]
            + states
            + [document.reason]
        ))
    return out.getvalue()


def _rule_name(audit: Audit, code: str) -> str:
    rule = audit.rule(code)
    assert rule is not None  # a document's coverage cells are the audit's rules
    return rule.name


def render_json(audit: Audit, language: str) -> str:
    payload = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "policylint", "version": audit.version},
        "profile": audit.profile,
        "today": audit.today,
        "message_language": language,
        "score_weights": formula_parameters(),
        "elements": [{"code": r.code, "rule": r.name, "label": r.element[language]} for r in audit.elements],
        "summary": {
            "documents": len(audit.documents),
            "documents_checked": len(audit.checked),
            "findings": len(audit.findings),
            "by_severity": dict(audit.severity_counts()),
            "by_rule": {rule.name: count for rule, count in audit.rule_counts()},
            "languages": {code or "other": count for code, count in audit.language_counts()},
            "average_score": audit.average_score(),
            "needs_work_first": [d.path for d in audit.needs_work_first()],
        },
        "documents": [
            {
                "path": d.path,
                "checked": d.checked,
                "language": d.language,
                "title": d.title,
                "kind": d.kind,
                "kind_reason": d.kind_reason,
                "score": d.score,
                "coverage": {_rule_name(audit, code): cell.state for code, cell in d.cells.items()},
                "problems": [{"severity": p.severity, "message": p.message} for p in d.problems],
                "findings": [record(*item) for item in keyed(d.findings)],
            }
            for d in audit.documents
        ],
        "problems": [{"path": p.path, "severity": p.severity, "message": p.message} for p in audit.problems],
        "parity": [
            {"source": pair.source, "translation": pair.translation, "agrees": pair.agrees,
             "differences": [record(*item) for item in keyed(list(pair.findings))]}
            for pair in audit.parity
        ],
    }
    return json_text(payload)
