"""The per-guild archive on a real SQLite file: postings, duplicates, search, timelines, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from archive_samples import T0, Poster, hours, make_briefing

from bot.core.archive import Archive, fts_query
from bot.core.errors import InputError
from bot.core.links import jump_url, normalise_url
from bot.core.migrations import bundled_migrations
from bot.core.store import Store

G1, G2 = 111, 222


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "briefbot.db") as s:
        yield s


@pytest.fixture
def poster(store: Store) -> Poster:
    return Poster(store)


PATRIOT = make_briefing(
    "Poland orders Patriot launchers",
    "Poland buys 48 Patriot launchers from Raytheon.",
    actors=("Raytheon", "Paweł Bejda", "Zürich Institute"),
    countries=("Poland",),
    systems=("Patriot",),
    quote="We need them before winter",
    url="https://news.example.org/patriot",
)
HIMARS = make_briefing(
    "Estonia receives HIMARS",
    "Estonia took delivery of six HIMARS launchers.",
    actors=("Lockheed Martin",),
    countries=("Estonia",),
    systems=("HIMARS",),
)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("HTTPS://News.Example.ORG:443/a/b/?utm_source=x&id=7#top", "https://news.example.org/a/b?id=7"),
        ("http://example.org:80/", "http://example.org"),
        ("http://example.org:8080/x", "http://example.org:8080/x"),
        ("https://example.org/x?b=2&fbclid=abc&a=1&gclid=z", "https://example.org/x?a=1&b=2"),
        ("https://example.org/x?UTM_Campaign=y", "https://example.org/x"),
        ("  https://example.org/Path/Case  ", "https://example.org/Path/Case"),
        ("not a url", "not a url"),
        ("https://[::1]:443/x", "https://[::1]/x"),
    ],
)
def test_normalise_url(raw: str, normal: str) -> None:
    assert normalise_url(raw) == normal


def test_jump_url() -> None:
    assert jump_url(1, 2, 3) == "https://discord.com/channels/1/2/3"


def test_duplicate_by_normalised_url_and_by_content_hash_only_in_the_same_guild(
    poster: Poster,
) -> None:
    poster.post(G1, PATRIOT, url="https://News.example.org/patriot/?utm_medium=social#c")
    archive = poster.archive
    found = archive.find_duplicate(G1, url="https://news.example.org/patriot?fbclid=1")
    assert found is not None and found.guild_id == G1 and found.message_id == poster.next_message
    assert found.jump_url == jump_url(G1, 77, poster.next_message)
    sha = PATRIOT[0].source.content_sha256
    assert archive.find_duplicate(G1, content_sha256=sha) == found
    assert archive.find_duplicate(G2, url="https://news.example.org/patriot") is None
    assert archive.find_duplicate(G2, content_sha256=sha) is None
    assert archive.find_duplicate(G1, url="https://news.example.org/other") is None
    assert archive.find_duplicate(G1) is None


def test_posting_url_defaults_to_the_briefing_source(poster: Poster) -> None:
    poster.post(G1, PATRIOT)
    found = poster.archive.find_duplicate(G1, url="https://news.example.org/patriot/")
    assert found is not None and found.url == "https://news.example.org/patriot"


def test_record_posting_is_idempotent_and_rejects_unknown_briefings(poster: Poster) -> None:
    briefing_id = poster.post(G1, PATRIOT)
    poster.archive.record_posting(G1, briefing_id, 77, poster.next_message, thread_id=9)
    assert [p.thread_id for p, _ in poster.archive.recent(G1)] == [9]
    with pytest.raises(InputError, match="#999"):
        poster.archive.record_posting(G1, 999, 77, 1)


def test_recent_is_per_guild_newest_first_and_lists_a_card_once(poster: Poster) -> None:
    patriot = poster.post(G1, PATRIOT, at=T0)
    himars = poster.post(G1, HIMARS, at=T0 + hours(1))
    poster.post(G1, PATRIOT, at=T0 + hours(2))
    poster.post(G2, HIMARS, at=T0 + hours(3))
    assert [p.briefing_id for p, _ in poster.archive.recent(G1)] == [patriot, himars]
    assert [p.guild_id for p, _ in poster.archive.recent(G2)] == [G2]
    assert poster.archive.recent(333) == []


def test_search_matches_titles_blufs_names_quotes_and_folds_accents(poster: Poster) -> None:
    patriot = poster.post(G1, PATRIOT)
    poster.post(G1, HIMARS)
    for query in ("patriot", "RAYTHEON", "Paweł Bejda", "zurich institute", '"before winter"', "launchers Poland", "Ana"):
        found = poster.archive.search(G1, query)
        assert [p.briefing_id for p, _ in found] == [patriot], query
    assert len(poster.archive.search(G1, "launchers")) == 2
    assert len(poster.archive.search(G1, "Patriot OR HIMARS")) == 2
    assert len(poster.archive.search(G1, "Rayth*")) == 1
    assert poster.archive.search(G1, "submarine") == []


def test_search_never_crosses_guilds_even_for_a_shared_briefing(poster: Poster) -> None:
    # The same text briefed in both guilds is one briefing row (its guild_id says G2, who asked
    # last); each guild still finds it through its own posting, and G2's other card stays in G2.
    shared = poster.post(G1, PATRIOT)
    assert poster.post(G2, PATRIOT) == shared
    poster.post(G2, HIMARS)
    assert [p.guild_id for p, _ in poster.archive.search(G1, "Patriot")] == [G1]
    assert poster.archive.search(G1, "HIMARS") == []
    assert poster.archive.by_system(G1, "HIMARS") == []
    assert [p.guild_id for p, _ in poster.archive.search(G2, "HIMARS")] == [G2]


@pytest.mark.parametrize(
    "query",
    ['patriot"', "AND", "NOT patriot", "NEAR(patriot raytheon", "((patriot", "title:x",
     "^patriot", "-patriot", "'; DROP TABLE briefings; --", "patriot*", "{title}: x", "a:b:c",
     "\u201cpatriot\u201d", "OR OR patriot OR", "x" * 500],
)
def test_hostile_queries_never_raise_a_syntax_error(poster: Poster, query: str) -> None:
    poster.post(G1, PATRIOT)
    assert isinstance(poster.archive.search(G1, query), list)


@pytest.mark.parametrize("query", ["", "   ", "*", '"', '""', "(((", "!!! ???", "OR", "OR OR"])
def test_a_query_without_words_is_a_clear_input_error(poster: Poster, query: str) -> None:
    with pytest.raises(InputError, match="at least one word"):
        poster.archive.search(G1, query)


def test_fts_query_quotes_every_term() -> None:
    assert fts_query('NEAR( "a b" ray* c*') == '"NEAR(" "a b" "ray" * "c*"'
    assert fts_query("x OR y z") == '("x") OR ("y" "z")'
    with pytest.raises(InputError):
        fts_query("OR")


def test_refresh_reindexes_the_briefing(store: Store, poster: Poster) -> None:
    briefing, text = PATRIOT
    briefing_id = poster.post(G1, PATRIOT)
    refreshed = briefing.model_copy(update={"bluf": "Warsaw finalises a missile shield contract."})
    assert store.save_briefing(refreshed, text, prompt_id="test@1") == briefing_id
    assert poster.archive.search(G1, "shield")
    assert poster.archive.search(G1, "48") == []


def test_briefings_stored_before_the_archive_migration_become_searchable(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = [m for m in bundled_migrations() if m.version <= 2]
    with Store.open(path, migrations=old) as store:
        briefing_id = store.save_briefing(PATRIOT[0], PATRIOT[1], prompt_id="test@1")
    with Store.open(path) as store:
        archive = Archive(store)
        archive.record_posting(G1, briefing_id, 5, 6, posted_at=T0)
        assert [p.briefing_id for p, _ in archive.search(G1, "Raytheon")] == [briefing_id]


def test_actor_and_system_timelines_are_per_guild_and_in_time_order(poster: Poster) -> None:
    ids = []
    for day in range(4):
        item = make_briefing(
            f"Raytheon update {day}", f"Raytheon news number {day}.", actors=("Raytheon",),
            systems=("Patriot",), salt=str(day),
        )
        ids.append(poster.post(G1, item, at=T0 + hours(24 * day)))
    poster.post(G2, make_briefing("Raytheon elsewhere", "Other guild.", actors=("Raytheon",)))
    timeline = poster.archive.by_actor(G1, "raytheon", limit=3)
    assert [p.briefing_id for p, _ in timeline] == ids[1:]
    assert [p.briefing_id for p, _ in poster.archive.by_system(G1, "PATRIOT")] == ids
    assert poster.archive.by_actor(G1, "Patriot") == []
    assert poster.archive.by_system(G1, "Raytheon") == []
    with pytest.raises(InputError):
        poster.archive.by_actor(G1, "  ")


def test_export_markdown_and_json_hold_one_guild_and_one_period(poster: Poster) -> None:
    poster.post(G1, PATRIOT, at=T0)
    poster.post(G1, HIMARS, at=T0 + hours(30))
    poster.post(G2, make_briefing("Guild two secret", "Not for guild one.", actors=("Acme",)))
    text = poster.archive.export(G1, T0 - hours(1), T0 + hours(24), "markdown")
    assert "Poland orders Patriot launchers" in text and "HIMARS" not in text
    assert "Guild two" not in text and jump_url(G1, 77, 1001) in text
    data = json.loads(poster.archive.export(G1, T0 - hours(1), T0 + hours(48), "json"))
    titles = [item["briefing"]["title"] for item in data["briefings"]]
    assert titles == ["Poland orders Patriot launchers", "Estonia receives HIMARS"]
    assert data["briefings"][0]["posting"]["message_id"] == "1001"
    with pytest.raises(InputError, match="start must come before"):
        poster.archive.export(G1, T0, T0, "json")
    with pytest.raises(InputError, match="markdown or json"):
        poster.archive.export(G1, T0, T0 + hours(1), "pdf")  # type: ignore[arg-type]
