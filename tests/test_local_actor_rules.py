"""General actor rules, one test each, on texts written for these tests (no dev-set names)."""

from __future__ import annotations

import pytest

from bot.core.article import Article
from bot.core.local.actors import find_actors
from bot.core.local.analysis import Analysis
from bot.core.local.nlp import load_nlp
from bot.core.local.press import carrier_names
from bot.core.models import Actor


def actors_of(text: str) -> list[Actor]:
    doc = load_nlp()(text)
    analysis = Analysis(article=Article(text=text, extractor="plain"), doc=doc, published=None)
    return find_actors(analysis, [])


def names(actors: list[Actor]) -> set[str]:
    return {n for a in actors for n in [a.name, *a.aliases]}


def named(actors: list[Actor], name: str) -> Actor:
    hits = [a for a in actors if a.name == name or name in a.aliases]
    assert len(hits) == 1, f"{name!r} in {[a.name for a in actors]}"
    return hits[0]


HARBOUR = (
    "Shipyard lays keel for coastal tanker\n\n"
    "By Wulan Sekar Rahayu\n\n"
    "MAKASSAR, Indonesia, May 4 (Harbour Wire) - Work began on a coastal tanker at state shipyard "
    "PT Samudra Karya in Makassar on Monday.\n\n"
    "Defense lawyer Tobias Wendt-Mbeki told the court his client was innocent. Wendt-Mbeki said an "
    "appeal was likely.\n\n"
    "Deputy Minister for Maritime Industry Farida Osei-Lamptey told lawmakers the yard was ready.\n\n"
    "Procurement Secretary Shri Vikram Taneja attended the ceremony.\n\n"
    "The first boats will be based in western Sulawesi and will use the Kestrel fire-control system."
)


@pytest.fixture(scope="module")
def harbour() -> list[Actor]:
    return actors_of(HARBOUR)


def test_company_legal_form_prefix_is_part_of_the_name(harbour: list[Actor]) -> None:
    assert "PT Samudra Karya" in names(harbour)
    assert "Samudra Karya" not in {a.name for a in harbour}


def test_hyphenated_surname_is_kept_whole(harbour: list[Actor]) -> None:
    wendt = named(harbour, "Tobias Wendt-Mbeki")
    assert wendt.kind == "person"
    assert "Tobias Wendt" not in names(harbour)


def test_name_after_a_title_with_its_portfolio(harbour: list[Actor]) -> None:
    farida = named(harbour, "Farida Osei-Lamptey")
    assert farida.kind == "person"
    assert "Maritime Industry Farida Osei-Lamptey" not in names(harbour)


def test_honorific_is_stripped_and_the_role_read_before_it(harbour: list[Actor]) -> None:
    taneja = named(harbour, "Vikram Taneja")
    assert taneja.role is not None and "Secretary" in taneja.role
    assert not any(n.startswith("Shri") for n in names(harbour))


def test_a_wire_credit_in_a_dateline_with_a_date_is_not_an_actor(harbour: list[Actor]) -> None:
    assert "Harbour Wire" not in names(harbour)
    assert "Wulan Sekar Rahayu" not in names(harbour)  # a reporter named only in the byline


def test_a_region_after_a_compass_word_is_a_place(harbour: list[Actor]) -> None:
    assert not {"Sulawesi", "Kestrel"} & names(harbour)


def test_places_products_and_programmes_are_not_actors() -> None:
    text = (
        "The frigates will sail from Tarrow Point naval base. Velde light armoured vehicles and "
        "Marlow radars were shown at the fair. The deal follows a Sharing of Expertise agreement. "
        "The minister for Coastal Affairs, Ines Duarte Lobo, said the plant of Vila Serrana would "
        "expand. The firm's chief executive spoke to a Brookvale distributor."
    )
    found = names(actors_of(text))
    assert (
        not {"Tarrow Point", "Velde", "Marlow", "Sharing of Expertise", "Coastal Affairs"} & found
    )
    assert not {"Vila Serrana", "Brookvale"} & found


def test_a_second_surname_after_a_person_entity_is_taken_in() -> None:
    text = "The Commander of the Navy, Admiral Tomás Ignacio Herrera Quintero, said the ships were ready."
    assert "Tomás Ignacio Herrera Quintero" in names(actors_of(text))


def test_a_scare_quoted_term_and_a_common_noun_use_are_not_actors() -> None:
    text = (
        "The plan is in line with the cabinet's vision of \u2018Swadhinata\u2019 in industry, "
        "the general said. \u201cWe built it from field lessons, not from a Keynote,\u201d he said."
    )
    assert not {"Swadhinata", "Keynote"} & names(actors_of(text))


def test_a_lone_word_tagged_as_a_person_needs_a_verb_of_its_own() -> None:
    text = (
        "Drones struck the depot at Karvesh last week. Oryol-based Sentec will deliver new jammers, "
        "the ministry said. Dragan Kolar, the company's founder, said Sentec had doubled output."
    )
    found = names(actors_of(text))
    assert "Karvesh" not in found


