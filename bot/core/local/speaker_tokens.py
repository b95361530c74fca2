"""The words of a speaker phrase: tokens with offsets, and the parsed phrase they make."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

PP_PREPOSITIONS = frozenset("in at from of with for on inside within near to".split())
TOKEN_RE = re.compile(r"\([^()\n]{1,24}\)|[^\W_](?:[\w\-\u2019'.]*\w)?\.?|[,;:]")
POSSESSIVE_RE = re.compile(r"['\u2019]s?$")


EntLabel = Callable[[int, int], str]


class Token:
    """A word, parenthetical or comma with its offsets in the article (fields computed once)."""

    __slots__ = ("start", "end", "text", "low", "cap", "paren")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        low = text.lower().rstrip(".")
        # lower-cased, without a final full stop or possessive
        self.low = POSSESSIVE_RE.sub("", low) if ("'" in low or "\u2019" in low) else low
        self.cap = text[:1].isupper()  # a name, title or sentence-initial word
        self.paren = text[:1] == "("  # "(retd)", "(JCS)"

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


@dataclass(frozen=True, slots=True)
class SpeakerNP:
    """A noun phrase naming a speaker. `kind`: pronoun, person, surname, org, unnamed or definite."""

    start: int
    end: int
    kind: str
    name: str
    head: str = ""
    role: str | None = None
    plural: bool = False
    alias: str = ""  # an acronym given in parentheses: "Joint Chiefs of Staff (JCS)"


def tokens(text: str, a: int, b: int) -> list[Token]:
    """Words of text[a:b] with absolute offsets."""
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, a, max(a, b))]
