"""A local OpenAI-compatible chat-completions server: a real socket on 127.0.0.1, scripted replies.

Usage (tests/ is on sys.path under pytest's default import mode):

    from fakes.openai_server import FakeOpenAI, ok, error, stall

    async with FakeOpenAI([error(429, headers={"Retry-After": "1"}), ok(content)]) as server:
        settings = Settings(openai_base_url=server.base_url, ...)
        ...
        assert len(server.requests) == 2

Each POST to /v1/chat/completions takes the next scripted Reply (or asks `responder`, if given,
once the script is used up); with neither, the server answers 418 so a test that makes an
unexpected request fails loudly. Every request is logged with its JSON body and the time the server
spent on it. `json_schema=False` imitates servers without structured outputs: a json_schema
response_format gets the 400 such servers send.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import web


@dataclass(frozen=True)
class Reply:
    """One scripted answer."""

    status: int = 200
    content: str | None = None
    refusal: str | None = None
    finish_reason: str = "stop"
    prompt_tokens: int = 1000
    completion_tokens: int = 200
    cached_tokens: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    error_message: str = ""
    error_code: str | None = None
    delay_s: float = 0.0


def ok(content: str, prompt_tokens: int = 1000, completion_tokens: int = 200, cached_tokens: int = 0) -> Reply:
    """A clean reply with this assistant content and usage."""
    return Reply(
        content=content,
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        cached_tokens=cached_tokens,
    )


def error(status: int, message: str = "fake error", headers: dict[str, str] | None = None, code: str | None = None) -> Reply:
    """An HTTP error in OpenAI's error-body shape."""
    return Reply(status=status, error_message=message, headers=headers or {}, error_code=code)


def stall(seconds: float) -> Reply:
    """Wait `seconds` before answering (longer than the client timeout: a read timeout)."""
    return Reply(status=500, error_message="stalled", delay_s=seconds)


@dataclass
class LoggedRequest:
    """One request as the server saw it."""

    path: str
    body: dict[str, Any]
    headers: dict[str, str]
    status: int
    server_s: float


class FakeOpenAI:
    """The server. Use as `async with FakeOpenAI(script) as server:`; `base_url` ends in /v1."""

    def __init__(
        self,
        script: Iterable[Reply] = (),
        *,
        responder: Callable[[dict[str, Any]], Reply] | None = None,
        json_schema: bool = True,
        models: Iterable[str] | None = ("gpt-4o-mini",),
        models_status: int = 200,
    ) -> None:
        self.script: deque[Reply] = deque(script)
        # GET /v1/models lists these (None: the route is missing, as on some servers).
        self.models = None if models is None else list(models)
        self.models_status = models_status
        self.responder = responder
        self.json_schema = json_schema
        self.requests: list[LoggedRequest] = []
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def __aenter__(self) -> FakeOpenAI:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._chat)
        if self.models is not None:
            app.router.add_get("/v1/models", self._models)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}/v1"
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def server_seconds(self, since: int = 0) -> float:
        """Seconds the server spent handling requests[since:]."""
        return sum(r.server_s for r in self.requests[since:])

    def _next(self, body: dict[str, Any]) -> Reply:
        if self.script:
            return self.script.popleft()
        if self.responder is not None:
            return self.responder(body)
        return error(418, "the fake server's script is used up")

    async def _models(self, request: web.Request) -> web.Response:
        self.requests.append(LoggedRequest(request.path, {}, dict(request.headers), self.models_status, 0.0))
        if self.models_status != 200:
            return self._response(error(self.models_status, "Incorrect API key provided"), {})
        data = [{"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in self.models or []]
        return web.json_response({"object": "list", "data": data})

    async def _chat(self, request: web.Request) -> web.Response:
        started = time.perf_counter()
        body = await request.json()
        reply = self._next(body)
        fmt = (body.get("response_format") or {}).get("type")
        if not self.json_schema and fmt == "json_schema":
            reply = error(400, "response_format type 'json_schema' is not supported by this server")
        # Logged on arrival: a stalled request counts even if the client gives up on it.
        logged = LoggedRequest(request.path, body, dict(request.headers), reply.status, 0.0)
        self.requests.append(logged)
        try:
            if reply.delay_s:
                await asyncio.sleep(reply.delay_s)
            return self._response(reply, body)
        finally:
            logged.server_s = time.perf_counter() - started

    def _response(self, reply: Reply, body: dict[str, Any]) -> web.Response:
        if reply.status != 200:
            payload: dict[str, Any] = {
                "error": {
                    "message": reply.error_message,
                    "type": "invalid_request_error" if reply.status < 500 else "server_error",
                    "param": None,
                    "code": reply.error_code,
                }
            }
            return web.json_response(payload, status=reply.status, headers=reply.headers)
        return web.json_response(self._completion(reply, body), headers=reply.headers)

    def _completion(self, reply: Reply, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": f"chatcmpl-fake-{next(self._ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "fake-model"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply.content, "refusal": reply.refusal},
                    "finish_reason": reply.finish_reason,
                    "logprobs": None,
                }
            ],
            "usage": {
                "prompt_tokens": reply.prompt_tokens,
                "completion_tokens": reply.completion_tokens,
                "total_tokens": reply.prompt_tokens + reply.completion_tokens,
                "prompt_tokens_details": {"cached_tokens": reply.cached_tokens},
            },
        }


def reply_json(data: dict[str, Any]) -> str:
    """Serialise a model reply the way a model would send it."""
    return json.dumps(data, ensure_ascii=False)
