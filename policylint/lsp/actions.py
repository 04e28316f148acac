"""Quick fixes for a checked buffer, as text edits; nothing is applied by the server itself,
the editor applies what the writer picks:

- a flagged word replaced by each alternative its rule suggests (a rule's vocabulary of
  shape "mapping": the jargon rule's term -> plainer word, weak-obligation's modal -> stronger
  wording), matched with the rule's own matcher, so inflected forms find their entry;
- a missing element's section (the rule's `element` as a heading and its `skeleton` sentence to
  complete, in the document's language) appended after the document's last section;
- a suppression comment for the finding's line or for the whole file, in the syntax
  findings/suppression.py reads (an HTML comment in Markdown and HTML, a line of its own in
  plain text);
- every suggested replacement of the buffer at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsprotocol import types

from policylint.findings.suppression import PREFIX
from policylint.lsp.checking import CheckedBuffer
from policylint.lsp.diagnostics import finding_range
from policylint.lsp.positions import LineIndex, utf16_length
from policylint.messages import Messages
from policylint.model import Finding
from policylint.packs import Rule
from policylint.readers import InputError, read_bytes, reader_for
from policylint.text.analysis import tokenize
from policylint.text.matcher import Matcher

FIX_ALL = types.CodeActionKind.SourceFixAll.value + ".policylint"
_FRONT_MATTER = "---"
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class Replacement:
    finding: Finding
    span: types.Range
    old: str
    new: str


def _flagged_text(finding: Finding, lines: LineIndex) -> str:
    """The buffer's text under a finding on one line ("" for a finding over several lines)."""
    if finding.line != finding.end_line:
        return ""
    return lines.line_text(finding.line - 1)[finding.column - 1: finding.end_column - 1]


def _matcher(checked: CheckedBuffer, rule: Rule, key: str, language: str) -> Matcher:
    """The rule's matcher for a vocabulary key, the one the engine compiled (same cache key)."""
    pack = checked.plan.pack  # type: ignore[union-attr]
    cache_key = (rule.code, key, language)
    if cache_key not in pack.matchers:
        pack.matchers[cache_key] = Matcher(list(pack.vocabulary(rule, language, key)),
                                           lambda text: tokenize(text, language))
    return pack.matchers[cache_key]


def alternatives(checked: CheckedBuffer, finding: Finding, lines: LineIndex) -> list[Replacement]:
    """The replacements the finding's rule suggests for the flagged words (first letter's case kept)."""
    rule = checked.plan.pack.rule(finding.code) if checked.plan else None
    old = _flagged_text(finding, lines)
    if rule is None or not old.strip() or not finding.language:
        return []
    tokens = tokenize(old, finding.language)
    found: list[Replacement] = []
    for key, shape in rule.kind.vocabulary.items():
        if shape != "mapping":
            continue
        mapping = checked.plan.pack.vocabulary(rule, finding.language, key)  # type: ignore[union-attr]
        for match in _matcher(checked, rule, key, finding.language).find(tokens):
            new = mapping.get(match.term)
            if new and match.start == 0 and match.end == len(tokens):
                new = new[0].upper() + new[1:] if old[0].isupper() else new
                if all(new != r.new for r in found):
                    found.append(Replacement(finding, finding_range(finding, lines), old, new))
    return found


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def _insert(line: int, character: int, text: str) -> types.TextEdit:
    here = types.Position(line, character)
    return types.TextEdit(range=types.Range(here, here), new_text=text)


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _is_plain_text(checked: CheckedBuffer) -> bool:
    return reader_for(checked.reader_path or "").module == "plaintext"


def _comment(checked: CheckedBuffer, directive: str) -> str:
    """A directive in the buffer's comment syntax."""
    return f"{PREFIX}{directive}" if _is_plain_text(checked) else f"<!-- {PREFIX}{directive} -->"


def _file_directive_line(checked: CheckedBuffer, lines: LineIndex) -> int:
    """Where a file-wide comment goes: the first line, after Markdown front matter or an HTML
    doctype, which must stay first."""
    first = lines.line_text(0).strip()
    if first == _FRONT_MATTER and reader_for(checked.reader_path or "").module == "markdown":
        closing = next((n for n in range(1, len(lines.lines)) if lines.line_text(n).strip() == _FRONT_MATTER), None)
        return closing + 1 if closing is not None else 0
    return 1 if first.lower().startswith("<!doctype") else 0


