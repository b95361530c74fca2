"""The Markdown view: sections in order, tables intact, article text escaped."""

from __future__ import annotations

import re

from sample_briefings import empty_briefing, hostile_briefing, long_briefing, sha

from bot.core.models import Quote
from bot.core.render.markdown import to_markdown


def test_long_briefing_markdown() -> None:
    b, text = long_briefing()
    md = to_markdown(b)
    assert md.startswith(
        f"# [Holes in the shield: inside Europe’s scramble to rebuild its air defences](<{b.source.url}>)"
    )
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    assert headings == ["Key points", "Actors", "Systems", "Timeline", "Expert views"]
    actor_rows = re.findall(r"^\| .+ \| organization \|", md, flags=re.M)
    assert len(actor_rows) == len(b.actors)
    years = [int(y) for y in re.findall(r"^\| (\d{4}) \| event in", md, flags=re.M)]
    assert years == sorted(years) and len(years) == len({d.value for d in b.dates if d.value})
    assert f"sha256 `{sha(text)}`" in md
    assert "> \u201cQuiet days are the dangerous days\u201d" in md


def test_markdown_escapes_article_text() -> None:
    b, _ = hostile_briefing()
    b.expert_views = b.expert_views[:1]
    md = to_markdown(b)
    assert "**bold**" not in md.replace("\\*\\*bold\\*\\*", "")
    assert "\\[x\\](http://evil)" in md
    assert "<@123>" not in md
    for row in re.findall(r"^\|.*\|$", md, flags=re.M):
        # Each table row still has exactly its columns: article pipes are escaped.
        assert len(re.findall(r"(?<!\\)\|", row)) in (3, 4)


def test_verbatim_rule_in_markdown() -> None:
    b, _ = long_briefing()
    b.expert_views[0].quotes = [Quote(text="made up words", start=0, end=4, verbatim=False)]
    md = to_markdown(b)
    assert "*Reported, not verbatim:* made up words" in md
    assert "\u201cmade up words" not in md


def test_empty_briefing_markdown() -> None:
    md = to_markdown(empty_briefing())
    assert md.startswith("# Untitled article\n")
    assert "## " not in md
    assert "*Made by:* local" in md
