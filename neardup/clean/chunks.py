"""An article body cut into chunks: trafilatura reads the first chunk alone.

trafilatura takes the first element that its body expressions match (an element of class
``article__body``, ``post-content``...) as the article. Some sites print the body in several
such elements, one after the other, with an advertisement or a newsletter box between them
(WIRED's and The New Yorker's "article chunks"; trafilatura's issues #85, #304 and #488): the
extraction then stops at the end of the first chunk, a third or half of the article.

The body is read as chunks when the element that holds the extraction's last paragraph, or
one of its containers (``<div>`` or ``<section>`` with a class, up to :data:`MAX_LEVELS` above
it, below the page's ``<article>``, ``<main>`` or ``<body>``, and holding no ``<h1>``: a
container of the headline is the whole story, and its twins are other stories, comments or
promotions), has *twins*: siblings of the same tag and compatible classes (as
:func:`feeds.compatible_classes` compares them: a later chunk may add one, "paywall", but not
one that names a block beside the body, :data:`_ASIDE_NAMES`: "art-text art-author" is an
author's bio) that hold more of the body:
- an element of the tag and classes of the one that holds the chunk read's paragraphs, among
  their children (an "About the author" or "Most read" box in a block of the body's class
  holds other elements);
- :data:`TWIN_WORDS` words of paragraphs that are not in the extracted text, and more than
  those that are (a chunk may print a paragraph already read as a pull quote), and
  :data:`CHUNK_WORDS` such words in all the twins (words as the line features count them:
  Chinese and Japanese about one word per two characters);
- few links (below :data:`feeds.MAX_LINK_SHARE` of their text), no ``<h1>`` and no element
  named a title above their first paragraph (a story of its own: "next-title",
  "article-title"), and no link to read on (a teaser).
The chunk and those twins, in page order, become one document that trafilatura reads again
(as a feed's posts are); its text replaces the first reading's when longer.

Measured (``bench/clean_aeb.py``): on AEB's 181 pages it changes two, WIRED's (recall 0.35 and
0.45 -> 0.96 and 0.98), HTML recall 0.977 -> 0.984. The conditions above were drawn from two
held-out probes of pages built to look like real bodies in chunks and like blocks beside a
whole body; a third, built to attack them, found such blocks read with the body when they
sit in a container of the body's own class (none was found on real pages). The probes and
their figures: docs/experiments.md (twenty-third session) and docs/cleaning.md.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from neardup.clean.features import word_count
from neardup.clean.feeds import (
    PROBE_CHARS,
    article_document,
    child_elements,
    compatible_classes,
    element_classes,
    element_words,
    few_links,
    reads_on,
)

CHUNK_WORDS = 40  # words of new paragraphs in the twins that make them chunks of the body
TWIN_WORDS = 10  # words of new paragraphs in one twin (a chunk may be one short paragraph)
PROBE_WORDS = 5  # words in the extraction's last line, to find it in the page
MAX_LEVELS = 6  # containers above the last paragraph that are looked at
_LINE_TAGS = ("p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "pre", "td")
_STOP_TAGS = frozenset(("article", "main", "body", "html"))
_LIST_MARK_RE = re.compile(r"^(?:[-*•]|\d+[.)])\s+")
# Names (parts of a class or id) of what a block beside the body is when it is not more of it:
# a twin whose classes add or drop one of them is such a block (an author's bio in
# "art-text art-author"), and one that names its title is a story of its own
_ASIDE_NAMES = frozenset((
    "about", "ad", "ads", "advert", "advertisement", "author", "bio", "caption", "card",
    "comment", "comments", "correction", "gallery", "key", "live", "more", "newsletter", "next",
    "note", "partner", "podcast", "points", "prev", "previous", "promo", "promotion",
    "recommended", "related", "share", "social", "sponsor", "sponsored", "subscribe",
    "summary", "teaser"))
_TITLE_NAMES = frozenset(("title", "headline", "hed"))
_NAME_PARTS_RE = re.compile(r"[^a-z]+")


def chunks_document(tree: HtmlElement, text: str) -> HtmlElement | None:
    """A document of one article holding the body's chunks (moved out of ``tree``) when
    ``text``, the main text read from ``tree``'s page, stops at the end of a chunk whose
    twins hold more of the article; else None."""
    last = _last_element(tree, text)
    if last is None:
        return None
    known = " ".join(text.split())
    below = last  # (the child of ``above`` on the way down to the last paragraph)
    for level, above in enumerate(last.iterancestors()):
        if (level >= MAX_LEVELS or above.tag in _STOP_TAGS
                or next(above.iter("h1"), None) is not None):
            break  # (a container of the headline is the whole story: its twins are others)
        classes = element_classes(above)
        parent = above.getparent()
        if above.tag in ("div", "section") and classes and parent is not None:
            twins = [e for e in child_elements(parent) if e.tag == above.tag
                     and compatible_classes(element_classes(e), classes)
                     and not _name_parts(element_classes(e) ^ classes) & _ASIDE_NAMES]
            inner = None if below is last else below
            new = [0 if e is above else _new_words(e, known, inner) for e in twins]
            chunks = [e for e, n in zip(twins, new, strict=True) if e is above or n]
            if len(chunks) > 1 and sum(new) >= CHUNK_WORDS:
                return article_document(tree, chunks)
        below = above
    return None


def _last_element(tree: HtmlElement, text: str) -> HtmlElement | None:
    """The innermost element of the page holding the extraction's last line of prose (a list
    item's list: the body's chunks hold paragraphs and lists, not that list)."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    probe = next((line for line in reversed(lines) if word_count(line) >= PROBE_WORDS), None)
    if probe is None:
        return None
    probe = _LIST_MARK_RE.sub("", probe)[:PROBE_CHARS]  # (trafilatura writes items "- ...")
    found = next((e for e in tree.iter(*_LINE_TAGS) if probe in element_words(e)), None)
    while found is not None:  # (a paragraph in a list item, in a quote: the innermost)
        inner = next((e for e in found.iter(*_LINE_TAGS) if e is not found
                      and probe in element_words(e)), None)
        if inner is None:
            break
        found = inner
    if found is not None and found.tag == "li":
        above = found.getparent()
        return above if above is not None and above.tag in ("ul", "ol") else found
    return found


