"""Words to avoid (jargon, buzzwords, needless legalese) and acronyms never spelled out."""

from __future__ import annotations

import re

from policylint.checks import fill_ins
from policylint.checks.kind import CheckKind
from policylint.checks.tokens import report_tokens, span_text, stop_words
from policylint.text.normalise import norm, stem

_SEPARATORS = re.compile(r"[\s\-‐‑–]+")
_ACRONYM_LETTERS = r"[A-ZΑ-Ω]{2,6}(?:-[A-ZΑ-Ω]{2,6})?"  # "SLA", and "CDS-SNC" made of two
_ACRONYM = re.compile(rf"^{_ACRONYM_LETTERS}s?$")
_TWO_CAPITALS = re.compile(r"[A-ZΑ-Ω]{2}")  # how every _ACRONYM starts
# numbering in policies stays below 40 (II, XIV); "CX", "CD", "MD" are acronyms, not numbers
_ROMAN = re.compile(r"^X{0,3}(?:IX|IV|V?I{0,3})$")
_NOT_ACRONYMS = {"TBD", "TBC", "TBA", "XX", "XXX", "OK", "ΧΧ", "ΧΧΧ"}
_SHOUTING = 0.6  # share of upper-case letters above which a block is written in capitals


def vocabulary_with_options(languages: dict, options: dict, lookup) -> dict:
    """The vocabulary per language with `extra_terms` added and `accepted_terms` taken out
    of the terms and added to the known acronyms. Applying it twice changes nothing."""
    extra, accepted = options.get("extra_terms") or {}, options.get("accepted_terms") or {}
    if not (extra or accepted):
        return languages
    changed = dict(languages)
    for language, own in languages.items():
        more, known = extra.get(language) or {}, accepted.get(language) or ()
        if not (more or known):
            continue
        vocabulary = dict(own)
        terms = own["terms"] if "terms" in own else lookup(language, "terms")
        terms = {**(terms if isinstance(terms, dict) else dict.fromkeys(terms)), **more}
        keys = {_key(word, language) for word in known}
        vocabulary["terms"] = {term: plain for term, plain in terms.items() if _key(term, language) not in keys}
        if known:
            acronyms = list(own["known_acronyms"] if "known_acronyms" in own else lookup(language, "known_acronyms"))
            vocabulary["known_acronyms"] = acronyms + [word for word in known if word not in acronyms]
        changed[language] = vocabulary
    return changed


def _key(term: str, language: str) -> tuple[str, ...]:
    """A term as its stems, so "leveraging" accepts "leverage"; markers = and * ignored."""
    bare = term.strip().removeprefix("=").removesuffix("*")
    return tuple(stem(word, language) for word in _SEPARATORS.split(bare) if word)


def check(context):
    for sentence, language in context.sentences_with("terms"):
        alternatives = context.vocabulary("terms", language)
        for match in context.matcher("terms", language).find(sentence.tokens):
            alternative = alternatives.get(match.term)
            suggestion = context.message({"alternative": alternative}, "suggestion") if alternative else ""
            term = span_text(context, sentence, match.start, match.end)
            message = context.message({"term": term, "suggestion": suggestion})
            yield report_tokens(context, sentence, match.start, match.end, message, language)
    if context.option("acronyms"):
        yield from _undefined_acronyms(context)


def _undefined_acronyms(context):
    document = context.document
    seen: set[str] = set()
    lower_words = None  # worked out at the first candidate that gets so far: most documents have none
    known_by_language: dict = {}
    shouting_blocks: dict = {}
    defined = None  # the acronyms the document spells out, found at the first that needs it
    inflected = None  # words in capitals written in several forms, found at the first that needs it
    for sentence in context.analysis.sentences:
        block = document.blocks[sentence.block]
        if not _TWO_CAPITALS.search(block.text, sentence.start, sentence.end):
            continue  # cheap first: an acronym starts with two capitals, and most sentences have none
        candidates = [
            (index, token) for index, token in enumerate(sentence.tokens)
            if token.text[1:2].isupper()
            and _ACRONYM.match(token.text) and not _ROMAN.match(token.text) and token.text not in _NOT_ACRONYMS
        ]
        if not candidates:
            continue
        if sentence.block not in shouting_blocks:
            shouting_blocks[sentence.block] = _shouting(block.text)
        if shouting_blocks[sentence.block]:
            continue
        if block.language not in known_by_language:
            known_by_language[block.language] = {t.upper() for t in context.vocabulary("known_acronyms", block.language)}
        known = known_by_language[block.language]
        spans = context.facts.fill_in_spans(sentence.block)  # "[DD/MM/YYYY]" is a placeholder, not acronyms
        alone = sum(not t.is_punct for t in sentence.tokens) == 1  # "QUEJAS:" on its own line is a heading
        joined_until = -1
        for index, token in candidates:
            if index < joined_until:
                continue  # the second half of "CDS-SNC", reported with its first
            end = joined_until = _joined_end(sentence.tokens, index)
            word = block.text[token.start: sentence.tokens[end - 1].end]
            if fill_ins.overlaps(spans, token.start, token.start + 1):
                continue
            if alone or _in_capitals(sentence.tokens, index, end) or _in_reference(block.text, token):
                continue
            if _numbered(sentence.tokens, end) or _in_name(sentence.tokens, index, end):
                continue
            bare = word[:-1] if word.endswith("s") else word
            if bare in seen or bare in known or word in known:
                continue
            if lower_words is None:
                # "You MUST NOT share" is emphasis, not an acronym: the same word stands in lower case elsewhere
                lower_words = {t.norm for s in context.analysis.sentences for t in s.tokens if t.text.islower()}
            if norm(word) in lower_words or norm(word) in stop_words(block.language):
                continue
            if inflected is None:
                inflected = _inflected_capitals(context.analysis)
            if word in inflected:
                continue
            seen.add(bare)
            if defined is None:
                defined = _defined_acronyms(document)
            if bare in defined:
                continue
            message = context.message({"term": bare}, "acronym")
            yield report_tokens(context, sentence, index, end, message, block.language)


