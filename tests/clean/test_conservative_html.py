"""Conservative cleaning of extracted text (HTML pages): headline, link labels, newsletter
prompts. Each rule removes its clutter and keeps a similar-looking article line."""

from __future__ import annotations

from pathlib import Path

from conftest import BODY

from neardup.clean import CleanOptions, clean_html, clean_text

CONSERVATIVE = CleanOptions(conservative=True)


def _page(title: str, h1: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        f"<article><h1>{h1}</h1>{body}</article></body></html>"
    )


def test_headline_at_the_top_is_metadata_not_text() -> None:
    html = _page("Tigris falls to a record low | Example News", "Tigris falls to a record low",
                 BODY)
    res = clean_html(html, url="https://news.example/tigris")
    assert "Tigris falls to a record low" not in res.text
    assert res.title and res.title.startswith("Tigris falls to a record low")
    assert BODY[0] in res.text and "Farming in crisis" in res.text


def test_lead_that_restates_the_headline_stays() -> None:
    lead = "Tigris falls to a record low, officials said on Tuesday, as the drought deepens."
    text = "\n".join([lead, *BODY[1:]])
    res = clean_text(text, options=CONSERVATIVE, page_title="Tigris falls to a record low")
    assert lead in res.text
    # a sub-heading that is a two-word part of the title is no headline either
    res = clean_text("\n".join([BODY[0], "Example News", BODY[1]]), options=CONSERVATIVE,
                     page_title="Example News - Tigris falls to a record low")
    assert "Example News" in res.text


def test_read_more_link_line_goes_a_sentence_with_a_colon_stays() -> None:
    link = "Read more: Farmers abandon villages as the river dries up"
    watch = "Watch the video below: farmers explain why they are leaving."
    more = "More than 100 families left: the ministry counted them in August."
    text = "\n".join([BODY[0], link, BODY[1], watch, more, "[Related: Dams upstream]", BODY[3]])
    res = clean_text(text, options=CONSERVATIVE)
    assert link not in res.text and "Dams upstream" not in res.text
    assert watch in res.text and more in res.text and BODY[3] in res.text


def test_link_box_at_the_end_goes_but_not_before_more_article() -> None:
    box = ["You may also like:", "Farmers abandon villages", "Ministry plans new wells"]
    res = clean_text("\n".join([*BODY, *box]), options=CONSERVATIVE)
    assert not any(line in res.text for line in box)
    assert BODY[-1] in res.text
    # the same label with the article going on after it: only the label goes
    res = clean_text("\n".join([BODY[0], box[0], BODY[2], BODY[3]]), options=CONSERVATIVE)
    assert box[0] not in res.text
    assert BODY[2] in res.text and BODY[3] in res.text


def test_newsletter_prompt_goes_a_sentence_about_a_newsletter_stays() -> None:
    prompt = ("Get the day's top headlines delivered to your inbox every morning by "
              "subscribing to our newsletter.")
    fact = "The ministry's weekly newsletter reported the drop in the river level on Monday."
    res = clean_text("\n".join([BODY[0], fact, BODY[1], prompt]), options=CONSERVATIVE)
    assert prompt not in res.text
    assert fact in res.text


def test_without_a_page_title_the_first_line_stays() -> None:
    # (extracted text does not start with the <title>: no title known, no headline found)
    res = clean_text("\n".join(BODY), options=CONSERVATIVE)
    assert BODY[0] in res.text and res.title is None


def test_pages_nested_deeper_than_libxml2s_default_keep_their_text() -> None:
    # libxml2 stops at 256 levels of nesting by default: a page of paragraphs each opening an
    # unclosed <font> kept a third of its text, one nested 300 deep only its <title>, with no
    # warning. The parser's "huge" option (for neardup's calls only) raises the limit.
    import trafilatura.utils

    from neardup.clean.html import extract_page

    default = trafilatura.utils.HTML_PARSER
    sentence = "The council approved the new harbour budget after a long debate. "
    deep = ("<html><head><title>T</title></head><body><article>" + "<div>" * 300 + "<p>"
            + sentence * 40 + "</p>" + "</div>" * 300 + "</article></body></html>")
    assert extract_page(deep, None)["text"].count("harbour budget") == 40
    fonts = ("<html><head><title>T</title></head><body>" + "".join(
        f"<p><font size=2>Paragraph {i} of the story: {sentence}" for i in range(400))
        + "</body></html>")
    text = extract_page(fonts, None)["text"]
    assert "Paragraph 0 of" in text and "Paragraph 399 of" in text
    assert trafilatura.utils.HTML_PARSER is default  # (trafilatura's own, for other callers)


