"""Reading the files users attach: refused early when too big or of the wrong kind."""

from __future__ import annotations

import discord

from bot.core.errors import InputError
from bot.core.ingest.files import max_file_bytes
from bot.core.settings import Settings
from bot.discord.targets import FILE_SUFFIXES


def check_attachment(attachment: discord.Attachment, settings: Settings) -> None:
    """Refuses, before anything is downloaded, a file of the wrong kind or too big."""
    name = attachment.filename
    max_bytes = max_file_bytes(settings)
    if not name.lower().endswith(FILE_SUFFIXES):
        raise InputError(f"{name} is not a .txt, .md or .html file.")
    if attachment.size > max_bytes:
        raise InputError(f"{name} is {attachment.size:,} bytes; the limit is {max_bytes:,}.")


async def read_attachment(attachment: discord.Attachment, settings: Settings) -> tuple[bytes, str]:
    """The bytes and name of a user's .txt/.md/.html upload."""
    check_attachment(attachment, settings)
    name = attachment.filename
    try:
        return await attachment.read(), name
    except discord.HTTPException as err:
        raise InputError(f"Could not download {name} from Discord ({err.status}); try again.") from err
