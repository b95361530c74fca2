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

    @classmethod
    def from_source(cls, source: Source, text: str) -> Article:
        """The article a stored briefing was made from: its exact text and its Source block."""
        return cls(
            text=text,
            title=source.title,
            url=source.url,
            site=source.site,
            author=source.author,
            published=_full_day(source.published),
            language=source.language,
            extractor=source.extractor,
        )

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


def _full_day(value: str | None) -> date | None:
    # Engines may store a partial date ("2024-09"); only a full day maps back to Article.published.
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
