"""Actor mention candidates: spaCy entities cleaned up, plus names the small model missed.

The small model cuts names short ("Türkiye's Presidency of"), runs them on ("Daniel Okafor\\n\\nHackers")
and swallows titles and articles ("the Ministry of Defence", "spokesperson Liu Wenbo"). Each entity is
trimmed to the name itself; the trimmed title is kept for the role. Names the model missed outright
are added by `recovered.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from bot.core.local import orgs, roles
from bot.core.local.countries import CountryIndex, country_index
from bot.core.local.name_edges import entity_edges

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT"})
# Lowercase words that may sit inside a name ("Armed Forces of the Philippines", "Rio de Janeiro").
NAME_LINKS = frozenset(
    "of for and the de da do dos das du des del la le van von der den al bin y e on di dei della und fur für".split()
)
_PARTICLE_PREFIXES = frozenset({"al", "el", "ad", "ash", "as", "bin", "ibn", "abu", "bint", "ben"})
_LEADING_ARTICLE = re.compile(r"(?:the|The|THE|a|an|A|An)\s+")
# List bullets, as a regex character class body ("\u2022", "\u25aa", "*", "-", "\u2013", ...).
BULLETS = r"\u2022\u00b7\u25aa\u25ab\u25ba\u2023\u25e6\u25cb\u25cf\u25a0\u25a1*#>+\-\u2013\u2014"
# A list bullet the model took into a name ("• The Kenya Ports Authority (KPA) says ...").
_LEADING_MARK = re.compile(rf"[{BULLETS}\s]+")
_CREDIT_SPLIT = re.compile(r"[ \u00a0]+[/|][ \u00a0]+")
_POSSESSIVE_SPLIT = re.compile(r"(?:'s|\u2019s)\s+")
_FINAL_STOP = re.compile(r"(?<![A-Z])(?<!\bJr)(?<!\bSr)(?<=\w\w\w)\.$")
_TRAILING = re.compile(r"(?:(?:'s|\u2019s|')|[,;:\s])+$")
_ROLE_TO_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(roles.PERSON_ROLE_NOUNS)) + r")\s+(?:to|of|for|at|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_OPEN_PAREN = re.compile(r"\s*\(([^()]*)$")
_DEFINITION = re.compile(r"\s*\((?P<acr>[A-Za-z][A-Za-z.&]{1,9})\)")
# "The Israel Defense Forces, the IDF, have ...": an acronym set off by commas right after the name.
_APPOSED_ACRONYM = re.compile(r",\s+(?:the\s+|or\s+)?(?P<acr>[A-Z][A-Z.&]{1,9})(?=\s*[,;:)])")
# " of Audit", " of Justice of the EU": an "of" phrase of capitalised words closing a body's name.
_OF_NAME = re.compile(r" of(?: the)? [A-Z][\w\u2019'&-]*(?: (?:and |of |the )?[A-Z][\w\u2019'&-]*){0,3}(?![\w-])")
_CONTINUATION = re.compile(
    r" ?(?P<words>(?:(?:of|for|and|de|da|do|du|of the) )?(?:[A-Z][\w\u2019'&.-]*(?: |(?=[,.;:)]|$))){1,5})"
)
_SUFFIXES = ("Co., Ltd.", "Sp. z o.o.", "S.p.A.", "LLC", "Ltd.", "Ltd", "Inc.", "Inc", "PLC", "plc",
             "GmbH", "AG", "S.A.", "SA", "AS", "ASA", "AB", "NV", "BV", "Co.", "Corp.", "Corporation",
             "Limited")  # fmt: skip


def _suffix_rests() -> dict[str, tuple[str, ...]]:
    """First word of a multi-word suffix -> the rest of it ("Sp" -> ". z o.o.", "Co" -> "., Ltd.")."""
    rests: dict[str, tuple[str, ...]] = {}
    for suffix in _SUFFIXES:
        for k in range(1, len(suffix)):
            if suffix[k] in ". ," and suffix[k - 1] not in " .," and " " not in suffix[:k]:
                rests[suffix[:k]] = (*rests.get(suffix[:k], ()), suffix[k:])
    return rests


_SUFFIX_RESTS = _suffix_rests()
_SUFFIX_RUN = re.compile(
    r" (?P<words>(?:[A-Z][\w&-]* ){0,3}(?:" + "|".join(re.escape(s) for s in _SUFFIXES) + r"))(?=[\s,;:)]|\.\s|$)"
)
_LEFT_OF = re.compile(r"(?:(?<=\s)|^)(?P<run>(?:[A-Z][\w\u2019'-]*\s+){1,4}(?:of|for)\s+(?:the\s+)?)$")
_OWNER_CONTINUATION = re.compile(r" (?P<word>[A-Z][a-z]+)(?='s\b|\u2019s\b)")
_HYPHEN_TAIL = re.compile(r"-(?!(?:based|made|built|designed|owned|run|led|backed|linked|style)\b)[a-z]+\b")
_QUOTED_NICKNAME = re.compile(r" (?:\u201c[A-Z][\w'-]*(?: [A-Z][\w'-]*)?\u201d|\"[A-Z][\w'-]*(?: [A-Z][\w'-]*)?\")")
_CLOSERS = {"\u201d": "\u201c", "\u2019": "\u2018", '"': '"'}
_APOSTROPHE_NAME = re.compile(r" (?:O|D|L|Mc)?[\u2019'][A-Z][\w-]+")


@dataclass(slots=True, eq=False)
class Mention:
    """One candidate mention of an actor, with what its context tells us."""

    start: int
    end: int
    text: str
    label: str
    title: roles.Role | None = None
    appositive: roles.Role | None = None
    acronym: str | None = None
    affiliation: str | None = None
    notes: set[str] = field(default_factory=set)

    @property
    def words(self) -> list[str]:
        """The mention's words."""
        return self.text.split()


