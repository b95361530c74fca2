"""Stored briefings for the archive, digest and schedule tests: built from the models, saved in a
real SQLite store, and posted in a guild through the real Archive.

Usage (tests/ is on sys.path under pytest's default import mode): `from archive_samples import ...`.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from bot.core.archive import Archive
from bot.core.models import (
    Actor,
    Briefing,
    DatedEvent,
    ExpertView,
    Provenance,
    Quote,
    Source,
    Span,
    System,
)
from bot.core.store import Store

T0 = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


def make_briefing(
    title: str,
    bluf: str,
    *,
    actors: tuple[str, ...] = (),
    countries: tuple[str, ...] = (),
    systems: tuple[str, ...] = (),
    days: tuple[str, ...] = (),
    quote: str | None = None,
    url: str | None = None,
    salt: str = "",
) -> tuple[Briefing, str]:
    """A briefing whose every name, date and quote is in its article text at the right offsets."""
    text = f"{title}. {bluf} {salt}\n"
    spans: dict[str, Span] = {}
    for item in (*actors, *countries, *systems, *days, *([quote] if quote else [])):
        start = len(text)
        text += f"\u201c{item}\u201d " if item == quote else f"{item} "
        offset = 1 if item == quote else 0
        spans[item] = Span(start=start + offset, end=start + offset + len(item))
    b = Briefing(
        title=title,
        bluf=bluf,
        actors=[Actor(name=a, kind="organization", mentions=[spans[a]]) for a in actors]
        + [Actor(name=c, kind="country", mentions=[spans[c]]) for c in countries],
        systems=[System(name=s, mentions=[spans[s]]) for s in systems],
        dates=[DatedEvent(text=d, value=d, precision="day", mentions=[spans[d]]) for d in days],
        expert_views=[
            ExpertView(
                speaker="Ana Field",
                quotes=[Quote(text=quote, start=spans[quote].start, end=spans[quote].end)],
            )
        ]
        if quote
        else [],
        source=Source(
            url=url, content_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()
        ),
        provenance=Provenance(engine="local"),
    )
    return b, text


class Poster:
    """Saves briefings and records their postings, with message ids counting up per guild."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.archive = Archive(store)
        self.next_message = 1000

    def post(
        self,
        guild_id: int,
        briefing: tuple[Briefing, str],
        *,
        at: datetime = T0,
        channel_id: int = 77,
        url: str | None = None,
    ) -> int:
        """Store the briefing, post it in the guild at `at`; return the briefing id."""
        b, text = briefing
        briefing_id = self.store.save_briefing(b, text, prompt_id="test@1", guild_id=guild_id)
        self.next_message += 1
        self.archive.record_posting(
            guild_id, briefing_id, channel_id, self.next_message, url=url, posted_at=at
        )
        return briefing_id


def hours(n: float) -> timedelta:
    """A shorthand for timelines in tests."""
    return timedelta(hours=n)
