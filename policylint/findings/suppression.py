"""Inline suppression: comments in a document that switch rules off for part of it.

Readers collect the comments (Document.directives); this module gives them their meaning and
applies them to the findings of that document:

    policylint-disable [RULE ...]            off from this line until a matching enable
    policylint-enable [RULE ...]             on again
    policylint-disable-next-line [RULE ...]  off for the line after the comment
    policylint-disable-file [RULE ...]       off for the whole document

RULE is a rule name, a code or a code prefix, as in `--select`; none means every rule. A
finding is placed by its first line. Each directive remembers what it suppressed, so that one
which suppressed nothing can be reported (`--warn-unused-suppressions`) by the rules of the
unused-suppression kind (rules/PL001-unused-suppression.yaml: its severity, messages and
selection are a rule's like any other).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from policylint.messages import Text
from policylint.model import Directive, Document, Finding
from policylint.text.languages import BASE_LANGUAGE

if TYPE_CHECKING:
    from policylint.packs import Rule

PREFIX = "policylint-"
KINDS = ("disable", "enable", "disable-next-line", "disable-file")
_DIRECTIVE = re.compile(r"^policylint-([a-z-]+)(?:\s+(.*?))?\s*$", re.S)
_ALL = "*"



def is_directive(text: str) -> bool:
    """Whether a comment's text (markers removed) is meant for policylint."""
    return text.strip().startswith(PREFIX)


@dataclass
class _Rule:
    """One directive's hold on one selector (a rule, or every rule)."""

    directive: Directive
    kind: str
    selector: str
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        return self.selector == _ALL or _selects(self.selector, finding)


@dataclass
class _State:
    """Which rules a disable/enable range has switched off at some line."""

    off: list[_Rule] = field(default_factory=list)  # selectors switched off, "*" for all
    back_on: set[str] = field(default_factory=set)  # selectors enabled inside a disable-all


def _selects(selector: str, finding: Finding) -> bool:
    wanted = selector.lower()
    return wanted == finding.rule or finding.code.lower().startswith(wanted)


def parse(document: Document) -> tuple[list[_Rule], list[Text]]:
    """Each directive's holds, in document order, and notices about malformed ones."""
    holds: list[_Rule] = []
    notices: list[Text] = []
    for directive in sorted(document.directives, key=lambda d: (d.line, d.column)):
        match = _DIRECTIVE.match(directive.text.strip())
        if not match or match.group(1) not in KINDS:
            word = directive.text.strip().split()[0] if directive.text.strip() else directive.text
            notices.append(Text("suppression_unknown", line=directive.line, word=repr(word),
                                kinds=", ".join(PREFIX + k for k in KINDS)))
            continue
        selectors = re.split(r"[\s,]+", match.group(2) or "")
        selectors = [s for s in selectors if s] or [_ALL]
        holds += [_Rule(directive, match.group(1), s) for s in selectors]
    return holds, notices


def apply(document: Document, findings: list[Finding]) -> tuple[list[Finding], list[_Rule]]:
    """The findings no directive suppresses, and the holds that suppressed nothing."""
    holds, notices = parse(document)
    document.notices.extend(notices)
    if not holds:
        return findings, []
    kept = [f for f in findings if not _suppressed(f, holds)]
    unused = [h for h in holds if h.kind != "enable" and not h.used]
    return kept, unused


def _suppressed(finding: Finding, holds: list[_Rule]) -> bool:
    for hold in holds:
        if hold.kind == "disable-file" and hold.covers(finding):
            hold.used = True
            return True
        if hold.kind == "disable-next-line" and finding.line == hold.directive.end_line + 1 and hold.covers(finding):
            hold.used = True
            return True
    ranged = _range_hold(finding, holds)
    if ranged is not None:
        ranged.used = True
        return True
    return False


def _range_hold(finding: Finding, holds: list[_Rule]) -> _Rule | None:
    """The disable directive whose range covers the finding's line, if any."""
    state = _State()
    for hold in holds:
        if hold.directive.line > finding.line:
            break
        if hold.kind == "disable":
            if hold.selector == _ALL:
                state = _State(off=[hold])
            else:
                state.off.append(hold)
                state.back_on.discard(hold.selector)
        elif hold.kind == "enable":
            if hold.selector == _ALL:
                state = _State()
            else:
                state.off = [h for h in state.off if h.selector != hold.selector]
                state.back_on.add(hold.selector)
    for off in reversed(state.off):
        if off.selector == _ALL:
            if not any(_selects(s, finding) for s in state.back_on):
                return off
        elif _selects(off.selector, finding):
            return off
    return None


def settle(document: Document, findings: list[Finding], reporters: list[Rule], message_language: str) -> list[Finding]:
    """The findings the document's comments leave, plus, for each rule in `reporters` (rules of
    the unused-suppression kind the run asked for), one finding per comment that suppressed
    nothing; in finding order."""
    kept, unused = apply(document, findings)
    for rule in reporters:
        kept += unused_findings(document, unused, rule, message_language)
    return sorted(kept, key=Finding.sort_key)


def unused_findings(document: Document, unused: list[_Rule], rule: Rule, message_language: str) -> list[Finding]:
    """One finding of `rule` per directive that suppressed nothing, naming the rules it named in
    vain (the rule's `named` message) or none (its `message`)."""
    from policylint.packs import templates  # here: readers import this module, and packs import the checks

    message_language = message_language or document.language or BASE_LANGUAGE  # "": the document's own
    by_directive: dict[Directive, list[str]] = {}
    for hold in unused:
        by_directive.setdefault(hold.directive, []).append(hold.selector)
    findings = []
    for directive, selectors in by_directive.items():
        text = " ".join(directive.text.split())
        rules = ", ".join(s for s in selectors if s != _ALL)
        if rules:
            message = templates.fill(rule.text(rule.messages["named"], message_language), {"directive": text, "rules": rules})
        else:
            message = templates.fill(rule.text(rule.message, message_language), {"directive": text})
        findings.append(
            Finding(
                path=document.path,
                line=directive.line,
                column=directive.column,
                end_line=directive.line,
                end_column=directive.column + 1,
                rule=rule.name,
                code=rule.code,
                severity=rule.severity,
                message=message,
                language=document.language or "",
                position_kind=document.position_kind,
                excerpt=text,
            )
        )
    return findings
