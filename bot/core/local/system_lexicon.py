"""Words that tell a system from other capitalised or numbered text: head nouns, context, makers."""

from __future__ import annotations

import re

# Nouns that name what kind of thing a system is, longest first, with the category they imply.
HEAD_NOUNS: dict[str, str] = {
    "multiple launch rocket system": "MLRS", "multiple rocket launcher": "MLRS",
    "rocket launcher": "MLRS", "rocket artillery": "MLRS", "rocket system": "MLRS",
    "launcher": "missile launcher",
    "air defence system": "SAM system", "air defense system": "SAM system",
    "air-defence system": "SAM system", "air-defense system": "SAM system",
    "surface-to-air missile": "SAM system", "missile defence system": "missile defence system",
    "missile defense system": "missile defence system", "anti-aircraft gun": "air-defence gun",
    "ballistic missile": "ballistic missile", "cruise missile": "cruise missile",
    "hypersonic missile": "hypersonic missile", "glide vehicle": "hypersonic missile",
    "anti-ship missile": "anti-ship missile", "surface-to-ship missile": "anti-ship missile",
    "air-to-air missile": "air-to-air missile", "anti-tank missile": "anti-tank missile",
    "guided rocket": "guided rocket", "guided bomb": "guided bomb", "interceptor": "surface-to-air missile",
    "loitering munition": "loitering munition", "attack drone": "UAV", "drone": "UAV",
    "unmanned aerial vehicle": "UAV", "uav": "UAV", "ucav": "UAV", "uas": "UAV",
    "usv": "unmanned surface vessel", "unmanned surface vessel": "unmanned surface vessel",
    "uuv": "unmanned underwater vehicle", "unmanned underwater vehicle": "unmanned underwater vehicle",
    "ugv": "unmanned ground vehicle", "unmanned ground vehicle": "unmanned ground vehicle",
    "fighter jet": "fighter aircraft", "fighter": "fighter aircraft", "jet": "fighter aircraft",
    "bomber": "bomber", "trainer": "trainer aircraft", "training aircraft": "trainer aircraft",
    "transport aircraft": "transport aircraft", "patrol aircraft": "maritime patrol aircraft",
    "helicopter": "helicopter", "tiltrotor": "tiltrotor", "aircraft": "aircraft", "airliner": "aircraft",
    "jetliner": "aircraft", "passenger jet": "aircraft", "passenger plane": "aircraft",
    "business jet": "aircraft",
    "main battle tank": "tank", "tank": "tank", "infantry fighting vehicle": "infantry fighting vehicle",
    "armoured vehicle": "armoured vehicle", "armored vehicle": "armoured vehicle",
    "howitzer": "artillery", "artillery": "artillery", "mortar": "artillery",
    "remote weapon station": "remote weapon station", "laser": "directed-energy weapon",
    "frigate": "frigate", "destroyer": "destroyer", "corvette": "corvette", "cruiser": "cruiser",
    "submarine": "submarine", "aircraft carrier": "aircraft carrier", "carrier": "aircraft carrier",
    "amphibious assault ship": "amphibious ship", "landing ship": "amphibious ship",
    "patrol vessel": "patrol vessel", "warship": "warship", "fast attack craft": "patrol vessel",
    "attack craft": "patrol vessel", "patrol boat": "patrol vessel", "missile boat": "patrol vessel",
    "landing craft": "amphibious ship", "seeker": "sensor", "targeting pod": "sensor",
    "inertial unit": "sensor", "inertial navigation system": "sensor", "navigation module": "sensor", "radar": "radar", "sonar": "sonar",
    "satellite": "satellite", "launch vehicle": "launch vehicle", "rocket": "launch vehicle",
    "spacecraft": "spacecraft", "jammer": "electronic warfare system",
    "jamming equipment": "electronic warfare system", "jamming system": "electronic warfare system",
    "jamming pod": "electronic warfare system",
    "electronic warfare system": "electronic warfare system", "missile": "missile",
    "torpedo": "torpedo", "rifle": "rifle", "gun": "gun", "munition": "munition",
    "chip": "chip", "gpu": "chip", "processor": "chip", "accelerator": "chip",
    "large language model": "AI model", "language model": "AI model", "llm": "AI model",
    "ai model": "AI model", "model": "AI model", "malware": "cyber tool", "backdoor": "cyber tool",
    "ransomware": "cyber tool", "spyware": "cyber tool", "wiper": "cyber tool", "trojan": "cyber tool",
    "implant": "cyber tool", "software suite": "software", "software": "software",
    "suite": "software", "platform": "software", "system": "system", "programme": "defence programme",
    "program": "defence programme", "vehicle": "vehicle", "vessel": "vessel", "sensor": "sensor",
    "terminal": "command system", "battle management system": "command system",
    "battlefield management system": "command system", "fire-control system": "combat system",
    "fire control system": "combat system", "combat management system": "combat system",
    "shell": "artillery ammunition", "artillery shell": "artillery ammunition",
    "ammunition": "ammunition", "data link": "tactical data link", "datalink": "tactical data link",
    "data network": "tactical data link", "thermal sight": "sensor", "sight": "sensor",
    "thermal camera": "sensor", "inertial measurement unit": "sensor", "imu": "sensor",
    "module": "equipment", "tail kit": "guided bomb", "guidance kit": "guided bomb",
    "round": "ammunition", "projectile": "munition", "boat": "vessel", "fuze": "fuze",
    "radio": "radio", "manpack": "radio", "handheld": "radio",
    "armoured personnel carrier": "armoured vehicle", "armored personnel carrier": "armoured vehicle",
    "apc": "armoured vehicle",
    "minehunter": "mine countermeasures vessel", "minesweeper": "mine countermeasures vessel",
    "mine countermeasures vessel": "mine countermeasures vessel",
    "autonomous underwater vehicle": "unmanned underwater vehicle",
    "underwater vehicle": "unmanned underwater vehicle", "auv": "unmanned underwater vehicle",
}  # fmt: skip

