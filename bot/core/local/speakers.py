"""The grammar of a speaker: pronoun, titled name, organisation, or unnamed descriptor.

`parse_np` reads one noun phrase ("military expert Ramil Mammadli", "A source in the SBU",
"the minister", "China's Southern Theater Command (STC)") and says what kind of speaker it names.
Word lists are broad English vocabulary (titles, organisation nouns, speaker nouns), not names.
"""

from __future__ import annotations

import re

from bot.core.local.speaker_names import closing_name, named_speaker
from bot.core.local.speaker_tokens import (
    POSSESSIVE_RE,
    PP_PREPOSITIONS,
    EntLabel,
    SpeakerNP,
    Token,
    tokens,
)
from bot.core.local.speaker_words import (
    DEFINITE,
    DETERMINERS,
    NON_NAME,
    NUMBERS,
    ORG_HEADS,
    PARTICLES,
    PRONOUNS,
    QUANTIFIERS,
    SPEAKER_NOUNS,
    TITLE_WORDS,
)

_PP_ADJECTIVES = frozenset("familiar close".split())
_HEAD_NOUNS = SPEAKER_NOUNS | ORG_HEADS  # built once: the parsers test it for every word
_PLURAL_IRREGULAR = {"people": "people", "spokespeople": "spokesperson", "authorities": "authority"}

# "JAXA and MHI said", "the ministry and the company said": two speakers, not one.
_COMPOUND_RE = re.compile(
    r"\)\s+and\s+|\s+and\s+(?:the|a|an|its|their)\s+|\s+and\s+[A-Z][\w\-]*['\u2019]s\s", re.I
)


def singular(word: str) -> str:
    """Singular of a speaker or organisation noun ("officials" -> "official")."""
    if word in _PLURAL_IRREGULAR:
        return _PLURAL_IRREGULAR[word]
    if word.endswith("ies") and word[:-3] + "y" in _HEAD_NOUNS:
        return word[:-3] + "y"
    if word.endswith("s") and word[:-1] in _HEAD_NOUNS:
        return word[:-1]
    return word


def _is_head(tok: Token, first: bool) -> bool:
    """A speaker noun heading a descriptor; capitalised only as a plural opening the sentence."""
    head = singular(tok.low)
    return head in _HEAD_NOUNS and (not tok.cap or (first and head != tok.low))


def _is_office(toks: list[Token], h: int) -> bool:
    """ "the Minister of National Defence", "The Defence Secretary": a capitalised office, no name.

    The office noun follows "the" and only other office words ("Defence", "Vice"), so the phrase
    names a post rather than a person; a name after it is left to `named_speaker`.
    """
    tok = toks[h]
    return (
        h > 0
        and tok.cap
        and tok.low in TITLE_WORDS
        and tok.low in SPEAKER_NOUNS
        and toks[0].low == "the"
        and all(t.cap and t.low in NON_NAME for t in toks[1:h])
    )


def parse_np(text: str, a: int, b: int, label: EntLabel) -> SpeakerNP | None:
    """What kind of speaker text[a:b] names, or None when it is not a speaker phrase."""
    every = tokens(text, a, b)
    colon = next((i for i, t in enumerate(every) if t.text == ":"), len(every))
    # "Henrik Aas (Ministry of Defence): Yes, ...": a transcript label ends the phrase at its colon.
    toks = [t for t in every[:colon] if t.text not in ",;"]
    while toks and toks[0].low in (
        "but",
        "and",
        "so",
        "yet",
        "however",
        "still",
        "meanwhile",
        "also",
    ):
        toks = toks[1:]
    if not toks or len(toks) > 16 or _COMPOUND_RE.search(text, toks[0].start, toks[-1].end):
        return None
    if len(toks) == 1 and toks[0].low in QUANTIFIERS:
        return None  # "Others warned", "Some argue": nobody in particular
    if len(toks) == 1 and toks[0].low in PRONOUNS:
        t = toks[0]
        return SpeakerNP(t.start, t.end, "pronoun", t.text, head=t.low, plural=t.low == "they")
    if len(toks) == 1 and toks[0].cap and toks[0].low in TITLE_WORDS and toks[0].low in SPEAKER_NOUNS:
        t = toks[0]  # "Minister emphasised": translated text often drops the article
        return SpeakerNP(t.start, t.end, "definite", t.text, head=t.low)
    desc = _descriptor(text, toks)
    if desc and (desc.end >= toks[-1].end - 1 or _has_pp(desc)):
        # "A source in the SBU": the capitalised words are the object of the PP; but in "the
        # spokesman of the company Martin Dubovský" a tagged name closes the phrase.
        return closing_name(text, toks, label) or desc
    if toks[-1].cap or toks[-1].paren:
        named = named_speaker(text, toks, label)
        if named:
            return named
    return desc


