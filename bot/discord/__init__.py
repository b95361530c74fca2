"""The Discord edge: a thin discord.py bot that turns interactions into BriefingService calls."""
