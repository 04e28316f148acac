"""SARIF 2.1.0, as GitHub code scanning accepts it.

One run: the tool and its rules (short and full descriptions, help, default level), then one
result per finding with its level, message, a location relative to the repository's top
(`%SRCROOT%`), start and end line and column (columns count characters, as
`columnKind: unicodeCodePoints` declares; the end column is exclusive, as SARIF's is), and
`partialFingerprints` from the content key, so that an alert follows its words when lines move.

A region's lines and columns are the file's own, so only a finding whose position is a line of
the file has one. A Word or OpenDocument paragraph and a PDF page's line are no lines of the
file: such a result is placed on the file alone, names its position in a logical location
(`paragraph 12, column 5`, kind `element`: a paragraph element; `page 3, line 4, column 5`,
kind `text`; always in English, so the data does not change with --message-lang), and opens
its message with that position in the message language, which is what code scanning shows.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policylint.findings.fingerprints import keyed
from policylint.formatters.location import location
from policylint.formatters.output import Formatter, Output, RuleInfo
from policylint.messages import Messages
from policylint.model import Finding
from policylint.text.languages import BASE_LANGUAGE

if TYPE_CHECKING:
    from policylint.running.runner import Result
from policylint.formatters.safe_text import json_text

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
FINGERPRINT = "policylintContent/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# GitHub sorts alerts by this (error, warning, recommendation)
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
ROOT = "%SRCROOT%"
LOGICAL_KINDS = {"paragraph": "element", "page": "text"}  # SARIF's logicalLocation kinds


def rule_descriptor(rule: RuleInfo) -> dict[str, Any]:
    """A rule's descriptions, in the language of its texts (`RuleInfo.of`): the heading before
    the fix is the catalogue's, as `explain` shows it."""
    how_to_fix = Messages(rule.language)("explain_fix")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {
            "text": f"{rule.rationale}\n\n{how_to_fix} {rule.fix}",
            "markdown": f"**{rule.name}** ({rule.code}): {rule.summary}\n\n{rule.rationale}\n\n**{how_to_fix}** {rule.fix}",
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "tags": ["policy", "documentation"],
            "precision": "high",
            "problem.severity": PROBLEM_SEVERITY[rule.severity],
        },
    }


def artifact_uri(path: str, root: str) -> str:
    """The path relative to the repository's top, with / separators, percent-encoded (from the
    name's bytes, so a name that is not UTF-8 keeps its bytes as %XX)."""
    absolute = os.path.abspath(path)
    try:
        relative = Path(absolute).relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        relative = Path(path).as_posix()
    from urllib.parse import quote  # only SARIF output needs it, not every run

    return quote(os.fsencode(relative), safe="/")


def result_record(
    finding: Finding, key: str, occurrence: int, rule_index: dict[str, int], root: str, language: str = BASE_LANGUAGE
) -> dict[str, Any]:
    where = location(finding)
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(finding.path, root), "uriBaseId": ROOT}}
    place: dict[str, Any] = {"physicalLocation": physical}
    message = finding.message
    if where.in_file_lines:
        physical["region"] = {
            "startLine": where.line,
            "startColumn": where.column,
            "endLine": where.end_line,
            "endColumn": where.end_column,
        }
    else:
        place["logicalLocations"] = [{"name": where.phrase(), "kind": LOGICAL_KINDS[where.kind]}]
        message = where.before(message, language or finding.language)  # "": the message's own language
    record: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [place],
        "partialFingerprints": {FINGERPRINT: f"{key}:{occurrence}"},
        "properties": {"rule": finding.rule, "language": finding.language},
    }
    if finding.code in rule_index:
        record["ruleIndex"] = rule_index[finding.code]
    return record


def render(result: Result, output: Output) -> str:
    codes = sorted(output.rules)
    rules = [rule_descriptor(output.rules[code]) for code in codes]
    rule_index = {code: index for index, code in enumerate(codes)}
    root = Path(output.root).resolve()
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "policylint",
                "version": output.version,
                "semanticVersion": output.version,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {ROOT: {"uri": root.as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        # each file checked, with the kind of document it was judged as and why
        "artifacts": [
            {
                "location": {"uri": artifact_uri(f.path, str(root)), "uriBaseId": ROOT},
                "properties": {"language": f.summary.language, "kind": f.summary.kind,
                               "kindReason": f.summary.kind_reason},
            }
            for f in result.files if f.summary is not None
        ],
        "results": [result_record(*item, rule_index, str(root), output.message_language) for item in keyed(result.findings)],
        "invocations": [
            {
                "executionSuccessful": not any(p.severity == "error" for p in result.problems),
                "toolExecutionNotifications": [
                    {
                        "level": "error" if p.severity == "error" else "note",
                        "message": {"text": p.message},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": artifact_uri(p.path, str(root)), "uriBaseId": ROOT}
                                }
                            }
                        ],
                    }
                    for p in result.problems
                ],
            }
        ],
    }
    return json_text({"$schema": SCHEMA, "version": VERSION, "runs": [run]})


FORMATTER = Formatter("sarif", render)
