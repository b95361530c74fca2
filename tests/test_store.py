"""The SQLite store: a real database file in a temp dir, migrations, the cache key, refresh, errors."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from pathlib import Path

import pytest

from bot.core.errors import StoreError
from bot.core.migrations import Migration, bundled_migrations, split_statements
from bot.core.models import Actor, Briefing, ExpertView, Provenance, Quote, Source, Span, System
from bot.core.store import Store

TEXT = (
    "Poland ordered 48 Patriot launchers on 3 March 2025, the defence ministry said.\n\n"
    "\u201cWe need them now,\u201d said Pawel Bejda, the deputy minister."
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def briefing(
    text: str = TEXT, *, bluf: str = "Poland buys Patriot.", model: str | None = None
) -> Briefing:
    quote_start = text.find("We need them now")
    return Briefing(
        title="Poland orders Patriot launchers",
        bluf=bluf,
        actors=[
            Actor(
                name="Poland", kind="country", aliases=["Warsaw"], mentions=[Span(start=0, end=6)]
            ),
            Actor(name="Pawel Bejda", kind="person", role="deputy minister", mentions=[]),
        ],
        systems=[System(name="Patriot", category="air defence", mentions=[Span(start=18, end=25)])],
        expert_views=[
            ExpertView(
                speaker="Pawel Bejda",
                quotes=[Quote(text="We need them now", start=quote_start, end=quote_start + 16)],
            )
        ],
        source=Source(url="https://example.org/a", site="example.org", content_sha256=sha(text)),
        provenance=Provenance(engine="openai" if model else "local", model=model),
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "dir" / "briefbot.db"


def test_open_creates_folders_and_migrates_once(db_path: Path) -> None:
    with Store.open(db_path) as store:
        version = store.schema_version()
        assert version == max(m.version for m in bundled_migrations()) >= 1
        assert store.migrate(bundled_migrations()) == []
    with Store.open(db_path) as store:
        assert store.schema_version() == version
        count = store._conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0]
        assert count == len(bundled_migrations())
        mode = store._conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_failed_migration_leaves_nothing_behind(db_path: Path) -> None:
    good = Migration(1, "first", "CREATE TABLE a (x INTEGER);")
    bad = Migration(2, "broken", "CREATE TABLE b (x INTEGER);\nINSERT INTO missing VALUES (1);")
    with pytest.raises(StoreError, match="Cannot use the briefing database"):
        Store.open(db_path, migrations=[good, bad])
    conn = sqlite3.connect(db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
    conn.close()
    assert "a" in tables and "b" not in tables
    assert versions == [1]


def test_newer_database_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_migrations VALUES (9999, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer briefbot"):
        Store.open(db_path)


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    sql = (
        "-- a comment\nCREATE TABLE t (x);\n"
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE t SET x = 1;\n  SELECT 1;\nEND;\n"
        "-- trailing comment\n"
    )
    statements = split_statements(sql)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    with pytest.raises(StoreError):
        split_statements("CREATE TABLE t (x)")


def test_same_input_returns_the_cached_briefing(db_path: Path) -> None:
    with Store.open(db_path) as store:
        b = briefing()
        row_id = store.save_briefing(b, TEXT, prompt_id="local-rules@1", guild_id=7)
        hit = store.find_briefing(sha(TEXT), "local", "local-rules@1", None)
        assert hit is not None
        assert hit.id == row_id
        assert hit.briefing == b
        assert hit.guild_id == 7
        assert hit.created_at.tzinfo is not None
        assert store.find_briefing(sha(TEXT), "local", "local-rules@2", None) is None
        assert store.find_briefing(sha(TEXT), "openai", "local-rules@1", None) is None
        assert store.find_briefing(sha(TEXT + " "), "local", "local-rules@1", None) is None


def test_model_is_part_of_the_key(db_path: Path) -> None:
    with Store.open(db_path) as store:
        a = store.save_briefing(briefing(model="m1"), TEXT, prompt_id="brief@1")
        b = store.save_briefing(briefing(model="m2", bluf="Other."), TEXT, prompt_id="brief@1")
        assert a != b
        hit = store.find_briefing(sha(TEXT), "openai", "brief@1", "m2")
        assert hit is not None and hit.briefing.bluf == "Other."
        assert store.find_briefing(sha(TEXT), "openai", "brief@1", None) is None
        # The article text is stored once, however many briefings point at it.
        assert store._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1


def test_refresh_replaces_in_place(db_path: Path) -> None:
    with Store.open(db_path) as store:
        first = store.save_briefing(briefing(), TEXT, prompt_id="local-rules@1", guild_id=7)
        fresh = briefing(bluf="Poland buys more Patriot.")
        fresh.actors = fresh.actors[:1]
        second = store.save_briefing(fresh, TEXT, prompt_id="local-rules@1")
        assert second == first
        stored = store.get_briefing(first)
        assert stored is not None
        assert stored.briefing.bluf == "Poland buys more Patriot."
        assert stored.guild_id == 7  # a refresh from the CLI keeps the guild that asked
        assert len(store.recent(10)) == 1
        names = {
            r[0]
            for r in store._conn.execute(
                "SELECT name FROM briefing_entities WHERE briefing_id = ? AND kind = 'actor'",
                (first,),
            )
        }
        assert names == {"Poland", "Warsaw"}


def test_data_survives_close_and_reopen(db_path: Path) -> None:
    with Store.open(db_path) as store:
        row_id = store.save_briefing(briefing(), TEXT, prompt_id="local-rules@1")
    with Store.open(db_path) as store:
        stored = store.get_briefing(row_id)
        assert stored is not None and stored.briefing == briefing()
        assert store.get_article_text(sha(TEXT)) == TEXT
        assert store.get_briefing(row_id + 1) is None
        assert store.get_article_text("0" * 64) is None


def test_recent_is_newest_first_and_per_guild(db_path: Path) -> None:
    texts = [f"{TEXT}\n\nUpdate number {i}." for i in range(4)]
    with Store.open(db_path) as store:
        ids = [
            store.save_briefing(briefing(t), t, prompt_id="p@1", guild_id=1 if i % 2 else 2)
            for i, t in enumerate(texts)
        ]
        assert [s.id for s in store.recent(10)] == ids[::-1]
        assert [s.id for s in store.recent(2)] == ids[:1:-1]
        assert [s.id for s in store.recent(10, guild_id=1)] == [ids[3], ids[1]]
        assert store.recent(10, guild_id=3) == []


def test_hash_mismatch_is_refused(db_path: Path) -> None:
    with Store.open(db_path) as store, pytest.raises(StoreError, match="content hash"):
        store.save_briefing(briefing(), TEXT + "changed", prompt_id="p@1")


def test_unreadable_row_is_a_cache_miss_not_a_crash(db_path: Path) -> None:
    with Store.open(db_path) as store:
        row_id = store.save_briefing(briefing(), TEXT, prompt_id="p@1")
        store._conn.execute("UPDATE briefings SET briefing_json = '{\"old\": 1}'")
        assert store.find_briefing(sha(TEXT), "local", "p@1", None) is None
        assert store.recent() == []
        with pytest.raises(StoreError, match="brief the article again"):
            store.get_briefing(row_id)
        assert store.save_briefing(briefing(), TEXT, prompt_id="p@1") == row_id
        assert store.find_briefing(sha(TEXT), "local", "p@1", None) is not None


async def test_usable_from_worker_threads(db_path: Path) -> None:
    with Store.open(db_path) as store:
        row_id = await asyncio.to_thread(store.save_briefing, briefing(), TEXT, prompt_id="p@1")
        assert store.get_briefing(row_id) is not None


def test_path_under_a_file_gives_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="Cannot create the folder") as err:
        Store.open(blocker / "briefbot.db")
    assert "BRIEFBOT_DB_PATH" in str(err.value)


def test_directory_path_gives_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="Cannot (open|use) the briefing database"):
        Store.open(tmp_path)


def test_non_database_file_gives_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite at all, just some text " * 100)
    with pytest.raises(StoreError, match="briefbot database"):
        Store.open(path)


def test_an_upgrade_backs_the_database_up_first(db_path: Path) -> None:
    first = Migration(1, "first", "CREATE TABLE a (x INTEGER);")
    second = Migration(2, "second", "CREATE TABLE b (y INTEGER);")
    with Store.open(db_path, migrations=[first]) as store:
        store._conn.execute("INSERT INTO a VALUES (42)")
    assert not list(db_path.parent.glob("*.bak"))  # a new database has nothing to save
    with Store.open(db_path, migrations=[first, second]) as store:
        assert store.schema_version() == 2
    backup = db_path.with_name(f"{db_path.name}.schema1.bak")
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT x FROM a").fetchall() == [(42,)]
    assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone() == (1,)
    conn.close()
    with Store.open(db_path, migrations=[first, second]):
        pass
    assert [p.name for p in db_path.parent.glob("*.bak")] == [backup.name]
