"""Long articles: the lead-weighted cut keeps the quoted experts and marks the briefing truncated."""

from __future__ import annotations

from fakes.openai_scripts import SleepLog, good_reply, make_settings
from fakes.openai_server import FakeOpenAI, ok, reply_json

from bot.core.article import Article
from bot.core.openai_engine import OpenAIEngine
from bot.core.openai_engine.budget import GAP_MARKER, fit_article
from bot.core.openai_engine.tokens import count_tokens

LEAD = "Azerbaijan and Pakistan signed a defence-industry pact on Monday in Baku."
FILLER = "Background paragraph {n} describes regional trade volumes and pipeline routes in detail."
QUOTED = "\u201cThis is a turning point,\u201d said analyst Maria Lopez of the Jamestown Foundation."


def long_article(fillers: int = 60, quote_at: int = 45) -> str:
    paragraphs = [LEAD]
    for n in range(fillers):
        paragraphs.append(FILLER.format(n=n))
        if n == quote_at:
            paragraphs.append(QUOTED)
    return "\n\n".join(paragraphs)


def words(text: str) -> int:
    return len(text.split())


def test_short_text_is_untouched() -> None:
    fitted = fit_article("One paragraph.", 100, words)
    assert (fitted.text, fitted.truncated, fitted.tokens) == ("One paragraph.", False, 2)


def test_cut_keeps_lead_and_quotes_and_marks_gaps() -> None:
    text = long_article()
    fitted = fit_article(text, 120, words)
    assert fitted.truncated and fitted.tokens <= 120
    kept = fitted.text.split("\n\n")
    assert kept[0] == LEAD and QUOTED in kept
    assert GAP_MARKER in kept and kept.index(QUOTED) > kept.index(GAP_MARKER)
    # Everything kept is verbatim article text, in article order.
    originals = [p for p in kept if p != GAP_MARKER]
    positions = [text.index(p) for p in originals]
    assert positions == sorted(positions)
    # The budget left after the lead and the quote goes to the top of the article.
    assert "Background paragraph 0 " in fitted.text


def test_one_huge_paragraph_is_cut_at_a_word_boundary() -> None:
    text = " ".join(f"word{n}" for n in range(500))
    fitted = fit_article(text, 50, words)
    assert fitted.truncated and fitted.text.endswith(GAP_MARKER)
    assert fitted.text.split()[:3] == ["word0", "word1", "word2"] and words(fitted.text) <= 50


async def test_engine_sends_the_cut_and_marks_the_briefing() -> None:
    text = long_article(fillers=400, quote_at=350)
    assert count_tokens(text) > 5000
    reply = good_reply()
    reply["expert_views"] = [
        {"speaker": "Maria Lopez", "role": "analyst", "affiliation": "Jamestown Foundation",
         "summary": "Lopez calls it a turning point.", "quotes": ["This is a turning point,"]}
    ]  # fmt: skip
    async with FakeOpenAI([ok(reply_json(reply), 2000, 300)]) as server:
        settings = make_settings(server.base_url, openai_context_tokens=3000, openai_max_output_tokens=500)
        engine = OpenAIEngine(settings, sleep=SleepLog())
        briefing = await engine.brief(Article(text=text))
        await engine.aclose()
    user = server.requests[0].body["messages"][1]["content"]
    assert QUOTED in user and LEAD in user and GAP_MARKER in user
    assert "Background paragraph 399 " not in user
    assert count_tokens(user) <= 3000 - 500 - engine.overhead.system - engine.overhead.schema
    assert briefing.provenance.truncated is True
    quote = briefing.expert_views[0].quotes[0]
    assert text[quote.start : quote.end] == "This is a turning point,"
