"""Bench the OpenAI engine's own overhead against the local OpenAI-compatible server, in-process.

    .venv/bin/python bench/openai_bench.py [-n 200] [--faults 0.3]

For each briefing: wall time minus the server's own handling time is the pipeline overhead (prompt
rendering, token counting, the openai client and HTTP on loopback, validation, conversion,
grounding). Reports requests per briefing and overhead p50/p95. `run_bench` is what
`briefbot bench --engine openai` calls.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "tests"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from fakes.openai_scripts import ARTICLE, SleepLog, good_reply, make_settings  # noqa: E402
from fakes.openai_server import FakeOpenAI, Reply, error, ok, reply_json, stall  # noqa: E402

from bot.core.engine_factory import build_engine  # noqa: E402
from bot.core.openai_engine import FallbackEngine  # noqa: E402


@dataclass(frozen=True)
class BenchReport:
    """What one bench run measured."""

    briefings: int
    requests: int
    fallbacks: int
    overhead_p50_ms: float
    overhead_p95_ms: float
    total_p50_ms: float
    max_requests_per_briefing: int

    @property
    def requests_per_briefing(self) -> float:
        """Mean requests the engine made per briefing."""
        return self.requests / self.briefings

    def lines(self) -> list[str]:
        """Human-readable report lines."""
        return [
            f"briefings              {self.briefings}",
            f"requests per briefing  {self.requests_per_briefing:.2f} (max {self.max_requests_per_briefing})",
            f"fallbacks to local     {self.fallbacks}",
            f"pipeline overhead      p50 {self.overhead_p50_ms:.1f} ms   p95 {self.overhead_p95_ms:.1f} ms",
            f"wall time per briefing p50 {self.total_p50_ms:.1f} ms",
        ]


def _responder(faults: float, seed: int) -> Any:
    rng = random.Random(seed)
    content = reply_json(good_reply())

    def respond(_body: dict[str, Any]) -> Reply:
        roll = rng.random()
        if roll < faults / 3:
            return error(429, "busy", headers={"Retry-After": "0"})
        if roll < 2 * faults / 3:
            return error(500)
        if roll < faults:
            return stall(0.2)
        return ok(content, 1000, 200)

    return respond


async def run_bench(n: int = 100, faults: float = 0.0, seed: int = 1) -> BenchReport:
    """Brief the seed article `n` times through build_engine('openai') against the local server."""
    overheads: list[float] = []
    totals: list[float] = []
    per_briefing: list[int] = []
    fallbacks = 0
    async with FakeOpenAI(responder=_responder(faults, seed)) as server:
        settings = make_settings(server.base_url, openai_timeout_s=0.05, openai_max_attempts=3)
        engine = build_engine(settings, "openai")
        assert isinstance(engine, FallbackEngine)
        engine.primary.caller.sleep = SleepLog()  # type: ignore[attr-defined]
        await engine.brief(ARTICLE)  # warm-up: tokenizer, dateparser, connection pool
        for _ in range(n):
            first = len(server.requests)
            started = time.perf_counter()
            briefing = await engine.brief(ARTICLE)
            wall = time.perf_counter() - started
            totals.append(wall * 1000)
            overheads.append((wall - server.server_seconds(first)) * 1000)
            per_briefing.append(len(server.requests) - first)
            fallbacks += briefing.provenance.fallback_reason is not None
        await engine.primary.aclose()  # type: ignore[attr-defined]
    return BenchReport(
        briefings=n,
        requests=sum(per_briefing),
        fallbacks=fallbacks,
        overhead_p50_ms=statistics.median(overheads),
        overhead_p95_ms=statistics.quantiles(overheads, n=20)[18] if n >= 20 else max(overheads),
        total_p50_ms=statistics.median(totals),
        max_requests_per_briefing=max(per_briefing),
    )


def main() -> None:
    """Command-line entry: print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100, help="briefings to run")
    parser.add_argument("--faults", type=float, default=0.0, help="share of requests to fail")
    args = parser.parse_args()
    report = asyncio.run(run_bench(args.n, args.faults))
    print("\n".join(report.lines()))


if __name__ == "__main__":
    main()
