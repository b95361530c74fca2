"""One mention of a system in the text, and how far its written form reaches on either side."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pycountry

from bot.core.local.register import RegisterEntry
from bot.core.local.system_index import Known
from bot.core.local.system_lexicon import (
    ANY_CONTEXT,
    APPOSITIVE_HEAD,
    CONTEXT,
    DEMONYMS,
    GENERIC_ACRONYMS,
    HARDWARE,
    HARDWARE_GROUPS,
    HEAD_AFTER,
    HEAD_NOUNS,
    MAKER_BEFORE,
    MAKERS,
    ORG_ACRONYMS,
    STOP_WORDS,
    TITLE_HEAD,
    context_group,
)


@dataclass(slots=True)
class Mention:
    """A span naming a system: [start, end) is the full written form, [core_start, core_end) its core."""

    start: int
    end: int
    core_start: int
    core_end: int
    key: str
    known: Known | None = None
    category: str | None = None
    confirmed: bool = False
    aliases: list[str] = field(default_factory=list)

    @classmethod
    def at(cls, start: int, end: int, key: str, **fields: object) -> Mention:
        """A mention whose written form is exactly its core."""
        return cls(start, end, start, end, key, **fields)  # type: ignore[arg-type]

    def form(self, text: str) -> str:
        """The mention as written, maker prefix and variant suffixes included."""
        return text[self.start : self.end]

    def core(self, text: str) -> str:
        """The register variant or designator at the heart of the mention."""
        return text[self.core_start : self.core_end]

    @property
    def extended(self) -> bool:
        """True when the text adds a maker, a block, a version or a name to the core."""
        return (self.start, self.end) != (self.core_start, self.core_end)


_PLURAL_OK = r"(?=s?(?![A-Za-z0-9]))"
# "F-16C/D", "MiG-29M/M2", "Su-30MKA/MKI": a slash joins variants of one model.
_ATTACHED = re.compile(r"(?:[A-Z]{1,4}\d{0,2}(?:/[A-Z]{1,3}\d?)?|/[A-Z]{1,3}\d?)" + _PLURAL_OK)
_SLASH = re.compile(r"/[A-Z]{1,3}\d?" + _PLURAL_OK)
_HYPHEN_SUFFIX = re.compile(r"[-\u2010\u2011](?:[A-Z]{1,3}\d{0,2}|\d{1,3}[A-Z]?)" + _PLURAL_OK)
_SPACED_SUFFIX = re.compile(
    r"[ \u00a0](?:Block[ \u00a0](?:[IVX]{1,4}[A-Z]?|\d{1,2}[A-Z]?)(?:[ \u00a0](?:NT|NG|ER))?|Increment[ \u00a0]\d{1,2}"
    r"|Inc[ \u00a0]\d|Mk[. \u00a0]{0,2}(?:[IVX]{1,4}|\d{1,2}[A-Z]?)|Mark[ \u00a0](?:[IVX]{1,4}|\d{1,2})|Mod[ \u00a0]\d{1,2}"
    r"|Flight[- \u00a0][IVX]{1,4}|Batch[- \u00a0](?:\d{1,2}|[IVX]{1,4})|Lot[ \u00a0]\d{1,2}|Tranche[ \u00a0]\d|NG|ER|XR|MSE|SLM|SLS|SLX|NT|MLU|SEPv\d|[IVX]{2,4})"
    r"(?![A-Za-z0-9])"
)
_VERSION = re.compile(
    r"[ \u00a0](?:\d{1,3}(?:\.\d{1,2})?[A-Za-z]?|\d+(?:\.\d+)?[BMT]|Pro|Ultra|Max|Mini|Flash|Turbo|Instruct|Sonnet|"
    r"Opus|Haiku|Nano|Lite|Plus)(?![\w%]|[.,]\d)(?![ \u00a0]?(?:%|per|percent|km|kg|million|billion|years?|times)\b)"
)
_VERSIONED = frozenset(
    {"AI model", "chip", "software", "satellite", "launch vehicle", "spacecraft"}
)
# A name after a designator, in any alphabet's letters ("HS-40 Havørn", "ZSA-2 Osłona"); the shape
# (Title or CamelCase, or 4-8 capitals) is checked in `_proper_word`.
_PROPER = re.compile(r"[ \u00a0](?P<word>[^\W\d_]{2,})(?![\w'’-])")
_NAME_GLUE = re.compile(r"(?P<sep>[-\u2010\u2011 \u00a0])(?P<word>[A-Z][a-z]+)\b")
_WORD_BEFORE = re.compile(r"(?P<word>[A-Z][\w’'-]*?)(?P<poss>['’]s)?[ \u00a0]$")
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"”’)]+[A-Z\"“‘(])|\n")


def extend_right(text: str, end: int, known: Known | None) -> int:
    """End of the written form: attached suffixes, blocks and versions, and the entry's own names."""
    if text[end - 1 : end].isdigit():
        match = _ATTACHED.match(text, end)
        if match is not None:
            end = match.end()
    elif text[end - 1 : end].isupper() and (match := _SLASH.match(text, end)) is not None:
        end = match.end()
    match = _HYPHEN_SUFFIX.match(text, end)
    if match is not None:
        end = match.end()
    while (match := _SPACED_SUFFIX.match(text, end)) is not None:
        end = match.end()
    end = _variant_letters(text, end)
    end = _national_suffix(text, end)
    category = known.entry.category if known else None
    if category in _VERSIONED or (known is None and not text[end - 1 : end].isdigit()):
        while (match := _VERSION.match(text, end)) is not None:
            end = match.end()
    if known is not None:
        end = _entry_names_after(text, end, known.entry)
        end = _standard_after(text, end, known.entry)
    return end


