"""policylint's cache on disk: where it lives, whether it can be trusted, and safe writing
and reading.

Four things are kept there: the findings of each checked file (`result_cache.py`), so that
an unchanged file is not checked again; the rules of spaCy's tokenizers when the package
ships none for the installed spaCy (`tokenizer_data.py`), so that spaCy is not imported on
every run; the data of the rule
packs' YAML files as JSON (`packs.py`), so that a re-check does not run the YAML parser; and
the split and sketched alternatives of French's huge token pattern (`big_regex.py`). All are
only ever derived data: deleting the folder changes nothing but speed. A damaged or
unreadable entry is treated as missing, never as an error, and every entry is written to a temporary file and
renamed, so a run that is interrupted, or two runs side by side, never leave half an entry.

What the cache holds decides findings and even regular expressions that get compiled, so it
is trusted only as far as nobody else could have written it:

- the folder is created private (0700); a folder another user owns, or that others may write
  to, is not used at all (`refusal` says why, once; the run goes on without a cache);
- every entry is signed (HMAC-SHA256) with a random key kept in the folder (0600), so a file
  copied or planted there by anyone who cannot read the key is a miss;
- an entry that is a symbolic link, is not a regular file, is nested absurdly deep or does not
  carry a valid signature is a miss; each user of the cache still checks the entry's shape.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
from functools import lru_cache
from pathlib import Path

from policylint.messages import Text

ENV_VARIABLE = "POLICYLINT_CACHE_DIR"
KEY_NAME = "key"
KEY_BYTES = 32
# What a run without the cache costs, for the notice that says the cache is not used.
_SLOWER = Text("cache_slower")
_HEADER = b"policylint-cache-1 "  # then the signature in hex and a newline, then the JSON


def cache_root() -> Path:
    """$POLICYLINT_CACHE_DIR, else $XDG_CACHE_HOME/policylint, else ~/.cache/policylint."""
    explicit = os.environ.get(ENV_VARIABLE)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policylint"


def refusal() -> Text | None:
    """Why the cache folder is not used or not written (someone else could have written it,
    or it cannot be created or written), to say once; None when it is used."""
    return _state(str(cache_root()))[1]


def _key() -> bytes | None:
    """The signing key of a trusted cache folder, else None (no cache)."""
    return _state(str(cache_root()))[0]


@lru_cache(maxsize=None)
def _state(root: str) -> tuple[bytes | None, Text | None]:
    """(key, refusal) for a cache folder: created private if missing, checked if not."""
    try:
        os.makedirs(root, mode=0o700, exist_ok=True)
        found = os.stat(root)
    except FileExistsError:  # something that is not a folder
        return None, Text("cache_not_a_folder", slower=_SLOWER)
    except OSError as error:
        return None, Text("cache_cannot_create", reason=error.strerror or str(error), slower=_SLOWER)
    if not stat.S_ISDIR(found.st_mode):
        return None, Text("cache_not_a_folder", slower=_SLOWER)
    if hasattr(os, "getuid") and found.st_uid != os.getuid():
        return None, Text("cache_other_owner", owner=found.st_uid, variable=ENV_VARIABLE)
    if found.st_mode & 0o022:
        return None, Text("cache_writable_by_others", mode=f"{stat.S_IMODE(found.st_mode):o}")
    key = _signing_key(Path(root))
    if key is None or not os.access(root, os.W_OK):
        return None, Text("cache_cannot_write", slower=_SLOWER)
    return key, None


def _signing_key(root: Path) -> bytes | None:
    """The folder's key, made on first use; None when it cannot be read or written."""
    path = root / KEY_NAME
    try:
        key = _read_regular(path, KEY_BYTES + 1) if path.exists() or path.is_symlink() else _new_key(path)
    except OSError:
        return None
    return key if key is not None and len(key) == KEY_BYTES else None  # a damaged key: no cache


def _new_key(path: Path) -> bytes | None:
    key = os.urandom(KEY_BYTES)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:  # another run made it first
        return _read_regular(path, KEY_BYTES + 1)
    with os.fdopen(handle, "wb") as out:
        out.write(key)
    return key


def _read_regular(path: Path, limit: int | None = None) -> bytes | None:
    """A regular file's bytes, never through a symbolic link; None for anything else."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            return None
        data = file.read() if limit is None else file.read(limit)
    return data if limit is None or len(data) < limit else None


def _signature(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).hexdigest().encode("ascii")


def read_json(path: Path):
    """The entry's content, or None when it is missing, damaged, unsigned or the cache is not
    trusted."""
    key = _key()
    if key is None:
        return None
    try:
        data = _read_regular(path)
    except OSError:
        return None
    if not data or not data.startswith(_HEADER):
        return None
    signature, _, payload = data[len(_HEADER):].partition(b"\n")
    if not hmac.compare_digest(signature, _signature(key, payload)):
        return None
    try:
        return json.loads(payload)
    except (ValueError, RecursionError):
        return None


def _serialised(data) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: as JSON escapes, which read back the same
        return json.dumps(data, separators=(",", ":")).encode("ascii")


def write_json(path: Path, data) -> None:
    """Write the entry signed and atomically; a cache that cannot be written, or is not
    trusted, is simply not written."""
    key = _key()
    if key is None:
        return
    try:
        payload = _serialised(data)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        import tempfile  # only a write needs it: a run answered from the cache writes nothing

        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_HEADER + _signature(key, payload) + b"\n" + payload)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError, RecursionError):
        pass
