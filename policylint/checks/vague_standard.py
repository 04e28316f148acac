"""A standard or commitment qualified by a vague word and no measurable target.

A vague qualifier ("promptly") is reported when a promise ("we will respond") stands close to
it, within the rule's `window` of words, and the sentence holds nothing that could be
measured: no quantity (a number after a word that numbers, "Stage 1", or counting such words,
"a three-stage procedure", measures nothing, nor does a telephone number, a year, a date or a
reference), no number word, no time unit, no frequency, no
fixed target such as "same day". A commitment several clauses away does not make a standard
of a description ("You should not read this as complete, and ... changes from time to time").
A verb that a possibility or a request governs ("we may update this notice from time to
time", "please inform us as soon as possible") says what may happen or what the reader is
asked to do, not what the organisation will do; and vague words after a request with no
promise between them belong to the request ("Please tell us as soon as possible and we will
help"). A list's items take the promise of the sentence or heading that introduces them ("We
will:" / "- reply promptly"), unless it binds the reader ("You must:"); and an item of a
list whose other items set measurable standards is a standard too.
"""

from __future__ import annotations

from functools import lru_cache

from policylint.checks import contact_shapes
from policylint.checks.kind import CheckKind
from policylint.checks.tokens import report_tokens, span_text, tokenize, words
from policylint.text.normalise import norm

MEASURES = ("numbers", "time_units", "frequencies", "targets")
LEAD_IN_ENDS = (":", "：")  # how the sentence that introduces a list ends
GOVERNING_REACH = 2  # words from a possibility ("may", "peut", "قد") or a request ("please") to the verb it governs


def check(context):
    window = context.option("window")
    lists: dict[int, tuple[bool, set[int]]] = {}  # by list item block: what _list_promises found for its list
    for sentence, language in context.sentences_with("vague", headings=False):
        tokens = sentence.tokens
        vague = context.matcher("vague", language).find(tokens)
        if not vague:
            continue
        exceptions = context.matcher("exceptions", language).find(tokens)
        vague = [m for m in vague if not any(e.start <= m.start and m.end <= e.end for e in exceptions)]
        if not vague:
            continue
        requests = context.matcher("requests", language).find(tokens)
        promises = _promises(context, tokens, language)
        if not promises:
            if not _promised_by_lead_in(context, sentence.block, lists):
                continue
            standards = [m for m in vague if not any(r.end <= m.start for r in requests)]
        else:
            standards = [m for m in vague if _nearest(tokens, m, promises)[0] <= window
                         and not any(_asked(tokens, request, m, promises) for request in requests)]
        if not standards:
            continue
        # the vague phrase's own words ("in a reasonable time") measure nothing
        covered = {i for m in vague for i in range(m.start, m.end)}
        # nor do the digits of a telephone number ("0800 123 4567")
        covered |= _in_telephone_numbers(context, sentence)
        if _measurable(context, [t for i, t in enumerate(tokens) if i not in covered], language):
            continue
        for match in standards:
            term = span_text(context, sentence, match.start, match.end)
            yield report_tokens(context, sentence, match.start, match.end, context.message({"term": term}), language)


def _promises(context, tokens, language, reader_free: bool = False) -> list:
    """The commitments of a sentence that are promises: no possibility or request governs
    them ("we may update", "please inform us": what may happen, what the reader is asked to
    do), and, when `reader_free`, the reader is not their subject ("You must:")."""
    commitments = context.matcher("commitments", language).find(tokens)
    if not commitments:
        return []
    governing = [*context.matcher("possibilities", language).find(tokens), *context.matcher("requests", language).find(tokens)]
    readers = context.matcher("addressees", language).find(tokens) if reader_free else []
    return [c for c in commitments
            if not any(g.end <= c.start and _between(tokens, g, c) < GOVERNING_REACH for g in (*governing, *readers))
            # the reader after the verb, as Arabic puts the subject ("يجب على المستخدم")
            and not any(c.end <= r.start and _between(tokens, c, r) < GOVERNING_REACH for r in readers)]


def _promised_by_lead_in(context, block_index: int, lists: dict) -> bool:
    """Whether a list item stands in a list of promises, its items promises with or without a
    verb ("- a prompt reply"): the list's lead-in promises ("We will:", "Nous nous engageons
    à :", "نلتزم بما يلي:", or a heading that pledges, "Our commitments") and does not bind
    the reader ("You must:"), or another item of the list sets a measurable standard
    ("- Complaints: within 48 hours" beside "- Urgent requests: in the shortest time
    possible"). What a list holds is worked out once per list, kept in `lists` for each of
    its items."""
    blocks = context.document.blocks
    if blocks[block_index].kind != "list_item":
        return False
    if block_index not in lists:
        first = block_index
        while first > 0 and blocks[first - 1].kind == "list_item":
            first -= 1
        last = block_index
        while last + 1 < len(blocks) and blocks[last + 1].kind == "list_item":
            last += 1
        found = _list_promises(context, first, last)
        lists.update(dict.fromkeys(range(first, last + 1), found))
    promised, measured = lists[block_index]
    return promised or bool(measured - {block_index})


