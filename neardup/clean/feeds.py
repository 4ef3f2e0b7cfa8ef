"""Live blogs: a feed of posts of which trafilatura reads the first alone.

trafilatura takes the first element that its expressions match as the page's main content:
``(.//article)[1]``, or the first element of an article-body class. On a live blog, a feed of
dated posts each in its own ``<article>``, that is one post: probe pages of live blogs in
twelve designs kept 0.27 of their text (trafilatura with its fallback extractors, which we do
not run, 0.89).

A page is read as a feed when the text trafilatura kept lies inside one ``<article>`` (the
*chosen* one) that has *peers*. The chosen article's *unit* is the article or the wrapper that
holds it as its only article (an ``<li>`` of a list of posts, a ``<div>`` with a share bar);
its peers are the elements of the unit's container of the unit's tag that hold one article of
compatible classes (the same, or the one's a subset of the other's: a pinned post adds one;
names with digits, "post-1806", "css-1x2y3z", and of variants or states, "post--untitled",
"is-pinned", do not count), each a *post*: prose (:data:`POST_WORDS` words of paragraphs),
few links (below :data:`MAX_LINK_SHARE` of its text), no ``<h1>`` (a story of its own, as the
next story that an endless page preloads), no title (a first heading above any paragraph) in
or around a link to another page and no "Continue reading" link (a teaser: related posts and
"More news" beside an article). Containers of the same tag and classes beside the first (the
posts of one day each) add their posts. The paragraphs of prose above the feed in the page's
``<main>`` (an introduction; not a standfirst or a byline, by their class names) and the
articles of the posts, in page order and nothing else (ads, share bars, "Load more"), become
one document that trafilatura reads again: its text replaces the first reading's when longer.

Measured: the twelve designs above, live F1 0.43 -> 0.96 (eight ordinary pages with other
``<article>`` elements: 0.961 both); a held-out probe of 14 live blogs and 10 such pages
0.627 -> 0.914 and 0.772 -> 0.861; AEB's HTML pages unchanged (docs/experiments.md,
sixteenth session).
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
# A class or id naming a part of the header (a standfirst under the headline, a byline)
_HEADER_PART_RE = re.compile(
    r"standfirst|summary|\bdeck?\b|subtitle|sub-title|subhead|description|excerpt|teaser|"
    r"strap|tagline|kicker|byline|meta\b|__meta|-meta", re.I)
_NOT_INTRO = frozenset(("article", "header", "aside", "nav", "footer", "form", "figure", "li",
                        "blockquote", "button"))
# A teaser's link to the rest of its story (in the languages of the cue lists)
_READ_ON_RE = re.compile(
    r"\b(?:continue reading|read more|read the (?:full|rest|whole)|full story|keep reading|"
    r"weiterlesen|mehr lesen|lire la suite|leer más|seguir leyendo|continua a leggere|"
    r"leggi tutto|leia mais|continuar lendo|lees verder|czytaj dalej)\b", re.I)


def may_be_feed(html: str) -> bool:
    """Cheap test before parsing: the page has at least two ``<article>`` tags."""
    return next(islice(_ARTICLE_TAG_RE.finditer(html), MIN_ARTICLES - 1, None), None) is not None


def feed_document(tree: HtmlElement, text: str) -> HtmlElement | None:
    """A document of one article holding the feed's posts (moved out of ``tree``) when
    ``text``, the main text read from ``tree``'s page, is one post of a feed; else None."""
    probe = " ".join(max(text.splitlines(), key=len, default="").split())[:PROBE_CHARS]
    if len(probe.split()) < 3:
        return None
    chosen = None
    for article in tree.iter("article"):
        if probe in element_words(article):
            chosen = article  # (iteration goes inwards: the innermost one is the last found)
    if chosen is None or not _post(chosen):
        return None
    unit = chosen
    while True:  # the post's wrapper: an element whose only article it is
        parent = unit.getparent()
        if parent is None or parent.tag in ("body", "html") or _article_of(parent) is None:
            break
        unit = parent
    container = unit.getparent()
    if container is None:
        return None
    classes = element_classes(chosen)
    posts = _posts(container, unit.tag, classes)
    if len(posts) < 2 or chosen not in posts:
        return None
    above = container.getparent()
    if above is not None:  # (containers of the same kind beside it: one per day)
        twins = [c for c in child_elements(above) if c.tag == container.tag
                 and compatible_classes(element_classes(c), element_classes(container))]
        posts = [post for twin in twins for post in
                 (posts if twin is container else _posts(twin, unit.tag, classes))]
    return article_document(tree, [*_intro(container), *posts])


