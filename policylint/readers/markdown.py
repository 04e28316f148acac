"""Markdown through markdown-it-py: headings, paragraphs, list items and table cells.

Code blocks, front matter and HTML comments are not prose and never become blocks. Inline
markup that is not prose (link targets, emphasis markers, code spans, HTML tags) is blanked
with spaces rather than removed, so every character keeps its source column.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from markdown_it import MarkdownIt

from policylint.findings.suppression import PREFIX, is_directive
from policylint.model import Directive, Document
from policylint.readers.positions import block_from_lines

# Block rules that cannot match where the source has no trace of them (each rule looks for it
# first), yet are tried at the start of every line and again wherever a paragraph may end.
_RULE_TRACES = {
    "table": re.compile(r"\|"),
    "fence": re.compile(r"```|~~~"),
    "blockquote": re.compile(r">"),
    "hr": re.compile(r"([*_-])[ \t]*\1[ \t]*\1"),  # three markers with only spaces or tabs between
    "reference": re.compile(r"\["),
    "html_block": re.compile(r"<"),
    # a setext underline: only "=" or only "-" on a line, after indentation or quote markers
    "lheading": re.compile(r"^[ \t>]*(?:=+|-+)[ \t]*$", re.M),
}


@lru_cache(maxsize=None)
def _parser(unused_rules: frozenset[str]) -> MarkdownIt:
    """The Markdown parser, without the block rules named (kept: a few combinations occur)."""
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    # Blocks need only the block structure and each inline token's content: parsing every
    # inline token's children (the core "inline" rule, then "text_join" over them) is most of
    # the parse's time, and only the directive walk needs children, for the few tokens
    # holding a comment.
    parser.core.ruler.enableOnly(["normalize", "block"])
    if unused_rules:
        parser.disable(sorted(unused_rules))
    return parser


def _parser_for(source: str) -> MarkdownIt:
    """The parser without the rules the source has no trace of: the same tokens, sooner."""
    return _parser(frozenset(rule for rule, trace in _RULE_TRACES.items() if not trace.search(source)))


_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
# tags and comments, but not a "<<field>>" fill-in, which a template writer means literally
# (comments are found by `comments`: a regular expression for them takes quadratic time on
# many "<!--" that are never closed)
_HTML = re.compile(r"(?<!<)</?[A-Za-z][^<>\n]*>(?!>)|<(?:https?|mailto):[^<>\s]*>")
_INLINE_LINK = re.compile(r"(!?\[)([^\[\]\n]*)(\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\))")
_REFERENCE_LINK = re.compile(r"(!?\[)([^\[\]\n]*)(\]\[[^\[\]\n]*\])")
_BRACKETED = re.compile(r"(!?\[)([^\[\]\n]+)(\])")
# emphasis markers, but not a run of three or more underscores (a blank to fill in)
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,2}(?=[^\W_])|(?<=[^\W_])_{1,2}(?!\w)|~~")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def comments(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each HTML comment in text[start:end], in one pass: once no "-->" follows
    an opening, no later opening can close either."""
    end = len(text) if end is None else end
    while (opening := text.find("<!--", start, end)) >= 0:
        closing = text.find("-->", opening + 4, end)
        if closing < 0:
            return
        start = closing + 3
        yield opening, start


def _blank_comments(text: str) -> str:
    pieces, last = [], 0
    for start, end in comments(text):
        pieces += [text[last:start], " " * (end - start)]
        last = end
    return "".join(pieces) + text[last:] if pieces else text


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def _keep_text(match: re.Match) -> str:
    opening, text, closing = match.groups()
    return " " * len(opening) + text + " " * len(closing)


def prose(content: str, references: dict) -> str:
    """The inline content with non-prose markup blanked, same length as the input."""
    # Most content has little markup: each pattern runs only when the character it starts
    # with is there (a cheap `in` test, where a search through the text costs far more).
    text = content
    if "`" in text:
        text = _CODE_SPAN.sub(_blank, text)
    if "<" in text:
        text = _HTML.sub(_blank, _blank_comments(text))
    if "[" in text:
        text = _INLINE_LINK.sub(_keep_text, text)
        text = _REFERENCE_LINK.sub(_keep_text, text)
        if references:
            # "[label]" alone is a link only when a reference definition names it
            text = _BRACKETED.sub(
                lambda m: _keep_text(m) if _label(m.group(2)) in references else m.group(0), text
            )
    if "*" in text or "_" in text or "~" in text:
        text = _EMPHASIS.sub(_blank, text)
    if "\\" in text:
        text = _ESCAPE.sub(" ", text)
    return text


def _label(text: str) -> str:
    return " ".join(text.split()).casefold().upper()


def read(text: str, path: str) -> Document:
    source = _without_front_matter(text)
    lines = source.split("\n")
    env: dict = {}  # link reference definitions, gathered over every section
    found: list[tuple[str, int, list[tuple[str, int, int]]]] = []  # (kind, level, pieces) before links are known
    commented: list = []  # the tokens that may hold a directive
    for first, tokens in _parsed_sections(lines, env):
        list_depth = 0
        kind, level = "paragraph", 0
        row_cursor: dict[int, int] = {}  # cells share a line: search each after the last
        for token in tokens:
            if token.map:
                token.map = [token.map[0] + first, token.map[1] + first]
            if token.type == "list_item_open":
                list_depth += 1
            elif token.type == "list_item_close":
                list_depth -= 1
            elif token.type == "heading_open":
                kind, level = "heading", int(token.tag[1:])
            elif token.type in ("th_open", "td_open"):
                kind, level = "table_cell", 0
            elif token.type == "paragraph_open":
                kind, level = ("list_item" if list_depth else "paragraph"), 0
            elif token.type == "inline" and token.map:
                cursor = row_cursor if kind == "table_cell" else None
                found.append((kind, level, _locate(token.content, token.map, lines, cursor)))
            if token.type == "html_block" or (token.type == "inline" and "<!--" in token.content):
                commented.append(token)
    references = {_label(key): True for key in env.get("references", {})}
    blocks = []
    for number, (kind, level, pieces) in enumerate(found):
        found[number] = ("", 0, [])  # what is made into a block is let go as it goes
        block = block_from_lines(kind, [(prose(t, references), line, column) for t, line, column in pieces], level)
        if block is not None:
            blocks.append(block)
    return Document(path=path, format="markdown", blocks=blocks, directives=_directives(commented, source, env))


