"""Glob patterns for paths, as in .gitignore and ruff: `*` stays within a folder, `**` crosses
folders, and a pattern without a slash matches a name at any depth. A pattern that matches a
folder matches everything inside it."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePosixPath


@lru_cache(maxsize=None)
def _compile(pattern: str) -> re.Pattern:
    pattern = pattern.strip().rstrip("/")
    anchored = "/" in pattern
    pattern = pattern.lstrip("/").removeprefix("./")
    parts, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            parts.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            parts.append(".*")
            i += 2
        elif pattern[i] == "*":
            parts.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            parts.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1:end].replace("\\", "\\\\")
            parts.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = end + 1
        else:
            parts.append(re.escape(pattern[i]))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(prefix + "".join(parts) + "(?:/.*)?")


def matches(pattern: str, path: str) -> bool:
    """Whether a relative path (with / or \\ separators) matches the pattern."""
    posix = str(PurePosixPath(*re.split(r"[\\\\/]+", path))) if path else path
    return _compile(pattern).fullmatch(posix) is not None


def matches_any(patterns, path: str) -> bool:
    return any(matches(p, path) for p in patterns)
