"""References that are not plain names: other spellings, unnamed office-holders, "the minister".

- `link_spellings`: "rendered the deputy minister's name as Xu Zhihong" joins Xu Zhihong to the
  person the sentence is about.
- `unnamed_officials`: "Azerbaijan's Minister of Defense Industry" with no name after it is an actor
  named by its title.
- `attach_titles`: "the minister", "the company" become mentions (never aliases) of the nearest
  earlier actor that fits.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from bot.core.local.clusters import Cluster, Ledger
from bot.core.local.countries import Country, CountryIndex, fold
from bot.core.local.mentions import Mention
from bot.core.local.roles import PERSON_ROLE_NOUNS, ROLE_MODIFIERS, Role

_SPELLING_CUE = re.compile(
    r"\b(?:spell(?:ed|t|ing|s)?|transliterat\w*|rendered|renders|romani[sz]ed|"
    r"name\s+(?:appears|as)|(?:also|sometimes|otherwise|alternatively)\s+(?:known|written|listed|"
    r"spelled|spelt|rendered|transliterated)\s+as|under\s+the\s+(?:name|spelling))\b",
    re.IGNORECASE,
)
_PRONOUN_OWNER = re.compile(r"\b(?:[Hh]is|[Hh]er|whose)\s+(?:\w+\s+)?name\b")
_OWNER_ROLE = re.compile(r"\b(?:the\s+)?(?P<words>(?:[a-z-]+\s+){0,3}[a-z-]+)(?:'s|\u2019s)\s+name\b")
_OFFICE = re.compile(
    r"(?P<title>(?:(?:Deputy|Vice|First|Acting|Prime|Defen[cs]e|Foreign|Interior|Finance|Economy|"
    r"Trade|Home|Chief|Cabinet|Foreign\s+Affairs)\s+)*(?:Minister|Secretary|President|Chancellor|"
    r"Ambassador|Premier|Envoy)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?)"
)
_OWNER_BEFORE = re.compile(r"(?P<owner>(?:[A-Z][\w.-]*[ \t]+){0,2}[A-Z][\w.-]*?)(?:'s|\u2019s)?[ \t]+$")
_TITLE_ONLY = re.compile(
    r"\b(?:the|The)\s+(?P<phrase>(?:[A-Za-z][a-z-]+\s+){0,2}?(?P<noun>minister|secretary|ministry|"
    r"company|firm|general|analyst|researcher|spokesperson|spokesman|spokeswoman|president|navy|"
    r"army|agency|department|commander|colonel|admiral|expert|envoy|ambassador|chief|startup|"
    r"start-up|contractor|manufacturer|maker|supplier|institute|mayor|premier|chancellor|"
    r"governor|senator|economist|consultant|fellow|professor|officer|engineer|lecturer|"
    r"investigator|columnist|author|marshal|brigadier|major|captain|lieutenant))\b(?!\s+[A-Z])"
)
_CLAUSE_AFTER = re.compile(
    r"\s+(?:said|says|added|told|noted|stated|announced|confirmed|declined|did|does|has|had|is|was|will|would)\b"
)
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z'-]*")
_PERSON_NOUNS = frozenset(
    "minister secretary general analyst researcher spokesperson spokesman spokeswoman president "
    "commander colonel admiral expert envoy ambassador chief mayor premier chancellor governor "
    "senator economist consultant fellow professor officer engineer lecturer investigator "
    "columnist author marshal brigadier major captain lieutenant".split()
)
_COMPANY_NOUNS = frozenset("company firm startup start-up contractor manufacturer maker supplier".split())
_COMPANY_CUES = frozenset(
    "company firm maker manufacturer contractor developer supplier start-up startup shipyard "
    "llc ltd ltd. inc inc. plc gmbh ag sa as asa ab corporation co. corp. industries aerospace "
    "systems technologies technology ai precision security dynamics electronics".split()
)


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
    return start, min(ends) if ends else len(text)


def link_spellings(text: str, ledger: Ledger) -> None:
    """Merge a second spelling of a person's name into the person the sentence links it to."""
    done: set[int] = set()
    for cue in _SPELLING_CUE.finditer(text):
        start, end = _sentence_bounds(text, cue.start())
        if start in done:
            continue
        after = [(m, c) for c in ledger.clusters if c.person_like for m in c.mentions if cue.end() <= m.start < end]
        if not after:
            continue
        done.add(start)
        new_cluster = min(after, key=lambda mc: mc[0].start)[1]
        if new_cluster.first < start:
            continue  # already known under this spelling (a surname merge got there first)
        target = _spelling_target(text, ledger, new_cluster, start, end, cue.start())
        if target is not None and target is not new_cluster:
            ledger.merge(target, new_cluster)


def _spelling_target(
    text: str, ledger: Ledger, new: Cluster, start: int, end: int, cue: int
) -> Cluster | None:
    people = [c for c in ledger.clusters if c.person_like and c is not new]
    same = [c for c in people if any(start <= m.start < cue for m in c.mentions)]
    if same:
        return same[-1]
    earlier = [c for c in people if c.first < start]
    owner = _OWNER_ROLE.search(text, start, end)
    if owner:
        words = [w for w in owner.group("words").split() if w in PERSON_ROLE_NOUNS | ROLE_MODIFIERS]
        fitting = [c for c in earlier if words and all(w in fold(_role_text(c)) for w in words)]
        return max(fitting, key=lambda c: _last_before(c, start)) if fitting else None
    if not _PRONOUN_OWNER.search(text, start, end):
        return None
    return max(earlier, key=lambda c: _last_before(c, start)) if earlier else None