_HEAD_ALT = "|".join(re.escape(h) for h in sorted(HEAD_NOUNS, key=len, reverse=True))
# A head noun (any case, optional plural) right after a designator, with up to three modifiers between.
HEAD_AFTER = re.compile(
    rf"(?:[\s\u00a0]+[\"\u201c'\u2018][^\"\u201d'\u2019\n]{{1,30}}[\"\u201d'\u2019])?"  # a nickname: "Lodestar"
    rf"(?:[\s\u00a0]+(?!(?:and|or|of|in|on|at|to|for|from|with|by|as|is|was|were|are|has|had|that|which)\b)"
    rf"[\w/-]+){{0,3}}?[\s\u00a0]+(?P<head>{_HEAD_ALT})(?:e?s)?\b",
    re.IGNORECASE,
)
# An appositive that says what a designator is: "the NDX-40, a containerised cooling module".
APPOSITIVE_HEAD = re.compile(
    rf",[\s\u00a0]+(?:an?|the|its|their)[\s\u00a0]+[^,.;:\n]{{0,60}}?\b(?P<head>{_HEAD_ALT})(?:e?s)?\b",
    re.IGNORECASE,
)
# A Title-Case head phrase that belongs to the name ("KRL 122 Multiple Launch Rocket System").
TITLE_HEAD = re.compile(
    r"(?:[ \u00a0](?:[A-Z][\w-]*|of|and|to))*[ \u00a0](?P<head>System|Missile|Rocket|Launcher|Radar|Vehicle|"
    r"Drone|Satellite|Interceptor|Projectile|Howitzer|Aircraft|Fighter|Munition|Weapon|Laser|Gun)s?\b"
)

_CONTEXT_GROUPS: dict[str, str] = {
    "air": r"aircraft|jets?|fighters?|bombers?|helicopters?|pilots?|squadrons?|air ?force|air ?base|"
    r"sorties?|airframes?|flights?|flying|flew|tankers?",
    "drone": r"drones?|UAVs?|UAS|unmanned|uncrewed|loitering|munitions?|swarms?",
    "missile": r"missiles?|interceptors?|launchers?|batter(?:y|ies)|air[ -]defen[cs]es?|rockets?|"
    r"warheads?|SAMs?|ICBMs?|SRBMs?|strikes?|intercept(?:ed|s)?|salvos?|fired|launch(?:ed|es)?",
    "land": r"tanks?|vehicles?|armou?red|howitzers?|artillery|guns?|infantry|rifles?|armou?r|troops",
    "naval": r"ships?|vessels?|frigates?|destroyers?|submarines?|carriers?|navy|naval|warships?|torpedo(?:es)?|"
    r"hulls?|sailors|fleet|maritime",
    "space": r"satellites?|rockets?|launch(?:ed|es)?|orbit(?:al|s)?|space|station|spacecraft",
    "cyber": r"malware|hack(?:ers?|ed|ing)?|cyber\w*|spyware|ransomware|backdoors?|intrusions?|"
    r"exploits?|phones?|surveillance|infect(?:ed|ion)",
    "chip": r"chips?|GPUs?|semiconductors?|accelerators?|processors?|data[ -]cent(?:re|er)s?|"
    r"computing|export controls?",
    "ai": r"models?|AI|LLMs?|chatbots?|generative|artificial intelligence|open[ -]weight|fine-tun\w+",
    "software": r"software|platforms?|data|AI|analytics|targeting|battlefield|apps?",
    "programme": r"programmes?|programs?|initiatives?|projects?|procurement|batter(?:y|ies)|"
    r"systems?|defen[cs]e|air[ -]defen[cs]e",
}
_WEAPON_WORDS = r"weapons?|systems?|arms|armaments?|military|defen[cs]e industry"
CONTEXT: dict[str, re.Pattern[str]] = {
    group: re.compile(rf"\b(?:{words}|{_WEAPON_WORDS})\b")
    for group, words in _CONTEXT_GROUPS.items()
}
# Any hardware word confirms an ambiguous name of any hardware category ("the Poseidon ... drone").
HARDWARE = re.compile(
    r"\b(?:missiles?|drones?|aircraft|jets?|tanks|warships?|rockets?|launchers?|interceptors?|"
    r"air[ -]defen[cs]es?|howitzers?|artillery|submarines?|frigates?|destroyers?|torpedo(?:es)?|navy|"
    r"military|nuclear-(?:armed|powered))\b"
)
HARDWARE_GROUPS = frozenset({"air", "drone", "missile", "land", "naval", "space"})
# Strong signs that a sentence is about hardware; enough to keep an unknown designator.
ANY_CONTEXT = re.compile(
    r"\b(?:aircraft|jets?|fighters?|bombers?|helicopters?|drones?|UAVs?|UAS|missiles?|interceptors?|"
    r"launchers?|air[ -]defen[cs]es?|rockets?|warheads?|tanks|howitzers?|artillery|armou?red|frigates?|"
    r"destroyers?|corvettes?|submarines?|warships?|navy|naval|satellites?|radars?|jammers?|weapons?|"
    r"munitions?|military|defen[cs]e|armed forces|malware|backdoor|spyware|ransomware|chips?|GPUs?|"
    r"semiconductors?|language models?|AI models?)\b"
)

