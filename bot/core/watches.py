"""Watched channels: where the bot briefs posted links by itself, optionally after N reactions.

Kept in the briefing database (migration 0005) so a restart keeps them. No Discord here: channel
and guild ids are plain integers, and an emoji is the text Discord shows for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.errors import InputError
from bot.core.migrations import utc_now
from bot.core.store import Store

MAX_REACTIONS = 50
MAX_WATCHED = 25  # per guild: each watched channel may cost a model call per link
_SELECT = "SELECT guild_id, channel_id, emoji, reactions FROM watched_channels"


@dataclass(frozen=True, slots=True)
class Watch:
    """One watched channel and its reaction gate (no emoji: links are briefed at once)."""

    guild_id: int
    channel_id: int
    emoji: str | None = None
    reactions: int = 0

    @property
    def gated(self) -> bool:
        """True when links wait for reactions."""
        return self.emoji is not None

    def describe(self) -> str:
        """How the gate reads in a reply: 'at once' or 'after 3 × 👀'."""
        return f"after {self.reactions} \u00d7 {self.emoji}" if self.gated else "at once"


def watch_for(
    guild_id: int, channel_id: int, emoji: str | None = None, reactions: int | None = None
) -> Watch:
    """A validated watch: an emoji alone means one reaction; a count needs an emoji."""
    emoji = emoji.strip() if emoji else None
    if reactions is not None and emoji is None:
        raise InputError("Choose the emoji to count as well as how many reactions to wait for.")
    if emoji is None:
        return Watch(guild_id, channel_id)
    count = 1 if reactions is None else reactions
    if not 1 <= count <= MAX_REACTIONS:
        raise InputError(f"The number of reactions must be between 1 and {MAX_REACTIONS}.")
    if len(emoji) > 64 or any(ch.isspace() for ch in emoji):
        raise InputError("Give one emoji, such as \U0001f440, or a server emoji.")
    return Watch(guild_id, channel_id, emoji, count)


class Watches:
    """The watched channels of every guild, in the briefing database."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, watch: Watch, added_by: int | None = None) -> None:
        """Starts (or changes) watching a channel; refuses past MAX_WATCHED per guild."""
        with self.store.writing("watch a channel") as conn:
            known = conn.execute(
                "SELECT channel_id FROM watched_channels WHERE guild_id = ?", (watch.guild_id,)
            ).fetchall()
            if watch.channel_id not in {row[0] for row in known} and len(known) >= MAX_WATCHED:
                raise InputError(
                    f"This server already watches {MAX_WATCHED} channels; remove one first."
                )
            conn.execute(
                "INSERT INTO watched_channels (guild_id, channel_id, emoji, reactions, added_by,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, channel_id)"
                " DO UPDATE SET emoji = excluded.emoji, reactions = excluded.reactions,"
                " added_by = excluded.added_by",
                (watch.guild_id, watch.channel_id, watch.emoji, watch.reactions, added_by,
                 utc_now()),
            )

    def remove(self, guild_id: int, channel_id: int) -> bool:
        """Stops watching a channel; False when it was not watched."""
        with self.store.writing("stop watching a channel") as conn:
            cur = conn.execute(
                "DELETE FROM watched_channels WHERE guild_id = ? AND channel_id = ?",
                (guild_id, channel_id),
            )
            return cur.rowcount > 0

    def get(self, guild_id: int, channel_id: int) -> Watch | None:
        """The watch on this channel of this guild, if any."""
        with self.store.reading("read a watched channel") as conn:
            row = conn.execute(
                f"{_SELECT} WHERE guild_id = ? AND channel_id = ?", (guild_id, channel_id)
            ).fetchone()
        return Watch(*row) if row else None

    def in_guild(self, guild_id: int) -> list[Watch]:
        """This guild's watched channels, oldest first."""
        with self.store.reading("list watched channels") as conn:
            rows = conn.execute(
                f"{_SELECT} WHERE guild_id = ? ORDER BY created_at, channel_id", (guild_id,)
            ).fetchall()
        return [Watch(*row) for row in rows]
