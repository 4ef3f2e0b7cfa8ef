"""HTML pages: main text and metadata with trafilatura, then the text cleaner.

trafilatura already removes most boilerplate from HTML (it sees the markup: link density,
``<nav>``, ``<footer>``...). What it leaves are things only visible in the text: repeats (pull
quotes, a body printed twice), caption and credit lines, share and newsletter prompts,
site-template lines, "Read more: <headline>" link lines, and the headline itself at the top.
So the text cleaner runs on its output in *conservative* mode: no article-region search, which
would only cost recall on text that is already the article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser as FlatParser
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

import trafilatura
import trafilatura.utils
from lxml.html import HtmlElement, HTMLParser

from neardup.clean.chunks import chunks_document
from neardup.clean.features import WORD_RE
from neardup.clean.feeds import feed_document, may_be_feed
from neardup.clean.metadata import AUTHOR_LABELS, NAME_CONNECTORS, parse_date
from neardup.clean.repeats import norm_key
from neardup.clean.teaser_author import own_byline, teasers_author
from neardup.clean.template import SiteTemplate
from neardup.clean.text import CleanOptions, CleanResult, clean_text
from neardup.document import RemovedSpan
from neardup.errors import ExtractionError
from neardup.interrupts import reraise_if_interrupted
from neardup.read.sites import host_of

_FIELDS = ("text", "title", "author", "date")


def extract_page(html: str, url: str | None, comments: bool = False) -> dict[str, Any]:
    """trafilatura's main text (favouring recall; its comments too if ``comments``: the
    ``keep_comments`` option) and metadata, as a dict of ``text``, ``title``, ``author``,
    ``date``, ``url`` (those found; ``url``: the address the page gives itself,
    :func:`page_url`). The pipeline extracts a page once, in the site-template pass, and
    hands the result to :func:`clean_html` in the cleaning pass. Raises
    :class:`ExtractionError`."""
    tree, doc = _extract(html, url, comments)
    if doc is None and html.strip():
        # trafilatura finds no tree in a fragment whose markup is one element ("<p>...</p>",
        # an article body from a feed or a CMS export): the same markup inside a page has one
        tree, doc = _extract(f"<html><body>{html}</body></html>", url, comments)
    too_deep = _too_deep()
    fields = _fields(doc)
    # only the plain fields used here (the parsed tree in the result cannot be pickled)
    found = {key: fields[key] for key in _FIELDS if fields.get(key) is not None}
    if found.get("author") and tree is not None and teasers_author(tree, found["author"]):
        # (another story's writer, see neardup.clean.teaser_author)
        own = own_byline(tree)
        if own is not None and name_like(own):
            found["author"] = own
        else:
            del found["author"]
    warnings: list[str] = []
    if found.get("text") and tree is not None and not too_deep:
        whole = _read_again(tree, html, found["text"], comments, warnings)
        if whole is not None and len(whole) > len(found["text"]):
            found["text"] = whole
    if comments and fields.get("comments"):  # (trafilatura gives them apart, after the text)
        found["text"] = "\n\n".join(filter(None, (found.get("text"), fields["comments"])))
    if found.get("text") and tree is not None:
        opening = _opening_lines(found["text"], 3)  # (headline, standfirst, a first line)
        headline = _headline_opening(tree, opening)
        if headline is not None:
            found["headline"] = headline
        standfirst = _standfirst(tree, opening, headline)
        if standfirst is not None:
            found["standfirst"] = standfirst
    own_url = page_url(html)
    if own_url is not None:
        found["url"] = own_url
    if too_deep:
        flat = flat_text(html)
        if len(flat) > len(found.get("text") or ""):
            found.update(text=flat, flat=True)
            warnings.append(TOO_DEEP_READ_FLAT)
        else:
            warnings.append(TOO_DEEP)
    elif layout_table(found.get("text") or ""):
        flat = flat_text(html)
        if flat:  # (the table's text kept: clean_html falls back on it, see there)
            found.update(text=flat, flat=True, table_text=found["text"])
    if warnings:
        found["warnings"] = warnings
    return found


# The page's <h1> headlines looked at (a page of many <h1>s styles its sections with them).
MAX_HEADLINES = 5


def _opening_lines(text: str, n: int) -> list[str]:
    """The first ``n`` lines of ``text`` that are not blank, stripped (the rest not split)."""
    lines: list[str] = []
    start = 0
    while len(lines) < n and start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if line := text[start:end].strip():
            lines.append(line)
        start = end + 1
    return lines


def _names_heading(tree: HtmlElement, tags: tuple[str, ...], limit: int, line: str) -> bool:
    """``line`` has the words of one of the page's first ``limit`` elements of ``tags``."""
    key = norm_key(line)
    return bool(key) and any(norm_key(heading.text_content()) == key
                             for heading in islice(tree.iter(*tags), limit))


