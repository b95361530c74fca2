"""The grammar of a speaker: pronoun, titled name, organisation, or unnamed descriptor.

`parse_np` reads one noun phrase ("military expert Ramil Mammadli", "A source in the SBU",
"the minister", "China's Southern Theater Command (STC)") and says what kind of speaker it names.
Word lists are broad English vocabulary (titles, organisation nouns, speaker nouns), not names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.local.speaker_words import (
    CONNECTORS,
    DEFINITE,
    DETERMINERS,
    FUNCTION_WORDS,
    NON_NAME,
    NUMBERS,
    ORG_HEADS,
    ORG_WORDS,
    PARTICLES,
    PRONOUNS,
    QUANTIFIERS,
    SPEAKER_NOUNS,
    TITLE_WORDS,
)

PP_PREPOSITIONS = frozenset("in at from of with for on inside within near to".split())
_PP_ADJECTIVES = frozenset("familiar close".split())
_HEAD_NOUNS = SPEAKER_NOUNS | ORG_HEADS  # built once: the parsers test it for every word
_PLURAL_IRREGULAR = {"people": "people", "spokespeople": "spokesperson", "authorities": "authority"}
TOKEN_RE = re.compile(r"\([^()\n]{1,24}\)|[^\W_](?:[\w\-\u2019'.]*\w)?\.?|[,;:]")
_POSSESSIVE_RE = re.compile(r"['\u2019]s?$")

# "JAXA and MHI said", "the ministry and the company said": two speakers, not one.
_COMPOUND_RE = re.compile(
    r"\)\s+and\s+|\s+and\s+(?:the|a|an|its|their)\s+|\s+and\s+[A-Z][\w\-]*['\u2019]s\s", re.I
)

EntLabel = Callable[[int, int], str]


class Token:
    """A word, parenthetical or comma with its offsets in the article (fields computed once)."""

    __slots__ = ("start", "end", "text", "low", "cap", "paren")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        low = text.lower().rstrip(".")
        # lower-cased, without a final full stop or possessive
        self.low = _POSSESSIVE_RE.sub("", low) if ("'" in low or "\u2019" in low) else low
        self.cap = text[:1].isupper()  # a name, title or sentence-initial word
        self.paren = text[:1] == "("  # "(retd)", "(JCS)"

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


@dataclass(frozen=True, slots=True)
class SpeakerNP:
    """A noun phrase naming a speaker. `kind`: pronoun, person, surname, org, unnamed or definite."""

    start: int
    end: int
    kind: str
    name: str
    head: str = ""
    role: str | None = None
    plural: bool = False
    alias: str = ""  # an acronym given in parentheses: "Joint Chiefs of Staff (JCS)"


def tokens(text: str, a: int, b: int) -> list[Token]:
    """Words of text[a:b] with absolute offsets."""
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, a, max(a, b))]


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
    names a post rather than a person; a name after it is left to `_named`.
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
    toks = [t for t in tokens(text, a, b) if t.text not in ",;:"]
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
        return _closing_name(text, toks, label) or desc
    if toks[-1].cap or toks[-1].paren:
        named = _named(text, toks, label)
        if named:
            return named
    return desc


def _closing_name(text: str, toks: list[Token], label: EntLabel) -> SpeakerNP | None:
    run = _capital_run(toks)
    if run is None or run == 0 or toks[run - 1].low in PP_PREPOSITIONS or toks[run - 1].cap:
        return None
    name = toks[run:]
    if not 2 <= len(name) <= 4 or any(t.low in NON_NAME or t.paren for t in name):
        return None
    tag = label(name[0].start, name[-1].end)
    titled = toks[run - 1].low in SPEAKER_NOUNS and toks[run - 1].low not in ORG_HEADS
    if tag != "PERSON" and not (titled and not tag):
        return None  # "spokesperson Ritika Sabharwal": a title right before an untagged name
    lead = toks[1:run] if toks[0].low in DETERMINERS else toks[:run]
    role = text[lead[0].start : lead[-1].end] if lead else None
    end = name[-1].end - (len(name[-1].text) > 2 and name[-1].text.endswith("."))  # the full stop
    return SpeakerNP(name[0].start, end, "person", text[name[0].start : end], role=role)


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
        if not (_is_head(tok, h == 0) or _is_office(toks, h)) or _POSSESSIVE_RE.search(tok.text):
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
        owned = toks[0].cap and bool(_POSSESSIVE_RE.search(toks[0].text))
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


def _named(text: str, toks: list[Token], label: EntLabel) -> SpeakerNP | None:
    """A person (with any title before the name) or an organisation proper name."""
    run = _capital_run(toks)
    if run is None:
        return None
    upper = [t for t in toks if t.text.isupper() and len(t.text) > 1]
    if len(upper) > 1 and all(
        t in upper or t.paren or t.low in CONNECTORS | FUNCTION_WORDS for t in toks
    ):
        return None  # "GUEST COLUMN", "BY ROBERT KANE": a heading set in capitals
    words = [t for t in toks[run:] if not t.paren]
    name_toks = _name_suffix(words)
    if name_toks:
        before = [t for t in toks if t.end <= name_toks[0].start and not t.paren]
        titled = bool(before) and before[-1].low in TITLE_WORDS | SPEAKER_NOUNS
        org_words = any(t.low in ORG_WORDS for t in words) or (
            len(name_toks) == 1 and name_toks[0].text.isupper()
        )
        ent = label(name_toks[0].start, name_toks[-1].end)
        if ent == "GPE" and not titled and not org_words:
            return None  # "the United States said": a country standing for its government
        found = _person(text, toks, words, name_toks, ent if not titled else "PERSON", org_words)
        if found is not None:
            return found
    if all(t.low in NON_NAME or t.paren for t in words) and not any(
        t.low in ORG_WORDS for t in words
    ):
        return None
    # "Economist Tomáš Pavlík from the Bratislava Institute": the capital run stops at "from the"
    return (
        _person_of_org(text, toks[run:], label)
        or _person_of_org(text, toks, label)
        or _organisation(text, toks[run:])
    )


def _name_suffix(words: list[Token]) -> list[Token]:
    """The capitalised words at the end of a phrase that can be a personal name (at most four)."""
    name_toks: list[Token] = []
    for t in reversed(words):
        acronym = len(t.text.replace(".", "")) > 1 and t.text.replace(".", "").isupper()
        if t.low in NON_NAME or (not t.cap and t.low not in PARTICLES) or (acronym and name_toks):
            break
        name_toks.insert(0, t)
    if len(name_toks) > 1 and any(
        len(t.text.strip(".")) > 1 and t.text.isupper() for t in name_toks
    ):
        return []  # "New START": an acronym is never part of a personal name
    while name_toks and name_toks[0].low in PARTICLES and not name_toks[0].cap:
        name_toks = name_toks[1:]
    return name_toks[-4:]


def _person(
    text: str,
    toks: list[Token],
    words: list[Token],
    name_toks: list[Token],
    ent: str,
    org_words: bool,
) -> SpeakerNP | None:
    """A titled name, a tagged person, or two capitalised words that name no organisation."""
    ns, ne = name_toks[0].start, name_toks[-1].end
    if ent == "PERSON" or (
        not org_words and ent not in ("ORG", "GPE", "NORP") and len(name_toks) >= 2
    ):
        lead = [t for t in toks if t.end <= ns]
        while lead and (lead[0].low in FUNCTION_WORDS or lead[0].low == "the"):
            lead = lead[1:]  # "By Jane Roe", "the Minister": no part of the title
        role = text[lead[0].start : ns].strip(" ,") if lead else None
        return SpeakerNP(ns, ne, "person", text[ns:ne], role=role)
    if not org_words and len(name_toks) == 1 and len(words) == 1:
        return SpeakerNP(ns, ne, "surname", text[ns:ne])
    return None


def _organisation(text: str, toks: list[Token]) -> SpeakerNP | None:
    """An organisation's proper name without its owner or article ("China's Southern Theater Command")."""
    org_toks = [t for t in toks if not t.paren]
    owner = next((k for k, t in enumerate(org_toks[:3]) if _POSSESSIVE_RE.search(t.text)), None)
    if owner is not None and owner + 1 < len(org_toks):
        org_toks = org_toks[owner + 1 :]
    if org_toks and org_toks[0].low == "the":
        org_toks = org_toks[1:]
    if not org_toks:
        return None
    acronym = next((t.text.strip("()") for t in toks if t.paren and t.text[1:-1].isupper()), "")
    name = text[org_toks[0].start : org_toks[-1].end]
    return SpeakerNP(org_toks[0].start, org_toks[-1].end, "org", name, alias=acronym)


