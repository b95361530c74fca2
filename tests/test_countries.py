"""The country data file: it loads against its schema, and look-ups find names, demonyms, capitals."""

from __future__ import annotations

import json
from importlib import resources

import pycountry
import pytest
from pydantic import ValidationError

from bot.core.local.countries import CountryIndex, CountryRecord, country_index, load_records


def test_every_record_loads_against_the_schema() -> None:
    raw = json.loads(resources.files("bot.core").joinpath("data", "countries.json").read_text("utf-8"))
    records = load_records()
    assert len(records) == len(raw) >= 193  # every UN member state, plus a few others
    codes = [r.code for r in records]
    assert len(codes) == len(set(codes))
    unknown = [c for c in codes if pycountry.countries.get(alpha_2=c) is None]
    assert unknown == ["XK"]  # Kosovo has no ISO code yet; everything else must be real


def test_every_capital_and_demonym_belongs_to_one_country_only() -> None:
    seen: dict[str, str] = {}
    for record in load_records():
        for word in [*record.capitals, *record.demonyms]:
            assert seen.setdefault(word, record.code) == record.code, word


def test_schema_rejects_unknown_fields_and_bad_codes() -> None:
    with pytest.raises(ValidationError):
        CountryRecord.model_validate({"code": "ZZ", "name": "Freedonia", "anthem": "x"})
    with pytest.raises(ValidationError):
        CountryRecord.model_validate({"code": "zz", "name": "Freedonia"})


def test_names_old_and_new_resolve_to_the_same_country() -> None:
    index = country_index()
    turkey, turkiye = index.by_name("Turkey"), index.by_name("Türkiye")
    assert turkey is not None and turkey is turkiye and turkey.code == "TR"
    assert index.by_name("Russian Federation") is index.by_name("Russia")  # pycountry's ISO name
    assert index.by_name("the United States") is index.by_name("U.S.") is index.by_name("US")
    assert index.by_name("us") is None  # the pronoun, not the country


def test_demonyms_and_capitals() -> None:
    index = country_index()
    emirati = index.by_demonym("Emirati")
    assert emirati is not None and emirati.name == "United Arab Emirates"
    south = index.by_demonym("South Korean")
    assert south is not None and south.code == "KR"
    ankara = index.by_capital("Ankara")
    assert ankara is not None and ankara.code == "TR"
    assert index.by_capital("Springfield") is None


def test_ambiguous_names_are_not_forced_by_the_ruler() -> None:
    names = set(country_index().ruler_names())
    assert {"South Korea", "Türkiye", "UK", "Taiwan", "Iran"} <= names
    assert "Jordan" not in names and "Chad" not in names  # also given names
    assert "America" not in names  # "South America" is not the United States


def test_a_small_index_built_from_records() -> None:
    index = CountryIndex([CountryRecord(code="NO", name="Norway", demonyms=["Norwegian"], capitals=["Oslo"])])
    norway = index.by_name("Kingdom of Norway")  # added from pycountry's official name
    assert norway is not None and norway.code == "NO"
    assert index.by_capital("Oslo") is norway
