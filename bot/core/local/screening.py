"""Screening entity mentions: which can name an actor, and what their surroundings say about it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from bot.core.local import orgs, press
from bot.core.local.analysis import Analysis
from bot.core.local.countries import CountryIndex, country_index, fold
from bot.core.local.mentions import BULLETS, Mention, entity_words
from bot.core.local.places import PLACE_PREPOSITIONS, WORKS_AFTER, is_heading
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
_ROLE_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(PERSON_ROLE_NOUNS)) + r")s?\b")
_MODIFIER_OF_ROLE = re.compile(r"\s+(?:[a-z-]+\s+)?(?:" + "|".join(sorted(PERSON_ROLE_NOUNS)) + r")\b")
_COMPOUND_AFTER = re.compile(r"-(?:based|made|built|designed|owned|run|led|backed|linked|style|class|type)\b")
_CAPITALISED_RUN = re.compile(r"(?:'s|\u2019s)?(?:\s+(?:of|for|and|the|on|to|[A-Z][\w-]*)){1,6}")
_CHANNEL_BEFORE = re.compile(r"\b(?:post|posts|posted|wrote|writing|statement|channel|account|video|message)\s+(?:\w+\s+)?on\s+$")
_OWNER_BEFORE = re.compile(orgs.OWNER_BEFORE + "$")
_WHO_AFTER = re.compile(r",\s+who\s")
_MAKER_PREFIX = re.compile(r"\s+[A-Za-z]{0,6}-?\d")
_SECTION_BREAK = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)][ \t]+\S|[\u2022*][ \t]+\S|#{1,3}[ \t]+\S|(?:\*{3,}|-{3,}|_{3,})[ \t]*$)",
    re.MULTILINE,
)
# Nouns for weapons and platforms: "Serval light armoured vehicles", "Collins boats" name a product.
_PRODUCT_NOUNS = (
    r"systems?|missiles?|rockets?|drones?|vehicles?|boats?|ships?|submarines?|frigates?|destroyers?|"
    r"corvettes?|tanks?|fighters?|jets?|aircraft|helicopters?|radars?|launchers?|interceptors?|"
    r"munitions?|howitzers?|guns?|rifles?|satellites?|airframes?"
)
_PRODUCT_AFTER = re.compile(r"(?:\s+[a-z][a-z-]*){0,3}?\s+(?:" + _PRODUCT_NOUNS + r")\b")
_LOWER_RUN = re.compile(r"\s+[a-z][a-z-]*")
_SUBJECT_VERB_TAGS = frozenset({"VBD", "VBZ", "MD"})
_MODIFIER_TAGS = frozenset({"JJ", "NN", "NNS", "VBN", "HYPH", "JJR", "JJS"})
_INDEFINITE_BEFORE = re.compile(r"(?:^|(?<=\s))(?:a|an|A|An)\s+$")
_OPEN_QUOTES = frozenset("\"'\u2018\u201c")
_CLOSE_QUOTES = frozenset("\"'\u2019\u201d")
# "the city of X", "the plant of X": a place named after its kind.
_PLACE_OF = re.compile(
    r"\b(?:city|town|village|port|plant|factory|district|province|region|island|municipality|"
    r"capital|outskirts|suburb|area)\s+of\s+(?:the\s+)?$"
)
# "air base", "airport": the name of a facility, not of whoever runs it.
_FACILITY_AFTER = re.compile(
    r"\s+(?:(?:air|naval|military|army|navy|marine|missile)\s+)?(?:base|airbase|airport|airfield|"
    r"barracks|garrison|cantonment|harbou?r|dockyard)\b"
)
_OWNED_PLACE = re.compile(r"(?:'s|\u2019s)\s+$")
# "minister for Strategic Affairs": the portfolio in a title, not an organisation.
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:minister|secretary|commissioner|undersecretary|under-secretary|secretary-general)\s+"
    r"(?:for|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
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
    doc: Doc
    starts: Sequence[int] | None = None

    def tag_at(self, pos: int) -> str:
        """The part-of-speech tag of the token starting at `pos` (or after the spaces there)."""
        while pos < len(self.text) and self.text[pos] in " \t":
            pos += 1
        if self.starts is None:  # built on first use: most articles never ask
            self.starts = self.doc.to_array("IDX").tolist() if len(self.doc) else []
        i = bisect.bisect_left(self.starts, pos)
        return self.doc[i].tag_ if i < len(self.starts) and self.starts[i] == pos else ""

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


def _name_after_designator(name: str) -> str | None:
    """ "Havørn" in "HS-40 Havørn", "Tuo Chiang" in "Tuo Chiang-class": a system's word name, which
    alone still names the system (a class's lead ship)."""
    for suffix in ("-class", "\u2011class", " class"):
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            return name[: -len(suffix)]
    first, _, rest = name.partition(" ")
    if rest and any(c.isdigit() for c in first) and not any(c.isdigit() for c in rest):
        return rest
    return None


def build_context(analysis: Analysis, systems: list[System]) -> Context:
    """Everything the screening and merging steps read, computed once per article."""
    text = analysis.text
    spans = sorted((s.start, s.end) for sys in systems for s in sys.mentions)
    written = [n for sys in systems for n in [sys.name, *sys.aliases] if n]
    names = frozenset(fold(n) for n in [*written, *filter(None, map(_name_after_designator, written))])
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
        doc=analysis.doc,
    )


