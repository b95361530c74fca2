"""Digest schedules and exactly-once runs on a real SQLite file, with an injected clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.core.errors import InputError
from bot.core.schedule import (
    DigestSchedule,
    Schedules,
    digest_marker,
    parse_time,
    reconcile_plan,
    zone,
)
from bot.core.store import Store

G1, G2 = 111, 222
# The schedules are set well before every "now" the tests use.
SET_AT = datetime(2026, 1, 1, tzinfo=UTC)


class Clock:
    """A settable clock: tests move time by assignment, never by sleeping."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def open_schedules(path: Path, clock: Clock) -> tuple[Store, Schedules]:
    store = Store.open(path)
    return store, Schedules(store, clock=clock)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "briefbot.db"


def london(hh: int = 8, mm: int = 0, guild: int = G1) -> DigestSchedule:
    return DigestSchedule(guild, 55, time(hh, mm), "Europe/London")


def test_schedules_survive_reopen_and_can_be_replaced_and_removed(db: Path) -> None:
    clock = Clock(SET_AT)
    store, schedules = open_schedules(db, clock)
    schedules.set(london())
    schedules.set(DigestSchedule(G2, 66, time(7, 30), "Asia/Tokyo"))
    store.close()
    store, schedules = open_schedules(db, clock)
    assert schedules.get(G1) == london()
    assert schedules.all() == [london(), DigestSchedule(G2, 66, time(7, 30), "Asia/Tokyo")]
    schedules.set(london(9, 15))
    assert schedules.get(G1) == london(9, 15)
    assert schedules.off(G1) is True
    assert schedules.off(G1) is False
    assert schedules.get(G1) is None
    store.close()


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "../etc/passwd", "UTC+1"])
def test_an_unknown_time_zone_is_an_input_error(name: str) -> None:
    with pytest.raises(InputError, match="IANA"):
        DigestSchedule(G1, 1, time(8), name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("08:30", time(8, 30)), ("8:30", time(8, 30)), ("20:05", time(20, 5)), ("8 am", time(8)),
     ("12am", time(0)), ("8:30pm", time(20, 30)), ("12 PM", time(12))],
)
def test_parse_time(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "8:61", "noon", "13pm", ""])
def test_parse_time_rejects_nonsense(text: str) -> None:
    with pytest.raises(InputError, match="time of day"):
        parse_time(text)


def test_due_at_time_late_after_five_minutes_and_skipped_past_grace(db: Path) -> None:
    clock = Clock(SET_AT)
    store, schedules = open_schedules(db, clock)
    schedules.set(london())
    winter = date(2026, 11, 30)
    assert schedules.due(utc(2026, 11, 30, 7, 59)) == []
    [on_time] = schedules.due(utc(2026, 11, 30, 8, 0))
    assert (on_time.day, on_time.late) == (winter, False)
    assert schedules.due(utc(2026, 11, 30, 8, 5))[0].late is False
    assert schedules.due(utc(2026, 11, 30, 8, 6))[0].late is True
    assert schedules.due(utc(2026, 11, 30, 13, 59))[0].late is True
    assert schedules.due(utc(2026, 11, 30, 14, 1)) == []
    assert schedules.due(utc(2026, 11, 30, 12), grace=timedelta(hours=2)) == []
    store.close()


def test_due_across_time_zones(db: Path) -> None:
    clock = Clock(SET_AT)
    store, schedules = open_schedules(db, clock)
    schedules.set(DigestSchedule(G1, 1, time(8), "Asia/Tokyo"))  # 23:00 UTC the day before
    schedules.set(DigestSchedule(G2, 2, time(8), "America/New_York"))  # 13:00 UTC in winter
    due = schedules.due(utc(2026, 11, 29, 23, 0))
    assert [(d.schedule.guild_id, d.day) for d in due] == [(G1, date(2026, 11, 30))]
    due = schedules.due(utc(2026, 11, 30, 13, 0))
    assert [(d.schedule.guild_id, d.day) for d in due] == [(G2, date(2026, 11, 30))]
    store.close()


def test_due_follows_daylight_saving_time(db: Path) -> None:
    clock = Clock(SET_AT)
    store, schedules = open_schedules(db, clock)
    schedules.set(london())
    # British Summer Time began on 29 March 2026: 08:00 local is 07:00 UTC from that day.
    assert [d.day for d in schedules.due(utc(2026, 3, 28, 8, 0))] == [date(2026, 3, 28)]
    assert schedules.due(utc(2026, 3, 29, 6, 59)) == []
    assert [d.day for d in schedules.due(utc(2026, 3, 29, 7, 0))] == [date(2026, 3, 29)]
    store.close()


def test_a_time_that_dst_skips_or_repeats_still_posts_once(db: Path) -> None:
    clock = Clock(SET_AT)
    store, schedules = open_schedules(db, clock)
    schedules.set(london(1, 30))  # 01:30 does not exist in London on 29 March 2026
    gap = schedules.get(G1)
    assert gap is not None and gap.at(date(2026, 3, 29)) == utc(2026, 3, 29, 1, 30)
    schedules.off(G1)
    ny = DigestSchedule(G2, 2, time(1, 30), "America/New_York")  # 01:30 happens twice on 1 Nov
    schedules.set(ny)
    first = ny.at(date(2026, 11, 1))
    assert first == utc(2026, 11, 1, 5, 30)
    [due] = schedules.due(first)
    assert schedules.begin(G2, due.day)
    schedules.finish(G2, due.day, [1], late=False)
    assert schedules.due(first + timedelta(hours=1)) == []
    store.close()


