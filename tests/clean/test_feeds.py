"""Live blogs in HTML: a feed of posts is read whole, where trafilatura alone reads the first
post; teasers and related posts beside an article are not taken for posts."""

from __future__ import annotations

import lxml.html
from conftest import BODY

from neardup.clean import clean_html
from neardup.clean.feeds import feed_document, may_be_feed

POSTS = [
    ("Storm makes landfall near the coast",
     ["The hurricane came ashore shortly after eight in the evening with winds of 120 miles "
      "an hour, the weather service said in its latest advisory.",
      "Forecasters expect it to weaken as it crosses the peninsula overnight."]),
    ("Mayor urges residents to stay inside",
     ["The mayor asked residents to stay indoors until the winds drop, warning that power "
      "lines were down across several neighbourhoods of the city."]),
    ("More than a million customers without power",
     ["Utilities reported outages in eleven counties, and officials said it could take days "
      "to restore service once crews can work safely."]),
]


def _post(heading: str, paragraphs: list[str], cls: str = "live-post",
          number: int = 0, heading_link: str | None = None) -> str:
    title = f'<a href="{heading_link}">{heading}</a>' if heading_link else heading
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<article class="{cls} post-{number}"><header><span class="time">{number}:05 p.m. '
            f'ET</span><h2>{title}</h2><p class="byline">From Jane Doe</p></header>{body}'
            f'<div class="share"><a href="#">Link copied!</a></div></article>')


def _page(feed: str, before: str = "") -> str:
    return ("<!doctype html><html><head><title>Hurricane live updates | Example News</title>"
            "</head><body><header><nav><a href='/'>Home</a> <a href='/us'>US</a></nav>"
            f"</header><main>{before}<h1>Hurricane live updates</h1>{feed}"
            "<button>Load more</button></main><footer>Terms of use</footer></body></html>")


def _all_posts_in(text: str) -> bool:
    return all(heading in text and all(p in text for p in paragraphs)
               for heading, paragraphs in POSTS)


def test_every_post_of_a_live_blog_is_read() -> None:
    feed = "".join(_post(h, ps, number=i) for i, (h, ps) in enumerate(POSTS))
    html = _page(f'<div class="live-feed">{feed}</div>')
    assert may_be_feed(html)
    text = clean_html(html).text
    assert _all_posts_in(text)
    assert text.index(POSTS[0][1][0]) < text.index(POSTS[1][1][0]) < text.index(POSTS[2][1][0])
    assert "Load more" not in text and "Terms of use" not in text


def test_posts_wrapped_in_list_items_are_read() -> None:
    feed = "".join(f"<li>{_post(h, ps, number=i)}</li>" for i, (h, ps) in enumerate(POSTS))
    html = _page(f'<ol class="stream">{feed}</ol>')
    assert _all_posts_in(clean_html(html).text)
    paragraphs = _feed_of(html, POSTS[0][1][0])
    assert paragraphs is not None and POSTS[2][1][0] in paragraphs


def _feed_of(html: str, text: str) -> list[str] | None:
    """The paragraphs of the feed ``feed_document`` finds in ``html`` for ``text``."""
    document = feed_document(lxml.html.document_fromstring(html), text)
    return None if document is None else [p.text_content() for p in document.iter("p")]


def test_the_feed_holds_the_posts_only_in_page_order() -> None:
    feed = "".join(_post(h, ps, number=i) for i, (h, ps) in enumerate(POSTS))
    html = _page(f'<div class="live-feed"><div class="ad">Advertisement</div>{feed}</div>')
    paragraphs = _feed_of(html, POSTS[1][1][0])  # (the text of any one post)
    assert paragraphs is not None
    assert [p for p in paragraphs if "From Jane" not in p] == [p for _, ps in POSTS for p in ps]
    # a text that is in no article, or in an article without peers: no feed
    assert _feed_of(html, "Hurricane live updates and more words") is None
    assert _feed_of(_page(_post(*POSTS[0])), POSTS[0][1][0]) is None


def test_related_posts_beside_an_article_are_no_feed() -> None:
    story = POSTS[0][1] + POSTS[1][1]
    article = '<article class="post type-post"><p>' + "</p><p>".join(story) + "</p></article>"
    # teasers of the same classes, an excerpt each, their headlines linking to their pages
    teasers = "".join(_post(h, ps, cls="post type-post", number=i, heading_link=f"/story/{i}")
                      for i, (h, ps) in enumerate(POSTS[2:] * 3))
    assert _feed_of(_page(f"<div>{article}{teasers}</div>"), story[0]) is None
    # the same with headings that link within the page (permalinks of posts): a feed
    posts = "".join(_post(h, ps, cls="post type-post", number=i, heading_link=f"#post-{i}")
                    for i, (h, ps) in enumerate(POSTS))
    assert _feed_of(_page(f"<div>{posts}</div>"), POSTS[0][1][0]) is not None


def test_articles_of_other_classes_or_without_prose_are_no_feed() -> None:
    # the story's article and a "You may like" box of another class in the same container
    article, box = _post(*POSTS[0], cls="articlebox"), _post(*POSTS[1], cls="postbox")
    assert _feed_of(_page(f"<div>{article}{box}</div>"), POSTS[0][1][0]) is None
    # peers of the same class whose paragraphs are a few words (teaser cards)
    cards = "".join(_post(f"Headline {i}", ["A few words only."], number=i) for i in range(4))
    assert _feed_of(_page(f"<div>{_post(*POSTS[0])}{cards}</div>"), POSTS[0][1][0]) is None


