"""Roles from titles and appositives: "military expert Ramil Mammadli", "X, the chief executive of Y,".

Everything here reads the raw text around a mention; the word lists are the ordinary vocabulary of
titles, ranks and jobs in news copy, nothing tied to any one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Head nouns a person's role can end in (lowercase; abbreviations without their dot).
PERSON_ROLE_NOUNS = frozenset(
    """
    president premier minister secretary chancellor governor mayor senator congressman congresswoman
    lawmaker legislator mp speaker ambassador envoy consul attache diplomat official spokesperson
    spokesman spokeswoman representative delegate commissioner ombudsman king queen prince princess
    emir sheikh ayatollah sultan leader chairman chairwoman chair chairperson ceo cto cfo coo founder
    co-founder executive director head chief manager partner officer commander commandant general
    admiral colonel lieutenant major captain sergeant corporal brigadier marshal commodore ensign
    hauptmann oberst gen col lt maj capt cmdr adm brig sgt cpl sen rep gov amb analyst expert researcher fellow
    scholar economist professor prof lecturer academic consultant adviser advisor strategist
    engineer scientist pilot investigator inspector prosecutor judge lawyer attorney journalist
    reporter editor columnist correspondent author writer veteran national citizen resident
    pastor cleric imam bishop secretary-general undersecretary under-secretary deputy trainer
    instructor operator negotiator mediator observer monitor agent source insider owner
    """.split()
)
# Words a role may carry before its head ("former", "retired", "senior", "defence").
ROLE_MODIFIERS = frozenset(
    """
    former retired ret retd acting interim senior junior deputy vice chief principal lead top
    veteran military defence defense foreign security political independent regional state
    national international prime first second special assistant associate executive managing
    general air naval navy army maritime space cyber intelligence research policy affairs
    technology technical industry industrial energy economic trade finance financial sanctions
    arms nuclear missile drone aerospace programme program project press communications public
    civil police border coast health interior justice home armed forces ministry department
    chief-of-staff threat open-source open source counter-terrorism counterterrorism procurement
    air-defence air-defense south north east west central under
    """.split()
)
# Heads that mark an organisation in an appositive ("Rosoboronexport, the Russian state arms exporter").
ORG_ROLE_NOUNS = frozenset(
    """
    company firm maker manufacturer exporter importer contractor subcontractor developer supplier
    start-up startup shipyard shipbuilder operator producer carrier airline bank fund investor
    agency ministry department regulator watchdog authority institute institution think-tank tank
    university lab laboratory consultancy conglomerate group subsidiary unit division branch
    organisation organization body office service force forces army navy militia
    """.split()
)
# Courtesy titles, including South Asian ones ("Shri", "Smt") that precede names in official copy.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "mx", "shri", "sri", "smt", "shrimati",
     "hon", "honourable", "honorable",
     # Malaysian and Bruneian honorifics ("Datuk Seri", "Dato'", "Tun"); "Tan" of "Tan Sri" is also a surname
     "datuk", "dato", "dato'", "seri", "tun", "tunku", "tengku"}
)
_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "de", "to"})
_STOP_AFTER = r"(?=\s*(?:,|;|(?<![A-Z])\.(?:\s|$)|\(|\)|\u201d|\"|$)|\s+(?:who|whom|whose|which|that|in\s+an?\s+interview)\b)"
_APPOSITIVE_RE = re.compile(
    r"(?:,\s+[RDI]-[A-Z][A-Za-z.]{1,8})?"  # a US party-and-state tag: "Sen. X, R-Miss., the ..."
    r",\s+(?:(?:a|an|the)\s+)?(?P<role>[^,;:\"\u201c\u201d()\n]{2,120}?)" + _STOP_AFTER
)
_WORD = re.compile(r"\((?:ret|retd|Ret)\.?\)|\S+")
_BREAK = re.compile(r"[,;:\"\u201c\u201d()\[\]!?]")
_RELATIVE = re.compile(r"(?:who|whom|whose|which|that|where|when|while|although|though|but|and|or|as|if)\b", re.IGNORECASE)
_SPEECH_START = re.compile(
    r"(?:said|says|told|tells|added|adds|noted|notes|warned|argued|stated|explained|announced|confirmed|"
    r"insisted|replied|wrote)\b"
)
_POSSESSIVE_RE = re.compile(r"^(?P<owner>.+?)(?:'s|\u2019s)\s+(?P<rest>.+)$")
_AFFILIATION_AFTER = re.compile(
    r"\s+(?:of|at|from|with)\s+(?:the\s+)?(?P<org>[A-Z][\w\u2019'&.-]*(?:(?:\s+(?:of|for|and|de|the|on))*\s+[A-Z][\w\u2019'&.-]*)*)"
)
_AFFILIATION_RE = re.compile(
    r"\b(?:at|of|for|with|from)\s+(?:the\s+)?(?P<org>(?:[A-Z][\w\u2019'&.-]*(?:\s+(?:of|for|and|de|the|on)\s+|\s+)?)+)"
)


@dataclass(frozen=True, slots=True)
class Role:
    """A role as written, the organisation or country it names (if any), and its kind."""

    text: str
    affiliation: str | None
    person: bool
    start: int = -1


def _word(token: str) -> str:
    return token.lower().strip(".,").replace("\u2019", "'")


def is_role_head(word: str) -> bool:
    """True when `word` can end a person's role ("minister", "Col.", "analyst")."""
    return _word(word) in PERSON_ROLE_NOUNS


