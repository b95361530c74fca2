"""Reading messages back (channel history, one message) and reactions on them.

The digest scheduler reads a channel's recent messages to reconcile after a restart; watched
channels fetch a message to count its reactions. Registered ahead of rest.py's catch-all route.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from .exchanges import EPHEMERAL, LOADING
from .gateway import FAKE
from .rest import reply

if TYPE_CHECKING:
    from .server import FakeDiscord

GUILD_MESSAGE_REACTIONS = 1 << 10
history_routes = web.RouteTableDef()


def _fake(request: web.Request) -> FakeDiscord:
    return request.app[FAKE]


def _authorised(request: web.Request) -> bool:
    return request.headers.get("Authorization") == f"Bot {_fake(request).token}"


def _error(status: int, code: int, text: str) -> web.Response:
    return reply({"code": code, "message": text}, status)


def visible(msg: dict[str, Any]) -> bool:
    """Ephemeral and still-loading messages are not part of a channel's history."""
    return not msg["flags"] & (EPHEMERAL | LOADING)


@history_routes.get("/api/v10/channels/{cid}/messages")
async def channel_history(request: web.Request) -> web.Response:
    """Newest first, `limit` (1-100, default 50), optionally `before`/`after` a message id."""
    fake = _fake(request)
    cid = int(request.match_info["cid"])
    if not _authorised(request):
        return _error(401, 0, "401: Unauthorized")
    if cid not in fake.channels:
        return _error(404, 10003, "Unknown Channel")
    limit = int(request.query.get("limit", "50"))
    if not 1 <= limit <= 100:
        fake.violations.append(f"history limit {limit}")
        return _error(400, 50035, "Invalid Form Body")
    before, after = request.query.get("before"), request.query.get("after")
    found = [m for m in fake.messages.values() if int(m["channel_id"]) == cid and visible(m)]
    if before:
        found = [m for m in found if int(m["id"]) < int(before)]
    if after:
        found = [m for m in found if int(m["id"]) > int(after)]
    found.sort(key=lambda m: int(m["id"]), reverse=True)
    return reply(found[:limit])


@history_routes.get("/api/v10/channels/{cid}/messages/{mid}")
async def one_message(request: web.Request) -> web.Response:
    """A message by id, with its reactions and thread."""
    fake = _fake(request)
    if not _authorised(request):
        return _error(401, 0, "401: Unauthorized")
    msg = fake.messages.get(int(request.match_info["mid"]))
    if msg is None or msg["channel_id"] != request.match_info["cid"] or not visible(msg):
        return _error(404, 10008, "Unknown Message")
    return reply(msg)


async def react(fake: FakeDiscord, user_id: int, msg: dict[str, Any], emoji: str) -> None:
    """A person adds a (unicode) reaction: the message's count goes up, MESSAGE_REACTION_ADD goes out."""
    stored = fake.messages[int(msg["id"])]
    reactions: list[dict[str, Any]] = stored.setdefault("reactions", [])
    entry = next((r for r in reactions if r["emoji"]["name"] == emoji), None)
    if entry is None:
        entry = {"count": 0, "me": False, "me_burst": False, "burst_count": 0,
                 "count_details": {"burst": 0, "normal": 0}, "burst_colors": [],
                 "emoji": {"id": None, "name": emoji}}
        reactions.append(entry)
    entry["count"] += 1
    entry["count_details"]["normal"] += 1
    person = fake.world.people[user_id]
    event = {
        "user_id": str(user_id), "channel_id": stored["channel_id"], "message_id": stored["id"],
        "guild_id": stored.get("guild_id"), "emoji": {"id": None, "name": emoji},
        "message_author_id": stored["author"]["id"], "burst": False, "type": 0,
        "member": {"user": person, "roles": [], "joined_at": stored["timestamp"], "deaf": False,
                   "mute": False, "flags": 0},
    }
    for session in list(fake.sessions):
        if session.intents & GUILD_MESSAGE_REACTIONS:
            await session.dispatch("MESSAGE_REACTION_ADD", event)
