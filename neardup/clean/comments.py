"""Comment sections at the end of an article (step 5 of :mod:`neardup.clean.text`).

A section starts at a "Comments" header in the latter part of the article, or, in threads
printed without one, at the first of a run of comment headers: an author line over a
timestamp line ("joetoronto says:" / "November 19, 2019 at 6:34 am"), or one line with both
("Milan Griffes on September 12, 2018 at 4:47 pm said:"). Everything from there on goes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from neardup.clean.classify import OPENING_QUOTES, addresses_the_reader
from neardup.clean.features import CLOSERS, CUES, WORD_RE
from neardup.clean.lines import Line, shape_class
from neardup.clean.metadata.dates import only_a_date, parse_date
from neardup.clean.region import article_regions
from neardup.clean.stamps import (
    MONTH_NAMES,
    POST_BY_RE,
    POST_DASHES,
    bare_date_or_age,
    has_date_or_age,
    has_date_or_time,
)
from neardup.clean.structure import close_runs

if TYPE_CHECKING:
    from neardup.clean.text import CleanOptions

# A comment thread without a header: this many comment headers, each at most COMMENT_GAP lines
# after the previous one.
COMMENT_HEADERS = 3
COMMENT_GAP = 12
COMMENT_MIN_ARTICLE_WORDS = 80
POST_TITLE_WORDS = 14  # a live blog post's heading, at most
COMMENT_AUTHOR_WORDS = 6  # a name or names ("joetoronto says:", "Anthony and Maya Ghosn")
# A comment header on one line: a name, the date and time, and the comment system's verb
# ("Milan Griffes on September 12, 2018 at 4:47 pm said:"), at most this many words.
INLINE_HEADER_WORDS = 16
# (possessive spaces: with "\s*:?\s*$" a long run of spaces after the verb and not at the end
# of the line was tried at every split between the two runs, quadratic: 100,000 took 20 s)
_SAID_RE = re.compile(r"\b(?:says|said|wrote|writes|commented)\s*+(?::\s*+)?$", re.I)
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


def _comment_header(lines: list[Line], i: int) -> bool:
    """``lines[i]`` opens one comment of a thread: a short (author) line next to a timestamp.

    Comment threads print every comment under the same little header, "name says:" plus a date
    line ("November 19, 2019 at 6:34 am"); so do teaser lists of other stories (author, date,
    summary), which go too. A live blog whose entries carry a short title over a time line
    looks the same: the rule only applies after the article's first ``COMMENT_MIN_ARTICLE_WORDS``.
    """
    ln = lines[i]
    if shape_class(ln) != "short" or ln.n_words > COMMENT_AUTHOR_WORDS or ln.timestamp:
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if (nxt is None or not (nxt.timestamp or _other_date_line(nxt))
            or _quote_lead_in(ln.text) or _day_line(ln.text)
            or _RESULT_TIME_RE.fullmatch(nxt.text) is not None):
        return False
    if POST_BY_RE.match(ln.text) is not None:
        return False
    if _titles_a_post(lines, i + 2):
        return False
    if ln.reason == "site-template" and not _own_text_below(lines, i + 2):
        # (a comment has its own text under its header: a box of the site's titles over
        # dates, or its menu lines over "Updated ..." lines, in the middle of an article, is
        # the template's lines one after the other, and taken for a thread it cut the article)
        return False
    if not ln.keep:
        return not nxt.keep
    # A thread printed as a numbered list (Markdown of an <ol>: "1. joetoronto says:") is a
    # list, kept as content, with its headers and dates: a header of the comment systems'
    # shape, a name (no function word) and "says:", still opens a comment. (A list item over
    # a date line alone may be a timeline's entry; one that says "The minister said:" or "Ms
    # Marsh wrote:", a timeline of quotes: taken for a thread, the article after it went.)
    return ln.in_list and ln.stop_ratio == 0 and ln.text.rstrip().endswith("says:")


# A time to the second alone on its line ("2:10:44", "1:02:33.4") is a race's or a match's
# result, and a number with two decimals ("13.01") a table's cell, no commenter's time
# (comment systems print a date, "am"/"pm" or an age with it): a results table printed one
# cell a line, a country over each runner's time, was read as commenters over their times,
# and the paragraphs under the table went as their thread.
_RESULT_TIME_RE = re.compile(r"\s*(?:\d{1,2}:\d\d:\d\d(?:[.,]\d+)?|\d+\.\d\d)\s*")


def _own_text_below(lines: list[Line], j: int) -> bool:
    """``lines[j]`` is prose of the page's own, not of the site's template."""
    return j < len(lines) and lines[j].cls in ("good", "near")


# A commenter's date line in another language ("3. April 2022 um 15:02", "12 mars 2019 à
# 14 h 02"): the timestamp feature knows English dates only, and a German blog's thread under
# "Name schrieb:" over such dates stayed with the post (a probe's: precision 0.30). Only
# here: as timestamps everywhere, they took the entries of chronologies and diaries in those
# languages for a headline list's (tried and taken out, docs/cleaning.md).
OTHER_DATE_LINE_WORDS = 8


def _other_date_line(ln: Line) -> bool:
    return ln.n_words <= OTHER_DATE_LINE_WORDS and not ln.terminal and only_a_date(ln.text)


def _day_line(text: str) -> bool:
    """``text`` names a day ("Tuesday 11 March", "March 11"): a live blog's day heading
    over its first post's time, no commenter's name."""
    words = WORD_RE.findall(text.lower())
    return any(w in MONTH_NAMES for w in words) and any(w.isdigit() for w in words)


def _titles_a_post(lines: list[Line], i: int) -> bool:
    """``lines[i]``, under a time line, is the heading of a live blog's post: a short line
    that ends in no sentence mark, then prose at once or under one more short line (its
    byline). The line above a post's time line (a share label, "Link kopieren", or the last
    teaser of a box between posts) and that time line look like a commenter over a comment's
    timestamp; a comment has its text under its timestamp, with no heading."""
    if i + 1 >= len(lines):
        return False
    ln = lines[i]
    if ln.cls != "short" or ln.terminal or ln.timestamp or ln.n_words > POST_TITLE_WORDS:
        return False
    return any(after.cls == "good" for after in lines[i + 1:i + 3])


def _inline_comment_header(ln: Line) -> bool:
    """``ln`` is a comment's header on one line: a short line ending in "said:" (or "says",
    "wrote"...) with a date or a time in it, or a name, the verb and "on" or "at" the date
    ("northshoremom wrote on 5/5/2006 9:40 PM:"). Comment systems print one over every
    comment; a quote in the article ("Smith said:") has no date in it."""
    if ln.n_words > INLINE_HEADER_WORDS:
        return False
    if ln.text.rstrip(": ").lower().endswith(_SAID_WORDS):
        return (_SAID_RE.search(ln.text) is not None and has_date_or_age(ln.text)
                and not _quote_lead_in(ln.text) and not _more_than_a_name(ln.text))
    verb_date = _VERB_DATE_RE.fullmatch(ln.text)
    return (verb_date is not None and has_date_or_age(verb_date.group(2))
            and not _lead_in_words([*_subject_words(verb_date.group(1)), "said"]))


# What comes before " on " or " at " and the date in a header that ends with its verb: the
# commenter's name ("Milan Griffes", "Catherine (GiveWell)"), no clause with commas. A
# transcript's speaker over each turn ("Sen. Mills at 10:14 am said:") names a time and no
# day, and an oral history's ("Ruth Okafor, 81, interviewed on June 4, 2019, said:") an age
# and a verb: each read as a thread, they cut the rest of the page (a probe's transcript and
# oral history, recall 0.25 and 0.37).
_NAME_BEFORE_DATE_RE = re.compile(r"(.*?)\s(?:on|at)\s", re.I)


def _more_than_a_name(text: str) -> bool:
    name = _NAME_BEFORE_DATE_RE.match(text)
    return name is not None and "," in name.group(1)


# "<name> wrote on <date>:" (the verb before the date), the whole line a name, the verb and
# the date or time, with a colon or nothing after it
_VERB_DATE_RE = re.compile(
    r"(\S.{0,60}?)\s+(?:says|said|wrote|writes|commented|posted)\s++(?:on|at)\s++"
    r"([\w ,./:-]{4,40}?)\s*+:?\s*+", re.I)


def _quote_lead_in(text: str) -> bool:
    """``text`` ends in "said:" (or "says", "wrote"...) and is a quote's lead-in, not a comment
    header (see ``_LEAD_IN_WORDS``)."""
    if _SAID_RE.search(text) is None:
        return False
    return _lead_in_words(_subject_words(text))


def _subject_words(text: str) -> list[str]:
    return [w for w in WORD_RE.findall(text) if not w.isdigit()]  # (after a list number)


def _lead_in_words(words: list[str]) -> bool:
    """The words of a line before and with its verb ("The minister said") are a quote's
    lead-in, not a commenter's name and the verb."""
    if not words:
        return False
    first = words[0].lower()
    if first in _LEAD_IN_OPENERS or first in MONTH_NAMES:  # (or the date first: "March 3,
        return True  # 2023 — Reynolds said:"; comment systems put the name first)
    # a determiner or pronoun in lower case ("the minister"), or first before a lower-case
    # word or the verb ("The minister said:", "She said:"); capitalised, it is part of a
    # commenter's name ("My Two Cents on ... said:", "Her Majesty")
    if any(w in _LEAD_IN_WORDS for w in words[1:]):
        return True
    return first in _LEAD_IN_WORDS and (len(words) == 1 or words[1][:1].islower()
                                        or words[1].lower() in _SAID_WORDS)


