"""Watched channels end to end against the stand-in: links briefed in a thread, the reaction gate,
and duplicates answered from the archive without a model call."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from discord_fake.guilds import eventually, subcommand
from discord_fake.harness import BotHarness, article_html, shared_engine
from discord_fake.history import react
from pages_server import PagesServer

from bot.core.article import Article
from bot.core.models import Briefing
from bot.core.workers import PooledEngine

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "articles"
STORIES = ["taiwan-f16-block70-first-delivery", "japan-h3-igs-radar-launch"]


class CountingEngine:
    """The real local engine, counting how often the service asks it for a briefing."""

    def __init__(self, engine: PooledEngine) -> None:
        self.engine = engine
        self.name = engine.name
        self.calls = 0

    @property
    def prompt_id(self) -> str:
        return self.engine.prompt_id

    @property
    def model(self) -> str | None:
        return self.engine.model

    async def brief(self, article: Article) -> Briefing:
        self.calls += 1
        return await self.engine.brief(article)


@pytest.fixture()
def engine() -> CountingEngine:
    return CountingEngine(shared_engine())


@pytest.fixture()
def pages() -> Iterator[PagesServer]:
    with PagesServer() as server:
        for name in STORIES:
            text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
            html = article_html(text.strip().splitlines()[0], text.split("\n\n")[1:8])
            server.add(f"/{name}.html", html)
            server.add(f"/mirror/{name}.html", html)  # the same article at another address
        yield server


def thread_cards(h: BotHarness, msg: dict[str, Any]) -> list[dict[str, Any]]:
    return [m for m in h.fake.thread_messages(int(msg["id"])) if m["embeds"]]


def replies_to(h: BotHarness, msg: dict[str, Any]) -> list[dict[str, Any]]:
    return [m for m in h.fake.messages.values()
            if (m.get("message_reference") or {}).get("message_id") == msg["id"]]


async def watch(h: BotHarness, **options: Any) -> str:
    ex = await subcommand(h.fake, h.mod, "watch add", admin=True,
                          channel=h.fake.channel(), **options)
    return await h.fake.wait_for(ex.private_text)


async def test_links_in_a_watched_channel_are_briefed_once_then_answered_from_the_archive(
    tmp_path: Path, engine: CountingEngine, pages: PagesServer
) -> None:
    first, second = (pages.url(f"/{name}.html") for name in STORIES)
    async with BotHarness(tmp_path / "b.db", engine) as h:  # type: ignore[arg-type]
        refused = await subcommand(h.fake, h.bob, "watch add", channel=h.fake.channel())
        assert "Manage Server" in await h.fake.wait_for(refused.private_text)
        note = await watch(h)
        assert note == f"Watching <#{h.fake.world.channel_id}>: links briefed at once, in a thread."

        posted = await h.fake.user_message(h.bob, f"Taipei gets its jets: {first}")
        (card,) = await h.fake.wait_for(lambda: thread_cards(h, posted), 20)
        assert card["embeds"][0]["url"] == first and engine.calls == 1
        assert h.fake.channels[int(posted["id"])]["name"] == "Briefing: 127.0.0.1"
        (filed,) = await eventually(lambda: h.bot.archive.recent(h.fake.world.guild_id, 5))
        assert filed[0].message_id == int(card["id"]) and filed[0].thread_id == int(posted["id"])

        # The same link with trackers and a fragment: no fetch, no model call, a jump link.
        again = await h.fake.user_message(h.alice, f"seen this? {first}?utm_source=feed#top")
        (reply,) = await h.fake.wait_for(lambda: replies_to(h, again))
        jump = f"https://discord.com/channels/{h.fake.world.guild_id}/{posted['id']}/{card['id']}"
        assert reply["content"] == f"Already briefed <{first}?utm_source=feed#top>: {jump}"
        assert pages.hits[f"/{STORIES[0]}.html"] == 1 and engine.calls == 1
        assert int(again["id"]) not in h.fake.channels  # no thread for a duplicate

        # The same article at another address: fetched to hash it, then answered from the archive.
        mirror = await h.fake.user_message(h.alice, pages.url(f"/mirror/{STORIES[0]}.html"))
        (reply,) = await h.fake.wait_for(lambda: replies_to(h, mirror), 20)
        assert reply["content"].endswith(jump) and engine.calls == 1

        # A new link next to a duplicate: a card for the new one, a pointer for the old one.
        mixed = await h.fake.user_message(h.bob, f"{second} and again {first}")
        card, note = await h.fake.wait_for(
            lambda: (found := h.fake.thread_messages(int(mixed["id"]))) and len(found) == 2 and found, 20)
        assert card["embeds"][0]["url"] == second and engine.calls == 2
        assert note["content"] == f"Already briefed <{first}>: {jump}" and not note["embeds"]

        await h.fake.user_message(h.bob, "no link here, just chat")
        await asyncio.sleep(0.3)
        assert engine.calls == 2 and len(h.bot.archive.recent(h.fake.world.guild_id, 9)) == 2


async def test_the_reaction_gate_waits_for_enough_of_the_chosen_emoji(
    tmp_path: Path, engine: CountingEngine, pages: PagesServer
) -> None:
    url = pages.url(f"/{STORIES[1]}.html")
    async with BotHarness(tmp_path / "b.db", engine) as h:  # type: ignore[arg-type]
        bad = await subcommand(h.fake, h.mod, "watch add", admin=True, channel=h.fake.channel(),
                               reactions=2)
        assert "Choose the emoji" in await h.fake.wait_for(bad.private_text)
        assert await watch(h, emoji="\U0001f440", reactions=2) == (
            f"Watching <#{h.fake.world.channel_id}>: links briefed after 2 \u00d7 \U0001f440, in a thread.")

        posted = await h.fake.user_message(h.bob, f"worth a card? {url}")
        await react(h.fake, h.alice, posted, "\U0001f440")
        await react(h.fake, h.mod, posted, "\U0001f525")  # another emoji does not count
        await asyncio.sleep(0.3)
        assert engine.calls == 0 and int(posted["id"]) not in h.fake.channels

        await react(h.fake, h.bob, posted, "\U0001f440")
        (card,) = await h.fake.wait_for(lambda: thread_cards(h, posted), 20)
        assert card["embeds"][0]["url"] == url and engine.calls == 1
        await react(h.fake, h.mod, posted, "\U0001f440")  # a third: already briefed
        await asyncio.sleep(0.3)
        assert engine.calls == 1 and len(thread_cards(h, posted)) == 1

        await h.restart()  # the watch is stored, not remembered
        listed = await subcommand(h.fake, h.mod, "watch list", admin=True)
        assert "after 2 \u00d7 \U0001f440" in await h.fake.wait_for(listed.private_text)
        removed = await subcommand(h.fake, h.mod, "watch remove", admin=True, channel=h.fake.channel())
        assert await h.fake.wait_for(removed.private_text) == (
            f"Stopped watching <#{h.fake.world.channel_id}>.")
        later = await h.fake.user_message(h.bob, pages.url(f"/{STORIES[0]}.html"))
        for who in (h.alice, h.bob):
            await react(h.fake, who, later, "\U0001f440")
        await asyncio.sleep(0.3)
        assert engine.calls == 1 and int(later["id"]) not in h.fake.channels
