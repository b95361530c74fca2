"""Ingest: pasted text, files, attachments and links become an Article (the exact text spans index).

Links go through an SSRF guard (netguard, transport); HTML goes through trafilatura (html).
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.article import Article
from bot.core.errors import InputError
from bot.core.ingest.files import article_from_bytes, article_from_file
from bot.core.ingest.text import article_from_text
from bot.core.ingest.web import fetch_article
from bot.core.settings import Settings

__all__ = [
    "article_from_bytes",
    "article_from_file",
    "article_from_text",
    "fetch_article",
    "load_source",
]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_BARE_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/", re.IGNORECASE)


async def load_source(source: str, settings: Settings) -> Article:
    """A link (anything with a scheme; only http/https are fetched) or else a file path."""
    source = source.strip()
    if not source:
        raise InputError("Give a link or a file path.")
    if _SCHEME.match(source):
        return await fetch_article(source, settings)
    path = Path(source)
    if not path.expanduser().exists() and _BARE_DOMAIN.match(source):
        raise InputError(f"No such file: {source}. For a link, start it with https://.")
    return article_from_file(path, settings)
