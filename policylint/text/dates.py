"""Find calendar dates in text, in every language policylint checks.

Month names come from each language's data (rules/languages/*.yaml), compared after the same
normalisation as every other word, so "Μαρτίου" and "ΜΑΡΤΙΟΥ", or "أبريل" and "ابريل", are one
name. The words around a date (a day's suffix, "1st", "1er", "1º"; "15 de marzo del 2024")
come from every language's file alike, as numeric and ISO dates and Arabic-Indic digits are
understood in every language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from policylint.text.languages import profiles
from policylint.text.normalise import norm

MIN_YEAR, MAX_YEAR = 1990, 2100


@dataclass(frozen=True)
class FoundDate:
    start: int  # offsets into the original text
    end: int
    date: dt.date


@dataclass(frozen=True)
class ImpossibleDate:
    """Text written as a date that no calendar has (31/02/2023, 30 février 2024)."""

    start: int
    end: int


def normalised_with_offsets(text: str) -> tuple[str, list[int]]:
    """The normalised text, and for each of its characters the offset it came from."""
    if text.isascii():  # the common case: normalising ASCII only lowers it, letter for letter
        return text.lower(), list(range(len(text) + 1))
    normalised = text.translate(_NORMALISED)  # character by character, so each piece maps back to one
    if _UNEVEN.isdisjoint(text):  # every character gave one: offsets line up
        return normalised, list(range(len(text) + 1))
    offsets = [index for index, char in enumerate(text) for _ in _NORMALISED[ord(char)]]
    offsets.append(len(text))
    return normalised, offsets


class _NormalisedCharacters(dict):
    """A translation table: each character to its normalised form, worked out when first met;
    the characters that do not give exactly one character are kept in _UNEVEN."""

    def __missing__(self, code: int) -> str:
        normalised = self[code] = norm(chr(code))
        if len(normalised) != 1:
            _UNEVEN.add(chr(code))
        return normalised


_NORMALISED = _NormalisedCharacters()
_UNEVEN: set[str] = set()


_DIGIT = re.compile(r"\d")
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_NUMERIC = [
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)(?!\d)"),
    re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)[./-](?P<m>[01]?\d)[./-](?P<y>(?:19|20)\d{2}|\d{2})(?![\d]|\.\d)"),
]
# a month and its year without a day ("03/2024", "2024-03"): read as the month's first day; the
# month has two digits, as "1/2007" and "3/2014" are how laws are numbered ("RD 1/2007")
_NUMERIC_MONTHS = [
    re.compile(r"(?<![\d./-])(?P<m>0[1-9]|1[0-2])[/.-](?P<y>(?:19|20)\d{2})(?![\d/.-]|\.\d)"),
    re.compile(r"(?<![\d./-])(?P<y>(?:19|20)\d{2})[/-](?P<m>[01]\d)(?![\d/.-]|\.\d)"),
]


def _alternation(words) -> str:
    """A regex alternation of normalised words (or phrases), longest first."""
    phrases = {" ".join(norm(word).split()) for word in words}
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=1)
def _date_words() -> tuple[str, str, str]:
    """Regex pieces from every language's date words: the day (its number and suffix), what
    may stand between day and month, and what links the month to the year."""
    words = [p.dates for p in profiles().values()]
    suffixes = _alternation(s for w in words for s in w.day_suffixes)
    after_day = _alternation(a for w in words for a in w.after_day)
    before_year = _alternation(b for w in words for b in w.before_year)
    day = rf"(?P<d>[0-3]?\d)(?:{suffixes})?" if suffixes else r"(?P<d>[0-3]?\d)"
    between = rf"(?:(?:{after_day})\s+)?" if after_day else ""
    links = [rf"\s+(?:{before_year})\s+"] if before_year else []
    return day, between, "(?:" + "|".join([*links, r"\s*,\s*", r"\s+"]) + ")"


@lru_cache(maxsize=None)
def _month_patterns(months_key: tuple) -> tuple[list[re.Pattern], dict[str, int]]:
    names: dict[str, int] = {}
    for month, spellings in months_key:
        for spelling in spellings:
            names[" ".join(norm(spelling).rstrip(".").split())] = month
    alternation = "|".join(
        r"\s+".join(re.escape(word) for word in name.split()) for name in sorted(names, key=len, reverse=True)
    )
    # a month name may follow the day's digits without a space ("18ديسمبر"), never a letter
    month = rf"(?<![^\W\d])(?P<mn>{alternation})(?!\w)\.?"
    day, between, link = _date_words()
    patterns = [
        re.compile(rf"(?<!\d){day}\s*{between}{month}{link}{_YEAR}"),
        re.compile(rf"{month}\s+{day},?\s+{_YEAR}"),
        re.compile(rf"{month}{link}{_YEAR}"),
    ]
    return patterns, names


def _month_key(months: dict) -> tuple:
    return tuple(sorted((int(m), tuple(names)) for m, names in (months or {}).items()))


def find_dates(text: str, months: dict) -> list[FoundDate]:
    """Every date in the text, earliest position first; overlapping readings keep the longest."""
    return [found for found in _read_dates(text, months) if isinstance(found, FoundDate)]


def find_impossible_dates(text: str, months: dict) -> list[ImpossibleDate]:
    """The dates in the text whose day does not exist in their month (31/02/2023)."""
    return [found for found in _read_dates(text, months) if isinstance(found, ImpossibleDate)]


def standing_alone(text: str, found: Sequence[FoundDate | ImpossibleDate]) -> bool:
    """Whether the text holds nothing but the dates found in it, weekday names and punctuation
    ("Monday, 28 February 2022", "23 يونيو، 2016"): a date printed on a line of its own, as a
    document gives its date under its title or in its footer. A time of day beside it
    ("Tuesday, 18 July 2006 16:31") stamps when a page or an article was posted, not when a
    document was revised."""
    if not found:
        return False
    rest, taken = [], 0
    for date in found:
        rest.append(text[taken:date.start])
        taken = date.end
    rest.append(text[taken:])
    rest_text = norm(" ".join(rest))
    if _DIGIT.search(rest_text):
        return False
    return all(word in _weekdays() for word in _WORDS.findall(rest_text))


_WORDS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    return frozenset(norm(day).rstrip(".") for p in profiles().values() for day in p.dates.weekdays)


def _read_dates(text: str, months: dict) -> list[FoundDate | ImpossibleDate]:
    if not _DIGIT.search(text):
        return []  # every date has digits, and most text has none (normalising makes no digit)
    normalised, offsets = normalised_with_offsets(text)
    candidates: list[tuple[int, int, dt.date | None]] = []
    for pattern in _NUMERIC:
        for match in pattern.finditer(normalised):
            day, month, year = int(match["d"]), int(match["m"]), int(match["y"])
            if day <= 12 < month:  # 03/14/2025: month first
                day, month = month, day
            _add(candidates, match, year, month, day)
    for pattern in _NUMERIC_MONTHS:
        for match in pattern.finditer(normalised):
            _add(candidates, match, int(match["y"]), int(match["m"]), 1)
    if months and ("19" in normalised or "20" in normalised):  # a date with a month name has a year
        patterns, names = _month_patterns(_month_key(months))
        for pattern in patterns:
            for match in pattern.finditer(normalised):
                month = names[" ".join(match["mn"].split())]
                day = int(match["d"]) if "d" in match.groupdict() and match["d"] else 1
                _add(candidates, match, int(match["y"]), month, day)
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    found: list[FoundDate | ImpossibleDate] = []
    covered_until = -1
    for start, end, date in candidates:
        if start < covered_until:
            continue
        covered_until = end
        first, last = offsets[start], offsets[end - 1] + 1
        found.append(FoundDate(first, last, date) if date else ImpossibleDate(first, last))
    return found


def _add(candidates, match, year: int, month: int, day: int) -> None:
    if year < 100:
        year += 2000
    if not MIN_YEAR <= year <= MAX_YEAR:
        return
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return  # not a date at all (a reference number such as 45/13/2020)
    try:
        candidates.append((match.start(), match.end(), dt.date(year, month, day)))
    except ValueError:
        candidates.append((match.start(), match.end(), None))  # 31 February: a date that does not exist


def months_before(today: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (clamped to the month's length)."""
    total = today.year * 12 + today.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for day in (today.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")