def _sentence_about_comments(text: str, rx: re.Pattern[str]) -> bool:
    """A short sentence of the article with a comments cue word in it ("A spokeswoman
    declined to comment.", "Smith did not reply."), not a comment section's header
    ("Comments", "Leave a Reply", "Comments are closed."): it ends like a sentence and its
    cue is not its first word. As a header it cut the rest of the article. A quotation is
    someone's words in the article, even when they read as the reader's ("“No comment,” she
    said.", "“We have no further comment.”": a probe's paragraph of that kind, put in the middle
    of 145 AEB articles, took everything after it as comments, recall 0.973 -> 0.78)."""
    body = text.lstrip("[(#*-• ")
    return (text.rstrip(CLOSERS).endswith((".", "!")) and rx.match(body) is None
            and not body[:1].isdigit()  # ("3 comments.", "Leave a comment.", "Post a comment!")
            and (body[:1] in OPENING_QUOTES or not addresses_the_reader(body)))



# A comment system's header above less than half of the kept words starts the section when
# the thread is there below it (_thread_below, _thread_covers) and at least
# HEADER_MIN_ARTICLE_WORDS of the article are above it. A short story under a longer thread
# kept the thread: its header was above half of the kept words, the comments being most of
# them (a probe of 16 such pages: precision 0.21-0.88 on 13; docs/cleaning.md).
HEADER_MIN_ARTICLE_WORDS = 40
# The header must be a comment system's: the word with a count, alone on the line or after
# at most two words ("12 Comments", "Comments (8)", "Kommentare (5)", "8 Responses", "Reader
# Comments (3)"). An article's sub-headings ("Discussion", "Comments filed", "Public
# comments"), a page's tabs and share bars ("Updates | Discussion", "Share · 7 Comments")
# and a sidebar's "Recent Comments" box carry no count or more than it, and dated lines
# under them were a docket, a diary, letters, a live blog, a blog's list of comments on its
# other posts: a probe written against the rule lost those articles to it (recall 0.85 ->
# 0.60) before it asked this.
_THREAD_WORD = (r"(?:comments?|responses|replies|kommentare|commentaires|comentarios|"
                r"comentários|commenti|reacties|kommentarer|komentarze|komentarzy|yorumlar)")
