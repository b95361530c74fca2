"""Pasted text: normalise it, refuse what is not an article, and spot the headline line.

Normalisation is deliberately minimal (newlines, a BOM, control characters, surrounding
whitespace): spans and gold annotations are exact substrings of the text, so nothing else changes.
"""

from __future__ import annotations

import re

from bot.core.article import Article
from bot.core.errors import InputError
from bot.core.settings import Settings

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters that do not occur in prose: C0 controls other than layout, and U+FFFD left by a
# failed decode. Many of them means the "text" was really binary data.
_BINARYISH = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_BINARY_SAMPLE = 8192

TITLE_MAX_CHARS = 160
TITLE_MAX_WORDS = 25
_KICKER_MAX_WORDS = 8
_KICKER_LINES = 2
_DATEISH = re.compile(
    r"\b(?:19|20)\d{2}\b"  # a year
    r"|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"  # 18/06/2025, 27.01.2025
    r"|\b\d{1,2}:\d{2}\b"  # a clock time
)
_MD_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")


def normalise_text(text: str) -> str:
    """Unix newlines, no BOM, no control characters but \\n and \\t, no surrounding whitespace."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def looks_binary(text: str) -> bool:
    """True when more than 1% of the first 8 KB are characters that never occur in prose."""
    sample = text[:_BINARY_SAMPLE]
    bad = len(_BINARYISH.findall(sample))
    return bad > max(1, len(sample) // 100)


def checked_text(raw: str, settings: Settings, *, where: str = "The text") -> str:
    """The normalised text, or InputError when it is binary, empty or longer than the limit."""
    if looks_binary(raw):
        raise InputError(f"{where} looks like binary data, not text.")
    text = normalise_text(raw)
    if not text:
        raise InputError(f"{where} is empty.")
    if len(text) > settings.max_text_chars:
        raise InputError(
            f"{where} is {len(text):,} characters; the limit is {settings.max_text_chars:,}"
            " (BRIEFBOT_MAX_TEXT_CHARS)."
        )
    return text


def _is_kicker(line: str) -> bool:
    """A dateline, byline, section label or release slug that sits above a headline."""
    words = line.split()
    if len(words) <= 2 or line.startswith("By ") or " | " in line:
        return True
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    return len(words) <= _KICKER_MAX_WORDS and _DATEISH.search(line) is not None


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        len(line) <= TITLE_MAX_CHARS
        and 2 < len(words) <= TITLE_MAX_WORDS
        and not line.endswith((",", ";", ":"))
    )


def guess_title(text: str) -> str | None:
    """The headline: the first short line (after any dateline) that has more text below it."""
    lines = [(i, line.strip()) for i, line in enumerate(text.split("\n")) if line.strip()]
    for pos, (_, line) in enumerate(lines[: _KICKER_LINES + 1]):
        has_body = pos + 1 < len(lines)
        if not has_body:
            return None
        if pos < _KICKER_LINES and _is_kicker(line):
            continue
        return line if _is_headline(line) else None
    return None


def markdown_title(text: str) -> str | None:
    """The text of a leading `# ` heading, if the document starts with one."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    match = _MD_HEADING.match(first.strip())
    return match.group(1) if match else None


def article_from_text(text: str, settings: Settings, *, title: str | None = None) -> Article:
    """An Article from pasted text; the title is given, or guessed from a short first line."""
    clean = checked_text(text, settings)
    return Article(text=clean, title=title or guess_title(clean), extractor="plain")
