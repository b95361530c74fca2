"""Logging: JSON lines off a terminal, a human line on one, secrets redacted from every part of a
record, one structured line per briefing, and the suite-wide secret watch itself."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import known_secrets
import pytest
from conftest import SecretWatch
from discord_fake.server import FakeDiscord
from fakes.openai_scripts import ARTICLE, SleepLog, good_reply, make_settings
from fakes.openai_server import FakeOpenAI, ok, reply_json

from bot.core.logs import REDACTED, Redactor, setup_logging
from bot.core.openai_engine import OpenAIEngine
from bot.core.service import BriefingService
from bot.core.settings import Settings
from bot.core.store import Store

TOKEN, KEY = known_secrets.SHAPED_DISCORD_TOKEN, known_secrets.OPENAI_API_KEY


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "_briefbot_handler", False)]


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root, briefbot = logging.getLogger(), logging.getLogger("briefbot")
    handlers, level = list(root.handlers), briefbot.level
    yield
    root.handlers[:] = handlers
    briefbot.setLevel(level)


def secret_settings() -> Settings:
    return Settings(_env_file=None, discord_token=TOKEN, openai_api_key=KEY)  # type: ignore[call-arg]


def emit(msg: str, *args: object, exc: BaseException | None = None, **extra: object) -> None:
    """Hands one record straight to our handler: a secret must not reach the suite-wide watch."""
    exc_info = (type(exc), exc, exc.__traceback__) if exc else None
    record = logging.LogRecord("briefbot.test", logging.WARNING, __file__, 1, msg, args, exc_info)
    record.__dict__.update(extra)
    (handler,) = ours()
    handler.handle(record)


def test_json_lines_when_not_on_a_terminal() -> None:
    out = io.StringIO()
    setup_logging(secret_settings(), stream=out)
    emit("briefing %s", "made", guild=42, cached=False)
    entry = json.loads(out.getvalue())
    assert entry["message"] == "briefing made" and entry["level"] == "WARNING"
    assert entry["logger"] == "briefbot.test" and entry["guild"] == 42 and entry["cached"] is False
    assert entry["time"].endswith("+00:00")


def test_a_human_line_on_a_terminal() -> None:
    out = Terminal()
    setup_logging(secret_settings(), stream=out)
    emit("briefing", guild=42)
    assert out.getvalue().rstrip().endswith("WARNING briefbot.test: briefing guild=42")


def test_secrets_are_redacted_from_message_args_exception_and_extras() -> None:
    out = io.StringIO()
    setup_logging(secret_settings(), stream=out)
    emit(f"token {TOKEN} in the message")
    emit("key %s in the args", KEY)
    emit("headers %r", {"Authorization": "Bearer abc.def-123456789"})
    emit("header line: Authorization: Bot MTIz.xyz.987654321abc")
    emit("bare value Bearer eyJhbGciOi.J9x-1234 here", note=f"extra {KEY}")
    try:
        raise RuntimeError(f"request failed with {TOKEN}")
    except RuntimeError as err:
        emit("failed", exc=err)
    text = out.getvalue()
    lines = [json.loads(line) for line in text.splitlines()]
    assert TOKEN not in text and KEY not in text
    assert "abc.def-123456789" not in text and "987654321abc" not in text and "J9x-1234" not in text
    assert lines[0]["message"] == f"token {REDACTED} in the message"
    assert lines[1]["message"] == f"key {REDACTED} in the args"
    assert lines[4]["message"] == f"bare value Bearer {REDACTED} here" and lines[4]["note"] == f"extra {REDACTED}"
    assert f"RuntimeError: request failed with {REDACTED}" in lines[5]["exception"]


def test_plain_words_after_bot_or_bearer_are_left_alone() -> None:
    redact = Redactor()
    assert redact("Bot briefbot is online; Bearer tokens expire") == "Bot briefbot is online; Bearer tokens expire"


def test_setting_up_twice_keeps_one_handler_and_replaces_basic_config() -> None:
    root = logging.getLogger()
    plain = logging.StreamHandler(sys.stderr)
    root.addHandler(plain)
    others = [h for h in root.handlers if h is not plain]
    setup_logging(None, stream=io.StringIO())
    setup_logging(secret_settings(), stream=io.StringIO())
    assert plain not in root.handlers and len(ours()) == 1
    assert all(h in root.handlers for h in others)  # pytest's and the secret watch stay
    assert logging.getLogger("briefbot").getEffectiveLevel() <= logging.INFO


async def test_one_structured_line_per_briefing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="briefbot.service")
    async with FakeOpenAI([ok(reply_json(good_reply()), 1000, 200)]) as server:
        settings = make_settings(server.base_url, db_path=tmp_path / "b.db")
        engine = OpenAIEngine(settings, sleep=SleepLog())
        with Store.open(settings.db_path) as store:
            service = BriefingService(settings, store, engine)
            await service.brief_article(ARTICLE, guild_id=7)
            await service.brief_article(ARTICLE, guild_id=8)
        await engine.aclose()
    made, cached = [r for r in caplog.records if r.getMessage() == "briefing"]
    assert (made.guild, made.engine, made.model, made.tokens_in, made.tokens_out) == (7, "openai", "gpt-4o-mini", 1000, 200)
    assert made.attempts == 1 and made.cost_usd == pytest.approx(1000 * 0.15e-6 + 200 * 0.6e-6)
    assert made.cached is False and made.elapsed_ms >= 0 and made.content == ARTICLE.sha256[:12]
    assert (cached.guild, cached.cached, cached.tokens_in, cached.cost_usd) == (8, True, 0, 0.0)


def test_the_secret_watch_catches_a_leak() -> None:
    watch = SecretWatch()
    leaky = logging.getLogger("briefbot.test.isolated")
    leaky.propagate = False  # keeps this deliberate leak away from the session's own watch
    leaky.addHandler(watch)
    try:
        leaky.error("sent %s", known_secrets.OPENAI_API_KEY)
        leaky.error("nothing secret")
    finally:
        leaky.removeHandler(watch)
    assert watch.records == 2 and len(watch.leaks) == 1


def test_the_known_secrets_are_the_ones_the_fakes_use(tmp_path: Path) -> None:
    assert FakeDiscord().token == known_secrets.DISCORD_TOKEN
    key = make_settings("http://127.0.0.1:9/v1").openai_api_key
    assert key is not None and key.get_secret_value() == known_secrets.OPENAI_API_KEY
