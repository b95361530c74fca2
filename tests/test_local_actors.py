"""The local actors extractor, on short texts written for these tests (no dev-set names)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.article import Article
from bot.core.local.actors import find_actors
from bot.core.local.analysis import Analysis
from bot.core.local.nlp import load_nlp
from bot.core.models import Actor, Span, System


def actors_of(text: str, systems: list[System] | None = None) -> list[Actor]:
    doc = load_nlp()(text)
    analysis = Analysis(article=Article(text=text, extractor="plain"), doc=doc, published=None)
    return find_actors(analysis, systems or [])


def named(actors: list[Actor], name: str) -> Actor:
    hits = [a for a in actors if a.name == name or name in a.aliases]
    assert len(hits) == 1, f"{name!r} in {[a.name for a in actors]}"
    return hits[0]


def names(actors: list[Actor]) -> set[str]:
    return {n for a in actors for n in [a.name, *a.aliases]}


PATROL = (
    "Chile and Peru sign coastal patrol pact\n\n"
    "By Laura Fenwick\n\n"
    "SANTIAGO, March 3 (Andes Wire) - Chile and Peru signed a coastal patrol agreement on Monday, "
    "Chilean Defence Minister Ana Rojas told reporters in Santiago.\n\n"
    '"This is a practical step," Rojas said. The minister added that joint patrols would start in June.\n\n'
    "Tomasz Nowak, the chief executive of Orlik Dynamics, said the company would supply six UAV ground "
    "stations and an MLRS simulator. Nowak told Reuters that production would begin at the firm's plant "
    "near Gdynia.\n\n"
    "Lima has said it wants a broader deal, and naval analyst Kirsten Dahl of the Pacific Maritime "
    "Institute (PMI) called the agreement modest. PMI has long argued for joint patrols.\n\n"
    "Peru's Minister of Foreign Affairs did not attend the ceremony. (Courtesy: Andes Wire)"
)


@pytest.fixture(scope="module")
def patrol() -> list[Actor]:
    return actors_of(PATROL)


def test_role_from_a_title_before_the_name(patrol: list[Actor]) -> None:
    dahl = named(patrol, "Kirsten Dahl")
    assert dahl.kind == "person"
    assert dahl.role == "naval analyst"
    assert dahl.affiliation == "Pacific Maritime Institute"


def test_role_and_affiliation_from_an_appositive(patrol: list[Actor]) -> None:
    nowak = named(patrol, "Tomasz Nowak")
    assert nowak.role == "chief executive of Orlik Dynamics"
    assert nowak.affiliation == "Orlik Dynamics"


def test_surname_mentions_merge_into_the_full_name(patrol: list[Actor]) -> None:
    nowak = named(patrol, "Tomasz Nowak")
    assert nowak.aliases == ["Nowak"]
    assert [PATROL[m.start : m.end] for m in nowak.mentions].count("Nowak") == 1
    assert not [a for a in patrol if a.name == "Nowak"]


def test_title_only_mention_is_a_mention_but_not_an_alias(patrol: list[Actor]) -> None:
    rojas = named(patrol, "Ana Rojas")
    written = [PATROL[m.start : m.end] for m in rojas.mentions]
    assert "The minister" in written
    assert all("minister" not in alias.lower() for alias in rojas.aliases)
    company = named(patrol, "Orlik Dynamics")
    assert company.kind == "organization"
    assert "the company" in [PATROL[m.start : m.end] for m in company.mentions]


def test_demonym_in_a_title_gives_the_country(patrol: list[Actor]) -> None:
    rojas = named(patrol, "Ana Rojas")
    assert rojas.role == "Chilean Defence Minister"
    assert rojas.affiliation == "Chile"


def test_countries_and_a_capital_used_for_its_government(patrol: list[Actor]) -> None:
    peru = named(patrol, "Peru")
    assert peru.kind == "country"
    assert "Lima" in peru.aliases  # "Lima has said it wants..."
    chile = named(patrol, "Chile")
    assert "Santiago" not in chile.aliases  # "told reporters in Santiago" is a place


def test_acronym_defined_in_the_text_is_an_alias(patrol: list[Actor]) -> None:
    institute = named(patrol, "Pacific Maritime Institute")
    assert institute.aliases == ["PMI"]
    written = [PATROL[m.start : m.end] for m in institute.mentions]
    assert written == ["Pacific Maritime Institute", "PMI", "PMI"]  # the definition counts too


def test_outlets_bylines_and_generic_nouns_are_not_actors(patrol: list[Actor]) -> None:
    found = names(patrol)
    assert not {"Reuters", "Andes Wire", "Laura Fenwick"} & found
    assert not {"UAV", "MLRS", "Gdynia"} & found


def test_unnamed_office_holder_is_an_actor_named_by_the_title(patrol: list[Actor]) -> None:
    minister = named(patrol, "Minister of Foreign Affairs")
    assert minister.kind == "person"
    assert minister.affiliation == "Peru"


def test_every_mention_span_is_inside_the_text(patrol: list[Actor]) -> None:
    for actor in patrol:
        assert actor.mentions
        for span in actor.mentions:
            assert 0 <= span.start < span.end <= len(PATROL)


def test_country_names_are_forced_to_gpe_before_the_ner() -> None:
    doc = load_nlp()("Officials from Türkiye, South Korea and the UK met in Brussels.")
    gpe = {e.text for e in doc.ents if e.label_ == "GPE"}
    assert {"Türkiye", "South Korea", "UK"} <= gpe


def test_pipeline_parts_nobody_reads_are_off() -> None:
    nlp = load_nlp()
    assert "lemmatizer" not in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert nlp.pipe_names.index("country_ruler") < nlp.pipe_names.index("ner")


def test_org_names_split_by_a_forced_country_are_joined_again() -> None:
    doc = load_nlp()("The Armed Forces of the Philippines and the UK Ministry of Defence signed it.")
    orgs = {e.text for e in doc.ents if e.label_ == "ORG"}
    assert {"The Armed Forces of the Philippines", "UK Ministry of Defence"} <= orgs


def test_a_capital_used_as_a_government_names_the_country() -> None:
    actors = actors_of("Ankara has denied the report. Diplomats in Oslo said little.")
    turkey = named(actors, "Türkiye")
    assert turkey.kind == "country" and turkey.aliases == ["Ankara"]
    assert "Norway" not in names(actors)


DIGEST = (
    "WEEKLY SECURITY BRIEF\n\n"
    "1. Kenya buys patrol boats\n\n"
    "Kenya's Ministry of Defence has ordered four patrol boats, Major General Peter Otieno told "
    "lawmakers on Tuesday. Otieno said the boats would arrive next year.\n\n"
    "2. Militants attack convoy\n\n"
    "A militant group known as the Sahel Liberation Front attacked a supply convoy, the army said. "
    "Colonel Aminata Otieno, a spokesperson for the Malian Armed Forces (FAMa), said reinforcements "
    "had been sent. Otieno declined to give casualty figures.\n"
)


def test_digest_sections_keep_people_with_one_surname_apart() -> None:
    actors = actors_of(DIGEST)
    peter, aminata = named(actors, "Peter Otieno"), named(actors, "Aminata Otieno")
    assert peter is not aminata
    first, second = DIGEST.index("Otieno said"), DIGEST.index("Otieno declined")
    assert any(m.start == first for m in peter.mentions)
    assert any(m.start == second for m in aminata.mentions)
    assert aminata.role == "Colonel, spokesperson for the Malian Armed Forces"


def test_kinds_of_organisations_groups_and_countries() -> None:
    actors = actors_of(DIGEST)
    assert named(actors, "Sahel Liberation Front").kind == "group"
    forces = named(actors, "Malian Armed Forces")
    assert forces.kind == "organization" and forces.aliases == ["FAMa"] and forces.affiliation == "Mali"
    assert named(actors, "Ministry of Defence").affiliation == "Kenya"


def test_a_second_spelling_the_text_links_is_an_alias() -> None:
    text = (
        "Deputy Foreign Minister Wang Jianguo arrived on Monday. A state broadcaster rendered the "
        "deputy minister's name as Wong Kin-kwok in its English bulletin."
    )
    wang = named(actors_of(text), "Wang Jianguo")
    assert "Wong Kin-kwok" in wang.aliases


def test_mentions_inside_a_system_are_not_actors() -> None:
    text = "The navy tested the Kestrel Arrow missile. Kestrel Arrow was built by Harlow Dynamics."
    start = text.index("Kestrel Arrow")
    system = System(name="Kestrel Arrow", mentions=[Span(start=start, end=start + 13)])
    actors = actors_of(text, [system])
    assert "Kestrel Arrow" not in names(actors)
    assert "Harlow Dynamics" in names(actors)


ADVERSARIAL = [
    "",
    " ",
    "word",
    '"unbalanced quote told Reuters',
    "no sentence end Russia and Ukraine and the UK Ministry of Defence (MoD",
    "(Courtesy:",
    "By ",
    "Minister of",
    "Azerbaijan\u2019s Minister of",
    "\u0627\u0644\u0631\u0626\u064a\u0633 \u0642\u0627\u0644 " * 20,
    "\u4e2d\u56fd\u56fd\u9632\u90e8\u53d1\u8a00\u4eba\u8bf4" * 20,
    "\x00\x01\x02 Russia \x07 NATO \x1b[31m",
    "1. \n2. \n3.",
]


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_adversarial_text_gives_valid_actors(text: str) -> None:
    for actor in actors_of(text):
        assert actor.name
        assert all(0 <= m.start < m.end <= len(text) for m in actor.mentions)


_PIECES = st.sampled_from([*"Ab Zz.,'\u2019\"()\n-", "Russia ", "Minister ", " said", "the ", "(PMI)"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_random_text_never_crashes(text: str) -> None:
    for actor in actors_of(text):
        assert all(0 <= m.start < m.end <= len(text) for m in actor.mentions)


def test_a_bare_surname_in_another_digest_story_is_not_merged() -> None:
    text = (
        "1. Ghana orders drones\n\nGeneral Kwame Mensah said the drones would arrive in May.\n\n"
        "2. Port upgrade\n\nThe harbour contract went to a local firm. Mensah said work starts soon.\n"
    )
    general = named(actors_of(text), "Kwame Mensah")
    second_story = text.index("2. Port")
    assert all(m.start < second_story for m in general.mentions)


def test_acronym_set_off_by_commas_joins_its_organisation() -> None:
    text = (
        "The Royal Danish Navy, the RDN, has said little about the patrols. "
        "Last week the RDN sent two more frigates north."
    )
    navy = named(actors_of(text), "Royal Danish Navy")
    assert "RDN" in navy.aliases
    assert not any(a.name == "RDN" for a in actors_of(text))


def test_the_word_name_of_a_system_is_not_an_actor() -> None:
    from bot.core.local.systems import find_systems

    text = (
        "A Bergen firm built the seabed network, designated KS-40 Ravnhild, which is meant to be "
        "laid across the strait. The navy says Ravnhild will be ready in 2027."
    )
    analysis = Analysis(article=Article(text=text), doc=load_nlp()(text), published=None)
    systems = find_systems(analysis)
    assert "Ravnhild" not in names(find_actors(analysis, systems))


def test_an_inline_photo_credit_is_not_an_actor() -> None:
    for credit in ("Maritime & Air Review / K. Brandt", "Sea & Shore Monthly / P. Harrowgate"):
        text = (
            "The firm showed its new drone at the expo.\n\n[Photo caption: A drone canister mounted "
            f"on a boat mock-up at the company stand. Credit: {credit}]\n\n"
            "The navy said it would test the drone next year."
        )
        found = names(actors_of(text))
        assert not any("Review" in n or "Monthly" in n or "Credit" in n for n in found), found


def test_a_country_owned_generic_body_is_named_with_its_owner() -> None:
    text = (
        "Ukraine's General Staff said 40 drones were shot down overnight. Later the General Staff "
        "said two had hit a depot."
    )
    staff = named(actors_of(text), "Ukraine's General Staff")
    assert "General Staff" in staff.aliases


def test_companies_at_a_fair_that_act_or_employ() -> None:
    text = (
        "At the fair, TKSS showed a new drone and OTKM displayed its rifles. A Demirhan executive "
        "said two export customers had signed.\n\nThe busiest stand belonged to Ardıç Savunma, a "
        "three-year-old company from Kayseri."
    )
    found = names(actors_of(text))
    assert {"TKSS", "OTKM", "Demirhan", "Ardıç Savunma"} <= found, found


def test_malaysian_honorifics_are_not_part_of_a_name() -> None:
    text = (
        "Navy chief Admiral Datuk Rahim Osman said the ship was ready. Defence Minister Datuk Seri "
        "Hamid Yusof attended the ceremony."
    )
    found = names(actors_of(text))
    assert {"Rahim Osman", "Hamid Yusof"} <= found
    assert not any(n.startswith("Datuk") or n == "Datuk Seri" for n in found)


def test_a_body_the_model_cut_at_its_head_keeps_its_of_phrase() -> None:
    text = "The Netherlands Court of Audit said the programme was late. Parliament asked for more."
    assert "Netherlands Court of Audit" in names(actors_of(text))


def test_a_ship_class_lead_name_alone_is_not_an_actor() -> None:
    from bot.core.local.systems import find_systems

    text = (
        "The navy will add two more Tuo Chiang-class corvettes. The Tuo Chiang is fast and small, "
        "and crews like it."
    )
    analysis = Analysis(article=Article(text=text), doc=load_nlp()(text), published=None)
    assert "Tuo Chiang" not in names(find_actors(analysis, find_systems(analysis)))
