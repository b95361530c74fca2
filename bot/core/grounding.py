"""Grounding: make every briefing, from any engine, agree with the article text it claims to cite.

`ground(briefing, text)` is pure and idempotent. Verbatim quotes end up exact substrings of the text
(offsets fixed, or realigned to a near match and replaced by the article's own wording) or are demoted
to reported speech in the view's summary. Actors, systems and dates keep only mention spans that
really name them, are repaired by a whole-word search, or are dropped. Provenance counts what changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from bot.core.models import Actor, Briefing, DatedEvent, ExpertView, KeyPoint, Quote, Span, System
from bot.core.textmatch import (
    ELLIPSIS_RE,
    QUOTE_CHARS,
    NormalisedText,
    find_terms,
    locate,
    normalise,
    normalised,
    same_term,
    strip_edges,
)

_MIN_FRAGMENT_CHARS = 8
_PARTIAL_STOPWORDS = frozenset({"the", "of", "and", "for", "de", "al", "el", "van", "von", "mr", "ms"})
DEMOTED_PREFIX = "Paraphrased:"
_Named = TypeVar("_Named", Actor, System)


@dataclass(slots=True)
class _Counts:
    demoted: int = 0
    dropped: int = 0


class _Grounder:
    """One grounding pass over one article; builds the normalised index only if it is needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.counts = _Counts()
        self._normed: NormalisedText | None = None

    @property
    def normed(self) -> NormalisedText:
        if self._normed is None:
            self._normed = normalised(self.text)
        return self._normed

    # --- quotes ---------------------------------------------------------------------------------
    def view(self, view: ExpertView) -> ExpertView | None:
        quotes: list[Quote] = []
        demoted: list[str] = []
        for quote in view.quotes:
            kept, lost = self.quote(quote)
            quotes.extend(q for q in kept if q not in quotes)
            demoted.extend(lost)
        summary = _with_reported_speech(view.summary, demoted)
        if not summary.strip() and not quotes:
            self.counts.dropped += 1
            return None
        if quotes == view.quotes and summary == view.summary:
            return view
        return view.model_copy(update={"quotes": quotes, "summary": summary})

    def quote(self, quote: Quote) -> tuple[list[Quote], list[str]]:
        """Verified quotes made from `quote`, and the text of anything demoted."""
        if not quote.verbatim:
            return [self._clamped(quote)], []
        if quote.text and self._exact_at(quote.text, quote.start, quote.end):
            return [quote], []
        body = strip_edges(quote.text)
        if not re.search(r"\w", body):
            self.counts.demoted += 1
            return [], []
        fragments = [f for f in ELLIPSIS_RE.split(body) if len(f.strip()) >= _MIN_FRAGMENT_CHARS]
        if len(fragments) <= 1:
            found = self._realign(body, quote.start)
            if found is not None:
                return [found], []
            self.counts.demoted += 1
            return [], [body]
        kept: list[Quote] = []
        lost: list[str] = []
        for fragment in fragments:
            found = self._realign(fragment.strip(), quote.start)
            if found is None:
                self.counts.demoted += 1
                lost.append(fragment.strip())
            else:
                kept.append(found)
        return kept, lost

    def _realign(self, body: str, near: int) -> Quote | None:
        hit = locate(self.text, body, near, self.normed)
        if hit is None:
            return None
        start, end = hit
        return Quote(text=self.text[start:end], start=start, end=end, verbatim=True)

    def _exact_at(self, needle: str, start: int, end: int) -> bool:
        return 0 <= start < end <= len(self.text) and self.text[start:end] == needle

    def _clamped(self, quote: Quote) -> Quote:
        start = min(quote.start, len(self.text))
        end = min(max(quote.end, start), len(self.text))
        if (start, end) == (quote.start, quote.end):
            return quote
        return quote.model_copy(update={"start": start, "end": end})

    # --- mentions -------------------------------------------------------------------------------
    def mentions(self, names: list[str], spans: list[Span], partial: bool, fallback: list[str]) -> list[Span]:
        """Valid mention spans for an item called `names`; repaired by search when any were bad."""
        naming = [s for s in spans if self._names_span(s, names, partial)]
        # A definite description ("the minister") is a real mention of an item that is also named.
        described = [s for s in spans if partial and naming and self._describes(s)]
        valid = naming + [s for s in described if s not in naming]
        if valid and len(valid) == len(spans):
            return spans
        found = find_terms(self.text, names) or (find_terms(self.text, fallback) if not valid else [])
        merged = {(s.start, s.end) for s in valid} | set(found)
        return [Span(start=a, end=b) for a, b in sorted(merged)]

    def _describes(self, span: Span) -> bool:
        if not 0 <= span.start < span.end <= len(self.text):
            return False
        return _DESCRIPTION_RE.fullmatch(self.text[span.start : span.end]) is not None

    def _names_span(self, span: Span, names: list[str], partial: bool) -> bool:
        if not 0 <= span.start < span.end <= len(self.text):
            return False
        written = self.text[span.start : span.end]
        if any(same_term(written, name) for name in names):
            return True
        return partial and any(_is_name_part(written, name) for name in names)

    def evidence(self, point: KeyPoint) -> KeyPoint:
        kept = [s for s in point.evidence if 0 <= s.start < s.end <= len(self.text)]
        return point if len(kept) == len(point.evidence) else point.model_copy(update={"evidence": kept})