_COUNTED_HEADER_RE = re.compile(
    rf"[\W_]*(?:\w+\s+){{0,2}}(?:\d+\s+{_THREAD_WORD}|{_THREAD_WORD}\s*[(\[]\s*\d+\s*[)\]])"
    r"[\W_]*", re.I)
# Below it, THREAD_STAMPS comments' time lines with their commenters among the next
# COMMENT_GAP lines (a time line: a short line with a date or an age) ...
THREAD_STAMPS = 2
THREAD_STAMP_WORDS = 12
# ... and at least THREAD_COVER_SHARE of the kept prose of the next THREAD_COVER_WINDOW lines
# within THREAD_COVER_LINES lines of such a time line
THREAD_COVER_LINES = 3
THREAD_COVER_SHARE = 0.7
THREAD_COVER_WINDOW = 300
# Facebook's comments plugin, on many news sites, ages each comment in its action line, in
# a unit letter: "Like · Reply · 14 · 17h", "Like · Reply · 2y"
_ACTIONS_AGE_RE = re.compile(r"\b(?:like|reply)\b.*\b\d{1,2}\s?[smhdwy]$", re.I)


def _thread_below(lines: list[Line], i: int, memo: dict[int, int]) -> bool:
    """Below ``lines[i]``: THREAD_STAMPS comments' time lines and a comment's text (prose)
    among the next COMMENT_GAP lines, with at most one line of prose before the first time
    line (a policy, or a comment whose header was lost), and no time line over a post's
    title. Not the article going on below a "Comments" link, nor a live blog's posts under
    one."""
    stamps = prose = 0
    for j in range(i + 1, min(i + 1 + COMMENT_GAP, len(lines))):
        ln = lines[j]
        # (a date or an age: comment systems print one over every comment, a live blog a
        # time alone over its posts, "9:05 pm"; the dates of other languages too, "27
        # janvier 2020 à 14 h 31")
        if _commenters_stamp(lines, j, i, memo):
            if (ln.cue != "comments" and _titles_a_post(lines, j + 1)
                    and lines[j + 1].n_words >= 2):
                # (a live blog's post under its time: "9:05 pm Maggie Dunne" over "Gable
                # declares victory in sheriff race" over its text, below a "Comments (34)"
                # link between the blog's intro and its posts; not a comment's "Permalink",
                # nor the next commenter's name under a "Like · Reply · 2d" line)
                return False
            stamps += 1
        elif ln.cls in ("good", "near"):
            prose += 1
            if prose > 1 and not stamps:
                return False
        if prose and stamps >= THREAD_STAMPS:
            return True
    return False


