"""Markdown from crawlers: links read as their text, images left out, markup accounted for."""

from __future__ import annotations

from conftest import BODY, HEADLINES
from hypothesis import given, settings
from hypothesis import strategies as st

import neardup
from neardup.clean import CleanResult, SiteTemplateLearner, clean_text
from neardup.clean.markdown import markdown_view


def _link(text: str, slug: str, page: int = 0) -> str:
    return f"[{text}](https://news.example.com/{slug}/?utm_source=menu&from={page})"


def _markdown_page(body: list[str], page: int = 0) -> str:
    """A page as a crawler writes it in Markdown; its links' targets name the page (a
    tracking parameter), so that its menu lines differ from page to page but for their text."""
    menu = [f"* {_link(name, name.lower(), page)}" for name in ("Home", "World", "Politics",
                                                                "Business", "Sport")]
    related = [f"* {_link(h, f'story-{i}', page)}" for i, h in enumerate(HEADLINES[:5])]
    paragraphs = [
        body[0].replace("Tigris river", _link("Tigris river", "tigris")),
        "![Dry riverbed](https://cdn.example.com/img/riverbed.jpg)",
        *body[1:4],
        f"[![Share](https://cdn.example.com/share.png)]({'https://example.com/share'})",
        *body[4:],
    ]
    return "\n".join([*menu, "", "# Iraq's river hits record low as drought deepens", "",
                      "\n\n".join(paragraphs), "", "## Related", *related, ""])


def _assert_accounted(text: str, res: CleanResult) -> None:
    """Every character of ``text`` is kept or in a removed span: the spans are in order and
    inside the text, and the text minus them is the clean text (but for whitespace: joined
    lines, and Unicode spaces read as spaces)."""
    rest, pos = [], 0
    for span in res.removed:
        assert pos <= span.start <= span.end <= len(text)
        rest.append(text[pos:span.start])
        pos = span.end
    rest.append(text[pos:])
    assert "".join("".join(rest).split()) == "".join(res.text.split())


def test_a_markdown_page_is_cleaned_as_its_text_with_the_markup_accounted_for() -> None:
    # Read as plain text, a link's target is words: menu items read as lines of eight words
    # and paragraphs carried their URLs (AEB pages as html2text Markdown: F1 0.545; 0.883 now).
    page = _markdown_page(BODY)
    res = clean_text(page)
    for para in BODY:
        assert para in res.text, para
    assert "https" not in res.text and "example.com" not in res.text
    assert "Politics" not in res.text and HEADLINES[2] not in res.text
    assert "riverbed.jpg" not in res.text and "Share" not in res.text
    reasons = {s.reason for s in res.removed}
    assert "markup" in reasons and len(reasons) > 1
    _assert_accounted(page, res)
    assert res.source_text == page
    # the first top-level heading is the headline (crawlers leave out the page's <title>)
    assert res.title == "Iraq's river hits record low as drought deepens"


def test_the_headline_is_the_first_top_level_heading_as_text() -> None:
    view = markdown_view("* [Home](/)\n## Latest\n# [Storm](/s) hits the coast\n# Other")
    assert view is not None and view.heading == "Storm hits the coast"
    assert markdown_view("[a](/b)\n## Only second level").heading is None


def test_a_span_starting_or_ending_at_a_link_takes_its_markup() -> None:
    text = "Intro line here.\n[Home](https://x.org/) and more\nEnd."
    view = markdown_view(text)
    assert view is not None and view.text == "Intro line here.\nHome and more\nEnd."
    start = view.text.index("Home")
    assert view.source_start(start) == text.index("[Home")
    assert view.source_end(start + len("Home")) == text.index(" and more")
    assert view.source_end(start + len("Home and")) == text.index(" more")
    assert view.markup == [(text.index("[Home"), text.index("Home")),
                           (text.index("](https"), text.index(" and more"))]


def test_text_without_markdown_links_is_read_as_it_is() -> None:
    for text in ("Scores: [1] Smith (2) Jones", "see [the report](not a link) today",
                 "# 3 in the league\nThe #1 pick.", "No brackets at all."):
        assert markdown_view(text) is None, text


