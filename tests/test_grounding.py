"""Grounding: quotes become exact or demoted, mentions become real or dropped, twice is once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.grounding import DEMOTED_PREFIX, ground
from bot.core.models import (
    Actor,
    Briefing,
    DatedEvent,
    ExpertView,
    KeyPoint,
    Provenance,
    Quote,
    Source,
    Span,
    System,
)

ARTICLE = (
    "Azerbaijan and Pakistan signed a deal for JF-17 Block III fighters on 25 September 2024.\n\n"
    "\u201cThis is a turning point for our air force,\u201d said Colonel Rashid Aliyev, a spokesman "
    "for the defence ministry in Baku.  He added that deliveries would \u201cbegin   next year\u201d.\n\n"
    "Analyst Maria Lopez of the Jamestown Foundation said: \"The jets don't change the balance "
    "with Armenia overnight, but they signal intent.\" Lopez expects more orders."
)


def make(
    views: list[ExpertView] | None = None,
    actors: list[Actor] | None = None,
    systems: list[System] | None = None,
    dates: list[DatedEvent] | None = None,
    key_points: list[KeyPoint] | None = None,
) -> Briefing:
    return Briefing(
        title="Deal",
        bluf="Azerbaijan buys jets.",
        key_points=key_points or [],
        actors=actors or [],
        systems=systems or [],
        dates=dates or [],
        expert_views=views or [],
        source=Source(content_sha256="0" * 64, chars=len(ARTICLE)),
        provenance=Provenance(engine="openai"),
    )


def at(needle: str) -> tuple[int, int]:
    start = ARTICLE.index(needle)
    return start, start + len(needle)


def view_with(text: str, start: int = 0, end: int = 0, summary: str = "") -> ExpertView:
    quote = Quote(text=text, start=start, end=end, verbatim=True)
    return ExpertView(speaker="Maria Lopez", summary=summary, quotes=[quote])


def test_exact_quote_is_kept_unchanged() -> None:
    text = "The jets don't change the balance with Armenia overnight, but they signal intent."
    start, end = at(text)
    briefing = make([view_with(text, start, end)])
    out = ground(briefing, ARTICLE)
    assert out.expert_views == briefing.expert_views
    assert out.provenance.quotes_demoted == 0


def test_wrong_offsets_are_fixed() -> None:
    text = "This is a turning point for our air force,"
    out = ground(make([view_with(text, 3, 9)]), ARTICLE)
    quote = out.expert_views[0].quotes[0]
    assert (quote.start, quote.end) == at(text)
    assert ARTICLE[quote.start : quote.end] == text


def test_straight_quotes_and_collapsed_spaces_realign_to_article_text() -> None:
    # The model wrote a straight apostrophe variant and single spaces; the article has its own.
    written = "the jets don\u2019t change the balance with armenia overnight"
    out = ground(make([view_with(written)]), ARTICLE)
    quote = out.expert_views[0].quotes[0]
    assert quote.text == "The jets don't change the balance with Armenia overnight"
    assert ARTICLE[quote.start : quote.end] == quote.text
    whitespace = ground(make([view_with("begin next year")]), ARTICLE).expert_views[0].quotes[0]
    assert whitespace.text == "begin   next year"


def test_quote_marks_around_the_model_quote_are_not_part_of_it() -> None:
    out = ground(make([view_with("\u201cThis is a turning point for our air force\u201d")]), ARTICLE)
    assert out.expert_views[0].quotes[0].text == "This is a turning point for our air force"


def test_near_match_with_a_changed_word_takes_the_article_wording() -> None:
    written = "The jets do not change the balance with Armenia overnight, but they signal intent."
    quote = ground(make([view_with(written)]), ARTICLE).expert_views[0].quotes[0]
    assert quote.text == "The jets don't change the balance with Armenia overnight, but they signal intent."


def test_invented_quote_is_demoted_to_reported_speech_and_counted() -> None:
    invented = "\u201cWe will crush any aggressor within days.\u201d"
    out = ground(make([view_with(invented, summary="Lopez sees intent.")]), ARTICLE)
    view = out.expert_views[0]
    assert view.quotes == []
    assert view.summary == f"Lopez sees intent. {DEMOTED_PREFIX} We will crush any aggressor within days."
    assert "\u201c" not in view.summary and '"' not in view.summary
    assert out.provenance.quotes_demoted == 1


def test_elided_quote_keeps_the_real_fragments() -> None:
    written = "The jets don't change the balance ... but they signal intent."
    quotes = ground(make([view_with(written)]), ARTICLE).expert_views[0].quotes
    assert [q.text for q in quotes] == ["The jets don't change the balance", "but they signal intent."]


def test_view_with_nothing_left_is_dropped() -> None:
    out = ground(make([view_with("", 0, 0)]), ARTICLE)
    assert out.expert_views == []
    assert out.provenance.items_dropped == 1


def test_actor_not_in_text_is_dropped_and_bad_spans_repaired() -> None:
    actors = [
        Actor(name="Vladimir Putin", kind="person"),
        Actor(name="Maria Lopez", kind="person", mentions=[Span(start=0, end=10)]),
        Actor(name="Pakistan", kind="country", mentions=[Span(start=5000, end=5008)]),
    ]
    out = ground(make(actors=actors), ARTICLE)
    assert [a.name for a in out.actors] == ["Maria Lopez", "Pakistan"]
    assert [ARTICLE[s.start : s.end] for s in out.actors[0].mentions] == ["Maria Lopez"]
    assert [ARTICLE[s.start : s.end] for s in out.actors[1].mentions] == ["Pakistan"]
    assert out.provenance.items_dropped == 1


def test_person_known_only_by_surname_keeps_surname_mentions() -> None:
    actors = [Actor(name="Elena Lopez", kind="person"), Actor(name="Colonel Aliyev", kind="person")]
    out = ground(make(actors=actors), ARTICLE)
    assert [[ARTICLE[s.start : s.end] for s in a.mentions] for a in out.actors] == [
        ["Lopez", "Lopez"],
        ["Aliyev"],
    ]


def test_systems_and_dates_need_mentions() -> None:
    systems = [System(name="JF-17 Block III"), System(name="Bayraktar TB2")]
    dates = [DatedEvent(text="25 September 2024"), DatedEvent(text="March 2023")]
    out = ground(make(systems=systems, dates=dates), ARTICLE)
    assert [s.name for s in out.systems] == ["JF-17 Block III"]
    assert [d.text for d in out.dates] == ["25 September 2024"]
    assert out.provenance.items_dropped == 2


def test_key_point_evidence_out_of_bounds_is_removed() -> None:
    point = KeyPoint(text="x", evidence=[Span(start=0, end=10), Span(start=10, end=99999)])
    out = ground(make(key_points=[point]), ARTICLE)
    assert out.key_points[0].evidence == [Span(start=0, end=10)]


def test_grounding_twice_changes_nothing() -> None:
    briefing = make(
        [view_with("the jets don\u2019t change the balance"), view_with("invented words here", 1, 2)],
        actors=[Actor(name="Rashid Aliyev", kind="person", mentions=[Span(start=1, end=3)])],
        dates=[DatedEvent(text="next year")],
    )
    once = ground(briefing, ARTICLE)
    assert ground(once, ARTICLE) == once


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.tuples(st.integers(0, len(ARTICLE)), st.integers(0, 80)).map(
                lambda t: ARTICLE[t[0] : t[0] + t[1]]
            ),
            st.text(alphabet="abc \u201c\u201d'\".\u2026", max_size=40),
        ),
        max_size=6,
    ),
    st.integers(0, 400),
)
def test_every_verbatim_quote_is_exact_after_grounding(texts: list[str], offset: int) -> None:
    quotes = [Quote(text=t, start=offset, end=offset + len(t)) for t in texts]
    briefing = make([ExpertView(speaker="X", summary="s", quotes=quotes)])
    out = ground(briefing, ARTICLE)
    for view in out.expert_views:
        for quote in view.quotes:
            assert quote.verbatim and quote.text
            assert ARTICLE[quote.start : quote.end] == quote.text
    assert ground(out, ARTICLE) == out


def test_definite_description_mentions_survive_when_the_actor_is_named() -> None:
    text = "Defence Minister Ana Rojas signed the deal. The minister said more would follow."
    named = Span(start=text.index("Ana Rojas"), end=text.index("Ana Rojas") + len("Ana Rojas"))
    title = Span(start=text.index("The minister"), end=text.index("The minister") + len("The minister"))
    stray = Span(start=0, end=7)  # "Defence": neither the name nor a description
    actor = Actor(name="Ana Rojas", kind="person", mentions=[named, title, stray])
    [grounded] = ground(make(actors=[actor]), text).actors
    assert grounded.mentions == [named, title]


def test_description_alone_does_not_ground_an_actor() -> None:
    text = "The minister said more would follow."
    actor = Actor(name="Ana Rojas", kind="person", mentions=[Span(start=0, end=12)])
    assert ground(make(actors=[actor]), text).actors == []
