"""Designator-shaped systems the register does not know ("Corvid LM-2", "HS-40 Havørn").

A designator shape alone is weak evidence (it may be a code, a unit or a form), so each one is kept
only when the text backs it: a head noun or appositive ("..., a loitering munition"), a maker, a
naming phrase ("designated", "sold as"), defence context in its sentence, or a sibling model of the
same family that is already backed ("LM-2M" beside "LM-2").
"""

from __future__ import annotations

import re

from bot.core.local.designators import compact_key, find_designators
from bot.core.local.register import is_country_name
from bot.core.local.system_aliases import free
from bot.core.local.system_lexicon import DEMONYMS, GENERIC_ACRONYMS, HEAD_NOUNS, STOP_WORDS
from bot.core.local.system_mentions import (
    Mention,
    appositive_category,
    civil_head,
    extend_proper,
    extend_right,
    has_context,
    head_category,
    maker_before,
    sentence_category,
)

# A nickname in quotation marks right after a designator: QIMU-4 "Lodestar".
_NICKNAME = re.compile(
    r"[ \u00a0][\"\u201c'\u2018](?P<nick>[A-Z][\w-]{2,24}(?: [A-Z][\w-]{2,24})?)[,.]?[\"\u201d'\u2019]"
)
# The phrase that introduces a product's name: "designated HS-40", "sold as the SD-3300", and on
# debris "a tail kit marked VTM-60". After "called" or "named" a determiner means the other sense
# ("called the PX-5 a success").
_NAMED_BEFORE = re.compile(
    r"(?:\b(?:called|named|dubbed|nicknamed|branded|marked|labell?ed|stamped|designates|calls|dubs)[ \u00a0]"
    r"|\b(?:designated|designation|code-?named|known[ \u00a0]as|sold[ \u00a0]as|marketed[ \u00a0]as)"
    r"[ \u00a0](?:the[ \u00a0])?)[\"\u201c\u2018']?$"
)
# A system noun set off right before the designator: "the first of those vessels, the MUV-12".
_BROAD_HEADS = frozenset("system platform suite module model programme program software terminal".split())
_HEAD_SET_OFF = re.compile(
    r"\b(?P<head>"
    + "|".join(re.escape(h) for h in sorted(set(HEAD_NOUNS) - _BROAD_HEADS, key=len, reverse=True))
    + r")(?:e?s)?,[ \u00a0](?:the[ \u00a0])?$",
    re.IGNORECASE,
)
# One capitalised word right before the designator, not glued to what precedes it.
_WORD_BEFORE = re.compile(r"(?<![\w'\u2019.-])(?P<word>[^\W\d_][^\W_]*)[ \u00a0]$")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"\u201c(\[]\s*)$")
# How many characters a sibling model may add to a backed designator: "LM-2" -> "LM-2M", "LM-2A".
_SIBLING_SUFFIX = 2


def designator_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Designator-shaped systems not in the register, kept when the text backs them."""
    out: list[Mention] = []
    for d in find_designators(text):
        if not free(taken, d.start, d.end):
            continue
        end = extend_right(text, d.end, None)
        category = head_category(text, end)
        end = extend_proper(text, end)
        category = category or head_category(text, end) or appositive_category(text, end)
        set_off = _HEAD_SET_OFF.search(text, max(0, d.start - 60), d.start)
        category = category or (HEAD_NOUNS[set_off.group("head").lower()] if set_off else None)
        start, maker = maker_before(text, d.start)
        if not maker:
            start = family_before(text, d.start)
        confirmed = maker or category is not None or named_before(text, start)
        if civil_head(text, end):
            # An airliner is a system only in a story about armed forces or defence.
            confirmed = has_context(text, d.start, end, None)
        if not confirmed and not d.needs_head:
            confirmed = has_context(text, d.start, end, None)
        category = category or sentence_category(text, d.start, end)
        key = "des:" + compact_key(text[d.start : d.end])
        nick = _NICKNAME.match(text, end)
        # A nickname in quotes names a product: the KC-767 "Jupiter", the QIMU-4 "Lodestar".
        confirmed = confirmed or (nick is not None and not d.needs_head)
        aliases = [nick.group("nick")] if nick and confirmed else []
        out.append(Mention(start, end, d.start, d.end, key, None, category, confirmed, aliases))
        for alias in aliases:  # later bare uses of the nickname ("ship Lodestar units") are this system
            out += [
                Mention.at(m.start(), m.end(), key, category=category, confirmed=True)
                for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text)
                if not nick.start("nick") <= m.start() < nick.end("nick")
            ]
    return _with_siblings(out)


def named_before(text: str, start: int) -> bool:
    """True when a naming phrase introduces the designator ("a network designated HS-40")."""
    return _NAMED_BEFORE.search(text, max(0, start - 40), start) is not None


def family_before(text: str, start: int) -> int:
    """Where the form starts once a family or maker word right before it is included.

    "the Corvid LM-2", "sold as the Sakuragi SD-3300": a capitalised word that is not a function
    word, title, nationality, country or category noun, and does not open the sentence.
    """
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if match is None:
        return start
    word = match.group("word")
    if not (word[0].isupper() and any(c.islower() for c in word)):
        return start  # acronyms before a designator are mostly operators ("PGZ", "USAF")
    if (
        word in STOP_WORDS
        or word in DEMONYMS
        or word in GENERIC_ACRONYMS
        or word.lower() in HEAD_NOUNS
        or is_country_name(word)
        or _SENTENCE_OPEN.search(text, max(0, match.start() - 4), match.start()) is not None
    ):
        return start
    return match.start()


def _with_siblings(mentions: list[Mention]) -> list[Mention]:
    """Back a designator that extends a backed one by a letter or two: "LM-2M" beside "LM-2"."""
    backed = {m.key: m.category for m in mentions if m.confirmed}
    for m in mentions:
        if m.confirmed:
            continue
        key = m.key
        for base, category in backed.items():
            extra = len(key) - len(base)
            tail = key[len(base) :]
            if 0 < extra <= _SIBLING_SUFFIX and key.startswith(base) and base[-1].isdigit() and tail.isalpha():
                m.confirmed = True
                m.category = m.category or category
                break
    return mentions
