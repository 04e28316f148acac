import pytest
from conftest import CORPORA

from policylint.model import LANGUAGES
from policylint.readers import read_bytes


def blocks(text, name="doc.md"):
    return read_bytes(text.encode("utf-8"), name).blocks


def test_markdown_blocks_keep_source_positions():
    text = (
        "---\ntitle: x\n---\n"
        "# Customer Service Policy\n\n"
        "Intro line one\ncontinues **here**.\n\n"
        "- first item\n  wrapped\n\n"
        "| Channel | Target |\n|---|---|\n| Phone | within 2 hours |\n"
    )
    found = blocks(text)
    assert [(b.kind, b.text.split()[0]) for b in found] == [
        ("heading", "Customer"),
        ("paragraph", "Intro"),
        ("list_item", "first"),
        ("table_cell", "Channel"),
        ("table_cell", "Target"),
        ("table_cell", "Phone"),
        ("table_cell", "within"),
    ]
    heading, paragraph, item, *cells = found
    assert heading.position(0) == (4, 3) and heading.level == 1
    assert paragraph.position(paragraph.text.index("continues")) == (7, 1)
    assert paragraph.position(paragraph.text.index("here")) == (7, 13)
    assert item.position(item.text.index("wrapped")) == (10, 3)
    assert cells[3].position(0) == (14, 11)


def test_markdown_skips_code_comments_and_front_matter():
    text = "---\nowner: [Company]\n---\n<!-- [Company] -->\n\n```\n[X] hours\n```\n\n    indented code\n\nReal `[code]` text.\n"
    found = blocks(text)
    assert len(found) == 1
    assert "[code]" not in found[0].text and "Real" in found[0].text


def test_markdown_links_keep_their_text_only():
    found = blocks("See [our page](https://example.com/a_b) or [the form][f].\n\n[f]: https://x\n")
    assert "example" not in found[0].text and "our page" in found[0].text and "[" not in found[0].text


def test_plain_text_recognises_unmarked_headings():
    text = (
        "CUSTOMER SERVICE POLICY\n\n1. Purpose\nThis policy explains our standards.\n\n"
        "Scope: This policy applies to all staff.\n\nOur steps:\n1. Log the call\n2. Reply within 2 days.\n\n"
        "Contact us\n\nWe answer every letter within 5 days.\n"
    )
    found = blocks(text, "doc.txt")
    kinds = [(b.kind, b.text) for b in found]
    assert kinds[0] == ("heading", "CUSTOMER SERVICE POLICY")
    assert ("heading", "1. Purpose") in kinds
    assert ("heading", "Scope") in kinds
    assert ("paragraph", "This policy applies to all staff.") in kinds
    assert ("list_item", "Log the call") in kinds
    assert ("heading", "Contact us") in kinds
    scope_text = next(b for b in found if b.text == "This policy applies to all staff.")
    assert scope_text.position(0) == (6, 8)


def test_plain_text_works_for_scripts_without_case():
    found = blocks("سياسة خدمة العملاء\n\nتطبق هذه السياسة على جميع الموظفين.\n", "doc.txt")
    assert found[0].kind == "heading" and found[1].kind == "paragraph"
    assert found[1].position(0) == (3, 1)


def test_plain_text_with_markdown_style_headings():
    found = blocks("Complaints Policy\n=================\n\n## Scope\nText here.\n\n-----\n\nMore.\n", "doc.txt")
    assert [(b.kind, b.text) for b in found] == [
        ("heading", "Complaints Policy"),
        ("heading", "Scope"),
        ("paragraph", "Text here."),
        ("paragraph", "More."),
    ]
    assert found[1].position(0) == (4, 4)


def test_findings_in_markup_point_at_the_source(tmp_path):
    """Emphasis, links, nesting and tables never shift a finding's column."""
    import datetime as dt
    import re

    from policylint.findings.engine import Settings
    from policylint.packs import load_pack
    from policylint.running.runner import run

    text = (
        "Service Policy\n==============\n\n"
        "> We will answer **every** [email](https://example.com/a_b) promptly.\n\n"
        "1. Item\n   - nested: *we* will reply `code` as soon as possible\n\n"
        "| Team | Owner |\n| --- | --- |\n| Calls | [Manager Name] |\n"
    )
    path = tmp_path / "p.md"
    path.write_text(text, encoding="utf-8")
    result = run([str(path)], load_pack(), Settings(today=dt.date(2026, 11, 22)))
    lines = text.split("\n")
    quoted = [f for f in result.findings if '"' in f.message]
    assert {f.rule for f in quoted} == {"unmeasurable-standard", "unfilled-placeholder"}
    for finding in quoted:
        term = re.match(r'[^"]*"(.+?)"', finding.message).group(1)
        assert lines[finding.line - 1][finding.column - 1 : finding.end_column - 1] == term


# --- a large Markdown file is parsed a section at a time -------------------------------------

SECTIONED = """\
Intro with a [link] defined in a later section.

# One

```
an unclosed fence: the heading below is code

# Not a heading
"""

TRICKY = [
    SECTIONED,
    "# A\n\nText [ref].\n\n- item\n\n  continued\n\n# B\n\n[ref]: https://example.org\n\n"
    "# C\n\n| a | b |\n| - | - |\n| c | d |\n",
    "# A\n\n<!--\na comment\n\n# not a heading\n-->\n\n# B\n\nText <!-- policylint-disable-next-line PL001 -->\nmore.\n",
    "# A\n\n> quote\n\n# B\n\nSetext\n===\n\n# C\n\n    indented code\n\n# D\n\n<div>\nhtml\n</div>\n\n# E\n\nDone.\n",
    "---\ntitle: x\n---\n\n# A\n\n```\nclosed\n```\n\n# B\n\nText.\n\n## C\n\n1. one\n2. two\n\n# D\n",
]


SAMPLES = [path.read_text(encoding="utf-8") for language in LANGUAGES for path in sorted((CORPORA / language).glob("*.md"))]


@pytest.mark.parametrize("source", [*TRICKY, *SAMPLES])
def test_markdown_read_in_sections_is_the_document_read_whole(monkeypatch, source):
    from policylint.readers import markdown

    whole = markdown.read(source, "a.md")
    monkeypatch.setattr(markdown, "SECTION_LINES", 1)  # a section at every heading that may start one
    assert markdown.read(source, "a.md") == whole
