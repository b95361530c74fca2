"""Names inside a speaker phrase: a titled person, a person of an organisation, or an organisation.

`parse_np` (in `speakers`) hands the capitalised end of a phrase here once it is not a pronoun or
an unnamed descriptor: "Opposition MP Kobus Nel of the Democratic Alliance", "spokesperson Ritika
Sabharwal", "China's Southern Theater Command (STC)".
"""

from __future__ import annotations

from bot.core.local.speaker_tokens import POSSESSIVE_RE, PP_PREPOSITIONS, EntLabel, SpeakerNP, Token
from bot.core.local.speaker_words import (
    CONNECTORS,
    DETERMINERS,
    FUNCTION_WORDS,
    NON_NAME,
    ORG_HEADS,
    ORG_WORDS,
    PARTICLES,
    SPEAKER_NOUNS,
    TITLE_WORDS,
)


def closing_name(text: str, toks: list[Token], label: EntLabel) -> SpeakerNP | None:
    run = capital_run(toks)
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


def named_speaker(text: str, toks: list[Token], label: EntLabel) -> SpeakerNP | None:
    """A person (with any title before the name) or an organisation proper name."""
    run = capital_run(toks)
    if run is None:
        return None
    upper = [t for t in toks if t.text.isupper() and len(t.text) > 1]
    if len(upper) > 1 and all(
        t in upper or t.paren or t.low in CONNECTORS | FUNCTION_WORDS for t in toks
    ):
        return None  # "GUEST COLUMN", "BY ROBERT KANE": a heading set in capitals
    words = [t for t in toks[run:] if not t.paren]
    name_toks = name_suffix(words)
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


def name_suffix(words: list[Token]) -> list[Token]:
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
    owner = next((k for k, t in enumerate(org_toks[:3]) if POSSESSIVE_RE.search(t.text)), None)
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
        name = name_suffix(lead)  # "Opposition MP Kobus Nel of ...": the title stays out
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


def capital_run(toks: list[Token]) -> int | None:
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
