"""A translation gives the revision date its source gives, whatever each language's date
format ("1 March 2026", "1er mars 2026", "1/3/2026", "٢٠٢٦/٣/١"): the newest labelled date of
each is compared as a date.

Run by `policylint compare` only, on a source and a translation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from policylint.checks.kind import CheckKind, Place
from policylint.checks.revision_date import revision_dates

if TYPE_CHECKING:
    from policylint.compare.pair_context import PairContext
    from policylint.findings.engine import Context
    from policylint.model import Finding


def compare(pair: PairContext) -> Iterator[Finding]:
    source, translation = _newest(pair.source), _newest(pair.translation)
    if source is None and translation is None:
        return
    if source and translation:
        if source[0] != translation[0]:
            params = {"date": pair.translation_text(translation[1]), "source_date": pair.source_text(source[1]),
                      "other": pair.where_in_source(source[1])}
            yield pair.finding(translation[1], pair.message(params))
    elif source:
        params = {"source_date": pair.source_text(source[1]), "other": pair.where_in_source(source[1])}
        yield pair.finding(None, pair.message(params, "missing_here"))
    elif translation:
        params = {"date": pair.translation_text(translation[1]), "other": pair.where_in_source(None)}
        yield pair.finding(translation[1], pair.message(params, "only_here"))


def _newest(context: Context) -> tuple[object, Place] | None:
    """The newest revision date of a document and where it is written."""
    dates = revision_dates(context)
    if not dates:
        return None
    index, newest = max(dates, key=lambda item: item[1].date)
    return newest.date, (index, newest.start, newest.end)


KIND = CheckKind(
    fields={
        "message": ("date", "source_date", "other"),
        "missing_here": ("source_date", "other"),
        "only_here": ("date", "other"),
    },
    name="pair-revision-date",
    description=__doc__ or "",
    check=None,
    scope="pair",
    compare=compare,
    vocabulary={"revision_labels": "terms"},
    messages=("missing_here", "only_here"),
)
