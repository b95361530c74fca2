"""News agencies, publishers and bylines: names that carry the story rather than act in it."""

from __future__ import annotations

import re

from bot.core.local.countries import fold

# Wire services and outlets that commonly carry defence news. Names only, matched whole.
NEWS_AGENCIES = frozenset(
    fold(n)
    for n in (
        "Reuters", "Associated Press", "AP", "Agence France-Presse", "AFP", "Bloomberg", "TASS",
        "RIA Novosti", "Interfax", "Xinhua", "Yonhap", "Kyodo", "Kyodo News", "Jiji Press",
        "Anadolu", "Anadolu Agency", "ANI", "PTI", "Press Trust of India", "dpa", "EFE", "ANSA",
        "Ukrinform", "UNIAN", "IRNA", "KCNA", "Tasnim", "Fars", "Bernama", "Antara", "PAP",
        "BBC", "CNN", "Al Jazeera", "Sky News", "Fox News", "NHK", "CCTV", "Global Times",
        "Defense News", "Breaking Defense", "Janes", "Jane's", "The War Zone", "Naval News",
        "Army Recognition", "Politico", "Axios", "The New York Times", "New York Times",
        "The Washington Post", "Washington Post", "The Wall Street Journal", "Wall Street Journal",
        "Financial Times", "The Guardian", "The Times", "The Economist", "Nikkei", "Nikkei Asia",
        "South China Morning Post", "Kyiv Independent", "Meduza", "RIA", "RT", "Sputnik",
    )
)
# Words that make a name read as an outlet ("AzerNews", "Meridian Wire", "Nordic Newswire").
_MEDIA_WORDS = re.compile(
    r"(?:news|wire|press|times|post|journal|herald|gazette|tribune|telegraph|television|radio|"
    r"\btv\b|daily|weekly|magazine|media|broadcast|chronicle|dispatch|observer|monitor)",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"\(\s*(?:Courtesy|Photo|Photos|Source|Credit|Image|Picture|Video|Via)\s*(?:of|by)?\s*[:\-\u2013]?\s*"
    r"(?P<name>[^()\n]{2,60}?)\s*\)"
    r"|^\s*(?:Courtesy|Photo|Photos|Source|Credit|Image|Picture|Video|Via)\s*(?:of|by)?\s*[:\-\u2013]\s*"
    r"(?P<line>[^\n]{2,80})$"
    # "[Photo caption: ... at the stand. Credit: Land & Sea Review / J. Roe]"
    r"|(?<=[.\s\[])(?:Credit|Credits|Courtesy|Photo|Source)\s*:\s*(?P<inline>[^\[\]()\n]{2,80}?)\s*(?:\]|$)",
    re.IGNORECASE | re.MULTILINE,
)
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z0-9 .,'\u2019-]{1,60}\((?P<paren>[^()\n]{2,40})\)\s*[-\u2013\u2014]"
    r"|/(?P<slash>[A-Z][^/\n]{1,40})/\s*[-\u2013\u2014]{1,2}",
    re.MULTILINE,
)
_BYLINE = re.compile(
    r"^\s*(?:By|BY|Reporting by|Writing by|Editing by|Edited by|Additional reporting by|Text by|"
    r"Words by|Photos by)\s+(?P<names>[^\n]{2,120})$",
    re.MULTILINE,
)
# "(Reporting by Min-seo Yoon; Editing by Graham Pike)" at the foot of a wire item.
_CREDIT_PAREN = re.compile(r"\((?:Reporting|Writing|Editing|Additional reporting|Compiled)\s+by\s+[^()]{2,160}\)")
_BY_NAME = re.compile(r"\bby\s+([A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+){1,3})")
_CARRIER_BEFORE = re.compile(
    r"(?:\btold|\bspeaking to|\bspoke to|\bsaid to|\binterview with|\bin comments to|\bwriting in|"
    r"\bwrote in|\bquoted by|\breported by|\bcited by|\bpublished by|\baccording to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CARRIER_AFTER = re.compile(
    r"^(?:'s|\u2019s)?\s+(?:reported|reports|has reported|had reported|quoted|cited|first reported)\b"
)


# A show or programme naming itself: "Welcome back to The Briefing Room", "X is produced by".
_SHOW = r"(?P<show>(?:The\s+)?[A-Z][\w\u2019'-]*(?:[ \t]+[A-Z][\w\u2019'-]*){0,4})"
_SHOW_BEFORE = re.compile(
    r"(?:[Ww]elcome(?:\s+back)?\s+to|[Yy]ou(?:'re|\u2019re| are)\s+listening\s+to|"
    r"(?:this|today's|today\u2019s)\s+(?:episode|edition)\s+of)\s+" + _SHOW
)
_SHOW_AFTER = re.compile(r"\s+is\s+(?:produced|presented|hosted)\s+by\b")
_SHOW_ENDING = re.compile(_SHOW + "$")


def carrier_names(text: str) -> set[str]:
    """Folded names found in credits and datelines: outlets that never act in the story."""
    found: set[str] = set()
    for match in _CREDIT.finditer(text):
        credit = match.group("name") or match.group("line") or match.group("inline") or ""
        found.update(fold(part.strip(" .")) for part in [credit, *credit.split(" / ")])
    for match in _DATELINE.finditer(text):
        found.add(fold((match.group("paren") or match.group("slash") or "").strip()))
    for match in _SHOW_BEFORE.finditer(text):
        found.add(fold(match.group("show")))
    for match in _SHOW_AFTER.finditer(text):
        show = _SHOW_ENDING.search(text, max(0, match.start() - 60), match.start())
        if show:
            found.add(fold(show.group("show")))
    return {n for n in found if n}


def byline_lines(text: str) -> list[tuple[int, int, set[str]]]:
    """(start, end, folded author names) for each byline; trailing titles and employers are skipped."""
    lines = []
    for match in _CREDIT_PAREN.finditer(text):
        names = {fold(n) for n in _BY_NAME.findall(match.group(0))}
        lines.append((match.start(), match.end(), names))
    for match in _BYLINE.finditer(text):
        names: set[str] = set()
        for part in re.split(r",\s*|\s+and\s+|\s*\|\s*", match.group("names")):
            words = part.split()
            if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
                break
            names.add(fold(part.strip(" .")))
        lines.append((match.start(), match.end(), names))
    return lines


def is_carrier_mention(text: str, start: int, end: int, name: str) -> bool:
    """True when this mention only carries the story: "told Reuters", "X reported", a credit."""
    if fold(name) in NEWS_AGENCIES:
        return True
    if not _MEDIA_WORDS.search(name):
        return False
    before = text[max(0, start - 40) : start]
    after = text[end : end + 30]
    return bool(_CARRIER_BEFORE.search(before) or _CARRIER_AFTER.match(after))


def looks_like_outlet(name: str) -> bool:
    """True when the name reads as a news outlet ("AzerNews", "Meridian Wire")."""
    return fold(name) in NEWS_AGENCIES or bool(_MEDIA_WORDS.search(name))
