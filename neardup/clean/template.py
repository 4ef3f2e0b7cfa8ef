"""Site templates: lines that recur across many documents of the same site.

Navigation, footers, "Follow us" rows, section menus: a publisher prints the same lines on most
of its pages. A first pass over the corpus counts, per site, in how many documents each
(normalised) line occurs; lines above the threshold are that site's template and the cleaner
drops them. Counting is per site, not corpus-wide: "Send this to a friend" may be template on
one site and a line of an article elsewhere.

Memory bound
------------
Lines are never stored, only 64-bit xxhash values of the normalised line (per site: every site
has its own counters, so the site need not be part of the hash, and the hash of a line is the
same on every site, which lets one cache serve them all).
Each site holds at most ``max_lines_per_site`` counters and the whole learner at most
``max_entries`` counters (defaults 4,096 and 2,000,000: roughly 100-250 MB of Python dicts in
the worst case, independent of the number of documents; plus one small record per site).
When a bound is exceeded we prune, Misra-Gries / lossy-counting style, the counters with the
lowest counts (count <= floor, raising the floor until at most half the budget is used) and
add the floor to that site's ``slack``. A stored count is therefore a *lower bound* of the true
number of documents (off by at most ``slack``); template decisions use the lower bound, so
pruning can make us miss a template line but never invent one. Lines of real templates occur in
most documents and survive pruning, which removes the mass of once-seen article lines.

Pages, not fetches
------------------
A page fetched again (a crawl that met it twice, the same text under a tracking URL) is one
page of its site: its lines are counted once, and it is one of the site's documents once.
Counted as often as it was fetched, three fetches of one story among a small site's pages put
every short line of the story (sub-headings, one-line paragraphs) on a fifth of the site's
pages, its template, and took them from every copy: AEB's page texts each fetched three
times, recall 0.966 -> 0.878. A page is known by its key (:func:`page_lines`), a hash of the
keys of its long lines in order (see PAGE_KEY_CHARS; pages without lines, empty or of
punctuation, are one page); the learner keeps the keys of the pages it counted, each with
its site's, in one set of at most ``max_pages`` (default 1,000,000, ~66 MB): past that it
forgets them all and starts again, so that a page met again afterwards is counted again (as
a page fetched again in another shard is by :meth:`SiteTemplateLearner.merge`).

Thresholds
----------
A line is template when its count >= max(``min_docs`` = 3, ceil(``min_fraction`` = 0.2 * site
docs)). 3 because two pages sharing a line is a coincidence (or the same story twice); 0.2
because section menus and sidebars vary by section, so a template line need not be on every
page, while an article line reaching a fifth of a site's pages is rare. Long prose lines (see
:meth:`SiteTemplate.is_template`) need more (>= 10 docs and half the site): a site that
republishes one story several times must not lose that story's paragraphs, which is exactly
what a near-duplicate tool is there to find.

Everything is deterministic (xxhash with a fixed seed, dicts in insertion order) and picklable;
:meth:`SiteTemplateLearner.merge` combines learners built on shards in parallel.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress

import xxhash

from neardup.clean._cache import LineCache
from neardup.clean._kernels import AVAILABLE as KERNELS_AVAILABLE
from neardup.clean._kernels import ascii_norm_kernel, ascii_norms_kernel
from neardup.clean.features import Normalised
from neardup.clean.lines import Line, LineRecord, logical_line_texts, record_keys
from neardup.clean.markdown import markdown_view

_NORM_DIGITS = re.compile(r"\d+")
_HAS_DIGIT = re.compile(r"\d")

MIN_DOCS = 3
MIN_FRACTION = 0.2
PROSE_MIN_DOCS = 10
PROSE_MIN_FRACTION = 0.5
PROSE_WORDS = 12


# Template keys (see line_key) of recently seen lines: navigation and footers recur on every
# page of a site, paragraphs on every copy of a story, and each line is looked up by the learner
# and again by the cleaner. Keyed on the line's text; bounded like the feature cache of
# neardup.clean.lines.
_KEY_CACHE_MAX_CHARS = 2000
_key_cache: LineCache[str, int] = LineCache(60_000, 8_000_000, _KEY_CACHE_MAX_CHARS)


def clear_caches() -> None:
    """Empty the template-key cache (for benchmarks: measure a cold start)."""
    _key_cache.clear()


def normalise_line(line: str) -> str:
    """Lower-case, digits folded to '0', whitespace collapsed, edge punctuation stripped.

    Folding digits makes "19 hours ago" / "3 hours ago" and "© 2019" / "© 2020" one line.
    """
    s = line.lower()
    if _HAS_DIGIT.search(s):
        s = _NORM_DIGITS.sub("0", s)
    if "  " in s or not s.isprintable():
        # (a printable line's only whitespace is single spaces: nothing to collapse, and the
        # edge strip below removes one at either end)
        s = " ".join(s.split())  # the same whitespace class as re's \s
    # strip [\W_] at both ends (\w is isalnum() or "_")
    i, j = 0, len(s)
    while i < j and not s[i].isalnum():
        i += 1
    while j > i and not s[j - 1].isalnum():
        j -= 1
    if i or j < len(s):
        s = s[i:j]
    return s


def line_hash(norm_line: str) -> int:
    """Stable 64-bit hash of a normalised line."""
    return xxhash.xxh3_64_intdigest(norm_line.encode("utf-8"))


_DIGIT_BYTES = b"0123456789"
_FOLD_DIGITS = bytes.maketrans(_DIGIT_BYTES, b"0" * 10)
# ASCII bytes that are not alnum (what normalise_line strips at both ends)
_EDGE_BYTES = bytes(c for c in range(128) if not chr(c).isalnum())


# Non-ASCII characters common in Latin-script text that are neither letters, digits nor
# whitespace (quotes, dashes, ellipsis, bullets, currency and legal signs): a line whose only
# non-ASCII characters are these normalises like ASCII.
_SEPARATORS = "’“”‘—–…«»•·€£©®™°"
_SEPARATORS_B = tuple(c.encode("utf-8") for c in _SEPARATORS)
_SEPARATOR_SET = frozenset(_SEPARATORS)
_ASCII_BYTES = bytes(range(128))
_PRINTABLE_OR_MULTIBYTE = bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))


def _separators_only(line: str) -> bytes | None:
    """The UTF-8 bytes of ``line`` if its only non-ASCII characters are ``_SEPARATORS``,
    else None."""
    b = line.encode("utf-8", "surrogatepass")  # (a lone surrogate: not a separator, None below)
    # (the bytes of the non-ASCII characters, decoded: a few quotes and dashes at most)
    if not b.isascii() and not _SEPARATOR_SET.issuperset(
        b.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    ):
        return None
    return b


def _normalises_on_bytes(line: str) -> bool:
    """``_separators_only(line) is not None``, without encoding ASCII lines."""
    return line.isascii() or _separators_only(line) is not None


def ascii_norm_bytes(b: bytes) -> bytes | None:
    r"""``normalise_line``, UTF-8 encoded, of a line given as its :func:`_separators_only`
    bytes, computed on bytes (C-level translate/strip instead of a regex and a split); None
    when the line is not printable or holds a double space.

    For printable lines without double spaces whose only non-ASCII characters are separators
    (which have no case, and are printable), lower-casing is ASCII lower-casing, the only
    whitespace is single spaces, which collapsing leaves alone (except at the ends, which the
    edge strip removes anyway), ``\d`` means ASCII digits (no UTF-8 byte of another character
    is one) and ``isalnum`` ASCII digits and letters.
    """
    if b.translate(None, _PRINTABLE_OR_MULTIBYTE) or b"  " in b:
        return None
    multibyte = not b.isascii()
    b = b.lower()
    if len(b.translate(None, _DIGIT_BYTES)) != len(b):
        # every digit to "0", then each run of "0"s (= a run of digits) to one "0"
        b = b.translate(_FOLD_DIGITS)
        while b"00" in b:
            b = b.replace(b"00", b"0")
    b = b.strip(_EDGE_BYTES)
    if multibyte:
        # a non-ASCII byte at an edge starts / ends a separator: strip it and go on
        while b and b[0] >= 0x80:
            b = b[len(next(sep for sep in _SEPARATORS_B if b.startswith(sep))) :]
            b = b.strip(_EDGE_BYTES)
        while b and b[-1] >= 0x80:
            b = b[: -len(next(sep for sep in _SEPARATORS_B if b.endswith(sep)))]
            b = b.strip(_EDGE_BYTES)
    return b


# (the compiled version returns a uint8 array: a buffer xxhash reads as it reads bytes)
ascii_norm = ascii_norm_kernel if KERNELS_AVAILABLE else ascii_norm_bytes


def _new_line_key(line: str) -> int:
    """:func:`line_key` computed (on bytes where that is exact, see :func:`ascii_norm_bytes`)."""
    b = _separators_only(line)
    norm_b = None if b is None else ascii_norm(b)
    if norm_b is None:
        norm = normalise_line(line)
        return line_hash(norm) if norm else 0
    return xxhash.xxh3_64_intdigest(norm_b) if len(norm_b) else 0


def line_key(line: str) -> int:
    """Template key of a line: ``line_hash(normalise_line(line))``, 0 when it normalises to
    nothing (a real line hashing to 0 is a 2**-64 chance). Cached."""
    h = _key_cache.get(line)
    if h is None:
        h = _new_line_key(line)
        _key_cache.put(line, h, len(line))
    return h


def line_keys(lines: list[str]) -> list[int]:
    """:func:`line_key` of each of ``lines`` (the computed ones cached)."""
    return _cached_line_keys(lines, True)


def known_or_new_line_keys(lines: list[str]) -> list[int]:
    """:func:`line_key` of each of ``lines``: from the key cache where the line is in it (the
    template pass of the same process just computed most of them), the others computed, not
    cached (the caller keeps them)."""
    return _cached_line_keys(lines, False)


def _cached_line_keys(lines: list[str], remember: bool) -> list[int]:
    """:func:`line_key` of each of ``lines``, from the key cache where the line is in it, the
    others by :func:`new_line_keys` in one call (with the compiled kernels, one kernel call per
    document instead of one per new line); ``remember``: cache those."""
    keys, absent = _key_cache.get_many(lines)
    if absent:
        new = list(map(lines.__getitem__, absent))
        hashes = new_line_keys(new)
        for i, h in zip(absent, hashes, strict=True):
            keys[i] = h
        if remember:
            _key_cache.put_many(new, hashes)
    return keys  # (every None filled)


def new_line_keys(lines: list[str]) -> list[int]:
    """:func:`line_key` of each of ``lines``, not cached: with the compiled kernels, the lines
    normalised on bytes in one call (a few percent faster than a call per line)."""
    if not KERNELS_AVAILABLE:
        return list(map(_new_line_key, lines))
    # (the common case first: every line normalises on bytes, tested on the document's new
    # lines at once, not line by line)
    joined_s = "\n".join(lines)
    b = joined_s.encode("utf-8", "surrogatepass")
    if len(b) == len(joined_s) or _SEPARATOR_SET.issuperset(
        b.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    ):
        if b.count(b"\n") != len(lines) - 1:  # (a line with a line break; or no lines)
            return list(map(_new_line_key, lines))
        norm_array, bound_array = ascii_norms_kernel(b, len(lines))
        return _keys_from_norms(lines, norm_array.tobytes(), bound_array.tolist())
    on_bytes = list(map(_normalises_on_bytes, lines))
    fast = list(compress(lines, on_bytes))
    joined = "\n".join(fast).encode("utf-8")
    if fast and joined.count(b"\n") != len(fast) - 1:  # (a line with a line break: one by one)
        return list(map(_new_line_key, lines))
    if not fast:
        return _keys_from_norms(lines, b"", [[-1, -1]] * len(lines))
    norm_array, bound_array = ascii_norms_kernel(joined, len(fast))
    it = iter(bound_array.tolist())
    bounds = [next(it) if f else [-1, -1] for f in on_bytes]
    return _keys_from_norms(lines, norm_array.tobytes(), bounds)


def _keys_from_norms(lines: list[str], norms: bytes, bounds: list[list[int]]) -> list[int]:
    """:func:`line_key` of each of ``lines`` given the normalised lines ``norms`` of
    :func:`neardup.clean._kernels.ascii_norms_kernel` and the (start, end) of each line's in
    them: (-1, -1) where there is none (the str path, :func:`normalise_line`). Every slice is
    hashed by C-level ``map``; the few lines without a normalised form there (empty: key 0;
    none: :func:`normalise_line`) hashed an empty slice, are found by that hash, then fixed."""
    if len(bounds) != len(lines):
        raise ValueError(f"{len(lines)} lines but {len(bounds)} bounds")
    if not lines:
        return []
    starts, ends = zip(*bounds, strict=True)
    out = list(map(xxhash.xxh3_64_intdigest,
                   map(norms.__getitem__, map(slice, starts, ends))))
    if _EMPTY_HASH in out:
        for i, h in enumerate(out):
            if h == _EMPTY_HASH and ends[i] <= starts[i]:
                if starts[i] >= 0:
                    out[i] = 0
                else:
                    norm = normalise_line(lines[i])
                    out[i] = line_hash(norm) if norm else 0
    return out


_EMPTY_HASH = xxhash.xxh3_64_intdigest(b"")


def keys_of_new_lines(lines: list[str], normalised: Normalised | None) -> list[int]:
    """:func:`line_key` of each of a document's new lines, given what the cleaner's compiled
    features pass has of their normalised forms (see
    :func:`neardup.clean.features.features_and_norms`): those hashed, the others from the key
    cache or computed (:func:`known_or_new_line_keys`). Not cached: the line's record keeps
    its key."""
    if normalised is None:
        return known_or_new_line_keys(lines)
    norms, bounds = normalised
    others = [i for i, (s, _) in enumerate(bounds) if s < 0]
    if not others:
        return _keys_from_norms(lines, norms, bounds)
    keys = _keys_from_norms(lines, norms, [b if b[0] >= 0 else [0, 0] for b in bounds])
    for i, h in zip(others, known_or_new_line_keys([lines[i] for i in others]), strict=True):
        keys[i] = h
    return keys


# A page's key is made of its lines of at least PAGE_KEY_CHARS characters (paragraphs; its
# headline lists, time stamps and menus are shorter), so that a page fetched again with another
# "Most read" list or ad label is the same page, when it has PAGE_KEY_LINES such lines or more
# (an article's page, even a brief of two paragraphs: 95 % of AEB's page texts have 7 long
# lines or more); else by all its lines, as a listing, a gallery or a product page whose one
# long line is the site's own (a cookie notice) would be keyed by it alone, the same on all
# the site's such pages, which then made one page and no template. Pages whose long lines
# are all the site's own, two of them or more (a cookie notice and a copyright line above a
# listing, a footer of paragraphs under a table), are still one page: a site of such pages
# alone has no template. (Keyed by all their lines when the long lines held less than a
# quarter of a page's text, AEB's pages fetched 3 times with another teaser each time scored
# F1 0.942 instead of 0.947; less than half, 0.925.)
PAGE_KEY_CHARS = 80
PAGE_KEY_LINES = 2


def page_lines(text: str) -> tuple[list[int], int]:
    """The distinct ``line_key`` values of a document's lines, in first-seen order (the lines
    the cleaner will look up: hard-wrapped paragraphs joined, a Markdown text's view), and
    its page key: equal for a page fetched again (its long lines the same, in order, digits
    folded; see PAGE_KEY_CHARS), different for another page of the site (see the module
    docstring)."""
    view = markdown_view(text)
    texts = logical_line_texts(text if view is None else view.text)
    keys = line_keys(texts)
    hashes = dict.fromkeys(keys)
    hashes.pop(0, None)  # (lines that normalise to nothing)
    long_keys = [k for t, k in zip(texts, keys, strict=True) if len(t) >= PAGE_KEY_CHARS and k]
    if len(long_keys) < PAGE_KEY_LINES:
        long_keys = list(hashes)
    return list(hashes), xxhash.xxh3_64_intdigest(array("Q", long_keys))


@dataclass
class _SiteCounts:
    docs: int = 0
    slack: int = 0
    counts: Counter[int] = field(default_factory=Counter)  # (update() counts in C)
    #: xxh3 of the site's name: a page's key is combined with it in the learner's set
    key: int = 0


@dataclass
class SiteTemplate:
    """The template lines of one site: hash -> number of docs, plus the site's doc count."""

    site: str
    docs: int
    counts: dict[int, int]
    min_docs: int = MIN_DOCS
    min_fraction: float = MIN_FRACTION

    def count(self, line: str) -> int:
        """Lower bound of the number of the site's documents containing ``line``."""
        return self.count_many([line])[0]

    def count_many(self, lines: list[str]) -> list[int]:
        """:meth:`count` of each of ``lines`` (one call per document, not per line)."""
        out = [0] * len(lines)
        for i, c in self.counted(lines):
            out[i] = c
        return out

    def counted(self, lines: list[str]) -> list[tuple[int, int]]:
        """``(i, count)`` for each of ``lines`` with a non-zero :meth:`count` (only template
        candidates are kept: typically the site's menus and footers, few of a page's lines)."""
        return self.counted_keys(line_keys(lines))

    def counted_keys(self, keys: list[int]) -> list[tuple[int, int]]:
        """:meth:`counted` of lines given as their :func:`line_key` values."""
        # (the learner never counts key 0, and no count is 0)
        found = list(map(self.counts.get, keys))
        return [(i, found[i]) for i in compress(range(len(found)), found)]

    def is_template(self, line: str, prose: bool = False) -> bool:
        """Whether ``line`` is part of this site's template.

        ``prose``: the caller judged the line to be a long paragraph of running text; such lines
        need a stricter threshold (see the module docstring).
        """
        c = self.count(line)
        if c == 0:
            return False
        need, prose_need = self.thresholds()
        return c >= (prose_need if prose else need)

    def thresholds(self) -> tuple[int, int]:
        """Minimum document counts of a template line: (any line, a long prose line)."""
        return (
            max(self.min_docs, math.ceil(self.min_fraction * self.docs)),
            max(PROSE_MIN_DOCS, math.ceil(PROSE_MIN_FRACTION * self.docs)),
        )