def keep(m: Mention, ctx: Context) -> bool:
    """False for mentions that are systems, designators, generic nouns or page furniture."""
    text = m.text
    if len(text) < 2 or not text[0].isalpha() or ctx.overlaps_system(m):
        return False
    if ": " in text or "[" in text or "]" in text:
        return False  # "Credit: Land Review / J. Roe]": a caption's label ran into the name
    if ctx.index.by_name(text) or ctx.index.by_capital(text):
        return True
    if len(m.words) == 1 and ctx.tag_at(m.start) in ("NN", "NNS") and _LINE_OPENING.search(ctx.text, max(0, m.start - 4), m.start):
        return False  # "• Ferries to Yeonpyeong are suspended": capitalised only by its place in the line
    if ctx.index.by_demonym(text) or _REGIONAL_ADJECTIVE.fullmatch(text):
        return False  # "Pakistani", "Southeast Asian" describe; who acts is named elsewhere
    if orgs.designator_shaped(text) and not _company_with_digits(m, ctx):
        return False
    if orgs.is_generic(text) or orgs.ends_like_non_actor(text):
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
    if _used_as_a_word(m, ctx.text) and not _ROLE_AFTER.match(ctx.text, m.end):
        return False  # "a Queens distributor" is a place as a word; "a Baykar executive" an employer
    return m.label != "PRODUCT" and not _place_or_thing(m, ctx)


def _used_as_a_word(m: Mention, text: str) -> bool:
    """ "from a PowerPoint", "a Queens distributor", "'Aatmanirbharta'": a name used as a common noun."""
    one_word = len(m.words) == 1 and not m.text.isupper()  # "a NATO official": NATO still acts
    if one_word and _INDEFINITE_BEFORE.search(text, max(0, m.start - 4), m.start):
        return True
    before = text[m.start - 1 : m.start] if m.start else ""
    return before in _OPEN_QUOTES and text[m.end : m.end + 1] in _CLOSE_QUOTES


def _place_or_thing(m: Mention, ctx: Context) -> bool:
    """A product, a place, a title's portfolio or a programme, told by its shape and surroundings."""
    text = ctx.text
    window = text[max(0, m.start - 40) : m.start]
    if m.label not in {"PERSON", "GPE"} and _programme_shaped(m.words):
        return True  # "Transfer of Technology", "Acceptance of Necessity"
    if not orgs.has_org_head(m.text):
        if _modifies_a_product(m, ctx) or _FACILITY_AFTER.match(text, m.end):
            return True  # "Serval light armoured vehicles", "Roesmin Nurjadin air base"
        if " of" in window[-8:] or " for" in window[-9:]:
            if _PLACE_OF.search(window) or _PORTFOLIO_BEFORE.search(window):
                return True  # "the plant of Gavião Peixoto", "minister for Strategic Affairs"
    return m.label == "GPE" and bool(_OWNED_PLACE.search(window)) and bool(WORKS_AFTER.match(text, m.end))


def _modifies_a_product(m: Mention, ctx: Context) -> bool:
    """The name sits before a weapon noun, with only adjectives or nouns between ("X light tanks")."""
    match = _PRODUCT_AFTER.match(ctx.text, m.end)
    if not match:
        return False
    pos = m.end
    while True:
        word = _LOWER_RUN.match(ctx.text, pos, match.end())
        if word is None or word.end() == match.end():
            return True
        if ctx.tag_at(word.start()) not in _MODIFIER_TAGS:
            return False  # "X said the submarines": a verb between, so X is not a modifier
        pos = word.end()


def _programme_shaped(words: list[str]) -> bool:
    """ "Noun of Noun" whose first noun is no organisation head: a procedure or programme's name."""
    if len(words) != 3 or words[1] != "of" or words[0].lower() in orgs.ORG_HEADS:
        return False
    if words[0] in {"House", "Chamber", "Friends", "Bank", "Voice"}:
        return False
    return all(w[:1].isupper() and not w.isupper() for w in (words[0], words[2]))


