"""Named ships: a navy prefix ("HNLMS Tromp (F803)") or a ship-type noun ("the tanker Svetla Marin")."""

from __future__ import annotations

import re

from bot.core.local.register import is_country_name
from bot.core.local.system_lexicon import DEMONYMS, HEAD_NOUNS, STOP_WORDS
from bot.core.local.system_mentions import Mention, sentence

_SHIP_PREFIXES = (
    "USS USNS USCGC HMS HMAS HMCS HMNZS INS JS BRP ROKS PNS TCG FS ITS ESPS HNLMS HDMS KNM HNoMS HSwMS FGS "
    "ORP NRP BNS KRI RSS HTMS KD ARA BAP CNS RFS ROCS SLNS NS ENS EML KDB FNS LVNS CCGS "
    "Zr.Ms. Hr.Ms."  # the Dutch navy's own "Zr.Ms."/"Hr.Ms." forms
).split()
# Prefixes that are also everyday abbreviations ("HS" codes, "MV" for megavolts): a ship only in a
# sentence about ships or the sea.
_WEAK_PREFIXES = "HS SPS MV MT LÉ".split()
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]\.)"
_NAME = (
    rf"{_NAME_WORD}(?:[ \u00a0](?:(?:of|de|del|da|la|the|der|van)[ \u00a0])?{_NAME_WORD}){{0,3}}"
)
SHIP = re.compile(
    rf"(?<![\w-])(?P<prefix>{'|'.join(map(re.escape, _SHIP_PREFIXES + _WEAK_PREFIXES))})[ \u00a0](?P<name>{_NAME})"
    r"(?:[ \u00a0]?\((?P<hull>[A-Z]{1,4}[-\u2010\u2011 \u00a0]?\d{1,4}[A-Z]?)\))?"
)
_SEA_WORDS = re.compile(
    r"\b(?:ships?|vessels?|frigates?|destroyers?|corvettes?|submarines?|warships?|tankers?|freighters?|"
    r"navy|naval|sail(?:ed|ing|ors?)?|port|harbou?r|crew|aboard|boarded|escort(?:ed|s)?|sea|strait|coast(?:guard)?s?|"
    r"maritime|fleet|docked|anchored|seized)\b",
    re.IGNORECASE,
)
_SHIP_KINDS = (
    ("helicopter destroyer", "destroyer"), ("destroyer", "destroyer"), ("frigate", "frigate"),
    ("corvette", "corvette"), ("submarine", "submarine"), ("aircraft carrier", "aircraft carrier"),
    ("carrier", "aircraft carrier"), ("cruiser", "cruiser"), ("amphibious", "amphibious ship"),
    ("landing", "amphibious ship"), ("patrol", "patrol vessel"),
)  # fmt: skip
# A ship-type noun and the ship's name right after it ("the frigate Almirante Reyes", "aboard the
# corvette Tarvo Lind"). Civilian hulls count: a seized tanker is a platform the story is about.
_KIND_NOUNS = {
    "frigate": "frigate", "destroyer": "destroyer", "corvette": "corvette", "cruiser": "cruiser",
    "submarine": "submarine", "aircraft carrier": "aircraft carrier", "warship": "warship",
    "patrol boat": "patrol vessel", "patrol vessel": "patrol vessel", "patrol ship": "patrol vessel",
    "minehunter": "warship", "minesweeper": "warship", "icebreaker": "warship",
    "landing ship": "amphibious ship", "assault ship": "amphibious ship", "flagship": "warship",
    "tanker": "vessel", "oil tanker": "vessel", "freighter": "vessel", "cargo ship": "vessel",
    "container ship": "vessel", "bulk carrier": "vessel", "research vessel": "vessel",
    "survey ship": "vessel", "spy ship": "vessel", "supply ship": "vessel", "oiler": "vessel",
    "vessel": "vessel", "ship": "vessel",
}  # fmt: skip
_NAMED_AFTER_KIND = re.compile(
    r"(?<![\w-])(?P<kind>"
    + "|".join(re.escape(k) for k in sorted(_KIND_NOUNS, key=len, reverse=True))
    + rf")[ \u00a0](?P<name>{_NAME})"
)
# "to ship Patriot batteries", "will ship Leopards": the noun is a verb there.
_VERB_BEFORE = re.compile(
    r"\b(?:to|will|would|could|can|may|must|not|n't|and|or|did|does|do)[ \u00a0]$"
)
# Words that follow a ship noun but name no ship: crews, places, dates, flags.
_NOT_SHIP_NAMES = frozenset(
    "Captain Commander Operation Exercise Programme Program Project Class Type Mk Mark Block".split()
)
# "rotate through HMAS Stirling", "at HMS Excellent": navies commission shore bases with ship
# prefixes, and a place preposition before the name marks the base, not a ship.
_AT_SHORE = re.compile(r"\b(?:at|through|near|outside|inside|via)[ \u00a0]$", re.IGNORECASE)


