"""The OpenAI engine behind the real service and SQLite store: cache hits cost no call."""

from __future__ import annotations

from pathlib import Path

from fakes.openai_scripts import ARTICLE, SleepLog, good_reply, make_settings
from fakes.openai_server import FakeOpenAI, error, ok, reply_json

from bot.core.local.engine import LocalEngine
from bot.core.openai_engine import FallbackEngine, OpenAIEngine
from bot.core.service import BriefingService
from bot.core.store import Store


async def test_same_content_prompt_and_model_is_served_from_the_store(tmp_path: Path) -> None:
    async with FakeOpenAI([ok(reply_json(good_reply()), 1000, 200)]) as server:
        settings = make_settings(server.base_url, db_path=tmp_path / "b.db")
        engine = OpenAIEngine(settings, sleep=SleepLog())
        with Store.open(settings.db_path) as store:
            service = BriefingService(settings, store, engine)
            first = await service.brief_article(ARTICLE)
            second = await service.brief_article(ARTICLE)
        await engine.aclose()
    assert len(server.requests) == 1
    assert (first.cached, second.cached) == (False, True)
    assert second.briefing == first.briefing
    assert second.briefing.provenance.tokens_in == 1000


async def test_a_fallback_briefing_is_not_served_as_the_model_s(tmp_path: Path) -> None:
    script = [error(503), error(503), ok(reply_json(good_reply()), 1000, 200)]
    async with FakeOpenAI(script) as server:
        settings = make_settings(server.base_url, db_path=tmp_path / "b.db", openai_max_attempts=2)
        primary = OpenAIEngine(settings, sleep=SleepLog())
        with Store.open(settings.db_path) as store:
            service = BriefingService(settings, store, FallbackEngine(primary, LocalEngine()))
            degraded = await service.brief_article(ARTICLE)
            recovered = await service.brief_article(ARTICLE)
        await primary.aclose()
    assert len(server.requests) == 3
    assert degraded.briefing.provenance.engine == "local" and degraded.briefing.provenance.fallback_reason
    assert recovered.cached is False and recovered.briefing.provenance.engine == "openai"