def _list_promises(context, first: int, last: int) -> tuple[bool, set[int]]:
    """For the list of blocks `first` to `last`: whether its lead-in promises, and which of its
    items are measurable."""
    blocks, by_block = context.document.blocks, context.analysis.by_block
    measured = {item for item in range(first, last + 1)
                if any(_measurable(context, s.tokens, blocks[item].language) for s in by_block[item])}
    lead = first - 1
    if lead < 0:
        return False, measured
    language = blocks[lead].language
    if blocks[lead].is_heading:
        # a heading names its section ("Contact", "Responses"): only a pledge makes it a promise
        pledges = context.matcher("pledges", language)
        return any(pledges.search(s.tokens) for s in by_block[lead]), measured
    if blocks[lead].text.rstrip().endswith(LEAD_IN_ENDS):
        return any(_promises(context, s.tokens, language, reader_free=True) for s in by_block[lead]), measured
    return False, measured


def _asked(tokens, request, vague, promises) -> bool:
    """Whether the vague words belong to a request before them: no promise stands between."""
    return request.end <= vague.start and not any(request.end <= p.start and p.end <= vague.start for p in promises)


def _nearest(tokens, vague, others) -> tuple[float, object]:
    """The nearest of `others` to the vague phrase and how many words stand between them (0
    when they touch or overlap); infinity and None when there is none."""
    return min(((_between(tokens, vague, other), other) for other in others), key=lambda pair: pair[0],
               default=(float("inf"), None))


def _between(tokens, first, second) -> int:
    """Words between two matches, in whichever order they stand (0 when they overlap)."""
    if first.end <= second.start:
        return len(words(tokens[first.end:second.start]))
    if second.end <= first.start:
        return len(words(tokens[second.end:first.start]))
    return 0


def _measurable(context, tokens, language) -> bool:
    """Whether the tokens hold a measure. A number that a label numbers ("Stage 1") or that
    counts the labels ("a three-stage procedure") measures nothing."""
    labels = _numbered_labels(context, language)
    spoken = words(tokens)
    for position, token in enumerate(spoken):
        if _quantity(token.norm) and not (position and _is_label(spoken[position - 1], labels)):
            return True
    numbers = context.matcher("numbers", language).find(tokens)
    if any(not _counts_labels(tokens, match.end, labels) for match in numbers):
        return True
    return any(context.matcher(key, language).search(tokens) for key in MEASURES if key != "numbers")


def _in_telephone_numbers(context, sentence) -> set[int]:
    """The indexes of the sentence's tokens inside a telephone number."""
    text = context.document.blocks[sentence.block].text[sentence.start:sentence.end]
    if not any(c.isdigit() for c in text):
        return set()
    numbers = [(sentence.start + start, sentence.start + end) for start, end in contact_shapes.spans(text, "phone")]
    return {i for i, t in enumerate(sentence.tokens) if any(start <= t.start < end for start, end in numbers)}


def _quantity(text: str) -> bool:
    """Whether a token with digits can be a quantity ("24", "48h", "95%", "2.5", "17:00"),
    rather than a telephone number, a year, a date or a reference ("0800 123 4567", "2024",
    "12/03/2024", "3429/2005", "4.2.1"), which measure nothing."""
    digits = sum(c.isdigit() for c in text)
    if not digits:
        return False
    return digits < 4 and "/" not in text and text.count(".") < 2


def _counts_labels(tokens, after: int, labels: frozenset[str]) -> bool:
    following = words(tokens[after:after + 3])
    return bool(following) and _is_label(following[0], labels)


def _is_label(token, labels: frozenset[str]) -> bool:
    return token.norm in labels or token.stem in labels


def _numbered_labels(context, language) -> frozenset[str]:
    """The words after which a number is a label's, not a measure ("Stage 1", "Article 5"),
    as written and as stems ("stages")."""
    return _label_forms(tuple(context.vocabulary("numbered_labels", language)), language)


@lru_cache(maxsize=64)
def _label_forms(labels: tuple[str, ...], language) -> frozenset[str]:
    return frozenset({norm(word) for word in labels} | {t.stem for word in labels for t in tokenize(word, language)})


KIND = CheckKind(
    name="vague-standard",
    description=__doc__ or "",
    fields={"message": ("term",)},
    check=check,
    vocabulary={
        "vague": "terms",
        "commitments": "terms",
        "requests": "terms",
        "exceptions": "terms",
        "numbers": "terms",
        "time_units": "terms",
        "frequencies": "terms",
        "targets": "terms",
        "numbered_labels": "terms",
        "possibilities": "terms",
        "addressees": "terms",
        "pledges": "terms",
    },
    # words between a vague phrase and the commitment that makes it a standard
    options={"window": 8},
)