def _joined_end(tokens, index: int) -> int:
    """Where an acronym starting at token `index` ends: after "CDS-SNC", two sets of capitals
    a hyphen joins without a space, or after the one token."""
    if index + 2 < len(tokens):
        hyphen, second = tokens[index + 1], tokens[index + 2]
        if (hyphen.text in _HYPHENS and tokens[index].end == hyphen.start and hyphen.end == second.start
                and _ACRONYM.match(second.text)):
            return index + 3
    return index + 1


_HYPHENS = ("-", "‐", "‑")


def _in_capitals(tokens, start: int, end: int) -> bool:
    """A word in a run of words in capitals ("PARIS CEDEX", "QUEJAS Y RECLAMACIONES") is a
    name, an address or a heading set in capitals, not an acronym."""
    def capitals(position: int) -> bool:
        if not 0 <= position < len(tokens):
            return False
        text = tokens[position].text
        return len(text) >= 2 and text.isupper() and any(c.isalpha() for c in text)
    return capitals(start - 1) or capitals(end)


def _numbered(tokens, after: int) -> bool:
    """Capitals that name a number after them (token `after` starts with a digit): a postal
    box or sorting code ("CS 49540", "TSA 50110", "BP 12"), a standard ("ISO 9001"): an
    identifier, not an acronym to spell out."""
    return after < len(tokens) and tokens[after].text[:1].isdigit()


def _in_name(tokens, start: int, end: int) -> bool:
    """Capitals between two capitalised words ("Bird & Bird DPO Services", "Mozilla VPN
    Team") are part of a name, which is written as its owner writes it. The word before must
    not open the sentence, where every word is capitalised."""
    def capitalised(position: int) -> bool:
        if not 0 <= position < len(tokens):
            return False
        text = tokens[position].text
        return len(text) > 1 and text[:1].isupper() and text[1:].islower()
    return start > 1 and capitalised(start - 1) and capitalised(end)


def _inflected_capitals(analysis) -> set[str]:
    """Words in capitals that the document writes in several forms of one stem ("USER",
    "USERS"; "UTILISATEUR", "UTILISATEURS"; "ΧΡΗΣΤΗΣ", "ΧΡΗΣΤΕΣ"): a word of the language set
    in capitals, as contracts write their defined terms. An acronym takes a small s
    ("APIs") when it has a plural at all."""
    forms: dict[str, set[str]] = {}
    for sentence in analysis.sentences:
        for token in sentence.tokens:
            if len(token.text) > 2 and token.text.isupper() and token.text.isalpha():
                forms.setdefault(token.stem, set()).add(token.text)
    return {form for written in forms.values() if len(written) > 1 for form in written}


def _in_reference(text: str, token) -> bool:
    """Part of a legal or document reference ("Directive 2006/123/CE", "RD 1/2007"): it is
    joined to numbers by a slash."""
    return text[token.start - 1: token.start] == "/" or text[token.end: token.end + 1] == "/"


def _shouting(text: str) -> bool:
    if text.isascii():  # every ASCII letter has a case, and nothing else is upper case: count at C speed
        letters, upper = sum(map(str.isalpha, text)), sum(map(str.isupper, text))
    else:
        cased = [c for c in text if c.isalpha() and (c.isupper() or c.islower())]
        letters, upper = len(cased), sum(c.isupper() for c in cased)
    return letters >= 8 and upper / letters >= _SHOUTING


