"""Weapons, platforms, sensors, software and programmes: register look-up plus designator patterns."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from bot.core.local.analysis import Analysis
from bot.core.local.named_systems import (
    find_apposed,
    find_called,
    find_classes,
    find_defined,
    find_malware,
    find_programmes,
    find_titled,
)
from bot.core.local.register import variant_key
from bot.core.local.ships import find_ships
from bot.core.local.system_aliases import (
    add_bare_suffixes,
    attach_acronyms,
    merge_nicknames,
    merge_tails,
)
from bot.core.local.system_index import register_index
from bot.core.local.system_mentions import (
    Mention,
    after_other_name,
    extend_right,
    glued_to_name,
    has_context,
    maker_before,
)
from bot.core.local.unknown_designators import designator_mentions
from bot.core.models import Span, System

# Which finder wins when two mentions overlap: the register first, then names, then bare designators.
_TIER = {"reg": 0, "ship": 1, "class": 1, "def": 1, "prog": 1, "name": 2, "title": 2, "app": 2, "des": 3}
_NOT_NAMES = frozenset(
    {"PERSON", "GPE", "NORP", "LOC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "FAC"}
)
_DEMONYM_SHAPE = re.compile(r"(?:ians?|eans?|ese|ish|[iy]|ics?|ans?|ites?|ers?|ch)$")
# "the A-10 road", "the M1 motorway": a road or a bus line that shares a system's designation.
_ROAD_AFTER = re.compile(r"[ \u00a0](?:road|motorway|highway|freeway|expressway|route|bus|tram)\b")
# A constellation or other word-name used as a modifier ("GPS-guided", "Patriot-style") names
# something else.
_MODIFIER_AFTER = re.compile(
    r"[-\u2010\u2011](?:guided|based|enabled|denied|style|like|type|equipped|capable)\b"
)


def find_systems(analysis: Analysis) -> list[System]:
    """Systems mentioned in the article, merged across mentions, each with its mention spans."""
    text = analysis.text
    if not text.strip():
        return []
    known = register_mentions(text)
    found = [
        *known,
        *designator_mentions(text, [(m.start, m.end) for m in known]),
        *find_ships(text),
        *find_classes(text),
        *find_called(text),
        *find_apposed(text),
        *find_malware(text),
        *find_titled(text),
        *find_defined(text),
        *find_programmes(text),
    ]
    mentions = _resolve_overlaps(_drop_entities(_family_prefixes(text, found), analysis))
    groups = split_siblings(text, _group(mentions))
    attach_acronyms(text, groups)
    merge_nicknames(text, groups)
    merge_tails(text, groups)
    add_bare_suffixes(text, groups)
    systems = [_to_system(text, ms) for ms in groups.values() if any(m.confirmed for m in ms)]
    return sorted(systems, key=lambda s: s.mentions[0].start)


# A transcript's speaker label: "DANA WHITCOMBE (HOST):", "GEN. ROE:".
_SPEAKER_LABEL = re.compile(r"[A-Z][A-Z'’. -]+?(?:[ \t]*\([^()\n]{1,30}\))?:")


def _in_speaker_label(text: str, start: int, end: int) -> bool:
    """A word-only entry ("DANA") inside a transcript's capitalised speaker label is a name."""
    line_start = text.rfind("\n", 0, start) + 1
    label = _SPEAKER_LABEL.match(text, line_start)
    return label is not None and end <= label.end() and text[start:end].isalpha()


def register_mentions(text: str) -> list[Mention]:
    """Mentions of register entries, each extended over its maker, block, version or name."""
    out: list[Mention] = []
    for start, end, known in register_index().finditer(text):
        if not text[end - 1].isdigit() and glued_to_name(text, end, spaced=known.needs_context):
            continue
        if known.needs_context and after_other_name(text, start):
            continue
        if _in_speaker_label(text, start, end):
            continue
        if _ROAD_AFTER.match(text, end) or (
            known.needs_context and _MODIFIER_AFTER.match(text, end)
        ):
            continue
        form_start, maker = maker_before(text, start)
        form_end = extend_right(text, end, known)
        confirmed = (
            not known.needs_context or maker or has_context(text, start, end, known.entry.category)
        )
        key = "reg:" + known.entry.name
        out.append(
            Mention(form_start, form_end, start, end, key, known, known.entry.category, confirmed)
        )
    return out


def _family_prefixes(text: str, found: list[Mention]) -> list[Mention]:
    """ "Puma M26-15", "Varko SR-7": an ambiguous register word right before an unknown designator is
    that model's family name, not the register's system of that name."""
    by_end = {
        m.end: m for m in found if m.key.startswith("reg:") and m.known and m.known.needs_context
    }
    dropped: set[int] = set()
    for m in found:
        word = by_end.get(m.core_start - 1)
        if m.key.startswith("des:") and word is not None and text[m.core_start - 1] in " \u00a0":
            m.start = word.start
            m.confirmed = True
            dropped.add(id(word))
    return [m for m in found if id(m) not in dropped]


