"""What kind of document this is: a returns policy, a privacy notice, a code of conduct... or
not a policy at all.

Each kind (rules/kinds/*.yaml) lists, per language, the words of a title that names it and the
words its body uses. A document's title speaks loudest, its headings next, its body last; each
block is read in its own language, so a bilingual document counts in both. The choice carries
its evidence, so a user can see why a kind was chosen.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

from policylint.checks.facts import DocumentFacts
from policylint.model import Analysis, WordIndex
from policylint.packs.model import Kind, Pack
from policylint.text.analysis import tokenize
from policylint.text.dates import find_dates, normalised_with_offsets, standing_alone
from policylint.text.matcher import Matcher

OTHER_POLICY = "other-policy"
NOT_A_POLICY = "not-a-policy"
# Weights: a title naming a kind outweighs any amount of body text; a heading names a section.
TITLE_WEIGHT = 10
HEADING_WEIGHT = 3
# A heading counts for a kind only when the document's words of that kind (the heading's own
# among them) score at least this: the body must say something of the kind too.
HEADING_SUPPORT = 2
# A body word counts at most this often, so one word repeated does not decide alone.
WORD_CAP = 3
# The least score that makes a document a particular kind of policy.
KIND_THRESHOLD = 4
# How many headings at the top of a document can make up its title.
TITLE_BLOCKS = 3
# A text reports news (an article about a policy, not the policy) when at least this many of its
# sentences report what someone said, and they make at least this share of its sentences (a
# long policy may quote a minister once)...
NEWS_SENTENCES = 2
NEWS_SHARE = 0.1
# ...or when one of its first blocks is a dateline: a date with the time it was posted.
DATELINE_BLOCKS = 4
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
# Release notes: at least this many headings that are a version and nothing else, making at
# least this share of the headings of their level.
RELEASES = 2
RELEASE_SHARE = 0.5
_VERSION = re.compile(r"v?\d+(?:\.\d+){2,}|v\d+(?:\.\d+)+")
_DIGITS = re.compile(r"\d")
# How many of the words or headings that decided a reason shows.
WORDS_SHOWN = 3
# File names that software projects and note-takers use for documents that are not policies.
NOT_A_POLICY_NAMES = frozenset({"readme", "changelog", "changes", "history", "news", "authors",
                                "contributing", "todo", "install", "notes", "minutes"})
# File names that name a kind of policy, whatever the text's language.
NAMED_KINDS = {"code_of_conduct": "code-of-conduct", "code-of-conduct": "code-of-conduct",
               "privacy": "privacy", "privacy_policy": "privacy", "privacy-policy": "privacy",
               "terms": "terms", "returns": "returns", "refunds": "returns", "complaints": "complaints"}


@dataclass(frozen=True)
class KindChoice:
    """The kind chosen for a document and why: `source` is "title", "headings", "words",
    "news", "release headings", "file name", "configuration" or "option"; `terms` are the words that decided."""

    name: str
    source: str
    terms: tuple[str, ...] = ()
    scores: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def reason(self) -> str:
        """Why, as data (JSON, SARIF, the cache): `title: "privacy notice"`, `option`."""
        if self.source in ("configuration", "option", "file name") or not self.terms:
            return self.source
        return f"{self.source}: " + ", ".join(f'"{term}"' for term in self.terms)


def given(name: str, source: str) -> KindChoice:
    """A kind the user named (on the command line or in configuration)."""
    return KindChoice(name, source)


def detect_kind(
    analysis: Analysis, pack: Pack, words: Mapping[str | None, WordIndex] | None = None
) -> KindChoice:
    """The kind of the analysed document, with the words that decided it. `words` is the
    document's word index (DocumentFacts.word_index), which the rules then reuse."""
    kinds = pack.kinds
    named = _named_by_file(analysis.document.path)
    if named in kinds:
        return KindChoice(named, "file name")
    if words is None:
        words = DocumentFacts(analysis).word_index
    news = _news(analysis, pack, words)
    if news:
        # a headline names the policy an article reports on ("Council adopts new complaints
        # policy"): the title decides only for a document that speaks for itself
        return KindChoice(NOT_A_POLICY, "news", news)
    releases = _release_headings(analysis, pack)
    if releases:
        # release notes, though their title names the policy they change
        return KindChoice(NOT_A_POLICY, "release headings", releases)
    title, heads, body = _evidence(analysis, pack, words)
    policies = [name for name, kind in kinds.items() if kind.profile is not None and name != OTHER_POLICY]
    # a title naming a kind of policy that has no profile of its own ("Acceptable Use Policy",
    # "Règlement intérieur"), in more than one word: a bare "Policy" names none
    named_other = tuple(term for term in title.get(OTHER_POLICY, ()) if len(term.split()) > 1)
    titled = [name for name in policies if _names_kind(title.get(name, ()), named_other, kinds.get(OTHER_POLICY))]
    said = {name: sum(min(count, WORD_CAP) for count in body.get(name, {}).values()) for name in kinds}
    # a heading names a section of a kind only when the body speaks of it too: a help page's
    # "Retours" (feedback) is no returns policy
    heads = {name: terms for name, terms in heads.items() if said.get(name, 0) >= HEADING_SUPPORT}
    scores = {
        name: TITLE_WEIGHT * len(title.get(name, ())) + HEADING_WEIGHT * len(heads.get(name, ())) + said[name]
        for name in kinds
    }
    if titled:
        best = max(titled, key=lambda name: (len(title[name]), scores[name], -policies.index(name)))
        return KindChoice(best, "title", tuple(title[best]), scores)
    if named_other:
        # it decides as the other kinds' titles do
        return KindChoice(OTHER_POLICY, "title", named_other, scores)
    if PurePath(analysis.document.path).stem.lower() in NOT_A_POLICY_NAMES:
        # a README or a changelog is a policy only when its title says so
        return KindChoice(NOT_A_POLICY, "file name", (), scores)
    leans_away = scores.get(NOT_A_POLICY, 0)
    ranked = sorted(policies, key=lambda name: (-scores[name], policies.index(name)))
    if ranked and scores[ranked[0]] >= KIND_THRESHOLD and scores[ranked[0]] >= leans_away:
        best = ranked[0]
        source = "headings" if heads.get(best) else "words"
        terms = tuple(heads.get(best, ())) or _top_words(body.get(best, {}))
        return KindChoice(best, source, terms, scores)
    # the strongest kind's evidence, not all kinds' together: a page that mentions a service, a
    # client and a form once each says nothing of any one kind
    policy_score = max([scores.get(OTHER_POLICY, 0), *(scores[name] for name in policies)])
    # a document is taken for text that is not a policy only on evidence (its words, its file
    # name): one that says too little either way is judged as a policy of some other kind
    if OTHER_POLICY in kinds and (title.get(OTHER_POLICY) or policy_score >= leans_away):
        source = "title" if title.get(OTHER_POLICY) else "words" if policy_score else "no words of any kind"
        terms = tuple(title.get(OTHER_POLICY, ())) or _top_words(body.get(OTHER_POLICY, {}))
        return KindChoice(OTHER_POLICY, source, terms, scores)
    terms = tuple(title.get(NOT_A_POLICY, ())) or _top_words(body.get(NOT_A_POLICY, {}))
    return KindChoice(NOT_A_POLICY, "words", terms, scores)


