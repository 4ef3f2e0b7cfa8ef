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


def test_header_far_above_the_article() -> None:
    # Share buttons, an author box and teasers put 20 lines between the header (headline,
    # byline, date) and the first paragraph: only 15 lines above the article were searched,
    # so the byline and date were missed and a teaser headline was taken for the title.
    text = "\n".join([
        f"{HEADLINE} | Example News", "Home", "World", "",
        HEADLINE, "By Jane Smith", "Nov. 19, 2019 | 4:10pm", "",
        "Facebook", "Twitter", "WhatsApp", "Email", "Copy", "",
        "View author archive", "Get author RSS feed", "",
        *[ln for h in HEADLINES[:6] for ln in (h, "")],
        *BODY,
    ])
    res = clean_text(text)
    assert (res.title, res.byline, res.date) == (HEADLINE, "Jane Smith", "2019-11-19")
    assert res.text.startswith(BODY[0])


def test_a_date_line_or_a_score_line_is_not_the_headline() -> None:
    # Without the page's <title> the headline is the closest heading-like line above the
    # article: a date line ("November 20, 2019 / 1:07 AM / Example News"), a row of numbers
    # or a URL between it and the article was taken instead.
    for between in ("November 20, 2019 / 1:07 AM / Example News", "Palm Bay 18 22 13 17 70",
                    "https://news.example/world/2019/11/20/dam-talks-stall"):
        text = "\n".join(["Menu", "", HEADLINE, between, "", *BODY])
        assert clean_text(text).title == HEADLINE, between


def test_a_reading_time_line_is_not_the_headline() -> None:
    # A WordPress reading-time widget under the byline, "Reading Time: 3 minutes", is
    # heading-shaped and the closest to the article: it was the title, and the "Posted on
    # ... by" line above it no longer the header's byline.
    for widget in ("Reading Time: 3 minutes", "Estimated reading time: 5 min", "4 min read",
                   "Lesezeit: 3 Minuten", "Nov 18, 2019 at 9:24 pm ET • 2 min read"):
        text = "\n".join(["Menu", "", HEADLINE, "",
                          "Posted on March 1, 2024 by Priya Natarajan", "", widget, "", *BODY])
        res = clean_text(text)
        assert (res.title, res.byline) == (HEADLINE, "Priya Natarajan"), widget
        assert widget not in res.text
    # a headline that speaks of minutes is one
    text = "\n".join(["Menu", "", "The 30 minutes that changed the valley", "", *BODY])
    assert clean_text(text).title == "The 30 minutes that changed the valley"


def _header(*header: str) -> str:
    return "\n".join([f"{HEADLINE} | Example News", "Home", "World", "", HEADLINE, *header, "",
                      *BODY])


def test_posted_by_and_author_label_bylines() -> None:
    # "Posted by Name on <date>" was no byline (only "By", "Written by", ... were), and the
    # name ran on into the date ("Jane Smith on November"): the byline regex ignores case.
    res = clean_text(_header("Posted by Jane Smith on November 19, 2019, 6:21 AM EST"))
    assert (res.byline, res.date) == ("Jane Smith", "2019-11-19")
    # A label line, "Author:", with the name on the next line (as "By" alone was read)
    res = clean_text(_header("Author:", "The Water Coolest", "Publish date:", "Nov 18, 2019"))
    assert res.byline == "The Water Coolest"
    assert res.text.startswith(BODY[0])


def test_name_line_without_by_below_the_headline() -> None:
    # Many sites print the author's name alone between the headline and the date: no "By",
    # so no byline was found, and the name stayed at the top of the article text.
    for header in (["Jane Smith", "Nov. 19, 2019 | 4:10pm"],
                   ["A dry year for the farms of the south.", "Jane Smith", "Nov 19, 2019"],
                   ["Jane Smith", "5 Min Read"]):
        res = clean_text(_header(*header))
        assert res.byline == "Jane Smith", header
        assert res.text.startswith(BODY[0])
    # (a label or a phrase of function words is no name)
    for label in ("View All", "Breaking News From The Region"):
        assert clean_text(_header(label, "Nov 19, 2019")).byline is None, label


def test_name_with_role_affiliation_or_handle() -> None:
    for line, name in (("Jane Smith, AP Science Writer", "Jane Smith"),
                       ("Meg Kinnard and Errin Haines, Associated Press",
                        "Meg Kinnard and Errin Haines"),
                       ("Jane Smith @janesmith / 2 days", "Jane Smith"),
                       ("Jane Smith - Nov 19, 2019, 8:15 pm CST", "Jane Smith")):
        res = clean_text(_header(line))
        assert res.byline == name, line
        assert res.text.startswith(BODY[0])


def test_labelled_by_lines_and_names_with_their_role() -> None:
    # "Analysis by Name, Outlet Role" (a CNN header), "Opinion by", "Reported by"
    for line in ("Analysis by Jane Smith, CNN Editor-at-large", "Opinion by Jane Smith",
                 "Reported by Jane Smith"):
        res = clean_text(_header(line, "Updated 1909 GMT November 19, 2019"))
        # (as after "By": the capitalised words after the name stay, "Jane Smith, CNN ...")
        assert res.byline.startswith("Jane Smith"), line
        assert res.text.startswith(BODY[0])
    # a name and its role with no separator, below the headline (Forbes: "Senior Contributor")
    for line, name in (("Bruce Y. Lee Senior Contributor", "Bruce Y. Lee"),
                       ("Jane Smith Staff Writer", "Jane Smith"),
                       ("Tom Gillespie News reporter", "Tom Gillespie")):
        res = clean_text(_header(line))
        assert res.byline == name, line
        assert res.text.startswith(BODY[0])
    # a photo credit is no byline
    assert clean_text(_header("Photos by Jane Smith")).byline is None
    # the role needs a role noun; the name, two name words at least
    from neardup.clean.metadata.bylines import name_before_role

    assert name_before_role("Jane Smith Senior Staff Writer") == "Jane Smith"
    assert name_before_role("Jane Smith Senior Center") is None
    assert name_before_role("Smith Staff Writer") is None
    assert name_before_role("the Smith Staff Writer") is None


def test_name_on_the_date_line() -> None:
    for line in ("11/19/2019 by Jane Smith", "Monday November 18, 2019 7:45 am PST by Jane Smith",
                 "November 20, 2019 Jane Smith", "Jane Smith November 19, 2019, 9:02 AM"):
        res = clean_text(_header(line))
        assert res.byline == "Jane Smith", line
        assert res.text.startswith(BODY[0])


def test_page_title_when_no_headline_line_is_found() -> None:
    # No heading-like line above the article (or the headline taken for its first line): no
    # title at all, though the rendered page starts with its <title>. Its headline part is
    # the title now, the site name cut off; the text stays as it was.
    for first, title in ((f"{HEADLINE} | World | Example News", HEADLINE),
                         (f"Example - {HEADLINE}", HEADLINE),
                         ("About bugs – Vortex Cannon Entertainment", "About bugs")):
        res = clean_text("\n".join([first, "Home", "World", "", *BODY]))
        assert res.title == title, first
        assert res.text.startswith(BODY[0])
    # (a <title> of one or two words is a site name, no headline)
    assert clean_text("\n".join(["Example News", "Home", "World", "", *BODY])).title is None


def _page_with_a_far_header_line(line: str) -> str:
    """A page with ``line`` 26 lines above its first paragraph (menus, a share bar and a
    teaser list between them) and no headline found by the page's <title> to start the
    header from: the byline and date were only looked for in the 15 lines above the article."""
    return "\n".join([
        "Home", "World", "Business", "",
        line, "",
        *[ln for h in ("Facebook", "Twitter", "WhatsApp", "Email", "Print") for ln in (h, "")],
        *[ln for h in HEADLINES[:7] for ln in (h, "")],
        *[ln for h in ("Sport", "Tech", "Culture", "Travel", "Weather", "Video", "Audio",
                       "Podcasts", "Newsletters", "Log in") for ln in (h, "")],
        *BODY,
    ])


