"""A configuration's changes to a rule pack: severities, extra jargon, accepted terms.

The result is a new Pack built with dataclasses.replace; the shared pack, its rules and their
vocabulary are never modified, and the new pack starts with its own (empty) matcher cache
because its vocabulary differs.
"""

from __future__ import annotations

import re
from dataclasses import replace

from policylint.text.normalise import stem
from policylint.packs import Pack, Rule

JARGON_RULE = "jargon"
WORD_LIST_CHECK = "terms"  # check kind whose `terms` are words to avoid
_SEPARATORS = re.compile(r"[\s\-‐‑–]+")


def customise(pack: Pack, severity=(), jargon=(), accepted_terms=()) -> Pack:
    """`severity`: (selector, level) pairs, later ones winning; `jargon`: (language,
    ((term, alternative or None), ...)) pairs for the jargon rule; `accepted_terms`:
    (language, terms) pairs, taken out of every word list and known as acronyms."""
    if not (severity or jargon or accepted_terms):
        return pack
    extra = {language: dict(terms) for language, terms in jargon}
    accepted = {language: terms for language, terms in accepted_terms}
    rules = []
    for rule in pack.rules:
        level = rule.severity
        for selector, wanted in severity:
            if rule in pack.matching(selector):
                level = wanted
        languages = rule.languages
        if rule.check == WORD_LIST_CHECK:
            languages = {
                language: _vocabulary(pack, rule, language, extra.get(language) if rule.name == JARGON_RULE else None,
                                      accepted.get(language, ()))
                for language in rule.languages
            }
        rules.append(replace(rule, severity=level, languages=languages))
    return replace(pack, rules=rules, matchers={}, selections={})


def _vocabulary(pack: Pack, rule: Rule, language: str, extra: dict | None, accepted) -> dict:
    vocabulary = dict(rule.languages[language])
    if not (extra or accepted):
        return vocabulary
    terms = dict(pack.vocabulary(rule, language, "terms"))
    terms.update(extra or {})
    keys = {_key(word, language) for word in accepted}
    vocabulary["terms"] = {term: plain for term, plain in terms.items() if _key(term, language) not in keys}
    if "known_acronyms" in rule.kind.vocabulary and accepted:
        known = list(pack.vocabulary(rule, language, "known_acronyms"))
        vocabulary["known_acronyms"] = known + [word for word in accepted if word not in known]
    return vocabulary


def _key(term: str, language: str) -> tuple[str, ...]:
    """A term as its stems, so "leveraging" accepts "leverage"; markers = and * ignored."""
    bare = term.strip().removeprefix("=").removesuffix("*")
    return tuple(stem(word, language) for word in _SEPARATORS.split(bare) if word)
