"""Normalising the dates a model returns (as written) against the article's publication date.

Absolute dates in the common news formats are parsed by regex (fast, no guessing); everything else
goes to dateparser with the publication date as its reference. A date that needs a reference (a
relative phrase, or a day and month without a year) gets no value when the publication date is
unknown, as the briefing contract requires.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.core.models import Precision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_ABSOLUTE = [
    re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)? {_MONTH},? (?P<year>\d{{4}})$"),
    re.compile(rf"^{_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>\d{{4}})$"),
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})$"),
    re.compile(rf"^{_MONTH},? (?P<year>\d{{4}})$"),
    re.compile(r"^(?P<year>\d{4})$"),
]
_QUARTER = re.compile(r"\b(?:Q(?P<q>[1-4])|(?P<word>first|second|third|fourth) quarter(?: of)?),? (?P<year>\d{4})\b", re.I)
_DECADE = re.compile(r"\b(?:the )?(?:(?:early|mid|late)[- ])?(?P<decade>\d{3}0)s\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_RELATIVE = re.compile(
    r"\b(?:yesterday|today|tomorrow|tonight|last|next|this|ago|earlier|later|coming|past|previous|"
    r"recent(?:ly)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|"
    r"(?:in|within) (?:a|an|one|two|three|four|five|six|\d+) (?:day|week|month|year)s?)\b",
    re.I,
)
_SIMPLE_RELATIVE = re.compile(
    r"^(?:(?P<back>last|previous)|(?P<ahead>next|coming)|this|the current) (?P<unit>year|month)$",
    re.I,
)
_PERIODS: dict[str, Precision] = {
    "time": "day", "day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year",
}  # fmt: skip
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def normalise_date(text: str, published: date | None) -> tuple[str | None, Precision, bool]:
    """(ISO value at its precision or None, precision, relative) for a date as written."""
    clean = " ".join(text.strip().strip(".,;").split())
    relative = bool(_RELATIVE.search(clean)) and not _YEAR.search(clean)
    absolute = _absolute(clean)
    if absolute is not None:
        return absolute[0], absolute[1], False
    if _DECADE.search(clean) is not None:
        return None, "decade", False
    if (quarter := _QUARTER.search(clean)) is not None:
        number = quarter.group("q") or _QUARTER_WORDS[quarter.group("word").lower()]
        return f"{quarter.group('year')}-Q{number}", "quarter", False
    needs_reference = relative or not _YEAR.search(clean)
    if needs_reference and published is None:
        return None, "unknown", relative
    simple = _simple_relative(clean, published)
    if simple is not None:
        return simple[0], simple[1], True
    parsed = _parser(published).get_date_data(clean)
    if parsed.date_obj is None or parsed.period not in _PERIODS:
        years = _YEAR.findall(clean)
        if len(set(years)) == 1:
            return years[0], "year", relative
        return None, "unknown", relative
    precision = _PERIODS[parsed.period]
    return _iso(parsed.date_obj.date(), precision), precision, relative


def _simple_relative(clean: str, published: date | None) -> tuple[str, Precision] | None:
    """'last year', 'next month', 'this year': common enough to skip dateparser."""
    match = _SIMPLE_RELATIVE.match(clean)
    if match is None or published is None:
        return None
    step = -1 if match.group("back") else 1 if match.group("ahead") else 0
    if match.group("unit").lower() == "year":
        return f"{published.year + step:04d}", "year"
    months = published.year * 12 + published.month - 1 + step
    return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"


def _absolute(clean: str) -> tuple[str, Precision] | None:
    for pattern in _ABSOLUTE:
        match = pattern.match(clean)
        if match is None:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS.get((parts.get("month") or "").lower())
        if parts.get("month") and month is None:
            return None
        try:
            if parts.get("day"):
                return date(int(parts["year"]), month or 1, int(parts["day"])).isoformat(), "day"
        except ValueError:
            return None
        if month:
            return f"{parts['year']}-{month:02d}", "month"
        return parts["year"], "year"
    return None


def _iso(value: date, precision: Precision) -> str:
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    if precision == "quarter":
        return f"{value.year:04d}-Q{(value.month - 1) // 3 + 1}"
    if precision == "week":
        year, week, _ = value.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return value.isoformat()


@lru_cache(maxsize=32)
def _parser(published: date | None) -> DateDataParser:
    from dateparser.date import DateDataParser  # slow import: only when a date needs it

    settings: dict[str, object] = {"RETURN_TIME_AS_PERIOD": True}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)