def test_begin_and_finish_are_exactly_once(db: Path) -> None:
    clock = Clock(utc(2026, 11, 30, 8))
    store, schedules = open_schedules(db, Clock(SET_AT))
    schedules.set(london())
    schedules = Schedules(store, clock=clock)
    day = date(2026, 11, 30)
    assert schedules.begin(G1, day) is True
    assert schedules.begin(G1, day) is False
    assert schedules.due(clock()) == []
    schedules.finish(G1, day, [10, 11], late=False)
    assert schedules.begin(G1, day) is False
    assert schedules.unfinished() == []
    record = schedules.last_digest(G1)
    assert record is not None and record.message_ids == [10, 11] and record.day == day
    assert schedules.last_digest(G2) is None
    # The next day is its own run.
    assert [d.day for d in schedules.due(utc(2026, 12, 1, 8))] == [date(2026, 12, 1)]
    store.close()


@pytest.mark.parametrize("crash", ["before_begin", "after_begin", "after_send", "after_finish"])
def test_a_restart_at_each_point_gives_exactly_one_digest(db: Path, crash: str) -> None:
    clock = Clock(SET_AT)
    store, schedules = open_schedules(db, clock)
    schedules.set(london())
    clock.now = utc(2026, 11, 30, 8, 0, 30)
    channel: list[str] = []  # the Discord channel, as the bot's side would see it
    day = date(2026, 11, 30)
    [due] = schedules.due(clock())
    if crash != "before_begin":
        assert schedules.begin(G1, day)
        if crash != "after_begin":
            channel.append(f"**{digest_marker(G1, day)} 2 stories**")
            if crash == "after_finish":
                schedules.finish(G1, day, [1], late=due.late)
    store.close()

    clock.now = utc(2026, 11, 30, 8, 3)
    store, schedules = open_schedules(db, clock)
    for step in reconcile_plan(schedules, clock()):
        assert (step.guild_id, step.day, step.channel_id) == (G1, day, 55)
        if any(step.marker in message for message in channel):
            schedules.finish(step.guild_id, step.day, [1], late=False)
        elif step.resend:
            channel.append(f"**{step.marker} resent**")
            schedules.finish(step.guild_id, step.day, [2], late=step.late)
    for due in schedules.due(clock()):
        if schedules.begin(due.schedule.guild_id, due.day):
            channel.append(f"**{digest_marker(G1, due.day)} sent**")
            schedules.finish(due.schedule.guild_id, due.day, [3], late=due.late)
    assert len(channel) == 1
    assert schedules.unfinished() == [] and schedules.due(clock()) == []
    store.close()


def test_a_missed_digest_is_posted_once_late_within_grace(db: Path) -> None:
    clock = Clock(SET_AT)
    store, schedules = open_schedules(db, clock)
    schedules.set(london())
    # The bot was down from 07:00 to 10:30.
    [due] = schedules.due(utc(2026, 11, 30, 10, 30))
    assert due.late is True
    assert schedules.begin(G1, due.day)
    schedules.finish(G1, due.day, [5], late=True)
    assert schedules.due(utc(2026, 11, 30, 10, 31)) == []
    assert schedules.last_digest(G1).late is True  # type: ignore[union-attr]
    store.close()


def test_unfinished_past_grace_is_not_resent_and_can_be_abandoned(db: Path) -> None:
    clock = Clock(SET_AT)
    store, schedules = open_schedules(db, clock)
    schedules.set(london())
    day = date(2026, 11, 30)
    assert schedules.begin(G1, day)
    store.close()
    store, schedules = open_schedules(db, clock)
    assert schedules.unfinished() == [(G1, day)]
    [step] = reconcile_plan(schedules, utc(2026, 11, 30, 15))
    assert step.resend is False and step.late is True
    [step] = reconcile_plan(schedules, utc(2026, 11, 30, 8, 2))
    assert step.resend is True and step.late is False
    schedules.abandon(G1, day)
    assert schedules.unfinished() == []
    assert schedules.due(utc(2026, 11, 30, 8, 30)) == []
    assert schedules.last_digest(G1) is None
    store.close()


def test_a_removed_schedule_leaves_a_step_that_only_checks(db: Path) -> None:
    clock = Clock(SET_AT)
    store, schedules = open_schedules(db, clock)
    schedules.set(london())
    schedules.begin(G1, date(2026, 11, 30))
    schedules.off(G1)
    [step] = reconcile_plan(schedules, utc(2026, 11, 30, 8, 1))
    assert step.channel_id is None and step.resend is False
    store.close()


def test_a_schedule_set_after_todays_time_starts_tomorrow(db: Path) -> None:
    clock = Clock(utc(2026, 11, 30, 10))
    store, schedules = open_schedules(db, clock)
    schedules.set(london())
    assert schedules.due(utc(2026, 11, 30, 10, 1)) == []
    assert [d.day for d in schedules.due(utc(2026, 12, 1, 8))] == [date(2026, 12, 1)]
    store.close()


def test_zone_and_marker() -> None:
    assert zone(" Europe/Paris ").key == "Europe/Paris"
    assert digest_marker(G1, date(2026, 11, 30)) == "briefbot digest 2026-11-30 \u00b7"