# A large document is parsed a section at a time, so that markdown-it's tokens (some 400 bytes
# a token, 18 bytes of tokens a byte of text) are held for one section, not for the whole
# document. A section ends before a heading (#) at the start of a line after a blank line,
# where CommonMark closes every open block, once it has SECTION_LINES lines.
SECTION_LINES = 5_000
_HEADING_START = re.compile(r"#{1,6}(?:[ \t]|$)")
# blocks that a heading does not end: when one reaches a section's end, the section goes on
_RUNS_ON = ("fence", "html_block")


def _parsed_sections(lines: list[str], env: dict, section_lines: int | None = None) -> Iterator[tuple[int, list]]:
    """(first line, tokens with lines counted from it) of each section, in order."""
    section_lines = section_lines or SECTION_LINES
    first = 0
    while first < len(lines):
        last = _section_end(lines, first, section_lines)
        section = "\n".join(lines[first:last])
        tokens = _parser_for(section).parse(section, env)
        if last < len(lines) and _runs_to_the_end(tokens, section):
            # an unclosed fence or HTML block would go on past the heading: parse the rest
            # whole, as before (once, so the time stays linear; references found again are
            # kept as first found, as markdown-it does)
            last = len(lines)
            section = "\n".join(lines[first:])
            tokens = _parser_for(section).parse(section, env)
        yield first, tokens
        first = last


def _section_end(lines: list[str], first: int, section_lines: int) -> int:
    """The line after a section starting at `first`: a heading's after a blank line, once the
    section has `section_lines` lines; else the document's end."""
    for number in range(first + section_lines, len(lines)):
        if _HEADING_START.match(lines[number]) and not lines[number - 1].strip(" \t"):
            return number
    return len(lines)


def _runs_to_the_end(tokens: list, section: str) -> bool:
    """Whether a block a heading cannot end reaches the section's last line (conservatively:
    a fence closed on that line counts too)."""
    line_count = section.count("\n") + (not section.endswith("\n"))
    return any(token.type in _RUNS_ON and token.map and token.map[1] >= line_count for token in tokens)


def _directives(tokens, source: str, env: dict) -> list[Directive]:
    """Comments meant for policylint, in HTML blocks or inline; never inside code."""
    if PREFIX not in source:
        return []  # most documents have none: skip the walk
    line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
    found: list[Directive] = []
    for token in tokens:
        if not token.map or token.type not in ("html_block", "inline"):
            continue
        if token.type == "inline":  # only comments the parser saw as HTML, not `<!-- in code -->`
            if "<!--" not in token.content:
                continue  # no comment can start here: skip parsing its inline markup
            wanted = {c.content for c in _inline_children(token, env) if c.type == "html_inline"}
            if not any("<!--" in w for w in wanted):
                continue
        first, last = token.map
        start = line_starts[first]
        end = line_starts[last] if last < len(line_starts) else len(source)
        line, counted_to = first + 1, start  # lines counted as the comments go: one pass
        for comment_start, comment_end in comments(source, start, end):
            comment = source[comment_start:comment_end]
            if token.type == "inline" and comment not in wanted:
                continue
            if is_directive(comment[4:-3]):
                line += source.count("\n", counted_to, comment_start)
                counted_to = comment_start
                column = comment_start - line_starts[line - 1] + 1
                end_line = line + comment.count("\n")
                found.append(Directive(line, column, end_line, comment[4:-3].strip()))
    return found


def _inline_children(token, env: dict) -> list:
    """The token's inline children, parsed as the core "inline" rule the parser skips would."""
    parser = _parser(frozenset())  # all parsers have the same inline rules
    return parser.inline.parse(token.content, parser, env, [])


def _without_front_matter(text: str) -> str:
    """Blank out YAML/TOML front matter, keeping its lines so positions stay true."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = _FRONT_MATTER.match(text)
    if not match:
        return text
    return "\n" * match.group(0).count("\n") + text[match.end():]


def _locate(
    content: str, line_range: list[int], lines: list[str], row_cursor: dict[int, int] | None
) -> list[tuple[str, int, int]]:
    """Find each line of an inline token's content in the source: (text, line, column)."""
    first, last = line_range
    pieces = []
    for i, piece in enumerate(content.split("\n")):
        line_index = first if row_cursor is not None else min(first + i, last - 1)
        source_line = lines[line_index] if line_index < len(lines) else ""
        start = row_cursor.get(line_index, 0) if row_cursor is not None else 0
        trimmed = source_line.rstrip()
        if row_cursor is None and piece and trimmed.endswith(piece):
            column = len(trimmed) - len(piece)  # the usual case: content ends the line
        else:
            column = source_line.find(piece, start) if piece else -1
        if column < 0:
            column = len(source_line) - len(source_line.lstrip())
        elif row_cursor is not None:
            row_cursor[line_index] = column + len(piece)
        pieces.append((piece, line_index + 1, column + 1))
    return pieces
