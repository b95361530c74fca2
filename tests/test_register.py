"""The bundled systems register: it loads against its schema and its facts are consistent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

import pytest

from bot.core.errors import ConfigError
from bot.core.local.register import (
    REGISTER_PATH,
    Category,
    is_country_name,
    load_register,
    variant_key,
)


def test_bundled_register_loads_with_enough_entries() -> None:
    register = load_register()
    assert len(register.entries) >= 300


def test_canonical_names_are_unique() -> None:
    names = [e.name for e in load_register().entries]
    assert len(names) == len(set(names))


def test_no_variant_is_shared_by_two_entries() -> None:
    owner: dict[str, str] = {}
    for entry in load_register().entries:
        for name in entry.all_names:
            key = variant_key(name)
            assert owner.setdefault(key, entry.name) == entry.name, f"{name!r} is in two entries"


def test_categories_come_from_the_fixed_vocabulary() -> None:
    vocabulary = set(get_args(Category))
    used = {e.category for e in load_register().entries}
    assert used <= vocabulary
    # The register covers every domain the product reports on.
    for wanted in (
        "fighter aircraft",
        "UAV",
        "SAM system",
        "frigate",
        "satellite",
        "chip",
        "AI model",
        "cyber tool",
        "electronic warfare system",
        "MLRS",
        "ballistic missile",
        "radar",
    ):
        assert wanted in used


def test_origins_are_real_country_names() -> None:
    for entry in load_register().entries:
        for origin in entry.origin:
            assert is_country_name(origin), f"{entry.name}: {origin!r}"


def test_context_words_are_names_of_their_entry() -> None:
    for entry in load_register().entries:
        assert set(entry.needs_context) <= set(entry.all_names)


def test_country_name_check() -> None:
    assert is_country_name("Russia")
    assert is_country_name("France")
    assert is_country_name("Soviet Union")
    assert not is_country_name("Atlantis")
    assert not is_country_name("Europe")


def _write(tmp_path: Path, entries: list[dict[str, object]]) -> Path:
    path = tmp_path / "systems.json"
    path.write_text(json.dumps({"version": 1, "entries": entries}), encoding="utf-8")
    return path


def _entry(name: str, variants: list[str], origin: str = "Norway") -> dict[str, object]:
    return {"name": name, "variants": variants, "category": "radar", "origin": [origin]}


def test_a_variant_shared_by_two_entries_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, [_entry("Alpha Radar", ["AR-1"]), _entry("Beta Radar", ["AR 1"])])
    with pytest.raises(ConfigError, match="shared"):
        load_register(path)


def test_an_invented_origin_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="origin"):
        load_register(_write(tmp_path, [_entry("Alpha Radar", [], origin="Atlantis")]))


def test_an_unknown_category_or_field_is_refused(tmp_path: Path) -> None:
    bad_category = {**_entry("Alpha Radar", []), "category": "death ray"}
    with pytest.raises(ConfigError):
        load_register(_write(tmp_path, [bad_category]))
    extra = {**_entry("Alpha Radar", []), "range_km": 40}
    with pytest.raises(ConfigError):
        load_register(_write(tmp_path, [extra]))


def test_unreadable_or_missing_files_give_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="not readable JSON"):
        load_register(broken)
    with pytest.raises(ConfigError, match="missing"):
        load_register(tmp_path / "absent.json")


def test_the_bundled_file_is_the_one_shipped_as_package_data() -> None:
    assert REGISTER_PATH.name == "systems.json"
    assert REGISTER_PATH.parent.name == "data"
