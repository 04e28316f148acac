"""spaCy's rule-based tokenizer and sentencizer, in plain Python, over spaCy's own rules.

policylint needs tokens and sentence boundaries, nothing a trained model gives. Importing
spaCy and building its tokenizers (the French one above all) takes longer than checking a
policy, which a pre-commit hook would pay on every commit. So the algorithm of spaCy's `Tokenizer` (tokenizer.pyx) and
`Sentencizer` is carried over here step for step, and it runs on the very rules spaCy's blank
pipeline holds (prefixes, suffixes, infixes, token and URL patterns, special cases), which
`tokenizer_data` takes from spaCy once and keeps on disk. A test proves that both give the
same tokens and sentences.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from policylint.text.big_regex import compile_matcher

# spaCy's chunks: a word (\S is exactly "not str.isspace") with the one space after it, which
# belongs to the word (its "whitespace_"), or a run of other whitespace, a token of its own.
# The runs tile the text, so offsets add up.
RUNS = re.compile(r"\S+ ?|\s+")
# spaCy's affix splitting takes time quadratic in a chunk's length (each prefix or suffix
# taken off copies the rest and searches it again): 16 KiB of "(" took 26 s. A chunk longer
# than this is tokenized in slices of this length, so the time per character is bounded; no
# word in running text is anywhere near as long (the tokenizer test proves spaCy's tokens on
# every sample policy).
MAX_CHUNK = 400
# A suffix is searched for in the last this-many characters first, not the whole chunk: a
# suffix pattern ends at "$", so searching from the start tries every position in vain.
SUFFIX_WINDOW = 32


def run_chunk(run: str) -> str:
    """What a run is tokenized as: the word without its space, or the whitespace."""
    return run[:-1] if run[-1] == " " and not run.isspace() else run


@dataclass(frozen=True)
class TokenizerData:
    """What spaCy's blank pipeline for one language holds, as plain data."""

    prefix: tuple[str, int] | None  # (pattern, flags)
    suffix: tuple[str, int] | None
    infix: tuple[str, int] | None
    token_match: tuple[str, int] | None
    url_match: tuple[str, int] | None
    special_cases: dict[str, list[str]]  # text -> the tokens it is split into
    stop_words: frozenset[str]
    sentence_ends: frozenset[str]  # the sentencizer's punctuation


class SpacyToken(NamedTuple):  # a tuple: made by the hundred thousand, so made cheaply
    text: str
    idx: int  # offset of its first character in the text

    @property
    def is_space(self) -> bool:
        return self.text.isspace()

    @property
    def is_punct(self) -> bool:
        return is_punct(self.text)


@lru_cache(maxsize=100_000)
def is_punct(text: str) -> bool:
    """spaCy's IS_PUNCT: every character is Unicode punctuation."""
    return all(unicodedata.category(char).startswith("P") for char in text)


def _search(spec):
    return re.compile(*spec).search if spec else None


