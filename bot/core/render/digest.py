"""A digest as Discord messages (each within 2,000 characters, nothing pings) and as Markdown."""

from __future__ import annotations

from datetime import UTC, date
from typing import TYPE_CHECKING

from bot.core.render import sections
from bot.core.render.text import (
    clip,
    discord_markdown,
    display_len,
    markdown,
    one_line,
    split_to_fit,
)
from bot.core.schedule import digest_marker

if TYPE_CHECKING:
    from bot.core.digest import Digest, Story

MESSAGE_LIMIT = 2000
# Room kept free in every message for the "part i/n" header added once the count is known.
_PART_ROOM = 60
_TITLE, _BLUF, _LEAD, _NAMES, _NEW = 200, 450, 700, 300, 300
_MORE_LINKS = 5
_DOT = " \u00b7 "


def digest_day(d: Digest) -> date:
    """The day a digest is for: its scheduled local day, else the UTC day its window ends."""
    if d.day is not None:
        return d.day
    until = d.until if d.until.tzinfo else d.until.replace(tzinfo=UTC)
    return until.astimezone(UTC).date()


def _counts(d: Digest) -> str:
    stories = f"{len(d.stories)} stor{'y' if len(d.stories) == 1 else 'ies'}"
    return f"{stories} from {d.briefing_count} briefing{'' if d.briefing_count == 1 else 's'}"


def _header(d: Digest, part: int, parts: int) -> str:
    marker = digest_marker(d.guild_id, digest_day(d))
    tail = _counts(d) if part == 1 else f"part {part}/{parts}"
    late = " *(late)*" if d.late and part == 1 else ""
    return f"**{marker} {tail}**{late}"


def _links(story: Story) -> str:
    links = [f"[card](<{p.jump_url}>)" for p in story.postings[:1]]
    source = sections.http_url(story.postings[0].url) if story.postings else None
    if source:
        links.append(f"[source](<{source}>)")
    more = [f"[{i}](<{p.jump_url}>)" for i, p in enumerate(story.postings[1:], 2)]
    if more:
        extra = len(more) - _MORE_LINKS
        links.append("also " + " ".join(more[:_MORE_LINKS]) + (f" +{extra}" if extra > 0 else ""))
    return _DOT.join(links)


def _story_block(rank: int, story: Story) -> str:
    count = len(story.briefing_ids)
    facts = [f"{count} articles"] if count > 1 else []
    if story.continuing:
        facts.append("continuing")
    title = clip(one_line(story.title) or "Untitled", _TITLE, discord_markdown)
    lines = [f"**{rank}. {title}**" + "".join(_DOT + f for f in facts)]
    if one_line(story.bluf):
        lines.append(clip(one_line(story.bluf), _BLUF, discord_markdown))
    if story.new_since_last:
        lines.append("**New:** " + clip("; ".join(story.new_since_last), _NEW, discord_markdown))
    names = _names(story)
    if names:
        lines.append(clip(names, _NAMES, discord_markdown))
    links = _links(story)
    if links:
        lines.append(links)
    return "\n".join(lines)


def _names(story: Story) -> str:
    parts = []
    if story.actors:
        parts.append("Actors: " + ", ".join(story.actors))
    if story.systems:
        parts.append("Systems: " + ", ".join(story.systems))
    return _DOT.join(parts)


def _pack(blocks: list[str], limit: int) -> list[str]:
    messages: list[str] = []
    current = ""
    for block in blocks:
        for piece in [block] if display_len(block) <= limit else split_to_fit(block, limit):
            joined = f"{current}\n\n{piece}" if current else piece
            if display_len(joined) <= limit:
                current = joined
            else:
                messages.append(current)
                current = piece
    return [*messages, current] if current else messages


def digest_messages(d: Digest) -> list[str]:
    """The digest as Discord message contents: the marker line first, then the lead and stories."""
    lead = clip(one_line(d.lead), _LEAD, discord_markdown)
    blocks = ([lead] if lead else []) + [_story_block(i, s) for i, s in enumerate(d.stories, 1)]
    bodies = _pack(blocks, MESSAGE_LIMIT - _PART_ROOM) or [""]
    return [
        f"{_header(d, i, len(bodies))}\n{body}".rstrip()
        for i, body in enumerate(bodies, 1)
    ]


def _markdown_story(rank: int, story: Story) -> str:
    lines = [f"## {rank}. {markdown(one_line(story.title) or 'Untitled')}"]
    if one_line(story.bluf):
        lines += ["", markdown(one_line(story.bluf))]
    if story.new_since_last:
        lines += ["", "**New since the last digest:** " + markdown("; ".join(story.new_since_last))]
    if story.actors:
        lines += ["", "**Actors:** " + markdown(", ".join(one_line(a) for a in story.actors))]
    if story.systems:
        lines += ["", "**Systems:** " + markdown(", ".join(one_line(s) for s in story.systems))]
    links = _links(story)
    if links:
        lines += ["", links]
    return "\n".join(lines)


def digest_markdown(d: Digest) -> str:
    """The digest as one Markdown document (for the CLI and exports)."""
    late = " (late)" if d.late else ""
    head = [
        f"# Briefbot digest, {digest_day(d).isoformat()}{late}",
        f"*{_counts(d)}, {d.since.isoformat(timespec='minutes')} to "
        f"{d.until.isoformat(timespec='minutes')}*",
    ]
    lead = markdown(one_line(d.lead))
    blocks = ["\n\n".join(head), *([lead] if lead else [])]
    blocks += [_markdown_story(i, s) for i, s in enumerate(d.stories, 1)]
    return "\n\n".join(blocks) + "\n"
