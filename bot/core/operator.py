"""Operator views of the archive for the CLI: a guild's digest and a search, as printable text.

Wired as `briefbot digest --guild ID [--since ISO]` and `briefbot search QUERY --guild ID`.
Neither records anything: an operator looking does not change what the next digest shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from bot.core.archive import Archive
from bot.core.digest import build_digest, digest_window
from bot.core.errors import InputError
from bot.core.render.digest import digest_markdown
from bot.core.render.text import one_line
from bot.core.schedule import Schedules
from bot.core.store import Store


def _now() -> datetime:
    return datetime.now(UTC)


def parse_moment(text: str) -> datetime:
    """An ISO date or date-time ('2026-11-30', '2026-11-30T08:00+01:00'); naive means UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as err:
        raise InputError(
            f"{text.strip()!r} is not an ISO date or time; write it like 2026-11-30 or "
            "2026-11-30T08:00+01:00."
        ) from err
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def digest_report(
    store: Store,
    guild_id: int,
    since: str | datetime | None = None,
    *,
    clock: Callable[[], datetime] = _now,
) -> str:
    """The guild's digest as Markdown: since `since`, else since its last digest (a day at most
    for a guild that never had one); continuing stories are compared with that last digest."""
    until = clock()
    previous = Schedules(store).last_digest(guild_id)
    start = parse_moment(since) if isinstance(since, str) else since
    start = digest_window(previous, until) if start is None else start
    if start >= until:
        raise InputError("--since must be in the past.")
    digest = build_digest(Archive(store), guild_id, start, until, previous)
    return digest_markdown(digest)


def search_report(store: Store, query: str, guild_id: int, limit: int = 10) -> str:
    """The guild's cards best matching `query`, one block each: date, title, BLUF, card link."""
    found = Archive(store).search(guild_id, query, limit)
    if not found:
        return f"No briefings in guild {guild_id} match {one_line(query)!r}."
    lines = []
    for posting, briefing in found:
        posted = posting.posted_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
        lines.append(f"#{posting.briefing_id}  {posted} UTC  {one_line(briefing.title)}")
        if one_line(briefing.bluf):
            lines.append(f"    {one_line(briefing.bluf)}")
        lines.append(f"    {posting.jump_url}")
    return "\n".join(lines)
