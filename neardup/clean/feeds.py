"""Live blogs: a feed of posts of which trafilatura reads the first alone.

trafilatura takes the first element that its expressions match as the page's main content:
``(.//article)[1]``, or the first element of an article-body class. On a live blog, a feed of
dated posts each in its own ``<article>``, that is one post: probe pages of four and three
posts kept the first (recall 0.27 and 0.37; trafilatura with its fallback extractors, which
we do not run, 0.63 and 0.93).

A page is read as a feed when the text trafilatura kept lies inside one ``<article>`` that has
*peers*: elements of the container of its post (the article, or the wrapper that holds it
alone, as an ``<li>`` of a list of posts) of the same tag whose articles have its classes
(but for names with digits, which name one post: "post-1806"), each with prose
(:data:`POST_WORDS` words of paragraphs), few links (the share of its text in links below
:data:`MAX_LINK_SHARE`) and no heading that links to another page: related posts and teasers
(headline links over an excerpt), beside an article of their classes, are no feed; a "You may
like" box of another class is none either. Then the posts, in page order and nothing else of
the container (ads, "Load more"), become one article, which trafilatura reads again; its text
replaces the first reading's when longer.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement

MIN_ARTICLES = 2  # <article> tags in the page before it is looked at as a feed
POST_WORDS = 10  # words in <p> elements that make a post
MAX_LINK_SHARE = 0.5  # of a post's characters that are link text
PROBE_CHARS = 80  # of the extracted text's longest line, looked for in the articles

_ARTICLE_TAG_RE = re.compile(r"<article[\s>]", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def may_be_feed(html: str) -> bool:
    """Cheap test before parsing: the page has at least two ``<article>`` tags."""
    return next(islice(_ARTICLE_TAG_RE.finditer(html), MIN_ARTICLES - 1, None), None) is not None


def feed_document(tree: HtmlElement, text: str) -> HtmlElement | None:
    """A document of one ``<article>`` holding the feed's posts (moved out of ``tree``) when
    ``text``, the main text read from ``tree``'s page, is one post of a feed; else None."""
    probe = " ".join(max(text.splitlines(), key=len, default="").split())[:PROBE_CHARS]
    if len(probe.split()) < 3:
        return None
    chosen = None
    for article in tree.iter("article"):
        if probe in _words(article):
            chosen = article  # (iteration goes inwards: the innermost one is the last found)
    if chosen is None:
        return None
    unit = chosen
    while True:  # the post's wrapper: an element that holds it alone
        parent = unit.getparent()
        if parent is None or parent.tag in ("body", "html") or len(_elements(parent)) != 1:
            break
        unit = parent
    container = unit.getparent()
    if container is None:
        return None
    classes = _classes(chosen)
    posts = [peer for peer in _elements(container)
             if peer.tag == unit.tag and _post(peer, classes)]
    if len(posts) < 2 or unit not in posts:
        return None
    document = tree.makeelement("html", {})  # (lxml.html's element class, as trafilatura reads)
    body = tree.makeelement("body", {})
    article = tree.makeelement("article", {})
    document.append(body)
    body.append(article)
    for post in posts:
        post.tail = None
        article.append(post)
    return document


def _post(element: HtmlElement, classes: frozenset[str]) -> bool:
    """``element`` is (or holds) an article of the chosen one's classes, with prose, few links
    and no heading that links to another page (a teaser's)."""
    article = next(element.iter("article"), None)  # (the element itself first)
    if article is None or _classes(article) != classes:
        return False
    words = sum(len(_words(p).split()) for p in article.iter("p"))
    if words < POST_WORDS:
        return False
    for heading in article.iter(*_HEADINGS):
        if any(not (a.get("href") or "#").startswith("#") for a in heading.iter("a")):
            return False
    links = sum(len(_words(a)) for a in article.iter("a"))
    return links < MAX_LINK_SHARE * len(_words(article))


def _classes(element: HtmlElement) -> frozenset[str]:
    """The element's classes but those naming one item ("post-1806", "block-5f3a2c")."""
    return frozenset(name for name in (element.get("class") or "").split()
                     if not any(c.isdigit() for c in name))


def _elements(element: HtmlElement) -> list[HtmlElement]:
    return [child for child in element if isinstance(child.tag, str)]  # (not comments)


def _words(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())