_CATEGORY_GROUP = {
    "chip": "chip", "AI model": "ai", "software": "software", "cyber tool": "cyber",
    "defence programme": "programme", "satellite": "space", "satellite constellation": "space",
    "launch vehicle": "space", "spacecraft": "space", "UAV": "drone", "loitering munition": "drone",
    "uncrewed vessel": "naval", "counter-drone system": "drone",
}  # fmt: skip
_GROUP_SUFFIX = (
    ("aircraft", "air"), ("bomber", "air"), ("helicopter", "air"), ("tiltrotor", "air"),
    ("vehicle", "land"), ("tank", "land"), ("artillery", "land"), ("MLRS", "missile"),
    ("rifle", "land"), ("gun", "land"), ("weapon", "land"), ("station", "land"),
    ("frigate", "naval"), ("destroyer", "naval"), ("corvette", "naval"), ("cruiser", "naval"),
    ("submarine", "naval"), ("carrier", "naval"), ("ship", "naval"), ("vessel", "naval"),
    ("torpedo", "naval"),
)  # fmt: skip


def context_group(category: str) -> str:
    """Which context-word group confirms an ambiguous name of this category."""
    if category in _CATEGORY_GROUP:
        return _CATEGORY_GROUP[category]
    for suffix, group in _GROUP_SUFFIX:
        if category.endswith(suffix):
            return group
    return "missile"


# Companies whose name often comes right before a product designator ("Nvidia H20", "PAC MFI-17").
MAKERS = (
    "Lockheed Martin", "Northrop Grumman", "General Atomics", "General Dynamics", "Boeing", "Airbus",
    "Raytheon", "RTX", "BAE Systems", "BAE", "MBDA", "Thales", "Leonardo", "Dassault", "Saab", "Rheinmetall",
    "KNDS", "Nexter", "Krauss-Maffei Wegmann", "KMW", "Diehl", "Hensoldt", "Kongsberg", "Nammo", "Patria",
    "Hanwha", "Hyundai Rotem", "KAI", "LIG Nex1", "PAC", "Elbit", "IAI", "Rafael", "Roketsan", "Aselsan",
    "Baykar", "Bayraktar", "TAI", "TUSAŞ", "Sukhoi", "Mikoyan", "Tupolev", "Ilyushin", "Kamov", "Mil",
    "Almaz-Antey", "Kalashnikov", "ZALA", "Norinco", "AVIC", "CASC", "CASIC", "Embraer", "HAL", "DRDO",
    "Nvidia", "NVIDIA", "AMD", "Intel", "Huawei", "Meta", "OpenAI", "Google", "Anthropic", "Mistral",
    "Microsoft", "Palantir", "Anduril", "Shield AI", "AeroVironment", "Kratos", "Textron", "Bell",
    "Sikorsky", "Oshkosh", "SpaceX", "Blue Origin", "ULA", "Rocket Lab", "Mitsubishi", "Kawasaki",
    "Hanwha Aerospace", "Naval Group", "Fincantieri", "Navantia", "TKMS", "Damen", "Austal", "Huntington Ingalls",
    "Safran", "DJI", "Rolls-Royce", "Pratt & Whitney", "Honeywell", "L3Harris", "Fire Point", "Ukroboronprom",
)  # fmt: skip
MAKER_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\"“‘']))(?P<maker>"
    + "|".join(re.escape(m) for m in sorted(MAKERS, key=len, reverse=True))
    + r")(?P<poss>['’]s)?[ \u00a0]$"
)

