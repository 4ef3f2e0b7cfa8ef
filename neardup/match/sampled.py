"""Candidate pairs for short copies inside much longer pages, by a consistent sample of
shingle values.

MinHash banding proposes a pair with a probability that grows with its Jaccard similarity. A
copy S inside a page L, ``|S| = ρ·|L|``, has Jaccard about ρ: a brief inside a roundup ten
times its length (ρ = 0.1) sits where unrelated pages of one site that share their clutter
sit too, so no banding finds the one without proposing the others by the million (the
short-copy banding in ``lsh.py`` aims at ρ = 1/4).

A consistent sample does not depend on L's size. The compact sets (``store.compact``) are
sorted uint32 values; those below ``2^32 / SAMPLE_RATE`` are a sample of each set that is
consistent across sets: the sample of S ∩ L is exactly the values S's and L's samples share.
So the share of S's sampled values found in L's sample estimates the containment of S in L
(about ``|S| / SAMPLE_RATE`` values drawn without replacement: at 400 shingles and a rate of
16, 25 values, a standard error of 0.08 around c = 0.8), whatever L's size. Its cost is
the other way round: every document posts ``1 / SAMPLE_RATE`` of its values, so the index
reads and sorts 1/16 of all shingles (at 1M pages of ~1,000 shingles, 60M postings, ~3 s on
2 cores), where the bandings sort 81 band keys per document.

The index: per sampled value, the documents that hold it (a posting list); within a list,
each document paired with the members at least ``SIZE_FACTOR`` times its size (the size
ratios the bandings cover are left to them); a pair proposed when it shares at least
``MIN_SHARE`` of the shorter document's sampled values (and ``MIN_SHARED`` of them). A
member pairs with at most ``MAX_PARTNERS`` longer members of a list, the smallest ones: a
story printed short by a hundred sites and inside the long pages of a hundred others would
otherwise pair each brief with each page, ten thousand codes per sampled value; as lists
of one story hold the same documents, a brief still meets the same 16 pages in each.
Verification on the exact sets decides, as for every candidate. A value held by more than
``MAX_POSTINGS`` documents (a site's template line, a story reprinted by hundreds) pairs
nobody: such lists cost quadratic work and tell little about one pair.

Memory stays bounded: the sampled values are read from the store's files part by part, each
part a range of values (so a value's whole list is in one part), sized to hold about
``PART_POSTINGS`` postings (and at least one part per worker process); only the codes of the
pairs its lists propose, with their counts, outlive a part.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from neardup.executor import LocalExecutor
from neardup.match import kernels
from neardup.match.lsh import unique_pairs
from neardup.match.store import StoreView

SAMPLE_RATE = 16  # one value in 16: values below 2^32 / 16
SIZE_FACTOR = 3  # the longer set at least 3x the shorter (the bandings find closer sizes)
MIN_SHARE = 0.5  # of the shorter set's sampled values, found in the longer's sample
MIN_SHARED = 3  # and at least this many (fewer sampled values: no estimate worth a pair)
MAX_POSTINGS = 256  # documents holding one sampled value, past which it pairs nobody
MAX_PARTNERS = 16  # longer sets a member of a list pairs with: the 16 smallest (bounds work)
PART_POSTINGS = 1 << 23  # postings read at a time (~40 bytes each at the peak of a part)
ROW_BLOCK = 1 << 14  # rows whose sets are read at a time
MIN_SPREAD_POSTINGS = 1 << 20  # postings from which the parts are spread over the workers

_LIMIT = (1 << 32) // SAMPLE_RATE


@dataclass(frozen=True)
class SampledIndex:
    """What each part's worker needs: the store's reader and, per row, where its set is in the
    value file, its set size, and ``min_size``."""

    view: StoreView
    starts: np.ndarray
    ends: np.ndarray
    sizes: np.ndarray
    min_size: int


def sampled_pairs(view: StoreView, docs: np.ndarray, sizes: np.ndarray, min_size: int = 1,
                  executor: LocalExecutor | None = None, min_parts: int = 1) -> np.ndarray:
    """Candidate pairs (int64 (m, 2), smaller row first, sorted, unique) of the rows whose
    documents are ``docs`` (store document numbers) with set ``sizes``: see the module's
    description. A set smaller than ``min_size`` is never the short one (containment does
    not apply to it). The parts (at least ``min_parts``, one per worker, from
    ``MIN_SPREAD_POSTINGS`` postings on) run on ``executor``
    (worker processes that read the store's files; results in part order) when given, else
    here. The pairs do not depend on the number of parts."""
    n = docs.shape[0]
    empty = np.empty((0, 2), dtype=np.int64)
    if n < 2:
        return empty
    stored = view.resolved[docs]
    starts, ends = view.starts[stored], view.ends[stored]
    expected = int(sizes.sum()) // SAMPLE_RATE  # postings, about (sets are hash values)
    if expected == 0:
        return empty
    parts = math.ceil(expected / PART_POSTINGS)
    if expected >= MIN_SPREAD_POSTINGS:  # (fewer: not worth starting worker processes)
        parts = max(parts, min_parts)
    ranges = [((_LIMIT * p) // parts, (_LIMIT * (p + 1)) // parts) for p in range(parts)]
    index = SampledIndex(view, starts, ends, sizes, min_size)
    if executor is not None and parts > 1:
        results = list(executor.map(part_counts, ranges, index))
    else:
        results = [part_counts(part, index) for part in ranges]
    codes, shared = _counted(np.concatenate([r[0] for r in results]),
                             np.concatenate([r[1] for r in results]))
    samples = np.zeros(n, dtype=np.int64)  # each row's number of sampled values
    for r in results:
        samples += r[2]
    return _proposed(codes, shared, samples, n)


def part_counts(part: tuple[int, int], index: SampledIndex
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Map one part (a range of sampled values): the codes ``short · n + long`` of the pairs
    its posting lists propose, unique, the number of its values each pair shares, and each
    row's number of values in the part (int32; their sum over the parts is the row's sample:
    the main process reads no set itself, whose pages, mapped at random rows, took 500 MB of
    its RSS at 1M cleaned pages)."""
    lo_value, hi_value = part
    starts, ends = index.starts, index.ends
    n = starts.shape[0]
    # Postings as plain uint64 keys, value then row (as ``lsh.band_pairs`` sorts a band), so
    # that one sort makes each value's list, in row order. (A three-key lexsort: 4x as long.)
    bits = max(1, (n - 1).bit_length())
    keys: list[np.ndarray] = []
    for a, b, values_file in _row_blocks(index.view, n):
        if kernels.AVAILABLE:
            keys.append(kernels.range_keys(values_file, starts[a:b], ends[a:b],
                                           np.int64(lo_value), np.int64(hi_value),
                                           np.int64(a), np.int64(bits)))
            continue
        lo = _first_at_least(values_file, starts[a:b], ends[a:b], lo_value)
        hi = _first_at_least(values_file, lo, ends[a:b], hi_value)
        lengths = hi - lo
        first = np.cumsum(lengths) - lengths  # where each row's postings start
        positions = np.arange(int(lengths.sum()), dtype=np.int64) - np.repeat(first - lo,
                                                                              lengths)
        block = values_file[positions].astype(np.uint64) << np.uint64(bits)
        block |= np.repeat(np.arange(a, b, dtype=np.uint64), lengths)
        keys.append(block)
    packed = np.concatenate(keys)
    in_part = np.bincount((packed & ((np.uint64(1) << np.uint64(bits)) - np.uint64(1))
                           ).astype(np.int64), minlength=n).astype(np.int32)
    codes = _part_codes(packed, np.uint64(bits), index.sizes, n, index.min_size)
    return (*_counted(codes), in_part)


def _row_blocks(view: StoreView, n: int) -> Iterator[tuple[int, int, np.ndarray]]:
    """Rows ``[a, b)`` in blocks of ``ROW_BLOCK``, each with the mapped value file; the mapped
    pages are handed back after each block (they stay in the page cache), so that they do
    not pile up in this process' RSS (a store's whole value file at 1M documents)."""
    try:
        for a in range(0, n, ROW_BLOCK):
            values_file, _ = view.mapped()
            yield a, min(a + ROW_BLOCK, n), values_file
            view.release()
    finally:
        view.release()


def _counted(codes: np.ndarray, counts: np.ndarray | None = None
             ) -> tuple[np.ndarray, np.ndarray]:
    """Unique codes, sorted, with their summed ``counts`` (1 each when None)."""
    if not codes.size:
        return codes, np.empty(0, dtype=np.int64)
    order = np.argsort(codes, kind="stable")
    codes = codes[order]
    first = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
    if counts is None:
        summed = np.diff(np.append(first, codes.size))
    else:
        summed = np.add.reduceat(counts[order], first)
    return codes[first], summed.astype(np.int64)


def _first_at_least(values: np.ndarray, lo: np.ndarray, hi: np.ndarray, limit: int
                    ) -> np.ndarray:
    """Per row, the first index in ``values[lo:hi]`` (a sorted run) whose value is at least
    ``limit`` (``hi`` if none): a binary search per row, compiled, or of all rows at once."""
    if kernels.AVAILABLE:
        return kernels.lower_bounds(values, lo.astype(np.int64, copy=False),
                                    hi.astype(np.int64, copy=False), np.int64(limit))
    lo, hi = lo.astype(np.int64, copy=True), hi.astype(np.int64, copy=True)
    active = lo < hi
    while active.any():
        at = np.flatnonzero(active)
        mid = (lo[at] + hi[at]) // 2
        below = values[mid] < limit
        lo[at[below]] = mid[below] + 1
        hi[at[~below]] = mid[~below]
        active[at] = lo[at] < hi[at]
    return lo


def _part_codes(packed: np.ndarray, bits: np.uint64, sizes: np.ndarray, n: int,
                min_size: int) -> np.ndarray:
    """Codes ``short · n + long`` of the pairs that the posting lists of one part's postings
    (keys ``value << bits | row``, sorted here) propose, once per shared value."""
    total = packed.shape[0]
    if total < 2:
        return np.empty(0, dtype=np.int64)
    packed.sort()
    posted = packed >> bits
    list_start = np.flatnonzero(np.concatenate(([True], posted[1:] != posted[:-1])))
    length = np.diff(np.append(list_start, total))
    # Lists that can pair: of 2 to MAX_POSTINGS members (most sampled values are in one
    # document only), whose largest set is at least SIZE_FACTOR times their smallest one of
    # at least min_size (most of the others are copies of one story, of close sizes). Each
    # test on the members the one before kept.
    sized = (length >= 2) & (length <= MAX_POSTINGS)
    if not sized.any():
        return np.empty(0, dtype=np.int64)
    member = packed[np.repeat(sized, length)]
    length = length[sized]
    starts = np.cumsum(length) - length
    rows = (member & ((np.uint64(1) << bits) - np.uint64(1))).astype(np.int64)
    size = sizes[rows].astype(np.int64)
    largest = np.maximum.reduceat(size, starts)
    smallest = np.minimum.reduceat(np.where(size >= min_size, size, np.iinfo(np.int64).max // 4),
                                   starts)
    can_pair = largest >= SIZE_FACTOR * smallest
    if not can_pair.any():
        return np.empty(0, dtype=np.int64)
    keep = np.repeat(can_pair, length)
    rows, size = rows[keep], size[keep]
    list_id = np.repeat(np.arange(can_pair.sum(), dtype=np.int64), length[can_pair])
    # By list, then size (rows in order within a size: a stable sort), so that a member's
    # partners, the members at least SIZE_FACTOR times its size, are the end of its list from
    # one place on. (list, size) as one key: list numbers and sizes are far below 2^31.
    key = (list_id << 32) | size
    order = np.argsort(key, kind="stable")
    key, rows, size, list_id = key[order], rows[order], size[order], list_id[order]
    wanted = (list_id << 32) | np.minimum(SIZE_FACTOR * size, (1 << 32) - 1)
    partner = np.searchsorted(key, wanted, side="left")
    end = np.searchsorted(key, (list_id + 1) << 32, side="left")
    count = np.where(size >= min_size, np.clip(end - partner, 0, MAX_PARTNERS), 0)
    pairs = int(count.sum())
    if pairs == 0:
        return np.empty(0, dtype=np.int64)
    short_at = np.repeat(np.arange(rows.size, dtype=np.int64), count)
    long_at = (np.arange(pairs, dtype=np.int64) - np.repeat(np.cumsum(count) - count, count)
               + np.repeat(partner, count))
    return rows[short_at] * n + rows[long_at]


def _proposed(codes: np.ndarray, shared: np.ndarray, samples: np.ndarray, n: int
              ) -> np.ndarray:
    """The pairs whose codes (unique) share at least ``MIN_SHARE`` of the short row's
    ``samples`` (and ``MIN_SHARED``), smaller row first, sorted, unique."""
    if not codes.size:
        return np.empty((0, 2), dtype=np.int64)
    short, long = codes // n, codes % n
    needed = np.maximum(MIN_SHARED, np.ceil(MIN_SHARE * samples[short]))
    chosen = shared >= needed
    short, long = short[chosen], long[chosen]
    return unique_pairs(iter([np.stack([np.minimum(short, long), np.maximum(short, long)],
                                       axis=1)]), n)

