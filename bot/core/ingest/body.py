"""Reading a response body without ever holding more than the byte limit.

We decompress ourselves (gzip and deflate only, the encodings we ask for) with a bounded output
size: httpx2's own decoders inflate each network chunk in full, so a small compressed "bomb" could
expand to hundreds of megabytes before a size check after the fact could stop it.
"""

from __future__ import annotations

import zlib

import httpx2

from bot.core.errors import FetchError, InputError

ACCEPT_ENCODING = "gzip, deflate"


class _Inflater:
    """Decompresses gzip or deflate (zlib or raw) data, producing at most `limit` + 1 bytes."""

    def __init__(self, encoding: str) -> None:
        self._raw_deflate_fallback = encoding == "deflate"
        wbits = zlib.MAX_WBITS | 16 if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._z = zlib.decompressobj(wbits)
        self._started = False

    def feed(self, data: bytes, room: int) -> bytes:
        try:
            out = self._z.decompress(data, room + 1)
        except zlib.error:
            # Some servers send "deflate" without the zlib header; retry raw, as browsers do.
            if not (self._raw_deflate_fallback and not self._started):
                raise
            self._z = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._z.decompress(data, room + 1)
        self._started = True
        return out

    def finish(self, room: int) -> bytes:
        return (
            self._z.decompress(self._z.unconsumed_tail, room + 1)
            if self._z.unconsumed_tail
            else b""
        )


def _too_big(url: str, limit: int, *, read: bool) -> InputError:
    how = "it was cut off there and not used" if read else "it was not downloaded"
    return InputError(
        f"The page at {url} is larger than the {limit:,}-byte limit (BRIEFBOT_FETCH_MAX_BYTES); {how}."
    )


def _inflater_for(response: httpx2.Response, url: str) -> _Inflater | None:
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return _Inflater(encoding)
    raise FetchError(f"The page at {url} uses a compression briefbot cannot read ({encoding}).")


async def read_body(response: httpx2.Response, limit: int, url: str) -> bytes:
    """The decoded body, or InputError as soon as it (or its compressed form) passes `limit`."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_big(url, limit, read=False)
    inflater = _inflater_for(response, url)
    parts: list[bytes] = []
    size = raw_size = 0
    try:
        async for chunk in response.aiter_raw():
            raw_size += len(chunk)
            out = chunk if inflater is None else inflater.feed(chunk, limit - size)
            size += len(out)
            if size > limit or raw_size > limit:
                raise _too_big(url, limit, read=True)
            parts.append(out)
        tail = b"" if inflater is None else inflater.finish(limit - size)
    except zlib.error as err:
        raise FetchError(
            f"The page at {url} is compressed data that could not be decoded."
        ) from err
    if size + len(tail) > limit:
        raise _too_big(url, limit, read=True)
    return b"".join(parts) + tail
