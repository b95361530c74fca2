"""From the model's reply (text only) to a Briefing with offsets, before grounding verifies it.

Mentions are left empty: grounding finds them with a whole-word search and drops what it cannot
find. Quotes get provisional offsets (0, 0) and grounding locates, realigns or demotes them. Key point
evidence is searched here, since grounding only bounds-checks evidence.
"""

from __future__ import annotations

import re
from datetime import date

from bot.core.article import Article
from bot.core.models import (
    Actor,
    Briefing,
    DatedEvent,
    ExpertView,
    KeyPoint,
    Provenance,
    Quote,
    Span,
    System,
)
from bot.core.openai_engine.dates import normalise_date
from bot.core.openai_engine.schema import ReplyBriefing, ReplyKeyPoint, ReplyView
from bot.core.textmatch import NormalisedText, locate, normalised

MAX_KEY_POINTS = 5
# "a senior official", "sources close to..." describe a speaker without naming them.
_UNNAMED = ("a ", "an ", "one ", "some ", "two ", "several ", "officials", "sources", "unnamed", "anonymous")
_DOUBLE_QUOTES = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]")


def to_briefing(
    reply: ReplyBriefing, article: Article, published: date | None, provenance: Provenance
) -> Briefing:
    """An ungrounded Briefing from the reply; run `ground` on it before anyone sees it."""
    normed = normalised(article.text)
    source = article.to_source()
    if published and not source.published:
        source = source.model_copy(update={"published": published.isoformat()})
    return Briefing(
        title=(article.title or reply.title).strip(),
        bluf=reply.bluf.strip(),
        key_points=[_key_point(p, article.text, normed) for p in reply.key_points[:MAX_KEY_POINTS]],
        actors=[
            Actor(name=a.name, kind=a.kind, role=a.role, affiliation=a.affiliation, aliases=a.aliases)
            for a in reply.actors
        ],
        systems=[System(name=s.name, category=s.category, aliases=s.aliases) for s in reply.systems],
        dates=[_dated(d.text, d.event, published) for d in reply.dates],
        expert_views=[_view(v) for v in reply.expert_views],
        source=source,
        provenance=provenance,
    )


def _key_point(point: ReplyKeyPoint, text: str, normed: NormalisedText) -> KeyPoint:
    spans: list[Span] = []
    for sentence in point.evidence:
        hit = locate(text, sentence.strip(), 0, normed)
        if hit is not None and Span(start=hit[0], end=hit[1]) not in spans:
            spans.append(Span(start=hit[0], end=hit[1]))
    return KeyPoint(text=point.text.strip(), evidence=spans)


def _dated(text: str, event: str | None, published: date | None) -> DatedEvent:
    value, precision, relative = normalise_date(text, published)
    return DatedEvent(text=text, value=value, precision=precision, relative=relative, event=event)


def _view(view: ReplyView) -> ExpertView:
    # Quotation marks in a summary would present unverified words as a quote.
    summary = " ".join(_DOUBLE_QUOTES.sub("", view.summary).split())
    return ExpertView(
        speaker=view.speaker,
        role=view.role,
        affiliation=view.affiliation,
        summary=summary,
        quotes=[Quote(text=q, start=0, end=0, verbatim=True) for q in view.quotes if q.strip()],
        named=not view.speaker.strip().lower().startswith(_UNNAMED),
    )
