"""Huge alternations, matched exactly without paying to compile them whole.

spaCy's French `token_match` is one regular expression of hundreds of alternatives, most of
them carrying a large Unicode letter class. Compiling it would be most of a French check. The
same answer comes much cheaper:

1. a *sketch* of the pattern, where every large character class is replaced by "any
   character", matches a superset of what the pattern matches and compiles quickly;
2. only when the sketch matches (rare: the text holds one of the listed compounds) is the
   exact answer asked of the alternative whose sketch matched, compiled alone and kept; if
   it says no, the search goes on with the alternatives after it.

`match(text)` is truthy exactly when the original pattern's `match` would be.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from policylint.running.cache_folder import cache_root, read_json, write_json

# Smaller patterns compile quickly enough as they are.
BIG_PATTERN = 50_000
# A character class longer than this is replaced by "any character" in the sketch.
BIG_CLASS = 40
_LEADING_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")
_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")


def compile_matcher(pattern: str, flags: int = 0):
    """`re.compile(pattern, flags).match`, or an exact cheaper equivalent for a huge pattern."""
    if len(pattern) < BIG_PATTERN or any(look in pattern for look in _LOOKAROUND):
        # a sketch is a superset only where no class sits inside a negative context
        return re.compile(pattern, flags).match
    return SketchedAlternation(pattern, flags).match


# The pieces of a pattern that matter here: escapes, whole character classes, parentheses and
# bars, and runs of anything else (scanned by the regex engine: the pattern is too long to
# walk in a Python loop).
_PIECES = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]|[^\\\[()|]+", re.DOTALL)


def split_top_level(pattern: str) -> list[str]:
    """The pattern's alternatives at the outermost level ("a|(b|c)|d" -> a, (b|c), d)."""
    parts, depth, start = [], 0, 0
    for piece in _PIECES.finditer(pattern):
        text = piece.group()
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        elif text == "|" and depth == 0:
            parts.append(pattern[start:piece.start()])
            start = piece.end()
    parts.append(pattern[start:])
    return parts


def sketch(pattern: str) -> str:
    """The pattern with every large character class replaced by "any character"."""
    return _PIECES.sub(lambda m: "." if m.group()[0] == "[" and len(m.group()) > BIG_CLASS else m.group(), pattern)


def _split_and_sketched(pattern: str) -> tuple[list[str], list[str]]:
    """The pattern's alternatives and their sketches. Working them out is a noticeable part
    of every run that meets French, so they are kept in the cache folder, keyed by the
    pattern and by this module's code (which decides what they are)."""
    key = hashlib.sha256(Path(__file__).read_bytes() + pattern.encode("utf-8", "surrogatepass")).hexdigest()
    entry = cache_root() / "sketches" / f"{key}.json"
    kept = read_json(entry)
    # the entry is signed (cache_folder.py); its alternatives must also make up the pattern exactly
    if (isinstance(kept, list) and len(kept) == 2 and all(isinstance(part, list) for part in kept)
            and len(kept[0]) == len(kept[1]) > 0 and all(isinstance(t, str) for part in kept for t in part)
            and "|".join(kept[0]) == pattern):
        return kept[0], kept[1]
    alternatives = split_top_level(pattern)
    sketches = [sketch(alternative) for alternative in alternatives]
    write_json(entry, [alternatives, sketches])
    return alternatives, sketches


class SketchedAlternation:
    def __init__(self, pattern: str, flags: int):
        found = _LEADING_FLAGS.match(pattern)
        inline = found.group(0) if found else ""
        self._flags = flags
        self._inline = inline
        self._alternatives, self._sketches = _split_and_sketched(pattern[len(inline):])

    def match(self, text: str):
        first = 0
        while first < len(self._alternatives):
            candidate = self._sketch_from(first).match(text)
            if not candidate:
                return None
            assert candidate.lastgroup is not None  # every alternative of a sketch is a named group
            index = first + int(candidate.lastgroup[1:])
            found = self._exact(index).match(text)
            if found:
                return found
            first = index + 1  # the sketch matched but the alternative did not: look further
        return None

    @lru_cache(maxsize=None)
    def _sketch_from(self, first: int) -> re.Pattern:
        """The sketch of alternatives first.., each in a group named by its position."""
        groups = (f"(?P<a{i}>{s})" for i, s in enumerate(self._sketches[first:]))
        # "any character" must include newlines to stay a superset
        return re.compile(self._inline + "|".join(groups), self._flags | re.DOTALL)

    @lru_cache(maxsize=None)
    def _exact(self, index: int) -> re.Pattern:
        return re.compile(self._inline + self._alternatives[index], self._flags)
