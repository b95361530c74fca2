"""Extractive title, BLUF and key points: the article's own sentences, ranked, each with its span."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass

from bot.core.local import boilerplate
from bot.core.local.analysis import Analysis
from bot.core.local.datelines import find_dateline
from bot.core.local.sentence_spans import sentence_spans
from bot.core.models import Actor, KeyPoint, Span, System

MAX_KEY_POINTS = 5
MIN_KEY_POINTS = 3
TITLE_CHARS = 90
BLUF_WORDS = 70  # a "sentence" longer than this (text without sentence ends) is cut with an ellipsis
KEY_POINT_WORDS = 80
_HEAD_LINES = 6
_BLUF_SHORT = 20  # words: a lead this short gets the next sentence of its paragraph too
_PER_PARAGRAPH = 2
_THESIS_WINDOW = 8  # an analysis or column states its argument within its first few sentences
_THESIS = re.compile(
    r"\bthis (?:analysis|article|paper|report|study|piece|column|essay) (?:argues|shows|finds|concludes)\b"
    r"|\b(?:I|we) (?:argue|contend|conclude)\b|\bthe bottom line\b",
    re.I,
)
_DUPLICATE = 0.5  # content-word overlap (cosine of word sets) above which two sentences repeat
_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
_DATEISH = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_QUOTE_OPEN = "\"“‘'"
_ANAPHORA = frozenset("but and so yet it its this that these those he she they his her their then also".split())
_STOP = frozenset(
    "the and for that with from this have has had was were are but not its their his her they them "
    "than then into also over said says will would could should about after before been being which "
    "who whom what when where while more most some such only other there these those our your you "
    "can may might must just one two all any each both very much many own out off per via yet".split()
)


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    order: int
    paragraph: int
    words: int
    content: frozenset[str]
    entities: int = 0
    quoted: bool = False  # opens, continues or sits inside a quotation
    score: float = 0.0


def summarise(
    analysis: Analysis, actors: list[Actor], systems: list[System]
) -> tuple[str, str, list[KeyPoint]]:
    """(title, bluf, key_points) chosen from the article's own sentences."""
    text = analysis.text
    spans = sentence_spans(text)
    title, title_span = _title(analysis, spans)
    story = _story_sentences(text, spans, title_span)
    if not story:
        return title, _clip(_collapse(text), BLUF_WORDS) or title, []
    _count_entities(text, story, actors, systems)
    _mark_quoted(text, story)
    lead = _bluf(text, story)
    bluf = _clip(" ".join(_collapse(text[s.start : s.end]) for s in lead), BLUF_WORDS)
    rest = [
        s for s in story
        if s not in lead and s.words <= KEY_POINT_WORDS and not boilerplate.is_no_comment(text[s.start : s.end])
    ]
    points = _key_points(text, rest, lead)
    return title, bluf or title, points


def _collapse(s: str) -> str:
    return " ".join(s.split())


def _title(analysis: Analysis, spans: list[tuple[int, int]]) -> tuple[str, tuple[int, int] | None]:
    """The article's own title, else its first headline-shaped line, else its first sentence trimmed."""
    text = analysis.text
    given = (analysis.article.title or "").strip()
    if given:
        # Pasted text keeps its headline line; mark it so the BLUF is not the headline again.
        at = text.find(given, 0, len(given) + 500)
        return _collapse(given), ((at, at + len(given)) if at >= 0 else None)
    dateline = find_dateline(text)
    for i, line in enumerate(re.finditer(r"[^\n]+", text)):
        if i >= _HEAD_LINES:
            break
        s, e = line.span()
        if dateline and dateline.line_start <= s < dateline.line_end:
            continue
        candidate = text[s:e].strip()
        words = len(candidate.split())
        if 4 <= words <= 30 and boilerplate.is_heading(candidate) and not boilerplate.is_boilerplate(candidate):
            return _collapse(candidate), (s, e)
    first = next(
        (text[boilerplate.story_start(text, a, b) : b] for a, b in spans
         if len(text[a:b].split()) >= 3 and not boilerplate.is_boilerplate(text[a:b])),
        text,
    )
    return _trim_title(_collapse(first)) or "Untitled article", None


def _clip(s: str, words: int) -> str:
    parts = s.split(" ", words)
    return s if len(parts) <= words else " ".join(parts[:words]).rstrip(" ,;:—–-") + "…"


