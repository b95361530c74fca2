"""Reads a regex match of the date grammar into a `RawDate`: the calendar pieces as written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.core.local import dategrammar as g

_REL_STEP = {"last": -1, "this": 0, "next": 1, "the current": 0, "the same": 0, "that": 0}


@dataclass(slots=True)
class RawDate:
    """One date expression as written: its span, its form, and the calendar pieces it names."""

    start: int
    end: int
    kind: str
    prep: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year2: int | None = None
    month2: int | None = None
    day2: int | None = None
    part: int | None = None
    step: int | None = None
    unit: str = ""
    mod: str = ""
    hour: int | None = None
    minute: int | None = None
    zone: str = ""
    core_start: int = -1  # where the date itself starts, after any preposition taken into `start`


def _year2(y: int, y2_text: str) -> int:
    if len(y2_text) == 2:
        return y // 100 * 100 + int(y2_text)
    return int(y2_text)


def _valid(y: int, mo: int, d: int) -> bool:
    try:
        date(y, mo, d)
    except ValueError:
        return False
    return True


def _iso(m: re.Match[str], text: str) -> RawDate | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    return RawDate(m.start(), m.end(), "date", year=y, month=mo, day=d) if _valid(y, mo, d) else None


def _numeric(m: re.Match[str], text: str) -> RawDate | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    day, mo = (a, b) if b <= 12 else (b, a)  # day-first unless that is impossible
    return RawDate(m.start(), m.end(), "date", year=y, month=mo, day=day) if _valid(y, mo, day) else None


def _day(s: str) -> int:
    return int(s.rstrip("stndrh"))


def _textual(m: re.Match[str], text: str) -> RawDate | None:
    y, mo, d = int(m["y"]), g.month_number(m["m"]), _day(m["d"])
    return RawDate(m.start(), m.end(), "date", year=y, month=mo, day=d) if _valid(y, mo, d) else None


def _day_month(m: re.Match[str], text: str) -> RawDate | None:
    mo, d = g.month_number(m["m"]), _day(m["d"])
    if not _valid(2024, mo, d) or (m.end() < len(text) and text[m.end()].isalnum()):
        return None  # "March 2F" is a designator
    if not m["wd"] and m.start("m") == m.start() and _named_before(text, m.start()):
        return None  # "Long March 5" is a rocket, not the fifth of March
    return RawDate(m.start(), m.end(), "yearless", month=mo, day=d)


def _named_before(text: str, pos: int) -> bool:
    """True when a capitalised word that is not a preposition or a sentence opener runs into `pos`."""
    name = g.NAME_BEFORE.search(text, max(0, pos - 30), pos)
    return bool(name) and name["w"] not in g.NAME_OK and not _sentence_initial(text, name.start("w"))


def _month_year(m: re.Match[str], text: str) -> RawDate:
    mod = (m["mod"] or "").lower()
    return RawDate(m.start(), m.end(), "date", year=int(m["y"]), month=g.month_number(m["m"]), mod=mod)


def _day_range(m: re.Match[str], text: str) -> RawDate | None:
    mo, d, d2 = g.month_number(m["m"]), _day(m["d"]), _day(m["d2"])
    if not (d < d2 and _valid(2024, mo, d2)):
        return None  # "7-3 March" is no range; 29 February stays possible
    year = int(m["y"]) if m["y"] else None
    return RawDate(m.start(), m.end(), "day_range", year=year, month=mo, day=d, day2=d2)


def _month_range(m: re.Match[str], text: str) -> RawDate:
    raw = RawDate(m.start(), m.end(), "month_range", month=g.month_number(m["m"]),
                  month2=g.month_number(m["m2"]), prep=m["lead"].lower())
    raw.year = int(m["y1"]) if m["y1"] else None
    raw.year2 = int(m["y"]) if m["y"] else None
    return raw


def _month_rel_year(m: re.Match[str], text: str) -> RawDate:
    return _rel_year(m, RawDate(m.start(), m.end(), "month_of_year", month=g.month_number(m["m"])))


def _month(m: re.Match[str], text: str) -> RawDate | None:
    rel, mod = (m["rel"] or "").lower(), (m["mod"] or "").lower()
    if not (rel or mod or m["part"]) and not g.MONTH_LEAD.search(text, max(0, m.start() - 10), m.start()):
        return None
    if m["m"].isupper() and not rel:
        return None  # shouted headline words ("MAY", "MARCH") are rarely dates
    if m["m"].lower() in g.MONTH_ABBR and not (rel or mod or m["part"]):
        return None  # a bare "Jan" or "Mar" is more often a name than a month; "Jan." is kept
    raw = RawDate(m.start(), m.end(), "yearless", month=g.month_number(m["m"]), mod=mod)
    raw.step = _REL_STEP[rel] if rel else None
    return raw


def _weekday(m: re.Match[str], text: str) -> RawDate:
    rel = (m["rel"] or "").lower()
    return RawDate(m.start(), m.end(), "weekday", part=g.weekday_number(m["wd"]),
                   step=_REL_STEP[rel] if rel else None)


def _rel_year(m: re.Match[str], raw: RawDate) -> RawDate:
    """Fill a quarter/half/edge from its year part: explicit, relative to the publication, or anchored."""
    parts = m.groupdict()
    if parts.get("y"):
        raw.year = int(parts["y"])
    elif parts.get("rel"):
        rel = re.sub(r"\s+", " ", parts["rel"].lower())
        if rel in ("that", "the same"):
            raw.unit = "anchor-year"
        else:
            raw.step = _REL_STEP[rel]
    else:
        raw.step = 0  # "the fourth quarter", "the end of the year": the publication year
    return raw


def _quarter(m: re.Match[str], text: str) -> RawDate:
    q = int(m["q"]) if "q" in m.re.groupindex and m["q"] else g.ORDINALS[m["ord"].lower()]
    if "fy" in m.re.groupindex and m["fy"]:
        return _fiscal_quarter(m, text, q)
    return _rel_year(m, RawDate(m.start(), m.end(), "quarter", part=q))


# Split fiscal years ("FY 2026-27") start in April (India, the UK, Japan, Canada) unless the text is
# about a country whose fiscal year starts in July.
_JULY_FISCAL = re.compile(r"\b(?:Australia|Pakistan|New Zealand|Egypt|Kenya|Bangladesh)")


def _fiscal_quarter(m: re.Match[str], text: str, q: int) -> RawDate | None:
    """ "the third quarter of FY 2026-27" is a calendar quarter: October-December 2026 for an April year."""
    year = int(m["fy"])
    if _year2(year, m["fy2"]) != year + 1:
        return None
    first = (7 if _JULY_FISCAL.search(text) else 4) + 3 * (q - 1)  # first month, counted from January
    return RawDate(m.start(), m.end(), "quarter", part=(first - 1) % 12 // 3 + 1, year=year + (first - 1) // 12)


def _half(m: re.Match[str], text: str) -> RawDate:
    if "h" in m.re.groupindex:
        return RawDate(m.start(), m.end(), "half", part=int(m["h"] or m["h2"]), year=int(m["y"]))
    return _rel_year(m, RawDate(m.start(), m.end(), "half", part=g.ORDINALS[m["ord"].lower()]))


def _fiscal(m: re.Match[str], text: str) -> RawDate | None:
    y = m["y"]
    year = int(y) if len(y) == 4 else 2000 + int(y)
    if m["y2"]:  # "FY 2025-26" spans two calendar years: April to March, or July to June
        if _year2(year, m["y2"]) != year + 1:
            return None
        first = 7 if _JULY_FISCAL.search(text) else 4
        return RawDate(m.start(), m.end(), "month_range", year=year, month=first, year2=year + 1, month2=first - 1)
    return RawDate(m.start(), m.end(), "fiscal", year=year)


def _decade(m: re.Match[str], text: str) -> RawDate:
    if m["dec"]:
        dec = int(m["dec"])
    else:
        d2 = int(m["dec2"])
        dec = (1900 if d2 >= 30 else 2000) + d2
    return RawDate(m.start(), m.end(), "decade", year=dec, mod=(m["mod"] or "").lower())


def _year_range(m: re.Match[str], text: str) -> RawDate | None:
    y = int(m["y"])
    y2 = _year2(y, m["y2"])
    if not y < y2 <= y + 100:  # a lifespan ("Jane Roe, 1931–2026") is a range too
        return None
    lead = m["lead"].lower() if "lead" in m.re.groupindex and m["lead"] else ""
    return RawDate(m.start(), m.end(), "range", year=y, year2=y2, prep=lead)


def _year_mod(m: re.Match[str], text: str) -> RawDate:
    return RawDate(m.start(), m.end(), "date", year=int(m["y"]), mod=m["mod"].lower())


def _year_edge(m: re.Match[str], text: str) -> RawDate:
    return _rel_year(m, RawDate(m.start(), m.end(), "edge", mod=m["edge"].lower()))


def _month_edge(m: re.Match[str], text: str) -> RawDate:
    rel = m["rel"].lower()
    return RawDate(m.start(), m.end(), "relative", step=0 if rel == "the" else _REL_STEP[rel], unit="month")


def _relative(m: re.Match[str], text: str) -> RawDate | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel in ("last", "next") and re.search(r"\b(?:the|past|over)\s+$", text[max(0, m.start() - 6) : m.start()], re.I):
        return None  # "over the last year" is a duration, not a date
    return RawDate(m.start(), m.end(), "relative", step=_REL_STEP[rel], unit=m["unit"].lower(),
                   mod=(m["mod"] or "").lower())


def _season(m: re.Match[str], text: str) -> RawDate | None:
    rel = (m["rel"] or "").lower()
    if not m["y"] and (not rel or re.match(r"[ \t]+of\b", text[m.end() : m.end() + 4])):
        return None  # "a spring", "the fall of Kabul"
    if m["s"] == "fall" and rel in ("the", "") and not m["y"]:
        return None
    if rel == "the" and not m["y"] and not _SEASON_LEAD.search(text, max(0, m.start() - 10), m.start()):
        return None  # "the winter offensive" names a campaign; "in the winter" dates something
    raw = RawDate(m.start(), m.end(), "season", part=g.SEASONS[m["s"]])
    if m["y"]:
        raw.year = int(m["y"])
    else:
        raw.step = {"last": -1, "next": 1}.get(rel, 0)
    return raw


_SEASON_LEAD = re.compile(r"(?:^|\s)(?:in|over|during|through|by|until|since|before|after)[ \t]+$", re.I)


def _ago(m: re.Match[str], text: str) -> RawDate:
    n = m["n"].lower()
    count = int(n) if n.isdigit() else g.NUMBER_WORDS[n]
    return RawDate(m.start(), m.end(), "ago", step=-count, unit=m["unit"].lower())


_NEWS_VERB = re.compile(
    r"(?:announc|said|says|told|unveil|sign|launch|releas|publish|confirm|report|reveal|award|"
    r"open|began|begin|start|complet|approv|issu|declar|order|deliver|introduc|present)\w*",
    re.I,
)


def _deictic(m: re.Match[str], text: str) -> RawDate | None:
    word = m["w"].lower()
    if word == "today":
        # "today" in news prose mostly means "nowadays"; keep it only beside a news verb.
        before = text[max(0, m.start() - 20) : m.start()].split()[-1:]
        after = text[m.end() : m.end() + 20].split()[:1]
        if not any(_NEWS_VERB.fullmatch(w.strip(",.;:")) for w in before + after):
            return None
    step = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    return RawDate(m.start(), m.end(), "deictic", step=step, unit="day")


def _anchored(m: re.Match[str], text: str) -> RawDate:
    raw = RawDate(m.start(), m.end(), "anchored", mod=(m["mod"] or "").lower())
    if m["unit"]:
        raw.unit, raw.step = m["unit"].lower(), 0
    elif m["unit2"]:
        raw.unit, raw.step = m["unit2"].lower(), 1 if m["step"].lower() == "following" else -1
    else:
        n = m["n"].lower()
        raw.unit = m["unit3"].lower()
        raw.step = (int(n) if n.isdigit() else g.NUMBER_WORDS[n]) * (1 if m["dir"].lower() == "later" else -1)
    return raw


def _clock(m: re.Match[str], text: str) -> RawDate:
    hour = int(m["h"])
    if "ampm" in m.re.groupindex:
        hour = hour % 12 + (12 if m["ampm"].lower() == "p" else 0)
        return RawDate(m.start(), m.end(), "clock", hour=hour, minute=int(m["mi"]))
    return RawDate(m.start(), m.end(), "clock", hour=hour, minute=int(m["mi"]), zone="Z")


def _clock_day(m: re.Match[str], text: str) -> RawDate:
    """A 24-hour time told with its weekday ("23:10 on Tuesday"): that day, at that time."""
    return RawDate(
        m.start(), m.end(), "weekday", part=g.weekday_number(m["wd"]), hour=int(m["h"]), minute=int(m["mi"])
    )


def _year(m: re.Match[str], text: str) -> RawDate | None:
    if g.QUANTITY_NOUN.match(text, m.end()):
        return None
    if _named_before(text, m.start()):
        return None  # "Vision 2030", "Type 2025": part of a name
    return RawDate(m.start(), m.end(), "date", year=int(m["y"]))


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?\n:"


READERS = {
    "iso": _iso, "numeric": _numeric, "dmy": _textual, "mdy": _textual, "dm": _day_month,
    "md": _day_month, "my": _month_year, "month_range": _month_range, "day_range": _day_range, "month": _month,
    "month_rel_year": _month_rel_year, "weekday": _weekday, "quarter": _quarter, "half": _half,
    "fiscal": _fiscal, "decade": _decade,
    "year_range": _year_range, "year_mod": _year_mod, "year_edge": _year_edge, "month_edge": _month_edge,
    "relative": _relative, "season": _season, "ago": _ago, "deictic": _deictic,
    "anchored": _anchored, "clock": _clock, "clock_day": _clock_day, "year": _year,
}
