"""The project's own labelled sets load and pass the shared gold validator."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.evaluation import load_gold

ROOT = Path(__file__).resolve().parents[1]
VALIDATOR = ROOT.parent / "shared" / "eval" / "check_gold.py"


@pytest.mark.parametrize("name", ["dev2", "dev3", "dev4", "blind3", "blind4", "dev5", "blind5", "dev6", "dev7", "blind6", "dev8", "blind7"])
def test_set_passes_the_gold_validator_and_loads(name: str) -> None:
    gold = ROOT / "eval" / name / "gold.jsonl"
    proc = subprocess.run([sys.executable, str(VALIDATOR), str(gold)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    items = load_gold(gold.parent)
    assert len(items) == 10 and all(i.text for i in items)
