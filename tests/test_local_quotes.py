"""Quotation-mark pairing, paragraphs and masking for the local engine's expert views."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.local.masked_sentences import split_sentences
from bot.core.local.quotes import MAX_QUOTE_CHARS, find_quotes, mask_quotes, paragraphs


def texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_and_straight_quotes_are_paired_without_their_commas() -> None:
    text = '“The bridge is open,” said the mayor. "Trucks can cross again," she added.'
    assert texts(text) == ["The bridge is open", "Trucks can cross again"]


def test_nested_single_quotes_stay_inside_the_outer_quote() -> None:
    text = (
        "“They keep telling us, ‘wait for the next budget,’ and we keep waiting,” the colonel said."
    )
    assert texts(text) == ["They keep telling us, ‘wait for the next budget,’ and we keep waiting"]


def test_straight_nested_quotes_and_an_apostrophe() -> None:
    text = "\"The 'that's not our job' attitude is the problem,\" Okafor wrote."
    assert texts(text) == ["The 'that's not our job' attitude is the problem"]


def test_apostrophes_inside_words_are_not_quote_marks() -> None:
    text = (
        "O’Hara’s unit and Finland's army said it's ready; the soldiers’ kit arrived in the ’90s."
    )
    assert find_quotes(text) == []


def test_single_quotes_can_be_the_outer_marks() -> None:
    text = "The ministry said it would 'respond firmly to any provocation.' Nobody replied."
    assert texts(text) == ["respond firmly to any provocation."]


def test_plural_possessive_does_not_cut_a_single_quoted_quote_short() -> None:
    text = "He called it 'the pilots' favourite jet' in a speech."
    assert texts(text) == ["the pilots' favourite jet"]


def test_a_quote_continues_over_paragraphs_by_the_opening_mark_convention() -> None:
    text = (
        "“We trained all winter. The crews are ready.\n\n"
        "“What we lack is ammunition,” the captain said.\n\nNext paragraph."
    )
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "We trained all winter. The crews are ready.",
        "What we lack is ammunition",
    ]
    assert quotes[0].group == quotes[1].group
    assert quotes[0].mark_close is None and quotes[1].mark_close is not None


def test_an_unbalanced_mark_never_swallows_the_following_paragraphs() -> None:
    text = 'The plan was "final.\n\nNobody expected a change.\n\nLater Brandt said: "We will fight this."'
    assert texts(text) == ["We will fight this."]


def test_an_unclosed_opening_mark_restarts_at_the_next_one() -> None:
    text = "He said “the deal is done. Then he said “we start on Monday” and left."
    assert texts(text) == ["we start on Monday"]


def test_a_broken_continuation_drops_the_whole_run_on_quote() -> None:
    text = "“First part without an end.\n\n“Second part also open.\n\nPlain text, no marks."
    assert find_quotes(text) == []


def test_paragraphs_break_on_blank_lines_and_on_short_lines() -> None:
    text = "Title line\n\nFirst paragraph.\nSecond paragraph.\n\nThird"
    assert [text[a:b] for a, b in paragraphs(text)] == [
        "Title line",
        "First paragraph.",
        "Second paragraph.",
        "Third",
    ]


def test_a_hard_wrapped_sentence_is_one_paragraph() -> None:
    text = "The colonel said the new radar units would arrive\nearly next year, ahead of schedule."
    assert [text[a:b] for a, b in paragraphs(text)] == [text]


def test_masking_keeps_length_and_the_final_full_stop() -> None:
    text = "He said “We are ready. Truly.” Then he left."
    masked = mask_quotes(text, find_quotes(text))
    assert len(masked) == len(text)
    assert "ready" not in masked and masked.count(".") == 2


def test_sentences_respect_abbreviations() -> None:
    assert split_sentences("It breaks U.N. rules. Gen. Okoro agreed. Fine by 9 a.m. He left.") == [
        "It breaks U.N. rules.",
        "Gen. Okoro agreed.",
        "Fine by 9 a.m.",
        "He left.",
    ]


QUOTE_ALPHABET = st.sampled_from(
    list("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb ,.\n abcXY\u05d0\u4e2d\x00\x07")
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=QUOTE_ALPHABET, max_size=400))
def test_every_quote_is_a_verbatim_slice_inside_one_paragraph_group(text: str) -> None:
    quotes = find_quotes(text)
    paras = paragraphs(text)
    for q in quotes:
        assert 0 <= q.mark_open < q.start < q.end <= len(text)
        assert q.end - q.start <= MAX_QUOTE_CHARS
        assert (
            text[q.mark_open]
            in "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201f\u201a\u201b\u2039\u203a\u2033"
        )
        assert any(a <= q.start and q.end <= b for a, b in paras), (
            "a quote part crossed a paragraph break"
        )
    groups = {q.group for q in quotes}
    for g in groups:  # every multi-paragraph quote ends with a closing mark
        assert [q for q in quotes if q.group == g][-1].mark_close is not None
    assert len(mask_quotes(text, quotes)) == len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_pairs_without_error(text: str) -> None:
    for q in find_quotes(text):
        assert text[q.start : q.end].strip()
