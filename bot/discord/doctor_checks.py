"""The doctor's Discord check: log in over REST (no gateway) and compute the bot's permissions in
every channel the database configures (digest channels, watched channels).

Pass `channel_permission_checks` to `bot.core.doctor.run_checks(discord_check=...)`.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
from discord.http import HTTPClient

from bot.core.checks import Check
from bot.core.settings import Settings

# What the bot does in each kind of channel, and the permissions that takes.
DIGEST_NEEDS = discord.Permissions(view_channel=True, send_messages=True, embed_links=True)
WATCH_NEEDS = discord.Permissions(
    view_channel=True, read_message_history=True, send_messages=True, embed_links=True,
    create_public_threads=True, send_messages_in_threads=True,
)
_TABLES = {"digest_schedules": "digest", "watched_channels": "watch"}


@dataclass(frozen=True)
class ConfiguredChannel:
    """A channel the bot is set up to post in, and what for."""

    guild_id: int
    channel_id: int
    use: str  # "digest" or "watch"


def configured_channels(db_path: Path) -> list[ConfiguredChannel]:
    """Digest and watched channels recorded in the database (none if it or the tables are absent)."""
    path = Path(db_path).expanduser()
    if not path.exists():
        return []
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        found = []
        for table, use in _TABLES.items():
            if table in present:
                rows = conn.execute(f"SELECT guild_id, channel_id FROM {table} ORDER BY 1, 2")
                found += [ConfiguredChannel(int(g), int(c), use) for g, c in rows]
        return found
    finally:
        conn.close()


def _overwrite(perms: int, ow: dict[str, Any] | None) -> int:
    if ow is None:
        return perms
    return (perms & ~int(ow.get("deny", 0))) | int(ow.get("allow", 0))


def channel_permissions(
    guild: dict[str, Any], member: dict[str, Any], channel: dict[str, Any], user_id: int
) -> discord.Permissions:
    """Discord's permission algorithm: base role permissions, then @everyone, role, member overwrites."""
    if int(guild["owner_id"]) == user_id:
        return discord.Permissions.all()
    guild_id = int(guild["id"])
    roles = {int(r["id"]): int(r["permissions"]) for r in guild.get("roles", [])}
    member_roles = [int(r) for r in member.get("roles", [])]
    base = roles.get(guild_id, 0)
    for role_id in member_roles:
        base |= roles.get(role_id, 0)
    if discord.Permissions(base).administrator:
        return discord.Permissions.all()
    overwrites = {int(o["id"]): o for o in channel.get("permission_overwrites", [])}
    perms = _overwrite(base, overwrites.get(guild_id))
    role_ows = [overwrites[r] for r in member_roles if r in overwrites]
    deny = sum_bits(int(o.get("deny", 0)) for o in role_ows)
    allow = sum_bits(int(o.get("allow", 0)) for o in role_ows)
    perms = (perms & ~deny) | allow
    return discord.Permissions(_overwrite(perms, overwrites.get(user_id)))


def sum_bits(values: Iterable[int]) -> int:
    """The bitwise OR of permission values."""
    out = 0
    for value in values:
        out |= value
    return out


def _missing(have: discord.Permissions, need: discord.Permissions) -> list[str]:
    return [name.replace("_", " ") for name, wanted in need if wanted and not getattr(have, name)]


async def _check_channel(http: HTTPClient, ch: ConfiguredChannel, user_id: int) -> Check:
    name = f"discord {ch.use} #{ch.channel_id}"
    try:
        channel = await http.get_channel(ch.channel_id)
        guild = await http.get_guild(ch.guild_id, with_counts=False)
        member = await http.get_member(ch.guild_id, user_id)
    except discord.NotFound:
        return Check(name, False, "channel or server not found: was it deleted, or the bot removed?")
    except discord.Forbidden:
        return Check(name, False, "the bot cannot see this channel (Missing Access)")
    need = DIGEST_NEEDS if ch.use == "digest" else WATCH_NEEDS
    missing = _missing(channel_permissions(guild, member, channel, user_id), need)
    if missing:
        return Check(name, False, f"missing permission(s): {', '.join(missing)}")
    return Check(name, True, f"can {'post digests' if ch.use == 'digest' else 'read and reply'}")


async def channel_permission_checks(settings: Settings) -> list[Check]:
    """Log in with the token and check the bot's permissions in each configured channel."""
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    channels = await asyncio.to_thread(configured_channels, settings.db_path)
    http = HTTPClient(asyncio.get_running_loop())
    try:
        try:
            me = await http.static_login(token)
        except discord.LoginFailure:
            return [Check("discord login", False, "Discord refused the token: copy it again")]
        except (discord.HTTPException, OSError) as err:
            return [Check("discord login", False, f"cannot reach Discord ({type(err).__name__})")]
        user_id = int(me["id"])
        login = Check("discord login", True, f"logged in as {me.get('username')} ({user_id})")
        if not channels:
            return [login, Check("discord channels", True, "none configured yet (digests, watches)")]
        return [login, *[await _check_channel(http, ch, user_id) for ch in channels]]
    finally:
        await http.close()
