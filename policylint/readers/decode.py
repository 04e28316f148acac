"""Bytes to text: BOMs, UTF-8, the common Windows fallback, and telling binary from text."""

from __future__ import annotations

import codecs
import re

from policylint.messages import Text, TextError


class InputError(TextError):
    """A file that cannot be checked; the message is one catalogue entry naming the problem,
    worded in the language of whoever reads it."""


_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", None),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# control characters other than tab, line feed, vertical tab, form feed and carriage return
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode(data: bytes) -> tuple[str, list[Text]]:
    """Return the text and notices about how it was read; raise InputError for non-text."""
    if not data.strip():
        raise InputError("input_empty")
    notices: list[Text] = []
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputError("input_bad_bom", encoding=label or "UTF-8") from None
            if label:
                notices.append(Text("input_read_with_bom", encoding=label))
            return _checked(text), notices
    if b"\x00" in data[:8192]:
        raise InputError("input_binary_or_utf16")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        try:
            text = data.decode("cp1252")
            notices.append(Text("input_not_utf8", byte=error.start, encoding="Windows-1252"))
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            notices.append(Text("input_not_utf8", byte=error.start, encoding="Latin-1"))
    return _checked(text), notices


def _checked(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError("input_empty")
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > len(sample) * 0.02:
        raise InputError("input_binary")
    return text


def damaged(format_name: str, error: Exception) -> InputError:
    """The InputError for a file its parsing library could not read: the library's reason, briefly
    (in the library's words). `format_name`: the reader's module (docx, odt, pdf)."""
    reason = " ".join(str(error).split())[:80] or type(error).__name__
    return InputError("input_damaged", what=Text(f"format_{format_name}"), reason=reason)