def _is_stamp(ln: Line) -> bool:
    """A comment's time line (see _thread_below)."""
    return ln.n_words <= THREAD_STAMP_WORDS and (
        has_date_or_age(ln.text) or parse_date(ln.text) is not None
        or _ACTIONS_AGE_RE.search(ln.text.rstrip()) is not None)


def _commenters_stamp(lines: list[Line], j: int, i: int, memo: dict[int, int]) -> bool:
    """``lines[j]`` is a comment's time line with its commenter: a name on it
    ("harborwatcher • 12 hours ago", "Submitted by X on ..."), or a name line one or two
    lines above it (below ``lines[i]``, the header): "Name says:" over the date, Blogger's
    name over the comment over the date. A date or an age alone over each entry is a live
    blog's ("hace 4 minutos") or a diary's. ``memo``: line index -> 0 (no time line), 1 (a
    time line alone), 2 (with a name on it), for the headers of one page."""
    kind = memo.get(j)
    if kind is None:
        ln = lines[j]
        kind = memo[j] = 0 if not _is_stamp(ln) else 1 if bare_date_or_age(ln.text) else 2
    if kind != 1:
        return kind == 2
    return any(_name_line(lines[k]) for k in range(max(i + 1, j - 2), j))


def _name_line(ln: Line) -> bool:
    return (shape_class(ln) == "short" and ln.n_words <= COMMENT_AUTHOR_WORDS and not ln.timestamp
            and ln.cue is None)