@dataclass
class SiteTemplates:
    """All learned site templates; ``for_site`` returns None for sites without one."""

    sites: dict[str, SiteTemplate] = field(default_factory=dict)

    def for_site(self, site: str) -> SiteTemplate | None:
        return self.sites.get(site)

    def __len__(self) -> int:
        return len(self.sites)


class SiteTemplateLearner:
    """First pass over a corpus: ``add(site, text)`` per document, then ``build()``.

    Bounded memory: see the module docstring (at most ``max_entries`` line counters overall and
    ``max_lines_per_site`` per site, each a 64-bit hash and a count; at most ``max_pages``
    page keys).
    """

    def __init__(
        self,
        *,
        max_entries: int = 2_000_000,
        max_lines_per_site: int = 4096,
        min_docs: int = MIN_DOCS,
        min_fraction: float = MIN_FRACTION,
        max_pages: int = 1_000_000,
    ) -> None:
        self.max_entries = max_entries
        self.max_lines_per_site = max_lines_per_site
        self.min_docs = min_docs
        self.min_fraction = min_fraction
        self.max_pages = max_pages
        self._sites: dict[str, _SiteCounts] = {}
        self._entries = 0
        self._pages: set[int] = set()  # (page key ^ site key of each page counted)

    @property
    def entries(self) -> int:
        """Number of line counters currently held (<= ``max_entries`` after every call)."""
        return self._entries

    def add(self, site: str, text: str) -> None:
        """Count each distinct normalised line of one document of ``site`` once (nothing
        when the site's pages counted hold the same page: see the module docstring)."""
        self.add_hashes(site, *page_lines(text))

    def add_hashes(self, site: str, hashes: list[int], page: int | None = None) -> None:
        """``add`` of a document given as its :func:`page_lines` (computed elsewhere, e.g. in
        a worker process; the counting stays in one place, in input order); ``page`` None:
        a page of its own, counted whatever the pages before.

        A document without a site (no URL and no source folder: texts given to the Python
        API) belongs to no site's template: counted as one site, a story with many copies in
        a small batch was that "site's" template, and its paragraphs left every copy."""
        if not site:
            return
        sc = self._site(site)
        if page is not None:
            key = page ^ sc.key
            if key in self._pages:
                return
            if len(self._pages) >= self.max_pages:
                self._pages.clear()  # (forgotten: a page met again is counted again)
            self._pages.add(key)
        sc.docs += 1
        counts = sc.counts
        before = len(counts)
        counts.update(hashes)  # (in C; new hashes inserted in order, as a loop here did)
        self._entries += len(counts) - before
        if len(counts) > self.max_lines_per_site:
            self._prune_site(sc, self.max_lines_per_site // 2)
        if self._entries > self.max_entries:
            self._prune_all()

    def _prune_site(self, sc: _SiteCounts, target: int) -> None:
        floor = 0
        while len(sc.counts) > target:
            floor += 1
            before = len(sc.counts)
            sc.counts = Counter({h: c for h, c in sc.counts.items() if c > floor})
            self._entries -= before - len(sc.counts)
        sc.slack += floor

    def _prune_all(self) -> None:
        """Drop the lowest counters of every site until at most half the budget is used."""
        floor = 0
        target = self.max_entries // 2
        while self._entries > target:
            floor += 1
            for sc in self._sites.values():
                before = len(sc.counts)
                if before and min(sc.counts.values()) <= floor:
                    sc.counts = Counter({h: c for h, c in sc.counts.items() if c > floor})
                    self._entries -= before - len(sc.counts)
                    sc.slack = max(sc.slack, floor)

    def merge(self, other: SiteTemplateLearner) -> None:
        """Add the counts of a learner built on another shard (sites in sorted order). A page
        that both learners counted is counted twice: the pipeline counts every page in one
        learner, in input order."""
        for site in sorted(other._sites):
            osc = other._sites[site]
            sc = self._site(site)
            sc.docs += osc.docs
            sc.slack += osc.slack
            for h, c in osc.counts.items():
                if h in sc.counts:
                    sc.counts[h] += c
                else:
                    sc.counts[h] = c
                    self._entries += 1
            if len(sc.counts) > self.max_lines_per_site:
                self._prune_site(sc, self.max_lines_per_site // 2)
        self._pages |= other._pages
        if len(self._pages) > self.max_pages:
            self._pages.clear()
        if self._entries > self.max_entries:
            self._prune_all()

    def _site(self, site: str) -> _SiteCounts:
        sc = self._sites.get(site)
        if sc is None:
            sc = self._sites[site] = _SiteCounts(key=xxhash.xxh3_64_intdigest(site.encode(
                "utf-8", "surrogatepass")))
        return sc

    def build(self) -> SiteTemplates:
        """Templates of every site with at least one line over the threshold."""
        out: dict[str, SiteTemplate] = {}
        for site in sorted(self._sites):
            sc = self._sites[site]
            need = max(self.min_docs, math.ceil(self.min_fraction * sc.docs))
            if sc.docs < self.min_docs:
                continue
            keep = {h: c for h, c in sc.counts.items() if c >= need}
            if keep:
                out[site] = SiteTemplate(
                    site=site,
                    docs=sc.docs,
                    counts=keep,
                    min_docs=self.min_docs,
                    min_fraction=self.min_fraction,
                )
        return SiteTemplates(out)


# Applying a site's template to a page's lines (the cleaner's step; the rest of this module
# learns the templates)

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


# The page's own story printed on several of the site's pages as other pages (its AMP or
# print version with other clutter, fetches of it with another teaser summary each time,
# updates that add a paragraph; a page fetched again unchanged is counted once by the
# learner): its paragraphs recur on the site, and its short lines (sub-headings, one-line
# paragraphs, list items) on as many pages, which in a small batch of the site's pages is a
# fifth of them or more: three versions of one story among eight pages of its site lost their
# sub-headings. The story's paragraphs are the page's recurring paragraphs on at most
# STORY_SHARE of as many of the site's pages as the page's most widespread line (those on
# more are the site's own prose: blurbs, a footer, a poll, a comment policy, which a version
# of the story may lack); when they are the page's story (as _template_prose_is_a_story
# tells), a short line is the site's template only when it is on more of the site's pages
# than any of them. A story on more pages than that (a site met through that story alone, or
# nearly) cannot be told from the site's own lines by counts: its short lines are judged as
# any page's.
STORY_SHARE = 0.5


def _story_pages(lines: list[Line], recurring: list[tuple[Line, int]], most: int) -> int:
    """On how many of the site's pages the page's story is printed, by its paragraphs that
    recur on the site (``recurring``: the lines and their counts) on at most STORY_SHARE of
    ``most`` pages (those of the page's most widespread line); 0 when they are no story of
    the page's."""
    story = [(ln, c) for ln, c in recurring if c <= STORY_SHARE * most]
    if not _template_prose_is_a_story(lines, [ln for ln, _ in story]):
        return 0
    return max(c for _, c in story)


def mark_template_lines(lines: list[Line], recs: list[LineRecord], template: SiteTemplate
                        ) -> None:
    """Mark the lines that recur on the site's pages (``template``) as ``site-template``;
    its prose lines only when they are no story of the site's own (see
    :func:`_template_prose_is_a_story`), its short lines only when they are on more of the
    site's pages than the page's own story (see :func:`_story_pages`). ``recs``: the lines'
    records from :func:`~neardup.clean.lines.analyse_records`."""
    # (SiteTemplate.is_template, with the thresholds computed once)
    need, prose_need = template.thresholds()
    # (the keys from the lines' records: recurring lines need no look-up of their own)
    keys = record_keys([ln.text for ln in lines], recs, known_or_new_line_keys)
    prose: list[tuple[Line, int]] = []  # (every counted paragraph: its count is >= need)
    short: list[tuple[Line, int]] = []
    for i, c in template.counted_keys(keys):
        ln = lines[i]
        if ln.cls == "good" and ln.n_words >= PROSE_WORDS:
            prose.append((ln, c))
        elif c >= need:
            short.append((ln, c))
    story_pages = (_story_pages(lines, prose, max(c for _, c in short + prose))
                   if prose and short else 0)
    for ln, c in short:
        if c > story_pages:
            ln.own_cls, ln.cls, ln.reason = ln.cls, "bad", "site-template"
    prose_lines = [ln for ln, c in prose if c >= prose_need]
    if prose_lines and not _template_prose_is_a_story(lines, prose_lines):
        for ln in prose_lines:
            ln.own_cls, ln.cls, ln.reason = ln.cls, "bad", "site-template"
    half = SUB_HEADING_SHARE * template.docs
    for ln, c in short:
        if c <= half and ln.reason == "site-template" and _sub_heading(lines, ln.index):
            ln.cls, ln.reason, ln.own_cls = ln.own_cls, "", ""


# A site's recurring sub-heading ("Verdict", "Battery life", "What we know so far") is on a
# fifth of its pages, those of one kind, and was the template's: a short line without a cue
# word between two of the page's own paragraphs, on at most this share of the site's pages,
# is the article's ("Continue reading below", between paragraphs too, is on all of them)
SUB_HEADING_SHARE = 0.5
SUB_HEADING_WORDS = 8


def _sub_heading(lines: list[Line], i: int) -> bool:
    ln = lines[i]
    return (ln.own_cls == "short" and ln.cue is None and ln.n_words <= SUB_HEADING_WORDS
            and not ln.terminal and 0 < i < len(lines) - 1
            and lines[i - 1].cls == "good" and lines[i + 1].cls == "good")
