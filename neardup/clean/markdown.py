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
texts hold none: one substring test). Then these are markup too: the ``#`` marks of its
headings, the underlines of its headings ("===" and "---" lines under a line of text), and the
marks of emphasis (``*em*``, ``**strong**``, ``_em_``, ``__strong__``; not inside a word, a
link's target or code) and the backslashes that escape a mark (``\\_``). Emphasis in
underscores, as Jina Reader (turndown) and html2text write italics, made words of their own
("_Tuesday_" is one ``\\w+`` word): on the AEB pages written so, F1 0.902, now 0.925
(``--text-input markdown-underscores``), and their copies were matched to the html-text copies
with recall 0.978, now 0.989 (``bench/crawler_copies.py``).

A pipe table's borders are markup too (its rows read as html-text renders them, their cells'
words a space apart, not as menus "a | b | c"), and the spans of its data tables are kept
(``MarkdownView.tables``) for the cleaner to keep them as it keeps lists
(:func:`neardup.clean.structure.mark_table_rows`). Reference links (``[text][1]``) are left as
they are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, chain
from operator import itemgetter
from typing import TYPE_CHECKING

from neardup.document import RemovedSpan

if TYPE_CHECKING:
    from neardup.clean.lines import Line

# ![alt](src) and [text](target): the text without brackets (bounded, so that a long run of
# "[" stays linear), a link's text may hold images ("[![logo](src) Home](/)", a teaser's
# picture, title and summary, lines apart) and one level of brackets (a footnote
# "[[1]](#n1)", "[Video [2:30]](/v)"; not after a "!", so that an image in it has one reading
# only); the target without spaces (one level of parentheses inside it, as in Wikipedia URLs),
# an optional "title". The quantifiers around the target are possessive: with plain ones, a
# "(" followed by a long run of spaces and no ")" was tried in every split of the run between
# them, in quadratic time (40 KB: 14 s).
_TARGET = (r"\(\s*+<?[^\s()<>]*+(?:\([^\s()]*+\)[^\s()<>]*+)*+>?"
           r"(?:\s++(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*+\)")
_IMAGE = rf"!\[[^\[\]]{{0,1000}}\]{_TARGET}"
_IMAGE_RE = re.compile(_IMAGE)
_LINK_RE = re.compile(
    rf"{_IMAGE}"
    rf"|\[((?:{_IMAGE}|(?<!!)\[[^\[\]]{{0,200}}\]|[^\[\]]){{0,2000}})\]{_TARGET}"
    r"|(?m:^[ \t]{0,3}#{1,6}[ \t]+)(?=\S)"  # a heading's marks ("## "): markup
)


# A list item's bullet, the whole of its line before a link (the item is the link alone when
# nothing but spaces follow the link on its line, or its age: "* [Headline](/url) 4 hours
# ago", a teaser list's item), within ITEM_PREFIX_CHARS of the link
_LINK_ITEM_RE = re.compile(r"[ \t]*[*+-][ \t]+\Z")
_LINE_REST_RE = re.compile(
    r"[ \t]*(?:[|·•–—-][ \t]*)?(?:(?:\d{1,3}[ \t]*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?)[ \t]+ago|yesterday|today)[ \t]*)?(?:\n|\Z)", re.I)
ITEM_PREFIX_CHARS = 16


def _one_link_item(text: str, start: int, end: int) -> bool:
    """The link at ``text[start:end]`` is a list item's whole text. (Its line's start is
    looked for a few characters back only: a search back to the line's start for every link
    of a one-line page of 20,000 links was quadratic.)"""
    lo = max(0, start - ITEM_PREFIX_CHARS)
    newline = text.rfind("\n", lo, start)
    if newline < 0 and lo > 0:
        return False
    return (_LINK_ITEM_RE.match(text, newline + 1, start) is not None
            and _LINE_REST_RE.match(text, end) is not None)


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
    #: the pipe tables, as ``[start, end)`` spans of the view (header row to last row)
    tables: tuple[tuple[int, int], ...] = ()
    #: where the list items that are one link and nothing else start in the view ("* [Amazon
    #: deforestation hits worst level](https://...)"): a box of other stories, whose items
    #: read as text (see :func:`neardup.clean.structure.mark_structure`)
    link_items: tuple[int, ...] = ()

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
        if at <= 0:  # (an empty span at the start: up to the first piece, with the markup)
            return self.source_starts[0]
        i = bisect_right(self.view_starts, at - 1) - 1
        end = self.source_starts[i] + at - self.view_starts[i]
        if end == self.source_ends[i] and i + 1 < len(self.source_starts):
            return self.source_starts[i + 1]
        return end