def _thread_covers(lines: list[Line], i: int, memo: dict[int, int]) -> bool:
    """Most (THREAD_COVER_SHARE) of the kept prose words of the THREAD_COVER_WINDOW lines
    below ``lines[i]`` are within THREAD_COVER_LINES lines of a commenter's time line:
    comments, each under its date. Not an article
    going on below a few dated entries (a travel post's "Update — 2 March 2020" lines under a
    "3 Comments" link, then its day-by-day route)."""
    end = min(len(lines), i + 1 + THREAD_COVER_WINDOW)  # (bounded: a page of headers)
    stamps = [j for j in range(i + 1, end) if _commenters_stamp(lines, j, i, memo)]
    covered = total = 0
    for j in range(i + 1, end):
        ln = lines[j]
        if not ln.keep or ln.cls not in ("good", "near"):
            continue
        total += ln.n_words
        k = bisect_left(stamps, j - THREAD_COVER_LINES)
        if k < len(stamps) and stamps[k] <= j + THREAD_COVER_LINES:
            covered += ln.n_words
    return total > 0 and covered >= THREAD_COVER_SHARE * total


# An embedded post's card counts its replies in a button ("Copy link Read 842 replies",
# "Read 1.2K replies", as a rendered tweet prints it), or has its buttons in a row ("6,498
# Reply Copy link"): no header of the page's comments (a story quoting three posts was cut
# at the first one's)
_EMBED_REPLIES_RE = re.compile(r"\b(?:read|view|see)\s+[\d.,]+[km]?\s+repl(?:y|ies)\b|"
                               r"\breply\s+copy\s+link\b", re.I)


def _post_card_button(lines: list[Line], i: int) -> bool:
    """``lines[i]`` is a post card's button, on its line or with the next one ("Reply" over
    "Copy link", as text nodes print a rendered tweet's buttons)."""
    text = lines[i].text if i + 1 == len(lines) else f"{lines[i].text} {lines[i + 1].text}"
    return _EMBED_REPLIES_RE.search(text) is not None


def comment_section(lines: list[Line], kept_words_total: int, *, extracted: bool = False
                    ) -> tuple[int, bool] | None:
    """Where a trailing comment section starts in the article, and whether at a header line;
    None when there is none. ``extracted``: the lines are an extractor's article text (the
    conservative cleaning), where a header needs the thread's time lines below it whatever
    its place (a report's "Comments" and "Reply" sub-headings are in such texts).

    The start is a "Comments" header line in the latter part of the article, or, for threads
    without a header, the first of at least ``COMMENT_HEADERS`` comment headers (see
    :func:`_comment_header` and :func:`_inline_comment_header`) that follow each other a few
    lines apart.
    """
    if kept_words_total <= 0:
        return None
    seen = 0
    rx = CUES["comments"]
    run: list[int] = []
    names: set[str] = set()  # the author lines of the run's two-line headers
    two_line: set[int] = set()  # where two-line headers are
    stamp_memo: dict[int, int] = {}  # (see _commenters_stamp)
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
            and (ln.cue is not None or not ln.text.isascii())
            and rx.search(ln.text)
            and not _sentence_about_comments(ln.text, rx)
            and not _post_card_button(lines, i)
            and ((seen >= half and not extracted)
                 # (comments longer than the story above them, which "half" counts in: the
                 # header counts when the thread's time lines follow it)
                 or (seen >= HEADER_MIN_ARTICLE_WORDS
                     and _COUNTED_HEADER_RE.fullmatch(ln.text) is not None
                     and _thread_below(lines, i, stamp_memo)
                     and _thread_covers(lines, i, stamp_memo)))
        ):
            # (a comment's header just above it, "Marge P. says:" over its date: the thread
            # began there, and the "Reply" under its first comment is what named it. A
            # two-line header only: a one-line "lakeviewdad wrote on <date>:" is also how a
            # story quotes a forum post, and a later "Comments" line cut the story there)
            if run and run[0] in two_line and i - run[-1] <= COMMENT_GAP:
                return run[0], False
            return i, True
        # (the first tests of _comment_header inline: most lines fail them)
        if seen < HEADER_MIN_ARTICLE_WORDS:
            continue
        if (seen >= COMMENT_MIN_ARTICLE_WORDS and (not ln.keep or ln.in_list)
                and shape_class(ln) == "short" and _comment_header(lines, i)):
            name = ln.text
            two_line.add(i)
        elif (ln.n_words <= INLINE_HEADER_WORDS and ln.text.endswith(_SAID_ENDS)
              and _inline_comment_header(ln)):
            name = None
        else:
            continue
        if run and i - run[-1] > COMMENT_GAP:
            run, names = [], set()
        run.append(i)
        if name is not None:
            names.add(name)
        # (one "author" over every time line is a label or a byline: a live blog's posts,
        # each closed by "Sian Griffiths, court reporter" over the next post's time)
        if len(run) >= COMMENT_HEADERS and len(names) != 1:
            return run[0], False
    return None


