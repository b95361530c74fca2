"""The digest scheduler: posts each guild's daily digest once, across restarts.

It runs the protocol of `bot.core.schedule`: `begin` (a durable "sending") before the first message,
`finish` after the last; on start, every run begun and never finished is settled by looking for
its marker in the channel. The clock is the bot's (`create_bot(now=...)`), so tests move time and
call `tick()` instead of sleeping.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING

import discord

from bot.core.digest import Digest, LeadWriter, build_digest, digest_window, extractive_lead
from bot.core.errors import BriefbotError
from bot.core.openai_engine.digest_lead import digest_lead_for
from bot.core.render.digest import digest_messages
from bot.core.schedule import DEFAULT_GRACE, DueDigest, ReconcileStep, Schedules, reconcile_plan
from bot.discord.replies import NO_MENTIONS

if TYPE_CHECKING:
    from bot.discord.app import BriefBot

log = logging.getLogger("briefbot.discord")
TICK_S = 30.0
HISTORY = 50  # a digest is at most a few messages: its marker is among the channel's newest


class DigestRunner:
    """Ticks every TICK_S seconds: posts the digests that are due, exactly once each."""

    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot
        self.schedules = Schedules(bot.service.store, clock=bot.now)
        self.grace = DEFAULT_GRACE
        # Extractive (local engine); with the openai engine `compose` has the model rewrite it.
        self.lead_writer: LeadWriter = extractive_lead
        self.lead_model = digest_lead_for(bot.service.engine)
        self.settled = asyncio.Event()  # set once start-up reconciliation and a first tick ran
        self._lock = asyncio.Lock()  # a tick, a reconcile or /digest now at a time
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Starts the loop (from setup_hook); it waits for the gateway to be ready."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="briefbot-digests")

    async def stop(self) -> None:
        """Cancels the loop (from close); a digest being sent is settled on the next start."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        await self.bot.wait_until_ready()
        await self._guarded("settle unfinished digests", self.reconcile)
        while True:
            await self._guarded("post due digests", self.tick)
            self.settled.set()
            await asyncio.sleep(TICK_S)

    async def _guarded(self, doing: str, step: Callable[[], Awaitable[None]]) -> None:
        # The loop must outlive any one failure: the next tick tries again.
        try:
            await step()
        except (BriefbotError, discord.HTTPException) as err:
            log.warning("Could not %s: %s", doing, err)
        except Exception:
            log.exception("Incident %s: could not %s", secrets.token_hex(4), doing)

    async def tick(self) -> None:
        """Posts every digest due at the bot's `now()`."""
        async with self._lock:
            now = self.bot.now()
            for due in self.schedules.due(now, self.grace):
                # One guild's missing permission must not hold up the others.
                await self._guarded("post a digest", partial(self._post_due, due, now))

    async def _post_due(self, due: DueDigest, now: datetime) -> None:
        guild_id = due.schedule.guild_id
        channel = self.channel(due.schedule.channel_id)
        if channel is None:
            # Not begun, so the next tick tries again until the grace window closes.
            log.warning("Digest channel %s of server %s is gone.", due.schedule.channel_id, guild_id)
            return
        if not self.schedules.begin(guild_id, due.day):
            return
        digest = await self.compose(guild_id, now, late=due.late, day=due.day)
        ids = await self.send(channel, digest)
        self.schedules.finish(guild_id, due.day, ids, late=due.late, digest=digest)

    async def reconcile(self) -> None:
        """Settles each digest begun before a restart: finish it if it went out, else send or drop it."""
        async with self._lock:
            now = self.bot.now()
            for step in reconcile_plan(self.schedules, now, self.grace):
                await self._guarded("settle a digest", partial(self._settle, step, now))

    async def _settle(self, step: ReconcileStep, now: datetime) -> None:
        channel = self.channel(step.channel_id) if step.channel_id is not None else None
        found = await self.posted(channel, step.marker) if channel is not None else []
        if found:
            # Rebuilt only to record its stories, so tomorrow's digest does not repeat them.
            digest = self.build(step.guild_id, now, late=step.late, day=step.day)
            self.schedules.finish(step.guild_id, step.day, found, late=step.late, digest=digest)
        elif step.resend and channel is not None:
            digest = await self.compose(step.guild_id, now, late=step.late, day=step.day)
            ids = await self.send(channel, digest)
            self.schedules.finish(step.guild_id, step.day, ids, late=step.late, digest=digest)
        else:
            self.schedules.abandon(step.guild_id, step.day)

    async def post_now(
        self, guild_id: int, channel: discord.TextChannel | discord.Thread
    ) -> Digest:
        """An on-demand digest (/digest now), recorded so the next one does not repeat it."""
        async with self._lock:
            digest = await self.compose(guild_id, self.bot.now())
            ids = await self.send(channel, digest)
            if ids:
                self.schedules.record_manual(guild_id, ids, digest)
        return digest

    def build(self, guild_id: int, now: datetime, *, late: bool = False,
              day: date | None = None) -> Digest:
        """The guild's digest from the end of its last one to `now`."""
        previous = self.schedules.last_digest(guild_id)
        since = digest_window(previous, now)
        return build_digest(self.bot.archive, guild_id, since, now, previous, late=late, day=day,
                            lead_writer=self.lead_writer)

    async def compose(self, guild_id: int, now: datetime, *, late: bool = False,
                      day: date | None = None) -> Digest:
        """The digest `build` makes, its lead written by the model when the engine is openai."""
        digest = self.build(guild_id, now, late=late, day=day)
        if self.lead_model is None or not digest.stories:
            return digest
        pairs = self.bot.archive.between(guild_id, digest.since, digest.until)
        written = await self.lead_model.write(digest.stories, {p.briefing_id: b for p, b in pairs})
        return replace(digest, lead=written.text)

    def channel(self, channel_id: int) -> discord.TextChannel | discord.Thread | None:
        """A digest channel from the cache, or None when it is gone or not a text channel."""
        found = self.bot.get_channel(channel_id)
        return found if isinstance(found, discord.TextChannel | discord.Thread) else None

    async def posted(self, channel: discord.TextChannel | discord.Thread, marker: str) -> list[int]:
        """Ids of our recent messages in `channel` whose first line carries `marker`, oldest first."""
        me = self.bot.user
        found = [
            m.id async for m in channel.history(limit=HISTORY)
            if me is not None and m.author.id == me.id and marker in m.content.split("\n", 1)[0]
        ]
        return sorted(found)

    @staticmethod
    async def send(channel: discord.abc.Messageable, digest: Digest) -> list[int]:
        """Posts the digest's messages; a digest with no story is not posted (nothing to say)."""
        if not digest.stories:
            return []
        ids: list[int] = []
        for text in digest_messages(digest):
            sent = await channel.send(text, allowed_mentions=NO_MENTIONS)
            ids.append(sent.id)
        return ids
