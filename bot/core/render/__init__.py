"""Renderers: a Briefing as a terminal panel, Markdown, or a Discord embed and thread messages.

Pure functions over the model: no I/O and no discord import, so the CLI and the bot share them.
"""

from bot.core.render.embed import EMBED_LIMITS, briefing_embed, embed_size
from bot.core.render.markdown import to_markdown
from bot.core.render.terminal import print_briefing, render_terminal
from bot.core.render.thread import overflow_quotes, overflow_timeline, source_summary

__all__ = [
    "EMBED_LIMITS",
    "briefing_embed",
    "embed_size",
    "overflow_quotes",
    "overflow_timeline",
    "print_briefing",
    "render_terminal",
    "source_summary",
    "to_markdown",
]
