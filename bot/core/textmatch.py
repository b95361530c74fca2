"""Finding model-written text inside the article: exact, normalised, and near matches.

Grounding runs on every briefing, so each search tries the cheap exact `str.find` first and only
falls back to a normalised index (built once per article) and a bounded fuzzy comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

# Curly/straight quote variants, dashes and the ellipsis character are spelled many ways by models.
_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2026": "...", "\u00a0": " ",
}  # fmt: skip
QUOTE_CHARS = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb"
_EDGE_CHARS = QUOTE_CHARS + " \t\r\n.\u2026"
ELLIPSIS_RE = re.compile(r"\s*(?:\.\s?\.\s?\.|\u2026)\s*")
# A near match must be this similar (difflib ratio on normalised text) to replace the model's quote.
NEAR_MATCH_RATIO = 0.9
# Below this many normalised characters a quote must match exactly after normalisation.
FUZZY_MIN_CHARS = 24
_ANCHOR_HITS = 6


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lower-case text with unified quotes, dashes and ellipses, whitespace runs collapsed.

    Cached: grounding and speaker matching normalise the same few names thousands of times.
    """
    return NormalisedText.build(text).norm


def strip_edges(text: str) -> str:
    """The quote without surrounding whitespace, quotation marks or leading/trailing ellipses."""
    stripped = text.strip(_EDGE_CHARS)
    # A sentence-final full stop is part of the quote; only the edge ellipsis is noise.
    if text.rstrip(QUOTE_CHARS + " \t\r\n").endswith(".") and not re.search(r"(\.\.\.|\u2026)\W*$", text):
        stripped += "."
    return stripped


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A normalised copy of a text with a map from each normalised char back to the original."""

    norm: str
    index: list[int] = field(repr=False)

    @classmethod
    def build(cls, text: str) -> NormalisedText:
        """Normalise `text`, remembering where every output character came from."""
        out: list[str] = []
        index: list[int] = []
        in_space = True  # drop leading whitespace
        for i, ch in enumerate(text):
            mapped = _CHAR_MAP.get(ch, ch)
            if mapped.isspace():
                if not in_space:
                    out.append(" ")
                    index.append(i)
                in_space = True
                continue
            in_space = False
            for piece in mapped.lower():
                out.append(piece)
                index.append(i)
        if out and out[-1] == " ":
            out.pop()
            index.pop()
        return cls("".join(out), index)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original-text offsets of the normalised slice [start, end)."""
        return self.index[start], self.index[end - 1] + 1


@lru_cache(maxsize=4)
def normalised(text: str) -> NormalisedText:
    """The normalised index of an article, shared by everything that searches the same text."""
    return NormalisedText.build(text)


def find_nearest(text: str, needle: str, near: int) -> int:
    """Offset of the occurrence of `needle` closest to `near`, or -1."""
    after = text.find(needle, max(near, 0))
    before = text.rfind(needle, 0, max(near, 0) + len(needle) - 1) if near > 0 else -1
    if after < 0:
        return before
    if before < 0:
        return after
    return before if near - before <= after - near else after


def locate(text: str, quote: str, near: int, normed: NormalisedText) -> tuple[int, int] | None:
    """Where `quote` occurs in `text`: exactly, after normalisation, or as a near match."""
    if not quote:
        return None
    pos = find_nearest(text, quote, near)
    if pos >= 0:
        return pos, pos + len(quote)
    target = normalise(quote)
    if not target:
        return None
    pos = normed.norm.find(target)
    if pos >= 0:
        return normed.span(pos, pos + len(target))
    if len(target) < FUZZY_MIN_CHARS:
        return None
    hit = _near_match(normed.norm, target)
    return normed.span(*hit) if hit else None


def _near_match(norm: str, target: str) -> tuple[int, int] | None:
    """The best window of `norm` at least NEAR_MATCH_RATIO similar to `target`, found by anchors."""
    k = min(24, len(target) // 3)
    slack = len(target) // 5 + 4
    best: tuple[float, int, int] | None = None
    for window_start in _anchor_windows(norm, target, k, slack):
        window = norm[window_start : window_start + len(target) + 2 * slack]
        matcher = SequenceMatcher(None, window, target, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            continue
        lo, hi = blocks[0].a, blocks[-1].a + blocks[-1].size
        ratio = SequenceMatcher(None, window[lo:hi], target, autojunk=False).ratio()
        if ratio >= NEAR_MATCH_RATIO and (best is None or ratio > best[0]):
            best = (ratio, window_start + lo, window_start + hi)
    return (best[1], best[2]) if best else None


def _anchor_windows(norm: str, target: str, k: int, slack: int) -> list[int]:
    """Window starts suggested by where the quote's head or tail occurs verbatim."""
    starts: list[int] = []
    for anchor, offset in ((target[:k], 0), (target[-k:], len(target) - k)):
        pos = norm.find(anchor)
        hits = 0
        while pos >= 0 and hits < _ANCHOR_HITS:
            starts.append(max(0, pos - offset - slack))
            hits += 1
            pos = norm.find(anchor, pos + 1)
    return sorted(set(starts))


def term_pattern(term: str) -> re.Pattern[str] | None:
    """A case-insensitive, whole-word regex for a name, tolerant of whitespace and quote styles."""
    words = [w for w in re.split(r"\s+", term.strip()) if w]
    if not words:
        return None
    parts = []
    for word in words:
        chars = [_char_class(ch) for ch in word]
        parts.append("".join(chars))
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


def _char_class(ch: str) -> str:
    if ch in "'\u2018\u2019\u2032":
        return "['\u2018\u2019\u2032]"
    if ch in "-\u2013\u2014":
        return "[-\u2013\u2014]"
    return re.escape(ch)


def find_terms(text: str, terms: list[str], limit: int = 25) -> list[tuple[int, int]]:
    """Whole-word, case-insensitive occurrences of any of `terms`, in order, without overlaps."""
    found: set[tuple[int, int]] = set()
    for term in terms:
        pattern = term_pattern(term)
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            found.add(match.span())
            if len(found) >= limit * 4:
                break
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda s: (s[0], -s[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept[:limit]


def same_term(a: str, b: str) -> bool:
    """True when two names are the same once case, quote style and whitespace are normalised."""
    return normalise(a).strip(".") == normalise(b).strip(".")