# Where an acronym is spelled out: "Service Level Agreement (SLA)", "(«MDC»)", "(addons.mozilla.org,
# "AMO")", "SLA (Service ...)", "SLA: service level ..." opening a block or a glossary's
# table row, and "Condiciones Generales de Venta (en adelante, "CGV")" where the words before
# spell it. Each pattern captures the acronym (without a plural s), so one pass over the
# document finds them all: a search per acronym took time proportional to the document for
# each of its (maybe thousands of) distinct acronyms.
_QUOTES_OPENING, _QUOTES_CLOSING = "\"'«“‘„‹", "\"'»”’“›"
_IN_PARENTHESES = re.compile(
    rf"\((?:[^()]*?[,:]\s*)?[{_QUOTES_OPENING}]?\s*({_ACRONYM_LETTERS})s?\s*[{_QUOTES_CLOSING}]?\s*\)"
)
_BEFORE_PARENTHESES = re.compile(rf"(?<!\w)({_ACRONYM_LETTERS})s?\s*(?=\(\s*\w[^)]*?\w{{2}})")
_OPENING_DEFINITION = re.compile(rf"^\W*({_ACRONYM_LETTERS})s?\s*[:=–—-]\s*\w+\s+\w+")
_ANY_ACRONYM = re.compile(rf"(?<!\w)({_ACRONYM_LETTERS})s?(?![\w-])")
_WORDS = re.compile(r"[^\W\d_]+")
_SPELLED_BEFORE_REACH = 12  # words before an acronym where the words it abbreviates are looked for
_SPELLED_BEFORE_MIN = 3  # letters: two initials in a row are too often chance


def _defined_acronyms(document) -> set[str]:
    """Every acronym the document spells out somewhere."""
    defined: set[str] = set()
    blocks = document.blocks
    for number, block in enumerate(blocks):
        text = block.text
        if "(" in text:
            defined.update(_IN_PARENTHESES.findall(text))
            defined.update(_BEFORE_PARENTHESES.findall(text))
        opening = _OPENING_DEFINITION.match(text)
        if opening:
            defined.add(opening.group(1))
        if "," in text or ":" in text or "–" in text or "—" in text or "-" in text:
            defined.update(_spelled_out_after(text, block.language))
        defined.update(_spelled_out_before(text, block.language))
        glossary = _glossary_entry(blocks, number)
        if glossary:
            defined.add(glossary)
    return defined


def _glossary_entry(blocks, number: int) -> str | None:
    """The acronym a glossary table's row spells out: a cell holding only the acronym, the
    next cell of the row its meaning in words."""
    block = blocks[number]
    if block.kind != "table_cell" or number + 1 >= len(blocks):
        return None
    entry = _ANY_ACRONYM.fullmatch(block.text.strip(" *_`"))
    following = blocks[number + 1]
    if entry and following.kind == "table_cell" and len(_WORDS.findall(following.text)) >= 2:
        return entry.group(1)
    return None


def _spelled_out_before(text: str, language: str | None) -> set[str]:
    """Acronyms whose words stand just before them: "Condiciones Generales de Venta" o "CGV",
    "peticiones, quejas y reclamos, en adelante PQR" (the initials of the words, small
    linking words left out, spell the acronym)."""
    found = set()
    common = stop_words(language)
    for match in _ANY_ACRONYM.finditer(text):
        acronym = match.group(1)
        letters = norm(acronym.replace("-", ""))
        if len(letters) < _SPELLED_BEFORE_MIN or acronym in found:
            continue
        before = _WORDS.findall(text[max(0, match.start() - 200): match.start()])[-_SPELLED_BEFORE_REACH:]
        initials = "".join(norm(word)[0] for word in before if norm(word) not in common)
        # the words end close before the acronym: only a linking word or two stands between
        if letters in initials[-(len(letters) + 2):]:
            found.add(acronym)
    return found


_FOLLOWED = re.compile(rf"(?<!\w)({_ACRONYM_LETTERS})s?(?!\w)\s*[,:–—-]\s*((?:[^\W\d_]+[\s,]+){{0,8}}[^\W\d_]+)")


def _spelled_out_after(text: str, language: str | None) -> set[str]:
    """Acronyms spelled out just after them: "REC, Registro Electrónico Común", "PQR:
    peticiones, quejas y reclamos" (the initials of the words spell the acronym: of the
    capitalised words, or, for three letters or more, of every word but the small linking
    ones)."""
    found = set()
    common = stop_words(language)
    for match in _FOLLOWED.finditer(text):
        acronym, words = match.group(1), _WORDS.findall(match.group(2))
        letters = norm(acronym.replace("-", ""))
        capitals = "".join(word[0] for word in words if word[0].isupper())
        initials = "".join(norm(word)[0] for word in words if norm(word) not in common)
        if norm(capitals).startswith(letters) or (len(letters) >= _SPELLED_BEFORE_MIN and initials.startswith(letters)):
            found.add(acronym)
    return found


KIND = CheckKind(
    name="terms",
    description=__doc__ or "",
    fields={"message": ("term", "suggestion"), "acronym": ("term",), "suggestion": ("alternative",)},
    check=check,
    vocabulary={"terms": "mapping", "known_acronyms": "terms"},
    # extra_terms: more terms per language (term: plainer word, or null); accepted_terms: words
    # the readers know per language, taken out of the terms and known as acronyms
    options={"acronyms": True, "extra_terms": {}, "accepted_terms": {}},
    option_shapes={"extra_terms": "mapping", "accepted_terms": "terms"},
    shorthands={"accepted-terms": "accepted_terms"},  # the configuration's accepted terms reach every word list
    vocabulary_with_options=vocabulary_with_options,
    messages=("acronym", "suggestion"),
)