def _headline_opening(tree: HtmlElement, opening: list[str]) -> str | None:
    """The page's ``<h1>`` that the extracted text opens with (``opening``: its first lines),
    or None. trafilatura keeps the headline in the main text when it sits inside the
    article's element; the cleaner tells it by the page's title (og:title, ``<title>``), which
    often words it otherwise ("Taylor Swift's AMA row seems to be over" over "Taylor Swift is
    allowed to play her music at the AMAs after all"): 9 AEB pages kept theirs as the first
    line of the text."""
    if opening and _names_heading(tree, ("h1",), MAX_HEADLINES, opening[0]):
        return opening[0]
    return None


# A standfirst (dek) is a heading of at least STANDFIRST_WORDS words in sentence case: a
# section's heading is shorter ("What happens next") or in title case ("PS4 DualShock
# Controller in Crystal for $39.99", a deals page's). The page's first STANDFIRST_HEADINGS
# headings are read (menus and sidebars have theirs before the article's).
STANDFIRST_WORDS = 8
STANDFIRST_HEADINGS = 40
_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")


def _standfirst(tree: HtmlElement, opening: list[str], headline: str | None) -> str | None:
    """The extraction's first line (``opening``: its first lines; under its headline, if it
    opens with it) when it is one of the page's headings below ``<h1>``, of at least
    STANDFIRST_WORDS words, in sentence case: the standfirst set under the headline (``<h2
    class="sub-head">``, ``"article-subline"``, ``<h5 class="deck">``), which trafilatura keeps
    as the article's first paragraph (10 AEB pages; the benchmark's gold, as the headline,
    leaves it out). None when it is not, or when nothing follows it."""
    lines = opening[1:] if headline is not None else opening
    if len(lines) < 2:
        return None
    words = WORD_RE.findall(lines[0])
    if len(words) < STANDFIRST_WORDS or sum(w[0].isupper() for w in words) * 2 >= len(words):
        return None
    if _names_heading(tree, _SUBHEADINGS, STANDFIRST_HEADINGS, lines[0]):
        return lines[0]
    return None


def _cut_standfirst(res: CleanResult, standfirst: str) -> None:
    """Take the standfirst off the top of the clean text, as the headline's metadata is."""
    first, _, rest = res.text.partition("\n")
    if first.strip() != standfirst or not rest.strip():
        return
    start = res.source_text.find(standfirst)
    if start < 0:
        return
    res.text = rest.lstrip("\n")
    res.removed = sorted([*res.removed, RemovedSpan(start, start + len(standfirst), "metadata")],
                         key=lambda span: span.start)


# The address a page gives itself in its <head>: og:url (what it asks to be shared as), else
# <link rel="canonical">, the first of them that is not the site's home page (a site that
# prints its home page in the tags of every page gave all its pages one URL); absolute http(s)
# or protocol-relative only; tags inside comments and scripts do not count. Read here, not
# taken from trafilatura's metadata, which completes a relative canonical link with the host
# of the first og:/twitter: tag (an og:image's CDN: 57 of 400 pages of many publishers became
# one image server's) and falls back on <base href> and hreflang alternates. A syndicated copy
# that names the original page in these tags is credited to it: the page says nothing else of
# itself. (Linear in the head: a tag ends at the next "<", an attribute name starts after a
# space or a quote; a 20,000-character token in a <meta> took 3.3 s, 40,000 14 s.)
_HEAD_START_RE = re.compile(r"<head[\s>]|<html[\s>]", re.I)  # (HTML5 may leave out <head>)
_HEAD_END_RE = re.compile(r"</head\s*>|<body[\s>]", re.I)
_HEAD_TAG_RE = re.compile(r"<(link|meta)\s([^<>]{0,8192})>", re.I)
_ATTRIBUTE_RE = re.compile(
    r"""(?:^|(?<=[\s"']))([^\s"'=<>/]++)\s*+=\s*+(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]++))""")
HEAD_CHARS = 1 << 20  # (where no </head> or <body> says where the head ends)
MAX_URL_CHARS = 8192