def test_a_markdown_site_template_is_learned_on_the_view() -> None:
    # The template pass must see the lines the cleaner sees: the menu of a site's Markdown
    # pages, whose links differ from page to page, is learned (as its text) and removed as
    # the site's template.
    # (pages of their own: "Report a", not "Report 1", as pages that differ only in their
    # numbers are fetches of one page to the template pass, counted once)
    pages = [_markdown_page([f"{para} (Report {'abcdef'[i]}.)" for para in BODY], i)
             for i in range(6)]
    learner = SiteTemplateLearner()
    for page in pages:
        learner.add("news.example.com", page)
    template = learner.build().for_site("news.example.com")
    res = clean_text(pages[0], template=template)
    at = pages[0].index("Politics")
    assert [s.reason for s in res.removed if s.start <= at < s.end] == ["site-template"]
    assert "Politics" not in res.text and BODY[1] + " (Report a.)" in res.text


def test_a_link_around_a_teaser_is_read_as_its_text_without_its_picture() -> None:
    # A teaser's link holds its picture, headline and summary, lines apart: its "[" and
    # "](target)" stayed in the text as two lines of markup, the picture as a third.
    teaser = ("[![Koala](https://cdn.example.com/k.jpg)\n\nWoman risks her life to save a koala"
              "\n\nAt least six people have died.\n\n14H ago](https://example.com/koala)")
    text = f"Intro [link](/a) here.\n\n{teaser}\n\nEnd."
    view = markdown_view(text)
    assert view is not None
    assert view.text == ("Intro link here.\n\n\n\nWoman risks her life to save a koala\n\n"
                         "At least six people have died.\n\n14H ago\n\nEnd.")
    assert "https" not in view.text and "![" not in view.text


def test_emphasis_marks_are_markup_and_marks_inside_words_are_text() -> None:
    # Emphasis in underscores (Jina Reader's turndown, html2text) made words of their own:
    # "_Tuesday_" is one \w+ word, "_Tuesday_" and "Tuesday" share no shingle, and a copy of
    # a story from such a crawler missed the same story from another one.
    text = ("[Home](/) [a_b](https://x.org/a_b_c/)\n\nOn _Tuesday_ the **minister** said "
            "the ***bridge*** would __reopen__, *she said*; snake_case, 2*3*4, `x_y_` and "
            "\\*not\\* stay. **[Read more](/r)**")
    view = markdown_view(text)
    assert view is not None
    assert view.text == ("Home a_b\n\nOn Tuesday the minister said the bridge would reopen, "
                         "she said; snake_case, 2*3*4, `x_y_` and *not* stay. Read more")
    # (an escaped mark is text: its backslash is markup; markdownify escapes them all)
    escaped = markdown_view("[a](/b) snake\\_case, \\*not\\*, C:\\Users")
    assert escaped is not None and escaped.text == "a snake_case, *not*, C:\\Users"
    marks = [text[start:end] for start, end in view.markup if text[start] in "*_"]
    assert marks == ["_", "_", "**", "**", "***", "***", "__", "__", "*", "*", "**", "**"]


def test_an_underlined_heading_is_the_headline_and_its_underline_markup() -> None:
    text = ("* [Home](/)\n\nStorm _hits_ the coast\n=====================\n\n"
            "Intro [link](/l).\n\nSub-heading\n-----------\n\nText.\n\n---\n")
    view = markdown_view(text)
    assert view is not None and view.heading == "Storm hits the coast"
    assert "===" not in view.text and "-----------" not in view.text
    assert view.text.endswith("Text.\n\n---\n")  # (a rule under no text stays)
    # the first heading, whichever way it is written
    assert markdown_view("# First [x](/x)\n\nSecond\n======\n").heading == "First x"


def test_copies_from_crawlers_that_write_emphasis_differently_clean_alike() -> None:
    # The same story as a crawler writes it with "*" emphasis and with "_" emphasis: their
    # clean texts are the same words.
    words = ["_Tuesday_", "_Reuters_", "_Baghdad_", "_al-Sudani_"]
    body = [f"{para} {words[i % len(words)]} officials said." for i, para in enumerate(BODY)]
    star = _markdown_page([p.replace("_", "*") for p in body])
    underscore = _markdown_page(body)
    plain = _markdown_page([p.replace("_", "") for p in body])
    assert neardup.similarity(underscore, plain) < 0.9  # (raw: "_Tuesday_" is one word)
    clean = [clean_text(page).text for page in (star, underscore, plain)]
    assert clean[0] == clean[1] == clean[2]
    assert "_" not in clean[1] and "*" not in clean[0]


