"""The local engine's cache version follows its rules and data files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.local import version
from bot.core.local.engine import LocalEngine


@pytest.fixture()
def copied_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    local, data = tmp_path / "local", tmp_path / "data"
    shutil.copytree(version._LOCAL, local, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(version._DATA, data)
    monkeypatch.setattr(version, "_LOCAL", local)
    monkeypatch.setattr(version, "_DATA", data)
    version.rules_version.cache_clear()
    yield tmp_path
    version.rules_version.cache_clear()


def test_the_version_is_the_engines_cache_key() -> None:
    assert LocalEngine().prompt_id == version.rules_version()
    assert version.rules_version().startswith("local-rules@")


def test_a_rule_change_makes_a_new_version(copied_rules: Path) -> None:
    before = version.rules_version()
    rule = copied_rules / "local" / "speech.py"
    rule.write_text(rule.read_text() + "\n# changed\n")
    version.rules_version.cache_clear()
    assert version.rules_version() != before


def test_a_register_change_makes_a_new_version(copied_rules: Path) -> None:
    before = version.rules_version()
    register = copied_rules / "data" / "systems.json"
    register.write_text(register.read_text().replace("Ground Master 200", "Ground Master 210"))
    version.rules_version.cache_clear()
    assert version.rules_version() != before
