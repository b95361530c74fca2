"""Which guild a command acts for: every archive, digest and watch command is per guild."""

from __future__ import annotations

import discord
from discord import app_commands


def guild_of(interaction: discord.Interaction) -> int:
    """The interaction's guild id; commands used outside a server are refused."""
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    return interaction.guild_id
