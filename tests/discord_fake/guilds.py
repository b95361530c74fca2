"""More than one guild, and the command shapes admin tests need: subcommands and channel options.

The stand-in's `World` is its first guild. `join_guild` adds another guild sharing the same
application, bot and people, announced with GUILD_CREATE as Discord does when a bot is added.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from . import interactions as ix
from .payloads import VIEW_AND_SEND, World, snowflake

if TYPE_CHECKING:
    from .exchanges import Exchange
    from .server import FakeDiscord

T = TypeVar("T")
MANAGE_GUILD = 1 << 5
SUBCOMMAND, CHANNEL_OPTION = 1, 7


async def join_guild(fake: FakeDiscord) -> World:
    """A second guild with its own text channel; the bot learns of it by GUILD_CREATE."""
    first = fake.world
    other = World(application_id=first.application_id, bot_user=first.bot_user, people=first.people)
    fake.channels[other.channel_id] = other.text_channel()
    await fake.dispatch("GUILD_CREATE", other.guild_create())
    return other


def add_channel(fake: FakeDiscord, world: World, name: str) -> dict[str, Any]:
    """Another text channel in `world`'s guild (tests then mention it in a command)."""
    channel = {**world.text_channel(), "id": str(snowflake()), "name": name, "position": 1}
    fake.channels[int(channel["id"])] = channel
    return channel


def _option(name: str, value: Any) -> dict[str, Any]:
    if isinstance(value, dict):  # a channel payload
        return {"name": name, "type": CHANNEL_OPTION, "value": value["id"]}
    return {"name": name, "type": ix.OPTION_TYPES[type(value)], "value": value}


async def subcommand(
    fake: FakeDiscord,
    user_id: int,
    path: str,
    *,
    world: World | None = None,
    admin: bool = False,
    **options: Any,
) -> Exchange:
    """Runs `/group sub` (path "group sub") in `world`'s guild; channel options take a channel dict.

    `admin` gives the member Manage Server; the default member may only view and send.
    """
    world = world or fake.world
    group, sub = path.split()
    command = fake.commands[(group, 1)]
    head = ix.base(world, 2, user_id, fake.channels[world.channel_id], moderator=False)
    perms = VIEW_AND_SEND | (MANAGE_GUILD if admin else 0)
    head["member"]["permissions"] = str(perms)
    opts = [_option(k, v) for k, v in options.items()]
    channels = {v["id"]: {**v, "permissions": str(VIEW_AND_SEND)}
                for v in options.values() if isinstance(v, dict)}
    data: dict[str, Any] = {"id": command["id"], "name": group, "type": 1,
                            "options": [{"name": sub, "type": SUBCOMMAND, "options": opts}]}
    if channels:
        data["resolved"] = {"channels": channels}
    if command.get("guild_id"):
        data["guild_id"] = command["guild_id"]
    return await fake.interact({**head, "data": data})


async def eventually(check: Callable[[], T | None], timeout: float = 5.0) -> T:
    """Polls `check` until it is truthy: for bot-side state no stand-in route announces."""
    async with asyncio.timeout(timeout):
        while not (found := check()):
            await asyncio.sleep(0.01)
    return found
