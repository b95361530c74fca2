"""The one retry policy for model calls (the SDK's own retries are off: max_retries=0).

Only named transport failures are retried: 429 (honouring Retry-After, except an exhausted quota),
5xx, timeouts and connection errors. Waits grow exponentially with jitter; attempts are capped and so
is the total time, counting the wait that would come next. `sleep` is injectable so tests never sleep.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from email.utils import parsedate_to_datetime

import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
    wait_exponential_jitter,
)

from bot.core.errors import EngineError

Sleep = Callable[[float], Awaitable[None]]
RETRYABLE: tuple[type[Exception], ...] = (
    openai.RateLimitError,
    openai.InternalServerError,
    openai.APITimeoutError,
    openai.APIConnectionError,
)


class ModelUnavailableError(EngineError):
    """The model server kept failing in transport until the retry budget ran out."""

    def __init__(self, message: str, attempts: int) -> None:
        super().__init__(message)
        self.attempts = attempts


def is_retryable(exc: BaseException) -> bool:
    """True for transport failures worth another attempt; an exhausted quota is not one."""
    if isinstance(exc, openai.RateLimitError) and getattr(exc, "code", None) == "insufficient_quota":
        return False
    return isinstance(exc, RETRYABLE)


def retry_after_s(exc: BaseException) -> float | None:
    """Seconds the server asked us to wait (retry-after-ms, Retry-After seconds or HTTP date)."""
    response = getattr(exc, "response", None)
    if response is None:
        return None
    headers = response.headers
    try:
        if "retry-after-ms" in headers:
            return max(0.0, float(headers["retry-after-ms"]) / 1000)
        value = headers.get("retry-after")
        if value is None:
            return None
        if value.strip().replace(".", "", 1).isdigit():
            return float(value)
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


class _Backoff:
    """Retry-After when the server gives one, else exponential backoff with jitter."""

    def __init__(self, initial_s: float, max_s: float) -> None:
        self._exponential = wait_exponential_jitter(multiplier=initial_s, max=max_s, jitter=initial_s)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after_s(exc) if exc is not None else None
        return asked if asked is not None else self._exponential(state)


def retrying(
    *, attempts: int, total_s: float, initial_s: float, max_s: float, sleep: Sleep
) -> AsyncRetrying:
    """A fresh tenacity controller: at most `attempts` tries, never waiting past `total_s`."""
    return AsyncRetrying(
        retry=retry_if_exception(is_retryable),
        stop=stop_after_attempt(max(attempts, 1)) | stop_before_delay(total_s),
        wait=_Backoff(initial_s, max_s),
        sleep=sleep,
        reraise=True,
    )


def describe(exc: BaseException) -> str:
    """A short human description of a transport failure for messages and provenance."""
    if isinstance(exc, openai.APITimeoutError):
        return "the request timed out"
    if isinstance(exc, openai.APIConnectionError):
        return "could not connect to the server"
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    return type(exc).__name__
