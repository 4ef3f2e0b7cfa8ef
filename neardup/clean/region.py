"""The article region of a page's lines, and the lines inside it (steps 3 and 4 of
:mod:`neardup.clean.text`).

* :func:`article_regions`: a maximum-sum segment over line weights (prose counts for its
  length, a short prose line without a sentence end for less, an isolated short one -- a
  teaser's shape -- for nothing, every short or boilerplate line against), plus other dense
  regions of two prose lines or more that are nearly as strong (an article split by an
  inline ad block);
* :func:`lead_start`: a region takes in its lead paragraph above the photo's caption;
* :func:`smooth_region`: inside a region, short lines survive between prose lines
  (sub-headings, list items, one-line paragraphs) and go when they hang off a boilerplate
  line (the list after "DON'T MISS", a teaser list's headlines and summaries).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from neardup.clean.features import CLOSERS, CUES
from neardup.clean.lines import Line
from neardup.clean.metadata import find_byline

if TYPE_CHECKING:
    from neardup.clean.text import CleanOptions

# Lines after a bare link label that are still its list: headline-like, at most this long.
LABEL_LIST_WORDS = 20
# A related cue opening a line of at most this many words labels a list ("Most read in world
# news"); see _list_label.
LIST_LABEL_WORDS = 6
# The summary of a teaser in a list of other stories (headline, summary...): at most this many
# words. On AEB half A such summaries have 15 to 38 words.
TEASER_SUMMARY_WORDS = 50


# An isolated prose line (between two non-prose lines) of at most this many words counts as a
# teaser however many sentences it has: "Get Motor Cycle Monthly delivered through your
# letterbox every month. 12 issues for £11.99. Click here for more information" after an
# "Advert" line, a two-sentence standfirst, a teaser's two-sentence summary. A one-sentence
# isolated line of any length already was one. On AEB half A, 15 changes nothing and 20 to 30
# give the same (0.9358 -> 0.9391).
TEASER_LINE_WORDS = 20


def _list_or_other_weight(ln: Line, opts: CleanOptions) -> float:
    """Region-search weight, in words, of a line of a list or table (``in_list``) or of a
    line that is no prose and not boilerplate (the other classes are weighed in
    ``article_regions``' loop)."""
    if ln.in_list:
        # numbered list / table: content, whatever the line looks like on its own
        return (
            0.0
            if ln.cls == "bad"
            else max(0.5 * ln.n_words, float(ln.n_words) * (ln.cls == "good"))
        )
    if ln.lower_ratio >= 0.5 and ln.n_words >= 4 and ln.cue is None:
        # content-like short line (list item, table row): close to neutral
        return -opts.short_weight + min(opts.short_weight, 0.4 * ln.n_words) * opts.list_bonus
    return -opts.short_weight


# An extra article region (see article_regions) holds at least this many prose (or list)
# lines. A lone paragraph far from the article is a teaser, a standfirst or a notice ("Quotes
# delayed at least 15 minutes..."): on AEB half A, 6 of the 13 extra regions were one line,
# none of them article text; the 4 that were article text had 2 to 23 prose lines.
EXTRA_REGION_LINES = 2
EXTRA_REGION_MIN_SCORE = 25.0  # an extra region scores at least this (and the ratio of the best)


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


def article_regions(lines: list[Line], opts: CleanOptions,
                    content_rows: frozenset[int] = frozenset(),
                    teaser_rows: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """The article regions; ``content_rows``: the lines of Markdown tables and of questions
    and answers, which are content beside a paragraph, so that a one-sentence paragraph above
    them is not isolated (the shape of a teaser). (Not so the tables found by their numbers,
    see neardup.clean.structure: a block of phone numbers below a short story is one.)
    ``teaser_rows``: summaries cut off in a run at the edge of the page's prose
    (:mod:`neardup.clean.teasers`), which weigh nothing (as prose beside a line, they leave
    its weight as it is): the lines around them decide."""
    prose = [ln.cls in ("good", "near") for ln in lines]
    for i in content_rows:
        prose[i] = True
    last = len(lines) - 1
    bad_weight = -opts.bad_weight
    unterminated = opts.unterminated_weight
    w: list[float] = []
    append = w.append
    for i, ln in enumerate(lines):
        cls = ln.cls
        if ln.in_list:
            append(_list_or_other_weight(ln, opts))
        elif cls == "good" or cls == "near":
            # A near line (short prose) weighs half a word a word, and one without a sentence
            # end (the shape of a long headline: "Flights: Passengers can fly for up to 80
            # percent less by travelling on this day") ``unterminated_weight``: lists of other
            # stories are runs of such lines after the article, and at half a word each they
            # outweighed the cue and navigation lines between, so the region ran on into them.
            # Inside the article they still lie in the region (decided by the paragraphs
            # around them) and are kept there.
            if cls == "good":
                x = float(ln.n_words)
            else:
                x = (0.5 if ln.terminal else unterminated) * ln.n_words
            # An isolated line, one sentence (or short, TEASER_LINE_WORDS) with no prose on
            # either side, is the shape of teaser lists ("Headline / one-line summary /
            # Headline / ..."), so it counts for little (``isolated_factor``): article
            # paragraphs come in runs. A caption between is looked through (_prose_beside).
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
            # (a caption weighs nothing: it sits inside articles, and a one-sentence lede
            # above one was cut from the paragraphs below it; it goes all the same)
            append(0.0 if ln.reason == "caption" else bad_weight)
        else:
            append(_list_or_other_weight(ln, opts))
    for i in teaser_rows:
        w[i] = 0.0
    search = split_segments if len(w) <= SPLIT_SEARCH_LINES else maximal_segments
    found = search(w, opts.extra_region_ratio)
    if not found:
        return []
    (s, e), extras = found[0], found[1:]
    regions = [(s, e)]
    for s2, e2 in extras:
        content = [p or ln.in_list for p, ln in zip(prose[s2:e2], lines[s2:e2], strict=True)]
        if (sum(content) >= EXTRA_REGION_LINES and not _notice_block(lines[s2:e2], prose[s2:e2])
                and not _card_block(lines, prose, s2, e2)):
            regions.append((s2, e2))
    return sorted(regions)


# A teaser card's summary has its age ("7H ago 08:51") at most this many lines below it, see
# _card_block.
STAMP_BELOW = 2


def _card_block(lines: list[Line], prose: list[bool], s: int, e: int) -> bool:
    """Most of the prose lines of the extra region ``lines[s:e]`` are teaser cards'
    summaries: under a line of no prose that is no timestamp (the card's headline), with a
    timestamp line at most STAMP_BELOW lines below (the card's age). A video page's playlist
    far below a short story, summaries of two to four sentences, read as the paragraphs of a
    second article. (A chronology's, a comment thread's or a live blog's paragraphs sit
    right under their date or time line instead.)"""
    paragraphs = [i for i in range(s, e) if prose[i]]
    cards = 0
    for i in paragraphs:
        above = lines[i - 1] if i else None
        if (above is not None and not prose[i - 1] and not above.timestamp
                and any(ln.timestamp for ln in lines[i + 1:i + 1 + STAMP_BELOW])):
            cards += 1
    return cards * 2 > len(paragraphs)


# An extra region's paragraph that names at least this many different notice or appeal cues
# is the page's consent or donation notice ("We and our partners store and/or access
# information on a device, such as cookies ... click to consent", "... supporting our
# independent journalism ... Every contribution ... Support The Sentinel"): such a block of
# them, far from the article, was kept as a second article region on pages whose story is
# short. (Not in the article's own region: a story about privacy rules names them too.)
NOTICE_CUES = 2
#: The words of a reader appeal (also what tail._cut_kept_appeal looks for)
APPEAL_TERMS = (r"support(?:ing)? (?:us|our|independent)|journalism|contributions?|"
                r"donat(?:e|ion|ions)|subscri(?:be|ption|bers?)|readers like you|"
                r"our journalists?")
_NOTICE_RE = re.compile(
    r"\b(?:cookies?|consent|personal data|personali[sz]ed|(?:our|third[- ]party) partners|"
    rf"preferences|privacy|tracking|analytics|advertis(?:ing|ers?)|{APPEAL_TERMS})\b", re.I)


def _notice_block(lines: list[Line], prose: list[bool]) -> bool:
    """Most of the prose lines of ``lines`` are notices (see NOTICE_CUES)."""
    paragraphs = [ln for ln, p in zip(lines, prose, strict=True) if p]
    notices = sum(len({m.group(0).lower() for m in _NOTICE_RE.finditer(ln.text)}) >= NOTICE_CUES
                  for ln in paragraphs)
    return notices * 2 > len(paragraphs)


# Pages of at most this many lines take split_segments, a few times faster than
# maximal_segments on pages of a few hundred lines (6 against 22 µs); at its worst, thousands
# of regions in a row, splitting such a page costs some 50 ms. Both find the same segments.
SPLIT_SEARCH_LINES = 2000


def _best_segment(w: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Kadane: the maximum-sum segment of ``w[lo:hi]`` as (score, start, end exclusive), the
    first of equal sums (and the shortest)."""
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


def split_segments(w: list[float], ratio: float) -> list[tuple[int, int]]:
    """What :func:`maximal_segments` finds, by splitting: the best segment, then the best of
    what lies on either side of each segment found while it scores at least
    ``max(ratio * best, EXTRA_REGION_MIN_SCORE)``. Quadratic when many segments come one after
    the other: for short pages only."""
    best, s, e = _best_segment(w, 0, len(w))
    if best <= 0:
        return []
    found = [(s, e)]
    pending = [(0, s), (e, len(w))]
    while pending:
        lo, hi = pending.pop()
        if hi <= lo:
            continue
        sc, s2, e2 = _best_segment(w, lo, hi)
        if sc >= max(ratio * best, EXTRA_REGION_MIN_SCORE):
            found.append((s2, e2))
            pending += [(lo, s2), (e2, hi)]
    return found


def maximal_segments(w: list[float], ratio: float) -> list[tuple[int, int]]:
    """The best segment of ``w`` (the maximum sum; the first and shortest of equal ones), then
    the other segments scoring at least ``max(ratio * best, EXTRA_REGION_MIN_SCORE)`` that
    splitting finds: the best segment of what lies on either side of each segment found, and so
    on. Splitting is quadratic when many segments come one after the other (a 1 MB text of
    12,000 short paragraphs between menus took 35 s); this finds the same segments in linear
    time, as the maximal scoring subsequences of ``w`` (Ruzzo and Tompa, "A linear time
    algorithm for finding all maximal scoring subsequences", ISMB 1999), which are what
    splitting finds when it goes on down to any positive score. (The tests check it against
    splitting.)

    With ``P`` the sums of ``w`` before each position, a positive element opens a segment
    ``[s, e)`` scored from ``L = P[s]`` to ``R = P[e]``; going back over the open segments
    for the last one with ``L_j < L``, the new one swallows it and all after it when
    ``R_j < R`` (and looks again), else it is kept beside them. Each open segment points to the
    one that search found for it, so searches skip the segments between: linear overall.
    Kept apart on ties: ``R_j >= R`` and ``L_j >= L`` (a segment with a part of score 0 at an
    end is no maximal one, as the splitting's best segment is the shortest of equal ones).
    """
    starts: list[int] = []
    ends: list[int] = []
    lows: list[float] = []
    highs: list[float] = []
    back: list[int] = []  # per open segment: the last one before it with a lower L, or -1
    total = 0.0
    for i, x in enumerate(w):
        if x <= 0:
            total += x
            continue
        start, low = i, total
        total += x
        while True:
            j = len(lows) - 1
            while j >= 0 and lows[j] >= low:
                j = back[j]
            if j < 0 or highs[j] >= total:
                starts.append(start)
                ends.append(i + 1)
                lows.append(low)
                highs.append(total)
                back.append(j)
                break
            start, low = starts[j], lows[j]
            del starts[j:], ends[j:], lows[j:], highs[j:], back[j:]
    if not starts:
        return []
    scores = [h - lo for h, lo in zip(highs, lows, strict=True)]
    best = max(scores)
    first = scores.index(best)
    least = max(ratio * best, EXTRA_REGION_MIN_SCORE)
    return [(starts[first], ends[first])] + [
        (starts[k], ends[k]) for k in range(len(scores)) if k != first and scores[k] >= least]


# A line this short between the lead paragraph and the rest of the article is the photo's
# gallery link or name ("View all (4)", "Kate Henshaw"); see lead_start.
LEAD_GAP_WORDS = 3


# ... or an ad's label ("Advertisement", "Story continues below advertisement"), a notice
# line of at most this many words.
LEAD_AD_WORDS = 5


def lead_start(lines: list[Line], s: int) -> int:
    """The start of the article region that starts at ``s``, with its lead paragraph.

    An agency story's first paragraph ("LONDON (AP) — ...") often stands above the photo,
    whose caption or gallery link then separates it from the rest: one sentence between two
    non-prose lines, it weighs nothing in the region search (the shape of a teaser), and the
    region started below it. A paragraph (class ``good``) one caption or one very short line
    above the region is the article's lead.
    """
    if s < 2:
        return s
    if s >= 3 and _photo_link_and_credit(lines, s):
        if not _lead_paragraph(lines[s - 3]):
            return s
        for ln in lines[s - 2:s]:
            ln.cls, ln.reason = "bad", "caption"
        return s - 3
    gap, lead = lines[s - 1], lines[s - 2]
    if not _lead_paragraph(lead):
        return s
    if gap.cls == "bad" and (
        gap.reason == "caption" or (gap.reason == "notice" and gap.n_words <= LEAD_AD_WORDS)
    ):
        return s - 2
    if _photo_furniture(gap):
        # (the photo's furniture, not a sub-heading: nothing else stands there)
        gap.cls, gap.reason = "bad", "caption"
        return s - 2
    if gap.reason == "site-template" and (
            (gap.own_cls == "short" and gap.n_words <= LEAD_GAP_WORDS and gap.cue is None)
            or (gap.cue == "notice" and gap.n_words <= LEAD_AD_WORDS)):
        # (the same, when the site prints it on many pages: "Continue reading below", an ad
        # label, under every lede; as the template's line it had cut the lede off)
        return s - 2
    return s


# A photo's link: "View this image ›", "Enlarge this image" (not a gallery's "View gallery",
# "14 photos", "Slideshow": a standfirst or a promo stands above those)
_IMAGE_LINK_RE = re.compile(r"\b(?:view|enlarge|see|open)\s+(?:this\s+)?(?:image|photo|picture)\b",
                            re.I)


def _photo_link_and_credit(lines: list[Line], s: int) -> bool:
    """Are the two lines above ``lines[s]`` a photo's link and its credit ("View this image ›"
    over "West Mercia Police")? Not a writer's name and role under a standfirst ("By Jamelle
    Bouie" or "Alan Rees" over "Opinion Columnist" or "PA Media"), a section's label and
    "Updated" under another story's teaser, nor a gallery's link."""
    pair = lines[s - 2:s]
    return (all(map(_photo_furniture, pair))
            and any(_IMAGE_LINK_RE.search(ln.text) is not None for ln in pair)
            and find_byline(lines, s - 2, s)[0] is None)


def _lead_paragraph(ln: Line) -> bool:
    return ln.cls == "good" and not ln.keep and not ln.in_list


def _photo_furniture(ln: Line) -> bool:
    """A very short line between the lead paragraph and the rest: a photo's gallery link,
    name or credit."""
    return ln.cls == "short" and ln.n_words <= LEAD_GAP_WORDS and ln.cue is None


def sentence_like(ln: Line) -> bool:
    """A short line that still reads like a sentence of prose ("He declined to comment.")."""
    return ln.terminal and ln.n_words >= 3 and ln.lower_ratio >= 0.5 and ln.text[:1].isupper()


def smooth_region(lines: list[Line], s: int, e: int, opts: CleanOptions) -> None:
    """Decide every line of the region ``lines[s:e]`` (``keep`` / ``reason``)."""
    i = s
    texts: Counter[str] | None = None  # (the region's lines' texts, counted when needed)
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
            if (ln.reason == "caption" and opts.keep_captions) or _cued_sub_heading(lines, i):
                ln.keep = True
            i += 1
            continue
        # a run of short lines
        # (a line of the site's template or an ad's label in or beside the run is looked
        # through: it goes, but it says nothing of where the article is: an in-article
        # "Related: <headline>" or "ADVERTISEMENT" cut the sub-heading or list items next to
        # it off the article; not a list's label, "DON'T MISS", whose list goes)
        j = i
        while j < e and ((lines[j].cls == "short" and not lines[j].in_list)
                         or _looked_through(lines[j])):
            j += 1
        while _looked_through(lines[j - 1]):
            j -= 1
        b = i - 1
        while b >= s and _looked_through(lines[b]):
            b -= 1
        a = j
        while a < e and _looked_through(lines[a]):
            a += 1
        before = lines[b] if b >= s else None
        after = lines[a] if a < e else None
        if (j - i == 1 and before is not None and _in_flow(before) and ln.n_words >= 2
                and ln.digit_ratio == 0 and ln.cue is None):
            # (one line of words under an image's caption or an inline link, a sub-heading,
            # is between the paragraphs around them; not a gallery's "Image 4 of 5", a
            # credit's "Getty")
            b = i - 2
            while b >= s and _in_flow(lines[b]):
                b -= 1
            before = lines[b] if b >= s else None
        # (a list's lines are content as a paragraph is: its heading between a paragraph
        # and the list, "What to pack", and a last item of another shape, are in the flow)
        prose_before = before is not None and (before.cls in ("good", "near") or before.in_list)
        prose_after = after is not None and (after.cls in ("good", "near") or after.in_list)
        # (after a list's label, "Most read"; not after a link of its own, "Read more: <its
        # headline>", under which a sub-heading went as its list)
        after_cue = (before is not None and before.cls == "bad" and before.reason == "related"
                     and _list_label(before))
        # (past an ad's label, a line the page prints again and again is the ad's furniture,
        # no sub-heading: Postmedia's "Article content" under each "Advertisement")
        ad_beside = any(map(_ad_label, lines[b + 1:i])) or any(map(_ad_label, lines[j:a]))
        if ad_beside and texts is None:
            texts = Counter(ln.text for ln in lines[s:e])  # (once a region: pages of
            # thousands of ad labels and short lines stay linear)
        for k in range(i, j):
            sk = lines[k]
            if sk.reason == "site-template" or (texts is not None and ad_beside
                                                 and _repeated(sk, texts)):
                continue
            if after_cue:
                sk.reason = "related"
            elif (prose_before and prose_after and j - i <= 25) or (
                sentence_like(sk) and (prose_before or prose_after)
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
    _keep_post_titles(lines, s, e)
    # a headline right after a "DON'T MISS"/"Related" cue is not article even if prose-like
    # (the label may be the line just before the region: the list after it made the region)
    for k in range(max(s, 1), e):
        prev = lines[k - 1]
        if prev.cls == "bad" and prev.reason == "related" and _list_label(prev):
            ln = lines[k]
            if ln.keep and ln.cls != "good":
                ln.keep, ln.reason = False, "related"
            if _LINK_LABEL_RE.fullmatch(prev.text) is None:
                _drop_label_list(lines, k, e)


# An inline link's label with its colon, its headline on the next line ("Read more:" over
# "Salisbury man jailed after ...": as text nodes, the link is its own line): the label of one
# headline, no list's. A court roundup's names and cases under it went as a teaser list.
_LINK_LABEL_RE = re.compile(r"\s*(?:read more|read also|also read|see also|more|related)\s*:\s*",
                            re.I)


# A live blog's posts in the region: a title (one short line, no sentence end) right under a
# post's time line and right over its text; at least this many of them, as one title under a
# time line is as often a teaser's headline.
POST_TITLES = 2


def _keep_post_titles(lines: list[Line], s: int, e: int) -> None:
    found = [k for k in range(s + 1, e - 1)
             if lines[k].cls == "short" and not lines[k].keep and not lines[k].terminal
             and lines[k].n_words >= 2 and lines[k].cue is None
             and lines[k - 1].timestamp and lines[k - 1].cls == "bad"
             and lines[k + 1].keep and lines[k + 1].cls in ("good", "near")]
    if len(found) >= POST_TITLES:
        for k in found:
            lines[k].keep, lines[k].reason = True, ""


# A sub-heading holding a navigation word between two paragraphs is the article's ("What
# happens next", "Next steps", "The next generation", "An Hour From Help"): short and with
# that word, it read as a menu line. Not a line that is a navigation phrase whole ("Back to
# top", "Next page", "Home").
CUED_HEADING_WORDS = 6


def _cued_sub_heading(lines: list[Line], i: int) -> bool:
    ln = lines[i]
    return (ln.reason == "navigation" and ln.cue == "navigation" and ln.cue_words == 1
            and 2 <= ln.n_words <= CUED_HEADING_WORDS and ln.digit_ratio == 0
            and 0 < i < len(lines) - 1
            and lines[i - 1].cls == "good" and lines[i + 1].cls == "good"
            and CUES["navigation"].fullmatch(ln.text.strip(" .!?:")) is None)


def _in_flow(ln: Line) -> bool:
    """An image's caption, or an inline link with its headline ("LEGGI ANCHE <headline>",
    not a list's label): boilerplate that sits between an article's paragraphs."""
    return ln.cls == "bad" and (ln.reason == "caption" or (
        ln.reason == "related" and not _list_label(ln)))


def _looked_through(ln: Line) -> bool:
    """A line the smoothing looks through: one of the site's template that is no list's label
    (see :func:`_in_flow`), or an ad's label ("Advertisement", "Continue Reading Below"); the
    short lines beside it are judged by the lines beyond it (a quote table under
    foxbusiness's "Continue Reading Below" went as the label's list)."""
    return ((ln.reason == "site-template" and not (ln.cue == "related" and _list_label(ln)))
            or _ad_label(ln))


def _repeated(ln: Line, texts: Counter[str]) -> bool:
    """``ln``'s text, words without a number, is on another line of the region too
    (``texts``: the region's lines' texts counted; a table's cells, "50 weeks", repeat in
    its rows)."""
    return ln.digit_ratio == 0 and texts[ln.text] > 1


def _ad_label(ln: Line) -> bool:
    """An ad's label between paragraphs: a notice line of at most LEAD_AD_WORDS words that
    names the ad or the story going on below it."""
    return (ln.reason == "notice" and ln.n_words <= LEAD_AD_WORDS
            and _AD_LABEL_RE.search(ln.text) is not None)


_AD_LABEL_RE = re.compile(r"\b(?:advertisement|advert|ad|sponsored|continues below|"
                          r"continue reading below)\b", re.I)


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
    return not ln.terminal or ln.text.rstrip(CLOSERS).endswith(("?", "？"))


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


# A link label: a line that opens with a few words before a colon or an ellipsis (or is only
# those words), optionally in brackets: "Read more: <headline>", "[Related: <headline>]",
# "You may also like...". See link_label.
_LABEL_RE = re.compile(r"^[\[(]?\s*([^:：\[\]()|]{1,40}?)\s*(?::|：|\.\.\.|…|[\])|]|$)")
# ... or a label followed by the linked headline with only a space between ("Read More
# Landlords leaving market at fastest rate", "RELATED: ..." without its colon)
_SPACED_LABEL_RE = re.compile(
    r"^(?i:read more|related|related articles?|related stories|also read|see also)"
    r"\s+(?=[A-Z\"“‘'])")
_SEE_MORE_RE = re.compile(r"^\w+ more$", re.I)  # "See more", "Read more", "View more"
LINK_LABEL_WORDS = 4


def link_label(ln: Line) -> str | None:
    """``"bare"`` for a line that is only a link-list label ("You may also like:"), ``"link"``
    for a label followed by the linked headline ("Read more: Tencent profit falls"), else None.

    The label is a related-content cue (``CUES["related"]``) *opening* the line, or "<verb>
    more", in at most LINK_LABEL_WORDS words before a colon, ellipsis or closing bracket. A cue
    word inside a sentence ("... more than 100 were related to ...") is not at the start; a
    label of its own words ("See more photos:") is not one of these.
    """
    if ln.cue != "related" and ln.cue != "navigation":
        return None
    if not ln.terminal and (spaced := _SPACED_LABEL_RE.match(ln.text)) is not None:
        return "link" if ln.text[spaced.end():].strip() else "bare"
    m = _LABEL_RE.match(ln.text)
    if m is None:
        return None
    head = m.group(1)
    if len(head.split()) > LINK_LABEL_WORDS:
        return None
    cue = CUES["related"].match(head)
    if cue is None and _SEE_MORE_RE.match(head) is None:
        # ("More: <headline>", the Gannett papers' link between paragraphs; not a sentence
        # after it, "More: the team scored twice.")
        if head.lower() != "more" or ln.terminal or m.end() == len(ln.text):
            return None
        return "link"
    if cue is not None and cue.end() < len(head) and head[cue.end() :].strip().count(" ") > 0:
        return None  # more than one word after the cue: a phrase of its own
    rest = ln.text[m.end() :].strip(" ]).")
    return "link" if rest else "bare"
