"""The command-line edge: parses arguments, calls the core services, renders, and translates errors.

Subcommands import what they need lazily so `briefbot --help` and `briefbot brief` start fast.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.errors import BriefbotError, ConfigError, InputError

if TYPE_CHECKING:
    from bot.core.settings import Settings

log = logging.getLogger("briefbot")

EPILOG = """examples:
  briefbot brief examples/seed-az-pk-defence.txt      brief a file and show the card
  briefbot brief https://example.org/story --json     brief a link, print the Briefing JSON
  pbpaste | briefbot brief -                          brief pasted text from stdin
  briefbot eval ../shared/eval                        score the engine on the labelled set
  briefbot bench ../shared/eval                       measure speed and memory
"""


def _source_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    """Which input the user gave: --text, '-' for stdin, a link, or a file path."""
    if args.text is not None:
        return {"text": args.text}
    if args.source is None:
        raise InputError("Give a link, a file path, '-' for stdin, or --text \"...\".")
    if args.source == "-":
        return {"text": sys.stdin.read()}
    if "://" in args.source:
        return {"url": args.source}
    return {"path": Path(args.source)}


def _cmd_brief(args: argparse.Namespace) -> int:
    from bot.core.settings import Settings

    settings = Settings()
    return asyncio.run(_brief(args, settings))


async def _brief(args: argparse.Namespace, settings: Settings) -> int:
    from rich.console import Console

    from bot.core.engine_factory import build_engine
    from bot.core.render.markdown import to_markdown
    from bot.core.render.terminal import print_briefing
    from bot.core.service import BriefingService
    from bot.core.store import Store

    source = _source_kwargs(args)
    engine = build_engine(settings, args.engine)
    status = Console(stderr=True)
    with Store.open(settings.db_path) as store, status.status(f"Briefing with the {engine.name} engine…"):
        service = BriefingService(settings, store, engine)
        result = await service.brief(refresh=args.refresh, **source)
    if args.json:
        print(result.briefing.model_dump_json(indent=2))
    elif args.markdown:
        print(to_markdown(result.briefing))
    else:
        print_briefing(result.briefing, Console())
        if result.cached:
            status.print(f"(from the archive: briefing #{result.id}; --refresh to brief again)")
    return 0


def _cmd_bench_openai(args: argparse.Namespace) -> int:
    """The openai engine's own overhead against the local OpenAI-compatible test server."""
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "bench" / "openai_bench.py"
    spec = importlib.util.spec_from_file_location("openai_bench", script)
    if not script.is_file() or spec is None or spec.loader is None:
        raise ConfigError("The openai bench needs a source checkout: it starts the local model "
                          "server from tests/fakes (run it from the repository).")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    report = asyncio.run(module.run_bench(args.briefings, args.faults))
    if args.json:
        print(json.dumps({
            "briefings": report.briefings,
            "requests_per_briefing": round(report.requests_per_briefing, 3),
            "max_requests_per_briefing": report.max_requests_per_briefing,
            "fallbacks": report.fallbacks,
            "overhead_p50_ms": round(report.overhead_p50_ms, 1),
            "overhead_p95_ms": round(report.overhead_p95_ms, 1),
        }))
    else:
        print("\n".join(report.lines()))
    return 0


def _cmd_bench(args: argparse.Namespace) -> int:
    from bot.core.benchmark import run_bench

    if args.engine == "openai":
        return _cmd_bench_openai(args)
    report = run_bench(Path(args.directory), passes=args.passes)
    if args.json:
        print(json.dumps(report))
        return 0
    print(f"articles briefed   {report['articles']}")
    print(f"articles/s (1 core){report['articles_per_s']:>8}")
    print(f"latency p50 ms     {report['p50_ms']:>8}")
    print(f"latency p95 ms     {report['p95_ms']:>8}")
    print(f"cold start s       {report['cold_start_s']:>8}")
    print(f"peak RSS MB        {report['peak_rss_mb']:>8}")
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    from bot.core.logs import setup_logging
    from bot.core.settings import Settings
    from bot.discord.app import run_bot

    settings = Settings()
    if args.engine:
        settings = settings.model_copy(update={"engine": args.engine})
    setup_logging(settings, level=logging.DEBUG if args.verbose else logging.INFO)
    asyncio.run(run_bot(settings))
    return 0


def _cmd_doctor(args: argparse.Namespace) -> int:
    from bot.core.doctor import exit_status, render_checks, run_checks
    from bot.discord.doctor_checks import channel_permission_checks

    checks = asyncio.run(run_checks(discord_check=channel_permission_checks))
    print(render_checks(checks))
    return exit_status(checks)


def _cmd_digest(args: argparse.Namespace) -> int:
    from bot.core.operator import digest_report
    from bot.core.settings import Settings
    from bot.core.store import Store

    with Store.open(Settings().db_path) as store:
        print(digest_report(store, args.guild, args.since))
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    from bot.core.operator import search_report
    from bot.core.settings import Settings
    from bot.core.store import Store

    with Store.open(Settings().db_path) as store:
        print(search_report(store, args.query, args.guild, args.limit))
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from bot.core.evaluation import as_article, load_gold, summarise_scores
    from bot.core.local.engine import LocalEngine

    items = load_gold(Path(args.directory))
    briefings = LocalEngine().brief_many(as_article(i) for i in items)
    report, per_article = summarise_scores(zip(items, briefings, strict=True))
    if args.json:
        print(json.dumps(report))
        return 0
    _print_eval(report)
    if args.detail:
        for s in per_article:
            for field in args.detail.split(","):
                t = s.tallies[field]
                print(f"\n[{s.id}] {field}: tp={t.tp} fp={t.fp} fn={t.fn}")
                print("  missed:  ", "; ".join(s.missed[field]))
                print("  spurious:", "; ".join(s.spurious[field]))
    return 0


