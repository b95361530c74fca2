"""How the bot answers: cards, private notes, and the queue notice. Nothing here pings anyone."""

from __future__ import annotations

import discord

from bot.core.render.text import neutralise_mentions

NO_MENTIONS = discord.AllowedMentions.none()
MAX_CONTENT = 2000
_PRIVATE = "briefbot.private"


def fit(text: str) -> str:
    """Text cut to Discord's 2,000-character message limit, marked when cut."""
    return text if len(text) <= MAX_CONTENT else text[: MAX_CONTENT - 1] + "\u2026"


def plain(text: str) -> str:
    """User-derived text made safe for message content: no mentions, within 2,000 chars."""
    return fit(neutralise_mentions(text))


async def defer(interaction: discord.Interaction, *, private: bool) -> None:
    """Acknowledges at once (Discord allows 3 s) and remembers whether the answer is private."""
    interaction.extras[_PRIVATE] = private
    await interaction.response.defer(ephemeral=private, thinking=True)


async def progress(interaction: discord.Interaction, text: str) -> None:
    """Replaces the 'thinking...' placeholder with a short status line."""
    await interaction.edit_original_response(content=plain(text), allowed_mentions=NO_MENTIONS)


async def private_note(interaction: discord.Interaction, text: str) -> None:
    """A message only the user sees, whatever state the interaction is in (`text` must be safe)."""
    text = fit(text)
    response = interaction.response
    if not response.is_done():
        await response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        return
    if response.type == discord.InteractionResponseType.deferred_channel_message:
        if interaction.extras.get(_PRIVATE):
            await interaction.edit_original_response(
                content=text, embed=None, view=None, allowed_mentions=NO_MENTIONS
            )
            return
        # A public "thinking..." placeholder would show the error to everyone; drop it first.
        await interaction.delete_original_response()
    await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)


def queue_notice(ahead: int) -> str:
    """What a user sees while their request waits."""
    if ahead == 0:
        return "Queued: yours is next."
    return f"Queued: {ahead} request{'s' if ahead != 1 else ''} ahead of yours."


THREAD_EXISTS = 160004  # Discord's code for "a thread has already been created for this message"


async def open_thread(client: discord.Client, message: discord.Message, name: str) -> discord.Thread:
    """The thread on `message`: the one it is in, the one started from it, or a new one."""
    if isinstance(message.channel, discord.Thread):
        return message.channel
    if message.thread is not None:
        return message.thread
    try:
        return await message.create_thread(name=name)
    except discord.HTTPException as err:
        if err.code != THREAD_EXISTS:
            raise
    # Someone (or a second button press) started it a moment ago and our cache has not caught up.
    found = await client.fetch_channel(message.id)
    if not isinstance(found, discord.Thread):
        raise TypeError(f"channel {message.id} is not a thread")
    return found
