"""Systems found by how the text names them: ship classes, "called X", "X, its software suite",
and capitalised names defined with an acronym ("Hyper Velocity Gliding Projectile (HVGP)")."""

from __future__ import annotations

import re

from bot.core.local.gazetteer import is_town
from bot.core.local.register import is_country_name
from bot.core.local.ships import trim_name
from bot.core.local.system_lexicon import DEMONYMS, GENERIC_ACRONYMS, HEAD_NOUNS, MAKERS, STOP_WORDS
from bot.core.local.system_mentions import Mention, head_category, initials_fit, sentence

CLASS = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-Z][\w'’.]*[ \u00a0]){0,2}[A-Z][\w'’.]*|Type[ \u00a0]\d{2,3}[A-Z]?)[-\u2010\u2011 \u00a0]class\b"
)
_CLASS_STOP = frozenset(
    "World First Middle Working Upper Lower Business Economy Top High Mass Ruling Master".split()
)
_VESSEL_AFTER = re.compile(
    r"(?:[ \u00a0][\w-]+){0,3}?[ \u00a0](?:ships?|vessels?|frigates?|destroyers?|corvettes?|submarines?|"
    r"carriers?|cruisers?|boats?|warships?|patrol|minehunters?|minesweepers?)\b"
)
NAMING = re.compile(
    r"\b(?:called|named|dubbed|designated|code-?named|nicknamed|branded)[ \u00a0](?:the[ \u00a0])?[\"“‘']?"
    r"(?P<name>[A-Z][\w-]*(?:[ \u00a0][A-Z0-9][\w-]*){0,2})"
)
APPOSITIVE = re.compile(
    r"\b(?:into|with|of|on|from|uses|use|using|and|called)[ \u00a0](?P<name>[A-Z][\w-]+),[ \u00a0](?:its|their|a|an|our)"
    r"(?:[ \u00a0][\w-]+){0,3}?[ \u00a0](?P<head>software suite|software|suite|platform|language model|model|radar|"
    r"drone|missile|satellite|rocket|malware|backdoor)s?\b(?![ \u00a0-](?:makers?|compan(?:y|ies)|firms?|developers?|"
    r"start-?ups?|manufacturers?|producers?|suppliers?|operators?|specialists?|experts?|programm?e?s?|"
    r"business|industry|group|unit)\b)"
)
_PAREN_ACRONYM = re.compile(r"\((?P<acr>[A-Z][A-Za-z]{1,7})\)")
DEFINED = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]*[ \u00a0/](?:(?:of|and|for|to|the)[ \u00a0])?){1,6}"
    r"(?P<head>Systems?|Missile|Rocket|Launcher|Vehicle|Vessel|Projectile|Interceptor|Satellite|Aircraft|"
    r"Fighter|Bomber|Drone|Radar|Munition|Weapon|Programme|Program|Initiative|Shield|Dome))"
    r"[ \u00a0]\((?P<acr>[A-Z][A-Za-z]{1,7})\)$"
)
TITLED = re.compile(
    r"\b(?<![-\u2010\u2011./])(?:[Tt]he|an?|its|their|new|[A-Z][a-z]+['’]s|\d{1,3}|two|three|four|five|six|eight|ten|twelve|several|"
    r"more|additional)[ \u00a0](?:[a-z]+-(?:made|built|designed|developed)[ \u00a0])?"
    r"(?P<name>[^\W\d_]{3,}(?:[ \u00a0][^\W\d_]{3,})?)"  # capitalised words, checked in `find_titled`
    # up to three modifiers: "the Boran 105mm light towed howitzer", "the Kaplan MT medium tank"
    r"(?:[ \u00a0](?:(?!(?:to|and|or|of|for|with|in|on|at|by|from|the|an?|its|their|is|was|are|were|has|had|"
    r"have|will|would|that|which)\b)[a-z-]+|\d{2,3}[ -]?mm|[A-Z]{1,3}\d?)){0,3}?[ \u00a0]"
    r"(?P<head>drone|missile|rocket|howitzer|tank|radar|interceptor|torpedo|launcher|jammer|helicopter|malware|"
    r"backdoor|ransomware|spyware|USV|UUV|UGV|UAV|UCAV|AUV|underwater vehicle|minehunter|minesweeper)s?\b(?![ \u00a0](?:attacks?|strikes?|shields?|plans?|budgets?|programm?e?s?|"
    r"polic(?:y|ies)|defen[cs]es?|production|factor(?:y|ies)|makers?|manufacturers?|industry|deals?|contracts?|"
    r"threats?|launch(?:es)?|tests?|walls?|campaigns?|war|warfare|units?|forces?|operators?|pilots?|crews?|"
    r"teams?|compan(?:y|ies)|firms?|sales|exports?|technology|capabilit(?:y|ies)|systems?|stocks?|battles?|"
    r"raids?|barrages?|assaults?|incidents?|crash(?:es)?|debris|wreckage|fragments?|alerts?|warnings?|"
    r"interceptions?|sightings?|incursions?|hits?)\b)"
)
# "KRL 122 Multiple Launch Rocket System (MLRS)": the phrase belongs to the designator before it.
_DESIGNATOR_BEFORE = re.compile(
    r"(?:[A-Z]{1,5}[ \u00a0-]?\d{1,4}[A-Z]{0,3}|Type[ \u00a0]\d{2,3}[A-Z]?)[ \u00a0]$"
)
_PROGRAMME_WORDS = re.compile(
    r"\b(?:Air|Missile|Combat|Strike|Fighter|Space|Satellite|Drone|Shield|Dome|"
    r"Submarine|Hypersonic|Nuclear|Rocket|Laser|Radar)\b"
)
_SYSTEM_NOUN_BEFORE = re.compile(
    r"\b(?:backdoor|malware|implant|ransomware|spyware|wiper|worm|loader|stealer|botnet|rootkit|trojan|tool|model|satellite|spacecraft|drone|missile|rocket|"
    r"radar|system|software|platform|vehicle|aircraft|jet|ship|vessel|submarine|weapon|munition|interceptor|"
    r"launcher|sensor|chip|processor|programme|program|variant|version|shell|ammunition|sight|camera|boat|craft|"
    r"laser|jammer)s?\b"
)


