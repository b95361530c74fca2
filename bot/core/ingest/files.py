"""Files and attachments: .txt, .md and .html by extension; anything else only if it is text."""

from __future__ import annotations

from pathlib import Path, PurePath

from bot.core.article import Article
from bot.core.errors import InputError
from bot.core.ingest.encoding import decode_bytes, html_meta_charset
from bot.core.ingest.html import article_from_html
from bot.core.ingest.text import checked_text, guess_title, markdown_title
from bot.core.settings import Settings

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"}) | MARKDOWN_SUFFIXES
_HTML_START = ("<!doctype html", "<html")


def max_file_bytes(settings: Settings) -> int:
    """Largest file read: a page body's limit, or room for the longest text at 4 bytes a char."""
    return max(settings.fetch_max_bytes, 4 * settings.max_text_chars)


def _size_error(name: str, size: int, settings: Settings) -> InputError:
    return InputError(
        f"{name} is {size:,} bytes; the largest file briefbot reads is {max_file_bytes(settings):,} bytes."
    )


def _looks_like_html(text: str) -> bool:
    return text.lstrip()[:100].lower().startswith(_HTML_START)


def article_from_bytes(data: bytes, filename: str, settings: Settings) -> Article:
    """An Article from a file's bytes (e.g. a Discord attachment), chosen by its extension."""
    name = PurePath(filename).name or "the file"
    if len(data) > max_file_bytes(settings):
        raise _size_error(name, len(data), settings)
    suffix = PurePath(name).suffix.lower()
    declared = html_meta_charset(data) if suffix in HTML_SUFFIXES else None
    decoded = decode_bytes(data, name=name, declared=declared)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(decoded)):
        return article_from_html(decoded, settings, where=name)
    text = checked_text(decoded, settings, where=name)
    title = markdown_title(text) if suffix in MARKDOWN_SUFFIXES else None
    return Article(text=text, title=title or guess_title(text), extractor="plain")


def article_from_file(path: Path, settings: Settings) -> Article:
    """An Article from a file on disk; a missing, unreadable or oversized file is an InputError."""
    path = Path(path).expanduser()
    try:
        if path.is_dir():
            raise InputError(f"{path} is a folder, not a file.")
        size = path.stat().st_size
        if size > max_file_bytes(settings):
            raise _size_error(path.name, size, settings)
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise InputError(f"No such file: {path}.") from err
    except PermissionError as err:
        raise InputError(f"briefbot may not read {path} (permission denied).") from err
    except OSError as err:
        raise InputError(f"Could not read {path}: {err.strerror or err}.") from err
    return article_from_bytes(data, path.name, settings)