_DESCRIPTION_RE = re.compile(r"(?i:the|this|that)\s+[^\W\d][\w\-\u2019']*(?:[ ][\w\-\u2019']+){0,4}")


def _is_name_part(written: str, name: str) -> bool:
    """True when `written` is a run of whole words of a longer name ("Putin" in "Vladimir Putin")."""
    part = normalise(written).split()
    whole = normalise(name).split()
    if not part or len(part) >= len(whole) or len(" ".join(part)) < 3:
        return False
    if all(word in _PARTIAL_STOPWORDS for word in part):
        return False
    return any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _with_reported_speech(summary: str, demoted: list[str]) -> str:
    """The summary plus each demoted quote as reported speech: no quotation marks, clearly labelled."""
    parts = [summary.strip()] if summary.strip() else []
    for text in demoted:
        plain = re.sub(r"\s+", " ", text.replace('"', "").replace("\u201c", "").replace("\u201d", ""))
        plain = plain.strip(QUOTE_CHARS + " ")
        if not plain:
            continue
        sentence = f"{DEMOTED_PREFIX} {plain.rstrip('.')}."
        if normalise(plain) not in normalise(" ".join(parts)):
            parts.append(sentence)
    return " ".join(parts)


def _surname(actor: Actor) -> list[str]:
    words = actor.name.split()
    return [words[-1]] if actor.kind == "person" and len(words) > 1 and len(words[-1]) >= 3 else []


def _ground_named(g: _Grounder, items: list[_Named]) -> list[_Named]:
    kept: list[_Named] = []
    for item in items:
        fallback = _surname(item) if isinstance(item, Actor) else []
        spans = g.mentions([item.name, *item.aliases], item.mentions, True, fallback)
        if not spans:
            g.counts.dropped += 1
            continue
        kept.append(item if spans == item.mentions else item.model_copy(update={"mentions": spans}))
    return kept


def _ground_dates(g: _Grounder, dates: list[DatedEvent]) -> list[DatedEvent]:
    kept = []
    for item in dates:
        spans = g.mentions([item.text], item.mentions, False, [])
        if not spans:
            g.counts.dropped += 1
            continue
        kept.append(item if spans == item.mentions else item.model_copy(update={"mentions": spans}))
    return kept


def ground(briefing: Briefing, text: str) -> Briefing:
    """A copy of `briefing` whose quotes and mentions are all verified against `text`."""
    g = _Grounder(text)
    views = [v for v in (g.view(view) for view in briefing.expert_views) if v is not None]
    actors = _ground_named(g, briefing.actors)
    systems = _ground_named(g, briefing.systems)
    dates = _ground_dates(g, briefing.dates)
    key_points = [g.evidence(p) for p in briefing.key_points]
    prov = briefing.provenance
    provenance = prov.model_copy(
        update={
            "quotes_demoted": prov.quotes_demoted + g.counts.demoted,
            "items_dropped": prov.items_dropped + g.counts.dropped,
        }
    )
    return briefing.model_copy(
        update={
            "expert_views": views,
            "actors": actors,
            "systems": systems,
            "dates": dates,
            "key_points": key_points,
            "provenance": provenance,
        }
    )