def find_classes(text: str) -> list[Mention]:
    """Ship classes ("Columbia-class", "Jose Rizal-class frigates") in a naval sentence."""
    out: list[Mention] = []
    if "class" not in text:
        return out
    for match in CLASS.finditer(text):
        name = match.group("name")
        # "The Holland-class", "Its Type 26-class": a sentence-initial article is not the name.
        # "Sweden's Gotland-class", "Norwegian Ula-class": the owner is not part of the name.
        while " " in name and (
            name.split()[0] in STOP_WORDS
            or name.split()[0] in DEMONYMS
            or name.split()[0].endswith(("'s", "\u2019s"))
        ):
            name = name.split(None, 1)[1]
        if name.split()[0] in _CLASS_STOP or name in STOP_WORDS:
            continue
        after = _VESSEL_AFTER.match(text, match.end())
        category = head_category(text, match.end())
        if after is None and category is None:
            continue
        kind = category or "warship class"
        start = match.start("name") + len(match.group("name")) - len(name)
        out.append(Mention.at(start, match.end(), "class:" + name, category=kind, confirmed=True))
    return out


def find_called(text: str) -> list[Mention]:
    """Systems introduced by a naming verb ("a backdoor ... named GhostLatch", "the model, called Lumen-D")."""
    out: list[Mention] = []
    for match in NAMING.finditer(text):
        left, _ = sentence(text, match.start(), match.end())
        nouns = list(_SYSTEM_NOUN_BEFORE.finditer(text, max(left, match.start() - 90), match.start()))
        name = trim_name(match.group("name"))
        if not nouns or not name or name in STOP_WORDS:
            continue
        noun = nouns[-1]
        category = HEAD_NOUNS.get(noun.group().lower().rstrip("s"))
        # "a fast attack boat called Kuai Chi": named right after its noun, the construction outweighs
        # the model's reading of the name as a person (key "app:", as in find_apposed).
        key = "app:" if match.start() - noun.end() <= 2 else "name:"
        out.extend(_every(text, name, key + name, category))
    for match in APPOSITIVE.finditer(text):
        name = match.group("name")
        if name in STOP_WORDS:
            continue
        out.extend(_every(text, name, "name:" + name, HEAD_NOUNS[match.group("head").lower()]))
    return out


