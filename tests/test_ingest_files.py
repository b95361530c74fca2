"""Files and attachments: text, Markdown and HTML read right; binary, empty and huge refused."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from bot.core.errors import BlockedAddressError, InputError
from bot.core.ingest import article_from_bytes, article_from_file, load_source
from bot.core.settings import Settings

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-az-pk-defence.txt"
EVAL_SEED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "articles" / SEED.name
PARAGRAPH = (
    "The defence ministry confirmed on Tuesday that the first two aircraft had landed at the "
    "air base after a ferry flight, and that pilots would begin conversion training next month."
)
ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Frigates arrive at naval base | Harbour Times</title>
<meta name="author" content="Jane Calder">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2025-03-04T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/defence">Defence</a> <a href="/about">About</a></nav>
<article><h1>Frigates arrive at naval base</h1>
<p>{PARAGRAPH}</p>
<p>"This is a milestone for the fleet," said Rear Admiral Tomas Berg, who commands the flotilla.</p>
<p>Analysts said the deal, worth about 2 billion euros, could be followed by a second batch.</p>
</article><footer>Copyright Harbour Times</footer></body></html>"""


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(_env_file=None, db_path=tmp_path / "b.db", fetch_allow_loopback=True)


def test_txt_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Tanks roll into the border town\n\n" + PARAGRAPH + "\n", encoding="utf-8")
    article = article_from_file(path, settings)
    assert article.text == "Tanks roll into the border town\n\n" + PARAGRAPH
    assert article.title == "Tanks roll into the border town"
    assert article.extractor == "plain"


def test_crlf_file_is_normalised(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbfFirst line of text here\r\nSecond line\r\n\r\nThird\r\n")
    assert article_from_file(path, settings).text == "First line of text here\nSecond line\n\nThird"


def test_markdown_heading_is_the_title_and_the_text_is_untouched(
    tmp_path: Path, settings: Settings
) -> None:
    raw = "# Drones over the Baltic\n\n*By a correspondent*\n\n" + PARAGRAPH
    path = tmp_path / "story.md"
    path.write_text(raw, encoding="utf-8")
    article = article_from_file(path, settings)
    assert article.title == "Drones over the Baltic"
    assert article.text == raw


def test_html_file_is_extracted_with_metadata(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "page.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    article = article_from_file(path, settings)
    assert article.extractor == "trafilatura"
    assert PARAGRAPH in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.title == "Frigates arrive at naval base"
    assert article.author == "Jane Calder"
    assert article.site == "Harbour Times"
    assert article.published == date(2025, 3, 4)
    assert article.language == "en"
    assert article.url is None


def test_html_file_without_article_text_is_refused(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "menu.htm"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"^No article text was found in menu\.htm\.$"):
        article_from_file(path, settings)


def test_seed_article_loads_byte_for_byte(settings: Settings) -> None:
    article = article_from_file(SEED, settings)
    expected = (EVAL_SEED if EVAL_SEED.exists() else SEED).read_bytes().decode("utf-8")
    assert article.text == expected
    assert (
        article.title
        == "Azerbaijan and Pakistan are keen to forge deeper cooperation in the defence industries."
    )
    assert article.text[: len(article.title)] == article.title


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (bytes(range(256)) * 4, "looks like a binary file"),
    ],
)
def test_binary_files_are_refused(
    tmp_path: Path, settings: Settings, data: bytes, kind: str
) -> None:
    path = tmp_path / "upload.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=kind):
        article_from_file(path, settings)


def test_empty_file_is_refused(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b" \n\r\n ")
    with pytest.raises(InputError, match=r"empty\.txt is empty\."):
        article_from_file(path, settings)


def test_oversized_text_and_file_are_refused(tmp_path: Path) -> None:
    small = Settings(
        _env_file=None, db_path=tmp_path / "b.db", max_text_chars=100, fetch_max_bytes=300
    )
    path = tmp_path / "long.txt"
    path.write_text("word " * 50, encoding="utf-8")
    with pytest.raises(InputError, match="249 characters; the limit is 100"):
        article_from_file(path, small)
    path.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="500 bytes; the largest file briefbot reads is 400 bytes"):
        article_from_file(path, small)


def test_missing_file_and_folder_are_refused(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(InputError, match="No such file"):
        article_from_file(tmp_path / "nope.txt", settings)
    with pytest.raises(InputError, match="is a folder"):
        article_from_file(tmp_path, settings)


def test_unknown_extension_reads_text_and_sniffs_html(tmp_path: Path, settings: Settings) -> None:
    text_file = tmp_path / "story.article"
    text_file.write_text("Plain story headline here\n" + PARAGRAPH, encoding="utf-8")
    assert article_from_file(text_file, settings).extractor == "plain"
    html_file = tmp_path / "saved.page"
    html_file.write_text(ARTICLE_HTML, encoding="utf-8")
    assert article_from_file(html_file, settings).extractor == "trafilatura"


def test_bytes_in_other_encodings_are_decoded(settings: Settings) -> None:
    french = "Le ministère a confirmé la livraison des frégates à la base navale de Brest, où "
    french += "l'équipage commencera les essais en mer la semaine prochaine."
    assert article_from_bytes(french.encode("cp1252"), "brest.txt", settings).text == french
    utf16 = codecs.BOM_UTF16_LE + french.encode("utf-16-le")
    assert article_from_bytes(utf16, "brest.txt", settings).text == french
    html = ARTICLE_HTML.replace("utf-8", "windows-1252").replace("euros", "€")
    article = article_from_bytes(html.encode("cp1252"), "page.html", settings)
    assert "2 billion €" in article.text


def test_attachment_name_is_only_a_name(settings: Settings) -> None:
    with pytest.raises(InputError, match=r"^evil\.txt is empty\.$"):
        article_from_bytes(b"", "../../etc/evil.txt", settings)


async def test_load_source_reads_paths_and_explains_bare_domains(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline for the loaded file\n" + PARAGRAPH, encoding="utf-8")
    assert (await load_source(str(path), settings)).title == "Headline for the loaded file"
    with pytest.raises(InputError, match="start it with https://"):
        await load_source("www.example.com/news/story", settings)
    with pytest.raises(BlockedAddressError, match="only http and https"):
        await load_source("file:///etc/passwd", settings)
