"""The repository a path belongs to: where the configuration search stops, where .gitignore
files are read from, and what SARIF URIs are relative to."""

from __future__ import annotations

import os


def repository_top(folder: str) -> str | None:
    """The nearest folder at or above `folder` that holds .git (a directory, or a file in a
    worktree or submodule), or None."""
    here = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent
