"""Titles: the headline among the lines above the article, checked against the page's
`<title>` (which sites suffix with their name, or reword)."""

from __future__ import annotations

import re

from neardup.clean.features import CLOSERS, WORD_RE, credit_label
from neardup.clean.lines import Line, heading_shaped
from neardup.clean.metadata.bylines import (
    BY_FIRST,
    BYLINE_RE,
    FOREIGN_BYLINE_RE,
    NAME_ROLE_RE,
    ROLE_NOUNS,
    name_before_role,
    name_in_place,
    names_before_outlet,
    names_in_capitals,
)
from neardup.clean.metadata.dates import (
    READING_TIME_RE,
    READING_TIME_WORDS,
    NotEnglish,
    is_date_line,
    line_has_date,
)
from neardup.stopwords import STOPWORDS

# Separators between the headline and the site name in a page title ("Headline | Site")
# (from the start of a run of spaces only, which it takes whole: tried from every space of a
# long run, each attempt taking the rest of it, the split took quadratic time, 14 s for a
# first line of 40,000 spaces)
_TITLE_SEP_RE = re.compile(r"(?<!\s)\s++[|–—·:-]{1,2}\s+")
#: How many lines above the article's first line are searched for its byline, date and a
#: heading-like headline (the headline found by the page's <title> is searched further up).
HEADER_LINES = 15
#: A headline line reworded in the page's <title> has at least this share of its words in it
#: ("Why you just can't trust ..." for "Why you can't trust ... - CNNPolitics").
TITLE_SHARE = 0.75
#: How many lines at the top of extracted text may precede the headline (a section label, a
#: category, a date).
TOP_TITLE_LINES = 4


def find_title(lines: list[Line], article_start: int, page_title: str | None,
               skip: set[int] | None = None, title_line: int | None = None,
               sentence_case: bool | NotEnglish = False) -> int | None:
    """Index of the headline line: the heading-like line before the article start.

    Prefers a line whose words are a prefix of the page's ``<title>`` (often the first line of
    rendered page text, "Headline - Site"), the closest to the article anywhere above it (menus,
    share buttons and teasers can put dozens of lines between the headline and the first
    paragraph), else the closest heading-like line above the article within a small window
    (not a date line, a line of numbers or a URL: :func:`_not_headline`). Lines in ``skip``
    (the byline and date lines already found) and byline-shaped lines ("By Name, Agency") are
    never the title, nor ``title_line``, the line ``page_title`` was read from (a headline may
    have its words). ``sentence_case``: a page not in English, whose headlines may be written
    like sentences (a "near" line without a full stop); the heading line right above such a
    one, a standfirst, is then the headline.
    """
    skip = skip or set()
    lo = max(0, article_start - HEADER_LINES)
    if page_title:
        pt = " ".join(WORD_RE.findall(page_title.lower()))
        longest = None  # (its longest part: "Site Name - Headline"; not the site's name)
        for i in range(article_start - 1, -1, -1):
            ln = lines[i]
            if ln.n_words < 3 or i == title_line:
                continue
            # (ln.key is the same for ASCII text, where lower-casing keeps word boundaries)
            k = ln.key if ln.text.isascii() else " ".join(WORD_RE.findall(ln.text.lower()))
            if not k:
                continue
            if pt.startswith(k):
                return i
            if longest is None:
                longest = max((_key(p) for p in _TITLE_SEP_RE.split(page_title)),
                              key=lambda p: p.count(" "))
            if k == longest:
                return i
        # (the headline reworded in the <title>: most of its content words are the title's,
        # three of them at least in its headline part, not only in its site part: "Talk to Al
        # Jazeera")
        reworded = _RewordedTitle(page_title)
        for i in range(article_start - 1, -1, -1):
            ln = lines[i]
            if ln.n_words < 4 or i in skip or i == title_line or _not_headline(ln):
                continue
            if reworded.names(ln):
                return i
    for i in range(article_start - 1, lo - 1, -1):
        ln = lines[i]
        # (heading-shaped by its features first: most lines are not, and skip the text tests)
        question = ln.terminal and ln.text.rstrip(CLOSERS).endswith("?")
        if not (
            4 <= ln.n_words <= 25
            and (not ln.terminal or question)
            # (on a page not in English, a "near" line without a full stop, a cue or a
            # sentence inside is a headline in sentence case: "La sequía obliga a restringir el
            # agua en 200 municipios", as most languages write them; not "We've detected you
            # are on Internet Explorer. For the best experience, please update". In English
            # such a line is as often a caption without a credit: "Rescuers carry a stranded
            # dolphin to a trailer in Wellfleet on Monday" was taken)
            and (ln.cls == "short" or question and ln.cls == "near"
                 or ln.cls == "near" and ln.n_sentences <= 1 and ln.cue is None
                 and sentence_case)
            and (ln.title_ratio >= 0.5 or ln.n_words >= 6)
        ):
            continue
        if not _headline_candidate(lines, i, skip, title_line):
            continue
        if i > lo and _byline_over_date(lines, i):
            # (the writers' line between the headline and the date: "Kevin Johnson and Kevin
            # McCoy USA TODAY", "Tanza Loudenback, Business Insider")
            above = lines[i - 1]
            if (heading_shaped(above)
                    and _headline_candidate(lines, i - 1, skip, title_line)):
                return i - 1
        if ln.cls == "near" and not question and i > lo:
            # (a standfirst without a full stop under its headline: the heading line right
            # above it is the headline, "Fed Holds Rates Steady ..." over "Policymakers
            # said inflation had eased ...")
            above = lines[i - 1]
            if (4 <= above.n_words <= 25 and not above.terminal
                    and above.cls in ("short", "near")
                    and _headline_candidate(lines, i - 1, skip, title_line)):
                return i - 1
        return i
    return None


