"""People, organisations, countries and groups: the actors of the story, merged across mentions.

spaCy's entities (countries forced by the pipeline's ruler, `nlp.py`) are cleaned into mentions
(`mentions.py`, plus names the model missed from `recovered.py`), screened (`screening.py`: systems,
generic nouns, outlets that only carry the story; titles and appositives read with `roles.py`),
merged into clusters (`clusters.py`), linked across spellings, titles and surnames
(`references.py`), cleared of places (`places.py`) and described as `Actor`s with a kind, a role
and an affiliation (`describe.py`). Word lists live in `orgs.py`, `press.py` and
`data/countries.json` (`countries.py`).
"""

from __future__ import annotations

from bot.core.local import orgs
from bot.core.local.analysis import Analysis
from bot.core.local.clusters import Cluster, Ledger, short_fits
from bot.core.local.countries import fold
from bot.core.local.describe import describe
from bot.core.local.mentions import Mention, candidates
from bot.core.local.places import PLACE_PREPOSITIONS, after_preposition, is_metonym, only_a_place
from bot.core.local.recovered import with_recovered
from bot.core.local.references import (
    attach_titles,
    link_spellings,
    sweep_surnames,
    unnamed_officials,
)
from bot.core.local.screening import (
    STRONG,
    Context,
    build_context,
    inside_title,
    keep,
    read_context,
    stands_alone,
)
from bot.core.local.speaker_words import TITLE_WORDS
from bot.core.models import Actor, Span, System


def find_actors(analysis: Analysis, systems: list[System]) -> list[Actor]:
    """Actors of the story, merged across mentions, each with kind, role and mention spans."""
    text = analysis.text
    if not text.strip():
        return []
    ctx = build_context(analysis, systems)
    found = with_recovered(text, candidates(analysis.doc, text, ctx.index))
    found = _screened(found, ctx)
    for mention in found:
        read_context(mention, ctx)
    titles = [(m.title.start, m.start) for m in found if m.title and m.title.start >= 0]
    ledger = Ledger()
    deferred: list[Mention] = []
    for mention in found:
        if inside_title(mention, titles, ctx):
            continue
        if not _place(mention, ctx, ledger):
            deferred.append(mention)
    for mention in deferred:
        _place_short(mention, ctx, ledger)
    _consolidate(ledger)
    link_spellings(text, ledger)
    sweep_surnames(text, ledger, ctx.section)
    unnamed_officials(text, ledger, ctx.index, ctx.section)
    attach_titles(text, ledger, ctx.section)
    kept = [c for c in ledger.clusters if _is_actor(c, ctx)]
    kept.sort(key=lambda c: (-len(c.mentions), c.first))
    return [_actor(c, ctx) for c in kept]


def _screened(found: list[Mention], ctx: Context) -> list[Mention]:
    """Mentions that can name an actor; an acronym defined for a dropped name goes with it."""
    kept = [m for m in found if keep(m, ctx)]
    dropped = {m.acronym for m in found if m.acronym} - {m.acronym for m in kept if m.acronym}
    return [m for m in kept if m.text not in dropped] if dropped else kept


def _place(m: Mention, ctx: Context, ledger: Ledger) -> bool:
    """Place a country, capital or full name; False defers short forms until full names are in."""
    section = ctx.section(m.start)
    country = ctx.index.by_name(m.text) if m.label != "NORP" else None
    if country is not None:
        ledger.country(m, country, section)
        return True
    capital = ctx.index.by_capital(m.text)
    if capital is not None:
        if is_metonym(ctx.text, m):
            ledger.country(m, capital, section)
        return True
    if m.label == "NORP" or m.label not in STRONG | {"FAC"} or len(m.words) < 2:
        return False
    if m.label == "FAC" and not orgs.has_org_head(m.text):
        return False
    cluster = ledger.by_key.get(fold(m.text)) or ledger.same_person(m, section)
    if cluster is None and m.label == "ORG" and not orgs.has_org_head(m.text):
        cluster = ledger.short_form(m, section)
    if cluster is None:
        cluster = ledger.open(m, section)
    else:
        cluster.add(m)
    if m.acronym:
        ledger.define(m.acronym, cluster)
    return True


def _place_short(m: Mention, ctx: Context, ledger: Ledger) -> None:
    """Place a surname, acronym or short name on its cluster, or open one if it stands alone."""
    section = ctx.section(m.start)
    cluster = ledger.by_acronym.get(m.text) or _by_key_or_plural(ledger, fold(m.text))
    place = m.label == "GPE" and after_preposition(ctx.text, m, PLACE_PREPOSITIONS)
    if cluster is None and m.label != "NORP" and not place:
        cluster = ledger.short_form(m, section)
    if cluster is not None:
        cluster.add(m)
        return
    if not stands_alone(m, ctx):
        return
    opened = ledger.open(m, section)
    if m.acronym:
        ledger.define(m.acronym, opened)


def _by_key_or_plural(ledger: Ledger, key: str) -> Cluster | None:
    """The cluster named `key`, or by its plural or singular ("Houthi" and "the Houthis")."""
    found = ledger.by_key.get(key)
    if found is None and len(key) > 3:
        found = ledger.by_key.get(key[:-1]) if key.endswith("s") else ledger.by_key.get(key + "s")
    return found


def _consolidate(ledger: Ledger) -> None:
    """Merge clusters opened before their full name appeared ("Nordvik" before "Nordvik AS")."""
    ordered = sorted(ledger.clusters, key=lambda c: len(c.full_name), reverse=True)
    for short in reversed(ordered):
        if short not in ledger.clusters or short.country is not None:
            continue
        for long in ordered:
            if long is short or long not in ledger.clusters or long.country is not None:
                continue
            if len(long.full_name) <= len(short.full_name):
                continue
            if long.section == short.section and short_fits(short.full_name, long, False):
                ledger.merge(long, short)
                break


def _is_actor(cluster: Cluster, ctx: Context) -> bool:
    """False for title-only leftovers, places, outlets and reporters named only in a byline."""
    if not cluster.names and cluster.named_by_title is None:
        return False
    if cluster.named_by_title is None and all(_only_titles(n) for n in cluster.names):
        return False  # "Rear Admiral" the model cut off its name ("Rear Admiral (retd) X")
    if only_a_place(cluster, ctx.text):
        return False
    if any("carrier" in m.notes for m in cluster.mentions if m.text not in cluster.acronyms):
        return False
    if any(fold(n) in ctx.carriers for n in cluster.names):
        return False
    return not _only_in_byline(cluster, ctx)


def _only_titles(name: str) -> bool:
    return all(w.lower().strip(".,()") in TITLE_WORDS for w in name.split())


def _only_in_byline(cluster: Cluster, ctx: Context) -> bool:
    """A reporter named only in the byline carries the story; an author with a bio line acts in it."""
    for start, end, names in ctx.bylines:
        if any(fold(n) in names for n in cluster.names):
            return all(start <= m.start < end for m in cluster.mentions)
    return False


def _actor(cluster: Cluster, ctx: Context) -> Actor:
    """The Actor for a cluster, with every mention span (names and title-only references)."""
    spans = [Span(start=a, end=b) for a, b in _spans(cluster)]
    return describe(cluster, ctx.index, spans, ctx.text)


def _spans(cluster: Cluster) -> list[tuple[int, int]]:
    found = {(m.start, m.end) for m in cluster.mentions} | set(cluster.title_spans)
    return sorted(found)
