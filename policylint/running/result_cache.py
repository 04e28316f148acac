"""Findings of files already checked, so that an unchanged file is not checked again.

An entry is found by a key made of the file's bytes, its reader (the suffix decides Markdown
or plain text), and a fingerprint of everything else that decides findings: policylint's code
and the libraries it relies on, the rule pack's full contents (a custom pack included), the
run's Settings (today's date, the message language, the maximum revision age, and whatever
is added to Settings later, since its whole repr is hashed) and a forced language. Change any
of these and the old entries are simply not found again. An entry holds the findings without
their path (the same bytes under another name give the same findings), the file's notices and
what a report says of the document (its language and title), so `report` reuses entries too.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path, PurePath

from policylint.model import POSITION_KINDS, SEVERITIES, Finding
from policylint.running import cache_folder as cache
from policylint.running.code_identity import code_fingerprint

FORMAT = 4  # bump when an entry's shape changes
# what an entry says of the document besides its findings (DocumentSummary's fields)
SUMMARY_FIELDS = ("language", "title", "kind", "kind_reason")
_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding) if f.name != "path")
_NUMBERS = ("line", "column", "end_line", "end_column")
_OPTIONAL_NUMBERS = ("page", "end_page")  # PDF only


def run_fingerprint(plan, warn_unused: bool = False) -> str:
    """Everything besides the file itself that decides a file's findings: the plan's pack,
    chosen rules (per document kind too), settings (the configuration among them), language
    and kind, and whether unused suppressions are reported."""
    rules = [_fields(rule) for rule in plan.pack.rules]
    described = json.dumps(
        {
            "format": FORMAT,
            "code": code_fingerprint(),
            "settings": repr(plan.settings),
            "language": plan.language,
            "rules": rules,
            "chosen": [rule.code for rule in plan.rules] if plan.rules is not None else None,
            "kind": plan.kind,
            "by_kind": [[name, [rule.code for rule in rules]] for name, rules in plan.by_kind or ()],
            "kinds": {name: _fields(kind) for name, kind in plan.pack.kinds.items()},
            "warn_unused": warn_unused,
            "language_data": plan.pack.language_data,
        },
        sort_keys=True,
        ensure_ascii=False,
        default=repr,
    )
    return hashlib.sha256(described.encode("utf-8")).hexdigest()


def _fields(record) -> dict:
    """A rule's or a kind's fields: they hold only plain data (no nested dataclasses), so no
    deep copy (asdict) is needed and the JSON is the same."""
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


@dataclasses.dataclass
class CachedFile:
    findings: list[Finding]
    notices: list[str]
    summary: tuple[str | None, ...]  # the document's language, title, kind and why (SUMMARY_FIELDS)


# fields whose value must be one of a few: a finding with another would break every formatter
_CHOICES = {"severity": SEVERITIES, "position_kind": POSITION_KINDS}
_FIELD_SET = frozenset(_FINDING_FIELDS)
_STRINGS = tuple(name for name in _FINDING_FIELDS if name not in (*_NUMBERS, *_OPTIONAL_NUMBERS, *_CHOICES))


def _finding(item, path: str) -> Finding | None:
    """A stored finding, or None unless it has exactly the fields, each of its type. Each kind
    of field is tested in one pass: a re-check of thousands of files tests every finding."""
    if not isinstance(item, dict) or item.keys() != _FIELD_SET:
        return None
    numbers = [item[name] for name in _NUMBERS] + [item[name] for name in _OPTIONAL_NUMBERS if item[name] is not None]
    if not all(type(value) is int and value >= 0 for value in numbers):
        return None
    if not all(type(item[name]) is str for name in _STRINGS):
        return None
    if not all(item[name] in choices for name, choices in _CHOICES.items()):
        return None
    return Finding(path=path, **item)


class ResultCache:
    def __init__(self, fingerprint: str, root: Path | None = None):
        self.directory = (root or cache.cache_root()) / "results" / fingerprint[:32]

    def key(self, data: bytes, reader_path: str) -> str:
        digest = hashlib.sha256(PurePath(reader_path).suffix.lower().encode() + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> CachedFile | None:
        """The cached findings, shown under `path`; None when missing or damaged."""
        stored = cache.read_json(self._path(key))
        if not isinstance(stored, dict) or set(stored) != {"findings", "notices", *SUMMARY_FIELDS}:
            return None
        items, notices = stored["findings"], stored["notices"]
        summary = tuple(stored[name] for name in SUMMARY_FIELDS)
        if not isinstance(items, list) or not isinstance(notices, list) or not all(isinstance(n, str) for n in notices):
            return None
        if not all(value is None or isinstance(value, str) for value in summary) or not isinstance(stored["title"], str):
            return None
        findings = [_finding(item, path) for item in items]
        kept = [finding for finding in findings if finding is not None]
        return CachedFile(kept, notices, summary) if len(kept) == len(findings) else None

    def put(self, key: str, findings: list[Finding], notices: list[str], summary: tuple[str | None, ...]) -> None:
        entry = {
            "findings": [{name: getattr(f, name) for name in _FINDING_FIELDS} for f in findings],
            "notices": list(notices),
            **dict(zip(SUMMARY_FIELDS, summary)),
        }
        cache.write_json(self._path(key), entry)
