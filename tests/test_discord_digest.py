"""`/digest` and the scheduler end to end against the stand-in, on a clock the test moves.

No test sleeps for the schedule: the bot's clock is injected, and each test moves it and runs a
tick itself (`bot.digests.tick()`); restarts reuse the same stand-in and database.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from discord_fake.guilds import eventually, join_guild, subcommand
from discord_fake.harness import BotHarness, shared_engine
from discord_fake.payloads import message
from seeded_archive import STORIES, briefing, post_card

from bot.core.schedule import Schedules, digest_marker
from bot.core.store import Store
from bot.core.workers import PooledEngine

DAY = date(2026, 3, 2)  # London is on UTC until the end of March
NINE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
EPHEMERAL = 64


class Clock:
    """A clock the test sets; the bot reads it through create_bot(now=...)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="module")
def engine() -> PooledEngine:
    return shared_engine()


def digests(h: BotHarness, channel_id: int | None = None) -> list[dict[str, Any]]:
    """The digest messages the bot posted in a channel, oldest first."""
    cid = str(channel_id or h.fake.world.channel_id)
    return [m for m in h.fake.messages.values() if m["channel_id"] == cid
            and m["author"]["id"] == h.fake.world.bot_user["id"] and not m["flags"] & EPHEMERAL
            and m["content"].startswith("**briefbot digest")]


async def set_up(h: BotHarness, *, world: Any = None, time: str = "09:00",
                 timezone: str = "Europe/London") -> str:
    world = world or h.fake.world
    ex = await subcommand(h.fake, h.mod, "digest setup", world=world, admin=True,
                          channel=h.fake.channels[world.channel_id], time=time, timezone=timezone)
    return await h.fake.wait_for(ex.private_text)


def seed(h: BotHarness, when: datetime, *, world: Any = None, stories: list[int] | None = None) -> None:
    world = world or h.fake.world
    for i in stories if stories is not None else range(len(STORIES)):
        post_card(h, world.guild_id, world.channel_id, *briefing(*STORIES[i]), when + timedelta(minutes=i))


async def settled(h: BotHarness) -> None:
    await eventually(h.bot.digests.settled.is_set)


async def test_setup_then_the_digest_goes_out_at_its_time_once(
    tmp_path: Path, engine: PooledEngine
) -> None:
    clock = Clock(NINE - timedelta(hours=2))
    async with BotHarness(tmp_path / "b.db", engine, now=clock) as h:
        refused = await subcommand(h.fake, h.bob, "digest setup", channel=h.fake.channel(),
                                   time="09:00", timezone="Europe/London")
        assert "Manage Server" in await h.fake.wait_for(refused.private_text)
        assert "Unknown time zone 'Mars/Olympus'" in await set_up(h, timezone="Mars/Olympus")
        assert "is not a time of day" in await set_up(h, time="25:00")
        assert await set_up(h, time="9am") == (
            f"Daily digest set: 09:00 Europe/London in <#{h.fake.world.channel_id}>. "
            f"The first one comes <t:{int(NINE.timestamp())}:R>.")
        assert int(h.fake.commands[("digest", 1)]["default_member_permissions"]) == 1 << 5  # Manage Server
        seed(h, NINE - timedelta(hours=20))

        clock.now = NINE - timedelta(minutes=1)
        await h.bot.digests.tick()
        assert digests(h) == []
        clock.now = NINE
        await h.bot.digests.tick()
        await h.bot.digests.tick()
        (posted,) = digests(h)
        first_line = posted["content"].splitlines()[0]
        assert digest_marker(h.fake.world.guild_id, DAY) in first_line and "late" not in first_line
        for title, *_ in STORIES:
            assert title in posted["content"]
        assert f"https://discord.com/channels/{h.fake.world.guild_id}/" in posted["content"]

        # Since the last digest: nothing, until a new card is posted.
        preview = await subcommand(h.fake, h.mod, "digest preview", admin=True)
        assert "Nothing new" in await h.fake.wait_for(preview.private_text)
        post_card(h, h.fake.world.guild_id, h.fake.world.channel_id,
                  *briefing("Taiwan receives first F-16 Block 70", "Taiwan took delivery of its first F-16V Block 70.",
                            ["Taiwan", "Lockheed Martin"], ["F-16 Block 70"], "https://news.example.org/f16"),
                  NINE + timedelta(minutes=30))
        clock.now = NINE + timedelta(hours=1)
        preview = await subcommand(h.fake, h.mod, "digest preview", admin=True)
        shown = await h.fake.wait_for(preview.private_text)
        assert "Taiwan receives first F-16" in shown and "Poland" not in shown
        assert len(digests(h)) == 1  # a preview posts nothing

        now = await subcommand(h.fake, h.mod, "digest now", admin=True)
        assert await h.fake.wait_for(now.private_text) == f"Digest posted in <#{h.fake.world.channel_id}>."
        assert len(digests(h)) == 2 and "Taiwan receives first F-16" in digests(h)[1]["content"]

        # Next morning: nothing new since /digest now, so nothing is posted.
        clock.now = NINE + timedelta(days=1)
        await h.bot.digests.tick()
        assert len(digests(h)) == 2
        off = await subcommand(h.fake, h.mod, "digest off", admin=True)
        assert await h.fake.wait_for(off.private_text) == "Daily digest turned off."
        seed(h, NINE + timedelta(days=1, hours=2), stories=[0])
        clock.now = NINE + timedelta(days=2)
        await h.bot.digests.tick()
        assert len(digests(h)) == 2