def _byline_over_date(lines: list[Line], i: int) -> bool:
    """``lines[i]`` is names with their outlet or role, or a name in capitals (not a name
    alone: "Boris Johnson Resigns"), right above a date line."""
    if i + 1 >= len(lines) or not is_date_line(lines[i + 1]):
        return False
    t = lines[i].text.strip()
    m = NAME_ROLE_RE.fullmatch(t)
    return ((m is not None and len(m.group(2).split()) <= 4)
            or names_before_outlet(t) is not None or names_in_capitals(t) is not None)


def _headline_candidate(lines: list[Line], i: int, skip: set[int], title_line: int | None
                        ) -> bool:
    """``lines[i]``, heading-shaped, may be the headline: not a byline, date, credit or name,
    nor a line the title may not be (``skip``, ``title_line``)."""
    ln = lines[i]
    return not (
        i in skip
        or i == title_line
        or (ln.text.lstrip()[:1] in BY_FIRST and _byline_shaped(ln.text.strip()))
        or _not_headline(ln)
        or _credit_or_name(ln)
    )


def _credit_or_name(ln: Line) -> bool:
    """A photo credit ("Photo by Mark Wilson") or a name with its role ("Jane Doe, Staff
    Writer", "Jane Doe for CNN Business"): heading-shaped, but no headline (each was taken for
    the title of a text whose first line, its headline, read as the page's <title>)."""
    t = ln.text.strip()
    if ln.credit or credit_label(t) or t.lower().startswith(("photo by", "photograph by")):
        return True
    # (with a role noun: "Boris Johnson, Foreign Secretary, Resigns" is a headline)
    m = NAME_ROLE_RE.fullmatch(t)
    return (m is not None and len(m.group(2).split()) <= 4
            and bool(ROLE_NOUNS.intersection(w.lower().strip(",.") for w in m.group(2).split()))
            ) or name_before_role(t) is not None or name_in_place(t) is not None


def _byline_shaped(t: str) -> bool:
    return BYLINE_RE.match(t) is not None or FOREIGN_BYLINE_RE.match(t) is not None


