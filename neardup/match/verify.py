"""Verification of candidate pairs on the real shingle sets, not on the sketch estimate.

For shingle sets A and B:
- Jaccard ``J = |A ∩ B| / |A ∪ B|``: two versions of one text.
- Containment ``C = |A ∩ B| / min(|A|, |B|)``: the shorter text inside the longer one (a
  400-word reprint inside a 1,500-word page). It only counts when the shorter set has at least
  ``min_containment_shingles`` shingles, so a headline that appears in another page's list of
  headlines is not a copy of that page.

A pair is a duplicate when ``J >= threshold`` or ``C >= containment`` (when enabled).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neardup.match.store import ShingleStore
from neardup.sketch import kernels


@dataclass(frozen=True)
class VerifyRule:
    threshold: float = 0.7
    containment: float | None = 0.8
    min_containment_shingles: int = 50

    def accepts_many(self, jaccard: np.ndarray, containment: np.ndarray, smaller: np.ndarray
                     ) -> np.ndarray:
        """``accepts`` over arrays of pairs."""
        ok = jaccard >= self.threshold
        if self.containment is not None:
            ok |= (smaller >= self.min_containment_shingles) & (containment >= self.containment)
        return ok

    def accepts(self, jaccard: float, containment: float, smaller: int) -> bool:
        if jaccard >= self.threshold:
            return True
        return (
            self.containment is not None
            and smaller >= self.min_containment_shingles
            and containment >= self.containment
        )


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(Jaccard, containment) of two sorted unique arrays."""
    if a.size == 0 or b.size == 0:
        return (1.0, 1.0) if a.size == b.size else (0.0, 0.0)
    if kernels.AVAILABLE:
        inter = kernels.intersection_size(a, b)
    else:
        inter = np.intersect1d(a, b, assume_unique=True).size
    union = a.size + b.size - inter
    return inter / union, inter / min(a.size, b.size)


def verify_pairs(
    pairs: np.ndarray, store: ShingleStore, rule: VerifyRule, chunk: int = 20_000
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (Jaccard, containment, accepted) for every candidate pair.

    Pairs are taken ``chunk`` at a time: the sets of the chunk's documents are read once into
    one buffer (at most 2·chunk sets in memory) and every pair's intersection is counted there
    in one compiled loop; the rule is then applied to whole arrays.
    """
    jaccards = np.zeros(len(pairs), dtype=np.float64)
    containments = np.zeros(len(pairs), dtype=np.float64)
    for start in range(0, len(pairs), chunk):
        part = pairs[start : start + chunk]
        docs = np.unique(part)
        values, offsets = store.get_many(docs)
        left = np.searchsorted(docs, part[:, 0])
        right = np.searchsorted(docs, part[:, 1])
        inter = pair_intersections(values, offsets, left, right)
        sizes = np.diff(offsets)
        size_a, size_b = sizes[left], sizes[right]
        union = size_a + size_b - inter
        smaller = np.minimum(size_a, size_b)
        with np.errstate(divide="ignore", invalid="ignore"):
            jac = np.where(union > 0, inter / np.maximum(union, 1), 1.0)
            con = np.where(smaller > 0, inter / np.maximum(smaller, 1),
                           np.where(size_a == size_b, 1.0, 0.0))
        jaccards[start : start + len(part)] = jac
        containments[start : start + len(part)] = con
    sizes_all = store.sizes()
    smaller_all = np.minimum(sizes_all[pairs[:, 0]], sizes_all[pairs[:, 1]]) if len(pairs) \
        else np.empty(0, dtype=np.int64)
    return jaccards, containments, rule.accepts_many(jaccards, containments, smaller_all)


def pair_intersections(values: np.ndarray, offsets: np.ndarray, left: np.ndarray,
                       right: np.ndarray) -> np.ndarray:
    """|A ∩ B| for each pair (sets ``values[offsets[k]:offsets[k+1]]``)."""
    if kernels.AVAILABLE:
        return kernels.pair_intersections(values, offsets, left, right)
    out = np.empty(len(left), dtype=np.int64)
    for k, (a, b) in enumerate(zip(left.tolist(), right.tolist(), strict=True)):
        out[k] = np.intersect1d(values[offsets[a] : offsets[a + 1]],
                                values[offsets[b] : offsets[b + 1]], assume_unique=True).size
    return out
