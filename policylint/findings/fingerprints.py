"""A finding's identity by content, not position: rule + the flagged words + which occurrence.

Baselines and SARIF fingerprints both use this one key, so editing other lines of a policy
neither resurrects a baselined finding nor makes code scanning see a new alert.
"""

from __future__ import annotations

import hashlib
from typing import Iterable, Iterator

from policylint.model import Finding


def content_key(finding: Finding) -> str:
    """Rule name and normalised flagged text (case, accents and spacing do not count)."""
    from policylint.text.normalise import norm  # not imported by runs that key no finding

    text = " ".join(norm(finding.excerpt).split())
    return hashlib.sha256(f"{finding.rule}\0{text}".encode("utf-8")).hexdigest()[:32]


def keyed(findings: Iterable[Finding]) -> Iterator[tuple[Finding, str, int]]:
    """Each finding with its content key and occurrence index: the n-th finding of that key
    in its file, counted in document order (two "TBD" in one file are 0 and 1)."""
    seen: dict[tuple[str, str], int] = {}
    for finding in sorted(findings, key=Finding.sort_key):
        key = content_key(finding)
        occurrence = seen.get((finding.path, key), 0)
        seen[(finding.path, key)] = occurrence + 1
        yield finding, key, occurrence
