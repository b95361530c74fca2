"""Two written dates joined into one span: "between 29 September and 10 October", "Oct. 13 to Oct. 31",
"December 2025 – January 2026".

The grammar reads each end on its own; this pass joins a pair when only a range word stands between
them, both ends resolved at the same precision, and the first comes before the second.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol, TypeVar

from bot.core.local.dateforms import RawDate
from bot.core.local.dateresolve import Resolved

# What may stand between the two ends; "and" only after "between".
_JOINER = re.compile(r"[ \t\u00a0]*(?:[-\u2013\u2014~][ \t\u00a0]*|(?:to|until|till|through|and)[ \t\u00a0]+)")
_BETWEEN = re.compile(r"\bbetween[ \t\u00a0]+$", re.IGNORECASE)
_JOINABLE = frozenset({"date", "yearless"})
_PRECISIONS = frozenset({"day", "month"})


class DateMention(Protocol):
    """A date read on its own: what was written and what it resolved to."""

    raw: RawDate
    found: Resolved


M = TypeVar("M", bound=DateMention)


def joined_ranges(mentions: list[M], text: str) -> list[M]:
    """`mentions` (in text order) with each joinable pair replaced by one ranged mention."""
    out: list[M] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None and _joins(a, b, text):
            out.append(_span(a, b))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _joins(a: DateMention, b: DateMention, text: str) -> bool:
    if a.raw.kind not in _JOINABLE or b.raw.kind not in _JOINABLE:
        return False
    first, second = a.found, b.found
    if first.value is None or second.value is None or first.precision != second.precision:
        return False
    if first.precision not in _PRECISIONS or not first.value < second.value:
        return False
    joiner = _JOINER.fullmatch(text, a.raw.end, b.raw.start)
    if joiner is None:
        return False
    if joiner.group().strip() == "and":
        return a.raw.prep == "between" or _BETWEEN.search(text, max(0, a.raw.start - 10), a.raw.start) is not None
    return True


def _span(a: M, b: M) -> M:
    raw = replace(a.raw, end=b.raw.end, kind="span")
    found = Resolved(f"{a.found.value}/{b.found.value}", "range", a.found.relative or b.found.relative)
    return replace(a, raw=raw, found=found)  # type: ignore[type-var]  # a dataclass, as dates.py makes
