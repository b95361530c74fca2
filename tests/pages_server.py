"""A real HTTP server on 127.0.0.1 serving article pages, for tests that fetch links.

Usage (any test module; tests/ is on sys.path under pytest's default import mode):

    from pages_server import PagesServer

    with PagesServer() as server:
        url = server.add("/a.html", "<html>...</html>")
        server.redirect("/old", "/a.html")
        ...  # fetch url with Settings(fetch_allow_loopback=True)
        assert server.hits["/a.html"] == 1

Pages can stall after their headers (read timeouts), omit Content-Length (read until close), or
send any status and headers. The server runs in a daemon thread; each test can use its own.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass(frozen=True)
class Response:
    """What the server sends for one path."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    stall_s: float = 0.0
    send_length: bool = True


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.server.owner.record(path, dict(self.headers.items()))
        response = self.server.owner.pages.get(path, Response(404, b"not found"))
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        if response.send_length:
            self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        self.wfile.flush()
        if response.stall_s and self.server.owner.stopping.wait(response.stall_s):
            return
        try:
            self.wfile.write(response.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first, which is what some tests want

    def log_message(self, format: str, *args: object) -> None:
        return


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: PagesServer


class PagesServer:
    """A threaded HTTP server with a table of canned responses; records every request."""

    def __init__(self) -> None:
        self.pages: dict[str, Response] = {}
        self.hits: Counter[str] = Counter()
        self.request_headers: dict[str, dict[str, str]] = {}
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self._httpd.server_address[1])

    def url(self, path: str) -> str:
        """The full http://127.0.0.1:<port> URL of a path."""
        return f"http://127.0.0.1:{self.port}{path}"

    def add(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        status: int = 200,
        content_type: str | None = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
        stall_s: float = 0.0,
        send_length: bool = True,
    ) -> str:
        """Serve `body` at `path`; returns the page's URL."""
        all_headers = dict(headers or {})
        if content_type is not None:
            all_headers.setdefault("Content-Type", content_type)
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = Response(status, data, all_headers, stall_s, send_length)
        return self.url(path)

    def redirect(self, path: str, location: str, *, status: int = 302) -> str:
        """Answer `path` with a redirect to `location` (absolute or relative)."""
        return self.add(path, status=status, content_type=None, headers={"Location": location})

    def record(self, path: str, headers: dict[str, str]) -> None:
        """Count a request (called from handler threads)."""
        with self._lock:
            self.hits[path] += 1
            self.request_headers[path] = headers

    def __enter__(self) -> PagesServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
