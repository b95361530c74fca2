"""The chat-completions request shape shared by every prompt: system, schema mode, user, format."""

from __future__ import annotations

from typing import Any

from bot.core.prompts import PromptTemplate
from bot.core.settings import Settings


def chat_messages(
    prompt: PromptTemplate, settings: Settings, schema_json: str, values: dict[str, str]
) -> list[dict[str, str]]:
    """System instructions (plus the schema in json_object mode) first, the data last."""
    system = prompt.render("system")
    if settings.openai_structured_mode == "json_object" and "schema" in prompt.sections:
        system += "\n\n" + prompt.render("schema", schema=schema_json)
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": prompt.render("user", **values)},
    ]


def chat_request(
    prompt: PromptTemplate,
    settings: Settings,
    schema: dict[str, Any],
    schema_name: str,
    messages: list[dict[str, str]],
) -> dict[str, Any]:
    """Keyword arguments for chat.completions.create: strict json_schema, or json_object mode."""
    if settings.openai_structured_mode == "json_schema":
        response_format: dict[str, Any] = {
            "type": "json_schema",
            "json_schema": {"name": schema_name, "strict": True, "schema": schema},
        }
    else:
        response_format = {"type": "json_object"}
    return {
        "model": settings.openai_model,
        "messages": messages,
        "temperature": prompt.meta.temperature,
        "max_completion_tokens": settings.openai_max_output_tokens,
        "response_format": response_format,
    }
