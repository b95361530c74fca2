"""Thread messages: every quote and the whole timeline, each message within 2,000 characters."""

from __future__ import annotations

import re

from sample_briefings import PINGS, empty_briefing, hostile_briefing, long_briefing, sha

from bot.core.render.sections import quote_body
from bot.core.render.text import ELLIPSIS, ZWSP, display_len
from bot.core.render.thread import (
    MESSAGE_LIMIT,
    overflow_quotes,
    overflow_timeline,
    pack_messages,
    source_summary,
)


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).replace(ZWSP, "")


def assert_messages(messages: list[str]) -> None:
    for message in messages:
        assert message.strip()
        assert display_len(message) <= MESSAGE_LIMIT
        for token in PINGS:
            assert token not in message


def test_overflow_quotes_carry_every_verified_quote() -> None:
    b, text = long_briefing()
    messages = overflow_quotes(b)
    assert_messages(messages)
    assert len(messages) > 1
    joined = unescape("\n".join(messages))
    bodies = {quote_body(q) for v in b.expert_views for q in v.quotes}
    assert len(bodies) > 10
    for body in bodies:
        assert f"\u201c{body}\u201d" in joined
    assert messages[0].startswith("**Expert views and quotes**")


def test_reported_speech_never_wears_quotation_marks() -> None:
    b, _ = long_briefing()
    b.expert_views[0].quotes[0].verbatim = False
    demoted = quote_body(b.expert_views[0].quotes[0])
    joined = unescape("\n".join(overflow_quotes(b)))
    assert f"Reported, not verbatim: {demoted}" in joined
    assert f"> \u201c{demoted}" not in joined


def test_overflow_timeline_is_complete_and_in_order() -> None:
    b, _ = long_briefing()
    messages = overflow_timeline(b)
    assert_messages(messages)
    lines = "\n".join(messages).splitlines()[1:]
    assert len(lines) == len(b.dates)
    years = [int(m[1]) for line in lines if (m := re.match(r"\*\*(\d{4})\*\*", line))]
    assert years == sorted(years) and len(years) == len({d.value for d in b.dates if d.value})
    assert lines[-1].startswith("**next year**")


def test_hostile_quotes_are_split_not_dropped() -> None:
    b, _ = hostile_briefing()
    b.expert_views = b.expert_views[:2]
    messages = overflow_quotes(b)
    assert_messages(messages)
    pieces = [line for m in messages for line in m.splitlines() if line.startswith("> ")]
    assert any(p.endswith(f"{ELLIPSIS}\u201d") for p in pieces)
    kept_a = sum(unescape(p).count("A") for p in pieces)
    assert kept_a >= 2 * 5000  # the 5,000-character word survives whole in both experts' quotes
    assert_messages(overflow_timeline(b))


def test_source_summary_holds_the_full_hash() -> None:
    b, text = long_briefing()
    summary = source_summary(b)
    assert display_len(summary) <= MESSAGE_LIMIT
    assert f"`{sha(text)}`" in summary
    assert f"Link: <{b.source.url}>" in summary
    assert "6,012 in / 1,533 out / 0 cached tokens" in summary
    assert "2 quotes demoted" in summary
    hostile, _ = hostile_briefing()
    assert_messages([source_summary(hostile)])
    assert "Link: <https://evil.example/%40everyone/%3C%40123%3E>" in source_summary(hostile)


def test_empty_briefing_has_no_overflow() -> None:
    b = empty_briefing()
    assert overflow_quotes(b) == []
    assert overflow_timeline(b) == []
    assert sha("") in source_summary(b)


def test_pack_messages_fills_messages_and_keeps_blocks_together() -> None:
    blocks = [[f"block {i} line {j} " + "x" * 300 for j in range(3)] for i in range(6)]
    messages = pack_messages(blocks, limit=1000)
    assert all(display_len(m) <= 1000 for m in messages)
    assert "\n".join(messages).count("line") == 18
    assert all(m.startswith("block") and m.count("block") == 3 for m in messages)
