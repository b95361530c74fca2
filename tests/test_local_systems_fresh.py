"""Systems recall on fresh text: invented designators, named ships and look-alikes (tests/data)."""

from __future__ import annotations

import pytest

from bot.core.article import Article
from bot.core.local.analysis import Analysis
from bot.core.local.nlp import load_nlp
from bot.core.local.systems import find_systems
from bot.core.models import System
from tests.data.fresh_systems import CASES, FreshCase


def _systems(text: str) -> list[System]:
    return find_systems(Analysis(article=Article(text=text), doc=load_nlp()(text), published=None))


def _hits(text: str, systems: list[System], phrase: str) -> list[System]:
    """Systems with a mention overlapping the first occurrence of `phrase`."""
    start = text.index(phrase)
    end = start + len(phrase)
    return [s for s in systems if any(m.start < end and start < m.end for m in s.mentions)]


def _names(text: str) -> dict[str, System]:
    return {s.name: s for s in _systems(text)}


def test_fresh_paragraphs_recall_and_no_look_alikes() -> None:
    found = wanted = 0
    taken: list[str] = []
    for case in CASES:
        systems = _systems(case.text)
        found += sum(bool(_hits(case.text, systems, w)) for w in case.want)
        wanted += len(case.want)
        taken += [a for a in case.avoid if _hits(case.text, systems, a)]
    assert taken == []
    assert found / wanted >= 0.95, f"{found}/{wanted}"


@pytest.mark.parametrize("case", [c for c in CASES if not c.want], ids=lambda c: c.avoid[0])
def test_look_alike_paragraphs_hold_no_system(case: FreshCase) -> None:
    assert _systems(case.text) == []


def test_ship_named_after_a_ship_type_noun() -> None:
    text = (
        "Customs officers boarded the oil tanker Marisol Dawn near the strait. Aboard the "
        "minehunter Vigra Nord, sailors watched as the Marisol Dawn's crew were led away."
    )
    ships = _names(text)
    assert set(ships) == {"Marisol Dawn", "Vigra Nord"}
    assert len(ships["Marisol Dawn"].mentions) == 2
    assert ships["Vigra Nord"].category == "warship"


def test_ship_verb_and_countries_after_a_ship_noun_are_not_names() -> None:
    text = "Allies pledged to ship Marlin batteries, and the frigate Norway ordered was delayed."
    assert _systems(text) == []


@pytest.mark.parametrize(
    ("text", "ship"),
    [
        ("EML Admiral Pitka left Tallinn with two minesweepers.", "EML Admiral Pitka"),
        ("KDB Darussalam and KD Lekiu sailed for the drill.", "KDB Darussalam"),
        ("The Greek frigate HS Psara escorted the convoy.", "HS Psara"),
    ],
)
def test_more_navy_prefixes(text: str, ship: str) -> None:
    assert ship in _names(text)


def test_weak_prefix_needs_a_ship_sentence() -> None:
    text = "Importers must list HS Codes for every part, and MV Power lines were checked."
    assert _systems(text) == []


def test_class_after_a_sentence_initial_article() -> None:
    text = "The Sandvik-class patrol vessels are due for retirement next year."
    assert "Sandvik-class" in _names(text)


def test_nickname_joins_the_designated_system() -> None:
    text = (
        "The army fielded its GXR-5 fire-control radar, dubbed “Owl”, last year. "
        "Crews say the Owl spots shells within seconds."
    )
    systems = _systems(text)
    assert [s.name for s in systems] == ["GXR-5"]
    assert "Owl" in systems[0].aliases
    assert len(systems[0].mentions) == 3


def test_single_digit_type_needs_a_head_noun() -> None:
    assert "Type 9B" in _names("The navy will buy four Type 9B patrol boats for the coast.")
    assert _systems("Patients with Type 2 diabetes and Type 1A allergies were studied.") == []


def test_mark_designators() -> None:
    names = _names("Guards carried SkyStopper Mk3 jammers; the Mk 2 Mod 4 torpedo was retired.")
    assert {"SkyStopper Mk3", "Mk 2 Mod 4"} <= set(names)
    assert _systems("The Mk 4 edition of the novel sold well in the spring.") == []


