"""Shared material for the OpenAI engine tests: the article, a correct model reply, settings.

Usage (tests/ is on sys.path): `from fakes.openai_scripts import ARTICLE, good_reply, make_settings`.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

from known_secrets import OPENAI_API_KEY

from bot.core.article import Article
from bot.core.settings import Settings

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed-az-pk-defence.txt"
TEXT = SEED.read_text(encoding="utf-8")
ARTICLE = Article(
    text=TEXT, title="Azerbaijan and Pakistan deepen defence ties", site="azernews.az", published=date(2025, 3, 10)
)
QUOTE_1 = "For many years, Azerbaijan and Pakistan have had military and military-technical cooperation."
QUOTE_2 = (
    "I believe that there can be cooperation between Azerbaijan and Pakistan in the fields of "
    "aviation, ground equipment, and the formation of radar systems."
)

_GOOD: dict[str, Any] = {
    "title": "Azerbaijan and Pakistan deepen defence-industry cooperation",
    "bluf": "Azerbaijan and Pakistan plan joint defence-industry work after the 2024 JF-17 deal.",
    "key_points": [
        {
            "text": "Azerbaijan bought JF-17 Thunder aircraft from Pakistan in September 2024.",
            "evidence": ["In September 2024, Azerbaijan purchased Pakistani-made military aircraft that had been eagerly awaited."],
        },
        {
            "text": "The two countries signed a military cooperation agreement in 2014.",
            "evidence": ["Additionally, in 2014, the two nations signed a bilateral military cooperation agreement"],
        },
        {"text": "Joint production is under way.", "evidence": []},
    ],
    "actors": [
        {"name": "Azerbaijan", "kind": "country", "role": "buyer", "affiliation": None, "aliases": []},
        {"name": "Pakistan", "kind": "country", "role": "supplier", "affiliation": None, "aliases": []},
        {"name": "Ramil Mammadli", "kind": "person", "role": "military expert", "affiliation": None, "aliases": []},
        {"name": "Muhammad Shehbaz Sharif", "kind": "person", "role": "Prime Minister", "affiliation": "Pakistan", "aliases": []},
    ],
    "systems": [
        {"name": "JF-17 Thunder", "category": "fighter aircraft", "aliases": []},
        {"name": "PAC MFI-17 Mushshak", "category": "trainer aircraft", "aliases": []},
    ],
    "dates": [
        {"text": "September 2024", "event": "JF-17 purchase"},
        {"text": "2014", "event": "cooperation agreement"},
        {"text": "last year", "event": "JF-17 deal"},
    ],
    "expert_views": [
        {
            "speaker": "Ramil Mammadli",
            "role": "military expert",
            "affiliation": None,
            "summary": "Mammadli sees Pakistan as a key partner for Azerbaijan's defence industry.",
            "quotes": [QUOTE_1, QUOTE_2],
        }
    ],
}


def good_reply() -> dict[str, Any]:
    """A fresh copy of a correct, fully grounded reply for the seed article."""
    return copy.deepcopy(_GOOD)


def make_settings(base_url: str, **overrides: Any) -> Settings:
    """Settings for the local server: millisecond backoff so tests never really wait."""
    values: dict[str, Any] = {
        "_env_file": None,
        "openai_base_url": base_url,
        "openai_api_key": OPENAI_API_KEY,
        "openai_model": "gpt-4o-mini",
        "openai_timeout_s": 5.0,
        "openai_max_attempts": 4,
        "openai_max_total_s": 30.0,
        "openai_backoff_initial_s": 0.001,
        "openai_backoff_max_s": 0.004,
    }
    values.update(overrides)
    return Settings(**values)


class SleepLog:
    """An injectable sleep that records the waits asked for and returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
