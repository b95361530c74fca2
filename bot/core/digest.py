"""The digest: a guild's briefings since its last digest, grouped into ranked stories.

Ranking: the number of articles first, then recency (half-life one day before the window's end),
then how many distinct names the story carries. A story the previous digest already held
(same key, or most of the same names or title words) is continuing: it lists only what is new,
and is left out when nothing is. The lead is written by a function passed in; the local one is
extractive (the top stories' BLUFs). The openai-written lead plugs in through `lead_writer`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from bot.core.archive import Archive, Posting
from bot.core.models import Briefing
from bot.core.render.text import one_line
from bot.core.schedule import DigestRecord, DueDigest, Schedules, StoryRecord
from bot.core.stories import (
    SAME_TITLE,
    Item,
    central,
    group,
    item_of,
    jaccard,
    name_key,
    ranked_names,
    tokens,
)

FIRST_WINDOW = timedelta(days=1)
LONGEST_WINDOW = timedelta(days=7)
LEAD_STORIES = 3
SAME_NAMES = 0.34
SAME_BLUF = 0.6
EMPTY_LEAD = "Nothing new was briefed since the last digest."
_SLUG = re.compile(r"[^\w]+", re.UNICODE)


@dataclass(frozen=True)
class Story:
    """One event, the briefings that report it, and what is new since the previous digest.

    `briefing_ids` and `postings` start with the card the title and BLUF come from.
    """

    key: str
    title: str
    bluf: str
    briefing_ids: list[int]
    postings: list[Posting]
    actors: list[str]
    systems: list[str]
    new_since_last: list[str]
    score: float
    dates: list[str] = field(default_factory=list)
    continuing: bool = False


@dataclass(frozen=True)
class Digest:
    """A guild's digest for [since, until): the lead and the ranked stories."""

    guild_id: int
    since: datetime
    until: datetime
    lead: str
    stories: list[Story]
    late: bool = False
    day: date | None = None
    briefing_count: int = 0


LeadWriter = Callable[[list[Story]], str]


def extractive_lead(stories: list[Story]) -> str:
    """The local engine's lead: the BLUFs of the top stories, in rank order."""
    blufs = [one_line(s.bluf) for s in stories[:LEAD_STORIES] if one_line(s.bluf)]
    return " ".join(blufs) if blufs else EMPTY_LEAD


def digest_window(previous: DigestRecord | None, until: datetime) -> datetime:
    """Where the next digest starts: the end of the previous one, at most a week back."""
    if previous is None:
        return until - FIRST_WINDOW
    return max(previous.when, until - LONGEST_WINDOW)


def build_digest(
    archive: Archive,
    guild_id: int,
    since: datetime,
    until: datetime,
    previous: DigestRecord | None = None,
    *,
    late: bool = False,
    day: date | None = None,
    lead_writer: LeadWriter = extractive_lead,
) -> Digest:
    """The digest of this guild's cards posted in [since, until), against the previous digest."""
    pairs = archive.between(guild_id, since, until)
    items = [item_of(i, p.briefing_id, p.posted_at, b) for i, (p, b) in enumerate(pairs)]
    postings = {p.briefing_id: p for p, _ in pairs}
    until_utc = until if until.tzinfo else until.replace(tzinfo=UTC)
    stories = [_story(members, postings, until_utc) for members in group(items)]
    if previous is not None:
        stories = [s for s in (_against(s, previous.stories) for s in stories) if s is not None]
    stories.sort(key=lambda s: (-s.score, s.key))
    return Digest(
        guild_id=guild_id, since=since, until=until, lead=lead_writer(stories), stories=stories,
        late=late, day=day, briefing_count=len(pairs),
    )


def scheduled_digest(
    archive: Archive, schedules: Schedules, due: DueDigest, now: datetime
) -> Digest:
    """The digest a due schedule posts: from the end of the last digest to now, marked for its day."""
    previous = schedules.last_digest(due.schedule.guild_id)
    return build_digest(
        archive, due.schedule.guild_id, digest_window(previous, now), now, previous,
        late=due.late, day=due.day,
    )


def _story(members: list[Item], postings: dict[int, Posting], until: datetime) -> Story:
    face = central(members)
    # The face first: its card is the one the title, BLUF and first link belong to.
    ordered = [face, *(m for m in members if m is not face)]
    briefings = [m.briefing for m in members]
    actors = ranked_names(a.name for b in briefings for a in b.actors)
    systems = ranked_names(s.name for b in briefings for s in b.systems)
    names = ranked_names(
        n for b in briefings for n in
        [*(a.name for a in b.actors if a.kind != "country"), *(s.name for s in b.systems)]
    )
    newest = max(m.posted_at for m in members)
    hours = max(0.0, (until - newest).total_seconds() / 3600)
    score = len(members) + 0.5 ** (hours / 24) + min(len(names), 10) / 10
    return Story(
        key=_key(names, face.briefing, face.briefing_id),
        title=one_line(face.briefing.title),
        bluf=one_line(face.briefing.bluf),
        briefing_ids=[m.briefing_id for m in ordered],
        postings=[postings[m.briefing_id] for m in ordered],
        actors=actors,
        systems=systems,
        new_since_last=[],
        score=round(score, 3),
        dates=_dates(briefings),
    )


def _key(names: list[str], face: Briefing, face_id: int) -> str:
    parts = [_SLUG.sub("-", name_key(n)).strip("-") for n in names[:2]]
    if not any(parts):
        parts = sorted(tokens(face.title))[:3]
    return "+".join(p for p in parts if p) or f"briefing-{face_id}"


def _dates(briefings: list[Briefing]) -> list[str]:
    seen = {d.value or one_line(d.text) for b in briefings for d in b.dates}
    return sorted(s for s in seen if s)


def _against(story: Story, previous: list[StoryRecord]) -> Story | None:
    """The story as continuing from its match in the previous digest; None when nothing is new."""
    match = _match(story, previous)
    if match is None:
        return story
    if set(story.briefing_ids) <= set(match.briefing_ids):
        return None
    new = _new_items(story, match)
    if not new:
        return None
    return replace(story, key=match.key, new_since_last=new, continuing=True)


def _match(story: Story, previous: list[StoryRecord]) -> StoryRecord | None:
    names = {name_key(n) for n in (*story.actors, *story.systems)}
    title = tokens(story.title)
    best: tuple[float, StoryRecord] | None = None
    for record in previous:
        if record.key == story.key:
            return record
        overlap = jaccard(names, {name_key(n) for n in (*record.actors, *record.systems)})
        if jaccard(title, tokens(record.title)) >= SAME_TITLE:
            overlap = max(overlap, 1.0)
        if overlap >= SAME_NAMES and (best is None or overlap > best[0]):
            best = (overlap, record)
    return best[1] if best else None


def _new_items(story: Story, was: StoryRecord) -> list[str]:
    new: list[str] = []
    for label, now, before in (
        ("actors", story.actors, was.actors),
        ("systems", story.systems, was.systems),
        ("dates", story.dates, was.dates),
    ):
        known = {name_key(n) for n in before}
        added = [n for n in now if name_key(n) not in known]
        if added:
            new.append(f"{label} {', '.join(added)}")
    if jaccard(tokens(story.bluf), tokens(was.bluf)) < SAME_BLUF:
        new.append("a new bottom line")
    return new
