"""What "Brief this" picks out of a message (bot/discord/targets.py has no discord import)."""

from __future__ import annotations

from bot.discord.targets import MAX_SOURCES, Target, links_in, targets_in, thread_name


def test_links_are_found_in_order_without_punctuation_or_duplicates() -> None:
    text = (
        "Read https://a.example/x?y=1, then (see https://b.example/path_(2019)) and "
        "<https://c.example/z>. Again: https://a.example/x?y=1! [m](https://d.example/m)"
    )
    assert links_in(text) == [
        "https://a.example/x?y=1",
        "https://b.example/path_(2019)",
        "https://c.example/z",
        "https://d.example/m",
    ]


def test_links_then_files_and_text_only_when_there_is_nothing_else() -> None:
    files = [("notes.md", "https://cdn/notes.md"), ("photo.png", "https://cdn/photo.png")]
    found = targets_in("see https://a.example/1", files)
    assert found == [
        Target("url", "https://a.example/1"),
        Target("file", "https://cdn/notes.md", "notes.md"),
    ]
    assert targets_in("Just an article body.", []) == [Target("text", "Just an article body.")]
    assert targets_in("   ", [("photo.png", "https://cdn/p.png")]) == []


def test_at_most_max_sources_per_message() -> None:
    text = " ".join(f"https://site{i}.example/a" for i in range(9))
    assert len(targets_in(text, [])) == MAX_SOURCES


def test_thread_names_fit_and_never_mention() -> None:
    assert thread_name([Target("url", "https://www.janes.com/a")]) == "Briefing: www.janes.com"
    many = [Target("url", f"https://x{i}.example/") for i in range(3)]
    assert thread_name(many) == "Briefing: x0.example +2"
    hostile = thread_name([Target("text", "@everyone " + "word " * 100)])
    assert "@everyone" not in hostile and 1 <= len(hostile) <= 100
    long_name = thread_name([Target("file", "u", "n" * 300), Target("url", "https://a.b/")])
    assert len(long_name) == 100 and long_name.endswith(" +1")