def _new_words(element: HtmlElement, known: str, inner: HtmlElement | None) -> int:
    """The words of ``element``'s paragraphs that ``known`` (the extracted text) lacks, if
    ``element`` is a chunk of the body: at least :data:`TWIN_WORDS` of them, more than those
    ``known`` has, few links, no <h1>, no link to read on, and (``inner``: the element of the
    chunk read that holds its paragraphs) an element of ``inner``'s tag and classes among its
    children, as the chunk read has; else 0."""
    if next(element.iter("h1"), None) is not None or _titled(element):
        return 0
    if inner is not None and not any(
            e.tag == inner.tag and compatible_classes(element_classes(e), element_classes(inner))
            for e in child_elements(element)):
        return 0  # (an "About the author" or "Most read" box in a block of the body's class)
    new = read = 0
    for p in element.iter("p"):
        words = element_words(p)
        if words[:PROBE_CHARS] in known:
            read += word_count(words)  # (a pull quote of a paragraph read, or a chunk read)
        else:
            new += word_count(words)
    if new < TWIN_WORDS or new < read or not few_links(element) or reads_on(element):
        return 0
    return new


def _titled(element: HtmlElement) -> bool:
    """Above its first paragraph, ``element`` has an element whose class or id names a title
    (a next story's, "article-title", "next-title", "content-header__hed")."""
    for inner in element.iter():
        if inner.tag == "p":
            return False
        if isinstance(inner.tag, str) and _name_parts(
                {inner.get("class") or "", inner.get("id") or ""}) & _TITLE_NAMES:
            return True
    return False


def _name_parts(names: set[str] | frozenset[str]) -> set[str]:
    """The parts of class or id names, in lower case: "art-author" -> "art", "author"."""
    return {part for name in names for part in _NAME_PARTS_RE.split(name.lower()) if part}
