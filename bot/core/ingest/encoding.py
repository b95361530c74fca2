"""Bytes to text: refuse known binary formats, honour BOMs and declared charsets, else detect."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from bot.core.errors import InputError

# Magic numbers of files people are likely to attach or link by mistake, with a name a user knows.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
)

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_SNIFF_BYTES = 8192
_READABLE = "plain text, Markdown or HTML"


def binary_kind(data: bytes) -> str | None:
    """A human name for a known binary format at the start of `data`, else None."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "a WebP image"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def html_meta_charset(data: bytes) -> str | None:
    """The charset an HTML document declares in a <meta> tag near its start, if any."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, name: str, declared: str | None = None) -> str:
    """Decode a text document; `name` is how errors refer to it (a file name or a link)."""
    kind = binary_kind(data)
    if kind is not None:
        raise InputError(f"{name} is {kind}; briefbot reads {_READABLE}.")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    codec = _known_codec(declared)
    if codec is not None:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; fall through to detection
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(f"{name} looks like a binary file, not {_READABLE}.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("latin-1")
