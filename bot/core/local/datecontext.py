"""What surrounds a date in its sentence: the tense it is told in, week words, correction notes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from bot.core.local.dateevents import governing_verb
from bot.core.local.parsing import dated_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Tense cues, looked up word by word (a set lookup per word is far cheaper than one big regex).
_FUTURE_WORDS = frozenset("will shall won't won’t 'll ’ll due scheduled planned upcoming would next".split())
_FUTURE_BEFORE_TO = frozenset("plan plans expected set aim aims intend intends going hope hopes promised".split())
_PAST_WORDS = frozenset(
    """was were had did ago last previously earlier began came took made went gave signed launched retired
    delivered received ordered approved notified completed started ended happened occurred agreed held met
    won lost fell rose struck fired spent sold bought joined opened closed published released unveiled
    revealed claimed stalled paused interviewed visited founded suspended announced reported said told
    added noted wrote confirmed issued imposed commissioned deployed crossed arrived shipped broke hit
    killed attacked collapsed failed exploded expired entered chose decided warned accused denied
    rejected""".split()
)
_WORDS = re.compile(r"[A-Za-z'’]+")
_WEEK_SHIFT = re.compile(r"\b(?P<w>next|last)\s+week\b", re.I)
# A note correcting an earlier version: the dates it names after this point are the wrong ones.
CORRECTION = re.compile(
    r"\b(?:earlier|previous|prior|original)\s+version\s+of\s+this\s+(?:article|story|report|piece)\b"
    r"|\bthis\s+(?:article|story|report)\s+(?:(?:previously|originally|incorrectly|mistakenly)\s+)?"
    r"(?:misstated|misreported|gave\s+the\s+wrong)\b"
    r"|\bthis\s+(?:article|story|report)\s+(?:previously|originally|incorrectly|mistakenly)\s+(?:said|stated|reported)\b",
    re.I,
)
# "Japan's fiscal year runs from April to March": a calendar rule, not a dated event.
CALENDAR_RULE = re.compile(r"\byear\s+(?:runs|begins|starts|ends|lasts)\b", re.I)


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll", "wo"})
_PERFECT_AUX = frozenset({"had", "has", "have", "was", "were", "did"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re"})
_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*\s*$")


def tense(text: str, sentence: tuple[int, int], mention: tuple[int, int], doc: Doc | None = None) -> str:
    """"future", "past", "present" or "" for a date: from the verb that governs it when a parse is
    given, else from the tense cue nearest to it in its sentence."""
    if _is_caption(text, mention[0]):
        return "past"  # a photo caption shows a moment already past, whatever its tagger says
    if doc is not None:
        found = _parsed_tense(doc, mention)
        if found == "present" and not _TERMINAL.search(text, sentence[0], sentence[1]):
            return ""  # a headline tells past events in the present tense
        if found:
            return found
    cue = _cue_tense(text, sentence, mention)
    if not cue and doc is not None and _past_verb_before(doc, sentence[0], mention[0]):
        return "past"  # "the port stayed shut until Thursday": the parse hung the date elsewhere
    return cue


def _past_verb_before(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.tag_ == "VBD" for t in span)


_CAPTION = re.compile(
    r"^\s*(?:photo(?:\s+caption)?|caption|pictured|image)\s*:|\((?:photo|image|picture)s?(?:\s+credit)?\s*:",
    re.IGNORECASE,
)


def _is_caption(text: str, at: int) -> bool:
    """True when the line holding `at` is a photo caption ("Photo caption: ...", "... (Photo: X)")."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    return _CAPTION.search(line) is not None


def _parsed_tense(doc: Doc, mention: tuple[int, int]) -> str:
    span = dated_span(doc, mention[0], mention[1])
    verb = governing_verb(span.root) if span is not None else None
    if verb is None:
        return ""
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "ccomp") and len(chain) < 3 and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)  # "is scheduled to end on Saturday": the scheduling decides
    # Climb only while the verb shows no tense of its own: "began building ... on Tuesday" takes the
    # tense of "began", not of a clause the parser hung it under.
    for v in chain:
        aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX or v.lower_ in _FUTURE_WORDS or v.lower_ in _FUTURE_BEFORE_TO:
            return "future"
        found = _verb_tense(v)
        if found:
            return found
    return ""


def _verb_tense(verb: Token) -> str:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and aux & _PERFECT_AUX):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ in ("VBN", "VBG") and aux & _PRESENT_AUX):
        return "present"  # "talks resume on Monday", "the digest is published on Tuesday"
    return ""


def _cue_tense(text: str, sentence: tuple[int, int], mention: tuple[int, int]) -> str:
    """The kind of the tense cue nearest the mention: the closest one before it and after it compete."""
    before = _WORDS.findall(text[sentence[0] : mention[0]].lower())
    after = _WORDS.findall(text[mention[1] : sentence[1]].lower())
    back = next(((n, k) for n, k in _cues(before[::-1], reverse=True)), None)
    ahead = next(((n, k) for n, k in _cues(after, reverse=False)), None)
    if back and (not ahead or back[0] <= ahead[0]):
        return back[1]
    return ahead[1] if ahead else ""


def _cues(words: list[str], reverse: bool) -> Iterator[tuple[int, str]]:
    """(distance in words, kind) of each tense cue, nearest first."""
    for n, word in enumerate(words):
        follower = (words[n - 1] if n else "") if reverse else (words[n + 1] if n + 1 < len(words) else "")
        if word in _FUTURE_WORDS or (word in _FUTURE_BEFORE_TO and follower == "to"):
            yield n, "future"
        elif word in _PAST_WORDS:
            yield n, "past"


def week_shift(
    text: str, sentence: tuple[int, int], mention: tuple[int, int]
) -> tuple[int, tuple[int, int] | None]:
    """(+1/-1, span) when the weekday's clause says "next week" or "last week", else (0, None).

    "arrived on Tuesday, and the main body will fly next week": another clause's week is not this
    weekday's.
    """
    m = _WEEK_SHIFT.search(text, sentence[0], sentence[1])
    if not m:
        return 0, None
    lo, hi = sorted((mention[1], m.start()))[0], sorted((mention[0], m.end()))[1]
    if _CLAUSE_BREAK.search(text, min(lo, hi), max(lo, hi)):
        return 0, None
    return (1 if m.group("w").lower() == "next" else -1), m.span()


_CLAUSE_BREAK = re.compile(r",\s*(?:and|but|while|whereas|although|though)\b|;")
