"""A burst of /brief interactions against the stand-in, with the figures the load test reports."""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from bot.core.engines import Engine

from .exchanges import Exchange
from .harness import BotHarness

ARTICLES = Path(__file__).resolve().parents[3] / "shared" / "eval" / "articles"


def distinct_texts(count: int, chars: int = 1500) -> list[str]:
    """`count` different article excerpts from the dev set (different, so none is a cache hit)."""
    sources = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    texts: list[str] = []
    offset = 0
    while len(texts) < count:
        for text in sources:
            piece = text[offset : offset + chars].strip()
            if len(piece) > chars // 2 and len(texts) < count:
                texts.append(piece)
        offset += chars // 3
    return texts


@dataclass
class LoadReport:
    """What one burst measured."""

    requests: int
    spread_s: float
    deferred_max_s: float
    cards: int
    last_card_s: float
    card_p50_s: float
    card_p95_s: float
    heartbeat_interval_s: float
    heartbeats: int
    heartbeat_max_gap_s: float
    loop_lag_max_s: float

    def lines(self) -> list[str]:
        """The figures, one per line."""
        return [
            f"interactions sent          {self.requests} within {self.spread_s:.2f} s",
            f"slowest defer              {self.deferred_max_s * 1000:.0f} ms (Discord allows 3000)",
            f"cards delivered            {self.cards}/{self.requests}",
            f"time to last card          {self.last_card_s:.2f} s after the first interaction",
            f"interaction -> card p50    {self.card_p50_s:.2f} s",
            f"interaction -> card p95    {self.card_p95_s:.2f} s",
            f"heartbeats ACKed           {self.heartbeats} at {self.heartbeat_interval_s * 1000:.0f} ms "
            f"intervals; longest gap {self.heartbeat_max_gap_s * 1000:.0f} ms",
            f"event-loop lag (max)       {self.loop_lag_max_s * 1000:.0f} ms",
        ]


async def _loop_probe(stop: asyncio.Event, lags: list[float], tick: float = 0.02) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        await asyncio.sleep(tick)
        lags.append(time.perf_counter() - started - tick)


def _quantile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1]


async def run_load(db_path: Path, engine: Engine, *, requests: int = 50, spread_s: float = 1.0,
                   heartbeat_ms: int = 250, max_concurrent: int = 2, timeout_s: float = 300) -> LoadReport:
    """Sends `requests` distinct /brief text interactions within `spread_s` and waits for every card."""
    texts = distinct_texts(requests)
    async with BotHarness(db_path, engine, heartbeat_interval_ms=heartbeat_ms,
                          max_concurrent_briefings=max_concurrent) as h:
        users = [h.fake.world.person(f"user{i}") for i in range(requests)]
        stop, lags = asyncio.Event(), []
        probe = asyncio.create_task(_loop_probe(stop, lags))
        beats_before = len(h.fake.heartbeats)
        started = time.perf_counter()
        sent: list[Exchange] = []
        for i, (user, text) in enumerate(zip(users, texts, strict=True)):
            # Evenly spaced on the clock, so the burst really fits in spread_s.
            await asyncio.sleep(max(0.0, started + i * spread_s / requests - time.perf_counter()))
            sent.append(await h.fake.slash(user, "brief", text=text))
        spread = sent[-1].sent_at - started
        await h.fake.wait_for(lambda: all(ex.card_at for ex in sent) or None, timeout_s)
        stop.set()
        await probe
        beats = h.fake.heartbeats[beats_before:]
    card_s = [ex.card_at - ex.sent_at for ex in sent if ex.card_at]
    gaps = [b - a for a, b in zip(beats, beats[1:], strict=False)]
    return LoadReport(
        requests=requests,
        spread_s=spread,
        deferred_max_s=max((ex.callback_at or float("inf")) - ex.sent_at for ex in sent),
        cards=sum(1 for ex in sent if ex.card() is not None),
        last_card_s=max(ex.card_at or 0 for ex in sent) - started,
        card_p50_s=statistics.median(card_s),
        card_p95_s=_quantile(card_s, 0.95),
        heartbeat_interval_s=heartbeat_ms / 1000,
        heartbeats=len(beats),
        heartbeat_max_gap_s=max(gaps, default=float("inf")),
        loop_lag_max_s=max(lags, default=0.0),
    )