# "M1A1 FEP tanks": a variant's capital letters between a designator and the noun it names.
_VARIANT_LETTERS = re.compile(r"[ \u00a0](?P<word>[A-Z]{2,4})(?=[ \u00a0]+(?P<head>[a-z][a-z-]+?)(?:e?s)?\b)")


def _variant_letters(text: str, end: int) -> int:
    if not text[end - 1 : end].isalnum():
        return end
    match = _VARIANT_LETTERS.match(text, end)
    if match is None or match.group("head") not in HEAD_NOUNS:
        return end
    word = match.group("word")
    if word.lower() in HEAD_NOUNS or word in GENERIC_ACRONYMS:
        return end  # "MQ-9 UAV drones": letters that name a kind of thing are that thing
    return match.end("word")


# "Rafale F3R", "Typhoon FGR4": a standard label after an aircraft's or vehicle's word name. Alone
# ("the F4 standard") such a label names nothing. A bare letter ("Gripen E and F") is left to the
# register, which knows which letters are separate models.
_STANDARD = re.compile(r"[ \u00a0][A-Z]{1,3}\d{1,2}[A-Z]?(?![\w/'’-])")


def _standard_after(text: str, end: int, entry: RegisterEntry) -> int:
    """ "Rafale F3R", "Exocet MM40 Block 3": a standard label, and a block after it."""
    if not text[end - 1 : end].islower() or context_group(entry.category) not in ("air", "land", "missile"):
        return end
    match = _STANDARD.match(text, end)
    if match is None:
        return end
    end = match.end()
    while (suffix := _SPACED_SUFFIX.match(text, end)) is not None:
        end = suffix.end()
    return end


# "T-72M4 CZ", "Leopard 2A4 HU": a country code after a model marks one nation's version of it.
_COUNTRY_SUFFIX = re.compile(r"[ \u00a0](?P<cc>[A-Z]{2})(?=[ \u00a0]+[a-z]|[,.;:)]|$)")
# Codes that are also English words or common abbreviations in capitals.
_NOT_COUNTRY_SUFFIX = frozenset(
    "US IN IS NO IT AT BE TO ME MY AM AS DO GO SO ON OR OF AI AN".split()
)


def _national_suffix(text: str, end: int) -> int:
    if not (text[end - 1 : end].isdigit() or text[end - 1 : end].isupper()):
        return end
    match = _COUNTRY_SUFFIX.match(text, end)
    if match is None or match.group("cc") in _NOT_COUNTRY_SUFFIX:
        return end
    return match.end() if pycountry.countries.get(alpha_2=match.group("cc")) else end


def _entry_names_after(text: str, end: int, entry: RegisterEntry) -> int:
    """Extend over a name of the same entry written right after ("P-8A Poseidon", "M1A2 Abrams")."""
    for name in _word_names(entry):
        stop = end + 1 + len(name)
        if text[end : end + 1] in " \u00a0" and text[end + 1 : stop] == name:
            after = text[stop : stop + 2]
            if not after[:1].isalnum() or (after[:1] == "s" and not after[1:2].isalnum()):
                return stop
    return end


def _word_names(entry: RegisterEntry) -> list[str]:
    """Names of an entry written in words: "Poseidon" (from "P-8A Poseidon"), "Black Panther"."""
    names = _WORD_NAMES.get(entry.name)
    if names is None:
        found: dict[str, None] = {}
        for name in entry.all_names:
            words = name.split()
            while words and any(c.isdigit() for c in words[0]):
                words = words[1:]
            tail = " ".join(words)
            if len(tail) > 2 and not any(c.isdigit() for c in tail):
                found[tail] = None
        names = sorted(found, key=len, reverse=True)
        _WORD_NAMES[entry.name] = names
    return names


_WORD_NAMES: dict[str, list[str]] = {}


def _proper_word(word: str) -> bool:
    if word.isupper():
        return 4 <= len(word) <= 8
    return word[0].isupper() and word[1].islower()


def extend_proper(text: str, end: int) -> int:
    """Trailing proper names and a Title-Case head phrase after an unknown designator."""
    title = TITLE_HEAD.match(text, end)
    if title is not None:
        return title.end()
    for _ in range(2):
        match = _PROPER.match(text, end)
        if match is None:
            break
        word = match.group("word")
        if not _proper_word(word):
            break
        if word in STOP_WORDS or word in GENERIC_ACRONYMS or word.lower() in HEAD_NOUNS:
            break
        end = match.end()
        # "UH-1H Huey II", "DroneGun Mk 2": a mark or series number after the name belongs to it.
        if (mark := _MARK_AFTER.match(text, end)) is not None:
            end = mark.end()
    return end


