"""Named people quoted in a story are actors of it, also when the tagger missed their name."""

from __future__ import annotations

from bot.core.local.name_forms import same_person
from bot.core.local.speaker_words import NON_NAME
from bot.core.models import Actor, ExpertView, Span
from bot.core.textmatch import find_terms, normalise


def with_speakers(actors: list[Actor], views: list[ExpertView], text: str) -> list[Actor]:
    """`actors` plus one person actor for each named speaker no actor already stands for."""
    out = list(actors)
    for view in views:
        if not view.named or not _person_name(view.speaker) or _covered(view.speaker, out):
            continue
        spans = find_terms(text, [view.speaker])
        if not spans:
            continue
        # A lone surname the tagger filed as an organisation ("Sabharwal declined") is this person.
        surname = normalise(view.speaker).split()[-1]
        strays = [a for a in out if a.kind != "person" and normalise(a.name) == surname]
        out = [a for a in out if a not in strays]
        mentions = {(a, b) for a, b in spans} | {(m.start, m.end) for a in strays for m in a.mentions}
        out.append(
            Actor(
                name=view.speaker,
                kind="person",
                role=view.role,
                affiliation=view.affiliation,
                aliases=[a.name for a in strays],
                mentions=[Span(start=a, end=b) for a, b in sorted(mentions)],
            )
        )
    return out


def _person_name(name: str) -> bool:
    """Two to four capitalised words, none a title, organisation or function word."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(
        w[:1].isupper() and w.lower().strip(".,") not in NON_NAME for w in words
    )


def _covered(name: str, actors: list[Actor]) -> bool:
    """An actor already has this name, or is a person this name fits (the actors pass's own test)."""
    wanted = normalise(name)
    return any(
        wanted in (normalise(n) for n in (actor.name, *actor.aliases))
        or actor.kind == "person" and same_person(name, actor)
        for actor in actors
    )
