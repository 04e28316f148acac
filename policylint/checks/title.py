"""A policy opens with a title that names it ("Customer Service Policy", "Charte d'accueil").

The title is the first heading, or a short line standing alone as one, among the first few
blocks (a logo line or a version line may come first), before the first paragraph of body
text. A section heading ending with a colon ("## Exchanges:") labels what follows it and
names no document. It counts when it holds one of the rule's title words in its own language, or the title
terms of any kind of policy (rules/kinds/*.yaml: "Droit de rétractation", "Privacy Notice"),
outside any template fill-in ("[Policy name]" names nothing). A top-level heading (level 1)
before the body text is the document's title whatever its words ("Quality Control", "Aviso
Legal", "Χρηματοοικονομικός Επίτροπος"): a writer marks the document's name so, and the words a
title may use are too many to list; a numbered one ("1. Introduction") or one naming a section
(the rule's `sections`: "Introduction", "Préambule") still opens a section.
"""

from __future__ import annotations

import re

from policylint.checks.kind import CheckKind
from policylint.checks.sections import is_heading_like
from policylint.checks.tokens import words

# "1. Right of withdrawal", "II) Returns": a numbered heading opens a section of the document,
# it does not name the document
SECTION_HEADING = re.compile(r"^\s*(?:\d+|[IVXivx]+)[.)]\s")
BODY_WORDS = 20  # a block this long is body text: the title, if any, came before it
# a section heading ending with a colon labels the list or paragraph after it ("## Exchanges:");
# it does not name the document (a top-level heading may end with one and still be its title)
LABEL_END = (":", "：")


def check(context):
    # text.kinds reads the pack, whose model imports the check kinds: imported here, not at the top
    from policylint.text.kinds import title_terms

    analysis = context.analysis
    for index, block in enumerate(analysis.document.blocks[: context.option("first_blocks")]):
        sentences = context.facts.finished_sentences(index)
        if is_heading_like(block) and not SECTION_HEADING.search(block.text) and not _labels_a_section(block):
            title_words = context.matcher("words", block.language)
            if any(title_words.search(s.tokens) for s in sentences):
                return
            if block.language and title_terms(context.pack, sentences, block.language):
                return
            if block.level == 1 and _names_the_document(context, sentences, block.language):
                return
        elif sum(len(words(s.tokens)) for s in analysis.by_block[index]) > BODY_WORDS:
            break
    yield context.document_finding(context.message({}))


def _names_the_document(context, sentences, language) -> bool:
    """Whether a top heading's words name the document: any words but a section's name alone
    ("Introduction", "Préambule", "مقدمة" open a section, whatever their level)."""
    sections = context.matcher("sections", language)
    return any(words(s.tokens) for s in sentences) and not any(sections.search(s.tokens) for s in sentences)


def _labels_a_section(block) -> bool:
    return block.text.rstrip().endswith(LABEL_END) and not (block.is_heading and block.level == 1)


KIND = CheckKind(
    name="title",
    description=__doc__ or "",
    fields={"message": ()},
    check=check,
    vocabulary={"words": "terms", "sections": "terms"},
    options={"first_blocks": 4},
)
