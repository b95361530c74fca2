"""The date grammar: vocabulary and precompiled patterns for every date form the local engine reads.

Each pattern names its groups; `dateforms.py` turns a match into a `RawDate`. Patterns are compiled
once at import so scanning an article costs a few regex passes, not a parser run per token.
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# Month names of translated or foreign-language datelines ("14 de noviembre de 2025", "3 mars 2026"):
# read only inside a full day-month-year date, where they cannot be ordinary words.
FOREIGN_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
    "outubro": 10, "novembro": 11, "dezembro": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
}
MONTH_ABBR = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ABBR = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "latter": 2}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _forms(words: tuple[str, ...] | list[str]) -> str:
    """Title-case and upper-case spellings, longest first so alternation never stops short."""
    forms = {w.title() for w in words} | {w.upper() for w in words}
    return "|".join(sorted(forms, key=len, reverse=True))


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation as written ("Sept.", "AUGUST")."""
    key = name.rstrip(".").lower()
    return MONTHS.get(key) or FOREIGN_MONTHS.get(key) or MONTHS[next(m for m in MONTHS if m.startswith(key[:3]))]


def weekday_number(name: str) -> int:
    """0 (Monday) to 6 (Sunday) for a weekday name or abbreviation."""
    key = name.rstrip(".").lower()[:3]
    return next(i for i, w in enumerate(WEEKDAYS) if w.startswith(key))


SP = r"[ \t\u00a0]+"
_OSP = r"[ \t\u00a0]*"
MONTH = rf"(?:(?:{_forms(list(MONTHS))})(?![A-Za-z])|(?:{_forms(MONTH_ABBR)})(?![A-Za-z])\.?)"
WEEKDAY = rf"(?:{_forms(WEEKDAYS)})(?![A-Za-z])"
_FOREIGN_MONTH = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
_WEEKDAY_ANY = rf"(?:{WEEKDAY}|(?:{_forms(_WEEKDAY_ABBR)})(?![A-Za-z])\.?)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
YEAR = r"(?:19\d\d|20\d\d)(?![\d])"
_NB = r"(?<![\w$€£¥#@./:-])"  # not glued to a word, currency, path, version or another number
_REL_YEAR = rf"(?P<rel>this|next|last|the{SP}current|the{SP}same|that){SP}(?:(?:fiscal|financial|calendar){SP})?year"


_I = re.IGNORECASE

# Each rule: (kind, pattern, trigger families that make it worth trying, one of these lowercase
# substrings must be near the trigger). Order is the tie-break when two matches cover the same span.
Rule = tuple[str, re.Pattern[str], frozenset[str], tuple[str, ...]]
_Y, _N, _M, _U = "year", "num", "month", "unit"


_MONTH_HINTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _r(kind: str, pattern: str, families: str, needs: tuple[str, ...] = (), flags: int = 0) -> Rule:
    return (kind, re.compile(pattern, flags), frozenset(families.split()), needs)


