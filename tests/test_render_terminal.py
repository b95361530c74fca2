"""The terminal panel: every section, dates in order, verbatim rule, inert article text."""

from __future__ import annotations

import io
import re

from rich.console import Console
from sample_briefings import empty_briefing, hostile_briefing, long_briefing

from bot.core.models import Quote
from bot.core.render.terminal import print_briefing, render_terminal


def rendered(b: object, *, colour: bool = False) -> str:
    console = Console(
        file=io.StringIO(),
        width=120,
        force_terminal=colour,
        color_system="truecolor" if colour else None,
    )
    print_briefing(b, console)  # type: ignore[arg-type]
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_long_briefing_shows_every_section() -> None:
    b, _ = long_briefing()
    out = rendered(b)
    for heading in ("Bottom line:", "Key points", "Actors", "Systems", "Timeline", "Expert views"):
        assert heading in out
    assert "Annika Sørensen" in out
    assert "gpt-4o-mini" in out and "brief@3" in out and "2 quotes demoted" in out
    years = [int(y) for y in re.findall(r"│\s+(\d{4})\s+event in", out)]
    assert len(years) == len({d.value for d in b.dates if d.value})
    assert years == sorted(years)
    assert out.index("event in 2060") < out.index("last month")


def test_title_links_to_the_source() -> None:
    b, _ = long_briefing()
    out = rendered(b, colour=True)
    assert "\x1b]8;id=" in out and b.source.url in out


def test_only_verified_quotes_in_quotation_marks() -> None:
    b, _ = long_briefing()
    view = b.expert_views[0]
    view.quotes = [Quote(text="an invented paraphrase", start=0, end=5, verbatim=False)]
    out = rendered(b)
    assert "reported, not verbatim: an invented paraphrase" in out
    assert "\u201can invented paraphrase" not in out


def test_article_markup_and_escapes_stay_inert() -> None:
    b, _ = long_briefing()
    b.title = "[bold red]Title[/] \x1b]0;pwned\x07 \x1b[2J"
    b.actors[0].name = "[link=http://evil]x[/link]"
    out = rendered(b)
    assert "[bold red]Title[/]" in out
    assert "[link=http://evil]x[/link]" in out
    assert "\x1b" not in out and "\x07" not in out


def test_hostile_and_empty_briefings_render() -> None:
    b, _ = hostile_briefing()
    b.expert_views = b.expert_views[:2]
    assert "@everyone" in rendered(b)  # the terminal pings nobody; text is shown as written
    out = rendered(empty_briefing())
    assert "Untitled article" in out
    assert "local" in out
    assert render_terminal(empty_briefing()) is not None
