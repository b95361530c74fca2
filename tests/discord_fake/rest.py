"""REST routes under /api/v10 that the bot calls; anything else is recorded as unknown."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .exchanges import EPHEMERAL, LOADING, Exchange
from .gateway import FAKE
from .limits import body_problems
from .payloads import message, snowflake, thread

if TYPE_CHECKING:
    from .server import FakeDiscord

routes = web.RouteTableDef()


def fake_of(request: web.Request) -> FakeDiscord:
    """The stand-in that owns this request."""
    return request.app[FAKE]


def reply(data: Any, status: int = 200) -> web.Response:
    """JSON with the exact content type discord.py checks for."""
    return web.Response(status=status, body=json.dumps(data).encode(), content_type="application/json")


def error(status: int, code: int, text: str) -> web.Response:
    """A Discord-shaped error body."""
    return reply({"code": code, "message": text}, status)


async def read_body(request: web.Request) -> dict[str, Any]:
    """JSON bodies, or multipart with payload_json when files are attached."""
    if request.content_type.startswith("multipart/"):
        form = await request.post()
        body = json.loads(str(form.get("payload_json") or "{}"))
        uploads = [v for k, v in form.items() if k.startswith("files[") and isinstance(v, web.FileField)]
        if uploads:
            # Discord answers with attachment objects whose URLs serve the uploaded bytes.
            fake = fake_of(request)
            body["attachments"] = [fake.add_file(f.filename, f.file.read(), f.content_type)
                                   for f in uploads]
        return body
    if not request.can_read_body:
        return {}
    return await request.json()


def bot_only(request: web.Request) -> web.Response | None:
    """Bot routes need `Authorization: Bot <token>`; interaction routes carry none."""
    if request.headers.get("Authorization") != f"Bot {fake_of(request).token}":
        return error(401, 0, "401: Unauthorized")
    return None


def checked(fake: FakeDiscord, route: str, body: dict[str, Any]) -> web.Response | None:
    """Records a message body and refuses it (like Discord) if it breaks a limit."""
    fake.bodies.append((route, body))
    problems = body_problems(body)
    if problems:
        fake.violations.append(f"{route}: {problems}")
        return error(400, 50035, "Invalid Form Body")
    return None


@routes.get("/api/v10/users/@me")
async def users_me(request: web.Request) -> web.Response:
    """The bot's own user, fetched at login."""
    return bot_only(request) or reply(fake_of(request).world.bot_user)


@routes.get("/api/v10/oauth2/applications/@me")
async def application_me(request: web.Request) -> web.Response:
    """Application info: discord.py reads the application id from here."""
    world = fake_of(request).world
    return bot_only(request) or reply({
        "id": str(world.application_id), "name": "Briefbot", "description": "", "icon": None,
        "bot_public": True, "bot_require_code_grant": False, "owner": world.bot_user,
        "verify_key": "0" * 64, "flags": 0, "team": None, "summary": "",
    })


@routes.put("/api/v10/applications/{app}/commands")
@routes.put("/api/v10/applications/{app}/guilds/{guild}/commands")
async def sync_commands(request: web.Request) -> web.Response:
    """Bulk overwrite: answers each command with an id, like Discord."""
    fake = fake_of(request)
    denied = bot_only(request)
    if denied:
        return denied
    guild = request.match_info.get("guild")
    answered = []
    for cmd in await read_body(request):
        full = {**cmd, "id": str(snowflake()), "application_id": request.match_info["app"],
                "description": cmd.get("description", ""), "version": str(snowflake())}
        if guild:
            full["guild_id"] = guild
        fake.commands[(cmd["name"], cmd.get("type", 1))] = full
        answered.append(full)
    fake.syncs.append(guild)
    fake.notify()
    return reply(answered)


@routes.post("/api/v10/interactions/{iid}/{token}/callback")
async def callback(request: web.Request) -> web.Response:
    """The first answer to an interaction (message, defer, update or modal)."""
    fake = fake_of(request)
    ex = fake.exchanges.get(request.match_info["token"])
    if ex is None:
        return error(404, 10062, "Unknown interaction")
    if ex.callback_type is not None:
        fake.violations.append("interaction acknowledged twice")
        return error(400, 40060, "Interaction has already been acknowledged.")
    body = await read_body(request)
    kind, data = body["type"], body.get("data") or {}
    ex.callback_type, ex.callback_data, ex.callback_at = kind, data, time.perf_counter()
    resource: dict[str, Any] = {"type": kind}
    if kind in (4, 5):
        denied = checked(fake, "callback", data) if kind == 4 else None
        if denied:
            return denied
        flags = (data.get("flags") or 0) | (LOADING if kind == 5 else 0)
        ex.original = fake.interaction_message(ex, {**data, "flags": flags})
        resource["message"] = ex.original
    elif kind == 7:
        denied = checked(fake, "callback", data)
        if denied:
            return denied
        ex.original = fake.edit_message(int(ex.payload["message"]["id"]), data)
    elif kind == 6:
        ex.original = fake.messages.get(int(ex.payload["message"]["id"]))
    fake.notify()
    original = ex.original or {}
    return reply({
        "interaction": {
            "id": ex.payload["id"], "type": ex.payload["type"],
            "response_message_id": original.get("id"),
            "response_message_loading": kind == 5,
            "response_message_ephemeral": bool((original.get("flags") or 0) & EPHEMERAL),
        },
        "resource": resource,
    })


