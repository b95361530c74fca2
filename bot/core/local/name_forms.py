"""Comparison forms of names: folded spellings, organisation signatures, initials and genders.

"Russia's defence ministry" and "the Ministry of Defence" share a signature; "JCS" matches the
capitals of "Joint Chiefs of Staff"; "Oleg Tkachenko" fits an actor "Oleh Tkachenko" through an
alias that shares a word with the actor's name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.core.models import Actor

_SPACES_RE = re.compile(r"\s+")
_WORD_SPLIT_RE = re.compile(r"[\s\-]+")
_PARENS_RE = re.compile(r"\s*\([^)]*\)")
_OWNER_RE = re.compile(r"^(?:the )?(?:[\w\-. ]+'s? )?")
_ADJ_MINISTRY_RE = re.compile(r"([\w\-]+) (ministry|department|office)")
_APPOSITIVE_ROLE_RE = re.compile(r"^(?:an?|the)\s+", re.I)
_AFFILIATION_RE = re.compile(r"\s(?:at|of|with|for)\s+(?:the\s+)?(?=[A-Z])")
_GENDER_WORDS = {"spokesman": "m", "chairman": "m", "congressman": "m", "mr": "m", "spokeswoman": "f",
                 "chairwoman": "f", "congresswoman": "f", "mrs": "f", "ms": "f"}  # fmt: skip


@lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """Comparison form: no accents, curly quotes straightened, lower case, single spaces."""
    s = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return _SPACES_RE.sub(" ", s).strip(" .,")


@lru_cache(maxsize=4096)
def org_signature(name: str) -> str:
    """ "Russia's defence ministry" and "the Ministry of Defence" share one signature."""
    s = fold(_PARENS_RE.sub("", name))
    if "'" in s.split(" ")[0] or s.startswith("the "):
        s = _OWNER_RE.sub("", s)
    s = s.replace("defense", "defence")
    m = _ADJ_MINISTRY_RE.fullmatch(s)
    return f"{m.group(2)} of {m.group(1)}" if m else s


@lru_cache(maxsize=8192)
def name_words(name: str) -> frozenset[str]:
    """The folded words of a name."""
    return frozenset(fold(name).split())


def initials_match(a: str, b: str) -> bool:
    """ "JCS" and "Joint Chiefs of Staff": an acronym and the capitals of a longer name."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if not (short.isupper() and 2 <= len(short) <= 8 and " " not in short):
        return False
    capitals = "".join(w[0] for w in _WORD_SPLIT_RE.split(long) if w[:1].isupper())
    return capitals == short.replace(".", "")


def same_person(name: str, actor: Actor) -> bool:
    """Whether a written name fits an actor: its name or an alias sharing a word with that name."""
    words, own = name_words(name), name_words(actor.name)
    if words <= own or own <= words:
        return True
    return any(words <= name_words(a) and name_words(a) & own for a in actor.aliases)


# Letters that transliterations swap ("Danyliuk" / "Danylyuk", "Oleh" / "Oleg").
_SWAPPABLE = frozenset("aeiouyjhgk")
_MIN_VARIANT_LEN = 6


def spelling_variant(a: str, b: str) -> bool:
    """Whether two surnames are one name transliterated two ways: one swapped vowel-like letter."""
    a, b = fold(a), fold(b)
    if a == b or len(a) != len(b) or len(a) < _MIN_VARIANT_LEN or a[0] != b[0]:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and diff[0][0] in _SWAPPABLE and diff[0][1] in _SWAPPABLE


def gender_of(role: str | None) -> str | None:
    """ "m" or "f" when a title gives it away ("spokeswoman", "Mr"), else None."""
    if not role:
        return None
    for word in fold(role).replace(".", "").split():
        if word in _GENDER_WORDS:
            return _GENDER_WORDS[word]
    return None


def appositive_role(appositive: str | None) -> tuple[str | None, str | None]:
    """(role, affiliation) from "a senior fellow at the Harcourt Institute in Oslo"."""
    if (
        not appositive
        or appositive[:1] in "\u201c\"'"
        or re.match(r"(?:who|whom|whose|which|\d+\b)", appositive)
    ):
        return None, None  # a relative clause or an age ("Jane Roe, 54, said") is no role
    text = re.split(r"\s(?:who|whom|whose|which|that)\s", appositive, maxsplit=1)[0]
    text = _APPOSITIVE_ROLE_RE.sub("", text).strip(" ,.")
    m = _AFFILIATION_RE.search(text)
    if m:
        role, org = text[: m.start()], text[m.end() :]
        org = re.split(r"\s(?:in|near|based in)\s", org, maxsplit=1)[0]
        return (role.strip() or None), (org.strip(" ,.") or None)
    owner = re.match(r"([A-Z][\w\-.&]*(?:\s+[A-Z][\w\-.&]*)*)['\u2019]s\s+(.+)", text)
    if owner:
        return owner.group(2), owner.group(1)
    return (text or None), None
