"""The article's header: its title, byline and date, found among the lines around the
article's first line, in the order that tells them apart (a headline is no byline, a
teaser's byline above the headline is not the article's); their lines then leave the text
(reason ``metadata``). A header the region search kept at the top of the article (headline,
standfirst, byline or date) is taken off it first (``cut_kept_header``)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, islice
from operator import attrgetter

from neardup.clean.classify import addresses_the_reader
from neardup.clean.features import CLOSERS, SENTENCE_CUES
from neardup.clean.lines import Line
from neardup.clean.metadata.bylines import (
    among_bylines,
    date_line_byline,
    find_bio_byline,
    find_byline,
    find_far_byline,
    find_name_byline,
    writer_bios,
)
from neardup.clean.metadata.dates import (
    FAR_ABOVE,
    READING_TIME_RE,
    READING_TIME_WORDS,
    DayFirst,
    NotEnglish,
    find_date,
    find_far_date,
    is_date_line,
    parse_date,
)
from neardup.clean.metadata.titles import (
    HEADER_LINES,
    find_title,
    find_top_title,
    title_from_page_title,
)
from neardup.clean.region import sentence_like

_KEEP = attrgetter("keep")


@dataclass
class Header:
    title: str | None
    byline: str | None
    date: str | None


def take_header(lines: list[Line], text: str, page_title: str | None, title_line: int | None,
                comments: int | None, conservative: bool) -> Header:
    """Find the article's title, byline and date in ``lines`` (the cleaner's, with ``keep``
    set on the article's lines) and mark the lines they came from as ``metadata``, out of the
    text. ``title_line``: the line that is the page's ``<title>`` (a rendered page's first
    line), ``comments``: where a comment section starts (no commenter's name or date is the
    article's); ``conservative``: the text is an extracted article (no header of a page)."""
    first = next((ln.index for ln in lines if ln.keep), 0)
    # (the article's first line may be its headline, named by the page's <title>: one in
    # sentence case over a standfirst reads as prose, and the nearest heading above it, a
    # "Most read" teaser, was taken for the title)
    top_title = (find_top_title(lines, first, page_title, 1, reworded=True)
                 if page_title and not conservative else None)
    if top_title == first and top_title != title_line:
        first = next((ln.index for ln in lines[first + 1:] if ln.keep), first)
    else:
        top_title = None
    lo = max(0, first - HEADER_LINES)
    byline, by_idx = find_byline(lines, lo, first + 2)
    if byline is None and conservative:
        # (an extraction that opens with its date line ending in the writer: "5:45 AM PST
        # 11/19/2019 by Patrick Shanley" stayed as the text's first line)
        byline, by_idx = _dated_byline(lines, first, first + 2)
    # (a page not in English reads "3/12/2024" day first and writes headlines in sentence
    # case; asked only by such a date or headline)
    not_english = NotEnglish(text)
    day_first = DayFirst(text, not_english)  # (its own dates may say so: "17/11/2019")
    date, date_idx, date_at = find_date(lines, lo, first + 3, day_first)
    if conservative:
        # (extracted text starts at the article's header: the headline is its first lines, if
        # there at all, and only the page's title tells it from a first sub-heading)
        title_idx = find_top_title(lines, first, page_title)
    else:
        title_idx = top_title if top_title is not None else find_title(
            lines, first, page_title, skip={*by_idx, *date_idx}, title_line=title_line,
            sentence_case=not_english)
        if title_idx is not None and lo <= title_idx:
            # (a byline or date above the headline is a teaser's or the masthead's when the
            # header below the headline has its own: "By Mark Potter / Nov. 12, 2019" over
            # another story's headline, then the article's headline, "By Jane Doe")
            if by_idx and by_idx[0] < title_idx:
                below, below_idx = find_byline(lines, title_idx + 1, first + 2)
                if below is not None:
                    byline, by_idx = below, below_idx
                elif among_bylines(lines, by_idx[0]):
                    # (a list of other stories above the headline, each with its writer,
                    # on a page whose story has none: "* By Clara Benson · 21 hours ago")
                    byline, by_idx = None, []
            # (also a teaser's date on its headline's line: "Feb 24, 2024 Why egg prices are
            # climbing again" in a "Latest" list above the headline)
            if date_at is not None and date_at < title_idx:
                below, below_idx, _ = find_date(lines, title_idx + 1, first,  # (in the header)
                                                day_first)
                if below is not None:
                    date, date_idx = below, below_idx
        if title_idx is not None and title_idx + 1 < lo:
            # (a headline further up, found by the page's <title>: its header runs from it to
            # the article, and the byline and date may sit anywhere in it)
            if byline is None:
                byline, by_idx = find_byline(lines, title_idx + 1, lo)
            if date is None:
                date, date_idx, _ = find_date(lines, title_idx + 1, lo, day_first)
    # (not from a comment section: a commenter's name or date is not the article's)
    far = lines if comments is None else lines[:comments]
    if date is None:
        date, date_idx = find_far_date(far, first, day_first)
    if byline is None:
        # (a "By Name" line further from the article before a name without "By": a teaser or
        # a label can look like a name)
        byline, by_idx = find_far_byline(far, first, title_idx)
    if byline is None and not conservative:
        # (a name without "By", next to the headline or the date: below the headline. Not in
        # extracted text: there the line under the headline is as often a kicker, a topic or
        # a place, "Kamala Harris", "Health Care", "Salt Lake City", taken for bylines when
        # tried on 2026-12-05)
        b_lo = title_idx + 1 if title_idx is not None and title_idx < first else lo
        byline, by_idx = find_name_byline(lines, b_lo, first + 2, title_idx, date_idx)
        if byline is None and title_idx is not None:
            byline, by_idx = _byline_under_copy(lines, title_idx)
        if byline is None:
            byline, by_idx = find_bio_byline(lines)
    title = lines[title_idx].text if title_idx is not None else None
    if title is None and title_line is not None and not lines[title_line].keep:
        # (no headline line: the page's <title>, the first line of the rendered page, without
        # its site name; the line itself is no article text, and its span says it gave the
        # title. A first line kept as article text is no <title>: the text starts with the
        # article)
        title = title_from_page_title(lines[title_line].text)
        if title:
            lines[title_line].reason = "metadata"
    for i in [*by_idx, *date_idx, *([title_idx] if title_idx is not None else [])]:
        lines[i].keep, lines[i].reason = False, "metadata"
    if byline is not None:
        # (the writer's bio closing the article, "Meg James is a corporate media reporter for
        # the Los Angeles Times ...": the header's, as the byline is)
        for i in writer_bios(lines, byline):
            lines[i].keep, lines[i].reason = False, "metadata"
    # (the header's reading time, "Tempo de leitura: 2 minutos", "5 min read": an extraction
    # kept it as the text's first line)
    for ln in lines[lo:first + 3]:
        if (ln.keep and ln.n_words <= READING_TIME_WORDS
                and READING_TIME_RE.search(ln.text) is not None):
            ln.keep, ln.reason = False, "metadata"
    return Header(title, byline, date)


def _dated_byline(lines: list[Line], lo: int, hi: int) -> tuple[str | None, list[int]]:
    """A kept date line among ``lines[lo:hi]`` that ends with its writer's name
    (:func:`date_line_byline`)."""
    for ln in lines[lo:hi]:
        if ln.keep and not ln.terminal and parse_date(ln.text) is not None:
            name = date_line_byline(ln.text)
            if name is not None:
                return name, [ln.index]
    return None, []


#: How far above the headline (lines) an earlier copy of it is looked for, and how many
#: lines under that copy may hold its byline (see _byline_under_copy)
COPY_ABOVE = FAR_ABOVE
COPY_HEADER_LINES = 4


def _byline_under_copy(lines: list[Line], title_idx: int) -> tuple[str | None, list[int]]:
    """The byline under an earlier copy of the headline: pages that print it twice (a
    gallery's or a sticky bar's copy nearer the article, "PG&E begins new mass power shutoff"
    over "1 / 23", "Back to Gallery") put the byline under one copy only ("JANIE HAR",
    "Nov. 20, 2019")."""
    key = lines[title_idx].key
    for j in range(title_idx - 1, max(-1, title_idx - COPY_ABOVE), -1):
        if lines[j].key == key and not lines[j].keep:
            lo, hi = j + 1, j + 1 + COPY_HEADER_LINES
            byline, idx = find_byline(lines, lo, hi)
            if byline is None:
                byline, idx = find_name_byline(lines, lo, hi, j, [])
            if byline is not None:
                return byline, idx
    return None, []


#: How many of the article's first kept lines are searched for its headline (see
#: cut_above_headline)
HEADLINE_KEPT_LINES = 30


def cut_above_headline(lines: list[Line], page_title: str | None, title_line: int | None
                       ) -> None:
    """Un-keep what the region search kept above the article's headline: a list of other
    stories right above it ("Latest", "* Jan 30, 2024 Oil rises after surprise draw in US
    crude stocks", as Markdown writes it: a bulleted list weighs as content). The headline is
    the first line, kept or not, that the page's ``<title>`` names (:func:`find_top_title`)
    between the first and the HEADLINE_KEPT_LINES-th kept line; what is kept above it goes
    when it holds no paragraph of prose (a standfirst or a lede above the headline says the
    article started) and fewer words than the kept text below it."""
    if not page_title:
        return
    kept = list(islice(compress(lines, map(_KEEP, lines)), HEADLINE_KEPT_LINES))
    if len(kept) < 2:
        return
    # (the headline kept or not: the region may take the list and the body around a header
    # it left out)
    start = kept[0].index + 1
    i = find_top_title(lines, start, page_title, kept[-1].index - start)
    if i is None or i == title_line:
        return
    above = [a for a in kept if a.index < i]
    # (a paywall's or newsletter's prompt above the headline, "You have 3 free articles
    # remaining this month. Subscribe for $1 a week.", is no lede)
    if any(a.cls == "good" and not a.in_list and not _prompt(a) for a in above):
        if _menu_between(lines, above[-1].index, i) and _body_under(lines, i):
            for a in above:
                a.keep, a.reason = False, "headline-list"
        return
    below = sum(b.n_words for b in lines[i + 1:] if b.keep)
    if sum(a.n_words for a in above) < below:
        for a in above:
            a.keep, a.reason = False, "headline-list"


def _prompt(ln: Line) -> bool:
    return ln.cue in SENTENCE_CUES and addresses_the_reader(ln.text)


# Teasers kept above the headline (see _menu_between): at least MENU_LINES lines of a menu
# between them and the headline, each of at most MENU_WORDS words; and the article's first
# kept line at most BODY_UNDER lines under the headline (its date, byline, tags between).
MENU_LINES = 2
MENU_WORDS = 3
BODY_UNDER = 4


def _menu_between(lines: list[Line], last: int, headline: int) -> bool:
    """Between the last kept line above the headline and the headline: MENU_LINES or more
    lines, none kept, every one a menu's item or label ("More", "CBS Entertainment") or the
    header's own kicker. Teaser cards run into their summaries ("Say Cheese? Detroit's Top 3
    Cheese Shops Wondering where to find ...") read as prose, and a site's mega-menu puts them
    among its items above a short article; a lede or standfirst above the headline touches it
    (or is a line of its own header, not a menu's)."""
    between = lines[last + 1:headline]
    return (len(between) >= MENU_LINES
            and sum(b.n_words <= MENU_WORDS for b in between) >= MENU_LINES
            and not any(b.keep or b.cls in ("good", "near") for b in between))


def _body_under(lines: list[Line], headline: int) -> bool:
    """The article starts under the headline: a kept line of prose at most BODY_UNDER lines
    down (not a later copy of the headline above a body the repeat step left out)."""
    return any(b.keep and b.cls in ("good", "near")
               for b in lines[headline + 1:headline + 1 + BODY_UNDER])


# The article's header kept at the top of its region (headline, standfirst, then byline or
# date): at most HEADER_CUT_LINES kept lines, HEADER_CUT_WORDS words in all, above a byline or
# date line. The smoothing keeps short lines between two prose lines, so "By Laura Mowat" and
# "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: ..." stayed between the standfirst and the
# first paragraph, and the headline and standfirst above them with them. On AEB half A the cut
# takes 3 headers of 2 or 3 lines (headline, standfirst, byline or date; 56 to 63 words with
# it), their 4-gram share in the gold text 0.19 at most.
HEADER_CUT_LINES = 3
HEADER_CUT_WORDS = 60
HEADER_CUT_SENTENCES = 3
HEADER_LINE_WORDS = 16  # (a byline or a published / updated line, see _header_line)


def cut_kept_header(lines: list[Line]) -> None:
    """Un-keep the header at the top of the kept text: the few kept lines down to a byline or
    date line among them (the metadata step then reads it as the header it is)."""
    kept = list(islice(compress(lines, map(_KEEP, lines)), HEADER_CUT_LINES + 1))
    words = sentences = 0
    for j, ln in enumerate(kept):
        # (a chronology's date heading is the article's own: see neardup.clean.structure)
        if j and not ln.credit and not ln.in_list and _header_line(ln):
            for h in kept[: j + 1]:
                h.keep, h.reason = False, "metadata"
            return
        words += ln.n_words
        sentences += ln.n_sentences
        # (a headline and a standfirst have three sentences at most: two paragraphs of two
        # above a caption that held a date went as the header, 2026-12-06)
        if words > HEADER_CUT_WORDS or sentences > HEADER_CUT_SENTENCES:
            return


def _header_line(ln: Line) -> bool:
    """A byline ("By Laura Mowat") or a date line ("PUBLISHED: 10:48, Tue, Nov 19, 2019 |
    UPDATED: ...", "November 20, 2019 Emiliano Bellini"); not a sentence that holds a date
    ("The vote is set for May 5, 2020."), whose words are mostly lower-case, nor a
    timeline's entry ("March 29, 2017: Prime Minister Theresa May triggers Article 50."),
    whose capitals made it no sentence: taken for the header's date line, it took the
    article's lead paragraph above it as header."""
    if ln.n_words > HEADER_LINE_WORDS or sentence_like(ln) or _ends_a_sentence(ln.text):
        return False
    if ln.timestamp or (ln.lower_ratio < 0.5 and is_date_line(ln)):
        return True
    return find_byline([ln], 0, 1)[0] is not None


def _ends_a_sentence(text: str) -> bool:
    """``text`` ends with a full stop after words (not an "a.m." or "p.m." of a time)."""
    end = text.rstrip(CLOSERS)
    return end.endswith(".") and not end.lower().endswith(("a.m.", "p.m.", "..."))
