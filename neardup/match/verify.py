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
    pairs: np.ndarray, store: ShingleStore, rule: VerifyRule
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (Jaccard, containment, accepted) for every candidate pair.

    ``pairs`` is sorted by first document, so each left set is loaded once per run of pairs.
    """
    keep = np.zeros(len(pairs), dtype=bool)
    jaccards = np.zeros(len(pairs), dtype=np.float64)
    containments = np.zeros(len(pairs), dtype=np.float64)
    current = -1
    left = np.empty(0, dtype=np.uint32)
    for k, (i, j) in enumerate(pairs.tolist()):
        if i != current:
            left = np.asarray(store.get(i))
            current = i
        right = store.get(j)
        jac, con = overlap(left, right)
        jaccards[k] = jac
        containments[k] = con
        keep[k] = rule.accepts(jac, con, min(left.size, right.size))
    return jaccards, containments, keep