def test_date_line_beyond_the_header_without_the_headline() -> None:
    res = clean_text(_page_with_a_far_header_line("Nov. 19, 2019, 8:41 AM UTC"))
    assert res.date == "2019-11-19"
    assert res.text.startswith(BODY[0])


def test_by_line_beyond_the_header() -> None:
    res = clean_text(_page_with_a_far_header_line("By Jill Disis, CNN Business"))
    assert res.byline == "Jill Disis, CNN Business"
    assert res.text.startswith(BODY[0])


def test_the_published_date_of_a_line_that_also_says_updated() -> None:
    # the publication date, not the first date of the line
    for line in ("Updated Nov 19, 2019, 9:41 AM; Posted Nov 18, 2019, 8:19 PM",
                 "Last updated 19.11.2019, first published 18.11.2019",
                 "Published: Nov. 18, 2019 Updated: Nov. 19, 2019"):
        assert clean_text(_header(line)).date == "2019-11-18", line
    assert clean_text(_header("Updated: Nov 19, 2019")).date == "2019-11-19"
    from neardup.clean.metadata import parse_date, publication_date

    assert publication_date("posted by Jane Smith") is None
    assert publication_date("Nov 19, 2019 (posted by Jane Smith)") == "2019-11-19"
    assert parse_date("Updated Nov 19, 2019; Posted Nov 18, 2019") == "2019-11-19"  # (first)


def test_the_nearest_far_date_line_is_the_articles() -> None:
    # Beyond the header (the 15 lines above the article, here menus), a dated teaser list
    # and, nearer the article, its "Published" line: the nearest one is the article's date.
    menus = ["Facebook", "Twitter", "WhatsApp", "Email", "Print", "Home", "World", "Business",
             "Sport", "Tech", "Culture", "Travel", "Weather", "Video", "Audio", "Podcasts"]
    text = "\n".join([
        *[ln for h in HEADLINES[:8] for ln in (h, "Oct. 2, 2018 10:00 AM", "")],
        "Log in", "Subscribe", "Newsletters", "",
        "Published 19.11.2019, 08:57", "",
        *[ln for h in menus for ln in (h, "")],
        *BODY,
    ])
    res = clean_text(text)
    assert res.date == "2019-11-19"
    assert "Published" not in res.text and res.text.startswith(BODY[0])


def test_headline_reworded_in_the_page_title() -> None:
    # The <title> (first line) words the headline a little differently; a teaser headline sat
    # closer to the article and was taken for the title. A line sharing only the site's name
    # with the <title> ("Talk to Example News") is no headline.
    text = "\n".join([
        "Why you can't trust the White House on the president's health - Example News", "",
        "Home", "World", "",
        "Why you just can't trust the White House on the president's health", "",
        "By Jane Smith", "",
        "Talk to Example News", "",
        "Supreme Court halts subpoena for financial documents", "",
        *BODY,
    ])
    res = clean_text(text)
    assert res.title == "Why you just can't trust the White House on the president's health"
    assert res.text.startswith(BODY[0])


def test_byline_first_characters() -> None:
    """A line that BYLINE_RE matches, or that lower-cases to a byline label, opens with one of
    BY_FIRST (the cheap test find_byline and find_title run first)."""
    from neardup.clean.metadata.bylines import _BY_LABELS, BY_FIRST, BYLINE_RE

    rests = ["y Jane Smith", "ritten by Jane Smith", "ords by Jane Smith", "tory by Jane Smith",
             "eporting by Jane Smith", "eported by Jane Smith", "osted by Jane Smith",
             "nalysis by Jane Smith", "pinion by Jane Smith", "ommentary by Jane Smith",
             "ext by Jane Smith", "uthor: Jane Smith", "uthors: Jane Smith"]
    labels = ["y", "y:", "uthor", "uthor:", "uthors:", "ritten by", "ritten by:", "osted by"]
    for cp in [*range(0x3000), 0x212A]:
        c = chr(cp)
        if c in BY_FIRST:
            continue
        assert not any(BYLINE_RE.match(c + rest) for rest in rests), c
        assert not any((c + label).lower() in _BY_LABELS for label in labels), c


