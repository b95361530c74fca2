"""The model-written digest lead against a local OpenAI-compatible server: stored briefings in,
quotes verified against the cards, retries through the one caller, the extractive lead on failure."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from archive_samples import T0, Poster, hours, make_briefing
from discord_fake.guilds import subcommand
from discord_fake.harness import BotHarness
from fakes.openai_scripts import SleepLog, make_settings
from fakes.openai_server import FakeOpenAI, error, ok, reply_json
from seeded_archive import post_card

from bot.core.digest import Digest, build_digest, extractive_lead
from bot.core.local.engine import LocalEngine
from bot.core.models import Briefing
from bot.core.openai_engine import FallbackEngine, OpenAIEngine
from bot.core.openai_engine.digest_lead import OpenAIDigestLead, WrittenLead, digest_lead_for
from bot.core.settings import Settings
from bot.core.store import Store

G = 111
REAL_QUOTE = "We will not leave the eastern flank without cover this winter"
INVENTED = "Poland has already won the air-defence race in Europe"
ARTICLE_ONLY = "The hangar doors at Rzeszow were repainted grey in a single afternoon."
PATRIOT_BLUF = "Poland signs a Patriot contract with Raytheon for four more batteries."
SUB_BLUF = "The navy commissioned a new Orka-class submarine at Gdynia."


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Digest, dict[int, Briefing]]:
    """A two-story digest from a real SQLite archive; the Patriot card carries one verified quote."""
    with Store.open(tmp_path / "briefbot.db") as store:
        poster = Poster(store)
        poster.post(G, make_briefing(
            "Poland signs for more air defence", PATRIOT_BLUF, actors=("Raytheon",),
            countries=("Poland",), systems=("Patriot",), quote=REAL_QUOTE, salt=ARTICLE_ONLY,
        ), at=T0 + hours(1))
        poster.post(G, make_briefing(
            "Navy commissions a submarine", SUB_BLUF, actors=("Polish Navy",), systems=("Orka",),
        ), at=T0 + hours(2))
        digest = build_digest(poster.archive, G, T0, T0 + hours(20))
        briefings = {p.briefing_id: b for p, b in poster.archive.between(G, T0, T0 + hours(20))}
    return digest, briefings


async def write_lead(
    settings: Settings, digest: Digest, briefings: dict[int, Briefing], sleep: SleepLog | None = None
) -> WrittenLead:
    """One lead from a fresh writer, its connections closed before the test's loop ends."""
    writer = OpenAIDigestLead(settings, sleep=sleep or SleepLog())
    try:
        return await writer.write(digest.stories, briefings)
    finally:
        await writer.aclose()


def lead_reply(quotes: list[dict[str, str]]) -> str:
    return reply_json({
        "lead": "Poland is buying more \"Patriot\" batteries while its navy adds a submarine.",
        "quotes": quotes,
    })


async def test_real_quote_is_shown_and_invented_one_dropped(stored: tuple[Digest, dict[int, Briefing]]) -> None:
    digest, briefings = stored
    quotes = [{"speaker": "Ana Field", "text": REAL_QUOTE}, {"speaker": "Ana Field", "text": INVENTED}]
    async with FakeOpenAI([ok(lead_reply(quotes))]) as server:
        written = await write_lead(make_settings(server.base_url), digest, briefings)
    assert f"Ana Field: \u201c{REAL_QUOTE}\u201d" in written.text
    assert INVENTED not in written.text
    assert (written.quotes_kept, written.quotes_dropped) == (1, 1)
    # The model's own sentence loses its quotation marks: only verified words are quoted.
    assert written.text.startswith("Poland is buying more Patriot batteries")
    assert written.requests == 1 and written.tokens_in == 1000


async def test_request_carries_the_briefings_never_the_article(
    stored: tuple[Digest, dict[int, Briefing]],
) -> None:
    digest, briefings = stored
    async with FakeOpenAI([ok(lead_reply([]))]) as server:
        await write_lead(make_settings(server.base_url), digest, briefings)
    body = server.requests[0].body
    sent = json.dumps(body, ensure_ascii=False)
    assert ARTICLE_ONLY not in sent and "Rzeszow" not in sent
    user = body["messages"][1]["content"]
    assert PATRIOT_BLUF in user and SUB_BLUF in user and REAL_QUOTE in user
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True


