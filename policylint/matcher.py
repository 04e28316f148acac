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
from typing import Iterable, Sequence

from policylint.model import Token, WordIndex

_IGNORED = {"-", "‐", "‑", "–"}


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
        self._index: dict[tuple[str, str], list[tuple[tuple, str]]] = {}
        self._prefix_first: list[tuple[tuple, str]] = []
        for term in terms:
            pattern = self._compile(term, tokenize)
            if not pattern:
                continue
            first = pattern[0]
            if first[0] == "prefix":
                self._prefix_first.append((pattern, term))
            else:
                self._index.setdefault(first, []).append((pattern, term))
        for candidates in self._index.values():
            candidates.sort(key=lambda c: -len(c[0]))  # longest first
        self._first_stems = frozenset(value for kind, value in self._index if kind == "stem")
        self._first_norms = frozenset(value for kind, value in self._index if kind == "norm")
        # for `candidates`: the other elements of the terms, by first element (None where a
        # one-word term starts with it: then every sentence holding that element is a candidate)
        rests: dict[tuple[str, str], set[tuple] | None] = {}
        for pattern, _ in [*(c for cs in self._index.values() for c in cs), *self._prefix_first]:
            first, rest = pattern[0], pattern[1:]
            if not rest:
                rests[first] = None
            elif rests.get(first, ()) is not None:
                rests.setdefault(first, set()).add(rest)
        self._rests_by_stem = {value: r for (kind, value), r in rests.items() if kind == "stem"}
        self._rests_by_norm = {value: r for (kind, value), r in rests.items() if kind == "norm"}
        self._rests_by_prefix = [(value, r) for (kind, value), r in rests.items() if kind == "prefix"]

    def _could_start(self, tokens: Sequence[Token]) -> bool:
        stems, norms = self._first_stems, self._first_norms
        return any(t.stem in stems or t.norm in norms for t in tokens)

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
        if not self._prefix_first and not self._could_start(tokens):
            return []  # most sentences hold none of a rule's words: say so at once
        kept = [i for i, t in enumerate(tokens) if t.norm not in _IGNORED]
        matches: list[Match] = []
        position = 0
        stems, norms, any_prefix = self._first_stems, self._first_norms, bool(self._prefix_first)
        while position < len(kept):
            token = tokens[kept[position]]
            if not any_prefix and token.stem not in stems and token.norm not in norms:
                position += 1  # no term starts with this word
                continue
            best = self._longest_at(tokens, kept, position)
            if best is None:
                position += 1
                continue
            length, term = best
            matches.append(Match(kept[position], kept[position + length - 1] + 1, term))
            position += length
        return matches

    def _longest_at(self, tokens, kept, position):
        token = tokens[kept[position]]
        by_stem = self._index.get(("stem", token.stem))
        by_norm = self._index.get(("norm", token.norm))
        by_prefix = [c for c in self._prefix_first if token.norm.startswith(c[0][0][1])] if self._prefix_first else None
        if not (by_stem or by_norm or by_prefix):
            return None
        candidates = (by_stem or []) + (by_norm or []) + (by_prefix or [])
        best = None
        for pattern, term in candidates:
            if best is not None and len(pattern) <= best[0]:
                continue
            if position + len(pattern) > len(kept):
                continue
            if all(_matches(tokens[kept[position + i]], element) for i, element in enumerate(pattern)):
                best = (len(pattern), term)
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
