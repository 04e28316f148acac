"""Bytes to text: BOMs, UTF-8, the common Windows fallback, and telling binary from text."""

from __future__ import annotations

import codecs
import re


class InputError(Exception):
    """A file that cannot be checked; the message is one line naming the problem."""


_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", None),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# control characters other than tab, line feed, vertical tab, form feed and carriage return
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode(data: bytes) -> tuple[str, list[str]]:
    """Return the text and notices about how it was read; raise InputError for non-text."""
    if not data.strip():
        raise InputError("file is empty")
    notices: list[str] = []
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"invalid {label or 'UTF-8'} text after its byte-order mark") from None
            if label:
                notices.append(f"read as {label} (byte-order mark); UTF-8 is recommended")
            return _checked(text), notices
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text (or UTF-16 without a byte-order mark)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        try:
            text = data.decode("cp1252")
            notices.append(f"not valid UTF-8 (byte {error.start}); read as Windows-1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            notices.append(f"not valid UTF-8 (byte {error.start}); read as Latin-1")
    return _checked(text), notices


def _checked(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError("file is empty")
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > len(sample) * 0.02:
        raise InputError("binary file, not text")
    return text


def damaged(what: str, error: Exception) -> InputError:
    """The InputError for a file its parsing library could not read: the library's reason, briefly."""
    reason = " ".join(str(error).split())[:80] or type(error).__name__
    return InputError(f"corrupt or truncated {what} ({reason})")
