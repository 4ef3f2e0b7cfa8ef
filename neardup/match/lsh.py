"""Locality-sensitive hashing by banding.

A k-value MinHash signature is cut into b bands of r rows (b·r <= k). Two documents become a
candidate pair when all r rows of at least one band agree, which happens with probability
``P(s) = 1 - (1 - s^r)^b`` for Jaccard similarity s: an S-curve whose steepest point sits near
``(1/b)^(1/r)``.

``optimal_bands`` picks (b, r) for a threshold t by minimising the weighted error area
``w_fp · ∫_0^t P(s) ds + w_fn · ∫_t^1 (1 - P(s)) ds`` over all b·r <= k, as datasketch's
``MinHashLSH`` does. Verification on the real sets follows, so false positives cost only time;
the default weights therefore favour recall (w_fn > w_fp).

Band keys are 64-bit hashes of each band's r values, computed for many documents at once.
"""

from __future__ import annotations

import itertools
import math
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from neardup.match import kernels
from neardup.match.bandkeys import BandKeys
from neardup.sketch.hashing import mix64, sort_unique

_INTEGRATION_STEPS = 200
BAND_THREADS = 2  # threads sorting bands at once (find_candidates)


def _collision_probability(s: np.ndarray, bands: int, rows: int) -> np.ndarray:
    return 1.0 - (1.0 - s**rows) ** bands


@lru_cache(maxsize=64)
def optimal_bands(
    threshold: float, num_perm: int, fp_weight: float = 0.3, fn_weight: float = 0.7
) -> tuple[int, int]:
    """(bands, rows) minimising the weighted false-positive + false-negative area."""
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"LSH threshold must be in (0, 1) (got {threshold})")
    low = np.linspace(0.0, threshold, _INTEGRATION_STEPS)
    high = np.linspace(threshold, 1.0, _INTEGRATION_STEPS)
    best: tuple[float, int, int] | None = None
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            fp = np.trapezoid(_collision_probability(low, bands, rows), low)
            fn = np.trapezoid(1.0 - _collision_probability(high, bands, rows), high)
            error = fp_weight * fp + fn_weight * fn
            if best is None or error < best[0] - 1e-12:
                best = (error, bands, rows)
    assert best is not None
    return best[1], best[2]


def band_recall(similarity: float, bands: int, rows: int) -> float:
    """P(s) of a banding: the chance that a pair of Jaccard ``similarity`` becomes a candidate."""
    return float(_collision_probability(np.float64(similarity), bands, rows))


