"""What an output format is (Formatter) and what it is given besides the findings (Output)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from policylint.text.languages import BASE_LANGUAGE

if TYPE_CHECKING:  # the runner imports the readers and the engine; a format needs only its Result
    from policylint.packs import Rule
    from policylint.running.runner import Result


class RuleInfo(NamedTuple):
    """What a format says about a rule (SARIF's rule descriptions), its texts in `language`."""

    code: str
    name: str
    severity: str
    summary: str
    rationale: str
    fix: str
    language: str = BASE_LANGUAGE

    @classmethod
    def of(cls, rule: Rule, language: str) -> RuleInfo:
        """The rule described in a run's message language; in English when the run has none
        (DOCUMENT_LANGUAGE: each message in its document's language), since a run describes
        each rule once."""
        language = language or BASE_LANGUAGE
        return cls(rule.code, rule.name, rule.severity, rule.prose("summary", language),
                   rule.prose("rationale", language), rule.prose("fix", language), language)


@dataclass(frozen=True)
class Output:
    version: str
    rules: dict[str, RuleInfo] = field(default_factory=dict)  # by code
    color: bool = False
    root: str = "."  # the folder SARIF URIs are relative to (the repository's top)
    message_language: str = BASE_LANGUAGE  # of the words a format adds to messages (a paragraph's position)
    show_kinds: bool = False  # text: a line per file with the kind it was judged as, and why
    summary_line: bool = True  # the line counting the findings after them (text, github); -q drops it


Render = Callable[["Result", Output], str]


@dataclass(frozen=True)
class Formatter:
    """An output format of `policylint check`: its --format name and how it renders a run's
    findings and file problems."""

    name: str
    render: Render
