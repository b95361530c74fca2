"""Typed settings, built once at the edge (CLI or bot start) from env vars and .env, then passed down.

Nothing reads the environment at import time. Every field's description is user-facing: the README's
settings table is generated from this model.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class ModelPrice(BaseModel):
    """USD per one million tokens for one model."""

    input: float = Field(ge=0)
    output: float = Field(ge=0)
    cached: float | None = Field(default=None, ge=0)


# Public list prices (USD per 1M tokens) as of 2025; override with BRIEFBOT_OPENAI_PRICE_TABLE (JSON).
DEFAULT_PRICES: dict[str, ModelPrice] = {
    "gpt-4o-mini": ModelPrice(input=0.15, output=0.60, cached=0.075),
    "gpt-4o": ModelPrice(input=2.50, output=10.00, cached=1.25),
    "gpt-4.1-mini": ModelPrice(input=0.40, output=1.60, cached=0.10),
    "gpt-4.1": ModelPrice(input=2.00, output=8.00, cached=0.50),
}


def default_data_dir() -> Path:
    """Per-user data directory: $XDG_DATA_HOME/briefbot, else ~/.local/share/briefbot."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "briefbot"


class Settings(BaseSettings):
    """All briefbot settings. Env vars are BRIEFBOT_<NAME> unless an alias is listed."""

    model_config = SettingsConfigDict(
        env_prefix="BRIEFBOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    # --- storage -------------------------------------------------------------------------------
    db_path: Path = Field(
        default_factory=lambda: default_data_dir() / "briefbot.db",
        description="SQLite database file for briefings, schedules and budgets.",
    )

    # --- engine selection ----------------------------------------------------------------------
    engine: Literal["auto", "local", "openai"] = Field(
        default="auto",
        description="Which engine briefs: openai when a key or base URL is set (auto), or local.",
    )

    # --- ingest --------------------------------------------------------------------------------
    fetch_connect_timeout_s: float = Field(default=5.0, description="Seconds to connect to a link.")
    fetch_read_timeout_s: float = Field(default=15.0, description="Seconds to wait for page data.")
    fetch_total_timeout_s: float = Field(
        default=45.0, description="Most seconds one link may take, redirects and body included."
    )
    fetch_max_bytes: int = Field(default=5_000_000, description="Largest page body read, in bytes.")
    fetch_max_redirects: int = Field(default=5, description="Most redirects followed for a link.")
    fetch_allow_loopback: bool = Field(
        default=False,
        description="Allow links to 127.0.0.0/8 and ::1 (tests and local use only).",
    )
    max_text_chars: int = Field(
        default=200_000, description="Longest article text accepted, in characters."
    )

    # --- OpenAI-compatible model -----------------------------------------------------------------
    openai_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("OPENAI_API_KEY", "BRIEFBOT_OPENAI_API_KEY"),
        description="API key for the model server (OPENAI_API_KEY).",
    )
    openai_base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("OPENAI_BASE_URL", "BRIEFBOT_OPENAI_BASE_URL"),
        description="Base URL of an OpenAI-compatible server, e.g. http://localhost:11434/v1 (OPENAI_BASE_URL).",
    )
    openai_model: str = Field(default="gpt-4o-mini", description="Model name sent to the server.")
    openai_timeout_s: float = Field(
        default=60.0, gt=0, description="Seconds to wait for one model reply before retrying."
    )
    openai_max_attempts: int = Field(
        default=4, ge=1, le=10, description="Most requests to the model for one briefing, retries included."
    )
    openai_max_total_s: float = Field(
        default=120.0, gt=0, description="Most seconds spent on one briefing's model calls, waits included."
    )
    openai_backoff_initial_s: float = Field(
        default=1.0, ge=0, description="First retry wait in seconds; doubles each retry, with jitter."
    )
    openai_backoff_max_s: float = Field(
        default=20.0, ge=0, description="Longest single retry wait in seconds (Retry-After may ask for more)."
    )
    openai_structured_mode: Literal["json_schema", "json_object"] = Field(
        default="json_schema",
        description="json_schema (strict structured outputs) or json_object (schema in the prompt) for servers without it.",
    )
    openai_context_tokens: int = Field(
        default=128_000, ge=2_000, description="The model's context window in tokens."
    )
    openai_max_output_tokens: int = Field(
        default=4_000, ge=256, description="Most tokens the model may write for one briefing."
    )
    openai_fallback: bool = Field(
        default=True, description="Brief with the local engine when the model stays unavailable."
    )
    openai_price_table: dict[str, ModelPrice] = Field(
        default_factory=lambda: dict(DEFAULT_PRICES),
        description="USD per 1M tokens by model name: {input, output, cached}. Unknown model: cost unknown.",
    )

    # --- Discord -------------------------------------------------------------------------------
    discord_token: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("DISCORD_TOKEN", "BRIEFBOT_DISCORD_TOKEN"),
        description="The bot token from the Discord developer portal (DISCORD_TOKEN).",
    )
    dev_guild: int | None = Field(
        default=None,
        description="Sync commands to this guild only (fast, for development).",
    )
    watch_channels: bool = Field(
        default=False,
        description="Allow /watch: brief links posted in watched channels. Needs the privileged "
        "Message Content intent enabled in the developer portal.",
    )
    max_concurrent_briefings: int = Field(
        default=2,
        ge=1,
        description="Briefings the bot works on at once; later requests wait in a visible queue.",
    )
    user_cooldown_s: float = Field(
        default=10.0,
        ge=0,
        description="Seconds a user waits between two briefing requests on Discord (0 turns it off).",
    )
    guild_daily_briefings: int = Field(
        default=200,
        ge=0,
        description="New briefings per server per UTC day; cached ones are free (0 means no limit).",
    )
    guild_daily_tokens: int = Field(
        default=500_000,
        ge=0,
        description="Model tokens per server per UTC day on the openai engine (0 means no limit).",
    )

    def resolved_engine(self) -> Literal["local", "openai"]:
        """The engine `auto` stands for: openai when a key or base URL is configured."""
        if self.engine != "auto":
            return self.engine
        return "openai" if (self.openai_api_key or self.openai_base_url) else "local"
