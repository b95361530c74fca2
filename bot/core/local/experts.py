"""Who said what: verbatim quotes and reported speech, merged into one view per speaker.

Pipeline: pair quotation marks (`quotes`), find speech events (`speech`), attribute each quote to an
event (`attribution`), resolve every speaker phrase to a person, organisation or unnamed source in
text order (`speaker_registry`), add opinion authors and interviewees (`authors`), then build one
ExpertView per speaker with a one-sentence summary in reported form (`reported`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.local.analysis import Analysis
from bot.core.local.attribution import attribute_quotes
from bot.core.local.authors import AuthorView, interviewee, opinion_author
from bot.core.local.clauses import find_subjects
from bot.core.local.doc_tags import TokenTags, entity_labeller
from bot.core.local.masked_sentences import SentenceIndex, sentence_spans
from bot.core.local.name_forms import appositive_role
from bot.core.local.quotes import DOUBLE, SINGLE, QuoteSpan, find_quotes, mask_quotes, paragraphs
from bot.core.local.reported import finish, first_sentence, lower_first, reported_verb, third_person
from bot.core.local.speaker_registry import Entry, Registry, fold
from bot.core.local.speaker_tokens import SpeakerNP
from bot.core.local.speaker_words import ORG_WORDS
from bot.core.local.speech import REBUTTALS, SpeechEvent, find_events
from bot.core.local.transcripts import transcript_speakers
from bot.core.models import Actor, ExpertView, Quote

# An organisation or an unnamed source needs a real quotation, not a scare-quoted term.
MIN_SOURCE_QUOTE_WORDS = 4
_PULL_QUOTE_MIN_WORDS = 3
_INTERVIEW_HEADLINE_RE = re.compile(
    r"\s*[:\u2014\u2013-]\s*(?:an?\s+|our\s+|the\s+)?(?:interview|conversation|q&a)\s+with\b", re.I
)
_APPOSITIVE_AFTER_RE = re.compile(r"\s*,\s*([^,;:.()]{3,120}),")


@dataclass(slots=True)
class _Voice:
    """Everything one speaker said, gathered before it becomes an ExpertView."""

    entry: Entry
    first: int
    quotes: set[int] = field(default_factory=set)
    events: list[SpeechEvent] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # unmarked verbatim words (authors)
    summary: str | None = None


class _Assembler:
    """Runs the pipeline over one article."""

    def __init__(self, analysis: Analysis, actors: list[Actor]) -> None:
        self.text = text = analysis.text
        self.doc = analysis.doc
        self._token_tags: TokenTags | None = None
        ents = sorted((e.start_char, e.end_char, e.label_) for e in analysis.doc.ents)
        self.label = entity_labeller(ents)
        self.quotes: list[QuoteSpan] = find_quotes(text)
        self.paras = paragraphs(text)
        self.masked = mask_quotes(text, self.quotes)
        self.sents = SentenceIndex(sentence_spans(self.masked, self.paras))
        self.registry = Registry(actors, text, ents)
        self.voices: dict[int, _Voice] = {}

    def run(self) -> list[ExpertView]:
        """All views of the article, one per speaker, in order of first appearance."""
        events = find_events(self.text, self.masked, self.sents, self.quotes, self.label)
        owner = attribute_quotes(
            self.text, self.masked, self.sents, self.paras, self.quotes, events, self.label
        )
        resolved = self._resolve(events)
        for ev, entry in zip(events, resolved, strict=True):
            if entry is not None:
                voice = self._voice(entry, ev.verb_start)
                voice.events.append(ev)
                voice.quotes.update(ev.quotes)
        quote_voice = {
            i: self.voices[id(resolved[k])] for i, k in owner.items() if resolved[k] is not None
        }
        self._authors(quote_voice)
        self._pull_quotes(quote_voice)
        views = [
            self._view(v)
            for v in sorted(self.voices.values(), key=lambda v: v.first)
            if self._keep(v)
        ]
        return [v for v in views if v is not None]

    def _voice(self, entry: Entry, at: int) -> _Voice:
        voice = self.voices.get(id(entry))
        if voice is None:
            voice = self.voices[id(entry)] = _Voice(entry, at)
        voice.first = min(voice.first, at)
        return voice

    def _resolve(self, events: list[SpeechEvent]) -> list[Entry | None]:
        """Resolve event speakers and sentence subjects together, in text order."""
        subjects = find_subjects(self.text, self.masked, self.sents, self.label, self._finite_verb)
        taken = {ev.speaker.start for ev in events}
        items: list[tuple[int, int, SpeakerNP, int]] = [
            (ev.speaker.start, 1, ev.speaker, k) for k, ev in enumerate(events)
        ]
        items += [(phrase.start, 0, phrase, -1) for phrase in subjects if phrase.start not in taken]
        out: list[Entry | None] = [None] * len(events)
        for at, _order, phrase, k in sorted(items, key=lambda t: (t[0], t[1])):
            entry = self.registry.resolve(phrase, at, create=k >= 0)
            if entry is None or entry.kind == "unnamed":
                if entry is not None and k >= 0:
                    out[k] = entry
                continue
            appositive = events[k].appositive if k >= 0 else self._appositive_after(phrase.end)
            role, affiliation = appositive_role(appositive)
            title = phrase.role if entry.kind == "person" else None
            self.registry.note_role(
                entry, ", ".join(r for r in (title, role) if r) or None, affiliation
            )
            if k >= 0:
                out[k] = entry
        return out

    def _appositive_after(self, end: int) -> str | None:
        """ "Admiral Jane Roe, the fleet's commander, spoke": the phrase between the commas."""
        m = _APPOSITIVE_AFTER_RE.match(self.masked, end, end + 130)
        if m is None or self._finite_verb(m.start(1)):
            return None  # "Peter Marcinek, welcomes the investment, but": a predicate, not a role
        return self.text[m.start(1) : m.end(1)]

    def _authors(self, quote_voice: dict[int, _Voice]) -> None:
        authors = (
            opinion_author(self.text, self.paras, self.label, self._proper),
            interviewee(self.text, self.paras, self.label),
            *transcript_speakers(self.text, self.paras),
        )
        for found in authors:
            if found is None:
                continue
            entry = self.registry.resolve(found.speaker, found.speaker.start)
            if entry is None:
                continue
            self.registry.note_role(entry, found.role, found.affiliation)
            voice = self._voice(entry, found.speaker.start)
            voice.spans.extend(found.spans)
            voice.summary = voice.summary or self._author_summary(found, entry)
            for i, q in enumerate(self.quotes):
                if i not in quote_voice and _INTERVIEW_HEADLINE_RE.match(
                    self.text, (q.mark_close or q.end) + 1
                ):
                    quote_voice[i] = voice
                    voice.quotes.add(i)

    def _author_summary(self, found: AuthorView, entry: Entry) -> str | None:
        """The thesis of an opinion piece, or an interviewee's first full answer in reported form."""
        if found.thesis:
            return finish(found.thesis)
        for a, b in found.spans:
            sentence = first_sentence(self.text[a:b], min_words=6)
            if len(sentence.split()) >= 6:
                shifted = third_person(sentence, entry.gender)
                at = a + max(0, self.text[a:b].find(sentence))
                return finish(f"{_subject(entry)} said {lower_first(shifted, self._proper(at))}")
        return None

    def _pull_quotes(self, quote_voice: dict[int, _Voice]) -> None:
        """A headline, subhead or pull quote repeating an attributed quote belongs to its speaker."""
        attributed = [(self._flat(self.quotes[i]), v) for i, v in quote_voice.items()]
        for i, q in enumerate(self.quotes):
            if i in quote_voice or len(self.text[q.start : q.end].split()) < _PULL_QUOTE_MIN_WORDS:
                continue
            flat = self._flat(q)
            voice = next((v for text, v in attributed if flat and flat in text), None)
            if voice is not None:
                voice.quotes.add(i)

    def _flat(self, q: QuoteSpan) -> str:
        return re.sub(r"[^\w]+", " ", fold(self.text[q.start : q.end])).strip()

    def _keep(self, voice: _Voice) -> bool:
        kind = voice.entry.kind
        if kind == "person":
            return bool(voice.quotes or voice.spans or any(ev.content for ev in voice.events))
        long_quote = any(
            len(self.text[self.quotes[i].start : self.quotes[i].end].split())
            >= MIN_SOURCE_QUOTE_WORDS
            for i in voice.quotes
        )
        if kind == "unnamed":
            return long_quote and " " in voice.entry.key  # a bare "officials" is no source at all
        said = [ev for ev in voice.events if ev.content or ev.quotes]
        return (
            long_quote or any(ev.statement for ev in said) or len({ev.sentence for ev in said}) >= 2
        )

    def _view(self, voice: _Voice) -> ExpertView | None:
        entry = voice.entry
        spans = sorted(
            {(self.quotes[i].start, self.quotes[i].end) for i in voice.quotes} | set(voice.spans)
        )
        quotes = [Quote(text=self.text[a:b], start=a, end=b, verbatim=True) for a, b in spans]
        summary = voice.summary or self._summary(voice)
        if not summary and not quotes:
            return None
        return ExpertView(
            speaker=entry.key,
            role=entry.role if entry.kind != "unnamed" else None,
            affiliation=entry.affiliation,
            summary=summary or "",
            quotes=quotes,
            named=entry.kind != "unnamed",
        )

    def _summary(self, voice: _Voice) -> str:
        entry = voice.entry
        ranked = sorted(
            (ev for ev in voice.events if ev.content),
            key=lambda ev: (self._relative(ev), self._rank(ev), ev.verb_start),
        )
        if ranked and self._relative(ranked[0]):
            # "a launcher which it says is meeting its targets": the clause has no subject of its own
            ev = ranked[0]
            return finish(self.text[ev.sentence[0] : ev.sentence[1]].strip())
        for ev in ranked[:1]:
            assert ev.content is not None
            clause = self._unquoted(ev.pieces or [ev.content])
            that = (
                " that"
                if self.masked[max(0, ev.content[0] - 5) : ev.content[0]].strip() == "that"
                else ""
            )
            verb = (
                reported_verb(ev.verb)
                if ev.content[0] > ev.verb_start and not ev.pieces
                else "said"
            )
            start = (ev.pieces or [ev.content])[0][0]
            return finish(
                f"{_subject(entry)} {verb}{that} {lower_first(clause, self._proper(start))}"
            )
        whole = [
            (q, sentence)
            for q in sorted((self.quotes[i] for i in voice.quotes), key=lambda q: q.start)
            for sentence in [first_sentence(self.text[q.start : q.end])]
            if len(sentence.split()) >= 4 and sentence[:1].isupper()  # a whole sentence, not a phrase
        ]
        for q, sentence in whole:
            if not sentence.endswith("?"):
                shifted = third_person(sentence, entry.gender, organisation=entry.kind == "org")
                return finish(
                    f"{_subject(entry)} said {lower_first(shifted, self._proper(q.start))}"
                )
        for _q, sentence in whole[:1]:  # only questions: asked, in the speaker's own words
            return f"{_subject(entry)} asked: \u201c{sentence}\u201d"
        for ev in voice.events:  # "the ministry dismissed the reports as "fabrications""
            if ev.verb in REBUTTALS and ev.quotes:
                return finish(f"{_subject(entry)} {self.text[ev.verb_start : ev.sentence[1]].strip()}")
        for ev in voice.events:  # only a quoted phrase: the sentence that frames it, as written
            if ev.quotes:
                return finish(self.text[ev.sentence[0] : ev.sentence[1]].strip())
        return ""

    def _relative(self, ev: SpeechEvent) -> bool:
        """A report inside a relative clause ("which it says is ..."), whose clause lacks a subject."""
        before = self.masked[max(0, ev.speaker.start - 8) : ev.speaker.start]
        return ev.speaker.kind == "pronoun" and _RELATIVE_BEFORE.search(before) is not None

    def _rank(self, ev: SpeechEvent) -> int:
        """Which reported clause best sums a view up: a statement, then "X said that ...", then others."""
        assert ev.content is not None
        after = ev.content[0] > ev.verb_start and not ev.pieces
        that = self.masked[max(0, ev.content[0] - 5) : ev.content[0]].strip() == "that"
        return (0 if ev.statement else 3) + (0 if after and that else 1 if after else 2)

    def _tags(self) -> TokenTags:
        if self._token_tags is None:
            self._token_tags = TokenTags(self.doc)
        return self._token_tags

    def _finite_verb(self, offset: int) -> bool | None:
        """Whether the word at `offset` is a finite verb, when the tagger can tell."""
        return self._tags().finite_verb(offset)

    def _proper(self, offset: int) -> bool | None:
        """Whether the word at `offset` is a proper noun, when the tagger or the NER can tell."""
        return self._tags().proper(offset)

    def _unquoted(self, pieces: list[tuple[int, int]]) -> str:
        """The clause text without quotation marks cut apart by the clause's ends.

        A quotation wholly inside the reported clause keeps its marks ("its forces "liberated" two
        towns"), so the summary still shows which words are the speaker's own.
        """
        out = []
        for a, b in pieces:
            marks = set()
            for q in self.quotes:
                inside = a <= q.mark_open and q.mark_close is not None and q.mark_close < b
                if not inside:
                    marks |= {q.mark_open, q.mark_close}
            out.append(
                "".join(
                    ch
                    for i, ch in enumerate(self.text[a:b], a)
                    if i not in marks or ch not in DOUBLE + SINGLE
                )
            )
        return " ".join(p.strip() for p in out if p.strip())


_RELATIVE_BEFORE = re.compile(r"\b(?:which|that)\s+$")


def _subject(entry: Entry) -> str:
    """The speaker as the subject of a sentence: "The Ministry of Defence", "A source in the SBU"."""
    key = entry.key
    possessed = "'s " in key or "\u2019s " in key  # "Russia's Ministry of Defence" takes no article
    if entry.kind == "org" and not possessed and (" of " in key or key.split(" ")[0].lower() in ORG_WORDS):
        return "The " + key
    return key[:1].upper() + key[1:]


def find_expert_views(analysis: Analysis, actors: list[Actor]) -> list[ExpertView]:
    """Expert views with verbatim quotes, speakers resolved to actors where possible."""
    if not analysis.text.strip():
        return []
    return _Assembler(analysis, actors).run()