def find_apposed(text: str) -> list[Mention]:
    """Names set off right after a system noun ("a second tool, Lavender, which ..."), or described
    by one right after them ("TIDELOCK 2.1, a ransomware variant first seen ...").

    The small model tags most such names as people; the construction outweighs its label, so these
    mentions are not dropped for it (their key is "app:", not "name:").
    """
    out: list[Mention] = []
    for found, head in (*_named_after_noun(text), *_described_names(text)):
        words = found.split()
        while words and words[0][0].islower():
            words = words[1:]  # "the Gökberk, a ... laser": the article is not part of the name
        name = " ".join(words)
        if not words or not all(w[0].isupper() for w in words if not w[0].isdigit()):
            continue  # any alphabet's capitals ("Gökberk", "Çakır"), never a common word
        if any(w in STOP_WORDS for w in name.split()) or is_country_name(name) or name in MAKERS:
            continue
        out.extend(_every(text, name, "app:" + name, HEAD_NOUNS.get(head.lower(), "software")))  # a "tool"
    return out


def _named_after_noun(text: str) -> list[tuple[str, str]]:
    return [(m.group("name"), m.group("head")) for m in _NAME_AFTER_NOUN.finditer(text)]


def _described_names(text: str) -> list[tuple[str, str]]:
    """(name, head) for each description and the name right before it; the description is found
    first, as it is rare, and the name is read back from it."""
    out = []
    for d in _DESCRIPTION.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, d.start() - 40), d.start())
        if name is not None:
            out.append((name.group("name"), d.group("head")))
    return out


# "a second tool, Lavender, which ...", "the new drone, Skylark, is ...": a name set off right after
# a system noun, closed by a comma or a relative word.
_NAME_AFTER_NOUN = re.compile(
    r"\b(?:a|an|the|its|their|second|third|new|other)[ \u00a0](?:[a-z-]+[ \u00a0]){0,2}?"
    r"(?P<head>tool|drone|missile|satellite|rocket|malware|backdoor|radar|loitering munition|torpedo),"
    r"[ \u00a0](?P<name>[A-Z][\w-]{2,}(?:[ \u00a0][A-Z][\w-]{2,})?),[ \u00a0](?:which|that|is|was|has|had|a|an|the)\b"
)

# "TIDELOCK 2.1, a ransomware variant first seen ...", "OMTAS is an excellent medium-range missile
# and ...": a name described right after it, where the description ends the phrase ("X, a drone
# maker" does not).
_NAME_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<name>[^\W\d_]{3,}(?:[ \u00a0][^\W\d_]{3,})?(?:[ \u00a0]\d{1,2}(?:\.\d{1,2}){0,2})?)$"
)
_DESCRIPTION = re.compile(
    r"(?:,|[ \u00a0](?:is|was))[ \u00a0]an?[ \u00a0](?:[a-z-]+[ \u00a0]){0,3}?"
    r"(?P<head>ransomware|malware|backdoor|spyware|wiper|trojan|loitering munition|drone|missile|torpedo|"
    r"laser|radar|howitzer|jammer)"
    r"(?:[ \u00a0](?:variant|strain|family))?"
    r"(?=[ \u00a0]*[,.;:)]|[ \u00a0](?:that|which|first|developed|built|made|designed|capable|with|used)\b)"
)

# Services that fly or field hardware under their own name ("the Police helicopter").
_SERVICES = frozenset(
    "Police Rescue Ambulance Medical Medevac Border Customs Coastguard Fire Presidential".split()
)


_VARIANT_AFTER_NAME = re.compile(r"[ \u00a0][A-Z]{1,3}\d?(?=[ \u00a0])")


