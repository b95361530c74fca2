"""A surname's given names, found where the text introduced the person."""

from __future__ import annotations

from bot.core.local.introductions import introduced_name


def test_given_names_before_the_surname() -> None:
    text = "The inquiry was led by Rebecca Thornbury, the auditor. Thornbury said it was late."
    assert introduced_name(text, "Thornbury") == "Rebecca Thornbury"


def test_an_owner_or_a_sentence_end_is_not_a_given_name() -> None:
    assert introduced_name("The deal went to South Korea's Hanwha.", "Hanwha") is None
    assert introduced_name("They met in Oslo. Berg said no.", "Berg") is None
