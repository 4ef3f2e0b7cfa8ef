"""Structured content inside an article: numbered lists, data tables, dated lists.

Line classes (:mod:`neardup.clean.classify`) judge one line at a time, so the rows of a table
("3 Kevin Harvick 5033 4 6 15 26") and the items of a numbered list ("4) Blade Runner The
Final Cut (4K Ultra HD)") look like navigation: short, few function words, capitalised. What
gives them away is the *run*:

* a numbered list: at least ``MIN_ITEMS`` lines opening with consecutive numbers (1, 2, 3...
  with any marker: "1.", "2)", "3a", "4 ") a few lines apart at most. Menus and headline
  lists are not numbered; pagination ("1", "2", "3" alone on a line) has nothing after the
  number and does not count. Lines between two consecutive items (an item's link, price or
  description) belong to the list too;
* a data table: at least ``MIN_ROWS`` consecutive lines each holding several number tokens,
  at least ``MIN_ROW_DENSITY`` of its words (standings, results, prices), with a similar
  number of numbers per row;
* a table printed one cell per line (where each text node is a line, a naive scraper's text
  of a ``<table>``): a run of short lines whose pattern of number cells ("5040", "12.5%") and
  word cells ("Kyle Busch") repeats with a period of ``MIN_CELL_COLUMNS`` to
  ``MAX_CELL_COLUMNS`` lines at least ``MIN_ROWS`` times, with at least
  ``MIN_NUMBER_COLUMNS`` number columns and a word column: standings, results, prices.
  Every cell reads as a menu line; a menu, a headline list with its ages, a share bar with
  its counts (one number column) repeat no such pattern;
* a bulleted list: at least ``MIN_ITEMS`` consecutive lines opening with a bullet ("* ", "• ",
  "- ") whose items read like text (median ``MIN_BULLET_WORDS`` words or more): a reading
  list, key points. Bulleted menus ("* Home", "* Sports") have one to three words per item;
  a Markdown list whose every item is one link and nothing more (a "More news" box of
  headlines, ``link_items``) is none either;
* a Markdown pipe table (known from its syntax, see :mod:`neardup.clean.markdown`): its rows,
  whatever their words (a results table of names and two numbers a row is too sparse in
  numbers for the data-table rule);
* a dated list: at least ``MIN_DATED`` consecutive lines opening with a day of a month and
  going on with text ("June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL"): tour dates,
  schedules, timelines. A bare date line is a timestamp, not an item;
* a transcript: lines opening with a speaker's name in capitals and a colon ("SHAPIRO: So
  what did the department propose?", "ALEX HAGER, BYLINE: Hi, Ari."), at least two speakers
  who each speak ``MIN_TURNS`` times or more, a few lines apart at most; a label alone on a
  line ("ARI SHAPIRO, HOST:") opens its turn. Short turns ("HAGER: Thanks, Ari.") read as
  menu lines, and the interview lost its first and last turns. One label over many lines
  ("RELATED: ...", "WATCH: ...") is no transcript, nor are boxes of labelled values ("SMITH:
  12 pts, 5 reb", "WHEN: Saturday, 9 a.m.", "SERVES: 4"): most turns are sentences;
* questions and answers: at least ``MIN_QUESTIONS`` lines opening with "Q:" (or
  "Question:"), each with its answer on the next lines ("A: ..." or a paragraph), as news
  explainers and interviews print them. A question is a short line and an answer often one
  sentence between two of them, the shape of a teaser list's headline and summary: the
  explainer lost most of its questions and answers.

* a list after a lead-in: a line that ends with a colon, right after a paragraph ("Other
  tour dates announced Tuesday include:", "What I liked:"; three words at least), then
  ``MIN_LEAD_ITEMS`` to ``MAX_LEAD_ITEMS`` short lines without a cue word or a link's arrow
  (maybe under a second lead-in), then a paragraph: a review's pros and cons, a schedule,
  ingredients. The paragraphs around it say it is the article's; a menu or a "Most read"
  list has no lead-in sentence above it and no paragraph below it. The lead-in may also be
  a paragraph that ends with a colon, or a heading of a few words without a cue ("Pros",
  "What we liked") whose items are two to six words in sentence case without a date (a
  list of other stories' headlines is longer or in title case; a header's label over its
  dates is none); a heading over the paragraph after the list ("Verdict") goes with it.

* labelled paragraphs: at least ``MIN_LABELLED`` short labels alone on a line, ending with a
  colon and all different ("Elizabeth A. Burton:", "Why it matters:", "The big picture:"),
  each right above a paragraph, a few lines apart at most: a paragraph's bold lead-in where
  each text node is a line (a naive scraper's text). Label and one-sentence paragraph, over
  and over, is the shape of a teaser list's headline and summary, and the article lost them
  (a charge sheet of six names: recall 0.99 as html-text, 0.56 as text nodes).

* a chronology: at least ``MIN_DATE_HEADINGS`` different dates alone on a line (a
  timestamp's shape: "September 1, 1919"), each right above a paragraph and, but the first,
  right below one, a few lines apart at most: a timeline's entries, a diary's days. Date and
  one paragraph, over and over, is the shape of a teaser list's date and summary, and the
  chronology lost five of its seven entries; a teaser list puts its headline between one
  summary and the next date, a comment thread its commenter's name.

Such runs get ``in_list`` set; the text cleaner then weighs their lines as content in the
article-region search (so a list at the end of the story, or a table between paragraphs,
is not cut off) and keeps them when they lie in the article region. Template lines, captions
and timestamps are never marked, but for a chronology's date headings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import compress, repeat
from operator import attrgetter, contains, itemgetter

from neardup.clean.classify import addresses_the_reader
from neardup.clean.features import CLOSERS
from neardup.clean.lines import Line
from neardup.clean.metadata.dates import heading_period, only_a_date, parse_date
from neardup.clean.stamps import DATE_RE, bare_date_or_age, has_date_or_time

# (the spaces around the separator possessive: "\s*[-–—:.]?\s+\w" tried every split of a
# long run of spaces between its two parts, quadratic: "1." and 30,000 spaces took 6 s)
_ITEM_RE = re.compile(r"^\(?(\d{1,3})(?:[.):\]ºª°]|[a-z]{1,2}\b)?(?:\s*+[-–—:.]\s++|\s++)\w")
_NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,:]\d+)*%?(?![\w])")
# A dated list (tour dates, schedules, a timeline): lines opening with a day of a month and
# going on with text of their own ("June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL").
_DATED_RE = re.compile(
    r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
    r"(?:st|nd|rd|th)?,?\s*(?:[-–—:|]+|\s)\s*[^\W\d]",
    re.I,
)
_DATED_FIRST = frozenset("JFMASONDjfmasond0123456789")
MIN_DATED = 5
MIN_BULLET_WORDS = 6
#: A bulleted list item's line ("- ", "* ", "• ", ... then its text)
BULLET_RE = re.compile(r"^[*•·▪◦‣\-–]\s+\S")
MIN_ITEMS = 3
MAX_ITEM_GAP = 3  # lines from one item to the next
MIN_ROWS = 3
MIN_QUESTIONS = 2
MIN_TURNS = 2
MIN_SPEAKERS = 2
# A speaker's label: a name in capitals (and its role: "ALEX HAGER, BYLINE"), then a colon.
_SPEAKER_RE = re.compile(
    r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:, [A-Z][A-Z ]{1,30})?:(?:\s|$)")
_QUESTION_RE = re.compile(r"^(?:Q|Question)\s*[:.)]\s*\S")
_ANSWER_RE = re.compile(r"^(?:A|Answer)\s*[:.)]\s*\S")
MIN_LABELLED = 3
LABEL_WORDS = 6
MIN_LEAD_ITEMS = 2
MAX_LEAD_ITEMS = 15
LEAD_ITEM_WORDS = 15
LEAD_IN_WORDS = 15
LEAD_CLOSING_WORDS = 6
MIN_ROW_NUMBERS = 2
MIN_CELL_COLUMNS = 3
MAX_CELL_COLUMNS = 12
MIN_NUMBER_COLUMNS = 2
CELL_WORDS = 6
_CELL_NUMBER_RE = re.compile(r"[-+−]?\$?\d[\d.,:]*%?")
# (a block of cells repeated MIN_ROWS times or more, per number of columns)
_CELL_ROWS_RES = [re.compile(f"([nw]{{{k}}})\\1{{{MIN_ROWS - 1},}}")
                  for k in range(MIN_CELL_COLUMNS, MAX_CELL_COLUMNS + 1)]
MIN_ROW_DENSITY = 0.3
# A line that opens with a date and a clock time (or a clock time alone) and goes on with
# words: a headline with its time stamp, no table row
_STAMPED_HEADLINE_RE = re.compile(
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?\s+|\d{4}-\d{2}-\d{2},?\s+)?"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\s+[^\W\d_][\w'’-]*\s+[^\W\d_]", re.I)
_NEVER = ("site-template", "caption", "headline-list")
# Runs of first characters (see mark_structure): an item opens with "(" or a digit; a bulleted
# list needs MIN_ITEMS bullets in a row, a dated list MIN_DATED dated lines in a row, a table
# MIN_ROWS rows with number words in a row.
_ITEM_FIRST_RE = re.compile(r"[(\d]")
_BULLET_RUN_RE = re.compile(f"[*•·▪◦‣\\-–]{{{MIN_ITEMS}}}")
_DATED_RUN_RE = re.compile(f"[{''.join(sorted(_DATED_FIRST))}]{{{MIN_DATED},}}")
_ROWS_RUN_RE = re.compile(b"\x01{%d,}" % MIN_ROWS)  # (in a run of digit-word flags)
_TEXT = attrgetter("text")
_FIRST_CHAR = itemgetter(slice(0, 1))
_HEAD_CHARS = 48  # (a speaker's label and its colon)
_DIGIT_RATIO = attrgetter("digit_ratio")


def _item_number(ln: Line) -> int | None:
    if ln.reason in _NEVER or ln.n_words < 2 or not ln.text[:1].isdigit() and ln.text[:1] != "(":
        return None
    m = _ITEM_RE.match(ln.text)
    return int(m.group(1)) if m else None




def _mark_numbered(lines: list[Line], candidates: list[int]) -> None:
    """``candidates``: the lines opening with "(" or a digit (the others have no number)."""
    n = len(lines)
    nums: list[int | None] = [None] * n
    for i in candidates:
        nums[i] = _item_number(lines[i])
    if 0 not in nums and 1 not in nums:
        return  # (no list starts or ends: items are numbered from 0 or 1)
    # Counted up from 0 or 1, or down to them: a countdown ("10. ..." down to "1. ...", the
    # "best of" list that keeps its winner for last) was no list, and with a short heading over
    # each paragraph its paragraphs went as navigation (a probe's AEB pages numbered down:
    # recall 0.78, numbered up 0.93).
    numbered = [i for i in candidates if nums[i] is not None]  # (in line order)
    runs = _numbered_runs(nums, numbered)
    runs += [items[::-1] for items in _numbered_runs(nums, numbered[::-1])]
    for items in runs:
        first, last = items[0], items[-1]
        for k in range(first, last + 1):
            if lines[k].reason not in _NEVER:
                lines[k].in_list = True
        # the last item's own continuation lines (same shape as the gaps inside the list)
        gap = max(b - a for a, b in zip(items, items[1:], strict=False))
        for k in range(last + 1, min(n, last + gap)):
            if lines[k].cls == "bad" or lines[k].n_words > 40:
                break
            lines[k].in_list = True


def _numbered_runs(nums: list[int | None], numbered: list[int]) -> list[list[int]]:
    """The runs of at least ``MIN_ITEMS`` items numbered 0 or 1, 2, 3... in the order of
    ``numbered`` (the positions of the lines with a number, forward or backward), each item at
    most ``MAX_ITEM_GAP`` lines from the one before: their positions in that order."""
    runs: list[list[int]] = []
    k = 0
    while k < len(numbered):
        num = nums[numbered[k]]
        if num is None or num > 1:
            k += 1
            continue
        items = [numbered[k]]
        ends = [k]  # (where each item is in ``numbered``)
        want = num + 1
        j = k + 1
        while j < len(numbered) and abs(numbered[j] - items[-1]) <= MAX_ITEM_GAP:
            if nums[numbered[j]] == want:
                items.append(numbered[j])
                ends.append(j)
                want += 1
            j += 1
        if len(items) >= MIN_ITEMS:
            runs.append(items)
            k = ends[-1] + 1
        else:
            k += 1
    return runs


def _numbers(ln: Line) -> int:
    """Number tokens of a table-row-like line: several, and at least MIN_ROW_DENSITY of its
    words (a reference list with a date per line is not a table)."""
    if ln.digit_ratio == 0 or ln.reason in _NEVER or ln.n_words > 40:
        return 0
    # Each number token opens with a whole \w+ word of digits, so there are at most
    # digit_ratio * (\w+ words <= n_words) of them: a line with a smaller share of digit words
    # (with a margin for rounding) has too few (most lines with a number or a date in them).
    if ln.digit_ratio < MIN_ROW_DENSITY - 0.01:
        return 0
    if _STAMPED_HEADLINE_RE.match(ln.text) is not None:
        return 0  # (a headline under its date and time, "09/06/2019 13:45 Parliament passes
        # amended budget": a box of other news, whose numbers are its time stamps)
    if _QUOTE_CARD_RE.match(ln.text) is not None:
        return 0  # (a stock's quote card, "XOM Exxon Mobil Corp $71.80 -0.94%": a finance
        # site's widget beside the story, "Stocks in this article", no table of the story's)
    found = _NUMBER_RE.findall(ln.text)
    k = len(found)
    # (a number of several parts, "9,218" or "45.1%", is one cell: n_words counts each of its
    # parts, and rows of a name and two such numbers fell under the density)
    inner = sum(len(_NUMBER_SEPARATOR_RE.findall(n)) for n in found)
    return k if k >= MIN_ROW_DENSITY * (ln.n_words - inner) else 0


_NUMBER_SEPARATOR_RE = re.compile(r"[.,:](?=\d)")
# A ticker symbol, the company, and the price's signed change last
_QUOTE_CARD_RE = re.compile(r"[A-Z]{1,5}(?:\.[A-Z])?\s.*\s[-+−][\d.,]+%?\s*$")


def _mark_tables(lines: list[Line], lo: int, hi: int, link_items: frozenset[int]) -> None:
    """Tables among ``lines[lo:hi]``, a run of lines with number words (a table row has
    some; the lines around the run have none, so no table crosses its ends). A Markdown list
    item of one link (``link_items``) is no row: a widget's cards of links ("* [XOMExxon
    Mobil Corp$71.80-0.94%](/quote/XOM)")."""
    counts = [0] * len(lines)
    for i in range(lo, hi):
        ln = lines[i]
        if ln.reason not in _NEVER and ln.n_words <= 40 and i not in link_items:
            counts[i] = _numbers(ln)
    n = hi
    i = lo
    while i < n:
        if counts[i] < MIN_ROW_NUMBERS:
            i += 1
            continue
        j = i
        while j < n and counts[j] >= MIN_ROW_NUMBERS and abs(counts[j] - counts[i]) <= 2:
            j += 1
        if j - i >= MIN_ROWS:
            for k in range(i, j):
                lines[k].in_list = True
        i = j


