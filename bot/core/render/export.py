"""A guild's archive for a period as one file: Markdown to read, JSON for other tools."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.core.models import Briefing
from bot.core.render.markdown import to_markdown

if TYPE_CHECKING:
    from bot.core.archive import Posting

Item = tuple["Posting", Briefing]


def _day(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def export_markdown(items: list[Item], since: datetime, until: datetime) -> str:
    """Every card of the period as Markdown, oldest first, each with when and where it was posted."""
    head = f"# Briefings from {_day(since)} to {_day(until)}\n\n{len(items)} briefing(s).\n"
    blocks = [head]
    for posting, briefing in items:
        # Each card is a whole document with its own "# title"; demote it one level under ours.
        card = "\n".join(
            "#" + line if line.startswith("#") else line
            for line in to_markdown(briefing).splitlines()
        )
        posted = f"*Posted {_day(posting.posted_at)} \u00b7 [card](<{posting.jump_url}>)*"
        blocks.append(f"{card}\n\n{posted}\n")
    return "\n---\n\n".join(blocks)


def export_json(items: list[Item], since: datetime, until: datetime) -> str:
    """The period as JSON: {since, until, briefings: [{posting, briefing}]} in Briefing JSON names."""
    payload: dict[str, Any] = {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "briefings": [
            {
                "posting": {
                    "briefing_id": posting.briefing_id,
                    "channel_id": str(posting.channel_id),
                    "message_id": str(posting.message_id),
                    "thread_id": None if posting.thread_id is None else str(posting.thread_id),
                    "url": posting.url,
                    "posted_at": posting.posted_at.isoformat(),
                    "jump_url": posting.jump_url,
                },
                "briefing": briefing.model_dump(mode="json"),
            }
            for posting, briefing in items
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
