"""Vocabulary for organisations and groups: head words, well-known acronyms, generic nouns to drop."""

from __future__ import annotations

import re

# A possessive owner of one to three capitalised words right before a name ("South Korea's ").
OWNER_BEFORE = r"(?P<owner>[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2})(?:'s|\u2019s)[ \t]+"

# Final (or defining) words of organisation names. Lowercase; compared to a folded token.
ORG_HEADS = frozenset(
    """
    ministry department agency administration bureau office directorate secretariat presidency
    inspectorate authority commission committee council court tribunal parliament assembly senate
    congress cabinet embassy consulate mission delegation government nations
    force forces army navy corps guard guards command staff service services police gendarmerie
    brigade battalion regiment division wing squadron fleet flotilla legion militia
    intelligence league alliance coalition union front movement party organisation organization
    institute institution centre center observatory forum foundation university academy college
    laboratory lab school
    corporation company co co. corp corp. inc inc. ltd ltd. llc plc gmbh ag sa s.a. as asa ab nv bv
    spa oy oyj kk limited holdings holding group industries industry systems technologies
    technology aerospace aeronautics dynamics electronics shipbuilding shipyard shipyards
    defence defense security precision research consulting consultancy capital partners ventures
    bank fund trust exchange airlines airways motors works arsenal ordnance munitions robotics
    labs analytics compute computing intelligence ai semiconductor semiconductors networks
    telecom communications energy resources trading logistics solutions sp. o.o. s.r.o. a.s. chamber
    direction dirección direccion ministère ministere ministerio ministero ministerstvo ministerium
    agence agencia agenzia instituto institut istituto comité comite comisión comision secretaría
    fuerza fuerzas armée armee ejército ejercito bundesamt amt servicio société societe sociedad
    empresa compagnie groupe gruppo gruppe universidad université universite universität escuela
    école ecole hochschule centro akademie zavod zakład zaklad spółka spolka ministarstvo
    """.split()
)
# Heads of names that end with the country they serve in: "UN Mission in South Sudan".
MISSION_HEADS = frozenset({"mission", "force", "office", "command", "operation"})
# Head words of names that are weapons, programmes, treaties or events, never actors.
NON_ACTOR_HEADS = frozenset(
    """
    system missile missiles rocket rockets satellite satellites vessel vessels vehicle
    vehicles aircraft fighter jet jets drone drones radar interceptor projectile launcher
    agreement treaty accord act law pact convention protocol declaration exercise operation partnership
    arrangement regime list
    capability doctrine strategy plan review summit conference initiative shield dome project
    programme program
    base airbase shoal reef island islands strait sea port harbour harbor airport airfield valley
    region province county district peninsula bay river
    """.split()
)
# Corporate suffixes that continue a company name the model cut short ("Meridian Gulf General" + "Trading LLC").
CORPORATE_SUFFIXES = frozenset(
    "llc ltd ltd. inc inc. plc gmbh ag sa s.a. as asa ab nv bv spa oy oyj kk co. corp. corporation limited".split()
)
# Acronyms everyone knows as organisations, so they count even when the text never spells them out.
KNOWN_ORG_ACRONYMS = frozenset(
    """
    NATO EU UN UNSC IAEA OSCE ASEAN AUKUS OPEC WHO WTO IMF ICC ICJ OPCW SCO CSTO BRICS G7 G20
    CIA FBI NSA DIA NRO DHS DoD DOD NSC DARPA NASA ODNI USAF USMC USN RAF IDF IRGC PLA PLAN PLARF
    SBU GUR HUR FSB GRU SVR KGB MI5 MI6 GCHQ BND DGSE ASIO CSIS RUSI IISS SIPRI ISW RAND CSIS
    KCNA Hamas Hezbollah ISIS ISIL HTS PKK YPG RSF AQAP
    BAE MBDA KNDS KAI MHI CSSC NORINCO AVIC CETC CASC CASIC IAI ROSTEC UAC
    """.split()
)
# Acronyms and words spaCy often tags as ORG that name kinds of things, not actors.
GENERIC_NAMES = frozenset(
    """
    UAV UAVs UAS UCAV UCAVs MLRS SAM SAMs SRBM SRBMs MRBM IRBM ICBM ICBMs SLBM ASBM HGV AESA
    GMLRS ATACMS MANPADS C-UAS EW SIGINT ISR C4ISR AI ML LLM GPU GPUs CPU API VPN EEZ ADIZ
    MoU MOU LOI GDP GNP NOK USD EUR GBP JPY CNY RUB UTC GMT ET EST EDT JST KST CET CEST BST
    CEO CFO CTO COO PR HQ IT OSINT APT APTs RFP RFI FMS SOF NCO
    Q1 Q2 Q3 Q4 FY H1 H2
    Assembly Cabinet Defence Defense Digest Media Notes Launcher Videos Photos Update Analysis
    Opinion Feature Comment Editorial Correction Corrections Sources Source Contact Interview
    Courtesy Transcript Explainer Live LIVE Breaking Caption Credit Credits Updated Listen Watch
    Advertisement Host Guest Episode Podcast Newsletter Subscribe State Government
    """.split()
)
# Contextual cues that an unnamed or oddly tagged name is a group rather than an institution.
GROUP_CUES = re.compile(
    r"\b(?:hacking|hacker|militant|rebel|armed|extremist|terrorist|jihadist|separatist|insurgent|"
    r"paramilitary|threat|criminal|ransomware|espionage|cyber-espionage|state-backed|state-sponsored|"
    r"mercenary|ethnic|political|opposition)\s+(?:group|groups|outfit|faction|movement|militia|crew|"
    r"actor|network|organisation|organization)\b|\b(?:militia|insurgents|rebels|faction)\b",
    re.IGNORECASE,
)
_DESIGNATOR = re.compile(r"\d")
# "MAM-L", "Iskander-M", "H-IIA", "Tor-M2": a capital-letter suffix after a hyphen marks a variant.
_VARIANT = re.compile(r"^[A-Z][\w]*-(?:[A-Z]{1,4}|[IVX]+[A-Z]?)$")
_BLOCK = re.compile(r"\b(?:Block|Mk\.?|Mark|Batch|Flight|Increment)\s+(?:[IVX]+|\d+)\b")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


