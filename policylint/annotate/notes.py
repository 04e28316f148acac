"""What each review comment says and where it goes, whatever the file format.

A note is anchored on characters of one paragraph, counted as the Word and OpenDocument
readers count them (`Finding.line` is the paragraph number in reading order, `column` the
1-based character, `end_column` exclusive), so a comment covers exactly the finding's excerpt.
A finding about the whole document (a missing element) is placed by the rule on the title, and
its note goes there too. One summary note comes first, on the first paragraph.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from policylint.formatters.location import location
from policylint.messages import Messages
from policylint.model import SEVERITIES, Finding
from policylint.packs import Rule

SUMMARY_PARAGRAPH = 1


@dataclass(frozen=True)
class Note:
    paragraph: int  # 1-based, in the readers' reading order
    start: int  # 0-based character offset in the paragraph's text
    end: int | None  # exclusive; None: to the end of the paragraph
    lines: tuple[str, ...]  # the comment's paragraphs
    where: str = ""  # the finding's position in words, for a note moved off its paragraph


def summary_note(findings: list[Finding], score: int, kind: str | None, words: Messages) -> Note:
    """The comment at the top: the kind, the score and the counts by severity."""
    counts = Counter(f.severity for f in findings)
    lines = [words("annotate_summary", findings=words.count("finding_count", len(findings)), score_label=words("score"),
                   score=score)]
    lines.append(" · ".join(f"{words.severity(severity)}: {counts[severity]}" for severity in reversed(SEVERITIES)))
    if kind:
        lines.append(words("annotate_kind", kind=kind))
    return Note(SUMMARY_PARAGRAPH, 0, None, tuple(lines))


def finding_note(finding: Finding, fix: str | None, words: Messages) -> Note:
    """A finding's comment, on the finding's own characters: its message (which says what to
    do, in the message language), the rule's fix advice where the rule gives it in that
    language, then its code, rule name and severity."""
    line = f"{finding.code} {finding.rule} ({words.severity(finding.severity)})"
    end = finding.end_column - 1 if finding.end_line == finding.line else None
    lines = (finding.message, fix, line) if fix else (finding.message, line)
    return Note(finding.line, finding.column - 1, end, lines, location(finding).phrase(words.language))


def fix_advice(rule: Rule | None, language: str) -> str | None:
    """The rule's longer fix advice in a language, when the rule file gives it in that language."""
    if rule is None:
        return None
    return rule.prose("fix", language) if rule.prose_language("fix", language) == language else None


def notes_for(findings: list[Finding], rules: dict[str, Rule], score: int, kind: str | None,
              words: Messages) -> list[Note]:
    """The summary note, then one note per finding in the findings' order (`rules` by code)."""
    notes = [summary_note(findings, score, kind, words)]
    return notes + [finding_note(f, fix_advice(rules.get(f.code), words.language), words) for f in findings]


def moved_to_top(note: Note, words: Messages) -> Note:
    """A note whose paragraph cannot carry a comment (a page header or footer), moved to the
    start of the first paragraph and opened by where its finding is."""
    first = words("annotate_elsewhere", where=note.where)
    return replace(note, paragraph=SUMMARY_PARAGRAPH, start=0, end=0, lines=(first,) + note.lines)
