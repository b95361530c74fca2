"""HTML to Article: the main text and metadata of a page, extracted with trafilatura."""

from __future__ import annotations

import re
from datetime import date

import trafilatura

from bot.core.article import Article
from bot.core.errors import InputError
from bot.core.ingest.text import checked_text
from bot.core.settings import Settings

# Below this, what trafilatura finds is navigation or a teaser, not an article to brief.
MIN_ARTICLE_WORDS = 25

_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)
_META_LANG = re.compile(
    r"""<meta\b[^>]*?http-equiv\s*=\s*["']?content-language["']?[^>]*?"""
    r"""content\s*=\s*["']?([A-Za-z]{2,3})\b""",
    re.IGNORECASE,
)
_OG_LOCALE = re.compile(
    r"""<meta\b[^>]*?property\s*=\s*["']og:locale["'][^>]*?content\s*=\s*["']?([A-Za-z]{2,3})[_-]""",
    re.IGNORECASE,
)
_HEAD_CHARS = 20_000


def page_language(html: str) -> str | None:
    """The page's declared language as a lower-case ISO 639 code ("en"), if it declares one."""
    head = html[:_HEAD_CHARS]
    for pattern in (_HTML_LANG, _META_LANG, _OG_LOCALE):
        match = pattern.search(head)
        if match:
            return match.group(1).lower()
    return None


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def article_from_html(
    html: str, settings: Settings, *, url: str | None = None, where: str | None = None
) -> Article:
    """The article in an HTML document; `where` names it in errors (defaults to the url)."""
    shown = where or url or "the HTML document"
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,  # reader comments are not the article
        include_images=False,
        include_links=False,
    )
    raw = getattr(document, "text", None) or ""
    if len(raw.split()) < MIN_ARTICLE_WORDS:
        preposition = "at" if url and shown == url else "in"
        raise InputError(f"No article text was found {preposition} {shown}.")
    text = checked_text(raw, settings, where=f"The article text of {shown}")
    return Article(
        text=text,
        title=_clean(document.title),
        url=url,
        site=_clean(document.sitename) or _clean(document.hostname),
        author=_clean(document.author),
        published=_iso_date(document.date),
        language=page_language(html),
        extractor="trafilatura",
    )