class Tokenizer:
    def __init__(self, data: TokenizerData):
        self.data = data
        self._prefix = _search(data.prefix)
        self._suffix = _search(data.suffix)
        self._infix = re.compile(*data.infix).finditer if data.infix else None
        self._token_match = compile_matcher(*data.token_match) if data.token_match else None
        self._url_match = compile_matcher(*data.url_match) if data.url_match else None
        self._specials = data.special_cases
        self._cache: dict[tuple[str, bool], tuple[str, ...]] = {}
        # Special cases that hold affixes or spaces cannot be found chunk by chunk; spaCy
        # looks for their token sequences afterwards (its "faster heuristics").
        self.special_sequences: dict[str, list[tuple[str, ...]]] = {}  # first token -> sequences
        for text in sorted(self._specials):
            if self._find_prefix(text) or self._find_suffix(text) or self._find_infix(text) or " " in text:
                pieces = tuple(t.text for t in self._tokenize_affixes(text, False))
                self.special_sequences.setdefault(pieces[0], []).append(pieces)

    def __call__(self, text: str) -> list[SpacyToken]:
        return self._apply_special_cases(text, self._tokenize_affixes(text, True))

    def chunk(self, chunk: str) -> tuple[str, ...]:
        """The tokens one whitespace-separated chunk (or one whitespace token) becomes,
        before the multi-token special cases of `special_sequences` are looked for."""
        return self._chunk(chunk, True)

    # -- tokenizer.pyx: _tokenize_affixes
    def _tokenize_affixes(self, text: str, with_specials: bool) -> list[SpacyToken]:
        tokens: list[SpacyToken] = []
        offset = 0
        for run in RUNS.findall(text):
            position = offset
            for piece in self._chunk(run_chunk(run), with_specials):
                tokens.append(SpacyToken(piece, position))
                position += len(piece)
            offset += len(run)
        return tokens

    def _chunk(self, chunk: str, with_specials: bool) -> tuple[str, ...]:
        if len(chunk) > MAX_CHUNK:
            return tuple(
                piece
                for start in range(0, len(chunk), MAX_CHUNK)
                for piece in self._chunk(chunk[start:start + MAX_CHUNK], with_specials)
            )
        key = (chunk, with_specials)
        pieces = self._cache.get(key)
        if pieces is None:
            if with_specials and chunk in self._specials:
                pieces = tuple(self._specials[chunk])
            else:
                prefixes, middle, suffixes = self._split_affixes(chunk, with_specials)
                pieces = tuple(prefixes + self._attach(middle, with_specials) + suffixes[::-1])
            if len(self._cache) < 100_000:
                self._cache[key] = pieces
        return pieces

    # -- tokenizer.pyx: _split_affixes
    def _split_affixes(self, string: str, with_specials: bool):
        prefixes: list[str] = []
        suffixes: list[str] = []
        specials = self._specials
        last_size = 0
        while string and len(string) != last_size:
            if self._token_match and self._token_match(string):
                break
            if with_specials and string in specials:
                break
            last_size = len(string)
            pre_len = self._find_prefix(string)
            if pre_len:
                prefix, minus_pre = string[:pre_len], string[pre_len:]
                if minus_pre and with_specials and minus_pre in specials:
                    prefixes.append(prefix)
                    string = minus_pre
                    break
            suf_len = self._find_suffix(string[pre_len:])
            if suf_len:
                suffix, minus_suf = string[-suf_len:], string[:-suf_len]
                if minus_suf and with_specials and minus_suf in specials:
                    suffixes.append(suffix)
                    string = minus_suf
                    break
            if pre_len and suf_len and (pre_len + suf_len) <= len(string):
                prefixes.append(prefix)
                suffixes.append(suffix)
                string = string[pre_len:-suf_len]
            elif pre_len:
                prefixes.append(prefix)
                string = minus_pre
            elif suf_len:
                suffixes.append(suffix)
                string = minus_suf
        return prefixes, string, suffixes

    # -- tokenizer.pyx: _attach_tokens
    def _attach(self, string: str, with_specials: bool) -> list[str]:
        if not string:
            return []
        if with_specials and string in self._specials:
            return list(self._specials[string])
        if (self._token_match and self._token_match(string)) or (self._url_match and self._url_match(string)):
            return [string]
        pieces: list[str] = []
        start = 0
        for match in self._find_infix(string):
            infix_start, infix_end = match.start(), match.end()
            if infix_start == 0:
                continue
            if infix_start != start:
                pieces.append(string[start:infix_start])
            if infix_start != infix_end:
                pieces.append(string[infix_start:infix_end])
            start = infix_end
        if string[start:]:
            pieces.append(string[start:])
        return pieces

    def _find_prefix(self, string: str) -> int:
        match = self._prefix(string) if self._prefix else None
        return match.end() - match.start() if match else 0

    def _find_suffix(self, string: str) -> int:
        """Length of the suffix spaCy's leftmost search finds. The search starts in a window at
        the end (lookbehinds still see before it); a match that begins at the window's edge
        may reach further left, so the window is doubled until it does not."""
        if not self._suffix:
            return 0
        window = SUFFIX_WINDOW
        while True:
            start = max(0, len(string) - window)
            match = self._suffix(string, start)
            if match is None or start == 0 or match.start() > start:
                return match.end() - match.start() if match else 0
            window *= 2

    def _find_infix(self, string: str) -> list:
        return list(self._infix(string)) if self._infix else []

    # -- tokenizer.pyx: _apply_special_cases (the PhraseMatcher pass, then retokenising)
    def _apply_special_cases(self, text: str, tokens: list[SpacyToken]) -> list[SpacyToken]:
        if not self.special_sequences:
            return tokens
        texts = [t.text for t in tokens]
        found = set()
        for start, head in enumerate(texts):
            for sequence in self.special_sequences.get(head, ()):
                end = start + len(sequence)
                if tuple(texts[start:end]) == sequence:
                    found.add((start, end))
        if not found:
            return tokens
        # longest first, then leftmost; a span is kept unless its ends fall in one seen before
        seen: set[int] = set()
        kept = []
        for start, end in sorted(found, key=lambda s: (-(s[1] - s[0]), s[0])):
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
            seen.update(range(start, end))
        result: list[SpacyToken] = []
        position = 0
        for start, end in sorted(kept):
            result.extend(tokens[position:start])
            first, last = tokens[start], tokens[end - 1]
            span_text = text[first.idx:last.idx + len(last.text)]
            pieces = self._specials.get(span_text)
            if pieces is None:
                result.extend(tokens[start:end])
            else:
                offset = first.idx
                for piece in pieces:
                    result.append(SpacyToken(piece, offset))
                    offset += len(piece)
            position = end
        result.extend(tokens[position:])
        return result


def sentence_starts(tokens: list[SpacyToken], sentence_ends: frozenset[str]) -> list[int]:
    """Indexes of the tokens that start a sentence: spaCy's Sentencizer.predict."""
    if not tokens:
        return []
    starts = [0]
    seen_period = False
    for i, token in enumerate(tokens):
        is_end = token.text in sentence_ends
        if seen_period and not token.is_punct and not is_end:
            starts.append(i)
            seen_period = False
        elif is_end:
            seen_period = True
    return starts