def suppressions(checked: CheckedBuffer, finding: Finding, uri: str, language: str) -> list[types.CodeAction]:
    lines = LineIndex(checked.text)
    newline = _newline(checked.text)
    line = finding.line - 1
    indent = re.match(r"[ \t]*", lines.line_text(line)).group(0)  # type: ignore[union-attr]
    this_line = _insert(line, 0, indent + _comment(checked, f"disable-next-line {finding.rule}") + newline)
    file_line = _file_directive_line(checked, lines)
    whole = _insert(file_line, 0, _comment(checked, f"disable-file {finding.rule}") + newline + newline)
    return [
        types.CodeAction(title=Messages(language)("lsp_disable_line", rule=finding.rule), kind=types.CodeActionKind.QuickFix,
                         edit=_edit(uri, [this_line])),
        types.CodeAction(title=Messages(language)("lsp_disable_file", rule=finding.rule), kind=types.CodeActionKind.QuickFix,
                         edit=_edit(uri, [whole])),
    ]


def _heading_level(checked: CheckedBuffer) -> int:
    """The level of the document's sections: that of the headings after the title, else one
    below the title's."""
    try:
        blocks = read_bytes(checked.text.encode("utf-8", "replace"), checked.reader_path or "").blocks
    except InputError:
        return 2
    levels = [block.level for block in blocks if block.is_heading and block.level]
    if len(levels) > 1:
        return min(levels[1:])
    return min(levels[0] + 1, 6) if levels else 2


def skeleton(checked: CheckedBuffer, finding: Finding, rule: Rule, uri: str, language: str) -> types.CodeAction | None:
    """Insert the missing element's section, in the document's language, at the document's end
    (in HTML, before </body>)."""
    document_language = checked.language if checked.language in rule.skeleton else None
    if not rule.skeleton or document_language is None:
        return None
    element, sentence = rule.element[document_language], rule.skeleton[document_language]
    lines = LineIndex(checked.text)
    newline = _newline(checked.text)
    level = _heading_level(checked)
    module = reader_for(checked.reader_path or "").module
    if module == "html":
        section = f"<h{level}>{element}</h{level}>{newline}<p>{sentence}</p>{newline}"
    elif module == "plaintext":
        section = f"{element}{newline}{newline}{sentence}{newline}"
    else:
        section = f"{'#' * level} {element}{newline}{newline}{sentence}{newline}"
    end_line, end_character = lines.end()
    body_end = [n for n in range(len(lines.lines)) if _BODY_END.search(lines.line_text(n))] if module == "html" else []
    if body_end:
        line = body_end[-1]
        at = _BODY_END.search(lines.line_text(line)).start()  # type: ignore[union-attr]
        edit = _insert(line, utf16_length(lines.line_text(line)[:at]), section)
    else:
        # one blank line between the last text and the section
        before = "" if end_character == 0 and lines.line_text(end_line - 1).strip() == "" else (
            newline if end_character == 0 else newline + newline)
        edit = _insert(end_line, end_character, before + section)
    title = Messages(language)("lsp_insert_section", element=element)
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, edit=_edit(uri, [edit]))


def code_actions(checked: CheckedBuffer, span: types.Range, uri: str, language: str) -> list[types.CodeAction]:
    """Every action for the findings overlapping `span`, then the fix-all action."""
    if checked.plan is None:
        return []
    lines = LineIndex(checked.text)
    actions: list[types.CodeAction] = []
    for finding in checked.findings:
        flagged = finding_range(finding, lines)
        if not _overlaps(flagged, span):
            continue
        for replacement in alternatives(checked, finding, lines):
            actions.append(types.CodeAction(
                title=Messages(language)("lsp_replace", old=replacement.old, new=replacement.new),
                kind=types.CodeActionKind.QuickFix, is_preferred=True,
                edit=_edit(uri, [types.TextEdit(range=replacement.span, new_text=replacement.new)])))
        rule = checked.plan.pack.rule(finding.code)
        if rule is not None:
            action = skeleton(checked, finding, rule, uri, language)
            if action:
                actions.append(action)
        actions += suppressions(checked, finding, uri, language)
    every = fix_all(checked, uri, language)
    return actions + ([every] if every else [])


def fix_all(checked: CheckedBuffer, uri: str, language: str) -> types.CodeAction | None:
    """Each finding that has exactly one suggested replacement, replaced, in one edit."""
    lines = LineIndex(checked.text)
    edits = []
    for finding in checked.findings:
        found = alternatives(checked, finding, lines)
        if len(found) == 1:
            edits.append(types.TextEdit(range=found[0].span, new_text=found[0].new))
    if not edits:
        return None
    return types.CodeAction(title=Messages(language)("lsp_fix_all", count=len(edits)), kind=FIX_ALL, edit=_edit(uri, edits))


def _overlaps(a: types.Range, b: types.Range) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and \
        (b.start.line, b.start.character) <= (a.end.line, a.end.character)
