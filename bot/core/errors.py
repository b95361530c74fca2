"""The one exception family. Every message is a sentence a user can act on.

Front ends translate these in exactly one place each (the CLI's `main`, the bot's tree.on_error).
Anything that is not a BriefbotError is a bug: it is logged with an incident id.
"""

from __future__ import annotations


class BriefbotError(Exception):
    """Base of every error a user may see; `str(err)` is the human message."""

    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(BriefbotError):
    """The input itself is unusable: empty, binary, too large, no article text."""

    exit_code = 2


class FetchError(BriefbotError):
    """A link could not be fetched: refused, unreachable, timed out, or an HTTP error."""

    exit_code = 3


class BlockedAddressError(FetchError):
    """A link points at an address we refuse to contact (private, loopback, metadata...)."""


class EngineError(BriefbotError):
    """An engine could not produce a briefing (model refused, output cut off, unavailable)."""

    exit_code = 4


class ConfigError(BriefbotError):
    """A setting is missing or invalid."""

    exit_code = 5


class StoreError(BriefbotError):
    """The briefing database cannot be opened, migrated or written."""

    exit_code = 6


class LimitError(BriefbotError):
    """A cooldown or budget was reached; the message says when it resets."""

    exit_code = 7
