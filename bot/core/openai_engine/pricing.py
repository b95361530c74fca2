"""Cost of a briefing from the price table in settings. Unknown model: None (unknown), never 0."""

from __future__ import annotations

import re

from bot.core.settings import ModelPrice

# Dated snapshots ("gpt-4o-mini-2024-07-18") are priced like their family name.
_SNAPSHOT = re.compile(r"-\d{4}-\d{2}-\d{2}$")


def price_for(model: str, table: dict[str, ModelPrice]) -> ModelPrice | None:
    """The price entry for `model` or its undated family name, if the table has one."""
    return table.get(model) or table.get(_SNAPSHOT.sub("", model))


def cost_usd(
    model: str, tokens_in: int, tokens_out: int, tokens_cached: int, table: dict[str, ModelPrice]
) -> float | None:
    """USD for these token counts; cached input tokens at the cached rate when the table has one."""
    price = price_for(model, table)
    if price is None:
        return None
    cached = min(tokens_cached, tokens_in)
    cached_rate = price.cached if price.cached is not None else price.input
    total = (tokens_in - cached) * price.input + cached * cached_rate + tokens_out * price.output
    return round(total / 1_000_000, 8)
