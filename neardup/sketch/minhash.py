"""MinHash signatures by one-permutation hashing (OPH) with optimal densification.

Classic MinHash applies k random permutations to the shingle set S and keeps each minimum:
``P[sig_i(A) = sig_i(B)] = J(A, B)``. That costs k hash evaluations per shingle.

One-permutation hashing (Li, Owen & Zhang, 2012) applies one random permutation π (the seeded
bijection that already produced the shingle values, see ``shingles.py``) and splits its range
into k equal bins by the top log2(k) bits; ``sig_i`` is the minimum of π(S) inside bin i.
Because the shingle values are kept sorted, the minimum of every bin is found with one
``searchsorted`` — the cost is one hash per shingle plus
O(k log |S|). Empty bins (|S| small relative to k) are filled by optimal densification
(Shrivastava, ICML 2017): an empty bin i borrows the value of the first non-empty bin among the
probe sequence ``j = g(i, 1), g(i, 2), ...`` where g is a fixed seeded random function shared
by all documents. With it, the collision probability of every bin is again exactly J(A, B),
and the variance is close to that of k independent permutations.

Parameters: ``num_perm`` (k, a power of two: bins are addressed by top bits), ``seed`` (changes
g; the shingle values must come from ``shingle_hashes`` with the same seed; signatures are only
comparable between equal k and seed).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from neardup.sketch import kernels
from neardup.sketch.hashing import seed_constant

_MAX_PROBES = 256


@dataclass(frozen=True)
class OnePermutationHasher:
    """Computes k-value OPH signatures (uint64) of sorted shingle-hash sets."""

    num_perm: int = 128
    seed: int = 1
    _shift: np.uint64 = field(init=False, repr=False)
    _probes: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        k = self.num_perm
        if k < 2 or k & (k - 1):
            raise ValueError(f"num_perm must be a power of two >= 2 (got {k})")
        object.__setattr__(self, "_shift", np.uint64(64 - (k.bit_length() - 1)))
        rng = np.random.Generator(np.random.PCG64(int(seed_constant(self.seed, 2))))
        probes = rng.integers(0, k, size=(_MAX_PROBES, k), dtype=np.int64)
        object.__setattr__(self, "_probes", probes)

    @property
    def shift(self) -> np.uint64:
        """64 - log2(k): a value's bin is its top bits, ``value >> shift``."""
        return self._shift

    @property
    def probes(self) -> np.ndarray:
        """The densification probe sequences: row ``r`` holds each bin's r-th probe."""
        return self._probes

    def signature(self, values: np.ndarray) -> np.ndarray:
        """OPH signature of a sorted set of permuted shingle values (empty: all-max)."""
        k = self.num_perm
        out = np.full(k, np.iinfo(np.uint64).max, dtype=np.uint64)
        if values.size == 0:
            return out
        shift = self._shift
        bins = np.arange(k, dtype=np.uint64)
        starts = np.searchsorted(values, bins << shift)
        filled = starts < values.size
        clipped = np.minimum(starts, values.size - 1)
        filled &= (values[clipped] >> shift) == bins
        out[filled] = values[clipped[filled]]
        if filled.all():
            return out
        # Optimal densification: each empty bin takes the value of the first filled bin on its
        # own fixed probe sequence. Offsetting by the probe round keeps borrowed values distinct
        # from the lender's own, as in Shrivastava (2017).
        empty = np.flatnonzero(~filled)
        source = out.copy()
        for attempt in range(_MAX_PROBES):
            if empty.size == 0:
                break
            targets = self._probes[attempt, empty]
            hit = filled[targets]
            with np.errstate(over="ignore"):
                out[empty[hit]] = source[targets[hit]] + np.uint64(attempt + 1)
            empty = empty[~hit]
        if empty.size:  # astronomically rare: fall back to the first filled bin
            first = int(np.flatnonzero(filled)[0])
            out[empty] = source[first]
        return out

    def signatures(self, sets: list[np.ndarray]) -> np.ndarray:
        """Signatures of many sorted sets, one row each (compiled when available)."""
        if not kernels.AVAILABLE or not sets:
            return np.stack([self.signature(v) for v in sets]) if sets else \
                np.empty((0, self.num_perm), dtype=np.uint64)
        offsets = np.zeros(len(sets) + 1, dtype=np.int64)
        np.cumsum([v.size for v in sets], out=offsets[1:])
        values = np.concatenate(sets)
        return kernels.oph_signatures(values, offsets, self.num_perm, self._shift,
                                      self._probes)
