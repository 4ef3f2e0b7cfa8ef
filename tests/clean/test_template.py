"""Site-template learning: per site, bounded, mergeable, picklable, deterministic."""

from __future__ import annotations

import pickle

from neardup.clean import SiteTemplateLearner, clean_text
from neardup.clean.template import SiteTemplate

NAV = ["Home", "Politics", "Sports", "Weather", "Follow the Valley Tribune on social media"]
FOOTER = "The Valley Tribune is published by Valley Media Group, a family-owned company."


TOPICS = ["library", "bridge", "school", "harbour", "stadium", "museum", "park", "clinic"]


def _doc(i: int) -> str:
    topic = f"{TOPICS[i % 8]} {TOPICS[(i // 8) % 8]} {TOPICS[(i // 64) % 8]}"
    story = [
        f"This story begins with a long paragraph about the town meeting on the {topic}, "
        "where residents discussed the plans and the cost of the whole project.",
        f"The second paragraph of the {topic} story quotes the mayor, who said the decision "
        "would be made before the end of the year after a public hearing in the town hall.",
    ]
    return "\n".join([*NAV, *story, FOOTER])


def _learner(n: int = 8) -> SiteTemplateLearner:
    lrn = SiteTemplateLearner()
    for i in range(n):
        lrn.add("tribune.example", _doc(i))
    # another site prints the footer sentence once, in an article
    for i in range(8):
        lrn.add(
            "other.example",
            f"An unrelated article about the weather.\n{FOOTER}"
            if i == 0
            # (words, not numbers: pages that differ only in numbers are one page)
            else f"An unrelated article about gardening on {TOPICS[i]} day.",
        )
    return lrn


def test_learns_site_lines_not_article_lines() -> None:
    templates = _learner().build()
    tpl = templates.for_site("tribune.example")
    assert tpl is not None
    assert tpl.is_template(FOOTER)
    assert tpl.is_template("Home")
    assert not tpl.is_template(_doc(3).split("\n")[5])
    # the same line is not template on a site where it appeared once
    other = templates.for_site("other.example")
    assert other is None or not other.is_template(FOOTER)
    assert templates.for_site("unknown.example") is None


def test_template_lines_removed_with_reason() -> None:
    tpl = _learner().build().for_site("tribune.example")
    text = _doc(42)
    res = clean_text(text, template=tpl)
    assert FOOTER not in res.text
    assert "This story begins" in res.text
    spans = [text[s.start : s.end] for s in res.removed if s.reason == "site-template"]
    assert any(FOOTER in s for s in spans)


def test_merge_equals_single_pass_and_pickles() -> None:
    whole = _learner()
    a, b = SiteTemplateLearner(), SiteTemplateLearner()
    for i in range(8):
        (a if i % 2 else b).add("tribune.example", _doc(i))
    a.merge(pickle.loads(pickle.dumps(b)))
    ta, tw = a.build().for_site("tribune.example"), whole.build().for_site("tribune.example")
    assert ta is not None and tw is not None
    assert ta.counts == tw.counts
    assert pickle.loads(pickle.dumps(whole.build())).for_site("tribune.example").counts == tw.counts


def test_memory_bound_holds_and_keeps_frequent_lines() -> None:
    lrn = SiteTemplateLearner(max_entries=300, max_lines_per_site=200)
    for i in range(200):
        lrn.add(f"site{i % 5}.example", _doc(i))
        assert lrn.entries <= 300
    tpl = lrn.build().for_site("site0.example")
    assert tpl is not None and tpl.is_template(FOOTER)


def test_needs_three_docs() -> None:
    lrn = SiteTemplateLearner()
    lrn.add("tiny.example", _doc(1))
    lrn.add("tiny.example", _doc(2))
    assert lrn.build().for_site("tiny.example") is None


