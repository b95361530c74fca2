"""Load test: a burst of /brief interactions against the local Discord stand-in, with figures.

    .venv/bin/python bench/discord_load.py [--requests 50] [--spread 1.0] [--pool process|thread]

Every interaction must be deferred within 3 s and get its card, and the gateway heartbeat must be
acknowledged throughout; the script prints the time to the last card and p50/p95 interaction-to-card.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from discord_fake.load import run_load  # noqa: E402

from bot.core.local.engine import LocalEngine  # noqa: E402
from bot.core.workers import PooledEngine, default_workers  # noqa: E402


def main() -> int:
    """Runs one burst and prints its figures; exits 1 if a requirement was missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--spread", type=float, default=1.0, help="seconds over which to send them")
    parser.add_argument("--pool", choices=("process", "thread"), default="process")
    parser.add_argument("--concurrency", type=int, default=2, help="max_concurrent_briefings")
    parser.add_argument("--heartbeat-ms", type=int, default=250)
    args = parser.parse_args()

    engine = PooledEngine(LocalEngine(), workers=default_workers(args.concurrency), kind=args.pool)
    engine.warm()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            report = asyncio.run(run_load(
                Path(tmp) / "load.db", engine, requests=args.requests, spread_s=args.spread,
                heartbeat_ms=args.heartbeat_ms, max_concurrent=args.concurrency,
            ))
    finally:
        engine.close()
    print(f"engine: local, {engine.workers} {args.pool} worker(s), max_concurrent_briefings={args.concurrency}")
    print("\n".join(report.lines()))
    ok = (report.cards == report.requests and report.deferred_max_s < 3
          and report.heartbeat_max_gap_s < report.heartbeat_interval_s + 1.0)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