def article_document(tree: HtmlElement, elements: list[HtmlElement]) -> HtmlElement:
    """A page of one article holding ``elements`` (moved out of ``tree``), for trafilatura to
    read again."""
    document = tree.makeelement("html", {})  # (lxml.html's element class, as trafilatura reads)
    body = tree.makeelement("body", {})
    # (class "post": the first element trafilatura's first expression matches, in document
    # order; a post's own "post-body" or "entry" element was matched instead, and read alone)
    article = tree.makeelement("article", {"class": "post"})
    document.append(body)
    body.append(article)
    for element in elements:
        element.tail = None
        article.append(element)
    return document


def _intro(container: HtmlElement) -> list[HtmlElement]:
    """The paragraphs of prose above the feed in the page's main element (an introduction
    under the headline), if it has one: not in an article, a header, an aside or a form."""
    main = _main_of(container)
    if main is None:
        return []
    found = []
    for p in main.iter():
        if p is container:  # (document order: what follows is the feed and below it)
            break
        if p.tag != "p":
            continue
        above = _between(p, main)
        if any(a.tag in _NOT_INTRO for a in above) or any(
                _HEADER_PART_RE.search(f"{e.get('class') or ''} {e.get('id') or ''}")
                for e in [p, *above]):
            continue
        if len(element_words(p).split()) >= POST_WORDS and few_links(p):
            found.append(p)
    return found


def few_links(element: HtmlElement) -> bool:
    """Less than MAX_LINK_SHARE of ``element``'s text is link text."""
    links = sum(len(element_words(a)) for a in element.iter("a"))
    return links < MAX_LINK_SHARE * len(element_words(element))


def _between(element: HtmlElement, ancestor: HtmlElement) -> list[HtmlElement]:
    """The ancestors of ``element`` below ``ancestor``."""
    found = []
    for above in element.iterancestors():
        if above is ancestor:
            break
        found.append(above)
    return found


def _main_of(element: HtmlElement) -> HtmlElement | None:
    """The page's main element around ``element`` (``<main>`` or role "main"), or None."""
    for ancestor in element.iterancestors():
        if ancestor.tag == "main" or ancestor.get("role") == "main":
            return ancestor
    return None


def _posts(container: HtmlElement, tag: str, classes: frozenset[str]) -> list[HtmlElement]:
    """The articles of ``container``'s posts: its elements of ``tag`` holding one article of
    classes compatible with ``classes`` that reads as a post."""
    found = []
    for element in child_elements(container):
        if element.tag != tag:
            continue
        article = _article_of(element)
        if (article is not None and compatible_classes(element_classes(article), classes)
                and _post(article)):
            found.append(article)
    return found


def _post(article: HtmlElement) -> bool:
    """``article`` has prose, few links, no <h1>, no heading linking to another page and no
    link to read on: a post of a feed, not a story of its own or a teaser of one."""
    words = sum(len(element_words(p).split()) for p in article.iter("p"))
    if words < POST_WORDS or next(article.iter("h1"), None) is not None:
        return False
    title = _title_of(article)
    if title is not None and any(
            "#" not in (link.get("href") or "#")  # (a link into a page: a post's permalink)
            for link in [*title.iter("a"), *(a for a in title.iterancestors("a"))]):
        return False
    return few_links(article) and not reads_on(article)


def reads_on(element: HtmlElement) -> bool:
    """``element`` has a link to read on (a teaser's "Continue reading")."""
    return any(_READ_ON_RE.search(link.text_content() or "") for link in element.iter("a"))


def _title_of(article: HtmlElement) -> HtmlElement | None:
    """The article's title: its first heading, if no paragraph comes before it (an untitled
    post may hold a card of another story, a heading under a link, below its text)."""
    for element in article.iter("p", *_HEADINGS):
        return None if element.tag == "p" else element
    return None


def _article_of(element: HtmlElement) -> HtmlElement | None:
    """The one article in ``element`` (itself, if an article), or None (none or several)."""
    found = list(islice(element.iter("article"), 2))
    return found[0] if len(found) == 1 else None


def compatible_classes(one: frozenset[str], other: frozenset[str]) -> bool:
    """The same classes, or (both with some) the one's a subset of the other's."""
    return one == other or bool(one and other and (one <= other or other <= one))


def child_elements(element: HtmlElement) -> list[HtmlElement]:
    return [child for child in element if isinstance(child.tag, str)]  # (not comments)


def element_classes(element: HtmlElement) -> frozenset[str]:
    """The element's classes but those with a digit (naming one item, "post-1806", or
    hashed, "css-1x2y3z") and those of a variant or a state ("post--untitled", "is-pinned",
    "has-image")."""
    return frozenset(name for name in (element.get("class") or "").split()
                     if not any(c.isdigit() for c in name) and "--" not in name
                     and not name.startswith(("is-", "has-")))


def element_words(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())