def markdown_view(text: str) -> MarkdownView | None:
    """The view of ``text`` if it holds Markdown links or images, else None (headings' marks
    and emphasis are only read as markup in a text that holds links or images: a plain
    text's "#1", "# 3 in the league" or "*" is text)."""
    # ("]" first: on a text with non-ASCII characters, a one-character search is ~8x faster
    # than a search for two, and most texts have no "]")
    if "]" not in text or "](" not in text:
        return None
    markup: list[tuple[int, int]] = []
    link_items: list[int] = []  # (where the links that are a list item's all start)
    links = 0
    heading_line: tuple[int, int] | None = None  # the first "# " heading's text, as given
    fences = _fenced_blocks(text) if "```" in text or "~~~" in text else []
    fence, fence_end = 0, (fences[0][1] if fences else -1)
    for m in _LINK_RE.finditer(text):
        start, end = m.span()
        if fences:  # (code is text: a "# comment" in it is no heading, the page's headline)
            while fence_end <= start and fence + 1 < len(fences):
                fence += 1
                fence_end = fences[fence][1]
            if fences[fence][0] <= start < fence_end:
                continue
        first = text[start]
        if first in "[!" and start and text[start - 1] == "\\":
            continue  # (an escaped "\\[" opens no link: it is a bracket; a lookbehind in the
            # pattern cost a third of its search)
        text_start, text_end = m.span(1)
        if text_start < 0:  # an image, or a heading's "## ": markup
            markup.append((start, end))
            if heading_line is None and first != "!" and m.group(0).strip() == "#":
                line_end = text.find("\n", end)
                heading_line = (end, line_end if line_end >= 0 else len(text))
        else:  # a link: its text, but for the images in it
            if _one_link_item(text, start, end):
                link_items.append(start)
            markup.append((start, text_start))
            if text.find("![", text_start, text_end) >= 0:
                markup.extend(image.span()
                              for image in _IMAGE_RE.finditer(text, text_start, text_end))
            markup.append((text_end, end))
        links += first in "[!"
    if not links:  # (headings' marks only)
        return None
    gaps = _gaps(text, markup)
    rest = _markup_of_rest(text, markup, gaps, fences)
    if rest.added:
        gaps = _gaps(text, markup)
    underlined = rest.heading
    if underlined is not None and (heading_line is None or underlined[0] < heading_line[0]):
        heading_line = underlined
    kept = [(start, end) for start, end in gaps if start < end]  # the view's pieces
    if not kept:  # (nothing but markup)
        kept = [(len(text), len(text))]
    source_starts = list(map(_FIRST, kept))
    source_ends = list(map(_SECOND, kept))
    pieces = [text[start:end] for start, end in kept]
    view_starts = list(accumulate(map(len, pieces), initial=0))[:-1]
    heading = None
    if heading_line is not None:
        heading = _without(text, *heading_line, markup).strip() or None
    tables = tuple((_view_offset(kept, view_starts, start), _view_offset(kept, view_starts, end))
                   for start, end in rest.tables)
    items = tuple(_view_offset(kept, view_starts, start) for start in link_items)
    return MarkdownView("".join(pieces), markup, view_starts, source_starts, source_ends,
                        heading, tables, items)


def _view_offset(pieces: list[tuple[int, int]], view_starts: list[int], at: int) -> int:
    """The view offset of offset ``at`` of the text as given (``pieces``: the view's pieces,
    as spans of it, starting at ``view_starts`` in the view; in markup: where the view goes
    on after it)."""
    i = bisect_right(pieces, (at, _AFTER_ANY)) - 1  # (the last piece that starts at or before)
    if i < 0:
        return 0
    start, end = pieces[i]
    return view_starts[i] + min(at, end) - start


_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_AFTER_ANY = float("inf")


