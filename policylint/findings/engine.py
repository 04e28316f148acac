"""Run the rules of a pack over one analysed document and collect findings."""

from __future__ import annotations

from policylint.checks.facts import DocumentFacts
from policylint.model import Analysis, Finding
from policylint.packs import Pack, Rule, templates
from policylint.settings.run_settings import DOCUMENT_LANGUAGE as DOCUMENT_LANGUAGE
from policylint.settings.run_settings import Settings as Settings
from policylint.text.analysis import analyse, tokenize
from policylint.text.languages import BASE_LANGUAGE
from policylint.text.matcher import Matcher

EXCERPT_LIMIT = 120  # characters of the offending text a finding carries


class Context:
    """What a check sees: the analysis and the facts the run's rules share about it, its rule,
    its vocabulary, and how to report."""

    def __init__(self, analysis: Analysis, facts: DocumentFacts, rule: Rule, pack: Pack, settings: Settings):
        self.analysis = analysis
        self.facts = facts  # what the rules of this run derive from the analysis and share
        self.document = analysis.document
        self.rule = rule
        self.pack = pack
        self.settings = settings

    def vocabulary(self, key: str, language: str | None):
        return self.pack.vocabulary(self.rule, language, key) if language else []

    def matcher(self, key: str, language: str | None) -> Matcher:
        """The rule's terms under `key` for a language, compiled once per pack."""
        cache_key = (self.rule.code, key, language)
        matcher = self.pack.matchers.get(cache_key)
        if matcher is None:
            terms = list(self.vocabulary(key, language))  # a mapping gives its terms
            matcher = Matcher(terms, lambda text: tokenize(text, language))
            self.pack.matchers[cache_key] = matcher
        return matcher

    def sentences_with(self, key: str, headings: bool = True):
        """(sentence, language) in document order, for the sentences that hold a word a term
        under `key` can start with, in the sentence's own language: the only sentences worth
        matching. `headings=False` leaves out the sentences of headings."""
        analysis = self.analysis
        numbers: set[int] = set()
        for language, words in self.facts.word_index.items():
            if language is not None:
                numbers |= self.matcher(key, language).candidates(words)
        blocks = self.document.blocks
        for number in sorted(numbers):
            sentence = analysis.sentences[number]
            block = blocks[sentence.block]
            if headings or not block.is_heading:
                yield sentence, block.language

    def blocks_with(self, key: str) -> list[int]:
        """Indexes of the blocks, in order, with a sentence `sentences_with(key)` gives (blocks
        that may hold a term: the caller still matches)."""
        return sorted({sentence.block for sentence, _ in self.sentences_with(key)})

    def option(self, name: str):
        return self.rule.options[name]

    def message(self, params: dict, name: str | None = None) -> str:
        # "" (DOCUMENT_LANGUAGE): the document's own language, when the user's is none of the five
        language = self.settings.message_language or self.document.language or BASE_LANGUAGE
        template = self.rule.text(self.rule.messages[name] if name else self.rule.message, language)
        return templates.fill(template, params)  # validated when the pack was loaded

    def finding(
        self, block_index: int, start: int, end: int, message: str, language: str | None, excerpt: bool = True
    ) -> Finding:
        block = self.document.blocks[block_index]
        last = max(end - 1, start)
        line, column, page = block.locate(start)
        end_line, end_column, end_page = block.locate(last)
        return Finding(
            path=self.document.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column + 1,  # exclusive, like the LSP and SARIF
            rule=self.rule.name,
            code=self.rule.code,
            severity=self.rule.severity,
            message=message,
            language=language or self.document.language or "",
            position_kind=self.document.position_kind,
            page=page,
            end_page=end_page,
            excerpt=shorten(block.text[start:end]) if excerpt else "",
        )

    def document_finding(self, message: str) -> Finding:
        """A finding about the whole document, placed on its title (or its first line)."""
        index = self.title_index()
        end = len(self.document.blocks[index].text.rstrip())
        return self.finding(index, 0, end, message, None, excerpt=False)  # the title is not what is wrong

    def title_index(self) -> int:
        blocks = self.document.blocks
        return next((i for i, b in enumerate(blocks) if b.is_heading), 0)


def shorten(text: str) -> str:
    """The text on one line, cut at EXCERPT_LIMIT characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LIMIT else text[: EXCERPT_LIMIT - 1].rstrip() + "…"


def run_rules(
    analysis: Analysis, pack: Pack, settings: Settings, rules: list[Rule] | None = None,
    facts: DocumentFacts | None = None,
) -> list[Finding]:
    """The rules' findings on one analysed document; `facts` shares what was already derived
    from it (the word index that recognising its kind built)."""
    findings: list[Finding] = []
    facts = facts or DocumentFacts(analysis)
    for rule in rules if rules is not None else pack.rules:
        check = rule.kind.check
        if check is None or not rule.covers(analysis.document.language):
            continue  # a kind without a check gets its findings from a later stage
        findings.extend(check(Context(analysis, facts, rule, pack, settings)))
    return sorted(set(findings), key=Finding.sort_key)


def check_document(document, pack: Pack, settings: Settings, rules: list[Rule] | None = None) -> list[Finding]:
    return run_rules(analyse(document), pack, settings, rules)

