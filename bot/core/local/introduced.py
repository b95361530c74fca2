"""People the text introduces without the model tagging them: bios, self-introductions, speaker labels.

- "Chidinma Eze is a senior fellow at ..." (an author's bio line: a name, "is", a person's role);
- "I'm Ana Ruiz." / "My guest is Dr. Ana Ruiz" (a host or guest introducing themselves);
- "ANA RUIZ (host):" at the start of a transcript line (a speaker label in capitals);
- "Minister for Regional Trade Ana Ruiz said" (a title with its portfolio, then the name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.core.local import orgs, roles

_NAME = r"[A-Z][\w\u2019'-]*[a-z\u00e0-\u024f][\w\u2019'-]*"
_FULL_NAME = _NAME + r"(?:[ \t]+" + _NAME + r"){1,2}"
_BIO = re.compile(r"[ \t]+(?:is|was)[ \t]+(?P<role>(?:a|an|the)[ \t]+[^.,;:\n]{3,100})")
# The bio's subject: a full name opening its sentence or line, right before "is a ...".
_BIO_NAME = re.compile(r"(?:^|(?<=[.!?][ \t])|(?<=\n))(?P<name>" + _FULL_NAME + r")$")
_SELF = re.compile(
    r"\b(?:I'm|I\u2019m|I am|[Mm]y name is|[Mm]y guest is|[Mm]y guests are|joined by|[Ww]elcome)"
    r"\s+(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?(?P<name>" + _FULL_NAME + r")(?=[,.;!?]|\s+(?:and|who)\b)"
)
_LABEL = re.compile(
    r"^(?P<name>[A-Z][A-Z\u2019'-]+(?:[ \t]+[A-Z][A-Z\u2019'-]+){1,2})[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*:",
    re.MULTILINE,
)
_PORTFOLIO = re.compile(
    r"\b(?:Minister|Secretary|Commissioner|Undersecretary|Under-Secretary)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?P<run>(?:[A-Z][\w\u2019'-]*[ \t]+(?:and[ \t]+)?){2,7})(?=[a-z(,])"
)
_PORTFOLIO_WORDS = (
    roles.ROLE_MODIFIERS | roles.PERSON_ROLE_NOUNS | orgs.ORG_HEADS | {"and", "affairs"}
)


def introduced(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each person's name introduced by a bio, a self-introduction or a label."""
    for match in _BIO.finditer(text):
        subject = _BIO_NAME.search(text, max(0, match.start() - 60), match.start())
        if (
            subject
            and roles.names_a_person(match.group("role"))
            and not orgs.has_org_head(subject.group("name"))
        ):
            yield subject.span("name")
    cues = ("I'm", "I\u2019m", "I am", "name is", "guest", "joined by", "elcome")
    for match in _SELF.finditer(text) if any(c in text for c in cues) else ():
        if not orgs.has_org_head(match.group("name")):
            yield match.span("name")
    for match in _LABEL.finditer(text):
        if not orgs.has_org_head(match.group("name")) and len(match.group("name")) <= 40:
            yield match.span("name")
    for match in _PORTFOLIO.finditer(text):
        span = _name_after_portfolio(match)
        if span is not None:
            yield span


def _name_after_portfolio(match: re.Match[str]) -> tuple[int, int] | None:
    """The trailing two or three words of the run that are not portfolio words: the name."""
    words = list(re.finditer(r"\S+", match.group("run")))
    cut = len(words)
    while cut > 0 and words[cut - 1].group(0).lower() not in _PORTFOLIO_WORDS:
        cut -= 1
    if cut == 0 or not 2 <= len(words) - cut <= 3:
        return None
    base = match.start("run")
    return base + words[cut].start(), base + words[-1].end()
