"""Digests from a real SQLite archive: story grouping, ranking, no-repeat, rendering, CLI views."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from archive_samples import T0, Poster, hours, make_briefing
from sample_briefings import PINGS

from bot.core.digest import (
    EMPTY_LEAD,
    Digest,
    Story,
    build_digest,
    digest_window,
    extractive_lead,
    scheduled_digest,
)
from bot.core.errors import InputError
from bot.core.operator import digest_report, search_report
from bot.core.render.digest import MESSAGE_LIMIT, digest_markdown, digest_messages
from bot.core.render.text import display_len
from bot.core.schedule import DigestSchedule, Schedules, digest_marker
from bot.core.store import Store

G1, G2 = 111, 222
SINCE, UNTIL = T0 - hours(1), T0 + hours(23)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "briefbot.db") as s:
        yield s


@pytest.fixture
def poster(store: Store) -> Poster:
    return Poster(store)


def patriot(n: int, *, extra: tuple[str, ...] = (), bluf: str | None = None):
    return make_briefing(
        f"Outlet {n}: Poland signs for more air defence",
        bluf or f"Poland signs a Patriot contract with Raytheon, report {n}.",
        actors=("Raytheon", *extra), countries=("Poland",), systems=("Patriot",), salt=str(n),
    )


def sub_story(n: int):
    return make_briefing(
        f"Navy commissions submarine {n}",
        "The navy commissioned a new Orka-class submarine at Gdynia.",
        actors=("Polish Navy", "Saab Kockums"), systems=("Orka",), salt=f"sub{n}",
    )


def test_briefings_sharing_names_form_one_story_ranked_by_articles(poster: Poster) -> None:
    ids = [poster.post(G1, patriot(n), at=T0 + hours(n)) for n in range(3)]
    sub = poster.post(G1, sub_story(0), at=T0 + hours(5))
    d = build_digest(poster.archive, G1, SINCE, UNTIL)
    assert [sorted(s.briefing_ids) for s in d.stories] == [ids, [sub]]
    top = d.stories[0]
    assert top.actors[:2] == ["Raytheon", "Poland"] and top.systems == ["Patriot"]
    assert len(top.postings) == 3 and top.postings[0].briefing_id == top.briefing_ids[0]
    assert top.score > d.stories[1].score
    assert d.briefing_count == 4 and d.lead.startswith(top.bluf)


def test_a_shared_country_alone_does_not_make_a_story(poster: Poster) -> None:
    a = make_briefing("Ukraine grain exports rise", "Grain exports rose.", countries=("Ukraine",))
    b = make_briefing("Drone strike hits Kharkiv depot", "A depot burned.", countries=("Ukraine",),
                      actors=("Kharkiv Oblast",), salt="b")
    poster.post(G1, a)
    poster.post(G1, b)
    assert len(build_digest(poster.archive, G1, SINCE, UNTIL).stories) == 2


def test_one_shared_name_the_same_day_and_a_related_title_make_a_story(poster: Poster) -> None:
    a = make_briefing("Vilnius summit agrees Baltic plan", "Leaders met.",
                      actors=("Gitanas Nauseda",), days=("2026-11-29",))
    b = make_briefing("Baltic leaders meet at Vilnius summit", "A plan was agreed.",
                      actors=("Gitanas Nauseda",), days=("2026-11-29",), salt="b")
    c = make_briefing("Baltic summit ends in Riga", "Another year.",
                      actors=("Gitanas Nauseda",), days=("2025-11-29",), salt="c")
    d = make_briefing("Nauseda visits a farm", "A visit.", actors=("Gitanas Nauseda",),
                      days=("2026-11-29",), salt="d")
    ids = [poster.post(G1, x, at=T0 + hours(i)) for i, x in enumerate((a, b, c, d))]
    stories = build_digest(poster.archive, G1, SINCE, UNTIL).stories
    assert sorted(sorted(s.briefing_ids) for s in stories) == [ids[:2], [ids[2]], [ids[3]]]


def test_similar_titles_make_a_story_without_shared_names(poster: Poster) -> None:
    a = make_briefing("Cable cut in the Baltic Sea near Gotland", "A cable was cut.")
    b = make_briefing("Baltic Sea cable cut near Gotland investigated", "Police investigate.",
                      salt="b")
    poster.post(G1, a)
    poster.post(G1, b)
    assert len(build_digest(poster.archive, G1, SINCE, UNTIL).stories) == 1


def test_a_name_in_many_briefings_does_not_chain_them_together(poster: Poster) -> None:
    for n in range(12):
        item = make_briefing(f"Topic {n} unrelated headline {n}", f"Bluf {n}.",
                             actors=("NATO", f"Person {n}"), salt=str(n))
        poster.post(G1, item, at=T0 + hours(n))
    assert len(build_digest(poster.archive, G1, SINCE, UNTIL).stories) == 12


def test_guilds_never_mix_in_a_digest(poster: Poster) -> None:
    poster.post(G1, patriot(0))
    poster.post(G2, sub_story(0))
    poster.post(G2, patriot(0))  # the same briefing, posted in G2 as well
    d1 = build_digest(poster.archive, G1, SINCE, UNTIL)
    assert [s.title for s in d1.stories] == ["Outlet 0: Poland signs for more air defence"]
    assert {p.guild_id for s in d1.stories for p in s.postings} == {G1}
    assert len(build_digest(poster.archive, G2, SINCE, UNTIL).stories) == 2


def finish(schedules: Schedules, d: Digest, day: date) -> None:
    assert schedules.begin(d.guild_id, day)
    schedules.finish(d.guild_id, day, [1], late=False, digest=d)


def test_a_continuing_story_lists_what_is_new_and_an_unchanged_one_is_dropped(
    store: Store, poster: Poster
) -> None:
    schedules = Schedules(store)
    poster.post(G1, patriot(0), at=T0)
    poster.post(G1, sub_story(0), at=T0 + hours(1))
    first = build_digest(poster.archive, G1, SINCE, UNTIL)
    finish(schedules, first, date(2026, 11, 30))
    previous = schedules.last_digest(G1)
    assert previous is not None and sorted(previous.story_keys) == sorted(s.key for s in first.stories)

    # Next day: the Patriot story gains an actor and a new bottom line; the submarine story
    # only has another outlet repeating the same names and bottom line.
    day2 = T0 + hours(24)
    poster.post(G1, patriot(1, extra=("Pawel Bejda",),
                            bluf="Deliveries of the launchers start in March next year."), at=day2)
    poster.post(G1, sub_story(1), at=day2 + hours(1))
    since = digest_window(previous, UNTIL + hours(24))
    assert since == previous.when == UNTIL
    second = build_digest(poster.archive, G1, since, UNTIL + hours(24), previous)
    [story] = second.stories
    [was] = [s for s in first.stories if "Raytheon" in s.actors]
    assert story.continuing and story.key == was.key
    assert story.new_since_last == ["actors Pawel Bejda", "a new bottom line"]


def test_an_overlapping_window_does_not_repeat_a_story(store: Store, poster: Poster) -> None:
    schedules = Schedules(store)
    poster.post(G1, patriot(0), at=T0)
    first = build_digest(poster.archive, G1, SINCE, UNTIL)
    finish(schedules, first, date(2026, 11, 30))
    again = build_digest(poster.archive, G1, SINCE, UNTIL, schedules.last_digest(G1))
    assert again.stories == [] and again.lead == EMPTY_LEAD


def test_the_lead_is_written_by_a_pluggable_function(poster: Poster) -> None:
    poster.post(G1, patriot(0))
    d = build_digest(poster.archive, G1, SINCE, UNTIL,
                     lead_writer=lambda stories: f"{len(stories)} story today.")
    assert d.lead == "1 story today."
    assert extractive_lead([]) == EMPTY_LEAD


def test_scheduled_digest_is_marked_with_its_day_and_lateness(store: Store, poster: Poster) -> None:
    schedules = Schedules(store, clock=lambda: T0 - hours(48))
    schedules.set(DigestSchedule(G1, 55, time(8), "Europe/London"))
    poster.post(G1, patriot(0), at=T0)
    now = datetime(2026, 11, 30, 9, 0, tzinfo=T0.tzinfo)
    [due] = schedules.due(now)
    d = scheduled_digest(poster.archive, schedules, due, now)
    assert d.day == date(2026, 11, 30) and d.late is True and len(d.stories) == 1
    first_line = digest_messages(d)[0].splitlines()[0]
    assert digest_marker(G1, due.day) in first_line and "(late)" in first_line


def noisy_story(n: int) -> Story:
    hostile = "@everyone <@123> <#9> <t:1:R> **bold** [x](http://evil) "
    return Story(
        key=f"k{n}", title=f"{hostile}Story {n} " + "long title " * 40,
        bluf=f"{hostile}bottom line {n} " + "word " * 200, briefing_ids=[n], postings=[],
        actors=[f"@here Actor {i}" for i in range(60)], systems=["</cmd:1>"],
        new_since_last=["actors @everyone"], score=1.0,
    )


def test_long_digests_split_within_discord_limits_and_never_ping() -> None:
    d = Digest(G1, T0, T0 + hours(24), "@everyone lead " * 100,
               [noisy_story(n) for n in range(40)], late=True, day=date(2026, 11, 30))
    messages = digest_messages(d)
    assert len(messages) > 5
    assert all(display_len(m) <= MESSAGE_LIMIT for m in messages)
    assert messages[0].startswith(f"**{digest_marker(G1, date(2026, 11, 30))} 40 stories")
    assert "(late)" in messages[0].splitlines()[0]
    assert all(f"part {i}/{len(messages)}" in m for i, m in enumerate(messages[1:], 2))
    text = "\n".join(messages)
    assert not any(ping in text for ping in PINGS)
    assert all(f"**{n}. " in text for n in range(1, 41))
    assert "\\*\\*bold\\*\\*" in text


def test_digest_messages_carry_jump_and_source_links(poster: Poster) -> None:
    item = make_briefing("Raytheon deal", "Deal signed.", actors=("Raytheon",),
                         url="https://news.example.org/deal")
    poster.post(G1, item)
    poster.post(G1, patriot(1), at=T0 + hours(1))
    [message] = digest_messages(build_digest(poster.archive, G1, SINCE, UNTIL))
    assert "(<https://discord.com/channels/111/77/" in message
    assert "[source](<https://news.example.org/deal>)" in message or "also [2]" in message


def test_digest_markdown_escapes_article_text(poster: Poster) -> None:
    poster.post(G1, make_briefing("A *starred* [title]", "# not a heading", actors=("Raytheon",)))
    text = digest_markdown(build_digest(poster.archive, G1, SINCE, UNTIL))
    assert "A \\*starred\\* \\[title\\]" in text and "\\# not a heading" in text


def test_operator_reports(store: Store, poster: Poster) -> None:
    poster.post(G1, patriot(0), at=T0)
    poster.post(G2, sub_story(0), at=T0)
    report = digest_report(store, G1, "2026-11-30", clock=lambda: UNTIL)
    assert "Poland signs for more air defence" in report and "submarine" not in report
    assert "Poland signs" in digest_report(store, G1, clock=lambda: UNTIL)
    assert search_report(store, "Orka", G1).startswith("No briefings in guild 111")
    assert "discord.com/channels/222/77/" in search_report(store, "Orka", G2)
    with pytest.raises(InputError, match="ISO"):
        digest_report(store, G1, "yesterday")
    with pytest.raises(InputError, match="past"):
        digest_report(store, G1, "2030-01-01", clock=lambda: UNTIL)