def _not_headline(ln: Line) -> bool:
    """A date or time line ("November 20, 2019 / 1:07 AM / CBS News"), a line of numbers
    (a score or table row, "Palm Bay 18 22 13 17 — 70"), a URL or a reading time ("Reading
    Time: 3 minutes"): heading-shaped by length and missing sentence end, but never the
    headline."""
    return (
        ln.digit_ratio >= 0.3
        or "://" in ln.text
        or line_has_date(ln)
        or (ln.n_words <= READING_TIME_WORDS and READING_TIME_RE.search(ln.text) is not None)
    )


class _RewordedTitle:
    """The headline reworded in a page's <title>: most of a line's content words are the
    title's, three of them at least in its headline part, not only in its site part ("Talk to
    Al Jazeera")."""

    def __init__(self, page_title: str) -> None:
        self.title_words = _content_words(page_title)
        self.headline_words = _content_words(title_from_page_title(page_title) or page_title)

    def names(self, ln: Line) -> bool:
        words = _content_words(ln.text)
        return (len(words) >= 3 and len(words & self.title_words) >= TITLE_SHARE * len(words)
                and len(words & self.headline_words) >= 3)


def find_top_title(lines: list[Line], start: int, page_title: str | None,
                   max_lines: int = TOP_TITLE_LINES, reworded: bool = False) -> int | None:
    """Index of the headline at the top of already-extracted text, or None.

    An extractor's main text (trafilatura's) often starts with the ``<h1>`` headline, which is
    metadata, not article text. It is found by the page's ``<title>``: a line among the first
    ``max_lines`` (:data:`TOP_TITLE_LINES`) from ``start`` whose words are the title's, a
    prefix of them ("Headline" of "Headline | Site"), or one separator-delimited part ("Site -
    Headline").
    Only the title's own words count: a lead paragraph that restates the headline differs.
    ``reworded``: also a line that ends no sentence and that the title names reworded
    (:class:`_RewordedTitle`; "El Real Alcántara remonta ante el Deportivo Ribera y se mete
    en puestos de ascenso" under "Real Alcántara 3-1 Deportivo Ribera: El Alcántara remonta
    y se mete en puestos de ascenso | Segunda División | Site"), asked in page text, where a
    headline in sentence case opened the article region and a kicker above it became the
    title.
    """
    if not page_title:
        return None
    pt = _key(page_title)
    if not pt:
        return None
    parts = {_key(p) for p in _TITLE_SEP_RE.split(page_title)}
    most = pt.count(" ") + 1  # (a longer line is none of these; its key is not needed)
    named: _RewordedTitle | None = None
    for i in range(start, min(len(lines), start + max_lines)):
        ln = lines[i]
        if ln.n_words > most and not ln.cjk:
            continue
        k = _key(ln.text)
        if not k:
            continue
        # (a prefix or a part of two words or less may be a label: "Opinion", "Breaking news")
        if k == pt or ((ln.n_words >= 3 or ln.cjk) and (k in parts or pt.startswith(k + " "))):
            return i
        if (reworded and ln.n_words >= 4 and not ln.terminal and not _not_headline(ln)):
            named = named or _RewordedTitle(page_title)  # (made once, where first asked)
            if named.names(ln):
                return i
    return None


def title_from_page_title(page_title: str) -> str | None:
    """The headline part of a page's ``<title>``: its first part before a separator
    ("Headline | Section | Site" -> "Headline"), or, when that is a single word (a site name:
    "Site - Headline"), its longest part of at least 3 words; else None."""
    parts = [p.strip() for p in _TITLE_SEP_RE.split(page_title)]
    if len(WORD_RE.findall(parts[0])) >= 2:
        return parts[0]
    best = max(parts, key=lambda p: len(WORD_RE.findall(p)))
    return best if len(WORD_RE.findall(best)) >= 3 else None


def _content_words(text: str) -> set[str]:
    """The lower-cased words of ``text`` that are no function words and no numbers."""
    return {w for w in WORD_RE.findall(text.lower()) if w not in STOPWORDS and not w.isdigit()}


def _key(text: str) -> str:
    return " ".join(WORD_RE.findall(text.lower()))
