"""Grouping briefings into stories: the same event reported by several articles.

A briefing joins a story when it shares two names (non-country actors or systems) with it, or one
name, a day-precise date and part of the title, or most of the title. Names that many of the
period's briefings carry ("NATO") say nothing about which event it is, so they do not count.
Candidate stories come from inverted indexes, so a thousand briefings group in milliseconds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from bot.core.models import Briefing

_TOKEN = re.compile(r"[^\W_]{3,}", re.UNICODE)
_STOP = frozenset(
    "the and for with from that this into over after amid says said will would could its are was "
    "were has have had not but new how why what who when where than more about against their "
    "they his her our out off its says report reports".split()
)
SAME_TITLE = 0.5
SOME_TITLE = 0.2
SOME_TITLE_WEIGHT = 0.5
DAY_WEIGHT = 0.5
LINK = 2.0


def name_key(name: str) -> str:
    """A name as compared across briefings: case-folded, whitespace collapsed."""
    return " ".join(name.casefold().split())


def tokens(text: str) -> frozenset[str]:
    """The content words of a title or sentence, for similarity."""
    return frozenset(t for t in _TOKEN.findall(text.casefold()) if t not in _STOP)


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """|a & b| / |a | b|, 0 for two empty sets."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@dataclass(frozen=True)
class Item:
    """One briefing as grouping sees it."""

    index: int
    briefing_id: int
    posted_at: datetime
    briefing: Briefing
    names: frozenset[str]
    days: frozenset[str]
    title_words: frozenset[str]


def item_of(index: int, briefing_id: int, posted_at: datetime, b: Briefing) -> Item:
    """The names, exact days and title words that can tie this briefing to others."""
    names = {
        name_key(n)
        for a in b.actors
        if a.kind != "country"
        for n in (a.name, *a.aliases)
    }
    names |= {name_key(n) for s in b.systems for n in (s.name, *s.aliases)}
    days = {d.value for d in b.dates if d.value and d.precision == "day"}
    return Item(
        index, briefing_id, posted_at, b, frozenset(n for n in names if n),
        frozenset(days), tokens(b.title),
    )


@dataclass
class _Story:
    """A story being grown: its members and how many of them carry each name, day and word."""

    members: list[Item]
    names: Counter[str]
    days: Counter[str]

    def add(self, item: Item) -> None:
        self.members.append(item)
        self.names.update(item.names)
        self.days.update(item.days)


def _closeness(item: Item, story: _Story, common: set[str]) -> float:
    # Weighted by the share of the story's members carrying each name: one coincidence with one
    # member of a big story counts for little, so stories do not chain into each other.
    size = len(story.members)
    names = sum(story.names[n] for n in item.names - common) / size
    days = min(1.0, sum(story.days[d] for d in item.days) / size) * DAY_WEIGHT
    words = item.title_words
    title = max(jaccard(words, m.title_words) for m in story.members) if words else 0.0
    bonus = 2.0 if title >= SAME_TITLE else SOME_TITLE_WEIGHT if title >= SOME_TITLE else 0.0
    return names + days + bonus


def _common(items: list[Item], keys: str) -> set[str]:
    """Keys carried by so many items that they say nothing about which event it is."""
    cap = max(6, len(items) // 20)
    counts: Counter[str] = Counter(k for item in items for k in getattr(item, keys))
    return {k for k, c in counts.items() if c > cap}


def group(items: list[Item]) -> list[list[Item]]:
    """The items split into stories, each story's items in posting order, biggest story first.

    Items join, in posting order, the story they are closest to: shared names count one each
    (two make a story), a shared exact day a half, a title mostly the same two, a title partly
    the same a half. Anything under two starts a story of its own.
    """
    common_names, common_words = _common(items, "names"), _common(items, "title_words")
    # Words most titles share ("drone", "Ukraine") say nothing either: titles compare without them.
    items = [replace(i, title_words=i.title_words - common_words) for i in items]
    stories: list[_Story] = []
    index: dict[str, set[int]] = {}
    for item in sorted(items, key=lambda i: (i.posted_at, i.briefing_id)):
        keys = [f"n:{n}" for n in item.names - common_names]
        keys += [f"w:{w}" for w in item.title_words]
        candidates = set().union(*(index.get(k, set()) for k in keys))
        scored = [(_closeness(item, stories[c], common_names), -c) for c in candidates]
        best = max(scored, default=(0.0, 0))
        if best[0] >= LINK:
            chosen = -best[1]
            stories[chosen].add(item)
        else:
            chosen = len(stories)
            stories.append(_Story([item], Counter(item.names), Counter(item.days)))
        for key in keys:
            index.setdefault(key, set()).add(chosen)
    return sorted((s.members for s in stories), key=len, reverse=True)


def central(members: list[Item]) -> Item:
    """The item sharing the most names with the rest (the newest on a tie): the story's face."""
    counts: Counter[str] = Counter(n for m in members for n in m.names)
    return max(members, key=lambda i: (sum(counts[n] - 1 for n in i.names), i.posted_at))


def ranked_names(names: Iterable[str]) -> list[str]:
    """Distinct names, most frequent first, then in first-seen order; spelling of the first seen."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for n in names:
        key = name_key(n)
        if key:
            counts[key] += 1
            spelling.setdefault(key, " ".join(n.split()))
    order = {key: i for i, key in enumerate(spelling)}
    return [spelling[k] for k in sorted(counts, key=lambda k: (-counts[k], order[k]))]
