"""Clipping, splitting and escaping: the pieces every renderer relies on to stay in bounds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.render.text import (
    ELLIPSIS,
    ZWSP,
    clip,
    discord_markdown,
    display_len,
    fit_lines,
    markdown,
    neutralise_mentions,
    one_line,
    printable,
    split_to_fit,
)


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).replace(ZWSP, "")


PINGS = ("@everyone", "@here", "<@", "<#", "<t:", "</")


def test_display_len_counts_utf16_units() -> None:
    assert display_len("abc") == 3
    assert display_len("\U0001f600") == 2  # astral characters cost two, as in JavaScript strings
    assert display_len("\u00e9") == 1


def test_clip_cuts_at_a_word_boundary_with_a_marker() -> None:
    assert clip("short", 10) == "short"
    assert clip("the quick brown fox jumps", 12) == f"the quick{ELLIPSIS}"
    assert clip("alpha, beta gamma", 9) == f"alpha{ELLIPSIS}"  # no dangling comma before the marker


def test_clip_cuts_one_long_word_mid_word_but_marks_it() -> None:
    out = clip("x" * 5000, 100)
    assert out == "x" * 99 + ELLIPSIS
    assert clip("abc", 0) == ""


def test_clip_counts_escapes_and_never_splits_them() -> None:
    out = clip("**" * 100, 21, discord_markdown)
    assert display_len(out) <= 21
    assert out == "\\*" * 10 + ELLIPSIS
    out = clip("@" * 50, 11, discord_markdown)
    assert out == f"@{ZWSP}" * 5 + ELLIPSIS


def test_neutralise_mentions_breaks_every_mention_form() -> None:
    out = neutralise_mentions("@everyone @here <@123> <@!1> <@&5> <#9> <t:1:R> </ban:1>")
    for token in PINGS:
        assert token not in out
    assert out.replace(ZWSP, "") == "@everyone @here <@123> <@!1> <@&5> <#9> <t:1:R> </ban:1>"


def test_discord_markdown_escapes_formatting_and_masked_links() -> None:
    assert discord_markdown("**bold** _i_ ~~s~~ `c` ||sp||") == (
        "\\*\\*bold\\*\\* \\_i\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|sp\\|\\|"
    )
    assert discord_markdown("[x](http://evil)") == "\\[x\\](http://evil)"
    assert discord_markdown("> quote") == "\\> quote"
    assert discord_markdown("# head") == "\\# head"
    assert discord_markdown("-# small") == "\\-# small"
    assert discord_markdown("- item") == "\\- item"
    assert discord_markdown("1986. A year") == "1986\\. A year"
    assert discord_markdown("-5 degrees > 3") == "-5 degrees > 3"
    assert discord_markdown("a\\*b") == "a\\\\\\*b"


def test_markdown_escapes_html_and_tables() -> None:
    assert markdown("<script> a|b *x*") == "\\<script\\> a\\|b \\*x\\*"


def test_printable_drops_terminal_escapes_and_bidi_overrides() -> None:
    assert printable("a\x1b[2Jb\u202ec\x00d\ne") == "a[2Jbcd\ne"
    assert one_line("  a\n\n b\t c ") == "a b c"


def test_split_to_fit_keeps_every_word_and_marks_each_cut() -> None:
    text = " ".join(f"word{i}" for i in range(400))
    pieces = split_to_fit(text, 100)
    assert all(display_len(p) <= 100 for p in pieces)
    assert all(p.endswith(ELLIPSIS) for p in pieces[:-1])
    assert all(p.startswith(ELLIPSIS) for p in pieces[1:])
    rejoined = " ".join(p.strip(ELLIPSIS) for p in pieces)
    assert rejoined == text


def test_fit_lines_says_how_many_were_left_out() -> None:
    lines = [f"line {i}" for i in range(50)]
    out = fit_lines(lines, 60)
    shown = out.splitlines()
    assert display_len(out) <= 60
    assert shown[-1] == f"+{50 - (len(shown) - 1)} more"
    assert shown[:-1] == lines[: len(shown) - 1]
    assert fit_lines(lines[:2], 60) == "line 0\nline 1"
    assert fit_lines(["x" * 100], 5) == ""


@settings(max_examples=80, deadline=None)
@given(text=st.text(max_size=400), limit=st.integers(min_value=0, max_value=300))
def test_clip_property(text: str, limit: int) -> None:
    out = clip(text, limit, discord_markdown)
    assert display_len(out) <= limit
    for token in PINGS:
        assert token not in out
    if display_len(discord_markdown(text)) <= limit:
        assert out == discord_markdown(text)
    elif out:
        assert out.endswith(ELLIPSIS)
        assert text.replace(ZWSP, "").startswith(unescape(out[: -len(ELLIPSIS)]))


@settings(max_examples=60, deadline=None)
@given(text=st.text(min_size=1, max_size=600), limit=st.integers(min_value=8, max_value=200))
def test_split_to_fit_property(text: str, limit: int) -> None:
    pieces = split_to_fit(text, limit, discord_markdown)
    assert all(display_len(p) <= limit for p in pieces)
    for token in PINGS:
        assert all(token not in p for p in pieces)
    if text.strip():
        assert pieces
