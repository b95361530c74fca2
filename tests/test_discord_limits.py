"""Cooldowns, daily budgets and the work queue (bot/core/limits.py), with a real SQLite file."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.core.errors import LimitError
from bot.core.limits import Cooldowns, DailyBudget, WorkQueue
from bot.core.models import Briefing, Provenance, Source
from bot.core.settings import Settings
from bot.core.store import Store


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_cooldown_blocks_the_same_user_until_it_expires() -> None:
    clock = Clock()
    cooldowns = Cooldowns(10, clock=clock)
    cooldowns.hit(1)
    cooldowns.hit(2)
    clock.now += 3
    with pytest.raises(LimitError, match="try again in 7 s"):
        cooldowns.hit(1)
    clock.now += 7
    cooldowns.hit(1)


def test_zero_cooldown_never_blocks() -> None:
    cooldowns = Cooldowns(0)
    for _ in range(3):
        cooldowns.hit(1)


def _briefing(tokens_in: int = 0, tokens_out: int = 0) -> Briefing:
    return Briefing(
        title="t",
        bluf="b",
        source=Source(content_sha256="0" * 64),
        provenance=Provenance(engine="openai", tokens_in=tokens_in, tokens_out=tokens_out),
    )


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "limits.db"
    Store.open(path).close()  # applies the migrations, including 0002_limits
    return path


def test_budget_counts_fresh_briefings_per_guild_and_day(db: Path) -> None:
    day = datetime(2025, 5, 1, 22, 0, tzinfo=UTC)
    settings = Settings(_env_file=None, guild_daily_briefings=2, guild_daily_tokens=0)  # type: ignore[call-arg]
    budget = DailyBudget.open(db, settings, now=lambda: day)
    budget.charge(7, _briefing(), cached=False)
    budget.charge(7, _briefing(), cached=True)  # a cache hit costs nothing
    budget.check(7)
    budget.charge(7, _briefing(), cached=False)
    with pytest.raises(LimitError, match=r"used its 2 briefings for today; it resets at 00:00 UTC, in 2 h 0 min"):
        budget.check(7)
    budget.check(8)  # another guild has its own budget
    assert budget.usage(7).briefings == 2
    budget.close()


def test_budget_resets_the_next_utc_day_and_survives_reopening(db: Path) -> None:
    now = [datetime(2025, 5, 1, 23, 59, tzinfo=UTC)]
    settings = Settings(_env_file=None, guild_daily_briefings=1, guild_daily_tokens=0)  # type: ignore[call-arg]
    budget = DailyBudget.open(db, settings, now=lambda: now[0])
    budget.charge(7, _briefing(), cached=False)
    budget.close()
    reopened = DailyBudget.open(db, settings, now=lambda: now[0])
    with pytest.raises(LimitError):
        reopened.check(7)
    now[0] += timedelta(minutes=2)
    reopened.check(7)
    reopened.close()


def test_token_budget_counts_model_tokens(db: Path) -> None:
    budget = DailyBudget.open(db, Settings(_env_file=None, guild_daily_tokens=1000))  # type: ignore[call-arg]
    budget.charge(7, _briefing(600, 300), cached=False)
    budget.check(7)
    budget.charge(7, _briefing(50, 50), cached=False)
    with pytest.raises(LimitError, match="1,000 model tokens"):
        budget.check(7)
    budget.close()


async def test_queue_bounds_concurrency_and_reports_position() -> None:
    queue = WorkQueue(2)
    running = 0
    peak = 0
    told: dict[int, int] = {}
    gate = asyncio.Event()

    async def job(n: int) -> int:
        nonlocal running, peak

        async def on_queued(ahead: int) -> None:
            told[n] = ahead

        async with queue.slot(on_queued):
            running += 1
            peak = max(peak, running)
            await gate.wait()
            running -= 1
        return n

    tasks = [asyncio.create_task(job(n)) for n in range(5)]
    await asyncio.sleep(0)
    assert queue.ahead() == 3
    gate.set()
    assert await asyncio.gather(*tasks) == [0, 1, 2, 3, 4]
    assert peak == 2
    assert told == {2: 0, 3: 1, 4: 2}
    assert queue.active == 0 and queue.ahead() == 0


async def test_queue_survives_a_cancelled_waiter() -> None:
    queue = WorkQueue(1)
    release = asyncio.Event()

    async def holder() -> None:
        async with queue.slot():
            await release.wait()

    first = asyncio.create_task(holder())
    await asyncio.sleep(0)
    waiter = asyncio.create_task(holder())
    await asyncio.sleep(0)
    waiter.cancel()
    release.set()
    await first
    with pytest.raises(asyncio.CancelledError):
        await waiter
    async with asyncio.timeout(1):
        async with queue.slot():
            assert queue.active == 1
    assert queue.active == 0
