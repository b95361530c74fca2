"""The shared, read-only view of one article that every local extractor works from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bot.core.article import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Analysis:
    """Article text, its spaCy Doc (offsets identical to `text`), and the reference date."""

    article: Article
    doc: Doc
    published: date | None

    @property
    def text(self) -> str:
        """The exact text that every span indexes into."""
        return self.article.text
