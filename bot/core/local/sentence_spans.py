"""Sentence spans of an article: spaCy's boundaries where the pipeline sets them, else a rule splitter.

Sentences never cross a line break: headlines, datelines, captions and list items stand alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LINE = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (plus closing quotes/brackets) before a space and a capital, digit or quote.
_END = re.compile(r"(?<=[.!?])(?P<close>[\"'”’)\]]*)[ \t\u00a0]+(?=[\"'“‘(\[]?[A-Z0-9])")
# Tokens ending in a dot that do not end a sentence (titles, initials, month and unit abbreviations).
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Brig|Sgt|Rep|Sen|Gov|Pres|St|Jr|Sr|"
    r"No|Nos|Vol|Fig|Co|Corp|Inc|Ltd|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|retd|ret|Ing|Mgr|Bc|PhDr|JUDr|MUDr|RNDr|Dipl)|\b[A-Z]|\b(?:[A-Za-z]\.){1,3}[A-Za-z])\.$"
)


def sentence_spans(text: str, doc: Doc | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace-trimmed, in text order.

    spaCy's boundaries are refined by line breaks and by the rule splitter, which catches the
    "F-35A. Ferrante said" joins the small parser sometimes makes. Cached for the last few articles:
    the dates and the summary both ask for the same article's sentences.
    """
    return list(_sentence_spans(text, doc))


@lru_cache(maxsize=4)
def _sentence_spans(text: str, doc: Doc | None) -> tuple[tuple[int, int], ...]:
    if has_sentences(doc, text):
        pieces = [(s.start_char, s.end_char) for s in doc.sents]
    else:
        pieces = [(0, len(text))]
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        for line in _LINE.finditer(text, start, end):
            for a, b in _split_line(text, line.start(), line.end()):
                s, e = _trim(text, a, b)
                if e > s:
                    out.append((s, e))
    return tuple(out)


def covers(doc: Doc | None, text: str) -> bool:
    """True when `doc` was made from `text` (its last token ends where the text ends).

    Cheap on purpose: `Doc.text` rebuilds the whole string from its tokens on every access.
    """
    if doc is None or len(doc) == 0:
        return False
    last = doc[len(doc) - 1]
    return last.idx + len(last.text_with_ws) == len(text)


def has_parse(doc: Doc | None, text: str) -> bool:
    """True when `doc` parses exactly `text` with dependencies (checked on a few tokens: cheap)."""
    return doc is not None and covers(doc, text) and any(t.dep_ for t in doc[:8])


def has_sentences(doc: Doc | None, text: str) -> bool:
    """True when `doc` covers `text` and a parser or sentence segmenter set its boundaries."""
    if doc is None or len(doc) < 2 or not covers(doc, text):
        return False
    return has_parse(doc, text) or any(t.is_sent_start is not None for t in doc[1:8])


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
