"""Repeats inside one document: body printed twice, a paragraph repeated, a pull quote.

Pages often carry the same text twice (an AMP copy and the normal copy, a "print" block, a
pull quote set in large type next to the paragraph it quotes). For deduplication and for
readers, one copy of each is enough. We keep the *first full* occurrence in place: for an exact
repeat that is the first copy; for a pull quote (a short line whose words are contained in a
longer nearby paragraph) the paragraph is the full occurrence and the pull quote goes, together
with its attribution line ("— Name, title") if it has one.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate
from operator import attrgetter

from neardup.clean.features import WORD_RE
from neardup.clean.lines import Line
from neardup.clean.stamps import POST_BY_RE

_N_WORDS = attrgetter("n_words")
_ATTRIBUTION_RE = re.compile(r"^\s*[—–―-]{1,2}\s*\S")
# A repeated prose paragraph of at least this many words goes on its own; anything else only
# inside a run of consecutive repeats of at least MIN_BLOCK_WORDS words (a copied body).
MIN_REPEAT_WORDS = 12
MIN_BLOCK_WORDS = 120
PULL_QUOTE_WINDOW = 6


# A page may print its whole body twice: as paragraphs, and once more as one long line (the
# article text of the page's structured data, rendered by the scraper). A line of at least
# COPY_MIN_WORDS words at least COPY_SHARE of whose words are other lines of the page (lines of
# COPY_PART_WORDS words or more, found in it verbatim) is such a copy. Measured on the AEB pages
# (bench/aeb_errors.py): the copies there are 1,600-word lines made of the page's paragraphs
# (share ~0.95); a long paragraph that quotes a pull quote or a heading is far below 0.5.
COPY_MIN_WORDS = 100
COPY_SHARE = 0.6
COPY_PART_WORDS = 8
# ... and it is made of several of them, printed before it (the first occurrence stays, as in
# mark_repeats): a lead paragraph with its dateline ("TOKYO (Reuters) - ...") contains its own
# later copy without the dateline, and is no copy of the body (synth pages that print the body
# twice).
COPY_MIN_PARTS = 3
# It opens with the words of an earlier line (the body's first paragraph): the first
# COPY_PREFIX characters of its key open an earlier line's key (a cheap first test).
COPY_PREFIX = 24
# A page prints its body again once or twice (an AMP copy, its structured data): only its
# longest candidates are tested (thousands of long lines opening alike, a forum dump or a log,
# made the test quadratic: 16 s for a 7 MB page).
COPY_MAX_CANDIDATES = 16


def mark_body_copy(lines: list[Line]) -> None:
    """Set ``cls = "bad"``, ``reason = "repeat"`` on one-line copies of the page's body.

    Runs before the article-region search: left in, the copy (a single huge "paragraph") made
    a region of its own, and carried the page's metadata lines around it (image URL, sizes,
    publisher name) into the article.
    """
    if not lines or max(map(_N_WORDS, lines)) < COPY_MIN_WORDS:
        return  # (most pages: no line that long)
    # (a copy of the body opens with its first paragraph, printed before it: a cheap test
    # that long paragraphs fail. A candidate's key has 100 words, so its prefix has all
    # COPY_PREFIX characters, and an earlier key opens with it when the earlier key's first
    # COPY_PREFIX characters are it: one set of the prefixes seen, not a scan of every earlier
    # line per candidate, which was quadratic on a page of thousands of long lines)
    cands = []
    openings: set[str] = set()
    for ln in lines:
        if ln.n_words >= COPY_MIN_WORDS and ln.cls != "bad" and (
                ln.key[:COPY_PREFIX] in openings):
            cands.append(ln)
        openings.add(ln.key[:COPY_PREFIX])
    if not cands:
        return
    parts = [ln for ln in lines if ln.n_words >= COPY_PART_WORDS and ln.cls != "bad" and ln.key]
    if len(parts) < COPY_MIN_PARTS:
        return
    # (the longest first: a copy found goes, and no longer covers a shorter line; at most
    # COPY_MAX_CANDIDATES of them, since each is tested against every shorter line before it)
    for c in sorted(cands, key=lambda ln: -ln.n_words)[:COPY_MAX_CANDIDATES]:
        key = c.key
        # (the copy repeats text printed before it: the first occurrence stays)
        before = [p for p in parts if p.index < c.index and p.n_words < c.n_words]
        need = COPY_SHARE * c.n_words
        left = sum(map(_N_WORDS, before))
        covered = n_parts = 0
        inside = key.__contains__ if len(key) < COPY_INDEX_CHARS else _WordIndex(key).holds
        # (longest first, until what is left cannot make up the share: a few tests a line)
        for p in sorted(before, key=_N_WORDS, reverse=True):
            if covered + left < need:
                break
            left -= p.n_words
            if p.cls != "bad" and inside(p.key):
                covered += p.n_words
                n_parts += 1
                if n_parts >= COPY_MIN_PARTS and covered >= need:
                    break  # (decided)
        if n_parts >= COPY_MIN_PARTS and covered >= need:
            c.cls, c.reason = "bad", "repeat"


# A copy's key longer than this is indexed by its words (``_WordIndex``): a test of each part
# by a scan of the key made a 5 MB page of 32,000 paragraphs printed again on one line take 6 s.
COPY_INDEX_CHARS = 20_000


class _WordIndex:
    """``holds(part)`` is ``part in key`` for keys of words joined by single spaces, mostly
    without scanning the key: a part found word for word at a place of its rarest word is in
    it; a part one of whose inner words is no word of the key is not (an inner word stands
    whole between two spaces in any place of the part in the key); else the scan decides."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.words = key.split(" ")
        self.places: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            self.places.setdefault(word, []).append(i)

    def holds(self, part: str) -> bool:
        words, places = part.split(" "), self.places
        if any(w not in places for w in words[1:-1]):
            return False
        rarest = min(range(len(words)), key=lambda k: len(places.get(words[k], ())))
        n = len(words)
        for i in places.get(words[rarest], ())[:8]:
            start = i - rarest
            if start >= 0 and self.words[start:start + n] == words:
                return True
        return part in self.key