def find_titled(text: str) -> list[Mention]:
    """Names right before a weapon noun ("the Vampire drone"), not nationalities, places or acronyms."""
    found: dict[str, tuple[str, bool]] = {}
    for match in TITLED.finditer(text):
        words = match.group("name").split()
        while len(words) > 1 and words[-1][0].islower():
            words.pop()  # "the Çakır cruise missile": "cruise" describes the missile, it names nothing
        name = " ".join(words)
        between = text[match.start("name") + len(name) : match.start("head")]
        letters = _VARIANT_AFTER_NAME.match(between)
        if letters:  # "the Kaplan MT medium tank": the variant's letters belong to the name
            name, between = name + letters.group(), between[letters.end() :]
        if not all(w[0].isupper() and not w.isupper() for w in words) or is_town(name):
            continue  # "the new drone"; "the Warsaw howitzer plant" names a town
        if any(
            w in STOP_WORDS or w in DEMONYMS or w in GENERIC_ACRONYMS or w in _SERVICES
            for w in words
        ):
            continue
        if name in MAKERS or is_country_name(name):
            continue
        if words[0].lower() in HEAD_NOUNS or words[-1].lower() in HEAD_NOUNS:
            continue
        # A describing word between name and noun ("cruise", "light towed") makes it a product's
        # description; then the model's reading of the name as a person does not drop it.
        described = any(w[:1].islower() for w in between.split())
        category, was = found.get(name, (HEAD_NOUNS[match.group("head").lower()], False))
        found[name] = (category, was or described)
    out: list[Mention] = []
    for name, (category, described) in found.items():
        out.extend(_every(text, name, ("app:" if described else "title:") + name, category))
    return out


def find_defined(text: str) -> list[Mention]:
    """Capitalised system names defined with an acronym, plus every later use of the acronym."""
    out: list[Mention] = []
    for paren in _PAREN_ACRONYM.finditer(text):
        match = DEFINED.search(text, max(0, paren.start() - 160), paren.end())
        if match is None or _DESIGNATOR_BEFORE.search(
            text, max(0, match.start() - 16), match.start()
        ):
            continue
        name = re.split(r"['’]s[ \u00a0]", match.group("name"))[-1]
        name = re.sub(r"^(?:The|A|An)[ \u00a0]", "", name)
        acr = match.group("acr")
        head = match.group("head")
        if acr.rstrip("s") in GENERIC_ACRONYMS or not initials_fit(name, acr):
            continue
        if head in ("Programme", "Program", "Initiative") and not _PROGRAMME_WORDS.search(name):
            continue
        start = match.end("name") - len(name)
        key = "def:" + acr.rstrip("s")
        category = HEAD_NOUNS.get(head.lower().rstrip("s"))
        out.append(
            Mention.at(
                start, match.end("name"), key, category=category, confirmed=True, aliases=[acr]
            )
        )
        out.extend(_every(text, acr, key, category))
    return out


# "the Canadian Patrol Submarine Project", "Chile's National Satellite System": a named acquisition
# programme, when its words say what it buys.
PROGRAMME = re.compile(
    r"(?<![\w'’-])(?P<name>(?:[A-Z][\w'’-]*[ \u00a0](?:(?:of|for|and)[ \u00a0])?){1,5}"
    r"(?P<head>Project|Programme|Program|System))\b"
)


# "Crimson RAT", "CapraRAT": a remote-access trojan is named by its suffix.
_RAT = re.compile(r"(?<![\w-])(?P<name>[A-Z][A-Za-z0-9]{2,}(?:[ \u00a0]RAT|RAT))(?![\w-])")


def find_malware(text: str) -> list[Mention]:
    """Malware named by a remote-access-trojan suffix ("Crimson RAT", "CapraRAT")."""
    out: list[Mention] = []
    for name in dict.fromkeys(m.group("name") for m in _RAT.finditer(text)):
        if name.split()[0] in STOP_WORDS:
            continue
        out.extend(_every(text, name, "name:" + name, "cyber tool"))
    return out


def find_programmes(text: str) -> list[Mention]:
    """Named programmes whose words name hardware ("Future Submarine Programme"), every mention."""
    out: list[Mention] = []
    seen: set[str] = set()
    for match in PROGRAMME.finditer(text):
        name = re.split(r"['’]s[ \u00a0]", match.group("name"))[-1]  # "Chile's National ..."
        name = re.sub(r"^(?:The|A|An)[ \u00a0]", "", name)
        if name in seen or not _PROGRAMME_WORDS.search(name) or len(name.split()) < 3:
            continue
        if _DESIGNATOR_BEFORE.search(text, max(0, match.start() - 16), match.start()):
            continue  # "KRL 122 Multiple Launch Rocket System" belongs to its designator
        seen.add(name)
        out.extend(_every(text, name, "prog:" + name, "defence programme"))
    return out


def _every(text: str, name: str, key: str, category: str | None) -> list[Mention]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?:(?=s\b)|(?!\w))(?![-\u2010\u2011]\w)")
    return [
        Mention.at(*m.span(), key, category=category, confirmed=True)
        for m in pattern.finditer(text)
    ]
