"""The README's settings table, generated from the Settings model so it cannot go stale."""

from __future__ import annotations

from pydantic import AliasChoices
from pydantic.fields import FieldInfo

from bot.core.settings import Settings

BEGIN = "<!-- settings-table:begin -->"
END = "<!-- settings-table:end -->"


def env_names(name: str, field: FieldInfo) -> list[str]:
    """The environment variables that set one field, preferred first."""
    alias = field.validation_alias
    if isinstance(alias, AliasChoices):
        return [str(choice) for choice in alias.choices]
    return [f"BRIEFBOT_{name.upper()}"]


def _default(name: str, field: FieldInfo) -> str:
    if name == "db_path":
        return "`~/.local/share/briefbot/briefbot.db`"
    if name == "openai_price_table":
        return "gpt-4o, gpt-4o-mini, gpt-4.1, gpt-4.1-mini"
    value = field.get_default(call_default_factory=True)
    return "unset" if value is None else f"`{value}`"


def settings_table() -> str:
    """A Markdown table of every setting: variable, default and meaning."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        names = " or ".join(f"`{n}`" for n in env_names(name, field))
        rows.append(f"| {names} | {_default(name, field)} | {field.description or ''} |")
    return "\n".join([BEGIN, *rows, END])


if __name__ == "__main__":
    print(settings_table())