def norm_key(text: str) -> str:
    """Case- and punctuation-insensitive key of a line."""
    return " ".join(WORD_RE.findall(text.lower()))


# A list item's number ("1. ", "10) "): a body printed twice, once as a numbered list and once
# as paragraphs (a news digest's items and its structured-data copy, as Markdown), repeats
# its items without their numbers.
_ITEM_NUMBER_RE = re.compile(r"\d{1,3}[.)]\s")


def _repeat_key(ln: Line) -> str:
    """The line's key, without its number when it is a numbered list item."""
    key = ln.key or norm_key(ln.text)
    if ln.text[:1].isdigit() and _ITEM_NUMBER_RE.match(ln.text) is not None:
        key = key.partition(" ")[2]
    return key


# A copy of the body may cut its paragraphs into lines elsewhere than the first copy did (the
# page's text nodes: a digest item's headline and summary as two nodes in one copy, one
# paragraph in another): a line of one copy is then two or three consecutive lines of the
# other, joined. Only lines of SPLIT_MIN_WORDS words or more are looked at as such joins.
SPLIT_PARTS = 3
SPLIT_MIN_WORDS = 12


# Keys of lines that one copy cuts and the other joins open alike: their first SPLIT_PREFIX
# characters (a cheap first test, which most pages fail).
SPLIT_PREFIX = 16


def _prefix_shared(keys: list[str]) -> bool:
    """Two different keys open with the same SPLIT_PREFIX characters."""
    opening: dict[str, str] = {}
    for k in keys:
        if len(k) < SPLIT_PREFIX:
            continue
        other = opening.setdefault(k[:SPLIT_PREFIX], k)
        if other != k:
            return True
    return False


