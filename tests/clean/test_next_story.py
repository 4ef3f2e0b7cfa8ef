"""A next story printed in full under the article (an endless page) goes with the page around
the article, in plain text; a byline inside the article that opens no story (a section's, a
recipe card's "Author:"), and the article's own byline under a ticker of other stories, do
not cut it."""

from __future__ import annotations

from conftest import BODY

from neardup.clean import clean_text

NEXT = [
    "Public pools across the city will stay open an extra two hours each evening through "
    "Labor Day, the parks department announced on Wednesday afternoon.",
    "Twelve outdoor pools will now close at nine in the evening instead of seven, and the "
    "department said it had hired forty more lifeguards to cover the longer hours.",
    "Parks officials said they would review the extended hours at the end of the season and "
    "consider making them permanent if enough residents use the pools after work.",
]
PROSE = [b for b in BODY if len(b) > 80]


def _page(after_article: list[str], header: list[str] | None = None) -> str:
    header = header if header is not None else [
        "Iraq's river hits record low as drought deepens", "By Jane Doe", "June 14, 2018",
        "Share Tweet Email"]
    return "\n".join(["Metro Ledger", "Home World Business Sports", *header, "", *PROSE,
                      *after_article, "© 2024 Metro Ledger Media. All rights reserved."])


def test_a_next_story_under_the_article_goes() -> None:
    text = clean_text(_page(["Share Tweet Email", "Next story", "Advertisement", "Parks",
                             "Public pool hours extended through Labor Day",
                             "By Monique Ellis · Updated 5:42 PM", *NEXT])).text
    assert all(p in text for p in PROSE)
    assert not any(p in text for p in NEXT) and "Monique Ellis" not in text


def test_a_sections_byline_under_its_heading_cuts_nothing() -> None:
    # (an op-ed's second author, an expert's answer, a roundup's next brief: no "Next story")
    section = ["Share Tweet Email", "A planner's view", "By Andrea Kowalski", *NEXT]
    text = clean_text(_page(section)).text
    assert all(p in text for p in PROSE + NEXT)


def test_a_byline_written_as_a_label_inside_the_article_cuts_nothing() -> None:
    card = ["No-Knead Rosemary Olive Bread", "Author: Beth Alvarez", *NEXT]
    text = clean_text(_page(card)).text
    assert all(p in text for p in PROSE + NEXT)


def test_the_articles_own_byline_under_a_ticker_of_other_stories_cuts_nothing() -> None:
    # (no byline above the region that starts with the ticker: the one below is the article's)
    ticker = [
        "Farmers protest new water rules NEW DELHI: Thousands of farmers marched on Tuesday "
        "against rules that would cap the water they may draw from wells, police said.",
        "Court delays ruling on temple law NEW DELHI: The court on Wednesday put off until "
        "next month its ruling on a law that would change how the temple is run.",
        "Airline adds routes to the Gulf MUMBAI: The airline said it would add six routes to "
        "the Gulf from March, using new planes it expects to receive this winter."]
    text = clean_text(_page(["Iraq's river hits record low as drought deepens",
                             "By Jane Doe | November 20, 2019", *NEXT], header=ticker)).text
    assert all(p in text for p in NEXT)
