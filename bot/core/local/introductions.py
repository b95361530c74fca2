"""Where a surname was introduced with its given names ("... led by Rebecca Thornbury, the ...")."""

from __future__ import annotations

import re

from bot.core.local.speaker_tokens import tokens
from bot.core.local.speaker_words import NON_NAME, PARTICLES


def introduced_name(text: str, surname: str) -> str | None:
    """The given names written right before a surname somewhere in `text` ("Rebecca" + "Thornbury").

    Capitalised words before a mention count, up to three, unless one ends a sentence, owns something
    ("South Korea's Hanwha") or is a word that is never a name.
    """
    pattern = re.compile(r"(?<![\w\-])" + re.escape(surname) + r"(?![\w\-])")
    for m in pattern.finditer(text):
        before = tokens(text, max(0, m.start() - 80), m.start())
        given: list[str] = []
        for t in reversed(before):
            ends_sentence = t.text.endswith(".") and len(t.text) > 2
            owner = t.text.endswith(
                ("'s", "\u2019s")
            )  # "South Korea's Hanwha": never a given name
            if (
                not t.cap
                or t.low in NON_NAME
                or ends_sentence
                or owner
                or t.end + 2 < (m.start() if not given else before[-len(given)].start)
            ):
                if t.low not in PARTICLES or t.cap:
                    break
            given.insert(0, t.text)
            if len(given) == 3:
                break
        if given and given[0][:1].isupper():
            return " ".join([*given, surname])
    return None
