"""Designators the register does not know, kept when the text backs them (texts written for these tests)."""

from __future__ import annotations

import pytest

from bot.core.article import Article
from bot.core.local.analysis import Analysis
from bot.core.local.nlp import load_nlp
from bot.core.local.systems import find_systems
from bot.core.local.unknown_designators import family_before, named_before
from bot.core.models import System


def _systems(text: str) -> dict[str, System]:
    analysis = Analysis(article=Article(text=text), doc=load_nlp()(text), published=None)
    return {s.name: s for s in find_systems(analysis)}


@pytest.mark.parametrize(
    "text",
    [
        "The buoy chain, built by a Tromsø yard and designated QL-71 Sjøløve, will be laid next year.",
        "Engineers are testing a new mast under the working designation RT-9 Żuraw at the plant.",
        "The firm has been marketing a planning package named Kestrel KX-5 to several buyers.",
        "Lathes sold as the Tanaka TM-880 by a Kobe workshop reached a buyer in Minsk.",
        "Investigators photographed a plastic tail fin marked QRT-80 among the debris.",
    ],
)
def test_a_naming_phrase_backs_an_unknown_designator(text: str) -> None:
    systems = _systems(text)
    assert len(systems) == 1, systems
    (system,) = systems.values()
    assert not system.in_register
    start = system.mentions[0].start
    assert text[start : system.mentions[0].end] == system.name


def test_a_name_after_the_designator_may_use_any_alphabet() -> None:
    text = "The navy ordered the sonar designated QL-71 Sjøløve for its new corvettes."
    assert "QL-71 Sjøløve" in _systems(text)


def test_family_word_before_joins_the_name_and_the_bare_designator_stays_an_alias() -> None:
    text = "Harrow Dynamics unveiled the Kestrel KX-5 loitering munition at the show on Tuesday."
    system = _systems(text)["Kestrel KX-5"]
    assert "KX-5" in system.aliases and system.category == "loitering munition"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Finnish KX-5 drones", "Finnish"),  # a nationality
        ("Poland's KX-5 drones", "Poland"),  # a possessive owner
        ("The army said. Kestrel KX-5 drones", "Kestrel"),  # opens the sentence
        ("the USAF KX-5 drones", "USAF"),  # an acronym: mostly an operator
        ("the Army KX-5 drones", "Army"),  # an organisation word
    ],
)
def test_family_word_is_not_a_nationality_owner_or_sentence_opener(text: str, word: str) -> None:
    start = text.index("KX-5")
    assert family_before(text, start) == start, word


def test_family_word_found_mid_sentence() -> None:
    text = "They flew the Kestrel KX-5 from a barge."
    assert family_before(text, text.index("KX-5")) == text.index("Kestrel")


def test_naming_phrases() -> None:
    assert named_before("a mast designated ", len("a mast designated "))
    assert named_before("sold as the ", len("sold as the "))
    assert not named_before("orders for the ", len("orders for the "))
    assert not named_before("the CEO called the ", len("the CEO called the "))  # called it a success


def test_a_sibling_model_of_a_backed_designator_is_kept_on_its_own() -> None:
    text = (
        "Harrow Dynamics launched the KX-5, a tube-launched loitering munition.\n\n"
        "The KX-5M is a version for boats, and the company expects orders next year."
    )
    systems = _systems(text)
    assert {"KX-5", "KX-5M"} <= set(systems)
    assert systems["KX-5M"].category == systems["KX-5"].category


def test_an_unrelated_code_is_not_backed_by_a_sibling() -> None:
    text = (
        "Harrow Dynamics launched the KX-5, a tube-launched loitering munition.\n\n"
        "Staff filled in form KX-512 before the meeting."
    )
    assert "KX-512" not in _systems(text)



def test_a_quoted_nickname_backs_a_designator_and_becomes_an_alias() -> None:
    text = 'The air arm relies on one converted airliner, the RX-404 "Condor," which needs repairs.'
    system = _systems(text)["RX-404"]
    assert "Condor" in system.aliases
