""""Brief this" threads and the card's buttons, end to end against the Discord stand-in."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from discord_fake import Exchange
from discord_fake.harness import BotHarness, article_html, seeded_card, shared_engine
from pages_server import PagesServer
from sample_briefings import long_briefing

from bot.core.render.embed import overflow_quotes, overflow_timeline
from bot.core.workers import PooledEngine

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "articles"
EPHEMERAL = 64
STORIES = ["taiwan-f16-block70-first-delivery", "japan-h3-igs-radar-launch", "nvidia-h20-export-licences-china"]


@pytest.fixture(scope="module")
def engine() -> PooledEngine:
    return shared_engine()


@pytest.fixture()
def pages() -> Iterator[PagesServer]:
    with PagesServer() as server:
        for name in STORIES:
            text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
            title = text.strip().splitlines()[0]
            server.add(f"/{name}.html", article_html(title, text.split("\n\n")[1:8]))
        yield server


def final_note(ex: Exchange) -> Callable[[], str | None]:
    """The private answer once it names the thread (not a "Queued: ..." notice)."""
    def check() -> str | None:
        text = ex.private_text()
        return text if text and "<#" in text else None
    return check


def thread_link(note: str) -> int:
    found = re.search(r"<#(\d+)>", note)
    assert found, note
    return int(found[1])


async def test_brief_this_on_a_message_with_one_link(
    tmp_path: Path, engine: PooledEngine, pages: PagesServer
) -> None:
    url = pages.url(f"/{STORIES[0]}.html")
    async with BotHarness(tmp_path / "b.db", engine) as h:
        posted = await h.fake.user_message(h.bob, f"Big news for Taipei: {url} (via wire)")
        ex = await h.fake.context_menu(h.alice, "Brief this", posted)
        note = await h.fake.wait_for(final_note(ex), 20)
        assert ex.callback_type == 5 and ex.deferred_ephemeral
        thread_id = thread_link(note)
        assert thread_id == int(posted["id"])  # Discord gives the thread its starter message's id
        assert note.startswith("1 card in")
        thread = h.fake.channels[thread_id]
        assert thread["parent_id"] == str(h.fake.world.channel_id)
        assert thread["name"] == "Briefing: 127.0.0.1"
        (card,) = h.fake.thread_messages(thread_id)
        assert card["embeds"][0]["url"] == url
        assert [c["label"] for c in card["components"][0]["components"]][0] == "Quotes"


async def test_brief_this_with_three_links_posts_three_cards_in_one_thread(
    tmp_path: Path, engine: PooledEngine, pages: PagesServer
) -> None:
    urls = [pages.url(f"/{name}.html") for name in STORIES]
    async with BotHarness(tmp_path / "b.db", engine) as h:
        posted = await h.fake.user_message(h.bob, "Round-up:\n" + "\n".join(f"- {u}" for u in urls))
        ex = await h.fake.context_menu(h.alice, "Brief this", posted)
        note = await h.fake.wait_for(final_note(ex), 30)
        assert note.startswith("3 cards in")
        cards = h.fake.thread_messages(thread_link(note))
        assert [c["embeds"][0]["url"] for c in cards] == urls
        assert h.fake.channels[thread_link(note)]["name"] == "Briefing: 127.0.0.1 +2"
        # Asking again reuses the thread instead of failing to start a second one.
        again = await h.fake.context_menu(h.bob, "Brief this", h.fake.messages[int(posted["id"])])
        assert thread_link(await h.fake.wait_for(final_note(again), 30)) == int(posted["id"])
        assert len(h.fake.thread_messages(int(posted["id"]))) == 6


async def test_brief_this_reports_a_dead_link_in_the_thread(
    tmp_path: Path, engine: PooledEngine, pages: PagesServer
) -> None:
    good, dead = pages.url(f"/{STORIES[1]}.html"), pages.url("/gone.html")
    async with BotHarness(tmp_path / "b.db", engine) as h:
        posted = await h.fake.user_message(h.bob, f"{good} and {dead}")
        ex = await h.fake.context_menu(h.alice, "Brief this", posted)
        note = await h.fake.wait_for(final_note(ex), 20)
        assert note.startswith("1 card in") and "(1 could not be briefed)" in note
        card, failure = h.fake.thread_messages(thread_link(note))
        assert card["embeds"][0]["url"] == good
        assert failure["content"].startswith(f"Could not brief <{dead}>:") and "404" in failure["content"]


async def test_brief_this_on_article_text_and_on_a_message_with_nothing(
    tmp_path: Path, engine: PooledEngine
) -> None:
    text = (ARTICLES / "wire-north-korea-ballistic-launch.txt").read_text(encoding="utf-8")[:1800]
    async with BotHarness(tmp_path / "b.db", engine) as h:
        posted = await h.fake.user_message(h.bob, text)
        ex = await h.fake.context_menu(h.alice, "Brief this", posted)
        note = await h.fake.wait_for(final_note(ex), 20)
        (card,) = h.fake.thread_messages(thread_link(note))
        assert card["embeds"][0]["title"]
        empty = await h.fake.user_message(h.bob, "   ")
        refused = await h.fake.context_menu(h.alice, "Brief this", empty)
        assert "no link, article text" in await h.fake.wait_for(refused.private_text)
        assert refused.callback_type == 4


async def test_quotes_timeline_and_source_buttons(tmp_path: Path, engine: PooledEngine) -> None:
    briefing, text = long_briefing()
    async with BotHarness(tmp_path / "b.db", engine) as h:
        card = await seeded_card(h, briefing, text)
        stored = h.store.recent(1)[0]
        quotes = await h.fake.press(h.bob, card, "Quotes")
        note = await h.fake.wait_for(final_note(quotes), 20)
        thread_id = thread_link(note)
        assert thread_id == int(card["id"])  # a thread on the card itself
        posted = [m["content"] for m in h.fake.thread_messages(thread_id)]
        assert posted == overflow_quotes(stored.briefing) and len(posted) > 1

        timeline = await h.fake.press(h.bob, card, "Timeline")
        assert thread_link(await h.fake.wait_for(final_note(timeline), 20)) == thread_id
        posted = [m["content"] for m in h.fake.thread_messages(thread_id)]
        assert posted[-len(overflow_timeline(stored.briefing)):] == overflow_timeline(stored.briefing)

        source = await h.fake.press(h.bob, card, "Source")
        summary = await h.fake.wait_for(source.private_text, 20)
        assert source.callback_type == 4 and stored.briefing.source.content_sha256 in summary


async def test_rerun_is_for_the_requester_or_a_moderator_and_bypasses_the_cache(
    tmp_path: Path, engine: PooledEngine
) -> None:
    text = (ARTICLES / "philippines-sama-sama-lantern-exercise.txt").read_text(encoding="utf-8")
    async with BotHarness(tmp_path / "b.db", engine) as h:
        ex = await h.fake.slash(h.alice, "brief", text=text[:3000])
        card = await h.fake.wait_for(ex.card, 20)
        made = h.store.get_briefing(1)
        assert made is not None
        refused = await h.fake.press(h.bob, card, "Re-run")
        assert "Only the person who asked" in await h.fake.wait_for(refused.private_text)

        rerun = await h.fake.press(h.alice, card, "Re-run")
        await h.fake.wait_for(lambda: rerun.contents, 20)
        assert rerun.callback_type == 6  # the card itself is updated, no new message
        remade = h.store.get_briefing(1)  # same id: the buttons keep working
        assert remade is not None and remade.created_at > made.created_at  # made again, not cached
        assert len(h.store.recent(5)) == 1
        edited = h.fake.messages[int(card["id"])]
        assert edited["embeds"][0]["title"] == card["embeds"][0]["title"]
        assert "brief:rerun:1:" + str(h.alice) in str(edited["components"])

        by_mod = await h.fake.press(h.mod, card, "Re-run", moderator=True)
        await h.fake.wait_for(lambda: by_mod.contents, 20)
        assert by_mod.private_text() is None