def test_posts_in_wrappers_with_share_bars_pinned_and_by_day_are_all_read() -> None:
    share = '<div class="share-bar"><a href="/share">Share</a></div>'
    wrapped = "".join(f'<div class="wrap">{_post(h, ps, number=i)}{share}</div>'
                      for i, (h, ps) in enumerate(POSTS))
    assert _feed_of(_page(f"<div>{wrapped}</div>"), POSTS[1][1][0]) is not None
    # a pinned post adds a class to the posts' own
    pinned = _post(*POSTS[0], cls="live-post live-post--pinned")
    rest = "".join(_post(h, ps, number=i) for i, (h, ps) in enumerate(POSTS[1:], start=1))
    paragraphs = _feed_of(_page(f"<div>{pinned}{rest}</div>"), POSTS[0][1][0])
    assert paragraphs is not None and POSTS[2][1][0] in paragraphs
    # one section of posts per day: the days after the first are read too
    days = "".join(f'<section class="day"><h2>Day {d}</h2>{_post(*POSTS[0], number=d)}'
                   f"{_post(*POSTS[d], number=d)}</section>" for d in (1, 2))
    paragraphs = _feed_of(_page(f"<div>{days}</div>"), POSTS[1][1][0])
    assert paragraphs is not None and POSTS[2][1][0] in paragraphs


def test_posts_with_a_body_class_of_their_own_are_all_read() -> None:
    # (trafilatura's first expression matches "entry" and "post-body": reading the merged
    # posts again took the first post's body alone)
    feed = "".join(
        f'<article class="entry"><h2>{h}</h2><div class="post-body">'
        + "".join(f"<p>{p}</p>" for p in ps) + "</div></article>" for h, ps in POSTS)
    assert _all_posts_in(clean_html(_page(f'<div class="feed">{feed}</div>')).text)


def test_teasers_and_stories_of_their_own_are_no_posts() -> None:
    story = POSTS[0][1] + POSTS[1][1]
    article = '<article class="story"><p>' + "</p><p>".join(story) + "</p></article>"
    # a link around the teaser's heading
    teasers = "".join(f'<article class="story"><a href="/news/{i}"><h3>{h}</h3></a><p>{ps[0]}'
                      "</p></article>" for i, (h, ps) in enumerate(POSTS[2:] * 3))
    assert _feed_of(_page(f"<div>{article}{teasers}</div>"), story[0]) is None
    # an excerpt with a link to read on
    more = "".join(f'<article class="story"><h3>{h}</h3><p>{ps[0]}</p><a href="/news/{i}">'
                   "Continue reading</a></article>" for i, (h, ps) in enumerate(POSTS * 2))
    assert _feed_of(_page(f"<div>{article}{more}</div>"), story[0]) is None
    # the next story, preloaded below the first by an endless page: a headline of its own
    stories = "".join(f'<article class="story"><h1>{h}</h1><p>{ps[0]}</p></article>'
                      for h, ps in POSTS)
    assert _feed_of(_page(f"<div>{stories}</div>"), POSTS[0][1][0]) is None


def test_variant_classes_untitled_posts_and_the_intro_above_the_feed() -> None:
    intro = ("Forecasters had warned for days that the storm would strengthen over warm water "
             "before reaching the coast late on Wednesday.")
    standfirst = "Follow the latest as the hurricane crosses the state overnight and more."
    # an untitled post of a variant class ("--untitled"), holding a card of another story
    # below its text: a heading under a link, which is no title of the post
    untitled = ('<article class="post post--untitled"><p>' + POSTS[2][1][0] + "</p>"
                '<a href="/news/other"><h4>Read about the last storm</h4></a></article>')
    # (posts long enough that trafilatura reads the first alone, not the page's loose text)
    longer = [POSTS[0][1] + BODY[:2], POSTS[1][1] + BODY[3:5]]
    titled = "".join(_post(h, ps, cls="post post--titled", number=i)
                     for i, ((h, _), ps) in enumerate(zip(POSTS, longer, strict=False)))
    page = ("<!doctype html><html><head><title>Live | Example News</title></head><body>"
            f'<main><h1>Hurricane live updates</h1><p class="standfirst">{standfirst}</p>'
            f'<p>{intro}</p><div class="feed">{titled}{untitled}</div></main></body></html>')
    text = clean_html(page).text
    assert all(p in text for ps in longer for p in ps)
    assert POSTS[2][1][0] in text and intro in text
    assert standfirst not in text
    assert text.index(intro) < text.index(POSTS[0][1][0])


def test_a_feed_that_cannot_be_read_leaves_the_first_post_and_a_warning(monkeypatch) -> None:
    """A failure of the second reading (the merged posts) must not lose the page, nor pass
    unsaid: the post trafilatura read stays, and the result says why the others are missing."""
    import neardup.clean.html as html_module

    def broken(tree, text):
        raise RecursionError("maximum recursion depth exceeded")

    feed = "".join(_post(h, ps, number=i) for i, (h, ps) in enumerate(POSTS))
    html = _page(f'<div class="live-feed">{feed}</div>')
    monkeypatch.setattr(html_module, "feed_document", broken)
    res = clean_html(html)
    assert POSTS[0][1][0] in res.text and not _all_posts_in(res.text)
    assert len(res.warnings) == 1
    assert res.warnings[0].startswith(html_module.FEED_UNREAD)
    assert "RecursionError" in res.warnings[0]