def test_a_page_nested_past_the_parsers_limit_is_read_flat() -> None:
    # Past 2,048 levels even the "huge" option drops what lies deeper: the article of a page
    # nested 3,000 deep was its <title> alone, with no warning. Its text is now read from the
    # markup without a tree and cleaned as plain text (menus and footer go), with a warning.
    from neardup.api import clean_documents
    from neardup.clean.html import TOO_DEEP_READ_FLAT, extract_page, flat_text

    sentence = "The council approved the new harbour budget after a long debate. "

    def page(depth: int) -> str:
        return ("<html><head><title>Harbour budget</title><style>p {color: red}</style>"
                "<script>var x = 1;</script></head><body><nav><a href='/'>Home</a> "
                "<a href='/news'>News</a> <a href='/sport'>Sport</a></nav>" + "<div>" * depth
                + "".join(f"<p>{sentence * 3}Paragraph {k}.</p>" for k in range(8))
                + "</div>" * depth + "<footer>Copyright 2024 Example News. All rights "
                "reserved.</footer></body></html>")

    assert "warnings" not in extract_page(page(2000), None)
    deep_page = extract_page(page(3000), None)
    assert deep_page["warnings"] == [TOO_DEEP_READ_FLAT] and deep_page["flat"]
    assert "color: red" not in deep_page["text"] and "var x" not in deep_page["text"]
    deep, shallow = clean_documents([{"id": "deep", "html": page(3000)},
                                     {"id": "shallow", "html": page(1000)}], html_field="html")
    assert TOO_DEEP_READ_FLAT in deep.warnings and not shallow.warnings
    for doc in (deep, shallow):
        assert doc.text.count("harbour budget") == 24
        assert "Paragraph 7." in doc.text and "Sport" not in doc.text
        assert "All rights reserved" not in doc.text
    assert flat_text("<p>One <b>two</b></p><p>three &amp; four</p>") == "One two\nthree & four"


def _page_with_comment_thread() -> str:
    para = " ".join(BODY[:3])
    return f"""<html><head><title>Bridge to open</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge to open next spring</h1><p>{para}</p><p>{" ".join(BODY[3:6])}</p></article>
<div id="comments" class="comments"><h3>2 Comments</h3>
<div class="comment"><p class="author">John Smith</p><p>This is outrageous, the bridge is a waste
of money and they know it. I have lived here for thirty years.</p></div>
<div class="comment"><p class="author">Mary Jones</p><p>I disagree with you, John. The bridge will
cut my commute in half and help the local shops a lot.</p></div></div></body></html>"""


def test_keep_comments_keeps_a_pages_comments(tmp_path: Path) -> None:
    # trafilatura was always asked for the article without its comments: the option did
    # nothing on HTML. Now it asks for them and they follow the article, through the
    # pipeline's two passes too
    import json

    from neardup.api import clean_files, make_options

    html = _page_with_comment_thread()
    kept = clean_html(html, url="https://example.com/a", options=CleanOptions(keep_comments=True))
    dropped = clean_html(html, url="https://example.com/a")
    for words in ("This is outrageous", "I disagree with you, John."):
        assert words in kept.text and words not in dropped.text
    assert kept.text.startswith(dropped.text[:200])
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(html, encoding="utf-8")
    for keep, expected in ((True, True), (False, False)):
        out = tmp_path / f"out{keep}"
        clean_files([tmp_path / "in"], out, make_options(quiet=True, keep_comments=keep))
        (record,) = [json.loads(line) for line in (out / "documents.jsonl").open()]
        assert ("I disagree with you" in record["text"]) is expected


