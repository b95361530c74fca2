"""JSON shapes Discord sends: users, the guild, channels, threads, messages and interactions."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1_420_070_400_000
_counter = itertools.count()

# Permission bits the stand-in's roles carry (see Discord's permission table).
VIEW_AND_SEND = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16) | (1 << 35) | (1 << 38)
MANAGE_MESSAGES = 1 << 13


def snowflake() -> int:
    """A new, increasing Discord id whose timestamp is now."""
    ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return (ms << 22) | (next(_counter) & 0x3FFFFF)


def now_iso() -> str:
    """A timestamp the way Discord writes them."""
    return datetime.now(UTC).isoformat()


def user(user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    """A user object."""
    return {
        "id": str(user_id),
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": None,
        "bot": bot,
    }


def member(user_obj: dict[str, Any], roles: list[int], permissions: int = 0) -> dict[str, Any]:
    """A guild member object; `permissions` is only present in interactions."""
    return {
        "user": user_obj,
        "roles": [str(r) for r in roles],
        "joined_at": now_iso(),
        "deaf": False,
        "mute": False,
        "flags": 0,
        "permissions": str(permissions),
    }


@dataclass
class World:
    """The one guild the stand-in hosts: ids for its application, bot, people and channel."""

    application_id: int = field(default_factory=snowflake)
    guild_id: int = field(default_factory=snowflake)
    channel_id: int = field(default_factory=snowflake)
    moderator_role_id: int = field(default_factory=snowflake)
    bot_user: dict[str, Any] = field(default_factory=lambda: user(snowflake(), "Briefbot", bot=True))
    people: dict[int, dict[str, Any]] = field(default_factory=dict)

    @property
    def bot_id(self) -> int:
        """The bot user's id (equal to the application id on real Discord; kept distinct here)."""
        return int(self.bot_user["id"])

    def person(self, name: str) -> int:
        """Adds a human user to the guild and returns their id."""
        uid = snowflake()
        self.people[uid] = user(uid, name)
        return uid

    def text_channel(self) -> dict[str, Any]:
        """The guild's one text channel."""
        return {
            "id": str(self.channel_id),
            "type": 0,
            "guild_id": str(self.guild_id),
            "name": "osint",
            "position": 0,
            "permission_overwrites": [],
            "parent_id": None,
            "nsfw": False,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
        }

    def roles(self) -> list[dict[str, Any]]:
        """@everyone (can talk) and a moderator role (can manage messages)."""
        base = {"color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}
        return [
            {**base, "id": str(self.guild_id), "name": "@everyone", "position": 0,
             "permissions": str(VIEW_AND_SEND)},
            {**base, "id": str(self.moderator_role_id), "name": "mods", "position": 1,
             "permissions": str(VIEW_AND_SEND | MANAGE_MESSAGES)},
        ]

    def guild_create(self) -> dict[str, Any]:
        """GUILD_CREATE with member_count == len(members), so no chunk request follows."""
        members = [member(self.bot_user, [])] + [member(u, []) for u in self.people.values()]
        return {
            "id": str(self.guild_id),
            "name": "Analysts",
            "icon": None,
            "owner_id": next(iter(self.people), self.bot_id),
            "roles": self.roles(),
            "channels": [self.text_channel()],
            "threads": [],
            "members": members,
            "member_count": len(members),
            "unavailable": False,
            "large": False,
            "features": [],
            "emojis": [],
            "stickers": [],
            "voice_states": [],
            "presences": [],
            "joined_at": now_iso(),
            "premium_tier": 0,
            "preferred_locale": "en-US",
        }


def message(
    channel_id: int, author: dict[str, Any], body: dict[str, Any], guild_id: int | None = None
) -> dict[str, Any]:
    """A message object built from a create/edit body (content, embeds, components, flags)."""
    msg: dict[str, Any] = {
        "id": str(snowflake()),
        "channel_id": str(channel_id),
        "author": author,
        "content": body.get("content") or "",
        "timestamp": now_iso(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": body.get("attachments") or [],
        "embeds": body.get("embeds") or [],
        "components": body.get("components") or [],
        "pinned": False,
        "type": 0,
        "flags": body.get("flags") or 0,
    }
    if guild_id is not None:
        msg["guild_id"] = str(guild_id)
    return msg


def thread(channel: dict[str, Any], starter_id: int, name: str, owner_id: int) -> dict[str, Any]:
    """A public thread started from a message: Discord gives it the starter message's id."""
    return {
        "id": str(starter_id),
        "type": 11,
        "guild_id": channel["guild_id"],
        "parent_id": channel["id"],
        "owner_id": str(owner_id),
        "name": name,
        "message_count": 0,
        "member_count": 1,
        "rate_limit_per_user": 0,
        "flags": 0,
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": 1440,
            "archive_timestamp": now_iso(),
            "locked": False,
        },
    }
