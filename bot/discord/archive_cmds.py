"""`/briefings`: this server's archive of cards: recent, search, actor and system timelines, export."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.archive import Posting
from bot.core.models import Briefing
from bot.discord.replies import MAX_CONTENT, NO_MENTIONS, defer, plain, private_note
from bot.discord.scopes import guild_of

if TYPE_CHECKING:
    from bot.discord.app import BriefBot

LIST_LIMIT = 15
BLUF_CHARS = 140
PERIODS = {"day": timedelta(days=1), "week": timedelta(days=7), "month": timedelta(days=30),
           "year": timedelta(days=365)}
EPOCH = datetime(2015, 1, 1, tzinfo=UTC)  # before any Discord server existed: "all time"


def _line(posting: Posting, briefing: Briefing) -> str:
    bluf = " ".join(briefing.bluf.split())
    if len(bluf) > BLUF_CHARS:
        bluf = bluf[: BLUF_CHARS - 1] + "\u2026"
    title = " ".join(briefing.title.split()).replace("[", "(").replace("]", ")")[:120]
    # <...> inside the link stops Discord from unfurling every card under the list.
    return f"`{posting.posted_at:%Y-%m-%d}` [{title}](<{posting.jump_url}>): {bluf}"


def listing(heading: str, items: list[tuple[Posting, Briefing]], empty: str) -> str:
    """A heading and one line per card, cut to one message with a count of what did not fit."""
    if not items:
        return plain(empty)
    text = plain(heading)  # the heading quotes what the user typed
    for shown, (posting, briefing) in enumerate(items):
        line = plain(_line(posting, briefing))
        rest = f"\n\u2026and {len(items) - shown} more."
        if len(text) + 1 + len(line) + len(rest) > MAX_CONTENT:
            return text + rest
        text += "\n" + line
    return text


class ArchiveCog(commands.Cog):
    """Look up the cards posted in this server (answers only the asker sees)."""

    briefings = app_commands.Group(
        name="briefings", description="This server's briefing archive", guild_only=True
    )

    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot

    @briefings.command(name="recent")
    async def recent(self, interaction: discord.Interaction[BriefBot]) -> None:
        """The newest cards posted in this server."""
        items = self.bot.archive.recent(guild_of(interaction), LIST_LIMIT)
        await private_note(interaction, listing(
            "**Recent briefings**", items, "No briefing has been posted in this server yet."))

    @briefings.command(name="search")
    @app_commands.describe(query='Words to find in titles, BLUFs, actors, systems and quotes')
    async def search(
        self, interaction: discord.Interaction[BriefBot], query: app_commands.Range[str, 1, 200]
    ) -> None:
        """Search this server's cards; "quoted words" match as a phrase."""
        items = self.bot.archive.search(guild_of(interaction), query, LIST_LIMIT)
        await private_note(interaction, listing(
            f"**Briefings matching {query}**", items, f"No briefing in this server matches {query}."))

    @briefings.command(name="actor")
    @app_commands.describe(name="A country, organisation or person")
    async def actor(
        self, interaction: discord.Interaction[BriefBot], name: app_commands.Range[str, 1, 100]
    ) -> None:
        """A timeline of this server's cards that name an actor."""
        items = self.bot.archive.by_actor(guild_of(interaction), name, LIST_LIMIT)
        await private_note(interaction, listing(
            f"**Timeline: {name}**", items, f"No briefing in this server names {name}."))

    @briefings.command(name="system")
    @app_commands.describe(name="A weapon system, platform or programme")
    async def system(
        self, interaction: discord.Interaction[BriefBot], name: app_commands.Range[str, 1, 100]
    ) -> None:
        """A timeline of this server's cards that name a system."""
        items = self.bot.archive.by_system(guild_of(interaction), name, LIST_LIMIT)
        await private_note(interaction, listing(
            f"**Timeline: {name}**", items, f"No briefing in this server names {name}."))

    @briefings.command(name="export")
    @app_commands.describe(period="How far back to go", format="Markdown to read, JSON for tools")
    async def export(
        self,
        interaction: discord.Interaction[BriefBot],
        period: Literal["day", "week", "month", "year", "all"] = "week",
        format: Literal["markdown", "json"] = "markdown",
    ) -> None:
        """This server's cards of a period as a Markdown or JSON file."""
        guild_id = guild_of(interaction)
        until = self.bot.now()
        since = EPOCH if period == "all" else until - PERIODS[period]
        if not self.bot.archive.between(guild_id, since, until):
            await private_note(interaction, f"No briefing was posted in this server in the last {period}."
                               if period != "all" else "No briefing has been posted in this server yet.")
            return
        await defer(interaction, private=True)
        document = self.bot.archive.export(guild_id, since, until, format)
        name = f"briefings-{period}-{until:%Y%m%d}.{'md' if format == 'markdown' else 'json'}"
        upload = discord.File(io.BytesIO(document.encode("utf-8")), filename=name)
        await interaction.followup.send(
            f"Briefings of the last {period}." if period != "all" else "All briefings.",
            file=upload, ephemeral=True, allowed_mentions=NO_MENTIONS,
        )
