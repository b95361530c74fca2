"""/brief end to end: the real discord.py bot against the local Discord stand-in."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import discord
import pytest
from discord_fake.gateway import PRIVILEGED_INTENTS
from discord_fake.harness import BotHarness, article_html, shared_engine
from pages_server import PagesServer

from bot.core.workers import PooledEngine

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "articles"
EPHEMERAL = 64


def article(name: str, chars: int = 2500) -> str:
    """The first paragraphs of a dev-set article, cut at a paragraph end."""
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    cut = text.rfind("\n\n", 0, chars)
    return text[: cut if cut > 0 else chars].strip()


@pytest.fixture(scope="module")
def engine() -> PooledEngine:
    return shared_engine()


@pytest.fixture()
def pages() -> Iterator[PagesServer]:
    with PagesServer() as server:
        yield server


def harness(tmp_path: Path, engine: PooledEngine, **settings: object) -> BotHarness:
    return BotHarness(tmp_path / "briefbot.db", engine, **settings)  # type: ignore[arg-type]


def labels(msg: dict) -> list[str]:
    return [c["label"] for row in msg["components"] for c in row["components"]]


async def test_start_up_syncs_commands_globally_with_only_the_message_content_intent(
    tmp_path: Path, engine: PooledEngine
) -> None:
    async with harness(tmp_path, engine) as h:
        assert h.fake.syncs == [None]
        brief = h.fake.commands[("brief", 1)]
        assert [(o["name"], o["type"]) for o in brief["options"]] == [
            ("url", 3), ("text", 3), ("file", 11)
        ]
        assert brief["options"][1]["max_length"] == 6000
        assert brief["contexts"] == [0]  # guilds only
        assert h.fake.commands[("Brief this", 3)]["contexts"] == [0]
        # The one privileged intent is message content, which watched channels read.
        requested = [n for bit, n in PRIVILEGED_INTENTS.items() if h.fake.sessions[0].intents & bit]
        assert requested == ["MESSAGE_CONTENT"]
        # A message with a link in a channel nobody asked to watch starts nothing.
        posted = await h.fake.user_message(h.alice, "worth a look: https://example.org/story")
        await h.fake.user_message(h.bob, f"<@{h.fake.world.bot_id}> brief https://example.org/x")
        await asyncio.sleep(0.2)
        assert int(posted["id"]) in {m.id for m in h.bot.cached_messages}
        assert h.fake.bodies == []


async def test_the_harness_fails_on_unknown_routes_and_error_logs(
    tmp_path: Path, engine: PooledEngine
) -> None:
    with pytest.raises(AssertionError, match="routes the stand-in does not know"):
        async with harness(tmp_path, engine) as h:
            with contextlib.suppress(discord.NotFound):
                await h.bot.fetch_guild(h.fake.world.guild_id)
    with pytest.raises(AssertionError, match="ERROR log records"):
        async with harness(tmp_path, engine):
            logging.getLogger("discord.app_commands.tree").error("Ignoring exception in command")


async def test_dev_guild_gets_the_commands_directly(tmp_path: Path, engine: PooledEngine) -> None:
    async with harness(tmp_path, engine, dev_guild=True) as h:
        assert h.fake.syncs == [str(h.fake.world.guild_id)]
        assert h.fake.commands[("brief", 1)]["guild_id"] == str(h.fake.world.guild_id)
        ex = await h.fake.slash(h.alice, "brief", text=article("wire-north-korea-ballistic-launch"))
        assert await h.fake.wait_for(ex.card, 20)


async def test_brief_url_defers_at_once_then_posts_the_card(
    tmp_path: Path, engine: PooledEngine, pages: PagesServer
) -> None:
    paragraphs = article("brazil-turkiye-tb2-coproduction", 3000).split("\n\n")
    title = "Brazil and Turkiye agree TB2 co-production"
    url = pages.add("/news/tb2.html", article_html(title, paragraphs))
    async with harness(tmp_path, engine) as h:
        ex = await h.fake.slash(h.alice, "brief", url=url)
        card = await h.fake.wait_for(ex.card, 20)
        assert ex.callback_type == 5 and not ex.deferred_ephemeral
        assert ex.callback_at is not None and ex.callback_at - ex.sent_at < 3
        embed = card["embeds"][0]
        assert embed["url"] == url
        assert embed["title"] == title
        assert embed["footer"]["text"]
        assert labels(card) == ["Quotes", "Timeline", "Source", "Re-run"]
        assert not card["flags"] & EPHEMERAL
        assert pages.hits["/news/tb2.html"] == 1
        # The card's echo reaches the bot, which ignores its own messages.
        await asyncio.sleep(0.1)
        assert int(card["id"]) in {m.id for m in h.bot.cached_messages}
        assert len(h.fake.bodies) == 1


async def test_brief_text_posts_a_card_and_a_repeat_comes_from_the_cache(
    tmp_path: Path, engine: PooledEngine
) -> None:
    text = article("india-s400-fourth-squadron")
    async with harness(tmp_path, engine) as h:
        first = await h.fake.slash(h.alice, "brief", text=text)
        card = await h.fake.wait_for(first.card, 20)
        again = await h.fake.slash(h.bob, "brief", text=text)
        repeat = await h.fake.wait_for(again.card, 20)
        assert repeat["embeds"][0]["title"] == card["embeds"][0]["title"]
        rerun_ids = [c["custom_id"] for c in card["components"][0]["components"]]
        assert rerun_ids[3].startswith("brief:rerun:1:")
        assert str(h.bob) in repeat["components"][0]["components"][3]["custom_id"]
        assert h.store.recent(10)[0].id == 1 and len(h.store.recent(10)) == 1


async def test_brief_alone_opens_a_modal_whose_text_is_briefed(
    tmp_path: Path, engine: PooledEngine
) -> None:
    text = article("geneva-new-start-successor-talks", 7000)
    async with harness(tmp_path, engine) as h:
        opened = await h.fake.slash(h.alice, "brief")
        await h.fake.wait_for(lambda: opened.callback_type)
        assert opened.callback_type == 9
        inputs = opened.callback_data["components"]
        assert len(inputs) == 2
        first_id = inputs[0]["components"][0]["custom_id"]
        second_id = inputs[1]["components"][0]["custom_id"]
        submitted = await h.fake.submit_modal(
            h.alice, opened, {first_id: text[:4000], second_id: text[4000:]}
        )
        card = await h.fake.wait_for(submitted.card, 20)
        assert submitted.callback_type == 5
        stored = h.store.recent(1)[0]
        assert stored.briefing.source.chars > 4000  # both boxes of the form were used
        assert card["embeds"][0]["footer"]["text"]


async def test_an_attached_file_is_downloaded_and_briefed(tmp_path: Path, engine: PooledEngine) -> None:
    text = article("kf21-supplier-cyber-intrusion")
    async with harness(tmp_path, engine) as h:
        upload = h.fake.add_file("kf21.md", f"# KF-21 supplier breached\n\n{text}".encode(), "text/markdown")
        ex = await h.fake.slash(h.alice, "brief", attachments={"file": upload})
        card = await h.fake.wait_for(ex.card, 20)
        assert card["embeds"][0]["title"] == "KF-21 supplier breached"
        wrong = h.fake.add_file("photo.png", b"\x89PNG...", "image/png")
        refused = await h.fake.slash(h.bob, "brief", attachments={"file": wrong})
        note = await h.fake.wait_for(refused.private_text)
        assert refused.callback_type == 4  # refused before any download, without a placeholder
        assert "photo.png is not a .txt, .md or .html file" in note


async def test_two_sources_at_once_are_refused(tmp_path: Path, engine: PooledEngine) -> None:
    async with harness(tmp_path, engine) as h:
        ex = await h.fake.slash(h.alice, "brief", url="https://example.org/a", text="Some text.")
        assert "Give one of url, text or file" in await h.fake.wait_for(ex.private_text)
        assert ex.callback_type == 4


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"http://127.0.0.1:{closed_port()}/story", "127.0.0.1"),
        ("http://10.20.30.40/internal", "10.20.30.40"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
    ],
    ids=["unreachable", "private", "metadata"],
)
async def test_bad_links_get_a_clear_private_error(
    tmp_path: Path, engine: PooledEngine, url: str, expected: str
) -> None:
    async with harness(tmp_path, engine) as h:
        ex = await h.fake.slash(h.alice, "brief", url=url)
        note = await h.fake.wait_for(ex.private_text, 20)
        assert ex.original_deleted  # the public "thinking..." placeholder is gone
        assert expected in note and "incident" not in note
        assert ex.card() is None
