"""Whether the author trafilatura read off a page's markup is another story's: the writer of a
teaser card in a list of other stories; and the page's own byline then.

trafilatura takes the page's author from its meta tags and JSON-LD first, else from the first
element of the body whose class or id says "author" or "byline". A page with no writer of its
own (a wire story, a press release, a programme's page) often has teaser cards with their
writers' bylines ("By Sam Ortega" under "Former mayor launches bid for Congress" in a "Latest"
strip), and the first of them became the page's author: a held-out probe's 20 pages without a
writer had 14 such authors. Here the author stands when the markup names it in a meta tag or
in JSON-LD, or prints it anywhere outside a teaser: an element whose class or id names a card,
tile, teaser, promo, related or recirculation box. (No element counts by its tag: WordPress
themes print the post's byline in the article's ``<footer class="entry-footer">``, an author
box may be an ``aside``, a signed-in user's name sits in the ``nav``.) When it is a teaser's, the
page's own byline is the first element so classed outside such boxes (``own_byline``).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

# Class or id words of the boxes of other stories (as whole words of the attribute: "card",
# "story-card", "c-teaser__byline"; not "discard", "scarde")
_TEASER_BOX_RE = re.compile(
    r"(?:^|[\s_-])(?:cards?|tiles?|teasers?|promos?|related|recirc\w*|more-stories|"
    r"latest|trending|popular|most-read|read-next|up-next|rail|carousel)(?:$|[\s_-])",
    re.I)
# (how far up from the element that prints the name a box is looked for)
MAX_DEPTH = 8


def teasers_author(tree: HtmlElement, author: str) -> bool:
    """``author`` (trafilatura's, its first name if it lists several) is printed in the page
    ``tree`` only inside boxes of other stories, and named by no meta tag or JSON-LD."""
    name = re.split(r"[;,]", author)[0].strip()
    if not name:
        return False
    for script in tree.iter("script"):
        if "ld+json" in (script.get("type") or "") and name in (script.text or ""):
            return False
    for meta in tree.iter("meta"):
        if name in (meta.get("content") or ""):
            return False
    printed = tree.xpath("//body//*[text()[contains(., $name)]]", name=name)
    return bool(printed) and all(_in_teaser_box(el) for el in printed)


def _in_teaser_box(el: HtmlElement) -> bool:
    """``el`` or one of its MAX_DEPTH nearest ancestors below the article is classed as a
    box of other stories (the element itself: "<p class='tile-byline'>")."""
    for depth, node in enumerate([el, *el.iterancestors()]):
        if depth > MAX_DEPTH or node.tag in ("article", "main", "body"):
            return False
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if _TEASER_BOX_RE.search(names) is not None:
            return True
    return False


# An element that prints a byline: its class or id says so (trafilatura's main author paths)
_BYLINE_XPATH = ("//body//*[contains(@class, 'byline') or contains(@class, 'author') "
                 "or contains(@id, 'byline') or contains(@id, 'author') or @rel='author']")
#: A byline's text is at most this long (an author box's bio is no byline)
MAX_BYLINE_CHARS = 80


def own_byline(tree: HtmlElement) -> str | None:
    """The text of the first element outside the boxes of other stories whose class or id
    says "byline" or "author", when it is a short line; else None. (Its "By" is taken off
    where trafilatura's author's is: ``neardup.clean.html.page_metadata``.)"""
    for el in tree.xpath(_BYLINE_XPATH):
        if _in_teaser_box(el):
            continue
        text = " ".join(el.text_content().split())
        if 3 <= len(text) <= MAX_BYLINE_CHARS and any(c.isalpha() for c in text):
            return text
    return None
