"""A sentence's tokens as the check kinds that report words see them: which tokens are words,
which words are a language's common ones, the document's own text for a run of tokens, and a
finding on such a run."""

from __future__ import annotations

from functools import lru_cache

from policylint.model import Sentence
from policylint.text.normalise import norm


def tokenize(text: str, language: str | None) -> tuple:
    """A piece of text (not a document's sentence) as tokens, the analysis's way. The tokenizer
    is imported on first use: loading the check kinds, as a run answered from the result cache
    does, must not load it."""
    from policylint.text.analysis import tokenize as analyse_words

    return analyse_words(text, language)


def words(tokens) -> list:
    """Tokens that are words or numbers, not punctuation or symbols."""
    return [t for t in tokens if not t.is_punct and any(map(str.isalnum, t.text))]


def span_text(context, sentence: Sentence, start: int, end: int) -> str:
    """The document's own words for tokens start..end of a sentence."""
    block = context.document.blocks[sentence.block]
    return block.text[sentence.tokens[start].start:sentence.tokens[end - 1].end]


def report_tokens(context, sentence: Sentence, start: int, end: int, message: str, language):
    tokens = sentence.tokens
    return context.finding(sentence.block, tokens[start].start, tokens[end - 1].end, message, language)


@lru_cache(maxsize=None)
def stop_words(language: str | None) -> frozenset[str]:
    """The language's common words (spaCy's list), normalised: in capitals they are emphasis,
    not acronyms; beside a fill-in's words they say nothing of what it stands for."""
    from policylint.text.tokenizer_data import tokenizer_data

    return frozenset(norm(w) for w in tokenizer_data(language).stop_words)
