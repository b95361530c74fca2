"""The Discord card: every limit holds, nothing pings, verified quotes only, overflow is counted."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_briefings import PINGS, empty_briefing, hostile_briefing, long_briefing, sha

from bot.core.models import (
    Actor,
    Briefing,
    DatedEvent,
    ExpertView,
    KeyPoint,
    Provenance,
    Quote,
    Source,
    System,
)
from bot.core.render.embed import EMBED_LIMITS, briefing_embed, embed_size
from bot.core.render.text import ELLIPSIS, display_len, one_line


def texts(embed: dict[str, Any]) -> list[str]:
    out = [embed.get("title", ""), embed.get("description", ""), embed["footer"]["text"]]
    for field in embed.get("fields", []):
        out += [field["name"], field["value"]]
    return out


def assert_fits(embed: dict[str, Any]) -> None:
    limits = EMBED_LIMITS
    assert 0 < display_len(embed["title"]) <= limits.title
    if "description" in embed:
        assert embed["description"].strip()
        assert display_len(embed["description"]) <= limits.description
    fields = embed.get("fields", [])
    assert len(fields) <= limits.fields
    for field in fields:
        assert field["name"].strip() and display_len(field["name"]) <= limits.field_name
        assert field["value"].strip() and display_len(field["value"]) <= limits.field_value
        assert isinstance(field["inline"], bool)
    assert 0 < display_len(embed["footer"]["text"]) <= limits.footer
    assert embed_size(embed) <= limits.total
    assert embed_size(embed) == sum(display_len(t) for t in texts(embed))
    assert isinstance(embed["color"], int)


def assert_no_pings(embed: dict[str, Any]) -> None:
    for text in [*texts(embed), embed.get("url", "")]:
        for token in PINGS:
            assert token not in text, (token, text[:200])


def field(embed: dict[str, Any], prefix: str) -> dict[str, Any]:
    return next(f for f in embed["fields"] if f["name"].startswith(prefix))


def test_embed_size_counts_what_discord_counts() -> None:
    embed = {
        "title": "ab",
        "description": "\U0001f600",
        "url": "https://not-counted.example",
        "fields": [{"name": "n", "value": "vv", "inline": True}],
        "footer": {"text": "fff"},
        "author": {"name": "aaaa"},
    }
    assert embed_size(embed) == 2 + 2 + 1 + 2 + 3 + 4


def test_longest_dev_article_fits_every_limit() -> None:
    b, _ = long_briefing()
    embed = briefing_embed(b, briefing_id=42)
    assert_fits(embed)
    assert_no_pings(embed)
    assert embed_size(embed) > 5000  # the room is used, not wasted
    assert embed["url"] == b.source.url
    assert embed["timestamp"].startswith("2025-04-23T09:30")
    names = [f["name"] for f in embed["fields"]]
    assert names[:3] == [f"Actors ({len(b.actors)})", f"Systems ({len(b.systems)})", "Timeline"]
    assert names[-1] == "More expert views"


def test_cut_lists_say_how_many_more() -> None:
    b, _ = long_briefing()
    embed = briefing_embed(b)
    actors = field(embed, "Actors")["value"].splitlines()
    more = re.fullmatch(r"\+(\d+) more", actors[-1])
    assert more is not None
    assert len(actors) - 1 + int(more[1]) == len(b.actors)
    shown = [f for f in embed["fields"] if f["name"] not in ("More expert views",)][3:]
    hidden = re.fullmatch(r"\+(\d+) more in the thread", field(embed, "More expert")["value"])
    assert hidden is not None and len(shown) + int(hidden[1]) == len(b.expert_views)


def test_description_is_bluf_then_key_points() -> None:
    b, _ = long_briefing()
    description = briefing_embed(b)["description"]
    bluf, points = description.split("\n\n", 1)
    assert bluf.replace("\\", "") == one_line(b.bluf)
    assert all(line.startswith("- ") for line in points.splitlines())


def test_clipped_quote_ends_at_a_word_with_a_marker() -> None:
    b, _ = long_briefing()
    embed = briefing_embed(b)
    for f in embed["fields"]:
        value = f["value"]
        if value.endswith(f"{ELLIPSIS}\u201d"):
            body = value[1:-2]
            original = next(
                q.text for v in b.expert_views for q in v.quotes if q.text.startswith(body)
            )
            assert original[len(body)] in " ,;:.\u2014-"


def test_timeline_is_in_date_order_with_undated_last() -> None:
    text = "x" * 10
    values = [
        "2024-Q3",
        None,
        "2023-05-02",
        "201X",
        "2024-W38",
        "2024",
        "2024-07-01/2024-08-01",
        "2025-10-02T11:03",
        "2024-H1",
        "2025-10-02",
    ]
    b = Briefing(
        title="t",
        bluf="b",
        dates=[DatedEvent(text=f"d{i}", value=v, event=f"e{i}") for i, v in enumerate(values)],
        source=Source(content_sha256=sha(text)),
        provenance=Provenance(engine="local"),
    )
    lines = field(briefing_embed(b), "Timeline")["value"].splitlines()
    order = [int(re.search(r"e(\d+)", line)[1]) for line in lines]
    assert [values[i] for i in order] == [
        "201X",
        "2023-05-02",
        "2024",
        "2024-H1",
        "2024-Q3",
        "2024-07-01/2024-08-01",
        "2024-W38",
        "2025-10-02",
        "2025-10-02T11:03",
        None,
    ]


def test_only_verified_quotes_wear_quotation_marks() -> None:
    text = "He said the plan works. Later: the plan will work."
    view = ExpertView(
        speaker="Ann Analyst",
        role="fellow",
        summary="Ann thinks it will work.",
        quotes=[Quote(text="the plan is flawless", start=0, end=5, verbatim=False)],
    )
    b = Briefing(
        title="t",
        bluf="b",
        expert_views=[view],
        source=Source(content_sha256=sha(text)),
        provenance=Provenance(engine="openai"),
    )
    value = field(briefing_embed(b), "Ann Analyst")["value"]
    assert value == "Ann thinks it will work."
    assert "flawless" not in str(briefing_embed(b))
    view.quotes.append(Quote(text="the plan works", start=8, end=22))
    assert field(briefing_embed(b), "Ann Analyst")["value"] == "\u201cthe plan works\u201d"


def test_footer_holds_the_provenance() -> None:
    b, text = long_briefing()
    footer = briefing_embed(b, briefing_id=42)["footer"]["text"]
    for expected in (
        "news.example.org",
        "2025-04-22",
        "openai gpt-4o-mini",
        "brief@\u200b3",
        "7,545 tokens",
        "$0.0018",
        f"sha256 {sha(text)[:8]}",
        "2 quotes demoted",
        "text cut",
        "#42",
    ):
        assert expected in footer


def test_hostile_briefing_is_inert_and_within_limits() -> None:
    b, _ = hostile_briefing()
    embed = briefing_embed(b, briefing_id=1)
    assert_fits(embed)
    assert_no_pings(embed)
    assert embed["url"] == "https://evil.example/%40everyone/%3C%40123%3E"
    for text in texts(embed)[:2] + texts(embed)[3:]:
        # The footer renders no markdown, so it is not escaped; everywhere else every `*`, `_`, `~`, backtick, `|`, `[` and `]` from the article arrives escaped.
        assert not re.search(r"(?<!\\)(?:\\\\)*[_~`|\[\]]", text.replace("\\\\", "")), text[:120]
    assert "\\[x\\](http://evil)" in embed["description"]


def test_empty_briefing_renders() -> None:
    embed = briefing_embed(empty_briefing())
    assert_fits(embed)
    assert embed["title"] == "Untitled article"
    assert "description" not in embed and "fields" not in embed and "url" not in embed
    assert embed["footer"]["text"].startswith("local")


def test_unsafe_links_are_not_linked() -> None:
    b = empty_briefing()
    for url in ("javascript:alert(1)", "file:///etc/passwd", "http://", "not a url"):
        b.source.url = url
        assert "url" not in briefing_embed(b)


HOSTILE_BITS = st.sampled_from(
    [
        "@everyone",
        "@here",
        "<@123>",
        "<@!9>",
        "<@&5>",
        "<#7>",
        "**",
        "__",
        "[x](http://e)",
        "> ",
        "# ",
        "\n",
        "\u200b",
        "`",
        "|",
        "\\",
        "\U0001f600",
        "x" * 900,
        "<",
        "@",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=60), HOSTILE_BITS), max_size=8).map("".join)


@st.composite
def briefings(draw: st.DrawFn) -> Briefing:
    def many(item: st.SearchStrategy[Any]) -> list[Any]:
        return draw(st.lists(item, max_size=draw(st.sampled_from([0, 3, 40]))))

    quote = st.builds(Quote, text=TEXT, start=st.just(0), end=st.just(1), verbatim=st.booleans())
    return Briefing(
        title=draw(TEXT),
        bluf=draw(TEXT),
        key_points=many(st.builds(KeyPoint, text=TEXT)),
        actors=many(
            st.builds(Actor, name=TEXT, role=st.none() | TEXT, affiliation=st.none() | TEXT)
        ),
        systems=many(st.builds(System, name=TEXT, category=st.none() | TEXT)),
        dates=many(
            st.builds(DatedEvent, text=TEXT, value=st.none() | TEXT, event=st.none() | TEXT)
        ),
        expert_views=many(
            st.builds(
                ExpertView,
                speaker=TEXT,
                role=st.none() | TEXT,
                summary=TEXT,
                quotes=st.lists(quote, max_size=3),
            )
        ),
        source=Source(
            url=draw(st.none() | TEXT),
            site=draw(TEXT),
            published=draw(TEXT),
            content_sha256=draw(TEXT),
        ),
        provenance=Provenance(
            engine="openai",
            model=draw(TEXT),
            prompt=draw(TEXT),
            quotes_demoted=draw(st.integers(0, 5)),
            truncated=True,
            fallback_reason=draw(st.none() | TEXT),
        ),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(b=briefings(), briefing_id=st.none() | st.integers(min_value=1, max_value=10**12))
def test_any_briefing_fits_and_never_pings(b: Briefing, briefing_id: int | None) -> None:
    embed = briefing_embed(b, briefing_id=briefing_id)
    assert_fits(embed)
    assert_no_pings(embed)