def find_ships(text: str) -> list[Mention]:
    """Named ships ("USS Dewey (DDG-105)"), with the hull number as an alias, and "the Dewey" after."""
    out: list[Mention] = []
    matches = list(SHIP.finditer(text))
    # A weak prefix is a ship when its sentence is about the sea or a surely named ship is nearby.
    naval = any(m.group("prefix") not in _WEAK_PREFIXES for m in matches)
    for match in matches:
        name = trim_name(match.group("name"))
        if not name or _AT_SHORE.search(text, max(0, match.start() - 10), match.start()):
            continue
        weak = match.group("prefix") in _WEAK_PREFIXES
        if weak and not naval and not _at_sea(text, match.start(), match.end()):
            continue
        end = match.start("name") + len(name)
        aliases = (
            [match.group("hull")]
            if match.group("hull") and end == match.start("name") + len(match.group("name"))
            else []
        )
        key = "ship:" + name
        kind = _ship_kind(text, match.start(), match.end())
        out.append(
            Mention.at(match.start(), end, key, category=kind, confirmed=True, aliases=aliases)
        )
        if aliases:
            out.append(Mention.at(*match.span("hull"), key, category=kind, confirmed=True))
        out.extend(_later_ship_mentions(text, name, key, end))
    return out + find_named_after_kind(text)


def find_named_after_kind(text: str) -> list[Mention]:
    """Ships named right after a ship-type noun ("the tanker Svetla Marin", "the frigate Almirante Reyes")."""
    out: list[Mention] = []
    for match in _NAMED_AFTER_KIND.finditer(text):
        name = trim_name(match.group("name"))
        words = name.split()
        if not words or any(c.isdigit() for c in name) or _not_a_ship_name(words):
            continue
        if _VERB_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue
        if re.match(r"[-\u2010\u2011 \u00a0]class\b", text[match.start("name") + len(name) :]):
            continue
        start = match.start("name")
        key = "ship:" + name
        kind = _KIND_NOUNS[match.group("kind")]
        out.append(Mention.at(start, start + len(name), key, category=kind, confirmed=True))
        out.extend(_later_ship_mentions(text, name, key, start + len(name)))
    return out


def _not_a_ship_name(words: list[str]) -> bool:
    first = words[0]
    if first in STOP_WORDS or first in DEMONYMS or first in _NOT_SHIP_NAMES or first.isupper():
        return True
    return is_country_name(" ".join(words)) or first in _SHIP_PREFIXES or first in _WEAK_PREFIXES


def _at_sea(text: str, start: int, end: int) -> bool:
    left, right = sentence(text, start, end)
    return _SEA_WORDS.search(text[left:start] + " " + text[end:right]) is not None


def trim_name(name: str) -> str:
    """A captured name without a sentence full stop and trailing stop words or head nouns."""
    if name.endswith(".") and not re.search(r"(?:^|[ \u00a0])[A-Z]\.$", name):
        name = name[:-1]  # a sentence full stop, not an initial ("USS John F.")
    name = re.sub(r"['’]s?$", "", name)  # a possessive ("the Tromp's crew")
    words = name.split()
    while words and (words[-1] in STOP_WORDS or words[-1].lower() in HEAD_NOUNS):
        words.pop()
    return " ".join(words)


def _ship_kind(text: str, start: int, end: int) -> str:
    for window in (text[max(0, start - 48) : start].lower(), text[end : end + 40].lower()):
        for word, kind in _SHIP_KINDS:
            if word in window:
                return kind
    return "warship"


def _later_ship_mentions(text: str, name: str, key: str, after: int) -> list[Mention]:
    last = name.split()[-1]
    if len(last) < 3 or last in STOP_WORDS:
        return []
    pattern = re.compile(
        rf"(?<=\b[Tt]he )(?:{re.escape(name)}|{re.escape(last)})\b(?![-\u2010\u2011]class)"
    )
    return [
        Mention.at(m.start(), m.end(), key, confirmed=True) for m in pattern.finditer(text, after)
    ]
