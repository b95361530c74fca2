"""Pasted text: normalisation keeps the text exact, refusals are clear, the headline is found."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.core.errors import InputError
from bot.core.ingest import article_from_text
from bot.core.ingest.text import guess_title, looks_binary, markdown_title, normalise_text
from bot.core.settings import Settings

EVAL_ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "articles"
SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-az-pk-defence.txt"
BODY = "The ministry said on Tuesday that the first batch of aircraft had arrived at the base."


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(_env_file=None, db_path=tmp_path / "b.db", max_text_chars=1_000)


def test_newlines_bom_controls_and_outer_whitespace_are_normalised() -> None:
    raw = "\ufeff  Headline here now\r\nLine two\rLine\x00 three\x07\tend\x0c\n\n  "
    assert normalise_text(raw) == "Headline here now\nLine two\nLine three\tend"


def test_text_is_otherwise_unchanged(settings: Settings) -> None:
    raw = "“Curly” quotes, ‘single’ ones — dashes…  double  spaces\u00a0and Łukasz Wróblewski"
    assert article_from_text(raw, settings).text == raw


def test_empty_and_whitespace_only_text_is_refused(settings: Settings) -> None:
    for raw in ("", "   \n\t \r\n", "\ufeff \x00 \n"):
        with pytest.raises(InputError, match="empty"):
            article_from_text(raw, settings)


def test_binary_looking_text_is_refused(settings: Settings) -> None:
    raw = "".join(chr(i % 32) for i in range(600))
    assert looks_binary(raw)
    with pytest.raises(InputError, match="binary"):
        article_from_text(raw, settings)


def test_a_stray_nul_is_removed_not_refused(settings: Settings) -> None:
    raw = BODY + "\x00" + BODY
    assert not looks_binary(raw)
    assert article_from_text(raw, settings).text == BODY + BODY


def test_text_over_the_limit_is_refused_with_both_numbers(settings: Settings) -> None:
    with pytest.raises(InputError) as info:
        article_from_text("x" * 1_500, settings)
    assert str(info.value) == (
        "The text is 1,500 characters; the limit is 1,000 (BRIEFBOT_MAX_TEXT_CHARS)."
    )
    assert len(article_from_text("x" * 1_000, settings).text) == 1_000


def test_limit_counts_the_normalised_text(settings: Settings) -> None:
    assert len(article_from_text("a\r\n" * 400, settings).text) == 799


def test_short_first_line_is_the_title_and_stays_in_the_text(settings: Settings) -> None:
    raw = "Navy receives first new frigate\n" + BODY
    article = article_from_text(raw, settings)
    assert article.title == "Navy receives first new frigate"
    assert article.text == raw
    assert article.extractor == "plain"


def test_a_given_title_wins(settings: Settings) -> None:
    article = article_from_text("Navy receives first new frigate\n" + BODY, settings, title="T")
    assert article.title == "T"


@pytest.mark.parametrize(
    "text",
    [
        BODY,  # one line only: nothing below it
        BODY + " " + BODY + "\n" + BODY,  # first line is a paragraph, too long
        "Too, short\n" + BODY,  # two words
        "The minister said that, after long talks,\n" + BODY,  # ends mid-sentence
    ],
)
def test_no_title_when_the_first_line_is_not_a_headline(text: str) -> None:
    assert guess_title(text) is None


def test_dateline_and_kicker_lines_are_skipped() -> None:
    text = "FEATURE | 22 April 2025 | 18 min read\n\nHoles in the shield, a scramble\n\n" + BODY
    assert guess_title(text) == "Holes in the shield, a scramble"
    assert guess_title("WASHINGTON, 12 June 2025\n\nUS sanctions an engine maker\n" + BODY) == (
        "US sanctions an engine maker"
    )


def test_markdown_heading() -> None:
    assert markdown_title("\n# Drones over the Baltic ##\n\nBody") == "Drones over the Baltic"
    assert markdown_title("Drones\n# Later heading") is None


def test_seed_article_keeps_its_exact_text_and_first_line_as_title(settings: Settings) -> None:
    raw = SEED.read_text(encoding="utf-8")
    article = article_from_text(raw, settings.model_copy(update={"max_text_chars": 200_000}))
    assert article.text == raw
    assert article.title == raw.split("\n", 1)[0]


@pytest.mark.skipif(not EVAL_ARTICLES.is_dir(), reason="shared eval set not present")
def test_every_eval_article_keeps_its_text_and_gets_a_headline() -> None:
    settings = Settings(_env_file=None, db_path=Path("unused.db"))
    untitled = []
    for path in sorted(EVAL_ARTICLES.glob("*.txt")):
        raw = path.read_bytes().decode("utf-8")
        article = article_from_text(raw, settings)
        assert article.text == raw.strip(), path.name
        if article.title is None:
            untitled.append(path.stem)
        else:
            assert article.title in article.text
            # a headline, not the dateline or kicker above it
            assert len(article.title.split()) >= 5, article.title
            assert not re.search(r"\b(?:19|20)\d{2}\b| \| ", article.title), article.title
    # The Philippines wire item opens with its lead paragraph: it has no headline line.
    assert untitled == ["philippines-sama-sama-lantern-exercise"]
