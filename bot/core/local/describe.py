"""Turning a merged cluster into an `Actor`: its display name, kind, role, affiliation and aliases."""

from __future__ import annotations

import re

from bot.core.local import orgs
from bot.core.local.clusters import Cluster
from bot.core.local.countries import CountryIndex, fold
from bot.core.local.roles import Role
from bot.core.models import Actor, ActorKind, Span

_WINDOW = 80
# "a group it tracks as Ashen Crane", "a militia known as ...": the name given to a group.
_NAMED_GROUP = re.compile(
    r"\b(?:group|groups|faction|militia|gang|cell|network|outfit|crew|movement)\b(?:\s+\w+){0,3}?\s+"
    r"(?:as|called|named|dubbed|known\s+as)\s+(?:the\s+)?$"
)
_GROUP_AFTER = re.compile(r"\s+(?:rebels|militants|militia|militias|insurgents|fighters|guerrillas|hackers)\b")
_GROUP_HEADS = frozenset(
    "front movement army brigade brigades militia party league alliance council group organisation "
    "organization forces force battalion corps legion".split()
)


def describe(cluster: Cluster, index: CountryIndex, spans: list[Span], text: str = "") -> Actor:
    """The Actor for one cluster."""
    name = cluster.country.name if cluster.country else _display_name(cluster)
    owned = _owned_name(cluster, index, text, name) if not cluster.country else None
    aliases = _aliases(cluster, name)
    if owned is not None:  # "Russia's Ministry of Defence": the owner tells which ministry
        name, aliases = owned, [name, *aliases]
    role, affiliation = _role(cluster, index)
    return Actor(
        name=name,
        kind=_kind(cluster, text),
        role=role,
        affiliation=affiliation,
        aliases=aliases,
        mentions=spans,
    )


_OWNER_BEFORE = re.compile(orgs.OWNER_BEFORE + r"(?:the[ \t]+)?$")


def _owned_name(cluster: Cluster, index: CountryIndex, text: str, name: str) -> str | None:
    """ "Ukraine's General Staff": a generic body's name with the one country the text gives it."""
    if not text or cluster.person_like or name.split()[0].lower() not in _GENERIC_BODY_WORDS:
        return None
    owners = set()
    for m in cluster.mentions:
        match = _OWNER_BEFORE.search(text, max(0, m.start - 40), m.start)
        if match is not None and index.by_name(match.group("owner")) is not None:
            owners.add(match.group("owner"))
    return f"{owners.pop()}'s {name}" if len(owners) == 1 else None


# First words of names that every state has one of ("Ministry of Defence", "Air Force").
_GENERIC_BODY_WORDS = frozenset(
    "ministry department general air navy army armed defence defense national coast border "
    "foreign interior joint space cyber special presidential federal state".split()
)


def _display_name(cluster: Cluster) -> str:
    if cluster.names:
        return cluster.full_name
    return cluster.named_by_title.text if cluster.named_by_title else ""


def _aliases(cluster: Cluster, name: str) -> list[str]:
    seen = {fold(name)}
    out: list[str] = []
    for alias in [*sorted(cluster.names, key=cluster.first_seen), *cluster.acronyms]:
        key = fold(alias)
        if key not in seen:
            seen.add(key)
            out.append(alias)
    return out


def _kind(cluster: Cluster, text: str) -> ActorKind:
    if cluster.country is not None:
        return "country"
    if cluster.named_by_title is not None and not cluster.names:
        return "person"
    if text and _group_context(cluster, text):
        return "group"
    if cluster.person_like:
        return "person"
    return "organization"


def _group_context(cluster: Cluster, text: str) -> bool:
    if any(m.title or (m.appositive and m.appositive.person) for m in cluster.mentions):
        return False
    heads = set(orgs.folded_words(cluster.full_name)) & orgs.ORG_HEADS
    if heads - _GROUP_HEADS:
        return False  # "Lanternfish Security" near "hacking group" is still a company
    for m in cluster.mentions:
        start = max(0, m.start - _WINDOW, text.rfind(". ", 0, m.start) + 1, text.rfind("\n", 0, m.start))
        if orgs.GROUP_CUES.search(text, start, m.start):
            return True  # "the separatist group X" (same sentence, before the name)
        if _GROUP_AFTER.match(text, m.end):
            return True  # "Houthi rebels", "X militants"
        if _NAMED_GROUP.search(text, max(0, m.start - 50), m.start):
            return True
        if m.appositive and re.search(r"\bgroup\b", m.appositive.text) and not orgs.has_org_head(m.text):
            return True
    return False


def _role(cluster: Cluster, index: CountryIndex) -> tuple[str | None, str | None]:
    if cluster.country is not None:
        return None, None
    if not cluster.person_like and cluster.named_by_title is None:
        return _org_role(cluster, index)
    title: Role | None = None
    appositive: Role | None = None
    for m in sorted(cluster.mentions, key=lambda m: m.start):
        title = title or m.title
        appositive = appositive or m.appositive
    if cluster.named_by_title is not None and not cluster.names:
        title = cluster.named_by_title
    person = cluster.person_like or cluster.named_by_title is not None
    parts = [r for r in (title, appositive) if r is not None and (r.person == person or r is appositive)]
    if not parts:
        return None, None
    role = ", ".join(dict.fromkeys(r.text for r in parts))
    affiliation = next((r.affiliation for r in parts if r.affiliation), None)
    if affiliation is None and person:
        affiliation = next((m.affiliation for m in cluster.mentions if m.affiliation), None)
    return role, _resolve(affiliation, role, index)


def _org_role(cluster: Cluster, index: CountryIndex) -> tuple[str | None, str | None]:
    """An organisation's description from its appositive, and the state it belongs to."""
    appositive = next((m.appositive for m in cluster.mentions if m.appositive and not m.appositive.person), None)
    owner = next((m.affiliation for m in cluster.mentions if m.affiliation), None)
    role = appositive.text if appositive else None
    if owner is None and appositive is not None and appositive.affiliation:
        owner = appositive.affiliation
    return role, _resolve(owner, f"{cluster.full_name} {role or ''}", index)


def _resolve(affiliation: str | None, role: str, index: CountryIndex) -> str | None:
    """The affiliation as a country's name when it is one, else as written."""
    if affiliation:
        country = index.by_name(affiliation) or index.by_demonym(affiliation)
        return country.name if country else affiliation
    words = [w.strip(",") for w in role.split()]
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n])
            country = index.by_demonym(phrase) or index.by_name(phrase)
            if country is not None:
                return country.name
    return None