def entity_words(doc: Doc) -> frozenset[str]:
    """Every word that is part of a named entity (to tell names from sentence openers)."""
    return frozenset(w for e in doc.ents if e.label_ in ACTOR_LABELS for w in e.text.split())


def candidates(doc: Doc, text: str, index: CountryIndex) -> list[Mention]:
    """Cleaned candidate mentions from the entities of `doc` (whose text is `text`), in text order."""
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        for start, end, label in _pieces(text, *entity_edges(ent, index, is_title_word)):
            for a, b, kind in _split_name_after_head(text, start, end, label):
                mention = _clean(text, a, b, kind, index)
                if mention is not None:
                    found.append(mention)
    found.sort(key=lambda m: (m.start, -m.end))
    return _dedupe(found)


def _pieces(text: str, ent_start: int, ent_end: int, ent_label: str) -> list[tuple[int, int, str]]:
    """The entity split at line breaks, inner lowercase words and a country's possessive.

    A piece on a later line than the entity's first is a separate name the model glued on: its label
    is unknown ("MISC").
    """
    spans: list[tuple[int, int, str]] = []
    for n, match in enumerate(re.finditer(r"[^\n]+", text[ent_start:ent_end])):
        start = ent_start + match.start()
        label = ent_label if n == 0 else "MISC"
        for s, e in _split_lowercase(text, start, ent_start + match.end()):
            spans.extend((a, b, label) for a, b in _split_possessive(text, s, e))
    return spans


