"""Readers turn bytes into a Document: one module per input format, chosen by suffix.

A reader module has `read(text, path)`, given decoded text; a reader that sets `BINARY = True`
has `read(data, path)` instead and is given the file's bytes (Word, OpenDocument, PDF).
"""

from __future__ import annotations

import importlib
import os
import stat
from pathlib import PurePath
from typing import BinaryIO

from policylint.model import Document
from policylint.readers.decode import InputError, decode
from policylint.readers.sniff import text_expected

# suffix -> reader module, imported when a file first needs it: a re-check answered from the
# result cache then never pays for markdown-it and the other parsers
READERS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "plaintext",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".odt": "odt",
    ".pdf": "pdf",
}
SUPPORTED_SUFFIXES = tuple(READERS)
MAX_FILE_BYTES = 16 * 1024 * 1024
TOO_LARGE = f"file is too large (more than {MAX_FILE_BYTES // 1048576} MiB); not checked"

__all__ = ["InputError", "MAX_FILE_BYTES", "READERS", "SUPPORTED_SUFFIXES", "read_bytes", "read_capped", "read_file", "read_raw", "reader_for"]


def reader_for(path: str):
    return importlib.import_module(f"policylint.readers.{_reader_name(path)}")


def _reader_name(path: str) -> str:
    suffix = PurePath(path).suffix.lower()
    name = READERS.get(suffix)
    if name is None:
        shown = suffix or "(no suffix)"
        raise InputError(f"unsupported file type {shown}; policylint reads {', '.join(SUPPORTED_SUFFIXES)}")
    return name


def read_bytes(data: bytes, path: str) -> Document:
    """Decode and parse one document; raises InputError with a one-line reason."""
    reader = reader_for(path)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(TOO_LARGE)
    if getattr(reader, "BINARY", False):
        document = reader.read(data, path)
    else:
        text_expected(data)
        text, notices = decode(data)
        document = reader.read(text, path)
        document.notices[:0] = notices
    if not document.blocks:
        raise InputError(getattr(reader, "NO_PROSE", "no prose to check (the file holds only markup, code or comments)"))
    return document


def read_file(path: str) -> Document:
    """Read a file from disk, never writing to it."""
    return read_bytes(read_raw(path), path)


def read_raw(path: str) -> bytes:
    """A supported regular file's bytes, opened read-only; raises InputError with a one-line reason.

    Only regular files are read: a link to /dev/zero or a named pipe would otherwise be read
    forever or block. The size cap is applied while reading, not trusted from the file system.
    """
    _reader_name(path)  # an unsupported type is reported before the file is opened
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise InputError("not a regular file (a device, pipe or socket); not checked")
        # O_NONBLOCK: a file swapped for a pipe after the check above does not block the open
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputError("not a regular file (a device, pipe or socket); not checked")
            return read_capped(handle)
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None


def read_capped(handle: BinaryIO) -> bytes:
    """At most MAX_FILE_BYTES from a stream (a file or standard input); InputError past that.

    One byte more than the cap is asked for, so a stream is never read further than needed to
    know it is too large, whatever size it claims."""
    data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(TOO_LARGE)
    return data
