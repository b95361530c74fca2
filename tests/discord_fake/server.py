"""The stand-in itself: an aiohttp server on 127.0.0.1 plus what tests use to drive and inspect it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from aiohttp import web

from . import interactions as ix
from .exchanges import EPHEMERAL, LOADING, Exchange
from .gateway import FAKE, GUILD_MESSAGES, GatewaySession, gateway_handler
from .history import history_routes
from .payloads import World, message, snowflake
from .rest import routes

T = TypeVar("T")


class FakeDiscord:
    """A local Discord: REST under /api/v10, a gateway websocket at /gateway, files at /attachments."""

    def __init__(self, *, token: str = "fake-bot-token", heartbeat_interval_ms: int = 41250,
                 enabled_intents: tuple[str, ...] = ("MESSAGE_CONTENT",)) -> None:
        self.token = token
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.enabled_intents = enabled_intents
        self.world = World()
        self.channels: dict[int, dict[str, Any]] = {self.world.channel_id: self.world.text_channel()}
        self.messages: dict[int, dict[str, Any]] = {}
        self.exchanges: dict[str, Exchange] = {}
        self.commands: dict[tuple[str, int], dict[str, Any]] = {}
        self.files: dict[str, tuple[bytes, str]] = {}
        self.syncs: list[str | None] = []
        self.bodies: list[tuple[str, dict[str, Any]]] = []
        self.heartbeats: list[float] = []
        self.unknown: list[str] = []
        self.violations: list[str] = []
        self.refuse_threads: tuple[int, int] | None = None  # (status, Discord error code)
        self.sessions: list[GatewaySession] = []
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle --------------------------------------------------------------------------
    async def start(self) -> None:
        """Listens on a free port of 127.0.0.1."""
        app = web.Application()
        app[FAKE] = self
        app.router.add_get("/gateway", gateway_handler)
        app.add_routes(history_routes)  # ahead of rest.py's catch-all
        app.add_routes(routes)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def close(self) -> None:
        """Closes every socket and stops listening."""
        for session in list(self.sessions):
            await session.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def http_base(self) -> str:
        """Root URL of the server."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        """What discord.http.Route.BASE points at."""
        return f"{self.http_base}/api/v10"

    @property
    def gateway_url(self) -> str:
        """What DiscordWebSocket.DEFAULT_GATEWAY points at."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    # --- state the REST routes share ----------------------------------------------------------
    def notify(self) -> None:
        """Wakes every `wait_for`."""
        asyncio.get_running_loop().create_task(self._notify())

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_for(self, check: Callable[[], T | None], timeout: float = 10.0) -> T:
        """Waits until `check()` returns something truthy, and returns it."""
        async with asyncio.timeout(timeout):
            async with self._changed:
                while not (found := check()):
                    await self._changed.wait()
        return found

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Sends an event to every identified session (MESSAGE_CREATE only with that intent)."""
        for session in list(self.sessions):
            if event == "MESSAGE_CREATE" and not session.intents & GUILD_MESSAGES:
                continue
            await session.dispatch(event, data)

    def store_message(self, msg: dict[str, Any]) -> dict[str, Any]:
        """Keeps a message and echoes it as MESSAGE_CREATE, as Discord does (not ephemerals)."""
        self.messages[int(msg["id"])] = msg
        if not msg["flags"] & (EPHEMERAL | LOADING):
            asyncio.get_running_loop().create_task(self.dispatch("MESSAGE_CREATE", msg))
        return msg

    def edit_message(self, mid: int, body: dict[str, Any]) -> dict[str, Any]:
        """Applies an edit; the loading flag goes, the ephemeral flag stays."""
        msg = self.messages[mid]
        for key in ("content", "embeds", "components", "attachments"):
            if key in body:
                msg[key] = body[key] or ([] if key != "content" else "")
        was_loading = msg["flags"] & LOADING
        msg["flags"] &= ~LOADING
        if was_loading and not msg["flags"] & EPHEMERAL:
            asyncio.get_running_loop().create_task(self.dispatch("MESSAGE_CREATE", msg))
        return msg

    def interaction_message(self, ex: Exchange, body: dict[str, Any]) -> dict[str, Any]:
        """A message an interaction response creates in the interaction's channel."""
        msg = message(int(ex.payload["channel_id"]), self.world.bot_user, body, self.world.guild_id)
        msg["webhook_id"] = str(self.world.application_id)
        msg["application_id"] = str(self.world.application_id)
        return self.store_message(msg)

    # --- what tests do -----------------------------------------------------------------------
    def channel(self, channel_id: int | None = None) -> dict[str, Any]:
        """A channel or thread payload (the guild's text channel by default)."""
        return self.channels[channel_id or self.world.channel_id]

    def add_file(self, filename: str, content: bytes, content_type: str) -> dict[str, Any]:
        """An attachment object whose URL this server serves."""
        aid = str(snowflake())
        self.files[aid] = (content, content_type)
        url = f"{self.http_base}/attachments/{aid}/{filename}"
        return {"id": aid, "filename": filename, "size": len(content), "url": url,
                "proxy_url": url, "content_type": content_type}

    async def user_message(self, author_id: int, content: str,
                           attachments: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """A person posts in the text channel."""
        msg = message(self.world.channel_id, self.world.people[author_id],
                      {"content": content, "attachments": attachments or []}, self.world.guild_id)
        return self.store_message(msg)

    async def interact(self, payload: dict[str, Any]) -> Exchange:
        """Dispatches INTERACTION_CREATE and returns the record of the bot's answers."""
        ex = Exchange(payload)
        self.exchanges[ex.token] = ex
        await self.dispatch("INTERACTION_CREATE", payload)
        return ex

    def _head(self, kind: int, user_id: int, channel_id: int | None, moderator: bool) -> dict[str, Any]:
        return ix.base(self.world, kind, user_id, self.channel(channel_id), moderator=moderator)

    async def slash(self, user_id: int, name: str, *, attachments: dict[str, dict[str, Any]] | None = None,
                    moderator: bool = False, **options: Any) -> Exchange:
        """A user runs a slash command the bot synced."""
        command = self.commands[(name, 1)]
        head = self._head(2, user_id, None, moderator)
        return await self.interact(ix.slash(head, command, options, attachments))

    async def context_menu(self, user_id: int, name: str, target: dict[str, Any]) -> Exchange:
        """A user picks a message context-menu command on `target`."""
        head = self._head(2, user_id, int(target["channel_id"]), False)
        return await self.interact(ix.message_menu(head, self.commands[(name, 3)], target))

    async def press(self, user_id: int, msg: dict[str, Any], label: str, *,
                    moderator: bool = False) -> Exchange:
        """A user presses the button labelled `label` on a bot message."""
        custom_id = next(c["custom_id"] for row in msg["components"] for c in row["components"]
                         if c.get("label") == label)
        head = self._head(3, user_id, int(msg["channel_id"]), moderator)
        return await self.interact(ix.button(head, msg, custom_id))

    async def submit_modal(self, user_id: int, opened: Exchange, values: dict[str, str]) -> Exchange:
        """A user fills in and submits the modal the bot opened on `opened`."""
        head = self._head(5, user_id, int(opened.payload["channel_id"]), False)
        return await self.interact(ix.modal_submit(head, opened.callback_data, values))

    def thread_messages(self, thread_id: int) -> list[dict[str, Any]]:
        """Messages posted in a thread, oldest first."""
        return [m for m in self.messages.values() if int(m["channel_id"]) == thread_id]