def exchange_of(request: web.Request) -> Exchange | None:
    """The interaction a webhook token belongs to."""
    return fake_of(request).exchanges.get(request.match_info["token"])


@routes.post("/api/v10/webhooks/{app}/{token}")
async def followup(request: web.Request) -> web.Response:
    """A follow-up; right after a defer it edits the loading message instead (Discord's rule)."""
    fake, ex = fake_of(request), exchange_of(request)
    if ex is None:
        return error(404, 10015, "Unknown Webhook")
    body = await read_body(request)
    denied = checked(fake, "followup", body)
    if denied:
        return denied
    if ex.loading and ex.original is not None:
        msg = fake.edit_message(int(ex.original["id"]), body)
    else:
        msg = fake.interaction_message(ex, body)
        ex.followups.append(msg)
    ex.note_message(msg)
    fake.notify()
    return reply(msg)


@routes.patch("/api/v10/webhooks/{app}/{token}/messages/{mid}")
async def edit_webhook_message(request: web.Request) -> web.Response:
    """Edits the original response (@original) or a follow-up."""
    fake, ex = fake_of(request), exchange_of(request)
    if ex is None or ex.original is None or ex.original_deleted:
        return error(404, 10008, "Unknown Message")
    body = await read_body(request)
    denied = checked(fake, "edit", body)
    if denied:
        return denied
    mid = request.match_info["mid"]
    target = int(ex.original["id"]) if mid == "@original" else int(mid)
    msg = fake.edit_message(target, body)
    if mid == "@original":
        ex.original = msg
    ex.contents.append(msg["content"])
    ex.note_message(msg)
    fake.notify()
    return reply(msg)


@routes.delete("/api/v10/webhooks/{app}/{token}/messages/{mid}")
async def delete_webhook_message(request: web.Request) -> web.Response:
    """Deletes the original response."""
    ex = exchange_of(request)
    if ex is None or request.match_info["mid"] != "@original" or ex.original is None:
        return error(404, 10008, "Unknown Message")
    ex.original_deleted = True
    fake_of(request).notify()
    return web.Response(status=204)


@routes.post("/api/v10/channels/{cid}/messages")
async def channel_message(request: web.Request) -> web.Response:
    """A plain bot message in a channel or thread."""
    fake = fake_of(request)
    denied = bot_only(request)
    channel = fake.channels.get(int(request.match_info["cid"]))
    if denied or channel is None:
        return denied or error(404, 10003, "Unknown Channel")
    body = await read_body(request)
    denied = checked(fake, "channel", body)
    if denied:
        return denied
    msg = message(int(channel["id"]), fake.world.bot_user, body, int(channel["guild_id"]))
    if body.get("message_reference"):
        ref = {k: str(v) if k.endswith("_id") else v for k, v in body["message_reference"].items()}
        msg.update(type=19, message_reference=ref)  # Discord answers ids as strings
    msg = fake.store_message(msg)
    fake.notify()
    return reply(msg)


@routes.post("/api/v10/channels/{cid}/messages/{mid}/threads")
async def start_thread(request: web.Request) -> web.Response:
    """A public thread on a message; its id is the message's id, and only one per message."""
    fake = fake_of(request)
    denied = bot_only(request)
    channel = fake.channels.get(int(request.match_info["cid"]))
    starter = fake.messages.get(int(request.match_info["mid"]))
    if denied or channel is None or starter is None:
        return denied or error(404, 10008, "Unknown Message")
    if fake.refuse_threads is not None:
        status, code = fake.refuse_threads
        return error(status, code, "Refused by the test")
    if int(starter["id"]) in fake.channels:
        return error(400, 160004, "A thread has already been created for this message")
    body = await read_body(request)
    if not 1 <= len(body.get("name") or "") <= 100:
        fake.violations.append(f"thread name length {len(body.get('name') or '')}")
        return error(400, 50035, "Invalid Form Body")
    created = thread(channel, int(starter["id"]), body["name"], fake.world.bot_id)
    fake.channels[int(created["id"])] = created
    starter["thread"] = created
    await fake.dispatch("THREAD_CREATE", {**created, "newly_created": True})
    fake.notify()
    return reply(created, 201)


@routes.get("/api/v10/channels/{cid}")
async def get_channel(request: web.Request) -> web.Response:
    """A channel or thread by id."""
    channel = fake_of(request).channels.get(int(request.match_info["cid"]))
    return bot_only(request) or (reply(channel) if channel else error(404, 10003, "Unknown Channel"))


@routes.get("/attachments/{aid}/{filename}")
async def attachment(request: web.Request) -> web.Response:
    """The CDN: serves files users 'uploaded' in tests."""
    found = fake_of(request).files.get(request.match_info["aid"])
    if found is None:
        return error(404, 0, "Not found")
    return web.Response(body=found[0], content_type=found[1])


@routes.route("*", "/{tail:.*}")
async def unknown(request: web.Request) -> web.Response:
    """Any route the stand-in does not know fails the test that called it."""
    fake_of(request).unknown.append(f"{request.method} {request.path}")
    return error(404, 0, "404: Not Found (unknown to the stand-in)")
