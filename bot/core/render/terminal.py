"""The briefing as a rich renderable for the terminal.

Every article-derived string goes in as `Text`, never as markup, so `[bold]` in an article stays
literal; control characters are dropped so an article cannot move the cursor or retitle the window.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.style import Style
from rich.table import Table
from rich.text import Text

from bot.core.models import Briefing, ExpertView
from bot.core.render import sections
from bot.core.render.text import one_line

_DOT = " \u00b7 "


def render_terminal(b: Briefing) -> RenderableType:
    """A panel: linked title, BLUF, key points, tables, expert views, provenance footer."""
    parts: list[RenderableType] = [_heading(b)]
    parts += _summary(b)
    for table in (_actors(b), _systems(b), _timeline(b)):
        if table is not None:
            parts += [Text(""), table]
    parts += _experts(b)
    parts += [Rule(style="dim"), _footer(b)]
    return Panel(Group(*parts), box=box.ROUNDED, border_style="cyan", padding=(0, 1))


def print_briefing(b: Briefing, console: Console) -> None:
    """Print the briefing panel to `console`."""
    console.print(render_terminal(b))


def _heading(b: Briefing) -> Text:
    title = one_line(b.title) or one_line(b.source.title) or "Untitled article"
    url = sections.http_url(b.source.url)
    heading = Text(title, style=Style(bold=True, link=url or None))
    if url:
        heading.append("\n")
        heading.append(url, style=Style(dim=True, link=url))
    return heading


def _summary(b: Briefing) -> list[RenderableType]:
    parts: list[RenderableType] = []
    bluf = one_line(b.bluf)
    if bluf:
        parts += [Text(""), Text.assemble(("Bottom line: ", "bold"), bluf)]
    points = [one_line(p.text) for p in b.key_points if one_line(p.text)]
    if points:
        parts += [Text(""), Text("Key points", style="bold"), _bullets(points)]
    return parts


def _bullets(items: list[str]) -> Table:
    # A grid keeps wrapped lines aligned under the text rather than under the bullet.
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(ratio=1)
    for item in items:
        grid.add_row(Text("\u2022"), Text(item))
    return grid


def _table(title: str, headers: tuple[str, ...]) -> Table:
    table = Table(
        title=title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


def _actors(b: Briefing) -> Table | None:
    if not b.actors:
        return None
    table = _table("Actors", ("Name", "Kind", "Role"))
    for actor in b.actors:
        table.add_row(Text(one_line(actor.name)), Text(actor.kind), Text(sections.role_of(actor)))
    return table


def _systems(b: Briefing) -> Table | None:
    if not b.systems:
        return None
    table = _table("Systems", ("Name", "Category"))
    for system in b.systems:
        table.add_row(Text(one_line(system.name)), Text(one_line(system.category)))
    return table


def _timeline(b: Briefing) -> Table | None:
    if not b.dates:
        return None
    table = _table("Timeline", ("Date", "Event"))
    for d in sections.timeline(b):
        style = "" if d.value else "dim"
        table.add_row(Text(sections.date_label(d), style=style), Text(sections.date_detail(d)))
    return table


def _experts(b: Briefing) -> list[RenderableType]:
    if not b.expert_views:
        return []
    parts: list[RenderableType] = [Text(""), Text("Expert views", style="bold")]
    for view in b.expert_views:
        parts.append(_expert(view))
    return parts


def _expert(view: ExpertView) -> RenderableType:
    head = Text.assemble(("\u2022 ", "bold"), (one_line(view.speaker) or "Unnamed source", "bold"))
    role = sections.role_of(view)
    if role:
        head.append(f", {role}")
    lines: list[Text] = []
    if one_line(view.summary):
        lines.append(Text(one_line(view.summary)))
    for quote in sections.verified_quotes(view):
        body = f"{sections.OPEN_QUOTE}{sections.quote_body(quote)}{sections.CLOSE_QUOTE}"
        lines.append(Text(body, style="italic"))
    for quote in sections.reported_quotes(view):
        lines.append(Text(f"reported, not verbatim: {sections.quote_body(quote)}", style="dim"))
    return Group(head, Padding(Group(*lines), (0, 0, 0, 4))) if lines else head


def _footer(b: Briefing) -> Text:
    source = _DOT.join(sections.source_facts(b))
    made = _DOT.join(sections.provenance_facts(b))
    elapsed = b.provenance.elapsed_ms
    if elapsed:
        made += f"{_DOT}{elapsed / 1000:.1f} s"
    return Text("\n".join(x for x in (source, made) if x), style="dim")