# Capitalised words that never continue a system name.
STOP_WORDS = frozenset(
    """The A An And Or Of In On At To For From With By As Is Was Were Are Has Had Have That Which This These
    Those It Its Their His Her Our Your We They He She I But Not No Yes If When While After Before Since
    Until During Under Over Into Onto Also Both Each Every Some Any All Most More Less Than Then So Such
    January February March April May June July August September October November December Jan Feb Mar Apr
    Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Mr Mrs Ms Dr Gen General Col Colonel Lt Maj Major Capt Captain Adm Admiral Sgt President Minister
    Secretary Prime Deputy Chief Director Officer Army Navy Air Force Forces Ministry Department Agency
    Office Command Corps Guard Marine Marines Council Committee Parliament Congress Senate Government
    State States Republic Kingdom Union Nations Europe European Asia Asian Africa African America American
    Pacific Atlantic Indian Arctic Baltic North South East West Northern Southern Eastern Western Central
    Reuters AP AFP Block Increment Batch Lot Flight Phase Mark Mk Mod Version NATO UN EU US UK USA""".split()
)  # fmt: skip
# Generic acronyms: never a system on their own, and never part of a system's name.
GENERIC_ACRONYMS = frozenset(
    """UAV UAVs UAS UCAV UGV USV UUV MALE HALE SAM SAMs MLRS MRL SRBM SRBMs MRBM IRBM ICBM ICBMs SLBM SLBMs
    ALBM ASBM HGV AESA PESA RWS IFV APC MBT SPG SPH MANPADS ATGM CIWS EW BMD IAMD GBAD SHORAD VSHORAD
    ASW ISR AEW AWACS C2 C4ISR LLM GPU CPU AI ML IT VPN GDP GPS EEZ LNG NATO EU UN US UK USA PLA PLAN
    PLAAF IDF IAF RAF USAF USN MoD DoD FPV FPVs VTOL STOVL ISTAR SIGINT ELINT OSINT SATCOM""".split()
)  # fmt: skip

# Organisations, countries and news agencies written as acronyms: never a system.
ORG_ACRONYMS = frozenset(
    """UAE KSA DPRK ROK PRC ROC USSR PLARF USMC RAAF RCAF IRGC DRDO DARPA CIA FBI NSA GCHQ FSB GRU SVR SBU
    KCNA JCS SDF JSDF GSDF MSDF ASDF AUKUS ASEAN OSCE IAEA CSIS RUSI IISS SIPRI RAND CNA BBC CNN TASS
    NDMA DAPA JAXA NASA ESA ISRO CNSA OFAC BIS CISA FAA ECDI AFP AP DND MND MOD DOD NSC GAO CBO SBIR
    UNSC WHO IMF WTO OPEC NASDAQ NYSE FTSE CEO CFO CTO MP MEP NGO MRAP APC APCs SSBN SSN SSK SSGN""".split()
)  # fmt: skip
# Nationality and bloc adjectives: "the Iranian drone" names no system.
DEMONYMS = frozenset(
    """American British Russian Chinese Ukrainian Iranian Israeli Turkish Korean Japanese Indian Pakistani
    French German Italian Spanish Polish Swedish Norwegian Finnish Danish Dutch Belgian Greek Taiwanese
    Australian Canadian Brazilian Saudi Emirati Qatari Syrian Iraqi Lebanese Yemeni Houthi Palestinian
    Egyptian Libyan Afghan Belarusian Georgian Armenian Azerbaijani Kazakh Serbian Croatian Romanian
    Hungarian Czech Slovak Bulgarian Lithuanian Latvian Estonian Swiss Austrian Portuguese Irish Scottish
    Welsh Mexican Argentine Chilean Colombian Venezuelan Cuban Nigerian Ethiopian Sudanese Somali Kenyan
    Indonesian Malaysian Filipino Philippine Vietnamese Thai Burmese Bangladeshi Nepali Soviet Western
    Eastern Arab Persian Kurdish Allied Coalition Pentagon Kremlin Hamas Hezbollah Taliban Wagner Moscow
    Kyiv Beijing Washington Tehran Pyongyang Seoul Tokyo Delhi Islamabad Ankara Jerusalem London Paris
    Berlin Warsaw Brussels Sea Ocean Gulf Strait River Bay Island Islands Peninsula Valley Desert Front""".split()
)  # fmt: skip
