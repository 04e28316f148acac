"""policylint's cache on disk: where it lives, and safe writing and reading.

Four things are kept there: the findings of each checked file (`result_cache.py`), so that
an unchanged file is not checked again; the rules of spaCy's tokenizers
(`tokenizer_data.py`), so that spaCy is not imported on every run; the data of the rule
packs' YAML files as JSON (`packs.py`), so that a re-check does not run the YAML parser; and
the split and sketched alternatives of French's huge token pattern (`big_regex.py`). All are
only ever derived data: deleting the folder changes nothing but speed. A damaged or
unreadable entry is treated as missing, never as an error, and every entry is written to a temporary file and
renamed, so a run that is interrupted, or two runs side by side, never leave half an entry.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

ENV_VARIABLE = "POLICYLINT_CACHE_DIR"


def cache_root() -> Path:
    """$POLICYLINT_CACHE_DIR, else $XDG_CACHE_HOME/policylint, else ~/.cache/policylint."""
    explicit = os.environ.get(ENV_VARIABLE)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policylint"


def read_json(path: Path):
    """The entry's content, or None when it is missing or damaged."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def write_json(path: Path, data) -> None:
    """Write the entry atomically; a cache that cannot be written is simply not written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass
