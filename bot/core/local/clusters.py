"""Merging mentions into actors: full names, surnames, acronyms, short company names, capitals.

A `Ledger` takes mentions in text order. Full names open clusters; short forms (a surname, "Aerovale"
for "Aerovale Sistemas", an acronym the text defined) join the nearest fitting cluster, preferring one
in the same section, so a digest of unrelated stories never merges two people who share a surname.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from bot.core.local import orgs
from bot.core.local.countries import Country, fold
from bot.core.local.mentions import Mention
from bot.core.local.roles import Role

_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "de", "der", "den", "da", "di", "du", "la", "le"})


@dataclass(slots=True, eq=False)
class Cluster:
    """One actor being assembled from its mentions (compared by identity)."""

    section: int
    first: int
    mentions: list[Mention] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    acronyms: list[str] = field(default_factory=list)
    country: Country | None = None
    title_spans: list[tuple[int, int]] = field(default_factory=list)
    named_by_title: Role | None = None
    _cache: dict[str, object] = field(default_factory=dict)

    def add(self, mention: Mention, name: bool = True) -> None:
        """Record a mention; `name` says whether its text is a name of this actor (an alias)."""
        self.mentions.append(mention)
        self.labels[mention.label] += 1
        if name:
            self.names[mention.text] += 1
        self._cache.clear()

    def entitle(self, role: Role) -> None:
        """Mark this actor as known only by the title of its office."""
        self.named_by_title = role
        self._cache.clear()

    def first_seen(self, name: str) -> int:
        """Offset of the first mention written as `name`."""
        return min((m.start for m in self.mentions if m.text == name), default=self.first)

    @property
    def full_name(self) -> str:
        """An organisation's longest name; a person's first full name (later spellings are aliases)."""
        if "full_name" not in self._cache:
            self._cache["full_name"] = self._full_name()
        return str(self._cache["full_name"])

    def _full_name(self) -> str:
        multi = [n for n in self.names if len(n.split()) > 1]
        if multi and self._people_labels():
            return min(multi, key=self.first_seen)
        if multi:
            return max(multi, key=lambda n: (len(n.split()), len(n), self.names[n]))
        return max(self.names, key=lambda n: (self.names[n], len(n))) if self.names else ""

    def _people_labels(self) -> bool:
        return self.labels["PERSON"] > 0 and self.labels["PERSON"] >= self.labels["ORG"] + self.labels["GPE"]

    @property
    def person_like(self) -> bool:
        """True when the mentions read as a person's name rather than an institution's."""
        if "person_like" not in self._cache:
            self._cache["person_like"] = self._person_like()
        return bool(self._cache["person_like"])

    def _person_like(self) -> bool:
        if self.named_by_title is not None:
            return True
        if self.country is not None or orgs.has_org_head(self.full_name):
            return False
        if any(m.title and m.title.person or m.appositive and m.appositive.person for m in self.mentions):
            return True
        if any("who" in m.notes for m in self.mentions):
            return True  # "NAME, who ..." introduces a person
        return self.labels["PERSON"] > self.labels["ORG"] + self.labels["GPE"]

    def name_tokens(self) -> tuple[str, ...]:
        """Folded words of the full name, with name particles ("al-", "van") removed."""
        return name_words(self.full_name)

    def forget(self) -> None:
        """Drop cached answers after the mentions changed from outside `add`."""
        self._cache.clear()


@lru_cache(maxsize=8192)
def name_words(name: str) -> tuple[str, ...]:
    """Folded words of a personal name, particles dropped ("al-Suwaidi" -> "suwaidi", "van Loon" -> "loon")."""
    out: list[str] = []
    for raw in fold(name).split():
        parts = [p for p in raw.split("-") if p and p not in _PARTICLES]
        if parts:
            out.append("-".join(parts))
    return tuple(out)


@lru_cache(maxsize=8192)
def _plain(word: str) -> str:
    """A surname's comparison form: accents and soft signs gone, and "y" read as "i", since
    transliterations of one name differ there ("Danyliuk" / "Danylyuk", "Oleksiy" / "Oleksii")."""
    s = unicodedata.normalize("NFKD", word)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return s.replace("y", "i").replace("'", "").replace("\u2019", "")


@dataclass(slots=True)
class Ledger:
    """Clusters built so far, with look-ups by full name, acronym and country."""

    clusters: list[Cluster] = field(default_factory=list)
    by_key: dict[str, Cluster] = field(default_factory=dict)
    by_acronym: dict[str, Cluster] = field(default_factory=dict)
    by_country: dict[str, Cluster] = field(default_factory=dict)

    def open(self, mention: Mention, section: int) -> Cluster:
        """A new cluster started by `mention`."""
        cluster = Cluster(section=section, first=mention.start)
        cluster.add(mention)
        self.clusters.append(cluster)
        self.by_key.setdefault(fold(mention.text), cluster)
        return cluster

    def country(self, mention: Mention, country: Country, section: int) -> Cluster:
        """The cluster of `country`, opened on its first mention."""
        cluster = self.by_country.get(country.code)
        if cluster is None:
            cluster = Cluster(section=section, first=mention.start, country=country)
            self.clusters.append(cluster)
            self.by_country[country.code] = cluster
        cluster.add(mention)
        return cluster

    def define(self, acronym: str, cluster: Cluster) -> None:
        """Record that the text spells `acronym` out as this cluster's name."""
        if acronym not in self.by_acronym:
            self.by_acronym[acronym] = cluster
            cluster.acronyms.append(acronym)

    def same_person(self, mention: Mention, section: int) -> Cluster | None:
        """An earlier person in this section whose name is another spelling of `mention`."""
        words = name_words(mention.text)
        if len(words) < 2:
            return None
        for cluster in reversed(self.clusters):
            if cluster.section != section or not cluster.person_like:
                continue
            other = cluster.name_tokens()
            if len(other) >= 2 and _plain(other[-1]) == _plain(words[-1]) and other[0][:1] == words[0][:1]:
                return cluster
        return None

    def short_form(self, mention: Mention, section: int, people_only: bool = False) -> Cluster | None:
        """The cluster a surname or short company name belongs to, nearest first."""
        best: tuple[int, int, Cluster] | None = None
        if mention.label in {"NORP", "LOC"}:
            return None  # "Baltic air defence" is not "the Baltic Security Observatory"
        for cluster in self.clusters:
            if cluster.country is not None or not short_fits(mention.text, cluster, people_only):
                continue
            if cluster.person_like and cluster.section != section:
                continue  # a digest's stories never share people through a bare surname
            before = cluster.first <= mention.start
            rank = (0 if cluster.section == section else 1, 0 if before else 1)
            distance = abs(mention.start - _last_before(cluster, mention.start))
            key = (rank[0] * 2 + rank[1], distance)
            if best is None or key < best[:2]:
                best = (key[0], key[1], cluster)
        return best[2] if best else None

    def merge(self, keep: Cluster, gone: Cluster) -> None:
        """Fold `gone` into `keep` (a second spelling the text links to the first)."""
        if keep is gone:
            return
        for m in gone.mentions:
            keep.add(m, name=m.text in gone.names)
        keep.acronyms.extend(a for a in gone.acronyms if a not in keep.acronyms)
        keep.title_spans.extend(gone.title_spans)
        keep.first = min(keep.first, gone.first)
        keep.forget()
        self.clusters.remove(gone)
        for table in (self.by_key, self.by_acronym):
            for k, v in list(table.items()):
                if v is gone:
                    table[k] = keep


def _last_before(cluster: Cluster, pos: int) -> int:
    starts = [m.start for m in cluster.mentions if m.start <= pos]
    return max(starts) if starts else cluster.first


def short_fits(short: str, cluster: Cluster, people_only: bool) -> bool:
    """True when `short` is a surname, given name or leading words of the cluster's full name."""
    full = cluster.full_name
    if not full or fold(short) == fold(full):
        return False
    if cluster.person_like:
        tokens = cluster.name_tokens()
        folded = name_words(short)
        if len(tokens) < 2 or not folded:
            return False
        n = len(folded)
        return [_plain(t) for t in tokens[-n:]] == [_plain(t) for t in folded] or (
            n == 1 and _plain(tokens[0]) == _plain(folded[0])
        )
    if people_only:
        return False
    full_words = fold(full).split()
    short_words = fold(short).split()
    if len(short_words) >= len(full_words):
        return False
    if full_words[: len(short_words)] == short_words:
        return not all(w in orgs.ORG_HEADS for w in short_words)
    # "Defence League" for "Estonian Defence League", "Commission" for "European Commission".
    if full_words[-len(short_words) :] == short_words:
        if len(short_words) >= 2 or (len(full_words) == 2 and short_words[0] in orgs.ORG_HEADS):
            return True
    # "Treasury" for "U.S. Treasury Department": a distinctive inner word.
    if len(short_words) == 1 and short_words[0] in full_words:
        word = short_words[0]
        return word not in orgs.ORG_HEADS and word not in {"of", "the", "and", "for"} and len(word) > 3
    return False
