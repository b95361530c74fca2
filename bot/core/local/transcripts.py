"""Transcripts with speaker labels: "JANE ROE: ...", "Roe: ...", "[CLIP - JANE ROE, Acme]: ...".

A text is a transcript when at least two labels each open two or more paragraphs. Every labelled
turn is then its speaker's own words. A host or moderator (marked so in the label, or whose turns
are mostly questions) asks rather than states, and is left out. A surname label ("ROE:") is the
speaker an earlier full label ("JANE ROE (guest):") or the text names with that surname.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.local.authors import AuthorView
from bot.core.local.name_forms import fold
from bot.core.local.speaker_tokens import SpeakerNP
from bot.core.local.speaker_words import NON_NAME

_NAME_WORD = r"[A-Z][\w'\u2019.\-]*"
_LABEL_RE = re.compile(
    r"(?:\[(?:[A-Z]{2,12}\s*[\u2014\u2013:\-]+\s*)?(?P<bname>"
    + _NAME_WORD
    + r"(?: "
    + _NAME_WORD
    + r"){0,3})"
    r"(?:\s*,\s*(?P<borg>[^\]\n]{1,60}))?\]"
    r"|(?P<name>"
    + _NAME_WORD
    + r"(?: "
    + _NAME_WORD
    + r"){0,4})(?:\s*\((?P<role>[^)\n]{1,40})\)|\s*,\s*(?P<crole>[A-Z][^:\n]{1,60}))?)"
    r"\s*:\s+"
)
_NOT_SPEAKERS = frozenset(
    """q a question answer update updated breaking note editor correction photo video watch read more source
    sources disclaimer transcript episode live summary background context published posted""".split()
)
_HOST_RE = re.compile(r"\b(?:host|co-host|moderator|presenter|interviewer|anchor|chair)\b", re.I)
_MIN_TURN_WORDS = 8  # "Thank you, happy to be here." is no view
_CUE_RE = re.compile(r"(?:\[[^\]\n]{1,24}\]\s*)+")
_WORD_RE = re.compile(r"[\w'\u2019\-]+")


@dataclass(slots=True)
class _Speaker:
    """One label's speaker: display name, role and turns."""

    name: str
    start: int
    role: str | None = None
    affiliation: str | None = None
    host: bool = False
    turns: list[tuple[int, int]] = field(default_factory=list)


def _is_name(label: str) -> bool:
    words = label.replace("\u2019", "'").split()
    return all(w.lower().strip(".") not in _NOT_SPEAKERS | NON_NAME for w in words)


def _display(text: str, label: str) -> str:
    """The label as the text writes the name elsewhere ("PARK SUNG-HOON" -> "Park Sung-hoon")."""
    if not label.isupper():
        return label
    pattern = re.compile(r"\s+".join(re.escape(w) for w in label.split()), re.I)
    for m in pattern.finditer(text):
        if not m.group().isupper():
            return m.group()
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in label.split())


@dataclass(frozen=True, slots=True)
class _Label:
    name: str
    role: str | None
    org: str | None
    start: int  # where the name starts
    end: int  # where the turn starts


def _labels(text: str, paras: list[tuple[int, int]]) -> list[tuple[_Label, int]]:
    out = []
    for a, b in paras:
        m = _LABEL_RE.match(text, a, b)
        found = m and _label(m)
        if m and found:
            out.append((found, b))
    return out


def _label(m: re.Match[str]) -> _Label | None:
    """The speaker of a label, without the titles before the name ("State Secretary Henrik Aas")."""
    words = (m.group("bname") or m.group("name")).split()
    titles = 0
    while len(words) - titles > 1 and words[titles].lower().strip(".") in NON_NAME:
        titles += 1
    name = " ".join(words[titles:])
    if not _is_name(name):
        return None
    start = m.start("bname") if m.group("bname") else m.start("name")
    skipped = len(" ".join(words[:titles])) + 1 if titles else 0
    role = m.group("role") or m.group("crole")
    if titles and not role:
        role = " ".join(words[:titles])
    return _Label(name, role, m.group("borg"), start + skipped, m.end())


def transcript_speakers(text: str, paras: list[tuple[int, int]]) -> list[AuthorView]:
    """Each labelled speaker of a transcript with their turns, hosts left out; [] for other texts."""
    found = _labels(text, paras)
    counts: dict[str, int] = {}
    for lab, _b in found:
        key = fold(lab.name).split()[-1]  # "JANE ROE (guest):" and "ROE:" are one speaker's labels
        counts[key] = counts.get(key, 0) + 1
    if sum(1 for n in counts.values() if n >= 2) < 2:
        return []
    speakers: dict[str, _Speaker] = {}
    for lab, b in found:
        label, role, a = lab.name, lab.role, lab.end
        sp = speakers.get(fold(label)) or _by_surname(speakers, label)
        if sp is None:
            sp = speakers[fold(label)] = _Speaker(_display(text, label), lab.start)
            if len(label.split()) == 1:
                sp.name = _full_name(text, label) or sp.name
        elif len(label.split()) > len(sp.name.split()) and fold(label).endswith(fold(sp.name)):
            sp.name, sp.start = _display(text, label), lab.start  # "Aas:" came before "Henrik Aas (...):"
        sp.role = sp.role or (role if role and not _HOST_RE.search(role) else None)
        sp.affiliation = sp.affiliation or lab.org
        sp.host = sp.host or bool(role and _HOST_RE.search(role))
        cue = _CUE_RE.match(text, a, b)  # "[laughs] I have been told that."
        sp.turns.append((cue.end() if cue else a, b))
    out = []
    for sp in speakers.values():
        questions = sum("?" in text[a:b] for a, b in sp.turns)
        if sp.host or questions * 2 >= len(sp.turns):
            continue
        spans = [(a, b) for a, b in sp.turns if len(_WORD_RE.findall(text[a:b])) >= _MIN_TURN_WORDS]
        if spans:
            np = SpeakerNP(sp.start, sp.start + len(sp.name), "person", sp.name)
            out.append(AuthorView(np, role=sp.role, affiliation=sp.affiliation, spans=spans))
    return out


def _by_surname(speakers: dict[str, _Speaker], label: str) -> _Speaker | None:
    """ "ROE" after "JANE ROE": the speaker whose full label ends with this one."""
    last = fold(label)
    for key, sp in speakers.items():
        if key.split()[-1] == last or last.split()[-1] == key:
            return sp
    return None


def _full_name(text: str, surname: str) -> str | None:
    """A capitalised full name in the text that ends with this surname ("Dr. Jane Roe" for "ROE")."""
    pattern = re.compile(r"((?:[A-Z][\w\-]+ ){1,2})((?i:" + re.escape(surname) + r"))\b")
    for m in pattern.finditer(text):
        given = m.group(1).split()
        if m.group(2).isupper() or any(w.isupper() or w.lower() in NON_NAME for w in given):
            continue
        return m.group()
    return None
