"""What several rules derive from one analysed document: each fact is worked out the first
time a rule asks for it and then shared by every rule of the run, so this class is the list
of what rules share and of the type each fact has.

One `DocumentFacts` serves one run of one pack's rules over one analysis (`engine.run_rules`
makes it), so a fact may depend on the pack's language data. A fact that depends on a rule's
own vocabulary is kept per vocabulary: a rule with other words never gets another's answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from policylint.checks import contact_shapes, fill_ins
from policylint.model import Analysis, Sentence, WordIndex
from policylint.text.dates import FoundDate

# A date and the block it stands in (index into Document.blocks).
DatedBlock = tuple[int, FoundDate]
# Each language of a document with a rule's revision labels in that language.
RevisionLabels = tuple[tuple[str, tuple[str, ...]], ...]


class DocumentFacts:
    def __init__(self, analysis: Analysis):
        self.analysis = analysis
        self._fill_ins: dict[int, list[re.Match]] = {}  # by block index
        self._fill_in_spans: dict[int, list[tuple[int, int]]] = {}  # by block index
        self._finished: dict[int, list[Sentence]] = {}  # by block index
        self._finished_ids: dict[int, set[int]] = {}  # by block index: id() of each finished sentence
        self._contact_shapes: dict[str, bool] = {}  # by shape name
        self._revision_dates: dict[RevisionLabels, list[DatedBlock]] = {}

    @cached_property
    def word_index(self) -> dict[str | None, WordIndex]:
        """For each block language, the index of its sentences' words, so a rule looks only at
        the sentences that can hold its words."""
        index: dict[str | None, WordIndex] = {}
        blocks = self.analysis.document.blocks
        for number, sentence in enumerate(self.analysis.sentences):
            language = blocks[sentence.block].language
            words = index.get(language)
            if words is None:
                words = index[language] = WordIndex({}, {})
            by_stem, by_norm = words.by_stem, words.by_norm
            # each list ends with the sentence last added: a sentence's repeated word is
            # known by that, without building sets of its words (half the time)
            for token in sentence.tokens:
                numbers = by_stem.get(token.stem)
                if numbers is None:
                    by_stem[token.stem] = [number]
                elif numbers[-1] != number:
                    numbers.append(number)
                numbers = by_norm.get(token.norm)
                if numbers is None:
                    by_norm[token.norm] = [number]
                elif numbers[-1] != number:
                    numbers.append(number)
        return index

    @cached_property
    def text(self) -> str:
        """Every block's text, one after the other on lines of their own."""
        return "\n".join(block.text for block in self.analysis.document.blocks)

    def fill_ins(self, block: int) -> list[re.Match]:
        """The template fill-ins of a block, in order."""
        found = self._fill_ins.get(block)
        if found is None:
            found = self._fill_ins[block] = fill_ins.find(self.analysis.document.blocks[block].text)
        return found

    def fill_in_spans(self, block: int) -> list[tuple[int, int]]:
        spans = self._fill_in_spans.get(block)
        if spans is None:
            spans = self._fill_in_spans[block] = [match.span() for match in self.fill_ins(block)]
        return spans

    def finished_sentences(self, block: int) -> list[Sentence]:
        """A block's sentences without template fill-ins: "Contact [Name] on [phone]" states no
        contact details, and "reviewed every [X] months" no review cycle."""
        finished = self._finished.get(block)
        if finished is None:
            spans = self.fill_in_spans(block)
            sentences = self.analysis.by_block[block]
            finished = self._finished[block] = [
                s for s in sentences if not fill_ins.overlaps(spans, s.start, s.end)
            ] if spans else sentences
        return finished

    def is_finished(self, sentence: Sentence) -> bool:
        # by identity: comparing sentences by value would compare all their tokens (and a
        # search through the block's list, for each of its sentences, would be quadratic)
        kept = self._finished_ids.get(sentence.block)
        if kept is None:
            kept = self._finished_ids[sentence.block] = {id(s) for s in self.finished_sentences(sentence.block)}
        return id(sentence) in kept

    def holds_contact_shape(self, name: str) -> bool:
        """Whether any block holds the shape named (one of contact_shapes.CONTACT_SHAPES)."""
        held = self._contact_shapes.get(name)
        if held is None:
            held = self._contact_shapes[name] = contact_shapes.holds(self.text, name)
        return held

    def revision_dates(self, labels: RevisionLabels, find: Callable[[], list[DatedBlock]]) -> list[DatedBlock]:
        """The dates that revision labels introduce, worked out by `find` once per set of
        labels: the missing and the stale revision-date rules share one answer."""
        dates = self._revision_dates.get(labels)
        if dates is None:
            dates = self._revision_dates[labels] = find()
        return dates