def title_before(text: str, start: int, entity_words: frozenset[str] = frozenset()) -> Role | None:
    """The title written right before a name ("Pakistani Prime Minister", "AFP spokesperson Col.")."""
    line_start = text.rfind("\n", 0, start) + 1
    offset = max(line_start, start - 160)
    if offset >= start or not text[start - 1].isspace():
        return None
    words = [(w.start(), w.group(0)) for w in _WORD.finditer(text, offset, start)]
    # Walk back from the name while words are role vocabulary or capitalised (names of orgs, ranks).
    kept: list[tuple[int, str]] = []
    for pos, word in reversed(words):
        if _BREAK.search(word) and not word.startswith("(") or _ends_sentence(word):
            break
        w = _word(word)
        if w in PERSON_ROLE_NOUNS or w in ROLE_MODIFIERS or w in HONORIFICS or word.startswith("("):
            kept.append((pos, word))
        elif word[:1].isupper() and word.upper() != word.lower():
            kept.append((pos, word))
        elif w in _CONNECTORS and kept:
            kept.append((pos, word))
        else:
            break
    kept.reverse()
    return _title_role(kept, entity_words)


def _ends_sentence(word: str) -> bool:
    """A word with a full stop that is not an abbreviation ("program." but not "Lt." or "U.S.")."""
    if not word.endswith("."):
        return False
    body = word[:-1]
    return body[:1].islower() or (len(body) > 5 and "." not in body)


def _title_role(words: list[tuple[int, str]], entity_words: frozenset[str]) -> Role | None:
    # "X's Minister of Defense Industry and Pakistani Prime Minister": keep the last coordinated title.
    for i in range(len(words) - 1, 0, -1):
        if words[i][1] == "and" and any(is_role_head(w) for _, w in words[i + 1 :]):
            words = words[i + 1 :]
            break
    while words and (_word(words[0][1]) in _CONNECTORS or _stray_capital(words[0][1], entity_words)):
        words = words[1:]
    if not words or not any(is_role_head(w) for _, w in words):
        return None
    text = " ".join(w for _, w in words if _word(w) not in HONORIFICS)
    if not text:
        return None
    return Role(text=text, affiliation=_possessive_owner(text), person=True, start=words[0][0])


