"""Rule-pack YAML read through the cache folder, so a re-check needs no YAML parser."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from policylint import bounded_yaml
from policylint.messages import Text
from policylint.packs.model import PackError
from policylint.running.cache_folder import cache_root, read_json, write_json


def load_yaml(path: Path) -> Any:
    """A YAML file's data. It is kept in the cache folder as JSON under the hash of the file's
    bytes, so a run whose rule files have not changed (a re-check in a pre-commit hook) neither
    imports nor runs the YAML parser; a changed file has other bytes, so another entry."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text does
    except (OSError, UnicodeDecodeError) as error:
        raise PackError("config_cannot_read", path=str(path), reason=str(error)) from None
    entry = cache_root() / "yaml" / f"{hashlib.sha256(raw).hexdigest()}.json"
    kept = read_json(entry)
    if isinstance(kept, dict) and "data" in kept:
        # most files have no mapping keyed by numbers: their JSON is their data as it is
        return _from_json(kept["data"]) if kept.get("number_keys", True) else kept["data"]
    data = _parse_yaml(path, text)
    if _json_keeps(data):
        stored = _to_json(data)
        write_json(entry, {"data": stored, "number_keys": stored != data})
    return data


def _parse_yaml(path: Path, text: str) -> Any:
    import yaml  # here: only a rule file the cache does not know needs the parser

    try:
        return bounded_yaml.load(text)
    except bounded_yaml.YAMLLimitError as error:
        raise PackError("pack_at_line", path=str(path), line=error.line, problem=error.text) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = Text("pack_yaml_line", line=mark.line + 1) if mark else ""
        raise PackError("pack_at", path=str(path),
                        problem=Text("pack_bad_yaml", where=where, reason=str(getattr(error, "problem", error)))) from None


# JSON keys are strings; a mapping keyed by numbers (months: 1: [January, Jan]) is kept as pairs
_NUMBER_KEYS = "\u0000number-keys"


def _to_json(data: Any) -> Any:
    if isinstance(data, dict):
        if data and all(type(key) is int for key in data):
            return {_NUMBER_KEYS: [[key, _to_json(value)] for key, value in data.items()]}
        return {key: _to_json(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_to_json(item) for item in data]
    return data


def _from_json(data: Any) -> Any:
    if isinstance(data, dict):
        if len(data) == 1 and _NUMBER_KEYS in data:
            return {key: _from_json(value) for key, value in data[_NUMBER_KEYS]}
        return {key: _from_json(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_from_json(item) for item in data]
    return data


def _json_keeps(data: Any) -> bool:
    """Whether the JSON entry gives this data back unchanged (no dates, no other keys)."""
    try:
        return _from_json(json.loads(json.dumps(_to_json(data)))) == data
    except (TypeError, ValueError):
        return False


