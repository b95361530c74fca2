"""One chat-completion call under the retry policy, with every reply checked and every token counted."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import openai
from openai import AsyncOpenAI
from openai.types import CompletionUsage
from openai.types.chat import ChatCompletion

from bot.core.errors import EngineError
from bot.core.openai_engine.retry import ModelUnavailableError, Sleep, describe, retrying
from bot.core.settings import Settings


@dataclass(slots=True)
class Usage:
    """Requests made and tokens billed for one briefing, summed across every attempt."""

    requests: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    tokens_cached: int = 0

    def add(self, usage: CompletionUsage | None) -> None:
        """Count one reply's usage (servers that report none count as zero)."""
        if usage is None:
            return
        self.tokens_in += usage.prompt_tokens or 0
        self.tokens_out += usage.completion_tokens or 0
        details = usage.prompt_tokens_details
        self.tokens_cached += (details.cached_tokens or 0) if details else 0


class ModelReplyError(EngineError):
    """The model answered, but with a refusal, a cut-off or a filtered reply; usage is kept."""

    def __init__(self, message: str, usage: Usage) -> None:
        super().__init__(message)
        self.usage = usage


class ModelCaller:
    """Sends chat requests for one engine; retries only transport failures, within one budget."""

    def __init__(self, client: AsyncOpenAI, settings: Settings, sleep: Sleep) -> None:
        self.client = client
        self.settings = settings
        self.sleep = sleep

    async def complete(self, request: dict[str, Any], usage: Usage, started: float) -> str:
        """The reply text for `request`; the briefing's attempt and time budget is shared."""
        s = self.settings
        attempts_left = s.openai_max_attempts - usage.requests
        time_left = s.openai_max_total_s - (time.monotonic() - started)
        if attempts_left <= 0 or time_left <= 0:
            raise ModelUnavailableError(self._spent(usage, started, None), usage.requests)
        controller = retrying(
            attempts=attempts_left,
            total_s=time_left,
            initial_s=s.openai_backoff_initial_s,
            max_s=s.openai_backoff_max_s,
            sleep=self.sleep,
        )
        try:
            async for attempt in controller:
                with attempt:
                    completion = await self._send(request, usage, started)
        except openai.APIStatusError as exc:
            raise self._status_error(exc, usage, started) from exc
        except (openai.APITimeoutError, openai.APIConnectionError) as exc:
            raise ModelUnavailableError(self._spent(usage, started, exc), usage.requests) from exc
        return self._reply_text(completion, usage)

    async def _send(self, request: dict[str, Any], usage: Usage, started: float) -> ChatCompletion:
        usage.requests += 1
        remaining = self.settings.openai_max_total_s - (time.monotonic() - started)
        timeout = max(0.001, min(self.settings.openai_timeout_s, remaining))
        completion = await self.client.chat.completions.create(**request, timeout=timeout)
        usage.add(completion.usage)
        return completion

    def _spent(self, usage: Usage, started: float, exc: BaseException | None) -> str:
        why = f" (last error: {describe(exc)})" if exc is not None else ""
        return (
            f"The model server stayed unavailable after {usage.requests} attempt(s) in "
            f"{time.monotonic() - started:.1f} s{why}."
        )

    def _status_error(self, exc: openai.APIStatusError, usage: Usage, started: float) -> EngineError:
        if isinstance(exc, openai.RateLimitError | openai.InternalServerError):
            if exc.code == "insufficient_quota":
                return ModelUnavailableError(
                    "The model account has no quota left (HTTP 429 insufficient_quota); check its billing.",
                    usage.requests,
                )
            return ModelUnavailableError(self._spent(usage, started, exc), usage.requests)
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return EngineError(
                f"The model server refused the API key (HTTP {exc.status_code}); check OPENAI_API_KEY."
            )
        if isinstance(exc, openai.NotFoundError):
            return EngineError(
                f"The model server does not offer the model '{self.settings.openai_model}' (HTTP 404); "
                "check BRIEFBOT_OPENAI_MODEL and OPENAI_BASE_URL."
            )
        detail = _error_detail(exc)
        if self.settings.openai_structured_mode == "json_schema" and "json_schema" in detail.lower():
            return EngineError(
                "The model server does not support json_schema structured outputs; set "
                "BRIEFBOT_OPENAI_STRUCTURED_MODE=json_object."
            )
        return EngineError(f"The model server rejected the request (HTTP {exc.status_code}): {detail}")

    def _reply_text(self, completion: ChatCompletion, usage: Usage) -> str:
        if not completion.choices:
            raise ModelReplyError("The model server returned a reply with no choices.", usage)
        choice = completion.choices[0]
        if choice.message.refusal:
            raise ModelReplyError(
                f"The model declined to brief this article: {choice.message.refusal.strip()}", usage
            )
        if choice.finish_reason == "length":
            raise ModelReplyError(
                f"The model's reply was cut off at the {self.settings.openai_max_output_tokens}-token "
                "output limit; raise BRIEFBOT_OPENAI_MAX_OUTPUT_TOKENS or brief a shorter text.",
                usage,
            )
        if choice.finish_reason == "content_filter":
            raise ModelReplyError(
                "The model server's content filter blocked the briefing of this article.", usage
            )
        return choice.message.content or ""


def _error_detail(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        return body["message"][:300]
    return str(exc.message)[:300]
