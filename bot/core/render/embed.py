"""The briefing as a Discord embed payload (a plain dict), within every Discord limit.

Article-derived text is escaped and its mentions neutralised before it is placed. The 6,000-character
budget goes first to the title, footer and description (the bottom line matters most), then is shared
fairly between the Actors, Systems, Timeline and Expert views fields: a short section keeps all it
needs and a long one is cut with "+N more". Overflow goes to the thread (see `thread`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from bot.core.models import Briefing, ExpertView
from bot.core.render import sections
from bot.core.render.text import (
    clip,
    discord_markdown,
    discord_plain,
    display_len,
    fit_lines,
    one_line,
)
from bot.core.render.thread import overflow_quotes, overflow_timeline, source_summary

__all__ = [
    "EMBED_LIMITS",
    "EmbedLimits",
    "briefing_embed",
    "embed_size",
    "overflow_quotes",
    "overflow_timeline",
    "source_summary",
]

Field = dict[str, Any]
_DOT = " \u00b7 "
_COLOR_LOCAL = 0x3B82F6
_COLOR_OPENAI = 0x10A37F
_COLOR_CAVEAT = 0xF59E0B
_DESCRIPTION_SHARE = 2500
_MAX_EXPERT_FIELDS = 10


@dataclass(frozen=True, slots=True)
class EmbedLimits:
    """Discord's limits, in characters (see shared/design/briefing.md)."""

    title: int = 256
    description: int = 4096
    fields: int = 25
    field_name: int = 256
    field_value: int = 1024
    footer: int = 2048
    author_name: int = 256
    total: int = 6000
    message: int = 2000


EMBED_LIMITS = EmbedLimits()


def embed_size(embed: dict[str, Any]) -> int:
    """Characters Discord counts toward the 6,000 total: title, description, fields, footer, author."""
    parts = [embed.get("title", ""), embed.get("description", "")]
    parts += [embed.get("footer", {}).get("text", ""), embed.get("author", {}).get("name", "")]
    for field in embed.get("fields", []):
        parts += [field.get("name", ""), field.get("value", "")]
    return sum(display_len(part or "") for part in parts)


def briefing_embed(b: Briefing, *, briefing_id: int | None = None) -> dict[str, Any]:
    """The briefing card: linked title, BLUF and key points, fields, provenance footer."""
    title = clip(
        one_line(b.title) or one_line(b.source.title) or "Untitled article",
        EMBED_LIMITS.title,
        discord_markdown,
    )
    footer = _footer(b, briefing_id)
    room = EMBED_LIMITS.total - display_len(title) - display_len(footer)
    description = _description(b, min(room, _DESCRIPTION_SHARE, EMBED_LIMITS.description))
    room -= display_len(description)
    embed: dict[str, Any] = {"title": title, "color": _color(b)}
    url = sections.http_url(b.source.url)
    if url:
        embed["url"] = url
    if description:
        embed["description"] = description
    fields = _fields(b, room)
    if fields:
        embed["fields"] = fields
    embed["footer"] = {"text": footer}
    if b.source.fetched_at is not None:
        stamp = b.source.fetched_at
        embed["timestamp"] = (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).isoformat()
    return embed


def _color(b: Briefing) -> int:
    if sections.caveats(b.provenance):
        return _COLOR_CAVEAT
    return _COLOR_OPENAI if b.provenance.engine == "openai" else _COLOR_LOCAL


def _footer(b: Briefing, briefing_id: int | None) -> str:
    s, p = b.source, b.provenance
    facts = [one_line(s.site), one_line(s.published), sections.engine_fact(p), one_line(p.prompt)]
    facts += [sections.usage_fact(p)]
    if one_line(s.content_sha256):
        facts.append(f"sha256 {one_line(s.content_sha256)[:8]}")
    facts += sections.caveats(p)
    if briefing_id is not None:
        facts.append(f"#{briefing_id}")
    # The footer renders no markdown, so only mentions are neutralised (escapes would show).
    text = _DOT.join(clip(f, 80, discord_plain) for f in facts if f)
    return clip(text, 400)


def _description(b: Briefing, limit: int) -> str:
    bluf = clip(one_line(b.bluf), min(limit, 1000), discord_markdown)
    points = [one_line(p.text) for p in b.key_points if one_line(p.text)]
    lines = [f"- {clip(point, 350, discord_markdown)}" for point in points]
    room = limit - display_len(bluf) - (2 if bluf else 0)
    listed = fit_lines(lines, room, more="more key points") if lines and room > 20 else ""
    return "\n\n".join(x for x in (bluf, listed) if x)


