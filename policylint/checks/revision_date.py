"""Revision dates: a policy says when it was last revised (or takes effect), and that date
is recent enough.

A date counts when a revision label ("Last updated", "Date de révision", "Fecha de
revisión", "Ημερομηνία αναθεώρησης", "تاريخ المراجعة") stands before it in the same block,
or when the label is a heading or a table cell and the date follows it. Under a label
heading ("Revision history"), every date of that section counts, and the newest one is
the revision date. A date after "Next review" is one to come, not a revision. A date
printed on a line of its own (weekday names aside) among the document's first or last
blocks is its date too, as documents put it under their title or in their footer, and so
is a date in the title. A date that does not exist (31/02/2023) is reported as such, not
as a missing date.
"""

from __future__ import annotations

from policylint.checks.facts import DatedBlock
from policylint.checks.kind import CheckKind
from policylint.checks.sections import section_after
from policylint.text.dates import find_dates, find_impossible_dates, months_before, standing_alone

# how many blocks at each end of a document may hold its date on a line of their own: a title,
# a subtitle or an organisation's name may stand before it, a contact line after it
OPENING_BLOCKS, CLOSING_BLOCKS = 4, 3


def revision_dates(context) -> list[DatedBlock]:
    """(block index, found date) for every labelled date in the document, shared with the
    other rules that have the same revision labels in the document's languages."""
    languages = sorted({block.language for block in context.document.blocks if block.language})
    labels = tuple((language, tuple(context.vocabulary("revision_labels", language))) for language in languages)
    return context.facts.revision_dates(labels, lambda: _revision_dates(context))


def _revision_dates(context) -> list[DatedBlock]:
    return _dated(context, find_dates)


def _dated(context, find) -> list:
    """(block index, what `find` found) for the document's own dates: labelled or alone."""
    return _labelled(context, find) + _alone(context, find)


def _alone(context, find) -> list:
    """The dates standing on a line of their own at the document's top or bottom, and the
    dates in its title ("Privacy Notice (March 2024)")."""
    blocks = context.document.blocks
    opening = range(min(OPENING_BLOCKS, len(blocks)))
    closing = range(max(0, len(blocks) - CLOSING_BLOCKS), len(blocks))
    title = next((index for index in opening if blocks[index].is_heading), None)
    found = []
    for index in sorted({*opening, *closing}):
        text = blocks[index].text
        dates = find(text, context.pack.months(blocks[index].language))
        if dates and (index == title or standing_alone(text, dates)):
            found += [(index, d) for d in dates]
    return found


def _labelled(context, find) -> list:
    """(block index, what `find` found) for the dates that a revision label introduces."""
    document, analysis = context.document, context.analysis
    blocks = document.blocks
    found = []
    for index in context.blocks_with("revision_labels"):
        block = blocks[index]
        labels = context.matcher("revision_labels", block.language)
        ahead = context.matcher("next_review_labels", block.language)
        starts, next_reviews = [], []
        for sentence in analysis.by_block[index]:
            tokens = sentence.tokens
            starts += [tokens[m.start].start for m in labels.find(tokens)]
            next_reviews += [(tokens[m.start].start, tokens[m.end - 1].end) for m in ahead.find(tokens)]
        # a label inside "Next review date" announces a date to come, not a revision
        starts = sorted(start for start in starts if not any(a <= start < b for a, b in next_reviews))
        if not starts and not next_reviews:
            continue
        months = context.pack.months(block.language)
        same_block = [d for d in find(block.text, months) if _revised(d.start, starts, next_reviews)]
        found += [(index, d) for d in same_block]
        if same_block or not starts:
            continue
        for following in section_after(blocks, index):
            follow_months = context.pack.months(blocks[following].language)
            found += [(following, d) for d in find(blocks[following].text, follow_months)]
    return found


def _revised(position: int, starts: list[int], next_reviews: list[tuple[int, int]]) -> bool:
    """Whether the date at `position` follows a revision label, the nearest label before it
    not being a next review's ("Last reviewed: May 2024. Next review: May 2025")."""
    revision = max((start for start in starts if start <= position), default=None)
    if revision is None:
        return False
    return not any(revision < a <= position for a, _ in next_reviews)


def check(context):
    dates = revision_dates(context)
    if context.option("report") == "missing":
        if dates:
            return
        impossible = _dated(context, find_impossible_dates)
        if impossible:
            index, wrong = impossible[0]
            text = context.document.blocks[index].text[wrong.start:wrong.end]
            # a custom rule of this kind may lack the message: its own says what is wrong too
            name = "impossible" if "impossible" in context.rule.messages else None
            message = context.message({"date": text}, name) if name else context.message({})
            yield context.finding(index, wrong.start, wrong.end, message, context.document.blocks[index].language)
        else:
            yield context.document_finding(context.message({}))
        return
    if not dates:
        return
    index, newest = max(dates, key=lambda item: item[1].date)
    months = context.option("max_age_months")
    if newest.date < months_before(context.settings.today, months):
        text = context.document.blocks[index].text[newest.start:newest.end]
        message = context.message({"date": text, "months": months})
        yield context.finding(index, newest.start, newest.end, message, context.document.blocks[index].language)


KIND = CheckKind(
    name="revision-date",
    description=__doc__ or "",
    fields={"message": ("date", "months")},
    check=check,
    # next_review_labels: the language data's "Next review", whose date is one to come
    vocabulary={"revision_labels": "terms", "next_review_labels": "terms"},
    options={"report": "missing", "max_age_months": 12},
    option_choices={"report": ("missing", "stale")},
)
