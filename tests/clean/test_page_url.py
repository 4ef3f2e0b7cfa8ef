"""What a page says of itself: a page read without a URL takes the one it gives itself
(og:url, canonical link), and its site that URL's host, so that copies are listed by where they
appeared and the pages of many sites saved in one folder learn their templates apart; its date
is the one its markup gives, not a crawl's time or its copyright line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import BODY

import neardup
from neardup.api import clean_files, make_options
from neardup.clean import CleanOptions, clean_document
from neardup.clean.html import page_url
from neardup.document import Document
from neardup.read.sites import site_of
from tests.conftest import make_article


def _page(paragraphs: list[str], head: str = "", extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>A story</title>{head}</head><body>"
            f"<article><h1>A story</h1>{extra}{body}</article></body></html>")


def _canonical(url: str) -> str:
    return f'<link rel="canonical" href="{url}">'


def test_an_html_document_without_a_url_takes_the_page_s_own() -> None:
    doc = Document(id="a", text="", html=_page(BODY, _canonical(
        "https://www.news.example/2019/11/19/river-low/")), folder="saved")
    doc.site = "saved"  # (a file's document: its folder stands in for the site)
    clean_document(doc, None, CleanOptions())
    assert doc.url == "https://www.news.example/2019/11/19/river-low/"
    assert doc.site == "news.example"
    assert doc.date == "2019-11-19"  # (from the URL's path: the page shows no date)


def test_a_given_url_or_site_stays() -> None:
    head = '<meta property="og:url" content="https://other.example/copy">'
    given = Document(id="a", text="", html=_page(BODY, head), url="https://given.example/x",
                     site="given.example")
    clean_document(given, None, CleanOptions())
    assert (given.url, given.site) == ("https://given.example/x", "given.example")
    # a site given to the Python API with no URL: the page's URL is taken, the site kept
    api = Document(id="b", text="", html=_page(BODY, head), site="my-group")
    clean_document(api, None, CleanOptions())
    assert (api.url, api.site) == ("https://other.example/copy", "my-group")
    # no URL in the page: nothing changes
    bare = Document(id="c", text="", html=_page(BODY), site="saved", folder="saved")
    clean_document(bare, None, CleanOptions())
    assert (bare.url, bare.site) == (None, "saved")


@pytest.mark.parametrize("clean", [True, False])
def test_html_files_of_a_folder_get_their_urls_and_sites(tmp_path: Path, clean: bool) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.html").write_text(_page(BODY, _canonical("https://a.example/2019/11/19/x")))
    (folder / "b.html").write_text(_page([make_article(3)], _canonical("//b.example/y")))
    (folder / "c.html").write_text(_page([make_article(4)]))
    out = tmp_path / "out"
    neardup.dedup_files([folder], out, make_options(quiet=True, jobs=1, report=False,
                                                    clean=clean))
    records = {r["id"]: r for r in map(json.loads, (out / "documents.jsonl").open())}
    assert {k: (r["url"], r["site"]) for k, r in records.items()} == {
        "a.html": ("https://a.example/2019/11/19/x", "a.example"),
        "b.html": ("https://b.example/y", "b.example"),  # (trafilatura completes the scheme)
        "c.html": (None, "saved"),
    }
    kept = {r["id"]: r for r in map(json.loads, (out / "deduplicated.jsonl").open())}
    assert kept["a.html"]["url"] == "https://a.example/2019/11/19/x"
    # the page's title, and the date in its URL's path (the page shows none), with cleaning
    # off too (they were null: the page was extracted for its text alone)
    assert (records["a.html"]["title"], records["a.html"]["date"]) == ("A story", "2019-11-19")
    assert (records["c.html"]["title"], records["c.html"]["date"]) == ("A story", None)


def test_sites_saved_in_one_folder_learn_their_templates_apart(tmp_path: Path) -> None:
    # Three pages of one site carry its line "Gazette Radio: listen live"; twenty pages of
    # another site, in the same folder, do not. As one site (the folder) the line is on 3 of
    # 23 pages, under the template threshold (a fifth); by the pages' own hosts it is on every
    # page of its site, and goes as that site's template.
    folder = tmp_path / "saved"
    folder.mkdir()
    line = "Gazette Radio: listen live"
    for i in range(3):
        (folder / f"gazette{i}.html").write_text(_page(
            make_article(10 + i, paragraphs=4).split("\n\n"),
            _canonical(f"https://gazette.example/story-{i}"), f"<p>{line}</p>"))
    for i in range(20):
        (folder / f"herald{i:02d}.html").write_text(_page(
            make_article(40 + i, paragraphs=4).split("\n\n"),
            _canonical(f"https://herald.example/story-{i}")))
    out = tmp_path / "out"
    clean_files([folder], out, make_options(quiet=True, jobs=2))
    records = [json.loads(r) for r in (out / "documents.jsonl").open()]
    gazette = [r for r in records if r["id"].startswith("gazette")]
    assert len(gazette) == 3
    for i, record in enumerate(gazette):
        assert record["url"] == f"https://gazette.example/story-{i}"
        assert line not in record["text"]  # (it stayed, read as the folder's, before)
        assert make_article(10 + i, paragraphs=4).split("\n\n")[0] in record["text"]


def test_pages_leave_their_workers_without_their_html(tmp_path: Path, monkeypatch) -> None:
    # The spill files between the sketch pass and the write pass held every page's HTML, which
    # no output uses: on the AEB pages 33 MB spilled for 6 MB of gzipped input (1.8 MB now).
    from neardup.sketch import stage

    folder = tmp_path / "saved"
    folder.mkdir()
    for i in range(3):
        (folder / f"p{i}.html").write_text(_page(make_article(20 + i).split("\n\n")))
    spilled = []

    def keep(directory, index, docs):
        spilled.extend(docs)
        real_write_shard(directory, index, docs)

    real_write_shard = stage.write_shard
    monkeypatch.setattr(stage, "write_shard", keep)
    out = tmp_path / "out"
    neardup.dedup_files([folder], out, make_options(quiet=True, jobs=1, report=True))
    assert len(spilled) == 3 and all(doc.html is None and doc.text for doc, _ in spilled)
    kept = [json.loads(r) for r in (out / "deduplicated.jsonl").open()]
    assert sorted(r["id"] for r in kept) == ["p0.html", "p1.html", "p2.html"]
    assert all(make_article(20 + i).split("\n\n")[0] in r["text"] for i, r in enumerate(kept))


def test_an_html_record_with_an_empty_url_field_takes_the_page_s(tmp_path: Path) -> None:
    page = _page(BODY, _canonical("https://c.example/p"))
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "empty", "html": page, "url": ""},
        {"id": "given", "html": page, "url": "https://given.example/q"},
    ]))
    out = tmp_path / "out"
    neardup.dedup_files([path], out, make_options(quiet=True, jobs=1, report=False,
                                                  html_field="html"))
    records = {r["id"]: r for r in map(json.loads, (out / "documents.jsonl").open())}
    assert (records["empty"]["url"], records["empty"]["site"]) == ("https://c.example/p",
                                                                   "c.example")
    assert (records["given"]["url"], records["given"]["site"]) == ("https://given.example/q",
                                                                   "given.example")


@pytest.mark.parametrize(("head", "url"), [
    # og:url first, then the canonical link, unless the first is the home page
    ('<meta property="og:url" content="https://a.example/1"><link rel="canonical" '
     'href="https://b.example/2">', "https://a.example/1"),
    ('<link rel="canonical" href="https://news.example/2025/03/04/a">'
     '<meta property="og:url" content="https://news.example/">', "https://news.example/2025/03/04/a"),
    # a home page alone is no page's own address (sites print it in every page's tags)
    ('<meta property="og:url" content="https://news.example/">', None),
    # an empty or broken first tag does not hide a later one
    ('<meta property="og:url" content=""><meta property="og:url" content="https://g.example/q">',
     "https://g.example/q"),
    # an unquoted value with "=" in it, as browsers read it
    ("<meta property=og:url content=https://a.example.com/x?id=5>",
     "https://a.example.com/x?id=5"),
    # tags inside comments and scripts are not the page's
    ('<!-- <link rel="canonical" href="https://old.example.com/s"> -->'
     '<script>var t = \'<link rel="canonical" href="https://evil.example.com/s">\';</script>'
     '<link rel="canonical" href="https://b.example/real">', "https://b.example/real"),
    ('<meta property="og:url" content="javascript:void(0)"><link href="https://c.example/z" '
     'rel="Canonical">', "https://c.example/z"),
    ("<link rel='canonical' href='//b.example/y'>", "https://b.example/y"),
    ('<link rel="canonical" href="https://a.example/x?a=1&amp;b=2">', "https://a.example/x?a=1&b=2"),
    ("<meta property=og:url content=https://f.example/p>", "https://f.example/p"),
    # trafilatura completed a relative canonical link with the host of the first og: tag (an
    # og:image's CDN), and took <base href> and hreflang alternates for the page's address
    ('<meta property="og:image" content="https://img.cdn.net/a.jpg">'
     '<link rel="canonical" href="/news/a">', None),
    ('<base href="/"><meta property="og:image" content="https://img.cdn.net/a.jpg">', None),
    ('<base href="https://static.example.net/">', None),
    ('<link rel="alternate" hreflang="x-default" href="https://d.example/">', None),
    # no host one could reach
    ('<link rel="canonical" href="https://exa mple.com/a">', None),
    ('<link rel="canonical" href="https://e.example:99999/a">', None),
    ('<link rel="canonical" href="https://-bad-.com/a">', None),
    ('<link rel="canonical" href="http://">', None),
])
def test_the_address_a_page_gives_itself(head: str, url: str | None) -> None:
    assert page_url(_page(BODY, head)) == url


def test_a_canonical_link_in_the_body_is_not_the_page_s() -> None:
    assert page_url("<html><head></head><body><link rel='canonical' href='https://h.example/a'>"
                    "</body></html>") is None
    # nor one in a fragment without a head (an article body from a feed)
    assert page_url("<p>text</p><link rel='canonical' href='https://h.example/a'>") is None
    # a page whose <head> tags HTML5 let it leave out still has its head's tags
    assert page_url("<!doctype html><html lang=en><meta charset=utf-8><link rel=canonical "
                    "href=https://h.example/a><body><p>text</p>") == "https://h.example/a"


@pytest.mark.parametrize("head", [
    "<meta name=x " + "a" * 100_000 + ">",  # a long token without "=" (was quadratic)
    "<meta " * 20_000,  # tags left open (each scanned to the window's end)
    "<!--" * 20_000 + "<script" * 20_000,
])
def test_a_malformed_head_is_read_in_linear_time(head: str) -> None:
    html = f"<html><head>{head}<link rel='canonical' href='https://h.example/a'></head></html>"
    page_url(html)  # (a 40,000-character token took 14 s, 100,000 would take minutes)


@pytest.mark.parametrize(("url", "site"), [
    ("https://www.News.Example.com/a", "news.example.com"),
    ("https://example.com./x", "example.com"),
    ("example.com/path", "example.com"),
    ("http://[::1]:80/x", "::1"),
    ("https://bücher.example/a", "bücher.example"),
    # a URL field that names no host keeps the page in its folder's site
    ("not a url", "folder"),
    ("   ", "folder"),
    ("https://exa mple.com/a", "folder"),
    ("https://a..b.com/", "folder"),
    ("https://%zz%zz/", "folder"),
    ("https://" + "a" * 300 + ".com/", "folder"),
    # digits alone are an IPv4 address or no host, with a port or without
    ("http://999.999.999.999/", "folder"), ("http://999.999.999.999:80/", "folder"),
    ("http://1.2/", "folder"), ("http://10.0.0.1:8080/a", "10.0.0.1"),
])
def test_a_site_is_a_host_one_could_reach(url: str, site: str) -> None:
    assert site_of(url, "folder") == site


def test_a_copyright_line_is_no_date() -> None:
    # htmldate's "extensive" search dated a page without a date by its copyright line, as
    # 2019-01-01, and --keep earliest kept that copy
    html = _page(BODY).replace("</body>", "<footer><p>© 2019 Example News. All rights "
                                           "reserved.</p></footer></body>")
    doc = Document(id="a", text="", html=html)
    clean_document(doc, None, CleanOptions())
    assert doc.date is None and BODY[0] in doc.text
    dated = Document(id="b", text="", html=_page(BODY, '<meta property="article:published_time" '
                                                       'content="2019-11-19T10:00:00Z">'))
    clean_document(dated, None, CleanOptions())
    assert dated.date == "2019-11-19"


@pytest.mark.parametrize("clean", [True, False])
def test_a_warc_page_is_dated_by_its_page_not_by_its_capture(tmp_path: Path, clean: bool) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    dated = _page(BODY, '<meta property="article:published_time" content="2019-11-19T10:00:00Z">')
    undated = _page([make_article(5)])
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, body in [("https://a.example/story", dated), ("https://b.example/x", undated)]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                               http_headers=headers)
            record.rec_headers.replace_header("WARC-Date", "2024-03-01T12:00:00Z")
            writer.write_record(record)
    out = tmp_path / "out"
    neardup.dedup_files([path], out, make_options(quiet=True, jobs=1, report=False, clean=clean))
    records = [json.loads(r) for r in (out / "documents.jsonl").open()]
    # the capture time stays the date of a page that gives none, and in the metadata
    assert [r["date"] for r in records] == ["2019-11-19", "2024-03-01T12:00:00Z"]
    kept = [json.loads(r) for r in (out / "deduplicated.jsonl").open()]
    assert [r["metadata"]["crawl_date"] for r in kept] == ["2024-03-01T12:00:00Z"] * 2
