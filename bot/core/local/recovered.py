"""Names the small model missed, added when a title, an appositive or an acronym vouches for them.

"Rear Adm. Elena Castillo" (a title), "Igor Maltsev, the head of ..." (an appositive) and
"... Self-Defense Force (JMSDF)" (an acronym whose initials the words spell) are names even when the
NER tagged nothing there.
"""

from __future__ import annotations

import bisect
import re

from bot.core.local import orgs, roles
from bot.core.local.countries import country_index
from bot.core.local.introduced import introduced
from bot.core.local.mentions import NAME_LINKS, Mention, is_title_word

_NAME = r"[A-Z][\w\u2019'-]*[a-z\u00e0-\u024f][\w\u2019'-]*"
_PORTFOLIO = (
    r"(?:State|Defen[cs]e|Foreign|Affairs|Home|Interior|Finance|Trade|Industry|Economy|Science|"
    r"Technology|Justice|Health|Education|Energy|Transport|Communications|Veterans|Armed|Forces|"
    r"Production|Procurement|Security|External|National|Homeland|Maritime|Aviation|Space|Research|"
    r"Strategy|Policy|Planning|Operations|Intelligence|Acquisition|Logistics|Personnel|Cooperation|"
    r"Development|Infrastructure|Materiel|Equipment|Budget|Digital|Cyber|Public|Relations|Legal)\b"
)
_PORTFOLIO_WORD = re.compile(_PORTFOLIO)
_PORTFOLIO_TAIL = re.compile(r"\s(?:of|for)\s")
_TITLED_NAME = re.compile(
    r"\b(?P<title>(?:(?:Rear|Vice|Lt\.?|Lieutenant|Major|Maj\.?|Brig\.?|Brigadier|Senior|Air|Chief|"
    r"Deputy|Prime|Foreign|Defen[cs]e|Wing|Group|Squadron|Flight|Staff|Master|Assistant)\s+)*"
    r"(?:President|Minister|Secretary|Senator|Sen\.|Rep\.|Gov\.|Governor|Mayor|Gen\.?|General|Col\.?|"
    r"Colonel|Maj\.?|Major|Capt\.?|Captain|Cmdr\.?|Commander|Adm\.?|Admiral|Brig\.?|Sgt\.?|Sergeant|"
    r"Marshal|Commodore|Lieutenant|Leader|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Professor|Ambassador|"
    r"Chancellor|Judge|Shri|Smt\.?|Sri)"
    # a portfolio: "Minister of State for Defence", "Secretary for Foreign Affairs and Trade"
    r"(?:\s+(?:of|for)(?:\s+the)?(?:\s+(?:and\s+)?" + _PORTFOLIO + r")+)*)"
    r"\s+(?P<name>" + _NAME + r"(?:[ \t]+" + _NAME + r"){0,2})"
)
# Lower-case particles inside a family name: "Femke de Wit", "Joost van der Berg", "Ana da Silva".
_PARTICLE = r"(?:de|van|von|der|den|da|di|du|dos|das|del|la|le|ten|ter|al|bin|ibn)"
_APPOSED_NAME = re.compile(
    r"(?:^|(?<=[.!?\u201d\"]\s)|(?<=\bsaid\s)|(?<=\n))(?P<name>" + _NAME
    + r"(?:[ \u00a0]+(?:" + _PARTICLE + r"[ \u00a0]+){0,2}" + _NAME + r"){1,2})"  # never across a line
    r"(?=,\s+(?:(?:a|an|the)\s|[A-Z][\w-]*(?:'s|\u2019s)\s))"
)
_FORCES = re.compile(r"\b(?P<people>[A-Z][a-z]+)\s+(?:forces|troops)\b")
_ELISION = re.compile(r"^(?:[ldLD]|qu)['\u2019]")
_ACRONYM = re.compile(r" \((?P<acr>[A-Z][A-Za-z.&]{1,9})\)")


def with_recovered(text: str, found: list[Mention]) -> list[Mention]:
    """`found` plus the names the model missed, in text order.

    A name vouched for by a title replaces the pieces the model cut it into ("Air Commodore" +
    "Nwachukwu-Daniels" inside "Air Commodore Emeka Nwachukwu-Daniels").
    """
    runs = _titled_names(text, found)
    titled = [m for m, _run_start in runs]
    # A piece of the title taken into the name ("Strategy Natalia Ortega" after "Minister for Defence
    # Strategy") goes with the pieces inside the name.
    spans = [(run_start, m.end) for m, run_start in runs]
    kept = [m for m in found if not any(s <= m.start and m.end <= e for s, e in spans)]
    extra = [*titled, *recovered(text, [*kept, *titled])]
    spans = [(m.start, m.end) for m in extra]
    kept = [m for m in kept if not any(s <= m.start and m.end <= e for s, e in spans)]
    return sorted([*kept, *extra], key=lambda m: (m.start, -m.end))


