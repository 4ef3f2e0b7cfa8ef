"""Compiled (numba) loops of ``lsh.band_pairs``, with results identical to its numpy path.

- ``sorted_runs``: from one band's sorted keys (each key's high bits, the document number in
  its low bits), the documents in buckets of two or more, in sorted order, with their bucket.
- ``bucket_pairs``: the pairs of those members at most ``max_bucket`` places apart in one
  bucket, offset by offset as the numpy loop forms them; with the short-copy banding's sizes,
  only the pairs within its size ratio, the others (of buckets of at most ``max_bucket``
  members) returned as codes ``i · n + j`` for the shared-band count, with where each
  offset's codes start.

- ``lower_bounds``, ``range_keys``: per row of sorted runs, where values reach a limit, and
  the values in a range as sort keys with their row (``sampled.py``).

Each is one pass over integer arrays instead of some ten numpy calls with their temporaries,
per band: the 49 short-copy bands of 100k documents in one thread, 0.27 -> 0.11 s. Without
numba (``NEARDUP_PURE=1``) the numpy path runs; tests compare both.
"""

from __future__ import annotations

import numpy as np

from neardup.sketch.kernels import AVAILABLE, njit

__all__ = ["AVAILABLE", "bucket_pairs", "lower_bounds", "range_keys", "sorted_runs"]


@njit(cache=True)
def _short_pair(size: np.ndarray, p: int, q: int, max_ratio: float
                ) -> bool:  # pragma: no cover - compiled
    # as numpy compares: the smaller size (as a float) against max_ratio times the larger
    a, b = size[p], size[q]
    if a <= b:
        return a <= max_ratio * b
    return b <= max_ratio * a


@njit(cache=True)
def bucket_pairs(order: np.ndarray, run_id: np.ndarray, max_bucket: int, n: int,
                 size: np.ndarray, max_ratio: float, small_run: np.ndarray, short: bool,
                 wide: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # pragma: no cover
    """(pairs (k, 2), wide codes, start of each offset's codes (offsets + 1 values)): see the
    module's description. ``size``/``max_ratio`` are read when ``short``, ``small_run`` when
    ``wide``. Each member meets the next members of its run (at most ``max_bucket`` places
    on); a pair at offset d goes to offset d's part of the output, so the pairs come out
    offset by offset, each offset's in member order, as the numpy loop makes them."""
    m = order.shape[0]
    # first pass: how many pairs and wide codes at each offset
    n_at = np.zeros(max_bucket + 1, dtype=np.int64)
    wide_at = np.zeros(max_bucket + 1, dtype=np.int64)
    last = 0
    for p in range(m):
        q = p + 1
        while q < m and q - p <= max_bucket and run_id[q] == run_id[p]:
            d = q - p
            if d > last:
                last = d
            if short and not _short_pair(size, p, q, max_ratio):
                if wide and small_run[q]:
                    wide_at[d] += 1
            else:
                n_at[d] += 1
            q += 1
    pair_at = np.zeros(last + 1, dtype=np.int64)  # where offset d's pairs start
    starts = np.zeros(last + 1, dtype=np.int64)  # where offset d's codes start (d - 1)
    for d in range(1, last):
        pair_at[d + 1] = pair_at[d] + n_at[d]
        starts[d] = starts[d - 1] + wide_at[d]
    if last:
        starts[last] = starts[last - 1] + wide_at[last]
    pairs = np.empty((pair_at[last] + n_at[last] if last else 0, 2), dtype=np.int64)
    codes = np.empty(starts[last] if last else 0, dtype=np.int64)
    code_at = np.zeros(last + 1, dtype=np.int64)
    for d in range(1, last + 1):
        code_at[d] = starts[d - 1]
    for p in range(m):
        q = p + 1
        while q < m and q - p <= max_bucket and run_id[q] == run_id[p]:
            d = q - p
            if short and not _short_pair(size, p, q, max_ratio):
                if wide and small_run[q]:
                    codes[code_at[d]] = order[p] * n + order[q]
                    code_at[d] += 1
            else:
                k = pair_at[d]
                pairs[k, 0] = order[p]
                pairs[k, 1] = order[q]
                pair_at[d] = k + 1
            q += 1
    return pairs, codes, starts


@njit(cache=True)
def sorted_runs(packed: np.ndarray, bits: np.uint64, column: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, bool]:  # pragma: no cover - compiled
    """Of a band's sorted packed keys (high bits of the key, document number in the low
    ``bits``): the documents in runs of two or more equal high parts (``order``, in sorted
    order), their run's number (``run_id``, increasing), and whether a run mixes keys whose
    full values differ (``mixed``)."""
    n = packed.shape[0]
    low = (np.uint64(1) << bits) - np.uint64(1)
    m = 0
    for i in range(n):
        hi = packed[i] >> bits
        if (i > 0 and packed[i - 1] >> bits == hi) or (i + 1 < n and packed[i + 1] >> bits == hi):
            m += 1
    order = np.empty(m, dtype=np.int64)
    run_id = np.empty(m, dtype=np.int64)
    mixed = False
    k, run = 0, -1
    for i in range(n):
        hi = packed[i] >> bits
        if i > 0 and packed[i - 1] >> bits == hi:
            doc = np.int64(packed[i] & low)
            if column[doc] != column[order[k - 1]]:
                mixed = True
            order[k] = doc
            run_id[k] = run
            k += 1
        elif i + 1 < n and packed[i + 1] >> bits == hi:
            run = i  # a new run (numbered by its first place: increasing, as numpy's)
            order[k] = np.int64(packed[i] & low)
            run_id[k] = run
            k += 1
    return order, run_id, mixed


@njit(cache=True)
def lower_bounds(values: np.ndarray, lo: np.ndarray, hi: np.ndarray, limit: np.int64
                 ) -> np.ndarray:  # pragma: no cover - compiled
    """Per row, the first index in ``values[lo[r]:hi[r]]`` (a sorted run) whose value is at
    least ``limit`` (``hi[r]`` if none): ``sampled._first_at_least``, a binary search per row
    instead of one vectorised step of all rows at a time (whose numpy calls cost more than
    the search at a few thousand rows)."""
    out = np.empty(lo.shape[0], dtype=np.int64)
    for r in range(lo.shape[0]):
        a, b = lo[r], hi[r]
        while a < b:
            mid = (a + b) // 2
            if np.int64(values[mid]) < limit:
                a = mid + 1
            else:
                b = mid
        out[r] = a
    return out


@njit(cache=True)
def range_keys(values: np.ndarray, starts: np.ndarray, ends: np.ndarray, lo_value: np.int64,
               hi_value: np.int64, first_row: np.int64, bits: np.int64
               ) -> np.ndarray:  # pragma: no cover - compiled
    """The postings of one part of ``sampled.py`` for rows ``first_row + r``: each value of
    ``values[starts[r]:ends[r]]`` (sorted) in ``[lo_value, hi_value)``, as the key
    ``value << bits | row``, rows in order: what its numpy path makes with two searches,
    a gather and three temporaries."""
    lo = lower_bounds(values, starts, ends, lo_value)
    hi = lower_bounds(values, lo, ends, hi_value)
    total = 0
    for r in range(lo.shape[0]):
        total += hi[r] - lo[r]
    keys = np.empty(total, dtype=np.uint64)
    shift = np.uint64(bits)
    k = 0
    for r in range(lo.shape[0]):
        row = np.uint64(first_row + r)
        for i in range(lo[r], hi[r]):
            keys[k] = (np.uint64(values[i]) << shift) | row
            k += 1
    return keys
