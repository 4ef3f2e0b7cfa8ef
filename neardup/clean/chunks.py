"""An article body cut into chunks: trafilatura reads the first chunk alone.

trafilatura takes the first element that its body expressions match (an element of class
``article__body``, ``post-content``...) as the article. Some sites print the body in several
such elements, one after the other, with an advertisement or a newsletter box between them
(WIRED's and The New Yorker's "article chunks"; trafilatura's issues #85, #304 and #488): the
extraction then stops at the end of the first chunk, a third or half of the article.

The body is read as chunks when the element that holds the extraction's last paragraph, or
one of its containers (``<div>`` or ``<section>`` with a class, up to :data:`MAX_LEVELS` above
it, below the page's ``<article>``, ``<main>`` or ``<body>``), has *twins*: siblings of the
same tag and classes (as :func:`feeds.element_classes` compares them) that hold prose the
extraction does not have (:data:`CHUNK_WORDS` words of paragraphs that are not in the
extracted text, and more than those that are: a chunk may print a paragraph already read as a
pull quote), few links (below :data:`feeds.MAX_LINK_SHARE` of their text), no ``<h1>`` (a
story of its own) and no link to read on (a teaser). The chunk and those twins, in page order,
become one document that trafilatura reads again (as a feed's posts are); its text replaces
the first reading's when longer.

Measured (``bench/clean_aeb.py``): on AEB's 181 pages it changes two, WIRED's (recall 0.35 and
0.45 -> 0.96 and 0.98; a "More Great WIRED Stories" list of links at the last chunk's end
comes with them), and HTML recall goes from 0.977 to 0.984; of 488 other pages (the probes'
and the extractors' test pages) it finds chunks on 4, one of them a live blog whose posts are
no ``<article>`` elements (now read whole), the three others reading shorter (kept as they
were).
"""

from __future__ import annotations

from lxml.html import HtmlElement

from neardup.clean.feeds import (
    PROBE_CHARS,
    child_elements,
    element_classes,
    element_words,
    few_links,
    reads_on,
)

CHUNK_WORDS = 40  # words of new paragraphs that make a twin a chunk of the body
PROBE_WORDS = 5  # words in the extraction's last line, to find it in the page
MAX_LEVELS = 6  # containers above the last paragraph that are looked at
_LINE_TAGS = ("p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "pre", "td")
_STOP_TAGS = frozenset(("article", "main", "body", "html"))


def chunks_document(tree: HtmlElement, text: str) -> HtmlElement | None:
    """A document of one article holding the body's chunks (moved out of ``tree``) when
    ``text``, the main text read from ``tree``'s page, stops at the end of a chunk whose
    twins hold more of the article; else None."""
    last = _last_element(tree, text)
    if last is None:
        return None
    known = " ".join(text.split())
    for level, above in enumerate(last.iterancestors()):
        if level >= MAX_LEVELS or above.tag in _STOP_TAGS:
            break
        classes = element_classes(above)
        parent = above.getparent()
        if above.tag not in ("div", "section") or not classes or parent is None:
            continue
        twins = [e for e in child_elements(parent)
                 if e.tag == above.tag and element_classes(e) == classes]
        chunks = [e for e in twins if e is above or _new_chunk(e, known)]
        if len(chunks) < 2:
            continue
        document = tree.makeelement("html", {})
        body = tree.makeelement("body", {})
        # (class "post": the first element trafilatura's first expression matches)
        article = tree.makeelement("article", {"class": "post"})
        document.append(body)
        body.append(article)
        for element in chunks:
            element.tail = None
            article.append(element)
        return document
    return None


def _last_element(tree: HtmlElement, text: str) -> HtmlElement | None:
    """The innermost element of the page holding the extraction's last line of prose."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    probe = next((line for line in reversed(lines) if len(line.split()) >= PROBE_WORDS), None)
    if probe is None:
        return None
    probe = probe[:PROBE_CHARS]
    found = next((e for e in tree.iter(*_LINE_TAGS) if probe in element_words(e)), None)
    while found is not None:  # (a paragraph in a list item, in a quote: the innermost)
        inner = next((e for e in found.iter(*_LINE_TAGS) if e is not found
                      and probe in element_words(e)), None)
        if inner is None:
            return found
        found = inner
    return None


def _new_chunk(element: HtmlElement, known: str) -> bool:
    """``element`` holds :data:`CHUNK_WORDS` words of paragraphs that ``known`` (the
    extracted text) lacks, few links, no <h1> and no link to read on."""
    if next(element.iter("h1"), None) is not None:
        return False
    new = read = 0
    for p in element.iter("p"):
        words = element_words(p)
        if words[:PROBE_CHARS] in known:
            read += len(words.split())  # (a pull quote of a paragraph read, or a chunk read)
        else:
            new += len(words.split())
    if new < CHUNK_WORDS or new < read:
        return False
    return few_links(element) and not reads_on(element)
