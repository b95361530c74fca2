"""Names the small model missed, added when a title, an appositive or an acronym vouches for them.

"Rear Adm. Elena Castillo" (a title), "Igor Maltsev, the head of ..." (an appositive) and
"... Self-Defense Force (JMSDF)" (an acronym whose initials the words spell) are names even when the
NER tagged nothing there.
"""

from __future__ import annotations

import bisect
import re

from bot.core.local import orgs, roles
from bot.core.local.mentions import NAME_LINKS, Mention, is_title_word

_NAME = r"[A-Z][\w\u2019'-]*[a-z\u00e0-\u024f][\w\u2019'-]*"
_TITLED_NAME = re.compile(
    r"\b(?P<title>(?:(?:Rear|Vice|Lt\.|Lieutenant|Major|Maj\.|Brig\.|Brigadier|Senior|Air|Chief|"
    r"Deputy|Prime|Foreign|Defen[cs]e)\s+)*(?:President|Minister|Secretary|Senator|Sen\.|Rep\.|"
    r"Gov\.|Governor|Mayor|Gen\.|General|Col\.|Colonel|Maj\.|Major|Capt\.|Captain|Cmdr\.|Commander|"
    r"Adm\.|Admiral|Brig\.|Sgt\.|Sergeant|Marshal|Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|Professor|Ambassador|"
    r"Chancellor|Judge))\s+(?P<name>" + _NAME + r"(?:\s+" + _NAME + r"){0,2})"
)
_APPOSED_NAME = re.compile(
    r"(?:^|(?<=[.!?\u201d\"]\s)|(?<=\bsaid\s)|(?<=\n))(?P<name>" + _NAME + r"(?:\s+" + _NAME + r"){1,2})(?=,\s+(?:(?:a|an|the)\s|[A-Z][\w-]*(?:'s|\u2019s)\s))"
)
_ACRONYM = re.compile(r" \((?P<acr>[A-Z][A-Za-z.&]{1,9})\)")


def with_recovered(text: str, found: list[Mention]) -> list[Mention]:
    """`found` plus the names the model missed, in text order."""
    return sorted([*found, *recovered(text, found)], key=lambda m: (m.start, -m.end))


def recovered(text: str, found: list[Mention]) -> list[Mention]:
    """Names the model missed, vouched for by a title, an appositive or an acronym definition."""
    taken = sorted((m.start, m.end) for m in found)
    out: list[Mention] = []

    def free(s: int, e: int) -> bool:
        i = bisect.bisect_left(taken, (e, e))
        return not any(a < e and s < b for a, b in taken[max(0, i - 4) : i])

    def take(s: int, e: int) -> None:
        bisect.insort(taken, (s, e))

    for match in _TITLED_NAME.finditer(text):
        s, e = match.span("name")
        name = match.group("name")
        if free(s, e) and not orgs.has_org_head(name) and not any(is_title_word(w) for w in name.split()):
            title = roles.Role(text=match.group("title"), affiliation=None, person=True)
            out.append(Mention(start=s, end=e, text=name, label="PERSON", title=title))
            take(s, e)
    for match in _APPOSED_NAME.finditer(text):
        s, e = match.span("name")
        role = roles.appositive_after(text, e)
        if free(s, e) and role is not None and role.person and not orgs.has_org_head(match.group("name")):
            out.append(Mention(start=s, end=e, text=match.group("name"), label="PERSON"))
            take(s, e)
    for match in _ACRONYM.finditer(text):
        end = match.start()
        start = _acronym_start(text, end, match.group("acr"))
        if start is not None and free(start, end) and orgs.has_org_head(text[start:end]):
            out.append(
                Mention(start=start, end=end, text=text[start:end], label="ORG", acronym=match.group("acr"))
            )
            take(start, end)
    return out


def _acronym_start(text: str, end: int, acronym: str) -> int | None:
    """Where the spelled-out name before "(ACR)" begins: the word from which its initials spell it."""
    letters = acronym.replace(".", "").replace("&", "").lower()
    line_start = text.rfind("\n", 0, end) + 1
    words = list(re.finditer(r"\S+", text[max(line_start, end - 120) : end]))
    offset = max(line_start, end - 120)
    run: list[re.Match[str]] = []
    for word in reversed(words):  # the capitalised run (with "of", "and"...) right before "("
        w = word.group(0)
        if not (w[:1].isupper() or w in NAME_LINKS) or w.endswith(("'s", "\u2019s", ",")):
            break
        run.insert(0, word)
    for i, word in enumerate(run):
        if word.group(0)[:1].isupper() and _initials_cover(letters, " ".join(x.group(0) for x in run[i:])):
            return offset + word.start()
    return None


def _initials_cover(letters: str, name: str) -> bool:
    """True when the capitalised words of `name` (hyphen parts too) spell exactly `letters`."""
    initials = "".join(p[0].lower() for p in re.split(r"[\s-]+", name) if p and p[0].isupper())
    return initials == letters
