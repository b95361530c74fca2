"""Date references normalised at their precision, each with the event it dates and its mention spans."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bot.core.local import datecontext as ctxmod
from bot.core.local.analysis import Analysis
from bot.core.local.boilerplate import DATELINE_PREFIX, story_start
from bot.core.local.dateevents import event_phrase
from bot.core.local.dateforms import RawDate, scan
from bot.core.local.datelines import Dateline, find_dateline, find_published
from bot.core.local.dateranges import joined_ranges
from bot.core.local.dateresolve import Context, Resolved, resolve
from bot.core.local.parsing import covers
from bot.core.local.sentence_spans import sentence_at, sentence_spans
from bot.core.models import DatedEvent, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_dates", "find_published"]

PUBLICATION = "publication date"
MAX_MENTIONS = 2000  # a briefing never needs more; keeps adversarial input (a wall of dates) cheap
_CALENDAR = frozenset({"date", "yearless"})  # written with or without a year, the same calendar date
_TEXT_KEYED = frozenset({"relative", "season", "anchored", "ago", "deictic", "edge"})
_DEPENDENT = frozenset({"anchored", "clock"})
_COUNTED = re.compile(r"\b(?:later|earlier)$", re.IGNORECASE)
_CLOCK_REACH = 40  # how far after a dateline's date its own clock time may stand
_CONTEXT = 400  # characters either side of a date that its tense and event are read from


@dataclass(slots=True)
class _Mention:
    raw: RawDate
    sentence: tuple[int, int]
    found: Resolved


def find_dates(analysis: Analysis) -> list[DatedEvent]:
    """Explicit and relative date references, resolved against `analysis.published`."""
    text = analysis.text
    if not text.strip():
        return []
    sentences = sentence_spans(text)
    dateline = find_dateline(text)
    raws = _keep(scan(text)[:MAX_MENTIONS], text, sentences, dateline)
    mentions = _resolve_all(raws, text, sentences, analysis.published, analysis.doc)
    return _merge(joined_ranges(mentions, text), analysis, dateline)


def _sentence(sentences: list[tuple[int, int]], raw: RawDate, text: str) -> tuple[int, int]:
    """The sentence holding a date, without a dateline that opens it ("TOKYO - ..."), and never more
    than _CONTEXT characters either side of the date (text without sentence ends stays cheap)."""
    start, end = sentence_at(sentences, raw.core_start) or (raw.start, raw.end)
    if start < raw.start:
        start = min(story_start(text, start, end), raw.start)
    if raw.start - start > _CONTEXT:
        start = text.find(" ", raw.start - _CONTEXT, raw.start) + 1 or raw.start
    if end - raw.end > _CONTEXT:
        end = text.rfind(" ", raw.end, raw.end + _CONTEXT)
        end = end if end > raw.end else raw.end
    return start, end


_RELATIVE_KINDS = frozenset({"deictic", "relative", "weekday", "ago", "season"})
# An open condition in the date's own clause: "if", "unless", "should it", "in case".
_CONDITION = re.compile(r"\b(?:if|unless|in case|even if|whether)\b", re.IGNORECASE)
_CLAUSE_EDGE = re.compile(r"[,;:\u2014]")


def _hypothetical(text: str, sentence_start: int, at: int) -> bool:
    """True when the clause holding `at` opens with a condition ("If it opens tomorrow")."""
    edges = [m.end() for m in _CLAUSE_EDGE.finditer(text, sentence_start, at)]
    clause_start = edges[-1] if edges else sentence_start
    return _CONDITION.search(text, clause_start, at) is not None


def _keep(raws: list[RawDate], text: str, sentences: list[tuple[int, int]], dateline: Dateline | None) -> list[RawDate]:
    """Drop what is not a dated event: corrected wrong dates, calendar rules, the dateline's clock time."""
    kept: list[RawDate] = []
    shifted_weeks: set[tuple[int, int]] = set()
    for raw in raws:
        s = _sentence(sentences, raw, text)
        fix = ctxmod.CORRECTION.search(text, s[0], s[1])
        if fix and raw.start >= fix.start():
            continue
        if raw.kind in ("yearless", "month_range") and ctxmod.CALENDAR_RULE.search(text, s[0], s[1]):
            continue
        if raw.kind in _RELATIVE_KINDS and _hypothetical(text, s[0], raw.start):
            continue  # "If it opens tomorrow, we are ready": no day anything happens
        if dateline and _restates_dateline(raw, text, dateline):
            continue
        if raw.kind == "weekday" and raw.step is None:
            _, span = ctxmod.week_shift(text, s, (raw.start, raw.end))
            if span:
                shifted_weeks.add(span)
        kept.append(raw)
    # "next week ... on Tuesday": the weekday carries the week, so the week is not a date of its own.
    return [r for r in kept if not (r.kind == "relative" and (r.core_start, r.end) in shifted_weeks)]


