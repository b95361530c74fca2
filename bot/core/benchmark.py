"""Speed and memory of the local engine over a labelled set, measured in a clean child process.

The child is pinned to one core and limited to one BLAS/OpenMP thread, so the figures mean
"articles per second on one core". Cold start is import plus model load plus one warm-up parse. Latency is measured one article at a
time (a chat request); throughput over the set batched through `nlp.pipe` (eval, digests).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bot.core.errors import BriefbotError
from bot.core.workers import ONE_BLAS_THREAD


def run_bench(directory: Path, passes: int = 3) -> dict[str, Any]:
    """Run the benchmark in a fresh interpreter on one core and return its figures."""
    cmd = [sys.executable, "-m", "bot.core.benchmark", str(directory), str(passes)]
    env = {**os.environ, **ONE_BLAS_THREAD}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise BriefbotError(f"The benchmark failed: {proc.stderr.strip().splitlines()[-1:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _child(directory: Path, passes: int) -> dict[str, Any]:
    """Runs inside the pinned child: cold start, then per-article latency over `passes` passes."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    started = time.perf_counter()
    from bot.core.evaluation import as_article, load_gold
    from bot.core.grounding import ground
    from bot.core.local.engine import LocalEngine
    from bot.core.local.nlp import load_nlp

    load_nlp()("Warm-up sentence.")
    cold_start = time.perf_counter() - started

    engine = LocalEngine()
    articles = [as_article(item) for item in load_gold(directory)]
    # Latency: one article at a time, as a chat request arrives.
    latencies: list[float] = []
    for _ in range(passes):
        for article in articles:
            t0 = time.perf_counter()
            ground(engine.brief_sync(article), article.text)
            latencies.append((time.perf_counter() - t0) * 1000)
    # Throughput: the whole set batched through nlp.pipe, as eval and digests run it.
    batch = articles * passes
    wall = time.perf_counter()
    for article, briefing in zip(batch, engine.brief_many(batch), strict=True):
        ground(briefing, article.text)
    wall = time.perf_counter() - wall
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": len(batch),
        "articles_per_s": round(len(batch) / wall, 2),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(_percentile(latencies, 0.95), 1),
        "cold_start_s": round(cold_start, 3),
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }


if __name__ == "__main__":
    print(json.dumps(_child(Path(sys.argv[1]), int(sys.argv[2]))))