# --- fields --------------------------------------------------------------------------------------

Section = Callable[[Briefing, int], list[Field]]


def _fields(b: Briefing, room: int) -> list[Field]:
    """Water-fill `room` between the sections, smallest need first; unused share passes on."""
    built = {section: [] for section in _SECTIONS}
    needs = sorted(_SECTIONS, key=lambda section: _cost(section(b, room)))
    for index, section in enumerate(needs):
        share = room // (len(needs) - index)
        built[section] = section(b, share)
        room -= _cost(built[section])
    return [field for section in _SECTIONS for field in built[section]]


def _cost(fields: list[Field]) -> int:
    return sum(display_len(f["name"]) + display_len(f["value"]) for f in fields)


def _list_field(name: str, lines: list[str], budget: int, more: str, inline: bool) -> list[Field]:
    room = min(EMBED_LIMITS.field_value, budget - display_len(name))
    value = fit_lines(lines, room, more=more) if lines and room >= 24 else ""
    return [{"name": name, "value": value, "inline": inline}] if value else []


def _actors(b: Briefing, budget: int) -> list[Field]:
    lines = []
    for actor in b.actors:
        line = f"**{clip(one_line(actor.name), 80, discord_markdown)}**"
        if actor.kind != "other":
            line += f" ({actor.kind})"
        role = sections.role_of(actor)
        if role:
            line += f" \u2014 {clip(role, 120, discord_markdown)}"
        lines.append(line)
    return _list_field(f"Actors ({len(lines)})", lines, budget, "more", inline=True)


def _systems(b: Briefing, budget: int) -> list[Field]:
    lines = []
    for system in b.systems:
        line = f"**{clip(one_line(system.name), 80, discord_markdown)}**"
        if one_line(system.category):
            line += f" \u2014 {clip(one_line(system.category), 80, discord_markdown)}"
        lines.append(line)
    return _list_field(f"Systems ({len(lines)})", lines, budget, "more", inline=True)


def _timeline(b: Briefing, budget: int) -> list[Field]:
    lines = []
    for d in sections.timeline(b):
        line = f"**{clip(sections.date_label(d), 60, discord_markdown)}**"
        detail = sections.date_detail(d)
        if detail:
            line += f" \u2014 {clip(detail, 140, discord_markdown)}"
        lines.append(line)
    return _list_field("Timeline", lines, budget, "more in the thread", inline=False)


def _experts(b: Briefing, budget: int) -> list[Field]:
    views = b.expert_views[:_MAX_EXPERT_FIELDS]
    fields: list[Field] = []
    for index, view in enumerate(views):
        left = len(b.expert_views) - index - 1
        reserve = _cost([_more_experts(left)]) if left else 0
        name = clip(_speaker(view), 120, discord_markdown)
        room = min(EMBED_LIMITS.field_value, 420, budget - reserve - display_len(name))
        value = _expert_value(view, room) if room >= 40 else ""
        if not value:
            break
        fields.append({"name": name, "value": value, "inline": False})
        budget -= display_len(name) + display_len(value)
    hidden = len(b.expert_views) - len(fields)
    if hidden and fields:
        fields.append(_more_experts(hidden))
    return fields


def _more_experts(hidden: int) -> Field:
    return {"name": "More expert views", "value": f"+{hidden} more in the thread", "inline": False}


def _speaker(view: ExpertView) -> str:
    role = sections.role_of(view)
    speaker = one_line(view.speaker) or "Unnamed source"
    return f"{speaker} \u2014 {role}" if role else speaker


def _expert_value(view: ExpertView, room: int) -> str:
    quotes = sections.verified_quotes(view)
    if quotes:
        body = clip(sections.quote_body(quotes[0]), room - 2, discord_markdown)
        return f"{sections.OPEN_QUOTE}{body}{sections.CLOSE_QUOTE}" if body else ""
    # Without a verified quote only the reported-speech summary is shown, never in quotation marks.
    return clip(one_line(view.summary), room, discord_markdown)


_SECTIONS: tuple[Section, ...] = (_actors, _systems, _timeline, _experts)