def _person_of_org(text: str, toks: list[Token], label: EntLabel) -> SpeakerNP | None:
    """ "J. Robert Mills of the Atlantic Defense Forum": a person, then where they work."""
    for i, t in enumerate(toks):
        if t.low not in ("of", "at", "from") or t.cap or i == 0:
            continue
        lead = [x for x in toks[:i] if not x.paren]
        name = _name_suffix(lead)  # "Opposition MP Kobus Nel of ...": the title stays out
        if 2 <= len(name) <= 4 and all(x.cap and x.low not in NON_NAME for x in name):
            if (
                any(x.low in ORG_WORDS for x in toks[i + 1 :])
                or label(name[0].start, name[-1].end) == "PERSON"
            ):
                role = text[lead[0].start : name[0].start].strip(" ,") or None
                return SpeakerNP(
                    name[0].start, name[-1].end, "person", text[name[0].start : name[-1].end],
                    role=role,
                )
        return None
    return None


def _capital_run(toks: list[Token]) -> int | None:
    """Index where the phrase's final run of capitalised words (with connectors) begins."""
    i = len(toks) - 1
    while i >= 0 and toks[i].paren:
        i -= 1
    if i < 0 or not toks[i].cap:
        return None
    while i > 0:
        prev = toks[i - 1]
        if prev.cap or prev.paren:
            i -= 1
            continue
        j = i - 1  # up to two linking words ("of the") between capitalised words
        while j >= 0 and i - j <= 2 and toks[j].low in PARTICLES | CONNECTORS and not toks[j].cap:
            j -= 1
        if j < i - 1 and j >= 0 and toks[j].cap:
            i = j
        else:
            break
    return i