def _split_name_after_head(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """ "representative to the Chamber Ana Ruiz Vega": an organisation's head, then a person's name.

    Only after a person's role ("spokesman for the Ministry NAME"), where the model ran the office
    and the name together.
    """
    if label != "ORG" or not _ROLE_TO_BEFORE.search(text, max(0, start - 40), start):
        return [(start, end, label)]
    words = list(re.finditer(r"\S+", text[start:end]))
    heads = [i for i, w in enumerate(words) if w.group(0).lower() in orgs.ORG_HEADS]
    if not heads or not 2 <= len(words) - heads[-1] - 1 <= 4:
        return [(start, end, label)]
    name = words[heads[-1] + 1 :]
    if not all(w.group(0)[:1].isupper() and not w.group(0).isupper() for w in name):
        return [(start, end, label)]
    cut = start + words[heads[-1]].end()
    return [(start, cut, label), (start + name[0].start(), end, "PERSON")]


def _split_lowercase(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Homar-K at Huta Stalowa Wola" at "at": a lowercase word that cannot sit in a name."""
    out: list[tuple[int, int]] = []
    piece = start
    before = ""
    for word in re.finditer(r"\S+", text[start:end]):
        w, prev, before = word.group(0), before, word.group(0)
        if w == "in" and prev.istitle() and prev.lower() in orgs.MISSION_HEADS:
            continue  # "... Mission in Somalia": the country ends the mission's name
        if w[:1].islower() and w not in NAME_LINKS and w.split("-")[0] not in _PARTICLE_PREFIXES and word.start() > 0:
            if start + word.start() > piece:
                out.append((piece, start + word.start()))
            piece = start + word.end() + 1
    if piece < end:
        out.append((piece, end))
    return out


def _split_possessive(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Russia's Defence Ministry" and "the X Organisation's Y Establishment" at the owner."""
    index = country_index()
    chunk = text[start:end]
    match = _POSSESSIVE_SPLIT.search(chunk)
    if not match or match.end() >= len(chunk):
        return [(start, end)]
    owner = chunk[: match.start()]
    lead = _LEADING_ARTICLE.match(owner)
    owner = owner[lead.end() :] if lead else owner
    if index.by_name(owner) is None and index.by_capital(owner) is None and not orgs.has_org_tail(owner):
        return [(start, end)]  # "People's Liberation Army" is one name
    return [(start, start + match.start() + 2), (start + match.end(), end)]


def _clean(text: str, start: int, end: int, label: str, index: CountryIndex) -> Mention | None:
    mark = _LEADING_MARK.match(text, start, end)
    if mark:
        start = mark.end()
    lead = _LEADING_ARTICLE.match(text, start, end)
    if lead and not _article_is_part(text[start:end], index):
        start = lead.end()
    if label == "PERSON":
        credit = _CREDIT_SPLIT.search(text, start, end)
        end = credit.start() if credit else end  # "Juma Odera / Coast Desk": the name, not its desk
    trail = _TRAILING.search(text[start:end])
    if trail:
        end = start + trail.start()
    acronym = None
    paren = _OPEN_PAREN.search(text[start:end])
    if paren:
        inner, end = paren.group(1), start + paren.start()
        if text[start + paren.end() : start + paren.end() + 1] == ")" and orgs.is_acronym(inner, text[start:end]):
            acronym = inner
    title = None
    if label in {"PERSON", "ORG"}:
        start, end, title = _strip_title(text, start, end)
    if label == "PERSON" and _FINAL_STOP.search(text, start, end):
        end -= 1  # "Martin Dubovský." at a sentence end; "Jr." and initials keep theirs
    if end <= start:
        return None
    start = _extend_left(text, start, label)
    end = _extend(text, start, end, label)
    if acronym is None:
        defined = _DEFINITION.match(text, end) or _APPOSED_ACRONYM.match(text, end)
        if defined and orgs.is_acronym(defined.group("acr"), text[start:end]):
            acronym = defined.group("acr")
    return Mention(start=start, end=end, text=text[start:end], label=label, title=title, acronym=acronym)


def _article_is_part(name: str, index: CountryIndex) -> bool:
    """ "The Hague", "The Gambia": the article belongs to the name."""
    bare = name.rstrip(" ,;:")
    return bare in _ARTICLE_NAMES and bool(index.by_capital(bare) or index.by_name(bare))


_ARTICLE_NAMES = frozenset({"The Hague", "The Gambia", "The Bahamas"})


def _strip_title(text: str, start: int, end: int) -> tuple[int, int, roles.Role | None]:
    """Move leading titles ("spokesperson", "General", "Air Marshal") out of a name."""
    words = list(re.finditer(r"\S+", text[start:end]))
    cut = 0
    while cut < len(words) and is_title_word(words[cut].group(0)):
        cut += 1
    if cut == 0:
        cut = _party_title_end(words)  # "Bloc Québécois MP Sylvie Marchand-Roy"
    if cut == 0 or not any(_is_title_head(w.group(0)) for w in words[:cut]):
        return start, end, None
    if cut == len(words):
        return start, start, None  # a bare title ("Air Marshal"): the role finder reads it
    rest = [w.group(0) for w in words[cut:]]
    if not all(w[:1].isupper() for w in rest) or orgs.has_org_head(" ".join(rest)):
        return start, end, None
    if all(w.group(0).lower().strip(".,") in roles.HONORIFICS for w in words[:cut]):
        return start + words[cut].start(), end, None  # "Shri", "Dr": the role is read from before it
    title_text = text[start : start + words[cut - 1].end()]
    role = roles.Role(text=title_text, affiliation=None, person=True)
    return start + words[cut].start(), end, role


def _party_title_end(words: list[re.Match[str]]) -> int:
    """Past a title after capitalised words, when a two-to-four word name follows it ("Labour MP
    Jo Smith"); 0 when there is none."""
    for k in range(1, len(words) - 2):
        rest = [w.group(0) for w in words[k + 1 :]]
        if _is_title_head(words[k].group(0)) and 2 <= len(rest) <= 4 and all(w[:1].isupper() for w in rest):
            return k + 1
    return 0


def is_title_word(word: str) -> bool:
    """A title or rank word ("Gen.", "spokesperson") or a word that modifies one ("former")."""
    w = word.lower().strip(".,()").replace("\u2019", "'")  # "(retd)" between a rank and a name
    return _is_title_head(word) or (w in roles.ROLE_MODIFIERS and w not in {"national", "state"})


# Role nouns that follow a nationality ("a Kenyan national") and never stand as a title before a name.
_NOT_TITLES = frozenset({"national", "citizen", "resident"})


def _is_title_head(word: str) -> bool:
    w = word.lower().strip(".,")
    return w in roles.HONORIFICS or (roles.is_role_head(word) and w not in _NOT_TITLES)


def _extend_left(text: str, start: int, label: str) -> int:
    """Take in a head the model left out: "General Staff of the" + "Armed Forces of Ukraine"."""
    if label != "ORG":
        return start
    line_start = text.rfind("\n", 0, start) + 1
    match = _LEFT_OF.search(text, max(line_start, start - 60), start)
    if not match or not orgs.has_org_head(match.group("run").rsplit(" of", 1)[0]):
        return start
    run_start = match.start("run")
    lead = _LEADING_ARTICLE.match(text, run_start, start)
    return lead.end() if lead else run_start


def _extend(text: str, start: int, end: int, label: str) -> int:
    """Continue a name the model cut short: a dangling "of", a corporate suffix, "O'Keeffe"."""
    words = text[start:end].split()
    if words and words[-1].lower() in {"of", "for", "and", "de"}:
        match = _CONTINUATION.match(text, end)
        return end + len(match.group(0).rstrip()) if match else end
    if label == "ORG" and words and words[-1].lower() in orgs.ORG_HEADS:
        of = _OF_NAME.match(text, end)
        if of is not None:
            return of.end()  # "Netherlands Court" + " of Audit": the model stopped at the head
    suffix = _SUFFIX_RUN.match(text, end)
    if suffix and label in {"ORG", "PERSON", "GPE", "FAC"}:
        return end + len(suffix.group(0).rstrip())
    last = words[-1] if words else ""
    for rest in _SUFFIX_RESTS.get(last, ()):
        if text.startswith(rest, end):
            return end + len(rest)  # the model stopped inside a suffix: "Wisłotech Sp" + ". z o.o."
    owner = _OWNER_CONTINUATION.match(text, end)
    if owner and label == "ORG":
        return owner.end("word")  # "Lockheed" + " Martin" + "'s plant"
    if text[end : end + 1] in _CLOSERS and _CLOSERS[text[end]] in text[start:end]:
        return end + 1  # 'Centre "Rubizh' + '"': a quoted name inside the name
    nickname = _QUOTED_NICKNAME.match(text, end)
    if nickname and label == "ORG":
        return nickname.end()  # 'Centre for Border Studies' + ' "Rampart"': the body's own name
    apostrophe = _APOSTROPHE_NAME.match(text, end) or _HYPHEN_TAIL.match(text, end)
    if apostrophe and label == "PERSON":
        return apostrophe.end()  # "Brendan" + " O'Keeffe"; "Park Ji" + "-won"
    return end


def _dedupe(found: list[Mention]) -> list[Mention]:
    """Drop candidates nested in an earlier, longer one (extensions can swallow the next entity)."""
    kept: list[Mention] = []
    for m in found:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept
