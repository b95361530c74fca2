"""Watched channels: `/watch add|remove|list`, and the listeners that brief links posted there."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.errors import BriefbotError
from bot.core.render.text import neutralise_mentions
from bot.core.watches import MAX_REACTIONS, Watch, watch_for
from bot.discord.replies import NO_MENTIONS, plain, private_note
from bot.discord.scopes import guild_of
from bot.discord.watch_briefing import brief_watched_message

if TYPE_CHECKING:
    from bot.discord.app import BriefBot

log = logging.getLogger("briefbot.discord")
MANAGE_GUILD = discord.Permissions(manage_guild=True)


def _channel_line(watch: Watch) -> str:
    # The emoji is the only text a user chose: it alone is made mention-safe.
    return f"<#{watch.channel_id}>: links briefed {neutralise_mentions(watch.describe())}"


class WatchCog(commands.Cog):
    """Channels whose links the bot briefs by itself, in a thread on each message."""

    watch = app_commands.Group(
        name="watch",
        description="Brief links posted in a channel automatically",
        guild_only=True,
        default_permissions=MANAGE_GUILD,
    )

    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot
        self.started: set[int] = set()  # messages already being briefed, so a reaction burst runs once

    @watch.command(name="add")
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.describe(
        channel="The channel to watch",
        emoji="Only brief a link once people react with this emoji",
        reactions=f"How many of those reactions it takes (1-{MAX_REACTIONS}, default 1)",
    )
    async def add(
        self,
        interaction: discord.Interaction[BriefBot],
        channel: discord.TextChannel,
        emoji: str | None = None,
        reactions: app_commands.Range[int, 1, MAX_REACTIONS] | None = None,
    ) -> None:
        """Brief every link posted in a channel, at once or after enough reactions."""
        guild_id = guild_of(interaction)
        watch = watch_for(guild_id, channel.id, emoji, reactions)
        self.bot.watches.add(watch, added_by=interaction.user.id)
        await private_note(interaction, f"Watching {_channel_line(watch)}, in a thread.")

    @watch.command(name="remove")
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.describe(channel="The channel to stop watching")
    async def remove(
        self, interaction: discord.Interaction[BriefBot], channel: discord.TextChannel
    ) -> None:
        """Stop briefing links posted in a channel."""
        guild_id = guild_of(interaction)
        removed = self.bot.watches.remove(guild_id, channel.id)
        text = f"Stopped watching <#{channel.id}>." if removed else f"<#{channel.id}> was not watched."
        await private_note(interaction, text)

    @watch.command(name="list")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def list_watched(self, interaction: discord.Interaction[BriefBot]) -> None:
        """The channels this server watches."""
        guild_id = guild_of(interaction)
        watches = self.bot.watches.in_guild(guild_id)
        lines = [_channel_line(w) for w in watches] or ["No channel is watched; add one with /watch add."]
        await private_note(interaction, "\n".join(lines))

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """A link in an ungated watched channel is briefed at once."""
        if message.guild is None or message.author.bot or message.webhook_id is not None:
            return
        watch = self.bot.watches.get(message.guild.id, message.channel.id)
        if watch is not None and not watch.gated:
            await self._brief(message)

    @commands.Cog.listener()
    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        """A gated link is briefed when its reactions of the chosen emoji reach the count."""
        if payload.guild_id is None or payload.message_id in self.started:
            return
        watch = self.bot.watches.get(payload.guild_id, payload.channel_id)
        if watch is None or not watch.gated or str(payload.emoji) != watch.emoji:
            return
        channel = self.bot.get_channel(payload.channel_id)
        if not isinstance(channel, discord.TextChannel):
            return
        try:
            message = await channel.fetch_message(payload.message_id)
        except discord.NotFound:
            return  # deleted since the reaction
        count = next((r.count for r in message.reactions if str(r.emoji) == watch.emoji), 0)
        # A thread on it means it was briefed before (by us before a restart, or by "Brief this").
        if count >= watch.reactions and not message.author.bot and message.thread is None:
            await self._brief(message)

    async def _brief(self, message: discord.Message) -> None:
        if message.id in self.started:
            return
        self.started.add(message.id)
        try:
            await brief_watched_message(self.bot, message)
        except BriefbotError as err:
            await message.reply(plain(str(err)), mention_author=False, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as err:
            # Most often a missing permission in that channel; nobody asked, so nobody to tell.
            log.warning("Could not brief message %s in watched channel %s: %s",
                        message.id, message.channel.id, err)
