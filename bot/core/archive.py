"""The per-guild briefing archive: where cards were posted, duplicate links, search and export.

A briefing row is shared by every guild that asked for the same text, so a guild's archive is the
set of its *postings*. Every query here starts from `postings.guild_id`: nothing one server briefed
can surface in another's recent list, search, timeline, export or digest.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from pydantic import ValidationError

from bot.core.errors import InputError
from bot.core.links import jump_url, normalise_url
from bot.core.models import Briefing
from bot.core.render.export import export_json, export_markdown
from bot.core.store import Store

__all__ = ["Archive", "Posting", "fts_query", "jump_url", "utc_iso"]

ExportFormat = Literal["markdown", "json"]
Row = tuple[int, int, int, int, int | None, str | None, str, str]

_COLUMNS = (
    "p.guild_id, p.briefing_id, p.channel_id, p.message_id, p.thread_id, p.url, p.posted_at,"
    " b.briefing_json"
)
# The newest posting of each briefing in the guild: a card posted twice is listed once.
_LATEST = (
    "p.id = (SELECT MAX(q.id) FROM postings q"
    " WHERE q.guild_id = p.guild_id AND q.briefing_id = p.briefing_id)"
)
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)
_MAX_TERMS = 16


@dataclass(frozen=True)
class Posting:
    """One card posted in one guild: where it is, and the link it came from."""

    guild_id: int
    briefing_id: int
    channel_id: int
    message_id: int
    thread_id: int | None
    url: str | None
    posted_at: datetime

    @property
    def jump_url(self) -> str:
        """The Discord link to the card's message."""
        return jump_url(self.guild_id, self.channel_id, self.message_id)