def page_url(html: str) -> str | None:
    """The absolute http(s) URL a page gives itself (og:url, else its canonical link), or
    None (also for a fragment without <html> or <head>, and for a page whose tags name only
    its site's home page). HTML character references in it are decoded ("&amp;" is "&")."""
    start = _HEAD_START_RE.search(html, 0, HEAD_CHARS)
    if start is None:
        return None
    end = _HEAD_END_RE.search(html, start.end(), HEAD_CHARS)
    head = _without_comments_and_scripts(html[start.end():end.start() if end else HEAD_CHARS])
    found: dict[str, list[str]] = {"og": [], "canonical": []}
    for tag in _HEAD_TAG_RE.finditer(head):
        attributes = {m.group(1).lower(): m.group(2) if m.group(2) is not None else
                      m.group(3) if m.group(3) is not None else m.group(4)
                      for m in _ATTRIBUTE_RE.finditer(tag.group(2))}
        if tag.group(1).lower() == "meta":
            if (attributes.get("property") or attributes.get("name") or "").lower() == "og:url":
                found["og"].append(attributes.get("content") or "")
        elif "canonical" in (attributes.get("rel") or "").lower().split():
            found["canonical"].append(attributes.get("href") or "")
    urls = [url for kind in ("og", "canonical") for value in found[kind]
            if (url := _absolute_url(value)) is not None]
    return next((url for url in urls if not _home_page(url)), None)


def _without_comments_and_scripts(head: str) -> str:
    """``head`` without its comments and script elements (one left open runs to the end),
    found with ``str.find``: linear however many are left open."""
    lower = head.lower()
    parts: list[str] = []
    pos = 0
    while True:
        comment, script = lower.find("<!--", pos), lower.find("<script", pos)
        if comment < 0 and script < 0:
            break
        if script < 0 or 0 <= comment < script:
            parts.append(head[pos:comment])
            close = lower.find("-->", comment + 4)
            pos = close + 3 if close >= 0 else len(head)
        else:
            parts.append(head[pos:script])
            close = lower.find("</script", script + 7)
            pos = close + 8 if close >= 0 else len(head)
    parts.append(head[pos:])
    return "".join(parts)