def test_a_plural_group_after_the_article_is_an_actor_and_merges_its_singular() -> None:
    text = (
        "Shipping slowed after months of Zaidi missile attacks. When the Zaidis fire a drone it costs "
        "little. The Zaidis still have missiles, the analyst said."
    )
    actors = actors_of(text)
    zaidis = [
        a for a in actors if a.name in {"Zaidis", "Zaidi"} or {"Zaidis", "Zaidi"} & set(a.aliases)
    ]
    assert len(zaidis) <= 1


def test_transliterated_surname_variants_merge() -> None:
    text = (
        "Oleksandr Kovalyuk, the founder of Skyforge, said orders had tripled.\n\n"
        "\u201cWe learned from every loss,\u201d Kovaliuk told the paper."
    )
    actors = actors_of(text)
    kov = named(actors, "Oleksandr Kovalyuk")
    assert "Kovaliuk" in kov.aliases


def test_an_acronym_that_employs_someone_is_an_actor() -> None:
    text = "The launcher maker, state-owned ZTM, showed a mock-up. A ZTM manager said exports would grow."
    assert "ZTM" in names(actors_of(text))


def test_an_acronym_defined_for_a_dropped_programme_name_goes_too() -> None:
    text = (
        "The Statement of Requirement (SoR) was approved by the council. The SoR covers ten radars."
    )
    assert not {"Statement of Requirement", "SoR"} & names(actors_of(text))


def test_foreign_organisation_named_before_its_acronym() -> None:
    text = "An official at the Direction g\u00e9n\u00e9rale de la s\u00e9curit\u00e9 (DGS) said the DGS agreed."
    assert "Direction g\u00e9n\u00e9rale de la s\u00e9curit\u00e9" in names(actors_of(text))


def test_people_introduced_by_bio_self_introduction_and_speaker_label() -> None:
    text = (
        "Tunde Adeyemi-Cole\n\nTunde Adeyemi-Cole is a senior fellow at the Lagoon Policy Centre.\n\n"
        "HANA LEE-VOSS (host): Welcome back to The Quiet Hour. I'm Hana Lee-Voss.\n\n"
        "ARI BEN-DAVID: Thanks for having me."
    )
    found = names(actors_of(text))
    assert "Tunde Adeyemi-Cole" in found
    assert "Hana Lee-Voss" in found or "HANA LEE-VOSS" in found
    assert "ARI BEN-DAVID" in found
    assert "Quiet Hour" not in found  # the show carries the story


def test_show_names_are_carriers() -> None:
    found = carrier_names("Welcome back to The Long Watch. The Long Watch is produced by Ada Park.")
    assert found == {"long watch"}


def test_a_rank_and_a_name_the_model_split_are_joined() -> None:
    text = "Its spokesman, Air Commodore Kelechi Obi-Nnamdi, said every strike is reviewed."
    person = named(actors_of(text), "Kelechi Obi-Nnamdi")
    assert person.kind == "person"


def test_demonym_forces_are_an_armed_forces_actor() -> None:
    text = "Last week the Moldovan forces shelled the outskirts of the village, the mayor said."
    assert "Moldovan forces" in names(actors_of(text))


def test_company_subsidiary_named_by_its_country() -> None:
    text = "The vehicles were built by Quillon Australia in Adelaide and shipped last month."
    assert "Quillon Australia" in names(actors_of(text))


def test_a_company_name_with_a_digit_that_acts_is_kept() -> None:
    text = "The Koreans deliver on time, and Hanjin Nex7 is willing to build locally."
    assert "Hanjin Nex7" in names(actors_of(text))


def test_a_name_run_on_after_an_office_in_a_role_phrase_is_split() -> None:
    text = (
        "The deputy to the Assembly Rafael Ortega Paredes, of the opposition, questioned the price."
    )
    assert "Rafael Ortega Paredes" in names(actors_of(text))


def test_a_quoted_nickname_inside_an_organisation_name_is_kept_whole() -> None:
    text = "Analyst Ivo Brandt from the Centre for Border Studies \u201cRampart\u201d says drones decide."
    assert "Centre for Border Studies \u201cRampart\u201d" in names(actors_of(text))


def test_a_place_in_a_role_phrase_does_not_speak() -> None:
    text = "Mara Lind, the company's head of sales for Northern Europe, told reporters the order was firm."
    assert "Northern Europe" not in names(actors_of(text))


def test_regimes_and_lists_are_not_actors() -> None:
    text = (
        "The Commerce Department added Orlov Trading to its Entity List. Thermal cores are controlled "
        "under the Wassenaar Arrangement, and the Missile Technology Control Regime covers the rockets."
    )
    found = names(actors_of(text))
    assert not found & {"Entity List", "Wassenaar Arrangement", "Missile Technology Control Regime"}
    assert "Commerce Department" in found