def utc_iso(moment: datetime) -> str:
    """Fixed-width UTC ISO text (sorts in time order); a naive datetime is taken as UTC."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="microseconds")


def _phrase(text: str) -> str:
    # Inside FTS5 double quotes every character is literal; only `"` needs doubling.
    return '"' + text.replace('"', '""') + '"'


def fts_query(query: str) -> str:
    """A user's search text as a safe FTS5 query: every word must match, "quoted phrases" stay
    phrases, a trailing * keeps a prefix, and a bare OR between words means either. Any other
    operator or punctuation is searched as plain text, so no input is a syntax error."""
    groups: list[list[str]] = [[]]
    for phrase, bare in _TERM.findall(query):
        if bare == "OR":
            groups.append([])
            continue
        text = phrase if phrase else bare
        prefix = bool(bare) and bare.endswith("*") and len(bare.rstrip("*")) >= 2
        if _WORD.search(text) and sum(map(len, groups)) < _MAX_TERMS:
            groups[-1].append(_phrase(text.rstrip("*") if prefix else text) + (" *" if prefix else ""))
    groups = [g for g in groups if g]
    if not groups:
        raise InputError("Search for at least one word or name, for example: Patriot Poland.")
    if len(groups) == 1:
        return " ".join(groups[0])
    return " OR ".join(f"({' '.join(g)})" for g in groups)


class Archive:
    """Per-guild postings and the queries over them, on the store's SQLite database."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def record_posting(
        self,
        guild_id: int,
        briefing_id: int,
        channel_id: int,
        message_id: int,
        *,
        thread_id: int | None = None,
        url: str | None = None,
        posted_at: datetime | None = None,
    ) -> None:
        """Remember that this card is in this guild; `url` defaults to the briefing's source."""
        when = utc_iso(posted_at or datetime.now(UTC))
        with self.store.writing("record a posted card") as conn:
            row = conn.execute("SELECT url FROM briefings WHERE id = ?", (briefing_id,)).fetchone()
            if row is None:
                raise InputError(f"Briefing #{briefing_id} is not stored, so it cannot be archived.")
            link = url or row[0]
            conn.execute(
                "INSERT INTO postings (guild_id, briefing_id, channel_id, message_id, thread_id,"
                " url, url_norm, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (guild_id, channel_id, message_id) DO UPDATE SET"
                " briefing_id = excluded.briefing_id, thread_id = excluded.thread_id,"
                " url = excluded.url, url_norm = excluded.url_norm",
                (guild_id, briefing_id, channel_id, message_id, thread_id, link,
                 normalise_url(link) if link else None, when),
            )

    def find_duplicate(
        self, guild_id: int, *, url: str | None = None, content_sha256: str | None = None
    ) -> Posting | None:
        """The newest card in this guild for the same normalised link or the same article text."""
        where: list[str] = []
        params: list[object] = [guild_id]
        if url and url.strip():
            where.append("p.url_norm = ?")
            params.append(normalise_url(url))
        if content_sha256:
            where.append("b.content_sha256 = ?")
            params.append(content_sha256)
        if not where:
            return None
        rows = self._rows(
            "find a duplicate link",
            f"SELECT {_COLUMNS} FROM postings p JOIN briefings b ON b.id = p.briefing_id"
            f" WHERE p.guild_id = ? AND ({' OR '.join(where)}) ORDER BY p.id DESC LIMIT 1",
            params,
        )
        return rows[0][0] if rows else None

    def recent(self, guild_id: int, limit: int = 10) -> list[tuple[Posting, Briefing]]:
        """This guild's newest cards, newest first, each card once."""
        return self._rows(
            "list recent briefings",
            f"SELECT {_COLUMNS} FROM postings p JOIN briefings b ON b.id = p.briefing_id"
            f" WHERE p.guild_id = ? AND {_LATEST} ORDER BY p.posted_at DESC, p.id DESC LIMIT ?",
            (guild_id, max(0, limit)),
        )

    def between(
        self, guild_id: int, since: datetime, until: datetime
    ) -> list[tuple[Posting, Briefing]]:
        """Every card this guild posted in [since, until), oldest first, each card once."""
        rows = self._rows(
            "list briefings of a period",
            f"SELECT {_COLUMNS} FROM postings p JOIN briefings b ON b.id = p.briefing_id"
            " WHERE p.guild_id = ? AND p.posted_at >= ? AND p.posted_at < ?"
            " ORDER BY p.posted_at, p.id",
            (guild_id, utc_iso(since), utc_iso(until)),
        )
        newest: dict[int, tuple[Posting, Briefing]] = {}
        for posting, briefing in rows:
            newest.pop(posting.briefing_id, None)
            newest[posting.briefing_id] = (posting, briefing)
        return list(newest.values())

    def postings_of(self, guild_id: int, briefing_ids: Sequence[int]) -> list[Posting]:
        """Every posting of these briefings in this guild, oldest first."""
        if not briefing_ids:
            return []
        marks = ", ".join("?" for _ in briefing_ids)
        rows = self._rows(
            "list postings",
            f"SELECT {_COLUMNS} FROM postings p JOIN briefings b ON b.id = p.briefing_id"
            f" WHERE p.guild_id = ? AND p.briefing_id IN ({marks}) ORDER BY p.posted_at, p.id",
            (guild_id, *briefing_ids),
        )
        return [posting for posting, _ in rows]

    def search(self, guild_id: int, query: str, limit: int = 10) -> list[tuple[Posting, Briefing]]:
        """This guild's cards best matching `query` in titles, BLUFs, actors, systems and quotes."""
        return self._match("search briefings", guild_id, fts_query(query), limit, "{t}rank, {t}pid DESC")

    def by_actor(self, guild_id: int, name: str, limit: int = 25) -> list[tuple[Posting, Briefing]]:
        """This guild's newest cards naming this actor or speaker, in time order."""
        return self._timeline(guild_id, "actors", name, limit)

    def by_system(
        self, guild_id: int, name: str, limit: int = 25
    ) -> list[tuple[Posting, Briefing]]:
        """This guild's newest cards naming this system, in time order."""
        return self._timeline(guild_id, "systems", name, limit)

    def export(
        self, guild_id: int, since: datetime, until: datetime, fmt: ExportFormat
    ) -> str:
        """This guild's cards of [since, until) as one Markdown or JSON document."""
        if utc_iso(since) >= utc_iso(until):
            raise InputError("The export period is empty: its start must come before its end.")
        items = self.between(guild_id, since, until)
        if fmt == "markdown":
            return export_markdown(items, since, until)
        if fmt == "json":
            return export_json(items, since, until)
        raise InputError(f"Export as markdown or json, not {fmt!r}.")

    def _timeline(
        self, guild_id: int, column: str, name: str, limit: int
    ) -> list[tuple[Posting, Briefing]]:
        if not _WORD.search(name):
            raise InputError("Give a name to look for, for example: Patriot.")
        match = f"{column} : {_phrase(name.strip())}"
        order = "{t}at DESC, {t}pid DESC"
        newest = self._match(f"list briefings on {column}", guild_id, match, limit, order)
        return newest[::-1]

    def _match(
        self, doing: str, guild_id: int, match: str, limit: int, order: str
    ) -> list[tuple[Posting, Briefing]]:
        """`order` names columns of the page as {t}rank, {t}at (posted) and {t}pid (posting id)."""
        # Rank (or date) the matches on ids alone and read the card JSON only for the page shown:
        # sorting thousands of full briefings is what would make a common word slow.
        sql = (
            "WITH hits AS MATERIALIZED (SELECT rowid AS id, rank FROM briefing_search"
            " WHERE briefing_search MATCH ?),"
            " mine AS (SELECT hits.id, hits.rank, (SELECT MAX(q.id) FROM postings q"
            " WHERE q.guild_id = ? AND q.briefing_id = hits.id) AS pid FROM hits),"
            " page AS (SELECT mine.id, mine.rank, mine.pid, p.posted_at AS at FROM mine"
            f" JOIN postings p ON p.id = mine.pid ORDER BY {order.format(t='')} LIMIT ?)"
            f" SELECT {_COLUMNS} FROM page JOIN postings p ON p.id = page.pid"
            f" JOIN briefings b ON b.id = page.id ORDER BY {order.format(t='page.')}"
        )
        with self.store.reading(doing) as conn:
            try:
                rows = conn.execute(sql, (match, guild_id, max(0, limit))).fetchall()
            except sqlite3.OperationalError as err:
                # fts_query quotes everything, so this is a safety net, not a path users see.
                raise InputError("That search could not be read; try plain words or names.") from err
        return _loaded(rows)

    def _rows(
        self, doing: str, sql: str, params: Sequence[object]
    ) -> list[tuple[Posting, Briefing]]:
        with self.store.reading(doing) as conn:
            rows = conn.execute(sql, tuple(params)).fetchall()
        return _loaded(rows)


def _loaded(rows: list[Row]) -> list[tuple[Posting, Briefing]]:
    return [loaded for loaded in (_load(row) for row in rows) if loaded is not None]


def _load(row: Row) -> tuple[Posting, Briefing] | None:
    try:
        briefing = Briefing.model_validate_json(row[7])
    except ValidationError:
        # Written by an older briefbot: the card still exists in Discord, but not in our listings.
        return None
    posting = Posting(
        guild_id=row[0],
        briefing_id=row[1],
        channel_id=row[2],
        message_id=row[3],
        thread_id=row[4],
        url=row[5],
        posted_at=datetime.fromisoformat(row[6]),
    )
    return posting, briefing
