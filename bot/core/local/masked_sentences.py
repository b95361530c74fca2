"""Sentence bounds for attribution: abbreviation-aware, run on text whose quotes are masked.

Run on the masked text (see `quotes.mask_quotes`), a quotation never splits a sentence, so
`“...,” she said.` is one sentence however many sentences the quote holds.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt maj capt cmdr adm brig sgt cpl pte gov sen rep rev st jr sr "
    "no nos vol fig approx est dept corp inc ltd co bros vs etc cf al "
    "jan feb mar apr jun jul aug sep sept oct nov dec ret retd".split()
)
# After these, a capitalised function word still starts a new sentence ("by 9 a.m. He said").
_SOFT_ABBREVIATIONS = frozenset("am pm us uk un eu etc inc ltd co corp".split())
_STARTERS = frozenset(
    "he she it they we i the a an in on at but and this that these those there his her their its "
    "our after before when while however meanwhile".split()
)
_DOTTED_RE = re.compile(r"(?:[a-z]\.)+[a-z]")
_LETTERS_RE = re.compile(r"[A-Za-z]+")
_END_RE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+|$)")
_CLOSING_QUOTES = frozenset("\"'\u201d\u2019")
_ATTRIBUTION_VERBS = (
    r"(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|replies|insisted|argued|warned|"
    r"noted|explained|countered|continued|shouted|wondered)\b"
)
_ATTRIBUTION_RE = re.compile(
    rf"(?:(?:[A-Z][\w'’.-]*)(?:[ \u00a0]+[A-Z][\w'’.-]*){{0,3}}[ \u00a0]+{_ATTRIBUTION_VERBS}"
    rf"|{_ATTRIBUTION_VERBS}[ \u00a0]+[A-Z])"
)
_WORD_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(\[\"'\u201c\u2018]))([A-Za-z][A-Za-z.]*)$")


def _is_boundary(text: str, dot: int, after: int, hi: int) -> bool:
    """Whether the terminal punctuation at `dot` (next word at `after`) ends a sentence."""
    if after >= hi:
        return True
    nxt = text[after]
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'\u201c\u2018([-\u2022"):
        return False
    if text[dot] != ".":
        # '"Who is responsible?" Undurraga said.': a question or exclamation closing a quotation
        # runs on into the attribution after it.
        closes_quote = text[dot + 1 : dot + 2] in _CLOSING_QUOTES
        return not (closes_quote and _ATTRIBUTION_RE.match(text, after, min(hi, after + 60)))
    m = _WORD_BEFORE_RE.search(text, max(0, dot - 12), dot)
    if not m:
        return True
    word = m.group(1).lower().replace(".", "")
    is_initial = len(m.group(1).rstrip(".")) == 1 or _DOTTED_RE.fullmatch(m.group(1).lower())
    if word in ABBREVIATIONS or is_initial or word in _SOFT_ABBREVIATIONS:
        if word in _SOFT_ABBREVIATIONS or (is_initial and len(word) > 1):
            next_word = _LETTERS_RE.match(text, after, after + 12)
            return bool(next_word) and next_word.group(0).lower() in _STARTERS
        return False
    return True


def split_sentences(text: str) -> list[str]:
    """The sentences of a short plain text (a quotation, say), abbreviation-aware."""
    return [
        text[a:b].strip() for a, b in sentence_spans(text, [(0, len(text))]) if text[a:b].strip()
    ]


def sentence_spans(masked: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of every sentence, never crossing a paragraph."""
    spans: list[tuple[int, int]] = []
    for lo, hi in paragraphs:
        start = lo
        for m in _END_RE.finditer(masked, lo, hi):
            after = m.end()
            while after < hi and masked[after].isspace():
                after += 1
            if _is_boundary(masked, m.start(), after, hi):
                spans.append((start, m.end()))
                start = after
        if start < hi:
            spans.append((start, hi))
    return spans


class SentenceIndex:
    """Which sentence holds a given offset."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def at(self, pos: int) -> int:
        """Index of the sentence that contains (or last started before) `pos`; -1 if none."""
        return bisect_right(self._starts, pos) - 1

    def span_at(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding `pos`, or an empty span at `pos`."""
        k = self.at(pos)
        return self.spans[k] if k >= 0 else (pos, pos)
