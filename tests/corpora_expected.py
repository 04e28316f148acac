"""The expected findings of corpora/: how they are computed, and how to write them anew.

Each policy in corpora/ has a file beside it, NAME.expected, one finding a line:
`LINE:COLUMN-END_LINE:END_COLUMN CODE rule language`. After a deliberate change to the rules,
regenerate with `python tests/corpora_expected.py` and review the diff line by line.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
TODAY = dt.date(2026, 11, 22)  # fixed, so that revision ages never drift with the calendar
# the sample policies, one folder per language; corpora/real/ (third-party documents with hand
# labels) is measured by benchmarks/accuracy.py instead
SAMPLE_FOLDERS = [str(CORPORA / language) for language in ("en", "fr", "es", "el", "ar")]


def expected_line(finding) -> str:
    return (
        f"{finding.line}:{finding.column}-{finding.end_line}:{finding.end_column} "
        f"{finding.code} {finding.rule} {finding.language}"
    )


def actual() -> dict[str, list[str]]:
    from policylint.findings.engine import Settings
    from policylint.packs import load_pack
    from policylint.running.runner import run

    result = run(SAMPLE_FOLDERS, load_pack(), Settings(today=TODAY, message_language="en"))
    assert not result.problems, result.problems
    lines: dict[str, list[str]] = {}
    for finding in result.findings:
        lines.setdefault(finding.path, []).append(expected_line(finding))
    return lines


def documents() -> list[Path]:
    from policylint.running.runner import discover

    return [Path(p) for p in discover(SAMPLE_FOLDERS) if isinstance(p, str)]


def expected_path(document: Path) -> Path:
    return document.with_name(document.name + ".expected")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    found = actual()
    for document in documents():
        lines = found.get(str(document), [])
        expected_path(document).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        print(f"{document.relative_to(ROOT)}: {len(lines)} findings")
