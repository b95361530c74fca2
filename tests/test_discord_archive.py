"""`/briefings` end to end against the Discord stand-in: recent, search, timelines, export, per guild."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from discord_fake import Exchange
from discord_fake.guilds import eventually, join_guild, subcommand
from discord_fake.harness import BotHarness, shared_engine
from seeded_archive import STORIES, briefing, post_card

from bot.core.workers import PooledEngine

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "articles"
EPHEMERAL = 64


@pytest.fixture(scope="module")
def engine() -> PooledEngine:
    return shared_engine()


def answer(ex: Exchange) -> Any:
    """The private answer once it has text."""
    return ex.private_text


def jump(guild_id: int, msg_id: int, channel_id: int) -> str:
    return f"https://discord.com/channels/{guild_id}/{channel_id}/{msg_id}"


async def test_a_briefed_card_is_in_recent_and_lookups_find_seeded_cards(
    tmp_path: Path, engine: PooledEngine
) -> None:
    text = (ARTICLES / "philippines-sama-sama-lantern-exercise.txt").read_text(encoding="utf-8")
    async with BotHarness(tmp_path / "b.db", engine) as h:
        world = h.fake.world
        ex = await h.fake.slash(h.alice, "brief", text=text[:3000])
        card = await h.fake.wait_for(ex.card, 20)
        await eventually(lambda: h.bot.archive.recent(world.guild_id, 1))  # filed after the edit
        now = datetime.now(UTC)
        for i, (title, bluf, actors, systems, url) in enumerate(STORIES):
            made, body = briefing(title, bluf, actors, systems, url)
            post_card(h, world.guild_id, world.channel_id, made, body, now - timedelta(hours=3 - i))

        recent = await subcommand(h.fake, h.bob, "briefings recent")
        listed = await h.fake.wait_for(answer(recent))
        assert recent.callback_data["flags"] & EPHEMERAL
        lines = listed.splitlines()[1:]
        assert len(lines) == 4
        assert jump(world.guild_id, int(card["id"]), world.channel_id) in lines[0]  # newest first
        assert card["embeds"][0]["title"][:40] in lines[0]
        assert "Japan launches H3" in lines[1] and "Poland buys" in lines[3]

        search = await subcommand(h.fake, h.bob, "briefings search", query="IRIS-T")
        found = await h.fake.wait_for(answer(search))
        assert "Germany orders IRIS-T" in found and "Poland" not in found

        actor = await subcommand(h.fake, h.bob, "briefings actor", name="Poland")
        assert "Poland buys more Patriot" in (timeline := await h.fake.wait_for(answer(actor)))
        assert "Germany" not in timeline
        system = await subcommand(h.fake, h.bob, "briefings system", name="H3")
        assert "Japan launches H3" in await h.fake.wait_for(answer(system))

        missing = await subcommand(h.fake, h.bob, "briefings search", query="Zumwalt")
        assert await h.fake.wait_for(answer(missing)) == "No briefing in this server matches Zumwalt."
        nothing = await subcommand(h.fake, h.bob, "briefings search", query="&&& !!")
        assert "Search for at least one word" in await h.fake.wait_for(answer(nothing))


def exported(h: BotHarness, ex: Exchange) -> tuple[str, bytes]:
    (attachment,) = ex.original["attachments"] if ex.original else []
    aid = attachment["url"].split("/")[-2]
    return attachment["filename"], h.fake.files[aid][0]


async def test_export_and_search_never_mix_two_guilds(tmp_path: Path, engine: PooledEngine) -> None:
    async with BotHarness(tmp_path / "b.db", engine) as h:
        first = h.fake.world
        second = await join_guild(h.fake)
        await eventually(lambda: h.bot.get_guild(second.guild_id))
        now = datetime.now(UTC)
        polish, germany, japan = (briefing(*s) for s in STORIES)
        post_card(h, first.guild_id, first.channel_id, *polish, now - timedelta(hours=2))
        post_card(h, first.guild_id, first.channel_id, *japan, now - timedelta(days=20))
        post_card(h, second.guild_id, second.channel_id, *germany, now - timedelta(days=2))
        # The same article posted in both guilds: each has its own card, with its own link.
        post_card(h, second.guild_id, second.channel_id, *japan, now - timedelta(days=2))

        ex = await subcommand(h.fake, h.alice, "briefings export", period="week", format="json")
        await h.fake.wait_for(lambda: ex.original and ex.original["attachments"])
        name, data = exported(h, ex)
        assert name.startswith("briefings-week-") and name.endswith(".json")
        doc = json.loads(data)
        assert "Poland buys more Patriot batteries" in data.decode()
        assert "IRIS-T" not in data.decode() and "Japan" not in data.decode()  # other guild; too old
        assert str(second.guild_id) not in data.decode()
        assert doc

        md = await subcommand(h.fake, h.bob, "briefings export", world=second, period="month")
        await h.fake.wait_for(lambda: md.original and md.original["attachments"])
        name, data = exported(h, md)
        text = data.decode()
        assert name.endswith(".md") and text.startswith("# Briefings from")
        assert "Germany orders IRIS-T" in text and "Japan launches H3" in text
        assert "Poland" not in text and str(first.guild_id) not in text

        search = await subcommand(h.fake, h.bob, "briefings search", world=second, query="Patriot")
        assert "No briefing in this server matches" in await h.fake.wait_for(answer(search))
        both = await subcommand(h.fake, h.bob, "briefings system", world=second, name="H3")
        shown = await h.fake.wait_for(answer(both))
        assert jump(second.guild_id, 0, second.channel_id).rsplit("/", 1)[0] in shown
        assert str(first.guild_id) not in shown

        empty = await subcommand(h.fake, h.bob, "briefings export", world=second, period="day")
        assert await h.fake.wait_for(answer(empty)) == (
            "No briefing was posted in this server in the last day.")
        assert not empty.original or not empty.original["attachments"]
