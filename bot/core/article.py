"""The article as ingested: the exact text every span and quote points into, plus its metadata."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from bot.core.models import Source


@dataclass(frozen=True, slots=True)
class Article:
    """Normalised article text and what we know about where it came from."""

    text: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None
    extractor: str = "plain"
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def sha256(self) -> str:
        """Hex sha256 of the UTF-8 text: the content half of the cache key."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_source(self) -> Source:
        """The Source block of a briefing made from this article."""
        return Source(
            url=self.url,
            title=self.title,
            site=self.site,
            author=self.author,
            published=self.published.isoformat() if self.published else None,
            language=self.language,
            fetched_at=self.fetched_at,
            content_sha256=self.sha256,
            extractor=self.extractor,
            chars=len(self.text),
        )
