"""The briefing database: one SQLite file, numbered migrations, and the briefing cache.

The cache key is (content sha256, engine, prompt id, model): the same text briefed the same way is
stored once, whichever guild asked. A refresh replaces the stored briefing in place, so its id (which
buttons and links carry) stays valid.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from pydantic import ValidationError

from bot.core.errors import StoreError
from bot.core.migrations import (
    Migration,
    bundled_migrations,
    migrate,
    schema_version,
    transaction,
    utc_now,
)
from bot.core.models import Briefing

_SELECT = "SELECT id, briefing_json, created_at, guild_id FROM briefings"


@dataclass(frozen=True)
class StoredBriefing:
    """A briefing as stored: its row id, when it was made, and the guild that asked for it."""

    id: int
    briefing: Briefing
    created_at: datetime
    guild_id: int | None


def _sqlite_reason(err: sqlite3.Error) -> str:
    return str(err).rstrip(".") or type(err).__name__


class Store:
    """The SQLite-backed briefing store; open it with `Store.open(path)`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        # The bot may call in from worker threads; one lock keeps transactions from interleaving.
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, migrations: list[Migration] | None = None) -> Store:
        """Open (creating if needed) the database at `path` and bring its schema up to date."""
        path = Path(path).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(
                f"Cannot create the folder {path.parent} for the briefing database "
                f"({err.strerror or err}); set BRIEFBOT_DB_PATH to a writable location."
            ) from err
        try:
            conn = sqlite3.connect(
                path, timeout=10.0, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as err:
            raise StoreError(
                f"Cannot open the briefing database at {path} ({_sqlite_reason(err)}); "
                "set BRIEFBOT_DB_PATH to a writable file."
            ) from err
        store = cls(conn, path)
        try:
            store._prepare(bundled_migrations() if migrations is None else migrations)
        except sqlite3.Error as err:
            conn.close()
            raise StoreError(
                f"Cannot use the briefing database at {path} ({_sqlite_reason(err)}); "
                "check that it is a briefbot database in a writable folder, or set BRIEFBOT_DB_PATH."
            ) from err
        except StoreError:
            conn.close()
            raise
        return store

    def _prepare(self, migrations: list[Migration]) -> None:
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self.migrate(migrations)
        # Opening a read-only file succeeds; fail now rather than on the first save.
        self._conn.execute("BEGIN IMMEDIATE")
        self._conn.execute("ROLLBACK")

    def migrate(self, migrations: list[Migration]) -> list[int]:
        """Apply the migrations not yet recorded in `schema_migrations`; return their versions."""
        with self._lock:
            return migrate(self._conn, migrations, self.path)

    def schema_version(self) -> int:
        """The highest migration applied to this database (0 for a new file)."""
        with self._lock:
            return schema_version(self._conn)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, transaction(self._conn) as conn:
            yield conn

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        try:
            with self._lock:
                yield
        except sqlite3.Error as err:
            raise StoreError(
                f"Could not {doing} in the briefing database at {self.path} "
                f"({_sqlite_reason(err)})."
            ) from err

    @contextmanager
    def reading(self, doing: str) -> Iterator[sqlite3.Connection]:
        """The connection under the store's lock, for reads; SQLite errors become StoreError."""
        with self._guard(doing):
            yield self._conn

    @contextmanager
    def writing(self, doing: str) -> Iterator[sqlite3.Connection]:
        """One write transaction under the store's lock; SQLite errors become StoreError."""
        with self._guard(doing), self._transaction() as conn:
            yield conn

    def close(self) -> None:
        """Close the connection; safe to call twice."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- briefings ------------------------------------------------------------------------------

    def find_briefing(
        self, content_sha256: str, engine: str, prompt_id: str, model: str | None
    ) -> StoredBriefing | None:
        """The cached briefing for this content, engine, prompt and model, if there is one."""
        with self._guard("look up a briefing"):
            row = self._conn.execute(
                f"{_SELECT} WHERE content_sha256 = ? AND engine = ? AND prompt_id = ? AND model = ?",
                (content_sha256, engine, prompt_id, model or ""),
            ).fetchone()
        # A row the current model cannot read is a cache miss: the refresh then replaces it.
        return _load(row) if row else None

    def save_briefing(
        self,
        briefing: Briefing,
        article_text: str,
        *,
        prompt_id: str,
        guild_id: int | None = None,
    ) -> int:
        """Store the article text (once) and the briefing under its cache key; return the row id."""
        sha = briefing.source.content_sha256
        if hashlib.sha256(article_text.encode("utf-8")).hexdigest() != sha:
            raise StoreError(
                "The briefing's content hash does not match the article text, so it was not stored."
            )
        now = utc_now()
        with self._guard("save a briefing"), self._transaction() as conn:
            conn.execute(
                "INSERT INTO articles (content_sha256, text, chars, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (content_sha256) DO NOTHING",
                (sha, article_text, len(article_text), now),
            )
            row_id = _upsert_briefing(conn, briefing, prompt_id, guild_id, now)
            conn.execute("DELETE FROM briefing_entities WHERE briefing_id = ?", (row_id,))
            conn.executemany(
                "INSERT OR IGNORE INTO briefing_entities (briefing_id, kind, name) VALUES (?, ?, ?)",
                [(row_id, kind, name) for kind, name in _entities(briefing)],
            )
        return row_id

    def get_briefing(self, briefing_id: int) -> StoredBriefing | None:
        """The briefing with this row id, or None when there is none."""
        with self._guard("read a briefing"):
            row = self._conn.execute(f"{_SELECT} WHERE id = ?", (briefing_id,)).fetchone()
        if row is None:
            return None
        stored = _load(row)
        if stored is None:
            raise StoreError(
                f"Briefing #{briefing_id} was stored by an older briefbot and can no longer be "
                "read; brief the article again to replace it."
            )
        return stored

    def get_article_text(self, content_sha256: str) -> str | None:
        """The exact article text a briefing's spans point into."""
        with self._guard("read an article"):
            row = self._conn.execute(
                "SELECT text FROM articles WHERE content_sha256 = ?", (content_sha256,)
            ).fetchone()
        return row[0] if row else None

    def recent(self, limit: int = 10, guild_id: int | None = None) -> list[StoredBriefing]:
        """The newest briefings, newest first; only one guild's when `guild_id` is given."""
        where, params = ("", ()) if guild_id is None else (" WHERE guild_id = ?", (guild_id,))
        with self._guard("list recent briefings"):
            rows = self._conn.execute(
                f"{_SELECT}{where} ORDER BY created_at DESC, id DESC LIMIT ?",
                (*params, max(0, limit)),
            ).fetchall()
        loaded = (_load(row) for row in rows)
        return [stored for stored in loaded if stored is not None]


def _upsert_briefing(
    conn: sqlite3.Connection, b: Briefing, prompt_id: str, guild_id: int | None, now: str
) -> int:
    row = conn.execute(
        """
        INSERT INTO briefings (content_sha256, engine, prompt_id, model, guild_id, url, site,
                               published, title, bluf, briefing_json, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (content_sha256, engine, prompt_id, model) DO UPDATE SET
            guild_id = COALESCE(excluded.guild_id, briefings.guild_id),
            url = excluded.url, site = excluded.site, published = excluded.published,
            title = excluded.title, bluf = excluded.bluf,
            briefing_json = excluded.briefing_json, created_at = excluded.created_at
        RETURNING id
        """,
        (
            b.source.content_sha256,
            b.provenance.engine,
            prompt_id,
            b.provenance.model or "",
            guild_id,
            b.source.url,
            b.source.site,
            b.source.published,
            b.title,
            b.bluf,
            b.model_dump_json(),
            now,
        ),
    ).fetchone()
    return int(row[0])


def _entities(b: Briefing) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for actor in b.actors:
        rows += [("actor", name) for name in (actor.name, *actor.aliases)]
    for system in b.systems:
        rows += [("system", name) for name in (system.name, *system.aliases)]
    rows += [("speaker", view.speaker) for view in b.expert_views]
    return [(kind, name.strip()) for kind, name in rows if name.strip()]


def _load(row: tuple[int, str, str, int | None]) -> StoredBriefing | None:
    try:
        briefing = Briefing.model_validate_json(row[1])
    except ValidationError:
        return None
    return StoredBriefing(
        id=int(row[0]),
        briefing=briefing,
        created_at=datetime.fromisoformat(row[2]),
        guild_id=row[3],
    )
