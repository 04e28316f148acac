"""Output formats, all built from the same records: findings and file problems.

Each module has `render(result, output) -> str`; `output` says what a format may need beyond
the findings: the tool's version, the rules behind the findings, colour, the repository root.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import NamedTuple

from policylint.formatters import github, json_format, sarif, text

FORMATTERS = {"text": text, "json": json_format, "sarif": sarif, "github": github}
CHOICES = ("auto", *FORMATTERS)


class RuleInfo(NamedTuple):
    """What a format says about a rule (SARIF's rule descriptions)."""

    code: str
    name: str
    severity: str
    summary: str
    rationale: str
    fix: str


@dataclass(frozen=True)
class Output:
    version: str
    rules: dict[str, RuleInfo] = field(default_factory=dict)  # by code
    color: bool = False
    root: str = "."  # the folder SARIF URIs are relative to (the repository's top)


def pick(name: str, environ=os.environ) -> str:
    """`auto`: workflow annotations under GitHub Actions, else text."""
    if name != "auto":
        return name
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def use_color(stream, environ=os.environ) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return not environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


def repository_root(start: str) -> str:
    """The nearest folder at or above `start` holding .git, else `start` itself."""
    here = os.path.abspath(start)
    folder = here
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return here
        folder = parent
