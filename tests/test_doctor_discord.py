"""The doctor's Discord check against a small local Discord REST stand-in (users, channels, guilds,
members): login, a refused token, and the permissions computed for each configured channel.

The shared stand-in in tests/discord_fake has no guild or member routes, so this one serves them.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import discord
import pytest
from aiohttp import web
from discord.http import Route
from known_secrets import SHAPED_DISCORD_TOKEN

from bot.core.settings import Settings
from bot.core.store import Store
from bot.discord.doctor_checks import channel_permission_checks, channel_permissions

GUILD, BOT, MOD_ROLE = 111, 222, 333
OPEN, LOCKED, HIDDEN = 401, 402, 403
P = discord.Permissions
EVERYONE = P(view_channel=True, send_messages=True, embed_links=True, read_message_history=True)


def channel(cid: int, overwrites: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": str(cid), "type": 0, "guild_id": str(GUILD), "name": f"c{cid}",
            "permission_overwrites": overwrites}


CHANNELS = {
    OPEN: channel(OPEN, []),
    # @everyone may not send; the bot's role may not embed.
    LOCKED: channel(LOCKED, [
        {"id": str(GUILD), "type": 0, "allow": "0", "deny": str(P(send_messages=True).value)},
        {"id": str(MOD_ROLE), "type": 0, "allow": "0", "deny": str(P(embed_links=True).value)},
    ]),
}


def guild_payload(bot_role_perms: P) -> dict[str, Any]:
    return {"id": str(GUILD), "name": "g", "owner_id": "1", "roles": [
        {"id": str(GUILD), "name": "@everyone", "permissions": str(EVERYONE.value), "position": 0},
        {"id": str(MOD_ROLE), "name": "bots", "permissions": str(bot_role_perms.value), "position": 1},
    ]}


def api_json(data: dict[str, Any], status: int = 200) -> web.Response:
    # discord.py parses a body as JSON only when the content type is exactly application/json.
    return web.Response(body=json.dumps(data).encode(), status=status, content_type="application/json")


def _authorised(request: web.Request) -> None:
    if request.headers.get("Authorization") != f"Bot {SHAPED_DISCORD_TOKEN}":
        raise web.HTTPUnauthorized(text='{"message": "401: Unauthorized", "code": 0}',
                                   content_type="application/json")


async def _me(request: web.Request) -> web.Response:
    _authorised(request)
    return api_json({"id": str(BOT), "username": "briefbot", "discriminator": "0", "avatar": None})


async def _channel(request: web.Request) -> web.Response:
    _authorised(request)
    cid = int(request.match_info["cid"])
    if cid == HIDDEN:
        return api_json({"message": "Missing Access", "code": 50001}, status=403)
    if cid not in CHANNELS:
        return api_json({"message": "Unknown Channel", "code": 10003}, status=404)
    return api_json(CHANNELS[cid])


async def _guild(request: web.Request) -> web.Response:
    _authorised(request)
    return api_json(guild_payload(P(create_public_threads=True, send_messages_in_threads=True)))


async def _member(request: web.Request) -> web.Response:
    _authorised(request)
    return api_json({"roles": [str(MOD_ROLE)], "user": {"id": request.match_info["uid"]}})


@pytest.fixture
async def discord_api(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_get("/api/v10/users/@me", _me)
    app.router.add_get("/api/v10/channels/{cid}", _channel)
    app.router.add_get("/api/v10/guilds/{gid}", _guild)
    app.router.add_get("/api/v10/guilds/{gid}/members/{uid}", _member)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    base = f"http://127.0.0.1:{runner.addresses[0][1]}/api/v10"
    monkeypatch.setattr(Route, "BASE", base)
    yield base
    await runner.cleanup()


def configure(tmp_path: Path, *, digest: int | None = None, watched: tuple[int, ...] = ()) -> Settings:
    s = Settings(_env_file=None, db_path=tmp_path / "b.db", discord_token=SHAPED_DISCORD_TOKEN)  # type: ignore[call-arg]
    now = datetime.now(UTC).isoformat()
    with Store.open(s.db_path) as store, store.writing("configure channels") as conn:
        if digest is not None:
            conn.execute("INSERT INTO digest_schedules VALUES (?, ?, '08:00', 'UTC', ?)", (GUILD, digest, now))
        for cid in watched:
            conn.execute("INSERT INTO watched_channels (guild_id, channel_id, created_at) VALUES (?, ?, ?)",
                         (GUILD, cid, now))
    return s


async def test_no_configured_channel_still_checks_the_login(tmp_path: Path, discord_api: str) -> None:
    checks = await channel_permission_checks(configure(tmp_path))
    assert [(c.name, c.ok) for c in checks] == [("discord login", True), ("discord channels", True)]
    assert "briefbot (222)" in checks[0].detail


async def test_a_refused_token_fails_the_login(tmp_path: Path, discord_api: str) -> None:
    s = Settings(_env_file=None, db_path=tmp_path / "b.db", discord_token="MTIz.abc.def")  # type: ignore[call-arg]
    checks = await channel_permission_checks(s)
    assert [(c.name, c.ok) for c in checks] == [("discord login", False)]
    assert "refused the token" in checks[0].detail


async def test_each_configured_channel_reports_what_the_bot_lacks(tmp_path: Path, discord_api: str) -> None:
    s = configure(tmp_path, digest=OPEN, watched=(LOCKED, HIDDEN, 404))
    checks = {c.name: c for c in await channel_permission_checks(s)}
    assert checks["discord digest #401"].ok
    assert checks["discord watch #402"].detail == "missing permission(s): send messages, embed links"
    assert "cannot see this channel" in checks["discord watch #403"].detail
    assert "not found" in checks["discord watch #404"].detail
    assert not any(c.ok for name, c in checks.items() if name.startswith("discord watch"))


def test_owner_and_administrator_have_every_permission() -> None:
    guild = guild_payload(P(administrator=True))
    member = {"roles": [str(MOD_ROLE)]}
    assert channel_permissions(guild, member, CHANNELS[LOCKED], BOT) == P.all()
    owned = {**guild_payload(P.none()), "owner_id": str(BOT)}
    assert channel_permissions(owned, {"roles": []}, CHANNELS[LOCKED], BOT) == P.all()


def test_a_member_overwrite_beats_role_overwrites() -> None:
    mine = {"id": str(BOT), "type": 1, "allow": str(P(send_messages=True, embed_links=True).value), "deny": "0"}
    ch = {**CHANNELS[LOCKED], "permission_overwrites": [*CHANNELS[LOCKED]["permission_overwrites"], mine]}
    perms = channel_permissions(guild_payload(P.none()), {"roles": [str(MOD_ROLE)]}, ch, BOT)
    assert perms.send_messages and perms.embed_links and perms.view_channel
