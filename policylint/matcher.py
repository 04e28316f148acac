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

from policylint.model import Token

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

    def candidates(self, by_stem: dict, by_norm: dict) -> set[int]:
        """Sentences (numbers from a word index: stem -> sentences, word -> sentences) holding
        every word of some term: a superset of the sentences `find` matches in."""
        index = self._index
        patterns = [pattern for stem in self._first_stems & by_stem.keys() for pattern, _ in index[("stem", stem)]]
        patterns += [pattern for word in self._first_norms & by_norm.keys() for pattern, _ in index[("norm", word)]]
        patterns += [pattern for pattern, _ in self._prefix_first]
        found: set[int] = set()
        for pattern in patterns:
            lists = []
            for kind, value in pattern:
                if kind == "stem":
                    lists.append(by_stem.get(value, ()))
                elif kind == "norm":
                    lists.append(by_norm.get(value, ()))
                else:
                    lists.append([n for word, numbers in by_norm.items() if word.startswith(value) for n in numbers])
                if not lists[-1]:
                    break
            else:
                lists.sort(key=len)
                common = set(lists[0])
                for more in lists[1:]:
                    common.intersection_update(more)
                found |= common
        return found

def _matches(token: Token, element: tuple[str, str]) -> bool:
    kind, value = element
    if kind == "stem":
        return token.stem == value
    if kind == "norm":
        return token.norm == value
    return token.norm.startswith(value)