def _home_page(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def _absolute_url(value: str) -> str | None:
    """``value`` (an attribute's text) as an absolute http(s) URL with a host, or None."""
    url = unescape(value).strip()
    if url.startswith("//"):
        url = f"https:{url}"
    if len(url) > MAX_URL_CHARS or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - (raises on a port out of range)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or host_of(url) is None:
        return None
    return url


# A page laid out in a <table> (as sites were built around 2000: the menu in one cell, the
# article in the next, the "Most read" list in a third) comes out of trafilatura as a table: a
# line per row, the article's paragraphs one line of its cell, beside the menu's and the
# sidebar's, which the conservative cleaning of an extraction cannot take apart. Its rows are
# most of the text, and one holds paragraphs (a data table's rows are a few words each): such a
# page is read from its markup's text nodes (``flat_text``, a line per block) and cleaned as
# plain text, article-region search included. (A probe of 36 pages in old markup: its 9 such
# pages 0.709-0.945 -> 0.925-1.000, one of them 0.945 -> 0.925; AEB's two, 0.750 -> 0.854 and
# 0.976 -> 0.991; AEB's page of short table rows is left alone.)
LAYOUT_TABLE_SHARE = 0.5  # of the text's words in table rows
LAYOUT_ROW_WORDS = 150  # in its longest row


def layout_table(text: str) -> bool:
    """Whether trafilatura's ``text`` of a page is its layout table (see above)."""
    if "\n|" not in text and not text.startswith("|"):
        return False
    words = in_rows = longest = 0
    for line in text.split("\n"):
        n = len(line.split())
        words += n
        if line.startswith("|"):
            in_rows += n
            longest = max(longest, n)
    return longest >= LAYOUT_ROW_WORDS and in_rows >= LAYOUT_TABLE_SHARE * words


# The share of the words of a layout table's article cell (its longest) that the page's flat
# reading must keep; else the table's own text is cleaned (a probe's page of paragraphs, a
# data table and more paragraphs in one cell kept its first three paragraphs: recall 0.33)
LAYOUT_CELL_KEPT = 0.8


def _keeps_article_cell(table_text: str, text: str) -> bool:
    cells = (cell for line in table_text.split("\n") if line.startswith("|")
             for cell in line.split(" | "))
    cell = max(cells, key=lambda c: len(c.split()), default="")
    words = Counter(WORD_RE.findall(cell.lower()))
    if not words:
        return True
    kept = words & Counter(WORD_RE.findall(text.lower()))
    return sum(kept.values()) >= LAYOUT_CELL_KEPT * sum(words.values())


# Past libxml2's limit even with ``huge_tree`` (2,048 levels) a page loses what lies deeper:
# its text is then read from the markup's text nodes without a tree (``flat_text``) and
# cleaned as plain text, with a warning; it stays the extraction's if that has more.
TOO_DEEP = ("HTML nested deeper than 2,048 levels: the parser dropped what lies deeper, which "
            "is missing from the text")
FEED_UNREAD = ("the page's <article> posts (a live blog) or the chunks of its article body "
               "could not be read as one text, so its text is the part that trafilatura read "
               "alone")
TOO_DEEP_READ_FLAT = ("HTML nested deeper than 2,048 levels, past the parser's limit: its text "
                      "was read from the markup without extraction and cleaned as plain text")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section table td th title tr ul".split())
_HIDDEN_TAGS = frozenset("script style noscript template".split())


class _TextNodes(FlatParser):
    """The text of an HTML document in document order, a line break at each block element's
    edge; scripts and styles left out. Python's own tokenizer: no tree, so no depth limit."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def flat_text(html: str) -> str:
    """The text of ``html`` without a tree (see ``_TextNodes``): lines stripped, runs of
    spaces as one, empty lines dropped."""
    parser = _TextNodes()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _too_deep() -> bool:
    """The last parse of ``_PARSER`` stopped at its depth limit."""
    return any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in _PARSER.error_log)


# libxml2 stops at 256 levels of nesting unless told otherwise (its "huge" option, which
# raises the limit to 2,048): a page nested deeper, as hundreds of unclosed <font> or <div>
# tags make old or generated HTML, lost all text below that level without a word (a page of
# 400 paragraphs each opening an unclosed <font> kept 11,192 of its ~36,000 characters, one
# nested 300 deep only its <title>). trafilatura parses with a module-level parser; the same
# parser (its options as in trafilatura 2.x) with ``huge_tree`` is used for our calls only.
_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                     remove_comments=True, remove_pis=True, huge_tree=True)


# htmldate as trafilatura calls it, but for two settings: no "extensive" search, which dates a
# page without a date in its markup by its copyright line ("© 2019" became 2019-01-01, and
# decided which copy --keep earliest kept) or by any date in its text; and a fixed latest
# date, where trafilatura's is the day of the run, so that the same page gives the same date
# whenever it is cleaned.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}


@contextmanager
def _our_parser() -> Iterator[None]:
    """trafilatura's module-level parser swapped for ``_PARSER`` (huge trees) meanwhile."""
    default = trafilatura.utils.HTML_PARSER
    trafilatura.utils.HTML_PARSER = _PARSER
    try:
        yield
    finally:
        trafilatura.utils.HTML_PARSER = default


def _bare_extraction(source: Any, comments: bool, **more: Any) -> Any:
    """trafilatura's extraction as we run it, of a page or of a parsed document."""
    return trafilatura.bare_extraction(
        source,
        favor_recall=True,
        # (no fallback extractors, readability and jusText: on AEB they took a noisier
        # text on 3 pages and none better; 9 % less CPU)
        fast=True,
        include_comments=comments,
        include_tables=True,
        **more,
    )


def _fields(doc: Any) -> dict[str, Any]:
    """An extraction's result as a dict (empty when there is none)."""
    return {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()


# An embedded social-media post as its platform's embed code prints it: a <blockquote> that
# holds the post's text and its attribution ("— Name (@handle) November 18, 2019"), inside a
# site's wrapper named for what it is ("social-media-embed", "embed embed--twitter"). trafilatura
# drops elements of such names as share widgets, and the posts with them; AEB's gold keeps them
# (its nj.com page lost its four posts, recall 0.70). The wrapper, when it holds the one post
# and little else, is replaced by the post's blockquote, which trafilatura keeps as a quote.
_POST_TEST = ("contains(@class, 'twitter-tweet') or contains(@class, 'twitter-video') or "
              "contains(@class, 'bluesky-embed') or contains(@class, 'mastodon-embed')")
_POST_XPATH = f"//blockquote[{_POST_TEST}]"
_POSTS_UNDER_XPATH = f".//blockquote[{_POST_TEST}]"
_POST_WRAPPER_RE = re.compile(r"embed|social|twitter|tweet|bluesky|mastodon", re.I)
POST_WRAPPER_LEVELS = 4
POST_WRAPPER_CHILDREN = 4  # (the post, its script, a notice)
POST_WRAPPER_EXTRA_CHARS = 80  # (a wrapper's own text beside the post: "External content")
# More posts than this on a page are a wall of posts, no article's embeds: left as they are
# (and the work bounded: each post's wrappers are measured, 4,000 posts in one "social-wall"
# took 4.5 s instead of 1.0 s before this bound)
MAX_LIFTED_POSTS = 100


def _lift_embedded_posts(tree: HtmlElement) -> None:
    """Replace each embedded post's wrapper (see ``_POST_XPATH``) by the post itself."""
    posts = tree.xpath(_POST_XPATH)
    if len(posts) > MAX_LIFTED_POSTS:
        return
    for post in posts:
        wrapper = None
        node = post
        own = len(post.text_content())
        for _ in range(POST_WRAPPER_LEVELS):
            parent = node.getparent()
            if (parent is None or parent.tag in ("body", "article", "main", "html")
                    or len(parent) > POST_WRAPPER_CHILDREN):
                break
            names = f"{parent.get('class') or ''} {parent.get('id') or ''}"
            if (_POST_WRAPPER_RE.search(names) is None
                    or len(parent.text_content()) - own > POST_WRAPPER_EXTRA_CHARS
                    or len(parent.xpath(_POSTS_UNDER_XPATH)) > 1):
                break
            wrapper = node = parent
        if wrapper is not None and wrapper.getparent() is not None:
            post.tail = wrapper.tail
            wrapper.getparent().replace(wrapper, post)


def _extract(html: str, url: str | None, comments: bool) -> tuple[HtmlElement | None, Any]:
    """The page's tree (None if it has none) and trafilatura's extraction of it (None if
    none); embedded posts are lifted out of their wrappers first (``_lift_embedded_posts``).
    (trafilatura reads a copy of the tree: the tree stays as parsed, for a second reading,
    see ``_read_again``, without a second parse.)"""
    try:
        with _our_parser():
            tree = trafilatura.utils.load_html(html)
            if tree is None:
                return None, None
            if "<blockquote" in html:  # (a cheap test: most pages have no quote at all)
                _lift_embedded_posts(tree)
            return tree, _bare_extraction(tree, comments, url=url, with_metadata=True,
                                          date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # (any error of trafilatura's on a broken page)
        reraise_if_interrupted(exc)
        raise ExtractionError(f"trafilatura raised {type(exc).__name__}: {exc}") from exc


def _read_again(tree: HtmlElement, html: str, text: str, comments: bool,
                warnings: list[str]) -> str | None:
    """The main text of a live blog's posts when ``text`` is one of them (``feeds.py``), or
    of an article body printed in chunks when ``text`` is the first (``chunks.py``); None
    when it is neither. ``tree``: the page ``html`` parsed (what the posts or chunks are
    moved out of). A failure to read them is said in ``warnings`` (the page's first reading
    stands)."""
    try:
        with _our_parser():
            document = feed_document(tree, text) if may_be_feed(html) else None
            if document is None:
                document = chunks_document(tree, text)
            if document is None:
                return None
            posts = _bare_extraction(document, comments, with_metadata=False)
    except Exception as exc:  # (as in _extract; the page's first reading stands)
        reraise_if_interrupted(exc)
        warnings.append(f"{FEED_UNREAD}: {type(exc).__name__}: {exc}"[:300])
        return None
    return _fields(posts).get("text") or None


def page_text(html: str, url: str | None = None) -> str:
    """A page's main text as trafilatura extracts it (:func:`extract_page`, comments
    excluded): the text the site-template pass learns from and :func:`clean_html` cleans,
    for callers that want it alone."""
    return extract_page(html, url).get("text") or ""


def clean_html(
    html: str,
    *,
    url: str | None = None,
    template: SiteTemplate | None = None,
    options: CleanOptions | None = None,
    extracted: dict[str, Any] | None = None,
) -> CleanResult:
    """Clean one HTML page.

    ``source_text`` (the text that ``removed`` offsets refer to) is the page's text as
    :func:`extract_page` gives it: trafilatura's main text, cleaned conservatively (no region
    search: the extractor chose the article); a page it read flat (its whole text, see
    ``extract_page``) is cleaned in full, and one whose flat text lost the article cell of a
    layout table is cleaned from that table's text instead. Title, byline (author) and date
    come from trafilatura's metadata, falling back on the text cleaner's findings.
    ``extracted``: :func:`extract_page` of this page, when already done.
    """
    options = options or CleanOptions()
    doc = extracted if extracted is not None else extract_page(html, url,
                                                               options.keep_comments)
    # (the page's whole text when it was read flat: cleaned as text, not as an extraction, and
    # as a rendered page's text: its first line is its <title>, its headline one of its lines.
    # The markup's title of such a page, an old one without og: tags, was most often the
    # site's name, "The Coastal Observer": given as the page's title, the line under the
    # headline was taken for it; a probe's 9 table layouts: 4 titles right, now 9)
    flat = bool(doc.get("flat"))
    opts = replace(options, conservative=not flat)
    title, author, date = page_metadata(doc)
    # (the extraction's first line is the page's <h1>: the headline, worded otherwise than
    # the page's title, which is what the cleaner would tell it by)
    res = clean_text(doc.get("text") or "", template=template, options=opts,
                     page_title=None if flat else doc.get("headline") or title)
    if flat and doc.get("table_text") and not _keeps_article_cell(doc["table_text"], res.text):
        # (read flat, the page lost much of the table's article cell: a data table inside the
        # article ended its region there. The table's text, cleaned as an extraction, keeps it)
        flat = False
        res = clean_text(doc["table_text"], template=template,
                         options=replace(options, conservative=True), page_title=title)
    res.warnings = list(doc.get("warnings", ()))
    if not flat and doc.get("standfirst"):
        _cut_standfirst(res, doc["standfirst"])
    res.title = (res.title or title) if flat else (title or res.title)
    if author and (res.byline is None or name_like(author)):
        res.byline = author
    if date:
        res.date = date
    return res


def page_metadata(page: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """The title, author and date (ISO 'YYYY-MM-DD' when it reads as one) of a page's
    :func:`extract_page` result, each None when it has none."""
    raw_date = page.get("date")
    author = _AUTHOR_LABEL_RE.sub("", str(page["author"])) if page.get("author") else None
    if author and _PLACEHOLDER_RE.fullmatch(author.strip()) is not None:
        author = None
    return (page.get("title") or None, author or None,
            (parse_date(str(raw_date)) or str(raw_date)) if raw_date else None)


# The word "by" or an author label before the name in the author field of a page's markup, as
# trafilatura gives it ("Par Jean Dupont", "Autor: Jan Kowalski", "Автор Иван Петров"); only
# before a name of two words or more ("Di Stefano" stays)
_AUTHOR_LABEL_RE = re.compile(
    rf"^(?:by|von|par|por|di|door|oleh|{AUTHOR_LABELS})\b\s*:?\s*(?=\S+\s+\S)", re.I)


# A sign-in box's or a form's word that markup gives as the page's author: the
# ``<span class="username">Username</span>`` of a login menu was the byline of two Washington
# Post stories. (Not "admin": a blog's posts by its admin account say "Posted by admin".)
_PLACEHOLDER_RE = re.compile(
    r"user\s*name|your name|name|author|sign in|log\s*in|my account|profile", re.I)


# Words a name may hold in lower case ("Ludwig van Beethoven", "Maria de la Cruz", "Jane Doe
# and John Smith"): the bylines' connectors and a few more particles.
_NAME_PARTICLES = NAME_CONNECTORS | frozenset("della dos das e el ibn und et".split())
_NAME_WORDS = 5
_PARTICLE_LETTERS = 4  # (a lower-case word this short may be a particle we do not list)
_CONTRACTION_RE = re.compile(r"['’](?:m|s|t|ll|re|ve|d)$", re.I)


def name_like(author: str) -> bool:
    """trafilatura's author reads as one or more names (parts split by ";" or ","): at most
    ``_NAME_WORDS`` words each, capitalised but for name particles, no digits. Its author is
    sometimes an author box's text ("About me I'm Anna; A Teacher"), which gives way to the
    byline line the cleaner found."""
    for part in re.split(r"[;,]", author):
        words = part.split()
        names = [w for w in words if w.lower() not in _NAME_PARTICLES]
        if len(names) > _NAME_WORDS or any(c.isdigit() for c in part):
            return False  # ("María del Carmen García López de la Fuente": five names)
        if any(not w[:1].isupper() and w.lower() not in _NAME_PARTICLES
               and len(w) > _PARTICLE_LETTERS and "-" not in w for w in words):
            return False  # ("is a reporter", "wire services"; not "ten", "wa", "al-Qaradawi")
        if any(_CONTRACTION_RE.search(w) for w in words):
            return False  # ("I'm Anna"; not "O'Connor", "Thiong'o")
    return True
