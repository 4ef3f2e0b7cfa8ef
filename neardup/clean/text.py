"""Plain-text cleaning: page text in, one clean article out. This module orders the steps;
each lives in the module of its concern.

Pipeline (each step records *why* a line goes, as :class:`RemovedSpan` offsets into the
input):

1. Lines, their features and an initial class (:mod:`~neardup.clean.lines`,
   :mod:`~neardup.clean.features`, :mod:`~neardup.clean.classify`); a Markdown text is read
   through its view (:mod:`~neardup.clean.markdown`), a transcript's timed lines as captions
   (:mod:`~neardup.clean.video`).
2. Site template, if learned: lines recurring across the site's pages become ``bad``
   (:mod:`~neardup.clean.template`). A one-line copy of the whole body (structured data) is
   a repeat. Numbered lists, data tables, questions and answers, dated lists and
   chronologies are found (:mod:`~neardup.clean.structure`); their lines count as content
   below, whatever they look like on their own. Captions closed by a credit the features do
   not know go (:mod:`~neardup.clean.captions`).
3. Article region: a maximum-sum segment over line weights (prose counts for its length,
   a short prose line without a sentence end for less, an isolated short one -- a teaser's
   shape -- for nothing, every short/boilerplate line against; a run of summaries cut off
   with an ellipsis, a box of other stories, for nothing, :mod:`~neardup.clean.teasers`).
   Navigation and headline lists are long runs of negative lines, so the article region is
   where prose is dense; other dense regions of two prose lines or more are added when they
   are nearly as strong (articles split by an inline ad block). A region takes in its lead
   paragraph above the photo's caption; a comment thread under a post does not outweigh it
   (:mod:`~neardup.clean.region`, :mod:`~neardup.clean.comments`).
4. Context smoothing inside the region (jusText-like): short lines survive when both sides are
   prose (sub-headings, list items, one-line paragraphs) and go when they hang off a
   boilerplate line (the list after "DON'T MISS", a headline before "19 hours ago"). Then
   captions above their own credit line and "Read more: <headline>" links go, an embedded
   post's attribution line stays, and a header kept at the top (headline and standfirst
   down to the byline or date) goes (:mod:`~neardup.clean.metadata.header`).
5. Comment sections: a "Comments" header in the latter part of the article, or a run of
   comment headers (author line + timestamp line, or "Name on <date> said:"), and what
   follows (:mod:`~neardup.clean.comments`); what follows the article's last paragraph and
   is no part of it: a bio, a call for letters, a press release's closing matter, a reader
   appeal (:mod:`~neardup.clean.tail`).
6. Repeats (body twice, repeated paragraph, pull quote) -- :mod:`~neardup.clean.repeats`.
7. Metadata (title, byline, dateline, date) -- :mod:`~neardup.clean.metadata`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, islice
from operator import attrgetter

from neardup.clean.captions import (
    CAPTION_CREDIT_WORDS,
    caption_with_credit,
    drop_credited_captions,
)
from neardup.clean.comments import (
    article_above_thread,
    cut_comments,
    keep_post_attributions,
)
from neardup.clean.lines import Line, analyse_records
from neardup.clean.markdown import MarkdownView, lines_at, markdown_view, source_spans
from neardup.clean.metadata import (
    find_dateline,
)
from neardup.clean.metadata.header import cut_above_headline, cut_kept_header, take_header
from neardup.clean.region import (
    LABEL_LIST_WORDS,
    article_regions,
    lead_start,
    link_label,
    smooth_region,
)
from neardup.clean.repeats import mark_body_copy, mark_repeats
from neardup.clean.structure import BULLET_RE, mark_structure, mark_table_rows
from neardup.clean.tail import cut_kept_tail
from neardup.clean.teasers import cut_teasers, teaser_runs
from neardup.clean.template import SiteTemplate, keys_of_new_lines, mark_template_lines
from neardup.clean.video import mark_timed_captions
from neardup.document import RemovedSpan

_CUE = attrgetter("cue")
_KEEP = attrgetter("keep")


@dataclass
class CleanOptions:
    """Switches and tuning knobs of the cleaner (defaults are the measured settings)."""

    keep_captions: bool = False
    keep_comments: bool = False
    #: Weight of a boilerplate line / an undecided short line in the region search (in words).
    bad_weight: float = 10.0
    short_weight: float = 3.0
    #: Another region is kept when its score is at least this share of the best one.
    extra_region_ratio: float = 0.25
    #: Weight factor of an isolated one-sentence prose line (teaser lists), see
    #: ``region.article_regions``.
    isolated_factor: float = 0.0
    #: Region weight per word of a "near" line that does not end like a sentence (0.5 for one
    #: that does), see ``region.article_regions``.
    unterminated_weight: float = 0.25
    #: How far a content-like short line (list item) is lifted towards a neutral weight.
    list_bonus: float = 0.0
    #: Conservative mode (used on extractor output, e.g. trafilatura's): no region search, only
    #: clear boilerplate lines, captions, template lines, link labels, the headline at the top
    #: (by the page title) and repeats go.
    conservative: bool = False


@dataclass
class CleanResult:
    """Clean text plus metadata; ``removed`` are offsets into ``source_text``."""

    text: str
    source_text: str
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    date: str | None = None
    removed: list[RemovedSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # (what the HTML's extraction met)


def _conservative(lines: list[Line], opts: CleanOptions) -> None:
    """Keep everything except clear boilerplate lines (for already-extracted text).

    Extractor output is mostly article already, and what looks odd in it (table rows, URLs,
    times in a live blog) is usually content; only template lines, captions and short lines
    that are mostly share/notice/appeal/comment/related cue words go, and link labels
    (:func:`~neardup.clean.region.link_label`): "Read more: <headline>" lines between the
    paragraphs, and a "You may also like" box at the end (the label and the headline-like
    lines after it), or a box of summaries cut off with an ellipsis there
    (:func:`_drop_edge_teasers`).
    """
    label_at = None
    for ln in lines:
        ln.keep = True
        label = link_label(ln)
        if label is not None:
            ln.keep, ln.reason = False, "related"
            label_at = ln.index if label == "bare" else None
            continue
        if label_at is not None and (
            ln.n_words > LABEL_LIST_WORDS or ln.cls == "good" or (ln.terminal and ln.cls != "bad")
        ):
            label_at = None  # prose after the label: it labelled something else
        if ln.cls != "bad":
            continue
        if ln.reason == "caption":
            ln.keep = opts.keep_captions
        elif ln.reason == "site-template" or (
            ln.reason in ("share", "notice", "appeal", "comments", "related", "boilerplate")
            and ln.n_words <= 8
            and (ln.cue_words * 3 >= ln.n_words or ln.reason == "boilerplate")
        ) or (ln.reason == "appeal" and ln.cue_words >= 2):
            # (a longer "appeal" line has two cue words, "subscribe ... newsletter": a
            # newsletter or membership prompt, whatever its length)
            ln.keep = False
    if label_at is not None:
        # (a bare label whose list runs to the end of the text: the box of other stories)
        for ln in lines[label_at:]:
            ln.keep, ln.reason = False, "related"
    _drop_edge_teasers(lines)
    _drop_edge_headlines(lines)


# A list of other stories' headlines that ends extracted text (its label left out by the
# extractor): at least EDGE_HEADLINES items, each in title case (EDGE_TITLE_RATIO of its
# words capitalised, EDGE_HEADLINE_WORDS words or more) and ending no sentence, right under the
# article's last paragraph (no lead-in line: a list the article introduces ends it in "...:").
EDGE_HEADLINES = 2
EDGE_TITLE_RATIO = 0.6
EDGE_HEADLINE_WORDS = 3
EDGE_AFTER_LINES = 2  # (lines that may follow it: a sign-off, an editor's note, an address)


def _edge_headline(ln: Line) -> bool:
    return (BULLET_RE.match(ln.text) is not None and not ln.terminal
            and ln.n_words >= EDGE_HEADLINE_WORDS and ln.title_ratio >= EDGE_TITLE_RATIO)


def _drop_edge_headlines(lines: list[Line]) -> None:
    """Un-keep a list of headlines that ends the text (EDGE_AFTER_LINES lines may follow it:
    "Originally published on Live Science.", an editor's note), right under a paragraph:
    space.com's and Live Science's related links ("- 15 Amazing Images of Stars", "- 11
    Fascinating Facts About Our Milky Way Galaxy"), which the AEB gold leaves out (3
    pages)."""
    kept = [ln for ln in lines if ln.keep]
    end = len(kept)
    while end and len(kept) - end < EDGE_AFTER_LINES and not _edge_headline(kept[end - 1]):
        end -= 1
    start = end
    while start > 0 and _edge_headline(kept[start - 1]):
        start -= 1
    if end - start < EDGE_HEADLINES or start == 0:
        return
    above = kept[start - 1]
    if above.cls in ("good", "near") and above.terminal and not above.text.rstrip().endswith(":"):
        for ln in kept[start:end]:
            ln.keep, ln.reason = False, "related"


def _drop_edge_teasers(lines: list[Line]) -> None:
    """A box of cut-off summaries (:func:`~neardup.clean.teasers.teaser_runs`) that ends the
    extracted text, no paragraph of the text after it and the article's own paragraphs
    above it: the extractor ran on into a box printed right after the article's body. It
    goes with the lines after it (its items' headlines, dates and "Read more")."""
    runs = teaser_runs(lines)
    if not runs:
        return
    boxed = {i for run in runs for i in run}
    prose = [ln for ln in lines if ln.cls in ("good", "near") and ln.index not in boxed]
    for run in runs:
        above = sum(ln.n_words for ln in prose if ln.index < run[0])
        if above and not any(ln.index > run[-1] for ln in prose):
            for ln in lines[run[0]:]:
                if ln.keep:
                    ln.keep, ln.reason = False, "related"
            return


def clean_text(
    text: str,
    *,
    template: SiteTemplate | None = None,
    options: CleanOptions | None = None,
    page_title: str | None = None,
) -> CleanResult:
    """Clean scraped page text; ``removed`` offsets refer to ``text`` itself.

    ``page_title``: the page's ``<title>`` when known; helps tell the headline line. A text
    with Markdown links or images is cleaned through its view (:mod:`neardup.clean.markdown`):
    links as their text, images left out, the markup recorded in ``removed``.
    """
    view = markdown_view(text)
    if view is None:
        return _clean_lines(text, template, options or CleanOptions(), page_title)
    res = _clean_lines(view.text, template, options or CleanOptions(), page_title or view.heading,
                       view)
    res.source_text, res.removed = text, source_spans(view, res.removed)
    return res


def _clean_lines(text: str, template: SiteTemplate | None, opts: CleanOptions,
                 page_title: str | None, view: MarkdownView | None = None) -> CleanResult:
    """:func:`clean_text` of ``text`` read as plain text (``view``: the Markdown view that
    ``text`` is the text of, whose tables and link-only list items it knows)."""
    # (the site-template keys of new lines are computed with their features, in one call)
    keys_of = keys_of_new_lines if template is not None else None
    lines, recs = analyse_records(text, keys_of)
    if not lines:
        return CleanResult(text="", source_text=text)
    title_line = None  # the line that is the page's <title>, not its headline
    if page_title is None and lines and _page_title_shaped(lines[0]) and not opts.conservative:
        # rendered pages start with the <title> (extracted text does not: there the first
        # line would always be taken for the headline)
        page_title, title_line = lines[0].text, 0
    mark_timed_captions(lines)
    if opts.keep_captions:
        for ln in lines:
            if ln.reason == "caption":
                ln.cls, ln.reason = "near", ""
    if template is not None:
        mark_template_lines(lines, recs, template)

    mark_body_copy(lines)
    for ln in lines:
        if ln.terminal:
            # (a one-sentence lede that opens with its dateline, "WESTFIELD, NJ — Ramen has
            # arrived in downtown Westfield.": the place's capitals made it no prose line)
            if ln.cls == "short" and ln.n_words >= 4 and find_dateline(ln.text) is not None:
                ln.cls = "near"
        elif (ln.cls != "bad" and ln.n_words <= CAPTION_CREDIT_WORDS
              and caption_with_credit(ln)):
            ln.cls, ln.reason, ln.credit = "bad", "caption", True
    comments = None  # where a comment section starts
    if opts.conservative:
        _conservative(lines, opts)
        # (an extractor's output can hold a comment thread it did not tell from the article:
        # the HTML of a short story whose comments are marked up inside its own element)
        comments = cut_comments(lines, opts.keep_comments, extracted=True)
    else:
        comments = _mark_article(lines, text, opts, view)
    cut_kept_tail(lines)

    mark_repeats(lines)

    if not opts.conservative:
        cut_above_headline(lines, page_title, title_line)
    # metadata from the header above (and at the top of) the article
    header = take_header(lines, text, page_title, title_line, comments, opts.conservative)
    dateline = None
    for ln in islice(compress(lines, map(_KEEP, lines)), DATELINE_LINES):
        # (the first paragraph's; a short line above it, "News provided by Aurion Systems,
        # Inc." over a press release, a kicker, hid it)
        dateline = find_dateline(ln.text)
        if dateline is not None or ln.cls in ("good", "near"):
            break

    return _assemble(text, lines, header.title, header.byline, dateline, header.date)


def _mark_article(lines: list[Line], text: str, opts: CleanOptions,
                  view: MarkdownView | None) -> int | None:
    """Set ``keep`` on the article's lines of a page: its regions of prose, smoothed, without
    credited captions, "Read more" links, its comment section and the page header kept
    above it. Returns where the comment section starts (None: no comments found)."""
    link_items = (lines_at(lines, view.link_items) if view is not None and view.link_items
                  else frozenset())
    content_rows = mark_structure(lines, link_items)  # (questions and answers)
    teaser_rows = cut_teasers(lines)
    if view is not None and view.tables:
        content_rows |= mark_table_rows(lines, view.tables)
    regions = article_regions(lines, opts, content_rows, teaser_rows)
    if regions and not opts.keep_comments:
        regions = article_above_thread(lines, opts, content_rows, regions, teaser_rows)
    if not regions:  # no prose at all: keep what is not clearly boilerplate
        for ln in lines:
            # (nor a list item that is one link: a box of other stories, a menu)
            ln.keep = ln.cls != "bad" and ln.index not in link_items
    for s, e in regions:
        smooth_region(lines, lead_start(lines, s), e, opts)
    if not opts.keep_captions:
        drop_credited_captions(lines)
    # (an embedded post's attribution names a handle, "(@handle)" or " @handle" after its
    # dash; "@" first: a one-character search is the faster, see markdown_view)
    if "@" in text and ("(@" in text or " @" in text):
        keep_post_attributions(lines)
    for ln in compress(lines, map(_CUE, lines)):
        # "Read more: <headline>" between the paragraphs (as in extracted text, see
        # _conservative): the link line is prose-like by its headline's words
        if ln.keep and link_label(ln) == "link":
            ln.keep, ln.reason = False, "related"
    comments = cut_comments(lines, opts.keep_comments)
    cut_kept_header(lines)
    return comments


# The dateline opens the article's first paragraph, at most this many kept lines down.
DATELINE_LINES = 3


# A page's <title> has 3 to this many words (the AEB pages' first lines: at most 24): a longer
# first line is a paragraph (a crawler's extraction that starts with the article), which was
# taken for the page's title.
PAGE_TITLE_MAX_WORDS = 30


def _page_title_shaped(ln: Line) -> bool:
    """3 to PAGE_TITLE_MAX_WORDS words, and no notice: a "Skip to main content" link first was
    taken for the page's <title>, and became the title. (A <title> with its "|" separators
    reads as a menu, so menu-like lines stay candidates.)"""
    return 3 <= ln.n_words <= PAGE_TITLE_MAX_WORDS and ln.reason != "notice"


def _default_reason(ln: Line) -> str:
    if ln.reason:
        return ln.reason
    if ln.cls in ("good", "near"):
        return "boilerplate"
    return "navigation"


def _assemble(
    text: str,
    lines: list[Line],
    title: str | None,
    byline: str | None,
    dateline: str | None,
    date: str | None,
) -> CleanResult:
    parts: list[str] = []
    add = parts.append
    removed: list[RemovedSpan] = []
    last: RemovedSpan | None = None  # removed[-1]
    gap = False
    for ln in lines:
        if ln.keep:
            if parts:
                add("\n\n" if gap or ln.blank_before else "\n")
            add(ln.text)
            gap = False
            continue
        reason = ln.reason or _default_reason(ln)
        # (the previous line went too: only whitespace lies between them, as lines are the
        # stripped non-blank lines of the text; after a kept line, its text lies between)
        if gap and last is not None and last.reason == reason:
            last.end = ln.end
        else:
            last = RemovedSpan(ln.start, ln.end, reason)
            removed.append(last)
        gap = True
    return CleanResult(
        text="".join(parts),
        source_text=text,
        title=title,
        byline=byline,
        dateline=dateline,
        date=date,
        removed=removed,
    )