def _last_before(cluster: Cluster, pos: int) -> int:
    return max((m.start for m in cluster.mentions if m.start < pos), default=-1)


def _role_text(cluster: Cluster) -> str:
    parts = []
    for m in cluster.mentions:
        for role in (m.title, m.appositive):
            if role is not None:
                parts.append(role.text)
    return " ".join(parts)


def unnamed_officials(
    text: str, ledger: Ledger, index: CountryIndex, section: Callable[[int], int]
) -> None:
    """Office-holders the text names only by title ("Azerbaijan's Minister of Defense Industry")."""
    named_starts = {m.start for c in ledger.clusters if c.person_like for m in c.mentions}
    for match in _OFFICE.finditer(text):
        owner = _OWNER_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if owner is None or _followed_by_name(text, match.end(), named_starts):
            continue
        country = _owner_country(owner.group("owner"), index)
        if country is None:
            continue
        owner_start = owner.start("owner") + (4 if owner.group("owner").startswith("The ") else 0)
        start = match.start() if " " in match.group("title") else owner_start  # "French President"
        holder = _existing_holder(ledger, text[start : match.end()])
        if holder is not None:
            holder.title_spans.append((start, match.end()))
            continue
        role = Role(text=text[owner_start : match.end()], affiliation=country.name, person=True)
        mention = Mention(start=start, end=match.end(), text=text[start : match.end()], label="TITLE", title=role)
        ledger.open(mention, section(start)).entitle(role)


def _owner_country(owner: str, index: CountryIndex) -> Country | None:
    """The country named or implied by the last one to three words before a title."""
    words = owner.split()
    for n in range(min(3, len(words)), 0, -1):
        tail = " ".join(words[-n:])
        country = index.by_name(tail) or (index.by_demonym(tail) if n == 1 else None)
        if country is not None:
            return country
    return None


def _followed_by_name(text: str, end: int, named_starts: set[int]) -> bool:
    for gap in (1, 2):
        if end + gap in named_starts:
            return True
    return False


def _existing_holder(ledger: Ledger, title: str) -> Cluster | None:
    key = fold(title)
    for cluster in ledger.clusters:
        if cluster.person_like and key in fold(_role_text(cluster)):
            return cluster
    return None


def sweep_surnames(text: str, ledger: Ledger, section: Callable[[int], int]) -> None:
    """Surname mentions the model did not tag ("Zelenskyy wrote..."), added to their person."""
    owners: dict[str, list[Cluster]] = {}
    for cluster in ledger.clusters:
        words = cluster.full_name.split()
        if cluster.person_like and cluster.named_by_title is None and len(words) >= 2:
            if len(words[-1]) >= 3 and words[-1][0].isupper():
                owners.setdefault(words[-1], []).append(cluster)
    if not owners:
        return
    ordinary = set(_LOWER_WORD.findall(text))  # "Young", "Long": surnames that are also words
    wanted = [s for s in owners if s.lower() not in ordinary]
    if not wanted:
        return
    taken = sorted((m.start, m.end) for c in ledger.clusters for m in c.mentions)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, wanted)) + r")(?![\w-])")
    for match in pattern.finditer(text):
        s, e = match.span()
        if _overlaps(taken, s, e):
            continue
        for cluster in owners[match.group(0)]:
            if section(s) == cluster.section:
                cluster.add(Mention(start=s, end=e, text=match.group(0), label="PERSON"))
                break


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(taken, (end, end))
    return any(a < end and start < b for a, b in taken[max(0, i - 6) : i])


def attach_titles(text: str, ledger: Ledger, section: Callable[[int], int]) -> None:
    """Attach "the minister" / "the company" to the nearest earlier actor that fits, as mentions."""
    for match in _TITLE_ONLY.finditer(text):
        appositive = text[max(0, match.start() - 2) : match.start()] == ", "
        if appositive and not _CLAUSE_AFTER.match(text, match.end()):
            continue  # "Nowak, the chief executive of ...": an appositive, read as the role
        noun = match.group("noun").lower()
        target = _title_target(ledger, noun, match.group("phrase"), match.start(), section(match.start()))
        if target is not None:
            target.title_spans.append((match.start(), match.end()))


def _title_target(ledger: Ledger, noun: str, phrase: str, pos: int, sec: int) -> Cluster | None:
    best: tuple[int, Cluster] | None = None
    for cluster in ledger.clusters:
        if cluster.section != sec or cluster.country is not None:
            continue
        last = max((m.start for m in cluster.mentions if m.start < pos), default=-1)
        if last < 0 or not _fits_title(cluster, noun, phrase):
            continue
        if best is None or last > best[0]:
            best = (last, cluster)
    return best[1] if best else None


def _fits_title(cluster: Cluster, noun: str, phrase: str) -> bool:
    roles = fold(_role_text(cluster))
    if noun in _PERSON_NOUNS:
        return cluster.person_like and noun in roles
    if cluster.person_like:
        return False
    name = fold(cluster.full_name)
    if noun in name.split() or noun in roles.split():
        return True
    if noun in _COMPANY_NOUNS:
        words = set(name.split()) | set(roles.split())
        return bool(words & _COMPANY_CUES)
    return False
