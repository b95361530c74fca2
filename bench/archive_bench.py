"""Archive benchmark: a digest built from 1,000 stored briefings, and search p95 over 10,000.

    .venv/bin/python bench/archive_bench.py [--digest 1000] [--search 10000] [--queries 300]

Synthetic briefings (seeded, so runs compare) go into a real SQLite file in a temp dir through the
real store and archive; ~1 in 5 are posted in a second guild so every query also filters by guild.
Targets: digest < 1 s, search p95 < 50 ms. Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from bot.core.archive import Archive  # noqa: E402
from bot.core.digest import build_digest  # noqa: E402
from bot.core.models import (  # noqa: E402
    Actor,
    Briefing,
    DatedEvent,
    ExpertView,
    Provenance,
    Quote,
    Source,
    Span,
    System,
)
from bot.core.render.digest import digest_messages  # noqa: E402
from bot.core.store import Store  # noqa: E402

GUILD, OTHER = 1, 2
START = datetime(2026, 11, 29, 8, tzinfo=UTC)
WORDS = (
    "air defence missile launcher drone strike navy frigate brigade border exercise contract "
    "delivery sanctions ceasefire offensive artillery radar satellite cyber attack summit budget "
    "procurement shipyard submarine fighter jet tank convoy port pipeline election minister"
).split()
COUNTRIES = ["Poland", "Ukraine", "Russia", "Germany", "France", "Estonia", "Finland", "Japan"]


def _names(rng: random.Random, prefix: str, count: int) -> list[str]:
    syllables = ["ra", "to", "ke", "mi", "sa", "lo", "vin", "dar", "hel", "gor", "ist", "un"]
    return [f"{prefix}{''.join(rng.choices(syllables, k=3)).title()} {i}" for i in range(count)]


def synthetic(rng: random.Random, n: int, orgs: list[str], systems: list[str]) -> tuple[Briefing, str]:
    """One briefing in a story of ~5 (the story is n // 5), all names spanned in its text."""
    story = random.Random(n // 5)
    names = story.sample(orgs, 3) + rng.sample(orgs, 2)
    kit = story.sample(systems, 2) + rng.sample(systems, 1)
    day = (START + timedelta(days=story.randint(0, 3))).date().isoformat()
    title = " ".join(story.sample(WORDS, 4) + rng.sample(WORDS, 2)).capitalize()
    bluf = f"{names[0]} and {names[1]} {' '.join(rng.sample(WORDS, 8))} with {kit[0]}."
    text = f"{title}. {bluf} Article {n}.\n"
    spans: dict[str, Span] = {}
    for item in (*names, *kit, day, *COUNTRIES[:2]):
        spans[item] = Span(start=len(text), end=len(text) + len(item))
        text += item + " "
    quote = " ".join(rng.sample(WORDS, 7))
    q_start = len(text) + 1
    text += f"\u201c{quote}\u201d said an analyst."
    return Briefing(
        title=title,
        bluf=bluf,
        actors=[Actor(name=a, kind="organization", mentions=[spans[a]]) for a in names]
        + [Actor(name=c, kind="country", mentions=[spans[c]]) for c in COUNTRIES[:2]],
        systems=[System(name=s, mentions=[spans[s]]) for s in kit],
        dates=[DatedEvent(text=day, value=day, precision="day", mentions=[spans[day]])],
        expert_views=[ExpertView(speaker=names[2], quotes=[
            Quote(text=quote, start=q_start, end=q_start + len(quote))])],
        source=Source(url=f"https://news.example.org/{n}",
                      content_sha256=hashlib.sha256(text.encode()).hexdigest()),
        provenance=Provenance(engine="local"),
    ), text


def fill(store: Store, count: int, span: timedelta, seed: int) -> tuple[list[str], list[str]]:
    """Store `count` briefings posted over `span` from START; return the name pools used."""
    rng = random.Random(seed)
    orgs, systems = _names(rng, "", 400), _names(rng, "Sys-", 150)
    archive = Archive(store)
    step = span / count
    for n in range(count):
        b, text = synthetic(rng, n, orgs, systems)
        bid = store.save_briefing(b, text, prompt_id="bench@1")
        guild = OTHER if n % 5 == 4 else GUILD
        archive.record_posting(guild, bid, 10, 10_000 + n, posted_at=START + step * n)
    return orgs, systems


def bench_digest(count: int) -> float:
    """Seconds to build (and render) a digest over `count` briefings, best of 3."""
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
        # One in five goes to the other guild: store enough for `count` in the measured guild.
        fill(store, count * 5 // 4, timedelta(hours=23), seed=1)
        archive = Archive(store)
        times = []
        for _ in range(3):
            began = time.perf_counter()
            d = build_digest(archive, GUILD, START, START + timedelta(days=1))
            digest_messages(d)
            times.append(time.perf_counter() - began)
        print(f"digest: {d.briefing_count} briefings of guild {GUILD} (of {count * 5 // 4} stored) -> "
              f"{len(d.stories)} stories; best {min(times) * 1000:.0f} ms, "
              f"worst {max(times) * 1000:.0f} ms")
        return max(times)


def bench_search(count: int, queries: int) -> float:
    """p95 seconds of `queries` searches over `count` stored briefings."""
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
        began = time.perf_counter()
        orgs, systems = fill(store, count, timedelta(days=30), seed=2)
        print(f"search: stored {count} briefings in {time.perf_counter() - began:.1f} s")
        rng = random.Random(3)
        kinds = [
            lambda: rng.choice(WORDS),
            lambda: " ".join(rng.sample(WORDS, 2)),
            lambda: rng.choice(orgs),
            lambda: f'"{rng.choice(systems)}"',
            lambda: f"{rng.choice(WORDS)} OR {rng.choice(WORDS)}",
            lambda: rng.choice(WORDS)[:4] + "*",
        ]
        archive = Archive(store)
        times = []
        for i in range(queries):
            query = kinds[i % len(kinds)]()
            began = time.perf_counter()
            archive.search(GUILD, query, limit=10)
            times.append(time.perf_counter() - began)
        began = time.perf_counter()
        archive.by_actor(GUILD, orgs[0])
        actor_ms = (time.perf_counter() - began) * 1000
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"search: {queries} queries over {count} briefings: p50 {p50 * 1000:.1f} ms, "
              f"p95 {p95 * 1000:.1f} ms, max {max(times) * 1000:.1f} ms; "
              f"actor timeline {actor_ms:.1f} ms")
        return p95


def main() -> int:
    """Runs both measurements, prints them, and exits 1 if a target was missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digest", type=int, default=1000, help="briefings stored for the digest")
    parser.add_argument("--search", type=int, default=10_000, help="briefings stored for search")
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    digest_s = bench_digest(args.digest)
    p95_s = bench_search(args.search, args.queries)
    ok = digest_s < 1.0 and p95_s < 0.050
    print(f"targets: digest < 1 s {'met' if digest_s < 1.0 else 'MISSED'}; "
          f"search p95 < 50 ms {'met' if p95_s < 0.050 else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
