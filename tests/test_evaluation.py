"""The eval scorer's matching rules, on hand-made briefings and gold lines."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.core.errors import InputError
from bot.core.evaluation import GoldArticle, load_gold, normalise, score_article, summarise_scores
from bot.core.models import (
    Actor,
    Briefing,
    DatedEvent,
    ExpertView,
    Provenance,
    Quote,
    Source,
    Span,
    System,
)

TEXT = (
    "Jana Novak, a fellow at the Vistula Institute, said the radar was late. "
    "\u201cWe expected the Sky Eye radar by 2027,\u201d Novak said on Tuesday."
)


def _gold() -> GoldArticle:
    return GoldArticle(
        id="t",
        text=TEXT,
        published=date(2026, 3, 5),
        gold={
            "actors": {
                "required": [{"name": "Jana Novak", "aliases": ["Novak"], "kind": "person"}],
                "optional": [{"name": "Vistula Institute", "aliases": [], "kind": "organization"}],
            },
            "systems": {"required": [{"name": "Sky Eye", "aliases": [], "category": "radar"}], "optional": []},
            "dates": {
                "required": [
                    {"text": "by 2027", "value": "2027", "event": "x"},
                    {"text": "on Tuesday", "value": "2026-03-03", "event": "y"},
                ],
                "optional": [],
            },
            "experts": {
                "required": [
                    {"name": "Jana Novak", "role": "fellow", "gist": "g",
                     "quote_fragments": ["We expected the Sky Eye radar by 2027"]}
                ],
                "optional": [],
            },
        },
    )


def _briefing(**fields: object) -> Briefing:
    base: dict[str, object] = {
        "title": "t",
        "bluf": "b",
        "source": Source(content_sha256="0" * 64),
        "provenance": Provenance(engine="local"),
    }
    return Briefing(**{**base, **fields})  # type: ignore[arg-type]


def test_normalise_folds_case_accents_quotes_and_article() -> None:
    assert normalise("The  Akıncı\u2019s ") == normalise("akinci's")
    assert normalise("Łukasz Wróblewski") == "łukasz wroblewski"  # ł has no combining form: kept


def test_alias_match_and_duplicates_are_false_positives() -> None:
    b = _briefing(actors=[Actor(name="Novak"), Actor(name="Jana Novak"), Actor(name="Nobody")])
    t = score_article(_gold(), b).tallies["actors"]
    assert (t.tp, t.fp, t.fn) == (1, 2, 0)


def test_optional_matches_are_ignored() -> None:
    b = _briefing(actors=[Actor(name="Jana Novak"), Actor(name="the Vistula Institute")])
    t = score_article(_gold(), b).tallies["actors"]
    assert (t.tp, t.fp, t.fn) == (1, 0, 0)


def test_dates_need_overlapping_text_and_equal_value() -> None:
    b = _briefing(dates=[DatedEvent(text="2027", value="2027"), DatedEvent(text="Tuesday", value="2026-03-04")])
    t = score_article(_gold(), b).tallies["dates"]
    assert (t.tp, t.fp, t.fn) == (1, 1, 1)


def test_expert_needs_speaker_and_a_fragment() -> None:
    start = TEXT.index("We expected")
    end = TEXT.index(",\u201d Novak")
    quote = Quote(text=TEXT[start:end], start=start, end=end)
    right = ExpertView(speaker="Novak", quotes=[quote])
    wrong_words = ExpertView(speaker="Jana Novak", summary="She spoke about budgets.")
    assert score_article(_gold(), _briefing(expert_views=[right])).tallies["expert_views"].tp == 1
    assert score_article(_gold(), _briefing(expert_views=[wrong_words])).tallies["expert_views"].tp == 0


def test_quotes_verbatim_share_counts_offsets() -> None:
    good = Quote(text=TEXT[0:10], start=0, end=10)
    bad = Quote(text="not there", start=0, end=9)
    b = _briefing(expert_views=[ExpertView(speaker="Jana Novak", quotes=[good, bad])],
                  systems=[System(name="Sky Eye", mentions=[Span(start=0, end=1)])])
    report, _ = summarise_scores([(_gold(), b)])
    assert report["quotes_verbatim"] == 0.5
    assert report["systems"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_load_gold_reads_lines_and_articles(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(TEXT, encoding="utf-8")
    line = {"id": "a", "published": "2026-03-05", "text_file": "a.txt", **_gold().gold}
    (tmp_path / "gold.jsonl").write_text(json.dumps(line) + "\n\n", encoding="utf-8")
    [item] = load_gold(tmp_path)
    assert item.text == TEXT and item.published == date(2026, 3, 5)


def test_load_gold_without_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="gold.jsonl"):
        load_gold(tmp_path)
