"""Discord's size limits on message bodies: the stand-in rejects what real Discord would reject."""

from __future__ import annotations

from typing import Any

EMBED_TOTAL = 6000


def _embed_problems(i: int, embed: dict[str, Any]) -> tuple[list[str], int]:
    problems: list[str] = []
    caps = {"title": 256, "description": 4096}
    total = 0
    for key, cap in caps.items():
        n = len(embed.get(key) or "")
        total += n
        if n > cap:
            problems.append(f"embeds[{i}].{key} has {n} > {cap} chars")
    fields = embed.get("fields") or []
    if len(fields) > 25:
        problems.append(f"embeds[{i}] has {len(fields)} > 25 fields")
    for j, f in enumerate(fields):
        name, value = f.get("name") or "", f.get("value") or ""
        total += len(name) + len(value)
        if not name or not value:
            problems.append(f"embeds[{i}].fields[{j}] has an empty name or value")
        if len(name) > 256 or len(value) > 1024:
            problems.append(f"embeds[{i}].fields[{j}] is too long ({len(name)}, {len(value)})")
    footer = (embed.get("footer") or {}).get("text") or ""
    author = (embed.get("author") or {}).get("name") or ""
    total += len(footer) + len(author)
    if len(footer) > 2048 or len(author) > 256:
        problems.append(f"embeds[{i}] footer or author too long")
    return problems, total


def body_problems(body: dict[str, Any]) -> list[str]:
    """Every way this message body breaks a Discord limit (empty when it fits)."""
    problems: list[str] = []
    content = body.get("content") or ""
    if len(content) > 2000:
        problems.append(f"content has {len(content)} > 2000 chars")
    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        problems.append("more than 10 embeds")
    total = 0
    for i, embed in enumerate(embeds):
        found, size = _embed_problems(i, embed)
        problems += found
        total += size
    if total > EMBED_TOTAL:
        problems.append(f"embeds total {total} > {EMBED_TOTAL} chars")
    for row in body.get("components") or []:
        for comp in row.get("components") or []:
            if len(comp.get("custom_id") or "") > 100 or len(comp.get("label") or "") > 80:
                problems.append("component custom_id or label too long")
    return problems