RULES: list[Rule] = [
    _r("iso", rf"{_NB}(?P<y>(?:19|20)\d\d)(?P<sep>[-./])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
              rf"(?P<d>0[1-9]|[12]\d|3[01]|[1-9])(?![\d])(?![./-]\d)", _Y, ("-", ".", "/")),
    # "27.01.2025", "18/06/2025", and the Central European "12. 3. 2025"
    _r("numeric", rf"{_NB}(?P<a>\d{{1,2}})(?P<sep>[./-]|\.[ \u00a0])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{YEAR})(?![./-]\d)",
       _Y, ("-", ".", "/")),
    _r("dmy", rf"(?:(?P<wd>{_WEEKDAY_ANY}),?{SP})?(?:the{SP})?(?<![\d.,])(?P<d>{DAY})(?:{SP}of)?{SP}"
              rf"(?P<m>{MONTH}),?{SP}(?P<y>{YEAR})", _Y, _MONTH_HINTS),
    _r("dmy", rf"(?<![\d.,])(?P<d>{DAY}){SP}(?:de{SP})?(?P<m>{_FOREIGN_MONTH})(?![^\W\d_]),?{SP}(?:de{SP})?"
              rf"(?P<y>{YEAR})", _Y, tuple(sorted({m[:4] for m in FOREIGN_MONTHS})), _I),
    # "04-Nov-2025", "4-November-2025": a day, month and year joined by hyphens (page headers).
    _r("dmy", rf"(?<![\w.,-])(?P<d>{DAY})-(?P<m>{MONTH})-(?P<y>{YEAR})", _Y, _MONTH_HINTS),
    _r("mdy", rf"(?:(?P<wd>{_WEEKDAY_ANY}),?{SP})?(?P<m>{MONTH}){SP}(?P<d>{DAY}),?{SP}(?P<y>{YEAR})", _Y, _MONTH_HINTS),
    _r("dm", rf"(?:(?P<wd>{_WEEKDAY_ANY}),?{SP})?(?:the{SP})?(?<![\d.,:/-])(?P<d>{DAY})(?:{SP}of)?{SP}(?P<m>{MONTH})", _M),
    _r("md", rf"(?:(?P<wd>{_WEEKDAY_ANY}),?{SP})?(?P<m>{MONTH}){SP}(?P<d>{DAY})(?![:.,]\d)(?!{_OSP}(?:%|per))", _M),
    _r("my", rf"(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)(?:-|{SP}))?(?P<m>{MONTH}),?{SP}(?:of{SP})?(?P<y>{YEAR})", _Y,
       _MONTH_HINTS),
    # "15-20 December", "3 to 7 March 2026", "June 10-14": days of one month.
    _r("day_range", rf"(?<![\d.,:/-])(?P<d>{DAY})(?:{_OSP}[-\u2013\u2014]{_OSP}|{SP}(?:to|until|through|and){SP})"
                    rf"(?P<d2>{DAY}){SP}(?P<m>{MONTH})(?:,?{SP}(?P<y>{YEAR}))?", _M, _MONTH_HINTS),
    _r("day_range", rf"(?P<m>{MONTH}){SP}(?P<d>{DAY})(?:{_OSP}[-\u2013\u2014]{_OSP}|{SP}(?:to|until|through){SP})"
                    rf"(?P<d2>{DAY})(?![:.,]\d)(?:,?{SP}(?P<y>{YEAR}))?", _M, _MONTH_HINTS),
    _r("month_range", rf"(?P<lead>[Bb]etween|[Ff]rom){SP}(?P<m>{MONTH})(?:,?{SP}(?P<y1>{YEAR}))?{SP}"
                      rf"(?:and|to|until|through){SP}(?P<m2>{MONTH})(?:,?{SP}(?P<y>{YEAR}))?", _M, ("between", "from")),
    # "March last year", "in June of next year", "October that year": a month of a relative year.
    _r("month_rel_year", rf"(?P<m>{MONTH}){SP}(?:of{SP})?{_REL_YEAR}", _M, _MONTH_HINTS),
    _r("month", rf"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his){SP})?(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)(?:-|{SP}))?"
                rf"(?P<m>{MONTH})(?:{SP}(?P<part>morning|afternoon|evening|night))?", _M),
    _r("weekday", rf"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his){SP})?(?P<wd>{WEEKDAY})"
                  rf"(?:{SP}(?P<part>morning|afternoon|evening|night))?", "weekday"),
    _r("quarter", rf"(?<![\w-])Q(?P<q>[1-4])(?:(?:{SP}|/|-|{SP}of{SP})(?:(?P<y>{YEAR})|{_REL_YEAR}))?(?![\w-])",
       f"{_N} {_Y}", ("q",)),
    _r("quarter", rf"(?<![\w-])(?P<q>[1-4])Q(?:{SP}|/|-)?(?P<y>{YEAR})", _Y, ("q",)),
    _r("quarter", rf"(?:the{SP})?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter"
                  rf"(?:,?{SP}(?:of{SP})?(?:(?:the{SP})?(?:FY|fiscal{SP}year|financial{SP}year){_OSP}"
                  rf"(?P<fy>{YEAR})[-–/](?P<fy2>\d\d)(?![\d%])|(?P<y>{YEAR})|{_REL_YEAR}|the{SP}year))?", f"{_U} {_Y}",
       ("quarter",), _I),
    _r("half", rf"(?:the{SP})?(?P<ord>first|second|1st|2nd|latter)[ -](?:half|semester){SP}of{SP}"
               rf"(?:(?P<y>{YEAR})|{_REL_YEAR}|the{SP}year)", f"{_U} {_Y}", ("half", "semester"), _I),
    _r("half", rf"(?<![\w-])(?:H(?P<h>[12])|(?P<h2>[12])H)(?:{SP}|/|-)?(?P<y>{YEAR})", _Y, ("h1", "h2", "1h", "2h")),
    _r("fiscal", rf"(?:\b(?:fiscal|financial){SP}(?:year{SP})?|\bFY{_OSP}['’]?)(?P<y>{YEAR}|\d\d(?![\d%]))"
                 rf"(?:[-–/](?P<y2>\d\d)(?![\d%]))?",
       f"{_N} {_Y}", ("fy", "fiscal", "financial"), _I),
    # "the 2027–28 financial year": the split year before its noun
    _r("fiscal", rf"{_NB}(?P<y>{YEAR})[-–/](?P<y2>\d\d)(?![\d%]){SP}(?:fiscal|financial|budget){SP}year",
       _Y, ("fiscal", "financial", "budget"), _I),
    _r("decade", rf"(?:the{SP})?(?:(?P<mod>early|mid|late)[- ]{_OSP})?(?:(?P<dec>(?:19|20)\d0)['’]?s"
                 rf"|['’](?P<dec2>\d0)s)(?![a-z])", f"{_N} {_Y}", ("0s", "0's", "0’s"), _I),
    _r("decade", rf"(?:the{SP})?decade{SP}of{SP}(?:the{SP})?(?P<dec>(?:19|20)\d0)(?:['’]?s)?(?![\w%])(?P<mod>(?!))?",
       _Y, ("decade",), _I),
    _r("year_range", rf"{_NB}(?P<y>{YEAR})(?:{_OSP}[-–—/~]{_OSP}|{SP}to{SP})(?P<y2>(?:19|20)\d\d|\d\d)"
                     rf"(?![\d%\w])(?![./-]\d)", _Y, ("-", "–", "—", "/", "~", " to ")),
    _r("year_range", rf"(?P<lead>[Bb]etween|[Ff]rom){SP}(?P<y>{YEAR}){SP}(?:and|to|until|through){SP}(?P<y2>{YEAR})",
       _Y, ("between", "from")),
    _r("year_mod", rf"(?<![\w-])(?P<mod>[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd)(?:-|{SP})(?P<y>{YEAR})", _Y,
       ("early", "mid", "late", "end")),
    _r("year_edge", rf"(?:the{SP})?(?P<edge>end|start|beginning|middle|close)(?:{SP}of){SP}"
                    rf"(?:(?P<y>{YEAR})|{_REL_YEAR}|the{SP}year)", f"{_U} {_Y}", ("end of", "start of", "beginning of", "middle of", "close of"), _I),
    # "by the end of the month", "the start of next month": the month itself, read like "this month".
    _r("month_edge", rf"(?:the{SP})?(?:end|start|beginning|middle|close){SP}of{SP}(?P<rel>the|this|next|last)"
                     rf"{SP}month(?![\w-])", _U, ("end of", "start of", "beginning of", "middle of", "close of"), _I),
    _r("relative", rf"\b(?:(?P<mod>earlier|later|early|late|mid)(?:-|{SP}))?(?P<rel>last|next|this|the{SP}current)"
                   rf"{SP}(?:(?P<fiscal>fiscal|financial|calendar){SP})?(?P<unit>year|month|week|quarter)\b", _U,
       ("last", "next", "this", "current"), _I),
    _r("season", rf"(?:\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]he){SP})?\b(?P<s>spring|summer|autumn|fall|winter)\b"
                 rf"(?:{SP}(?:of{SP})?(?P<y>{YEAR}))?", f"season {_Y}", ("spring", "summer", "autumn", "fall", "winter")),
    _r("ago", rf"\b(?P<n>\d{{1,2}}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
              rf"{SP}(?P<unit>year|month|week|day)s?{SP}ago\b", "ago", (), _I),
    _r("deictic", r"\b(?P<w>today|yesterday|tomorrow|tonight)\b", "deictic", (), _I),
    _r("anchored", rf"\b(?:(?P<mod>earlier|later){SP})?(?:that|the{SP}same){SP}(?:same{SP})?(?P<unit>year|month)\b"
                   rf"|\bthe{SP}(?P<step>following|previous){SP}(?P<unit2>year|month)\b"
                   rf"|\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}}){SP}"
                   rf"(?P<unit3>year|decade|month)s?{SP}(?P<dir>later|earlier)\b(?!{SP}than)", _U,
       ("that", "same", "following", "previous", "later", "earlier"), _I),
    _r("clock", rf"(?<![\d:.])(?P<h>1[0-2]|0?[1-9])[:.](?P<mi>[0-5]\d){_OSP}(?P<ampm>[ap])\.?m\b\.?", _N, ("a.m", "p.m", "am", "pm"), _I),
    _r("clock", rf"(?<![\d:.,])(?P<h>[01]\d|2[0-3]):?(?P<mi>[0-5]\d){_OSP}(?P<zone>GMT|UTC|Z)\b", f"{_N} num4",
       ("gmt", "utc", "z")),
    # "at about 23:10 on Tuesday": a 24-hour time told with its day.
    _r("clock_day", rf"(?<![\d:.,])(?P<h>[01]\d|2[0-3])[:.](?P<mi>[0-5]\d){SP}on{SP}(?P<wd>{WEEKDAY})",
       f"{_N} num4", (" on ",), _I),
    _r("year", rf"{_NB}(?P<y>{YEAR})(?![\w%])(?![.,]\d)(?![-/]\d)", _Y),
]

