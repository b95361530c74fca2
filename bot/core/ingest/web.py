"""Fetching a link: SSRF-guarded, bounded in time and size, redirects followed by hand.

Each redirect hop is vetted again before it is requested, and the transport connects only to the
addresses it vetted itself (see transport.py), so neither a redirect nor DNS can reach inside.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx2

from bot.core.article import Article
from bot.core.errors import FetchError, InputError
from bot.core.ingest.body import ACCEPT_ENCODING, read_body
from bot.core.ingest.encoding import decode_bytes, html_meta_charset
from bot.core.ingest.html import article_from_html
from bot.core.ingest.netguard import parse_link, vet_url
from bot.core.ingest.text import checked_text, guess_title, normalise_text
from bot.core.ingest.transport import GuardedTransport
from bot.core.settings import Settings

USER_AGENT = "Mozilla/5.0 (compatible; briefbot/0.1; article briefing)"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_WRONG_KIND = {"image/": "an image", "video/": "a video", "audio/": "an audio file"}


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched body before extraction: final URL, declared media type and charset, bytes."""

    url: str
    media_type: str
    charset: str | None
    body: bytes


def _status_error(status: int, url: str, host: str) -> FetchError:
    if status == 404:
        return FetchError(f"The page at {url} was not found (HTTP 404).")
    if status == 410:
        return FetchError(f"The page at {url} is gone (HTTP 410).")
    if status in (401, 403):
        return FetchError(f"{host} refused access to {url} (HTTP {status}).")
    if status == 429:
        return FetchError(f"{host} is limiting requests (HTTP 429); try again later.")
    if status >= 500:
        return FetchError(f"The server for {url} failed (HTTP {status}); try again later.")
    return FetchError(f"Fetching {url} failed with HTTP {status}.")


def _media_type(response: httpx2.Response, url: str) -> tuple[str, str | None]:
    """The declared media type and charset, refusing documents we cannot read."""
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if not media or media in HTML_TYPES or media in TEXT_TYPES:
        return media, response.charset_encoding
    if media == "application/pdf":
        raise InputError(
            f"{url} is a PDF, not a web page; briefbot reads web pages and plain text,"
            " so download it and paste or attach its text instead."
        )
    kind = next((name for prefix, name in _WRONG_KIND.items() if media.startswith(prefix)), None)
    if kind is not None:
        raise InputError(f"{url} is {kind} ({media}), not a web page or text.")
    raise InputError(f"{url} serves {media}, not a web page or plain text.")


def _reason(err: Exception) -> str:
    text = str(err).strip().splitlines()
    return text[0][:160].rstrip(".") if text else type(err).__name__


def _transport_error(err: httpx2.HTTPError, url: str, settings: Settings) -> FetchError:
    host = httpx2.URL(url).host
    if isinstance(err, httpx2.ConnectTimeout):
        return FetchError(
            f"Timed out connecting to {host} after {settings.fetch_connect_timeout_s:g} seconds."
        )
    if isinstance(err, httpx2.ReadTimeout):
        return FetchError(
            f"{host} sent nothing for {settings.fetch_read_timeout_s:g} seconds while"
            f" sending {url}; gave up."
        )
    if isinstance(err, httpx2.TimeoutException):
        return FetchError(f"Fetching {url} timed out.")
    if isinstance(err, httpx2.ConnectError):
        return FetchError(f"Could not connect to {host}: {_reason(err)}.")
    if isinstance(err, httpx2.RemoteProtocolError):
        return FetchError(f"{host} closed the connection or sent a broken response for {url}.")
    return FetchError(f"Fetching {url} failed: {_reason(err)}.")


async def _get_once(
    client: httpx2.AsyncClient, url: httpx2.URL, settings: Settings
) -> Page | httpx2.URL:
    """One GET: the page, or the URL a redirect points to."""
    shown = str(url)
    try:
        async with client.stream("GET", url) as response:
            location = response.headers.get("location")
            if response.status_code in REDIRECT_STATUSES and location:
                try:
                    return parse_link(response.url.join(location.strip()))
                except httpx2.InvalidURL as err:
                    raise FetchError(f"{shown} redirects to an invalid link.") from err
            if not 200 <= response.status_code < 300:
                raise _status_error(response.status_code, shown, url.host)
            media, charset = _media_type(response, shown)
            body = await read_body(response, settings.fetch_max_bytes, shown)
            return Page(url=str(response.url), media_type=media, charset=charset, body=body)
    except httpx2.HTTPError as err:
        raise _transport_error(err, shown, settings) from err


def _client(settings: Settings, transport: httpx2.AsyncBaseTransport | None) -> httpx2.AsyncClient:
    return httpx2.AsyncClient(
        transport=transport or GuardedTransport(allow_loopback=settings.fetch_allow_loopback),
        timeout=httpx2.Timeout(
            settings.fetch_read_timeout_s, connect=settings.fetch_connect_timeout_s
        ),
        follow_redirects=False,
        trust_env=False,  # an environment proxy would connect on our behalf, unguarded
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING},
    )


async def _follow_redirects(
    start: httpx2.URL, settings: Settings, transport: httpx2.AsyncBaseTransport | None
) -> Page:
    current = start
    async with _client(settings, transport) as client:
        for _hop in range(settings.fetch_max_redirects + 1):
            await vet_url(current, allow_loopback=settings.fetch_allow_loopback)
            result = await _get_once(client, current, settings)
            if isinstance(result, Page):
                return result
            current = result
    raise FetchError(
        f"{start} redirected more than {settings.fetch_max_redirects} times"
        " (BRIEFBOT_FETCH_MAX_REDIRECTS); gave up."
    )


async def fetch_page(
    url: str, settings: Settings, *, transport: httpx2.AsyncBaseTransport | None = None
) -> Page:
    """GET a link's body, following and re-vetting redirects, within the time and size limits."""
    start = parse_link(url)
    try:
        async with asyncio.timeout(settings.fetch_total_timeout_s):
            return await _follow_redirects(start, settings, transport)
    except TimeoutError as err:
        raise FetchError(
            f"Fetching {start} took longer than {settings.fetch_total_timeout_s:g} seconds"
            " (BRIEFBOT_FETCH_TOTAL_TIMEOUT_S); gave up."
        ) from err


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head


def article_from_page(page: Page, settings: Settings) -> Article:
    """Extract the article from a fetched page: trafilatura for HTML, as-is for plain text."""
    is_html = page.media_type in HTML_TYPES or (not page.media_type and _looks_like_html(page.body))
    if is_html:
        declared = page.charset or html_meta_charset(page.body)
        html = decode_bytes(page.body, name=page.url, declared=declared)
        return article_from_html(html, settings, url=page.url)
    decoded = decode_bytes(page.body, name=page.url, declared=page.charset)
    if not normalise_text(decoded):
        raise InputError(f"No article text was found at {page.url}.")
    text = checked_text(decoded, settings, where=f"The text at {page.url}")
    return Article(
        text=text,
        title=guess_title(text),
        url=page.url,
        site=httpx2.URL(page.url).host or None,
        extractor="plain",
    )


async def fetch_article(
    url: str, settings: Settings, *, transport: httpx2.AsyncBaseTransport | None = None
) -> Article:
    """Fetch a link and extract its article; refuses private addresses, PDFs, images, 4xx/5xx."""
    page = await fetch_page(url, settings, transport=transport)
    # Extraction is CPU-bound (lxml, htmldate); keep it off the event loop the bot shares.
    return await asyncio.to_thread(article_from_page, page, settings)
