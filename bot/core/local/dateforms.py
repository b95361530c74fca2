"""Finds date expressions in text and reads each into a `RawDate` (what was written, not yet resolved).

Each grammar rule runs only in small windows around the words and numbers that can anchor one of its
matches, so an article costs a few regex passes over a fraction of its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from bot.core.local import dategrammar as g
from bot.core.local.datereaders import READERS, RawDate

__all__ = ["RawDate", "scan"]


def scan(text: str) -> list[RawDate]:
    """Every date expression in `text`, longest match first where they overlap, in text order.

    Cached for the last few texts: parsing asks which paragraphs hold a date, then the date rules
    read them all. Each call gets its own copies.
    """
    return [replace(raw) for raw in _scan(text)]


@lru_cache(maxsize=8)
def _scan(text: str) -> tuple[RawDate, ...]:
    lower = text.lower()
    found: set[tuple[int, int, int]] = set()
    matches: dict[tuple[int, int, int], re.Match[str]] = {}
    for rank, windows in _windows(text, lower).items():
        kind, pattern, _families, needs = g.RULES[rank]
        for lo, hi in windows:
            if needs and not any(lower.find(n, lo, hi) >= 0 for n in needs):
                continue
            for m in pattern.finditer(text, lo, hi):
                if m.end() > m.start():
                    key = (m.start(), m.end(), rank)
                    found.add(key)
                    matches[key] = m
    taken = bytearray(len(text))  # characters already inside a chosen date
    out: list[RawDate] = []
    for start, end, rank in sorted(found, key=lambda f: (f[0] - f[1], f[2], f[0])):
        if taken.find(1, start, end) >= 0:
            continue
        raw = READERS[g.RULES[rank][0]](matches[(start, end, rank)], text)
        if raw is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        out.append(_with_preposition(raw, text))
    out.sort(key=lambda r: r.start)
    return tuple(out)


def _digit_family(token: str) -> str | None:
    if len(token) == 4:
        return "year" if 1900 <= int(token) <= 2099 else "num4"
    return "num" if len(token) <= 2 else None


def _triggers(text: str, lower: str) -> Iterator[tuple[str, int, int]]:
    """(family, start, end) of every digit run and every whole trigger word, found at C speed."""
    for m in _DIGITS.finditer(text):
        family = _digit_family(m.group())
        if family:
            yield family, m.start(), m.end()
    n = len(lower)
    for word, family in g.TRIGGER_WORDS.items():
        i = lower.find(word)
        while i != -1:
            j = i + len(word)
            if (i == 0 or not lower[i - 1].isalpha()) and (j == n or not lower[j].isalpha()):
                yield family, i, j
            i = lower.find(word, j)


def _windows(text: str, lower: str) -> dict[int, list[tuple[int, int]]]:
    """Per rule, the merged text windows around the tokens that could start or end one of its matches."""
    by_family: dict[str, list[tuple[int, int]]] = {}
    for family, start, end in _triggers(text, lower):
        by_family.setdefault(family, []).append((max(0, start - 48), end + 32))
    merged = {f: _merge(sorted(spans)) for f, spans in by_family.items()}
    unions: dict[frozenset[str], list[tuple[int, int]]] = {}
    out: dict[int, list[tuple[int, int]]] = {}
    for rank, (_kind, _pattern, families, _needs) in enumerate(g.RULES):
        if families not in unions:
            spans = [w for f in families for w in merged.get(f, ())]
            unions[families] = [_snap(text, lo, hi) for lo, hi in _merge(sorted(spans))]
        if unions[families]:
            out[rank] = unions[families]
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


_EDGE = re.compile(r"\S*\s*\S*")
_DIGITS = re.compile(r"\d+")


def _snap(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Widen a window to whole words so no lookaround sees a cut word at its edges."""
    lo = max(text.rfind(" ", 0, lo), text.rfind("\n", 0, lo), text.rfind("\t", 0, lo)) + 1 if lo > 0 else 0
    m = _EDGE.match(text, min(hi, len(text)))
    return lo, m.end() if m else len(text)


def _with_preposition(raw: RawDate, text: str) -> RawDate:
    raw.core_start = raw.start
    if raw.prep:
        return raw
    m = g.PREPOSITION.search(text, max(0, raw.start - 12), raw.start)
    if m:
        raw.prep, raw.start = m.group("p").lower(), m.start("p")
    return raw


