"""Markdown from crawlers: links read as their text, images left out, before the line cleaner.

Crawlers made for language models (Firecrawl, Jina Reader, crawl4ai, html2text) write a page as
Markdown, menus included: ``* [World](https://example.com/world/)``. Read as plain text, a
link's target is words ("https example com world"), so a menu item reads as a line of six words
and an article paragraph carries every URL it links to: on the AEB pages as Markdown, the
cleaner scored F1 0.626 (markdownify) and 0.545 (html2text) where the same pages as html-text
score 0.943; read through the view below, 0.925 and 0.911 (``bench/clean_aeb.py --text-input
markdown``).

So the cleaner reads a Markdown text through its *view*: each inline link ``[text](target)`` as
its text (without the images in it), each image ``![alt](source)`` left out. The clean text is
made of the view's lines; what the view leaves out of a kept line is recorded as a removed
span with reason ``markup``, and the spans of removed lines are mapped back to the text as
given (a span that starts or ends at a link also covers the link's brackets and target), so
``removed`` still accounts for every character.

A text is read this way when it holds an inline link or image whose target has no space (most
texts hold none: one substring test); the ``#`` marks of its headings are then markup too.
Reference links (``[text][1]``) and emphasis are left as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from neardup.document import RemovedSpan

# ![alt](src) and [text](target): the text without brackets (bounded, so that a long run of
# "[" stays linear), a link's text may hold images ("[![logo](src) Home](/)", a teaser's
# picture, title and summary, lines apart); the target without spaces (one level of
# parentheses inside it, as in Wikipedia URLs), an optional "title". The quantifiers around
# the target are possessive: with plain ones, a "(" followed by a long run of spaces and no
# ")" was tried in every split of the run between them, in quadratic time (40 KB: 14 s).
_TARGET = (r"\(\s*+<?[^\s()<>]*+(?:\([^\s()]*+\)[^\s()<>]*+)*+>?"
           r"(?:\s++(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*+\)")
_IMAGE = rf"!\[[^\[\]]{{0,1000}}\]{_TARGET}"
_IMAGE_RE = re.compile(_IMAGE)
_LINK_RE = re.compile(
    rf"{_IMAGE}"
    rf"|\[((?:{_IMAGE}|[^\[\]]){{0,2000}})\]{_TARGET}"
    r"|(?m:^[ \t]{0,3}#{1,6}[ \t]+)(?=\S)"  # a heading's marks ("## "): markup
)


@dataclass(frozen=True)
class MarkdownView:
    """A Markdown text as the cleaner reads it.

    ``text``: the view (links as their text, images left out); ``markup``: the spans of the
    text as given that the view leaves out; the view is made of pieces of the text as given,
    piece ``i`` starting at ``view_starts[i]`` in the view and ``source_starts[i]`` in it."""

    text: str
    markup: list[tuple[int, int]]
    view_starts: list[int]
    source_starts: list[int]
    source_ends: list[int]
    #: the text of the first top-level heading ("# ..."): the headline, in pages written by
    #: crawlers (which leave out the <title> that html-text's rendering starts with)
    heading: str | None = None

    def source_start(self, at: int) -> int:
        """The offset in the text as given of view offset ``at`` (a span's start): at the
        start of a piece, the end of the piece before it, so that the markup between them goes
        with the span."""
        i = bisect_right(self.view_starts, at) - 1
        if at == self.view_starts[i]:
            return self.source_ends[i - 1] if i else 0
        return self.source_starts[i] + at - self.view_starts[i]

    def source_end(self, at: int) -> int:
        """The offset in the text as given of view offset ``at`` (a span's end, exclusive): at
        the end of a piece, the start of the piece after it (the markup between them goes with
        the span)."""
        i = bisect_right(self.view_starts, at - 1) - 1
        end = self.source_starts[i] + at - self.view_starts[i]
        if end == self.source_ends[i] and i + 1 < len(self.source_starts):
            return self.source_starts[i + 1]
        return end


def markdown_view(text: str) -> MarkdownView | None:
    """The view of ``text`` if it holds Markdown links or images, else None (headings' marks
    are only read as markup in a text that holds links or images: a plain text's "#1" or
    "# 3 in the league" is text)."""
    if "](" not in text:
        return None
    markup: list[tuple[int, int]] = []
    pieces: list[str] = []
    view_starts: list[int] = []
    source_starts: list[int] = []
    source_ends: list[int] = []
    size = 0

    def copy(start: int, end: int) -> None:
        nonlocal size
        if start < end:
            view_starts.append(size)
            source_starts.append(start)
            source_ends.append(end)
            pieces.append(text[start:end])
            size += end - start

    pos = links = 0
    heading = None
    for m in _LINK_RE.finditer(text):
        copy(pos, m.start())
        if heading is None and m.group(0).strip() == "#":
            end = text.find("\n", m.end())
            heading = _LINK_RE.sub(_link_text, text[m.end():end if end >= 0 else None]).strip()
        if m.group(1) is None:  # an image, or a heading's "## ": markup
            markup.append((m.start(), m.end()))
        else:  # a link: its text, but for the images in it
            markup.append((m.start(), m.start(1)))
            at = m.start(1)
            for image in _IMAGE_RE.finditer(text, at, m.end(1)):
                copy(at, image.start())
                markup.append((image.start(), image.end()))
                at = image.end()
            copy(at, m.end(1))
            markup.append((m.end(1), m.end()))
        links += text[m.start()] in "[!"
        pos = m.end()
    if not links:  # (headings' marks only)
        return None
    copy(pos, len(text))
    if not pieces:  # (nothing but markup)
        view_starts, source_starts, source_ends = [0], [len(text)], [len(text)]
    return MarkdownView("".join(pieces), markup, view_starts, source_starts, source_ends,
                        heading or None)


def _link_text(m: re.Match[str]) -> str:
    return "" if m.group(1) is None else _IMAGE_RE.sub("", m.group(1))


def source_spans(view: MarkdownView, removed: list[RemovedSpan]) -> list[RemovedSpan]:
    """``removed`` (spans of the view, in order) as spans of the text as given, with the
    markup that none of them covers as spans of their own (reason ``markup``), in order."""
    spans = [RemovedSpan(view.source_start(s.start), view.source_end(s.end), s.reason)
             for s in removed]
    starts = [s.start for s in spans]
    for start, end in view.markup:
        i = bisect_right(starts, start) - 1
        if i < 0 or spans[i].end < end:  # (not inside the removed span that starts before it)
            spans.append(RemovedSpan(start, end, "markup"))
    spans.sort(key=lambda s: (s.start, s.end))
    return spans
