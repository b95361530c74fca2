"""The command tree and its one error handler: known errors become a short private message."""

from __future__ import annotations

import logging
import secrets

import discord
from discord import app_commands

from bot.core.errors import BriefbotError
from bot.discord.replies import plain, private_note

log = logging.getLogger("briefbot.discord")

# discord.py's own check failures already read as sentences ("This command cannot be used in
# private messages."), so they are shown as they are.
_SHOWN_AS_IS = (app_commands.CheckFailure, app_commands.TransformerError)


def _root(error: Exception) -> Exception:
    if isinstance(error, app_commands.CommandInvokeError):
        return error.original if isinstance(error.original, Exception) else error
    return error


def user_message(error: Exception) -> str | None:
    """The sentence a user sees for a known error, or None for a bug."""
    if isinstance(error, BriefbotError):
        return plain(str(error))  # messages may quote a link or file name the user gave
    if isinstance(error, _SHOWN_AS_IS):
        return str(error)
    if isinstance(error, discord.Forbidden):
        return (
            "I am missing a permission in this channel. A server admin can fix it: I need View "
            "Channel, Send Messages, Embed Links, Read Message History, Create Public Threads and "
            "Send Messages in Threads."
        )
    if isinstance(error, app_commands.CommandSignatureMismatch | app_commands.CommandNotFound):
        return "This command was just updated; close the menu and try again in a minute."
    return None


class BriefTree(app_commands.CommandTree[discord.Client]):
    """Routes every command, modal and button error through `on_error`."""

    async def on_error(  # type: ignore[override]
        self, interaction: discord.Interaction, error: Exception
    ) -> None:
        """Known errors: a short private message. Anything else: logged with an incident id."""
        error = _root(error)
        message = user_message(error)
        if message is None:
            incident = secrets.token_hex(4)
            what = interaction.command.qualified_name if interaction.command else interaction.type.name
            log.error("Incident %s: %s failed", incident, what, exc_info=error)
            message = (
                f"Something went wrong on our side (incident `{incident}`). "
                "It has been logged; please try again later."
            )
        try:
            await private_note(interaction, message)
        except discord.HTTPException as err:
            # Past Discord's 15-minute token life, or the channel is gone: nothing left to tell.
            log.warning("Could not tell user about an error (%s): %s", err, message)
