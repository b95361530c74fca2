"""`/digest`: a daily digest of this server's briefings (setup, off, now, preview)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import available_timezones

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.errors import InputError
from bot.core.render.digest import digest_messages
from bot.core.schedule import DigestSchedule, parse_time
from bot.discord.digest_runner import DigestRunner
from bot.discord.replies import NO_MENTIONS, defer, private_note
from bot.discord.scopes import guild_of

if TYPE_CHECKING:
    from bot.discord.app import BriefBot

__all__ = ["DigestCog", "DigestRunner"]
NOTHING_NEW = "Nothing new has been briefed in this server since the last digest."


def next_posting(schedule: DigestSchedule, now: datetime) -> datetime:
    """The next time this schedule posts after `now`."""
    day, at = schedule.latest_slot(now)
    while at <= now:
        day += timedelta(days=1)
        at = schedule.at(day)
    return at


class DigestCog(commands.Cog):
    """The daily digest: where and when it goes, and on-demand digests."""

    digest = app_commands.Group(
        name="digest",
        description="A daily digest of this server's briefings",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot

    @property
    def runner(self) -> DigestRunner:
        """The bot's scheduler, which also builds and sends on-demand digests."""
        return self.bot.digests

    @digest.command(name="setup")
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.describe(
        channel="Where the digest is posted",
        time="Local time of day, like 08:30",
        timezone="An IANA time zone, like Europe/London",
    )
    async def setup(
        self,
        interaction: discord.Interaction[BriefBot],
        channel: discord.TextChannel,
        time: app_commands.Range[str, 1, 10],
        timezone: app_commands.Range[str, 1, 64],
    ) -> None:
        """Post a digest of this server's briefings every day at a set time."""
        schedule = DigestSchedule(guild_of(interaction), channel.id, parse_time(time), timezone.strip())
        self.runner.schedules.set(schedule)
        first = next_posting(schedule, self.bot.now())
        await private_note(interaction, (
            f"Daily digest set: {schedule.time:%H:%M} {schedule.timezone} in <#{channel.id}>. "
            f"The first one comes <t:{int(first.timestamp())}:R>."
        ))

    @setup.autocomplete("timezone")
    async def timezone_names(
        self, interaction: discord.Interaction[BriefBot], current: str
    ) -> list[app_commands.Choice[str]]:
        """Time zone names containing what was typed (Discord shows 25 at most)."""
        typed = current.strip().lower().replace(" ", "_")
        names = sorted(n for n in available_timezones() if typed in n.lower())[:25]
        return [app_commands.Choice(name=n, value=n) for n in names]

    @digest.command(name="off")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def off(self, interaction: discord.Interaction[BriefBot]) -> None:
        """Stop the daily digest."""
        removed = self.runner.schedules.off(guild_of(interaction))
        await private_note(interaction, "Daily digest turned off." if removed
                           else "This server has no daily digest.")

    @digest.command(name="now")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def now(self, interaction: discord.Interaction[BriefBot]) -> None:
        """Post a digest now, in the digest channel (or here when there is none)."""
        guild_id = guild_of(interaction)
        schedule = self.runner.schedules.get(guild_id)
        channel = (self.runner.channel(schedule.channel_id) if schedule else None) or interaction.channel
        if not isinstance(channel, discord.TextChannel | discord.Thread):
            raise InputError("Run /digest now in a text channel, or set one with /digest setup.")
        await defer(interaction, private=True)
        digest = await self.runner.post_now(guild_id, channel)
        done = f"Digest posted in <#{channel.id}>." if digest.stories else NOTHING_NEW
        await interaction.edit_original_response(content=done, allowed_mentions=NO_MENTIONS)

    @digest.command(name="preview")
    async def preview(self, interaction: discord.Interaction[BriefBot]) -> None:
        """See what the next digest would say (only you see it; nothing is recorded)."""
        guild_id = guild_of(interaction)
        await defer(interaction, private=True)
        digest = await self.runner.compose(guild_id, self.bot.now())
        if not digest.stories:
            await interaction.edit_original_response(content=NOTHING_NEW)
            return
        for text in digest_messages(digest):
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
