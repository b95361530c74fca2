"""Hostile articles ping no one; limits, the queue and errors answer clearly (against the stand-in)."""

from __future__ import annotations

import asyncio
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from discord_fake import FakeDiscord
from discord_fake.harness import BotHarness, article_html, seeded_card, shared_engine
from pages_server import PagesServer
from sample_briefings import HOSTILE, hostile_briefing

from bot.core.workers import PooledEngine

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "articles"
PINGS = ("@everyone", "@here", "<@")


@pytest.fixture(scope="module")
def engine() -> PooledEngine:
    return shared_engine()


@pytest.fixture()
def pages() -> Iterator[PagesServer]:
    with PagesServer() as server:
        yield server


def story(name: str, chars: int = 1500) -> str:
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")[:chars]


def assert_pings_no_one(fake: FakeDiscord) -> None:
    """Every message says allowed_mentions none, and nothing could read as a ping anyway."""
    assert fake.bodies
    for route, body in fake.bodies:
        if body.get("content") or body.get("embeds"):
            mentions: dict[str, Any] = body.get("allowed_mentions") or {}
            assert mentions.get("parse") == [], (route, body)
            assert not mentions.get("users") and not mentions.get("roles")
            assert not mentions.get("replied_user")
        raw = json.dumps(body, ensure_ascii=False)
        assert not [p for p in PINGS if p in raw], (route, raw[:300])
    for channel in fake.channels.values():
        assert not [p for p in PINGS if p in channel["name"]]


async def test_a_hostile_article_pings_no_one(
    tmp_path: Path, engine: PooledEngine, pages: PagesServer
) -> None:
    paragraphs = [html.escape(f"{HOSTILE} {p}") for p in story("opinion-drone-wall-slogan", 2500).split("\n\n")]
    url = pages.add("/hostile.html", article_html(html.escape(HOSTILE), paragraphs))
    briefing, text = hostile_briefing()
    async with BotHarness(tmp_path / "b.db", engine) as h:
        posted = await h.fake.user_message(h.bob, f"@everyone look {url}")
        menu = await h.fake.context_menu(h.alice, "Brief this", posted)
        pasted = await h.fake.slash(h.bob, "brief", text=f"{HOSTILE}\n\n" + "\n\n".join(paragraphs))
        await h.fake.wait_for(lambda: menu.private_text() and "<#" in menu.private_text(), 20)
        await h.fake.wait_for(pasted.card, 20)
        card = await seeded_card(h, briefing, text)
        for label in ("Quotes", "Timeline", "Source"):
            pressed = await h.fake.press(h.bob, card, label)
            await h.fake.wait_for(pressed.private_text, 20)
        assert_pings_no_one(h.fake)


async def test_user_cooldown(tmp_path: Path, engine: PooledEngine) -> None:
    async with BotHarness(tmp_path / "b.db", engine, user_cooldown_s=30) as h:
        first = await h.fake.slash(h.alice, "brief", text=story("samara-refinery-drone-strike-claims"))
        await h.fake.wait_for(first.card, 20)
        second = await h.fake.slash(h.alice, "brief", text=story("wire-north-korea-ballistic-launch"))
        note = await h.fake.wait_for(second.private_text)
        assert second.callback_type == 4  # refused at once, nothing deferred
        assert re.fullmatch(r"You are going a little fast: try again in \d+ s\.", note)
        other = await h.fake.slash(h.bob, "brief", text=story("wire-north-korea-ballistic-launch"))
        assert await h.fake.wait_for(other.card, 20)


async def test_guild_daily_budget_counts_fresh_briefings(tmp_path: Path, engine: PooledEngine) -> None:
    texts = [story(n) for n in ("us-sanctions-garpiya-engine-maker", "india-s400-fourth-squadron",
                                "japan-h3-igs-radar-launch")]
    async with BotHarness(tmp_path / "b.db", engine, guild_daily_briefings=2) as h:
        for user, text in ((h.alice, texts[0]), (h.bob, texts[0]), (h.alice, texts[1])):
            ex = await h.fake.slash(user, "brief", text=text)
            assert await h.fake.wait_for(ex.card, 20)  # the repeat is a free cache hit
        refused = await h.fake.slash(h.mod, "brief", text=texts[2])
        note = await h.fake.wait_for(refused.private_text)
        assert note.startswith("This server has used its 2 briefings for today; it resets at 00:00 UTC")
        assert h.bot.budget.usage(h.fake.world.guild_id).briefings == 2


async def test_waiting_requests_see_their_place_in_the_queue(tmp_path: Path, engine: PooledEngine) -> None:
    names = ["lumenfold-sarnia-ai-model-partnership", "nordvik-skadi-r-counter-uas-contract",
             "interview-poland-deputy-minister-armament"]
    async with BotHarness(tmp_path / "b.db", engine, max_concurrent_briefings=1) as h:
        users = [h.alice, h.bob, h.mod]
        exchanges = [await h.fake.slash(u, "brief", text=story(n, 3000)) for u, n in zip(users, names, strict=True)]
        for ex in exchanges:
            await h.fake.wait_for(ex.card, 30)
        seen = [ex.contents[:-1] for ex in exchanges]  # status lines before the card
        assert seen == [[], ["Queued: yours is next."], ["Queued: 1 request ahead of yours."]]


async def test_a_missing_permission_is_explained(tmp_path: Path, engine: PooledEngine) -> None:
    async with BotHarness(tmp_path / "b.db", engine) as h:
        h.fake.refuse_threads = (403, 50013)
        posted = await h.fake.user_message(h.bob, story("kf21-supplier-cyber-intrusion"))
        ex = await h.fake.context_menu(h.alice, "Brief this", posted)
        note = await h.fake.wait_for(lambda: (t := ex.private_text()) and "permission" in t and t, 20)
        assert "Create Public Threads" in note


async def test_an_unexpected_error_is_logged_with_an_incident_id_the_user_sees(
    tmp_path: Path, engine: PooledEngine, caplog: pytest.LogCaptureFixture
) -> None:
    async with BotHarness(tmp_path / "b.db", engine) as h:
        h.expected_errors = 1
        h.fake.refuse_threads = (400, 50035)
        posted = await h.fake.user_message(h.bob, story("kf21-supplier-cyber-intrusion"))
        ex = await h.fake.context_menu(h.alice, "Brief this", posted)
        note = await h.fake.wait_for(lambda: (t := ex.private_text()) and "incident" in t and t, 20)
        incident = re.search(r"incident `([0-9a-f]{8})`", note)
        assert incident
        await asyncio.sleep(0)
        (record,) = h.errors.records
        assert incident[1] in record.getMessage() and record.exc_info is not None
