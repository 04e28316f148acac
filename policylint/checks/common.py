"""Small helpers that more than one check kind needs."""

from __future__ import annotations

import re

from policylint.model import Block, Sentence

# Template fill-ins: the same shapes in every language ([X], {{name}}, <<date>>, ____, TBD, XX).
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


SENTENCE_ENDS = (".", ";", "!", "?", "؟", "…")


def is_heading_like(block: Block) -> bool:
    """A heading, or a short line that stands as one (a bold line, a label, a table header)."""
    if block.is_heading:
        return True
    text = block.text.strip()
    return block.kind != "list_item" and len(text.split()) <= 8 and not text.endswith(SENTENCE_ENDS)


def body_sentences(context):
    """(sentence, its block's language) for every sentence outside headings."""
    blocks = context.document.blocks
    for sentence in context.analysis.sentences:
        block = blocks[sentence.block]
        if not block.is_heading:
            yield sentence, block.language


LABEL_WORDS = 5  # "Customer service channels:" is a label; a clause before a colon is not


def leading_label(tokens) -> list:
    """The words of a label that opens a block ("Purpose: ...", "1. OBJETIVO: ..."), or [].

    A label inside a list item or a paragraph names what follows as a heading would, so
    section vocabulary is matched against it too."""
    for index, token in enumerate(tokens[: LABEL_WORDS + 1]):
        if token.text in (":", "："):
            label = tokens[:index]
            return label if words(label) else []
    return []


def span_text(context, sentence: Sentence, start: int, end: int) -> str:
    """The document's own words for tokens start..end of a sentence."""
    block = context.document.blocks[sentence.block]
    return block.text[sentence.tokens[start].start:sentence.tokens[end - 1].end]


def report_tokens(context, sentence: Sentence, start: int, end: int, message: str, language):
    tokens = sentence.tokens
    return context.finding(sentence.block, tokens[start].start, tokens[end - 1].end, message, language)


def section_after(blocks, index: int) -> range:
    """The blocks a label governs: a heading's section, or the one block after a label line
    or table cell (where "Last updated" or "Review cycle" has its value)."""
    block = blocks[index]
    if block.is_heading:
        end = next(
            (i for i in range(index + 1, len(blocks)) if blocks[i].is_heading and blocks[i].level <= block.level),
            len(blocks),
        )
        return range(index + 1, end)
    if is_heading_like(block) or block.kind == "table_cell":
        return range(index + 1, min(index + 2, len(blocks)))
    return range(0)


def words(tokens) -> list:
    """Tokens that are words or numbers, not punctuation or symbols."""
    return [t for t in tokens if not t.is_punct and any(map(str.isalnum, t.text))]


# Contact details look the same in every language.
CONTACT_SHAPES = {
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "url": re.compile(r"\b(?:https?://|www\.)[^\s<>()]+", re.IGNORECASE),
    # a telephone number: 9 to 15 digits in groups, optionally after + or in brackets
    "phone": re.compile(r"(?<![\w/.-])(?:\+|00)?\(?\d[\d\u00a0 ().-]{6,20}\d(?![\w/-])"),
}


def has_contact_shape(analysis, shapes) -> bool:
    """Whether any block holds one of the shapes (email, url, phone), looked for in the order
    given until one is found; each at most once per document."""
    found = analysis.memo.setdefault("contact_shapes", {})
    for name in shapes:
        if name not in found:
            found[name] = _holds(_document_text(analysis), name)
        if found[name]:
            return True
    return False


def _document_text(analysis) -> str:
    """Every block's text, one after the other on lines of their own; joined once."""
    if "text" not in analysis.memo:
        analysis.memo["text"] = "\n".join(block.text for block in analysis.document.blocks)
    return analysis.memo["text"]


def _holds(text: str, name: str) -> bool:
    if name in _MARKS and not any(mark in text.lower() for mark in _MARKS[name]):
        return False  # no "@", no "www."/"http": the pattern cannot match, so do not scan
    if name == "email":  # look around each "@" only: scanning every word for one is slow
        at = text.find("@")
        while at != -1:
            if CONTACT_SHAPES[name].search(text, max(at - 64, 0), at + 256):
                return True
            at = text.find("@", at + 1)
        return False
    for match in CONTACT_SHAPES[name].finditer(text):
        if name != "phone":
            return True
        digits = sum(c.isdigit() for c in match.group())
        if 9 <= digits <= 15 and not _DATE_LIKE.fullmatch(match.group().strip()):
            return True
    return False


_MARKS = {"email": ("@",), "url": ("www.", "http")}  # what each shape cannot do without
_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