def inside_title(m: Mention, titles: list[tuple[int, int]], ctx: Context) -> bool:
    """A lone word inside someone's title ("... for Terrorism and Financial Intelligence NAME")."""
    if len(m.words) > 1 or m.text.isupper() or ctx.index.by_name(m.text) or ctx.index.by_capital(m.text):
        return False
    if _MODIFIER_OF_ROLE.match(ctx.text, m.end) and ctx.text[max(0, m.start - 4) : m.start].lower() == "the ":
        return True  # "the Innsbruck researcher": a place describing a person
    return any(a <= m.start and m.end <= b for a, b in titles)


# "South Asian", "Central European", "Middle Eastern": a region's adjective, not a country's.
_REGIONAL_ADJECTIVE = re.compile(
    r"(?:(?:North|South|East|West|Central|Southeast|Northeast|Southwest|Northwest|Eastern|Western|Northern|"
    r"Southern|Latin|Middle|Sub-Saharan|Trans)[ \u00a0-]?)+"
    r"(?:Asian|European|African|American|Eastern|Arab|Atlantic|Pacific|Nordic|Baltic|Balkan|Caucasian|"
    r"Caribbean|Mediterranean|Saharan)s?"
)
# The start of a line, after an optional list bullet.
_LINE_OPENING = re.compile(rf"(?:^|\n)[ \t]*(?:[{BULLETS}][ \t]*)?$")
# A name that is the object of "at/from/in/with the": a relative "who" after it belongs to the noun before.
_PLACE_OBJECT = re.compile(r"\b(?:at|from|in|with|of)[ \u00a0]+the[ \u00a0]+$")


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
    if _WHO_AFTER.match(ctx.text, m.end) and len(m.words) > 1 and not _PLACE_OBJECT.search(ctx.text, max(0, m.start - 12), m.start):
        m.notes.add("who")  # "an official at the National Treasury, who ...": the official is the "who"
    if press.is_carrier_mention(ctx.text, m.start, m.end, m.text):
        m.notes.add("carrier")


def stands_alone(m: Mention, ctx: Context) -> bool:
    """Whether an unmerged short or weakly tagged mention is an actor on its own."""
    text = m.text
    agentive = _AGENTIVE_AFTER.match(ctx.text, m.end)
    if m.label not in STRONG:
        appositive_org = m.appositive is not None and not m.appositive.person
        works = WORKS_AFTER.match(ctx.text, m.end)  # "the Bumar-Łabędy plant": a company's plant
        # ", told reporters" after a place closes someone else's appositive; the place did not speak.
        acts = agentive is not None and not agentive.group(0).lstrip("'\u2019s").startswith(",")
        return bool(appositive_org or works or acts) and m.label != "NORP"
    if text.isupper() and text.replace(".", "").isalpha():
        # An acronym nobody spelled out: a well-known one, or one that acts or employs someone.
        return (
            text in orgs.KNOWN_ORG_ACRONYMS
            or bool(agentive or _ROLE_AFTER.match(ctx.text, m.end))
            or ctx.tag_at(m.end) in _SUBJECT_VERB_TAGS  # "FNSS displayed the Kaplan"
        )
    if m.label == "PERSON" and len(m.words) == 1 and not _vouched_person(m, ctx, agentive is not None):
        return False  # a lone capitalised word the model took for a person ("Buy", a town, a drone)
    if len(m.words) == 1 and text.lower() in orgs.ORG_HEADS and text.lower() not in _INSTITUTIONS:
        return False  # "the Army", "the Commission": only as a short form of a full name
    line_start = ctx.text.rfind("\n", 0, m.start) + 1
    return not (m.start == line_start and len(m.words) == 1 and is_heading(ctx.text, line_start))


def _vouched_person(m: Mention, ctx: Context, agentive: bool) -> bool:
    """A one-word "person" needs a title, an appositive, "who", or a verb of its own after it.

    "the Xs" (a plural after the article) is a group ("the Houthis", "the Taliban fighters").
    """
    if m.title or m.appositive or agentive or "who" in m.notes:
        return True
    if _ROLE_AFTER.match(ctx.text, m.end):
        return True  # "a Baykar executive": a name that employs someone
    before = ctx.text[max(0, m.start - 12) : m.start].split()
    previous = before[-1].lower() if before else ""
    if previous == "the":
        return m.text.endswith("s") and not m.text.endswith("ss")
    if previous in PLACE_PREPOSITIONS or previous in {"of", "a", "an"}:
        return False
    return ctx.tag_at(m.end) in _SUBJECT_VERB_TAGS


def _company_with_digits(m: Mention, ctx: Context) -> bool:
    """ "LIG Nex1 is willing", "LIG Nex1's business": a company whose name holds a digit acts or owns."""
    words = m.words
    if m.label not in STRONG or len(words) < 2 or not words[0].isalpha():
        return False
    if ctx.text.startswith(("'s", "\u2019s"), m.end) or ctx.tag_at(m.end) in _SUBJECT_VERB_TAGS:
        m.label = "ORG"  # no person's name holds a digit
        return True
    return False