def min_collisions(similarity: float, bands: int, rows: int, recall: float = 0.99) -> int:
    """The largest k such that a pair of Jaccard ``similarity`` shares a key in at least k of
    the ``bands`` bands with probability >= ``recall`` (the count is Binomial(bands, s^rows));
    at least 1."""
    p = similarity**rows
    tail, k = 1.0, 0  # P(X >= k)
    while k < bands:
        tail_next = tail - math.comb(bands, k) * p**k * (1.0 - p) ** (bands - k)
        if tail_next < recall:
            break
        tail, k = tail_next, k + 1
    return max(1, k)


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """uint64 key per (document, band): shape (n_docs, bands)."""
    n = signatures.shape[0]
    keys = np.zeros((n, bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(rows):
            column = signatures[:, r : bands * rows : rows]
            keys = mix64(keys * np.uint64(0x100000001B3) + column)
        keys += np.arange(bands, dtype=np.uint64)  # same values in different bands differ
    return keys


def candidate_pairs(keys: np.ndarray, max_bucket: int = 16) -> Iterator[np.ndarray]:
    """Yield int64 arrays of shape (m, 2), i < j, of documents sharing a band key.

    Per band, the documents are sorted by key; each run of equal keys is a bucket. A bucket of
    m documents yields its m·(m-1)/2 pairs when m <= ``max_bucket``; larger buckets (a template
    shared by thousands of pages, a story with hundreds of copies) yield only the pairs of each
    member with its ``max_bucket`` sorted neighbours, which keeps the work linear while still
    linking every member to the rest of its bucket. Pairs may repeat across bands.
    """
    if keys.shape[0] < 2:
        return
    for band in range(keys.shape[1]):
        pairs = band_pairs(keys[:, band], max_bucket)
        if pairs.size:
            yield pairs


def band_pairs(column: np.ndarray, max_bucket: int = 16,
               short: ShortCopyBands | None = None,
               wide_codes: Callable[[np.ndarray], None] | None = None) -> np.ndarray:
    """The pairs (int64, shape (m, 2), i < j) of documents sharing a key of one band's
    ``column`` (see ``candidate_pairs``); with ``short``, only those within its size ratio
    (tested as the pairs are formed: a short-copy band of pages sharing clutter forms
    millions of pairs at 1M documents, nearly all of them dropped), the others passed to
    ``wide_codes`` (when given) as codes ``i · n + j``, a batch at a time.

    One sort of plain uint64 values, no argsort: each key keeps its high bits and carries the
    document number in its low ``ceil(log2 n)`` bits, so sorting groups equal keys with their
    documents already in document order (whatever sort algorithm numpy picks). Keys that
    differ only in the dropped low bits fall into one run, which is then regrouped by full
    key. (A plain value sort is 3-5x faster than an argsort with its gathers:
    2.6 s -> 1.2 s for 32 bands of 1M documents.)
    """
    n = column.shape[0]
    empty = np.empty((0, 2), dtype=np.int64)
    if n < 2:
        return empty
    bits = np.uint64(max(1, (n - 1).bit_length()))
    packed = (column >> bits << bits) | np.arange(n, dtype=np.uint64)
    packed.sort()
    # Only documents in runs of two or more can pair: keep those positions (usually a small
    # share), in sorted order, with their run number.
    if kernels.AVAILABLE:
        order, run_id, mixed = kernels.sorted_runs(packed, bits, column)
    else:
        order, run_id, mixed = _sorted_runs(packed, bits, column)
    if not order.size:
        return empty
    if mixed:
        # A run mixes keys that differ in low bits only (rare): regroup its members by full
        # key, in document order, so that the max_bucket cap counts neighbours of one key.
        full = column[order]
        regroup = np.lexsort((order, full))
        order, full = order[regroup], full[regroup]
        run_id = np.cumsum(np.concatenate(([True], full[1:] != full[:-1])))
    if short is not None:
        size = short.sizes[order]
    if wide_codes is not None:
        # only buckets of at most max_bucket documents count towards shared bands: a larger
        # one is a key that page clutter shares across a site (a story's copies share keys
        # in the main banding too)
        run_size = np.bincount(run_id - run_id[0])[run_id - run_id[0]]
        small_run = run_size <= max_bucket
    if kernels.AVAILABLE:
        pairs, codes, starts = kernels.bucket_pairs(
            order, run_id, max_bucket, n, size if short is not None else order,
            float(short.max_ratio) if short is not None else 0.0,
            small_run if wide_codes is not None else _NO_RUNS, short is not None,
            wide_codes is not None)
        if wide_codes is not None:  # one batch per offset, as the loop below passes them
            for d in range(starts.size - 1):
                wide_codes(codes[starts[d]:starts[d + 1]])
        return pairs
    return _offset_pairs(order, run_id, max_bucket, n, size if short is not None else None,
                         short, small_run if wide_codes is not None else None, wide_codes)


def _sorted_runs(packed: np.ndarray, bits: np.uint64, column: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray, bool]:
    """The numpy path of ``kernels.sorted_runs``."""
    high = packed >> bits
    same = high[1:] == high[:-1]
    if not same.any():
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), False
    in_run = np.zeros(packed.size, dtype=bool)
    in_run[1:] |= same
    in_run[:-1] |= same
    run_id = (np.cumsum(np.concatenate(([True], ~same))) - 1)[in_run]
    order = (packed[in_run] & ((np.uint64(1) << bits) - np.uint64(1))).astype(np.int64)
    full = column[order]
    mixed = bool((full[1:] != full[:-1])[run_id[1:] == run_id[:-1]].any())
    return order, run_id, mixed


_NO_RUNS = np.zeros(0, dtype=bool)


def _offset_pairs(order: np.ndarray, run_id: np.ndarray, max_bucket: int, n: int,
                  size: np.ndarray | None, short: ShortCopyBands | None,
                  small_run: np.ndarray | None,
                  wide_codes: Callable[[np.ndarray], None] | None) -> np.ndarray:
    """The numpy path of ``kernels.bucket_pairs`` (the pairs, the wide codes passed on)."""
    m = order.size
    empty = np.empty((0, 2), dtype=np.int64)
    if short is not None:
        small_enough = short.max_ratio * size  # (the larger set's size times the ratio)
    # For each offset d, pair positions p and p+d when they are in one run. Run length bounds
    # d, so this loop ends at the largest run (capped at max_bucket).
    pieces = []
    for d in range(1, max_bucket + 1):
        if d >= m:
            break
        in_bucket = run_id[d:] == run_id[:-d]
        if not in_bucket.any():
            break
        if short is not None:
            a, b = size[:-d], size[d:]
            short_pair = np.where(a <= b, a <= small_enough[d:], b <= small_enough[:-d])
            if wide_codes is not None:  # the others, as codes for the shared-band count
                close = in_bucket & ~short_pair & small_run[d:]
                wide_codes(order[:-d][close] * n + order[d:][close])
            in_bucket &= short_pair
        pieces.append(np.stack([order[:-d][in_bucket], order[d:][in_bucket]], axis=1))
    if not pieces:
        return empty
    return np.concatenate(pieces)  # (left < right: a run is in document order)


@dataclass(frozen=True)
class ShortCopyBands:
    """The key columns from ``first`` on are a second banding, aimed low for short copies
    inside longer pages (``MatchOptions.short_copy_lsh_threshold``). A pair found there is
    kept when the smaller of its two set ``sizes`` (per key row) is at most ``max_ratio``
    times the larger; a pair of closer sizes only when it shares a key in ``min_bands`` of
    these bands (None: never).

    Why the second zone: a copy with containment c of a page ρ times its size has Jaccard
    ``contained_jaccard(c, ρ)``, 0.36 at ρ = 0.5 and c = 0.8, where the main banding (aimed at
    0.4) proposes it only about 40 % of the time (``band_recall``). And since the sketches are
    of the plain sets while verification weighs shingles by prose, a copy whose pages differ
    in clutter reaches a weighted containment of 0.8 at a plain Jaccard lower still, at any
    ratio. This banding proposes such pairs almost surely, but proposes as well the pairs of
    same-site pages that share only their clutter (Jaccard 0.1-0.25): ten times more pairs on
    uncleaned pages. The number of shared bands tells them apart (Binomial(bands, s^rows):
    6.5 of 49 expected at s = 0.36, 2 at s = 0.2); ``min_bands`` is the count a copy at ρ =
    ``max_ratio`` reaches with probability 0.99 (``min_collisions``). Only buckets of at most
    ``max_bucket`` documents count towards it, and the count table is bounded
    (``_SharedBands``): at 1M uncleaned cluttered pages, counting every bucket's pairs took
    the run's main process from 2.3 to 4.1 GB."""

    first: int
    sizes: np.ndarray
    max_ratio: float
    min_bands: int | None = None
    # bound of the shared-band count table (``_SharedBands``), per document
    table_per_document: int = 8
    report: dict = field(default_factory=dict)  # find_candidates: {"table_full": bool}

    def keep(self, pairs: np.ndarray) -> np.ndarray:
        """The pairs (of one band) kept on that band alone."""
        a, b = self.sizes[pairs[:, 0]], self.sizes[pairs[:, 1]]
        return pairs[np.minimum(a, b) <= self.max_ratio * np.maximum(a, b)]


def find_candidates(keys: np.ndarray | BandKeys, max_bucket: int = 16,
                    advance: Callable[[], None] | None = None,
                    short: ShortCopyBands | None = None) -> np.ndarray:
    """The candidate pairs of the key matrix (``documents × bands``, in memory or a
    :class:`BandKeys` file, read a band at a time), unique, sorted by first then second row: the
    pairs of ``unique_pairs(candidate_pairs(keys), n)``, with one sort of all bands' pair codes
    (``first · n + second``); with ``short``, the pairs of its columns filtered by size ratio
    and, in its second zone, by the number of its bands they share. ``advance`` is called
    once per band done.

    (Bands in worker processes were tried: at 1M documents they took as long, 8.6 s against
    8.2 s, since the sorts are memory-bound and the codes must travel back. In
    ``BAND_THREADS`` threads of this process, with no copy: 0.30 -> 0.20 s for the 81 bands of
    100k uncleaned cluttered pages, identical pairs.)"""
    if isinstance(keys, np.ndarray):
        keys = BandKeys.of(keys)  # (in memory: nothing to close)
    n = keys.rows
    if n < 2:
        return np.empty((0, 2), dtype=np.int64)
    found: list[np.ndarray] = []
    shared = None
    if short is not None and short.min_bands:
        shared = _SharedBands(short.min_bands, short.table_per_document * n, fold_at=4 * n)
    def one_band(band: int) -> tuple[np.ndarray, list[np.ndarray]]:
        in_short = short is not None and band >= short.first
        wide: list[np.ndarray] = []
        pairs = band_pairs(keys.column(band), max_bucket, short if in_short else None,
                           wide.append if in_short and shared is not None else None)
        return pairs[:, 0] * n + pairs[:, 1], wide

    # Bands in threads (numpy's sorts and gathers release the GIL), taken in band order so
    # that the shared-band count sees the same sequence whatever the timing.
    with ThreadPoolExecutor(BAND_THREADS) as pool:
        pending: deque[Future] = deque()
        bands = iter(range(keys.bands))
        for band in itertools.islice(bands, BAND_THREADS + 1):
            pending.append(pool.submit(one_band, band))
        while pending:
            codes, wide = pending.popleft().result()
            next_band = next(bands, None)
            if next_band is not None:
                pending.append(pool.submit(one_band, next_band))
            if codes.size:
                found.append(codes)
            for chunk in wide:
                shared.add(chunk)
            if advance is not None:
                advance()
    if shared is not None:
        found.append(shared.reached())
        short.report["table_full"] = shared.full
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    merged = sort_unique(np.concatenate(found))
    return np.stack([merged // n, merged % n], axis=1)


class _SharedBands:
    """Finds the pair codes that at least ``needed`` bands found, in bounded memory.

    The codes of some ``fold_at`` pairs at a time are folded into one sorted table of
    (code, count), the count saturating at ``needed``. So memory follows the distinct pairs,
    not the sum over bands (a near-copy is found by most of the 49 bands). The codes seen
    fewer than ``needed`` times take at most ``capacity`` places: past that, codes seen for
    the first time in later bands are only counted if they reach ``needed`` within one fold
    (``full`` is set; on uncleaned pages with heavy clutter, where same-site pages share one
    band each by the million, this bounds memory at the price of some of the zone's pairs;
    which ones depends only on the input, not on the machine)."""

    def __init__(self, needed: int, capacity: int, fold_at: int = 1 << 20) -> None:
        self.needed, self.capacity, self.fold_at = needed, capacity, fold_at
        self.codes = np.empty(0, dtype=np.int64)
        self.counts = np.empty(0, dtype=np.uint8)
        self.pending: list[np.ndarray] = []
        self.pending_size = 0
        self.full = False

    def add(self, codes: np.ndarray) -> None:
        """Codes of one band, or part of one (a code must not repeat within a band)."""
        self.pending.append(codes)
        self.pending_size += codes.size
        if self.pending_size >= self.fold_at:
            self._fold()

    def _fold(self) -> None:
        batch = np.sort(np.concatenate(self.pending)) if self.pending else self.codes[:0]
        self.pending, self.pending_size = [], 0
        if not batch.size:
            return
        starts = np.flatnonzero(np.concatenate(([True], batch[1:] != batch[:-1])))
        codes = batch[starts]
        counts = np.minimum(np.diff(np.append(starts, batch.size)), self.needed)
        at = np.searchsorted(self.codes, codes)
        known = at < self.codes.size
        known[known] = self.codes[at[known]] == codes[known]
        slots = at[known]  # (distinct: the batch's codes are)
        self.counts[slots] = np.minimum(self.counts[slots] + counts[known], self.needed)
        fresh, fresh_counts = codes[~known], counts[~known]
        short = fresh_counts < self.needed
        room = max(0, self.capacity - int((self.counts < self.needed).sum()))
        if int(short.sum()) > room:  # (those that reached ``needed`` always go in)
            self.full = True
            short[np.flatnonzero(short)[room:]] = False
            admit = (fresh_counts >= self.needed) | short
            fresh, fresh_counts = fresh[admit], fresh_counts[admit]
        where = np.searchsorted(self.codes, fresh)
        self.codes = np.insert(self.codes, where, fresh)
        self.counts = np.insert(self.counts, where, fresh_counts.astype(np.uint8))

    def reached(self) -> np.ndarray:
        """The codes found by at least ``needed`` bands, sorted."""
        self._fold()
        return self.codes[self.counts >= self.needed]


def unique_pairs(chunks: Iterator[np.ndarray], n_docs: int) -> np.ndarray:
    """Deduplicate pairs (sorted by first, then second document)."""
    codes = [c[:, 0].astype(np.int64) * n_docs + c[:, 1] for c in chunks]
    if not codes:
        return np.empty((0, 2), dtype=np.int64)
    merged = sort_unique(np.concatenate(codes))
    return np.stack([merged // n_docs, merged % n_docs], axis=1)