def _trim_title(s: str) -> str:
    s = s.rstrip(" .")
    if len(s) <= TITLE_CHARS:
        return s
    cut = s[: TITLE_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ,;:—–-")
    return cut + "…"


def _story_sentences(text: str, spans: list[tuple[int, int]], title_span: tuple[int, int] | None) -> list[_Sentence]:
    """Body sentences: not the title, a heading, a dateline line, a caption, a credit or boilerplate."""
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    out: list[_Sentence] = []
    about_paragraph = -1  # the paragraph under an "About <Company>" heading is boilerplate
    for start, end in spans:
        paragraph = bisect_left(line_starts, start + 1) - 1
        if title_span and title_span[0] <= start < title_span[1]:
            continue
        # a dateline opening the paragraph ("CITY, date /Wire/ --") is not story text, however split
        line_end = line_starts[paragraph + 1] if paragraph + 1 < len(line_starts) else len(text)
        start = max(start, boilerplate.story_start(text, line_starts[paragraph], line_end))
        if start >= end:
            continue
        sentence = text[start:end]
        if boilerplate.is_heading(sentence):
            if boilerplate.ABOUT_HEADING.match(sentence):
                about_paragraph = bisect_left(line_starts, end + 1)
            continue
        if boilerplate.is_boilerplate(sentence) or paragraph == about_paragraph:
            continue
        start = boilerplate.story_start(text, start, end)
        if end - start < 2:
            continue
        content = frozenset(_WORD.findall(text[start:end].lower())) - _STOP
        words = len(text[start:end].split())
        if words < 5:
            continue
        out.append(_Sentence(start, end, len(out), paragraph, words, content))
    return out


def _count_entities(text: str, story: list[_Sentence], actors: list[Actor], systems: list[System]) -> None:
    starts = sorted(m.start for item in [*actors, *systems] for m in item.mentions)
    for s in story:
        named = bisect_left(starts, s.end) - bisect_left(starts, s.start)
        s.entities = named + len(_DATEISH.findall(text, s.start, s.end))


def _mark_quoted(text: str, story: list[_Sentence]) -> None:
    marks = [(m.start(), m.group()) for m in re.finditer("[“”]", text)]
    positions = [p for p, _ in marks]
    for s in story:
        i = bisect_left(positions, s.start) - 1
        s.quoted = (i >= 0 and marks[i][1] == "“") or _quote_led(text, s)


def _quote_led(text: str, s: _Sentence) -> bool:
    """True when the sentence opens a quotation or carries on one opened before it."""
    body = text[s.start : s.end]
    if body[0] in _QUOTE_OPEN:
        return True
    close, opening = body.find("”"), body.find("“")
    if close >= 0 and (opening < 0 or close < opening):
        return True
    i = body.find('"')  # a straight mark glued to the word before it closes a quotation
    return i > 0 and not body[i - 1].isspace() and (i + 1 == len(body) or not body[i + 1].isalnum())


def _leans_back(text: str, s: _Sentence) -> bool:
    """True when the sentence opens with a word that points at the one before ("But", "It", "He")."""
    first = text[s.start : s.start + 12].split(" ", 1)[0].strip(",").lower()
    return first in _ANAPHORA


def _bluf(text: str, story: list[_Sentence]) -> list[_Sentence]:
    """The lead: the best of the first three story sentences by position and named things, unless the
    piece states its own thesis early ("This analysis argues that ...")."""
    priors = (1.0, 0.7, 0.55)
    thesis = next((s for s in story[:_THESIS_WINDOW] if _THESIS.search(text, s.start, s.end)), None)
    if thesis is not None and not thesis.quoted:
        return [thesis]
    best = max(
        story[:3],
        key=lambda s: priors[s.order] + 0.04 * min(s.entities, 5) - 0.4 * s.quoted
        - 0.5 * (s.words < 8) - 0.2 * _leans_back(text, s),
    )
    lead = [best]
    nxt = story[best.order + 1] if best.order + 1 < len(story) else None
    if best.words < _BLUF_SHORT and nxt and nxt.paragraph == best.paragraph and not nxt.quoted:
        lead.append(nxt)
    return lead


def _key_points(text: str, story: list[_Sentence], lead: list[_Sentence]) -> list[KeyPoint]:
    """3-5 central, named, non-repetitive sentences, in the order the article tells them."""
    if not story:
        return []
    df: dict[str, int] = {}
    for s in story:
        for w in s.content:
            df[w] = df.get(w, 0) + 1
    top_entities = max(s.entities for s in story) or 1
    central = [sum(df[w] - 1 for w in s.content) / (len(s.content) + 5) for s in story]
    top_central = max(central) or 1.0
    first_in_paragraph = {s.paragraph: s.order for s in reversed(story)}
    for s, c in zip(story, central, strict=True):
        s.score = (
            0.45 * c / top_central
            + 0.35 * s.entities / top_entities
            + 0.2 / (1 + 0.08 * s.order)
            + 0.1 * (first_in_paragraph[s.paragraph] == s.order)
            - 0.3 * s.quoted
            - 0.2 * _leans_back(text, s)
            - 0.3 * (s.words < 8)
        )
    ranked = sorted(story, key=lambda x: -x.score)
    chosen = _pick(ranked, lead, _PER_PARAGRAPH)
    if len(chosen) < MIN_KEY_POINTS:  # a short piece: allow more than two points per paragraph
        chosen = _pick(ranked, lead, MAX_KEY_POINTS)
    chosen.sort(key=lambda s: s.start)
    return [
        KeyPoint(text=_collapse(text[s.start : s.end]), evidence=[Span(start=s.start, end=s.end)]) for s in chosen
    ]


def _pick(ranked: list[_Sentence], lead: list[_Sentence], per_paragraph_cap: int) -> list[_Sentence]:
    chosen: list[_Sentence] = []
    per_paragraph: dict[int, int] = {}
    for s in ranked:
        if len(chosen) >= MAX_KEY_POINTS:
            break
        if per_paragraph.get(s.paragraph, 0) >= per_paragraph_cap:
            continue
        if any(_overlap(s, other) > _DUPLICATE for other in [*chosen, *lead]):
            continue
        chosen.append(s)
        per_paragraph[s.paragraph] = per_paragraph.get(s.paragraph, 0) + 1
    return chosen


def _overlap(a: _Sentence, b: _Sentence) -> float:
    if not a.content or not b.content:
        return 0.0
    return len(a.content & b.content) / math.sqrt(len(a.content) * len(b.content))
