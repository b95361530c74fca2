"""What every renderer shows, in raw text before any format's escaping.

Timeline order, which quotes may wear quotation marks, and how provenance reads are decided here
once, so the terminal, Markdown and Discord views cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from urllib.parse import quote, urlsplit, urlunsplit

from bot.core.models import Actor, Briefing, DatedEvent, ExpertView, Provenance, Quote
from bot.core.render.text import one_line

OPEN_QUOTE = "\u201c"
CLOSE_QUOTE = "\u201d"
_YEAR = re.compile(r"^(\d{3}[\dX])")
_PART = re.compile(r"^-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])|W(\d{2}))(?:T(\d{2}:\d{2}))?")
_HOST = re.compile(r"^[\w.:-]+$")
_QUOTE_MARKS = '"\u201c\u201d\u00ab\u00bb\u201e'

DateKey = tuple[int, int, int, str]


def date_key(value: str | None) -> DateKey | None:
    """Sort key for a date value (2024, 2024-09, 2024-09-25, 2024-Q3, 2024-H2, 2024-W38, 200X,
    A/B ranges by their start, clock times); None when the value is missing or unreadable."""
    if not value:
        return None
    start = value.split("/", 1)[0].strip()
    year = _YEAR.match(start)
    if not year:
        return None
    y = int(year[1].replace("X", "0"))
    part = _PART.match(start[4:])
    if not part:
        return (y, 0, 0, "")
    month, day, quarter, half, week, clock = part.groups()
    if quarter:
        return (y, 3 * int(quarter) - 2, 0, "")
    if half:
        return (y, 6 * int(half) - 5, 0, "")
    if week:
        try:
            monday = date.fromisocalendar(y, int(week), 1)
        except ValueError:
            return (y, 0, 0, "")
        return (monday.year, monday.month, monday.day, "")
    return (y, int(month), int(day or 0), clock or "")


def timeline(b: Briefing) -> list[DatedEvent]:
    """Dates in chronological order, then the ones without a readable value, as found."""
    keyed = [(date_key(d.value), i, d) for i, d in enumerate(b.dates)]
    dated = sorted((k, i, d) for k, i, d in keyed if k is not None)
    undated = [d for k, _, d in keyed if k is None]
    return [d for _, _, d in dated] + undated


def date_label(d: DatedEvent) -> str:
    """The normalised value, or the text as written when there is none."""
    return one_line(d.value) or one_line(d.text)


def date_detail(d: DatedEvent) -> str:
    """What happened, plus the text as written when it adds something (relative dates)."""
    event = one_line(d.event)
    written = one_line(d.text)
    if not d.value:
        return event
    if not event:
        return written
    if d.relative and written and written != d.value:
        return f"{event} ({written})"
    return event


def verified_quotes(view: ExpertView) -> list[Quote]:
    """Quotes checked against the article: the only ones shown in quotation marks."""
    return _distinct(q for q in view.quotes if q.verbatim and quote_body(q))


def reported_quotes(view: ExpertView) -> list[Quote]:
    """Quote candidates not found verbatim: shown as reported speech, never in quotation marks."""
    return _distinct(q for q in view.quotes if not q.verbatim and quote_body(q))


def _distinct(quotes: Iterable[Quote]) -> list[Quote]:
    seen: set[str] = set()
    kept = []
    for q in quotes:
        if quote_body(q) not in seen:
            seen.add(quote_body(q))
            kept.append(q)
    return kept


def quote_body(q: Quote) -> str:
    """Quote text on one line, without outer quotation marks or the comma before "he said"."""
    return one_line(q.text).strip(_QUOTE_MARKS).rstrip(" ,;:").strip()


def role_of(item: Actor | ExpertView) -> str:
    """Role and affiliation, as one phrase."""
    parts = [one_line(item.role), one_line(item.affiliation)]
    role, affiliation = parts
    if role and affiliation and affiliation.lower() in role.lower():
        return role
    return ", ".join(p for p in parts if p)


def source_facts(b: Briefing) -> list[str]:
    """Site, author and publication date, when known."""
    s = b.source
    facts = [one_line(s.site), one_line(s.author)]
    if s.published:
        facts.append(f"published {one_line(s.published)}")
    return [f for f in facts if f]


def engine_fact(p: Provenance) -> str:
    """Engine and model, e.g. `openai gpt-4o-mini` or `local`."""
    return " ".join(x for x in (p.engine, one_line(p.model)) if x)


def usage_fact(p: Provenance) -> str:
    """Tokens and cost, when there were any."""
    parts = []
    tokens = p.tokens_in + p.tokens_out
    if tokens:
        parts.append(f"{tokens:,} tokens")
    parts.append(cost_fact(p))
    return ", ".join(part for part in parts if part)


def cost_fact(p: Provenance) -> str:
    """The model cost in dollars, or "" when unknown."""
    if p.cost_usd is None:
        return ""
    return f"${p.cost_usd:.4f}" if p.cost_usd < 1 else f"${p.cost_usd:,.2f}"


def caveats(p: Provenance) -> list[str]:
    """What the reader should know about how far to trust the card."""
    notes = []
    if p.quotes_demoted:
        notes.append(f"{p.quotes_demoted} quote{'s' if p.quotes_demoted != 1 else ''} demoted")
    if p.items_dropped:
        notes.append(
            f"{p.items_dropped} unsupported item{'s' if p.items_dropped != 1 else ''} dropped"
        )
    if p.truncated:
        notes.append("text cut")
    if p.fallback_reason:
        notes.append(f"fallback: {one_line(p.fallback_reason)}")
    return notes


def provenance_facts(b: Briefing, *, hash_chars: int = 8) -> list[str]:
    """Engine and model, prompt version, usage, content hash and caveats, in reading order."""
    p = b.provenance
    facts = [engine_fact(p), one_line(p.prompt), usage_fact(p)]
    digest = one_line(b.source.content_sha256)
    if digest and hash_chars:
        facts.append(f"sha256 {digest[:hash_chars]}")
    return [f for f in facts if f] + caveats(p)


def http_url(url: str | None) -> str | None:
    """The source link made safe to print: http(s) only, no credentials, no `@ < >` or spaces."""
    raw = one_line(url)
    if not raw or len(raw) > 2000:
        return None
    try:
        parts = urlsplit(raw)
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or not _HOST.match(host):
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    # `@` and `<` stay out of the path so a link can never spell a Discord mention.
    safe = "/:;=&?+,!$'()*~-._%"
    return urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            quote(parts.path, safe=safe),
            quote(parts.query, safe=safe),
            quote(parts.fragment, safe=safe),
        )
    )
