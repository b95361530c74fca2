"""Building the AsyncOpenAI client from settings: one place for key, base URL and timeout."""

from __future__ import annotations

from openai import AsyncOpenAI

from bot.core.errors import ConfigError
from bot.core.settings import Settings

# Local servers (Ollama, vLLM, LM Studio) accept any key, but the SDK insists on having one.
_PLACEHOLDER_KEY = "not-needed"


def build_client(settings: Settings) -> AsyncOpenAI:
    """An AsyncOpenAI client with retries off: our retry policy is the only one."""
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    if not key and not settings.openai_base_url:
        raise ConfigError(
            "The openai engine needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local "
            "OpenAI-compatible server."
        )
    return AsyncOpenAI(
        api_key=key or _PLACEHOLDER_KEY,
        base_url=settings.openai_base_url or None,
        timeout=settings.openai_timeout_s,
        max_retries=0,
    )