def _print_eval(report: dict[str, object]) -> None:
    print(f"{'field':<14}{'precision':>10}{'recall':>10}{'f1':>8}")
    for field in ("actors", "systems", "dates", "expert_views"):
        s = report[field]
        assert isinstance(s, dict)
        print(f"{field:<14}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>8.3f}")
    print(f"quotes verbatim: {float(report['quotes_verbatim']):.1%}")  # type: ignore[arg-type]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="briefbot",
        description="Turn an article (a link, a file, or pasted text) into a checkable briefing.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    br = sub.add_parser(
        "brief",
        help="brief one article and show the card",
        description="Brief a link, a file (.txt, .md, .html), or pasted text ('-' reads stdin).",
    )
    br.add_argument("source", nargs="?", help="a URL, a file path, or - for stdin")
    br.add_argument("--text", help="the article text itself, instead of SOURCE")
    br.add_argument(
        "--engine",
        choices=["auto", "local", "openai"],
        default=None,
        help="local (no key), openai (any OpenAI-compatible server), or auto: openai when "
        "OPENAI_API_KEY or OPENAI_BASE_URL is set (default: the BRIEFBOT_ENGINE setting, auto)",
    )
    out = br.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the Briefing as JSON")
    out.add_argument("--markdown", action="store_true", help="print the briefing as Markdown")
    br.add_argument("--refresh", action="store_true", help="ignore the archive and brief again")
    br.set_defaults(func=_cmd_brief)

    run = sub.add_parser(
        "run",
        help="start the Discord bot (needs DISCORD_TOKEN)",
        description="Start the Discord bot. Set DISCORD_TOKEN; BRIEFBOT_DEV_GUILD syncs commands "
        "to one guild while developing. See the README's Discord section.",
    )
    run.add_argument("--engine", choices=["auto", "local", "openai"], default=None,
                     help="override the BRIEFBOT_ENGINE setting")
    run.set_defaults(func=_cmd_run)

    dg = sub.add_parser(
        "digest", help="print a guild's digest from the archive (operators)",
        description="Build the digest a guild would get, from the stored cards, without posting it.",
    )
    dg.add_argument("--guild", type=int, required=True, help="the Discord guild (server) id")
    dg.add_argument("--since", help="ISO date or time to start from (default: since its last digest)")
    dg.set_defaults(func=_cmd_digest)

    se = sub.add_parser("search", help="search a guild's briefing archive (operators)")
    se.add_argument("query", help='words, "quoted phrases", prefix*; every word must match')
    se.add_argument("--guild", type=int, required=True, help="the Discord guild (server) id")
    se.add_argument("--limit", type=int, default=10, help="most results (default 10)")
    se.set_defaults(func=_cmd_search)

    doc = sub.add_parser(
        "doctor",
        help="check settings, token, database, model, prompts and channel permissions",
        description="Check the installation and configuration; prints a table, never a secret, "
        "and exits 1 when any check fails.",
    )
    doc.set_defaults(func=_cmd_doctor)

    bench = sub.add_parser("bench", help="measure speed and memory on a labelled set, one core")
    bench.add_argument("directory", help="folder with gold.jsonl and articles/")
    bench.add_argument("--json", action="store_true", help="print the figures as JSON")
    bench.add_argument("--passes", type=int, default=3, help="passes over the set (default 3)")
    bench.add_argument(
        "--engine", choices=["local", "openai"], default="local",
        help="local: the dev set on one core; openai: overhead and requests per briefing against "
        "the local OpenAI-compatible test server (needs a source checkout)",
    )
    bench.add_argument("--briefings", type=int, default=200, help="openai: briefings to run")
    bench.add_argument("--faults", type=float, default=0.0,
                       help="openai: share of requests answered 429/500/stalled (e.g. 0.3)")
    bench.set_defaults(func=_cmd_bench)

    ev = sub.add_parser("eval", help="score the local engine on a labelled set (DIR/gold.jsonl)")
    ev.add_argument("directory", help="folder with gold.jsonl and articles/")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--detail", metavar="FIELDS", help="also list misses, e.g. actors,systems")
    ev.set_defaults(func=_cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; every BriefbotError becomes one line on stderr and its exit code."""
    args = build_parser().parse_args(argv)
    from bot.core.logs import setup_logging

    setup_logging(None, level=logging.INFO if args.verbose else logging.WARNING)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except BriefbotError as err:
        print(f"briefbot: {err}", file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:
        # The reader went away (`briefbot brief ... | head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("briefbot: interrupted", file=sys.stderr)
        return 130
    except Exception:
        incident = uuid.uuid4().hex[:8]
        log.exception("unexpected error (incident %s)", incident)
        print(f"briefbot: unexpected error, incident {incident}; run with -v for details.", file=sys.stderr)
        return 70


if __name__ == "__main__":
    raise SystemExit(main())
