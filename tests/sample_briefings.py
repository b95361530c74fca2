"""Briefings built directly from the models, with spans into real text, for the renderer tests.

Usage (tests/ is on sys.path under pytest's default import mode): `from sample_briefings import ...`.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path

from bot.core.models import (
    Actor,
    Briefing,
    DatedEvent,
    ExpertView,
    KeyPoint,
    Provenance,
    Quote,
    Source,
    Span,
    System,
)

LONG_ARTICLE = Path("/work/shared/eval/articles/feature-europe-air-defence-scramble.txt")
PINGS = ("@everyone", "@here", "<@", "<#", "<@&", "<@!", "<t:", "</")


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def spans_of(text: str, pattern: str) -> list[tuple[str, Span]]:
    """Every distinct match of `pattern` with the span of its first occurrence."""
    seen: dict[str, Span] = {}
    for m in re.finditer(pattern, text):
        seen.setdefault(m.group(0), Span(start=m.start(), end=m.end()))
    return list(seen.items())


def quotes_in(text: str) -> list[Quote]:
    """Every curly-quoted passage, as a verbatim quote with its exact span."""
    return [
        Quote(text=m.group(1), start=m.start(1), end=m.end(1), verbatim=True)
        for m in re.finditer("\u201c([^\u201d]+)\u201d", text)
    ]


def long_briefing() -> tuple[Briefing, str]:
    """The longest dev-set article with far more actors, systems, dates and quotes than fit a card."""
    text = LONG_ARTICLE.read_text(encoding="utf-8")
    names = spans_of(text, r"\b[A-Z][a-z\u00c0-\u017e]+(?: [A-Z][a-z\u00c0-\u017e]+)+")
    acronyms = spans_of(text, r"\b[A-Z][A-Za-z]*-[A-Z0-9][\w-]*|\b[A-Z]{2,}[A-Z0-9-]*\b")
    years = spans_of(text, r"\b(?:19|20)\d\d\b")
    quotes = quotes_in(text)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 120]
    assert len(names) > 40 and len(acronyms) > 25 and len(quotes) > 10 and len(years) > 5
    actors = [
        Actor(name=n, kind="organization", role=f"party named in paragraph {i}", mentions=[s])
        for i, (n, s) in enumerate(names)
    ]
    systems = [System(name=n, category="air defence system", mentions=[s]) for n, s in acronyms]
    # Newest first on purpose: the renderers must put them in order.
    dates = [
        DatedEvent(text=y, value=y, precision="year", event=f"event in {y}", mentions=[s])
        for y, s in sorted(years, reverse=True)
    ]
    dates += [
        DatedEvent(text=w, value=None, event="a date the article leaves open", mentions=[s])
        for w, s in spans_of(text, r"\b(?:this|last|next) (?:year|month|week|spring|winter)\b")
    ]
    views = [
        ExpertView(
            speaker=names[i % len(names)][0],
            role="analyst at a research institute in a European capital",
            summary=sentences[i % len(sentences)],
            quotes=quotes[i : i + 3],
        )
        for i in range(0, len(quotes), 2)
    ]
    b = Briefing(
        title=text.splitlines()[2],
        bluf=" ".join(sentences[:3]),
        key_points=[KeyPoint(text=s) for s in sentences[3:10]],
        actors=actors,
        systems=systems,
        dates=dates,
        expert_views=views,
        source=_source(text, url="https://news.example.org/features/europe-air-defence?id=7"),
        provenance=Provenance(
            engine="openai",
            model="gpt-4o-mini",
            prompt="brief@3",
            tokens_in=6012,
            tokens_out=1533,
            cost_usd=0.0018,
            quotes_demoted=2,
            truncated=True,
        ),
    )
    return b, text


HOSTILE_WORD = "A" * 5000
HOSTILE = (
    "@everyone @here <@123> <@!456> <@&5> <#789> **bold** __under__ ~~strike~~ `code` ||spoiler|| "
    "[x](http://evil) > quoted # heading -# subtext <t:1700000000:R> </ban:1> \\*escaped\\*"
)


def hostile_briefing() -> tuple[Briefing, str]:
    """Every field carries pings, markdown, a masked link and a 5,000-character word."""
    text = f"{HOSTILE}\n\n{HOSTILE_WORD}\n\n\u201c{HOSTILE} {HOSTILE_WORD}\u201d said @everyone."
    start = text.index("\u201c") + 1
    quote = Quote(text=text[start : text.index("\u201d")], start=start, end=text.index("\u201d"))
    span = Span(start=0, end=len(HOSTILE))
    hostile = f"{HOSTILE} {HOSTILE_WORD}"
    b = Briefing(
        title=hostile,
        bluf=hostile,
        key_points=[KeyPoint(text=hostile, evidence=[span]) for _ in range(6)],
        actors=[
            Actor(name=hostile, kind="person", role=hostile, affiliation=HOSTILE, mentions=[span])
            for _ in range(30)
        ],
        systems=[System(name=hostile, category=hostile, mentions=[span]) for _ in range(30)],
        dates=[
            DatedEvent(text=hostile, value=v, event=hostile, mentions=[span])
            for v in ("2025-01", None, "@everyone", "2024")
        ],
        expert_views=[
            ExpertView(speaker=hostile, role=hostile, summary=hostile, quotes=[quote] * 3)
            for _ in range(30)
        ],
        source=_source(text, url="https://evil.example/@everyone/<@123>", site=hostile),
        provenance=Provenance(
            engine="openai", model=hostile, prompt=hostile, fallback_reason=hostile
        ),
    )
    b.source.author = hostile
    b.source.title = hostile
    return b, text


def empty_briefing() -> Briefing:
    """Nothing but the required fields, all blank."""
    return Briefing(
        title="",
        bluf="",
        source=Source(content_sha256=sha("")),
        provenance=Provenance(engine="local"),
    )


def _source(text: str, *, url: str | None, site: str = "news.example.org") -> Source:
    return Source(
        url=url,
        title="Holes in the shield",
        site=site,
        author="Elise Marchand",
        published="2025-04-22",
        language="en",
        fetched_at=datetime(2025, 4, 23, 9, 30, tzinfo=UTC),
        content_sha256=sha(text),
        extractor="trafilatura",
        chars=len(text),
    )
