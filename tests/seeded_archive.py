"""Cards already posted in a guild: stored briefings plus their postings, for archive and digest tests.

The briefings are built from the models (no engine call); the postings point at messages the
stand-in holds, as if the bot had posted the cards.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from discord_fake.harness import BotHarness
from discord_fake.payloads import message

from bot.core.models import Actor, Briefing, Provenance, Source, System


def briefing(title: str, bluf: str, actors: list[str], systems: list[str], url: str) -> tuple[Briefing, str]:
    """A small briefing and the article text its hash names."""
    text = f"{title}\n\n{bluf}\n\n" + " ".join(actors + systems)
    source = Source(url=url, title=title, site="news.example.org",
                    content_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), chars=len(text))
    made = Briefing(
        title=title, bluf=bluf,
        actors=[Actor(name=a, kind="country") for a in actors],
        systems=[System(name=s, category="air defence system") for s in systems],
        source=source, provenance=Provenance(engine="local", prompt="local@1"),
    )
    return made, text


def post_card(h: BotHarness, guild_id: int, channel_id: int, made: Briefing, text: str,
              posted_at: datetime) -> int:
    """Stores the briefing and files a card for it in the guild, as the bot does after posting."""
    bid = h.store.save_briefing(made, text, prompt_id="local@1", guild_id=guild_id)
    card = message(channel_id, h.fake.world.bot_user, {"content": "", "embeds": [{"title": made.title}]},
                   guild_id)
    h.fake.messages[int(card["id"])] = card
    h.bot.archive.record_posting(guild_id, bid, channel_id, int(card["id"]), url=made.source.url,
                                 posted_at=posted_at)
    return bid


STORIES = [
    ("Poland buys more Patriot batteries", "Poland signed for four more Patriot batteries to cover its east.",
     ["Poland", "United States"], ["Patriot"], "https://news.example.org/poland-patriot"),
    ("Germany orders IRIS-T SLM for Bundeswehr", "Germany ordered six IRIS-T SLM fire units for delivery from 2027.",
     ["Germany", "Diehl Defence"], ["IRIS-T SLM"], "https://news.example.org/germany-iris-t"),
    ("Japan launches H3 with radar satellite", "Japan put an IGS radar satellite in orbit on an H3 rocket.",
     ["Japan", "JAXA"], ["H3", "IGS Radar"], "https://news.example.org/japan-h3"),
]
