"""The command-line edge, run as a user runs it: a real process, a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "seed-az-pk-defence.txt"
EVAL_DIR = ROOT.parent / "shared" / "eval"


def run_cli(*args: str, tmp_path: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot` with a private database and no model settings."""
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("BRIEFBOT_", "OPENAI_", "DISCORD_"))
    }
    env["BRIEFBOT_DB_PATH"] = str(tmp_path / "cli.db")
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )


def _names(items: list[dict[str, object]], key: str = "name") -> set[str]:
    return {str(i[key]) for i in items} | {str(a) for i in items for a in i.get("aliases", [])}  # type: ignore[union-attr]


def test_sample_article_briefing_has_what_the_demo_promises(tmp_path: Path) -> None:
    proc = run_cli("brief", str(SAMPLE), "--engine", "local", "--json", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    b = json.loads(proc.stdout)
    actors = {a["name"]: a for a in b["actors"]}
    assert {"Azerbaijan", "Pakistan", "Ramil Mammadli", "Muhammad Shehbaz Sharif"} <= set(actors)
    assert "military expert" in (actors["Ramil Mammadli"]["role"] or "")
    systems = _names(b["systems"])
    assert {"JF-17 Thunder", "KRL 122"} <= systems
    assert any("MFI-17 Mushshak" in s for s in systems)
    values = {d["value"] for d in b["dates"]}
    assert {"2024-09", "2014"} <= values
    [view] = [v for v in b["expert_views"] if v["speaker"] == "Ramil Mammadli"]
    text = SAMPLE.read_text(encoding="utf-8")
    assert view["quotes"], "Mammadli's view has verbatim quotes"
    assert all(text[q["start"] : q["end"]] == q["text"] for q in view["quotes"])
    assert b["provenance"]["engine"] == "local"
    assert b["source"]["content_sha256"] and b["source"]["chars"] == len(text.strip())


def test_second_run_comes_from_the_archive(tmp_path: Path) -> None:
    first = run_cli("brief", str(SAMPLE), "--engine", "local", "--json", tmp_path=tmp_path)
    second = run_cli("brief", str(SAMPLE), "--engine", "local", tmp_path=tmp_path)
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    assert "from the archive" in second.stderr
    assert "Mammadli" in second.stdout


def test_terminal_and_markdown_cards(tmp_path: Path) -> None:
    card = run_cli("brief", str(SAMPLE), "--engine", "local", tmp_path=tmp_path)
    md = run_cli("brief", "-", "--engine", "local", "--markdown", tmp_path=tmp_path,
                 stdin=SAMPLE.read_text(encoding="utf-8"))
    assert card.returncode == 0 and md.returncode == 0, card.stderr + md.stderr
    assert "JF-17" in card.stdout and "Azerbaijan" in card.stdout
    assert md.stdout.lstrip().startswith("#") and "Ramil Mammadli" in md.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "code", "message"),
    [
        (("brief", "missing-file.txt"), None, 2, "missing-file.txt"),
        (("brief", "-"), "   \n  ", 2, "empty"),
        (("brief",), None, 2, "Give a link"),
        (("brief", "ftp://example.org/x"), None, 3, "http"),
    ],
)
def test_bad_input_is_one_clear_sentence(
    tmp_path: Path, args: tuple[str, ...], stdin: str | None, code: int, message: str
) -> None:
    proc = run_cli(*args, tmp_path=tmp_path, stdin=stdin)
    assert proc.returncode == code, proc.stderr
    assert message.lower() in proc.stderr.lower()
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_eval_json_has_the_documented_shape(tmp_path: Path) -> None:
    proc = run_cli("eval", str(EVAL_DIR), "--json", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert set(report) == {"actors", "systems", "dates", "expert_views", "quotes_verbatim"}
    for field in ("actors", "systems", "dates", "expert_views"):
        assert set(report[field]) == {"precision", "recall", "f1"}
        assert report[field]["f1"] >= 0.80, (field, report[field])
    assert report["quotes_verbatim"] == 1.0


def test_help_explains_every_command(tmp_path: Path) -> None:
    proc = run_cli("--help", tmp_path=tmp_path)
    assert proc.returncode == 0
    for command in ("brief", "run", "digest", "search", "eval", "bench"):
        assert command in proc.stdout


def test_operator_digest_and_search_over_an_empty_archive(tmp_path: Path) -> None:
    search = run_cli("search", "JF-17", "--guild", "7", tmp_path=tmp_path)
    digest = run_cli("digest", "--guild", "7", "--since", "2026-01-01", tmp_path=tmp_path)
    bad = run_cli("digest", "--guild", "7", "--since", "yesterday", tmp_path=tmp_path)
    assert search.returncode == 0 and "No briefings in guild 7" in search.stdout
    assert digest.returncode == 0 and digest.stdout.startswith("# ")
    assert bad.returncode == 2 and "ISO" in bad.stderr
