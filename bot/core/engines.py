"""What every engine provides. The service picks one; grounding checks whatever it returns."""

from __future__ import annotations

from typing import Protocol

from bot.core.article import Article
from bot.core.models import Briefing, EngineName


class Engine(Protocol):
    """Turns one article into a Briefing. Implementations: local (spaCy + rules) and openai."""

    name: EngineName

    @property
    def prompt_id(self) -> str:
        """`name@version` of the prompt or rule set: part of the cache key."""
        ...

    @property
    def model(self) -> str | None:
        """The model name, or None for the local engine: part of the cache key."""
        ...

    async def brief(self, article: Article) -> Briefing:
        """Produce a briefing whose spans point into `article.text`."""
        ...