def folded_words(name: str) -> list[str]:
    """Lowercase words of a name with curly apostrophes straightened."""
    return name.replace("\u2019", "'").lower().split()


def has_org_head(name: str) -> bool:
    """True when any word of `name` is an organisation head ("Ministry", "Aerospace", "LLC")."""
    return any(w.strip(",()") in ORG_HEADS for w in folded_words(name))


def ends_like_non_actor(name: str) -> bool:
    """True for weapon, programme, treaty or event names ("... Missile System", "... Agreement")."""
    words = folded_words(name)
    if not words:
        return False
    last = words[-1].strip(".,")
    if last in _EVENT_HEADS:
        return not has_org_head(" ".join(words[:-1]))  # "Yom Kippur War"; not "Institute for the Study of War"
    return (last in NON_ACTOR_HEADS or last.rstrip("s") in NON_ACTOR_HEADS) and not has_org_tail(name)


# Wars and crises the model tags as organisations.
_EVENT_HEADS = frozenset("war wars crisis revolution uprising intifada invasion".split())


PLACE_OPENERS = frozenset({"base", "camp", "fort", "mount", "lake", "cape"})
# Words that open names of programmes and operations rather than of actors.
EVENT_OPENERS = frozenset({"project", "operation", "exercise", "programme", "program"})
# Navy ship prefixes: "USS Dewey", "HMAS Brisbane", "BRP Miguel Malvar" name ships, not actors.
SHIP_PREFIXES = frozenset(
    """
    USS USNS HMS HMAS HMCS HMNZS INS INSV JS ROKS BRP PNS TCG FGS ORP KRI RSS HNLMS HDMS HNoMS
    HSwMS ITS ESPS NRP SPS KD KRI RFS CNS PLANS FNS SAS HTMS ARA BNS MV USCGC
    """.split()
)


def opens_like_place(name: str) -> bool:
    """True for "Base Amberley", "Project Kusha", "USS Dewey": a place, programme or ship."""
    raw = name.split()
    words = folded_words(name)
    if len(words) < 2:
        return False
    return words[0] in PLACE_OPENERS or words[0] in EVENT_OPENERS or raw[0] in SHIP_PREFIXES


def has_org_tail(name: str) -> bool:
    """True when the name ends in an organisation head that is not also a product word."""
    words = folded_words(name)
    return bool(words) and words[-1] in ORG_HEADS and words[-1] not in NON_ACTOR_HEADS


def designator_shaped(name: str) -> bool:
    """True when a word of the name mixes letters and digits ("JF-17", "H20", "K9"), bar ordinals."""
    for word in name.split():
        if _DESIGNATOR.search(word) and not _ORDINAL.match(word):
            return True
        if _VARIANT.match(word) or word.endswith(("-class", "-type")):
            return True
    return bool(_BLOCK.search(name))


# Box and sidebar headings set in capitals ("FACT BOX", "KEY FACTS", "ESSI AT A GLANCE").
_FURNITURE = re.compile(r"(?:\bFACT ?BOX|\bKEY FACTS|\bAT A GLANCE|\bTIMELINE|\bBACKGROUND|\bEDITOR'?S NOTE)$", re.I)


def is_generic(name: str) -> bool:
    """True for names that are kinds of things or page furniture rather than actors."""
    bare = name.strip(" .,")
    if bare in GENERIC_NAMES or bare.rstrip("s") in GENERIC_NAMES:
        return True
    if bare.isupper() and _FURNITURE.search(bare):
        return True
    return not any(c.isupper() for c in bare)


def is_acronym(word: str, expansion: str = "") -> bool:
    """An acronym: 2-8 letters, mostly capitals ("SSB", "MoD"), or the initials of `expansion` ("Dstl")."""
    letters = word.replace(".", "").replace("&", "")
    if not 2 <= len(letters) <= 8 or not letters.isalpha() or not letters[0].isupper():
        return False
    if sum(c.isupper() for c in letters) >= 2:
        return True
    return bool(expansion) and _initials_match(letters.lower(), expansion)


def _initials_match(letters: str, expansion: str) -> bool:
    """True when the acronym's letters start words of the expansion, in order."""
    initials = [w[0].lower() for w in re.split(r"[\s-]+", expansion) if w and w[0].isalpha()]
    i = 0
    for c in letters:
        while i < len(initials) and initials[i] != c:
            i += 1
        if i == len(initials):
            return False
        i += 1
    return letters[0] == initials[0] if initials else False