def _verb_header(lines: list[Line], i: int) -> bool:
    """``lines[i]`` is a comment's header by its comment system's verb, whatever is kept: a
    name, the verb and the date on one line (:func:`_inline_comment_header`), or a name and
    the verb over a timestamp line ("joetoronto says:" / "November 19, 2019 at 6:34 am")."""
    ln = lines[i]
    if ln.n_words > INLINE_HEADER_WORDS or not ln.text.endswith(_SAID_ENDS):
        return False
    if _inline_comment_header(ln):
        return True
    return (ln.n_words <= COMMENT_AUTHOR_WORDS + 1 and ln.text.rstrip().endswith(":")
            and _SAID_RE.search(ln.text) is not None and i + 1 < len(lines)
            and lines[i + 1].timestamp and not _quote_lead_in(ln.text))


def thread_start(lines: list[Line]) -> int | None:
    """Where a comment thread starts on the page, told by its headers alone (the article
    region is not known yet): the first of COMMENT_HEADERS headers with the comment system's
    verb (:func:`_verb_header`), each at most COMMENT_GAP lines after the one before; None
    when there is no such run."""
    headers = (i for i, ln in enumerate(lines)
               if ln.text.endswith(_SAID_ENDS) and _verb_header(lines, i))
    return next((run[0] for run in close_runs(headers, COMMENT_GAP)
                 if len(run) >= COMMENT_HEADERS), None)


def mark_comments(lines: list[Line], kept_words_total: int, *, extracted: bool = False
                  ) -> int | None:
    """Drop a trailing comment section (:func:`comment_section`): everything from its start
    on, in the article. Returns where it starts."""
    found = comment_section(lines, kept_words_total, extracted=extracted)
    if found is None:
        return None
    start, header = found
    # (after a header, everything is the comment section; a run of comment headers may also be
    # a teaser list of other stories, so lines dropped already keep their own reason)
    for later in lines[start:]:
        if later.keep or (header and not later.reason):
            later.keep, later.reason = False, "comments"
    return start


def keep_comments(lines: list[Line], kept_words_total: int, *, extracted: bool = False
                  ) -> int | None:
    """:func:`mark_comments`, then the comments themselves kept (the ``keep_comments``
    option): each comment header (a name over a date line, or "Name on <date> said:") with
    the text right below it, down to the first line that is no comment text (a "Reply"
    button, a form's label). A header without text under it is a list of other stories
    ("Variety" over "2 hours ago"), and a line under no header (a moderation policy, a
    cookie notice, an author's bio) is no comment: they go. Returns where the section
    starts."""
    start = mark_comments(lines, kept_words_total, extracted=extracted)
    if start is None:
        return None
    i = start
    while i < len(lines):
        if _comment_header(lines, i):
            head = 2  # (the name, the date)
        elif _inline_comment_header(lines[i]):
            head = 1
        else:
            i += 1
            continue
        end = i + head
        while end < len(lines) and _comment_text(lines[end]):
            end += 1
        if end > i + head:
            for ln in lines[i:end]:
                ln.keep, ln.reason = True, ""
        i = end
    return start


def _comment_text(ln: Line) -> bool:
    """``ln`` can be a comment's text: prose, no repeat, without a cue of the comment form or
    the page ("Save my name, email, and website in this browser for the next time I comment.",
    "This site uses Akismet to reduce spam."); a navigation cue word is common in a comment's
    sentences ("help", "home")."""
    return (ln.cls in ("good", "near") and ln.reason != "repeat"
            and (ln.cue is None or ln.cue == "navigation"))