def test_a_story_on_most_of_a_site_s_pages_is_not_its_template() -> None:
    # One story under many URLs of one site (print, AMP, tracking variants, each a word
    # apart): its paragraphs are on most of the site's pages, so they passed the template's
    # prose threshold and were removed, leaving each page a line or two (10,000 such pages
    # made 184 stories of one). A template's prose is a line or two (a policy, an "about
    # us"), and that still goes.
    policy = ("Comment policy: the Valley Tribune welcomes comments from readers, which are "
              "moderated and may take a few hours to appear on the site.")
    story = [f"Paragraph {k} of the one story the site printed again and again tells how the "
             f"council voted on the harbour budget after a debate of {k + 3} hours." for k in
             range(5)]

    def page(i: int, changed: int) -> str:
        lines = [*story]
        # (a word, not a number: digits are folded, and pages that differ only there would
        # be fetches of one page, counted once)
        lines[changed] = lines[changed].replace("harbour", f"harbour{chr(97 + i % 26)}"
                                                           f"{chr(97 + i // 26)}")
        return "\n".join([*NAV, *lines, policy])

    lrn = SiteTemplateLearner()
    for i in range(40):
        lrn.add("tribune.example", page(i, i % 5))
    tpl = lrn.build().for_site("tribune.example")
    assert tpl is not None and tpl.is_template(story[0], prose=True)  # (on 4/5 of the pages)
    res = clean_text(page(99, 2), template=tpl)
    assert all(line in res.text for line in (story[0], story[1], story[3], story[4]))
    assert policy not in res.text and "Politics" not in res.text
    # a page of the site with a story of its own: the policy (template prose) goes, as before
    own = "\n".join([*NAV, *[s.replace("one story", "other story") for s in story[:2]], policy])
    res = clean_text(own, template=tpl)
    assert policy not in res.text and "other story" in res.text


# One story's page with sub-headings and a one-line paragraph, as a small site prints it.
SUBHEADS = ["What the vote means for the harbour", "Residents react.", "Who pays for the work"]


def _story_page(rotating: str = "", extra: str = "") -> str:
    story = [
        "The council voted on Tuesday to rebuild the harbour wall. The vote ends a debate "
        "that has divided the town for more than two years.",
        SUBHEADS[0],
        "Engineers told the meeting that the old wall could fail in a winter storm. Repairs "
        "would cost more than a new wall within a decade, they said.",
        SUBHEADS[1],
        "Several fishermen who spoke at the meeting said they had waited too long already. "
        "Others asked who would pay for the work.",
        SUBHEADS[2],
        "The first contracts will be offered in the spring. The work should take about "
        "eighteen months if the weather allows it.",
        *([extra] if extra else []),
    ]
    return "\n\n".join([*NAV, "Harbour wall to be rebuilt", "By Jane Smith", "March 3, 2019",
                        *story,
                        *([rotating] if rotating else []), FOOTER])


def _site_with(pages: list[str], others: int) -> SiteTemplateLearner:
    lrn = SiteTemplateLearner()
    for page in pages:
        lrn.add("tribune.example", page)
    for i in range(others):
        lrn.add("tribune.example", _doc(i))
    return lrn


def test_a_page_fetched_again_is_one_page_of_its_site() -> None:
    # Three fetches of one story among five other pages of a small site: counted as fetched,
    # every short line of the story was on 3 of 8 pages, the site's template, and went from
    # every copy. A page fetched again, the same or with another "Most read" line (short
    # lines are no part of a page's key), is one page.
    for rotating in ("", "Most read: {} wins the cup"):
        fetches = [_story_page(rotating.format(w)) for w in ("Leeds", "Derby", "Hull")]
        lrn = _site_with(fetches, others=5)
        tpl = lrn.build().for_site("tribune.example")
        assert tpl is not None and tpl.docs == 6
        res = clean_text(fetches[0], template=tpl)
        assert all(line in res.text for line in SUBHEADS)
        assert "Politics" not in res.text and FOOTER not in res.text  # (still the template)
    # pages that are not fetches of one page are counted as before
    lrn = _site_with([_story_page(), _story_page(extra="An added paragraph of the update "
                                                 "tells what the harbour master said about "
                                                 "the vote on Wednesday morning.")], others=5)
    assert lrn.build().for_site("tribune.example").docs == 7


def test_forgetting_pages_past_the_bound_counts_them_again() -> None:
    lrn = SiteTemplateLearner(max_pages=2)
    page = _story_page()
    lrn.add("a.example", page)
    lrn.add("a.example", page)  # (the same page: not counted)
    lrn.add("b.example", "Another site's page.")
    assert lrn._sites["a.example"].docs == 1
    lrn.add("b.example", "A third page.")  # (a third key: the two held are forgotten)
    lrn.add("a.example", page)
    assert lrn._sites["a.example"].docs == 2


