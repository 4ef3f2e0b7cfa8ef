"""Lines of scraped page text: the :class:`Line` type, splitting (hard-wrapped paragraphs
joined into one line), and :func:`analyse`, which gives every line its features
(:mod:`neardup.clean.features`) and initial class (:mod:`neardup.clean.classify`).

A page rendered as text is a sequence of lines: navigation items, headline lists, timestamps,
share prompts, the article's paragraphs, captions, footers. Scraped pages repeat their menus and
footers on every page, so the features and classes of recently seen lines are cached
(:mod:`neardup.clean._cache`): a document's new lines are the only ones whose features are
computed, in one call.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from itertools import repeat
from operator import add, itemgetter, mul

from neardup.clean._cache import LineCache
from neardup.clean.classify import classify
from neardup.clean.features import (
    CLOSERS,
    FEATURE_FIELDS,
    TERMINAL_RE,
    Normalised,
    features_and_norms,
    line_features,
)
from neardup.clean.stamps import has_date_or_time


@dataclass(slots=True)
class Line:
    """One non-blank line of the source text with its features and classification."""

    index: int
    start: int
    end: int
    text: str
    n_words: int = 0
    n_chars: int = 0
    stop_ratio: float = 0.0
    lower_ratio: float = 0.0
    title_ratio: float = 0.0
    digit_ratio: float = 0.0
    terminal: bool = False
    n_sentences: int = 0
    n_commas: int = 0
    cue: str | None = None
    cue_words: int = 0
    timestamp: bool = False
    credit: bool = False
    #: at least half of the line's letters are ASCII (function words can be checked)
    latin_script: bool = True
    #: mostly CJK characters (words counted by characters; case and function words say nothing)
    cjk: bool = False
    #: lower-cased words joined by one space (what :func:`neardup.clean.repeats.norm_key` gives)
    key: str = ""
    cls: str = "short"
    reason: str = ""
    keep: bool = False
    blank_before: bool = False
    #: part of a numbered list or a data table (set by :mod:`neardup.clean.structure`)
    in_list: bool = False
    #: the class the line's own features gave it, when the site's template took it ("" when
    #: not): what rules that read a line's shape go by (see :func:`shape_class`)
    own_cls: str = ""


def shape_class(ln: Line) -> str:
    """The class of ``ln`` by its own features, also when the site's template took it (for
    the rules that read what a line is: a comment's header, a byline). The template takes a
    line out; what the line is does not change: a thread's "name says:" and date lines, a
    teaser box's writer and date lines, a one-writer site's "Jane Doe, Staff Writer", are on a
    fifth of a small site's pages, and as the template's ("bad") they no longer headed the
    comments or summaries under them, nor gave the page its byline."""
    return ln.own_cls if ln.own_cls and ln.reason == "site-template" else ln.cls


def heading_shaped(ln: Line) -> bool:
    """A line a headline may be by its shape alone: 4-25 words, ending no sentence but with a
    question mark, not classified as clutter or prose."""
    return (4 <= ln.n_words <= 25 and ln.cls in ("short", "near")
            and (not ln.terminal or ln.text.rstrip(CLOSERS).endswith("?")))


# Line breaks other than "\n" (CRLF is "\n" with a "\r" that strip() removes): a lone CR
# (classic Mac text) and the Unicode line / paragraph separators (JavaScript innerText).
_OTHER_BREAK_RE = re.compile("\r(?!\n)|[\u2028\u2029]")


# The Unicode spaces (category Zs) other than " ": no-break (from "&nbsp;"), thin, figure,
# ideographic... Scrapers keep them where the page had them, and a cue such as "Read more",
# "Sign up" or "You may also like" written with a no-break space matched nothing: on the AEB
# pages with every space a no-break one, precision fell from 0.922 to 0.912.
# Read as a space too: the zero-width space, a break between words that shows nothing
# ("1) \u200bLego ..." was no list item).
_UNICODE_SPACES = "".join(map(chr, (0xA0, 0x1680, *range(0x2000, 0x200C), 0x202F, 0x205F,
                                    0x3000)))
_UNICODE_SPACE_RE = re.compile(f"[{_UNICODE_SPACES}]")
# Characters that show nothing and that str.strip() keeps: zero-width space, (non-)joiners,
# word joiner, byte-order mark. (Inside a word the joiners stay as they are.)
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# A line of nothing but those, spaces and space entities left in the text ("&nbsp;", as a
# CMS's empty paragraph "<p>&nbsp;</p>" is written by a scraper that does not decode entities)
# is a blank line: such lines between paragraphs were lines of no words that fragmented the
# article region (a probe's AEB pages: recall 0.965 -> 0.80).
_BLANK_LIKE_RE = re.compile(
    r"(?:&(?:nbsp|ensp|emsp|thinsp|zwsp|#0*160|#x0*a0|#0*8203|#x0*200b|#0*65279|#x0*feff);?"
    f"|[^\\S\\n]|[{_INVISIBLE}])+", re.I)
_BLANK_LIKE_FIRST = frozenset("&" + _INVISIBLE)


def _may_hold_blank_like(text: str) -> bool:
    """``text`` may hold a line of space entities or invisible characters (most texts hold
    neither, and their lines are not looked at)."""
    return "&" in text or (not text.isascii() and any(map(text.__contains__, _INVISIBLE)))


def _entity_blank(line: str) -> bool:
    """``line`` (stripped, opening with "&" or an invisible character) holds nothing but
    space entities, invisible characters and spaces."""
    return _BLANK_LIKE_RE.fullmatch(line) is not None


def as_lf(text: str) -> str:
    """``text`` with its other line breaks (:data:`_OTHER_BREAK_RE`) as "\\n": one character
    for one, so offsets into the result are offsets into ``text``. Without this, a text
    with such breaks was one single line, and nothing of it was cleaned."""
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        return _OTHER_BREAK_RE.sub("\n", text)
    return text


def plain_spaces(text: str) -> str:
    """``text`` with its Unicode spaces as " ", one character for one: the lines, and so the
    clean text, have plain spaces."""
    # (one substring test per space is 4x faster than a search for the class)
    if not text.isascii() and any(map(text.__contains__, _UNICODE_SPACES)):
        return _UNICODE_SPACE_RE.sub(" ", text)
    return text


# Records of recently seen lines (see neardup.clean._cache): ``(features, class, class, key)``,
# the line_features() values and, filled in on first use, (cls, reason) from classify() when
# the page is not / is english_like (a function of the features and that flag), and the line's
# site-template key (see record_keys). Tuples of atoms, so that the garbage collector stops
# tracking them. Bounded by line count and characters (at most ~2 x 8 M characters of lines,
# ~40 MB in all).
_CACHE_MAX_CHARS = 2000
LineRecord = tuple[tuple, "tuple[str, str] | None", "tuple[str, str] | None", "int | None"]
_line_cache: LineCache[str, LineRecord] = LineCache(60_000, 8_000_000, _CACHE_MAX_CHARS)

def clear_caches() -> None:
    """Empty the line cache (for benchmarks: measure a cold start)."""
    _line_cache.clear()


def _record(t: str) -> LineRecord:
    """The cache record of line text ``t`` (computing its features if new)."""
    rec = _line_cache.get(t)
    if rec is None:
        rec = (line_features(t), None, None, None)
        _line_cache.put(t, rec, len(t))
    return rec


# The site-template keys of a document's new lines, given what the compiled pass has of their
# normalised forms (neardup.clean.template.keys_of_new_lines)
KeysOf = Callable[[list[str], "Normalised | None"], list[int]]


def _records(texts: list[str], keys_of: KeysOf | None = None) -> list[LineRecord]:
    """The cache record of each of ``texts`` (line texts), the features of new lines computed
    in one :func:`features_of_lines` call, and, given ``keys_of`` (site-template keys of a list
    of lines, see :func:`record_keys`), their keys in one call: a new line's record is then
    complete when it goes into the cache."""
    recs, absent = _line_cache.get_many(texts)
    if not absent:
        return recs
    new: dict[str, list[int]] = {}  # the text of a new line -> its indices
    for i in absent:
        new.setdefault(texts[i], []).append(i)
    new_texts = list(new)
    feats, normalised = features_and_norms(new_texts)
    keys = keys_of(new_texts, normalised) if keys_of is not None else repeat(None)
    new_recs = [
        (f, None, None, key) for f, key in zip(feats, keys, strict=keys_of is not None)
    ]
    _line_cache.put_many(new_texts, new_recs)
    for where, rec in zip(new.values(), new_recs, strict=True):
        for i in where:
            recs[i] = rec
    return recs


def compute_features(line: Line) -> None:
    """Fill the feature fields of ``line`` from its text (see :func:`line_features`)."""
    for name, value in zip(FEATURE_FIELDS, _record(line.text)[0], strict=True):
        setattr(line, name, value)


# Hard-wrapped text (plain-text releases, e-mail, <pre> blocks): a paragraph printed as lines of
# at most WRAP_MIN_WIDTH..WRAP_MAX_WIDTH characters, each broken where the next word would not
# fit. Such a block of WRAP_MIN_LINES or more lines, most of whose breaks are of that kind,
# is one paragraph: read line by line, its 60-character pieces look like headings and nav
# items, and the cleaner dropped most of the article.
WRAP_MIN_WIDTH = 40
WRAP_MAX_WIDTH = 100
WRAP_MIN_LINES = 3
WRAP_SHARE = 0.75
WRAP_MIN_WORDS = 4


def _wrapped_breaks(block: list[str]) -> list[bool] | None:
    """For each break between consecutive lines of ``block``: is it a soft wrap? None when
    the block is no hard-wrapped text (the common case).

    A break is a wrap when the next line's first word would not have fitted at the end of
    the line within the block's width (the greedy rule every text wrapper follows), so a
    short line (a heading, a paragraph's last line) ends a run.
    """
    if len(block) < WRAP_MIN_LINES:
        return None
    width = max(map(len, block))
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return None
    # (a line of fewer than WRAP_MIN_WORDS words is no wrapped prose: a menu item, or a script
    # written without spaces, whose "first word" is the whole next line)
    breaks = [
        len(a.split(None, WRAP_MIN_WORDS)) >= WRAP_MIN_WORDS
        and len(a) + 1 + len(b.split(None, 1)[0]) > width
        for a, b in zip(block, block[1:], strict=False)
    ]
    if sum(breaks) < WRAP_SHARE * len(breaks):
        return None
    # (wrapped prose ends a sentence somewhere; a page header of three lines of about the same
    # width, "By Jane Doe, AP Writer" / "Published 8:42 am EST, Friday, November 15, 2019" /
    # "Facebook Twitter Email Print", ends none and was joined into one line, which was then
    # too long for a byline or a date line)
    return breaks if any(map(TERMINAL_RE.search, block)) else None


# A sentence broken over lines where an inline element began or ended: scrapers that write
# every text node of a page on a line of its own ("The senator said" / "John Smith" / "would
# vote against it.") cut paragraphs at each link, and the pieces looked like headings and
# menu items. A line that opens with a lower-case letter or with a mark no sentence opens with,
# right under a line that ends no sentence (no blank line between), carries that line on --
# unless its first word opens a line of its own: a link ("http://..."), a label ("updated:")
# or a byline ("by Jane Doe"). So does a short piece (a link's text: "John Smith") between
# two such lines. The pieces are joined when the last of them ends the sentence: lines that
# carry on one another without ever ending one, or short items opening with letters, are a
# list ("baby carrier" / "healthy snack bars" / "camera"), whose items stay lines.
_CONTINUING_MARKS = frozenset(",;:)]’”%.!?")
BRIDGE_WORDS = 5  # a piece between two pieces of a sentence has at most this many words
LIST_RUN_LINES = 3  # a run of this many lines or more before its last ...
LIST_ITEM_WORDS = 3  # ... of at most this many words each: a list, not a broken sentence


_QUOTE_MARKS = frozenset("‘“\"'")


def _opens_on(line: str) -> bool:
    """``line`` opens as a sentence's continuation does (lower case, or a mark; or a quote
    mark then a space or a mark: the closing quote of a title in the line above, typed the
    wrong way round, "The installation – entitled" / "‘Jewels after Jewels" / "‘ and
    conceived to")."""
    first = line[0]
    return (first.islower() or first in _CONTINUING_MARKS
            or (first in _QUOTE_MARKS and (line[1:2] == " " or line[1:2] in _CONTINUING_MARKS)))


def _continues(prev: str, line: str) -> bool:
    """``line`` (which :func:`_opens_on`) carries on the sentence that ``prev``, the line above
    it, broke off."""
    if TERMINAL_RE.search(prev):
        return False
    word = line.split(None, 1)[0]
    return not (word == "by" or word.endswith(":") or "://" in word or word.startswith("www."))


def _carries(lines: list[tuple[int, int, str, bool]], j: int) -> bool:
    """``lines[j]`` carries on ``lines[j - 1]``: by its opening, or as a short piece between
    it and a line that carries on by its opening. (Most lines fail on two first characters.)"""
    line = lines[j]
    if line[3]:  # (a blank line above it)
        return False
    if _opens_on(line[2]):
        return _continues(lines[j - 1][2], line[2])
    after = lines[j + 1] if j + 1 < len(lines) else None
    return (after is not None and not after[3] and _opens_on(after[2])
            and len(line[2].split(None, BRIDGE_WORDS)) <= BRIDGE_WORDS
            and not TERMINAL_RE.search(lines[j - 1][2]) and _continues(line[2], after[2]))


def _list_run(run: list[tuple[int, int, str, bool]]) -> bool:
    """``run`` (the lines of a run but its last) are the items of a list: short, and none
    opens with a mark (", said his" carries a sentence on)."""
    return len(run) >= LIST_RUN_LINES and all(
        len(piece[2].split(None, LIST_ITEM_WORDS)) <= LIST_ITEM_WORDS
        and piece[2][0] not in _CONTINUING_MARKS for piece in run)


def _join_continued(lines: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """``lines`` (``logical_lines`` tuples) with each sentence broken over lines (a run of
    lines each of which carries on the one above it, :func:`_carries`, the last ending the
    sentence, not a list) joined into one line (pieces separated by one space, none before a
    piece that opens with a mark; offsets span them all)."""
    out: list[tuple[int, int, str, bool]] | None = None  # (built at the first join: most
    done = 0  # lines[:done] are in out                     pages have none)
    k = 1
    while k < len(lines):
        if not _carries(lines, k):
            k += 1
            continue
        last = k  # the run lines[k - 1 .. last]: each line carries on the one above it
        while last + 1 < len(lines) and _carries(lines, last + 1):
            last += 1
        if TERMINAL_RE.search(lines[last][2]) and not _list_run(lines[k - 1 : last]):
            if out is None:
                out = []
            out += lines[done : k - 1]
            head = lines[k - 1]
            text = head[2]
            for piece in lines[k : last + 1]:  # (", as well": no space before the mark)
                text += piece[2] if piece[2][0] in _CONTINUING_MARKS else f" {piece[2]}"
            out.append((head[0], lines[last][1], text, head[3]))
            done = last + 1
        k = last + 1
    if out is None:
        return lines
    return out + lines[done:]


# A comment's header printed one text node a line, as a scraper's get_text("\n") prints
# WordPress's "<cite>Name</cite> <span>says:</span>" or "<cite>Name</cite> on <a>date</a>
# said:": the verb alone on a line, in lower case as comment systems print it, joins the line
# above it (the name), or, below a date line under a lone "on" or "at", the three lines
# above it. The header is then one line, as the page's own text has it, and reads as one
# ("Milan Griffes on September 12, 2018 at 4:47 pm said:"; its pieces, short lines between
# a post and its thread, had cut the post off the region: AEB as text nodes, a blog post lost).
_LONE_VERB = r"(?:says|said|wrote|writes|commented|replied) ?:"
_LONE_VERB_RE = re.compile(_LONE_VERB)
_CONNECTOR_RE = re.compile(r",? ?(?:on|at)")
HEADER_NAME_WORDS = 6  # a commenter's name line (a name, or names) has at most this many words


def _join_comment_headers(lines: list[tuple[int, int, str, bool]]
                          ) -> list[tuple[int, int, str, bool]]:
    out: list[tuple[int, int, str, bool]] = []
    for line in lines:
        if (out and not line[3] and len(line[2]) <= 12
                and _LONE_VERB_RE.fullmatch(line[2]) is not None):
            head = len(out) - 1
            if (head >= 2 and not out[head][3] and not out[head - 1][3]
                    and _CONNECTOR_RE.fullmatch(out[head - 1][2]) is not None
                    and has_date_or_time(out[head][2])):
                head -= 2  # (the name, "on", the date)
            name = out[head][2]
            if (len(name.split(None, HEADER_NAME_WORDS)) <= HEADER_NAME_WORDS
                    and not TERMINAL_RE.search(name)):
                pieces = [*out[head:], line]
                text = pieces[0][2]
                for piece in pieces[1:]:
                    text += piece[2] if piece[2][0] == "," else f" {piece[2]}"
                out[head:] = [(pieces[0][0], line[1], text, pieces[0][3])]
                continue
        out.append(line)
    return out


def logical_lines(text: str) -> list[tuple[int, int, str, bool]]:
    """``(start, end, text, blank_before)`` of each non-blank line, hard-wrapped paragraphs
    and sentences broken over lines (:func:`_continues`) joined into one line (pieces
    separated by one space; offsets span the whole paragraph)."""
    physical: list[tuple[int, int, str, bool]] = []
    blocks: list[int] = []  # where each block (lines with no blank line between them) starts
    pos = 0
    blank = True
    text = plain_spaces(as_lf(text))
    # (a line of space entities or invisible characters is a blank line)
    entities = _may_hold_blank_like(text)
    for raw in text.split("\n"):
        stripped = raw.strip()
        if entities and stripped[:1] in _BLANK_LIKE_FIRST and _entity_blank(stripped):
            stripped = ""
        if stripped:
            if blank:
                blocks.append(len(physical))
            # (strip() returns the line itself when there is nothing to strip)
            s = pos if stripped is raw else pos + raw.find(stripped[0])
            physical.append((s, s + len(stripped), stripped, blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    lines = _join_wrapped(physical, blocks)
    if _MAY_CONTINUE_RE.search(text) is None:
        return lines
    lines = _join_continued(lines)
    return _join_comment_headers(lines) if _MAY_HOLD_VERB_RE.search(text) is not None else lines


def _join_wrapped(physical: list[tuple[int, int, str, bool]], blocks: list[int]
                  ) -> list[tuple[int, int, str, bool]]:
    """The lines with each hard-wrapped paragraph of a block joined into one line (``blocks``:
    where each block starts). Blocks of two lines are joined by the width of the text's
    wrapped blocks of three lines or more, when it has some: a two-line paragraph of text
    wrapped at 80 columns was a headline-like first line over a sentence's end."""
    if len(physical) < WRAP_MIN_LINES:
        return physical
    blocks.append(len(physical))
    found: dict[int, list[bool]] = {}  # block start -> its breaks (wraps or not)
    width = 0  # (the width the text is wrapped at, from its wrapped blocks)
    for i, j in zip(blocks, blocks[1:], strict=False):
        if j - i >= WRAP_MIN_LINES:
            texts = [b[2] for b in physical[i:j]]
            breaks = _wrapped_breaks(texts)
            if breaks is not None:
                found[i] = breaks
                width = max(width, max(map(len, texts)))
    if not found:
        return physical
    for i, j in zip(blocks, blocks[1:], strict=False):
        if j - i == 2 and _wraps_at(physical[i][2], physical[i + 1][2], width):
            found[i] = [True]
    # (the output is only built when a block is hard-wrapped: up to physical[done], the
    # physical lines are the lines)
    out: list[tuple[int, int, str, bool]] = []
    done = 0
    for i, j in zip(blocks, blocks[1:], strict=False):
        breaks = found.get(i)
        if breaks is None:
            continue
        block = physical[i:j]
        out += physical[done:i]
        k = 0
        while k < len(block):
            m = k
            while m < len(breaks) and breaks[m]:
                m += 1
            first, last = block[k], block[m]
            joined = first[2] if m == k else " ".join(b[2] for b in block[k : m + 1])
            out.append((first[0], last[1], joined, first[3]))
            k = m + 1
        done = j
    out += physical[done:]
    return out


def _wraps_at(line: str, after: str, width: int) -> bool:
    """The break between ``line`` and the line ``after`` it is a wrap at ``width`` (the
    greedy rule of :func:`_wrapped_breaks`): ``line`` is prose that fits (``width``, the
    longest line of the wrapped blocks, may fall a few characters short of the width the
    text was wrapped at), and ``after``'s first word would not have."""
    return (len(line) <= width + WRAP_SLACK and len(after) <= width + WRAP_SLACK
            and len(line.split(None, WRAP_MIN_WORDS)) >= WRAP_MIN_WORDS
            and len(line) + 1 + len(after.split(None, 1)[0]) > width)


WRAP_SLACK = 5


_LINE_TEXT = itemgetter(2)  # (of a logical_lines tuple)


def logical_line_texts(text: str) -> list[str]:
    """The texts of :func:`logical_lines` (what the site-template pass needs), without their
    offsets: the lines stripped by a C-level ``map``, and :func:`logical_lines` itself only
    when a block could be a hard-wrapped paragraph or a line could carry on the one above it
    (most pages have neither). Unicode spaces may stay (:func:`plain_spaces`): the lines are
    the same, and a line's site-template key sees any space as one."""
    text = as_lf(text)
    pieces = list(map(str.strip, text.split("\n")))
    if _may_hold_blank_like(text):
        # (a line of space entities or invisible characters is blank, as in logical_lines)
        pieces = ["" if p[:1] in _BLANK_LIKE_FIRST and _entity_blank(p) else p for p in pieces]
    if (_may_hold_wrapped_block(pieces) or _MAY_CONTINUE_RE.search(text) is not None
            or (not text.isascii() and "\u200b" in text)):  # (a space to logical_lines)
        return list(map(_LINE_TEXT, logical_lines(text)))
    return list(filter(None, pieces))


# A line that may carry on the one above it (see _continues), tested in C: it opens with a
# letter that is no ASCII capital, one of _CONTINUING_MARKS, one of the few characters
# that are lower-case without being letters (U+0345, circled ⓐ-ⓩ), or a quote mark and a
# space or a mark: every str.islower() character is in this set (a test checks it), and most
# lines fail it.
_MAY_CONTINUE_RE = re.compile(
    r"\n[^\S\n]*(?:[^\W\d_A-Z]|[,;:)\]’”%.!?\u0345\u24d0-\u24e9]|[‘“\"'][ ,;:)\]’”%.!?])")
# (a line that may be a comment header's verb alone: see _join_comment_headers)
_MAY_HOLD_VERB_RE = re.compile(rf"\n[^\S\n]*{_LONE_VERB}")


def _may_hold_wrapped_block(pieces: list[str]) -> bool:
    """Some block of the stripped lines ``pieces`` (a run of non-blank ones) is long enough
    and of a width in range to be hard-wrapped text (see :func:`_wrapped_breaks`); else
    :func:`logical_lines` leaves every line as it is."""
    run = width = 0
    for n in map(len, pieces):
        if n:
            run += 1
            if n > width:
                width = n
        else:
            if run >= WRAP_MIN_LINES and WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
                return True
            run = width = 0
    return run >= WRAP_MIN_LINES and WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH


_UNCLASSIFIED = ("short", "")  # Line's default (cls, reason)
_new_object = object.__new__
_FIRST = itemgetter(0)
_THIRD = itemgetter(2)
_FOURTH = itemgetter(3)


def _new_lines(physical: list[tuple[int, int, str, bool]], recs: list[LineRecord]) -> list[Line]:
    """The Line of each of ``physical`` (:func:`logical_lines` tuples) with its record:
    ``Line(i, start, end, text, *features, *cls_reason, False, blank_before)`` with
    ``features, _, cls_reason, _ = rec`` (``cls_reason`` None: unclassified), built without the
    dataclass ``__init__`` (binding 25 arguments costs more than setting the slots), in one
    loop (analyse builds a Line per line of every document)."""
    lines: list[Line] = []
    append = lines.append
    new = _new_object
    for i, ((start, end, text, blank), rec) in enumerate(zip(physical, recs, strict=True)):
        ln = new(Line)
        ln.index, ln.start, ln.end, ln.text = i, start, end, text
        (
            ln.n_words,
            ln.n_chars,
            ln.stop_ratio,
            ln.lower_ratio,
            ln.title_ratio,
            ln.digit_ratio,
            ln.terminal,
            ln.n_sentences,
            ln.n_commas,
            ln.cue,
            ln.cue_words,
            ln.timestamp,
            ln.credit,
            ln.latin_script,
            ln.cjk,
            ln.key,
        ) = rec[0]  # (in the order of FEATURE_FIELDS)
        ln.cls, ln.reason = rec[2] or _UNCLASSIFIED
        ln.keep, ln.blank_before, ln.in_list, ln.own_cls = False, blank, False, ""
        append(ln)
    return lines


def _new_line(
    index: int,
    start: int,
    end: int,
    text: str,
    features: tuple,
    cls_reason: tuple[str, str],
    blank_before: bool,
) -> Line:
    """``Line(index, start, end, text, *features, *cls_reason, False, blank_before)``, as
    :func:`_new_lines` builds it."""
    ln = _new_lines([(start, end, text, blank_before)], [(features, None, cls_reason, None)])[0]
    ln.index = index
    return ln


def analyse(text: str) -> list[Line]:
    """Split ``text`` into lines, compute features and the initial classes.

    The non-blank lines with ``[start, end)`` offsets of their stripped content in ``text``
    (hard-wrapped paragraphs joined, see :func:`logical_lines`), then :func:`compute_features`
    and :func:`classify` on each line, in one pass (each Line is built with its features).
    """
    return analyse_records(text)[0]


def analyse_records(
    text: str, keys_of: KeysOf | None = None
) -> tuple[list[Line], list[LineRecord]]:
    """:func:`analyse`, and the cache record of each line (for :func:`record_keys`);
    ``keys_of``: the site-template keys of the new lines, given their normalised forms from
    the features pass (:func:`features_and_norms`), when the caller will need the keys."""
    physical = logical_lines(text)
    recs = _records(list(map(_LINE_TEXT, physical)), keys_of)
    lines = _new_lines(physical, recs)
    # classify() is a function of the text (through its features) and english_like: recurring
    # lines (navigation, footers) take their class from the line's record. Most pages are
    # english_like: that class went in above, the guess is checked below.
    todo = [i for i, rec in enumerate(recs) if rec[2] is None]  # (no class for english_like)
    feats = list(map(_FIRST, recs))
    total = sum(map(_FIRST, feats))
    # (the stop words, summed in line order as floats: the same sum whatever the version)
    stops = reduce(add, map(mul, map(_THIRD, feats), map(_FIRST, feats)), 0.0)
    english_like = total > 0 and stops / total >= 0.12
    young = _line_cache.young  # (LineCache.update inline: no more puts below)
    if english_like:
        for i in todo:
            ln = lines[i]
            classify(ln, True)
            if ln.text in young:
                rec = recs[i]
                young[ln.text] = (rec[0], rec[1], (ln.cls, ln.reason), rec[3])
        return lines, recs
    for ln, rec in zip(lines, recs, strict=True):
        hit = rec[1]
        if hit is None:
            ln.cls, ln.reason = _UNCLASSIFIED  # (classify() may leave reason as it finds it)
            classify(ln, False)
            if ln.text in young:
                young[ln.text] = (rec[0], (ln.cls, ln.reason), rec[2], rec[3])
        else:
            ln.cls, ln.reason = hit
    return lines, recs


def record_keys(
    texts: list[str], recs: list[LineRecord], compute: Callable[[list[str]], list[int]]
) -> list[int]:
    """The site-template key of each line (``texts``, with their records from
    :func:`analyse_records`): from the line's record, else computed by ``compute`` (for a list
    of lines) and kept in the record. The template step then needs no look-up of its own per
    line (a second dict look-up by the line's text, which is no longer in the CPU caches)."""
    keys = list(map(_FOURTH, recs))
    if None not in keys:
        return keys
    missing = [i for i, k in enumerate(keys) if k is None]
    young = _line_cache.young
    for i, h in zip(missing, compute([texts[i] for i in missing]), strict=True):
        keys[i] = h
        t = texts[i]
        rec = young.get(t)  # (the current record: its class may have been set since)
        if rec is not None:
            young[t] = (rec[0], rec[1], rec[2], h)
    return keys
