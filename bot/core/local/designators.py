"""Designator shapes ("JF-17", "KRL 122", "Type 054A", "92N6E") and the look-alikes that are not systems."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.local.system_lexicon import GENERIC_ACRONYMS, MAKERS, ORG_ACRONYMS, STOP_WORDS

_HY = "-\u2010\u2011"
# Designator cores. Each alternative is named for the shape it finds; the evidence a core needs
# before it counts as a system depends on the shape (see `needs_head`).
DESIGNATOR = re.compile(
    rf"""
    (?=[A-Z0-9])(?<![\w/.{_HY}])
    (?:
      (?P<an>AN/[A-Z]{{3}}[{_HY}]\d{{1,3}}[A-Z]?(?:\(V\)\d*)?)
     |(?P<type>Type[ \u00a0]\d{{2,3}}[A-Z]{{0,2}}(?:/[A-Z]{{1,2}})?)
     |(?P<type1>Type[ \u00a0]\d[A-Z]{{1,2}})
     |(?P<mkmod>Mk\.?[ \u00a0]?\d{{1,3}}[A-Z]?[ \u00a0]Mod[ \u00a0]\d{{1,2}})
     |(?P<mk>Mk\.?[ \u00a0]?\d{{1,3}}[A-Z]?)
     |(?P<hyph>(?:[A-Z][A-Za-z]{{0,7}}|\d{{1,2}}[A-Z]{{1,3}})[{_HY}]
               (?:[A-Z]{{0,3}}\d{{1,4}}(?:[A-Z]{{1,3}}\d{{0,2}})?|[A-Z]{{1,3}}\d{{0,2}})
               (?:[{_HY}][A-Z0-9]{{1,3}})?)
     |(?P<hyphnum>[A-Z]{{1,3}}\d{{1,3}}[{_HY}]\d{{1,3}}[A-Z]?)
     |(?P<compact>[A-Z]{{1,4}}\d{{1,4}}(?:[A-Z]{{1,3}}\d{{0,2}})?|\d{{1,2}}[A-Z]{{1,2}}\d{{1,4}}[A-Z]?)
     |(?P<spaced>[A-Z]{{2,5}}[ \u00a0]\d{{2,4}}[A-Z]?)
     |(?P<named>[A-Z][a-z]{{2,}}(?:[A-Z][a-z]+)?[ \u00a0](?:Mk\.?[ \u00a0]?)?\d{{1,4}}[A-Z]?)
    )
    (?:(?=s(?![A-Za-z0-9]))|(?![A-Za-z0-9]))(?![{_HY}][A-Z0-9])
    """,
    re.VERBOSE,
)

# An all-capitals name right before a weapon noun ("the ATAGS howitzer", "LRASM missiles").
_ACRONYM_HEAD = re.compile(
    r"(?<![\w/.-])(?P<acr>[A-Z]{3,7})(?=[ \u00a0](?:howitzers?|tanks?|missiles?|drones?|radars?|rockets?|"
    r"launchers?|frigates?|destroyers?|corvettes?|submarines?|jets?|fighters?|bombers?|helicopters?|"
    r"interceptors?|satellites?|torpedo(?:es)?|air[ -]defen[cs]e systems?)\b)"
)
_NOT_ACRONYM_NAMES = GENERIC_ACRONYMS | ORG_ACRONYMS | frozenset(MAKERS)
_REJECT_CORE = re.compile(
    r"""(?:COVID|Covid|SARS|MERS)[-\u2010\u2011]?\d+|(?:PM|CO|NO|SO|CH)\d+|[A-Z][-\u2010\u2011]?\d
       |H\dN\d|[GP][-\u2010\u2011]?\d{1,2}|Q[1-4]|[1-4][QH]\d*|[12]H|FY[-\u2010\u2011]?\d{2,4}|CY\d{2,4}
       |K[-\u2010\u2011]12|[345]G|C\d\w*|ISO[-\u2010\u2011 ]?\d+|IPv\d|USB\d?|MP[34]|MH[-\u2010\u2011]?\d{2,3}
       |APT[-\u2010\u2011]?\w+|UNC\d+|TA\d{3}|FIN\d+|DEV[-\u2010\u2011]\d+|Storm[-\u2010\u2011]\d+|CVE[-\u2010\u2011]\d+
       |COP ?\d+|WWI+|(?:VMFA|VFA|VAQ|VAW|VMA|VMM|VMGR|HSC|HSM|HMLA|HMH|VP|VQ|VR|VX|VMX|CVW|C?J?TF|CTG|CSG|ARG)
        [-\u2010\u2011 ]?\d+[A-Z]?|GPT\d|SDG\d*|ESG\d*|IFRS\d*|LTE\d*|DDR\d|PCIe\d|HDMI\d|Mach ?\d+""",
    re.VERBOSE,
)
# Navy hull numbers: they belong to the ship named before them, never a system on their own.
HULL = re.compile(
    r"(?:FFG|DDG|DDH|CVN|CVL|CV|CG|LHD|LHA|LPD|LSD|SSN|SSBN|SSGN|SSK|FFH|LCS|PCG|AOR|AOE|OPV|DD|FF|BB)"
    r"[-\u2010\u2011 \u00a0]?\d{1,4}[A-Z]?"
)
# Words before a number that make it an address, a clause, a date or a unit, not a designator.
_BAD_BEFORE = re.compile(
    r"\b(?:Article|Section|Sec\.|Chapter|Title|Resolution|Form|Rule|Schedule|Flight|flight|Route|Highway|Interstate|"
    r"Unit|Room|Gate|Terminal|Platform|[Pp]age|No\.|Nos\.|Phase|Stage|Level|Tier|Category|Zone|DEFCON|Mach|Paragraph|"
    r"Clause|Annex|Amendment|Bill|Act|Decree|Order|Directive|Regulation|Increment|Block|Lot|Batch|Mk\.?|Mark|"
    r"Version|Season|Episode|Part|Vol\.?|Volume|Item|Figure|Table|Appendix|Note|Pillar|Team|Camp|Channel|"
    r"District|Ward|Cohort|Grade|Size|Exercise|Operation|exercise|operation|Task Force|Group|Squadron|Wing|"
    r"Brigade|Battalion|Division|Regiment|Fleet|Tranche|Model|model year|Windows|iOS|Android|iPhone|Galaxy|Pixel)"
    r"[\s\u00a0]*$"
)
_BAD_AFTER = re.compile(
    r"^(?:s)?[\s\u00a0]*(?:visas?|forms?|tax|percent|per ?cent|%|km|kg|mph|knots|years?|million|billion|bn|"
    r"seconds?|minutes?|hours?|days?|weeks?|months?|"
    r"motorway|highway|road|flight|bus|train|vaccines?|variant of|virus|bird flu|influenza|emissions?|"
    r"summit|nations|countries|leaders|members|economies|status|protocol|standard|[Cc]ompliance|certif\w*|"
    r"missions?|rules?|regulations?|guidelines?)\b"
)
# ISO 4217 codes that come before amounts ("NOK 640 million").
_CURRENCIES = frozenset(
    """USD EUR GBP JPY CNY RMB INR KRW AUD CAD CHF SEK NOK DKK PLN TRY RUB UAH BRL ZAR NZD SGD HKD TWD ILS
    AED SAR QAR IRR PKR EGP MXN IDR MYR THB PHP VND CZK HUF RON BGN NGN KES""".split()
)  # fmt: skip
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True, slots=True)
class Designator:
    """A designator-shaped core found in the text."""

    start: int
    end: int
    shape: str

    @property
    def needs_head(self) -> bool:
        """Spaced shapes ("KRL 122", "Hermes 900", "Mk 4", "Type 7A", "M26-15") need a head noun or a maker;
        context is not enough."""
        return self.shape in ("spaced", "named", "mk", "type1", "hyphnum")


def find_designators(text: str) -> list[Designator]:
    """Every designator-shaped core in `text` that is not a known look-alike."""
    found: list[Designator] = []
    for match in DESIGNATOR.finditer(text):
        shape = match.lastgroup or "hyph"
        start, end = match.span()
        core = match.group()
        if rejected(text, start, end, core, shape):
            continue
        found.append(Designator(start, end, shape))
    for match in _ACRONYM_HEAD.finditer(text):
        if match.group("acr") not in _NOT_ACRONYM_NAMES and not HULL.fullmatch(match.group("acr")):
            found.append(Designator(match.start(), match.end(), "acronym"))
    return found


def rejected(text: str, start: int, end: int, core: str, shape: str) -> bool:
    """True for look-alikes: codes, dates, units, clauses, threat groups, hull numbers, acronyms."""
    if shape == "an":
        return False
    if _REJECT_CORE.fullmatch(core) or HULL.fullmatch(core) or core in GENERIC_ACRONYMS:
        return True
    if _YEAR.search(core) and shape not in ("type", "mk", "mkmod"):
        return True
    first = core.split()[0]
    if shape == "named" and (first in STOP_WORDS or _BAD_BEFORE.search(first)):
        return True
    if shape == "spaced" and (first in GENERIC_ACRONYMS or first in _CURRENCIES):
        return True
    if shape == "hyph" and _generic_tail(core):
        return True
    if _BAD_BEFORE.search(text[max(0, start - 20) : start]):
        return True
    return bool(_BAD_AFTER.match(text[end : end + 24]))


def _generic_tail(core: str) -> bool:
    """ "Counter-UAS" is a word plus a generic acronym; "L-SAM" is a designator."""
    left, _, right = re.split(r"([-\u2010\u2011])", core, maxsplit=1)
    return right in GENERIC_ACRONYMS and any(c.islower() for c in left)


def compact_key(text: str) -> str:
    """Grouping key for a designator: upper-case letters and digits only ("Su-35" == "SU35")."""
    return re.sub(r"[^0-9A-Za-z]", "", text).upper()