def cut_comments(lines: list[Line], keep: bool, extracted: bool = False) -> int | None:
    """The trailing comment section of the kept lines cut (its comments kept with ``keep``,
    the ``keep_comments`` option); where it starts. ``extracted``: see
    :func:`comment_section`."""
    total = sum([ln.n_words for ln in lines if ln.keep and ln.cls in ("good", "near")])
    return (keep_comments if keep else mark_comments)(lines, total, extracted=extracted)


def article_above_thread(lines: list[Line], opts: CleanOptions, content_rows: frozenset[int],
                         regions: list[tuple[int, int]],
                         teaser_rows: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """``regions``, or, when they all lie in a comment thread (:func:`thread_start`: headers
    with the comment system's verb) below HEADER_MIN_ARTICLE_WORDS or more of prose, the
    article regions above the thread. A thread longer than the post above it outweighed it,
    and the post went: a blog's open thread printed one text node a line, its post cut off
    the thread by the pieces of its "Posted in ... | Permalink | 10 Comments" line. (With
    ``keep_comments`` the regions stay: the thread is then found in them, as it was.)"""
    start = thread_start(lines)
    if start is None or regions[0][0] < start:
        return regions
    above = article_regions(lines[:start], opts,
                            frozenset(i for i in content_rows if i < start),
                            frozenset(i for i in teaser_rows if i < start))
    words = sum(ln.n_words for s, e in above for ln in lines[s:e]
                if ln.cls in ("good", "near"))
    if words < HEADER_MIN_ARTICLE_WORDS:
        return regions  # (a forum's page: its thread is what it holds)
    for ln in lines[start:]:
        if ln.cls in ("good", "near") and not ln.reason:
            ln.reason = "comments"
    return above


# The attribution line under an embedded social-media post: "— Name (@handle) November 19, 2019"
# (a dash, the author and handle, the date; ``POST_BY_RE``). Short, capitalised, with a
# handle: it read as a navigation line, and the post it closes is article text. On AEB half A
# all 7 such lines are gold text; 3 of them went after a kept post. Where each text node is a
# line (a naive scraper's text), the date, a link, is the next line: both are kept.
_DASH_RE = re.compile(f"[{POST_DASHES}]")
POST_BY_WORDS = 14
POST_DATE_WORDS = 8  # (the date line under a split attribution: "November 18, 2019")
# A post's own link at the end of its text, as an embedded tweet prints it ("... #thanks
# https://t.co/hopPjqa95w", "*min. 25 snaps pic.twitter.com/PQqbN51wBW"): such a line,
# read as a link or a share prompt, sits between the post and its attribution
_POST_LINK_RE = re.compile(r"(?:https?://t\.co/|\bpic\.twitter\.com/)\w+\s*$")
POST_LINK_LINES = 2


def keep_post_attributions(lines: list[Line]) -> None:
    """Keep an embedded post's attribution line ("— Name (@handle) <date>", or the date on the
    next line) after a kept line: it belongs with the post above it; so do the post's last
    lines between them that end with the post's own link."""
    firsts = "".join([ln.text[:1] for ln in lines])
    for m in _DASH_RE.finditer(firsts, 1):  # (lines opening with a dash: few)
        i = m.start()
        ln = lines[i]
        if ln.keep or ln.n_words > POST_BY_WORDS or POST_BY_RE.match(ln.text) is None:
            continue
        last = i
        if not has_date_or_time(ln.text):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if (nxt is None or nxt.n_words > POST_DATE_WORDS or not nxt.timestamp
                    or not bare_date_or_age(nxt.text)):
                continue
            last = i + 1
        j = i - 1
        while j > 0 and i - j <= POST_LINK_LINES and not lines[j].keep and (
                _POST_LINK_RE.search(lines[j].text) is not None):
            j -= 1
        if lines[j].keep:
            for k in range(j + 1, last + 1):
                lines[k].keep = True