def _news(analysis: Analysis, pack: Pack, words: Mapping[str | None, WordIndex]) -> tuple[str, ...]:
    """What shows the text is a news report: its dateline, or the verbs of reported speech
    ("said", "a déclaré", "δήλωσε") of enough of its sentences; empty when it is not one."""
    dateline = _dateline(analysis, pack)
    if dateline:
        return (dateline,)
    kind = pack.kinds.get(NOT_A_POLICY)
    if kind is None:
        return ()
    blocks, sentences = analysis.document.blocks, analysis.sentences
    reporting: set[int] = set()
    verbs: list[str] = []
    for language, index in words.items():
        if language is None or not kind.reporting.get(language):
            continue
        matcher = _matcher(pack, kind, "reporting", language)
        for number in matcher.candidates(index):
            if blocks[sentences[number].block].is_heading:
                continue
            for match in matcher.find(sentences[number].tokens):
                reporting.add(number)
                if _written(match.term) not in verbs:
                    verbs.append(_written(match.term))
    said = sum(not blocks[sentence.block].is_heading for sentence in sentences)
    if len(reporting) >= NEWS_SENTENCES and len(reporting) >= NEWS_SHARE * said:
        return tuple(verbs)
    return ()


def _dateline(analysis: Analysis, pack: Pack) -> str | None:
    """The first blocks' line that holds a date with a time of day and nothing else ("Τρίτη,
    18 Ιουλίου 2006 16:31"): a page stamped when it was posted, as news and blogs are."""
    for block in analysis.document.blocks[:DATELINE_BLOCKS]:
        text = normalised_with_offsets(block.text)[0]
        if not _CLOCK.search(text):
            continue
        undated = _CLOCK.sub(" ", text)
        months = pack.months(block.language)
        if standing_alone(undated, find_dates(undated, months)):
            return block.text.strip()
    return None


def _names_kind(terms, named_other: tuple[str, ...], other: Kind | None) -> bool:
    """Whether a kind's title terms name it: a word that any policy may be called by ("Charter",
    "Charte", "Χάρτης", "ميثاق") does not when the title names the policy's subject ("Equality and
    diversity charter", "Charte informatique")."""
    if not terms:
        return False
    if not named_other or other is None:
        return True
    generic = {_written(term).casefold() for entries in other.title_terms.values() for term in entries}
    return any(term.casefold() not in generic for term in terms)


