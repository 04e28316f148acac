"""Every file policylint writes besides its cache (a report, a baseline) is written here.

policylint never changes the documents it reads, and a failed write never leaves half a file:

- the target must not be one of the run's input files: the same path, a hard link to one, or
  a symbolic link to one are all caught by comparing device and inode numbers;
- the target must not be a symbolic link at all: writing "through" a link changes a file the
  user did not name;
- the text is encoded first, written to a temporary file in the target's folder, flushed to
  disk and renamed over the target, so the target holds either the old or the new content
  (a target that is a device or a pipe, such as /dev/null, is written in place instead);
- text that cannot be encoded (a file name that is not UTF-8 kept as surrogates) is written
  with backslash escapes instead of failing half-way.
"""

from __future__ import annotations

import os
import stat
from typing import Iterable

from policylint.messages import TextError


class OutputError(TextError):
    """A file that must not or cannot be written; the message (a catalogue entry) is one line,
    without the path."""


def check_target(target: str, inputs: Iterable[str] = ()) -> os.stat_result | None:
    """Refuse a target that is a symbolic link or one of `inputs` (by device and inode); the
    target's status, or None when it does not exist yet."""
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        return None  # a new file cannot be an input
    except OSError as error:
        raise OutputError("output_cannot_write", reason=error.strerror or str(error)) from None
    if stat.S_ISLNK(found.st_mode):
        raise OutputError("output_is_link")
    identity = (found.st_dev, found.st_ino)
    for path in inputs:
        try:
            checked = os.stat(path)
        except OSError:
            continue  # an input that cannot be read was not checked, and is not the target
        if (checked.st_dev, checked.st_ino) == identity:
            if os.path.abspath(path) == os.path.abspath(target):
                raise OutputError("output_is_input")
            raise OutputError("output_same_as_input", path=path)
    return found


def write_output(target: str, text: str | bytes, inputs: Iterable[str] = (), encoding: str = "utf-8") -> None:
    """Write `text` (or bytes as they are: a reviewed document) to `target` whole or not at
    all, never onto an input or through a link."""
    inputs = list(inputs)
    found = check_target(target, inputs)
    data = text if isinstance(text, bytes) else text.encode(encoding, errors="backslashreplace")
    if found is not None and not stat.S_ISREG(found.st_mode):
        _write_in_place(target, data)  # a device or a pipe (-o /dev/null): never rename over it
        return
    folder = os.path.dirname(os.path.abspath(target))
    try:
        import tempfile  # imported by the runs that write a file, not by every run

        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp")
    except OSError as error:
        raise OutputError("output_cannot_write", reason=error.strerror or str(error)) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
            if hasattr(os, "fchmod"):
                os.fchmod(out.fileno(), _mode(target))
        check_target(target, inputs)  # again: the folder may have changed while writing
        os.replace(temporary, target)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise OutputError("output_cannot_write", reason=error.strerror or str(error)) from None
        raise


def _write_in_place(target: str, data: bytes) -> None:
    try:
        with open(target, "wb") as out:
            out.write(data)
    except OSError as error:
        raise OutputError("output_cannot_write", reason=error.strerror or str(error)) from None


def _mode(target: str) -> int:
    """The existing file's permissions, else what a new file gets under the umask (mkstemp's
    own 0600 would hide a report from the colleagues it is for)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
