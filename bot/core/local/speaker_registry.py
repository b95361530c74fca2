"""Who a speaker phrase refers to: an actor, an earlier named person, or a new unnamed source.

Resolution runs in text order so pronouns ("he added") and title-only phrases ("the minister said",
"the source said") can look back at what came before. The actors list, when there is one, is the
authority for full names and roles; otherwise names are taken as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from bot.core.local.introductions import introduced_name
from bot.core.local.name_forms import (
    fold,
    gender_of,
    initials_match,
    name_words,
    org_signature,
    same_person,
    spelling_variant,
)
from bot.core.local.office_holders import office_holder
from bot.core.local.speaker_tokens import SpeakerNP
from bot.core.local.speaker_words import ORG_HEADS, SPEAKER_NOUNS, TITLE_WORDS
from bot.core.local.speakers import singular
from bot.core.models import Actor

_PRONOUN_REACH = 1500  # characters back a pronoun may look for its speaker
# The end of a sentence or line: a person named in the last speaker's own sentence ("X, who studies
# South Asian security, said") is a description of them, not a new antecedent.
_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d\u2019]?\s+(?=[A-Z\"'\u201c\u2018])|\n")
_NOT_NAMES = frozenset("by from and with says said according to".split())
_GENERIC_ORG_HEADS = frozenset("company firm group contractor manufacturer maker".split())
# A company is not a ministry: "the company said" skips organisations named like public bodies.
_PUBLIC_BODY_WORDS = frozenset(
    """ministry department agency command office navy army force forces government administration committee
    council embassy mission parliament treasury staff corps guard authority bureau""".split()
)


@dataclass(slots=True)
class Entry:
    """One speaker: a person, an organisation, or an unnamed source."""

    key: str
    kind: str  # person | org | unnamed
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    head: str = ""
    plural: bool = False
    words: frozenset[str] = frozenset()
    aliases: set[str] = field(default_factory=set)
    spoke: bool = False  # named by a speech event, not only seen as a sentence subject


_UNCLOSED = re.compile(r"\s*\([^()]*$")


class Registry:
    """Speakers met so far, with the positions where each was last the subject of a sentence."""

    def __init__(self, actors: list[Actor], text: str, ents: list[tuple[int, int, str]]) -> None:
        self.text = text
        self._introductions: dict[str, str | None] = {}
        self.entries: list[Entry] = []
        self.recent: list[tuple[int, Entry]] = []
        self._actor_spans: list[tuple[int, int, Actor]] = sorted(
            (m.start, m.end, a) for a in actors for m in a.mentions
        )
        self._actor_starts = [s for s, _e, _a in self._actor_spans]
        self.actors = actors
        self._persons = [(s, text[s:e].strip()) for s, e, label in ents if label == "PERSON"]
        # "Department of Trade (DTIC": the model may stop inside an acronym's parentheses.
        self._orgs = [
            (s, _UNCLOSED.sub("", text[s:e].strip())) for s, e, label in ents if label == "ORG"
        ]

    # --- look-ups -------------------------------------------------------------------------------
    def _actor_at(self, start: int, end: int) -> Actor | None:
        k = bisect_right(self._actor_starts, end) - 1
        while k >= 0 and self._actor_spans[k][1] > start - 200:
            s, e, actor = self._actor_spans[k]
            if s < end and e > start:
                return actor
            k -= 1
        return None

    def _two_actors(self, start: int, end: int) -> bool:
        inside = {id(a) for s, e, a in self._actor_spans if start <= s and e <= end}
        return len(inside) >= 2

    def _add(self, key: str, kind: str, **kw: object) -> Entry:
        entry = Entry(key=key, kind=kind, words=name_words(key), **kw)  # type: ignore[arg-type]
        self.entries.append(entry)
        return entry

    def _find(self, name: str, kind: str) -> Entry | None:
        f = fold(name)
        for entry in reversed(self.entries):
            if entry.kind == kind and (fold(entry.key) == f or f in entry.aliases):
                return entry
        return None

    def _actor_named(self, name: str, kind: str) -> Actor | None:
        for actor in self.actors:
            if (actor.kind == "person") != (kind == "person") or actor.kind == "country":
                continue
            if kind == "person" and same_person(name, actor):
                return actor
            names = {actor.name, *actor.aliases}
            if kind != "person" and org_signature(name) in {org_signature(n) for n in names}:
                return actor
        return None

    # --- resolution -----------------------------------------------------------------------------
    def resolve(self, np: SpeakerNP, at: int, create: bool = True) -> Entry | None:
        """The entry `np` refers to at offset `at`, creating one for a new name or source.

        With `create` false (a sentence subject that says nothing), only a full personal name or an
        organisation may add an entry, so a stray capitalised word never becomes a pronoun's antecedent.
        """
        if not create and np.kind == "unnamed":
            return None
        if np.kind == "org" and " and " in np.name and self._two_actors(np.start, np.end):
            return None  # "the ministry and Acme Corp": two speakers, not one
        actor = (
            self._actor_at(np.start, np.end) if np.kind in ("person", "surname", "org") else None
        )
        if actor is not None and actor.kind == "country":
            return None  # "Washington said": a country or capital standing for its government
        known = self._known_person(np.name) if np.kind in ("person", "surname", "org") else None
        if np.kind == "pronoun":
            entry = self._pronoun(np, at)
        elif known is not None and np.kind != "person":
            entry = known  # a surname the tagger or the actors list took for an organisation
        elif np.kind == "person" or (
            np.kind == "surname" and (actor is None or actor.kind == "person")
        ) or (np.kind == "org" and actor is not None and actor.kind == "person"):
            # A titled or two-word name is a person even when the tagger filed it as an organisation;
            # so is a name the actors pass, which weighs every mention, settled on as a person.
            entry = self._person(
                replace(np, kind="person") if np.kind == "org" else np,
                actor if actor is not None and actor.kind == "person" else None,
                create,
            )
        elif np.kind in ("person", "surname", "org"):
            entry = self._org(np.name, np.head, actor, create, np.alias)
        elif np.kind == "unnamed":
            entry = self._find(np.name, "unnamed") or self._one_of(np, at)
            entry = entry or self._add(np.name, "unnamed", head=np.head, plural=np.plural)
        else:
            entry = self._definite(np, at)
        if entry is not None:
            self.recent.append((at, entry))
        return entry

    def _introduced(self, surname: str) -> str | None:
        """The full name a surname was introduced with ("... led by Rebecca Thornbury, the ...")."""
        if not surname[:1].isupper():
            return None
        if surname in self._introductions:
            return self._introductions[surname]
        self._introductions[surname] = found = introduced_name(self.text, surname)
        return found

    def _known_person(self, name: str) -> Entry | None:
        words = name_words(name)
        return next(
            (e for e in reversed(self.entries) if e.kind == "person" and words <= e.words), None
        )

    def _one_of(self, np: SpeakerNP, at: int) -> Entry | None:
        """ "one official" right after "officials in Bucharest": one member of that group."""
        if not fold(np.name).startswith(("one ", "a ", "an ")) or len(np.name.split()) > 3:
            return None
        for pos, entry in reversed(self.recent):
            if at - pos > _PRONOUN_REACH:
                break
            if entry.kind == "unnamed" and entry.plural and entry.head == np.head:
                return entry
        return None

    def _person(self, np: SpeakerNP, actor: Actor | None, create: bool) -> Entry | None:
        name = np.name
        actor = (
            actor
            if actor is not None and same_person(name, actor)
            else self._actor_named(name, "person")
        )
        if (
            actor is not None
            and len(name_words(actor.name)) >= len(name_words(name))
            and not (name_words(actor.name) - name_words(name)) & _NOT_NAMES
        ):
            name = actor.name  # the actor's full name for a surname or a shorter form
        words = name_words(name)
        entry = None
        for cand in reversed(self.entries):  # latest first: "Kuo" is the Kuo met most recently
            if cand.kind == "person" and (
                words <= cand.words
                or fold(name) in cand.aliases
                or cand.words <= words
                or _variant_of(name, cand.key)
            ):
                entry = cand
                break
        if entry is None and len(words) == 1 and actor is None:
            full = next(
                (n for _s, n in reversed(self._persons) if words < name_words(n) and len(n) < 60),
                None,
            )
            full = full or self._introduced(np.name)
            if full is None:
                return self._org(np.name, "", None) if create and np.name[:1].isupper() else None
            name, words = full, name_words(full)
        if entry is None and not create and (len(words) < 2 or any(c.isdigit() for c in name)):
            return None  # a stray capitalised subject is no one's antecedent
        if entry is None:
            entry = self._add(name, "person", gender=gender_of(np.role))
        if len(words) > len(entry.words) and entry.words <= words:
            entry.key, entry.words = name, words  # first met by a shorter form
        if actor is not None:
            entry.role = entry.role or actor.role
            entry.affiliation = entry.affiliation or actor.affiliation
            entry.aliases |= {
                fold(a) for a in actor.aliases if name_words(a) & name_words(actor.name)
            }
        return entry

    def _org(
        self, name: str, head: str, actor: Actor | None, speaking: bool = False, alias: str = ""
    ) -> Entry:
        actor = actor or self._actor_named(name, "org")
        if actor is not None and (
            name.isupper() or name[:1].islower() or actor.name.endswith(("'s " + name, "\u2019s " + name))
        ):
            # "MHI" -> "Mitsubishi Heavy Industries", "Ministry of Defence" -> "Russia's Ministry of
            # Defence" (the owner the actors pass found); else the name as written
            name = actor.name
        sig = org_signature(name)
        names = {fold(name)} | (
            {fold(actor.name)} | {fold(a) for a in actor.aliases} if actor else set()
        )
        for entry in reversed(self.entries):
            if entry.kind != "org":
                continue
            if (
                org_signature(entry.key) == sig
                or names & ({fold(entry.key)} | entry.aliases)
                or initials_match(name, entry.key)
            ):
                proper = not head and not name.isupper()
                if proper and (entry.head or (speaking and not entry.spoke)):
                    entry.key, entry.head = name, ""  # the proper name, as written where it speaks
                entry.spoke = entry.spoke or speaking
                entry.aliases |= {fold(alias)} if alias else set()
                return entry
        entry = self._add(name, "org", head=head, spoke=speaking)
        entry.aliases |= {fold(alias)} if alias else set()
        if actor is not None:
            entry.aliases |= names
            entry.role = actor.role
        return entry

    def _pronoun(self, np: SpeakerNP, at: int) -> Entry | None:
        want = {"he": "m", "she": "f"}.get(np.head)
        if want is not None:
            person = self._person_named_since(at)
            if person is not None and person.gender in (None, want):
                person.gender = want
                return person
        for pos, entry in reversed(self.recent):
            if at - pos > _PRONOUN_REACH:
                break
            if np.head == "it":
                if entry.kind == "org":
                    return entry
                continue
            if np.head == "they":
                if entry.plural or entry.kind == "org":
                    return entry
                continue
            if entry.kind == "org" or entry.plural or entry.gender not in (None, want):
                continue
            entry.gender = want
            return entry
        return None

    def _person_named_since(self, at: int) -> Entry | None:
        """A person the text names after the last speaker and before `at` ("For Dr. Ruth Aleki, the
        case shows ... "...," she said"): the nearer antecedent of a pronoun, when there is one."""
        last = -1
        if self.recent:
            pos, entry = self.recent[-1]
            brk = _SENTENCE_BREAK.search(self.text, pos)
            last = brk.end() - 1 if brk else len(self.text)
            if entry.kind == "unnamed" and not entry.spoke:
                # "The Minister was absent; the ministry sent State Secretary Jane Roe. She said ...":
                # a title-only subject that has not spoken yields to a person named after it.
                last = pos
        k = bisect_right(self._actor_starts, at) - 1
        while k >= 0 and self._actor_spans[k][0] > last:
            s, e, actor = self._actor_spans[k]
            if actor.kind == "person" and e <= at and at - s <= _PRONOUN_REACH:
                np = SpeakerNP(s, e, "person", actor.name)
                return self._person(np, actor, create=True)
            k -= 1
        return None

    def _definite(self, np: SpeakerNP, at: int) -> Entry | None:
        """ "the minister", "the source", "the company": the latest compatible speaker."""
        head = np.head
        titles = [w for w in fold(np.name).split() if singular(w) in TITLE_WORDS | SPEAKER_NOUNS]
        for _pos, entry in reversed(self.recent):
            if head in ORG_HEADS and entry.kind == "org":
                if _fits_org_head(head, entry.key):
                    return entry
            elif entry.kind == "unnamed" and entry.head == head:
                return entry
            elif (
                entry.kind == "person"
                and titles
                and entry.role
                and all(t in fold(entry.role) for t in titles)
            ):
                return entry
        for entry in reversed(self.entries):
            if (
                entry.kind == "person"
                and titles
                and entry.role
                and all(t in fold(entry.role) for t in titles)
            ):
                return entry
        holder = office_holder(self.text, np.name, at, self.actors) if titles else None
        if holder is not None and head not in ORG_HEADS:
            entry = self._person(SpeakerNP(np.start, np.end, "person", holder[0]), None, True)
            if entry is not None:
                self.note_role(entry, holder[1], None)
            return entry
        if head in ORG_HEADS:
            name = next((n for s, n in reversed(self._orgs) if s < at and head in fold(n)), None)
            if name is None and head in _GENERIC_ORG_HEADS:
                name = next((n for s, n in reversed(self._orgs) if s < at), None)
            return self._org(re.sub(r"^[Tt]he\s+", "", name), head, None) if name else None
        if "'" in fold(np.name) or len(np.name.split()) > 3:
            # "Taiwan's president", "the spokesman for the coalition": specific enough to stand alone
            return self._find(np.name, "unnamed") or self._add(np.name, "unnamed", head=head)
        return None

    def note_role(self, entry: Entry, role: str | None, affiliation: str | None) -> None:
        """Keep the first role and affiliation the text gives a speaker without an actor role."""
        if role and not entry.role:
            entry.role = role
            entry.gender = entry.gender or gender_of(role)
        if affiliation and not entry.affiliation:
            entry.affiliation = affiliation


def _variant_of(name: str, key: str) -> bool:
    """ "Danylyuk" for "Oleksii Danyliuk": the same given names, the surname spelt another way."""
    words, other = fold(name).split(), fold(key).split()
    return (
        bool(words)
        and set(words[:-1]) <= set(other[:-1])
        and spelling_variant(words[-1], other[-1])
    )


def _fits_org_head(head: str, name: str) -> bool:
    """Whether "the <head>" can refer to the organisation `name` ("the navy" -> "Pakistan Navy")."""
    words = set(fold(name).split())
    if head in _GENERIC_ORG_HEADS:
        return not words & _PUBLIC_BODY_WORDS
    return head in words or head in org_signature(name)
