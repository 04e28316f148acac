"""Text from documents and file names made safe to print, in one place.

A document, or a file's name, can hold characters a terminal or a CI log obeys rather than
shows: escape sequences (which recolour, erase lines or set the window title), a carriage
return or newline (which starts a GitHub Actions `::error` command of its own), bidi overrides
(which reorder what is read). File names that are not UTF-8 reach Python as lone surrogates
(surrogateescape), which no encoder accepts. Every formatter and every line on standard error
passes such text through here, so none of it is written raw:

- `printable(text)` for one-line fields (excerpts, messages, paths): each unsafe character
  becomes a visible escape (`\\x1b`, `\\n`, `\\u202e`; an undecodable byte `\\xff`);
- `printable_lines(text)` for a rendered document (HTML): the same, but line feeds and tabs,
  which the format itself uses, are kept (a carriage return is not: it would let a name
  overwrite a line on a terminal);
- `json_text(payload)` for JSON and SARIF: the same characters as JSON escapes (`\\u001b`), so a
  tool reading the file gets the original value back, and the bytes are still safe to `cat`.
"""

from __future__ import annotations

import json
import re

# C0 and C1 controls and DEL; line and paragraph separators; bidi embeddings, overrides and
# isolates (the "Trojan Source" characters); lone surrogates (undecodable bytes of a file name).
# Bidi *marks* (LRM, RLM, ALM) are left alone: Arabic text uses them between runs, and they
# reorder nothing around them.
_UNSAFE_BEYOND_LINES = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE_CHARACTER = re.compile(f"[\t\n{_UNSAFE_BEYOND_LINES}]")
_UNSAFE_IN_LINES = re.compile(f"[{_UNSAFE_BEYOND_LINES}]")  # tab and LF kept
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match) -> str:
    character = match.group()
    code = ord(character)
    if character in _NAMED:
        return _NAMED[character]
    if 0xDC80 <= code <= 0xDCFF:  # a byte surrogateescape could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """One line of text with every character a terminal or log would obey shown escaped."""
    return _UNSAFE_CHARACTER.sub(_visible, text)


def printable_lines(text: str) -> str:
    """`printable`, keeping the line feeds and tabs of a rendered document."""
    return _UNSAFE_IN_LINES.sub(_visible, text)


def _json_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_text(payload) -> str:
    """`payload` as indented JSON, readable in every script, with unsafe characters escaped.

    json.dumps escapes C0 controls itself; the structure it adds is ASCII, so every other
    unsafe character in the output is inside a string, where a JSON escape stands for the
    same value."""
    return _UNSAFE_IN_LINES.sub(_json_escape, json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"


def printable_path(path: str) -> str:
    """A file name as the first thing on a line: `printable`, and never the `::` that starts a
    GitHub Actions workflow command (`./::x.md` names the same file)."""
    shown = printable(path)
    return "./" + shown if shown.startswith("::") else shown
