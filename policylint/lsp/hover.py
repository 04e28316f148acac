"""Hover on a flagged range: the rule's explanation (packs.docs.explanation, the words of
`policylint explain`) and its examples in the document's language."""

from __future__ import annotations

from lsprotocol import types

from policylint.lsp.checking import CheckedBuffer
from policylint.lsp.diagnostics import finding_range
from policylint.lsp.positions import LineIndex
from policylint.messages import Messages
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
        # no message language (DOCUMENT_LANGUAGE): the hover speaks the document's, as its findings do
        parts.append(explain(rule, checked.language or message_language, message_language or checked.language or ""))
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                       range=first)


def explain(rule, document_language: str, message_language: str) -> str:
    """Markdown: the rule, why it matters, what it looks for, how to fix it (the headings of
    `policylint explain`), and an example reported and one accepted, in the document's language
    when the rule has them."""
    say = Messages(message_language)
    words = explanation(rule, message_language)
    out = [f"**{rule.code} {rule.name}**: {rule.prose('summary', message_language)}",
           f"**{say('explain_why')}** {words['why']}",
           f"**{say('explain_looks_for')}** {words['what']}",
           f"**{say('explain_fix')}** {words['fix']}"]
    examples = rule.examples.get(document_language) or next(iter(rule.examples.values()), None)
    if examples:
        out.append(f"**{say('explain_examples')}**")
        for verdict, label in (("fail", say("explain_fails")), ("pass", say("explain_passes"))):
            if examples.get(verdict):
                out.append(f"- {label} {' '.join(examples[verdict][0].split())}")
    return "\n\n".join(out)