def test_a_party_title_before_a_name_becomes_the_role() -> None:
    text = "Labour MP Joanna Whitcombe said the submarines were late. Whitcombe asked for a new audit."
    whitcombe = next(a for a in actors_of(text) if "Whitcombe" in a.name)
    assert whitcombe.name == "Joanna Whitcombe"
    assert whitcombe.role is not None and "MP" in whitcombe.role


def test_a_name_ending_a_sentence_leaves_the_full_stop() -> None:
    text = '"We do not comment on deliveries," said the spokesman of the company Martin Dubovský.'
    assert "Martin Dubovský" in names(actors_of(text))


def test_organisation_names_the_model_cut_short() -> None:
    text = (
        "The Royal Netherlands Navy ordered four units. Kenya sent a battle group to the African Union "
        "Support and Stabilization Mission in Somalia last week."
    )
    found = names(actors_of(text))
    assert "Royal Netherlands Navy" in found
    assert "African Union Support and Stabilization Mission in Somalia" in found


def test_a_retired_rank_in_brackets_is_part_of_the_title() -> None:
    text = '"We were winning every engagement," said Rear Admiral (retd) Henrik Dahlgaard, a former commander.'
    found = names(actors_of(text))
    assert "Henrik Dahlgaard" in found
    assert not {"Rear Admiral", "Rear Adm."} & found


def test_box_headings_in_capitals_are_not_actors() -> None:
    text = (
        "Algeria and Egypt are buying fighters.\n\nFACT BOX\n\n- Algeria: 14 Su-30MKA on order.\n\n"
        "KEY FACTS\n\n- Egypt: 24 Rafale delivered."
    )
    found = names(actors_of(text))
    assert not {"FACT BOX", "KEY FACTS"} & found
    assert {"Algeria", "Egypt"} <= found


def test_list_bullets_and_photo_desks_are_not_part_of_names() -> None:
    from bot.core.local.engine import LocalEngine

    text = (
        "Port hit by ransomware\n\nKey points\n"
        "\u2022 The Harbour Ports Authority (HPA) says a ransomware attack has disabled its terminals.\n"
        "\u2022 Ferries to the outer islands are suspended.\n\n"
        "The HPA said on Tuesday that it expected to restore systems within days.\n\n"
        "Photo: Trucks queue at the main gate on Wednesday. (Juma Odera / Coast Desk)\n"
    )
    actors = LocalEngine().brief_sync(Article(text=text, extractor="plain")).actors
    found = names(actors)
    assert "Harbour Ports Authority" in found and "HPA" in found
    assert "Ferries" not in found
    assert not any("/" in n for n in found)


def test_an_institution_before_a_relative_who_is_not_a_person() -> None:
    actors = actors_of(
        "A senior official at the National Treasury, who asked not to be named, said the state would "
        "not pay. The National Treasury later confirmed the position."
    )
    assert named(actors, "National Treasury").kind == "organization"


def test_wars_and_regional_adjectives_are_not_actors() -> None:
    found = names(
        actors_of(
            "Veterans of the Yom Kippur War met Central European and Southeast Asian delegates in "
            "Warsaw, where the Institute for the Study of War presented its report to Poland's "
            "defence ministry."
        )
    )
    assert not {"Yom Kippur War", "Central European", "Southeast Asian"} & found
    assert "Institute for the Study of War" in found


def test_a_town_tagged_as_a_person_is_a_place_by_its_first_word() -> None:
    found = names(
        actors_of(
            "Ana Ribeiro was born in Campinas, in the state of São Paulo, and studied physics at the "
            "University of São Paulo before joining the space agency. São Paulo later named a school "
            "after her. Santiago Peña, the president of Paraguay, sent condolences."
        )
    )
    assert "São Paulo" not in found and "Paulo" not in found
    assert "Ana Ribeiro" in found


def test_a_name_after_a_title_with_its_portfolio() -> None:
    actors = actors_of(
        "The replies were tabled by Minister of State for Defence Raghav Prakash Menon. Menon said "
        "the trials were complete. Vice-Minister for Defence Strategy Natalia Ortega Gil said offers "
        "would be scored on life-cycle cost."
    )
    menon = named(actors, "Raghav Prakash Menon")
    assert menon.role == "Minister of State for Defence" and "Menon" in menon.aliases
    assert not any(a.name.startswith("Strategy") for a in actors)


def test_an_apposed_name_with_a_particle_after_a_heading() -> None:
    from bot.core.local.engine import LocalEngine

    text = (
        "Court annuls fuze licence\n\nThe tribunal ruled on Tuesday that the licence was unlawful.\n\n"
        "Reactions\n\nFemke de Vries, the lawyer for the foundation, called the ruling \u201can important "
        "signal.\u201d\n\nCase: Foundation v. Minister for Foreign Trade and Development Aid\n"
    )
    actors = LocalEngine().brief_sync(Article(text=text, extractor="plain")).actors
    assert "Femke de Vries" in names(actors)
    assert not any(a.name.startswith("Reactions") or a.role and a.role.startswith("Minister for") for a in actors)