def test_a_story_printed_again_on_a_site_keeps_its_short_lines() -> None:
    # Versions of one story that are no fetches of one page (an update adds a paragraph each
    # time) on three of a small site's eight pages: its paragraphs recur on 3 pages, and so do
    # its sub-headings; a short line is the site's template only when it is on more of the
    # site's pages than the story.
    updates = [f"Update {k}: the harbour master said on {day} that the vote would stand, and "
               f"that the first boats would be moved before the work begins." for k, day in
               enumerate(("Monday", "Tuesday", "Wednesday"))]
    versions = [_story_page(extra=" ".join(updates[:k + 1])) for k in range(3)]
    tpl = _site_with(versions, others=5).build().for_site("tribune.example")
    assert tpl is not None and tpl.docs == 8 and tpl.is_template(SUBHEADS[1])
    res = clean_text(versions[2], template=tpl)
    assert all(line in res.text for line in SUBHEADS)
    assert "Politics" not in res.text and FOOTER not in res.text  # (on all 8 pages)
    # a page with a story of its own loses the lines as the site's template
    own = "\n\n".join([*NAV, _doc(7).split("\n")[5], SUBHEADS[1], _doc(7).split("\n")[6],
                       FOOTER])
    assert SUBHEADS[1] not in clean_text(own, template=tpl).text


def test_a_run_counts_a_page_fetched_again_once_whatever_the_jobs() -> None:
    # The pipeline's template pass (page keys computed in the workers, counted in input order
    # in the main process): three fetches of a story too short for the story rule (two
    # paragraphs), each with another "Most read" line, far apart in the input, among five
    # other pages of a small site keep their sub-headings, in one shard or many, with one
    # worker or two, and give the same texts.
    import neardup

    paragraphs = [line for line in _story_page().split("\n\n") if len(line) > 100]

    def short_story(most_read: str) -> str:
        return "\n\n".join([*NAV, "Harbour wall to be rebuilt", "By Jane Smith",
                            "March 3, 2019", paragraphs[0], SUBHEADS[0], paragraphs[1], FOOTER,
                            most_read])

    fetches = [{"id": f"fetch{k}", "url": f"https://tribune.example/harbour?utm={k}",
                "text": short_story(f"Most read: {team} wins the cup")}
               for k, team in enumerate(("Leeds", "Derby", "Hull"))]
    pages = [{"id": f"page{i}", "url": f"https://tribune.example/{i}", "text": _doc(i)}
             for i in range(5)]
    docs = [pages[0], fetches[0], pages[1], pages[2], fetches[1], pages[3], pages[4],
            fetches[2]]
    outputs = set()
    for jobs in (1, 2):
        for shard_size in (1, 3, 256):
            cleaned = {d.id: d for d in neardup.clean_documents(docs, jobs=jobs,
                                                                 shard_size=shard_size)}
            text = cleaned["fetch0"].text
            assert SUBHEADS[0] in text and FOOTER not in text
            outputs.add(repr([(d.id, d.text, d.removed) for d in cleaned.values()]))
    assert len(outputs) == 1


def test_page_keys() -> None:
    from neardup.clean.template import page_lines

    story = _story_page()
    assert page_lines(story)[1] == page_lines(story + "\n\nMost read: Leeds wins")[1]
    assert page_lines(story)[1] != page_lines(_story_page(extra="An added paragraph of the "
                                                          "update tells what the harbour "
                                                          "master said on Wednesday."))[1]
    # pages of short lines whose one long line is the site's (a cookie notice): keyed by all
    # their lines, each a page of its own (keyed by that line, a site of such pages was one
    # page, and had no template)
    notice = ("We use cookies to improve your experience on our site and to show you "
              "personalised advertising; by continuing you accept our cookie policy.")
    listings = ["\n".join([*NAV, *(f"{t} {u} for sale" for u in TOPICS[i:i + 4]), notice])
                for i, t in enumerate(TOPICS)]
    assert len({page_lines(page)[1] for page in listings}) == len(listings)
    lrn = SiteTemplateLearner()
    for page in listings:
        lrn.add("ads.example", page)
    tpl = lrn.build().for_site("ads.example")
    assert tpl is not None and tpl.docs == 8 and tpl.is_template("Politics")
    # pages without lines (empty, punctuation) are one page
    assert page_lines("")[1] == page_lines("---\n***")[1]


