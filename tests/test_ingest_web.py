"""Fetching links from a real local HTTP server: extraction, redirects, the guard, the limits."""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pages_server import PagesServer

from bot.core.errors import BlockedAddressError, FetchError, InputError
from bot.core.ingest import fetch_article, load_source
from bot.core.settings import Settings

PARAGRAPHS = [
    "The navy took delivery of its first two frigates on Tuesday at the Haakonsvern base, "
    "the defence ministry said, ending a programme that ran three years late.",
    '"This is a milestone for the fleet," said Rear Admiral Tomas Berg, who commands the '
    "flotilla. The ships will begin sea trials in the North Sea next month.",
    "Analysts at the Harbour Institute said the deal, worth about 2 billion euros, could be "
    "followed by a second batch of three ships before the end of the decade.",
]
ARTICLE_HTML = """<!DOCTYPE html>
<html lang="nb-NO"><head><meta charset="utf-8">
<title>Navy takes delivery of first frigates | Harbour Times</title>
<meta name="author" content="Ingrid Solberg">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2025-03-04T08:00:00+01:00">
</head><body>
<nav><a href="/">Home</a> <a href="/defence">Defence</a> <a href="/sport">Sport</a></nav>
<article><h1>Navy takes delivery of first frigates</h1>
{paragraphs}
</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Weather turns cold</a></li></ul></aside>
<footer>Copyright 2025 Harbour Times. All rights reserved.</footer></body></html>
""".format(paragraphs="\n".join(f"<p>{p}</p>" for p in PARAGRAPHS))
NAV_ONLY_HTML = """<!DOCTYPE html><html><head><title>Harbour Times</title></head><body>
<nav><a href="/">Home</a> <a href="/defence">Defence</a> <a href="/sport">Sport</a></nav>
<footer>Copyright 2025</footer></body></html>"""
PLAIN = "Frigates arrive at Haakonsvern\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


@pytest.fixture(scope="module")
def server() -> Iterator[PagesServer]:
    with PagesServer() as pages:
        pages.add("/article.html", ARTICLE_HTML)
        pages.add("/plain.txt", PLAIN, content_type="text/plain; charset=utf-8")
        pages.add(
            "/latin1.txt",
            PLAIN.replace("Frigates", "Frégates").encode("latin-1"),
            content_type="text/plain; charset=iso-8859-1",
        )
        pages.add("/nav-only.html", NAV_ONLY_HTML)
        pages.add("/gone", "gone", status=410)
        pages.add("/broken", "oops", status=503)
        pages.add("/doc.pdf", b"%PDF-1.7\n", content_type="application/pdf")
        pages.add("/photo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
        pages.add("/big.html", "<p>" + "x" * 5_000 + "</p>", send_length=False)
        pages.add("/big-declared.html", "<p>" + "x" * 5_000 + "</p>")
        bomb = gzip.compress(b"<p>" + b"a" * 2_000_000 + b"</p>")
        pages.add("/bomb.html", bomb, headers={"Content-Encoding": "gzip"})
        pages.add(
            "/gzipped.html",
            gzip.compress(ARTICLE_HTML.encode()),
            headers={"Content-Encoding": "gzip"},
        )
        pages.add("/stall.html", ARTICLE_HTML, stall_s=5.0)
        pages.redirect("/r1", "/r2", status=301)
        pages.redirect("/r2", pages.url("/r3"), status=307)
        pages.redirect("/r3", "article.html", status=308)
        pages.redirect("/loop", "/loop")
        pages.redirect("/to-private", "http://10.1.2.3/")
        pages.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data")
        pages.redirect("/to-file", "file:///etc/passwd")
        yield pages


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,
        db_path=tmp_path / "b.db",
        fetch_allow_loopback=True,
        fetch_connect_timeout_s=2.0,
        fetch_read_timeout_s=2.0,
        fetch_max_bytes=4_000,
        fetch_max_redirects=3,
    )


async def test_html_article_text_and_metadata(server: PagesServer, settings: Settings) -> None:
    url = server.url("/article.html")
    article = await fetch_article(url, settings)
    assert article.extractor == "trafilatura"
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    for chrome in ("Sport", "Most read", "Weather", "All rights reserved"):
        assert chrome not in article.text
    assert article.title == "Navy takes delivery of first frigates"
    assert article.author == "Ingrid Solberg"
    assert article.site == "Harbour Times"
    assert article.published == date(2025, 3, 4)
    assert article.language == "nb"
    assert article.url == url
    assert server.request_headers["/article.html"]["User-Agent"].startswith("Mozilla/5.0")


async def test_plain_text_page_is_kept_exactly(server: PagesServer, settings: Settings) -> None:
    article = await fetch_article(server.url("/plain.txt"), settings)
    assert article.text == PLAIN.strip()
    assert article.title == "Frigates arrive at Haakonsvern"
    assert article.extractor == "plain"
    assert article.site == "127.0.0.1"