def plant_sent_digest(h: BotHarness) -> None:
    """What a crash right after sending leaves: the digest message in the channel, no 'finished'."""
    body = {"content": f"**{digest_marker(h.fake.world.guild_id, DAY)} 3 stories**\nsent before the crash"}
    msg = message(h.fake.world.channel_id, h.fake.world.bot_user, body, h.fake.world.guild_id)
    h.fake.messages[int(msg["id"])] = msg


@pytest.mark.parametrize("point", ["before begin", "after begin", "after send", "after finish"])
async def test_a_restart_around_posting_time_gives_exactly_one_digest(
    tmp_path: Path, engine: PooledEngine, point: str
) -> None:
    clock = Clock(NINE - timedelta(hours=1))
    db = tmp_path / "b.db"
    async with BotHarness(db, engine, now=clock) as h:
        await set_up(h)
        seed(h, NINE - timedelta(hours=5))
        if point == "after finish":
            clock.now = NINE
            await h.bot.digests.tick()
            assert len(digests(h)) == 1

        def crash_state() -> None:
            clock.now = NINE + timedelta(minutes=2)
            if point in ("after begin", "after send"):
                with Store.open(db) as store:
                    assert Schedules(store, clock=clock).begin(h.fake.world.guild_id, DAY)
            if point == "after send":
                plant_sent_digest(h)

        await h.restart(crash_state)
        await settled(h)
        await h.bot.digests.tick()
        (posted,) = digests(h)
        assert digest_marker(h.fake.world.guild_id, DAY) in posted["content"].splitlines()[0]
        with Store.open(db) as store:
            assert Schedules(store).unfinished() == []
            assert Schedules(store).last_digest(h.fake.world.guild_id).message_ids == [int(posted["id"])]


async def test_a_missed_digest_is_posted_once_and_late_within_the_grace_window(
    tmp_path: Path, engine: PooledEngine
) -> None:
    clock = Clock(NINE - timedelta(hours=1))
    async with BotHarness(tmp_path / "b.db", engine, now=clock) as h:
        await set_up(h)
        seed(h, NINE - timedelta(hours=5))

        def down_at_nine() -> None:
            clock.now = NINE + timedelta(hours=2, minutes=30)

        await h.restart(down_at_nine)
        await settled(h)
        (late,) = digests(h)
        assert late["content"].splitlines()[0].endswith("*(late)*")
        await h.bot.digests.tick()
        await h.restart()
        await settled(h)
        assert len(digests(h)) == 1

        # Down from before nine until past the grace window the next day: that day is skipped.
        seed(h, NINE + timedelta(hours=20))

        def down_all_day() -> None:
            clock.now = NINE + timedelta(days=1, hours=7)

        await h.restart(down_all_day)
        await settled(h)
        await h.bot.digests.tick()
        assert len(digests(h)) == 1


async def test_two_guilds_get_their_own_digests_only(tmp_path: Path, engine: PooledEngine) -> None:
    clock = Clock(NINE - timedelta(hours=1))
    async with BotHarness(tmp_path / "b.db", engine, now=clock) as h:
        first = h.fake.world
        second = await join_guild(h.fake)
        await eventually(lambda: h.bot.get_guild(second.guild_id))
        await set_up(h)
        await set_up(h, world=second, time="10:00", timezone="Europe/Paris")  # 09:00 UTC
        seed(h, NINE - timedelta(hours=3), stories=[0, 1])
        seed(h, NINE - timedelta(hours=3), world=second, stories=[2])

        clock.now = NINE
        await h.bot.digests.tick()
        (ours,) = digests(h, first.channel_id)
        (theirs,) = digests(h, second.channel_id)
        assert "Poland buys" in ours["content"] and "Germany orders" in ours["content"]
        assert "Japan" not in ours["content"] and str(second.guild_id) not in ours["content"]
        assert "Japan launches H3" in theirs["content"]
        assert "Poland" not in theirs["content"] and str(first.guild_id) not in theirs["content"]
        preview = await subcommand(h.fake, h.mod, "digest preview", world=second, admin=True)
        assert "Nothing new" in await h.fake.wait_for(preview.private_text)