def _tier(m: Mention) -> int:
    return _TIER[m.key.split(":", 1)[0]]


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (_tier(m), -(m.end - m.start), m.start)):
        clash = [k for k in kept if not (m.end <= k.start or m.start >= k.end)]
        if not clash:
            kept.append(m)
        elif m.confirmed and all(
            not k.confirmed and m.start <= k.start and k.end <= m.end and (k.start, k.end) != (m.start, m.end)
            for k in clash
        ):
            # "the four Orka-class submarines": the backed longer form replaces an ambiguous register
            # word inside it (here a programme's name that needs context)
            kept = [k for k in kept if k not in clash] + [m]
        elif m.confirmed:
            # "a second tool, Lavender, which": the phrasing backs the register's ambiguous word
            for k in clash:
                k.confirmed = k.confirmed or (k.start, k.end) == (m.start, m.end)
    return sorted(kept, key=lambda m: m.start)


def _drop_entities(mentions: list[Mention], analysis: Analysis) -> list[Mention]:
    """Drop names found by phrasing ("called X", "the X drone") that spaCy reads as people or places."""
    if not any(m.key.startswith(("name:", "title:")) for m in mentions):
        return mentions
    ents = [(e.start_char, e.end_char, e.label_) for e in getattr(analysis.doc, "ents", ())]
    out = []
    for m in mentions:
        kind = m.key.split(":", 1)[0]
        labels = {lab for a, b, lab in ents if a <= m.start and m.end <= b}
        if (kind == "name" and labels & _NOT_NAMES) or (
            kind == "title" and _people(m, analysis.text, labels)
        ):
            continue
        out.append(m)
    return out


def _people(m: Mention, text: str, labels: set[str]) -> bool:
    """spaCy's small model reads many unknown names as nationalities ("two Karhu helicopters"); a
    nationality label is believed only for a word shaped like one ("Ossetian", "Yazidi")."""
    if "PERSON" in labels:
        return True
    return "NORP" in labels and _DEMONYM_SHAPE.search(m.form(text)) is not None


def _group(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(m.key, []).append(m)
    return groups


def _shape(suffix: str) -> str:
    return re.sub(r"[a-z]", "a", re.sub(r"\d", "9", suffix))


def _siblings(a: str, b: str) -> bool:
    """ "Leopard 2A4" and "Leopard 2A8", "M1A1" and "M1A2": one model, two versions of the same shape."""
    n = len(os.path.commonprefix([a, b]))
    x, y = a[n:], b[n:]
    return (
        0 < len(x) <= 4
        and 0 < len(y) <= 4
        and x.isalnum()
        and y.isalnum()
        and _shape(x) == _shape(y)
    )


def _version_key(text: str, m: Mention) -> str:
    """A mention's written form without a plural "s" ("Leopard 2A4s" is "Leopard 2A4")."""
    return variant_key(re.sub(r"(?<=[0-9A-Z])s$", "", _clean(m.form(text)))).casefold()


def split_siblings(text: str, groups: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """Two versions of one register entry named in one text are two systems; other mentions of the
    entry (the bare family name) stay with the version named first."""
    out: dict[str, list[Mention]] = {}
    for key, ms in groups.items():
        forms = list(dict.fromkeys(_version_key(text, m) for m in ms))
        versions = [f for f in forms if any(_siblings(f, g) for g in forms if g != f)]
        if not key.startswith("reg:") or len(versions) < 2:
            out[key] = ms
            continue
        for m in ms:
            form = _version_key(text, m)
            out.setdefault(f"{key}#{form if form in versions else versions[0]}", []).append(m)
    return out


def _to_system(text: str, mentions: list[Mention]) -> System:
    mentions = sorted(mentions, key=lambda m: m.start)
    known = next((m.known for m in mentions if m.known is not None), None)
    forms = [_clean(m.form(text)) for m in mentions]
    name = _display_name(mentions, forms)
    extra = [a for m in mentions for a in m.aliases]
    cores = [_clean(m.core(text)) for m in mentions if m.extended]
    # "Thales SMART-S Mk2": the form without its maker is a name of the system too.
    cores += [_clean(text[m.core_start : m.end]) for m in mentions if m.start < m.core_start]
    if known is not None:
        category: str | None = known.entry.category
    else:
        category = next((m.category for m in mentions if m.category), None)
    spans = sorted({(m.start, m.end) for m in mentions})
    return System(
        name=name,
        category=category,
        aliases=_unique([*forms, *cores, *extra], exclude=name),
        origin=", ".join(known.entry.origin) if known else None,
        in_register=known is not None,
        mentions=[Span(start=a, end=b) for a, b in spans],
    )


def _display_name(mentions: list[Mention], forms: list[str]) -> str:
    """The most specific form in the text when it is richer than the canonical name, else the canonical."""
    richer = [
        f
        for m, f in zip(mentions, forms, strict=True)
        if m.extended or (m.known and m.known.richer)
    ]
    if richer:
        return max(richer, key=len)
    known = next((m.known for m in mentions if m.known is not None), None)
    if known is not None:
        return known.entry.name
    # A designation names the system; a nickname given to it ("Lodestar") is an alias.
    named = any(m.key.startswith("des:") for m in mentions)
    designations = [f for f in forms if named and any(c.isdigit() for c in f)]
    return max(designations or forms, key=len)


def _clean(form: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", form).strip()


def _unique(names: list[str], exclude: str) -> list[str]:
    """Names as written, once each; a spelling that differs only in a hyphen ("Python 5" for the
    register's "Python-5") is kept, since readers search for what the article wrote."""
    seen = {" ".join(exclude.split()).casefold()}
    out = []
    for name in names:
        key = " ".join(name.split()).casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out