def _split_copies(kept: list[Line], keys: list[str]) -> list[bool]:
    """Which of ``kept`` repeat earlier text cut into lines another way: a line whose key is
    the keys of 2 to SPLIT_PARTS consecutive earlier lines joined, or 2 to SPLIT_PARTS
    consecutive lines whose keys joined are an earlier line's key (each such line True)."""
    rep = [False] * len(kept)
    if not _prefix_shared(keys):
        return rep
    long = [i for i, (k, ln) in enumerate(zip(keys, kept, strict=True))
            if k and ln.n_words >= SPLIT_MIN_WORDS]
    if len(long) < 2:
        return rep
    first: dict[str, int] = {}  # a long line's key -> where it is first
    for i in long:
        first.setdefault(keys[i], i)
    joined: dict[str, int] = {}  # keys of consecutive lines joined -> where they first end
    for i in range(len(kept)):
        for w in range(2, SPLIT_PARTS + 1):
            if i + w > len(kept) or not all(keys[i:i + w]):
                break
            key = " ".join(keys[i:i + w])
            if first.get(key, i) < i:  # (the lines of a line printed before)
                for j in range(i, i + w):
                    rep[j] = True
            joined.setdefault(key, i + w - 1)
    for i in long:
        if joined.get(keys[i], i) < i:  # (a line made of lines printed before)
            rep[i] = True
    return rep


def mark_repeats(lines: list[Line]) -> None:
    """Un-keep repeated lines among ``lines[i].keep``; sets ``reason = 'repeat'``.

    Structured content repeats legitimately (recipe steps, table headers, interview questions
    asked of several people), so a repeated line only goes when it is a paragraph of prose
    (``good``), or part of a run of consecutive repeats long enough to be a copied block.
    """
    kept = [ln for ln in lines if ln.keep]
    keys = [_repeat_key(ln) for ln in kept]
    is_rep = _split_copies(kept, keys)
    if len(set(keys)) == len(keys) and not any(is_rep):
        _mark_pull_quotes(lines, kept, keys)  # (no line twice: no repeats, all lines still kept)
        return
    seen: dict[str, int] = {}
    for i, k in enumerate(keys):
        if not k:
            continue
        if k in seen:
            is_rep[i] = True
        else:
            seen[k] = i
    runs: list[tuple[int, int, bool]] = []  # (start, end, is a copied block)
    i = 0
    while i < len(kept):
        if not is_rep[i]:
            i += 1
            continue
        j = i
        while j < len(kept) and is_rep[j]:
            j += 1
        run = kept[i:j]
        words = sum(ln.n_words for ln in run)
        prose = sum(1 for ln in run if ln.cls == "good")
        runs.append((i, j, words >= MIN_BLOCK_WORDS and prose >= 3))
        i = j
    # A paragraph copied, or set again as a pull quote, is printed twice; a line printed three
    # or more times is an item of structured content (the same dish on several days of a meal
    # plan, a step of each variant), which stays, as a repeated question does.
    times = Counter(keys)
    for i, j, block in runs:
        for ln, k in zip(kept[i:j], keys[i:j], strict=True):
            # a repeated question is the interview format (same question to several people)
            question = ln.text.rstrip().endswith(("?", '?"', "?”"))
            if block or (ln.cls == "good" and ln.n_words >= MIN_REPEAT_WORDS and not question
                         and times[k] <= 2):
                ln.keep, ln.reason = False, "repeat"
    still = [i for i, ln in enumerate(kept) if ln.keep]
    _mark_pull_quotes(lines, [kept[i] for i in still], [keys[i] for i in still])


