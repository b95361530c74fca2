"""Screening entity mentions: which can name an actor, and what their surroundings say about it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from bot.core.local import orgs, press
from bot.core.local.analysis import Analysis
from bot.core.local.countries import CountryIndex, country_index, fold
from bot.core.local.mentions import Mention, entity_words
from bot.core.local.places import WORKS_AFTER, is_heading
from bot.core.local.roles import (
    PERSON_ROLE_NOUNS,
    affiliation_after,
    appositive_after,
    appositive_before,
    title_before,
)
from bot.core.models import System

_AGENTIVE_AFTER = re.compile(
    r"(?:'s|\u2019s)?,?\s+(?:said|says|declined|announced|confirmed|denied|agreed|signed|won|"
    r"awarded|unveiled|launched|expects|plans|warned|accused|insists|argued|did\s+not|does\s+not|"
    r"has\s+not|had\s+not|told|added|responded|replied|reported)\b"
)
_MODIFIER_OF_ROLE = re.compile(r"\s+(?:[a-z-]+\s+)?(?:" + "|".join(sorted(PERSON_ROLE_NOUNS)) + r")\b")
_COMPOUND_AFTER = re.compile(r"-(?:based|made|built|designed|owned|run|led|backed|linked|style|class|type)\b")
_CAPITALISED_RUN = re.compile(r"(?:'s|\u2019s)?(?:\s+(?:of|for|and|the|on|to|[A-Z][\w-]*)){1,6}")
_CHANNEL_BEFORE = re.compile(r"\b(?:post|posts|posted|wrote|writing|statement|channel|account|video|message)\s+(?:\w+\s+)?on\s+$")
_OWNER_BEFORE = re.compile(r"(?P<owner>[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2})(?:'s|\u2019s)[ \t]+$")
_WHO_AFTER = re.compile(r",\s+who\s")
_MAKER_PREFIX = re.compile(r"\s+[A-Za-z]{0,6}-?\d")
_SECTION_BREAK = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)][ \t]+\S|[\u2022*][ \t]+\S|#{1,3}[ \t]+\S|(?:\*{3,}|-{3,}|_{3,})[ \t]*$)",
    re.MULTILINE,
)
STRONG = frozenset({"PERSON", "ORG"})
_INSTITUTIONS = frozenset({"congress", "parliament", "senate"})


@dataclass(slots=True)
class Context:
    """What every filter and merge step needs to know about one article."""

    text: str
    index: CountryIndex
    sections: list[int]
    system_spans: list[tuple[int, int]]
    system_names: frozenset[str]
    carriers: set[str]
    bylines: list[tuple[int, int, set[str]]]
    names_in_entities: frozenset[str]

    def section(self, pos: int) -> int:
        """Index of the digest section holding `pos` (0 for an ordinary article)."""
        return bisect.bisect_right(self.sections, pos)

    def overlaps_system(self, m: Mention) -> bool:
        """True when the mention is (part of) a system the systems extractor found."""
        key = fold(m.text)
        if key in self.system_names or (key.endswith("s") and key[:-1] in self.system_names):
            return True
        i = bisect.bisect_left(self.system_spans, (m.end, m.end))
        return any(s < m.end and m.start < e for s, e in self.system_spans[max(0, i - 8) : i])


def build_context(analysis: Analysis, systems: list[System]) -> Context:
    """Everything the screening and merging steps read, computed once per article."""
    text = analysis.text
    spans = sorted((s.start, s.end) for sys in systems for s in sys.mentions)
    names = frozenset(fold(n) for sys in systems for n in [sys.name, *sys.aliases] if n)
    # A digest item starts at a numbered or bulleted heading (a list item that is a sentence does not).
    sections = [m.start() for m in _SECTION_BREAK.finditer(text) if is_heading(text, m.start())]
    return Context(
        text=text,
        index=country_index(),
        sections=sections,
        system_spans=spans,
        system_names=names,
        carriers=press.carrier_names(text),
        bylines=press.byline_lines(text),
        names_in_entities=entity_words(analysis.doc),
    )


def keep(m: Mention, ctx: Context) -> bool:
    """False for mentions that are systems, designators, generic nouns or page furniture."""
    text = m.text
    if len(text) < 2 or not text[0].isalpha() or ctx.overlaps_system(m):
        return False
    if ctx.index.by_name(text) or ctx.index.by_capital(text):
        return True
    if ctx.index.by_demonym(text):
        return False  # "Pakistani" describes; the country itself is named elsewhere if it acts
    if orgs.designator_shaped(text) or orgs.is_generic(text) or orgs.ends_like_non_actor(text):
        return False
    if m.label not in {"GPE", "NORP"} and _MAKER_PREFIX.match(ctx.text, m.end):
        return False  # "Nvidia H100", "PAC MFI-17": a maker's name inside a system's name
    if orgs.opens_like_place(text) or _COMPOUND_AFTER.match(ctx.text, m.end):
        return False  # "Base Amberley"; "Blackwell-based products"
    tail = _CAPITALISED_RUN.match(ctx.text, m.end)
    if tail and orgs.ends_like_non_actor(tail.group(0)):
        return False  # "Countering America's Adversaries Through Sanctions Act"
    if _CHANNEL_BEFORE.search(ctx.text, max(0, m.start - 40), m.start):
        return False  # "said in a post on Telegram": where it was said, not who
    return m.label != "PRODUCT"


def inside_title(m: Mention, titles: list[tuple[int, int]], ctx: Context) -> bool:
    """A lone word inside someone's title ("... for Terrorism and Financial Intelligence NAME")."""
    if len(m.words) > 1 or m.text.isupper() or ctx.index.by_name(m.text) or ctx.index.by_capital(m.text):
        return False
    if _MODIFIER_OF_ROLE.match(ctx.text, m.end) and ctx.text[max(0, m.start - 4) : m.start].lower() == "the ":
        return True  # "the Innsbruck researcher": a place describing a person
    return any(a <= m.start and m.end <= b for a, b in titles)


