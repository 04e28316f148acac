"""Output formats, all built from the same records: findings and file problems.

Each format module declares `FORMATTER = Formatter(name, render)` (formatters/output.py), with
`render(result, output) -> str`; `output` says what a format may need beyond the findings: the
tool's version, the rules behind the findings, colour, the repository root. Where a finding is
comes from formatters/location.py, the same for every format. FORMATTERS is the registry
`--format` chooses from.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TextIO

from policylint.formatters import github, json_format, sarif, text
from policylint.formatters.output import Formatter, Output, RuleInfo
from policylint.settings.repository import repository_top

__all__ = ["CHOICES", "COLOR_CHOICES", "FORMATTERS", "Formatter", "Output", "RuleInfo", "pick", "repository_root", "use_color"]


def _registry(*formatters: Formatter) -> dict[str, Formatter]:
    registry: dict[str, Formatter] = {}
    for formatter in formatters:
        if formatter.name in registry or formatter.name == "auto":
            raise ValueError(f"format name {formatter.name!r} is taken")
        registry[formatter.name] = formatter
    return registry


FORMATTERS: dict[str, Formatter] = _registry(text.FORMATTER, json_format.FORMATTER, sarif.FORMATTER, github.FORMATTER)
CHOICES: tuple[str, ...] = ("auto", *FORMATTERS)


def pick(name: str, environ: Mapping[str, str] = os.environ) -> str:
    """`auto`: workflow annotations under GitHub Actions, else text."""
    if name != "auto":
        return name
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


COLOR_CHOICES = ("auto", "always", "never")


def use_color(stream: TextIO, environ: Mapping[str, str] = os.environ, choice: str = "auto") -> bool:
    """--color always or never decides; auto colours a terminal unless NO_COLOR is set
    (https://no-color.org), and FORCE_COLOR colours even a pipe (as CI logs want)."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def repository_root(start: str) -> str:
    """The nearest folder at or above `start` holding .git, else `start` itself."""
    return repository_top(start) or os.path.abspath(start)