def test_a_pipe_table_reads_as_its_cells_and_stays_in_the_article() -> None:
    # A table's "|" are cell borders: read as they were, each row was a menu ("a | b | c")
    # and a standings table, the article of its page, went (recall 0.057 on that AEB page).
    view = markdown_view("[a](/a)\n| Pos. | **Driver** | Points |\n| --- | :---: | ---: |\n"
                         "| 1 | [Kyle Busch](/kb) | 5040 |\n| 2 | Truex \\| Jr | 5035 |\nEnd.\n"
                         "\nA | b")  # (the table ends at a line without "|")
    assert view is not None
    assert view.text == "a\nPos. Driver Points\n1 Kyle Busch 5040\n2 Truex | Jr 5035\nEnd.\n\nA | b"
    rows = ["| Jane Smith | Labour | 12,345 | 45.2% |", "| John Brown | Conservative | 10,210 "
            "| 37.4% |", "| Ann Green | Green | 4,750 | 17.4% |"]
    table = "\n".join(["| Candidate | Party | Votes |", "| --- | --- | --- |", *rows])
    page = _markdown_page([BODY[0], table, *BODY[1:]])
    res = clean_text(page)
    assert "Jane Smith Labour 12,345 45.2%\nJohn Brown Conservative 10,210 37.4%" in res.text
    assert BODY[0] in res.text and BODY[1] in res.text and "Politics" not in res.text
    _assert_accounted(page, res)
    assert [res.text[a:b] for a, b in markdown_view(page).tables] != []
    # a page's layout written as tables (a teaser list of one-row tables in list items, a
    # table nested in a row) is read without its borders, but is no data table
    teasers = "\n".join(f"* |  |  |\n  | --- | --- |\n  | [![p](/{i}.jpg)](/{i}) | "
                         f"[Story {i}](/{i}) |" for i in range(3))
    nested = "|  |  |\n| --- | --- |\n| | a | b | | --- | --- | | x | y | |  |\n| c | d |"
    for layout in (teasers, nested):
        view = markdown_view(f"[a](/a)\n{layout}")
        assert view is not None and view.tables == (), layout
    # without its delimiter row, "|" lines are no table: a menu stays a menu
    assert markdown_view("[a](/a)\n| Home | News |\n| Sport | Weather |").text == (
        "a\n| Home | News |\n| Sport | Weather |")


_ATOMS = ["[Home](https://x.org/)", "![img](a.png)", "[![i](b.png)](/c)", "[", "]", "(", ")",
          "](", "# ", "## Head", "\n", "\n\n", " ", "\xa0", "\u2009", "The senator said",
          "would vote, he said.", ", as well", ".", "by Jane Doe", "http://x.y", "updated:",
          "Share", "Read more", "DON'T MISS", "19 hours ago", "© 2019 News", "lower case line",
          "Élan", "“Quote,” she said.", "[text\nover lines](http://u.v/w)", "\r\n", "\u2028",
          "* ", "- ", "Officials blamed dams built upstream in neighbouring countries.", "*",
          "**", "_", "__", "word", "\n===\n", "\n---\n", "`", "\\", "| ", " | ", "|",
          "\n| --- | --- |\n", "|---|", "12,345"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ATOMS), max_size=60))
def test_removed_spans_account_for_every_character(atoms: list[str]) -> None:
    # Whatever the text (Markdown or not, broken sentences, odd spaces and line breaks)
    text = "".join(atoms)
    _assert_accounted(text, clean_text(text))


def test_code_blocks_escapes_and_crlf_read_as_commonmark_reads_them() -> None:
    # Found by a fuzzing helper: a "# comment" in a fenced code block was a heading (and the
    # page's headline); every backslash of "\\\\" was an escape; an escaped "\[" opened a
    # link; a CRLF text had no tables and no underlined headings.
    code = "[a](/b)\n```\n# comment\nx = a*b*c + _y_ [l](/m) \\*\n```\n# Real [t](/t)\n"
    view = markdown_view(code)
    assert view is not None and view.heading == "Real t"
    assert view.text == "a\n```\n# comment\nx = a*b*c + _y_ [l](/m) \\*\n```\nReal t\n"
    assert markdown_view("[a](/b) \\\\\\\\unc \\[not a link\\](/x)").text == (
        "a \\\\unc [not a link](/x)")
    crlf = markdown_view("[a](/b)\r\nTitle\r\n===\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n"
                         "| 3 | 4 |\r\n")
    assert crlf is not None and crlf.heading == "Title" and len(crlf.tables) == 1
    assert "===" not in crlf.text and "|" not in crlf.text
    # an empty span at the start maps to the start (it wrapped round to the last piece)
    view = markdown_view("[a](/b) hello\nworld")
    assert view is not None and (view.source_start(0), view.source_end(0)) == (0, 1)


