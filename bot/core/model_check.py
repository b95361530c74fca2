"""The doctor's model-endpoint check: does the OpenAI-compatible server answer, and know our model?

It lists the server's models (`GET {base_url}/models`); a server without that route gets a one-token
chat call instead. Server error text is never shown: OpenAI echoes part of a wrong key in it.
"""

from __future__ import annotations

import openai

from bot.core.checks import Check
from bot.core.openai_engine.client import build_client
from bot.core.settings import Settings

TIMEOUT_S = 5.0


def _result(ok: bool, detail: str) -> Check:
    return Check("model endpoint", ok, detail)


def _where(settings: Settings) -> str:
    return settings.openai_base_url or "https://api.openai.com/v1"


def _failure(settings: Settings, err: openai.OpenAIError) -> Check:
    where = _where(settings)
    if isinstance(err, openai.APITimeoutError):
        return _result(False, f"{where} did not answer within {TIMEOUT_S:g} s")
    if isinstance(err, openai.APIConnectionError):
        return _result(False, f"cannot connect to {where}: is the server running, the URL right?")
    if isinstance(err, openai.AuthenticationError | openai.PermissionDeniedError):
        return _result(False, f"{where} refused the API key ({err.status_code}): check OPENAI_API_KEY")
    if isinstance(err, openai.APIStatusError):
        return _result(False, f"{where} answered HTTP {err.status_code}")
    return _result(False, f"{where} failed ({type(err).__name__})")


async def check_model_endpoint(settings: Settings) -> Check:
    """The configured model server answers and serves `openai_model`; skipped for the local engine."""
    if settings.resolved_engine() != "openai":
        return _result(True, "skipped: local engine (no OPENAI_API_KEY or OPENAI_BASE_URL)")
    try:
        client = build_client(settings).with_options(timeout=TIMEOUT_S, max_retries=0)
    except Exception as err:  # a ConfigError or a malformed URL: one line, not a crash
        return _result(False, str(err) or type(err).__name__)
    async with client:
        try:
            page = await client.models.list()
        except openai.NotFoundError:
            return await _one_token_call(client, settings)
        except openai.OpenAIError as err:
            return _failure(settings, err)
    names = sorted(m.id for m in page.data)
    if settings.openai_model not in names:
        listed = ", ".join(names[:8]) + (" ..." if len(names) > 8 else "")
        return _result(
            False,
            f"{_where(settings)} answers but does not list {settings.openai_model} "
            f"(it has: {listed or 'none'}); set BRIEFBOT_OPENAI_MODEL",
        )
    return _result(True, f"{_where(settings)} answers and lists {settings.openai_model}")


async def _one_token_call(client: openai.AsyncOpenAI, settings: Settings) -> Check:
    try:
        await client.chat.completions.create(
            model=settings.openai_model,
            messages=[{"role": "user", "content": "ping"}],
            max_tokens=1,
        )
    except openai.OpenAIError as err:
        return _failure(settings, err)
    return _result(True, f"{_where(settings)} answered a 1-token call with {settings.openai_model}")
