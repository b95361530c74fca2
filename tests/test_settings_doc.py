"""The README's settings table is the one generated from the Settings model."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.settings import Settings
from bot.core.settings_doc import BEGIN, END, env_names, settings_table

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_table_matches_the_settings_model() -> None:
    text = README.read_text(encoding="utf-8")
    current = text[text.index(BEGIN) : text.index(END) + len(END)]
    assert current == settings_table(), "regenerate with: python -m bot.core.settings_doc"


def test_every_setting_is_documented_and_reachable_by_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, f"{name} has no description"
    monkeypatch.setenv("BRIEFBOT_MAX_TEXT_CHARS", "1234")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    s = Settings(_env_file=None)  # type: ignore[call-arg]
    assert s.max_text_chars == 1234 and s.openai_base_url == "http://127.0.0.1:9/v1"
    assert env_names("openai_api_key", Settings.model_fields["openai_api_key"])[0] == "OPENAI_API_KEY"
