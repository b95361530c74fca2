"""Dates in the local engine: datelines, the date grammar, relative resolution, merging and events."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.article import Article
from bot.core.local.analysis import Analysis
from bot.core.local.datelines import find_dateline
from bot.core.local.dates import find_dates, find_published
from bot.core.local.nlp import load_nlp
from bot.core.models import DatedEvent


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def run(nlp, text: str, published: date | None = None) -> list[DatedEvent]:  # type: ignore[no-untyped-def]
    pub = published if published is not None else find_published(text)
    return find_dates(Analysis(article=Article(text=text), doc=nlp(text), published=pub))


def values(events: list[DatedEvent]) -> dict[str, str | None]:
    return {e.text: e.value for e in events}


def by_text(events: list[DatedEvent], text: str) -> DatedEvent:
    return next(e for e in events if e.text == text)


# --- datelines ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Published 3 March 2025\n\nHeadline here", date(2025, 3, 3)),
        ("LISBON (Sept. 9, 2024) -- Navy ships sailed out of port on a long patrol.", date(2024, 9, 9)),
        ("Posted 2023-11-30 14:02 UTC\n\nTitle", date(2023, 11, 30)),
        ("2024.07.01 09:00 CET\n\nTitle", date(2024, 7, 1)),
        ("ATHENS — 05/04/2024\n\nTitle", date(2024, 4, 5)),
        ("Updated 04/25/2024\n\nTitle", date(2024, 4, 25)),
        ("RIGA, 14.02.2023\n\nTitle", date(2023, 2, 14)),
        ("QUITO, Wednesday 8 May 2024\n\nTitle", date(2024, 5, 8)),
        ("Tuesday, October 1, 2024\n\nTitle", date(2024, 10, 1)),
        ("By Ana Reyes | Dec 3, 2024\n\nTitle", date(2024, 12, 3)),
        ("HALIFAX, Nova Scotia, July 2, 2024 /Wire Service/ -- Shipyard workers began a strike today.", date(2024, 7, 2)),
        ("PRESS RELEASE\n\nBrno, 3 June 2025 – The agency signed two contracts for loitering munitions with a "
         "domestic maker on Friday, worth a combined 68 million euros.", date(2025, 6, 3)),
        ("Nitra, 12. 3. 2025 (TA) – The plant will double its output of 155 mm shells by the end of next year, "
         "its chairwoman told a press conference.", date(2025, 3, 12)),
        ("Makassar, Thursday (14/8/2025) \u2013 The Minister of Defence attended the float-out of the "
         "first frigate at the state shipyard, the ministry said in a statement.", date(2025, 8, 14)),
    ],
)
def test_dateline_forms(header: str, expected: date) -> None:
    assert find_published(header) == expected


def test_dateline_without_year_takes_the_latest_such_day() -> None:
    text = "OSLO, March 3 (Nordpress) - The coast guard seized a trawler off Svalbard."
    found = find_dateline(text, today=date(2026, 1, 10))
    assert found is not None and found.day == date(2025, 3, 3)
    assert text[found.start : found.end] == "March 3"


def test_dateline_without_year_takes_it_from_the_filing_stamp_at_the_end() -> None:
    body = "A Seoul court on Thursday sentenced a former engineer.\n\n" * 12
    text = f"SEOUL, Oct. 23 (Asia Wire Service) -- {body}(END)\n\n2025/10/23 16:05\n"
    assert find_published(text) == date(2025, 10, 23)
    other_day = text.replace("2025/10/23", "2025/10/24")
    assert find_published(other_day) == find_dateline(other_day[:90]).day  # type: ignore[union-attr]


def test_a_month_of_a_relative_year(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "He was arrested in March last year. Talks resume in June of next year."
    found = values(run(nlp, text, date(2025, 10, 23)))
    assert found == {"in March last year": "2024-03", "in June of next year": "2026-06"}


def test_a_24_hour_time_told_with_its_weekday(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The terminal system was taken offline at about 23:10 on Tuesday. The score was 21:14 at half time."
    assert values(run(nlp, text, date(2026, 3, 12))) == {"23:10 on Tuesday": "2026-03-10T23:10"}


def test_a_lifespan_is_a_year_range(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Obituary\n\nJane Roe, 1931\u20132026\n\nThe engineer led the satellite programme for two decades."
    assert values(run(nlp, text, date(2026, 1, 27))) == {"1931\u20132026": "1931/2026"}


def test_dates_in_the_body_are_not_a_dateline() -> None:
    text = (
        "Coast guard seizes trawler\n\nThe coast guard said it seized a trawler on 5 May 2024 after a "
        "chase that lasted most of the night, ending a long search in the northern fishing grounds."
    )
    assert find_published(text) is None


def test_a_title_case_place_needs_a_dash_after_the_date_in_a_paragraph() -> None:
    prose = (
        "Brno, 3 June 2025, is when the plant opened, and the town has grown around its gates ever since, "
        "the mayor recalled at the ceremony."
    )
    assert find_published(prose) is None


def test_no_dateline_in_text_without_dates() -> None:
    assert find_published("Opinion\n\nWhy navies need more tugs\n\nBy Sam Ortiz\n\nTugs matter.") is None


# --- explicit forms -----------------------------------------------------------------------------


def test_explicit_forms_and_precisions(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The frigate was laid down on 4 July 2019 and launched in March 2021. Trials ran from "
        "2022-2023, with acceptance by 2026-27 and a refit planned for fiscal 2031. Yard work in FY2029 "
        "was cancelled. The navy wants the second ship in the third quarter of 2027 and a third in "
        "Q1 2028, with the last in the first half of 2030 or early 2031 at the latest. The design dates "
        "from the late 1990s. A mid-2024 review and a report on October 5, 2024 agreed."
    )
    found = {e.text: (e.value, e.precision) for e in run(nlp, text)}
    assert found["on 4 July 2019"] == ("2019-07-04", "day")
    assert found["in March 2021"] == ("2021-03", "month")
    assert found["from 2022-2023"] == ("2022/2023", "range")
    assert found["by 2026-27"] == ("2026/2027", "range")
    assert found["for fiscal 2031"] == ("2031", "year")
    assert found["in FY2029"] == ("2029", "year")
    assert found["in the third quarter of 2027"] == ("2027-Q3", "quarter")
    assert found["in Q1 2028"] == ("2028-Q1", "quarter")
    assert found["in the first half of 2030"] == ("2030-H1", "half")
    assert found["early 2031"] == ("2031", "year")
    assert found["from the late 1990s"] == ("199X", "decade")
    assert found["mid-2024"] == ("2024", "year")
    assert found["on October 5, 2024"] == ("2024-10-05", "day")


def test_bare_years_only_in_date_context(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "About 2000 soldiers and 1,900 vehicles took part. The Vision 2030 plan names the Type 2025 "
        "radar. The base opened in 1987 and was expanded in 2011."
    )
    assert values(run(nlp, text)) == {"in 1987": "1987", "in 2011": "2011"}


def test_numeric_dates_are_day_first_unless_impossible(nlp) -> None:  # type: ignore[no-untyped-def]
    found = values(run(nlp, "The order was signed on 03/04/2024 and amended on 04/25/2024."))
    assert found == {"on 03/04/2024": "2024-04-03", "on 04/25/2024": "2024-04-25"}


def test_month_ranges_across_years(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Shipments left between March 2023 and January 2024. Drills ran from November to February 2025, "
        "and trials between June and September 2025."
    )
    assert values(run(nlp, text)) == {
        "between March 2023 and January 2024": "2023-03/2024-01",
        "from November to February 2025": "2024-11/2025-02",
        "between June and September 2025": "2025-06/2025-09",
    }


def test_range_between_years_and_decades(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Crews trained abroad between 2011 and 2014, much as they had in the 1980s and the early '90s."
    assert values(run(nlp, text)) == {
        "between 2011 and 2014": "2011/2014",
        "in the 1980s": "198X",
        "the early '90s": "199X",
    }


# --- relative forms -----------------------------------------------------------------------------

PUB = date(2024, 10, 16)  # a Wednesday


def test_weekdays_follow_news_convention(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The ministry confirmed on Monday that the convoy had left. Officials spoke on Wednesday. "
        "The talks will resume on Friday."
    )
    found = values(run(nlp, text, PUB))
    assert found["on Monday"] == "2024-10-14"
    assert found["on Wednesday"] == "2024-10-16"  # same day as the dateline
    assert found["on Friday"] == "2024-10-18"  # future tense: the coming Friday


def test_weekday_carried_by_next_week(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(nlp, "Next week: the newsletter goes out on Thursday.", PUB)
    assert values(found) == {"on Thursday": "2024-10-24"}


def test_relative_words_against_the_publication_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The budget rose last year and will rise next year. Auditors reported last week, and more "
        "reports come this month. Three years ago the fleet was smaller. The plant closed last "
        "spring. A review is due in the fourth quarter and a vote in Q2, with savings in the second "
        "half of next year."
    )
    found = {e.text: (e.value, e.precision, e.relative) for e in run(nlp, text, PUB)}
    assert found["last year"] == ("2023", "year", True)
    assert found["next year"] == ("2025", "year", True)
    assert found["last week"] == ("2024-W41", "week", True)
    assert found["this month"] == ("2024-10", "month", True)
    assert found["Three years ago"] == ("2021", "year", True)
    assert found["last spring"] == ("2024", "year", True)
    assert found["in the fourth quarter"] == ("2024-Q4", "quarter", True)
    assert found["in Q2"] == ("2024-Q2", "quarter", True)
    assert found["in the second half of next year"] == ("2025-H2", "half", True)


def test_months_without_a_year_follow_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The parliament will vote in January. The contract was signed in late August. "
        "Inspectors visited in November."
    )
    found = values(run(nlp, text, date(2024, 9, 20)))
    assert found["in January"] == "2025-01"
    assert found["in late August"] == "2024-08"
    assert found["in November"] == "2023-11"  # past tense: the last November before publication


def test_relative_dates_stay_null_without_a_publication_date(nlp) -> None:  # type: ignore[no-untyped-def]
    events = run(nlp, "The drills ended on Sunday and will resume next year in March.")
    assert events, "relative dates are still listed"
    assert all(e.value is None and e.relative for e in events)


def test_anchored_relative_uses_the_previous_written_year(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The port reopened in June 2017, after two closures earlier that year. A decade later it grew."
    found = values(run(nlp, text))
    assert found["earlier that year"] == "2017"
    assert found["A decade later"] == "2027"


def test_day_without_year_takes_the_year_of_a_written_date_in_that_month(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The pact lapses on March 1, 2027. What happens on March 2 is unclear."
    assert values(run(nlp, text))["on March 2"] == "2027-03-02"


def test_clock_times_take_the_day_they_are_told_with(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Sirens sounded at 4:25 p.m. on Monday, and the all-clear came at 1730 GMT on Monday."
    found = values(run(nlp, text, PUB))
    assert found["at 4:25 p.m."] == "2024-10-14T16:25"
    assert found["at 1730 GMT"] == "2024-10-14T17:30Z"


# --- what is not a date -------------------------------------------------------------------------


def test_correction_note_wrong_year_is_dropped(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The radar entered service in 2016.\n\nCorrection: An earlier version of this article said the "
        "radar entered service in 2015."
    )
    assert "2015" not in {e.value for e in run(nlp, text)}


def test_calendar_rules_and_nowadays_are_not_events(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada's fiscal year runs from April to March. Today the navy is smaller than ever."
    assert run(nlp, text, PUB) == []


def test_today_beside_a_news_verb_is_the_publication_day(nlp) -> None:  # type: ignore[no-untyped-def]
    assert values(run(nlp, "The agency today announced a new tender.", PUB)) == {"today": "2024-10-16"}


# --- merging, spans and events ------------------------------------------------------------------


def test_mentions_merge_and_spans_point_at_the_text(nlp) -> None:  # type: ignore[no-untyped-def]
    body = run(nlp, "Crews trained on Oct 7. Oct 7, 2024 was chosen. They met again on Oct 7.", PUB)
    merged = [e for e in body if e.value == "2024-10-07"]
    assert len(merged) == 1 and merged[0].text == "Oct 7" and len(merged[0].mentions) == 3
    text = (
        "TALLINN, Oct 7, 2024\n\nTALLINN, Oct 7 (Balt News) - Estonia ordered mortars in 2019. Latvia "
        "followed in 2019, and both expect deliveries by 2019 at the latest."
    )
    events = run(nlp, text)
    pub = [e for e in events if e.value == "2024-10-07"]
    assert len(pub) == 1 and pub[0].event == "publication date"  # the wire dateline repeats it
    year = next(e for e in events if e.value == "2019")
    assert len(year.mentions) == 3
    for e in events:
        for m in e.mentions:
            assert text[m.start : m.end].lower() == e.text.lower()


def test_event_is_a_short_phrase_from_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In September 2023, the Chilean navy commissioned two new patrol vessels at Talcahuano."
    event = run(nlp, text)[0].event or ""
    assert "commissioned" in event and "September" not in event
    assert 2 <= len(event.split()) <= 12


# --- robustness -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   ", "word", "2024", "“unbalanced quote 5 May", "\u202bمرحبا 2024\u202c", "東京 2025年 3月",
     "\x00\x07 in 2020 \x1b[31m", "Q9 FY 31/31/2024 99:99 a.m."],
)
def test_odd_input_does_not_crash(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    for e in run(nlp, text, PUB):
        assert all(0 <= m.start < m.end <= len(text) for m in e.mentions)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 -./:,QHFYaemp\nJanMayOctTuesdaylastnext")), max_size=80))
def test_grammar_never_crashes_on_date_shaped_noise(text: str) -> None:
    from bot.core.local.dateforms import scan

    for raw in scan(text):
        assert 0 <= raw.start < raw.end <= len(text)
    find_published(text)


def test_tense_comes_from_the_verb_that_governs_the_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The army awarded the contract on Tuesday, with deliveries scheduled to follow. The summit "
        "opens on Friday. The yard delivered a hull in November and will deliver another in December."
    )
    found = values(run(nlp, text, date(2025, 1, 15)))  # a Wednesday
    assert found["on Tuesday"] == "2025-01-14"
    assert found["on Friday"] == "2025-01-17"  # present tense for a scheduled event: the coming one
    assert found["in November"] == "2024-11"
    assert found["in December"] == "2025-12"


def test_a_headline_in_the_present_tense_tells_the_past(nlp) -> None:  # type: ignore[no-untyped-def]
    found = values(run(nlp, "Navy launches new corvette on Sunday\n\nThe corvette was launched.", PUB))
    assert found["on Sunday"] == "2024-10-13"


def test_weekday_with_its_date_is_one_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    found = values(run(nlp, "The envoys will meet again on Monday 21 October in Vienna.", PUB))
    assert found == {"on Monday 21 October": "2024-10-21"}


def test_quarter_of_a_relative_year(nlp) -> None:  # type: ignore[no-untyped-def]
    found = values(run(nlp, "Orders rose in Q1, up from Q4 last year.", PUB))
    assert found == {"in Q1": "2024-Q1", "from Q4 last year": "2023-Q4"}


def test_a_delay_is_not_a_date(nlp) -> None:  # type: ignore[no-untyped-def]
    found = values(run(nlp, "The jets arrived in May 2023, a year later than planned.", PUB))
    assert found == {"in May 2023": "2023-05"}


def test_a_restated_publication_date_is_not_a_second_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Navy | 11 November 2024\n\nLast updated 12:41, 11 Nov 2024\n\nThe frigate sailed in 2023."
    events = run(nlp, text)
    assert [e.value for e in events] == ["2024-11-11", "2023"]
    assert events[0].event == "publication date"


def test_wire_dateline_with_two_places(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "BERN/VIENNA, May 6 (Alpine Wire) - Austria and Switzerland signed an air-policing pact."
    found = find_dateline(text, today=date(2025, 1, 1))
    assert found is not None and found.day == date(2024, 5, 6)


def test_a_subhead_naming_a_date_is_not_a_dateline() -> None:
    text = "Europe rearms\n\nThe 24 February 2022 invasion changed everything for the armies of Europe\n\nBody."
    assert find_published(text) is None


def test_designators_that_look_like_dates_are_not_dates(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A Long March 5 rocket lifted off on Monday, and a Long March 2F followed it on April 30."
    assert values(run(nlp, text, PUB)) == {"on Monday": "2024-10-14", "on April 30": "2024-04-30"}


def test_a_misstatement_in_the_story_is_still_dated(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Officials admitted they had misstated the figures in March 2023. This article misstated the year as 2019."
    assert values(run(nlp, text, PUB)) == {"in March 2023": "2023-03"}


# --- general rules added against a second, independently written set ---------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Diario del Sur | Valparaíso, 3 de marzo de 2024\n\nTitular", date(2024, 3, 3)),
        ("Publié le 21 février 2023\n\nTitre", date(2023, 2, 21)),
        ("Publicado em 7 de setembro de 2022\n\nManchete", date(2022, 9, 7)),
    ],
)
def test_foreign_language_datelines(header: str, expected: date) -> None:
    assert find_published(header) == expected


def test_semester_is_a_half_year(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The corvettes will be handed over in the first semester of 2029, the navy said."
    assert values(run(nlp, text))["in the first semester of 2029"] == "2029-H1"


def test_decade_of_a_year(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The gunboats have patrolled the lake since the decade of 1970 and need replacing."
    assert values(run(nlp, text))["since the decade of 1970"] == "197X"


def test_split_fiscal_year_is_a_range_of_months(nlp) -> None:  # type: ignore[no-untyped-def]
    # A split fiscal year runs April to March (July to June in Australia and its neighbours), as
    # most of our gold sets write it; two of them wrote the two calendar years instead.
    text = "The ministry spent more on spares in FY 2023-24 than in any earlier year, an audit found."
    assert values(run(nlp, text))["in FY 2023-24"] == "2023-04/2024-03"
    july = "Australia's navy will receive the boats in the 2027\u201328 financial year, the minister said."
    assert values(run(nlp, july))["2027\u201328 financial year"] == "2027-07/2028-06"


def test_quarter_of_a_split_fiscal_year_is_a_calendar_quarter(nlp) -> None:  # type: ignore[no-untyped-def]
    april = "Delivery of the first trucks to the Indian Army is set for the second quarter of FY 2027-28."
    assert values(run(nlp, april))["for the second quarter of FY 2027-28"] == "2027-Q3"
    july = "Australia's navy expects the boats in the first quarter of FY 2027-28."
    assert values(run(nlp, july))["in the first quarter of FY 2027-28"] == "2027-Q3"


def test_month_after_for(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Helsinki, 4 June 2025\n\nThe next round of talks is pencilled in for October in Riga."
    assert values(run(nlp, text))["for October"] == "2025-10"


def test_weekday_takes_the_tense_of_its_finite_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Thursday 12 June 2025\n\nThe yard started cutting steel for the tanker on Monday, a milestone "
        "the owners believe will bring more orders."
    )
    assert values(run(nlp, text))["on Monday"] == "2025-06-09"


def test_count_from_an_anchor_stays_in_its_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The radar entered service in 2012. Two years later it was upgraded.\n\n"
        '"You buy a gadget, and then, five years later, you buy it again," the analyst said.'
    )
    found = values(run(nlp, text))
    assert found["Two years later"] == "2014"
    assert "five years later" not in found


def test_a_photo_caption_tells_a_past_moment(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Delegations toured the hall on Tuesday.\n\n"
        "Photo caption: The new radar on display at the Kestrel Systems stand on Monday. (Photo: A. Ruiz)"
    )
    found = {e.value for e in run(nlp, text, date(2025, 11, 19))}  # a Wednesday
    assert "2025-11-17" in found and "2025-11-24" not in found


def test_next_week_in_another_clause_leaves_the_weekday_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "An advance party arrived in Kismayo on Tuesday, and the main body will be airlifted next week."
    found = values(run(nlp, text, date(2025, 7, 3)))  # a Thursday
    assert found["on Tuesday"] == "2025-07-01"


def test_a_winter_spans_december_to_february(nlp) -> None:  # type: ignore[no-untyped-def]
    found = values(run(nlp, "Last winter the lake froze. This winter will be harder.", date(2025, 9, 14)))
    assert found == {"Last winter": "2024-12/2025-02", "This winter": "2025-12/2026-02"}
    assert values(run(nlp, "This winter has been hard.", date(2026, 1, 10))) == {"This winter": "2025-12/2026-02"}


def test_a_relative_date_in_a_condition_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events = run(nlp, "If the border opens tomorrow, we are ready. Talks resume on Friday.", date(2025, 9, 14))
    assert [e.text for e in events] == ["on Friday"]


def test_hyphenated_day_month_year_in_a_header_is_the_publication_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "HARBOUR TRADE WEEKLY | Show News\n\nFirm unveils new sonar\n\n"
        "Staff writer | PERTH | 12-Mar-2026\n\nThe company said it would deliver next month."
    )
    assert find_published(text) == date(2026, 3, 12)
    assert values(run(nlp, text))["next month"] == "2026-04"


def test_until_a_weekday_looks_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    # Published on a Tuesday: each closes two days later, whatever the tagger makes of the verb.
    for text in ("Land Forces Pacific 2026 runs until Thursday.", "Sales close until Thursday."):
        found = values(run(nlp, text, published=date(2026, 3, 10)))
        assert found["until Thursday"] == "2026-03-12", text
    found = values(run(nlp, "The port stayed shut until Thursday.", published=date(2026, 3, 10)))
    assert found["until Thursday"] == "2026-03-05"  # a past verb keeps the day behind us


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("Drills are planned for 15-20 December near the range.", "15-20 December", "2025-12-15/2025-12-20"),
        ("Flights from 3 to 7 November were cancelled.", "3 to 7 November", "2025-11-03/2025-11-07"),
        ("The exercise runs 10\u201314 June 2026.", "10\u201314 June 2026", "2026-06-10/2026-06-14"),
        ("The show ran June 10-14, 2024.", "June 10-14, 2024", "2024-06-10/2024-06-14"),
    ],
)
def test_day_ranges(nlp, text: str, written: str, value: str) -> None:  # type: ignore[no-untyped-def]
    events = run(nlp, text, published=date(2025, 12, 3))
    event = next(e for e in events if written in e.text)
    assert (event.value, event.precision) == (value, "range")


def test_a_day_range_that_is_no_range_is_not_read_as_one(nlp) -> None:  # type: ignore[no-untyped-def]
    events = run(nlp, "Scores of 20-3 March on.", published=date(2025, 12, 3))
    assert all(e.precision != "range" for e in events)


def test_booked_for_a_day_ahead_stays_ahead_despite_a_perfect_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A further test window has been notified for 18 December, the ministry said."
    assert values(run(nlp, text, published=date(2025, 12, 3)))["for 18 December"] == "2025-12-18"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We asked for a full report by the end of the month.", "2025-12"),
        ("Deliveries start at the beginning of next month.", "2026-01"),
        ("Stocks ran out at the end of last month.", "2025-11"),
    ],
)
def test_edges_of_a_month_name_that_month(nlp, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = run(nlp, text, published=date(2025, 12, 3))
    assert (event.value, event.precision) == (value, "month")


def test_a_month_long_event_is_no_date(nlp) -> None:  # type: ignore[no-untyped-def]
    assert run(nlp, "At the end of the month-long drill, the crews left.", published=date(2025, 12, 3)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Strikes rose between 29 September and 10 October, the group said.", "2025-09-29/2025-10-10"),
        ("The audit ran from Oct. 13 to Oct. 31 this year.", "2025-10-13/2025-10-31"),
        ("The launch window is December 2025 \u2013 January 2026.", "2025-12/2026-01"),
        ("The plan covers 2027~2029.", "2027/2029"),
    ],
)
def test_two_written_ends_make_one_range(nlp, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    ranges = [e for e in run(nlp, text, published=date(2025, 11, 6)) if e.precision == "range"]
    assert [e.value for e in ranges] == [value]


def test_two_dates_joined_by_and_without_between_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    found = values(run(nlp, "He visited on 3 May and 9 June.", published=date(2025, 11, 6)))
    assert found == {"on 3 May": "2025-05-03", "9 June": "2025-06-09"}


def test_a_release_dateline_naming_its_country_and_a_later_clock_time(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "PRESS RELEASE\n\nSatellites reach orbit\n\n"
        "Bodø, Norway \u2013 4 March 2026 \u2013 Nordlys Space AS today announced the launch of two "
        "satellites for the armed forces. They lifted off at 10:15 UTC from Andøya and were released "
        "an hour later."
    )
    assert find_published(text) == date(2026, 3, 4)
    assert values(run(nlp, text))["at 10:15 UTC"] == "2026-03-04T10:15Z"
