"""Per-language analysis: spaCy blank pipelines (tokenizer + sentencizer), built lazily.

No trained model is used or downloaded: a blank pipeline carries the language's tokenizer
rules and exceptions, and the rule-based sentencizer splits sentences.
"""

from __future__ import annotations

from functools import lru_cache

from policylint.model import Analysis, Document, Sentence, Token
from policylint.normalise import norm, stem

# Greek writes its question mark as ";" (or U+037E); elsewhere ";" joins clauses.
_EXTRA_SENTENCE_ENDS = {"el": [";", "\u037e"]}
# Languages without a spaCy tokenizer of their own use the multi-language one.
_FALLBACK = "xx"


@lru_cache(maxsize=None)
def pipeline(language: str | None):
    """The blank pipeline for a language, built once per process."""
    import spacy  # imported here: a run that never analyses text does not pay for it

    nlp = spacy.blank(language if language else _FALLBACK)
    config = {}
    if language in _EXTRA_SENTENCE_ENDS:
        from spacy.pipeline.sentencizer import Sentencizer

        config["punct_chars"] = sorted(set(Sentencizer.default_punct_chars) | set(_EXTRA_SENTENCE_ENDS[language]))
    nlp.add_pipe("sentencizer", config=config)
    nlp.max_length = 50_000_000  # no parser or tagger: long texts cost time, not memory
    return nlp


def tokens_of(doc, language: str | None, offset: int = 0) -> tuple[Token, ...]:
    stem_language = language or ""
    return tuple(
        Token(
            text=t.text,
            norm=norm(t.text),
            stem=stem(t.text, stem_language),
            start=t.idx - offset,
            end=t.idx + len(t.text) - offset,
            is_punct=t.is_punct,
        )
        for t in doc
        if not t.is_space
    )


def tokenize(text: str, language: str | None) -> tuple[Token, ...]:
    """Tokens of a short text (a vocabulary term), without sentence splitting."""
    return tokens_of(pipeline(language).tokenizer(text), language)


def analyse(document: Document) -> Analysis:
    """Split every block into sentences and tokens, in the block's own language."""
    by_block: list[list[Sentence]] = [[] for _ in document.blocks]
    by_language: dict[str | None, list[int]] = {}
    for index, block in enumerate(document.blocks):
        by_language.setdefault(block.language, []).append(index)
    for language, indexes in by_language.items():
        nlp = pipeline(language)
        texts = (document.blocks[i].text for i in indexes)
        for index, doc in zip(indexes, nlp.pipe(texts, batch_size=256)):
            for span in doc.sents:
                tokens = tokens_of(span, language)
                if tokens:
                    by_block[index].append(Sentence(index, span.start_char, span.end_char, tokens))
    sentences = [s for block_sentences in by_block for s in block_sentences]
    return Analysis(document=document, sentences=sentences, by_block=by_block)
