"""Runs the real bot against the stand-in: patch discord.py's two endpoints, start, check, stop."""

from __future__ import annotations

import asyncio
import atexit
import functools
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from discord.gateway import DiscordWebSocket
from discord.http import Route
from yarl import URL

from bot.core.engines import Engine
from bot.core.local.engine import LocalEngine
from bot.core.models import Briefing
from bot.core.service import BriefingService
from bot.core.settings import Settings
from bot.core.store import Store
from bot.core.workers import PooledEngine
from bot.discord.app import BriefBot, create_bot

from .server import FakeDiscord


class ErrorRecords(logging.Handler):
    """Collects ERROR records: discord.py only logs exceptions raised in callbacks."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class BotHarness:
    """`async with BotHarness(...) as h:` gives a logged-in bot (h.bot) and its stand-in (h.fake)."""

    def __init__(self, db_path: Path, engine: Engine, *, heartbeat_interval_ms: int = 41250,
                 dev_guild: bool = False, now: Callable[[], datetime] | None = None,
                 **settings: Any) -> None:
        self.fake = FakeDiscord(heartbeat_interval_ms=heartbeat_interval_ms)
        world = self.fake.world
        self.alice, self.bob, self.mod = world.person("alice"), world.person("bob"), world.person("mod")
        if dev_guild:
            settings["dev_guild"] = world.guild_id
        self.settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            db_path=db_path,
            discord_token=self.fake.token,
            fetch_allow_loopback=True,
            **{"user_cooldown_s": 0, "guild_daily_briefings": 0, "watch_channels": True, **settings},
        )
        self.engine = engine
        self.now = now or (lambda: datetime.now(UTC))
        self.errors = ErrorRecords()
        self.expected_errors = 0
        self._saved = (Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)
        self.store: Store
        self.bot: BriefBot
        self._task: asyncio.Task[None]

    async def __aenter__(self) -> BotHarness:
        await self.fake.start()
        Route.BASE = self.fake.api_base
        DiscordWebSocket.DEFAULT_GATEWAY = URL(self.fake.gateway_url)
        logging.getLogger().addHandler(self.errors)
        await self._start_bot()
        return self

    async def _start_bot(self) -> None:
        self.store = Store.open(self.settings.db_path)
        service = BriefingService(self.settings, self.store, self.engine)
        self.bot = create_bot(self.settings, service, guild_ready_timeout=0.1, now=self.now)
        self._task = asyncio.create_task(self.bot.start(self.fake.token))
        ready = asyncio.create_task(self.bot.wait_until_ready())
        # A failed login ends start(): race it against ready so its real exception shows.
        done, _ = await asyncio.wait({self._task, ready}, timeout=15,
                                     return_when=asyncio.FIRST_COMPLETED)
        if ready not in done:
            ready.cancel()
            await self._stop()
            raise AssertionError(f"bot did not become ready: {self._task.exception() if self._task.done() else 'timeout'}")

    async def _stop_bot(self) -> None:
        await self.bot.close()
        if not self._task.done():
            await asyncio.wait_for(self._task, 10)
        self.store.close()

    async def restart(self, between: Callable[[], None] | None = None) -> None:
        """Stops the bot, runs `between` (the bot is down: change the clock, the database...), starts a new one."""
        await self._stop_bot()
        if between is not None:
            between()
        await self._start_bot()

    async def _stop(self) -> None:
        await self._stop_bot()
        await self.fake.close()
        logging.getLogger().removeHandler(self.errors)
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = self._saved

    async def __aexit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self._stop()
        if exc is not None:
            return
        fake = self.fake
        assert not fake.unknown, f"routes the stand-in does not know: {fake.unknown}"
        assert not fake.violations, f"Discord would have refused: {fake.violations}"
        messages = [r.getMessage() for r in self.errors.records]
        assert len(messages) == self.expected_errors, f"ERROR log records: {messages}"


def everything_sent(fake: FakeDiscord) -> list[dict[str, Any]]:
    """Every message body the bot sent (callbacks, follow-ups, edits, channel messages)."""
    return [body for _, body in fake.bodies]



@functools.cache
def shared_engine() -> PooledEngine:
    """The production set-up (local engine in a worker process), started once per test run."""
    engine = PooledEngine(LocalEngine(), workers=1)
    engine.warm()
    atexit.register(engine.close)
    return engine


def article_html(title: str, paragraphs: list[str]) -> str:
    """A news page as trafilatura expects one."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>")


async def seeded_card(h: BotHarness, briefing: Briefing, text: str) -> dict[str, Any]:
    """Stores `briefing` as the cached briefing of `text`, then /brief's that text as a file.

    The card then shows a briefing with far more quotes and dates (or hostile text) than the
    local engine would find, through the real cache-hit path.
    """
    service = h.bot.service
    article = await service.ingest(data=text.encode(), filename="seeded.txt")
    engine = service.engine
    seeded = briefing.model_copy(update={
        "source": briefing.source.model_copy(
            update={"content_sha256": article.sha256, "chars": len(article.text)}),
        "provenance": briefing.provenance.model_copy(
            update={"engine": engine.name, "model": engine.model, "prompt": engine.prompt_id}),
    })
    h.store.save_briefing(seeded, article.text, prompt_id=engine.prompt_id)
    upload = h.fake.add_file("seeded.txt", text.encode(), "text/plain")
    ex = await h.fake.slash(h.alice, "brief", attachments={"file": upload})
    return await h.fake.wait_for(ex.card, 20)
