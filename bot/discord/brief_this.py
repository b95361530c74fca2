""""Brief this": every link (or file, or the text) of a message becomes a card in a thread on it."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

import discord

from bot.core.errors import BriefbotError, InputError
from bot.core.service import BriefingResult
from bot.discord.replies import NO_MENTIONS, defer, fit, open_thread, plain
from bot.discord.targets import Target, targets_in, thread_name
from bot.discord.uploads import read_attachment
from bot.discord.views import card

if TYPE_CHECKING:
    from bot.discord.app import BriefBot


async def brief_message(
    bot: BriefBot, interaction: discord.Interaction[BriefBot], message: discord.Message
) -> None:
    """Briefs each target concurrently, then posts one card per target in the message's thread."""
    files = [(a.filename, a.url) for a in message.attachments]
    targets = targets_in(message.content, files)
    if not targets:
        raise InputError("That message has no link, article text or .txt/.md/.html file to brief.")
    guild_id = bot.admit(interaction)
    await defer(interaction, private=True)
    outcomes = await asyncio.gather(
        *(_brief_target(bot, interaction, message, t, guild_id) for t in targets),
        return_exceptions=True,
    )
    for outcome in outcomes:
        if isinstance(outcome, BaseException) and not isinstance(outcome, BriefbotError):
            raise outcome
    done = [o for o in outcomes if isinstance(o, BriefingResult)]
    if not done:
        # Nothing to show: one private error instead of an empty thread.
        raise next(o for o in outcomes if isinstance(o, BriefbotError))
    thread = await open_thread(bot, message, thread_name(targets))
    for target, outcome in zip(targets, outcomes, strict=True):
        if isinstance(outcome, BriefingResult):
            posted = await thread.send(**card(outcome, interaction.user.id))
            bot.record_card(guild_id, outcome, posted)
        else:
            failure = fit(f"Could not brief {target.label}: {plain(str(outcome))}")
            await thread.send(failure, allowed_mentions=NO_MENTIONS)
    cards = f"{len(done)} card{'s' if len(done) != 1 else ''}"
    failed = len(targets) - len(done)
    note = f" ({failed} could not be briefed)" if failed else ""
    await interaction.edit_original_response(
        content=f"{cards} in {thread.mention}{note}.", allowed_mentions=NO_MENTIONS
    )


async def _brief_target(
    bot: BriefBot,
    interaction: discord.Interaction[BriefBot],
    message: discord.Message,
    target: Target,
    guild_id: int,
) -> BriefingResult:
    if target.kind == "url":
        work = partial(bot.service.brief, url=target.value, guild_id=guild_id)
    elif target.kind == "text":
        work = partial(bot.service.brief, text=target.value, guild_id=guild_id)
    else:
        attachment = next(a for a in message.attachments if a.url == target.value)
        data, name = await read_attachment(attachment, bot.settings)
        work = partial(bot.service.brief, data=data, filename=name, guild_id=guild_id)
    return await bot.queued(interaction, work)
