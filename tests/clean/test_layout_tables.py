"""Pages laid out in a <table> (the menu, the article and the sidebar in cells of one row):
read from their text nodes and cleaned as text, so that the menu and the sidebar go; a data
table inside an article stays a table of the extraction."""

from __future__ import annotations

from conftest import BODY

from neardup.clean import clean_html
from neardup.clean.html import extract_page, layout_table
from tests.conftest import make_article

MENU = ["Home", "Local News", "State &amp; Region", "Sports", "Obituaries", "Classifieds"]
MOST_READ = ["School levy headed back to voters in May (3/12/02)",
             "County fair board names new director (3/11/02)",
             "Two hurt in crash on Route 9 near the river bridge (3/11/02)",
             "High school band to march in the state parade (3/10/02)",
             "Council delays vote on downtown parking meters (3/09/02)"]


def _table_page(paragraphs: list[str]) -> str:
    menu = "<br>".join(f'<a href="/{i}">{m}</a>' for i, m in enumerate(MENU))
    # the article's paragraphs as old pages wrote them: <p><font> in a table in the cell
    article = "".join(f'<p><font face="Verdana, Arial" size="2">{p}</font></p>'
                      for p in paragraphs)
    sidebar = "".join(f'<a href="/s{i}">{h}</a><br>' for i, h in enumerate(MOST_READ))
    return ("<html><head><title>Riverside Gazette Online - Local News</title></head>"
            "<body><table width=760><tr><td colspan=3><img src=logo.gif alt=\"Riverside "
            "Gazette Online\"></td></tr><tr>"
            f"<td width=140 valign=top><font size=2><b>SECTIONS</b><br>{menu}</font></td>"
            "<td width=460 valign=top><table width=460><tr><td><font face=Arial size=4><b>"
            "Tigris falls to a record low</b></font><br><font size=1>By Jane Doe, Staff Writer"
            f"<br>March 12, 2002</font>{article}</td></tr></table></td>"
            f"<td width=160 valign=top><b>MORE LOCAL NEWS</b><br>{sidebar}</td></tr>"
            "<tr><td colspan=3>Copyright &copy; 2002 Riverside Gazette. All rights reserved. "
            "Best viewed with Internet Explorer 5.0</td></tr></table></body></html>")


def test_a_page_laid_out_in_a_table_keeps_its_article_without_menu_and_sidebar() -> None:
    paragraphs = make_article(3, paragraphs=6).split("\n\n")
    html = _table_page(paragraphs)
    assert extract_page(html, None).get("flat")  # (trafilatura's text: a table, one row)
    res = clean_html(html)
    text = res.text
    # (its <title> is the site's name: the headline is found among the page's lines)
    assert res.title == "Tigris falls to a record low"
    assert all(p in text for p in paragraphs)
    for clutter in [*MOST_READ, "SECTIONS", "Obituaries", "Classifieds", "Copyright",
                    "MORE LOCAL NEWS"]:
        assert clutter not in text, clutter


def test_a_data_table_in_an_article_is_no_layout() -> None:
    rows = "".join(f"<tr><td>{city}</td><td>{level} m</td></tr>"
                   for city, level in [("Mosul", 3.1), ("Baghdad", 1.2), ("Amara", 0.4)])
    html = ("<html><body><article><h1>Tigris falls to a record low</h1>"
            + "".join(f"<p>{p}</p>" for p in BODY)
            + f"<table><tr><th>City</th><th>Level</th></tr>{rows}</table></article></body></html>")
    found = extract_page(html, None)
    assert not layout_table(found["text"]) and not found.get("flat")
    text = clean_html(html).text
    assert "Baghdad" in text and BODY[0] in text


def test_a_layout_table_whose_article_holds_a_data_table_keeps_it_all() -> None:
    # (read flat, a data table inside the article cell ended the article's region there: a
    # probe's page kept its first three paragraphs; the table's own text is cleaned instead)
    paragraphs = make_article(4, paragraphs=6).split("\n\n")
    rows = "".join(f"<tr><td>{town}</td><td>{level}</td><td>{normal}</td></tr>"
                   for town, level, normal in [("Port Allen", "4.12", "3.85"),
                                               ("Mill Creek", "3.90", "3.70"),
                                               ("Ferris", "5.01", "3.95"),
                                               ("Dunmore", "2.75", "3.60")])
    table = f"<table><tr><th>Town</th><th>Rainfall</th><th>Normal</th></tr>{rows}</table>"
    html = _table_page(paragraphs[:3]).replace(
        paragraphs[2] + "</font></p>",
        paragraphs[2] + "</font></p>" + table
        + "".join(f"<p><font>{p}</font></p>" for p in paragraphs[3:]))
    text = clean_html(html).text
    assert all(p in text for p in paragraphs)