def test_merge_holds_both_learners_pages() -> None:
    a, b = SiteTemplateLearner(), SiteTemplateLearner()
    page = _story_page()
    a.add("tribune.example", page)
    b.add("tribune.example", page)  # (counted by both: twice, as the docstring says)
    b.add("tribune.example", _doc(1))
    a.merge(b)
    assert a._sites["tribune.example"].docs == 3
    a.add("tribune.example", _doc(1))  # (a page the other learner counted: not again)
    assert a._sites["tribune.example"].docs == 3


def test_the_site_s_own_paragraphs_are_no_story_of_a_page() -> None:
    # Three paragraphs of the site's footer on every page, above which a page's own article
    # is shorter than they are (or is no prose at all: a table, a list): the recurring
    # paragraphs would pass for the page's story; they are on as many pages as the menu, the
    # site's own prose, so the page's short lines on every page stay template.
    footer = [f"The Valley Tribune {what} and is one of the oldest newspapers of the county, "
              f"read in print and online by more than forty thousand people every week."
              for what in ("was founded in 1901", "is owned by its staff", "prints daily")]
    pages = ["\n\n".join([*NAV, _doc(i).split("\n")[5], _doc(i).split("\n")[6], FOOTER,
                          *footer]) for i in range(6)]
    tpl = _site_with(pages, others=0).build().for_site("tribune.example")
    res = clean_text(pages[0], template=tpl)
    assert FOOTER not in res.text and _doc(0).split("\n")[5] in res.text
    # a table of results as the page's own article: none of its prose is its own
    # (with a long line of its own, its note: pages whose long lines are all the site's are
    # one page to the learner, see template.PAGE_KEY_CHARS)
    tables = ["\n\n".join([*NAV, *(f"{t} beat {u} by {TOPICS[(i + k) % 8]} points" for k, t in
                                   enumerate(TOPICS) for u in TOPICS[:3]),
                           f"Note: the results of the {TOPICS[i]} league are provisional until "
                           f"the referees have signed them", FOOTER, *footer])
              for i in range(6)]
    tpl = _site_with(tables, others=0).build().for_site("tribune.example")
    assert FOOTER not in clean_text(tables[0], template=tpl).text
    # the story's versions among pages with the site's paragraphs: the story's short lines
    # stay, the site's go
    versions = [_story_page(extra=f"Update: the harbour master said on {day} that the "
                            f"vote would stand, and that the first boats would be moved "
                            f"before the work begins.") for day in ("Monday", "Tuesday")]
    pages = [page + "\n\n" + "\n\n".join(footer) for page in [_story_page(), *versions]]
    pages += ["\n\n".join([_doc(i), *footer]) for i in range(5)]
    tpl = _site_with(pages, others=0).build().for_site("tribune.example")
    res = clean_text(pages[0], template=tpl)
    assert all(line in res.text for line in SUBHEADS) and FOOTER not in res.text


def _tribune_template(pages: list[str]) -> SiteTemplate:
    """The template learnt from ``pages`` of tribune.example (it must learn one)."""
    lrn = SiteTemplateLearner()
    for page in pages:
        lrn.add("tribune.example", page)
    tpl = lrn.build().for_site("tribune.example")
    assert tpl is not None
    return tpl


REGULARS = ["joetoronto", "Valley Tribune", "harborwatcher"]


def _page_with_thread(i: int) -> tuple[str, list[str], list[str]]:
    """A page of the site: its story, then a thread of its own comments without a header
    over it, under the headers of the site's regular commenters ("joetoronto says:" over the
    comment's date)."""
    topic = f"{TOPICS[i % 8]} and the {TOPICS[(i + 3) % 8]}"
    story = [f"The council voted on Tuesday to rebuild the {topic}, a project that residents "
             f"have asked for since the storm of {2000 + i} damaged the old buildings.",
             f"Work on the {topic} will begin in the spring, the mayor said, and the town "
             "will pay for most of it with a loan from the state's infrastructure fund.",
             "Some residents said the plan came too late, while others asked how the town "
             "would repay the loan without raising property taxes again next year."]
    comments = [f"I have lived next to the {topic} for {10 + k} years, and I think the "
                "council finally got one thing right this time. What worries me is the loan, "
                f"because the last one took {k + 12} years to repay and the roads are still "
                "full of potholes that nobody has fixed since then." for k in range(6)]
    thread = []
    for k, text in enumerate(comments):
        thread += [f"{REGULARS[k % 3]} says:", f"November {k + 3}, 2019 at {k + 1}:15 pm",
                   text]
    page = "\n\n".join([*NAV, f"Council to rebuild the {topic}", "By Jane Doe", *story,
                        *thread, "Leave a Reply", FOOTER])
    return page, story, comments


