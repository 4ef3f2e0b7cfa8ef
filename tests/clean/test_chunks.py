"""An article body printed in chunks (an advertisement between them) is read whole, where
trafilatura alone reads the first chunk; teasers, a next story and pull quotes in elements of
the same class are not taken for chunks."""

from __future__ import annotations

import lxml.html

from neardup.clean import clean_html
from neardup.clean.chunks import chunks_document

FIRST = [
    "The city council voted on Tuesday to close the old bridge over the river for two years "
    "while engineers rebuild its piers, which inspectors found cracked in the spring.",
    "Commuters who cross it each morning will be sent along a detour of about four miles, "
    "and the transit agency said it would add buses on the two busiest routes.",
    "Shop owners on the north bank said they feared losing customers during the works, and "
    "several asked the council for help with rents until the bridge reopens.",
]
SECOND = [
    "The rebuilding is expected to cost about 48 million dollars, most of it paid by the "
    "state, according to a budget document presented to the council last month.",
    "Engineers said the new piers would be sunk deeper into the riverbed than the old ones, "
    "which were built in 1931 and have been patched many times since then.",
    "A public meeting on the detour is planned for next week at the central library, where "
    "residents can see the plans and put their questions to the engineers.",
]


BIO = ("Helen Marsh has covered transport and city politics for the paper since 2009, and "
       "before that reported from Brussels for a news agency for six years, where she wrote "
       "about rail, roads and the money that pays for them. She lives in the north of the city.")


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in texts)


def _reads_first_only(html: str, left_out: str) -> bool:
    """The page's article is FIRST, whole, without ``left_out``."""
    text = clean_html(html).text
    return all(p in text for p in FIRST) and left_out not in text


def _chunk(paragraphs: list[str], cls: str = "body body__container article__body") -> str:
    body = _paragraphs(paragraphs)
    return (f'<div class="grid grid-items-2 chunk"><div class="{cls}">{body}</div>'
            '<div class="ad-rail"></div></div>')


AD = ('<div class="marketing-unit"><p>Get unlimited access for just one dollar a week.</p>'
      '<a href="/subscribe">Subscribe</a></div>')


def _page(chunks: str) -> str:
    return ("<!doctype html><html><head><title>Old bridge to close | Example News</title>"
            "</head><body><header><nav><a href='/'>Home</a> <a href='/us'>US</a></nav>"
            "</header><main><article class='article'><h1>Old bridge to close for two years"
            f"</h1><div class='article__chunks'>{chunks}</div></article></main>"
            "<footer>Terms of use</footer></body></html>")


def test_every_chunk_of_an_article_body_is_read() -> None:
    text = clean_html(_page(_chunk(FIRST) + AD + _chunk(SECOND))).text
    assert all(p in text for p in FIRST + SECOND)
    assert text.index(FIRST[-1]) < text.index(SECOND[0])
    assert "one dollar a week" not in text and "Terms of use" not in text


def test_a_pull_quote_in_the_next_chunk_does_not_hide_it() -> None:
    # (the next chunk opens with a paragraph of the first printed again as a pull quote)
    text = clean_html(_page(_chunk(FIRST) + AD + _chunk([FIRST[1], *SECOND]))).text
    assert all(p in text for p in SECOND)


def test_teasers_and_a_next_story_are_no_chunks() -> None:
    teaser = ('<p><a href="/other-story">A teaser of another story, a headline that links to '
              'it</a> with a line of text under it, and then a link to read on.</p>'
              '<p><a href="/other-story">Continue reading</a></p>') * 3
    next_story = "<h1>Another story entirely</h1>" + "".join(f"<p>{p}</p>" for p in SECOND)
    for twin in (teaser, next_story):
        html = _page(_chunk(FIRST) + AD
                     + f'<div class="grid grid-items-2 chunk"><div class="body body__container '
                       f'article__body">{twin}</div></div>')
        text = clean_html(html).text
        assert all(p in text for p in FIRST)
        assert "teaser of another story" not in text and SECOND[0] not in text


def test_chunks_of_a_modified_class_and_a_short_chunk_are_read() -> None:
    # (a later chunk marked by one more class, "paywall"; a chunk of one short paragraph)
    short = "The vote was eleven to two, with one member absent from the chamber."
    later = "body body__container article__body paywall"
    html = _page(_chunk(FIRST) + AD + _chunk([short], later) + AD + _chunk(SECOND, later))
    text = clean_html(html).text
    assert all(p in text for p in [*FIRST, short, *SECOND])


def _story(title: str, paragraphs: list[str], heading: str = "h1") -> str:
    body = _paragraphs(paragraphs)
    return (f'<div class="story-wrap"><div class="story-meta"><{heading} class="story-title">'
            f'{title}</{heading}><span class="byline">By Ann Lee</span></div>'
            f'<div class="story-body">{body}</div></div>')


