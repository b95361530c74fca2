"""Which speech event each quotation belongs to.

In order of preference: an attribution right after the closing mark ("...," she said), a speech
verb earlier in the quote's own sentence (X said: "..." / X said the plan was "..."), a bare
"Name: "..."" lead-in, and, for a quote that opens its own sentence, the speaker of the previous
quote or the previous sentence in the same paragraph (follow-on sentences and long quotes).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.core.local.masked_sentences import SentenceIndex
from bot.core.local.quotes import QuoteSpan
from bot.core.local.speaker_tokens import EntLabel, tokens
from bot.core.local.speaker_words import ORG_WORDS, SPEAKER_NOUNS, TITLE_WORDS
from bot.core.local.speakers import parse_np
from bot.core.local.speech import SpeechEvent

_GAP_CHARS = " ,\u2014\u2013-\n"
_LEAD_WORDS = TITLE_WORDS | SPEAKER_NOUNS | ORG_WORDS | {"the", "a", "an"}
# A dash after a closing mark, then the speaker up to a comma or the line's end.
_DASH_CREDIT = re.compile(
    r"(?:[ \t]*[\u2013\u2014]|[ \t]+-{1,2})[ \t]+(?P<who>[A-Z][^,\n;:()]{2,60}?)(?=,|\.?[ \t]*$)", re.M
)


class _Attributor:
    def __init__(
        self,
        text: str,
        masked: str,
        sents: SentenceIndex,
        paras: list[tuple[int, int]],
        events: list[SpeechEvent],
        label: EntLabel,
    ) -> None:
        self.text, self.masked, self.sents, self.events, self.label = (
            text,
            masked,
            sents,
            events,
            label,
        )
        self._para_starts = [a for a, _ in paras]
        self._verb_starts = [ev.verb_start for ev in events]

    def para(self, pos: int) -> int:
        """Index of the paragraph holding `pos`."""
        return bisect_right(self._para_starts, pos) - 1

    def post(self, last: QuoteSpan) -> int | None:
        """The event right after the closing mark: \"...,\" she said / \"...,\" said X."""
        if last.mark_close is None:
            return None
        c = last.mark_close
        _s, e = self.sents.span_at(c)
        k = bisect_right(self._verb_starts, c)
        if k < len(self.events) and self.events[k].verb_start < e:
            ev = self.events[k]
            lead = min(ev.speaker.start, ev.verb_start)
            if lead > c and _only_title(self.text, c + 1, lead):
                return k
        return None

    def pre(self, first: QuoteSpan) -> int | None:
        """The last event earlier in the quote's sentence: X said: \"...\" / X said it was \"...\"."""
        s, _e = self.sents.span_at(first.mark_open)
        k = bisect_right(self._verb_starts, first.mark_open) - 1
        if k >= 0 and self.events[k].verb_start >= s:
            return k
        return self._colon_lead(s, first)

    def _colon_lead(self, s: int, first: QuoteSpan) -> int | None:
        """ "Minister Jane Roe: "..."" in a headline or a Q&A lead-in."""
        lead = self.masked[s : first.mark_open]
        m = re.fullmatch(r"\s*([^:]{2,80}?)\s*:\s*", lead)
        if not m:
            return None
        np = parse_np(self.text, s + m.start(1), s + m.end(1), self.label)
        if np is None or np.kind != "person":
            return None
        self.events.append(
            SpeechEvent(first.mark_open, first.mark_open, "said", (s, first.mark_open), np)
        )
        return len(self.events) - 1

    def dash_credit(self, last: QuoteSpan) -> int | None:
        """ "\"...\" \u2013 Senior Colonel Jane Roe, deputy commander of ...": a pull quote credited
        after a dash, as digests and captions do."""
        if last.mark_close is None:
            return None
        m = _DASH_CREDIT.match(self.masked, last.mark_close + 1)
        if m is None:
            return None
        np = parse_np(self.text, m.start("who"), m.end("who"), self.label)
        if np is None or np.kind != "person":
            return None
        sentence = self.sents.span_at(last.mark_close)
        self.events.append(SpeechEvent(m.start("who"), m.start("who"), "said", sentence, np))
        return len(self.events) - 1  # like a colon lead-in, kept out of the sorted verb index

    def opens_sentence(self, first: QuoteSpan) -> bool:
        """Whether the quote begins its own sentence (a follow-on quote)."""
        s, _e = self.sents.span_at(first.mark_open)
        return not self.masked[s : first.mark_open].strip(_GAP_CHARS)

    def colon_paragraph(self, first: QuoteSpan) -> int | None:
        """ "The chief executive added:" closing the paragraph before a quote that opens its own."""
        p = self.para(first.mark_open)
        if p <= 0 or self._para_starts[p] != first.mark_open:
            return None
        end = self._para_starts[p] - 1
        while end > 0 and self.text[end].isspace():
            end -= 1
        if self.text[end] != ":":
            return None
        k = bisect_right(self._verb_starts, end) - 1
        return k if k >= 0 and self.para(self.events[k].verb_start) == p - 1 else None

    def previous_sentence(self, first: QuoteSpan) -> int | None:
        """The event of the sentence just before, in the same paragraph."""
        s, _e = self.sents.span_at(first.mark_open)
        k = bisect_right(self._verb_starts, s) - 1
        if k >= 0 and self.para(self.events[k].verb_start) == self.para(first.mark_open):
            prev = self.sents.at(s - 1)
            if prev >= 0 and self.events[k].verb_start >= self.sents.spans[prev][0]:
                return k
        return None


def _only_title(text: str, a: int, b: int) -> bool:
    """Nothing but punctuation or a title between a closing mark and its speaker ("Defence Minister")."""
    gap = text[a:b].strip(_GAP_CHARS)
    words = tokens(text, a, b)
    titled = [t for t in words if t.text not in ",;:"]
    return not gap or (
        len(words) <= 8
        and (
            # "...," the Defence Ministry said / the ministry's agency said: the name starts after
            # its article or its owner
            all(t.cap or t.paren or t.low in _LEAD_WORDS for t in words)
            # "Michoacán's public security secretary, José Roe, told ...": a title set off by commas
            or bool(titled)
            and titled[-1].low in TITLE_WORDS | SPEAKER_NOUNS
            and text[a:b].rstrip().endswith(",")
        )
    )


def attribute_quotes(
    text: str,
    masked: str,
    sents: SentenceIndex,
    paras: list[tuple[int, int]],
    quotes: list[QuoteSpan],
    events: list[SpeechEvent],
    label: EntLabel,
) -> dict[int, int]:
    """Map each quote's index to the index of its speech event; unattributed quotes are left out."""
    att = _Attributor(text, masked, sents, paras, events, label)
    groups: dict[int, list[int]] = {}
    for i, q in enumerate(quotes):
        groups.setdefault(q.group, []).append(i)
    out: dict[int, int] = {}
    last_in_para: dict[int, int] = {}  # paragraph -> event of its latest attributed quote
    for members in sorted(groups.values(), key=lambda m: quotes[m[0]].start):
        first, last = quotes[members[0]], quotes[members[-1]]
        k = att.post(last)
        if k is None:
            k = att.pre(first)
        if k is None:
            k = att.dash_credit(last)
        if k is None and att.opens_sentence(first):
            k = last_in_para.get(att.para(first.mark_open))
            if k is None:
                k = att.previous_sentence(first)
            if k is None:
                k = att.colon_paragraph(first)
        if k is None:
            continue
        for i in members:
            out[i] = k
            events[k].quotes.append(i)
        last_in_para[att.para(last.mark_open)] = k
    return out
