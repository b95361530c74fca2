"""Further names of a system already found: a defined acronym, a nickname, a bare block number, a
name that ends a longer one."""

from __future__ import annotations

import re

from bot.core.local.system_mentions import Mention, initials_fit

_ACRONYM_AFTER = re.compile(r"[ \u00a0]?\((?P<acr>[A-Z][A-Za-z]{1,7})\)")
_SUFFIX_TAIL = re.compile(r"(?:Block|Increment|Flight|Batch)[ \u00a0][0-9IVX]{1,4}[A-Z]?$")
# "its QIMU-4 inertial unit, nicknamed “Lodestar”": a nickname given right after a system's name
# (at most three words of description between) is another name of that system.
_NICKNAME = re.compile(
    r"(?:[ \u00a0][\w-]+){0,3}?,?[ \u00a0](?:nicknamed|dubbed|known as|also called|code-?named|called)"
    r"[ \u00a0](?:the[ \u00a0])?[\"“‘']?(?P<name>[A-Z][\w-]*(?:[ \u00a0][A-Z][\w-]*){0,2})"
)


def taken_spans(groups: dict[str, list[Mention]]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for ms in groups.values() for m in ms]


def free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in taken)


def attach_acronyms(text: str, groups: dict[str, list[Mention]]) -> None:
    """ "KRL 122 Multiple Launch Rocket System (MLRS)": the acronym names that system from then on."""
    for ms in list(groups.values()):
        for m in list(ms):
            match = _ACRONYM_AFTER.match(text, m.end)
            if match is None or not initials_fit(m.form(text), match.group("acr")):
                continue
            acr = match.group("acr")
            if acr not in m.aliases:
                m.aliases.append(acr)
            taken = taken_spans(groups)
            for hit in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", text):
                if free(taken, hit.start(), hit.end()):
                    ms.append(Mention.at(*hit.span(), m.key, known=m.known, category=m.category))


def merge_tails(text: str, groups: dict[str, list[Mention]]) -> None:
    """A lone name that ends another system's name is that system ("Poseidon" after "P-8A Poseidon")."""
    for key in list(groups):
        forms = {m.form(text) for m in groups[key]}
        lone = groups[key]
        if len(forms) != 1 or (lone[0].known is not None and any(m.confirmed for m in lone)):
            continue
        (form,) = forms
        for other, ms in groups.items():
            if other != key and any(m.form(text).endswith(" " + form) for m in ms):
                ms.extend(groups.pop(key))
                break


def add_bare_suffixes(text: str, groups: dict[str, list[Mention]]) -> None:
    """ "The Block 70 is equipped with ...": a bare block after "F-16 Block 70" is the same system."""
    for ms in groups.values():
        tails = {t.group() for m in ms if m.extended and (t := _SUFFIX_TAIL.search(m.form(text)))}
        for tail in tails:
            taken = taken_spans(groups)
            for hit in re.finditer(rf"(?<![\w-]){re.escape(tail)}(?![\w-])", text):
                if free(taken, hit.start(), hit.end()):
                    ms.append(Mention.at(*hit.span(), ms[0].key, known=ms[0].known))


def merge_nicknames(text: str, groups: dict[str, list[Mention]]) -> None:
    """A nickname given right after a system ("the RX-9, dubbed Saber") joins that system, with every
    other use of the nickname."""
    for key in list(groups):
        ms = groups.get(key)
        if ms is None:
            continue
        for m in list(ms):
            match = _NICKNAME.match(text, m.end)
            if match is None or "." in text[m.end : match.start("name")]:
                continue
            name = re.sub(r"[\"”’']+$", "", match.group("name"))
            _adopt(text, groups, key, name)


def _adopt(text: str, groups: dict[str, list[Mention]], key: str, name: str) -> None:
    for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        owner = next(
            (k for k, ms in groups.items() for m in ms if m.start <= hit.start() < m.end), None
        )
        if owner == key:
            continue
        if owner is not None:
            if owner.startswith(("name:", "title:", "app:")):
                groups[key].extend(groups.pop(owner))
            continue
        groups[key].append(Mention.at(*hit.span(), key, category=groups[key][0].category))
