"""Numbered schema migrations: the `NNNN_name.sql` files here and the code that applies them.

Each file is applied once, in number order, in its own transaction, and recorded in
`schema_migrations`; applying them again is a no-op. Never edit a shipped file: add the next number.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from bot.core.errors import StoreError

_MIGRATION_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered schema step."""

    version: int
    name: str
    sql: str


def bundled_migrations() -> list[Migration]:
    """The `NNNN_name.sql` files shipped in this package, in version order."""
    found: list[Migration] = []
    for entry in resources.files(__name__).iterdir():
        match = _MIGRATION_FILE.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise StoreError("Two bundled database migrations share a number; reinstall briefbot.")
    return found


def split_statements(sql: str) -> list[str]:
    """Split a migration script into complete statements (trigger bodies stay whole)."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    leftover = "\n".join(ln for ln in buffer.splitlines() if not ln.strip().startswith("--"))
    if leftover.strip():
        raise StoreError("A bundled database migration ends mid-statement; reinstall briefbot.")
    return statements


def utc_now() -> str:
    """Now as fixed-width UTC ISO text, which sorts in time order."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error (connection in autocommit mode)."""
    # IMMEDIATE takes the write lock up front, so a check made inside cannot go stale.
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # Some failures (disk full, I/O) already rolled back; a second ROLLBACK would mask them.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def schema_version(conn: sqlite3.Connection) -> int:
    """The highest migration applied to this database (0 for a new file)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, migrations: list[Migration], path: Path) -> list[int]:
    """Apply the migrations `conn` has not recorded yet; return the versions applied."""
    newest = max((m.version for m in migrations), default=0)
    recorded = schema_version(conn)
    if recorded > newest:
        raise StoreError(
            f"The briefing database at {path} was written by a newer briefbot "
            f"(schema {recorded}, this one knows {newest}); upgrade briefbot to use it."
        )
    if 0 < recorded < newest:
        backup_before_upgrade(conn, path, recorded)
    return [m.version for m in migrations if _apply(conn, m)]


def backup_before_upgrade(conn: sqlite3.Connection, path: Path, version: int) -> Path | None:
    """Copy a database that is about to be migrated to `<name>.schema<N>.bak` beside it, once."""
    if str(path) == ":memory:":
        return None
    target = path.with_name(f"{path.name}.schema{version}.bak")
    if target.exists():
        return target  # an earlier, interrupted upgrade already saved this schema's data
    with sqlite3.connect(target) as copy:
        conn.backup(copy)  # SQLite's online backup: consistent even while others write
    copy.close()
    return target


def _apply(conn: sqlite3.Connection, migration: Migration) -> bool:
    with transaction(conn):
        # Re-checked under the write lock: another process may have just applied it.
        done = conn.execute(
            "SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)
        ).fetchone()
        if done:
            return False
        for statement in split_statements(migration.sql):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.name, utc_now()),
        )
    return True
