"""Hover on a flagged range: the rule's explanation (packs.docs.explanation, the words of
`policylint explain`) and its examples in the document's language."""

from __future__ import annotations

from lsprotocol import types

from policylint.lsp.checking import CheckedBuffer
from policylint.lsp.diagnostics import finding_range
from policylint.lsp.positions import LineIndex
from policylint.lsp.texts import say
from policylint.packs.docs import explanation


def _contains(span: types.Range, position: types.Position) -> bool:
    start, end = span.start, span.end
    after_start = (position.line, position.character) >= (start.line, start.character)
    before_end = (position.line, position.character) <= (end.line, end.character)
    return after_start and before_end


def hover(checked: CheckedBuffer, position: types.Position, message_language: str) -> types.Hover | None:
    if checked.plan is None:
        return None
    lines = LineIndex(checked.text)
    parts: list[str] = []
    first: types.Range | None = None
    seen: set[str] = set()
    for finding in checked.findings:
        span = finding_range(finding, lines)
        if finding.code in seen or not _contains(span, position):
            continue
        rule = checked.plan.pack.rule(finding.code)
        if rule is None:
            continue
        seen.add(finding.code)
        first = first or span
        parts.append(explain(rule, checked.language or message_language, message_language))
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                       range=first)


def explain(rule, document_language: str, message_language: str) -> str:
    """Markdown: the rule, why it matters, what it looks for, how to fix it, and an example
    that is reported and one that is accepted, in the document's language when the rule has them."""
    words = explanation(rule)
    out = [f"**{rule.code} {rule.name}**: {rule.summary}"]
    for key in ("why", "what", "fix"):
        out.append(f"**{say(key, message_language)}.** {words[key]}")
    examples = rule.examples.get(document_language) or next(iter(rule.examples.values()), None)
    if examples:
        out.append(f"**{say('example', message_language)}**")
        for verdict, label in (("fail", "fails"), ("pass", "passes")):
            if examples.get(verdict):
                text = " ".join(examples[verdict][0].split())
                out.append(f"- {say(label, message_language)}: {text}")
    return "\n\n".join(out)