def test_letter_number_hyphen_number_needs_a_head_and_takes_a_family_word() -> None:
    names = _names("The marines drove a Puma T18-20 armoured vehicle onto the beach.")
    assert "Puma T18-20" in names
    assert not names["Puma T18-20"].in_register
    assert _systems("Scores of B12-14 were recorded in the survey of schools.") == []


def test_airliner_needs_a_defence_story() -> None:
    civil = "The Airbus A321 airliner left the gate late, the airline said."
    military = "The air force turned an Airbus A321 airliner into a tanker for its fighter jets."
    assert _systems(civil) == []
    assert any("A321" in s.name for s in _systems(military))


def test_series_numeral_after_a_proper_name() -> None:
    names = _names("Rescuers flew the Sikorsky ZH-4 Falcon II helicopter to the island.")
    assert "Sikorsky ZH-4 Falcon II" in names


def test_standard_label_after_an_aircraft_name_but_not_alone() -> None:
    text = "Egypt's Rafale F4 jets arrive in May; the F4 standard adds a new datalink."
    systems = _systems(text)
    assert [s.name for s in systems] == ["Rafale F4"]
    assert len(systems[0].mentions) == 1


def test_road_after_a_register_designation_is_a_road() -> None:
    assert _systems("Traffic on the A-10 road and the M1 motorway was slow.") == []


def test_navigation_constellations_in_a_defence_story() -> None:
    text = "Russian jamming of GPS signals forced military pilots to use Galileo satellites."
    names = _names(text)
    assert {"GPS", "Galileo"} <= set(names)
    assert names["GPS"].category == "satellite constellation"
    assert "GPS" not in _names("The air force dropped GPS-guided bombs on a bridge near the front.")


def test_counted_names_before_a_helicopter() -> None:
    names = _names("The ministry bought six Tundra helicopters from a local firm.")
    assert names["Tundra"].category == "helicopter"
    assert _systems("Three Police helicopters and two Ossetian helicopters circled the city.") == []


def test_named_programmes_whose_words_name_hardware() -> None:
    found = _names(
        "Australia's Future Submarine Programme and the Next Generation Missile Project were reviewed, "
        "along with Norway's National Satellite System. The Business Continuity Project was not."
    )
    assert {"Future Submarine Programme", "Next Generation Missile Project", "National Satellite System"} <= set(found)
    assert "Business Continuity Project" not in found


def test_designated_shells_and_data_links() -> None:
    found = _names(
        "The plant will make a new shell with extended range, designated RX-210 ER-B. The terminals "
        "support the Link 22 data network."
    )
    assert found["RX-210 ER-B"].category == "artillery ammunition"
    assert found["Link 22"].category == "tactical data link"


def test_slash_variants_stay_one_name() -> None:
    assert "MiG-29M/M2" in _names("The air force flies MiG-29M/M2 fighters from two bases.")


def test_a_transcript_speaker_label_is_not_a_system() -> None:
    text = "DANA KOVAC (HOST): Welcome back. The Czech army still fields the DANA howitzer."
    dana = _names(text)["DANA"]
    assert [m.start for m in dana.mentions] == [text.index("DANA howitzer")]


def test_each_ground_master_radar_is_its_own_entry() -> None:
    found = _names("Thales showed the Ground Master 200 beside a GM400 and a GF300 on the stand.")
    assert {"Ground Master 200", "Ground Master 400", "Ground Fire 300"} <= set(found)


def test_unknown_designators_backed_by_an_appositive_or_a_nicknamed_head() -> None:
    found = _names(
        'Ostra Dynamics unveiled the KX-70, a containerised power and cooling module for air-defence '
        'batteries. It will also build its QRN-2 "Keystone" inertial measurement unit in Tampere.'
    )
    assert found["KX-70"].category == "equipment"
    assert found["QRN-2"].category == "sensor"


def test_a_time_after_a_word_is_no_designator() -> None:
    assert _names("BREAKING | Updated 14 minutes ago\n\nTroops crossed the river.") == {}