_THREAD = [("Linda_K", "7/14/2017 9:12:04 AM",
            "Orchard Lane is barely wide enough for two cars passing each other. Hope they put "
            "a flagger at the bend by the farm stand or somebody is going to end up in a ditch."),
           ("bigdave", "7/14/2017 11:47:51 AM",
            "Finally. That stretch by Miller Road has been like driving on a washboard since the "
            "spring thaw, and I have replaced two tires on it this year already."),
           ("mjr1960", "7/15/2017 8:03:10 AM",
            "Three nights of detours for the people who live out past the bridge. Would it have "
            "killed them to do it in two and work a weekend like everybody else?")]


def test_a_thread_inside_the_articles_element_goes_from_its_header() -> None:
    # (a held-out probe's brief on an old ASP.NET site: the comments are in the story's own
    # container, so trafilatura keeps them, and the conservative cleaning cut no comment
    # section: precision 0.36)
    brief = ("Route 9 between Miller Road and the Sawyer Creek bridge will close to all traffic "
             "from 8 p.m. to 6 a.m. Monday through Wednesday while crews repave the road. "
             "Detours will use Orchard Lane and County Road 12, the highway department said.")
    rows = "".join(f"<tr><td>{name} {stamp}</td></tr><tr><td>{text}</td></tr>"
                   for name, stamp, text in _THREAD)
    html = ("<!doctype html><html><head><title>Route 9 to close overnight</title></head><body>"
            "<div id='content'><h1>Route 9 to close overnight for paving</h1>"
            f"<p>Posted 7/13/2017</p><p>{brief}</p><h3>Reader Comments (3)</h3>"
            f"<table>{rows}</table><p>Post a comment</p></div></body></html>")
    res = clean_html(html, url="https://sawyercreek.example/news/route9")
    assert brief in res.text
    assert not any(text[:40] in res.text for _, _, text in _THREAD), res.text


def test_comments_and_reply_sub_headings_of_an_extracted_report_stay() -> None:
    # (an adversarial probe's story: "Comments" and "Reply" as sub-headings of a report on a
    # rate case; in extracted text a header needs a thread's dates below it, and a "Reply"
    # past half the text cut the rest, recall 0.97 -> 0.54, when the section rules ran there
    # as they run on whole pages)
    parts = [BODY[0], BODY[1], "Comments",
             "The public comment period closed on Friday. Most of the comments filed with the "
             "commission opposed the increase, and several asked for a payment plan.",
             "Reply",
             "In its reply to the comments, filed on Monday, the utility said it had already "
             "reduced its request from an earlier proposal.", BODY[3], BODY[6]]
    res = clean_text("\n\n".join(parts), options=CONSERVATIVE)
    for p in parts:
        if len(p) > 20:
            assert p in res.text, p


def _tweet(text: str, by: str, date: str) -> str:
    return (f'<blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">{text} '
            f'<a href="https://t.co/Nc0nKoXGBP">https://t.co/Nc0nKoXGBP</a></p>&mdash; {by} '
            f'<a href="https://twitter.com/x/status/1">{date}</a></blockquote>'
            '<script async src="https://platform.twitter.com/widgets.js"></script>')


def test_an_embedded_post_in_a_social_embed_wrapper_is_article_text() -> None:
    # trafilatura drops elements named like share widgets ("social-media-embed", "embed"),
    # and an embedded post's wrapper is named so: the post and its attribution went.
    post = "Yes this is real and yes the state spent nearly half a million dollars on it."
    by = "Dianna Anders (@diannaanders)"
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY[:2])
    more = "".join(f"<p>{p}</p>" for p in BODY[2:5])
    for wrapper in ('<div class="social-media-embed">{}</div>',
                    '<div class="embed embed--twitter"><div class="embed__inner">{}</div></div>'):
        html = ("<!doctype html><html><head><title>Drought | Example News</title></head><body>"
                f"<article><h1>Drought</h1>{paragraphs}"
                f"{wrapper.format(_tweet(post, by, 'November 18, 2019'))}{more}</article>"
                "</body></html>")
        res = clean_html(html, url="https://news.example/drought")
        assert post in res.text, wrapper
        assert f"— {by} November 18, 2019" in res.text, wrapper
        for para in BODY[:5]:
            assert para in res.text, para
