"""Messages for a briefing card's thread: every quote, the full timeline, the source record.

Each message fits Discord's 2,000-character message limit; article text is escaped and its mentions
neutralised. Nothing is dropped: a quote too long for one message continues in the next, marked "…".
"""

from __future__ import annotations

from bot.core.models import Briefing, ExpertView
from bot.core.render import sections
from bot.core.render.text import (
    clip,
    discord_markdown,
    discord_plain,
    display_len,
    one_line,
    split_to_fit,
)

MESSAGE_LIMIT = 2000
# Room left in a message for one line's own markup ("> “", "**…** — ") around its text.
_LINE_TEXT = 1800
_DOT = " \u00b7 "


def overflow_quotes(b: Briefing) -> list[str]:
    """Every expert's summary and quotes (verified ones in quotation marks), as thread messages."""
    blocks = [
        _expert_block(view) for view in b.expert_views if view.quotes or one_line(view.summary)
    ]
    if not blocks:
        return []
    return pack_messages([["**Expert views and quotes**"], *blocks])


def overflow_timeline(b: Briefing) -> list[str]:
    """The full timeline in date order, as thread messages."""
    if not b.dates:
        return []
    lines = ["**Timeline**"]
    for d in sections.timeline(b):
        label = sections.date_label(d)
        written = one_line(d.text)
        parts = [
            one_line(d.event),
            f"as written: {written}" if written and written != label else "",
        ]
        detail = _DOT.join(part for part in parts if part)
        pieces = split_to_fit(detail, _LINE_TEXT, discord_markdown) or [""]
        head = f"**{clip(label, 100, discord_markdown)}**"
        lines.append(f"{head} \u2014 {pieces[0]}" if pieces[0] else head)
        lines += pieces[1:]
    return pack_messages([lines])


def source_summary(b: Briefing) -> str:
    """Where the article came from, its full content hash, and how the briefing was made."""
    s, p = b.source, b.provenance
    lines = ["**Source**"]
    if one_line(s.title):
        lines.append(f"Title: {clip(one_line(s.title), 300, discord_markdown)}")
    url = sections.http_url(s.url)
    if url and display_len(url) <= 600:
        lines.append(f"Link: <{url}>")
    facts = [
        f"{k}: {clip(one_line(v), 120, discord_markdown)}"
        for k, v in (
            ("Site", s.site),
            ("Author", s.author),
            ("Published", s.published),
            ("Language", s.language),
        )
        if one_line(v)
    ]
    if facts:
        lines.append(_DOT.join(facts))
    fetched = f"Fetched {s.fetched_at.isoformat(timespec='seconds')}{_DOT}" if s.fetched_at else ""
    extractor = clip(one_line(s.extractor), 60, discord_markdown)
    lines.append(f"{fetched}{s.chars:,} characters{_DOT}extractor {extractor}")
    digest = one_line(s.content_sha256).replace("`", "")
    lines.append(f"Content sha256: `{clip(digest, 128, discord_plain)}`")
    made = [sections.engine_fact(p), one_line(p.prompt)]
    made.append(f"{p.tokens_in:,} in / {p.tokens_out:,} out / {p.tokens_cached:,} cached tokens")
    made.append(sections.cost_fact(p))
    made += [
        f"{p.attempts} attempt{'s' if p.attempts != 1 else ''}",
        f"{p.elapsed_ms / 1000:.1f} s",
    ]
    lines.append("Made by: " + _DOT.join(clip(m, 120, discord_markdown) for m in made if m))
    notes = sections.caveats(p)
    if notes:
        lines.append("Caveats: " + _DOT.join(clip(n, 160, discord_markdown) for n in notes))
    return clip("\n".join(lines), MESSAGE_LIMIT)


def _expert_block(view: ExpertView) -> list[str]:
    head = f"**{clip(one_line(view.speaker) or 'Unnamed source', 200, discord_markdown)}**"
    role = sections.role_of(view)
    lines = [f"{head}, {clip(role, 300, discord_markdown)}" if role else head]
    if one_line(view.summary):
        lines += split_to_fit(one_line(view.summary), _LINE_TEXT, discord_markdown)
    for quote in sections.verified_quotes(view):
        for piece in split_to_fit(sections.quote_body(quote), _LINE_TEXT, discord_markdown):
            lines.append(f"> {sections.OPEN_QUOTE}{piece}{sections.CLOSE_QUOTE}")
    for quote in sections.reported_quotes(view):
        for piece in split_to_fit(sections.quote_body(quote), _LINE_TEXT, discord_markdown):
            lines.append(f"Reported, not verbatim: {piece}")
    return lines


def pack_messages(blocks: list[list[str]], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Pack blocks of lines into as few messages as fit `limit`, splitting a block only by line.

    Every line must already fit `limit` on its own.
    """
    messages: list[str] = []
    current = ""
    for block in blocks:
        whole = "\n".join(block)
        joined = f"{current}\n\n{whole}" if current else whole
        if display_len(joined) <= limit:
            current = joined
            continue
        if current and display_len(whole) <= limit:
            messages.append(current)
            current = whole
            continue
        for line in block:
            joined = f"{current}\n{line}" if current else line
            if display_len(joined) <= limit:
                current = joined
            else:
                messages.append(current)
                current = line
    if current:
        messages.append(current)
    return messages
