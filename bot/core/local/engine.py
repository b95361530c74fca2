"""The local engine: runs the extractors over one spaCy parse and assembles a Briefing."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Iterator

from bot.core.article import Article
from bot.core.local.actors import find_actors
from bot.core.local.analysis import Analysis
from bot.core.local.dates import find_dates, find_published
from bot.core.local.experts import find_expert_views
from bot.core.local.nlp import load_nlp
from bot.core.local.parsing import parse_many
from bot.core.local.speaker_actors import with_speakers
from bot.core.local.summary import summarise
from bot.core.local.systems import find_systems
from bot.core.local.version import rules_version
from bot.core.models import Briefing, EngineName, Provenance


class LocalEngine:
    """spaCy plus rules. CPU-bound: `brief_sync` is what worker processes call."""

    name: EngineName = "local"

    @property
    def prompt_id(self) -> str:
        """Fingerprint of the rules, their data and the model: part of the cache key."""
        return rules_version()

    @property
    def model(self) -> str | None:
        """The local engine has no model name in the cache key."""
        return None

    async def brief(self, article: Article) -> Briefing:
        """Brief in a worker thread so the event loop keeps running."""
        return await asyncio.to_thread(self.brief_sync, article)

    def brief_sync(self, article: Article) -> Briefing:
        """Brief one article in this thread."""
        return next(self.brief_many([article]))

    def brief_many(self, articles: Iterable[Article]) -> Iterator[Briefing]:
        """Brief several articles, parsing their paragraphs in shared batches."""
        items = list(articles)
        docs = parse_many(load_nlp(), (a.text for a in items))
        for article in items:
            started = time.perf_counter()  # before the parse, so elapsed_ms includes it
            doc = next(docs)
            published = article.published or find_published(article.text)
            yield self._assemble(Analysis(article=article, doc=doc, published=published), started)

    def _assemble(self, analysis: Analysis, started: float) -> Briefing:
        systems = find_systems(analysis)
        actors = find_actors(analysis, systems)
        dates = find_dates(analysis)
        views = find_expert_views(analysis, actors)
        actors = with_speakers(actors, views, analysis.text)
        title, bluf, key_points = summarise(analysis, actors, systems)
        source = analysis.article.to_source()
        if analysis.published and not source.published:
            source = source.model_copy(update={"published": analysis.published.isoformat()})
        return Briefing(
            title=title,
            bluf=bluf,
            key_points=key_points,
            actors=actors,
            systems=systems,
            dates=dates,
            expert_views=views,
            source=source,
            provenance=Provenance(
                engine="local",
                prompt=rules_version(),
                attempts=1,
                elapsed_ms=int((time.perf_counter() - started) * 1000),
            ),
        )
