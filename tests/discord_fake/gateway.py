"""The gateway websocket: HELLO, heartbeats and their ACKs, IDENTIFY -> READY + GUILD_CREATE, dispatch."""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

if TYPE_CHECKING:
    from .server import FakeDiscord

PRIVILEGED_INTENTS = {1 << 1: "GUILD_MEMBERS", 1 << 8: "GUILD_PRESENCES", 1 << 15: "MESSAGE_CONTENT"}
GUILD_MESSAGES = 1 << 9
FAKE: web.AppKey[Any] = web.AppKey("fake")


class GatewaySession:
    """One connected client: its sequence number, intents and the socket to dispatch on."""

    def __init__(self, fake: FakeDiscord, ws: web.WebSocketResponse) -> None:
        self.fake = fake
        self.ws = ws
        self.seq = 0
        self.intents = 0
        self.session_id = secrets.token_hex(16)
        self.lock = asyncio.Lock()

    async def send(self, payload: dict[str, Any]) -> None:
        """Text frames of plain JSON: discord.py only decompresses binary frames."""
        async with self.lock:
            if not self.ws.closed:
                await self.ws.send_str(json.dumps(payload))

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """An op 0 event with the next sequence number."""
        self.seq += 1
        await self.send({"op": 0, "t": event, "s": self.seq, "d": data})

    async def identify(self, data: dict[str, Any]) -> None:
        """Checks token and intents like Discord, then READY and the guild."""
        fake = self.fake
        if data.get("token") != fake.token:
            await self.ws.close(code=4004, message=b"Authentication failed.")
            return
        self.intents = int(data.get("intents", 0))
        refused = [n for bit, n in PRIVILEGED_INTENTS.items() if self.intents & bit and n not in fake.enabled_intents]
        if refused:
            fake.violations.append(f"privileged intents not enabled: {refused}")
            await self.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        world = fake.world
        await self.dispatch("READY", {
            "v": 10,
            "user": world.bot_user,
            "guilds": [{"id": str(world.guild_id), "unavailable": True}],
            "session_id": self.session_id,
            "resume_gateway_url": fake.gateway_url,
            "application": {"id": str(world.application_id), "flags": 0},
        })
        await self.dispatch("GUILD_CREATE", world.guild_create())
        fake.sessions.append(self)


async def gateway_handler(request: web.Request) -> web.WebSocketResponse:
    """Speaks the gateway protocol to one client until it disconnects."""
    fake: FakeDiscord = request.app[FAKE]
    ws = web.WebSocketResponse(max_msg_size=0)
    await ws.prepare(request)
    session = GatewaySession(fake, ws)
    await session.send({"op": 10, "d": {"heartbeat_interval": fake.heartbeat_interval_ms}})
    async for msg in ws:
        if msg.type != WSMsgType.TEXT:
            continue
        payload = json.loads(msg.data)
        op = payload.get("op")
        if op == 1:
            fake.heartbeats.append(time.perf_counter())
            await session.send({"op": 11})
        elif op == 2:
            await session.identify(payload["d"])
        elif op == 6:
            # Force a fresh IDENTIFY instead of replaying missed events.
            await session.send({"op": 9, "d": False})
        elif op not in (3, 4, 8):
            fake.violations.append(f"unexpected gateway op {op}")
    if session in fake.sessions:
        fake.sessions.remove(session)
    return ws
