"""Site-template learning: per site, bounded, mergeable, picklable, deterministic."""

from __future__ import annotations

import pickle

from neardup.clean import SiteTemplateLearner, clean_text

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
            f"An unrelated article number {i} about the weather.\n{FOOTER}"
            if i == 0
            else f"An unrelated article number {i} about gardening today.",
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
        lines[changed] = lines[changed].replace("harbour", f"harbour{i}")
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
