"""A statement that should be short, such as a mission statement, runs to many sentences.

The statement is the prose under a heading the rule names ("Our mission", "Notre mission")
up to the next heading, or a paragraph that opens with one of the rule's statements ("Our
mission is to ..."). Its sentences are counted; lists and tables under the heading are not
part of the statement.
"""

from __future__ import annotations

from policylint.checks.kind import CheckKind
from policylint.checks.sections import is_heading_like, section_after

OPENING = 3  # a statement counts only when it starts within the paragraph's first tokens


def check(context):
    analysis = context.analysis
    blocks = context.document.blocks
    limit = context.option("max_sentences")
    for index in sorted(set(context.blocks_with("headings")) | set(context.blocks_with("statements"))):
        block = blocks[index]
        sentences = analysis.by_block[index]
        if is_heading_like(block):
            if not any(context.matcher("headings", block.language).search(s.tokens) for s in sentences):
                continue
            count = 0
            for following in section_after(blocks, index) or range(index + 1, min(index + 2, len(blocks))):
                if blocks[following].is_heading:
                    break
                if blocks[following].kind == "paragraph":
                    count += len(analysis.by_block[following])
        elif block.kind == "paragraph":
            opening = context.matcher("statements", block.language).find(sentences[0].tokens)
            if not any(m.start < OPENING for m in opening):
                continue
            count = len(sentences)
        else:
            continue
        if count > limit:
            end = len(block.text.rstrip()) if is_heading_like(block) else sentences[0].end
            yield context.finding(index, 0, end, context.message({"count": count, "max": limit}), block.language)


KIND = CheckKind(
    name="long-section",
    description=__doc__ or "",
    fields={"message": ("count", "max")},
    check=check,
    vocabulary={"headings": "terms", "statements": "terms"},
    options={"max_sentences": 4},
)
