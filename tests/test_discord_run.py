"""`briefbot run` (run_bot): settings in, a logged-in bot out, and clear errors for a bad token."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route
from discord_fake import FakeDiscord
from yarl import URL

from bot.core.errors import ConfigError
from bot.core.settings import Settings
from bot.discord.app import run_bot


@pytest.fixture()
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    monkeypatch.setattr(Route, "BASE", server.api_base)
    monkeypatch.setattr(DiscordWebSocket, "DEFAULT_GATEWAY", URL(server.gateway_url))
    yield server
    await server.close()


def settings(tmp_path: Path, **values: object) -> Settings:
    # The openai engine needs no worker processes, so start-up stays fast; it is never called here.
    base = {"db_path": tmp_path / "b.db", "engine": "openai",
            "openai_base_url": "http://127.0.0.1:9/v1", "openai_api_key": "unused"}
    return Settings(_env_file=None, **{**base, **values})  # type: ignore[arg-type]


async def test_a_missing_token_says_how_to_set_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="set DISCORD_TOKEN"):
        await run_bot(settings(tmp_path, discord_token=" "))


async def test_a_refused_token_is_a_config_error(tmp_path: Path, fake: FakeDiscord) -> None:
    with pytest.raises(ConfigError, match="Discord refused the bot token"):
        await run_bot(settings(tmp_path, discord_token="not-the-token"))


async def test_run_logs_in_syncs_to_the_dev_guild_and_stops_cleanly(
    tmp_path: Path, fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="briefbot.discord")
    values = {"discord_token": fake.token, "dev_guild": fake.world.guild_id}
    task = asyncio.create_task(run_bot(settings(tmp_path, **values)))
    async with asyncio.timeout(15):
        while "online" not in caplog.text:  # on_ready comes after guild_ready_timeout (2 s)
            await asyncio.sleep(0.05)
    assert fake.syncs == [str(fake.world.guild_id)]
    assert ("brief", 1) in fake.commands and ("Brief this", 3) in fake.commands
    assert f"4 commands synced to server {fake.world.guild_id}" in caplog.text  # /watch is off
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert not fake.unknown and (tmp_path / "b.db").exists()


def test_message_content_is_asked_for_only_when_watched_channels_are_on(tmp_path: Path) -> None:
    from bot.discord.app import bot_intents

    off = bot_intents(settings(tmp_path))
    on = bot_intents(settings(tmp_path, watch_channels=True))
    assert not off.message_content and not off.guild_reactions and off.guilds
    assert on.message_content and on.guild_reactions
