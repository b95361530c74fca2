"""Choosing the engine: local, openai, or openai with the local engine as its fallback."""

from __future__ import annotations

from bot.core.engines import Engine
from bot.core.errors import ConfigError
from bot.core.settings import Settings

ENGINE_CHOICES = ("auto", "local", "openai")


def build_engine(settings: Settings, engine: str | None = None) -> Engine:
    """The engine named by `engine` (a CLI override) or by settings; `auto` resolves per settings."""
    choice = engine or settings.engine
    if choice not in ENGINE_CHOICES:
        raise ConfigError(f"Unknown engine '{choice}'; choose one of {', '.join(ENGINE_CHOICES)}.")
    resolved = settings.resolved_engine() if choice == "auto" else choice
    from bot.core.local.engine import LocalEngine  # spaCy loads lazily inside; import stays cheap

    if resolved == "local":
        return LocalEngine()
    from bot.core.openai_engine import FallbackEngine, OpenAIEngine

    primary = OpenAIEngine(settings)
    return FallbackEngine(primary, LocalEngine()) if settings.openai_fallback else primary