def _gaps(text: str, markup: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``text`` between its markup spans (sorted, apart), empty ones included:
    one before each markup span, and one after the last."""
    return list(zip([0, *map(_SECOND, markup)], [*map(_FIRST, markup), len(text)],
                    strict=True))


# Emphasis: a run of 1-3 "*" or "_" that opens a word (not after a word character, a mark or a
# backslash; before a non-space) and the same run closing it on the same line (after a
# non-space, before no word character), with no mark of its kind between them: "*em*",
# "**strong**", "_em_", "__strong__". A mark inside a word ("snake_case", "2*3*4") opens
# nothing. (The text between two marks holds none of their kind, so each search stops at the
# next mark: linear, whatever the line.)
_EMPHASIS_RE = re.compile(
    r"(?<![\w*_\\])"
    r"(?:(\*{1,3})(?=[^\s*])[^\n*]{0,2000}?(?<=[^\s*\\])\1(?![\w*])"
    r"|(_{1,3})(?=[^\s_])[^\n_]{0,2000}?(?<=[^\s_\\])\2(?![\w_]))")
# A heading's underline ("===" under a first-level heading, "---" under a second-level one)
_UNDERLINE_RE = re.compile(r"(?m)\n([ \t]{0,3}(?:={3,}|-{3,})[ \t]*)\r?$")
_CODE_RE = re.compile(r"`[^`\n]{1,1000}`")  # inline code: no emphasis inside
# A table's delimiter row ("| --- | :---: |"), under its header row: the table's pipes are cell
# borders, read as html-text reads a table (its cells' texts on one line, a space apart), so
# that a row reads as its words ("1 Kyle Busch 5040 5") and not as a menu ("a | b | c" is the
# shape of one)
_TABLE_RULE_RE = re.compile(  # (possessive: plain quantifiers made "-|-" and a long run of
    # spaces before any other character quadratic in the run, 100,000 spaces 46 s)
    r"(?m)^[ \t]{0,3}\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)++\|?[ \t]*+\r?$")
# (a row's first "|" goes with the spaces after it, the others with those before them, but
# for one space between the cells' words; a "|" with no space on either side stays, so that
# "a|b" is not read "ab". A run of spaces is only tried from its start: from each of its
# spaces, a long run that ends in no "|" was scanned again and again, quadratic in its length.)
_BORDER_RE = re.compile(
    r"(?m)^[ \t]*\|[ \t]*"
    r"|(?<![ \t])[ \t]+\|(?=[ \t]|\r?$)|(?<!\\)\|(?=[ \t]|\r?$)|(?<=[ \t])\|")
# A backslash that escapes a mark ("\\_", "\\*", "1\\."; markdownify escapes every "_" and
# "*" of the page's text, html2text a list's look-alikes): the mark is text, the backslash markup
_ESCAPE_RE = re.compile(r"\\[!-/:-@\[-`{-~]")  # (the escaped mark is consumed: "\\\\" is one)


@dataclass(frozen=True)
class _Rest:
    added: bool  # markup was added
    heading: tuple[int, int] | None  # the line of the first heading underlined with "="
    tables: list[tuple[int, int]]  # the pipe tables (header row to last row)


def _markup_of_rest(text: str, markup: list[tuple[int, int]], gaps: list[tuple[int, int]],
                    fences: list[tuple[int, int]]) -> _Rest:
    """Add to ``markup`` (in place, sorted after) the emphasis marks, the headings'
    underlines, the borders of tables and the backslashes of escapes, found outside the links
    and images already in it (``gaps``: the text between them, see :func:`_gaps`).

    They are found in a copy of ``text`` whose markup (and code) is masked, one character
    for one, by a character that is neither a space nor a word character, so that the
    marks of a link's text pair up around it ("**[Title](/t)**") and nothing in a link's
    target ("/a_b_/") pairs with anything."""
    fills = ["\x00" * (end - start) for start, end in markup]
    between = [text[start:end] for start, end in gaps[:-1]]
    view = "".join([*chain.from_iterable(zip(between, fills, strict=True)),
                    text[gaps[-1][0]:]])
    if fences:  # (code blocks are text: nothing in them is markup)
        view = "".join([view[a:b] if keep else "\x00" * (b - a)
                        for (a, b), keep in _alternating(fences, len(view))])
    if "`" in view:
        view = _CODE_RE.sub(_masked, view)
    added: list[tuple[int, int]] = []
    heading = None
    for m in _UNDERLINE_RE.finditer(view):
        line_start = view.rfind("\n", 0, m.start()) + 1
        if not view[line_start:m.start()].strip("\x00 \t"):  # under no text: a rule
            continue
        added.append(m.span(1))
        if heading is None and "=" in m.group(1):
            heading = (line_start, m.start())
    tables: list[tuple[int, int]] = []
    if "|" in view:
        added += _table_borders(view, tables)
    if "\\" in view:
        added += ((m.start(), m.start() + 1) for m in _ESCAPE_RE.finditer(view))
    after = 0
    for at in _mark_positions(view):  # (as _EMPHASIS_RE.finditer, which can only match at
        if at < after:                # one of them, but faster)
            continue
        m = _EMPHASIS_RE.match(view, at)
        if m is None:
            continue
        after = m.end()
        width = len(m.group(1) or m.group(2))
        added.append((m.start(), m.start() + width))
        added.append((m.end() - width, m.end()))
    if added:
        markup.extend(added)
        markup.sort()
    return _Rest(bool(added), heading, tables)


def _table_borders(view: str, tables: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The markup of the pipe tables of ``view``: each delimiter row whole, and the borders
    of the cells of the header row above it and of the rows below it (up to a line without
    "|"); the span (header row to last row) of each data table (see :func:`_holds_data`) goes
    to ``tables``."""
    spans: list[tuple[int, int]] = []
    after = 0
    for rule in _TABLE_RULE_RE.finditer(view):
        head_start = view.rfind("\n", 0, max(rule.start() - 1, 0)) + 1
        if rule.start() < after or not rule.start() or "|" not in view[head_start:rule.start()]:
            continue
        end = rule.end()
        while end < len(view):
            next_end = view.find("\n", end + 1)
            next_end = len(view) if next_end < 0 else next_end
            if "|" not in view[end + 1:next_end]:
                break
            end = next_end
        spans += (m.span() for m in _BORDER_RE.finditer(view, head_start, rule.start()))
        spans.append((rule.start(), min(rule.end() + 1, len(view))))  # (with its line break)
        spans += (m.span() for m in _BORDER_RE.finditer(view, rule.end(), end))
        if _holds_data(view[head_start:rule.start()], view[rule.end():end].split("\n")):
            tables.append((head_start, end))
        after = end
    return spans


# A list item's marker before a table's header row: a table inside a list item (a teaser
# list whose items are each a picture and a link in a row)
_LIST_ITEM_RE = re.compile(r"[ \t]*(?:[*+-]|\d{1,3}[.)])[ \t]")
_NESTED_RULE_RE = re.compile(r"\|[ \t]*:?-{3,}:?[ \t]*\|")
_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")
MIN_DATA_ROWS = 2


def _holds_data(header: str, rows: list[str]) -> bool:
    """Whether a pipe table holds data (results, standings, prices) rather than a page's
    layout, which crawlers write as tables too (markdownify writes every HTML table): no table
    nested in a row, no header inside a list item, and at least ``MIN_DATA_ROWS`` rows of two
    cells or more with text (a link's text counts; a picture is none: the masked view)."""
    if _LIST_ITEM_RE.match(header) or any(_NESTED_RULE_RE.search(row) for row in rows):
        return False
    full = 0
    for row in rows:
        cells = [cell for cell in _CELL_SPLIT_RE.split(row) if cell.strip("\x00 \t")]
        full += len(cells) >= 2
    return full >= MIN_DATA_ROWS


def _mark_positions(text: str) -> list[int]:
    """The positions of the "*" and "_" of ``text`` that follow no other of them, in order
    (found by ``str.find``: a regular expression's search for them took longer than all the
    rest of the view)."""
    positions = []
    for mark in "*_":
        at = text.find(mark)
        while at >= 0:
            if not at or text[at - 1] not in "*_":
                positions.append(at)
            at = text.find(mark, at + 1)
    positions.sort()
    return positions


# A fence line: three or more backticks or tildes opening a line (and the same, or more, to
# close the block)
_FENCE_RE = re.compile(r"(?m)^[ \t]{0,3}(`{3,}|~{3,})")


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """The spans of the fenced code blocks of ``text`` (fence lines included; an unclosed
    one runs to the end, as in CommonMark)."""
    blocks: list[tuple[int, int]] = []
    opened: re.Match[str] | None = None
    for m in _FENCE_RE.finditer(text):
        if opened is None:
            opened = m
        elif m.group(1)[0] == opened.group(1)[0] and len(m.group(1)) >= len(opened.group(1)):
            end = text.find("\n", m.end())
            blocks.append((opened.start(), len(text) if end < 0 else end))
            opened = None
    if opened is not None:
        blocks.append((opened.start(), len(text)))
    return blocks


def _alternating(spans: list[tuple[int, int]], size: int) -> Iterator[tuple[tuple[int, int], bool]]:
    """The pieces of ``[0, size)`` between and in ``spans`` (sorted, apart), each with
    whether it lies between them."""
    pos = 0
    for start, end in spans:
        yield (pos, start), True
        yield (start, end), False
        pos = end
    yield (pos, size), True


def _masked(m: re.Match[str]) -> str:
    return "\x00" * (m.end() - m.start())


def _without(text: str, start: int, end: int, markup: list[tuple[int, int]]) -> str:
    """``text[start:end]`` without the markup in it."""
    kept, pos = [], start
    for a, b in markup:
        if b <= pos or a >= end:
            continue
        kept.append(text[pos:a])
        pos = b
    kept.append(text[pos:end])
    return "".join(kept)


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


def lines_at(lines: list[Line], offsets: tuple[int, ...]) -> frozenset[int]:
    """The indices of the lines that hold the text offsets ``offsets`` (in a line's span): the
    lines of a view's link items, table rows, questions and answers."""
    starts = [ln.start for ln in lines]
    found = (bisect_right(starts, at) - 1 for at in offsets)
    return frozenset(i for i, at in zip(found, offsets, strict=True)
                     if i >= 0 and at < lines[i].end)
