"""The publication date an article shows in its dateline or byline (header lines only, never the body)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from bot.core.local.dateforms import RawDate, scan

_HEAD_LINES = 8
_HEAD_CHARS = 1500
_TAIL_CHARS = 400  # where a wire story's filing stamp sits
_SHORT_LINE = 120
_LINE = re.compile(r"[^\n]+")
# "WASHINGTON, ", "MANILA (", "TAIPEI — ", "KONGSBERG, Norway, ": an upper-case place opening a paragraph.
_CITY = re.compile(
    r"[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’./\- ]{1,40}(?:,[ \t]*[A-Z][A-Za-zÀ-ÿ'’.\- ]{1,30}){0,2}[ \t]*(?:,|\(|—|–|-{1,2}|\|)[ \t]*"
)
# "Vilnius, 3 June 2025 – ", "Kysucké Nové Mesto, 12. 3. 2025 (HK) – ": a place in title case counts
# only when a dash (after an optional agency) closes the date, as in a dateline and not in prose.
# "Tromsø, Norway – 3 December 2025 – ": the place may name its country, and a dash may open the date.
_TITLED_PLACE = re.compile(
    r"[A-ZÀ-ÞĀ-Ž][\w'’.\-]*(?:[ \t]+[A-ZÀ-ÞĀ-Ž][\w'’.\-]*){0,3}"
    r"(?:,[ \t]*[A-ZÀ-ÞĀ-Ž][\w'’.\-]*(?:[ \t]+[A-ZÀ-ÞĀ-Ž][\w'’.\-]*){0,2}(?=[ \t]*(?:—|–|-{1,2})))?"
    r"(?:,[ \t]*|[ \t]*(?:—|–|-{1,2})[ \t]*)"
)
_DATE_CLOSER = re.compile(r"\)?[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:—|–|-{1,2})[ \t]")
# "Surabaya, Thursday (14/8/2025) – ": a weekday and an opening bracket may stand before the date.
_DATE_OPENER = re.compile(r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]*)?\(?")
_DATELINE_REST_WORDS = 6
_BYLINE_CUE = re.compile(r"\||\b(?:Published|Posted|Updated|Dated|First published)\b", re.I)
_LEAD_GAP = 14  # "Thursday, " may sit between the place and the date


@dataclass(frozen=True, slots=True)
class Dateline:
    """The publication date and where the text shows it."""

    day: date
    start: int
    end: int
    line_start: int
    line_end: int
    yearless: bool = False  # the year was not written with the date


def find_dateline(text: str, today: date | None = None) -> Dateline | None:
    """The first full date written in a header line or right after a dateline's place name, if any.

    A dateline without a year ("SEOUL, Oct. 23 (Agency) --") takes it from a full date of the same
    day in the article's last lines (a wire's "2025/10/23 16:05" filing stamp), else it is the
    latest such day up to today.
    """
    found = _find_dateline(text[:_HEAD_CHARS], today or date.today())
    if found is None or not found.yearless:
        return found
    tail_start = max(0, len(text) - _TAIL_CHARS)
    for raw in scan(text[tail_start:]):
        if raw.kind == "date" and raw.year and (raw.month, raw.day) == (found.day.month, found.day.day):
            return replace(found, day=date(raw.year, found.day.month, found.day.day), yearless=False)
    return found


@lru_cache(maxsize=16)
def _find_dateline(head: str, today: date) -> Dateline | None:
    """Cached: the engine, the dates and the summary all ask for the same article's dateline."""
    yearless: Dateline | None = None
    for i, line in enumerate(_LINE.finditer(head)):
        if i >= _HEAD_LINES:
            break
        city = _CITY.match(head, line.start())
        titled = None if city else _TITLED_PLACE.match(head, line.start())
        place = city or titled
        for raw in _line_dates(head, line.start(), line.end(), place.end() if place else None):
            if titled and not _closed_at(titled, raw, head, line.end() - line.start()):
                continue
            if raw.kind == "date" and raw.year:
                return _dateline(raw, raw.year, line.start(), line.end())
            if yearless is None and place:
                yearless = replace(_dateline(raw, _recent_year(raw, today), line.start(), line.end()), yearless=True)
    return yearless


def _closed_at(place: re.Match[str], raw: RawDate, head: str, line_len: int) -> bool:
    """In a paragraph, a date after a title-case place is a dateline only when a dash closes it."""
    if line_len <= _SHORT_LINE:
        return True  # a short header line is judged by its shape, as without a place
    opener = _DATE_OPENER.match(head, place.end(), raw.start)
    return opener is not None and opener.end() == raw.start and _DATE_CLOSER.match(head, raw.end) is not None


def _line_dates(head: str, lo: int, hi: int, city_end: int | None) -> list[RawDate]:
    """Dates a header line may hold: right after an opening place name, or making up most of a short
    line; a long line is a paragraph, where only the first kind counts."""
    short = hi - lo <= _SHORT_LINE
    if not short:
        if city_end is None:
            return []
        lo, hi = city_end, min(hi, city_end + _LEAD_GAP + 40)
    found = []
    for r in scan(head[lo:hi]):
        if not (r.kind in ("date", "yearless") and r.day and r.month):
            continue
        at_place = city_end is not None and city_end <= r.core_start + lo <= city_end + _LEAD_GAP
        if at_place or (short and _dateline_shaped(head[lo:hi], r.start, r.end)):
            r.start, r.end, r.core_start = r.start + lo, r.end + lo, r.core_start + lo
            found.append(r)
    return found


def _dateline_shaped(line: str, start: int, end: int) -> bool:
    """A short line is a dateline when the date is most of it, or a byline cue goes with it; a
    subhead such as "The 24 February 2022 invasion changed everything" is not."""
    rest = line[:start] + " " + line[end:]
    return len(rest.split()) <= _DATELINE_REST_WORDS or bool(_BYLINE_CUE.search(rest))


def _dateline(raw: RawDate, year: int, line_start: int, line_end: int) -> Dateline:
    return Dateline(date(year, raw.month or 1, raw.day or 1), raw.core_start, raw.end, line_start, line_end)


def _recent_year(raw: RawDate, today: date) -> int:
    """A dateline without a year ("SEOUL, Oct 2 (Agency) -") is the latest such day up to today."""
    month, day = raw.month or 1, raw.day or 1
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    try:
        date(year, month, day)
    except ValueError:
        year -= 1
    return year


def find_published(text: str) -> date | None:
    """The publication date shown by a dateline or byline in the text, if any."""
    found = find_dateline(text)
    return found.day if found else None