_MARK_AFTER = re.compile(r"[ \u00a0](?:[IVX]{2,4}|Mk\.?[ \u00a0]?\d{1,2})(?![\w'’-])")


def maker_before(text: str, start: int) -> tuple[int, bool]:
    """Where the form starts once a maker is included, and whether a maker precedes at all.

    A possessive maker ("Kongsberg's Protector") is evidence but not part of the name.
    """
    lo = max(0, start - 32)
    match = MAKER_BEFORE.search(text[lo:start])
    if match is None:
        return start, False
    if match.group("poss"):
        return start, True
    return lo + match.start("maker"), True


def glued_to_name(text: str, end: int, spaced: bool) -> bool:
    """True when a word-name only starts a longer proper name ("Tor-Erik", and if `spaced` "Patriot Act")."""
    match = _NAME_GLUE.match(text, end)
    if match is None or (match.group("sep") not in "-\u2010\u2011" and not spaced):
        return False
    word = match.group("word")
    return word not in STOP_WORDS and word.lower() not in HEAD_NOUNS


def initials_fit(name: str, acronym: str) -> bool:
    """True when the acronym's capitals are, in order, initials of the name's capitalised words."""
    initials = "".join(w[0] for w in re.split(r"[\s/-]+", name) if w and w[0].isupper())
    letters = [c for c in acronym if c.isupper()]
    pos = 0
    for c in letters:
        pos = initials.find(c, pos) + 1
        if pos == 0:
            return False
    return len(letters) >= 2


def after_other_name(text: str, start: int) -> bool:
    """True when a capitalised word that is not a title, nationality or maker comes right before
    ("Selçuk Bayraktar", "Volt Typhoon"): the name is part of someone else's."""
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if match is None:
        return False
    word = match.group("word")
    if match.group("poss") or word in STOP_WORDS or word in DEMONYMS or word in GENERIC_ACRONYMS:
        return False
    if re.search(r"[-\u2010\u2011][a-z]+$", word):
        return False  # "Australian-built", "Iranian-made": an adjective, not part of a name
    if word in ORG_ACRONYMS or word in MAKERS or word.isupper():
        return False
    return (
        _SENTENCE_END.search(text, max(0, match.start() - 2), match.start()) is None
        and match.start() > 0
    )


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around [start, end), at most 320 characters either side."""
    lo = max(0, start - 320)
    left = lo
    for match in _SENTENCE_END.finditer(text, lo, start):
        left = match.end()
    match = _SENTENCE_END.search(text, end, min(len(text), end + 320))
    right = match.start() + 1 if match else min(len(text), end + 320)
    return left, right


def has_context(text: str, start: int, end: int, category: str | None) -> bool:
    """True when the sentence around a mention talks about the kind of thing the system is."""
    left, right = sentence(text, start, end)
    window = text[left:start] + " " + text[end:right]
    if category is None:
        return ANY_CONTEXT.search(window) is not None
    group = context_group(category)
    if CONTEXT[group].search(window) is not None:
        return True
    return group in HARDWARE_GROUPS and HARDWARE.search(window) is not None


def head_category(text: str, end: int) -> str | None:
    """Category implied by a head noun right after a mention ("... engagement radars")."""
    match = HEAD_AFTER.match(text, end)
    if match is None:
        return None
    return HEAD_NOUNS[match.group("head").lower()]


def appositive_category(text: str, end: int) -> str | None:
    """Category an appositive gives a mention ("the NDX-40, a containerised cooling module")."""
    match = APPOSITIVE_HEAD.match(text, end)
    return HEAD_NOUNS[match.group("head").lower()] if match else None


_CIVIL_HEADS = frozenset(
    {"airliner", "jetliner", "passenger jet", "passenger plane", "business jet"}
)


def civil_head(text: str, end: int) -> bool:
    """True when the head noun after a mention names a civil airliner ("737 MAX airliner")."""
    match = HEAD_AFTER.match(text, end)
    return match is not None and match.group("head").lower() in _CIVIL_HEADS


def sentence_category(text: str, start: int, end: int) -> str | None:
    """Category from the head noun nearest to a mention in its sentence, if any."""
    left, right = sentence(text, start, end)
    window = text[left:right].lower()
    best: tuple[int, str] | None = None
    for match in _HEAD_WORD.finditer(window):
        at = left + match.start()
        if start <= at < end:
            continue
        distance = abs(at - start)
        category = HEAD_NOUNS[match.group(1).lower()]
        if category in ("system", "AI model", "software", "defence programme", "vehicle", "vessel"):
            continue
        if best is None or distance < best[0]:
            best = (distance, category)
    return best[1] if best else None


_HEAD_WORD = re.compile(
    r"\b("
    + "|".join(re.escape(h) for h in sorted(HEAD_NOUNS, key=len, reverse=True))
    + r")(?:e?s)?\b"
)
