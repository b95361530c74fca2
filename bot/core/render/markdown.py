"""The briefing as a Markdown document (CommonMark plus pipe tables)."""

from __future__ import annotations

from bot.core.models import Briefing, ExpertView
from bot.core.render import sections
from bot.core.render.text import markdown, one_line

_DOT = " \u00b7 "


def to_markdown(b: Briefing) -> str:
    """The whole briefing as Markdown; every article-derived string is escaped."""
    blocks = [_heading(b), *_summary(b), *_tables(b), *_experts(b), _footer(b)]
    return "\n\n".join(block for block in blocks if block) + "\n"


def _heading(b: Briefing) -> str:
    title = markdown(one_line(b.title) or one_line(b.source.title) or "Untitled article")
    url = sections.http_url(b.source.url)
    return f"# [{title}](<{url}>)" if url else f"# {title}"


def _summary(b: Briefing) -> list[str]:
    blocks = []
    if one_line(b.bluf):
        blocks.append(f"**Bottom line:** {markdown(one_line(b.bluf))}")
    points = [one_line(p.text) for p in b.key_points if one_line(p.text)]
    if points:
        blocks.append("## Key points")
        blocks.append("\n".join(f"- {markdown(point)}" for point in points))
    return blocks


def _table(heading: str, headers: list[str], rows: list[list[str]]) -> list[str]:
    if not rows:
        return []
    lines = [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join(" --- " for _ in headers) + "|",
    ]
    lines += ["| " + " | ".join(markdown(cell) for cell in row) + " |" for row in rows]
    return [f"## {heading}", "\n".join(lines)]


def _tables(b: Briefing) -> list[str]:
    actors = [[one_line(a.name), a.kind, sections.role_of(a)] for a in b.actors]
    systems = [[one_line(s.name), one_line(s.category)] for s in b.systems]
    dates = [[sections.date_label(d), sections.date_detail(d)] for d in sections.timeline(b)]
    return [
        *_table("Actors", ["Name", "Kind", "Role"], actors),
        *_table("Systems", ["Name", "Category"], systems),
        *_table("Timeline", ["Date", "Event"], dates),
    ]


def _experts(b: Briefing) -> list[str]:
    if not b.expert_views:
        return []
    return ["## Expert views", *(_expert(view) for view in b.expert_views)]


def _expert(view: ExpertView) -> str:
    head = f"**{markdown(one_line(view.speaker) or 'Unnamed source')}**"
    role = sections.role_of(view)
    lines = [f"{head}, {markdown(role)}" if role else head]
    if one_line(view.summary):
        lines += ["", markdown(one_line(view.summary))]
    for quote in sections.verified_quotes(view):
        body = markdown(sections.quote_body(quote))
        lines += ["", f"> {sections.OPEN_QUOTE}{body}{sections.CLOSE_QUOTE}"]
    for quote in sections.reported_quotes(view):
        lines += ["", f"*Reported, not verbatim:* {markdown(sections.quote_body(quote))}"]
    return "\n".join(lines)


def _footer(b: Briefing) -> str:
    lines = ["---"]
    source = [markdown(fact) for fact in sections.source_facts(b)]
    url = sections.http_url(b.source.url)
    if url:
        source.append(f"<{url}>")
    if source:
        lines.append(f"*Source:* {_DOT.join(source)}  ")
    made = [markdown(fact) for fact in sections.provenance_facts(b, hash_chars=0)]
    digest = one_line(b.source.content_sha256)
    if digest:
        made.append(f"sha256 `{digest.replace('`', '')}`")
    lines.append(f"*Made by:* {_DOT.join(made)}")
    return "\n".join(lines)
