"""An index over every register variant: per-first-word trie regexes, built once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.core.local.register import RegisterEntry, SystemsRegister, load_register, variant_key

# Any of these may separate the parts of a designator ("F-16", "Type 054A", "Arrow-3").
SEPARATORS = " \t\u00a0-\u2010\u2011\u2013"
_SEP_ATOM = r"[\s\-\u2010\u2011\u2013]"
_APOS_ATOM = "['\u2019]"
# A variant ends before any lower-case letter or digit, except a plural "s"; a capital may follow
# ("F-16V"), and the caller decides whether it extends the name.
_AFTER = r"(?:(?=s(?![A-Za-z0-9]))|(?![a-z0-9]))"


@dataclass(frozen=True, slots=True)
class Known:
    """What a matched variant stands for."""

    entry: RegisterEntry
    variant: str
    needs_context: bool
    richer: bool  # a more specific form of the canonical name ("Tomahawk Block V", "J-10C")


class _Node:
    __slots__ = ("children", "end")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.end = False


def _atoms(variant: str) -> list[str]:
    atoms: list[str] = []
    for ch in variant:
        if ch in SEPARATORS:
            if atoms and atoms[-1] == _SEP_ATOM:
                continue
            atoms.append(_SEP_ATOM)
        elif ch in "'\u2019":
            atoms.append(_APOS_ATOM)
        else:
            atoms.append(re.escape(ch))
    return atoms


def _emit(node: _Node) -> str:
    branches = [atom + _emit(child) for atom, child in sorted(node.children.items())]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if node.end:
        return f"(?:{body})?"
    return body


def trie_pattern(variants: list[str]) -> str:
    """One regex alternation of `variants`, shaped as a trie so matching stays fast with thousands."""
    root = _Node()
    for variant in variants:
        node = root
        for atom in _atoms(variant):
            node = node.children.setdefault(atom, _Node())
        node.end = True
    return _emit(root)


_MIXED_PREFIX = re.compile(r"^([A-Z][a-z][A-Za-z]?)(?=[-\u2010\u2011 ]?\d)")


def _other_spellings(name: str) -> list[str]:
    """ "MiG-29" is also written "MIG-29" and "Mig-29"; "Su-35" also "SU-35"."""
    match = _MIXED_PREFIX.match(name)
    if match is None:
        return []
    prefix = match.group(1)
    rest = name[len(prefix) :]
    return [s + rest for s in {prefix.upper(), prefix.capitalize()} if s != prefix]


_SPOKEN_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{5,}(?![A-Za-z])")


def _title_case_spellings(name: str) -> list[str]:
    """ "THAAD" is also written "Thaad" and "SSN-AUKUS" "SSN-Aukus": some house styles write an acronym
    spoken as a word in title case."""
    if _SPOKEN_ACRONYM.search(name) is None:
        return []
    return [_SPOKEN_ACRONYM.sub(lambda m: m.group().capitalize(), name)]


def _is_richer(variant: str, canonical: str) -> bool:
    """True when a variant is a more specific form of the canonical name.

    It contains the canonical name ("Patriot PAC-3 MSE"), extends it ("Leopard 2A4", "J-10C") or
    extends its leading designator ("AH-64E Apache Guardian"); another designation ("SA-21 Growler")
    is not richer.
    """
    v, c = variant_key(variant), variant_key(canonical)
    if v == c:
        return False
    if f" {c} " in f" {v} " or (v.startswith(c) and len(v) > len(c)):
        return True
    lead = variant_key(canonical.split()[0])
    return any(ch.isdigit() for ch in lead) and v.startswith(lead) and len(v) > len(lead)


_WORD = re.compile(r"[^\W_]+")


class RegisterIndex:
    """Finds register variants in text and says which entry each one names.

    Variants are grouped by their first word: a text word that starts no variant costs one set lookup,
    and each group's small trie regex is compiled the first time one of its words turns up.
    """

    def __init__(self, register: SystemsRegister) -> None:
        self.register = register
        self._by_key: dict[str, Known] = {}
        self._groups: dict[str, list[str]] = {}
        for entry in register.entries:
            names = entry.all_names
            for name in names:
                known = Known(
                    entry=entry,
                    variant=name,
                    needs_context=name in entry.needs_context,
                    richer=_is_richer(name, entry.name),
                )
                spellings = [(s, known) for s in (name, *_other_spellings(name))]
                # A lone word in title case may be an ordinary word ("Caesar"); a compound is not.
                alone = _SPOKEN_ACRONYM.fullmatch(name) is not None
                titled = Known(entry=entry, variant=name, needs_context=alone, richer=known.richer)
                spellings += [(s, titled) for s in _title_case_spellings(name)]
                for spelling, owner in spellings:
                    self._by_key.setdefault(variant_key(spelling), owner)
                    first = _WORD.match(spelling)
                    if first is not None:
                        self._groups.setdefault(first.group(), []).append(spelling)
        self._compiled: dict[str, re.Pattern[str]] = {}
        # Nearly every variant starts with a capital or a digit; only words like that (and the few
        # lower-case first words the register has, e.g. "drone wall") are worth a look-up.
        lower = sorted((w for w in self._groups if w[0].islower()), key=len, reverse=True)
        alternatives = [r"(?:[^\W\d_a-z]|\d)[^\W_]*"] + [
            re.escape(w) + r"(?![^\W_])" for w in lower
        ]
        self._candidates = re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + ")")

    def lookup(self, written: str) -> Known | None:
        """The entry a variant as written in the text belongs to."""
        return self._by_key.get(variant_key(written))

    def _group(self, word: str) -> re.Pattern[str]:
        pattern = self._compiled.get(word)
        if pattern is None:
            pattern = re.compile("(?:" + trie_pattern(self._groups[word]) + ")" + _AFTER)
            self._compiled[word] = pattern
        return pattern

    def _first(self, word: str) -> str | None:
        """The variant group for a text word, allowing a plural or an attached suffix ("M1A2T")."""
        if word in self._groups:
            return word
        last = word[-1]
        if last == "s":
            return word[:-1] if word[:-1] in self._groups else None
        if not (last.isupper() or last.isdigit()):
            return None
        for cut in range(1, min(4, len(word) - 1) + 1):
            head, tail = word[:-cut], word[-cut:]
            if not (tail.isupper() or tail.isdigit()) or not tail.isalnum():
                return None
            if head in self._groups and head[-1].isdigit():
                return head
        return None

    def finditer(self, text: str) -> list[tuple[int, int, Known]]:
        """Every register variant in `text`: (start, end, what it names), left to right, no overlaps."""
        out: list[tuple[int, int, Known]] = []
        last_end = 0
        for word in self._candidates.finditer(text):
            start = word.start()
            if start < last_end:
                continue
            first = self._first(word.group())
            if first is None or not _starts_word(text, start):
                continue
            match = self._group(first).match(text, start)
            if match is None:
                continue
            known = self.lookup(match.group())
            if known is not None:
                out.append((start, match.end(), known))
                last_end = match.end()
        return out


def _starts_word(text: str, start: int) -> bool:
    """Not glued to what precedes: "KF-21" holds no "F-21", "SAMP/T" no "T"."""
    if start == 0:
        return True
    before = text[start - 1]
    if before.isalnum() or before in "/_":
        return False
    return not (before in "-\u2010\u2011" and start >= 2 and text[start - 2].isalnum())


@lru_cache(maxsize=1)
def register_index() -> RegisterIndex:
    """The index over the bundled register (built once per process)."""
    return RegisterIndex(load_register())
