"""`briefbot doctor`: checks a deployment's configuration and prints what is wrong, never a secret.

Each check returns a `Check`; none raises. The Discord permission check lives in bot/discord (core
never imports discord) and is passed in by the caller.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import os
import re
import sqlite3
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

from pydantic import ValidationError
from pydantic_settings import SettingsError

from bot.core.checks import Check
from bot.core.errors import BriefbotError
from bot.core.logs import Redactor
from bot.core.migrations import bundled_migrations
from bot.core.model_check import check_model_endpoint
from bot.core.prompts import PROMPTS_DIR, all_prompt_files, load_prompt_file
from bot.core.settings import Settings
from bot.core.settings_doc import env_names
from bot.core.store import Store

__all__ = ["Check", "check_database", "check_prompts", "check_spacy", "check_token", "exit_status",
           "load_settings", "render_checks", "run_checks"]

_B64URL_PART = re.compile(r"^[A-Za-z0-9_-]+$")


DiscordCheck = Callable[[Settings], Awaitable[list[Check]]]


def load_settings(env_file: str | Path | None = ".env") -> tuple[Settings | None, Check]:
    """Settings from the environment and `env_file`; a bad value names its variable."""
    try:
        settings = Settings(_env_file=env_file)  # type: ignore[call-arg]
    except ValidationError as err:
        problems = []
        for e in err.errors():
            field = str(e["loc"][0]) if e["loc"] else ""
            info = Settings.model_fields.get(field)
            var = env_names(field, info)[0] if info else field or "a setting"
            # The value itself is never echoed: it may be a secret.
            problems.append(f"{var}: {e['msg']}")
        return None, Check("settings", False, "; ".join(problems))
    except SettingsError as err:
        match = re.search(r'field "([a-z_]+)"', str(err))
        field = match.group(1) if match else ""
        info = Settings.model_fields.get(field)
        var = env_names(field, info)[0] if info else "a setting"
        return None, Check("settings", False, f"{var}: not valid JSON")
    return settings, Check("settings", True, f"loaded; engine {settings.resolved_engine()}")


def check_token(settings: Settings) -> Check:
    """The Discord token is set and shaped like one: three base64url parts, the first an id."""
    raw = settings.discord_token.get_secret_value() if settings.discord_token else ""
    token = raw.strip()
    if not token:
        return Check("discord token", False, "not set: set DISCORD_TOKEN (needed by briefbot run)")
    if token.lower().startswith("bot "):
        return Check("discord token", False, "starts with 'Bot ': set DISCORD_TOKEN to the token alone")
    if token[0] in "'\"" or token[-1] in "'\"":
        return Check("discord token", False, "is wrapped in quotes: remove them from DISCORD_TOKEN")
    parts = token.split(".")
    if len(parts) != 3 or not all(_B64URL_PART.match(p) for p in parts):
        return Check(
            "discord token", False,
            "not shaped like a bot token (three dot-separated base64url parts): copy it again "
            "from the Bot page of your application",
        )
    if not _decodes_to_id(parts[0]):
        return Check("discord token", False, "its first part is not a bot id: copy the token again")
    return Check("discord token", True, "well formed (not verified with Discord here)")


def _decodes_to_id(part: str) -> bool:
    try:
        decoded = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        return False
    return decoded.isdigit() and 15 <= len(decoded) <= 21


def check_database(settings: Settings) -> Check:
    """The database is at the newest bundled schema and writable; a new file is created."""
    path = Path(settings.db_path).expanduser()
    newest = max((m.version for m in bundled_migrations()), default=0)
    if path.exists():
        try:
            found = _recorded_version(path)
        except sqlite3.Error as err:
            return Check("database", False, f"cannot read {path} ({err}); is it a briefbot database?")
        if found < newest:
            # Not migrated here: the upgrade steps back the file up before the bot migrates it.
            return Check(
                "database", False,
                f"{path} is at schema {found}, this briefbot needs {newest}: back it up "
                "(deploy/README.md, Upgrade), then start the bot to migrate it",
            )
    try:
        with Store.open(path) as store:
            version = store.schema_version()
    except BriefbotError as err:
        return Check("database", False, str(err))
    if not os.access(path.parent, os.W_OK):
        return Check("database", False, f"the folder {path.parent} is not writable (SQLite needs it)")
    return Check("database", True, f"{path} writable, schema {version} of {newest}")


def _recorded_version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        ).fetchone()
        if not has_table:
            return 0
        row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)
    finally:
        conn.close()


def check_prompts(directory: Path = PROMPTS_DIR) -> Check:
    """Every prompt template in `directory` loads."""
    files = all_prompt_files(directory)
    if not files:
        return Check("prompts", False, f"no prompt files in {directory}; reinstall briefbot")
    errors, names = [], []
    for path in files:
        try:
            names.append(load_prompt_file(path).id)
        except BriefbotError as err:
            errors.append(str(err))
    if errors:
        return Check("prompts", False, "; ".join(errors))
    return Check("prompts", True, ", ".join(names))


def check_spacy() -> Check:
    """The spaCy English model the local engine needs loads."""
    from bot.core.local.nlp import load_nlp

    try:
        nlp = load_nlp()
    except BriefbotError as err:
        return Check("spacy model", False, str(err))
    meta = nlp.meta
    return Check("spacy model", True, f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}")


async def _discord(settings: Settings, discord_check: DiscordCheck | None, token_ok: bool) -> list[Check]:
    if discord_check is None:
        return []
    if not token_ok:
        return [Check("discord permissions", False, "skipped: fix the token first")]
    try:
        return await discord_check(settings)
    except BriefbotError as err:
        return [Check("discord permissions", False, str(err))]
    except Exception as err:  # an unexpected failure is still one line of the table, not a crash
        return [Check("discord permissions", False, f"could not check ({type(err).__name__})")]


async def run_checks(
    settings: Settings | None = None,
    *,
    discord_check: DiscordCheck | None = None,
    prompts_dir: Path = PROMPTS_DIR,
    env_file: str | Path | None = ".env",
) -> list[Check]:
    """Every check, in table order. With no `settings`, loading them is the first check."""
    if settings is None:
        settings, loaded = load_settings(env_file)
    else:
        loaded = Check("settings", True, f"loaded; engine {settings.resolved_engine()}")
    checks = [loaded]
    token = check_token(settings) if settings is not None else None
    if settings is not None and token is not None:
        checks += [token, await asyncio.to_thread(check_database, settings)]
        checks.append(await check_model_endpoint(settings))
    checks.append(check_prompts(prompts_dir))
    checks.append(await asyncio.to_thread(check_spacy))
    if settings is not None and token is not None:
        checks += await _discord(settings, discord_check, token.ok)
    redact = Redactor.from_settings(settings)
    return [Check(c.name, c.ok, redact(c.detail)) for c in checks]


def render_checks(checks: Iterable[Check]) -> str:
    """A plain-text table: check, result (ok or FAIL), detail."""
    rows = [("check", "result", "detail")] + [
        (c.name, "ok" if c.ok else "FAIL", c.detail) for c in checks
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"{name:<{width}}  {result:<6}  {detail}" for name, result, detail in rows]
    return "\n".join(lines)


def exit_status(checks: Iterable[Check]) -> int:
    """0 when every check passed, else 1."""
    return 0 if all(c.ok for c in checks) else 1


def offline_checks() -> list[Check]:
    """What a container health check can afford every minute: settings, database, prompts."""
    settings, loaded = load_settings()
    if settings is None:
        return [loaded]
    return [loaded, check_database(settings), check_prompts()]


if __name__ == "__main__":
    # `python -m bot.core.doctor`: the image's HEALTHCHECK (no Discord, no model call).
    import sys

    results = offline_checks()
    print(render_checks(results))
    sys.exit(exit_status(results))
