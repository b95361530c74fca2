"""The worker pool that keeps spaCy off the bot's event loop (bot/core/workers.py)."""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest
from discord_fake.harness import shared_engine

from bot.core.article import Article
from bot.core.errors import EngineError
from bot.core.workers import default_workers

TEXT = (
    "Poland signed a contract on Tuesday for 96 AH-64E Apache helicopters, the defence ministry "
    "said in Warsaw. Deliveries are due to start in 2028, officials said."
)


def test_no_more_workers_than_cpus() -> None:
    assert 1 <= default_workers(64) <= (multiprocessing.cpu_count() or 1)
    assert default_workers(1) == 1


async def test_a_worker_that_dies_is_replaced() -> None:
    engine = shared_engine()  # the suite's one-worker pool: it must recover for later tests too
    (pid,) = engine.warm()
    assert pid != os.getpid()
    os.kill(pid, signal.SIGKILL)  # as the out-of-memory killer would
    with pytest.raises(EngineError, match="worker process stopped unexpectedly"):
        await engine.brief(Article(text=TEXT))
    briefing = await engine.brief(Article(text=TEXT))  # a fresh pool took over
    assert briefing.source.chars == len(TEXT) and briefing.provenance.engine == "local"
    assert engine.warm() != [pid]
