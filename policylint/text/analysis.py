"""Per-language analysis: sentences and tokens, each token normalised and stemmed.

Tokens and sentence boundaries are those of spaCy's blank pipeline for the language (its
tokenizer and rule-based sentencizer), computed by `tokenizer.py` from spaCy's own rules; no
trained model is used or downloaded. A tokenizer is built once per process and language.

A block is analysed in one pass over its whitespace-separated chunks: what each distinct
chunk becomes (its tokens with their norms, stems and punctuation flags) is worked out once
and remembered, as spaCy's tokenizer remembers chunks. The step-by-step path (tokenizer,
sentencizer, then tokens) stays for the rare block a multi-token special case touches, and a
test proves both give the same analysis.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, NamedTuple

from policylint.model import Analysis, Document, Sentence, Token
from policylint.text.normalise import norm, stem
from policylint.text.tokenizer import RUNS, SpacyToken, Tokenizer, is_punct, run_chunk, sentence_starts
from policylint.text.tokenizer_data import refresh, tokenizer_data
from policylint.text.visible import visible_document

_RUN_CACHE_LIMIT = 100_000
# what Token(...) does, without the call of the __new__ that NamedTuple writes in Python (as
# its own _make does): a token is made for every word of every document
_new_token = tuple.__new__


@lru_cache(maxsize=None)
def tokenizer(language: str | None) -> Tokenizer:
    """The tokenizer for a language (None: the multi-language one), built once per process."""
    try:
        return Tokenizer(tokenizer_data(language))
    except (re.error, TypeError, ValueError):  # a cache entry damaged inside valid JSON
        return Tokenizer(refresh(language))


def tokens_of(spacy_tokens: list[SpacyToken], language: str | None, offset: int = 0) -> tuple[Token, ...]:
    forms = _forms(language or "")
    return tuple(
        Token(t.text, *forms(t.text), t.idx - offset, t.idx + len(t.text) - offset, t.is_punct)
        for t in spacy_tokens
        if not t.is_space
    )


@lru_cache(maxsize=None)
def _forms(language: str) -> Callable[[str], tuple[str, str]]:
    """(norm, stem) of a word in a language, remembered: most words recur many times."""

    @lru_cache(maxsize=200_000)
    def forms(word: str) -> tuple[str, str]:
        return norm(word), stem(word, language)

    return forms


def tokenize(text: str, language: str | None) -> tuple[Token, ...]:
    """Tokens of a short text (a vocabulary term), without sentence splitting."""
    return tokens_of(tokenizer(language)(text), language)


class _Piece(NamedTuple):
    """One token of a chunk, with everything the analysis needs to know about it."""

    text: str
    start: int  # offset in the chunk
    end: int
    norm: str
    stem: str
    is_punct: bool
    is_space: bool
    ends_sentence: bool  # one of the sentencizer's punctuation marks
    may_start_special: bool  # the first token of a multi-token special case


class BlockAnalyser:
    """Sentences and tokens of a block's text in one language."""

    def __init__(self, language: str | None):
        self.language = language
        self.tokenizer = tokenizer(language)
        self._forms = _forms(language or "")
        self._sentence_ends = self.tokenizer.data.sentence_ends
        self._pieces: dict[str, tuple[_Piece, ...]] = {}
        # A one-token special case that gives back its own token changes nothing: leave it out,
        # so that a lone apostrophe or a double space does not send a block the slow way.
        specials = self.tokenizer.data.special_cases
        self._special_sequences = {
            first: kept
            for first, sequences in self.tokenizer.special_sequences.items()
            if (kept := [s for s in sequences if not (len(s) == 1 and specials.get(s[0]) == [s[0]])])
        }

    def sentences(self, text: str, block: int) -> list[Sentence]:
        sentences = self._fast_sentences(text, block)
        return self._exact_sentences(text, block) if sentences is None else sentences

    def _exact_sentences(self, text: str, block: int) -> list[Sentence]:
        """Step by step: tokenizer, sentencizer, tokens."""
        spacy_tokens = self.tokenizer(text)
        starts = sentence_starts(spacy_tokens, self._sentence_ends)
        sentences = []
        for start, end in zip(starts, starts[1:] + [len(spacy_tokens)]):
            first, last = spacy_tokens[start], spacy_tokens[end - 1]
            tokens = tokens_of(spacy_tokens[start:end], self.language)
            if tokens:
                sentences.append(Sentence(block, first.idx, last.idx + len(last.text), tokens))
        return sentences

    def _fast_sentences(self, text: str, block: int) -> list[Sentence] | None:
        """The same in one pass over the runs; None when a multi-token special case may
        apply there, which only the step-by-step path resolves."""
        sentences: list[Sentence] = []
        tokens: list[Token] = []  # of the sentence being read
        sentence_start = -1  # offset of its first token, whitespace tokens included
        last_end = 0  # end of the last token read, whitespace tokens included
        seen_period = False
        texts: list[str] = []  # every token's text, for the special-case look-up
        special_starts: list[int] = []  # indexes into `texts`
        known = self._pieces
        offset = 0
        for run in RUNS.findall(text):
            # the fields unpacked into locals: this loop runs once per token of the document
            for word, start, end, word_norm, word_stem, punct, space, ends, may_start_special in (
                known.get(run) or self._run_pieces(run)
            ):
                if may_start_special:
                    special_starts.append(len(texts))
                texts.append(word)
                # the sentencizer: a sentence starts at the first token after an end mark
                # that is neither punctuation nor another end mark
                if seen_period and not punct and not ends:
                    if tokens:
                        sentences.append(Sentence(block, sentence_start, last_end, tuple(tokens)))
                        tokens = []
                    sentence_start = -1
                    seen_period = False
                elif ends:
                    seen_period = True
                if sentence_start < 0:
                    sentence_start = offset + start
                last_end = offset + end
                if not space:
                    tokens.append(_new_token(Token, (word, word_norm, word_stem, offset + start, last_end, punct)))
            offset += len(run)
        if tokens:
            sentences.append(Sentence(block, sentence_start, last_end, tuple(tokens)))
        if special_starts and self._special_case_applies(texts, special_starts):
            return None
        return sentences

    def _special_case_applies(self, texts: list[str], starts: list[int]) -> bool:
        for start in starts:
            for sequence in self._special_sequences[texts[start]]:
                if tuple(texts[start:start + len(sequence)]) == sequence:
                    return True
        return False

    def _run_pieces(self, run: str) -> tuple[_Piece, ...]:
        """The tokens of a run: a word with the one space that belongs to it, or whitespace."""
        pieces = []
        start = 0
        specials = self._special_sequences
        for text in self.tokenizer.chunk(run_chunk(run)):
            end = start + len(text)
            space = text.isspace()
            word_norm, word_stem = ("", "") if space else self._forms(text)
            pieces.append(_Piece(text, start, end, word_norm, word_stem, is_punct(text), space,
                                 text in self._sentence_ends, text in specials))
            start = end
        found = tuple(pieces)
        if len(self._pieces) < _RUN_CACHE_LIMIT:
            self._pieces[run] = found
        return found


@lru_cache(maxsize=None)
def _analyser(language: str | None) -> BlockAnalyser:
    return BlockAnalyser(language)


def analyse(document: Document) -> Analysis:
    """Split every block into sentences and tokens, in the block's own language, as a reader
    sees the text (visible.py: invisible characters, look-alike letters and full-width forms
    undone, positions kept); the analysis's document is that visible one."""
    document, hidden = visible_document(document)
    by_block = [_analyser(block.language).sentences(block.text, index) for index, block in enumerate(document.blocks)]
    sentences = [s for block_sentences in by_block for s in block_sentences]
    return Analysis(document=document, sentences=sentences, by_block=by_block, hidden=hidden)