def _release_headings(analysis: Analysis, pack: Pack) -> tuple[str, ...]:
    """The headings that are a release's version and nothing else ("## [2.1.0] - 2024-03-01",
    "## v1.4"), when they are at least two and half the headings of their level: release notes
    or a changelog, whose "Added" and "Fixed" sit below each version. A policy's numbered
    sections ("1.2.3 Scope") name something besides, and a version history at a policy's end
    is a few headings among many of its level."""
    headings = [block for block in analysis.document.blocks if block.is_heading]
    releases = [block for block in headings if _is_version(block, pack)]
    levels = {block.level for block in releases}
    for level in sorted(levels, key=lambda lvl: -sum(block.level == lvl for block in releases)):
        at_level = [block.text.strip() for block in releases if block.level == level]
        peers = sum(block.level == level for block in headings)
        if len(at_level) >= RELEASES and len(at_level) >= RELEASE_SHARE * peers:
            return tuple(at_level[:WORDS_SHOWN])
    return ()


def _is_version(block, pack: Pack) -> bool:
    text = normalised_with_offsets(block.text)[0]
    if not _DIGITS.search(text):
        return False
    months = pack.months(block.language)
    for date in reversed(find_dates(text, months)):
        text = text[:date.start] + " " + text[date.end:]
    return bool(_VERSION.fullmatch(text.strip(" \t[]()-–—:|*_#")))


def _named_by_file(path: str) -> str | None:
    return NAMED_KINDS.get(PurePath(path).stem.lower())


def _written(term: str) -> str:
    """A vocabulary entry as the reader should see it in a reason: without the "=" that asks the
    matcher for the exact word ("=le personnel")."""
    return term.removeprefix("=")


def _top_words(counts: dict[str, int], most: int = WORDS_SHOWN) -> tuple[str, ...]:
    return tuple(term for term, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:most])


def _evidence(analysis: Analysis, pack: Pack, words: Mapping[str | None, WordIndex]):
    """Per kind: the title terms found in the title, the title terms found in other headings,
    and how often each body word occurs (in each block's own language). Only the sentences the
    word index says may hold a kind's words are matched, as the rules do."""
    blocks = analysis.document.blocks
    sentences = analysis.sentences
    title_blocks = _title_blocks(blocks)
    title: dict[str, list[str]] = {}
    heads: dict[str, list[str]] = {}
    body: dict[str, dict[str, int]] = {}
    for name, kind in pack.kinds.items():
        counts = body.setdefault(name, {})
        for language, index in words.items():
            if language is None:
                continue
            titles = _matcher(pack, kind, "title", language)
            for number in sorted(titles.candidates(index)):
                sentence = sentences[number]
                if sentence.block in title_blocks:
                    target = title
                elif blocks[sentence.block].is_heading:
                    target = heads
                else:
                    continue
                for match in titles.find(sentence.tokens):
                    if _written(match.term) not in target.setdefault(name, []):
                        target[name].append(_written(match.term))
            body_words = _matcher(pack, kind, "words", language)
            for number in body_words.candidates(index):
                for match in body_words.find(sentences[number].tokens):
                    term = _written(match.term)
                    counts[term] = counts.get(term, 0) + 1
    return title, heads, body


def _title_blocks(blocks) -> set[int]:
    """The blocks that make the title: the headings before the first paragraph (an
    organisation's name often stands above the document's own title), at most three; or
    the first block when the document opens without a heading."""
    found: set[int] = set()
    for index, block in enumerate(blocks[:TITLE_BLOCKS]):
        if not block.is_heading:
            break
        found.add(index)
    return found or ({0} if blocks else set())


def title_terms(pack: Pack, sentences, language: str) -> list[str]:
    """The title terms of any kind of policy that the sentences hold: a line holding them names
    the document ("Conditions générales de vente", "Refunds and Returns")."""
    return [term for name, kind in pack.kinds.items() if kind.profile is not None and name != NOT_A_POLICY
            for term in _terms(_matcher(pack, kind, "title", language), sentences)]


def _terms(matcher: Matcher, sentences) -> list[str]:
    return [match.term for sentence in sentences for match in matcher.find(sentence.tokens)]


def _matcher(pack: Pack, kind: Kind, key: str, language: str) -> Matcher:
    """A kind's title terms or words for a language, compiled once per pack."""
    cache_key = ("kind", kind.name, key, language)
    matcher = pack.matchers.get(cache_key)
    if matcher is None:
        terms = {"title": kind.title_terms, "words": kind.words, "reporting": kind.reporting}[key].get(language, ())
        matcher = Matcher(terms, lambda text: tokenize(text, language))
        pack.matchers[cache_key] = matcher
    return matcher
