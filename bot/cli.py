"""The command-line edge: parses arguments, calls the core services, renders, and translates errors.

Subcommands import what they need lazily so `briefbot --help` and `briefbot brief` start fast.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.core.errors import BriefbotError

log = logging.getLogger("briefbot")

EPILOG = """examples:
  briefbot brief examples/seed-az-pk-defence.txt      brief a file and show the card
  briefbot brief https://example.org/story --json     brief a link, print the Briefing JSON
  pbpaste | briefbot brief -                          brief pasted text from stdin
  briefbot eval ../shared/eval                        score the engine on the labelled set
  briefbot bench ../shared/eval                       measure speed and memory
"""


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

    ev = sub.add_parser("eval", help="score the local engine on a labelled set (DIR/gold.jsonl)")
    ev.add_argument("directory", help="folder with gold.jsonl and articles/")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--detail", metavar="FIELDS", help="also list misses, e.g. actors,systems")
    ev.set_defaults(func=_cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; every BriefbotError becomes one line on stderr and its exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except BriefbotError as err:
        print(f"briefbot: {err}", file=sys.stderr)
        return err.exit_code
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