def test_a_quoted_nickname_after_a_designator_is_an_alias_everywhere() -> None:
    text = (
        'Ostra will move its QRN-2 "Keystone" inertial measurement unit into production. '
        "It needs a licence to ship Keystone units abroad."
    )
    qrn = _names(text)["QRN-2"]
    assert "Keystone" in qrn.aliases
    assert text.rindex("Keystone") in [m.start for m in qrn.mentions]


def test_mine_countermeasures_classes_and_batch_variants() -> None:
    names = _names(
        "The Alta-class minesweepers have been laid up. The fuel-cell modules of the three "
        "KSS-III Batch-I submarines were copied."
    )
    assert names["Alta-class"].category == "mine countermeasures vessel"
    assert "KSS-III Batch-I" in names and "Batch-I" not in names


def test_unknown_designators_backed_by_rounds_and_projectiles() -> None:
    names = _names(
        "The first 4,000 completed RG-155 ER rounds were delivered in December, and the army is "
        "buying a licensed copy of the US M795 high-explosive projectile."
    )
    assert names["RG-155 ER"].category == "ammunition"
    assert names["M795"].category == "munition"


def test_a_name_described_by_a_system_noun_right_after_it() -> None:
    text = (
        "The intrusion bears the hallmarks of TIDELOCK 2.1, a ransomware variant first seen in "
        "August. Skylark, a small drone that flies low, was also shown. Anduril, a drone maker, "
        "said it would bid; Jan Kowalski, a drone pilot, agreed; Iran, a missile power, objected."
    )
    names = _names(text)
    assert names["TIDELOCK 2.1"].category == "cyber tool"
    assert names["Skylark"].category == "UAV"
    assert not {"Anduril", "Jan Kowalski", "Iran"} & set(names)


def test_a_designator_set_off_after_a_system_noun() -> None:
    names = _names(
        "Drones will do the work. The first of those vessels, the MUV-12 from Fjordlab, completed "
        "its trials. The applicants, the CX-4 forms, were filed."
    )
    assert names["MUV-12"].category == "vessel"
    assert "CX-4" not in names


def test_variant_letters_stay_with_their_designator() -> None:
    text = "Poland bought 116 ex-US Marine Corps M1A1 FEP tanks, and the army flew MQ-9 UAV drones."
    names = _names(text)
    assert "FEP" not in names
    written = {text[m.start : m.end] for s in names.values() for m in s.mentions}
    assert "M1A1 FEP" in written and "MQ-9 UAV" not in written


def test_names_called_right_after_their_noun_and_described_in_any_alphabet() -> None:
    text = (
        "The navy created a counter-drone programme called Waakhond last year. The institute is "
        "testing a fast attack boat called Kuai Chi. The stand showed the Gökberk, a truck-mounted "
        "laser designed to burn through small drones. A man called Jan Visser said the drone was late."
    )
    names = _names(text)
    assert names["Waakhond"].category == "defence programme"
    assert names["Kuai Chi"].category == "vessel"
    assert names["Gökberk"].category == "directed-energy weapon"
    assert "Jan Visser" not in names


def test_word_names_described_before_their_noun_keep_their_variant_letters() -> None:
    text = (
        "FNSS displayed the Kaplan MT medium tank, and Roketsan displayed the Çakır cruise missile. "
        "The Kim missile test failed."
    )
    names = _names(text)
    assert names["Kaplan MT"].category == "tank"
    assert names["Çakır"].category == "missile"
    assert "Kim" not in names and "Çakır cruise" not in names


def test_standards_after_missile_names_and_more_backing_nouns() -> None:
    text = (
        "The frigate will carry Exocet MM40 Block 3 anti-ship missiles. The attackers used a modular "
        "implant that the report designates KS-4. Its TR-680M manpack and the smaller TR-680H "
        "handheld share software. The firm exported 14,000 FZ-35P programmable fuzes."
    )
    names = _names(text)
    assert "Exocet MM40 Block 3" in names
    assert {"KS-4", "TR-680M", "TR-680H", "FZ-35P"} <= set(names)
    assert names["TR-680H"].category == "radio"