# Words that trigger rules, by family (digits are classified by length in `dateforms`).
TRIGGER_WORDS: dict[str, str] = {
    **{m: _M for m in MONTHS}, **{a: _M for a in MONTH_ABBR}, **{w: "weekday" for w in WEEKDAYS},
    **{u: _U for u in ("year", "years", "month", "months", "week", "weeks", "quarter", "half", "decade",
                       "decades", "semester")},
    **{s: "season" for s in SEASONS}, "ago": "ago",
    **{d: "deictic" for d in ("today", "yesterday", "tomorrow", "tonight")},
}
TOKEN = re.compile(r"\d+|[A-Za-z]+")

# A date core may take the preposition in front of it into its text ("by 2028", "on Tuesday").
PREPOSITION = re.compile(r"(?:^|(?<=[\s(\"“‘'—–]))(?P<p>on|in|by|for|from|since|before|after|until|till|through|during|at)"
                 rf"{SP}$", _I)
# The word before a bare month name must make it a date ("in May"), not a verb or a name ("May I").
MONTH_LEAD = re.compile(r"(?:^|\s)(?:in|since|by|until|till|from|before|after|during|through|to|of|between|and|or|for|"
                r"early|late|mid|last|next|this|each|every|until)[ \t\u00a0]+$", _I)
