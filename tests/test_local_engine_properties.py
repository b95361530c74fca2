"""The whole local engine on random and adversarial text: it finishes, and every quote is verbatim.

Inputs go through ingest first, as users' text does, so refusals are our one clear error.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.errors import InputError
from bot.core.grounding import ground
from bot.core.ingest import article_from_text
from bot.core.local.engine import LocalEngine
from bot.core.models import Briefing
from bot.core.settings import Settings

ENGINE = LocalEngine()
SETTINGS = Settings(_env_file=None, db_path=Path("unused.db"))  # type: ignore[call-arg]
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def brief_or_refuse(text: str) -> Briefing | None:
    """A grounded briefing, or None when ingest refused the text with an InputError."""
    try:
        article = article_from_text(text, SETTINGS)
    except InputError as err:
        assert str(err) and "\n" not in str(err)
        return None
    briefing = ground(ENGINE.brief_sync(article), article.text)
    for view in briefing.expert_views:
        for q in view.quotes:
            assert article.text[q.start : q.end] == q.text
    for item in [*briefing.actors, *briefing.systems, *briefing.dates]:
        assert item.mentions
    return briefing


news_words = st.sampled_from(
    ["The", "minister", "said", "Pakistan", "JF-17", "on", "Tuesday", "2024", "\u201cWe", "will", "act,\u201d",
     "he", "added.", "\n\n", "Dr.", "Ana", "Rojas", "'", '"', "according", "to", "NATO", "S-400", "(Courtesy:",
     "AzerNews)", "\u0645\u0631\u062d\u0628\u0627", "\u4e2d\u56fd", "\u202e", "\x07", "\t"]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(news_words, min_size=0, max_size=120).map(" ".join))
def test_news_shaped_noise_briefs_or_is_refused(text: str) -> None:
    brief_or_refuse(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(QUOTE_MARKS), max_size=400))
def test_arbitrary_unicode_briefs_or_is_refused(text: str) -> None:
    brief_or_refuse(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "Word",
        "\u201c" * 500,
        "\u201cOnly quotes\u201d \u201cand more quotes\u201d \u2018nested \u201cdeep\u201d\u2019",
        "He said \u201cunbalanced quote that never closes and goes on " + "and on " * 200,
        "no sentence ends at all " * 400,
        "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd " * 50 + "\u201c\u05e6\u05d9\u05d8\u05d5\u05d8\u201d \u05d0\u05de\u05e8",
        "\u4e2d\u56fd\u56fd\u9632\u90e8\u8868\u793a\uff0c\u201c\u6211\u4eec\u5c06\u91c7\u53d6\u884c\u52a8\u201d\u3002" * 30,
        "Control\x00chars\x01in\x1ftext \x7f said \u201cthe\x0bquote\u201d.",
    ],
    ids=["empty", "whitespace", "one-word", "only-marks", "only-quotes", "unbalanced", "no-sentence-ends",
         "rtl", "cjk", "control-chars"],
)
def test_adversarial_inputs(text: str) -> None:
    brief_or_refuse(text)


def test_a_hundred_thousand_words_is_one_clear_refusal() -> None:
    text = "The ministry said the radar works. " * 17_000  # ~100k words, ~600k characters
    with pytest.raises(InputError, match="limit"):
        article_from_text(text, SETTINGS)


def test_a_long_article_within_the_limit_finishes_with_verbatim_quotes() -> None:
    paragraph = (
        "Defence Minister Ana Rojas said on Tuesday that the S-400 deal was final. "
        "\u201cWe will not reopen it,\u201d she added. Analysts disagreed.\n\n"
    )
    briefing = brief_or_refuse(paragraph * 250)  # ~37k characters
    assert briefing is not None and briefing.expert_views
