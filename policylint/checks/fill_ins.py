"""Template fill-ins ([X], {{name}}, <<date>>, ____, TBD, XX): their shapes, where they stand
in each block, and the sentences free of them. The placeholder check reports them; the
checks that look for a statement (title, required section, review cycle) ignore sentences
that hold them, and the acronym check ignores capitals inside them."""

from __future__ import annotations

import re

from policylint.model import Sentence

# The same shapes in every language.
PLACEHOLDER_SHAPES = re.compile(
    r"\[(?!\^)[^\[\]\n]{1,80}\]"  # [X], [Company Name], [insert date] (not [^1] footnotes)
    r"|\{\{[^{}\n]{0,80}\}\}"  # {{name}}
    r"|\{[A-Za-z_][A-Za-z0-9_.]{0,40}\}"  # {company_name}
    r"|<<[^<>\n]{1,80}>>"  # <<date>>
    r"|(?<![\w_])_{3,}(?![\w_])"  # ____ blanks to fill in
    r"|(?<![\w&])(?:TBD|TBC|TBA|XX+|ΧΧ+)(?![\w&])"  # TBD, XX (Latin or Greek capitals)
    r"|(?<![\w.])X(?=\s+[^\W\d_A-Z][^\W\d_]*)"  # X hours
)


def placeholder_matches(analysis, index: int) -> list[re.Match]:
    """The template fill-ins of a block; found once per document and shared by every rule."""
    found = analysis.memo.setdefault("placeholders", {})
    if index not in found:
        text = analysis.document.blocks[index].text
        found[index] = list(PLACEHOLDER_SHAPES.finditer(text)) if _may_hold_placeholder(text) else []
    return found[index]


def placeholder_spans(analysis, index: int) -> list[tuple[int, int]]:
    return [m.span() for m in placeholder_matches(analysis, index)]


def _may_hold_placeholder(text: str) -> bool:
    """Whether the text holds what every placeholder shape needs (a bracket, "<<", "___",
    "TB", a Latin X or "ΧΧ"): most blocks hold none, and looking for these is much faster
    than running the pattern over them."""
    return "[" in text or "{" in text or "<<" in text or "___" in text or "TB" in text or "X" in text or "ΧΧ" in text


def finished_sentences(context, index: int) -> list[Sentence]:
    """A block's sentences without template fill-ins: "Contact [Name] on [phone]" states no
    contact details, and "reviewed every [X] months" no review cycle. Worked out once per
    block and shared by every rule."""
    finished = context.analysis.memo.setdefault("finished", {})
    if index not in finished:
        spans = placeholder_spans(context.analysis, index)
        sentences = context.analysis.by_block[index]
        finished[index] = [
            s for s in sentences if not any(s.start < end and start < s.end for start, end in spans)
        ] if spans else sentences
    return finished[index]


def is_finished(context, sentence: Sentence) -> bool:
    # by identity: comparing sentences by value would compare all their tokens
    return any(kept is sentence for kept in finished_sentences(context, sentence.block))
