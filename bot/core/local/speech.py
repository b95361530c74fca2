"""Speech events: who is said to say what, with or without quotation marks.

A speech event is a speech verb ("said", "told", "warned", "according to", ...) outside quotation
marks, its speaker phrase (before the verb, or after it in "..., said X"), and the reported clause
when there is one ("X noted that ...", "..., X said.", "A, he said, B"). Quotes are attributed to
events afterwards by `attribute_quotes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.core.local.clauses import (
    AUX,
    NO_CONTENT_START,
    REBUTTAL_VERBS,
    SPEECH_PHRASES,
    SPEECH_VERBS,
    THAT_ONLY,
    clause_after,
    clause_start,
    cut_trailing_pp,
    last_comma,
    leading_np,
    only_adverbial,
    split_commas,
    trim,
)
from bot.core.local.masked_sentences import SentenceIndex
from bot.core.local.quotes import DOUBLE, SINGLE, QuoteSpan
from bot.core.local.sentence_spans import is_abbreviation
from bot.core.local.speaker_tokens import EntLabel, SpeakerNP, tokens
from bot.core.local.speaker_words import PRONOUNS, SPEAKER_NOUNS, TITLE_WORDS
from bot.core.local.speakers import apposed_name, parse_np

VERB_RE = re.compile(
    r"(?<![\w\-])(?:"
    + "|".join(re.escape(p) for p in SPEECH_PHRASES + sorted(SPEECH_VERBS, key=len, reverse=True))
    + r"|According to|In the words of)(?![\w\-])"
)
_FORWARD = ("according to", "in the words of")
# "added Sarab Trading to its Entity List", "adds to the costs": adding a thing, not saying one.
_ADDING_TO_RE = re.compile(r"(?!\s+that\b)[^,.;:!?\"\u201c\u201d\n]{0,60}?\bto\s+(?:its|the|their|his|her|our|a|an)\b")
_ADD_VERBS = frozenset({"add", "adds", "added"})
# ", a Johannesburg lawyer who advises exporters." closing the sentence: a description, not words said.
_CLOSING_APPOSITIVE_RE = re.compile(r",\s*(?:an?|the|who|whom|whose|which)\s[^,]*?[.!?]?\s*$")
_QUOTED_AS_RE = re.compile(r"\bquoted\s+(.{2,120}?)\s+as\s+saying")
# Verbs that report words only through a quotation: "put it", and the rebuttals that carry one
# ("dismissed the reports as "fabrications"", "denied it, calling it "baseless"").
REBUTTALS = frozenset(REBUTTAL_VERBS)
_QUOTE_ONLY = frozenset({"put it", "puts it"}) | REBUTTALS
_PASSIVE_RE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|not|never|n't|to)\s+(?:\w+ly\s+)?|n't\s+|\b(?:who|which)\s+)$"
)
_RELATIVE_RE = re.compile(r"\s(?:who|whom|whose|which)\s")
_FORWARD_STOP_RE = re.compile(r"[,;:!?\n]|(?<![A-Z])\.(?=\s|$)|\s(?:who|whom|whose|which|that)\s")
# "according to a report / its annual report / figures": a document, not a speaker.
_DOCUMENT_RE = re.compile(
    r"(?:(?:a|an|the|its|their|his|her|this|these|new|latest|official|annual|preliminary|recent|internal|"
    r"\w+['\u2019]s)\s+)*(?:report|study|survey|data|document|documents|figures|estimates|analysis|"
    r"assessment|schedule|filing|records|notice|website|post|summary|tally|footage|images|imagery|"
    r"research|review|audit|poll|paper|memo|letter|plan|budget|statistics|calculations)\b",
    re.I,
)
_STATEMENT_RE = re.compile(r"\b(?:statement|communiqu|press release|news release)", re.I)
_CLAUSE_MIN_WORDS = 3
_THAT_AFTER_RE = re.compile(r"\s+(?:[\w\-]+\s+){0,4}?that\s")


@dataclass(slots=True)
class SpeechEvent:
    """One speech verb with its speaker phrase and reported clause."""

    verb_start: int
    verb_end: int
    verb: str
    sentence: tuple[int, int]
    speaker: SpeakerNP
    appositive: str | None = None
    content: tuple[int, int] | None = None
    pieces: list[tuple[int, int]] = field(default_factory=list)  # clause around "A, he said, B"
    statement: bool = False
    quotes: list[int] = field(default_factory=list)


_INNER_CLOSERS = "'\u2019"


class _Finder:
    """Finds speech events sentence by sentence in one article."""

    def __init__(
        self, text: str, masked: str, sents: SentenceIndex, quotes: list[QuoteSpan], label: EntLabel
    ) -> None:
        self.text, self.masked, self.sents, self.label = text, masked, sents, label
        # A closing mark ends a clause only in `"...," said X` / `"...?" she asked` shapes, also when
        # a nested quote closes first: `"... as 'a bargain,'" she said`.
        self.closers = sorted(
            q.mark_close
            for q in quotes
            if q.mark_close is not None
            and (
                text[max(0, q.mark_close - 3) : q.mark_close].rstrip(_INNER_CLOSERS)[-1:] in (",", "!", "?")
                or text[q.mark_close + 1 : q.mark_close + 2] == ","
            )
        )

    def events(self) -> list[SpeechEvent]:
        """Speech events of every sentence, in text order."""
        out = []
        for s, e in self.sents.spans:
            for m in VERB_RE.finditer(self.masked, s, e):
                ev = self._event(m.start(), m.end(), m.group().lower(), (s, e))
                if ev is not None:
                    out.append(ev)
        return out

    def _event(self, vs: int, ve: int, verb: str, sent: tuple[int, int]) -> SpeechEvent | None:
        s, e = sent
        if _PASSIVE_RE.search(self.masked[max(s, vs - 24) : vs]):
            return None
        if verb in _ADD_VERBS and _ADDING_TO_RE.match(self.masked, ve, e):
            return None
        statement = bool(_STATEMENT_RE.search(self.masked, s, e))
        if verb in _FORWARD:
            return self._forward(vs, ve, verb, sent, statement)
        quoted = _QUOTED_AS_RE.search(self.masked, s, ve) if verb == "saying" else None
        if quoted and quoted.end() == ve:  # "The agency quoted X as saying ..."
            np = parse_np(self.text, quoted.start(1), quoted.end(1), self.label)
            if np is None:
                return None
            ev = SpeechEvent(vs, ve, verb, sent, np, statement=statement)
            ev.content = self._content(ve, e, "said")
            return ev
        before = self.masked[s:vs].rstrip(" ,")
        if before[-1:] in "\"'\u201d\u2019\u00bb":  # "...," said X
            np, app, stop = self._after(ve, e)
            if np is None:
                return None
            return SpeechEvent(vs, ve, verb, sent, np, app, statement=statement)
        a = self._clause_start(s, vs)
        found = self._before(a, vs, verb)
        if found is None:
            return None
        np, app, comma = found
        ev = SpeechEvent(vs, ve, verb, sent, np, app, statement=statement)
        if verb not in _QUOTE_ONLY:
            self._reported(ev, a, comma, ve, e)
        if verb in THAT_ONLY and not ev.pieces and not _THAT_AFTER_RE.match(self.masked, ve, e):
            return None
        return ev

    def _reported(self, ev: SpeechEvent, a: int, comma: int | None, ve: int, e: int) -> None:
        """Fill the event's reported clause: after the verb, or around a parenthetical speaker."""
        rest = self.masked[ve:e]
        if comma is not None and a < comma and rest.startswith(","):
            ev.content = (a, e)
            ev.pieces = [trim(self.text, a, comma), trim(self.text, ve + 1, e)]
            return
        ev.content = self._content(ve, e, ev.verb)
        if ev.content is None and comma is not None and a < comma and only_adverbial(rest):
            # "The deal was signed, the ministry said.": the whole sentence before the speaker, also
            # when a "that" or "and" inside it ("a team that was clearing ...") moved the clause start
            whole = clause_start(
                self.masked, ev.sentence[0], ev.verb_start, self.closers, conjunctions=False, fronted=False
            )
            ev.content = trim(self.text, min(a, whole), comma)
            if len(self.text[ev.content[0] : ev.content[1]].split()) < _CLAUSE_MIN_WORDS:
                ev.content = None

    def _forward(
        self, vs: int, ve: int, verb: str, sent: tuple[int, int], statement: bool
    ) -> SpeechEvent | None:
        """ "according to X, ..." and "in the words of X": the speaker follows the phrase."""
        s, e = sent
        np, stop = self._np_after(ve, e)
        if np is None or _DOCUMENT_RE.match(self.text, np.start):
            return None
        ev = SpeechEvent(vs, ve, verb, sent, np, statement=statement)
        if self.masked[stop : stop + 1] == "," and not _CLOSING_APPOSITIVE_RE.match(self.masked[stop:e]):
            app = re.match(r",\s*(?:an?|the|who|whom|whose|which)\s[^,]*,", self.masked[stop:e])
            ev.content = self._content(stop + (app.end() if app else 1), e, "said") or None
        a = self._clause_start(s, vs)
        if ev.content is None and a < vs - 2:
            ev.content = trim(self.text, a, vs)
            ev.content = (ev.content[0], ev.content[1] - (self.text[ev.content[1] - 1] == ","))
        return ev

    def _clause_start(self, s: int, vs: int) -> int:
        return clause_start(self.masked, s, vs, self.closers)

    def _before(
        self, a: int, vs: int, verb: str
    ) -> tuple[SpeakerNP, str | None, int | None] | None:
        """The subject before the verb: (phrase, appositive, comma ending a fronted clause)."""
        toks = tokens(self.masked, a, vs)
        while toks and toks[-1].low in AUX:
            toks.pop()
        if not toks:
            return None
        end = toks[-1].end
        last = toks[-1]
        if last.low in ("and", "but", "or") or (verb.endswith("ing") and last.text == ","):
            lead = leading_np(self.text, self.masked, a, last.start, self.label)
            return (lead, None, None) if lead else None
        if (
            last.low in PRONOUNS
            and last.text.lower() == last.text
            or last.text in ("He", "She", "It", "They")
        ):
            comma = self._last_comma(a, last.start)
            np = parse_np(self.text, last.start, last.end, self.label)
            return (np, None, comma) if np else None
        if last.text == ",":
            return self._appositive(a, last.start)
        comma = self._last_comma(a, end)
        seg_start = comma + 1 if comma is not None else a
        rel = _RELATIVE_RE.search(self.masked, seg_start, end)
        np = parse_np(self.text, seg_start, rel.start() if rel else end, self.label)
        return (np, None, comma) if np else None

    def _appositive(self, a: int, end: int) -> tuple[SpeakerNP, str | None, None] | None:
        """ "X, a fellow at Y, said" or "the ministry's spokesman, Name, said"."""
        parts = split_commas(self.masked, a, end)
        first = parse_np(self.text, *parts[0], self.label)
        app = self.text[parts[1][0] : parts[1][1]].strip() if len(parts) > 1 else None
        office = first is not None and first.kind == "org" and _titled(first.name)
        if (first is None or office or first.kind in ("unnamed", "definite")) and len(parts) > 1:
            named = apposed_name(self.text, *parts[-1], self.label)
            if named is not None:
                return named, self.text[parts[0][0] : parts[0][1]].strip(), None
        if (
            first is not None
            and first.kind in ("person", "surname")
            and app
            and app.startswith("which ")
        ):
            first = SpeakerNP(
                first.start, first.end, "org", first.name
            )  # "Acme, which makes ...": a thing
        return (first, app, None) if first else None

    def _after(self, ve: int, e: int) -> tuple[SpeakerNP | None, str | None, int]:
        """The speaker after the verb (", said X, a fellow at Y."): phrase, appositive, where it stops."""
        np, np_stop = self._np_after(ve, e)
        app = None
        stop = np_stop
        if np is not None and self.masked[np_stop : np_stop + 1] == ",":
            app_end = self._stop(np_stop + 1, e)
            app = self.text[np_stop + 1 : app_end].strip() or None
            stop = app_end if app else np_stop
            if app and np.kind in ("unnamed", "definite"):
                # "..., said the initiative's spokesperson, Marita Schenk.": the name is the speaker
                named = apposed_name(self.text, np_stop + 1, app_end, self.label)
                if named is not None:
                    return replace(named, role=named.role or np.name), None, stop
        return np, app, stop

    def _np_after(self, ve: int, e: int) -> tuple[SpeakerNP | None, int]:
        a = ve
        while a < e and self.masked[a] in " \u00a0":
            a += 1
        stop = cut_trailing_pp(self.masked, a, self._stop(a, e))
        return parse_np(self.text, a, stop, self.label), stop

    def _stop(self, a: int, e: int) -> int:
        """Where a phrase after the verb ends: punctuation or a relative word, never a title's dot."""
        for m in _FORWARD_STOP_RE.finditer(self.masked, a, e):
            if m.group() == "." and is_abbreviation(self.masked, m.end(), a):
                continue  # "said Dr. Ines Varga", "said Gen. Roe"
            return m.start()
        return e

    def _last_comma(self, a: int, b: int) -> int | None:
        """The last comma in [a, b) that is not inside an organisation's name ("Acquisition,
        Technology and Logistics Agency")."""
        comma = last_comma(self.masked, a, b)
        while comma is not None and self.label(comma, comma + 1) == "ORG":
            comma = last_comma(self.masked, a, comma)
        return comma

    def _content(self, ve: int, e: int, verb: str) -> tuple[int, int] | None:
        """The reported clause after the verb, or None when only an object or adverbial follows."""
        rest = self.masked[ve:e]
        start = clause_after(rest, verb)
        if start is None:
            return None
        span = trim(self.text, ve + start, e)
        words = self.text[span[0] : span[1]].split()
        if len(words) < _CLAUSE_MIN_WORDS or words[0].lower() in NO_CONTENT_START:
            return None
        if self.text[span[0]] in DOUBLE + SINGLE:
            return None  # X said: "..." -- the quotation itself, not reported speech
        return span


def _titled(name: str) -> bool:
    """ "Director General Army Air Defence": an office written like a name, opening with a title."""
    first = name.split(" ", 1)[0].lower()
    return first in TITLE_WORDS and first in SPEAKER_NOUNS


def find_events(
    text: str, masked: str, sents: SentenceIndex, quotes: list[QuoteSpan], label: EntLabel
) -> list[SpeechEvent]:
    """Every speech event of the article, in text order."""
    return _Finder(text, masked, sents, quotes, label).events()
