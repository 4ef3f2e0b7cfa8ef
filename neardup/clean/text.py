"""Plain-text cleaning: page text in, one clean article out.

Pipeline (each step records *why* a line goes, as :class:`RemovedSpan` offsets into the
input):

1. :func:`neardup.clean.lines.analyse`: per-line features and an initial class.
2. Site template (if learned): lines recurring across the site's pages become ``bad``.
   A one-line copy of the whole body (structured data) is a repeat. Numbered lists, data
   tables and dated lists are found (:mod:`neardup.clean.structure`); their lines count as
   content below, whatever they look like on their own.
3. Article region: a maximum-sum segment over line weights (prose counts for its length,
   a short prose line without a sentence end for less, an isolated short one -- a teaser's
   shape -- for nothing, every short/boilerplate line against). Navigation and headline
   lists are long runs of negative lines, so the article region is where prose is dense;
   other dense regions of two prose lines or more are added when they are nearly as strong
   (articles split by an inline ad block). A region takes in its lead paragraph above the
   photo's caption.
4. Context smoothing inside the region (jusText-like): short lines survive when both sides are
   prose (sub-headings, list items, one-line paragraphs) and go when they hang off a
   boilerplate line (the list after "DON'T MISS", a headline before "19 hours ago"). Then
   captions above their own credit line and "Read more: <headline>" links go, an embedded
   post's attribution line stays, and a header kept at the top (headline and standfirst
   down to the byline or date) goes.
5. Comment sections: a "Comments" header in the latter part of the article, or a run of
   comment headers (author line + timestamp line, or "Name on <date> said:"), and what
   follows.
6. Repeats (body twice, repeated paragraph, pull quote) -- :mod:`neardup.clean.repeats`.
7. Metadata (title, byline, dateline, date) -- :mod:`neardup.clean.metadata`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress, islice
from operator import attrgetter, itemgetter

from neardup.clean.features import CUES, credit_label, has_date_or_time
from neardup.clean.lines import Line, analyse_records, record_keys
from neardup.clean.markdown import markdown_view, source_spans
from neardup.clean.metadata import (
    HEADER_LINES,
    find_byline,
    find_date,
    find_dateline,
    find_far_byline,
    find_far_date,
    find_name_byline,
    find_title,
    find_top_title,
    is_date_line,
    title_from_page_title,
)
from neardup.clean.repeats import mark_body_copy, mark_repeats
from neardup.clean.structure import mark_structure, mark_table_rows
from neardup.clean.template import (
    PROSE_WORDS,
    SiteTemplate,
    keys_of_new_lines,
    known_or_new_line_keys,
)
from neardup.document import RemovedSpan

# A comment thread without a header: this many comment headers, each at most COMMENT_GAP lines
# after the previous one.
COMMENT_HEADERS = 3
COMMENT_GAP = 12
COMMENT_MIN_ARTICLE_WORDS = 80
COMMENT_AUTHOR_WORDS = 6  # a name or names ("joetoronto says:", "Anthony and Maya Ghosn")
# A comment header on one line: a name, the date and time, and the comment system's verb
# ("Milan Griffes on September 12, 2018 at 4:47 pm said:"), at most this many words.
INLINE_HEADER_WORDS = 16
_SAID_RE = re.compile(r"\b(?:says|said|wrote|writes|commented)\s*:?\s*$", re.I)
_SAID_WORDS = ("says", "said", "wrote", "writes", "commented")  # (a cheap test before it)
_SAID_ENDS = (":", *_SAID_WORDS)  # (and one yet cheaper, on the line as it is)
# A quote's lead-in in the article ("The minister said:", "On March 3, 2020, she said:"), not a
# comment system's header ("joetoronto says:", "Milan Griffes on September 12, 2018 at 4:47
# pm said:"): comment systems print a name before the verb, a lead-in has a determiner or a
# pronoun in its subject, or opens with a preposition (the date first). A timeline of such
# quotes over date lines was read as a comment thread, and the article after it went.
_LEAD_IN_WORDS = frozenset(
    "the a an this that these those his her their its our my your he she they we it i".split()
)
_LEAD_IN_OPENERS = frozenset(
    "on in at after before during when then later earlier since until by".split()
)
_WORD_RE = re.compile(r"\w+")
_TEXT = attrgetter("text")
_CUE = attrgetter("cue")
_KEEP = attrgetter("keep")
_CREDIT = attrgetter("credit")
_FIRST_CHAR = itemgetter(slice(0, 1))
_CLOSERS = "\"'”’»)]"  # (what may follow a sentence's end mark, as in features.TERMINAL_RE)
# A link label: a line that opens with a few words before a colon or an ellipsis (or is only
# those words), optionally in brackets: "Read more: <headline>", "[Related: <headline>]",
# "You may also like...". See _link_label.
_LABEL_RE = re.compile(r"^[\[(]?\s*([^:\[\]()]{1,40}?)\s*(?::|\.\.\.|…|[\])]|$)")
_SEE_MORE_RE = re.compile(r"^\w+ more$", re.I)  # "See more", "Read more", "View more"
LABEL_WORDS = 4
# Lines after a bare link label that are still its list: headline-like, at most this long.
LABEL_LIST_WORDS = 20
# A related cue opening a line of at most this many words labels a list ("Most read in world
# news"); see _list_label.
LIST_LABEL_WORDS = 6
# The summary of a teaser in a list of other stories (headline, summary...): at most this many
# words. On AEB half A such summaries have 15 to 38 words.
TEASER_SUMMARY_WORDS = 50


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
    #: Weight factor of an isolated one-sentence prose line (teaser lists), see ``_weight``.
    isolated_factor: float = 0.0
    #: Region weight per word of a "near" line that does not end like a sentence (0.5 for one
    #: that does), see ``_near_weight``.
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


# An isolated prose line (between two non-prose lines) of at most this many words counts as a
# teaser however many sentences it has: "Get Motor Cycle Monthly delivered through your
# letterbox every month. 12 issues for £11.99. Click here for more information" after an
# "Advert" line, a two-sentence standfirst, a teaser's two-sentence summary. A one-sentence
# isolated line of any length already was one. On AEB half A, 15 changes nothing and 20 to 30
# give the same (0.9358 -> 0.9391).
TEASER_LINE_WORDS = 20


def _weight(ln: Line, opts: CleanOptions, isolated: bool) -> float:
    """Region-search weight of a line, in words.

    ``isolated``: a one-sentence (or short, see TEASER_LINE_WORDS) prose line between two
    non-prose lines. That is the shape of teaser lists ("Headline / one-line summary /
    Headline / ..."), so it counts for little; article paragraphs come in runs.
    """
    if ln.in_list:
        # numbered list / table: content, whatever the line looks like on its own
        return (
            0.0
            if ln.cls == "bad"
            else max(0.5 * ln.n_words, float(ln.n_words) * (ln.cls == "good"))
        )
    if ln.cls in ("good", "near"):
        w = float(ln.n_words) if ln.cls == "good" else _near_weight(ln, opts) * ln.n_words
        if isolated and (ln.n_sentences <= 1 or ln.n_words <= TEASER_LINE_WORDS):
            w *= opts.isolated_factor
        return w
    if ln.cls == "bad":
        return -opts.bad_weight
    if ln.lower_ratio >= 0.5 and ln.n_words >= 4 and ln.cue is None:
        # content-like short line (list item, table row): close to neutral
        return -opts.short_weight + min(opts.short_weight, 0.4 * ln.n_words) * opts.list_bonus
    return -opts.short_weight


# A line that is only an image credit ("(Image credit: Blue Origin)", "Photo: Meg Kinnard, AP",
# "Sanjeev Verma/Hindustan Times/Getty Images") credits the image whose caption is the line
# before it; such a credit line has at most CREDIT_LINE_WORDS words, the caption at most
# CAPTION_MAX_WORDS. On AEB half A: 21 such pairs on 9 pages of 7 sites, every one a caption
# (its 4-gram share in the gold text 0.38 at most); a credit line that opens with words of its
# own ("Photo by ...", "WeWork chairman Marcelo Claure (Credit: ...)") is not one of these, and
# the line before it was article text in 4 of 5 cases.
CREDIT_LINE_WORDS = 10
CAPTION_MAX_WORDS = 60


def _credit_only(ln: Line) -> bool:
    """``ln`` is nothing but an image credit: bracketed, after a "Photo:" label, or names
    and agencies separated by slashes."""
    return (
        ln.credit
        and ln.n_words <= CREDIT_LINE_WORDS
        and (
            ln.text.startswith("(")
            or credit_label(ln.text)
            or (ln.lower_ratio == 0.0 and "/" in ln.text)
        )
    )


def _drop_credited_captions(lines: list[Line]) -> None:
    """A kept prose line right above a credit-only line (:func:`_credit_only`) is that
    image's caption: it goes.

    Captions carry their credit in the line itself as a rule (see ``features._CREDIT_RE``);
    galleries and some sites print it as the next line, and the caption read as a
    one-sentence paragraph. (Decided after the region search, which it leaves as it was: a
    gallery's captions between two parts of an article keep them one region.)
    """
    for i in compress(range(len(lines)), map(_CREDIT, lines)):  # (credit lines: few)
        prev = lines[i - 1]
        if (
            i > 0
            and prev.keep
            and prev.cls in ("good", "near")
            and prev.n_words <= CAPTION_MAX_WORDS
            and _credit_only(lines[i])
        ):
            prev.keep, prev.reason = False, "caption"


def _best_segment(w: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Kadane: the maximum-sum segment of ``w[lo:hi]`` as (score, start, end exclusive)."""
    best, bs, be = 0.0, lo, lo
    cur, cs = 0.0, lo
    for i in range(lo, hi):
        if cur <= 0:
            cur, cs = w[i], i
        else:
            cur += w[i]
        if cur > best:
            best, bs, be = cur, cs, i + 1
    return best, bs, be


def _near_weight(ln: Line, opts: CleanOptions) -> float:
    """Region weight per word of a "near" (short prose) line.

    A near line without a sentence end is near by its length and lower-case words alone: the
    shape of a long headline ("Flights: Passengers can fly for up to 80 percent less by
    travelling on this day"). Lists of other stories are runs of such lines after the
    article, and at half a word each they outweighed the cue and navigation lines between, so
    the region ran on into them; they count for less. Inside the article they still lie in the
    region (it is decided by the paragraphs around them) and are kept there.
    """
    return 0.5 if ln.terminal else opts.unterminated_weight


# An extra article region (see _regions) holds at least this many prose (or list) lines. A lone
# paragraph far from the article is a teaser, a standfirst or a notice ("Quotes delayed at
# least 15 minutes..."): on AEB half A, 6 of the 13 extra regions were one line, none of them
# article text; the 4 that were article text had 2 to 23 prose lines.
EXTRA_REGION_LINES = 2


def _prose_beside(lines: list[Line], prose: list[bool], i: int, step: int) -> bool:
    """Is the nearest line on side ``step`` (-1, +1) of ``lines[i]`` that is no image caption
    prose?

    A caption sits beside its image in the article's flow, not between two stories: a
    paragraph with a caption on one side and a paragraph beyond it is no isolated teaser.
    """
    j = i + step
    while 0 <= j < len(lines):
        ln = lines[j]
        if ln.cls != "bad" or ln.reason != "caption":
            return prose[j]
        j += step
    return False


def _regions(lines: list[Line], opts: CleanOptions, table_rows: frozenset[int] = frozenset()
             ) -> list[tuple[int, int]]:
    """The article regions; ``table_rows``: the lines of Markdown tables, which are content
    beside a paragraph, so that a one-sentence paragraph above a table is not isolated (the
    shape of a teaser). (Not so the tables found by their numbers, see
    neardup.clean.structure: a block of phone numbers below a short story is one.)"""
    prose = [ln.cls in ("good", "near") for ln in lines]
    for i in table_rows:
        prose[i] = True
    last = len(lines) - 1
    bad_weight = -opts.bad_weight
    unterminated = opts.unterminated_weight
    w: list[float] = []
    append = w.append
    for i, ln in enumerate(lines):
        # (_weight, with its commonest cases inline: one function call less per line)
        cls = ln.cls
        if ln.in_list:
            isolated = not _prose_beside(lines, prose, i, -1) and not _prose_beside(
                lines, prose, i, 1
            )
            append(_weight(ln, opts, isolated))
        elif cls == "good" or cls == "near":
            if cls == "good":
                x = float(ln.n_words)
            else:  # (_near_weight)
                x = (0.5 if ln.terminal else unterminated) * ln.n_words
            # (isolated: no prose on either side; _prose_beside, called only past a caption)
            if (
                (ln.n_sentences <= 1 or ln.n_words <= TEASER_LINE_WORDS)
                and not (
                    i > 0
                    and (prose[i - 1] or (lines[i - 1].reason == "caption"
                                          and _prose_beside(lines, prose, i, -1)))
                )
                and not (
                    i < last
                    and (prose[i + 1] or (lines[i + 1].reason == "caption"
                                          and _prose_beside(lines, prose, i, 1)))
                )
            ):
                x *= opts.isolated_factor
            append(x)
        elif cls == "bad":
            append(bad_weight)
        else:
            append(_weight(ln, opts, False))
    best, s, e = _best_segment(w, 0, len(w))
    if best <= 0:
        return []
    regions = [(s, e)]
    pending = [(0, s), (e, len(w))]
    while pending:
        lo, hi = pending.pop()
        if hi - lo <= 0:
            continue
        sc, s2, e2 = _best_segment(w, lo, hi)
        if sc >= max(opts.extra_region_ratio * best, 25.0):
            content = [p or ln.in_list for p, ln in zip(prose[s2:e2], lines[s2:e2], strict=True)]
            if sum(content) >= EXTRA_REGION_LINES:
                regions.append((s2, e2))
            pending += [(lo, s2), (e2, hi)]
    return sorted(regions)


# A line this short between the lead paragraph and the rest of the article is the photo's
# gallery link or name ("View all (4)", "Kate Henshaw"); see _lead_start.
LEAD_GAP_WORDS = 3
# ... or an ad's label ("Advertisement", "Story continues below advertisement"), a notice
# line of at most this many words.
LEAD_AD_WORDS = 5


def _lead_start(lines: list[Line], s: int) -> int:
    """The start of the article region that starts at ``s``, with its lead paragraph.

    An agency story's first paragraph ("LONDON (AP) — ...") often stands above the photo,
    whose caption or gallery link then separates it from the rest: one sentence between two
    non-prose lines, it weighs nothing in the region search (the shape of a teaser), and the
    region started below it. A paragraph (class ``good``) one caption or one very short line
    above the region is the article's lead.
    """
    if s < 2:
        return s
    gap, lead = lines[s - 1], lines[s - 2]
    if lead.cls != "good" or lead.keep or lead.in_list:
        return s
    if gap.cls == "bad" and (
        gap.reason == "caption" or (gap.reason == "notice" and gap.n_words <= LEAD_AD_WORDS)
    ):
        return s - 2
    if gap.cls == "short" and gap.n_words <= LEAD_GAP_WORDS and gap.cue is None:
        # (the photo's furniture, not a sub-heading: nothing else stands there)
        gap.cls, gap.reason = "bad", "caption"
        return s - 2
    return s


def _sentence_like(ln: Line) -> bool:
    """A short line that still reads like a sentence of prose ("He declined to comment.")."""
    return ln.terminal and ln.n_words >= 3 and ln.lower_ratio >= 0.5 and ln.text[:1].isupper()


def _smooth_region(lines: list[Line], s: int, e: int, opts: CleanOptions) -> None:
    """Decide every line of the region ``lines[s:e]`` (``keep`` / ``reason``)."""
    i = s
    while i < e:
        ln = lines[i]
        if ln.in_list:
            ln.keep = True
            i += 1
            continue
        if ln.cls in ("good", "near"):
            ln.keep = True
            i += 1
            continue
        if ln.cls == "bad":
            if ln.reason == "caption" and opts.keep_captions:
                ln.keep = True
            i += 1
            continue
        # a run of short lines
        j = i
        while j < e and lines[j].cls == "short" and not lines[j].in_list:
            j += 1
        before = lines[i - 1] if i > s else None
        after = lines[j] if j < e else None
        prose_before = before is not None and before.cls in ("good", "near")
        prose_after = after is not None and after.cls in ("good", "near")
        after_cue = before is not None and before.cls == "bad" and before.reason == "related"
        for k in range(i, j):
            sk = lines[k]
            if after_cue:
                sk.reason = "related"
            elif (prose_before and prose_after and j - i <= 25) or (
                _sentence_like(sk) and (prose_before or prose_after)
            ):
                sk.keep = True
            elif (
                prose_before
                and k == i
                and sk.n_words >= 3
                and after is None
                and (sk.lower_ratio >= 0.5)
            ):
                sk.keep = True  # closing line of the article at the region end
        i = j
    # a headline right after a "DON'T MISS"/"Related" cue is not article even if prose-like
    # (the label may be the line just before the region: the list after it made the region)
    for k in range(max(s, 1), e):
        prev = lines[k - 1]
        if prev.cls == "bad" and prev.reason == "related" and _list_label(prev):
            ln = lines[k]
            if ln.keep and ln.cls != "good":
                ln.keep, ln.reason = False, "related"
            _drop_label_list(lines, k, e)


def _list_label(ln: Line) -> bool:
    """A related-cue line (class ``bad``, reason ``related``) that labels a list: at most four
    words ("DON'T MISS", "Related articles"), or at most LIST_LABEL_WORDS that open with the
    cue ("Most read in world news")."""
    return ln.n_words <= 4 or (
        ln.n_words <= LIST_LABEL_WORDS and CUES["related"].match(ln.text) is not None
    )


def _headline_shaped(ln: Line) -> bool:
    """A line that may be one item of a list of other stories: at most LABEL_LIST_WORDS words,
    one sentence at most, not ended by a full stop (a headline has none, or a question mark)."""
    if ln.n_words > LABEL_LIST_WORDS or ln.n_sentences > 1:
        return False
    return not ln.terminal or ln.text.rstrip(_CLOSERS).endswith(("?", "？"))


def _drop_label_list(lines: list[Line], k: int, e: int) -> None:
    """Drop the list that a bare related label ("Most read in World") opens at ``lines[k]``:
    the headline-shaped lines from there on, up to the first line that reads as a paragraph.

    Only its first line went before; a list of 27 long headlines after "Most read" (each
    "near" by its length) then outweighed the label and the menu lines between, and the
    article region ran on to the end of the list.
    """
    pairs = 0
    while k < e:
        ln = lines[k]
        if not _headline_shaped(ln):
            # (a teaser list: headline, summary, headline, summary... A summary is dropped in
            # a run of such pairs only: one paragraph after a headline or two is the article
            # resuming after an inline box)
            if not _teaser_summary(lines, k, e) or not (
                pairs or (k + 2 < e and _teaser_summary(lines, k + 2, e))
            ):
                return
            pairs += 1
        if ln.keep:
            ln.keep, ln.reason = False, "related"
        k += 1


def _teaser_summary(lines: list[Line], k: int, e: int) -> bool:
    """``lines[k]`` may be the summary of a teaser: a short paragraph (at most
    TEASER_SUMMARY_WORDS words, two sentences) between a headline (a headline-shaped line
    that is no boilerplate: not the label, an "Advertisement" or a caption) and the next
    headline (or a boilerplate line, or the end of the region ``e``). The article's first
    paragraph after a list has a paragraph after it."""
    ln = lines[k]
    return (
        ln.cls in ("good", "near")
        and ln.n_words <= TEASER_SUMMARY_WORDS
        and ln.n_sentences <= 2
        and k > 0
        and lines[k - 1].cls != "bad"
        and _headline_shaped(lines[k - 1])
        and (k + 1 >= e or lines[k + 1].cls == "bad" or _headline_shaped(lines[k + 1]))
    )


# The attribution line under an embedded social-media post: "— Name (@handle) November 19, 2019"
# (a dash, the author and handle, the date). Short, capitalised, with a handle: it read as a
# navigation line, and the post it closes is article text. On AEB half A all 7 such lines are
# gold text; 3 of them went after a kept post.
_POST_BY_RE = re.compile(r"^[—–-]\s*\S[^()]{0,60}\(@\w+\)")
_DASH_RE = re.compile("[—–-]")
POST_BY_WORDS = 14


def _keep_post_attributions(lines: list[Line]) -> None:
    """Keep an embedded post's attribution line ("— Name (@handle) <date>") after a kept
    line: it belongs with the post above it."""
    firsts = "".join(map(_FIRST_CHAR, map(_TEXT, lines)))
    for m in _DASH_RE.finditer(firsts, 1):  # (lines opening with a dash: few)
        i = m.start()
        ln = lines[i]
        if (
            not ln.keep
            and lines[i - 1].keep
            and ln.n_words <= POST_BY_WORDS
            and _POST_BY_RE.match(ln.text) is not None
            and has_date_or_time(ln.text)
        ):
            ln.keep = True


# The article's header kept at the top of its region (headline, standfirst, then byline or
# date): at most HEADER_CUT_LINES kept lines, HEADER_CUT_WORDS words in all, above a byline or
# date line. The smoothing keeps short lines between two prose lines, so "By Laura Mowat" and
# "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: ..." stayed between the standfirst and the
# first paragraph, and the headline and standfirst above them with them. On AEB half A the cut
# takes 3 headers of 2 or 3 lines (headline, standfirst, byline or date; 56 to 63 words with
# it), their 4-gram share in the gold text 0.19 at most.
HEADER_CUT_LINES = 3
HEADER_CUT_WORDS = 60
HEADER_LINE_WORDS = 16  # (a byline or a published / updated line, see _header_line)


def _cut_kept_header(lines: list[Line]) -> None:
    """Un-keep the header at the top of the kept text: the few kept lines down to a byline or
    date line among them (the metadata step then reads it as the header it is)."""
    kept = list(islice(compress(lines, map(_KEEP, lines)), HEADER_CUT_LINES + 1))
    words = 0
    for j, ln in enumerate(kept):
        if j and _header_line(ln):
            for h in kept[: j + 1]:
                h.keep, h.reason = False, "metadata"
            return
        words += ln.n_words
        if words > HEADER_CUT_WORDS or ln.n_sentences > 2:
            return


def _header_line(ln: Line) -> bool:
    """A byline ("By Laura Mowat") or a date line ("PUBLISHED: 10:48, Tue, Nov 19, 2019 |
    UPDATED: ...", "November 20, 2019 Emiliano Bellini"); not a sentence that holds a date
    ("The vote is set for May 5, 2020."), whose words are mostly lower-case."""
    if ln.n_words > HEADER_LINE_WORDS or _sentence_like(ln):
        return False
    if ln.timestamp or (ln.lower_ratio < 0.5 and is_date_line(ln)):
        return True
    return find_byline([ln], 0, 1)[0] is not None


def _comment_header(lines: list[Line], i: int) -> bool:
    """``lines[i]`` opens one comment of a thread: a short (author) line next to a timestamp.

    Comment threads print every comment under the same little header, "name says:" plus a date
    line ("November 19, 2019 at 6:34 am"); so do teaser lists of other stories (author, date,
    summary), which go too. A live blog whose entries carry a short title over a time line
    looks the same: the rule only applies after the article's first ``COMMENT_MIN_ARTICLE_WORDS``.
    """
    ln = lines[i]
    if ln.cls != "short" or ln.n_words > COMMENT_AUTHOR_WORDS or ln.timestamp:
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is None or not nxt.timestamp or _quote_lead_in(ln.text):
        return False
    if not ln.keep:
        return not nxt.keep
    # A thread printed as a numbered list (Markdown of an <ol>: "1. joetoronto says:") is a
    # list, kept as content, with its headers and dates: a header of the comment systems'
    # shape, a name (no function word) and "says:", still opens a comment. (A list item over
    # a date line alone may be a timeline's entry; one that says "The minister said:" or "Ms
    # Marsh wrote:", a timeline of quotes: taken for a thread, the article after it went.)
    return ln.in_list and ln.stop_ratio == 0 and ln.text.rstrip().endswith("says:")



def _inline_comment_header(ln: Line) -> bool:
    """``ln`` is a comment's header on one line: a short line ending in "said:" (or "says",
    "wrote"...) with a date or a time in it. Comment systems print one over every comment;
    a quote in the article ("Smith said:") has no date in it."""
    return (
        ln.n_words <= INLINE_HEADER_WORDS
        and ln.text.rstrip(": ").lower().endswith(_SAID_WORDS)
        and _SAID_RE.search(ln.text) is not None
        and has_date_or_time(ln.text)
        and not _quote_lead_in(ln.text)
    )


def _quote_lead_in(text: str) -> bool:
    """``text`` ends in "said:" (or "says", "wrote"...) and is a quote's lead-in, not a comment
    header (see ``_LEAD_IN_WORDS``)."""
    if _SAID_RE.search(text) is None:
        return False
    words = _WORD_RE.findall(text.lower())
    first = next((w for w in words if not w.isdigit()), "")  # (after a list number)
    return first in _LEAD_IN_OPENERS or not _LEAD_IN_WORDS.isdisjoint(words)


def _mark_comments(lines: list[Line], kept_words_total: int) -> None:
    """Drop a trailing comment section: everything from its start on, in the article.

    The start is a "Comments" header line in the latter part of the article, or, for threads
    without a header, the first of at least ``COMMENT_HEADERS`` comment headers (see
    :func:`_comment_header` and :func:`_inline_comment_header`) that follow each other a few
    lines apart.
    """
    if kept_words_total <= 0:
        return
    seen = 0
    rx = CUES["comments"]
    start = None
    header = False
    run: list[int] = []
    half = 0.5 * kept_words_total
    for i, ln in enumerate(lines):
        if ln.keep and ln.cls in ("good", "near"):
            seen += ln.n_words
        # (kept_words_total includes the comments themselves: a header alone needs half of it
        # before, the structure of a thread is evidence enough after an article's first lines)
        # (on ASCII text, a line the pattern finds a comments cue in has a cue: see
        # features.line_features, whose lower-cased cue patterns include this one)
        if (
            ln.n_words <= 5
            and seen >= half
            and (ln.cue is not None or not ln.text.isascii())
            and rx.search(ln.text)
        ):
            start, header = i, True
            break
        # (the first tests of _comment_header inline: most lines fail them)
        if seen >= COMMENT_MIN_ARTICLE_WORDS and (
            ((not ln.keep or ln.in_list) and ln.cls == "short" and _comment_header(lines, i))
            or (
                ln.n_words <= INLINE_HEADER_WORDS
                and ln.text.endswith(_SAID_ENDS)
                and _inline_comment_header(ln)
            )
        ):
            if run and i - run[-1] > COMMENT_GAP:
                run = []
            run.append(i)
            if len(run) >= COMMENT_HEADERS:
                start = run[0]
                break
    if start is None:
        return
    # (after a header, everything is the comment section; a run of comment headers may also be
    # a teaser list of other stories, so lines dropped already keep their own reason)
    for later in lines[start:]:
        if later.keep or (header and not later.reason):
            later.keep, later.reason = False, "comments"


def _link_label(ln: Line) -> str | None:
    """``"bare"`` for a line that is only a link-list label ("You may also like:"), ``"link"``
    for a label followed by the linked headline ("Read more: Tencent profit falls"), else None.

    The label is a related-content cue (``CUES["related"]``) *opening* the line, or "<verb>
    more", in at most LABEL_WORDS words before a colon, ellipsis or closing bracket. A cue
    word inside a sentence ("... more than 100 were related to ...") is not at the start; a
    label of its own words ("See more photos:") is not one of these.
    """
    if ln.cue != "related" and ln.cue != "navigation":
        return None
    m = _LABEL_RE.match(ln.text)
    if m is None:
        return None
    head = m.group(1)
    if len(head.split()) > LABEL_WORDS:
        return None
    cue = CUES["related"].match(head)
    if cue is None and _SEE_MORE_RE.match(head) is None:
        return None
    if cue is not None and cue.end() < len(head) and head[cue.end() :].strip().count(" ") > 0:
        return None  # more than one word after the cue: a phrase of its own
    rest = ln.text[m.end() :].strip(" ]).")
    return "link" if rest else "bare"


def _conservative(lines: list[Line], opts: CleanOptions) -> None:
    """Keep everything except clear boilerplate lines (for already-extracted text).

    Extractor output is mostly article already, and what looks odd in it (table rows, URLs,
    times in a live blog) is usually content; only template lines, captions and short lines
    that are mostly share/notice/appeal/comment/related cue words go, and link labels
    (:func:`_link_label`): "Read more: <headline>" lines between the paragraphs, and a "You
    may also like" box at the end (the label and the headline-like lines after it).
    """
    label_at = None
    for ln in lines:
        ln.keep = True
        label = _link_label(ln)
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
                       view.tables)
    res.source_text, res.removed = text, source_spans(view, res.removed)
    return res


def _clean_lines(text: str, template: SiteTemplate | None, opts: CleanOptions,
                 page_title: str | None, tables: tuple[tuple[int, int], ...] = ()
                 ) -> CleanResult:
    """:func:`clean_text` of ``text`` read as plain text (``tables``: the spans of its
    Markdown tables, see :class:`neardup.clean.markdown.MarkdownView`)."""
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
    if opts.keep_captions:
        for ln in lines:
            if ln.reason == "caption":
                ln.cls, ln.reason = "near", ""
    if template is not None:
        # (SiteTemplate.is_template, with the thresholds computed once)
        need, prose_need = template.thresholds()
        # (the keys from the lines' records: recurring lines need no look-up of their own)
        keys = record_keys(list(map(_TEXT, lines)), recs, known_or_new_line_keys)
        prose_lines: list[Line] = []
        for i, c in template.counted_keys(keys):
            ln = lines[i]
            if ln.cls == "good" and ln.n_words >= PROSE_WORDS:
                if c >= prose_need:
                    prose_lines.append(ln)
            elif c >= need:
                ln.cls, ln.reason = "bad", "site-template"
        if prose_lines and not _template_prose_is_a_story(lines, prose_lines):
            for ln in prose_lines:
                ln.cls, ln.reason = "bad", "site-template"

    mark_body_copy(lines)
    if opts.conservative:
        _conservative(lines, opts)
    else:
        mark_structure(lines)
        table_rows = mark_table_rows(lines, tables) if tables else frozenset()
        regions = _regions(lines, opts, table_rows)
        if not regions:  # no prose at all: keep what is not clearly boilerplate
            for ln in lines:
                ln.keep = ln.cls != "bad"
        for s, e in regions:
            _smooth_region(lines, _lead_start(lines, s), e, opts)
        if not opts.keep_captions:
            _drop_credited_captions(lines)
        if "(@" in text:  # (an embedded post's attribution names a handle)
            _keep_post_attributions(lines)
        for ln in compress(lines, map(_CUE, lines)):
            # "Read more: <headline>" between the paragraphs (as in extracted text, see
            # _conservative): the link line is prose-like by its headline's words
            if ln.keep and _link_label(ln) == "link":
                ln.keep, ln.reason = False, "related"
        if not opts.keep_comments:
            total = sum([ln.n_words for ln in lines if ln.keep and ln.cls in ("good", "near")])
            _mark_comments(lines, total)
        _cut_kept_header(lines)

    mark_repeats(lines)

    # metadata from the header above (and at the top of) the article
    first = next((ln.index for ln in lines if ln.keep), 0)
    lo = max(0, first - HEADER_LINES)
    byline, by_idx = find_byline(lines, lo, first + 2)
    date, date_idx = find_date(lines, lo, first + 3)
    if opts.conservative:
        # (extracted text starts at the article's header: the headline is its first lines, if
        # there at all, and only the page's title tells it from a first sub-heading)
        title_idx = find_top_title(lines, first, page_title)
    else:
        title_idx = find_title(lines, first, page_title, skip={*by_idx, *date_idx},
                               title_line=title_line)
        if title_idx is not None and title_idx + 1 < lo:
            # (a headline further up, found by the page's <title>: its header runs from it to
            # the article, and the byline and date may sit anywhere in it)
            if byline is None:
                byline, by_idx = find_byline(lines, title_idx + 1, lo)
            if date is None:
                date, date_idx = find_date(lines, title_idx + 1, lo)
    if date is None:
        date, date_idx = find_far_date(lines, first)
    if byline is None:
        # (a "By Name" line further from the article before a name without "By": a teaser or
        # a label can look like a name)
        byline, by_idx = find_far_byline(lines, first)
    if byline is None and not opts.conservative:
        # (a name without "By", next to the headline or the date: below the headline)
        b_lo = title_idx + 1 if title_idx is not None and title_idx < first else lo
        byline, by_idx = find_name_byline(lines, b_lo, first + 2, title_idx, date_idx)
    title = lines[title_idx].text if title_idx is not None else None
    if title is None and title_line is not None and not lines[title_line].keep:
        # (no headline line: the page's <title>, the first line of the rendered page, without
        # its site name; the line itself is no article text and stays as classified. A first
        # line kept as article text is no <title>: the text starts with the article)
        title = title_from_page_title(lines[title_line].text)
    for i in [*by_idx, *date_idx, *([title_idx] if title_idx is not None else [])]:
        lines[i].keep, lines[i].reason = False, "metadata"
    first_kept = next((ln for ln in lines if ln.keep), None)
    dateline = find_dateline(first_kept.text) if first_kept else None

    return _assemble(text, lines, title, byline, dateline, date)


# The prose (paragraphs of PROSE_WORDS words or more) a site's template takes from a page:
# when it is at least TEMPLATE_STORY_LINES paragraphs and half the page's prose, it is the
# page's story itself, printed on most of the site's pages (one story under many URLs of a
# site: print, AMP, tracking variants; 10,000 one-word variants on one host made 184 stories
# of what was one), not the site's template, and removing it would leave the page without
# its article. (A template's prose is a line or two: a comment policy, an "about us".)
TEMPLATE_STORY_LINES = 3
TEMPLATE_STORY_SHARE = 0.5


def _template_prose_is_a_story(lines: list[Line], template_prose: list[Line]) -> bool:
    if len(template_prose) < TEMPLATE_STORY_LINES:
        return False
    total = sum(ln.n_words for ln in lines if ln.cls == "good" and ln.n_words >= PROSE_WORDS)
    return sum(ln.n_words for ln in template_prose) >= TEMPLATE_STORY_SHARE * total


# A page's <title> has 3 to this many words (the AEB pages' first lines: at most 24): a longer
# first line is a paragraph (a crawler's extraction that starts with the article), which was
# taken for the page's title.
PAGE_TITLE_MAX_WORDS = 30


def _page_title_shaped(ln: Line) -> bool:
    return 3 <= ln.n_words <= PAGE_TITLE_MAX_WORDS


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