_AFFILIATION_WORDS = frozenset(("of", "at", "from", "with"))


def apposed_name(text: str, a: int, b: int, label: EntLabel) -> SpeakerNP | None:
    """The person in "the vice minister, Jane Roe, said": the parsed name, or a bare name shape.

    Next to a title the tagger's label matters less: two to four capitalised words that are no
    office, organisation or function word name a person even when tagged as a group or a place.
    """
    np = parse_np(text, a, b, label)
    if np is not None and np.kind == "person":
        return np
    toks = [t for t in tokens(text, a, b) if t.text not in ",;:"]
    while toks and toks[0].low in TITLE_WORDS and toks[0].cap:
        toks = toks[1:]
    # "Marcus Lindqvist of the Stockholm-based Review": the name ends before its affiliation.
    cut = next((i for i, t in enumerate(toks) if i >= 2 and t.low in _AFFILIATION_WORDS and not t.cap), None)
    if cut is not None:
        toks = toks[:cut]
    names = [t for t in toks if t.low not in PARTICLES]
    if not 2 <= len(names) <= 5 or any(
        not t.cap or t.paren or t.low in NON_NAME or t.text.isupper() for t in names
    ):
        return None
    start, end = toks[0].start, toks[-1].end
    return SpeakerNP(start, end, "person", text[start:end], role=text[a:start].strip() or None)


def _descriptor(text: str, toks: list[Token]) -> SpeakerNP | None:
    """An unnamed or title-only phrase: determiner, modifiers, a speaker noun, at most one PP."""
    for h, tok in enumerate(toks):
        if not (_is_head(tok, h == 0) or _is_office(toks, h)) or POSSESSIVE_RE.search(tok.text):
            continue
        end = _pp_end(toks, h + 1)
        if end is None:
            continue
        dets = [i for i in range(h) if toks[i].low in DETERMINERS]
        if (
            dets
            and dets[-1] > 0
            and not (toks[0].low in DETERMINERS and h > 1 and toks[1].low == "of")
        ):
            cut = dets[-1]  # "I remember a senior officer": the phrase starts at "a"
            toks, h, end = toks[cut:], h - cut, end - cut
        first = toks[0].low
        head = singular(tok.low)
        plural = head != tok.low or first in NUMBERS.split() and first != "one"
        definite = first in DEFINITE or (
            len(toks) > 2 and first in ("one", "another", "each") and toks[1].low == "of"
        )
        owned = toks[0].cap and bool(POSSESSIVE_RE.search(toks[0].text))
        if owned and head in ORG_HEADS:
            kind = "org"  # "Taiwan's defence ministry": an organisation, written lower-case
        elif owned and not plural:
            kind = "definite"  # "Taiwan's president": one particular person
        else:
            kind = "definite" if definite else "unnamed"
        if (
            kind == "unnamed"
            and first not in DETERMINERS
            and not plural
            and h > 0
            and not toks[0].cap
        ):
            return None  # "security firm": a bare singular noun is a label, not a source
        while end > h + 1 and toks[end - 1].paren:
            end -= 1  # "an official at the agency (DGA)": the acronym is an alias, not the name
        phrase = text[toks[0].start : toks[end - 1].end].rstrip(".")
        return SpeakerNP(
            toks[0].start, toks[0].start + len(phrase), kind, phrase, head=head, plural=plural
        )
    return None


def _has_pp(np: SpeakerNP) -> bool:
    words = np.name.lower().split()
    return any(w in PP_PREPOSITIONS for w in words[1:])


def _pp_end(toks: list[Token], i: int) -> int | None:
    """Index just past the head's tail: nothing, or one prepositional phrase; None if it is no tail."""
    if i >= len(toks):
        return i
    j = i
    if toks[j].low in _PP_ADJECTIVES and j + 1 < len(toks) and toks[j + 1].low in PP_PREPOSITIONS:
        j += 1
    if toks[j].low not in PP_PREPOSITIONS:
        return i if toks[j].low not in _HEAD_NOUNS else None
    j += 1
    while j < len(toks):
        low = toks[j].low
        nxt_cap = j + 1 < len(toks) and toks[j + 1].cap
        if low in PP_PREPOSITIONS and not (low in ("of", "for") and nxt_cap):
            break
        j += 1
    return j

