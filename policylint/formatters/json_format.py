"""One JSON object: the findings, the file problems and a summary.

schema_version 2 added each finding's `excerpt` (the flagged text) and `fingerprint` (its
content key and occurrence, as in baselines and SARIF); schema_version 3 added `files`: each file
checked, with its language and the kind of document it was judged as, and why.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from policylint.findings.fingerprints import keyed
from policylint.formatters.output import Formatter, Output
from policylint.model import Finding

if TYPE_CHECKING:
    from policylint.running.runner import Result
from policylint.formatters.safe_text import json_text

SCHEMA_VERSION = 3
FIELDS = (
    "path", "line", "column", "end_line", "end_column", "rule", "code", "severity", "message", "language",
    "position_kind", "page", "end_page", "excerpt",
)


def record(finding: Finding, key: str, occurrence: int) -> dict[str, Any]:
    # every field is a plain value, so no deep copy (asdict) is needed: that was most of the time
    return {**{name: getattr(finding, name) for name in FIELDS}, "fingerprint": f"{key}:{occurrence}"}


def render(result: Result, output: Output) -> str:
    payload = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "policylint", "version": output.version},
        "findings": [record(*item) for item in keyed(result.findings)],
        "problems": [{"path": p.path, "message": p.message, "severity": p.severity} for p in result.problems],
        "files": [
            {"path": f.path, "language": f.summary.language, "kind": f.summary.kind, "kind_reason": f.summary.kind_reason}
            for f in result.files if f.summary is not None
        ],
        "summary": {
            "files_checked": result.files_checked,
            "findings": len(result.findings),
            "by_severity": dict(sorted(Counter(f.severity for f in result.findings).items())),
            "baselined": result.baselined,
        },
    }
    return json_text(payload)


FORMATTER = Formatter("json", render)
