"""Per-guild digest schedules and the durable facts that make each day's digest go out once.

Exactly once, across restarts (the Discord side runs this protocol):

1. Every minute or so: `Schedules.due(now)` lists the (guild, local day) whose posting time has
   passed, that have no run recorded yet, and are still within the grace window (6 h by default).
   A digest found more than 5 minutes after its time is marked late; past the grace window it is
   skipped, never posted.
2. For each: `begin(guild, day)` writes the fact "this day's digest is being sent" BEFORE anything
   is sent. It returns False when that day was already begun or finished, so two loops (or a loop
   and a restart) cannot both send.
3. Send the messages of `digest_messages(digest)`; the first line of the first message carries
   `digest_marker(guild, day)`.
4. `finish(guild, day, message_ids, late=..., digest=digest)` writes the fact "sent" with the ids,
   and the stories it held (so the next digest can say what is new and skip what is not).

On start, `reconcile_plan(schedules, now)` turns every run begun but never finished (a crash
between 2 and 4) into one step. For each step the Discord side looks in `step.channel_id` for a
recent bot message containing `step.marker`:
- found: the digest went out before the crash; call `finish` with the found message ids;
- not found and `step.resend`: build, send and `finish` it (late when `step.late`);
- not found and not `step.resend` (past the grace window, or the schedule was removed): call
  `abandon(guild, day)` so the day is closed without posting.
A crash before 2 sends nothing and records nothing, so `due` offers the day again; a crash after 4
left a finished fact, so `due` never offers it again. Each point gives exactly one digest.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from bot.core.archive import utc_iso
from bot.core.localtime import parse_time, zone
from bot.core.store import Store

__all__ = [
    "DigestRecord", "DigestSchedule", "DueDigest", "ReconcileStep", "Schedules", "StoryRecord",
    "digest_marker", "parse_time", "reconcile_plan", "zone",
]

if TYPE_CHECKING:
    from bot.core.digest import Digest

LATE_AFTER = timedelta(minutes=5)
DEFAULT_GRACE = timedelta(hours=6)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class DigestSchedule:
    """When and where one guild's daily digest is posted (local time in an IANA zone)."""

    guild_id: int
    channel_id: int
    time: time
    timezone: str

    def __post_init__(self) -> None:
        zone(self.timezone)

    def at(self, day: date) -> datetime:
        """The UTC instant this schedule posts on local `day` (a time skipped by DST moves later)."""
        local = datetime.combine(day, self.time.replace(second=0, microsecond=0, tzinfo=None))
        return local.replace(tzinfo=zone(self.timezone)).astimezone(UTC)

    def latest_slot(self, now: datetime) -> tuple[date, datetime]:
        """The local day whose posting time is the most recent at or before `now`, and that time."""
        today = now.astimezone(zone(self.timezone)).date()
        for day in (today, today - timedelta(days=1)):
            if self.at(day) <= now:
                return day, self.at(day)
        day = today - timedelta(days=2)
        return day, self.at(day)


@dataclass(frozen=True)
class DueDigest:
    """A digest to post now: the guild's schedule, the local day it is for, and whether it is late."""

    schedule: DigestSchedule
    day: date
    late: bool


@dataclass(frozen=True)
class StoryRecord:
    """What a sent digest said about one story: enough to tell later what is new."""

    key: str
    title: str
    bluf: str
    actors: list[str] = field(default_factory=list)
    systems: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    briefing_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class DigestRecord:
    """A digest that went out: when its window ended, and the stories it held."""

    guild_id: int
    day: date
    when: datetime
    story_keys: list[str]
    stories: list[StoryRecord]
    message_ids: list[int]
    late: bool


@dataclass(frozen=True)
class ReconcileStep:
    """One digest begun before a crash and never finished: what to check, and what to do."""

    guild_id: int
    day: date
    channel_id: int | None
    marker: str
    resend: bool
    late: bool


def digest_marker(guild_id: int, day: date) -> str:
    """The text the first line of a scheduled digest carries, to find it in the channel again."""
    # The guild is implicit (a channel belongs to one guild); the day tells the digests apart.
    del guild_id
    return f"briefbot digest {day.isoformat()} \u00b7"


