"""What "Brief this" briefs in a message: its links, else its text files, else its text.

Plain parsing with no discord import, so it is unit-tested on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from bot.core.render.text import neutralise_mentions

MAX_SOURCES = 5
FILE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
_URL = re.compile(r"https?://[^\s<>\"'`|\[\]]+", re.IGNORECASE)
_TRAILING = ".,;:!?*_~'\""


@dataclass(frozen=True, slots=True)
class Target:
    """One thing to brief: a link, an attached file (its URL and name), or the message text."""

    kind: Literal["url", "file", "text"]
    value: str
    name: str = ""

    @property
    def label(self) -> str:
        """How the target is named to the user."""
        # Angle brackets stop Discord from embedding a link preview under the message.
        if self.kind == "url":
            return f"<{neutralise_mentions(self.value)}>"
        if self.kind == "file":
            return neutralise_mentions(self.name)
        return "the message text"


def _trim(url: str) -> str:
    # Sentence punctuation and the closing bracket of "(see https://x/y)" are not part of a link.
    while url and url[-1] in _TRAILING:
        url = url[:-1]
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1]
    return url


def links_in(text: str) -> list[str]:
    """The http(s) links in a message, in order, without duplicates."""
    seen: dict[str, None] = {}
    for match in _URL.finditer(text):
        url = _trim(match.group(0))
        if urlsplit(url).hostname:
            seen.setdefault(url, None)
    return list(seen)


def targets_in(content: str, files: list[tuple[str, str]], limit: int = MAX_SOURCES) -> list[Target]:
    """Links first, then .txt/.md/.html files (name, url); the text itself only when neither exists."""
    found = [Target("url", url) for url in links_in(content)]
    found += [
        Target("file", url, name) for name, url in files if name.lower().endswith(FILE_SUFFIXES)
    ]
    if found:
        return found[:limit]
    return [Target("text", content)] if content.strip() else []


def thread_name(targets: list[Target]) -> str:
    """A thread title (1-100 chars) naming what is being briefed."""
    first = targets[0]
    if first.kind == "url":
        subject = urlsplit(first.value).hostname or "link"
    elif first.kind == "file":
        subject = first.name
    else:
        subject = neutralise_mentions(" ".join(first.value.split()[:8]))
    more = f" +{len(targets) - 1}" if len(targets) > 1 else ""
    name = f"Briefing: {subject}"[: 100 - len(more)] + more
    return name.strip() or "Briefing"