def _stray_capital(word: str, entity_words: frozenset[str]) -> bool:
    """A capitalised sentence opener that is neither a title nor part of a named entity."""
    w = _word(word)
    if w in PERSON_ROLE_NOUNS or w in ROLE_MODIFIERS:
        return False
    bare = word.rstrip(".,").replace("\u2019s", "").replace("'s", "")
    if bare.isupper() and len(bare) >= 2:
        return False  # an acronym ("AFP spokesperson"): an organisation's name
    return bare not in entity_words


def appositive_after(text: str, end: int) -> Role | None:
    """The appositive right after a name: ", a senior fellow at the X Institute," and its head."""
    match = _APPOSITIVE_RE.match(text, end)
    if not match:
        return None
    phrase = match.group("role").strip()
    if len(phrase.split()) > 14 or not phrase[:1].isalpha() or _RELATIVE.match(phrase):
        return None
    if _SPEECH_START.match(phrase):
        return None  # "X, told reporters ...": the comma closed someone else's appositive
    head = _head(phrase)
    if head is None:
        return None
    person = _word(head) in PERSON_ROLE_NOUNS
    return Role(text=phrase, affiliation=_affiliation(phrase), person=person)


def appositive_before(text: str, start: int) -> Role | None:
    """A role set off before a name: "Lumenfold's chief executive, NAME" or "the mayor, NAME"."""
    before = text[max(0, start - 120) : start]
    if not before.endswith(", "):
        return None
    clause = re.split(r"[,;:.!?\"\u201c\u201d()\n]", before[:-2])[-1].strip()
    if (verb := _SPEECH_START.match(clause)) is not None:
        clause = clause[verb.end() :].lstrip()  # "..." said the ministry's spokesperson, NAME
    clause = re.sub(r"^(?:the|a|an|The|A|An)\s+", "", clause)
    words = clause.split()
    if not words or len(words) > 8 or not is_role_head(words[-1]):
        return None
    if any(w[:1].islower() and _word(w) not in PERSON_ROLE_NOUNS | ROLE_MODIFIERS | _CONNECTORS for w in words):
        if not _POSSESSIVE_RE.match(clause):
            return None
    return Role(text=clause, affiliation=_possessive_owner(clause), person=True)


def affiliation_after(text: str, end: int) -> str | None:
    """The organisation named right after a person: "Kirsten Dahl of the Pacific Maritime Institute"."""
    match = _AFFILIATION_AFTER.match(text, end)
    if not match:
        return None
    return re.sub(r"\s+(?:of|for|and|de|the|on)$", "", match.group("org").strip()) or None


def names_a_person(phrase: str) -> bool:
    """True when a role phrase ("a senior fellow at the X Institute") is headed by a person noun."""
    head = _head(phrase)
    return head is not None and _word(head) in PERSON_ROLE_NOUNS


def _head(phrase: str) -> str | None:
    """The head noun of a role phrase: its last word before a preposition or relative clause."""
    core = re.split(r"\s+(?:at|of|for|with|in|on|from|to|based|and\s+now|who|which|whose)\b", phrase)[0]
    words = core.split()
    if not words:
        return None
    last = _word(words[-1])
    if last in PERSON_ROLE_NOUNS or last in ORG_ROLE_NOUNS:
        return words[-1]
    return None


def _affiliation(phrase: str) -> str | None:
    owner = _possessive_owner(phrase)
    if owner:
        return owner
    match = _AFFILIATION_RE.search(phrase)
    if not match:
        return None
    org = re.sub(r"\s+(?:of|for|and|de|the|on|in)$", "", match.group("org").strip())
    org = re.sub(r"(?:'s|\u2019s)$", "", org.strip(" ."))
    return org or None


def _possessive_owner(phrase: str) -> str | None:
    match = _POSSESSIVE_RE.match(phrase)
    if not match:
        return None
    owner = match.group("owner").strip()
    owner = re.sub(r"^(?:the|The)\s+", "", owner)
    return owner if owner[:1].isupper() else None
