"""What in an article is not story text: datelines, bylines, labels, captions, credits and contacts."""

from __future__ import annotations

import re

# "MANILA (Sept. 10, 2025) -- ", "SEOUL, Oct 2 (Agency) - ", "KONGSBERG, Norway, June 24, 2025 /Wire/ -- ",
# "TOKYO - ": an upper-case place (and what follows it) before the dash that opens the story.
DATELINE_PREFIX = re.compile(
    r"[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’./\- ]{1,40}(?:,[ \t]*[A-Z][A-Za-zÀ-ÿ'’.\- ]{1,30}){0,2}[ \t]*"
    r"(?:\([^)\n]{0,40}\))?[ \t]*(?:,[ \t]*[^—–\-/(\n]{0,30})?(?:\([^)\n]{0,40}\)|/[^/\n]{1,40}/)?"
    r"[ \t]*(?:--|—|–|-)[ \t]+"
)
# "A: " opening an interview answer.
ANSWER_PREFIX = re.compile(r"A:[ \t]+")

_NOT_STORY = re.compile(
    r"""^[ \t]*(?:
        [\[(]?(?:photo|image|picture|caption|credit|pull[ ]quote|graphic|video|map|source|file)[ \t]*:
      | \[
      | \(?(?:reporting|writing|editing|additional[ ]reporting|compiled)[ ]by\b
      | (?:for[ ]more[ ]information|media[ ]contact|press[ ]contact|contact:)
      | (?:editor['’]s[ ]note|correction|clarification|update)\b
      | (?-i:By[ ][A-Z][\w'’.-]+(?:[ ][A-Z][\w'’.-]+){0,3})[ \t]*(?:[|,]|$)
      | (?:published|posted|updated|first[ ]published)\b
      | (?:for[ ]immediate[ ]release|opinion|analysis|feature|editorial|commentary|comment)\b[ \t]*(?:[|:]|$)
      | q:
      | \[?\d{1,2}\][ \t]
      | notes?[ \t]*$
      | (?:next[ ]week|read[ ]more|related|see[ ]also|more[ ]on[ ]this)[ \t]*:
      | (?:subscribe|sign[ ]up)\b
      | [-•*][ \t]
    )""",
    re.I | re.X,
)
_ANYWHERE = re.compile(
    r"\(\s*courtesy\s*:|forward-looking[ ]statements|is[ ]a[ ](?:registered[ ])?trademark|all[ ]other[ ]trademarks|"
    r"the[ ]views[ ]expressed|who[ ]writes[ ]a[ ](?:\w+[ ])?column|has[ ]been[ ]edited[ ]for[ ]length|"
    r"\S+@\S+\.\w+|https?://|www\.|min[ ]read\b|this[ ]press[ ]release",
    re.I,
)
# "About Nordvik Aerosystems": the press-release company profile that follows is boilerplate.
ABOUT_HEADING = re.compile(r"[ \t]*About[ \t]+[A-Z]")
_END = re.compile(r"[.!?…][\"'”’)\]]*$")


_ANYWHERE_HINTS = ("courtesy", "forward-looking", "trademark", "views expressed", "column", "edited for",
                   "@", "http", "www.", "min read", "press release")


def is_boilerplate(sentence: str) -> bool:
    """True for captions, credits, bylines, labels, contacts, notes and interview questions."""
    s = sentence.strip()
    if s.endswith("?") or _NOT_STORY.match(s):
        return True
    lower = s.lower()
    return any(h in lower for h in _ANYWHERE_HINTS) and bool(_ANYWHERE.search(s))


_NO_COMMENT = re.compile(
    r"\b(?:declined\s+to\s+comment|did\s+not\s+(?:immediately\s+)?(?:respond|reply)|could\s+not\s+be\s+reached|"
    r"no\s+immediate\s+comment|was\s+not\s+available\s+for\s+comment)\b",
    re.I,
)


def is_no_comment(sentence: str) -> bool:
    """True for "X declined to comment" and its kin: true, but no finding."""
    return bool(_NO_COMMENT.search(sentence))


def is_heading(sentence: str) -> bool:
    """True for a headline, subhead or label: short and without a sentence-ending mark."""
    s = sentence.strip()
    return not _END.search(s) and len(s.split()) < 30


def story_start(text: str, start: int, end: int) -> int:
    """Where the story text of a sentence begins, after any dateline or "A:" prefix."""
    for pattern in (DATELINE_PREFIX, ANSWER_PREFIX):
        m = pattern.match(text, start, end)
        if m and m.end() < end:
            start = m.end()
    return start