def _restates_dateline(raw: RawDate, text: str, dateline: Dateline) -> bool:
    """The dateline's clock time, or the day a wire dateline repeats ("SEOUL, Oct 2 (Agency) -")."""
    if raw.kind == "clock":
        # "SEOUL, Oct 2, 09:15 (Agency) -" or a header line; in a dateline's paragraph, a time well
        # after the date ("lifted off at 11:42 UTC") dates an event of the story
        near = raw.start - dateline.end <= _CLOCK_REACH or dateline.line_end - dateline.line_start <= 120
        return dateline.line_start <= raw.start < dateline.line_end and near
    if raw.kind != "yearless" or (raw.month, raw.day) != (dateline.day.month, dateline.day.day):
        return False
    line_start = text.rfind("\n", 0, raw.start) + 1
    prefix = DATELINE_PREFIX.match(text, line_start)
    return prefix is not None and raw.end <= prefix.end() and raw.start < dateline.start + 2000


def _resolve_all(
    raws: list[RawDate], text: str, sentences: list[tuple[int, int]], published: date | None, doc: Doc | None
) -> list[_Mention]:
    """Read every date: first those that stand alone, then those that lean on an earlier date."""
    out: list[_Mention | None] = [None] * len(raws)
    parsed = doc if covers(doc, text) else None
    month_years = _month_years(raws) if published is None else {}
    for i, raw in enumerate(raws):
        if _dependent(raw):
            continue
        s = _sentence(sentences, raw, text)
        tense = ctxmod.tense(text, s, (raw.start, raw.end), parsed)
        if raw.prep == "for" and tense == "past":
            tense = ""  # "a window has been notified for 15-20 December": booked ahead, not past
        ctx = Context(published, tense=tense)
        if raw.kind == "weekday" and raw.step is None:
            ctx.week_shift = ctxmod.week_shift(text, s, (raw.start, raw.end))[0]
        if raw.kind in ("yearless", "month_range"):
            ctx.same_month_year = month_years.get(raw.month or 0)
        out[i] = _mention(raw, s, ctx)
    anchor: Resolved | None = None
    anchor_at = 0
    last_day: date | None = None
    first_day_in = {m.sentence: m.found.day for m in reversed(out) if m and m.found.day}
    for i, raw in enumerate(raws):
        done = out[i]
        if not _dependent(raw):
            if done and not done.found.relative and done.found.value and raw.kind != "clock":
                anchor, anchor_at = done.found, raw.end  # the nearest earlier date with its own year
            last_day = done.found.day if done and done.found.day else last_day
            continue
        s = _sentence(sentences, raw, text)
        day = first_day_in.get(s, last_day)  # a clock time's day: named in its sentence, else just before
        near = anchor if _reaches(text, raw, anchor_at) else None
        out[i] = _mention(raw, s, Context(published, anchor=near, anchor_year=_year(near), day_anchor=day))
    return [m for m in out if m is not None]


def _reaches(text: str, raw: RawDate, anchor_at: int) -> bool:
    """A count from an anchor ("ten years later") counts from a date in its own paragraph; in a later
    paragraph it is a figure of speech ("Then, ten years later, everyone pays again")."""
    if not _COUNTED.search(text, raw.core_start, raw.end):
        return True
    return text.find("\n", anchor_at, raw.start) < 0


def _mention(raw: RawDate, sentence: tuple[int, int], ctx: Context) -> _Mention | None:
    found = resolve(raw, ctx)
    return _Mention(raw, sentence, found) if found is not None else None


