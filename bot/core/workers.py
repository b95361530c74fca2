"""Runs the local engine's CPU work in worker processes, so an event loop (the bot's) never stalls.

spaCy holds the GIL while it parses, so threads would still slow the loop down; each worker
process loads the pipeline once, in its initializer, and then briefs many articles.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Literal, Protocol

from bot.core.article import Article
from bot.core.errors import EngineError
from bot.core.models import Briefing, EngineName

PoolKind = Literal["process", "thread"]


class SyncEngine(Protocol):
    """An engine whose work is a plain, picklable function call."""

    name: EngineName

    @property
    def prompt_id(self) -> str:
        """Part of the cache key."""
        ...

    @property
    def model(self) -> str | None:
        """Part of the cache key."""
        ...

    def brief_sync(self, article: Article) -> Briefing:
        """Brief one article in the calling thread."""
        ...


# Thread-count variables of the BLAS libraries numpy may be built with.
ONE_BLAS_THREAD = {k: "1" for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


def _warm_worker() -> None:
    # One core per worker: a worker's own BLAS threads would fight the other workers for the cores
    # (OpenBLAS threads even the tok2vec's small products). Set before numpy loads in this process.
    for name, value in ONE_BLAS_THREAD.items():
        os.environ.setdefault(name, value)
    # Load spaCy once per worker process, before the first article arrives.
    from bot.core.local.nlp import load_nlp

    load_nlp()


def _ready() -> int:
    return os.getpid()


def default_workers(limit: int) -> int:
    """No more workers than CPUs: extra processes would only fight over them."""
    return max(1, min(limit, os.cpu_count() or 1))


class PooledEngine:
    """Wraps a synchronous engine so `await brief()` runs it in a process (or thread) pool."""

    def __init__(self, engine: SyncEngine, *, workers: int, kind: PoolKind = "process") -> None:
        self.engine = engine
        self.name: EngineName = engine.name
        self.workers = workers
        self.kind = kind
        self._pool = self._new_pool()

    def _new_pool(self) -> Executor:
        if self.kind == "thread":
            return ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="brief")
        # spawn, not fork: the bot process has threads (heartbeat, resolver) a fork would copy.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_warm_worker,
        )

    @property
    def prompt_id(self) -> str:
        """The wrapped engine's prompt id."""
        return self.engine.prompt_id

    @property
    def model(self) -> str | None:
        """The wrapped engine's model."""
        return self.engine.model

    def warm(self) -> list[int]:
        """Starts every worker, blocks until each has loaded its model; returns their process ids."""
        if self.kind == "thread":
            self._pool.submit(_warm_worker).result()
            return [os.getpid()]
        futures = [self._pool.submit(_ready) for _ in range(self.workers)]
        return sorted({future.result() for future in futures})

    async def start(self) -> None:
        """`warm`, without blocking the event loop."""
        await asyncio.to_thread(self.warm)

    async def brief(self, article: Article) -> Briefing:
        """Brief in a worker; the caller's event loop stays free meanwhile."""
        loop = asyncio.get_running_loop()
        pool = self._pool
        try:
            return await loop.run_in_executor(pool, self.engine.brief_sync, article)
        except BrokenProcessPool as err:
            # A worker died (killed, out of memory): replace the pool so later requests work.
            if self._pool is pool:
                self._pool = self._new_pool()
                pool.shutdown(wait=False, cancel_futures=True)
            raise EngineError(
                "The local engine's worker process stopped unexpectedly; please try again."
            ) from err

    def close(self) -> None:
        """Stops the workers (running briefings finish first)."""
        self._pool.shutdown(wait=True, cancel_futures=True)