async def test_declared_charset_is_used(server: PagesServer, settings: Settings) -> None:
    article = await fetch_article(server.url("/latin1.txt"), settings)
    assert article.title == "Frégates arrive at Haakonsvern"


async def test_gzip_body_is_decoded(server: PagesServer, settings: Settings) -> None:
    article = await fetch_article(server.url("/gzipped.html"), settings)
    assert PARAGRAPHS[0] in article.text


async def test_redirect_chain_is_followed(server: PagesServer, settings: Settings) -> None:
    article = await fetch_article(server.url("/r1"), settings)
    assert article.url == server.url("/article.html")
    assert PARAGRAPHS[1] in article.text


async def test_too_many_redirects(server: PagesServer, settings: Settings) -> None:
    before = server.hits["/loop"]
    with pytest.raises(FetchError, match="redirected more than 3 times"):
        await fetch_article(server.url("/loop"), settings)
    assert server.hits["/loop"] - before == 4


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/to-private", r"Refusing to fetch http://10\.1\.2\.3/: it points at a private network"),
        ("/to-metadata", r"169\.254\.169\.254/latest/meta-data: it points at a cloud metadata"),
        ("/to-file", r"Refusing to fetch file:/+etc/passwd: only http and https"),
    ],
)
async def test_redirect_to_an_internal_address_is_refused_without_connecting(
    server: PagesServer, settings: Settings, path: str, message: str
) -> None:
    # A real attempt to reach 10.1.2.3 would end in a connect error or timeout (a plain
    # FetchError); BlockedAddressError, at once, shows the guard refused before connecting.
    started = time.monotonic()
    with pytest.raises(BlockedAddressError, match=message):
        await fetch_article(server.url(path), settings)
    assert time.monotonic() - started < 1.5


async def test_loopback_is_refused_unless_allowed(server: PagesServer, settings: Settings) -> None:
    strict = settings.model_copy(update={"fetch_allow_loopback": False})
    before = server.hits["/article.html"]
    with pytest.raises(BlockedAddressError, match="loopback address"):
        await fetch_article(server.url("/article.html"), strict)
    with pytest.raises(BlockedAddressError, match="loopback address"):
        await fetch_article(f"http://localhost:{server.port}/article.html", strict)
    assert server.hits["/article.html"] == before


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", r"^The page at http://127\.0\.0\.1:\d+/missing was not found \(HTTP 404\)\.$"),
        ("/gone", r"is gone \(HTTP 410\)"),
        ("/broken", r"failed \(HTTP 503\)"),
    ],
)
async def test_http_errors_name_the_status(
    server: PagesServer, settings: Settings, path: str, message: str
) -> None:
    with pytest.raises(FetchError, match=message):
        await fetch_article(server.url(path), settings)


async def test_pdf_and_image_are_refused(server: PagesServer, settings: Settings) -> None:
    with pytest.raises(InputError, match=r"doc\.pdf is a PDF, not a web page"):
        await fetch_article(server.url("/doc.pdf"), settings)
    with pytest.raises(InputError, match=r"is an image \(image/png\)"):
        await fetch_article(server.url("/photo.png"), settings)


@pytest.mark.parametrize(
    ("path", "how"),
    [
        ("/big.html", "it was cut off there and not used"),
        ("/big-declared.html", "it was not downloaded"),
        ("/bomb.html", "it was cut off there and not used"),
    ],
)
async def test_oversized_body_is_refused(
    server: PagesServer, settings: Settings, path: str, how: str
) -> None:
    with pytest.raises(InputError, match=f"larger than the 4,000-byte limit .*; {how}"):
        await fetch_article(server.url(path), settings)


async def test_page_without_article_text(server: PagesServer, settings: Settings) -> None:
    url = server.url("/nav-only.html")
    with pytest.raises(InputError) as info:
        await fetch_article(url, settings)
    assert str(info.value) == f"No article text was found at {url}."


async def test_stalled_page_times_out(server: PagesServer, settings: Settings) -> None:
    quick = settings.model_copy(update={"fetch_read_timeout_s": 0.3})
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"sent nothing for 0\.3 seconds"):
        await fetch_article(server.url("/stall.html"), quick)
    assert time.monotonic() - started < 3


async def test_total_time_limit(server: PagesServer, settings: Settings) -> None:
    capped = settings.model_copy(update={"fetch_total_timeout_s": 0.3})
    with pytest.raises(FetchError, match=r"took longer than 0\.3 seconds"):
        await fetch_article(server.url("/stall.html"), capped)


async def test_connection_refused_is_one_sentence(settings: Settings) -> None:
    with PagesServer() as closed:
        port = closed.port
    with pytest.raises(FetchError, match=r"^Could not connect to 127\.0\.0\.1: .*\.$"):
        await fetch_article(f"http://127.0.0.1:{port}/", settings)


async def test_load_source_fetches_links(server: PagesServer, settings: Settings) -> None:
    article = await load_source("  " + server.url("/plain.txt") + " ", settings)
    assert article.text == PLAIN.strip()
