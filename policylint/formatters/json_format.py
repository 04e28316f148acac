"""One JSON object: the findings, the file problems and a summary."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict

SCHEMA_VERSION = 1
FIELDS = (
    "path", "line", "column", "end_line", "end_column", "rule", "code", "severity", "message", "language",
    "position_kind", "page", "end_page",  # added in schema 1 without removing anything
)


def record(finding) -> dict:
    data = asdict(finding)
    return {key: data[key] for key in FIELDS}


def render(result, version: str) -> str:
    payload = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "policylint", "version": version},
        "findings": [record(f) for f in result.findings],
        "problems": [asdict(p) for p in result.problems],
        "summary": {
            "files_checked": result.files_checked,
            "findings": len(result.findings),
            "by_severity": dict(sorted(Counter(f.severity for f in result.findings).items())),
        },
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
