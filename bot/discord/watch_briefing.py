"""Briefing the links of a message in a watched channel; links this guild already has a card for
are answered with a jump link to it, without fetching or briefing them again."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

import discord

from bot.core.errors import BriefbotError
from bot.core.links import normalise_url
from bot.core.service import BriefingResult
from bot.discord.replies import NO_MENTIONS, fit, open_thread, plain
from bot.discord.targets import MAX_SOURCES, Target, links_in, thread_name
from bot.discord.views import card

if TYPE_CHECKING:
    from bot.discord.app import BriefBot


@dataclass(slots=True)
class LinkOutcome:
    """What became of one link: a new card, a pointer to an existing one, or an error."""

    url: str
    normalised: str
    result: BriefingResult | None = None
    existing: str | None = None  # jump link to this guild's earlier card
    error: BriefbotError | None = None

    def line(self) -> str:
        """The one-line note for a link that got no new card."""
        label = Target("url", self.url).label
        if self.existing is not None:
            return f"Already briefed {label}: {self.existing}"
        return f"Could not brief {label}: {plain(str(self.error))}"


def distinct_links(content: str) -> list[tuple[str, str]]:
    """(link, normalised link) pairs, one per normalised link, at most MAX_SOURCES."""
    seen: dict[str, str] = {}
    for url in links_in(content):
        seen.setdefault(normalise_url(url), url)
    return [(url, norm) for norm, url in seen.items()][:MAX_SOURCES]


async def brief_watched_message(bot: BriefBot, message: discord.Message) -> None:
    """New links become cards in a thread on the message; the rest get one short line each."""
    guild = message.guild
    links = distinct_links(message.content)
    if guild is None or not links:
        return
    outcomes = await asyncio.gather(*(_one_link(bot, guild.id, u, n) for u, n in links))
    if not any(o.result for o in outcomes):
        # Nothing new: a short reply beats an empty thread.
        text = fit("\n".join(o.line() for o in outcomes))
        await message.reply(text, mention_author=False, allowed_mentions=NO_MENTIONS)
        return
    thread = await open_thread(bot, message, thread_name([Target("url", u) for u, _ in links]))
    for outcome in outcomes:
        if outcome.result is None:
            await thread.send(fit(outcome.line()), allowed_mentions=NO_MENTIONS)
            continue
        sent = await thread.send(**card(outcome.result, message.author.id))
        bot.record_card(guild.id, outcome.result, sent, url=outcome.normalised)


async def _one_link(bot: BriefBot, guild_id: int, url: str, normalised: str) -> LinkOutcome:
    outcome = LinkOutcome(url, normalised)
    try:
        found = bot.archive.find_duplicate(guild_id, url=normalised)
        if found is None:
            bot.budget.check(guild_id)
            article = await bot.service.ingest(url=url)
            found = bot.archive.find_duplicate(guild_id, content_sha256=article.sha256)
        if found is not None:
            outcome.existing = found.jump_url
            return outcome
        async with bot.queue.slot():
            result = await bot.service.brief_article(article, guild_id=guild_id)
        bot.budget.charge(guild_id, result.briefing, cached=result.cached)
        outcome.result = result
    except BriefbotError as err:
        outcome.error = err
    return outcome