def _mark_pull_quotes(lines: list[Line], kept: list[Line], keys: list[str]) -> None:
    padded = [f" {k} " for k in keys]
    # All padded keys in one string (keys hold no newline), with their offsets: a pull quote's
    # padded key occurs at least twice in the span of its window (once as itself), a cheap
    # necessary condition tested before the line-by-line search.
    joined = "\n".join(padded)
    sizes = list(map(len, padded))
    offsets = list(accumulate([n + 1 for n in sizes], initial=0))
    for i, ln in enumerate(kept):
        k = keys[i]
        if not k or ln.n_words < 6 or ln.n_words > 80:
            continue
        lo, hi = max(0, i - PULL_QUOTE_WINDOW), min(len(kept), i + PULL_QUOTE_WINDOW + 1)
        # (the line it quotes is longer by more than 10: none in the window, nothing to find;
        # the line itself is not)
        if max(sizes[lo:hi]) <= sizes[i] + 10:
            continue
        # (the 12-character prefix test is a cheap necessary condition)
        found = (joined.count(padded[i], offsets[lo], offsets[hi - 1] + sizes[hi - 1]) >= 2
                 and any(j != i and kept[j].keep and len(keys[j]) > len(k) + 10
                         and padded[i][:12] in padded[j] and padded[i] in padded[j]
                         for j in range(lo, hi)))
        if not found and ln.n_sentences >= 2 and joined.count(
                _first_words(padded[i]), offsets[lo], offsets[hi - 1] + sizes[hi - 1]) >= 2:
            # (its first sentence elsewhere in the window, found by a C-level count, before
            # the rest is looked for; its first two words first)
            end = _SENTENCE_SPLIT_RE.search(ln.text)
            first = f" {norm_key(ln.text[:end.start()])} " if end is not None else "  "
            if first != "  " and joined.count(first, offsets[lo],
                                               offsets[hi - 1] + sizes[hi - 1]) >= 2:
                found = _quote_of_split_paragraph(ln, first, end.end(), lines, kept, padded,
                                                  lo, hi, i)
        if not found:
            continue
        ln.keep, ln.reason = False, "repeat"
        nxt = i + 1
        if (
            nxt < len(kept)
            and kept[nxt].keep
            and _ATTRIBUTION_RE.match(kept[nxt].text)
            and kept[nxt].n_words <= 15
        ):
            kept[nxt].keep, kept[nxt].reason = False, "repeat"


# An embedded post's text is followed by its attribution at most this many lines below
# (its hashtags and link between): the post a paragraph quoted, no pull quote
POST_LINES = 6
# A sentence's end inside a line (and the closing quote after it)
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?…])[\"”’]?\s+")


def _first_words(padded: str) -> str:
    """The first two words of a padded key, padded (" w1 w2 "; "" for a key of one word)."""
    return padded[:padded.find(" ", padded.find(" ", 1) + 1) + 1]


def _quote_of_split_paragraph(ln: Line, first: str, rest: int, lines: list[Line],
                              kept: list[Line], padded: list[str], lo: int, hi: int,
                              i: int) -> bool:
    """A pull quote of two sentences or more whose paragraph, in ``kept[lo:hi]``, splits the
    quote with its attribution ("We are front-loading the costs ... That's how these deals
    work." beside "“We are front-loading the costs ...,” Bickford said. “That's how these
    deals work. ...”"): its sentences, in order, in one longer paragraph there."""
    # (``first``: the first sentence's padded key; ``rest``: where the next one starts)
    longer = len(padded[i]) + 10
    holders = [j for j in range(lo, hi) if j != i and kept[j].keep and len(padded[j]) > longer
               and first in padded[j]]  # (the first sentence's, the cheap test)
    if not holders:
        return False
    pieces = [first, *(f" {k} " for k in map(norm_key, _SENTENCE_SPLIT_RE.split(ln.text[rest:]))
                       if k)]
    if len(pieces) < 2:
        return False
    for j in holders:
        other, at = padded[j], 0
        for piece in pieces:
            at = other.find(piece, at)
            if at < 0:
                break
            at += len(piece) - 1  # (the next piece may start at this one's closing space)
        else:
            # (a post the story quotes, embedded below it: "— Name (@handle)" follows)
            return not any(POST_BY_RE.match(other_ln.text) is not None
                           for other_ln in lines[ln.index + 1:ln.index + 1 + POST_LINES])
    return False