def test_a_next_story_or_a_box_of_the_body_class_is_no_chunk() -> None:
    # The next story of an endless page in a container of the same class, its title in an
    # <h2>: the container of the first holds the headline, so it is the story, not a chunk.
    html = ("<html><body><div class='stream'>" + _story("Old bridge to close", FIRST)
            + AD + _story("Orchestra plans free concerts", SECOND, "h2") + "</div></body></html>")
    assert _reads_first_only(html, SECOND[0])
    # An "About the author" block in a section of the body's class: it holds no element of
    # the class that holds the body's paragraphs.
    html = ("<html><body><h1>Old bridge to close</h1><div class='layout'>"
            f"<section class='block'><div class='article-content'>{_paragraphs(FIRST)}</div>"
            "</section><section class='block'><h2>About the author</h2>"
            f"<div class='bio'><p>{BIO}</p></div></section></div></body></html>")
    assert _reads_first_only(html, "Helen Marsh")


def test_a_next_post_under_a_title_and_a_note_of_the_body_class_are_no_chunks() -> None:
    # A next post in a wrapper of the post's class, its title in a <div> named so; an
    # editors' note whose classes add "editors-note" to the body's: neither is more of it.
    post = '<div class="post-wrap">{title}<div class="entry-content">{body}</div></div>'
    first = post.format(title="", body=_paragraphs(FIRST))
    following = post.format(title='<div class="next-title">Orchestra plans free concerts</div>',
                            body=_paragraphs(SECOND))
    html = ("<html><body><h1>Old bridge to close</h1><div class='posts'>" + first
            + "<div class='separator'>Up next</div>" + following + "</div></body></html>")
    assert _reads_first_only(html, SECOND[0])
    note = ("A note from the editors: this story is part of a series on the city's ageing "
            "bridges and roads, paid for by a grant from a local foundation that has no say in "
            "which bridges we look at, whom we talk to or what we write about them in the end.")
    html = ("<html><body><h1>Old bridge to close</h1><div class='layout'>"
            f"<div class='article-text'>{_paragraphs(FIRST)}</div>{AD}"
            f"<div class='article-text editors-note'><p>{note}</p></div></div></body></html>")
    assert _reads_first_only(html, "A note from the editors")


def test_chunks_of_a_page_in_japanese_are_read() -> None:
    # (no spaces between words: the last line and the chunks' words are counted by
    # characters)
    first = ["市議会は火曜日、川に架かる古い橋を二年間閉鎖し、春の点検でひびが見つかった橋脚を"
             "作り直すことを賛成多数で決めた。", "毎朝この橋を渡る通勤客は約六キロの迂回路を"
             "使うことになり、交通局は利用の多い二つの路線でバスを増やすと説明した。",
             "北岸の商店主らは工事の間に客足が遠のくことを心配しており、橋が再開するまで家賃の"
             "補助を求める声が議会に相次いで寄せられている。", "市長は記者会見で、安全を"
             "最優先にした判断だと述べ、工事の進み具合を毎月市民に報告すると約束した。",
             "橋は市の中心部と北部の住宅地を結ぶ唯一の道路橋で、一日に約三万台の車が通っている"
             "と市の交通調査は示している。"]
    second = ["工事費はおよそ七十億円で、その大半は県が負担すると、先月議会に示された予算資料は"
              "伝えている。", "技術者によると、新しい橋脚は一九三一年に造られた古い橋脚よりも"
              "深く川底に打ち込まれるという。", "迂回路についての住民説明会は来週、中央図書館で"
              "開かれ、住民は計画を見て技術者に直接質問できる。"]
    html = _page(_chunk(first) + AD + _chunk(second))
    text = clean_html(html).text
    assert all(p in text for p in first + second)


def test_a_first_chunk_that_ends_with_a_list_is_followed() -> None:
    # (trafilatura writes the last item "- ...", and the item's list is what the chunk holds)
    items = ["Ferry services from the north bank will run every twenty minutes at rush hour.",
             "Cyclists may use the rail bridge footpath, which will be widened this summer."]
    first = (f"<div class='body article__body'>{_paragraphs(FIRST)}<ul class='article__list'>"
             + "".join(f"<li>{i}</li>" for i in items) + "</ul></div>")
    html = _page(first + AD + f"<div class='body article__body'>{_paragraphs(SECOND)}</div>")
    text = clean_html(html).text
    assert all(p in text for p in [*FIRST, *items, *SECOND])


def test_a_body_read_whole_has_no_chunks() -> None:
    tree = lxml.html.fromstring(_page(_chunk(FIRST + SECOND)))
    assert chunks_document(tree, "\n".join(FIRST + SECOND)) is None
    # two chunks of which the text has both: nothing left to read
    tree = lxml.html.fromstring(_page(_chunk(FIRST) + AD + _chunk(SECOND)))
    assert chunks_document(tree, "\n".join(FIRST + SECOND)) is None
    tree = lxml.html.fromstring(_page(_chunk(FIRST) + AD + _chunk(SECOND)))
    document = chunks_document(tree, "\n".join(FIRST))
    assert document is not None
    assert all(p in document.text_content() for p in FIRST + SECOND)
    assert "one dollar a week" not in document.text_content()
