"""The briefing service: the one entry point the CLI and the Discord bot share.

ingest -> cache lookup -> engine -> grounding -> store. Front ends call this and render the result.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from bot.core.article import Article
from bot.core.engines import Engine
from bot.core.errors import InputError
from bot.core.grounding import ground
from bot.core.ingest import article_from_bytes, article_from_file, article_from_text, fetch_article
from bot.core.models import Briefing
from bot.core.settings import Settings
from bot.core.store import Store, StoredBriefing

log = logging.getLogger("briefbot.service")


@dataclass(frozen=True, slots=True)
class BriefingResult:
    """A stored briefing, its row id, and whether it came from the cache."""

    id: int
    briefing: Briefing
    cached: bool


class BriefingService:
    """Turns user input into stored, grounded briefings with one engine."""

    def __init__(self, settings: Settings, store: Store, engine: Engine) -> None:
        self.settings = settings
        self.store = store
        self.engine = engine

    async def ingest(
        self,
        *,
        url: str | None = None,
        text: str | None = None,
        path: Path | None = None,
        data: bytes | None = None,
        filename: str | None = None,
    ) -> Article:
        """Exactly one of url, text, path or data (with filename) becomes an Article."""
        given = [x for x in (url, text, path, data) if x is not None]
        if len(given) != 1:
            raise InputError("Give exactly one of a link, a file, or pasted text.")
        if url is not None:
            return await fetch_article(url, self.settings)
        if text is not None:
            return article_from_text(text, self.settings)
        if path is not None:
            return article_from_file(path, self.settings)
        return article_from_bytes(data or b"", filename or "pasted.txt", self.settings)

    async def brief_article(
        self, article: Article, *, refresh: bool = False, guild_id: int | None = None
    ) -> BriefingResult:
        """The stored briefing for this exact content, engine and prompt, or a new one."""
        started = time.perf_counter()
        if not refresh:
            hit = self.store.find_briefing(
                article.sha256, self.engine.name, self.engine.prompt_id, self.engine.model
            )
            if hit is not None:
                result = BriefingResult(id=hit.id, briefing=hit.briefing, cached=True)
                _log_briefing(result, guild_id, started)
                return result
        briefing = ground(await self.engine.brief(article), article.text)
        row_id = self.store.save_briefing(
            briefing,
            article.text,
            prompt_id=self.engine.prompt_id,
            guild_id=guild_id,
        )
        result = BriefingResult(id=row_id, briefing=briefing, cached=False)
        _log_briefing(result, guild_id, started)
        return result

    async def brief(
        self,
        *,
        url: str | None = None,
        text: str | None = None,
        path: Path | None = None,
        data: bytes | None = None,
        filename: str | None = None,
        refresh: bool = False,
        guild_id: int | None = None,
    ) -> BriefingResult:
        """Ingest then brief: the common path for a single request."""
        article = await self.ingest(url=url, text=text, path=path, data=data, filename=filename)
        return await self.brief_article(article, refresh=refresh, guild_id=guild_id)

    def get(self, briefing_id: int) -> StoredBriefing:
        """A stored briefing by id (the Discord buttons carry the id)."""
        stored = self.store.get_briefing(briefing_id)
        if stored is None:
            raise InputError(f"Briefing #{briefing_id} is no longer stored; brief the article again.")
        return stored

    async def rerun(self, briefing_id: int, *, guild_id: int | None = None) -> BriefingResult:
        """Brief a stored briefing's exact article text again, bypassing the cache."""
        source = self.get(briefing_id).briefing.source
        text = self.store.get_article_text(source.content_sha256)
        if text is None:
            raise InputError(f"The article of briefing #{briefing_id} is no longer stored.")
        return await self.brief_article(
            Article.from_source(source, text), refresh=True, guild_id=guild_id
        )


def _log_briefing(result: BriefingResult, guild_id: int | None, started: float) -> None:
    """One structured line per briefing served; a cache hit cost nothing this time."""
    prov = result.briefing.provenance
    log.info(
        "briefing",
        extra={
            "briefing_id": result.id,
            "guild": guild_id,
            "engine": prov.engine,
            "model": prov.model,
            "tokens_in": 0 if result.cached else prov.tokens_in,
            "tokens_out": 0 if result.cached else prov.tokens_out,
            "cost_usd": 0.0 if result.cached else prov.cost_usd,
            "attempts": 0 if result.cached else prov.attempts,
            "elapsed_ms": round((time.perf_counter() - started) * 1000),
            "cached": result.cached,
            "content": result.briefing.source.content_sha256[:12],
        },
    )
