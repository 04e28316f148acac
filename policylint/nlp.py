"""Per-language analysis: sentences and tokens, each token normalised and stemmed.

Tokens and sentence boundaries are those of spaCy's blank pipeline for the language (its
tokenizer and rule-based sentencizer), computed by `tokenizer.py` from spaCy's own rules; no
trained model is used or downloaded. A tokenizer is built once per process and language.
"""

from __future__ import annotations

import re
from functools import lru_cache

from policylint.model import Analysis, Document, Sentence, Token
from policylint.normalise import norm, stem
from policylint.tokenizer import SpacyToken, Tokenizer, sentence_starts
from policylint.tokenizer_data import refresh, tokenizer_data


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
def _forms(language: str):
    """(norm, stem) of a word in a language, remembered: most words recur many times."""

    @lru_cache(maxsize=200_000)
    def forms(word: str) -> tuple[str, str]:
        return norm(word), stem(word, language)

    return forms


def tokenize(text: str, language: str | None) -> tuple[Token, ...]:
    """Tokens of a short text (a vocabulary term), without sentence splitting."""
    return tokens_of(tokenizer(language)(text), language)


def analyse(document: Document) -> Analysis:
    """Split every block into sentences and tokens, in the block's own language."""
    by_block: list[list[Sentence]] = []
    for index, block in enumerate(document.blocks):
        split = tokenizer(block.language)
        spacy_tokens = split(block.text)
        starts = sentence_starts(spacy_tokens, split.data.sentence_ends)
        sentences = []
        for start, end in zip(starts, starts[1:] + [len(spacy_tokens)]):
            first, last = spacy_tokens[start], spacy_tokens[end - 1]
            tokens = tokens_of(spacy_tokens[start:end], block.language)
            if tokens:
                sentences.append(Sentence(index, first.idx, last.idx + len(last.text), tokens))
        by_block.append(sentences)
    sentences = [s for block_sentences in by_block for s in block_sentences]
    return Analysis(document=document, sentences=sentences, by_block=by_block)
