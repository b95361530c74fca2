"""Degrade, never drop: under injected faults every briefing completes, by model or by fallback."""

from __future__ import annotations

import random
from typing import Any

import pytest
from fakes.openai_scripts import ARTICLE, SleepLog, good_reply, make_settings
from fakes.openai_server import FakeOpenAI, Reply, error, ok, reply_json, stall

from bot.core.engine_factory import build_engine
from bot.core.local.engine import LocalEngine
from bot.core.openai_engine import FallbackEngine, ModelReplyError, OpenAIEngine

CAP = 3


async def test_unavailable_model_falls_back_to_local_with_a_reason() -> None:
    async with FakeOpenAI([error(503)] * CAP) as server:
        primary = OpenAIEngine(make_settings(server.base_url, openai_max_attempts=CAP), sleep=SleepLog())
        engine = FallbackEngine(primary, LocalEngine())
        briefing = await engine.brief(ARTICLE)
        await primary.aclose()
    assert len(server.requests) == CAP
    prov = briefing.provenance
    assert prov.engine == "local"
    reason = prov.fallback_reason or ""
    assert reason.startswith(f"The model server stayed unavailable after {CAP} attempt(s) in ")
    assert reason.endswith(" s (last error: HTTP 503). Briefed by the local engine instead.")
    assert (engine.name, engine.prompt_id, engine.model) == ("openai", "briefing@1", "gpt-4o-mini")


async def test_refusal_is_not_hidden_by_the_fallback() -> None:
    async with FakeOpenAI([Reply(content=None, refusal="No.")]) as server:
        primary = OpenAIEngine(make_settings(server.base_url), sleep=SleepLog())
        engine = FallbackEngine(primary, LocalEngine())
        with pytest.raises(ModelReplyError, match="declined"):
            await engine.brief(ARTICLE)
        await primary.aclose()
    assert len(server.requests) == 1

def faulty(rng: random.Random, content: str) -> Any:
    """30% of requests answered 429, 500, or stalled past the client timeout."""

    def respond(_body: dict[str, Any]) -> Reply:
        roll = rng.random()
        if roll < 0.10:
            return error(429, "busy", headers={"Retry-After": "0.001"})
        if roll < 0.20:
            return error(500)
        if roll < 0.30:
            return stall(0.2)
        return ok(content, 1000, 200, 500)

    return respond


async def test_hundred_briefings_under_thirty_percent_faults() -> None:
    content = reply_json(good_reply())
    async with FakeOpenAI(responder=faulty(random.Random(4), content)) as server:
        settings = make_settings(
            server.base_url, openai_max_attempts=CAP, openai_timeout_s=0.05, openai_max_total_s=5.0
        )
        engine = build_engine(settings, "openai")
        assert isinstance(engine, FallbackEngine)
        engine.primary.caller.sleep = SleepLog()  # type: ignore[attr-defined]
        results = []
        for _ in range(100):
            before = len(server.requests)
            briefing = await engine.brief(ARTICLE)
            results.append((briefing, len(server.requests) - before))
        await engine.primary.aclose()  # type: ignore[attr-defined]
    assert len(results) == 100
    assert max(requests for _, requests in results) <= CAP
    by_model = [(b, n) for b, n in results if b.provenance.fallback_reason is None]
    fell_back = [(b, n) for b, n in results if b.provenance.fallback_reason is not None]
    assert all(b.provenance.engine == "openai" and b.provenance.attempts == n for b, n in by_model)
    assert all(b.provenance.tokens_in == 1000 and b.provenance.tokens_cached == 500 for b, _ in by_model)
    assert all(b.provenance.engine == "local" and n == CAP for b, n in fell_back)
    faults = sum(1 for r in server.requests if r.status != 200)
    assert 0.2 < faults / len(server.requests) < 0.4
    assert len(by_model) >= 90