def _dependent(raw: RawDate) -> bool:
    """Read after the others: it takes its day or year from a date written before it."""
    return raw.kind in _DEPENDENT or raw.unit == "anchor-year"


def _month_years(raws: list[RawDate]) -> dict[int, int]:
    """Per month, the one year its written dates agree on (full dates first): "February 6" after
    "February 5, 2026" in an article with no publication date."""
    out: dict[int, int] = {}
    for month in {r.month for r in raws if r.kind == "date" and r.year and r.month}:
        same = [r for r in raws if r.kind == "date" and r.year and r.month == month]
        for group in ([r for r in same if r.day], same):
            years = {r.year for r in group if r.year}
            if len(years) == 1:
                out[month] = years.pop()
                break
    return out


def _year(found: Resolved | None) -> int | None:
    head = found.value[:4] if found and found.value else ""
    return int(head) if head.isdigit() else None


def _family(m: _Mention, text: str) -> tuple[str, ...]:
    kind = "calendar" if m.raw.kind in _CALENDAR else m.raw.kind
    key = text[m.raw.core_start : m.raw.end].lower() if m.raw.kind in _TEXT_KEYED else ""
    return (kind, m.found.value or "", key)


def _merge(mentions: list[_Mention], analysis: Analysis, dateline: Dateline | None) -> list[DatedEvent]:
    """One DatedEvent per date: repeated mentions merged, the dateline marked as the publication date."""
    text = analysis.text
    parsed = analysis.doc if covers(analysis.doc, text) else None
    groups: dict[tuple[str, ...], list[_Mention]] = {}
    for m in mentions:
        groups.setdefault(_family(m, text), []).append(m)
    events: list[tuple[int, DatedEvent]] = []
    spans = sorted((m.raw.start, m.raw.end) for m in mentions)
    for group in groups.values():
        part = _same_text(group, text)
        sentence = part[0].sentence
        near = spans[bisect_left(spans, (sentence[0], 0)) : bisect_left(spans, (sentence[1], 0))]
        events.append((part[0].raw.start, _event(part, text, parsed, dateline, near)))
    events.sort(key=lambda e: e[0])
    return [e for _, e in events]


def _same_text(group: list[_Mention], text: str) -> list[_Mention]:
    """The mentions of one date that share a written form: all of them when written alike, else those
    holding the shortest form. A restatement in another form ("11 Nov 2024" under "11 November 2024")
    adds nothing to the timeline and would not ground against the event's text, so it is left out."""
    written = {text[m.raw.start : m.raw.end].lower() for m in group}
    if len(written) == 1:
        return group
    first = group[0]
    core = min((text[m.raw.core_start : m.raw.end] for m in group), key=len).lower()
    inside = [m for m in group if core in text[m.raw.start : m.raw.end].lower()]
    return inside if first in inside else [first]


def _event(
    group: list[_Mention], text: str, doc: Doc | None, dateline: Dateline | None, dates: list[tuple[int, int]]
) -> DatedEvent:
    """The DatedEvent for one date's mentions; `dates` are the date spans near it, kept out of its event."""
    spans = _spans(group, text)
    first = group[0]
    label = text[spans[0].start : spans[0].end]
    on_dateline = dateline is not None and any(s.start < dateline.end and dateline.start < s.end for s in spans)
    event = PUBLICATION if on_dateline else event_phrase(
        text, doc, first.sentence, (first.raw.start, first.raw.end), dates
    )
    return DatedEvent(
        text=label,
        value=first.found.value,
        precision=first.found.precision,
        relative=first.found.relative,
        event=event,
        mentions=spans,
    )


def _spans(group: list[_Mention], text: str) -> list[Span]:
    """Each mention's span of the group's shared text (the whole mention when all are written alike)."""
    written = {text[m.raw.start : m.raw.end].lower() for m in group}
    if len(written) == 1:
        return [Span(start=m.raw.start, end=m.raw.end) for m in group]
    core = min((text[m.raw.core_start : m.raw.end] for m in group), key=len).lower()
    out = []
    for m in group:
        at = text[m.raw.start : m.raw.end].lower().find(core) + m.raw.start
        out.append(Span(start=at, end=at + len(core)))
    return out
