"""The event a date belongs to: a short subject-verb-object phrase from the date's own sentence.

With a dependency parse the phrase is built from the verb that governs the date; without one (or when
no verb governs it, as in a headline) it is the date's clause with the date left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.core.local.parsing import dated_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_WORDS = 12
_REPORTING = frozenset(
    "said says told announced added noted confirmed reported stated wrote warned claimed insisted "
    "argued explained according".split()
)
_NP_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "case", "nmod", "quantmod", "advmod"})
_OBJ_DEPS = frozenset({"dobj", "attr", "acomp", "oprd", "dative"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_NP_MAX = 8
_CLAUSE_END = re.compile(r"[,;:]$|^[—–-]+$")
_STRIP = "\"'“”‘’()[]{}—–-,;:. "
_DANGLING = frozenset(
    {"on", "in", "at", "by", "for", "from", "since", "before", "after", "until", "the", "a", "an", "and",
     "or", "of", "to", "with", "as", "that", "than", "during", "through", "which", "who"}
)


def event_phrase(
    text: str,
    doc: Doc | None,
    sentence: tuple[int, int],
    mention: tuple[int, int],
    dates: list[tuple[int, int]] | None = None,
) -> str | None:
    """What happened at this date, in at most MAX_WORDS words from its sentence, dates left out."""
    dates = [d for d in (dates or []) if sentence[0] <= d[0] < sentence[1]] + [mention]
    if doc is not None:  # the Doc of `text`; its parse covers the paragraphs that hold a date
        phrase = _from_parse(doc, sentence, mention, dates)
        if phrase and len(phrase.split()) >= 2:
            return phrase
    return _from_clause(text, sentence, mention, dates)


def _in_dates(start: int, end: int, dates: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in dates)


def _from_parse(
    doc: Doc, sentence: tuple[int, int], mention: tuple[int, int], dates: list[tuple[int, int]]
) -> str | None:
    span = dated_span(doc, mention[0], mention[1])
    if span is None:
        return None
    root = span.root
    skip = {t.i for t in span} | {t.i for t in root.subtree}
    if root.dep_ == "pobj":
        skip.add(root.head.i)
    verb = governing_verb(root)
    if verb is None:
        return None
    while verb.dep_ == "xcomp" and verb.head.tag_.startswith(("VB", "MD")):
        verb = verb.head  # "expects to hire": the clause is the expecting
    if verb.lower_ in _REPORTING:
        # "X said on Monday that Y happened": the event is what was said, when it follows the verb.
        inner = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and c.i not in skip), None)
        if inner is not None:
            verb = inner
    inside = [
        t for t in _clause(verb, skip, 0)
        if sentence[0] <= t.idx < sentence[1] and not _in_dates(t.idx, t.idx + len(t.text), dates)
    ]
    return _render(sorted(set(inside), key=lambda t: t.i))


def governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above `token` in the dependency tree (spaCy tags: VB*, MD)."""
    for _ in range(10):
        if token.tag_.startswith(("VB", "MD")) and token.dep_ not in ("amod", "compound"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _noun_phrase(head: Token, skip: set[int]) -> list[Token]:
    """The head noun with its left modifiers (a short noun phrase, not its whole subtree)."""
    left = [t for c in head.lefts if c.dep_ in _NP_DEPS or c.tag_ == "HYPH" for t in c.subtree]
    kept = [t for t in left if t.i not in skip][-(_NP_MAX - 1) :]
    return [*kept, head] if head.i not in skip else kept


def _clause(verb: Token, skip: set[int], depth: int) -> list[Token]:
    out: list[Token] = []
    if verb.dep_ in ("acl", "relcl"):
        out += _noun_phrase(verb.head, skip)
    for child in verb.children:
        if child.i in skip:
            continue
        if child.dep_ in _SUBJ_DEPS and child.tag_ not in ("WDT", "WP"):
            out += _noun_phrase(child, skip)
        elif child.dep_ in ("aux", "auxpass", "neg", "prt"):
            out.append(child)
        elif child.dep_ in _OBJ_DEPS:
            out += _noun_phrase(child, skip)
        elif child.dep_ in ("xcomp", "ccomp") and depth < 2:
            out += _clause(child, skip, depth + 1)
    if not any(c.dep_ in _OBJ_DEPS or c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i not in skip), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if prep is not None and obj is not None:
            out += [prep, *_noun_phrase(obj, skip)]
    return [*out, verb]


def _render(tokens: list[Token]) -> str | None:
    parts: list[str] = []
    last_end = -1
    for tok in tokens:
        word = tok.text.strip(_STRIP) if tok.text in ("“", "”", '"', "‘", "’") else tok.text
        if not word:
            continue
        glue = last_end == tok.idx or tok.text in ("'s", "’s", "-")
        parts.append(word if glue and parts else (" " + word if parts else word))
        last_end = tok.idx + len(tok.text)
    return _trim("".join(parts))


def _trim(phrase: str) -> str | None:
    words = [w.strip(_STRIP) if w.strip(_STRIP) else "" for w in phrase.split()]
    words = [w for w in words if w][:MAX_WORDS]
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    while words and words[0].lower() in ("and", "but", "or", "which", "who", "that"):
        words.pop(0)
    return " ".join(words) or None


def _from_clause(
    text: str, sentence: tuple[int, int], mention: tuple[int, int], dates: list[tuple[int, int]]
) -> str | None:
    words = [(sentence[0] + m.start(), sentence[0] + m.end()) for m in re.finditer(r"\S+", text[sentence[0] : sentence[1]])]
    if not words:
        return None
    at = next((i for i, (a, b) in enumerate(words) if b > mention[0]), len(words) - 1)
    lo = at
    while lo > 0 and not _CLAUSE_END.search(text[words[lo - 1][0] : words[lo - 1][1]]):
        lo -= 1
    hi = at
    while hi < len(words) - 1 and not _CLAUSE_END.search(text[words[hi][0] : words[hi][1]]):
        hi += 1
    if hi - lo < 5:  # a bare "on Tuesday," clause: take the words around it instead
        lo, hi = max(0, at - 8), min(len(words) - 1, at + 8)
    kept = [text[a:b] for a, b in words[lo : hi + 1] if not _in_dates(a, b, dates)]
    return _trim(" ".join(kept))
