"""The OpenAI engine: any OpenAI-compatible server, structured outputs, bounded retries, grounding."""

from bot.core.openai_engine.calls import ModelReplyError, Usage
from bot.core.openai_engine.engine import OpenAIEngine, PromptOverhead
from bot.core.openai_engine.fallback import FallbackEngine
from bot.core.openai_engine.retry import ModelUnavailableError

__all__ = [
    "FallbackEngine",
    "ModelReplyError",
    "ModelUnavailableError",
    "OpenAIEngine",
    "PromptOverhead",
    "Usage",
]
