"""A local Discord stand-in that the real discord.py client logs in to (see shared/design/discord-fake.md)."""

from .exchanges import Exchange
from .server import FakeDiscord

__all__ = ["Exchange", "FakeDiscord"]