# Count nouns: a four-digit number before one of these is a quantity, not a year.
QUANTITY_NOUN = re.compile(
    r"[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+)?(?:troops|soldiers|people|men|women|personnel|staff|employees|workers|jobs|"
    r"km|kilomet(?:re|er)s|miles|metres|meters|feet|ft|kg|kilograms|tonnes|tons|units|vehicles|tanks|"
    r"aircraft|jets|planes|drones|missiles|rockets|rounds|shells|engines|warheads|launchers|ships|"
    r"hours|minutes|times|euros|dollars|pounds|yen|rubles|roubles|yuan|rupees|won|barrels|"
    r"cases|deaths|casualties|refugees|residents|students|members|sorties|flights|copies|pieces)\b"
)
# A capitalised word right before a year usually names a thing ("Vision 2030", "Type 2025").
NAME_BEFORE = re.compile(r"(?:^|[^\w])(?P<w>[A-Z][\w'’-]*)[ \t\u00a0]+$")
NAME_OK = frozenset(
    {"In", "By", "Since", "From", "Until", "Before", "After", "During", "Through", "For", "Of", "And",
     "Or", "To", "At", "On", "Between", "The", "FY", "Fiscal", "Early", "Late", "Mid", "End", "Q1",
     "Q2", "Q3", "Q4", "H1", "H2"}
)