def test_a_thread_of_the_site_s_regular_commenters_goes() -> None:
    # The regulars' "name says:" lines are on every page of the site, so they are its
    # template; they still head comments, which go as they do on a page cleaned alone.
    pages = [_page_with_thread(i) for i in range(6)]
    tpl = _tribune_template([page for page, _, _ in pages])
    assert tpl.is_template("joetoronto says:")
    for page, story, comments in pages:
        for template in (None, tpl):
            res = clean_text(page, template=template)
            assert all(p in res.text for p in story)
            assert not any(c in res.text for c in comments), res.text


def test_a_byline_on_most_of_a_site_s_pages_is_still_each_page_s_byline() -> None:
    # A small site's one writer: "Jane Doe, Staff Writer" under every headline is the site's
    # template, and no less each page's byline (it was found on pages cleaned alone only).
    def page(i: int) -> str:
        _, story, _ = _page_with_thread(i)
        return "\n\n".join([*NAV, f"Council to rebuild the {TOPICS[i % 8]}",
                            "Jane Doe, Staff Writer", f"Published March {i + 1}, 2019", *story,
                            FOOTER])
    tpl = _tribune_template([page(i) for i in range(6)])
    assert tpl.is_template("Jane Doe, Staff Writer")
    for i in range(6):
        alone, with_template = clean_text(page(i)), clean_text(page(i), template=tpl)
        assert alone.byline == with_template.byline == "Jane Doe"
        assert "Staff Writer" not in with_template.text
        assert with_template.date == f"2019-03-{i + 1:02d}"


def test_a_box_of_the_site_s_other_stories_goes_with_its_template() -> None:
    # "More from the Tribune" under every page of a day: each teaser's headline, writer and
    # date are the site's template, its summary (prose, on too few pages) is not. The writer
    # over the date still makes the summaries a list of others' texts, as on a page alone.
    box = ["More from the Valley Tribune"]
    writers = ["Ann Lee", "Bo Diaz", "Cy Park", "Di Roe", "Ed Fox", "Flo Yu", "Gus Ray",
               "Hal Ito"]
    for k, (writer, topic) in enumerate(zip(writers, TOPICS, strict=True)):
        box += [f"Why the {topic} matters to the valley", writer, f"Tuesday November {k + 5}, 2019",
                f"The {topic} has been part of the town for a century, and the plans to change "
                "it have divided the families who live next to it since the first vote. Now "
                f"the council wants to hear from them again before it spends {k + 2} million "
                "dollars on a project that few of them asked for."]
    def page(i: int) -> tuple[str, list[str]]:
        _, story, _ = _page_with_thread(i)
        return "\n\n".join([*NAV, f"Council to rebuild the {TOPICS[i % 8]}", "By Jane Doe",
                            *story, *box, FOOTER]), story
    tpl = _tribune_template([page(i)[0] for i in range(6)])
    assert tpl.is_template("Ann Lee")
    summaries = box[4::4]
    for i in range(6):
        text, story = page(i)
        for template in (None, tpl):
            res = clean_text(text, template=template)
            assert all(p in res.text for p in story)
            assert not any(s in res.text for s in summaries), res.text


def test_the_site_s_lines_in_the_middle_of_an_article_start_no_comment_section() -> None:
    # A box of the site's titles over dates, or its menu lines over "Updated" lines, inside
    # the article: template lines one after another, no comment text under them. Read as a
    # thread by their shape, they cut the article's second half (a reviewer's pages).
    boxes = {"box": ["Most read", "Council approves budget for parks", "March 2, 2019",
                     "Flood warning lifted for the valley", "March 3, 2019",
                     "New principal named at high school", "March 4, 2019"],
             "menu": ["Opinion Letters Obituaries", "Updated March 9, 2019",
                      "Sports Scores Schedules", "Updated March 9, 2019",
                      "Weather Radar Alerts", "Updated March 9, 2019"]}
    for box in boxes.values():
        def page(i: int, box: list[str] = box) -> tuple[str, list[str]]:
            _, story, _ = _page_with_thread(i)
            _, more, _ = _page_with_thread(i + 8)
            body = [*story, *box, *more]
            return "\n\n".join([*NAV, f"Council to rebuild the {TOPICS[i % 8]}", *body,
                                FOOTER]), story + more
        tpl = _tribune_template([page(i)[0] for i in range(8)])
        assert tpl.is_template(box[1])
        for i in range(3):
            text, paragraphs = page(i)
            res = clean_text(text, template=tpl)
            assert all(p in res.text for p in paragraphs), res.text
            assert not any(line in res.text.split("\n\n") for line in box)


