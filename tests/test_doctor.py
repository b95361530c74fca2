"""`briefbot doctor`: each failure it reports, what it says when all is well, and no secret in its table."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from fakes.openai_server import FakeOpenAI, ok
from known_secrets import OPENAI_API_KEY, SHAPED_DISCORD_TOKEN

from bot.core.checks import Check
from bot.core.doctor import (
    check_database,
    check_prompts,
    check_token,
    exit_status,
    load_settings,
    render_checks,
    run_checks,
)
from bot.core.migrations import bundled_migrations
from bot.core.model_check import check_model_endpoint
from bot.core.prompts import PROMPTS_DIR
from bot.core.settings import Settings
from bot.core.store import Store

NEWEST = max(m.version for m in bundled_migrations())


def settings(tmp_path: Path, **values: object) -> Settings:
    return Settings(_env_file=None, db_path=tmp_path / "briefbot.db", **values)  # type: ignore[call-arg]


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("DISCORD_TOKEN", "OPENAI_API_KEY", "OPENAI_BASE_URL", "BRIEFBOT_ENGINE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


# --- settings -------------------------------------------------------------------------------------
def test_an_invalid_setting_is_a_failed_check_naming_the_variable(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("BRIEFBOT_MAX_TEXT_CHARS", "lots")
    clean_env.setenv("OPENAI_API_KEY", OPENAI_API_KEY)
    loaded, check = load_settings(env_file=None)
    assert loaded is None and not check.ok
    assert "BRIEFBOT_MAX_TEXT_CHARS" in check.detail and "lots" not in check.detail


def test_malformed_json_setting_names_its_variable(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("BRIEFBOT_OPENAI_PRICE_TABLE", "{not json")
    loaded, check = load_settings(env_file=None)
    assert loaded is None and check.detail == "BRIEFBOT_OPENAI_PRICE_TABLE: not valid JSON"


async def test_bad_settings_still_check_what_does_not_need_them(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("BRIEFBOT_ENGINE", "gpt")
    checks = await run_checks(env_file=None)
    assert [c.name for c in checks] == ["settings", "prompts", "spacy model"]
    assert "BRIEFBOT_ENGINE" in checks[0].detail and not checks[0].ok
    assert exit_status(checks) == 1


# --- token ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("token", "says"),
    [
        (None, "not set"),
        ("   ", "not set"),
        (f"Bot {SHAPED_DISCORD_TOKEN}", "starts with 'Bot '"),
        (f'"{SHAPED_DISCORD_TOKEN}"', "quotes"),
        ("abc.def", "three dot-separated"),
        (SHAPED_DISCORD_TOKEN.replace(".", "!", 1), "three dot-separated"),
        ("aGVsbG8." + SHAPED_DISCORD_TOKEN.split(".", 1)[1], "not a bot id"),
    ],
)
def test_bad_token_shapes_fail_without_showing_the_token(tmp_path: Path, token: str | None, says: str) -> None:
    check = check_token(settings(tmp_path, discord_token=token))
    assert not check.ok and says in check.detail
    assert SHAPED_DISCORD_TOKEN[-4:] not in check.detail


def test_a_well_formed_token_passes(tmp_path: Path) -> None:
    check = check_token(settings(tmp_path, discord_token=f" {SHAPED_DISCORD_TOKEN}\n"))
    assert check.ok and SHAPED_DISCORD_TOKEN[:6] not in check.detail


# --- database -------------------------------------------------------------------------------------
def test_a_new_database_is_created_at_the_newest_schema(tmp_path: Path) -> None:
    check = check_database(settings(tmp_path))
    assert check.ok and f"schema {NEWEST} of {NEWEST}" in check.detail


def test_an_unwritable_database_path_fails(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    check = check_database(Settings(_env_file=None, db_path=blocker / "briefbot.db"))  # type: ignore[call-arg]
    assert not check.ok and "BRIEFBOT_DB_PATH" in check.detail


def test_a_database_from_a_newer_briefbot_fails(tmp_path: Path) -> None:
    s = settings(tmp_path)
    with Store.open(s.db_path) as store, store.writing("fake a future schema") as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2099-01-01')")
    check = check_database(s)
    assert not check.ok and "newer briefbot" in check.detail and "999" in check.detail


def test_an_unmigrated_database_fails_and_is_left_alone_for_its_backup(tmp_path: Path) -> None:
    s = settings(tmp_path)
    Store.open(s.db_path, migrations=bundled_migrations()[:1]).close()
    check = check_database(s)
    assert not check.ok and f"schema 1, this briefbot needs {NEWEST}" in check.detail
    with Store.open(s.db_path, migrations=bundled_migrations()[:1]) as store:
        assert store.schema_version() == 1


def test_a_file_that_is_not_a_database_fails(tmp_path: Path) -> None:
    s = settings(tmp_path)
    s.db_path.write_bytes(b"this is not sqlite at all, just text" * 40)
    check = check_database(s)
    assert not check.ok and "briefbot database" in check.detail


# --- model endpoint -------------------------------------------------------------------------------
async def test_the_model_check_is_skipped_for_the_local_engine(tmp_path: Path) -> None:
    check = await check_model_endpoint(settings(tmp_path))
    assert check.ok and "local engine" in check.detail


async def test_a_model_endpoint_that_is_down_fails(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    s = settings(tmp_path, openai_base_url=f"http://127.0.0.1:{port}/v1", openai_api_key=OPENAI_API_KEY)
    check = await check_model_endpoint(s)
    assert not check.ok and "cannot connect" in check.detail


async def test_a_model_endpoint_that_answers_passes(tmp_path: Path) -> None:
    async with FakeOpenAI() as server:
        s = settings(tmp_path, openai_base_url=server.base_url, openai_api_key=OPENAI_API_KEY)
        check = await check_model_endpoint(s)
        assert check.ok and "lists gpt-4o-mini" in check.detail
        assert [r.path for r in server.requests] == ["/v1/models"]
        assert server.requests[0].headers["Authorization"] == f"Bearer {OPENAI_API_KEY}"


async def test_a_server_without_our_model_fails(tmp_path: Path) -> None:
    async with FakeOpenAI(models=["llama3.2", "qwen2.5"]) as server:
        check = await check_model_endpoint(settings(tmp_path, openai_base_url=server.base_url))
    assert not check.ok and "does not list gpt-4o-mini (it has: llama3.2, qwen2.5)" in check.detail


async def test_a_refused_key_fails_without_echoing_the_server_text(tmp_path: Path) -> None:
    async with FakeOpenAI(models_status=401) as server:
        s = settings(tmp_path, openai_base_url=server.base_url, openai_api_key=OPENAI_API_KEY)
        check = await check_model_endpoint(s)
    assert not check.ok and "refused the API key (401)" in check.detail
    assert "Incorrect" not in check.detail


async def test_a_server_without_a_models_route_gets_a_one_token_call(tmp_path: Path) -> None:
    async with FakeOpenAI([ok("p", prompt_tokens=1, completion_tokens=1)], models=None) as server:
        check = await check_model_endpoint(settings(tmp_path, openai_base_url=server.base_url))
        assert check.ok and "1-token call" in check.detail
        assert server.requests[-1].body["max_tokens"] == 1


# --- prompts --------------------------------------------------------------------------------------
def test_a_broken_prompt_file_fails_naming_it(tmp_path: Path) -> None:
    (tmp_path / "briefing.md").write_text((PROMPTS_DIR / "briefing.md").read_text("utf-8"), "utf-8")
    (tmp_path / "broken.md").write_text("+++\nname = 'broken'\n+++\n--- user ---\nhi\n", "utf-8")
    check = check_prompts(tmp_path)
    assert not check.ok and "broken.md" in check.detail and "briefing.md" not in check.detail


def test_an_empty_prompts_folder_fails(tmp_path: Path) -> None:
    check = check_prompts(tmp_path)
    assert not check.ok and "no prompt files" in check.detail


# --- the whole run --------------------------------------------------------------------------------
async def test_a_healthy_local_setup_passes_every_check(tmp_path: Path) -> None:
    checks = await run_checks(settings(tmp_path, discord_token=SHAPED_DISCORD_TOKEN))
    assert [(c.name, c.ok) for c in checks] == [
        ("settings", True), ("discord token", True), ("database", True),
        ("model endpoint", True), ("prompts", True), ("spacy model", True),
    ]
    assert exit_status(checks) == 0


async def test_no_secret_reaches_the_table(tmp_path: Path) -> None:
    async def leaky_discord_check(s: Settings) -> list[Check]:
        # A check that (wrongly) quotes the token: the doctor redacts it anyway.
        return [Check("discord login", False, f"refused token {SHAPED_DISCORD_TOKEN}")]

    async with FakeOpenAI(models_status=401) as server:
        s = settings(tmp_path, discord_token=SHAPED_DISCORD_TOKEN,
                     openai_base_url=server.base_url, openai_api_key=OPENAI_API_KEY)
        checks = await run_checks(s, discord_check=leaky_discord_check, prompts_dir=tmp_path)
    table = render_checks(checks)
    assert "refused token [redacted]" in table
    assert SHAPED_DISCORD_TOKEN not in table and OPENAI_API_KEY not in table
    assert table.splitlines()[0].split() == ["check", "result", "detail"]
    assert "model endpoint  FAIL    " in table and "prompts         FAIL    " in table
    assert exit_status(checks) == 1
