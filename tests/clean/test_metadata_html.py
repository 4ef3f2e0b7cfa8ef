"""Metadata extraction, HTML cleaning and clean_document."""

from __future__ import annotations

import pytest
from conftest import BODY

from neardup.clean import CleanOptions, clean_document, clean_html, clean_text, page_text
from neardup.clean.metadata import find_dateline, parse_date
from neardup.document import Document


def test_parse_date_formats() -> None:
    assert parse_date("Nov. 19, 2019 8:03 am ET") == "2019-11-19"
    assert parse_date("Updated : 19 November 2019, 09:01 AM") == "2019-11-19"
    assert parse_date("2019-11-19T10:00:00Z") == "2019-11-19"
    assert parse_date("no date here") is None


def test_parse_date_skips_an_impossible_date_before_a_real_one() -> None:
    # Only the first match of each pattern was tried: an impossible date (a typo, a version
    # number shaped like a date) hid a real one after it, and the line had no date.
    assert parse_date("Feb 30, 2021 and March 3, 2021") == "2021-03-03"
    assert parse_date("build 2021-13-01, posted 2021-01-05") == "2021-01-05"
    assert parse_date("March 3, 1899; reprinted March 4, 1999") == "1999-03-04"


def test_datelines() -> None:
    assert find_dateline("WASHINGTON (AP) — The Senate voted on Monday.") == "WASHINGTON (AP)"
    assert find_dateline("BAGHDAD — Officials said.") == "BAGHDAD"
    assert find_dateline("The Senate voted — again — on Monday.") is None


def test_byline_split_over_two_lines() -> None:
    text = "\n".join(
        ["Menu", "Big storm hits the coast tonight", "By", "Jane Smith", "Nov. 19, 2019", "", *BODY]
    )
    res = clean_text(text)
    assert res.byline == "Jane Smith"
    assert res.date == "2019-11-19"
    assert "Jane Smith" not in res.text


HTML = f"""<!doctype html><html><head><title>Iraq's river hits record low</title>
<meta name="author" content="Jane Smith">
<meta property="article:published_time" content="2019-11-19T10:00:00Z"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Iraq's river hits record low</h1>
{"".join(f"<p>{p}</p>" for p in BODY)}
<p>Share this article</p>
<blockquote>{BODY[1]}</blockquote>
</article>
<footer><p>Copyright 2019 Example News. All rights reserved.</p></footer></body></html>"""


def test_clean_html_page() -> None:
    res = clean_html(HTML, url="https://news.example/iraq")
    assert res.title == "Iraq's river hits record low"
    assert res.byline == "Jane Smith"
    assert res.date == "2019-11-19"
    for para in BODY:
        assert para in res.text
    assert res.text.count(BODY[1]) == 1
    assert "Share this article" not in res.text
    assert "All rights reserved" not in res.text
    assert res.source_text == page_text(HTML, url="https://news.example/iraq")
    for span in res.removed:
        assert res.source_text[span.start : span.end].strip()


@pytest.mark.parametrize("fragment", [
    f"<p>{BODY[0]} {BODY[1]}</p>",  # an article body from a feed or a CMS export
    f"<body><p>{BODY[0]} {BODY[1]}</p></body>",
    f"  <article><p>{BODY[0]}</p><p>{BODY[1]}</p></article>",
])
def test_an_html_fragment_with_one_root_element_gives_its_text(fragment: str) -> None:
    # trafilatura finds no tree in a fragment whose markup is one element: the page was
    # rejected as "no text left after extraction" with two paragraphs of prose in it.
    assert BODY[0] in page_text(fragment) and BODY[1] in page_text(fragment)
    assert BODY[1] in clean_html(fragment).text


def test_clean_document_text_and_fallback(page: str) -> None:
    doc = Document(id="a", text=page)
    clean_document(doc, None, CleanOptions())
    assert doc.raw_text == page
    assert BODY[0] in doc.text and "hours ago" not in doc.text
    assert doc.date == "2018-06-14" and doc.byline == "Associated Press"
    assert doc.removed and not doc.warnings

    nav_only = "Home\nShare\nSubscribe\nCookie policy"
    doc2 = Document(id="b", text=nav_only, date="2020-01-01")
    clean_document(doc2, None, CleanOptions())
    assert doc2.text == nav_only
    assert doc2.warnings and doc2.date == "2020-01-01"


def test_clean_document_html() -> None:
    doc = Document(id="c", text="", html=HTML, url="https://news.example/iraq")
    clean_document(doc, None, CleanOptions())
    assert BODY[2] in doc.text
    assert doc.raw_text and BODY[2] in doc.raw_text
    assert doc.title == "Iraq's river hits record low"


def test_title_is_the_headline_not_the_byline_below_it() -> None:
    page = "\n".join([
        "Home", "World", "Business", "",
        "Drought pushes Tigris river to record low",
        "By Grace Holt, Associated Press",
        "Published March 3, 2019",
        "", BODY[0], "", BODY[1], "", BODY[2],
    ])
    res = clean_text(page)
    assert res.title == "Drought pushes Tigris river to record low"
    assert res.byline == "Grace Holt, Associated Press"
    assert "By Grace Holt" not in res.text and BODY[1] in res.text


def test_every_parsed_date_has_a_year_word() -> None:
    # (find_date tests for a 4-digit word before it parses a line)
    import random

    from neardup.clean.metadata import _YEAR_WORD_RE, parse_date

    rnd = random.Random(4)
    vocab = ["2019", "2019-03-04", "2019/3/4", "March", "4,", "4th", "of", "Mar.", "12", "20190",
             "x2019", "2019x", "—", "-", "/", "٢٠١٩", "1999", "on", "Sept", "2100", "Jan", "1"]
    found = 0
    for _ in range(20000):
        text = rnd.choice([" ", ""]).join(rnd.choice(vocab) for _ in range(rnd.randint(1, 6)))
        if parse_date(text) is not None:
            found += 1
            assert _YEAR_WORD_RE.search(text), text
    assert found > 1000
