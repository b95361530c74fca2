"""The /brief slash command, its paste modal, and the "Brief this" message menu."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.errors import InputError
from bot.discord.brief_this import brief_message
from bot.discord.replies import defer
from bot.discord.uploads import check_attachment, read_attachment
from bot.discord.views import card

if TYPE_CHECKING:
    from bot.discord.app import BriefBot

class PasteModal(discord.ui.Modal, title="Brief pasted text"):
    """A form for text too long for the command line."""

    text: discord.ui.TextInput[PasteModal] = discord.ui.TextInput(
        label="Article text", style=discord.TextStyle.paragraph, max_length=4000
    )
    more: discord.ui.TextInput[PasteModal] = discord.ui.TextInput(
        label="More text, if it did not fit above",
        style=discord.TextStyle.paragraph,
        max_length=4000,
        required=False,
    )

    def __init__(self, cog: BriefCog) -> None:
        super().__init__(timeout=900)
        self.cog = cog

    async def on_submit(self, interaction: discord.Interaction[BriefBot]) -> None:  # type: ignore[override]
        """Briefs the pasted text like `/brief text:`."""
        text = "\n".join(part for part in (self.text.value, self.more.value) if part)
        await self.cog.brief_one(interaction, text=text)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:  # type: ignore[override]
        """Hands errors to the tree's one error handler."""
        await interaction.client.tree.on_error(interaction, error)  # type: ignore[arg-type]


class BriefCog(commands.Cog):
    """Briefing commands: each defers, calls one service method, and posts the card."""

    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(
            name="Brief this",
            callback=self.brief_this,
            allowed_contexts=app_commands.AppCommandContext(guild=True),
        )

    async def cog_load(self) -> None:
        """Context menus cannot live in a cog class body; register it here."""
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        """Removes the context menu with the cog."""
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @app_commands.command(name="brief")
    @app_commands.guild_only()
    @app_commands.describe(
        url="Link to the article",
        text="The article text (for long text, run /brief alone to get a form)",
        file="A .txt, .md or .html file",
    )
    async def brief(
        self,
        interaction: discord.Interaction[BriefBot],
        url: str | None = None,
        text: app_commands.Range[str, 1, 6000] | None = None,
        file: discord.Attachment | None = None,
    ) -> None:
        """Brief an article: a link, pasted text, or a file. Alone, it opens a form."""
        given = [x for x in (url, text, file) if x is not None]
        if not given:
            await interaction.response.send_modal(PasteModal(self))
            return
        if len(given) > 1:
            raise InputError("Give one of url, text or file, not several.")
        if file is not None:
            await self.brief_one(interaction, attachment=file)
        elif url is not None:
            await self.brief_one(interaction, url=url.strip())
        else:
            await self.brief_one(interaction, text=text)

    async def brief_one(
        self,
        interaction: discord.Interaction[BriefBot],
        *,
        url: str | None = None,
        text: str | None = None,
        attachment: discord.Attachment | None = None,
    ) -> None:
        """Admit, defer, brief one source in the queue, then turn the placeholder into the card."""
        bot = self.bot
        if attachment is not None:
            check_attachment(attachment, bot.settings)
        guild_id = bot.admit(interaction)
        await defer(interaction, private=False)
        if attachment is not None:
            data, name = await read_attachment(attachment, bot.settings)
            work = partial(bot.service.brief, data=data, filename=name, guild_id=guild_id)
        elif url is not None:
            work = partial(bot.service.brief, url=url, guild_id=guild_id)
        else:
            work = partial(bot.service.brief, text=text, guild_id=guild_id)
        result = await bot.queued(interaction, work)
        posted = await interaction.edit_original_response(**card(result, interaction.user.id))
        bot.record_card(guild_id, result, posted)

    async def brief_this(
        self, interaction: discord.Interaction[BriefBot], message: discord.Message
    ) -> None:
        """Brief the links (or text) of a message in a thread on it."""
        await brief_message(self.bot, interaction, message)

