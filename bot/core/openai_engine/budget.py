"""Fitting a long article into the model's context without losing who said what.

Strategy (a lead-weighted cut that protects quotes): split the text into paragraphs; keep, in this
order of priority and while they fit, (1) the lead paragraph, (2) every paragraph that quotes or
attributes speech (quotation marks, "said", "told", "according to"...), (3) the remaining paragraphs
from the top down. The kept paragraphs go to the model in their original order, each gap marked
with "[...]". Nothing is rewritten, so quotes the model copies still match the full article, which is
what grounding checks against. When anything is left out the briefing is marked `truncated`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

GAP_MARKER = "[...]"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SPEECH = re.compile(
    r"[\"\u201c\u201d\u00ab\u00bb]|\b(?:said|says|told|according to|added|warned|argued|noted|stated)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FittedArticle:
    """The text the model sees, and whether anything was left out."""

    text: str
    truncated: bool
    tokens: int


def _paragraphs(text: str) -> list[str]:
    parts = [p for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    if len(parts) == 1:
        parts = [p for p in text.split("\n") if p.strip()]
    return parts


def fit_article(text: str, budget: int, count: Callable[[str], int]) -> FittedArticle:
    """`text` itself when it fits in `budget` tokens, else the protected lead-weighted cut."""
    total = count(text)
    if total <= budget:
        return FittedArticle(text=text, truncated=False, tokens=total)
    paragraphs = _paragraphs(text)
    sizes = [count(p) + 1 for p in paragraphs]
    order = [0] + [i for i, p in enumerate(paragraphs) if i and _SPEECH.search(p)]
    first = set(order)
    order += [i for i in range(len(paragraphs)) if i not in first]
    kept: set[int] = set()
    used = 0
    for i in order:
        if used + sizes[i] + 2 <= budget:  # 2: room for a gap marker
            kept.add(i)
            used += sizes[i] + 2
    if not kept:
        head = _cut_to(paragraphs[0], budget, count)
        return FittedArticle(text=f"{head} {GAP_MARKER}", truncated=True, tokens=count(head) + 2)
    pieces: list[str] = []
    for i in range(len(paragraphs)):
        if i in kept:
            pieces.append(paragraphs[i])
        elif not pieces or pieces[-1] != GAP_MARKER:
            pieces.append(GAP_MARKER)
    fitted = "\n\n".join(pieces)
    return FittedArticle(text=fitted, truncated=True, tokens=count(fitted))


def _cut_to(paragraph: str, budget: int, count: Callable[[str], int]) -> str:
    """The longest word-boundary prefix of one oversized paragraph that fits the budget."""
    words = paragraph.split(" ")
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if count(" ".join(words[:mid])) + 2 <= budget:
            lo = mid
        else:
            hi = mid - 1
    return " ".join(words[:lo])