def _records(digest: Digest) -> list[StoryRecord]:
    return [
        StoryRecord(
            key=s.key, title=s.title, bluf=s.bluf, actors=list(s.actors),
            systems=list(s.systems), dates=list(s.dates), briefing_ids=list(s.briefing_ids),
        )
        for s in digest.stories
    ]


class Schedules:
    """Digest schedules and runs in the store's database; the clock is injectable for tests."""

    def __init__(self, store: Store, *, clock: Callable[[], datetime] = _utc_now) -> None:
        self.store = store
        self._clock = clock

    def set(self, schedule: DigestSchedule) -> None:
        """Create or replace the guild's schedule; it starts counting from now."""
        with self.store.writing("save a digest schedule") as conn:
            conn.execute(
                "INSERT INTO digest_schedules (guild_id, channel_id, local_time, timezone,"
                " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET"
                " channel_id = excluded.channel_id, local_time = excluded.local_time,"
                " timezone = excluded.timezone, created_at = excluded.created_at",
                (schedule.guild_id, schedule.channel_id, schedule.time.strftime("%H:%M"),
                 schedule.timezone.strip(), utc_iso(self._clock())),
            )

    def off(self, guild_id: int) -> bool:
        """Remove the guild's schedule; False when it had none."""
        with self.store.writing("remove a digest schedule") as conn:
            gone = conn.execute("DELETE FROM digest_schedules WHERE guild_id = ?", (guild_id,))
            return gone.rowcount > 0

    def get(self, guild_id: int) -> DigestSchedule | None:
        """The guild's schedule, if it has one."""
        found = [s for s, _ in self._schedules(guild_id)]
        return found[0] if found else None

    def all(self) -> list[DigestSchedule]:
        """Every guild's schedule."""
        return [s for s, _ in self._schedules(None)]

    def due(self, now: datetime, grace: timedelta = DEFAULT_GRACE) -> list[DueDigest]:
        """The digests to post at `now` (see the module docstring for the rules)."""
        now = now if now.tzinfo else now.replace(tzinfo=UTC)
        with self.store.reading("list digest runs") as conn:
            recent = (now - timedelta(days=3)).date().isoformat()
            runs = set(conn.execute(
                "SELECT guild_id, day FROM digest_runs WHERE kind = 'scheduled' AND day >= ?",
                (recent,),
            ).fetchall())
        due: list[DueDigest] = []
        for schedule, created_at in self._schedules(None):
            day, at = schedule.latest_slot(now)
            overdue = now - at
            if at < created_at or (schedule.guild_id, day.isoformat()) in runs or overdue > grace:
                continue
            due.append(DueDigest(schedule, day, late=overdue > LATE_AFTER))
        return due

    def begin(self, guild_id: int, day: date) -> bool:
        """Record "sending" before the first message; False if this day was already begun."""
        with self.store.writing("record a digest start") as conn:
            cur = conn.execute(
                "INSERT INTO digest_runs (guild_id, day, kind, state, begun_at)"
                " VALUES (?, ?, 'scheduled', 'begun', ?)"
                " ON CONFLICT (guild_id, day) WHERE kind = 'scheduled' DO NOTHING",
                (guild_id, day.isoformat(), utc_iso(self._clock())),
            )
            return cur.rowcount == 1

    def finish(
        self,
        guild_id: int,
        day: date,
        message_ids: list[int],
        *,
        late: bool,
        digest: Digest | None = None,
    ) -> None:
        """Record "sent" with the message ids (and the digest's stories, when given)."""
        now = utc_iso(self._clock())
        until = utc_iso(digest.until) if digest is not None else now
        stories = json.dumps([asdict(r) for r in _records(digest)] if digest is not None else [])
        with self.store.writing("record a sent digest") as conn:
            conn.execute(
                "INSERT INTO digest_runs (guild_id, day, kind, state, begun_at) VALUES"
                " (?, ?, 'scheduled', 'begun', ?)"
                " ON CONFLICT (guild_id, day) WHERE kind = 'scheduled' DO NOTHING",
                (guild_id, day.isoformat(), now),
            )
            conn.execute(
                "UPDATE digest_runs SET state = 'finished', finished_at = ?, until_at = ?,"
                " late = ?, message_ids = ?, stories_json = ?"
                " WHERE guild_id = ? AND day = ? AND kind = 'scheduled'",
                (now, until, int(late), json.dumps(message_ids), stories, guild_id,
                 day.isoformat()),
            )

    def abandon(self, guild_id: int, day: date) -> None:
        """Close a begun day without a digest (found unsent after its grace window)."""
        with self.store.writing("close a digest run") as conn:
            conn.execute(
                "UPDATE digest_runs SET state = 'abandoned', finished_at = ?"
                " WHERE guild_id = ? AND day = ? AND kind = 'scheduled' AND state = 'begun'",
                (utc_iso(self._clock()), guild_id, day.isoformat()),
            )

    def record_manual(self, guild_id: int, message_ids: list[int], digest: Digest) -> None:
        """Record an on-demand digest (/digest now) so the next one does not repeat it."""
        now = utc_iso(self._clock())
        with self.store.writing("record a sent digest") as conn:
            conn.execute(
                "INSERT INTO digest_runs (guild_id, day, kind, state, begun_at, finished_at,"
                " until_at, message_ids, stories_json)"
                " VALUES (?, ?, 'manual', 'finished', ?, ?, ?, ?, ?)",
                (guild_id, digest.until.astimezone(UTC).date().isoformat(), now, now,
                 utc_iso(digest.until), json.dumps(message_ids),
                 json.dumps([asdict(r) for r in _records(digest)])),
            )

    def unfinished(self) -> list[tuple[int, date]]:
        """Scheduled digests begun but never finished: a crash mid-send, to reconcile on start."""
        with self.store.reading("list unfinished digests") as conn:
            rows = conn.execute(
                "SELECT guild_id, day FROM digest_runs WHERE kind = 'scheduled'"
                " AND state = 'begun' ORDER BY day, guild_id"
            ).fetchall()
        return [(int(g), date.fromisoformat(d)) for g, d in rows]

    def last_digest(self, guild_id: int) -> DigestRecord | None:
        """The guild's newest finished digest (scheduled or on demand)."""
        with self.store.reading("read the last digest") as conn:
            row = conn.execute(
                "SELECT day, until_at, message_ids, late, stories_json FROM digest_runs"
                " WHERE guild_id = ? AND state = 'finished' ORDER BY until_at DESC, id DESC"
                " LIMIT 1",
                (guild_id,),
            ).fetchone()
        if row is None:
            return None
        stories = [StoryRecord(**item) for item in json.loads(row[4])]
        return DigestRecord(
            guild_id=guild_id, day=date.fromisoformat(row[0]),
            when=datetime.fromisoformat(row[1]), story_keys=[s.key for s in stories],
            stories=stories, message_ids=[int(m) for m in json.loads(row[2])], late=bool(row[3]),
        )

    def _schedules(self, guild_id: int | None) -> list[tuple[DigestSchedule, datetime]]:
        where, params = ("", ()) if guild_id is None else (" WHERE guild_id = ?", (guild_id,))
        with self.store.reading("read digest schedules") as conn:
            rows = conn.execute(
                "SELECT guild_id, channel_id, local_time, timezone, created_at"
                f" FROM digest_schedules{where} ORDER BY guild_id",
                params,
            ).fetchall()
        return [
            (DigestSchedule(g, c, time.fromisoformat(t), tz), datetime.fromisoformat(created))
            for g, c, t, tz, created in rows
        ]


def reconcile_plan(
    schedules: Schedules, now: datetime, grace: timedelta = DEFAULT_GRACE
) -> list[ReconcileStep]:
    """One step per digest begun and never finished (see the module docstring for the protocol)."""
    steps: list[ReconcileStep] = []
    for guild_id, day in schedules.unfinished():
        schedule = schedules.get(guild_id)
        overdue = now - schedule.at(day) if schedule else grace + grace
        steps.append(
            ReconcileStep(
                guild_id=guild_id,
                day=day,
                channel_id=schedule.channel_id if schedule else None,
                marker=digest_marker(guild_id, day),
                resend=schedule is not None and overdue <= grace,
                late=overdue > LATE_AFTER,
            )
        )
    return steps
