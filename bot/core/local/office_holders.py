"""Who holds an office named without a name: "the judge", "the Defence Secretary".

A title-only speaker refers to the person the text introduced with that title, either right before
the name ("U.S. District Judge Jane Roe", "Defence Secretary Shri A. Kumar") or in apposition after
it ("Jane Roe, the defence secretary,"), or to a person actor whose role holds the title.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.local.name_forms import fold
from bot.core.local.speaker_words import NON_NAME, TITLE_WORDS
from bot.core.models import Actor

_LEAD_RE = re.compile(r"^(?:the|a|an|this|that)\s+", re.I)
_NAME = r"[A-Z][\w'\u2019\-]*\.?(?:\s+[A-Z][\w'\u2019\-]*\.?){1,4}"
_SCAN_BACK = 6000  # characters before the mention searched for the introduction


@lru_cache(maxsize=512)
def _patterns(title: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = r"\s+".join(re.escape(w) for w in title.split())
    before = re.compile(r"(?i:" + words + r")\s+(" + _NAME + r")")
    after = re.compile(
        r"(" + _NAME + r"),\s+(?:(?i:the|a|an)\s+)?(?:[\w\-']+\s+){0,3}(?i:" + words + r")\b"
    )
    return before, after


def _clean(name: str) -> str | None:
    """The personal name without honorifics before it or office words after it."""
    words = name.split()
    while words and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]
    while words and words[-1].lower().rstrip(".") in NON_NAME:
        words = words[:-1]
    if len(words) < 2 or any(w.lower().rstrip(".") in NON_NAME for w in words):
        return None
    return " ".join(words)


def title_of(phrase: str) -> str:
    """ "the Defence Secretary" -> "Defence Secretary"."""
    return _LEAD_RE.sub("", phrase.strip())


def office_holder(
    text: str, phrase: str, before: int, actors: list[Actor]
) -> tuple[str, str] | None:
    """(name, title) of the person `phrase` ("the judge") names at offset `before`, if the text says."""
    title = title_of(phrase)
    if not title or len(title) > 80 or "'" in title or "\u2019" in title:
        return None
    folded = fold(title)
    for actor in actors:
        if actor.kind == "person" and actor.role and folded in fold(actor.role):
            return actor.name, title
    found: tuple[int, str] | None = None
    for pattern in _patterns(title):
        for m in pattern.finditer(text, max(0, before - _SCAN_BACK), before):
            name = _clean(m.group(1))
            if name and (found is None or m.start() > found[0]):
                found = (m.start(), name)
    return (found[1], title) if found else None
