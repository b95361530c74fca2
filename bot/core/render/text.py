"""Text measuring, clipping and escaping shared by every renderer.

Clipping works on raw text and escapes afterwards, so a cut can never split an escape sequence or
leave half a neutralised mention behind.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

ELLIPSIS = "\u2026"
ZWSP = "\u200b"

_WHITESPACE = re.compile(r"\s+")
# One pass per character (str.translate), so added backslashes are never escaped again.
_MENTIONS = {"@": "@" + ZWSP, "<": "<" + ZWSP}
_MENTION_TABLE = str.maketrans(_MENTIONS)
_DISCORD_TABLE = str.maketrans({**{c: "\\" + c for c in "\\*_~`|[]"}, **_MENTIONS})
_MARKDOWN_TABLE = str.maketrans({c: "\\" + c for c in "\\*_~`|[]<>"})
# What Markdown would read as a quote, heading, list item or Discord subtext at the start of a line.
_LINE_START = re.compile(r"^(\s*)([>#]|[-+](?=\s|#|$))")
_ORDERED_ITEM = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")
# Embedding, override and isolate controls: they can make text read backwards (spoofing).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

Escape = Callable[[str], str]


def display_len(text: str) -> int:
    """Length in UTF-16 code units: never less than what Discord counts, so a fit is a real fit."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def printable(text: str) -> str:
    """Drop control characters (terminal escapes, NULs, bidi overrides) but keep newlines and tabs."""
    if text.isprintable():
        return text
    return "".join(ch for ch in text if ch in "\n\t" or not _is_control(ch))


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI_CONTROLS


def one_line(text: str | None) -> str:
    """Printable text with every run of whitespace (newlines included) made one space."""
    return _WHITESPACE.sub(" ", printable(text or "")).strip()


def plain(text: str) -> str:
    """No escaping: for contexts that render no markup."""
    return text


def neutralise_mentions(text: str) -> str:
    """A zero-width space after every `@` and `<`: no @everyone, @here, <@id>, <#id> or <t:..>."""
    return text.translate(_MENTION_TABLE)


def discord_markdown(text: str) -> str:
    """Article text made inert for Discord: markdown escaped and mentions neutralised."""
    return _line_start(text.translate(_DISCORD_TABLE))


def discord_plain(text: str) -> str:
    """Article text for Discord places that render no markdown (footer): mentions neutralised."""
    return neutralise_mentions(text)


def markdown(text: str) -> str:
    """Text escaped for CommonMark: emphasis, code, links, tables, HTML and line-start blocks."""
    return _line_start(text.translate(_MARKDOWN_TABLE))


def _line_start(text: str) -> str:
    # Only the start of the text: callers pass single lines (see `one_line`).
    return _ORDERED_ITEM.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", text))


def clip(text: str, limit: int, escape: Escape = plain, marker: str = ELLIPSIS) -> str:
    """`escape(text)` within `limit` display characters, cut at a word boundary with `marker`.

    A single word longer than the room is cut mid-word, still followed by the marker.
    """
    # Escaping never shortens text, so a text longer than `limit` cannot fit: skip escaping it all.
    if len(text) <= limit:
        whole = escape(text)
        if display_len(whole) <= limit:
            return whole
    room = limit - display_len(marker)
    cut = _at_word_boundary(text, _longest_prefix(text, room, escape)) if room > 0 else ""
    return escape(cut) + marker if cut else ""


def split_to_fit(
    text: str, limit: int, escape: Escape = plain, marker: str = ELLIPSIS
) -> list[str]:
    """All of `text`, escaped, in pieces within `limit`; each cut is marked at both ends."""
    pieces: list[str] = []
    lead = ""
    rest = text.strip()
    while rest:
        whole = lead + escape(rest)
        if display_len(whole) <= limit:
            pieces.append(whole)
            break
        room = limit - display_len(lead) - display_len(marker)
        end = _longest_prefix(rest, room, escape)
        # Always consume something, or a limit smaller than one escaped character would loop forever.
        cut = _at_word_boundary(rest, end) or rest[: max(end, 1)]
        pieces.append(lead + escape(cut) + marker)
        rest = rest[len(cut) :].strip()
        lead = marker
    return pieces


def _longest_prefix(text: str, room: int, escape: Escape) -> int:
    # Escaping only lengthens text, so at most `room` raw characters can fit; binary search the rest.
    lo, hi = 0, min(len(text), max(room, 0))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if display_len(escape(text[:mid])) <= room:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _at_word_boundary(text: str, end: int) -> str:
    if end < len(text) and not text[end].isspace():
        space = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end))
        # Back off to the previous word unless that would throw away more than half the room.
        if space > end // 2:
            end = space
    cut = text[:end].rstrip()
    # A lone high surrogate at the cut would be invalid text.
    if cut and "\ud800" <= cut[-1] <= "\udbff":
        cut = cut[:-1]
    return cut.rstrip(" ,;:-\u2013\u2014")


def fit_lines(lines: list[str], limit: int, more: str = "more", sep: str = "\n") -> str:
    """Join ready-made (escaped, short) lines within `limit`, ending "+N more" when some are left out."""
    joined = sep.join(lines)
    if display_len(joined) <= limit:
        return joined
    sep_len = display_len(sep)
    used = keep = 0
    for line in lines:
        cost = display_len(line) + (sep_len if keep else 0)
        if used + cost > limit:
            break
        used += cost
        keep += 1
    # Room must also be found for the "+N more" line itself, so step back until it fits.
    while keep >= 0:
        out = sep.join([*lines[:keep], f"+{len(lines) - keep} {more}"])
        if display_len(out) <= limit:
            return out
        keep -= 1
    return ""
