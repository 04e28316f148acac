"""Readers turn bytes into a Document: one module per input format, declared here as a Reader.

The registry (READERS) is the one list of input formats: the suffixes policylint reads, the
pre-commit hook's `files:` pattern (`files_pattern`, which a test compares with
.pre-commit-hooks.yaml) and the parsing libraries whose version is part of the result cache's
key (`parser_libraries`) all come from it. A reader's module is imported when a file first
needs it, so a re-check answered from the result cache never pays for markdown-it and the
other parsers.

A reader module has `read(text, path) -> Document`, given decoded text, or, for a binary
reader, `read(data, path) -> Document`, given the file's bytes (Word, OpenDocument, PDF).
"""

from __future__ import annotations

import importlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, BinaryIO

from policylint.messages import Text
from policylint.model import Document
from policylint.readers.decode import InputError, decode
from policylint.readers.sniff import text_expected

MAX_FILE_BYTES = 16 * 1024 * 1024
TOO_LARGE = Text("input_too_large", mib=MAX_FILE_BYTES // 1048576)


@dataclass(frozen=True)
class Reader:
    """One input format: which files it takes and how it reads them.

    `module`: the module under policylint.readers with the `read` function, imported on first use.
    `binary`: `read` takes the file's bytes (else the decoded text).
    `parser_libraries`: the libraries (import names) whose version can change the Document it
    makes; the standard library's parsers change with Python's version, which the cache key holds.
    `no_prose`: the message catalogue's key for why a file of this format that holds no text
    cannot be checked.
    """

    name: str
    module: str
    suffixes: tuple[str, ...]
    binary: bool = False
    parser_libraries: tuple[str, ...] = ()
    no_prose: str = "input_no_prose"

    def read(self, data: bytes, path: str) -> Document:
        """Decode (text formats) and parse one document; raises InputError with a one-line reason."""
        if len(data) > MAX_FILE_BYTES:
            raise InputError(TOO_LARGE)
        read = self._read_function()
        if self.binary:
            document = read(data, path)
        else:
            text_expected(data)
            text, notices = decode(data)
            document = read(text, path)
            document.notices[:0] = notices
        if not document.blocks:
            raise InputError(self.no_prose)
        return document

    def _read_function(self) -> Callable[[Any, str], Document]:
        read: Callable[[Any, str], Document] = importlib.import_module(f"policylint.readers.{self.module}").read
        return read


def _registry(*readers: Reader) -> dict[str, Reader]:
    """suffix -> Reader; a suffix belongs to one reader."""
    by_suffix: dict[str, Reader] = {}
    for reader in readers:
        for suffix in reader.suffixes:
            if suffix in by_suffix or suffix != suffix.lower() or not suffix.startswith("."):
                raise ValueError(f"reader {reader.name}: suffix {suffix!r} is taken or not a lower-case .suffix")
            by_suffix[suffix] = reader
    return by_suffix


READERS: dict[str, Reader] = _registry(
    Reader("Markdown", "markdown", (".md", ".markdown"), parser_libraries=("markdown_it",)),
    Reader("plain text", "plaintext", (".txt",)),
    Reader("HTML", "html", (".html", ".htm")),
    Reader("Word", "docx", (".docx",), binary=True, parser_libraries=("docx", "lxml"),
           no_prose="input_empty_word"),
    Reader("OpenDocument", "odt", (".odt",), binary=True, parser_libraries=("odf",),
           no_prose="input_empty_opendocument"),
    Reader("PDF", "pdf", (".pdf",), binary=True, parser_libraries=("pdfminer",),
           no_prose="input_pdf_no_text"),
)
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(READERS)

__all__ = [
    "InputError", "MAX_FILE_BYTES", "READERS", "Reader", "SUPPORTED_SUFFIXES", "files_pattern",
    "parser_libraries", "read_bytes", "read_capped", "read_file", "read_raw", "reader_for",
]


def reader_for(path: str) -> Reader:
    """The reader of a file, by its suffix (any case); raises InputError for an unsupported one."""
    suffix = PurePath(path).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise InputError("input_unsupported", suffix=suffix or Text("input_no_suffix"), suffixes=", ".join(SUPPORTED_SUFFIXES))
    return reader


def parser_libraries() -> tuple[str, ...]:
    """Every reader's parsing libraries, once each, in registry order."""
    return tuple(dict.fromkeys(name for reader in READERS.values() for name in reader.parser_libraries))


def files_pattern() -> str:
    """The regular expression of the file names policylint reads, as pre-commit's `files:` takes
    it (suffixes in any case, as `reader_for` reads them)."""
    return r"(?i)\.(" + "|".join(re.escape(suffix[1:]) for suffix in SUPPORTED_SUFFIXES) + r")$"


def read_bytes(data: bytes, path: str) -> Document:
    """Decode and parse one document; raises InputError with a one-line reason."""
    return reader_for(path).read(data, path)


def read_file(path: str) -> Document:
    """Read a file from disk, never writing to it."""
    return read_bytes(read_raw(path), path)


def read_raw(path: str) -> bytes:
    """A supported regular file's bytes, opened read-only; raises InputError with a one-line reason.

    Only regular files are read: a link to /dev/zero or a named pipe would otherwise be read
    forever or block. The size cap is applied while reading, not trusted from the file system.
    """
    reader_for(path)  # an unsupported type is reported before the file is opened
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise InputError("input_not_regular")
        # O_NONBLOCK: a file swapped for a pipe after the check above does not block the open
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputError("input_not_regular")
            return read_capped(handle)
    except FileNotFoundError:
        raise InputError("input_missing") from None
    except PermissionError:
        raise InputError("input_permission") from None
    except IsADirectoryError:
        raise InputError("input_is_folder") from None
    except OSError as error:
        raise InputError("input_cannot_read", reason=error.strerror or str(error)) from None


def read_capped(handle: BinaryIO) -> bytes:
    """At most MAX_FILE_BYTES from a stream (a file or standard input); InputError past that.

    One byte more than the cap is asked for, so a stream is never read further than needed to
    know it is too large, whatever size it claims."""
    data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(TOO_LARGE)
    return data
