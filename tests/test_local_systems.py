"""The systems extractor on short texts written for these tests (names and phrasing unlike the dev set)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.article import Article
from bot.core.local.analysis import Analysis
from bot.core.local.nlp import load_nlp
from bot.core.local.register import variant_key
from bot.core.local.systems import find_systems
from bot.core.models import System


def _systems(text: str, parse: bool = True) -> list[System]:
    nlp = load_nlp()
    doc = nlp(text) if parse else nlp.make_doc(text)
    return find_systems(Analysis(article=Article(text=text), doc=doc, published=None))


def _by_name(systems: list[System]) -> dict[str, System]:
    return {s.name: s for s in systems}


def _assert_grounded(text: str, systems: list[System]) -> None:
    """Every mention span is in the text and spells the name or one of the aliases."""
    for system in systems:
        names = {variant_key(n).casefold() for n in [system.name, *system.aliases]}
        assert system.mentions
        for span in system.mentions:
            assert 0 <= span.start < span.end <= len(text)
            assert variant_key(text[span.start : span.end]).casefold() in names


def test_known_variant_resolves_to_canonical_entry() -> None:
    text = (
        "Moscow moved an S-400 regiment to the Baltic coast last month. "
        "NATO refers to the system as the SA-21 Growler."
    )
    systems = _systems(text)
    assert [s.name for s in systems] == ["S-400 Triumf"]
    s400 = systems[0]
    assert s400.category == "SAM system"
    assert s400.origin == "Russia"
    assert s400.in_register
    assert {"S-400", "SA-21 Growler"} <= set(s400.aliases)
    assert len(s400.mentions) == 2
    _assert_grounded(text, systems)


def test_spelling_variants_and_plurals_are_one_system() -> None:
    text = "Romania flew its F16 jets alongside Dutch F-16s, while MIG-29 fighters stayed grounded."
    systems = _by_name(_systems(text))
    assert len(systems["F-16 Fighting Falcon"].mentions) == 2
    assert systems["MiG-29 Fulcrum"].category == "fighter aircraft"
    _assert_grounded(text, list(systems.values()))


def test_the_richer_form_in_the_text_is_the_name() -> None:
    text = (
        "Slovakia received its first F-16 Block 70 fighters on Friday. "
        "The Block 70 carries a new radar, and the Mk 41 launchers were not part of the deal."
    )
    systems = _by_name(_systems(text))
    f16 = systems["F-16 Block 70"]
    assert f16.category == "fighter aircraft"
    assert "Block 70" in f16.aliases
    assert len(f16.mentions) == 2
    _assert_grounded(text, list(systems.values()))


def test_maker_prefix_and_bare_designator_merge() -> None:
    text = "Kenya is buying Bayraktar TB3 drones for its navy. Each TB3 can take off from a short deck."
    systems = _systems(text)
    assert [s.name for s in systems] == ["Bayraktar TB3"]
    assert systems[0].aliases == ["TB3"]
    assert len(systems[0].mentions) == 2


def test_unknown_designator_with_proper_name_is_found_by_pattern() -> None:
    text = "Norway's army tested the XR-9 Fjordhawk surveillance drone over the weekend near Bodø."
    systems = _systems(text)
    assert [s.name for s in systems] == ["XR-9 Fjordhawk"]
    assert not systems[0].in_register
    assert systems[0].category == "UAV"
    assert "XR-9" in systems[0].aliases
    _assert_grounded(text, systems)


def test_category_phrase_and_defined_acronym_become_part_of_the_system() -> None:
    text = (
        "Serbia paraded the ALN 240 Multiple Launch Rocket System (MLRS) in Belgrade. "
        "Officials said the MLRS can fire guided rockets out to 90 km."
    )
    systems = _systems(text)
    assert len(systems) == 1
    mlrs = systems[0]
    assert mlrs.name == "ALN 240 Multiple Launch Rocket System"
    assert mlrs.category == "MLRS"
    assert {"ALN 240", "MLRS"} <= set(mlrs.aliases)
    assert len(mlrs.mentions) == 3  # the full name, "(MLRS)" and the later "MLRS"
    _assert_grounded(text, systems)


def test_named_malware_and_software_are_found_by_how_they_are_introduced() -> None:
    text = (
        "Investigators found an implant that researchers named WinterMoth on the ministry's servers. "
        "The contractor folded the data into Halcyon, its software suite for targeting cells. "
        "WinterMoth beaconed every six hours."
    )
    systems = _by_name(_systems(text))
    assert systems["WinterMoth"].category == "cyber tool"
    assert len(systems["WinterMoth"].mentions) == 2
    assert systems["Halcyon"].category == "software"


def test_named_ship_with_hull_number_and_later_mention() -> None:
    text = "The Royal Navy frigate HMS Glasgow (F88) sailed from the Clyde. The Glasgow will join NATO."
    systems = _systems(text)
    assert [s.name for s in systems] == ["HMS Glasgow"]
    assert systems[0].category == "frigate"
    assert {"F88", "Glasgow"} <= set(systems[0].aliases)
    _assert_grounded(text, systems)


@pytest.mark.parametrize(
    "text",
    [
        "G7 leaders met as COVID-19 cases rose; Q4 2025 earnings beat forecasts and FY2026 looks weak.",
        "Students on F-1 visas and H-1B holders face new rules under Article 5 and Section 230.",
        "The 5G rollout met ISO 9001 rules; APT28 and UNC3886 hacked routers; the H5N1 virus spread.",
        "Flight MH17 was shot down in 2014; Route 66 and the M25 were closed; NOK 640 million was paid.",
        "The Patriot Act passed in 2001, Spike Lee won an award and Archer Daniels Midland shares rose.",
        "Tesla recalled the Model 3, Apple sold the iPhone 16 and Sony priced the PS5 Pro at $699.",
    ],
)
def test_look_alikes_are_not_systems(text: str) -> None:
    assert _systems(text) == []


def test_an_ordinary_word_name_needs_defence_context() -> None:
    assert _systems("The Patriot Act passed the Senate.") == []
    text = "Germany will send two more Patriot batteries to Poland."
    assert [s.name for s in _systems(text)] == ["MIM-104 Patriot"]


def test_a_lone_name_that_ends_another_system_is_merged_into_it() -> None:
    text = "An Indian Navy P-8I Poseidon tracked the submarine. The Poseidon then returned to base."
    systems = _systems(text)
    assert [s.name for s in systems] == ["P-8I Poseidon"]
    assert len(systems[0].mentions) == 2


def test_chips_and_models_keep_their_versions() -> None:
    text = "The lab fine-tuned Llama 3.3 70B on a cluster of Nvidia H200 GPUs rather than older A100 chips."
    systems = _by_name(_systems(text))
    assert systems["Llama 3.3 70B"].category == "AI model"
    assert systems["Nvidia H200"].category == "chip"
    assert systems["Nvidia A100"].aliases == ["A100"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "F-16",
        "\x00\x01\x02 F-16 \x7f",
        '«F‑35» „Su‑57“ "unbalanced',
        "مرحبا بالعالم S-400 شكرا",
        "戦闘機F-35Aと早期警戒機E-2Dが配備された",
        "no sentence end F-35 and HIMARS and Type 055" * 50,
    ],
)
def test_adversarial_text_does_not_crash(text: str) -> None:
    _assert_grounded(text, _systems(text))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_random_text_gives_grounded_systems(text: str) -> None:
    _assert_grounded(text, _systems(text, parse=False))


# --- general rules added against a second, independently written set ---------------------------


def test_two_versions_of_one_model_are_two_systems() -> None:
    text = (
        "Hungary will retire its Leopard 2A4 fleet once the Leopard 2A7 tanks arrive, and the "
        "Leopard 2 family will then be the army's only tank. The Leopard 2A4s go to storage."
    )
    systems = _by_name(_systems(text))
    assert {"Leopard 2A4", "Leopard 2A7"} <= set(systems)
    assert len(systems) == 2
    _assert_grounded(text, list(systems.values()))


def test_same_model_written_twice_stays_one_system() -> None:
    text = "The Patriot PAC-3 MSE interceptor is costly. Each PAC-3 MSE missile costs millions."
    assert len(_systems(text)) == 1


def test_country_code_suffix_belongs_to_the_model() -> None:
    text = "The army still fields old T-72M4 CZ tanks alongside newer vehicles."
    assert "T-72M4 CZ" in _by_name(_systems(text))


def test_acronym_written_in_title_case_inside_a_compound() -> None:
    text = "The Royal Navy will operate the SSN-Aukus boats from the late 2030s."
    systems = _systems(text)
    assert [s.name for s in systems] == ["SSN-AUKUS"]
    _assert_grounded(text, systems)


def test_lone_title_case_acronym_needs_context() -> None:
    assert _systems("Guests at the gala dressed as Julius Caesar and Cleopatra.") == []


def test_adjective_compound_before_a_name_does_not_hide_it() -> None:
    text = "The first Korean-built SSN-AUKUS is years away, officials admitted."
    assert [s.name for s in _systems(text)] == ["SSN-AUKUS"]


def test_generic_drone_acronym_is_not_a_system() -> None:
    text = "Both sides now fly cheap FPV drones over the front, dozens a day."
    assert _systems(text) == []


def test_designator_with_terminal_head_noun() -> None:
    text = (
        "Each vehicle gets the QX-12 terminal, a tablet that links its sights to the company net."
    )
    systems = _by_name(_systems(text))
    assert "QX-12" in systems
    assert systems["QX-12"].category == "command system"


def test_ship_prefix_after_a_place_preposition_is_a_base() -> None:
    text = "Allied submarines will rotate through HMNZS Philomel, near Auckland, from next year."
    assert _systems(text) == []


def test_ship_name_at_sentence_end_drops_the_full_stop() -> None:
    text = "The crew returned to port aboard HMCS Harbourton."
    assert [s.name for s in _systems(text)] == ["HMCS Harbourton"]


def test_a_class_name_leaves_its_owner_out() -> None:
    text = (
        "Denmark's Havhest-class corvettes and the Finnish Turso-class patrol boats sailed "
        "with the task group."
    )
    names = set(_by_name(_systems(text)))
    assert {"Havhest-class", "Turso-class"} <= names, names


def test_named_uncrewed_vessels_and_vehicles() -> None:
    text = "The navy tested the Kraken UUV off the coast, and a Bluebottle USV towed the sensor."
    systems = _by_name(_systems(text))
    assert systems["Kraken"].category == "unmanned underwater vehicle"
    assert systems["Bluebottle"].category == "unmanned surface vessel"


def test_jamming_equipment_is_a_head_noun() -> None:
    text = "The patrol had left its SkyFence Mk3 jamming equipment at the base that morning."
    assert _by_name(_systems(text))["SkyFence Mk3"].category == "electronic warfare system"


@pytest.mark.parametrize(
    ("text", "name", "category"),
    [
        ("The army bought the new drone, Skylark, which flies far.", "Skylark", "UAV"),
        ("The navy fielded its new radar, Seawatch, which tracks ships.", "Seawatch", "radar"),
        ("Reporters described a second tool, Heron Eye, that ranks targets.", "Heron Eye", "software"),
    ],
)
def test_a_name_set_off_after_a_system_noun(text: str, name: str, category: str) -> None:
    system = _by_name(_systems(text))[name]
    assert system.category == category


def test_a_person_set_off_after_a_role_is_no_system() -> None:
    assert _systems("He met the new drone pilot, Sam Fisher, a veteran of two tours.") == []


def test_written_spellings_and_the_form_without_a_maker_are_aliases() -> None:
    text = (
        "The jets carry the Israeli Python 5 missile. Her main sensor is the Thales QRS-9 Mk2 "
        "air-search radar."
    )
    systems = _by_name(_systems(text))
    python = next(s for s in systems.values() if "Python" in s.name)
    assert "Python 5" in [python.name, *python.aliases]
    radar = next(s for s in systems.values() if "QRS-9" in s.name)
    assert "QRS-9 Mk2" in [radar.name, *radar.aliases]


def test_every_titled_head_noun_has_a_category() -> None:
    import re as _re

    from bot.core.local.named_systems import TITLED
    from bot.core.local.system_lexicon import HEAD_NOUNS

    heads = _re.search(r"\(\?P<head>([^)]*)\)", TITLED.pattern)
    assert heads is not None
    missing = [h for h in heads.group(1).split("|") if h.lower() not in HEAD_NOUNS]
    assert missing == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("State-owned OTKM showed the Karatas 105mm light towed howitzer at the fair.", "Karatas"),
        ("The company displayed the Pars MT medium tank on its stand.", "Pars MT"),  # the variant letters belong to the name
        ("The army bought more Yıldırım launchers last year.", "Yıldırım"),
    ],
)
def test_a_name_before_modifiers_and_a_weapon_noun(text: str, name: str) -> None:
    assert name in _by_name(_systems(text))


def test_a_company_before_a_verb_and_a_weapon_noun_is_no_system() -> None:
    text = "The firm signed with South Korea's Daeyang Mechatronics to manufacture launcher parts."
    assert _systems(text) == []


def test_dutch_ship_prefixes_and_rat_malware() -> None:
    text = (
        "The first Dutch frigate, Zr.Ms. Van Speijk, is due in 2029. On some machines the attackers "
        "installed Mango RAT, a remote-access trojan, and code reused from earlier KiteRAT samples."
    )
    systems = _by_name(_systems(text))
    assert "Zr.Ms. Van Speijk" in systems
    assert systems["Mango RAT"].category == systems["KiteRAT"].category == "cyber tool"
