"""Title, byline and date found in rendered page text (the whole page as text)."""

from __future__ import annotations

from conftest import BODY, HEADLINES

from neardup.clean import clean_text

HEADLINE = "Dam talks stall as the Tigris falls to a record low"


def test_headline_with_the_exact_words_of_the_page_title() -> None:
    # Rendered text starts with the page's <title>; a headline with exactly its words (no
    # " | Site" part) was skipped as being that <title> line, and the closest heading-like
    # line above the article, a teaser, was taken instead.
    text = "\n".join([
        HEADLINE, "Home", "World", "Business", "Sport", "",
        HEADLINE, "",
        "Farmers In The South Count The Cost Of Drought", "",
        *BODY,
    ])
    res = clean_text(text)
    assert res.title == HEADLINE
    assert res.text.startswith(BODY[0])


def test_the_title_line_itself_is_not_the_headline() -> None:
    text = "\n".join([HEADLINE, *HEADLINES[:3], "", *BODY])
    # (the only line with the title's words is the <title> line: no headline)
    assert clean_text(text).title != HEADLINE
