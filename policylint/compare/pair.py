"""A source document and one translation, analysed, with what the pair rules share about them:
where each policy element is stated in each, and which of their sections correspond."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from policylint.checks.facts import DocumentFacts
from policylint.checks.kind import Place
from policylint.checks.sections import Section, sections_of
from policylint.findings.engine import Context, Settings
from policylint.model import Analysis
from policylint.packs import Pack, Rule


@dataclass(frozen=True)
class ElementPlaces:
    """Where one element rule (a rule with an `element` whose kind can `locate`) finds its
    element in the source and in the translation (None: not stated there)."""

    rule: Rule
    source: Place | None
    translation: Place | None


class Pair:
    def __init__(self, source: Analysis, translation: Analysis, pack: Pack, settings: Settings):
        self.source = source
        self.translation = translation
        self.pack = pack
        self.settings = settings
        self.source_facts = DocumentFacts(source)
        self.translation_facts = DocumentFacts(translation)

    def contexts(self, rule: Rule) -> tuple[Context, Context]:
        """A rule's Context on the source and on the translation, sharing each one's facts."""
        return (Context(self.source, self.source_facts, rule, self.pack, self.settings),
                Context(self.translation, self.translation_facts, rule, self.pack, self.settings))

    @cached_property
    def elements(self) -> list[ElementPlaces]:
        """Each element rule of the pack that can judge both documents, with its places."""
        found = []
        for rule in self.pack.rules:
            locate = rule.kind.locate
            if not rule.element or locate is None:
                continue
            if not (rule.covers(self.source.document.language) and rule.covers(self.translation.document.language)):
                continue  # a language the rule cannot read: it would say "missing" without knowing
            source, translation = self.contexts(rule)
            found.append(ElementPlaces(rule, locate(source), locate(translation)))
        return found

    @cached_property
    def sections(self) -> list[tuple[Section, Section]]:
        """The sections that say the same thing in both: all of them, in order, when both
        documents have the same headings at the same levels; else those that state the same
        element, when those pairs keep the documents' order; else the two whole documents."""
        source = sections_of(self.source.document.blocks)
        translation = sections_of(self.translation.document.blocks)
        if _outline(self.source, source) == _outline(self.translation, translation):
            return list(zip(source, translation))
        pairs = sorted({
            (_section_of(source, places.source[0]), _section_of(translation, places.translation[0]))
            for places in self.elements if places.source and places.translation
        })
        in_order = all(a[0] < b[0] and a[1] < b[1] for a, b in pairwise(pairs))
        if pairs and in_order:
            return [(source[s], translation[t]) for s, t in pairs]
        return [(whole(self.source), whole(self.translation))]


def whole(analysis: Analysis) -> Section:
    return None, range(len(analysis.document.blocks))


def _outline(analysis: Analysis, sections: list[Section]) -> list[int]:
    """The heading levels in order (0 for a part before the first heading)."""
    blocks = analysis.document.blocks
    return [blocks[heading].level if heading is not None else 0 for heading, _ in sections]


def _section_of(sections: list[Section], block: int) -> int:
    return next(number for number, (_, blocks) in enumerate(sections) if block in blocks)