def test_a_table_row_with_a_long_run_of_spaces_stays_linear() -> None:
    # Each space of a run that ends in no "|" started a new try of the border pattern, to the
    # run's end: 100,000 spaces in a row took 38 s. (Counted in steps, not timed: the view of
    # a row ten times longer must not cost a hundred times more.)
    import time

    def cost(n: int) -> float:
        text = "[a](/b)\na|b\n-|-\nc|" + " " * n + "d\n" + "x" * n + " " * n + "e|f\n"
        start = time.perf_counter()
        view = markdown_view(text)
        # (a "|" with no space beside it stays: "e|f" is not read "ef")
        assert view is not None and view.text.endswith("d\n" + "x" * n + " " * n + "e|f\n")
        return time.perf_counter() - start

    cost(1000)  # (warm)
    assert cost(200_000) < 0.5


def test_a_link_whose_text_holds_brackets_is_read_as_its_text() -> None:
    # Footnote links ("[[1]](#cite_note-1)", as Jina Reader, markdownify and html2text write
    # Wikipedia's) and "[Video [2:30]](/v)" stayed whole, targets and all.
    view = markdown_view("Text.[[1]](#cite_note-1) and [Foo [video]](https://x.com/v) "
                         "[![p](/p.jpg) [2:30]](/w)")
    assert view is not None and view.text == "Text.[1] and Foo [video]  [2:30]"


def test_a_comment_thread_written_as_a_numbered_list_goes() -> None:
    # Markdown numbers an <ol> thread ("1. joetoronto says:" over its date line): read as a
    # numbered list, it was kept as the article's content, every comment of it (an AEB page:
    # precision 0.577 -> 0.244), once the "**" around the names no longer hid the numbers.
    comments = "\n\n".join(
        f"{n}. **{name}** says:\n\n   November 19, 2019 at 6:3{n} am\n\n   {text}"
        for n, (name, text) in enumerate([
            ("thelastchargersfan", "It's a good thing we have no fans left because this is a "
                                   "dumpster fire."),
            ("joetoronto", "It's time for both fans to come to grips with reality, it's over."),
            ("theprocess12", "As usual too many mistakes by Rivers, as good as he has been."),
            ("v2787", "Rivers is done. Get a new QB, Chargers. Philip has hit the wall.")],
            start=1))
    page = _markdown_page(BODY).replace("## Related", comments + "\n\n## Related")
    res = clean_text(page)
    assert BODY[-1] in res.text and "dumpster fire" not in res.text
    assert "joetoronto" not in res.text
    at = page.index("1. **thelastchargersfan**")
    assert [s.reason for s in res.removed if s.start <= at < s.end] == ["comments"]


def test_a_numbered_timeline_of_quotes_is_no_comment_thread() -> None:
    # Found by a fuzzing helper: "1. The minister said:" over a date line, four times, was
    # taken for a numbered comment thread, and the article after it went as "comments".
    intro = ("The government faced mounting criticism on Tuesday after a parliamentary "
             "committee published its long-awaited report into the handling of the flood "
             "response across the northern provinces.\n\nThe report, which runs to more than "
             "three hundred pages, describes a series of missed warnings, delayed evacuations "
             "and confused communication between regional authorities and the national "
             "emergency agency.\n\nOpposition leaders called for the resignation of the "
             "interior minister, who has defended the response as the best possible under "
             "extraordinary circumstances and has repeatedly said that the forecasts were "
             "uncertain.")
    quotes = "\n\n".join(f'{n}. {who}:\nMarch {n + 2}, 2020\n"{what}"' for n, (who, what) in
                         enumerate([("The minister said", "We are monitoring the situation "
                                     "closely and there is no reason for alarm."),
                                    ("The agency's director wrote", "The forecasts remain "
                                     "uncertain and we will act when the data justify it."),
                                    ("The prime minister said", "All resources of the state "
                                     "are being deployed to the affected regions tonight."),
                                    ("Ms Marsh wrote", "We were not told about the warnings "
                                     "until it was far too late to act on them.")], start=1))
    end = ("Committee chair Helena Marsh told reporters that the pattern of statements showed "
           "an agency that was reacting to events rather than anticipating them.")
    res = clean_text("\n\n".join([intro, quotes, end]))
    assert end in res.text and "4. Ms Marsh wrote:" in res.text


