"""Per-user cooldowns, per-guild daily budgets and the bounded work queue. No Discord here.

Cooldowns are seconds long, so they live in memory (a restart forgives them). Daily budgets must
survive restarts, so they live in the briefing database (migration 0002, table guild_usage).
"""

from __future__ import annotations

import asyncio
import math
import sqlite3
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.core.errors import LimitError, StoreError
from bot.core.models import Briefing
from bot.core.settings import Settings


def _duration(seconds: float) -> str:
    """'7 s', '3 min', '2 h 5 min': how long until something resets."""
    seconds = max(1, math.ceil(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"


class Cooldowns:
    """One request per user per `seconds`; the clock is injectable for tests."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._last: dict[int, float] = {}

    def hit(self, user_id: int) -> None:
        """Starts the user's cooldown, or raises LimitError if it is still running."""
        if self.seconds <= 0:
            return
        now = self._clock()
        last = self._last.get(user_id)
        if last is not None and now - last < self.seconds:
            wait = _duration(self.seconds - (now - last))
            raise LimitError(f"You are going a little fast: try again in {wait}.")
        self._last[user_id] = now


@dataclass(frozen=True, slots=True)
class Usage:
    """What one guild has used today."""

    briefings: int
    tokens: int


def _utc_now() -> datetime:
    return datetime.now(UTC)


class DailyBudget:
    """Per-guild briefings and tokens per UTC day, kept in the briefing database."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        briefings: int,
        tokens: int,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._conn = conn
        self.max_briefings = briefings
        self.max_tokens = tokens
        self._now = now

    @classmethod
    def open(
        cls, db_path: Path, settings: Settings, *, now: Callable[[], datetime] = _utc_now
    ) -> DailyBudget:
        """A budget on the store's database file (the store has already applied the migration)."""
        try:
            conn = sqlite3.connect(db_path, timeout=10.0, isolation_level=None)
            conn.execute("SELECT 1 FROM guild_usage LIMIT 1")
        except sqlite3.Error as err:
            raise StoreError(f"Cannot read daily budgets from {db_path} ({err}).") from err
        return cls(
            conn,
            briefings=settings.guild_daily_briefings,
            tokens=settings.guild_daily_tokens,
            now=now,
        )

    def close(self) -> None:
        """Closes the budget's database connection."""
        self._conn.close()

    def _today(self) -> date:
        return self._now().date()

    def usage(self, guild_id: int) -> Usage:
        """Today's briefings and tokens for this guild."""
        row = self._conn.execute(
            "SELECT briefings, tokens FROM guild_usage WHERE guild_id = ? AND day = ?",
            (guild_id, self._today().isoformat()),
        ).fetchone()
        return Usage(*row) if row else Usage(0, 0)

    def check(self, guild_id: int) -> None:
        """Raises LimitError when this guild has used today's briefings or tokens."""
        used = self.usage(guild_id)
        midnight = datetime.combine(self._today() + timedelta(days=1), datetime.min.time(), UTC)
        resets = f"it resets at 00:00 UTC, in {_duration((midnight - self._now()).total_seconds())}"
        if self.max_briefings and used.briefings >= self.max_briefings:
            raise LimitError(
                f"This server has used its {self.max_briefings} briefings for today; {resets}."
            )
        if self.max_tokens and used.tokens >= self.max_tokens:
            raise LimitError(
                f"This server has used its {self.max_tokens:,} model tokens for today; {resets}."
            )

    def charge(self, guild_id: int, briefing: Briefing, *, cached: bool) -> None:
        """Counts a fresh briefing and its tokens against today; a cache hit costs nothing."""
        if cached:
            return
        tokens = briefing.provenance.tokens_in + briefing.provenance.tokens_out
        self._conn.execute(
            "INSERT INTO guild_usage (guild_id, day, briefings, tokens) VALUES (?, ?, 1, ?)"
            " ON CONFLICT (guild_id, day) DO UPDATE SET"
            " briefings = briefings + 1, tokens = tokens + excluded.tokens",
            (guild_id, self._today().isoformat(), tokens),
        )


class WorkQueue:
    """At most `limit` jobs at once, first come first served, and a count of who waits."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.active = 0
        self._waiting: deque[asyncio.Future[None]] = deque()

    def ahead(self) -> int:
        """How many requests a new arrival would wait behind (0 when a slot is free)."""
        return len(self._waiting) if self.active >= self.limit else 0

    @asynccontextmanager
    async def slot(
        self, on_queued: Callable[[int], Awaitable[None]] | None = None
    ) -> AsyncIterator[None]:
        """Holds a slot for the body; calls `on_queued(ahead)` first when it has to wait."""
        if self.active >= self.limit or self._waiting:
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            ahead = len(self._waiting)
            self._waiting.append(waiter)
            try:
                if on_queued is not None:
                    await on_queued(ahead)
                await waiter
            except BaseException:
                self._leave(waiter)
                raise
        else:
            self.active += 1
        try:
            yield
        finally:
            self._release()

    def _leave(self, waiter: asyncio.Future[None]) -> None:
        if waiter in self._waiting:
            self._waiting.remove(waiter)
        elif waiter.done() and not waiter.cancelled():
            # The slot was handed over just as we gave up: pass it on.
            self._release()

    def _release(self) -> None:
        # Hand the slot straight to the next waiter, so `active` never dips and late arrivals
        # cannot jump the queue.
        while self._waiting:
            nxt = self._waiting.popleft()
            if not nxt.done():
                nxt.set_result(None)
                return
        self.active -= 1
