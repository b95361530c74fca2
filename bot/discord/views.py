"""The card's buttons. Their custom ids carry the briefing id and requester, so they outlive restarts."""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING, Any

import discord

from bot.core.errors import BriefbotError
from bot.core.models import Briefing
from bot.core.render.embed import briefing_embed, overflow_quotes, overflow_timeline, source_summary
from bot.core.service import BriefingResult
from bot.discord.replies import NO_MENTIONS, defer, open_thread, plain, private_note

if TYPE_CHECKING:
    from bot.discord.app import BriefBot

LABELS = {"quotes": "Quotes", "timeline": "Timeline", "source": "Source", "rerun": "Re-run"}
TEMPLATE = r"brief:(?P<action>quotes|timeline|source|rerun):(?P<bid>[0-9]+):(?P<uid>[0-9]+)"


class NotAllowedError(BriefbotError):
    """The user may not use this button."""


class CardButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=TEMPLATE):
    """One of the card's buttons: Quotes, Timeline, Source or Re-run."""

    def __init__(self, action: str, briefing_id: int, requester_id: int) -> None:
        style = discord.ButtonStyle.primary if action == "rerun" else discord.ButtonStyle.secondary
        super().__init__(
            discord.ui.Button(
                label=LABELS[action],
                style=style,
                custom_id=f"brief:{action}:{briefing_id}:{requester_id}",
            )
        )
        self.action = action
        self.briefing_id = briefing_id
        self.requester_id = requester_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction,
        item: discord.ui.Button[Any],
        match: re.Match[str],
    ) -> CardButton:
        """Rebuilds the button from its custom id (also after a restart)."""
        return cls(match["action"], int(match["bid"]), int(match["uid"]))

    async def callback(self, interaction: discord.Interaction[BriefBot]) -> None:  # type: ignore[override]
        """Runs the action; errors go to the tree's one error handler."""
        try:
            await _ACTIONS[self.action](self, interaction)
        except Exception as err:  # every failure goes to the one error translator
            await interaction.client.tree.on_error(interaction, err)  # type: ignore[arg-type]

    async def _post_list(
        self,
        interaction: discord.Interaction[BriefBot],
        briefing: Briefing,
        lines: list[str],
        empty: str,
    ) -> None:
        if not lines:
            await private_note(interaction, empty)
            return
        await defer(interaction, private=True)
        thread = await open_thread(
            interaction.client, _message(interaction), _thread_title(briefing.title)
        )
        for line in lines:
            await thread.send(line, allowed_mentions=NO_MENTIONS)
        await interaction.edit_original_response(
            content=f"Posted in {thread.mention}.", allowed_mentions=NO_MENTIONS
        )

    async def quotes(self, interaction: discord.Interaction[BriefBot]) -> None:
        """Posts every expert view and verified quote in the card's thread."""
        briefing = interaction.client.service.get(self.briefing_id).briefing
        await self._post_list(
            interaction, briefing, overflow_quotes(briefing), "This briefing has no quotes."
        )

    async def timeline(self, interaction: discord.Interaction[BriefBot]) -> None:
        """Posts the full, ordered timeline in the card's thread."""
        briefing = interaction.client.service.get(self.briefing_id).briefing
        await self._post_list(
            interaction, briefing, overflow_timeline(briefing), "This briefing has no dates."
        )

    async def source(self, interaction: discord.Interaction[BriefBot]) -> None:
        """Shows the source metadata and content hash to the user alone."""
        briefing = interaction.client.service.get(self.briefing_id).briefing
        await private_note(interaction, source_summary(briefing))

    async def rerun(self, interaction: discord.Interaction[BriefBot]) -> None:
        """Briefs the stored article again, bypassing the cache, and updates this card."""
        perms = interaction.permissions
        if interaction.user.id != self.requester_id and not perms.manage_messages:
            raise NotAllowedError(
                "Only the person who asked for this briefing, or a moderator, can re-run it."
            )
        bot = interaction.client
        guild_id = bot.admit(interaction)
        await interaction.response.defer()
        work = partial(bot.service.rerun, self.briefing_id, guild_id=guild_id)
        result = await bot.queued(interaction, work)
        await interaction.edit_original_response(**card(result, self.requester_id))


_ACTIONS = {
    "quotes": CardButton.quotes,
    "timeline": CardButton.timeline,
    "source": CardButton.source,
    "rerun": CardButton.rerun,
}


def _message(interaction: discord.Interaction) -> discord.Message:
    if interaction.message is None:
        raise TypeError("a button interaction without its message")
    return interaction.message


def _thread_title(title: str) -> str:
    return plain(f"Briefing: {' '.join(title.split())}")[:100]


def card_view(briefing_id: int, requester_id: int) -> discord.ui.View:
    """The row of buttons under a card."""
    view = discord.ui.View(timeout=None)
    for action in LABELS:
        view.add_item(CardButton(action, briefing_id, requester_id))
    return view


def card(result: BriefingResult, requester_id: int) -> dict[str, Any]:
    """Keyword arguments for sending or editing a card: the renderer's embed plus the buttons."""
    embed = discord.Embed.from_dict(briefing_embed(result.briefing, briefing_id=result.id))
    return {
        "content": None,
        "embed": embed,
        "view": card_view(result.id, requester_id),
        "allowed_mentions": NO_MENTIONS,
    }