def test_a_table_delimiter_row_with_a_long_run_of_spaces_stays_linear() -> None:
    # "-|-" and 100,000 spaces before any other character: 46 s (two plain quantifiers side
    # by side over the run). A complexity guard, not a benchmark: quadratic takes minutes.
    import time

    start = time.perf_counter()
    view = markdown_view("[a](/b)\na|b\n-|-" + " " * 200_000 + "x\n")
    assert view is not None and time.perf_counter() - start < 1


def test_list_items_that_are_one_link_are_known_to_the_view() -> None:
    text = ("Intro with a [link](https://x.example/a) in it.\n\n"
            "* [Amazon deforestation hits its worst level in years](https://x.example/b)\n"
            "* [Toxic algae](https://x.example/c) (12 comments)\n"
            "- [Home](/)  \n"
            "* Plain item with [a link](https://x.example/d) inside\n"
            # (a teaser's age after its link: still the link alone, as a list of other
            # stories prints it; an interview's box of them was kept as its list)
            "* [Ice storm watch issued for the county](/ice) 4 hours ago\n"
            "* [Ferry gets its first woman captain](/ferry) · Yesterday\n"
            "* [Bridge opens](/bridge) after four years")
    view = markdown_view(text)
    assert view is not None
    starts = [view.text[at:].split("\n", 1)[0] for at in view.link_items]
    assert starts == ["Amazon deforestation hits its worst level in years", "Home  ",
                      "Ice storm watch issued for the county 4 hours ago",
                      "Ferry gets its first woman captain · Yesterday"]


def test_a_box_of_other_stories_as_linked_list_items_is_no_article_list() -> None:
    # Headlines as bulleted links read as a list whose items read like text (six words and
    # more), which counts as content in the region search: a "More news" box was kept beside
    # the article or as a region of its own (AEB as Markdown: 10 pages, precision up to
    # 0.61 -> 1.00, no page lower). Items that are one link each are no article's list.
    from neardup.clean.lines import analyse
    from neardup.clean.markdown import lines_at
    from neardup.clean.structure import mark_structure

    box = ["Amazon deforestation hits its worst level in eleven years",
           "Toxic algae and climate change put fresh water under threat",
           "The story behind the first batch of cookies baked in space"]
    linked = "\n".join([BODY[0], "", *(f"* {_link(h, f'more-{i}')}" for i, h in enumerate(box)),
                        "", BODY[1]])
    view = markdown_view(linked)
    assert view is not None and len(view.link_items) == 3
    lines = analyse(view.text)
    mark_structure(lines, lines_at(lines, view.link_items))
    assert not any(ln.in_list for ln in lines)
    # the same items as text (one of them with a link inside): the article's list
    plain = "\n".join([BODY[0], "", *(f"* {h}" for h in box[:2]),
                       f"* The story behind the [first batch]({'https://x.example/c'}) of cookies",
                       "", BODY[1]])
    view = markdown_view(plain)
    assert view is not None and view.link_items == ()
    lines = analyse(view.text)
    mark_structure(lines, lines_at(lines, view.link_items))
    assert sum(ln.in_list for ln in lines) == 3


def test_a_page_without_an_article_region_keeps_no_linked_list_items() -> None:
    # An article of one sentence makes no region; the cleaner then keeps what is not clearly
    # boilerplate, but not the items of a "More news" box of links (which, read as a list,
    # had made a region of their own)
    box = ["Amazon deforestation hits its worst level in eleven years",
           "Toxic algae and climate change put fresh water under threat",
           "The story behind the first batch of cookies baked in space"]
    page = "\n".join(["# Drought deepens", "", BODY[0], "", "Report Error", "Top Video", "",
                      "### More news", "", *(f"* {_link(h, f'more-{i}')}" for i, h in
                                             enumerate(box)), "", "Copyright 2019 Example"])
    res = clean_text(page)
    assert BODY[0] in res.text
    for headline in box:
        assert headline not in res.text, headline