def test_the_site_s_line_inside_an_article_takes_no_sub_heading_or_list_with_it() -> None:
    # "Related: <headline>" on most of the site's pages, between the article's paragraphs: it
    # goes as the template, the sub-heading and the list items next to it stay (they went
    # with it: a "bad" line beside them made them the region's edge).
    promo = "Related: Track every road closure in the valley with our interactive map"
    def page(i: int) -> tuple[str, list[str]]:
        _, story, _ = _page_with_thread(i)
        topic = TOPICS[i % 8]  # (the page's own lines differ from page to page)
        items = [f"The {topic} {part} would reopen after the {TOPICS[(i + k + 1) % 8]} work"
                 for k, part in enumerate(["gate", "wing", "hall"])]
        lead, heading = f"Here is what the {topic} plan includes:", f"What the {topic} needs"
        more = [f"The {topic} plan still needs a vote of the county board, which meets in "
                "the old court house next month and has asked the town for a cheaper design.",
                f"Residents who live near the {topic} can send their comments to the clerk "
                "until the end of the month, and a public hearing will follow in the spring."]
        keep = [*story, lead, *items, heading, *more]
        body = [*story, lead, *items, promo, heading, *more]
        return "\n\n".join([*NAV, f"Council to rebuild the {TOPICS[i % 8]}", "By Jane Doe",
                            *body, FOOTER]), keep
    tpl = _tribune_template([page(i)[0] for i in range(8)])
    assert tpl.is_template(promo)
    for i in range(8):
        text, keep = page(i)
        res = clean_text(text, template=tpl)
        assert promo not in res.text
        assert all(line in res.text.split("\n\n") for line in keep), res.text


def test_a_sub_heading_on_some_of_the_site_s_pages_stays() -> None:
    # A review site's "Verdict" between two paragraphs of 3 of its 8 pages is on enough of
    # them to be a template line, and is the article's: between two of the page's own
    # paragraphs, without a cue word, on at most half of the pages. A line between paragraphs
    # on every page ("Continue reading below") is the site's.
    def page(i: int) -> tuple[str, list[str]]:
        _, story, _ = _page_with_thread(i)
        body = [story[0], *(["Verdict"] if i < 3 else []), story[1], "Continue reading below",
                story[2]]
        return "\n\n".join([*NAV, f"Council to rebuild the {TOPICS[i % 8]}", "By Jane Doe",
                            *body, FOOTER]), body
    tpl = _tribune_template([page(i)[0] for i in range(8)])
    assert tpl.is_template("Verdict")
    for i in range(8):
        text, body = page(i)
        res = clean_text(text, template=tpl)
        kept = res.text.split("\n\n")
        assert all(line in kept for line in body[:body.index("Continue reading below")]), kept
        reasons = {text[s.start:s.end]: s.reason for s in res.removed}
        assert reasons["Continue reading below"] == "site-template"


def test_a_lede_over_the_site_s_line_stays() -> None:
    # "Continue reading below" (or an ad label) under every page's first paragraph: the
    # site's template, and the one-sentence lede above it, isolated by it, is still the
    # article's (as on the page alone, where the short line is looked through).
    def page(i: int) -> tuple[str, list[str]]:
        _, story, _ = _page_with_thread(i)
        return "\n\n".join([*NAV, f"Council to rebuild the {TOPICS[i % 8]}", "By Jane Doe",
                            story[0], "Continue reading below", *story[1:], FOOTER]), story
    tpl = _tribune_template([page(i)[0] for i in range(8)])
    assert tpl.is_template("Continue reading below")
    for i in range(8):
        text, story = page(i)
        kept = clean_text(text, template=tpl).text.split("\n\n")
        assert all(p in kept for p in story) and "Continue reading below" not in kept, kept
