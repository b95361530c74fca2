"""The bundled place list loads against its schema, and towns the model tags as names are not actors."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from pydantic import ValidationError

from bot.core.local.countries import country_index
from bot.core.local.gazetteer import DATA_FILE, PlacesFile, is_town, load_places
from tests.test_local_actors import actors_of, names


def test_the_bundled_file_matches_its_schema() -> None:
    raw = resources.files("bot.core").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    places = PlacesFile.model_validate_json(raw)
    assert "GeoNames" in places.source and "CC BY" in places.source
    assert len(places.names) > 5000
    assert not any(country_index().by_name(n) for n in places.names[:2000])  # states are not towns


def test_schema_refuses_unsorted_or_padded_names() -> None:
    for listed in (["Oslo", "Bergen"], [" Oslo"], ["Bergen", "Bergen"]):
        document = {"source": "test list 1", "min_population": 1, "names": listed}
        with pytest.raises(ValidationError):
            PlacesFile.model_validate_json(json.dumps(document))


def test_towns_and_not_towns() -> None:
    assert load_places()
    assert is_town("Espoo") and is_town("Kismayo")
    assert not is_town("Toyota")  # a company first in this domain
    assert not is_town("Finland")


def test_a_town_the_model_takes_for_an_organisation_is_not_an_actor() -> None:
    text = (
        "Repairs to the power cable, which runs about 80 km between Espoo and Tallinn, will take "
        "weeks, Finland's grid operator Voltnet Oy said on Monday."
    )
    found = names(actors_of(text))
    assert "Espoo" not in found
    assert "Voltnet Oy" in found