def read_context(m: Mention, ctx: Context) -> None:
    """Attach the title before and the appositive after (or before) the mention."""
    if m.label == "NORP" or ctx.index.by_name(m.text) or ctx.index.by_capital(m.text):
        return
    if m.title is None:
        m.title = title_before(ctx.text, m.start, ctx.names_in_entities)
    m.appositive = appositive_after(ctx.text, m.end) or appositive_before(ctx.text, m.start)
    if m.label == "PERSON" and m.appositive is None:
        m.affiliation = affiliation_after(ctx.text, m.end)
    owner = _OWNER_BEFORE.search(ctx.text, max(0, m.start - 40), m.start)
    if owner and m.affiliation is None:
        country = ctx.index.by_name(owner.group("owner"))
        m.affiliation = country.name if country else None
    if _WHO_AFTER.match(ctx.text, m.end) and len(m.words) > 1:
        m.notes.add("who")
    if press.is_carrier_mention(ctx.text, m.start, m.end, m.text):
        m.notes.add("carrier")


def stands_alone(m: Mention, ctx: Context) -> bool:
    """Whether an unmerged short or weakly tagged mention is an actor on its own."""
    text = m.text
    if m.label not in STRONG:
        appositive_org = m.appositive is not None and not m.appositive.person
        works = WORKS_AFTER.match(ctx.text, m.end)  # "the Bumar-Łabędy plant": a company's plant
        return bool(appositive_org or works or _AGENTIVE_AFTER.match(ctx.text, m.end)) and m.label != "NORP"
    if text.isupper() and text.replace(".", "").isalpha():
        return text in orgs.KNOWN_ORG_ACRONYMS  # an acronym nobody spelled out
    if len(m.words) == 1 and text.lower() in orgs.ORG_HEADS and text.lower() not in _INSTITUTIONS:
        return False  # "the Army", "the Commission": only as a short form of a full name
    line_start = ctx.text.rfind("\n", 0, m.start) + 1
    return not (m.start == line_start and len(m.words) == 1 and is_heading(ctx.text, line_start))
