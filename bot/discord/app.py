"""The bot: a commands.Bot built from its dependencies, and `run_bot` for `briefbot run`."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.archive import Archive
from bot.core.engine_factory import build_engine
from bot.core.engines import Engine
from bot.core.errors import ConfigError
from bot.core.limits import Cooldowns, DailyBudget, WorkQueue
from bot.core.local.engine import LocalEngine
from bot.core.service import BriefingResult, BriefingService
from bot.core.settings import Settings
from bot.core.store import Store
from bot.core.watches import Watches
from bot.core.workers import PooledEngine, default_workers
from bot.discord.archive_cmds import ArchiveCog
from bot.discord.brief import BriefCog
from bot.discord.digests import DigestCog, DigestRunner
from bot.discord.replies import NO_MENTIONS, progress, queue_notice
from bot.discord.tree import BriefTree
from bot.discord.views import CardButton
from bot.discord.watch import WatchCog

log = logging.getLogger("briefbot.discord")


def utc_now() -> datetime:
    """The bot's default clock."""
    return datetime.now(UTC)


def bot_intents(settings: Settings) -> discord.Intents:
    """Guilds and their messages; message content (privileged) only when watched channels are on."""
    intents = discord.Intents.none()
    intents.guilds = True  # channels and threads in the cache, to post cards in
    intents.guild_messages = True
    # Privileged: Discord refuses the login (4014) unless "Message Content Intent" is enabled on
    # the Bot page, so it is asked for only when watched channels are switched on. Commands and
    # "Brief this" carry what they need without it.
    intents.message_content = settings.watch_channels
    intents.guild_reactions = settings.watch_channels  # the reaction gate of watched channels
    return intents


class BriefBot(commands.Bot):
    """The Discord front end: translates interactions into BriefingService calls."""

    def __init__(
        self,
        settings: Settings,
        service: BriefingService,
        budget: DailyBudget,
        *,
        guild_ready_timeout: float = 2.0,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,  # required by commands.Bot; never used
            intents=bot_intents(settings),
            help_command=None,
            tree_cls=BriefTree,
            allowed_mentions=NO_MENTIONS,
            guild_ready_timeout=guild_ready_timeout,
        )
        self.settings = settings
        self.service = service
        self.budget = budget
        self.cooldowns = Cooldowns(settings.user_cooldown_s)
        self.queue = WorkQueue(settings.max_concurrent_briefings)
        self.synced: list[app_commands.AppCommand] = []
        self.now = now
        self.archive = Archive(service.store)
        self.watches = Watches(service.store)
        self.digests = DigestRunner(self)

    async def setup_hook(self) -> None:
        """Registers commands and buttons, then syncs (to the dev guild when one is set)."""
        await self.add_cog(BriefCog(self))
        await self.add_cog(ArchiveCog(self))
        if self.settings.watch_channels:
            await self.add_cog(WatchCog(self))
        await self.add_cog(DigestCog(self))
        self.add_dynamic_items(CardButton)
        self.synced = await self.sync_commands()
        self.digests.start()

    async def sync_commands(self) -> list[app_commands.AppCommand]:
        """Global sync takes up to an hour to show; a dev guild gets the commands at once."""
        if self.settings.dev_guild is None:
            return await self.tree.sync()
        guild = discord.Object(id=self.settings.dev_guild)
        self.tree.copy_global_to(guild=guild)
        return await self.tree.sync(guild=guild)

    async def on_message(self, message: discord.Message, /) -> None:
        """Ignores every message, its own echoes included: the bot has no text commands.

        (commands.Bot would otherwise log "command not found" for each "@Briefbot ..." message.)
        """

    async def on_ready(self) -> None:
        """Says, once connected, who the bot is and where its commands went."""
        where = f"server {self.settings.dev_guild}" if self.settings.dev_guild else "all servers"
        log.info(
            "briefbot is online as %s in %d server(s); %d commands synced to %s.",
            self.user, len(self.guilds), len(self.synced), where,
        )

    def admit(self, interaction: discord.Interaction) -> int:
        """Checks the guild's daily budget and the user's cooldown; returns the guild id."""
        if interaction.guild_id is None:
            raise app_commands.NoPrivateMessage()
        self.budget.check(interaction.guild_id)
        self.cooldowns.hit(interaction.user.id)
        return interaction.guild_id

    async def queued(
        self,
        interaction: discord.Interaction,
        work: Callable[[], Awaitable[BriefingResult]],
    ) -> BriefingResult:
        """Runs one service call in the bounded queue, telling the user while they wait."""

        async def on_queued(ahead: int) -> None:
            await progress(interaction, queue_notice(ahead))

        async with self.queue.slot(on_queued):
            result = await work()
        if interaction.guild_id is not None:
            self.budget.charge(interaction.guild_id, result.briefing, cached=result.cached)
        return result

    def record_card(
        self,
        guild_id: int | None,
        result: BriefingResult,
        message: discord.Message,
        *,
        url: str | None = None,
    ) -> None:
        """Files a posted card in its guild's archive: digests, search and duplicates read it."""
        if guild_id is None:
            return
        thread = message.channel.id if isinstance(message.channel, discord.Thread) else None
        self.archive.record_posting(
            guild_id, result.id, message.channel.id, message.id,
            thread_id=thread, url=url, posted_at=self.now(),
        )

    async def close(self) -> None:
        """Stops the digest scheduler, disconnects, then releases the budget's database connection."""
        await self.digests.stop()
        await super().close()
        self.budget.close()


def create_bot(
    settings: Settings,
    service: BriefingService,
    *,
    guild_ready_timeout: float = 2.0,
    now: Callable[[], datetime] = utc_now,
) -> BriefBot:
    """A bot wired to `service`; its budgets, archive and schedules live in the service's database.

    `now` is the clock digests are scheduled by (tests pass one they can move).
    """
    budget = DailyBudget.open(service.store.path, settings, now=now)
    return BriefBot(settings, service, budget, guild_ready_timeout=guild_ready_timeout, now=now)


def build_bot_engine(settings: Settings) -> Engine:
    """The engine from settings; the local engine runs in worker processes."""
    engine = build_engine(settings)
    if isinstance(engine, LocalEngine):
        return PooledEngine(engine, workers=default_workers(settings.max_concurrent_briefings))
    return engine


def _token(settings: Settings) -> str:
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        raise ConfigError(
            "No Discord bot token: set DISCORD_TOKEN (in the environment or in .env) to the token "
            "from the Bot page of your application at https://discord.com/developers/applications."
        )
    return token


async def run_bot(settings: Settings) -> None:
    """Runs the bot until it is stopped: `briefbot run`."""
    token = _token(settings)
    # The CLI logs warnings only (unless -v); the bot's own few lines say it is up and where.
    if log.getEffectiveLevel() > logging.INFO:
        log.setLevel(logging.INFO)
    engine = build_bot_engine(settings)
    try:
        with Store.open(settings.db_path) as store:
            if isinstance(engine, PooledEngine):
                log.info("Loading the local engine in %d worker process(es)...", engine.workers)
                await engine.start()
            service = BriefingService(settings, store, engine)
            async with create_bot(settings, service) as bot:
                try:
                    await bot.start(token)
                except discord.LoginFailure as err:
                    raise ConfigError(
                        "Discord refused the bot token; copy it again from the Bot page of your "
                        "application and set DISCORD_TOKEN."
                    ) from err
                except discord.PrivilegedIntentsRequired as err:
                    raise ConfigError(str(err)) from err
    finally:
        if isinstance(engine, PooledEngine):
            engine.close()

