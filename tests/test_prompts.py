"""Prompt templates: every bundled file loads, and the loader rejects what it should."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.errors import ConfigError
from bot.core.openai_engine.schema import RESPONSE_MODELS
from bot.core.prompts import (
    PROMPTS_DIR,
    PromptTemplate,
    all_prompt_files,
    load_prompt_file,
    parse_prompt,
)

GOOD = """+++
name = "demo"
version = 3
description = "A demo."
temperature = 0.1
variables = ["article"]
+++
--- system ---
Stable rules.
--- user ---
<article>
{{ article }}
</article>
"""


def parse(source: str) -> PromptTemplate:
    return parse_prompt(source, Path("demo.md"))


def test_every_bundled_prompt_loads_and_names_a_known_response_model() -> None:
    files = all_prompt_files()
    assert {f.stem for f in files} >= {"briefing", "repair"}
    for path in files:
        template = load_prompt_file(path)
        assert template.meta.name == path.stem
        assert template.meta.response_model in RESPONSE_MODELS
        assert template.sections["system"].strip() and template.sections["user"].strip()


def test_briefing_prompt_keeps_instructions_first_and_the_article_last() -> None:
    template = load_prompt_file(PROMPTS_DIR / "briefing.md")
    assert template.id == "briefing@1"
    assert "{{" not in template.sections["system"]  # stable: the cacheable prefix never varies
    user = template.render("user", title="T", site="S", published="P", article="BODY")
    assert user.rstrip().endswith("<article>\nBODY\n</article>")


def test_good_template_renders_in_one_pass() -> None:
    template = parse(GOOD)
    assert template.id == "demo@3"
    text = template.render("user", article="uses {{ article }} literally")
    assert text == "<article>\nuses {{ article }} literally\n</article>"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("temperature = 0.1", "temperature = 0.1\ncolour = 'red'"), "colour: Extra inputs are not permitted"),
        (('variables = ["article"]', 'variables = ["article", "extra"]'), "unused extra"),
        (('variables = ["article"]', "variables = []"), "undeclared article"),
        (("--- system ---", "--- preamble ---"), "unknown or repeated section 'preamble'"),
        (("Stable rules.", ""), "the 'system' section is missing or empty"),
        (("version = 3", "version = 0"), "version"),
        (('name = "demo"', 'name = "other"'), "file name must be the prompt name"),
        (("+++\nname", "name"), "must start with TOML front matter"),
    ],
)
def test_loader_rejects(change: tuple[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse(GOOD.replace(*change, 1))


def test_render_rejects_missing_and_unknown_values() -> None:
    template = parse(GOOD)
    with pytest.raises(ConfigError, match="needs a value for article"):
        template.render("user")
    with pytest.raises(ConfigError, match="no variable"):
        template.render("user", article="x", other="y")
    with pytest.raises(ConfigError, match="no 'schema' section"):
        template.render("schema")


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="Cannot read prompt file"):
        load_prompt_file(tmp_path / "nope.md")
