"""Degrade, never drop: brief with a second engine when the model stays unavailable."""

from __future__ import annotations

import logging

from bot.core.article import Article
from bot.core.engines import Engine
from bot.core.models import Briefing, EngineName
from bot.core.openai_engine.retry import ModelUnavailableError

log = logging.getLogger(__name__)


class FallbackEngine:
    """The primary engine, or the fallback one when the primary's retry budget runs out.

    Only unavailability falls back (transport failures after every retry, an exhausted quota).
    Refusals, cut-offs, bad keys and unknown models are errors the user should see and fix.
    The cache key is the primary's, so a fallback briefing carries `fallback_reason` and
    `engine: local` in its provenance for the store to tell it apart.
    """

    def __init__(self, primary: Engine, fallback: Engine) -> None:
        self.primary = primary
        self.fallback = fallback
        self.name: EngineName = primary.name

    @property
    def prompt_id(self) -> str:
        """The primary engine's prompt id."""
        return self.primary.prompt_id

    @property
    def model(self) -> str | None:
        """The primary engine's model."""
        return self.primary.model

    async def brief(self, article: Article) -> Briefing:
        """The primary's briefing, or the fallback's marked with why."""
        try:
            return await self.primary.brief(article)
        except ModelUnavailableError as exc:
            log.warning("model unavailable, falling back to %s: %s", self.fallback.name, exc)
            briefing = await self.fallback.brief(article)
            reason = f"{exc.message} Briefed by the {self.fallback.name} engine instead."
            provenance = briefing.provenance.model_copy(update={"fallback_reason": reason})
            return briefing.model_copy(update={"provenance": provenance})

    async def aclose(self) -> None:
        """Close whatever the two engines hold open (the model client's connections)."""
        for engine in (self.primary, self.fallback):
            close = getattr(engine, "aclose", None)
            if close is not None:
                await close()
