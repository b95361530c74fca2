"""The engine's parts on their own: tokens, price table, Retry-After, dates, settings wiring."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime

import httpx2
import openai
import pytest

from bot.core.engine_factory import build_engine
from bot.core.errors import ConfigError
from bot.core.local.engine import LocalEngine
from bot.core.openai_engine import FallbackEngine, OpenAIEngine
from bot.core.openai_engine.client import build_client
from bot.core.openai_engine.dates import normalise_date
from bot.core.openai_engine.pricing import cost_usd
from bot.core.openai_engine.retry import is_retryable, retry_after_s
from bot.core.openai_engine.tokens import count_tokens, encoding, is_exact_for
from bot.core.settings import DEFAULT_PRICES, ModelPrice, Settings


def test_vendored_tokenizer_matches_o200k() -> None:
    # Known o200k_base ids: "Hello world" -> [13225, 2375].
    assert encoding().encode("Hello world") == [13225, 2375]
    assert count_tokens("<|endoftext|>") > 1  # article text can never inject a special token
    assert is_exact_for("gpt-4o-mini") and not is_exact_for("llama3.1:8b")


def test_cost_from_the_price_table() -> None:
    table = {"m": ModelPrice(input=2.0, output=8.0, cached=0.5)}
    assert cost_usd("m", 1_000_000, 0, 0, table) == 2.0
    assert cost_usd("m", 1_000_000, 500_000, 400_000, table) == pytest.approx(1.2 + 0.2 + 4.0)
    assert cost_usd("m-2024-08-06", 1000, 0, 0, table) == pytest.approx(0.002)
    assert cost_usd("unknown", 1000, 1000, 0, table) is None
    assert cost_usd("gpt-4o-mini", 1_000_000, 0, 0, DEFAULT_PRICES) == 0.15


def _rate_limited(headers: dict[str, str], code: str | None = None) -> openai.RateLimitError:
    request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")
    response = httpx2.Response(429, headers=headers, request=request)
    return openai.RateLimitError("busy", response=response, body={"code": code} if code else None)


def test_retry_after_forms() -> None:
    assert retry_after_s(_rate_limited({"Retry-After": "7"})) == 7.0
    assert retry_after_s(_rate_limited({"retry-after-ms": "250"})) == 0.25
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= (retry_after_s(_rate_limited({"Retry-After": later})) or 0) <= 30
    assert retry_after_s(_rate_limited({"Retry-After": "soon"})) is None
    assert retry_after_s(_rate_limited({})) is None


def test_only_named_transport_errors_are_retried() -> None:
    assert is_retryable(_rate_limited({}))
    assert not is_retryable(_rate_limited({}, code="insufficient_quota"))
    assert not is_retryable(ValueError("bug"))
    request = httpx2.Request("POST", "http://127.0.0.1/")
    assert is_retryable(openai.APITimeoutError(request))
    bad = openai.BadRequestError("no", response=httpx2.Response(400, request=request), body=None)
    assert not is_retryable(bad)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("25 September 2024", None, ("2024-09-25", "day", False)),
        ("Sept. 2024", None, ("2024-09", "month", False)),
        ("2014", None, ("2014", "year", False)),
        ("Q3 2024", None, ("2024-Q3", "quarter", False)),
        ("the 1990s", None, (None, "decade", False)),
        ("last year", date(2025, 3, 10), ("2024", "year", True)),
        ("last year", None, (None, "unknown", True)),
        ("last Tuesday", date(2024, 9, 26), ("2024-09-24", "day", True)),
        ("Sept. 25", None, (None, "unknown", False)),
    ],
)
def test_dates_normalised_against_publication(text: str, published: date | None, expected: tuple) -> None:
    assert normalise_date(text, published) == expected


def test_engine_selection() -> None:
    plain = Settings(_env_file=None, OPENAI_API_KEY=None, OPENAI_BASE_URL=None)
    assert isinstance(build_engine(plain), LocalEngine)
    remote = Settings(_env_file=None, OPENAI_BASE_URL="http://127.0.0.1:9/v1")
    auto = build_engine(remote)
    assert isinstance(auto, FallbackEngine) and isinstance(auto.primary, OpenAIEngine)
    assert isinstance(build_engine(remote, "local"), LocalEngine)
    no_fallback = Settings(_env_file=None, OPENAI_BASE_URL="http://127.0.0.1:9/v1", openai_fallback=False)
    assert isinstance(build_engine(no_fallback, "openai"), OpenAIEngine)
    with pytest.raises(ConfigError, match="Unknown engine 'gpt'"):
        build_engine(plain, "gpt")


def test_client_needs_a_key_or_a_base_url() -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        build_client(Settings(_env_file=None, OPENAI_API_KEY=None, OPENAI_BASE_URL=None))
    client = build_client(Settings(_env_file=None, OPENAI_BASE_URL="http://127.0.0.1:9/v1", openai_timeout_s=7))
    assert client.max_retries == 0 and str(client.base_url) == "http://127.0.0.1:9/v1/"
    assert client.timeout == 7
