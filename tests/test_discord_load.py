"""A burst of /brief interactions: every one deferred in time, every card delivered, heartbeat steady.

The timing figures come from `bench/discord_load.py` (50 interactions); this checks correctness only.
"""

from __future__ import annotations

from pathlib import Path

from discord_fake.harness import shared_engine
from discord_fake.load import run_load


async def test_a_burst_is_deferred_in_time_and_every_card_arrives(tmp_path: Path) -> None:
    report = await run_load(tmp_path / "load.db", shared_engine(), requests=16, spread_s=0.5,
                            heartbeat_ms=200, max_concurrent=2, timeout_s=60)
    assert report.cards == 16
    assert report.deferred_max_s < 3
    # The heartbeat kept its rhythm while the worker process parsed articles.
    assert report.heartbeats >= 3
    assert report.heartbeat_max_gap_s < report.heartbeat_interval_s + 1.0