def test_date_by_finds_what_the_regex_search_finds_in_linear_time() -> None:
    # DATE_BY_RE.search tried every digit of a line, each to its end, when no "by Name"
    # closed it: a date line with a 64,000-digit token took 20 s. date_by matches from the
    # first digit only, which the lazy ``.*?`` makes equivalent.
    import random
    import re

    from neardup.clean.metadata import DATE_BY_RE, date_by

    def same(a: re.Match | None, b: re.Match | None) -> bool:
        return (a is None and b is None) or (
            a is not None and b is not None and a.span() == b.span() and a.groups() == b.groups())

    pieces = ["11/19/2019", " by ", " By: ", "|BY ", "Jane", "Smith", " ", "7:45", "am",
              "·", "x1", "by", "J.", "O’Neil", "\t", "2", "Staff"]
    rng = random.Random(7)
    for _ in range(3000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert same(date_by(t), DATE_BY_RE.search(t)), t
    for line in ("11/19/2019 by Jane Smith", "Nov 12, 2018 | BY: Site", "no digit by Jane"):
        assert same(date_by(line), DATE_BY_RE.search(line)), line
    assert date_by("January 5, 2020 " + "1" * 20_000 + " by nobody") is None
    res = clean_text(_header("January 5, 2020 " + "1" * 20_000))
    assert res.text.startswith(BODY[0])


def test_a_first_line_that_is_article_text_is_no_page_title() -> None:
    # Text a crawler extracted can start with the article's first paragraph: that line was
    # taken for the page's <title> and became the document's title, whole, while it stayed
    # in the clean text as well.
    first = ("Officials said on Tuesday that the new policy would take effect in the spring, "
             "and that it was expected to affect thousands of people in the region.")
    for text in (first, "\n\n".join([first, *BODY])):
        res = clean_text(text)
        assert res.title is None and first in res.text
    # a rendered page's first line, its <title>, still gives the title when no headline does
    res = clean_text("\n".join([f"{HEADLINE} | World | Example News", "Home", "World", "",
                                *BODY]))
    assert res.title == HEADLINE


def test_bylines_in_decomposed_unicode_are_whole() -> None:
    # Text in NFD (macOS writes it): "By José García" gave the byline "Jose", cut at the
    # first combining accent, which the name patterns' \w does not take.
    import unicodedata

    for name in ("José García", "Zoë Brontë"):
        for form in ("NFC", "NFD"):
            line = "By " + unicodedata.normalize(form, name)
            assert clean_text(_header(line)).byline == name, (name, form)
        date_line = unicodedata.normalize("NFD", f"November 20, 2019 {name}")
        assert clean_text(_header(date_line)).byline == name


# Found by a metadata probing helper (each case failed on the code before).
_WAGE = [
    "The proposal, which was unveiled on Monday after months of negotiation between the two "
    "parties, would raise the federal minimum wage in stages over the next five years.",
    "Supporters said the measure would lift millions of workers out of poverty, while critics "
    "warned that small businesses in rural areas could be forced to cut jobs.",
    "Business groups have vowed to fight the bill, and several senators from both parties have "
    "said they would not support it in its current form without changes.",
]


def _page(*header: str, first: str = _WAGE[0]) -> str:
    return "\n".join([HEADLINE, *header, first, *_WAGE[1:]])


def test_a_bylines_name_ends_before_a_date_or_label() -> None:
    for line in ["By Jane Doe Nov. 19, 2019", "By Jane Doe, Nov. 19, 2019",
                 "By Jane Doe Updated 3:45 PM EST Nov 19, 2019",
                 "By Jane Doe Posted on November 19, 2019",
                 "By Jane Doe On 11/13/19 at 4:00 PM EST", "By JANE DOE Associated Press"]:
        res = clean_text(_page(line))
        assert res.byline in ("Jane Doe", "JANE DOE"), line
    assert clean_text(_page("Von Anna Schmidt")).byline == "Anna Schmidt"
    assert clean_text(_page("Par Marie Dupont")).byline == "Marie Dupont"
    # (what a name may hold stays: "Troy L. Smith, Cleveland.com" is the page's own byline,
    # a month or a function word may be a name)
    for name in ["Troy L. Smith, Cleveland.com", "Jan Reed", "June Thomas", "Kofi Said"]:
        assert clean_text(_page(f"By {name}")).byline == name


def test_a_sentence_opening_with_by_is_no_byline_and_stays() -> None:
    sentence = "By Friday, the deal was dead."
    res = clean_text("\n".join([HEADLINE, "Nov. 19, 2019", _WAGE[0], sentence, *_WAGE[1:]]))
    assert res.byline is None and sentence in res.text
    # (a time's "a.m." ends no sentence: "By Name on Monday ... at 11:04 a.m." is a byline)
    res = clean_text(_page("By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m."))
    assert res.byline == "Louis Jacobson"


def test_a_time_zone_on_a_date_line_is_no_name() -> None:
    res = clean_text(_page("November 19, 2019 08:00 AM Eastern Standard Time"))
    assert res.byline is None and res.date == "2019-11-19"


def test_datelines_of_agencies_and_press_wires() -> None:
    for line, dateline in [
            ("NEW DELHI, Nov 19 (Reuters) - ", "NEW DELHI, Nov 19 (Reuters)"),
            ("SHANGHAI/AMSTERDAM (Reuters) - ", "SHANGHAI/AMSTERDAM (Reuters)"),
            ("Berlin (dpa) - ", "Berlin (dpa)"),
            ("(CNN) ", "(CNN)"),
            ("BEIJING, Nov. 19 (Xinhua) -- ", "BEIJING, Nov. 19 (Xinhua)"),
            ("NEW YORK, Nov. 19, 2019 /PRNewswire/ -- ", "NEW YORK, Nov. 19, 2019 /PRNewswire/"),
            ("BERLIN - ", "BERLIN"),
            ("WASHINGTON (AP) — ", "WASHINGTON (AP)")]:
        assert clean_text(_page("By Jane Doe", first=line + _WAGE[0])).dateline == dateline
    # a label in capitals before a dash is no place
    for label in ["EDITOR'S NOTE — ", "UPDATE — ", "US - "]:
        assert clean_text(_page("By Jane Doe", first=label + _WAGE[0])).dateline is None


def test_a_place_in_capitals_before_a_colon_is_a_dateline() -> None:
    # (South Asian and Gulf papers: "NEW DELHI: ...", "RIYADH: ...")
    for line, dateline in [("NEW DELHI: ", "NEW DELHI"), ("RIYADH: ", "RIYADH"),
                           ("ISLAMABAD (Reuters): ", "ISLAMABAD (Reuters)")]:
        assert clean_text(_page("By Jane Doe", first=line + _WAGE[0])).dateline == dateline
    # a column's, a transcript's or an acronym's label before a colon is no place, nor is a
    # place in title case ("Photo:", "Source:" open lines so too)
    for label in ["DEAR ABBY: ", "WHY IT MATTERS: ", "Q: ", "FTC: ", "UPDATE: ", "Mumbai: "]:
        assert clean_text(_page("By Jane Doe", first=label + _WAGE[0])).dateline is None, label


def test_a_lede_whose_dateline_and_names_are_capitals_is_no_teaser() -> None:
    # "NEW DELHI: The Delhi Metro Rail Corporation (DMRC) will ..." opens with a run of
    # capitalised words with a function word in it, a teaser's headline run into its summary:
    # the lede above a "Related" box went with the teasers.
    lede = ("NEW DELHI: The Delhi Metro Rail Corporation (DMRC) will begin trial runs on the "
            "first section of the new line next month, officials said on Thursday.")
    second = ("The 8.4km stretch is 92% complete, and the remaining work is expected to be "
              "finished by the first week of April, a senior official said.")
    text = "\n".join([HEADLINE, "By Jane Doe", "Share this article Facebook Twitter Email",
                      lede, second, "Also Read",
                      "University rankings: Which institutions climbed the table",
                      *_WAGE, "Advertisement", "Trending Stories"])
    res = clean_text(text)
    assert lede in res.text and second in res.text
    assert res.dateline == "NEW DELHI"
    assert "University rankings" not in res.text


def test_a_name_with_its_role_or_a_photo_credit_is_no_headline() -> None:
    # The text opens with its headline, which is read as the page's <title>: the nearest
    # heading-shaped line above the article was the title, "Jane Doe, Staff Writer" or "Photo
    # by Mark Wilson" among them.
    for line in ["Jane Doe, Staff Writer", "Photo by Mark Wilson"]:
        res = clean_text(_page(line, "Nov. 19, 2019"))
        assert res.title == HEADLINE, line


def test_a_commenters_name_is_no_byline() -> None:
    # The far search for a "By"/"Posted by" line (when the header has none) took a comment's
    # "Posted by Bob Jones" under a short article.
    res = clean_text("\n".join([HEADLINE, "Nov. 19, 2019", *_WAGE, "Comments",
                                "Posted by Bob Jones",
                                "This is a terrible idea and will cost jobs in my town."]))
    assert res.byline is None


def test_the_publication_date_before_an_update() -> None:
    # "Updated: Nov. 20" above "Published: Nov. 18" gave the 20th; Spanish and French labels
    # on one line likewise (only English "Published"/"Posted" were known).
    assert clean_text(_page("By Jane Doe", "Updated: Nov. 20, 2019",
                            "Published: Nov. 18, 2019")).date == "2019-11-18"
    assert clean_text(_page("Actualizado: 20/11/2019 08:00 | Publicado: 19/11/2019 10:42")
                      ).date == "2019-11-19"
    assert clean_text(_page("Mis à jour le 20/11/2019 à 08h00, publié le 19/11/2019 à 10h42")
                      ).date == "2019-11-19"


def test_a_question_is_a_headline_and_a_skip_link_no_title() -> None:
    # "Skip to main content" first was taken for the page's <title>, and the question
    # headline below (a sentence by its "?") was never a candidate: the title was the link.
    question = "Will the Senate finally raise the minimum wage?"
    res = clean_text("\n".join(["Skip to main content", question, "By Jane Doe",
                                "Nov. 19, 2019", *_WAGE]))
    assert res.title == question


def test_a_teasers_byline_and_date_above_the_headline_are_not_the_articles() -> None:
    res = clean_text("\n".join(["Most Popular", "Why the wage bill is doomed to fail",
                                "By Mark Potter", "Nov. 12, 2019", HEADLINE, "By Jane Doe",
                                "Nov. 19, 2019", *_WAGE]))
    assert (res.title, res.byline, res.date) == (HEADLINE, "Jane Doe", "2019-11-19")


def test_names_that_look_like_other_words_stay_whole() -> None:
    # Found by a regression probe of this session's byline rules (each right before them).
    for name in ["Dan Balz", "Will Dunham", "AJ Willingham", "JOHN McCAIN",
                 "Jane Doe and April Smith"]:
        assert clean_text(_page(f"By {name}")).byline == name
    assert clean_text(_page("By Jane Doe, staff writer.")).byline == "Jane Doe"
    assert clean_text(_page("By Regan September 12, 2019")).byline == "Regan"


def test_headlines_that_open_like_a_byline_or_hold_a_role_stay_titles() -> None:
    for headline in ["Von der Leyen will mehr Geld für Verteidigung",
                     "Por Amor al Arte: la historia de un museo",
                     "Boris Johnson, Foreign Secretary, Resigns"]:
        res = clean_text("\n".join(["The Daily Planet", headline, "Nov. 19, 2019", *_WAGE]))
        assert (res.title, res.byline) == (headline, None), headline


def test_a_reprint_note_on_the_date_line_is_no_publication_date() -> None:
    res = clean_text(_page("Nov. 19, 2019 — Publicado originalmente en El País el 10/11/2019"))
    assert res.date == "2019-11-19"
    for label in ["NASA - the space agency - said", "FACT CHECK - Claims that"]:
        assert clean_text(_page("By Jane Doe", first=f"{label} {_WAGE[0]}")).dateline is None


def test_more_date_forms() -> None:
    for line, iso in [("19-Nov-2019", "2019-11-19"), ("2019年11月19日", "2019-11-19"),
                      ("Publié le 1er décembre 2019", "2019-12-01"),
                      ("19.11.19, 10:42 Uhr", "2019-11-19")]:
        assert clean_text(_page("By Jane Doe", line)).date == iso, line


def test_second_probe_metadata_cases() -> None:
    # Found by a second regression probe (each right before this session's changes).
    for line, name in [("Von Anna Schmidt, dpa", "Anna Schmidt"),
                       ("Par Marie Dupont avec AFP", "Marie Dupont"),
                       ("Por María García | EFE", "María García")]:
        res = clean_text(_page(line))
        assert (res.byline, res.title) == (name, HEADLINE), line
    for line, iso in [("Last updated: 20/11/2019 | First published on Tue 19 Nov 2019",
                       "2019-11-19"),
                      ("Updated Nov 20, 2019 | Published: Mon, 18 Nov 2019", "2019-11-18"),
                      ("Aktualisiert am 20.11.2019 | Veröffentlicht am Dienstag, 19.11.2019",
                       "2019-11-19")]:
        assert clean_text(_page(line)).date == iso, line
    for lede in ['WASHINGTON - "We will pass this bill," ', "WASHINGTON - 15 senators said ",
                 "BERLIN - Überraschend "]:
        assert clean_text(_page("By Jane Doe", first=lede + _WAGE[0])).dateline in (
            "WASHINGTON", "BERLIN"), lede
    page_title = "Fed raises rates | Business news and markets from the Financial Times"
    assert clean_text("\n".join([page_title, "Home", *_WAGE])).title == "Fed raises rates"


def test_two_authors_without_by() -> None:
    # (Reuters' shape) the second name was read as the first's role: "Jane Doe"
    page = "\n".join([f"{HEADLINE} | Site", "Home", HEADLINE, "Jane Doe, John Smith",
                      "Nov. 19, 2019", *_WAGE])
    assert clean_text(page).byline == "Jane Doe, John Smith"
    page = page.replace("Jane Doe, John Smith", "Jane Doe, Associated Press")
    assert clean_text(page).byline == "Jane Doe"


def test_a_first_line_read_as_the_pages_title_is_a_metadata_span() -> None:
    # the title came from it, but its span said "navigation" (README: the lines found as
    # metadata are removed spans of reason "metadata")
    text = ("Bridge to open next spring\nBy Jane Smith\nOctober 29, 2016\n"
            "WASHINGTON (AP) — The minister said on Tuesday that the new bridge across the river "
            "would open next spring after years of delays and cost overruns that angered "
            "residents.\nOfficials said the work was nearly done, and the cost had risen by a "
            "third since the start of the project in 2012.")
    res = clean_text(text)
    assert res.title == "Bridge to open next spring"
    first = min(res.removed, key=lambda span: span.start)
    assert (first.start, first.reason) == (0, "metadata")


def test_dates_with_month_names_of_more_languages_and_korean_and_dashed_numbers() -> None:
    # (they gave no date: "12 marca 2024" on a Polish page, "2024년 3월 12일" on a Korean one)
    from neardup.clean.metadata import parse_date

    for text in ["12 marca 2024", "Wtorek, 12 marca 2024, 10:15", "12 Mart 2024 Salı",
                 "Selasa, 12 Maret 2024 09:45 WIB", "12 martie 2024", "12. března 2024",
                 "12 березня 2024", "12 مارس 2024", "12 मार्च 2024", "2024년 3월 12일",
                 "12-03-2024"]:
        assert parse_date(text, day_first=True) == "2024-03-12", text
    # (dashed numbers on an English page: only a date that reads one way; the US writes
    # "03-12-2024" for March, India and the UK for December)
    assert parse_date("03-12-2024 at 08:45") is None
    assert parse_date("03-13-2024") == parse_date("13-03-2024") == "2024-03-13"
    assert parse_date("13 Kasım 2023") == "2023-11-13"
    assert parse_date("3 Şubat 2022") == "2022-02-03"


def test_a_month_or_a_year_alone_is_a_period_heading_and_nothing_else_is() -> None:
    from neardup.clean.metadata.dates import heading_period

    assert [heading_period(t) for t in ["March 2012", "Oct. 2014:", "marzo de 2012",
                                        "März 2012", "1999", "2015 –"]] == [
        "2012-03", "2014-10", "2012-03", "2012-03", "1999", "2015"]
    # (a day is a date, not a period; a season, a phrase, a number that is no year are none)
    for text in ["May 11, 2021", "Spring 2020", "in 2012", "1 2012", "0999", "12345",
                 "March 2012 was cold", "Page 2012"]:
        assert heading_period(text) is None, text
    # (a period sorts before the days in it, as a timeline lists them)
    assert sorted(["2012-03-05", heading_period("March 2012"), heading_period("2011")]) == [
        "2011", "2012-03", "2012-03-05"]


def test_slash_dates_are_read_day_first_on_a_page_not_in_english() -> None:
    # "Publié le 12/03/2024" is 12 March; an English page keeps the US order, and a date that
    # cannot be read so is read the other way on either
    para = ("Le gouvernement a présenté mardi un plan pour les transports publics de la région, "
            "qui doit entrer en vigueur au printemps prochain selon le ministre.")
    page = "\n\n".join(["Accueil", "Politique", "Le plan des transports présenté",
                        "Publié le 12/03/2024", para, para.replace("mardi", "mercredi"),
                        para.replace("gouvernement", "conseil")])
    assert clean_text(page).date == "2024-03-12"
    english = "\n\n".join(["Home", "Politics", "Transport plan unveiled",
                           "Published 12/03/2024", *BODY])
    assert clean_text(english).date == "2024-12-03"
    assert clean_text(english.replace("12/03/2024", "13/03/2024")).date == "2024-03-13"


def test_bylines_of_more_languages_and_author_labels_of_any_script() -> None:
    # ("Автор: Иван Петров" went as navigation, "di Marco Rossi" stayed in the text)
    from neardup.clean.lines import analyse
    from neardup.clean.metadata import find_byline

    for line, name in [("di Marco Rossi", "Marco Rossi"),
                       ("Autor: Jan Kowalski", "Jan Kowalski"),
                       ("Автор: Иван Петров", "Иван Петров"),
                       ("Yazar: Ayşe Yılmaz", "Ayşe Yılmaz"),
                       ("Par Marie Dupont avec AFP", "Marie Dupont"),
                       ("Von Anna Maria Schmidt - dpa", "Anna Maria Schmidt")]:
        assert find_byline(analyse(line), 0, 1)[0] == name, line
    # (nor English lines that open with a word some language says "by" with: a regression
    # probe's "Door County Wineries" sub-heading took the paragraphs above it as the header)
    for line in ["Por qué el gobierno cae", "Di Maio: il governo cade", "Von der Leyen will mehr",
                 "Door County Wineries", "Di Maio Resigns", "Oleh Sentsov Returns Home",
                 "Av Club Weekly Picks"]:
        assert find_byline(analyse(line), 0, 1)[0] is None, line


def test_a_headline_in_sentence_case_above_the_byline_is_the_title() -> None:
    # (classed "near" by its lower-case words, it was never the title and went as clutter: a
    # probe's Spanish headlines, 0 of 5 found below a menu; a browser notice is none. On a page
    # in English such a line is as often a caption without a credit: not looked for there)
    headline = "La sequía obliga a restringir el agua en 200 municipios de Cataluña"
    notice = ("We've detected you are on Internet Explorer. For the best experience, please "
              "update to a modern browser")
    body = ["El Gobierno de Cataluña ha decretado este martes la fase de emergencia por la "
            "sequía en 200 municipios, que deberán reducir el consumo de agua por habitante.",
            "Los embalses de las cuencas internas están al 16 por ciento de su capacidad, el "
            "nivel más bajo desde que hay registros, según la Agencia Catalana del Agua.",
            "La consejera de Acción Climática ha pedido a los ciudadanos que ahorren agua en "
            "casa y ha anunciado ayudas para los ayuntamientos más afectados por la sequía."]
    for top, want in [(headline, headline), (notice, None)]:
        page = "\n".join(["Portada", "España", "Internacional", "Economía", "", top,
                          "Por María López", "12 de marzo de 2024 - 10:20", "", "Compartir",
                          "", *body])
        res = clean_text(page)
        assert res.title == want, top
        assert res.byline == "María López" and res.date == "2024-03-12"
        assert top not in res.text


def test_the_headline_above_a_standfirst_without_a_full_stop_is_the_title() -> None:
    headline = "Fed Holds Rates Steady and Signals Three Cuts This Year"
    standfirst = "Policymakers said inflation had eased but remained above their 2 percent goal"
    page = "\n".join(["Home", "Business", "", headline, standfirst, "By Jane Doe",
                      "March 20, 2024", "", *BODY])
    assert clean_text(page).title == headline


def test_a_scoreboard_in_english_keeps_the_us_order_of_its_dates() -> None:
    from neardup.clean.metadata import not_english_text as day_first_text

    assert not day_first_text("Posted 03/12/2024 11:45 PM Lakers 102 Celtics 99 James 31")
    # (a blog written to "you": "you", "can", "will" were other languages' words too)
    assert not day_first_text("Published: 04/11/2024 5:45 AM. If you can, take an umbrella: "
                              "it will rain all day, and what you see now is only the start. "
                              "Our team would say: check your route, some roads may close.")
    assert day_first_text("Publié le 12/03/2024 à Paris par la rédaction, et les élus de la "
                          "ville ont dit que le plan est prêt pour les habitants")
    assert day_first_text("نشر في 12/03/2024 قال المسؤولون إن الخطة جاهزة للسكان في المدينة")


def test_a_page_whose_own_dates_are_day_first_reads_its_ambiguous_ones_so() -> None:
    # (an English page from India, Britain or Australia: "07/11/2019" was read as July 11 even
    # with "17/11/2019" or "IST" on the page; a page with a month-first-only date keeps the US
    # order, and without evidence either way an English page keeps it too)
    from neardup.clean.metadata import writes_day_first

    page = "\n".join(["Home", "Money", "", "Central bank holds rates steady", "",
                      "By Tom Rees", "Published 07/11/2019 12:04", "", *BODY, "",
                      "More stories", "Council tax to rise", "17/11/2019"])
    assert clean_text(page).date == "2019-11-07"
    assert clean_text(page.replace("17/11/2019", "11/17/2019")).date == "2019-07-11"
    assert clean_text(page.replace("17/11/2019", "")).date == "2019-07-11"
    zone = page.replace("17/11/2019", "").replace("12:04", "12:04 IST")
    assert clean_text(zone).date == "2019-11-07"
    assert writes_day_first("25-12-2019 and 3/4/2020")
    assert not writes_day_first("12/25/2019 and 3/4/2020")
    # (both kinds, or a date in a version number or a score: no evidence)
    assert not writes_day_first("17/11/2019 and 11/17/2019")
    assert not writes_day_first("v2.13.1 released; the score was 21-7")


def test_the_first_published_date_below_an_update_is_the_publication() -> None:
    # (the Guardian prints the update's time, then "First published on ..."; the update's day
    # was taken)
    for update, first in [("Tue 26 Nov 2019 00.01 GMT",
                           "First published on Mon 25 Nov 2019 23.01 GMT"),
                          ("Updated: Nov 26, 2019", "Originally published: Nov 25, 2019")]:
        page = "\n".join(["Home", "Environment", "", "UN report says world is off track", "",
                          update, first, "", *BODY])
        assert clean_text(page).date == "2019-11-25", first
    # (an ordinary date line below the first date is no publication label)
    page = "\n".join(["Home", "", "UN report says world is off track", "",
                      "Nov 26, 2019", "Nov 25, 2019", "", *BODY])
    assert clean_text(page).date == "2019-11-26"


def test_a_headline_in_sentence_case_over_a_standfirst_named_by_the_page_title() -> None:
    # (read as the article's first lines, the nearest heading above, a "Most read" teaser, was
    # the title and the headline stayed in the text)
    headline = "Office-sharing startup to cut 2,400 jobs as it races to save cash"
    standfirst = ("The layoffs, about a fifth of the workforce, are the first step in a "
                  "turnaround plan drawn up after a failed stock listing.")
    page = "\n".join([f"{headline} | The Daily Courier", "Pensioners hit by energy bill rise",
                      "EXCLUSIVE", headline, standfirst, "By Tom Rees", "19 November 2019",
                      *BODY])
    res = clean_text(page)
    assert (res.title, res.byline, res.date) == (headline, "Tom Rees", "2019-11-19")
    assert headline not in res.text and res.text.startswith(standfirst)
    # (a page title that names the site first: "Site - Headline")
    site_first = "\n".join([f"Market Ledger - {HEADLINE}", "Home", "Why your score dropped",
                            HEADLINE, "By Tom Rees", *BODY])
    assert clean_text(site_first).title == HEADLINE


def test_guardian_and_agency_bylines() -> None:
    # ("Name in City", "Name Desk editor" with the writer's handle before the date, "By The
    # Associated Press"; a role line alone is no name)
    for byline, want in [("Richard Partington in London", "Richard Partington"),
                         ("Richard Partington and Kalyeena Makortoff in London",
                          "Richard Partington and Kalyeena Makortoff"),
                         ("Damian Carrington Environment editor\n@dpcarrington",
                          "Damian Carrington"),
                         ("Holly Bancroft\nSocial Affairs Correspondent", "Holly Bancroft"),
                         ("By The Associated Press", "The Associated Press"),
                         ("Social Affairs Correspondent", None)]:
        page = "\n".join(["Home", "Business", "", HEADLINE,
                          "Talks resume next week, officials said.", byline,
                          "Thu 7 Nov 2019 12.48 GMT", "", *BODY])
        assert clean_text(page).byline == want, byline
    assert clean_text("\n".join([HEADLINE, "By The Numbers", "", *BODY])).byline is None


def test_datelines_of_cnn_and_of_a_place_with_its_day() -> None:
    from neardup.clean.metadata import find_dateline

    sentence = "Top negotiators spoke by phone on Tuesday, the ministry said."
    for opening, want in [("Hong Kong (CNN Business) ", "Hong Kong (CNN Business)"),
                          ("Washington (CNN)", "Washington (CNN)"),
                          ("Madrid, 18 nov (EFE).- ", "Madrid, 18 nov (EFE)")]:
        assert find_dateline(opening + sentence) == want, opening
    # (a caption's agency closing the line is no dateline)
    assert find_dateline("Julian Assange (AFP)") is None


def test_a_wordpress_byline_with_its_comment_count_and_a_long_labelled_date_line() -> None:
    # ("... by Walt Henning 4 Comments" gave no byline; a 22-word "Name, Paper Published ...
    # | Updated ..." line was too long for a date line and gave neither)
    page = "\n".join(["Home", "About", "", HEADLINE, "",
                      "Posted on October 30, 2019 by Walt Henning 4 Comments", "", *BODY])
    res = clean_text(page)
    assert (res.byline, res.date) == ("Walt Henning", "2019-10-30")
    line = ("Jessica Marlowe, Battle Creek Enquirer Published 6:02 p.m. ET March 12, 2019 | "
            "Updated 8:13 a.m. ET March 13, 2019")
    for paper in ["Battle Creek Enquirer", "Nashville Tennessean"]:
        page = "\n".join([HEADLINE, "", "Connect Tweet LinkedIn Comment Email More",
                          line.replace("Battle Creek Enquirer", paper), "", *BODY])
        res = clean_text(page)
        assert (res.byline, res.date) == ("Jessica Marlowe", "2019-03-12"), paper
        assert "Published" not in res.text


def test_name_lines_by_a_date_of_more_forms() -> None:
    # ("O'Neill" and a name opening with a month were no names; "on" after the name, "Words:",
    # "Text and photos by", "Interview by"; the Dutch, Indonesian and Italian "by" before a name
    # line under the headline was kept in the byline)
    for line, want in [("Siobhán O'Neill / Nov 19, 2019", "Siobhán O'Neill"),
                       ("Jan de Vries / Nov 19, 2019", "Jan de Vries"),
                       ("Marcus Lee on November 19, 2019", "Marcus Lee"),
                       ("Words: Marcus Lee / Nov 19, 2019", "Marcus Lee"),
                       ("Text and photos by Marcus Lee / Nov 19, 2019", "Marcus Lee"),
                       ("Interview by Leah Park", "Leah Park"),
                       ("Words and photographs by Aoife Brennan | Sun 5 Nov 2023",
                        "Aoife Brennan"),
                       ("Door Eva Bakker", "Eva Bakker"), ("Oleh Budi Santoso", "Budi Santoso"),
                       ("By Allison Brandt, a senior reviewer covering phones and wearables.",
                        "Allison Brandt"),
                       ("Par Camille Bertrand Publié le 19 novembre 2019 à 06h30 - Mis à jour "
                        "le 19 novembre 2019 à 10h12", "Camille Bertrand")]:
        page = "\n".join(["Home", "", HEADLINE, line, "November 19, 2019", "", *BODY])
        assert clean_text(page).byline == want, line


def test_risks_of_the_day_first_and_name_in_place_rules() -> None:
    # (a fresh probe's hand-built risks: "EAT" on a menu or the "CAT" ticker are no time zone;
    # a section label "High School Sports in Tulsa" is no "Name in City" byline)
    from neardup.clean.metadata import writes_day_first

    assert not writes_day_first("EAT DRINK SHOP | Published 11/05/2024 9:00 AM")
    assert not writes_day_first("DE 512.30 CAT 388.12 | Posted 11/05/2024")
    assert writes_day_first("Updated: 05/11/2024 10:30 IST")
    page = "\n".join(["Home", "Food", "", HEADLINE, "", "High School Sports in Tulsa",
                      "Nov. 5, 2024", "", *BODY])
    assert clean_text(page).byline is None


def test_a_byline_with_its_role_and_dates_under_an_update_label() -> None:
    # Found by a genre probe: a 23-word "By Name Columnist <date> Updated <date>" line, and the
    # Guardian's 17-word "Wed 7 Feb 2024 16.45 GMT Last modified on ..." were too long for a
    # date line (labels counted at the start only) and gave neither byline nor date
    line = ("By Denise Okafor Columnist March 11, 2024 at 6:00 a.m. CDT Updated March 11, 2024 "
            "at 9:12 a.m. CDT")
    res = clean_text("\n".join(["Home", "News", "", HEADLINE, "", line, "", *BODY]))
    assert (res.byline, res.date) == ("Denise Okafor", "2024-03-11")
    assert "Updated" not in res.text
    line = "Wed 7 Feb 2024 16.45 GMT Last modified on Wed 7 Feb 2024 18.02 GMT"
    res = clean_text("\n".join(["Home", "News", "", HEADLINE, "", line, "", *BODY]))
    assert res.date == "2024-02-07"
    # a capitalised role after the name ends it, up to a comma; a newsroom's "Staff" stays
    for by, name in [("By Ben Acheson Senior Staff Writer", "Ben Acheson"),
                     ("By Mike Kowalski, NFL Columnist", "Mike Kowalski"),
                     ("By WKRN Web Staff", "WKRN Web Staff"),
                     ("By Mary Ann Evans", "Mary Ann Evans")]:
        res = clean_text("\n".join(["Home", "", HEADLINE, "", by, "March 4, 2024", "", *BODY]))
        assert res.byline == name, by


def test_a_headline_reworded_in_the_page_title_at_the_top_of_the_region_is_the_title() -> None:
    # Found by a genre probe: a Spanish headline in sentence case opened the article region,
    # and the kicker above it ("Segunda División | Jornada 28") became the title
    title = ("Real Alcántara 3-1 Deportivo Ribera: El Alcántara remonta y se mete en puestos de "
             "ascenso | Segunda División | Gradas Deportes")
    headline = ("El Real Alcántara remonta ante el Deportivo Ribera y se mete en puestos de "
                "ascenso")
    body = [
        "El Real Alcántara necesitó una hora para encontrarse, pero cuando lo hizo pasó por "
        "encima del Deportivo Ribera y remontó el gol inicial con un doblete de su delantero.",
        "El comienzo fue del Ribera. Los gallegos salieron sin complejos y castigaron enseguida "
        "la lentitud de la zaga local, que tardó media hora en reaccionar.",
        "Valls movió el banquillo al descanso y el equipo ganó profundidad por la banda "
        "derecha, donde llegaron los dos goles que dieron la vuelta al partido.",
    ]
    page = "\n\n".join([title, "Fútbol\nPrimera\nSegunda\nResultados", "Segunda División | "
                        "Jornada 28", headline, *body])
    res = clean_text(page)
    assert res.title == headline and headline not in res.text
    assert res.text.startswith(body[0])
    # a first paragraph that restates the title ends a sentence: it stays
    lead = headline + ", tras remontar el gol inicial."
    res = clean_text("\n\n".join([title, "Segunda División | Jornada 28", lead, *body]))
    assert lead in res.text


def test_a_name_beside_a_date_of_another_language_or_with_its_role_or_section() -> None:
    # (the date was taken out in English forms only, so "Paweł Nowicki 5 marca 2024" left
    # "5 marca 2024" with the name; a role or the story's section after the name, a weekday
    # or "kl." by the date hid it; "ł" was no letter of a name)
    for line, want in [("Paweł Nowicki 5 marca 2024, 06:00", "Paweł Nowicki"),
                       ("Rita Carvalho 12 de Outubro de 2023, 19:05", "Rita Carvalho"),
                       ("Erik Lundgren 27 februari 2024 kl. 09:12", "Erik Lundgren"),
                       ("Gareth Pryce Reporter Friday 12 April 2024, 5:03pm", "Gareth Pryce"),
                       ("Dana Whitcomb Feb 27, 2024 - Politics & Policy", "Dana Whitcomb"),
                       ("February 1, 2019 | BY: Ilana Muhlstein, MS, RDN", "Ilana Muhlstein"),
                       ("Door Sanne Bakker Gepubliceerd op 17 september 2019 om 14:02",
                        "Sanne Bakker"),
                       ("Von Lars Petersen · 05.03.2024 – 14:12 Uhr", "Lars Petersen"),
                       ("Par Claire Vasseur (Marseille, correspondante)", "Claire Vasseur"),
                       # (a date closed by the writer in the language's "by"; a label of the
                       # language after the name; a reading time or a button after the date)
                       ("Publié le 17 mars 2019 par Claire Morvan", "Claire Morvan"),
                       ("Veröffentlicht am 3. April 2022 von Jens Albrecht", "Jens Albrecht"),
                       ("Autor: Magdalena Nowak Opublikowano: 02.09.2019, 12:15",
                        "Magdalena Nowak"),
                       ("Sofia Lindqvist Aug 22, 2024 6 min read", "Sofia Lindqvist"),
                       ("Nora Castellanos Feb 18, 2024 Subscribe", "Nora Castellanos"),
                       # (a blog's categories run into the name: a function word ends it)
                       ("13/06/2014 Tony Carter All, Books, Kit Reviews", "Tony Carter")]:
        page = "\n".join(["Home", "", HEADLINE, "", line, "", *BODY])
        assert clean_text(page).byline == want, line
    # (what is left beside a date that is no name: a section, a label, categories)
    for line in ["Nov 19, 2019 | Health News", "Updated Nov 19, 2019 | World Politics",
                 "Nov 19, 2019 | Salt Lake City"]:
        page = "\n".join(["Home", "", HEADLINE, "", line, "", *BODY])
        assert clean_text(page).byline is None, line


def test_names_in_capitals_beside_a_date_and_names_before_their_outlet() -> None:
    for line, want in [("VICTOR TANGERMANN, FUTURISM", "VICTOR TANGERMANN"),
                       ("JANIE HAR", "JANIE HAR")]:
        page = "\n".join(["Home", "", HEADLINE, line, "18 NOV 2019", "", *BODY])
        assert clean_text(page).byline == want, line
        # (a line in capitals under the headline with no date beside it is as often a label)
        page = "\n".join(["Home", "", HEADLINE, line, "", *BODY])
        assert clean_text(page).byline is None, line
    # The writers' line between the headline and the date was the title (the closest
    # heading-shaped line above the article), and no byline
    for line, want in [("Kevin Johnson and Kevin McCoy USA TODAY", "Kevin Johnson and Kevin McCoy"),
                       ("Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader",
                        "Lisa Kaczke and Trevor J. Mitchell"),
                       ("Tanza Loudenback, Business Insider", "Tanza Loudenback")]:
        page = "\n".join(["Home", "", HEADLINE, line, "Published 7:07 PM EST Nov 19, 2019", "",
                          *BODY])
        res = clean_text(page)
        assert (res.title, res.byline) == (HEADLINE, want), line
    # a headline in title case that opens with a name stays the title (a name is taken off
    # the title only with its outlet or role after a separator, or in capitals)
    for headline in ["Taylor Swift Eras Tour Returns To London",
                     "Kevin McCoy And The Prison Guards Who Slept"]:
        page = "\n".join(["Home", "", "Farmers In The South Count The Cost", headline,
                          "Nov 19, 2019", "", *BODY])
        res = clean_text(page)
        assert (res.title, res.byline) == (headline, None), headline


def test_the_byline_under_an_earlier_copy_of_the_headline() -> None:
    # A gallery prints the headline again right above the article, without the byline that
    # the first copy has under it
    page = "\n".join([
        "Home", "", HEADLINE, "", "JANIE HAR", "Nov. 20, 2019 Updated: Nov. 20, 2019 1:35 a.m.",
        "Facebook Twitter Email", "", *[ln for h in HEADLINES[:4] for ln in (h, "")],
        HEADLINE, "1 / 23", "Back to Gallery", "", *BODY,
    ])
    res = clean_text(page)
    assert (res.title, res.byline, res.date) == (HEADLINE, "JANIE HAR", "2019-11-20")
    assert "JANIE HAR" not in res.text


def test_the_writer_named_by_a_bio_under_the_article() -> None:
    bio = ("Louise Matsakis is a Staff Writer at WIRED covering Amazon, security, and online "
           "platforms. Send tips to louise@example.com.")
    page = "\n".join(["Home", "", HEADLINE, "", *BODY, "", "More Stories",
                      *HEADLINES[:3], "", bio, "", "Facebook", "Twitter"])
    res = clean_text(page)
    assert res.byline == "Louise Matsakis"
    assert "Louise Matsakis" not in res.text
    # a last paragraph on a journalist the story is about names no writer of it (a post at
    # an outlet is asked for)
    last = "Maria Ressa is a journalist who founded the news site Rappler in 2012."
    page = "\n".join(["Home", "", HEADLINE, "", *BODY, last, "", "Facebook", "Twitter"])
    assert clean_text(page).byline is None


def test_a_teasers_date_on_its_headlines_line_above_the_headline_is_not_the_articles() -> None:
    # A "Latest" list above the headline prints each teaser's date on its line ("Feb 24, 2024
    # Why egg prices are climbing again"): such a line carries more than a date, so it gave
    # no line to remove, and the rule that prefers the header's own date below the headline
    # (asked by the removed lines' position) never ran
    page = "\n".join([
        "Home", "News", "", "Latest", "Feb 24, 2024 Why egg prices are climbing again",
        "Mar 16, 2024 High school robotics team heads to world championship", "",
        HEADLINE, "April 9, 2024 5:04 AM ET", "", *BODY,
    ])
    res = clean_text(page)
    assert (res.title, res.date) == (HEADLINE, "2024-04-09")
    assert "April 9, 2024" not in res.text


def test_a_name_in_capitals_at_either_end_of_the_text() -> None:
    # (whether a date stands beside a line was asked of the line after the text's last one:
    # an IndexError, in a text the property test of removed spans made; and of the line
    # "before" the first, lines[-1])
    for text in ["[Home](https://x.org/)[Home](https://x.org/)\n===\nhttp://x.yOfficials blamed "
                 "dams built upstream in neighbouring countries.[Home](https://x.org/)",
                 "JANE DOE\nNov 19, 2019\n" + "\n".join(BODY),
                 "\n".join([*BODY, "Nov 19, 2019", "JANE DOE"])]:
        res = clean_text(text)
        assert res.byline in (None, "JANE DOE"), text


def test_no_byline_from_a_teasers_line_a_label_or_the_storys_subject() -> None:
    # (a header probe's pages without a writer: each of these was read as the byline)
    # a "Read next" list's teaser byline under the article, between two other headlines
    page = "\n".join(["Home", "", HEADLINE, "Nov 19, 2019", "", *BODY, "", "Read next",
                      "The best new restaurants we tried this month", "By Dev Patel",
                      "High school robotics team heads to world championship",
                      "State lawmakers push to ban phones in classrooms"])
    assert clean_text(page).byline is None
    # (the same "By" line under the article, not between teasers, is the writer's)
    page = "\n".join(["Home", "", HEADLINE, "Nov 19, 2019", "", *BODY, "", "By Dev Patel",
                      "", "Facebook", "Twitter"])
    assert clean_text(page).byline == "Dev Patel"
    # a place's or a topic's label under the headline
    for label in ["Salt Lake City", "Health Care", "Heartland Public Media"]:
        page = "\n".join(["Home", "", HEADLINE, label, "Posted: Jan 9, 2024, 5:34 PM", "",
                          *BODY])
        assert clean_text(page).byline is None, label
    # (a desk's byline stays one)
    page = "\n".join(["Home", "", HEADLINE, "Telegraph Sport", "Jan 9, 2024", "", *BODY])
    assert clean_text(page).byline == "Telegraph Sport"
    # the person the headline names, under it with the years of a life
    obituary = "Helen Marsh, marine biologist who mapped Pacific reefs, dies at 82"
    page = "\n".join([f"{obituary} | Site", "Home", "", obituary, "Helen Marsh, 1941–2023",
                      "November 2, 2023", "", *BODY])
    res = clean_text(page)
    assert (res.title, res.byline) == (obituary, None)


def test_a_list_of_other_stories_right_above_the_headline_is_no_article_text() -> None:
    # A "Latest" list's items as bullets (Markdown's) weigh as content: the region
    # took them in above the headline, and the headline became a sub-heading of the text
    latest = ["* Jan 30, 2024 Oil rises after surprise draw in US crude stocks",
              "* Jan 29, 2024 Gold steadies near record as traders await US inflation data",
              "* Jan 30, 2024 Dollar slips against yen ahead of Bank of Japan meeting",
              "* Feb 23, 2024 Iron ore falls on weak Chinese steel demand"]
    page = "\n".join([f"{HEADLINE} | Market Ledger", "", "Markets", "Latest", "", *latest, "",
                      HEADLINE, "", "By Tom Hale | Reuters", "", "March 13, 2024", "",
                      *BODY])
    res = clean_text(page)
    assert (res.title, res.byline, res.date) == (HEADLINE, "Tom Hale", "2024-03-13")
    assert res.text.startswith(BODY[0])
    # (a lede above the headline says the article started: nothing above it goes)
    page = "\n".join([f"{HEADLINE} | Market Ledger", "", BODY[0], "", *latest, "",
                      HEADLINE, "", *BODY[1:]])
    assert BODY[0] in clean_text(page).text


def test_a_paywall_prompt_above_the_headline_is_no_lede() -> None:
    # (a markets ticker, a table by its numbers, and a paywall's prompt above the headline:
    # the prompt, a sentence of prose, read as a lede, and all of it stayed with the
    # headline, the standfirst and the byline)
    headline = "Harbor State Bancorp shares plunge 14% after surprise loan-loss provision"
    ticker = ["DJIA 27,110.80 +0.13%", "S&P 500 3,005.70 +0.26%", "NASDAQ 8,186.02 +0.40%",
              "Russell 2000 1,578.43 -0.52%", "10-Yr 1.807% -0.02", "Crude Oil $58.74 -5.66%",
              "Gold $1,501.80 +0.38%", "EUR/USD 1.1068 +0.55%", "Bitcoin $10,184 -1.21%"]
    prompt = "You have 3 free articles remaining this month. Subscribe for $1 a week."
    body = [
        "Shares of Harbor State Bancorp fell 14% on Thursday, their steepest one-day drop "
        "since 2011, after the lender disclosed a $62 million provision tied to a single "
        "commercial real-estate borrower and cut its full-year profit forecast.",
        "The regional bank, which has about $21 billion in assets, said late Wednesday that "
        "it had placed a portfolio of loans to a developer on nonaccrual status after the "
        "borrower missed two payments.",
        "ADVERTISEMENT",
        "Third-quarter net income fell to $41.3 million, or 58 cents a share, from $79.8 "
        "million, or $1.09, a year earlier. Analysts had expected $1.06 a share.",
    ]
    page = "\n\n".join([f"{headline} | Meridian Markets", "\n".join(ticker),
                        "Quotes delayed at least 15 minutes", prompt, "Banking", headline,
                        "The Ohio lender set aside $62 million against a single commercial "
                        "real-estate borrower",
                        "By Lucas Feldmann and Aisha Trent Oct. 24, 2019 1:18 PM ET\n"
                        "Facebook Twitter LinkedIn Email Save",
                        "Traders work on the floor of the New York Stock Exchange. Spencer "
                        "Platt / Getty Images", *body, *BODY[:3]])
    res = clean_text(page)
    assert res.byline == "Lucas Feldmann and Aisha Trent" and res.date == "2019-10-24"
    assert prompt not in res.text and ticker[0] not in res.text and headline not in res.text
    assert body[0] in res.text and BODY[0] in res.text


def test_teaser_cards_in_a_menu_above_a_short_story_are_no_article_text() -> None:
    # A site's mega-menu holds teaser cards whose headline runs into a summary of a sentence
    # or two: they read as prose, and the region search joined them to a short story below
    # (detroit.cbslocal.com on AEB: precision 0.30)
    cards = [
        "First Snowfall in the Valley Officially, the start of winter is on December 22nd, but "
        "of course, that does not necessarily mean that is the first time the valley will see "
        "snow.",
        "Find Burgers & More at Downtown's New Diner A new diner, offering burgers and more, "
        "has opened its doors in the neighborhood, right across from the old theater.",
        "Explore The 3 Top Spots in the Rivertown Neighborhood Visiting Rivertown, or just "
        "looking to better appreciate what it has to offer? From a dining spot to a salon, "
        "there is plenty.",
        "Auto Union Opens Talks With Carmaker; Strike Possible The auto workers union on Monday "
        "turned its bargaining focus to the carmaker, raising the possibility of another "
        "strike.",
    ]
    short_story = BODY[:2]
    page = "\n".join([f"{HEADLINE} | Valley News", "News", "Sports", "Weather Stories",
                      cards[0], "Best Of", "Latest Headlines", cards[1], cards[2], "Video",
                      "All Videos", "Travel", cards[3], "More", "Entertainment", HEADLINE,
                      "November 19, 2019 at 9:45 am", *short_story, "Comments", "Follow Us"])
    res = clean_text(page)
    assert res.title == HEADLINE
    assert res.text == "\n".join(short_story)
    # (not a copy of the headline under the article: the body printed twice, the repeat
    # left out, keeps its first copy; its last, new line kept below made the copy of the
    # headline a headline above kept text)
    note = ("This article was updated on Wednesday to include the figures released by the "
            "ministry of water resources in Baghdad.")
    page = "\n".join([f"{HEADLINE} | Valley News", "News", "Sports", HEADLINE, *BODY,
                      "Share", "Email", "Print", HEADLINE, *BODY, note, "Follow Us"])
    assert clean_text(page).text.startswith(BODY[0])


def test_a_header_printed_as_a_list_and_a_list_of_writers_above_the_headline() -> None:
    # Markdown prints a header's byline and date as list items ("* [Debbie White](...)"): the
    # bullet hid the name
    page = "\n".join(["Home", "", HEADLINE, "* Debbie White", "* 18 Nov 2019, 19:09", "",
                      *BODY])
    assert clean_text(page).byline == "Debbie White"
    # a "Trending" list above the headline, each teaser with its writer, on a page whose own
    # story has none: no byline (nor with a "By" line of its own below the headline: that one)
    trending = ["Trending now", "By Clara Benson · 21 hours ago",
                "The best hiking trails within an hour of the city",
                "By Fatima Noor · 10 hours ago", "Council approves new budget for parks"]
    page = "\n".join(["Home", "", *trending, "", HEADLINE, "March 13, 2021", "", *BODY])
    assert clean_text(page).byline is None
    page = "\n".join(["Home", "", *trending, "", HEADLINE, "By Ana Ruiz", "March 13, 2021", "",
                      *BODY])
    assert clean_text(page).byline == "Ana Ruiz"
    # (a "Read next" list under the article, each writer above the teaser's headline)
    page = "\n".join(["Home", "", HEADLINE, "Nov 19, 2019", "", *BODY, "", "Read next",
                      "By Dev Patel · 3 hours ago",
                      "High school robotics team heads to world championship",
                      "By Sam Ortega · 5 hours ago",
                      "State lawmakers push to ban phones in classrooms"])
    assert clean_text(page).byline is None


def test_the_headers_reading_time_is_no_article_text() -> None:
    # "Tempo de leitura: 1 minuto" opened an extraction's text (the singular of "minutos" was
    # not in the pattern, and a reading time was no header line)
    from neardup.clean import CleanOptions

    for line in ["Tempo de leitura: 1 minuto", "5 min read", "Lesezeit: 3 Minuten"]:
        for conservative in (True, False):
            res = clean_text("\n".join([HEADLINE, line, *BODY]),
                             options=CleanOptions(conservative=conservative))
            assert line not in res.text and BODY[0] in res.text, (line, conservative)
    # (a sentence that names a reading time is the article's)
    sentence = "The report takes a 5 min read, the ministry said, and is free to download."
    res = clean_text("\n".join([HEADLINE, *BODY[:2], sentence, *BODY[2:]]))
    assert sentence in res.text


def test_the_writers_bio_closing_the_article_goes_with_the_header() -> None:
    # "Louise Matsakis is a Staff Writer at WIRED covering Amazon, ..." under WIRED's stories
    # (the AEB gold leaves writers' bios out)
    bio = ("Jane Doe is a staff writer at Example News covering water, farming and the "
           "environment. She was previously a reporter in Basra.")
    page = "\n".join(["Home", "", HEADLINE, "By Jane Doe", "March 13, 2021", "", *BODY, "",
                      bio, "", "Facebook", "Twitter"])
    res = clean_text(page)
    assert res.byline == "Jane Doe" and bio not in res.text and BODY[-1] in res.text
    # (a bio of someone else, a journalist the story is about, is none of the writer's)
    from neardup.clean.lines import analyse
    from neardup.clean.metadata.bylines import writer_bios

    lines = analyse("\n".join([*BODY, bio.replace("Jane Doe", "John Roe")]))
    for ln in lines:
        ln.keep = True
    assert writer_bios(lines, "Jane Doe") == []
    assert writer_bios(lines, "John Roe") == [len(lines) - 1]
