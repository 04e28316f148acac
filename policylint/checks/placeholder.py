"""Template placeholders left in a finished policy.

The shapes ([X], [Company Name], [insert ...], {{name}}, <<date>>, ____, XX, TBD) are the same
in every language, so this check also runs on documents in other languages. Each language adds
its own leftover phrases ("to be confirmed", "à compléter", "por definir", "προς συμπλήρωση",
"يحدد لاحقا"), an ellipsis where a number belongs before a time unit ("within … days", "dans un
délai de ... jours", "خلال … أيام"), and a template's note in parentheses: one that opens with
an instruction to the template's user ("(insert address)", "(agregue el correo)") or that
names a value only as the relevant one ("(relevant address)", "(dirección relevante)").
"""

from __future__ import annotations

import re

from policylint.checks import contact_shapes
from policylint.checks.fill_ins import PLACEHOLDER_SHAPES as _SHAPES
from policylint.checks.kind import CheckKind
from policylint.checks.tokens import report_tokens, span_text, stop_words, tokenize, words
from policylint.model import LANGUAGES
from policylint.text.normalise import norm

# numbered_labels (the language data's): words after which X is a roman numeral, not a fill-in ("Part X", "siglo XX")

# Brackets that are not fill-ins: citations [1], [1-3], checkboxes [ ] [x], [sic].
_NOT_PLACEHOLDER = re.compile(r"^\[(?:\s*[\d,\s–-]+\s*|\s?|x|[Ss]ic!?|[a-z])\]$")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_LABEL_REACH = 80  # characters before an X where its label ("Part", "siglo") is looked for
MAX_BRACKET_WORDS = 8
_CHECKBOX = re.compile(r"^\s*\[[ xX]\]")
# an ellipsis as a word of its own after a word, and what follows it (where a unit may stand)
_ELLIPSIS = re.compile(r"(?<=\w)\s+(?P<ellipsis>…|\.{3,4})\s+(?P<rest>\w[^\n]{0,40})")
_PARENTHESES = re.compile(r"\((?P<inside>[^()\n]{1,80})\)")
MAX_NOTE_WORDS = 6  # a template's note in parentheses is short; a longer aside is prose


def check(context):
    labels_by_language: dict = {}
    for index, block in enumerate(context.document.blocks):
        for match in context.facts.fill_ins(index):
            text = match.group(0)
            if block.language not in labels_by_language:
                labels_by_language[block.language] = {norm(t) for t in context.vocabulary("numbered_labels", block.language)}
            if _NOT_PLACEHOLDER.match(text) or _numbered(block.text, match, labels_by_language[block.language]):
                continue
            if text.startswith("[") and len(text.split()) > MAX_BRACKET_WORDS:
                continue  # a bracketed remark or note, not a fill-in
            if text.startswith("[") and _filled_bracket(block.text, match):
                continue
            if text.startswith("_") and not block.text.replace("_", "").strip():
                continue  # a line of underscores is a rule, not a blank
            if match.start() == 0 and block.kind == "list_item" and _CHECKBOX.match(block.text):
                continue
            message = context.message({"term": text})
            yield context.finding(index, match.start(), match.end(), message, block.language)
    for sentence, language in context.sentences_with("phrases"):
        for match in context.matcher("phrases", language).find(sentence.tokens):
            term = span_text(context, sentence, match.start, match.end)
            if _SHAPES.fullmatch(term):
                continue  # already reported by its shape
            yield report_tokens(context, sentence, match.start, match.end, context.message({"term": term}), language)
    for index, block in enumerate(context.document.blocks):
        for start, end in [*_ellipses_before_units(context, block), *_template_notes(context, block)]:
            message = context.message({"term": block.text[start:end]})
            yield context.finding(index, start, end, message, block.language)


def _ellipses_before_units(context, block):
    """(start, end) in the block's text of each ellipsis that stands for a number before a
    time unit ("within … days"): a word of its own, after a word, the unit right after it."""
    text = block.text
    if "…" not in text and "..." not in text:
        return
    units = context.matcher("time_units", block.language)
    for match in _ELLIPSIS.finditer(text):
        following = tokenize(match["rest"], block.language)
        unit = next((m for m in units.find(following) if m.start == 0), None)
        if unit is not None:
            yield match.start("ellipsis"), match.start("rest") + following[unit.end - 1].end


def _template_notes(context, block):
    """(start, end) in the block's text of the parentheses that hold a template's note: an
    instruction first ("(insert address)"), or a word standing in for the value at either
    end beside a word that names it ("(relevant address)"; "(where relevant)" names nothing)."""
    text = block.text
    if "(" not in text:
        return
    instructions = context.matcher("instructions", block.language)
    stand_ins = context.matcher("notes", block.language)
    common = stop_words(block.language)
    for match in _PARENTHESES.finditer(text):
        inside = tokenize(match["inside"], block.language)
        spoken = words(inside)
        if not spoken or len(spoken) > MAX_NOTE_WORDS:
            continue
        if any(m.start == 0 for m in instructions.find(inside)):
            yield match.start(), match.end()
            continue
        edges = [m for m in stand_ins.find(inside) if m.start == 0 or m.end == len(inside)]
        standing_in = {i for m in edges for i in range(m.start, m.end)}
        named = [t for i, t in enumerate(inside) if i not in standing_in and t in spoken and t.norm not in common]
        if edges and named:
            yield match.start(), match.end()


def _filled_bracket(text: str, match: re.Match) -> bool:
    """Brackets that hold something real: a link's text (followed by its address or its
    reference, even when the text wrapped onto a second line), a link reference definition,
    a telephone number, e-mail or web address written in brackets, or a language marker ([FR])."""
    after = text[match.end(): match.end() + 1]
    if after in ("(", "[", ":"):
        return True
    inside = match.group(0)[1:-1].strip()
    if inside.casefold() in LANGUAGES:
        return True
    return any(contact_shapes.holds(inside, shape) for shape in contact_shapes.CONTACT_SHAPES)


def _numbered(text: str, match: re.Match, labels: set[str]) -> bool:
    if not match.group(0).lstrip("[").startswith(("X", "Χ")):
        return False
    # only the stretch just before: the whole text before each match made "X a X a ..." quadratic
    before = _WORD_BEFORE.search(text[max(0, match.start() - _LABEL_REACH): match.start()])
    return before is not None and norm(before.group(1)) in labels


KIND = CheckKind(
    name="placeholder",
    description=__doc__ or "",
    fields={"message": ("term",)},
    check=check,
    # instructions: what a template's note opens with ("insert"); notes: a word that stands in
    # for a value in such a note ("relevant"); time_units: the language data's
    vocabulary={"phrases": "terms", "numbered_labels": "terms", "time_units": "terms", "instructions": "terms",
                "notes": "terms"},
    neutral=True,
)
