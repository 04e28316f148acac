"""What an output format is (Formatter) and what it is given besides the findings (Output)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from policylint.text.languages import BASE_LANGUAGE

if TYPE_CHECKING:  # the runner imports the readers and the engine; a format needs only its Result
    from policylint.running.runner import Result


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
    message_language: str = BASE_LANGUAGE  # of the words a format adds to messages (a paragraph's position)
    summary_line: bool = True  # the line counting the findings after them (text, github); -q drops it


Render = Callable[["Result", Output], str]


@dataclass(frozen=True)
class Formatter:
    """An output format of `policylint check`: its --format name and how it renders a run's
    findings and file problems."""

    name: str
    render: Render