def _titled_names(text: str, found: list[Mention]) -> list[tuple[Mention, int]]:
    """Names after a title, where any entity there lies inside the title-and-name run, each with
    where its run (title included) starts."""
    out: list[tuple[Mention, int]] = []
    for match in _TITLED_NAME.finditer(text):
        s, e = match.span("name")
        name = match.group("name")
        if orgs.has_org_head(name) or any(is_title_word(w) for w in name.split()):
            continue
        if match.group("title").endswith(name.split()[0]) or _PORTFOLIO_WORD.fullmatch(name.split()[0]):
            continue  # "Minister for Foreign Trade and Development Aid": the portfolio ran on
        if _PORTFOLIO_TAIL.search(match.group("title")) and len(name.split()) < 2:
            continue  # after a portfolio, only a full name is sure to be a name
        if any(m.start < e and s < m.end and not (match.start() <= m.start and m.end <= e) for m in found):
            continue  # the model's entity reaches outside this run: trust the model
        if any(m.start <= s and e <= m.end and not match.start() < m.start < s for m in found):
            continue  # already found whole (or inside a longer name that is not part title)
        title = roles.Role(text=match.group("title"), affiliation=None, person=True)
        out.append((Mention(start=s, end=e, text=name, label="PERSON", title=title), match.start()))
    return out


def recovered(text: str, found: list[Mention]) -> list[Mention]:
    """Names the model missed, vouched for by a title, an appositive or an acronym definition."""
    taken = sorted((m.start, m.end) for m in found if m.label != "NORP")  # "Russian" in "Russian forces"
    out: list[Mention] = []

    def free(s: int, e: int) -> bool:
        # A vouched-for name may swallow the pieces the model cut from it, never reach past one.
        i = bisect.bisect_left(taken, (e, e))
        return not any(a < e and s < b and not (s <= a and b <= e) for a, b in taken[max(0, i - 4) : i])

    def take(s: int, e: int) -> None:
        bisect.insort(taken, (s, e))

    for s, e in introduced(text):
        if free(s, e) and _plain_name(text[s:e]):
            out.append(Mention(start=s, end=e, text=text[s:e], label="PERSON"))
            take(s, e)
    for match in _APPOSED_NAME.finditer(text):
        s, e = match.span("name")
        role = roles.appositive_after(text, e)
        if not (free(s, e) and _plain_name(text[s:e])) or orgs.has_org_head(match.group("name")):
            continue
        if role is not None and role.person:
            out.append(Mention(start=s, end=e, text=match.group("name"), label="PERSON"))
            take(s, e)
    for match in _FORCES.finditer(text):
        s, e = match.span()
        if free(s, e) and country_index().by_demonym(match.group("people")) is not None:
            out.append(Mention(start=s, end=e, text=match.group(0), label="ORG"))  # "Russian forces"
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


def _plain_name(name: str) -> bool:
    """No title inside: for "Colonel X Y" the model's own "X Y" stands."""
    return not any(is_title_word(w) for w in name.split())


def _acronym_start(text: str, end: int, acronym: str) -> int | None:
    """Where the spelled-out name before "(ACR)" begins: the word from which its initials spell it."""
    letters = acronym.replace(".", "").replace("&", "").lower()
    line_start = text.rfind("\n", 0, end) + 1
    words = list(re.finditer(r"\S+", text[max(line_start, end - 120) : end]))
    offset = max(line_start, end - 120)
    run: list[re.Match[str]] = []
    for word in reversed(words):  # the run of words right before "(", up to a clause break
        w = word.group(0)
        if w.endswith(("'s", "\u2019s", ",", ".", ";", ":")) or not w[:1].isalpha() or len(run) >= 8:
            break
        run.insert(0, word)
    for i, word in enumerate(run):
        if not word.group(0)[:1].isupper():
            continue
        rest = [x.group(0) for x in run[i:]]
        if all(w[:1].isupper() or w in NAME_LINKS for w in rest):
            if _initials_cover(letters, " ".join(rest)):
                return offset + word.start()
        elif _every_initial(letters, rest):
            return offset + word.start()  # "Direction générale de l'armement (DGA)"
    return None


def _every_initial(letters: str, words: list[str]) -> bool:
    """True when every word but the links ("de", "l'") starts a letter of the acronym, in order."""
    initials = ""
    for word in words:
        bare = _ELISION.sub("", word)
        if bare.lower() in NAME_LINKS or not bare:
            continue
        initials += bare[0].lower()
    return initials == letters


def _initials_cover(letters: str, name: str) -> bool:
    """True when the capitalised words of `name` (hyphen parts too) spell exactly `letters`."""
    initials = "".join(p[0].lower() for p in re.split(r"[\s-]+", name) if p and p[0].isupper())
    return initials == letters