def _mark_cell_tables(lines: list[Line], candidates: list[int]) -> list[int]:
    """Mark the tables printed one cell per line (see the module docstring) and return their
    lines; ``candidates``: the lines opening with a digit or "(" (a number cell is among
    them)."""
    numbers = [i for i in candidates if lines[i].reason not in _NEVER
               and _CELL_NUMBER_RE.fullmatch(lines[i].text) is not None]
    marked: list[int] = []
    if len(numbers) < MIN_ROWS * MIN_NUMBER_COLUMNS:
        return marked
    lo = max(0, numbers[0] - MAX_CELL_COLUMNS)
    hi = min(len(lines), numbers[-1] + MAX_CELL_COLUMNS + 1)
    is_number = set(numbers)
    # one character a line: "n" a number cell, "w" a short cell of words, "x" no cell
    codes = "".join(
        "n" if i in is_number
        else "w" if lines[i].n_words <= CELL_WORDS and lines[i].reason not in _NEVER
        else "x"
        for i in range(lo, hi))
    for rx in _CELL_ROWS_RES:  # (fewest columns first)
        for m in rx.finditer(codes):
            row = m.group(1)
            # (the row's own period: "wnwn" is a two-column list of names and counts)
            period = next(p for p in range(1, len(row) + 1)
                          if len(row) % p == 0 and row == row[:p] * (len(row) // p))
            columns = row[:period]
            if columns.count("n") < MIN_NUMBER_COLUMNS or "w" not in columns:
                continue
            for k in range(lo + m.start(), lo + m.end()):
                lines[k].in_list = True
                marked.append(k)
    return marked


def _runs(flags: list[bool]) -> Iterator[tuple[int, int]]:
    """(start, end) of every maximal run of True in ``flags``."""
    n = len(flags)
    i = 0
    while i < n:
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < n and flags[j]:
            j += 1
        yield i, j
        i = j


def _mark_dated(lines: list[Line], lo: int, hi: int) -> None:
    """Dated lists among ``lines[lo:hi]``, a run of lines whose first characters could open
    a dated line (the lines around it cannot)."""
    dated = [
        ln.n_words >= 4
        and ln.text[:1] in _DATED_FIRST
        and ln.reason not in _NEVER
        and _DATED_RE.match(ln.text) is not None
        for ln in lines[lo:hi]
    ]
    for i, j in _runs(dated):
        if j - i >= MIN_DATED:
            for k in range(lo + i, lo + j):
                lines[k].in_list = True


def _mark_bulleted(lines: list[Line], link_items: frozenset[int]) -> None:
    bulleted = [ln.reason not in _NEVER and BULLET_RE.match(ln.text) is not None
                for ln in lines]
    for i, j in _runs(bulleted):
        if link_items and all(k in link_items for k in range(i, j)):
            continue  # (every item a link and nothing more: a box of other stories)
        words = sorted(lines[k].n_words for k in range(i, j))
        if j - i >= MIN_ITEMS and words[len(words) // 2] >= MIN_BULLET_WORDS:
            for k in range(i, j):
                lines[k].in_list = True


def _speaker(ln: Line) -> str | None:
    """The speaker whose turn ``ln`` opens (the last word of the name: "ARI SHAPIRO, HOST:"
    and "SHAPIRO:" are one speaker), or None."""
    if ln.reason in _NEVER:
        return None
    m = _SPEAKER_RE.match(ln.text)
    return m.group(1).split()[-1] if m else None


def _mark_transcript(lines: list[Line], candidates: list[int]) -> list[int]:
    """Mark the turns of the transcripts among ``candidates`` (lines opening with two
    capitals)."""
    turns = [(i, who) for i in candidates if (who := _speaker(lines[i])) is not None]
    marked: list[int] = []
    if len(turns) < MIN_TURNS * MIN_SPEAKERS:
        return marked
    speakers = dict(turns)
    for run in close_runs(list(speakers), MAX_ITEM_GAP):  # (turns a few lines apart)
        counts = Counter(speakers[i] for i in run)
        if sum(c >= MIN_TURNS for c in counts.values()) < MIN_SPEAKERS:
            continue
        spoken = sum(lines[i].cls in ("good", "near") for i in run)
        if 2 * spoken < len(run):
            continue  # (most turns are sentences; "SMITH: 12 pts, 5 reb", "WHEN: Saturday")
        end = run[-1] + 1
        while end < len(lines) and end - run[-1] < MAX_ITEM_GAP and _turn_goes_on(lines[end]):
            end += 1  # (the last turn's further paragraphs)
        for m in range(run[0], end):
            if lines[m].reason not in _NEVER:
                lines[m].in_list = True
                marked.append(m)
    return marked


def close_runs(positions: Iterable[int], gap: int,
               bridge: Callable[[int, int], bool] | None = None) -> Iterator[list[int]]:
    """``positions`` (ascending) in runs whose neighbours are at most ``gap`` lines apart, or
    further where ``bridge(a, b)`` says what lies between them joins them."""
    run: list[int] = []
    for i in positions:
        if run and i - run[-1] > gap and (bridge is None or not bridge(run[-1], i)):
            yield run
            run = []
        run.append(i)
    if run:
        yield run


def _turn_goes_on(ln: Line) -> bool:
    return ln.cls in ("good", "near") and ln.reason not in _NEVER


def _mark_questions(lines: list[Line], candidates: list[int]) -> list[int]:
    """Mark the questions among ``candidates`` (lines opening with "Q") and their answers:
    from each question to the line before the next (at most ``MAX_ITEM_GAP`` lines), when
    the line after it is an answer ("A: ...") or prose."""
    pairs: list[tuple[int, int]] = []
    n = len(lines)
    for i in candidates:
        ln = lines[i]
        if ln.reason in _NEVER or _QUESTION_RE.match(ln.text) is None or i + 1 >= n:
            continue
        answer = lines[i + 1]
        if answer.reason in _NEVER or not (_ANSWER_RE.match(answer.text) is not None
                                           or answer.cls in ("good", "near")):
            continue
        end = i + 2
        while (end < n and end - i <= MAX_ITEM_GAP and lines[end].reason not in _NEVER
               and _QUESTION_RE.match(lines[end].text) is None
               and _ANSWER_RE.match(lines[end].text) is not None):
            end += 1  # (an answer in several paragraphs, each "A:"... rare: one or two)
        pairs.append((i, end))
    marked: list[int] = []
    if len(pairs) >= MIN_QUESTIONS:
        for i, end in pairs:
            for k in range(i, end):
                lines[k].in_list = True
                marked.append(k)
    return marked


def mark_table_rows(lines: list[Line], tables: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Set ``in_list`` on the lines that start inside one of ``tables`` (``[start, end)``
    spans of the text, in order: the pipe tables of a Markdown text's view); returns their
    indices."""
    rows: list[int] = []
    i, n = 0, len(lines)
    for start, end in tables:
        while i < n and lines[i].start < start:
            i += 1
        while i < n and lines[i].start < end:
            if lines[i].reason not in _NEVER:
                lines[i].in_list = True
                rows.append(i)
            i += 1
    return frozenset(rows)


def lead_in(ln: Line) -> bool:
    """``ln`` introduces what follows: "Other tour dates announced Tuesday include:", "The
    messages read:" (3 to LEAD_IN_WORDS words ending with a colon)."""
    # (a cue word in a sentence-like lead-in is a word: "The opening menu includes:")
    # (three words at least: a sidebar's label, "Última coluna:", is two)
    return (ln.text.rstrip().endswith((":", "：")) and 3 <= ln.n_words <= LEAD_IN_WORDS
            and (ln.cue is None or _cue_in_phrase(ln)) and ln.reason not in _NEVER[:2])


def _cue_in_phrase(ln: Line) -> bool:
    """The notice or navigation cue word of ``ln`` is a word of a phrase in lower case, four
    words or more ("The opening menu includes:", "Direct deposit bank account numbers for
    staff"), not a label or a prompt."""
    return ln.cue in ("notice", "navigation") and ln.n_words >= 4 and ln.lower_ratio >= 0.5


def _lead_item(ln: Line) -> bool:
    # (a date alone is a time stamp, a date with its text an item: "April 10: Chicago,
    # Chicago Theatre")
    # (not a link's arrow: "» Autoracing Power Ranking")
    # (a cue word in an item's phrase is a word, whatever class it gave the line: a data
    # breach's list of what was stolen lost its "bank account numbers" item, and the list)
    return (1 <= ln.n_words <= LEAD_ITEM_WORDS
            and ((ln.cue is None
                  and (ln.cls in ("short", "near") or (ln.timestamp and ln.n_words >= 4)))
                 or _cue_in_phrase(ln))
            and ln.reason not in _NEVER[:2] and ln.text[:1] not in _LINK_ARROWS)


_LINK_ARROWS = frozenset("»›>→▸►")


def _paragraph(ln: Line) -> bool:
    return ln.cls in ("good", "near") and ln.terminal and ln.reason not in _NEVER


def _closing_paragraph(ln: Line) -> bool:
    """The paragraph after a lead-in list: a sentence of LEAD_CLOSING_WORDS words or more, not
    a label trailing off ("Lo más visto en...", a "Most viewed" box after a tag list)."""
    return (_paragraph(ln) and ln.n_words >= LEAD_CLOSING_WORDS
            and not ln.text.rstrip(CLOSERS).endswith(("...", "…")))


def _long_lead_in(ln: Line) -> bool:
    """A paragraph that ends with a colon ("The store will hold a closing sale. The couple
    said several things would not be for sale:"): a lead-in that is itself the paragraph above
    its list."""
    return (ln.n_words > LEAD_IN_WORDS and _paragraph(ln) and ln.cue is None
            and ln.text.rstrip().endswith((":", "：")))


# A list's heading without a lead-in's sentence ("Pros", "What we liked", "Highlights:"): at
# most this many words; its items at most HEADED_ITEM_WORDS words each, in sentence case
HEADING_WORDS = 4
HEADED_ITEM_WORDS = 6
# ... and at least this many items: three sub-headings in a row ("Mounting pressure" / "What we
# know" / "Questions remain", a synthetic page's) are no heading over two items
MIN_HEADED_ITEMS = 3


_N_WORDS = attrgetter("n_words")
_HEADING_SIZE = HEADING_WORDS.__ge__
_CLS = attrgetter("cls")
_PROSE_CLASS = frozenset(("good", "near")).__contains__
_REASON = attrgetter("reason")
_CAPTION = "caption".__eq__
# A list's heading may sit under a photo: at most this many caption lines between it and the
# paragraph above
CAPTION_LINES = 2


def _heading_above(lines: list[Line], i: int) -> bool:
    """What a list's heading ``lines[i]`` needs above it: a paragraph, right there or above
    the photo's caption lines there (a review's "Pros" under a photo credit)."""
    j = i - 1
    while j > 0 and i - j <= CAPTION_LINES and lines[j].reason == "caption":
        j -= 1
    return _paragraph(lines[j])


def _list_heading(ln: Line) -> bool:
    """A heading over a list: one to HEADING_WORDS words, capitalised, no cue word, no
    sentence's end but a colon ("Pros", "What we liked", "Highlights:")."""
    t = ln.text.rstrip()
    return (ln.cls == "short" and 1 <= ln.n_words <= HEADING_WORDS and ln.cue is None
            and (not ln.terminal or t.endswith((":", "："))) and t[:1].isupper()
            and ln.reason not in _NEVER)


def _headed_item(ln: Line) -> bool:
    """An item under a list's heading: two to HEADED_ITEM_WORDS words in sentence case, no
    date or time ("Rich, balanced sound"; a list of other stories' headlines under a label is
    longer, or in title case; a header's "Publicado em" over its dates, a comment's
    "Valoración:" over its votes and its commenter's name are none)."""
    return (2 <= ln.n_words <= HEADED_ITEM_WORDS and ln.title_ratio < 0.75
            and not ln.timestamp and _lead_item(ln) and not _paragraph(ln)
            and not has_date_or_time(ln.text))


def _lead_in_above(lines: list[Line], i: int) -> bool:
    """What a lead-in ``lines[i]`` needs above it: a paragraph, or a short sentence and a
    paragraph above that (a recipe's "Makes 1 jar." between its introduction and "For the
    onions:")."""
    return _paragraph(lines[i - 1]) or (i >= 2 and _entry(lines[i - 1])
                                        and _paragraph(lines[i - 2]))


def _headed_closing(ln: Line) -> bool:
    """The paragraph after a list under a heading: no appeal, share or notice in it (a box of
    other stories' headlines under "Also today" is followed by its newsletter's blurb, "All of
    today's stories, in one short email.")."""
    return _closing_paragraph(ln) and ln.cue in (None, "navigation")


def _mark_lead_in_lists(lines: list[Line], colons: list[int]) -> list[int]:
    """Mark the lists after a lead-in line, between two paragraphs (see the module
    docstring); ``colons``: the lines holding a colon. A list may also open under a list's
    heading ("Pros", "What we liked") right after a paragraph, its items short and in
    sentence case (:func:`_headed_item`), or under a paragraph that ends with a colon; and it
    may close with a heading over a paragraph ("Verdict"): a review's pros and cons lost.
    Returns the lines of the lists under a heading, and of the lists after a lead-in whose
    closing paragraph does not speak to the reader (prose beside a paragraph, see
    :func:`mark_structure`)."""
    n = len(lines)
    marked: list[int] = []
    starts = {i for i in colons if i and ((lead_in(lines[i]) and _lead_in_above(lines, i))
                                          or _long_lead_in(lines[i]))}
    # (a heading is a short line under a prose line or a caption: the lines under one, found
    # by C-level maps, are the only ones tested)
    short = set(compress(range(n - 1), map(_HEADING_SIZE, map(_N_WORDS, lines[:n - 1]))))
    under = [*compress(range(1, n), map(_PROSE_CLASS, map(_CLS, lines[:n - 1]))),
             *compress(range(1, n), map(_CAPTION, map(_REASON, lines[:n - 1])))]
    for i in under:
        if (i in short and _heading_above(lines, i) and _list_heading(lines[i])
                and _headed_item(lines[i + 1])):
            starts.add(i)
    for i in sorted(starts):
        if lines[i].in_list:  # (in a block marked from a start above)
            continue
        headed = not (lead_in(lines[i]) or _long_lead_in(lines[i]))  # (under a heading)
        block = [i]
        j = i + 1
        items = 0
        item_above = False  # (the line above is an item: a second heading may follow)
        while j < n and items <= MAX_LEAD_ITEMS:
            ln = lines[j]
            if item_above and (lead_in(ln) or (_list_heading(ln) and j + 1 < n and (
                    _headed_item if headed else _lead_item)(lines[j + 1]))):
                block.append(j)  # (a second lead-in: "What I didn't like:", "Cons")
                item_above = False
            elif (_headed_item(ln) if headed else
                  _lead_item(ln) and not lead_in(ln) and not _paragraph(ln)):
                block.append(j)
                items += 1
                item_above = True
            else:
                break
            j += 1
        least = MIN_HEADED_ITEMS if headed else MIN_LEAD_ITEMS
        if not least <= items <= MAX_LEAD_ITEMS or j >= n:
            continue
        closing = _closing_paragraph if not headed else _headed_closing
        close = j  # (the closing paragraph)
        if not closing(lines[j]):
            if not (_list_heading(lines[j]) and j + 1 < n and closing(lines[j + 1])):
                continue
            block.append(j)  # (the closing paragraph's heading: "Verdict")
            close = j + 1
        for k in block:
            lines[k].in_list = True
        if headed or not addresses_the_reader(lines[close].text):
            # (a one-sentence paragraph after a list is no teaser: "Verdict" and its sentence
            # after "Pros" and "Cons", "The championship runs Wednesday through Saturday."
            # after a team's members by class, the story's last paragraph. Not a prompt after
            # a lead-in's list: a product's feature list is followed by "Click here to get
            # more information or download this game.")
            marked += block
    return marked


def _paragraph_label(ln: Line) -> bool:
    return (ln.cls == "short" and 1 <= ln.n_words <= LABEL_WORDS and ln.cue is None
            and ln.text.rstrip().endswith((":", "：")) and ln.reason not in _NEVER)


# A label's section may hold up to this many paragraphs ("DRIVING THE NEWS:" over four: the
# labels of a briefing's run may be further apart than MAX_ITEM_GAP with only paragraphs
# between)
LABEL_SECTION_LINES = 8


def _mark_labelled_paragraphs(lines: list[Line], colons: list[int]) -> list[int]:
    """Mark the labelled paragraphs among ``colons`` (lines holding a colon; see the module
    docstring): each label with the paragraph under it."""
    labels = [i for i in colons if i + 1 < len(lines) and _paragraph_label(lines[i])
              and _paragraph(lines[i + 1])]

    def section(a: int, b: int) -> bool:  # (only paragraphs between two labels)
        return b - a <= LABEL_SECTION_LINES + 1 and all(map(_paragraph, lines[a + 1:b]))

    marked: list[int] = []
    for run in close_runs(labels, MAX_ITEM_GAP + 1, section):
        names = {lines[i].text.strip().casefold() for i in run}
        if len(run) < MIN_LABELLED or len(names) < len(run):
            continue  # (one label over many lines: "RELATED:", "WATCH:")
        for i, end in zip(run, [*run[1:], run[-1] + 2], strict=True):
            # (a label's paragraph runs to the next label; the last one's is its first line)
            for m in range(i, end):
                lines[m].in_list = True
                marked.append(m)
    return marked


MIN_DATE_HEADINGS = 3
DATE_HEADING_WORDS = 8


def _date_heading(ln: Line) -> bool:
    """A date alone on a line ("September 1, 1919", "June 15, 1927, 10 a.m."), no age; in
    any language the dates read ("12 de março de 2013", "Sábado, 8 de junho de 2019": the
    timestamp feature knows English dates only, and a Portuguese timeline as text nodes kept
    a tenth of its entries)."""
    if ln.n_words > DATE_HEADING_WORDS:
        return False
    if ln.timestamp and DATE_RE.search(ln.text) is not None and bare_date_or_age(ln.text):
        return True
    # (or a month or a year alone: "March 2012", "1999", a timeline's entries months or years
    # apart, which lost most of its entries as isolated one-sentence paragraphs)
    return only_a_date(ln.text) or heading_period(ln.text) is not None


def _may_be_date_heading(ln: Line) -> bool:
    """A timestamp, or a short line with a number (a date of another language): the lines
    :func:`_date_heading` is asked of."""
    return ln.timestamp or (ln.digit_ratio > 0 and ln.n_words <= DATE_HEADING_WORDS)


def _forward_in_time(lines: list[Line], run: list[int]) -> bool:
    """The dates of ``run`` (date headings) go forward: a timeline, a diary, a history. A
    feed goes back, newest first: a blog's archive of other posts under their dates, a list of
    press releases or of a newsletter's issues, each date over an excerpt (a held-out probe:
    such lists after an article were kept as its chronology, precision 1.00 -> 0.8)."""
    dates: list[str] = []
    for i in run:
        iso = parse_date(lines[i].text, years=(1, 9999)) or heading_period(lines[i].text)
        if iso is None:
            return False
        dates.append(iso)
    return dates == sorted(dates)


def _entry(ln: Line) -> bool:
    """A chronology's entry: a paragraph, or a short line that reads as a sentence ("Jury
    selection begins at the Hollis County Courthouse.": a timeline's entries are often one
    short sentence, and such an entry broke the chronology in two)."""
    return _paragraph(ln) or (ln.cls == "short" and ln.terminal and ln.n_words >= 3
                              and ln.lower_ratio >= 0.5 and ln.text[:1].isupper()
                              and ln.reason not in _NEVER)


def _chronology_runs(lines: list[Line], heads: list[int]) -> Iterator[list[int]]:
    """The runs of date headings ``heads`` that may be a chronology: a few lines apart at most,
    each but the first right below an entry. A heading under another line (a sub-heading of
    the timeline, "Charges and trial"; a teaser's headline) starts a run of its own: one
    sub-heading no longer unmade the whole timeline, and a teaser list, a headline over every
    date, is runs of one."""
    for run in close_runs(heads, MAX_ITEM_GAP + 1):
        part = [run[0]]
        for i in run[1:]:
            if not _entry(lines[i - 1]):
                yield part
                part = []
            part.append(i)
        yield part


def _mark_chronology(lines: list[Line], stamps: list[int]) -> list[int]:
    """Mark the chronologies among ``stamps`` (timestamp lines; see the module docstring):
    each date heading with the entries under it."""
    heads = [i for i in stamps if i + 1 < len(lines) and _entry(lines[i + 1])
             and _date_heading(lines[i])]
    marked: list[int] = []
    for run in _chronology_runs(lines, heads):
        if (len(run) < MIN_DATE_HEADINGS
                or len({lines[i].text.casefold() for i in run}) < len(run)
                or not _forward_in_time(lines, run)):
            continue
        for i, end in zip(run, [*run[1:], run[-1] + 2], strict=True):
            for m in range(i, end):  # (the heading, and the entries down to the next one)
                if m == i or _entry(lines[m]):
                    lines[m].in_list = True
                    marked.append(m)
    return marked


def mark_structure(lines: list[Line], link_items: frozenset[int] = frozenset()
                   ) -> frozenset[int]:
    """Set ``in_list`` on the lines of numbered, bulleted and dated lists, data tables,
    questions with their answers, transcripts and labelled paragraphs; returns the lines of
    the tables printed one cell per line, of the questions and answers, of the transcripts'
    turns and of the labelled paragraphs, which are prose beside a paragraph in the region
    search (a one-sentence paragraph beside them is no teaser), as Markdown tables are (see
    :func:`mark_table_rows`). ``link_items``: the lines that are a Markdown list item made
    of one link (:class:`neardup.clean.markdown.MarkdownView`)."""
    # The first character of every line as one string, and whether each line has a digit
    # word: C-level scans of these find the lines (numbered lists) or runs of lines (the
    # other passes) each pass needs to start from, so most pages skip most passes.
    texts = list(map(_TEXT, lines))
    firsts = "".join(map(_FIRST_CHAR, texts))
    candidates = [m.start() for m in _ITEM_FIRST_RE.finditer(firsts)]
    if len(candidates) >= MIN_ITEMS:
        _mark_numbered(lines, candidates)
    rows: list[int] = []
    if len(candidates) >= MIN_ROWS * MIN_NUMBER_COLUMNS:
        # (a paragraph beside such a table is no teaser: rows, as a Markdown table's)
        rows += _mark_cell_tables(lines, candidates)
    if _BULLET_RUN_RE.search(firsts):
        _mark_bulleted(lines, link_items)
    for m in _ROWS_RUN_RE.finditer(bytes(map(bool, map(_DIGIT_RATIO, lines)))):
        _mark_tables(lines, m.start(), m.end(), link_items)  # (a row has number words)
    for m in _DATED_RUN_RE.finditer(firsts):
        _mark_dated(lines, m.start(), m.end())
    if firsts.count("Q") >= MIN_QUESTIONS:
        rows += _mark_questions(lines, [m.start() for m in re.finditer("Q", firsts)])
    # (a speaker's label opens with two capitals and has its colon early: the lines with a
    # colon, found in C, are few, and only they are tested)
    colons = list(compress(range(len(lines)), map(contains, texts, repeat(":"))))
    rows += _mark_lead_in_lists(lines, colons)
    if len(colons) >= MIN_LABELLED:
        rows += _mark_labelled_paragraphs(lines, colons)
    if len(colons) >= MIN_TURNS * MIN_SPEAKERS:
        labels = [i for i in colons if texts[i][:2].isupper() and ":" in texts[i][:_HEAD_CHARS]]
        if len(labels) >= MIN_TURNS * MIN_SPEAKERS:
            rows += _mark_transcript(lines, labels)
    stamps = list(compress(range(len(lines)), map(_may_be_date_heading, lines)))
    if len(stamps) >= MIN_DATE_HEADINGS:
        rows += _mark_chronology(lines, stamps)
    return frozenset(rows)
