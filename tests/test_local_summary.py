"""Extractive title, BLUF and key points of the local engine."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.article import Article
from bot.core.local.analysis import Analysis
from bot.core.local.dates import find_published
from bot.core.local.nlp import load_nlp
from bot.core.local.summary import MAX_KEY_POINTS, TITLE_CHARS, summarise
from bot.core.models import Actor, KeyPoint, Span, System

ARTICLE = """FOR IMMEDIATE RELEASE

Harbour Dynamics wins contract to refit Chilean coastal patrol boats

VALPARAÍSO, Chile, March 12, 2024 /Pacific Wire/ -- Harbour Dynamics SA said it had won a contract worth 85 million dollars to refit six coastal patrol boats for the Chilean Navy over the next three years.

[Photo: A patrol boat in dry dock at Talcahuano. Credit: Chilean Navy]

The work covers new diesel engines, a modern navigation radar and a remote weapon station for each boat. The first boat will return to service in 2025, the company said.

"These boats patrol the longest coastline in the Americas, and they need to stay at sea," said Camila Rojas, the company's chief executive. "This contract lets us keep 200 skilled workers busy."

Navy officials said the refit would extend the boats' service lives by at least fifteen years. The Chilean Navy declined to comment on the cost of new boats.

Analyst Tomás Vidal of the Andes Security Forum said the deal showed how smaller navies stretch their budgets. He added that refits cost a fraction of new construction.

The boats were built in Germany in the 1990s and have patrolled the southern fjords ever since.

About Harbour Dynamics
Harbour Dynamics SA is a shipyard founded in 1978 and based in Valparaíso.

Media contact:
Lucía Soto, press@harbour-dynamics.example
"""


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def brief(nlp, text: str, title: str | None = None, actors=None, systems=None):  # type: ignore[no-untyped-def]
    article = Article(text=text, title=title)
    analysis = Analysis(article=article, doc=nlp(text), published=find_published(text))
    return summarise(analysis, actors or [], systems or [])


def assert_valid(text: str, points: list[KeyPoint]) -> None:
    assert len(points) <= MAX_KEY_POINTS
    for p in points:
        assert len(p.evidence) == 1
        span = p.evidence[0]
        assert 0 <= span.start < span.end <= len(text)
        assert p.text == " ".join(text[span.start : span.end].split())


def test_title_is_the_given_title(nlp) -> None:  # type: ignore[no-untyped-def]
    title, _, _ = brief(nlp, ARTICLE, title="  Patrol boats   refit ")
    assert title == "Patrol boats refit"


def test_title_skips_labels_and_datelines(nlp) -> None:  # type: ignore[no-untyped-def]
    title, _, _ = brief(nlp, ARTICLE)
    assert title == "Harbour Dynamics wins contract to refit Chilean coastal patrol boats"


def test_title_made_from_the_first_sentence_when_there_is_no_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "LIMA (Andes Wire) - Peru's air force has grounded its remaining fleet of ageing transport "
        "aircraft after a landing gear failure at an airbase near the southern city of Arequipa. "
        "No one was hurt."
    )
    title, _, _ = brief(nlp, text)
    assert title.startswith("Peru's air force has grounded")
    assert title.endswith("…") and len(title) <= TITLE_CHARS + 1
    assert " " + title[:-1].split()[-1] + " " in " " + text + " "  # cut at a word boundary


def test_bluf_is_the_lead_without_its_dateline(nlp) -> None:  # type: ignore[no-untyped-def]
    _, bluf, _ = brief(nlp, ARTICLE)
    assert bluf.startswith("Harbour Dynamics SA said it had won a contract")
    assert "VALPARAÍSO" not in bluf and "Pacific Wire" not in bluf


def test_key_points_are_ranked_sentences_with_spans(nlp) -> None:  # type: ignore[no-untyped-def]
    _, bluf, points = brief(nlp, ARTICLE)
    assert 3 <= len(points) <= MAX_KEY_POINTS
    assert_valid(ARTICLE, points)
    texts = [p.text for p in points]
    assert bluf not in texts
    assert len(set(texts)) == len(texts)
    joined = " ".join(texts)
    for junk in ("Photo:", "press@", "Media contact", "declined to comment", "is a shipyard founded"):
        assert junk not in joined


def test_named_things_pull_a_sentence_into_the_key_points(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ARTICLE
    target = "The boats were built in Germany in the 1990s"
    at = text.index(target)
    systems = [System(name="patrol boat", mentions=[Span(start=at + 4, end=at + 9)] * 1)]
    actors = [Actor(name="Germany", kind="country", mentions=[Span(start=at + 24, end=at + 31)])]
    _, _, points = brief(nlp, text, actors=actors, systems=systems)
    assert any(p.text.startswith(target) for p in points)


def test_one_sentence_article(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Norway ordered four more coastal radars for its northern bases."
    title, bluf, points = brief(nlp, text)
    assert bluf == text and points == []
    assert title == text.rstrip(".")


@pytest.mark.parametrize("text", ["radar", "no sentence end here at all", "“unbalanced quote and more words", "東京 防衛省 発表", "\x00\x1b ctl"])
def test_degenerate_text_still_gives_a_bluf(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    title, bluf, points = brief(nlp, text)
    assert title and bluf
    assert_valid(text, points)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from([
    "The navy ordered six boats.", "“We are ready,” she said.", "Officials declined to comment.",
    "By Ana Ruiz", "Photo: a boat", "The deal is worth 40 million euros and runs to 2027.", "\n\n",
    "Q: Will it work?", "A: Yes, it will work this year.", "MADRID - Spain said on Monday it would buy tankers.",
]), max_size=25))
def test_any_mix_of_lines_gives_valid_output(text_parts: list[str]) -> None:
    text = " ".join(text_parts) or "x"
    nlp = load_nlp()
    title, bluf, points = brief(nlp, text)
    assert title and bluf
    assert_valid(text, points)


def test_an_analysis_states_its_thesis_as_the_bluf(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Analysis | 2 May 2024\n\nWhy small navies buy big radars\n\nFor twenty years, coastal states "
        "bought patrol boats first. That is changing fast across South-East Asia. This analysis argues "
        "that long-range radars now matter more than hulls for most coastal navies. Indonesia ordered "
        "six radars in 2023."
    )
    _, bluf, _ = brief(nlp, text)
    assert bluf.startswith("This analysis argues that long-range radars")


def test_text_without_sentence_ends_gives_a_short_bluf(nlp) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(["the convoy moved north and the radar kept watching"] * 60)
    _, bluf, points = brief(nlp, text)
    assert bluf.endswith("…") and len(bluf.split()) <= 71
    assert_valid(text, points)


def test_bluf_is_not_the_headline_when_ingest_found_the_title() -> None:
    from bot.core.article import Article
    from bot.core.local.engine import LocalEngine

    text = (
        "Chile and Peru agree to share coastal radar data\n"
        "Chile and Peru signed an agreement on Monday to share coastal radar feeds, officials said. "
        "The first joint watch centre opens in Arica next year, the Chilean navy said."
    )
    b = LocalEngine().brief_sync(Article(text=text, title="Chile and Peru agree to share coastal radar data"))
    assert b.title == "Chile and Peru agree to share coastal radar data"
    assert b.bluf.startswith("Chile and Peru signed an agreement")
