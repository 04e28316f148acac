"""Vocabulary compiled into one matcher per rule, key and language.

A term is written once, in its base form; it is tokenised by the language's own tokenizer
and compared token by token after normalisation:

- plain terms compare Snowball stems, so "enforce" meets "enforced" and "enforcement";
- "=term" compares normalised surface forms, for words whose stem would over-match
  ("=shortly": its stem "short" is an innocent word);
- "term*" makes the last token a prefix, for verb families the stemmer does not unify
  ("répond*" meets "répondre" and "répondrons").

Hyphens are ignored on both sides, so "best-in-class" meets "best in class".
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Iterable, Sequence

from policylint.model import Token, WordIndex

_IGNORED = {"-", "‐", "‑", "–"}
_NORM = attrgetter("norm")


@dataclass(frozen=True)
class Match:
    start: int  # index of the first token in the token sequence given
    end: int  # index after the last token
    term: str  # the vocabulary entry that matched, as written


def _element(token: Token, mode: str) -> tuple[str, str]:
    if mode == "exact":
        return ("norm", token.norm)
    return ("stem", token.stem)


class Matcher:
    def __init__(self, terms: Iterable[str], tokenize):
        # the terms by their first element, longest first: by stem, by word, by prefix
        self._by_stem: dict[str, list[tuple[tuple, str]]] = {}
        self._by_norm: dict[str, list[tuple[tuple, str]]] = {}
        self._prefix_first: list[tuple[tuple, str]] = []
        for term in terms:
            pattern = self._compile(term, tokenize)
            if not pattern:
                continue
            kind, value = pattern[0]
            if kind == "prefix":
                self._prefix_first.append((pattern, term))
            else:
                (self._by_stem if kind == "stem" else self._by_norm).setdefault(value, []).append((pattern, term))
        lists = (*self._by_stem.values(), *self._by_norm.values(), self._prefix_first)
        for candidates in lists:
            candidates.sort(key=lambda c: -len(c[0]))  # longest first
        self._prefixes = tuple(pattern[0][1] for pattern, _ in self._prefix_first)
        # for `candidates`: the other elements of the terms, by first element (None where a
        # one-word term starts with it: then every sentence holding that element is a candidate)
        rests: dict[tuple[str, str], set[tuple] | None] = {}
        for pattern, _ in (candidate for candidates in lists for candidate in candidates):
            first, rest = pattern[0], pattern[1:]
            if not rest:
                rests[first] = None
            elif (known := rests.setdefault(first, set())) is not None:
                known.add(rest)
        self._rests_by_stem = {value: r for (kind, value), r in rests.items() if kind == "stem"}
        self._rests_by_norm = {value: r for (kind, value), r in rests.items() if kind == "norm"}
        self._rests_by_prefix = [(value, r) for (kind, value), r in rests.items() if kind == "prefix"]

    @staticmethod
    def _compile(term: str, tokenize) -> tuple:
        body, mode, prefix = term.strip(), "stem", False
        if body.startswith("="):
            body, mode = body[1:], "exact"
        if body.endswith("*"):
            body, prefix = body[:-1], True
        tokens = [t for t in tokenize(body) if t.norm not in _IGNORED]
        pattern = [_element(t, mode) for t in tokens]
        if prefix and tokens:
            pattern[-1] = ("prefix", tokens[-1].norm)
        return tuple(pattern)

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        """Leftmost-longest, non-overlapping matches in a token sequence."""
        stems, norms, prefixes = self._by_stem, self._by_norm, self._prefixes
        starts = [
            i for i, t in enumerate(tokens)
            if t.stem in stems or t.norm in norms or (prefixes and t.norm.startswith(prefixes))
        ]
        if not starts:
            return []  # most sentences hold none of a rule's words: say so at once
        if _IGNORED.isdisjoint(map(_NORM, tokens)):
            kept: Sequence[int] = range(len(tokens))
        else:  # hyphens are skipped: token indexes to places in `kept`
            kept = [i for i, t in enumerate(tokens) if t.norm not in _IGNORED]
            place = {index: p for p, index in enumerate(kept)}
            starts = [place[i] for i in starts if i in place]
        matches: list[Match] = []
        position = 0  # the place after the last match
        for start in starts:
            if start < position:
                continue  # inside the last match
            best = self._longest_at(tokens, kept, start)
            if best is not None:
                length, term = best
                matches.append(Match(kept[start], kept[start + length - 1] + 1, term))
                position = start + length
        return matches

    def _longest_at(self, tokens, kept, position):
        """(length, term) of the longest term (the first listed, among equals) starting at a
        place in `kept`, or None."""
        token = tokens[kept[position]]
        best_length, best = 0, None
        room = len(kept) - position
        for candidates in (
            self._by_stem.get(token.stem, ()),
            self._by_norm.get(token.norm, ()),
            [c for c in self._prefix_first if token.norm.startswith(c[0][0][1])] if self._prefixes else (),
        ):
            for pattern, term in candidates:  # longest first
                length = len(pattern)
                if length <= best_length:
                    break  # the rest are no longer than what matched
                if length > room:
                    continue
                # the first element matches: that is how the candidate was found
                for offset in range(1, length):
                    if not _matches(tokens[kept[position + offset]], pattern[offset]):
                        break
                else:
                    best_length, best = length, (length, term)
                    break
        return best

    def search(self, tokens: Sequence[Token]) -> bool:
        return bool(self.find(tokens))

    def candidates(self, words: WordIndex) -> set[int]:
        """Sentences (numbers from a word index) holding every word of some term: a superset
        of the sentences `find` matches in. Only the first words the document holds are looked
        at, and each term's remaining words are intersected shortest list first."""
        found: set[int] = set()
        by_stem, by_norm = words.by_stem, words.by_norm
        for value in self._rests_by_stem.keys() & by_stem.keys():
            _gather(by_stem[value], self._rests_by_stem[value], words, found)
        for value in self._rests_by_norm.keys() & by_norm.keys():
            _gather(by_norm[value], self._rests_by_norm[value], words, found)
        for prefix, rests in self._rests_by_prefix:
            first = words.with_prefix(prefix)
            if first:
                _gather(first, rests, words, found)
        return found


def _gather(first: list[int], rests, words: WordIndex, found: set[int]) -> None:
    """Add to `found` the sentences among `first` (those holding a term's first element) that
    also hold all of one of `rests` (the terms' other elements; None: a one-word term)."""
    if rests is None:
        found.update(first)
        return
    if found.issuperset(first):
        return  # nothing these terms add
    for rest in rests:
        lists = [first]
        for element in rest:
            numbers = _sentences(words, element)
            if not numbers:
                break
            lists.append(numbers)
        else:
            lists.sort(key=len)
            common = set(lists[0])
            for more in lists[1:]:
                common.intersection_update(more)
            found |= common


def _sentences(words: WordIndex, element: tuple[str, str]):
    kind, value = element
    if kind == "stem":
        return words.by_stem.get(value, ())
    if kind == "norm":
        return words.by_norm.get(value, ())
    return words.with_prefix(value)


def _matches(token: Token, element: tuple[str, str]) -> bool:
    kind, value = element
    if kind == "stem":
        return token.stem == value
    if kind == "norm":
        return token.norm == value
    return token.norm.startswith(value)
