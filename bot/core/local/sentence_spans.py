"""Sentence spans of an article, from a rule splitter.

Sentences never cross a line break: headlines, datelines, captions and list items stand alone.
The dependency parser runs only on dated paragraphs (see parsing.py), so its boundaries are not
there to use; on the dev sets the rule splitter scored the same and kept closing quotes and
titles such as "Admiral (ret.)" that the small parser cut off.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_LINE = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (plus closing quotes/brackets) before a space and a capital, digit or quote.
_END = re.compile(r"(?<=[.!?])(?P<close>[\"'”’)\]]*)[ \t\u00a0]+(?=[\"'“‘(\[]?[A-Z0-9])")
# Tokens ending in a dot that do not end a sentence (titles, initials, month and unit abbreviations).
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Brig|Sgt|Rep|Sen|Gov|Pres|St|Jr|Sr|"
    r"No|Nos|Vol|Fig|Co|Corp|Inc|Ltd|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|retd|ret|Ing|Mgr|Bc|PhDr|JUDr|MUDr|RNDr|Dipl)|\b[A-Z]|\b(?:[A-Za-z]\.){1,3}[A-Za-z])\.$"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace-trimmed, in text order.

    Cached for the last few articles: the dates and the summary both ask for the same article's
    sentences.
    """
    return list(_sentence_spans(text))


@lru_cache(maxsize=4)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        for a, b in _split_line(text, line.start(), line.end()):
            s, e = _trim(text, a, b)
            if e > s:
                out.append((s, e))
    return tuple(out)


def _split_line(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = lo
    for m in _END.finditer(text, lo, hi):
        if is_abbreviation(text, m.start(), start):
            continue
        spans.append((start, m.end("close")))
        start = m.end()
    spans.append((start, hi))
    return spans


def is_abbreviation(text: str, dot_end: int, floor: int = 0) -> bool:
    """True when the full stop just before `dot_end` closes a title or abbreviation ("Dr.", "Gen.")."""
    return _ABBREV.search(text, max(floor, dot_end - 12), dot_end) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The sentence span containing `offset` (spans sorted, non-overlapping)."""
    i = bisect_right(spans, (offset, 10**12)) - 1
    if 0 <= i < len(spans) and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    return None
