"""INTERACTION_CREATE payloads: slash commands, context menus, buttons and modal submits."""

from __future__ import annotations

import secrets
from typing import Any

from .payloads import MANAGE_MESSAGES, VIEW_AND_SEND, World, member, snowflake

OPTION_TYPES = {str: 3, int: 4, bool: 5}
ATTACHMENT_OPTION = 11


def base(world: World, kind: int, user_id: int, channel: dict[str, Any], *, moderator: bool) -> dict[str, Any]:
    """The fields every guild interaction carries."""
    roles = [world.moderator_role_id] if moderator else []
    perms = VIEW_AND_SEND | (MANAGE_MESSAGES if moderator else 0)
    return {
        "id": str(snowflake()),
        "application_id": str(world.application_id),
        "type": kind,
        "token": secrets.token_urlsafe(24),
        "version": 1,
        "guild_id": str(world.guild_id),
        "channel_id": channel["id"],
        "channel": channel,
        "member": member(world.people[user_id], roles, perms),
        "app_permissions": str(VIEW_AND_SEND | (1 << 35)),
        "locale": "en-GB",
        "guild_locale": "en-US",
        "attachment_size_limit": 10 * 1024 * 1024,
        "authorizing_integration_owners": {"0": str(world.guild_id)},
        "context": 0,
        "entitlements": [],
    }


def slash(
    head: dict[str, Any],
    command: dict[str, Any],
    options: dict[str, Any],
    attachments: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A chat-input command; attachment options name an id in data.resolved.attachments."""
    opts: list[dict[str, Any]] = [
        {"name": k, "type": OPTION_TYPES[type(v)], "value": v} for k, v in options.items()
    ]
    resolved: dict[str, Any] = {}
    for name, att in (attachments or {}).items():
        opts.append({"name": name, "type": ATTACHMENT_OPTION, "value": att["id"]})
        resolved.setdefault("attachments", {})[att["id"]] = att
    data = {"id": command["id"], "name": command["name"], "type": 1, "options": opts}
    if resolved:
        data["resolved"] = resolved
    if command.get("guild_id"):
        data["guild_id"] = command["guild_id"]
    return {**head, "data": data}


def message_menu(head: dict[str, Any], command: dict[str, Any], target: dict[str, Any]) -> dict[str, Any]:
    """A message context-menu command; the target message arrives resolved."""
    data = {
        "id": command["id"],
        "name": command["name"],
        "type": 3,
        "target_id": target["id"],
        "resolved": {"messages": {target["id"]: target}},
    }
    if command.get("guild_id"):
        data["guild_id"] = command["guild_id"]
    return {**head, "data": data}


def button(head: dict[str, Any], msg: dict[str, Any], custom_id: str) -> dict[str, Any]:
    """A button press on a message the bot sent."""
    return {**head, "message": msg, "data": {"custom_id": custom_id, "component_type": 2}}


def modal_submit(head: dict[str, Any], modal: dict[str, Any], values: dict[str, str]) -> dict[str, Any]:
    """A modal submit mirroring the opened modal's layout (action rows or labels)."""
    def answer(comp: dict[str, Any]) -> dict[str, Any]:
        if comp["type"] == 1:
            return {"type": 1, "components": [answer(c) for c in comp["components"]]}
        if comp["type"] == 18:
            return {"type": 18, "component": answer(comp["component"])}
        return {"type": comp["type"], "custom_id": comp["custom_id"],
                "value": values.get(comp["custom_id"], "")}

    data = {"custom_id": modal["custom_id"], "components": [answer(c) for c in modal["components"]]}
    return {**head, "data": data}


def find_custom_ids(msg: dict[str, Any]) -> list[str]:
    """Every button custom_id on a message, in order."""
    found: list[str] = []
    for row in msg.get("components", []):
        for comp in row.get("components", []):
            if "custom_id" in comp:
                found.append(comp["custom_id"])
    return found
