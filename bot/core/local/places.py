"""Whether a name is used as a place: a capital as its government, or a town the model took for a name."""

from __future__ import annotations

import re

from bot.core.local import orgs
from bot.core.local.clusters import Cluster
from bot.core.local.gazetteer import is_town
from bot.core.local.mentions import Mention

# Words before a capital that make it a place, not a government ("talks in Ankara").
_LOCATIVE = frozenset(
    "in at from to near outside inside into via across around toward towards visit visited visiting "
    "visits flew arrived returned based".split()
)
_PERSON_PLACE_WORDS = frozenset({"in", "near", "inside", "into", "outside", "along", "across"})
PLACE_PREPOSITIONS = frozenset(
    "in at from near outside inside into to along across over around toward towards through via off "
    "beyond within".split()
)
WORKS_AFTER = re.compile(r"\s+(?:plant|plants|factory|factories|shipyard|works|facility|yard|assembly\s+line)\b")
_SENTENCE_END = re.compile(r"[.!?:\"\u201d\u2019')]$")


def is_metonym(text: str, m: Mention) -> bool:
    """True when a capital stands for its government ("Ankara has been marketing...")."""
    if m.text.isupper() and len(m.text) > 3:
        return False  # a dateline ("WASHINGTON, Thursday")
    if re.match(r"^-based\b", text[m.end : m.end + 7]):
        return False
    before = text[max(0, m.start - 20) : m.start].split()
    return not (before and before[-1].lower().strip(",") in _LOCATIVE)


# First words of place names that no one's given name takes.
_PLACE_PARTICLES = frozenset("São San Santa Santo Santiago Saint St. Sankt Sainte Los Las Puerto Porto Port Fort".split())


def only_a_place(cluster: Cluster, text: str) -> bool:
    """Named only after "in", "near", "along the" or only in headings: a place, or page furniture."""
    if cluster.country is not None:
        return len(cluster.mentions) == 1 and after_preposition(text, cluster.mentions[0], {"in"})
    if all(in_heading(text, m.start) for m in cluster.mentions):
        return True
    if orgs.has_org_head(cluster.full_name) or cluster.full_name.isupper():
        return False
    if any(WORKS_AFTER.match(text, m.end) for m in cluster.mentions):
        return False  # "the Bumar-Łabędy plant": a company that owns a plant
    if not cluster.person_like and any(m.appositive is not None for m in cluster.mentions):
        return False  # "belonged to Varda Savunma, a three-year-old company": described, so it acts
    if not cluster.person_like and is_town(cluster.full_name):
        return True  # "between Espoo and Tallinn", "the Bergen firm": a town the model took for a name
    if cluster.person_like:
        if any(m.title or m.appositive for m in cluster.mentions):
            return False
        if cluster.full_name.split()[0] in _PLACE_PARTICLES and is_town(cluster.full_name):
            return True  # "São Paulo", "San Cristóbal" tagged as people: towns by their first word
        words = _PERSON_PLACE_WORDS
    else:
        words = PLACE_PREPOSITIONS if len(cluster.full_name.split()) == 1 else PLACE_PREPOSITIONS - {"at"}
    return all(in_heading(text, m.start) or after_preposition(text, m, words) for m in cluster.mentions)


def after_preposition(text: str, m: Mention, words: frozenset[str] | set[str]) -> bool:
    """True when a place preposition governs the mention, also through a list ("in Beijing and X")."""
    if text.startswith(("'s", "\u2019s"), m.end):
        return False  # "NATO's command system": an owner, not a place
    before = text[max(0, m.start - 60) : m.start].split()
    for _ in range(3):
        if before and before[-1] in {"the", "The"}:
            before = before[:-1]
        if not before:
            return False
        word = before[-1].strip("\"\u201c\u2018'(").lower()
        if word in words:
            return True
        if word not in {"and", "or"} and not word.endswith(","):
            return False
        # Step over one coordinated name: "in Beijing and Hangzhou", "in Gliwice, Radom".
        before = before[:-1] if word in {"and", "or"} else before
        if not before or not before[-1].rstrip(",")[:1].isupper():
            return False
        before = before[:-1]
    return False


def in_heading(text: str, pos: int) -> bool:
    """True when `pos` lies early in a heading line."""
    line_start = text.rfind("\n", 0, pos) + 1
    return is_heading(text, line_start) and len(text[line_start:pos].split()) < 12


def is_heading(text: str, line_start: int) -> bool:
    """A line that does not end like a sentence: a headline, subhead or caption label."""
    end = text.find("\n", line_start)
    line = text[line_start : end if end >= 0 else len(text)].rstrip()
    return not _SENTENCE_END.search(line)