async def test_json_object_mode_puts_the_schema_in_the_prompt(
    stored: tuple[Digest, dict[int, Briefing]],
) -> None:
    digest, briefings = stored
    async with FakeOpenAI([ok(lead_reply([]))], json_schema=False) as server:
        settings = make_settings(server.base_url, openai_structured_mode="json_object")
        written = await write_lead(settings, digest, briefings)
    body = server.requests[0].body
    assert body["response_format"] == {"type": "json_object"}
    assert '"quotes"' in body["messages"][0]["content"]
    assert written.fallback_reason is None


async def test_a_server_error_is_retried_once_then_the_lead_is_written(
    stored: tuple[Digest, dict[int, Briefing]],
) -> None:
    digest, briefings = stored
    sleep = SleepLog()
    async with FakeOpenAI([error(500), ok(lead_reply([]))]) as server:
        written = await write_lead(make_settings(server.base_url), digest, briefings, sleep)
    assert len(server.requests) == 2 and len(sleep.waits) == 1
    assert written.requests == 2 and written.fallback_reason is None
    assert written.text.startswith("Poland is buying")


async def test_server_down_falls_back_to_the_extractive_lead(
    stored: tuple[Digest, dict[int, Briefing]],
) -> None:
    digest, briefings = stored
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = make_settings(f"http://127.0.0.1:{port}/v1", openai_max_attempts=2)
    written = await write_lead(settings, digest, briefings)
    assert written.text == extractive_lead(digest.stories)
    assert written.requests == 2 and written.fallback_reason


async def test_an_unusable_reply_falls_back_to_the_extractive_lead(
    stored: tuple[Digest, dict[int, Briefing]],
) -> None:
    digest, briefings = stored
    async with FakeOpenAI([ok('{"lead": 3}')]) as server:
        written = await write_lead(make_settings(server.base_url), digest, briefings)
    assert written.text == extractive_lead(digest.stories)
    assert len(server.requests) == 1


async def test_only_the_openai_engine_gets_a_model_lead() -> None:
    async with FakeOpenAI() as server:
        settings = make_settings(server.base_url)
        engine = OpenAIEngine(settings)
        writer = digest_lead_for(engine)
        assert writer is not None and writer.caller.client is engine.caller.client
        assert digest_lead_for(FallbackEngine(engine, LocalEngine())) is not None
        assert writer.prompt_id == "digest@1"
        assert digest_lead_for(object()) is None
        await engine.aclose()


async def test_digest_now_posts_the_model_lead_through_discord(tmp_path: Path) -> None:
    """The openai engine's bot: /digest now posts the model's lead with its verified quote."""
    quotes = [{"speaker": "Ana Field", "text": REAL_QUOTE}, {"speaker": "Ana Field", "text": INVENTED}]
    async with FakeOpenAI([ok(lead_reply(quotes))]) as server:
        engine = OpenAIEngine(make_settings(server.base_url), sleep=SleepLog())
        async with BotHarness(tmp_path / "b.db", engine, now=lambda: T0 + hours(20)) as h:
            world = h.fake.world
            made, text = make_briefing("Poland signs for more air defence", PATRIOT_BLUF,
                                       actors=("Raytheon",), systems=("Patriot",), quote=REAL_QUOTE,
                                       salt=ARTICLE_ONLY)
            post_card(h, world.guild_id, world.channel_id, made, text, T0 + hours(1))
            done = await subcommand(h.fake, h.mod, "digest now", admin=True)
            assert await h.fake.wait_for(done.private_text) == f"Digest posted in <#{world.channel_id}>."
            (posted,) = [m for m in h.fake.messages.values()
                         if m["content"].startswith("**briefbot digest")]
        await engine.aclose()
    assert "Poland is buying more Patriot batteries" in posted["content"]
    assert REAL_QUOTE in posted["content"] and INVENTED not in posted["content"]
    assert len(server.requests) == 1 and ARTICLE_ONLY not in json.dumps(server.requests[0].body)
