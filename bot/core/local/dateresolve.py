"""Turns a `RawDate` into a normalised value at its own precision, given the publication date.

Value forms: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn, YYYY-Www, 199X (decade), A/B (range) and
YYYY-MM-DDThh:mm[Z]. A date that needs the publication date to be read stays None without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.core.local.dateforms import RawDate
from bot.core.models import Precision

_DEADLINE_PREPS = frozenset({"by", "before", "until", "till", "through"})
_UNIT_PRECISION: dict[str, Precision] = {"year": "year", "month": "month", "week": "week", "day": "day",
                                         "quarter": "quarter"}


@dataclass(frozen=True, slots=True)
class Resolved:
    """A normalised date value with its precision and whether it was read relative to something."""

    value: str | None
    precision: Precision
    relative: bool
    day: date | None = None  # the calendar day, when the value names one


@dataclass(slots=True)
class Context:
    """What a mention is read against: the publication date, the tense around it, earlier dates."""

    published: date | None
    tense: str = ""  # "past", "future", "present" or "" when the sentence gives no cue
    week_shift: int = 0  # "next week" / "last week" in the same sentence as a weekday
    anchor: Resolved | None = None  # the nearest earlier date written with its year
    anchor_year: int | None = None
    same_month_year: int | None = None  # year of a written date in the same month, for "February 6"
    day_anchor: date | None = None  # the day a clock time belongs to


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _month_shift(y: int, m: int, step: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + step
    return k // 12, k % 12 + 1


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def resolve(raw: RawDate, ctx: Context) -> Resolved | None:
    """The normalised value of one date expression, or None when it cannot be a date here."""
    reader = _RESOLVERS.get(raw.kind)
    return reader(raw, ctx) if reader else None


def _date(raw: RawDate, ctx: Context) -> Resolved:
    y = raw.year or 0
    if raw.day and raw.month:
        d = date(y, raw.month, raw.day)
        return Resolved(d.isoformat(), "day", False, d)
    if raw.month:
        return Resolved(_ym(y, raw.month), "month", False)
    return Resolved(f"{y:04d}", "year", False)


def _pick_year(month: int, day: int | None, ctx: Context) -> int | None:
    """Year of a month (and day) written without one: by tense, else the nearest occurrence."""
    pub = ctx.published
    if pub is None:
        return None
    target_day = day or 15
    if (month, day or 0) == (pub.month, 0) or (month, day) == (pub.month, pub.day):
        return pub.year
    after = (month, target_day) >= (pub.month, pub.day)
    if ctx.tense == "future":
        return pub.year if after else pub.year + 1
    if ctx.tense == "past":
        return pub.year if not after else pub.year - 1
    candidates = [pub.year - 1, pub.year, pub.year + 1]
    return min(candidates, key=lambda y: abs((date(y, month, min(target_day, 28)) - pub).days))


def _yearless(raw: RawDate, ctx: Context) -> Resolved:
    month = raw.month or 1
    pub = ctx.published
    if raw.step is not None and pub is not None:
        if raw.step < 0:
            year = pub.year if month < pub.month else pub.year - 1
        elif raw.step > 0:
            year = pub.year if month > pub.month else pub.year + 1
        else:
            year = pub.year
    elif ctx.same_month_year is not None and pub is None:
        year = ctx.same_month_year
    else:
        year = _pick_year(month, raw.day, ctx)
    if year is None:
        return Resolved(None, "day" if raw.day else "month", True)
    if raw.day:
        d = date(year, month, raw.day) if raw.day <= 28 or _valid_day(year, month, raw.day) else None
        if d is not None:
            return Resolved(d.isoformat(), "day", True, d)
    return Resolved(_ym(year, month), "month", True)


def _valid_day(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _day_range(raw: RawDate, ctx: Context) -> Resolved:
    month, first, last = raw.month or 1, raw.day or 1, raw.day2 or 1
    year = raw.year if raw.year is not None else _pick_year(month, first, ctx)
    if year is None or not _valid_day(year, month, last):
        return Resolved(None, "range", True)
    return Resolved(f"{date(year, month, first)}/{date(year, month, last)}", "range", raw.year is None)


def _month_range(raw: RawDate, ctx: Context) -> Resolved:
    m1, m2 = raw.month or 1, raw.month2 or 1
    wraps = m2 < m1  # "between November and February" runs into the next year
    if raw.year2 is not None:  # "... and January 2024": the closing year names the end
        y2 = raw.year2
        y1 = raw.year if raw.year is not None else y2 - 1 if wraps else y2
    else:
        y1 = raw.year if raw.year is not None else _pick_year(m1, None, ctx)
        if y1 is None:
            return Resolved(None, "range", True)
        y2 = y1 + 1 if wraps else y1
    return Resolved(f"{_ym(y1, m1)}/{_ym(y2, m2)}", "range", raw.year is None and raw.year2 is None)


_UNTIL = frozenset({"until", "till", "through"})


def _weekday(raw: RawDate, ctx: Context) -> Resolved:
    pub = ctx.published
    if pub is None:
        return Resolved(None, "day", True)
    wd = raw.part or 0
    back = (pub.weekday() - wd) % 7
    if raw.step == -1:
        d = pub - timedelta(days=back or 7)
    elif raw.step == 1:
        d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    elif raw.step == 0 or ctx.week_shift:
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=ctx.week_shift)
        d = monday + timedelta(days=wd)
    elif ctx.tense in ("future", "present") or (raw.prep in _UNTIL and ctx.tense != "past"):
        # "talks resume on Monday", "the show runs until Thursday": the coming such day
        d = pub + timedelta(days=(wd - pub.weekday()) % 7)
    else:
        d = pub - timedelta(days=back)  # news convention: the most recent such day
    clock = f"T{raw.hour:02d}:{raw.minute:02d}{raw.zone}" if raw.hour is not None and raw.minute is not None else ""
    return Resolved(d.isoformat() + clock, "day", True, d)


def _year_of(raw: RawDate, ctx: Context) -> tuple[int | None, bool]:
    """(year, relative) for forms whose year is written, relative to publication, or anchored."""
    if raw.year:
        return raw.year, False
    if raw.unit == "anchor-year":
        return ctx.anchor_year, True
    if ctx.published is None:
        return None, True
    return ctx.published.year + (raw.step or 0), True


def _quarter(raw: RawDate, ctx: Context) -> Resolved:
    year, rel = _year_of(raw, ctx)
    return Resolved(f"{year:04d}-Q{raw.part}" if year else None, "quarter", rel)


def _month_of_year(raw: RawDate, ctx: Context) -> Resolved:
    year, rel = _year_of(raw, ctx)
    return Resolved(f"{year:04d}-{raw.month:02d}" if year and raw.month else None, "month", rel)


def _half(raw: RawDate, ctx: Context) -> Resolved:
    year, rel = _year_of(raw, ctx)
    return Resolved(f"{year:04d}-H{raw.part}" if year else None, "half", rel)


def _fiscal(raw: RawDate, ctx: Context) -> Resolved:
    return Resolved(f"{raw.year:04d}", "year", False)


def _decade(raw: RawDate, ctx: Context) -> Resolved:
    return Resolved(f"{str(raw.year)[:3]}X", "decade", False)


def _range(raw: RawDate, ctx: Context) -> Resolved:
    return Resolved(f"{raw.year}/{raw.year2}", "range", False)


def _edge(raw: RawDate, ctx: Context) -> Resolved:
    year, rel = _year_of(raw, ctx)
    if year is None:
        return Resolved(None, "year", True)
    past = ctx.published is not None and year < ctx.published.year
    if raw.mod == "end" and past and raw.prep not in _DEADLINE_PREPS:
        return Resolved(_ym(year, 12), "month", rel)  # "at the end of last year": that December
    return Resolved(f"{year:04d}", "year", rel)


def _relative(raw: RawDate, ctx: Context) -> Resolved:
    pub, step = ctx.published, raw.step or 0
    precision = _UNIT_PRECISION[raw.unit]
    if pub is None:
        return Resolved(None, precision, True)
    if raw.unit == "year":
        return Resolved(f"{pub.year + step:04d}", "year", True)
    if raw.unit == "month":
        return Resolved(_ym(*_month_shift(pub.year, pub.month, step)), "month", True)
    if raw.unit == "week":
        return Resolved(_iso_week(pub + timedelta(weeks=step)), "week", True)
    q = (pub.year * 4 + (pub.month - 1) // 3) + step
    return Resolved(f"{q // 4:04d}-Q{q % 4 + 1}", "quarter", True)


def _season(raw: RawDate, ctx: Context) -> Resolved:
    if raw.year:
        return Resolved(f"{raw.year:04d}", "year", False)
    pub = ctx.published
    if pub is None:
        return Resolved(None, "year", True)
    start = raw.part or 3
    if start == 12:
        return _winter(raw.step, pub)
    if raw.step == -1:
        year = pub.year if pub.month >= start + 3 else pub.year - 1
    elif raw.step == 1:
        year = pub.year if pub.month < start else pub.year + 1
    else:
        year = pub.year
    return Resolved(f"{year:04d}", "year", True)


def _winter(step: int | None, pub: date) -> Resolved:
    """A winter runs from December into February: "last winter" in September 2025 is 2024-12/2025-02."""
    in_winter = pub.month <= 2
    if step == -1:
        december = pub.year - (2 if in_winter else 1)
    elif step == 1:
        december = pub.year
    else:  # "this winter": the one under way, just past (March, April) or coming
        december = pub.year - 1 if pub.month <= 4 else pub.year
    return Resolved(f"{december:04d}-12/{december + 1:04d}-02", "range", True)


def _ago(raw: RawDate, ctx: Context) -> Resolved:
    pub, n = ctx.published, raw.step or 0
    precision = _UNIT_PRECISION[raw.unit]
    if pub is None:
        return Resolved(None, precision, True)
    if raw.unit == "year":
        return Resolved(f"{pub.year + n:04d}", "year", True)
    if raw.unit == "month":
        return Resolved(_ym(*_month_shift(pub.year, pub.month, n)), "month", True)
    if raw.unit == "week":
        return Resolved(_iso_week(pub + timedelta(weeks=n)), "week", True)
    d = pub + timedelta(days=n)
    return Resolved(d.isoformat(), "day", True, d)


def _deictic(raw: RawDate, ctx: Context) -> Resolved:
    if ctx.published is None:
        return Resolved(None, "day", True)
    d = ctx.published + timedelta(days=raw.step or 0)
    return Resolved(d.isoformat(), "day", True, d)


def _anchored(raw: RawDate, ctx: Context) -> Resolved | None:
    anchor, step = ctx.anchor, raw.step or 0
    if anchor is None or anchor.value is None:
        return None
    head = anchor.value[:4]
    if raw.unit == "decade":
        if anchor.precision == "decade":
            return Resolved(f"{int(anchor.value[:3]) + step}X", "decade", True)
        return Resolved(f"{int(head) + 10 * step:04d}", "year", True) if head.isdigit() else None
    if not head.isdigit():
        return None
    if raw.unit == "month":
        if anchor.precision not in ("month", "day"):
            return None
        return Resolved(_ym(*_month_shift(int(head), int(anchor.value[5:7]), step)), "month", True)
    return Resolved(f"{int(head) + step:04d}", "year", True)


def _clock(raw: RawDate, ctx: Context) -> Resolved | None:
    day = ctx.day_anchor or ctx.published
    if day is None:
        return None
    value = f"{day.isoformat()}T{raw.hour:02d}:{raw.minute:02d}{raw.zone}"
    return Resolved(value, "day", True, day)


_RESOLVERS = {
    "date": _date, "yearless": _yearless, "month_range": _month_range, "day_range": _day_range,
    "weekday": _weekday, "month_of_year": _month_of_year,
    "quarter": _quarter, "half": _half, "fiscal": _fiscal, "decade": _decade, "range": _range,
    "edge": _edge, "relative": _relative, "season": _season, "ago": _ago, "deictic": _deictic,
    "anchored": _anchored, "clock": _clock,
}
