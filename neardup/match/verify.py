"""Verification of candidate pairs on the real shingle sets, not on the sketch estimate.

Every shingle carries a weight w in (0, 1] (``sketch/weights.py``: prose counts fully, menus
and link lists little; all 1 with ``prose_weights`` off). For shingle sets A and B, with
``|X|`` the weight sum of X and ``|A ∩ B| = Σ min(w_A, w_B)`` over shared shingles:
- Jaccard ``J = |A ∩ B| / (|A| + |B| − |A ∩ B|)``: two versions of one text.
- Containment ``C = |A ∩ B| / min(|A|, |B|)``: the shorter text inside the longer one (a
  400-word reprint inside a 1,500-word page). It only counts when the shorter set weighs at
  least ``min_containment_shingles`` (fully weighted) shingles, so a headline that appears in
  another page's list of headlines is not a copy of that page, nor is a page that is nothing
  but its site's menus a copy of every page of the site.

A pair is a duplicate when ``J >= threshold`` or ``C >= containment`` (when enabled). With all
weights equal these are the plain set overlaps.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neardup.executor import LocalExecutor
from neardup.match.store import ShingleStore, StoreView
from neardup.sketch import kernels
from neardup.sketch.hashing import sort_unique
from neardup.sketch.weights import MAX_WEIGHT, uniform_weights


@dataclass(frozen=True)
class VerifyRule:
    threshold: float = 0.7
    containment: float | None = 0.8
    min_containment_shingles: int = 50

    def accepts_many(self, jaccard: np.ndarray, containment: np.ndarray, smaller: np.ndarray
                     ) -> np.ndarray:
        """``accepts`` over arrays of pairs (``smaller``: weight of the lighter set, in
        fully weighted shingles)."""
        ok = jaccard >= self.threshold
        if self.containment is not None:
            ok |= (smaller >= self.min_containment_shingles) & (containment >= self.containment)
        return ok

    def accepts(self, jaccard: float, containment: float, smaller: float) -> bool:
        if jaccard >= self.threshold:
            return True
        return (
            self.containment is not None
            and smaller >= self.min_containment_shingles
            and containment >= self.containment
        )


def intersection_weight(a: np.ndarray, wa: np.ndarray, b: np.ndarray, wb: np.ndarray) -> int:
    """Σ min(wa, wb) over the values of both sorted unique arrays."""
    if kernels.AVAILABLE:
        return int(kernels.weighted_intersection(a, wa, b, wb))
    _, ia, ib = np.intersect1d(a, b, assume_unique=True, return_indices=True)
    return int(np.minimum(wa[ia], wb[ib]).sum(dtype=np.int64))


def overlap(a: np.ndarray, b: np.ndarray, wa: np.ndarray | None = None,
            wb: np.ndarray | None = None) -> tuple[float, float]:
    """(Jaccard, containment) of two sorted unique arrays with their weights (None: all 1)."""
    if a.size == 0 or b.size == 0:
        return (1.0, 1.0) if a.size == b.size else (0.0, 0.0)
    wa = uniform_weights(a) if wa is None else wa
    wb = uniform_weights(b) if wb is None else wb
    inter = intersection_weight(a, wa, b, wb)
    mass_a, mass_b = int(wa.sum(dtype=np.int64)), int(wb.sum(dtype=np.int64))
    union = mass_a + mass_b - inter
    return inter / union, inter / min(mass_a, mass_b)


def lighter_shingles(masses: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per pair ``a[k], b[k]``: the lighter set's weight, in fully weighted shingles (what the
    rule's minimum reads)."""
    return np.minimum(masses[a], masses[b]) / MAX_WEIGHT


# Pairs per batch: a batch maps the pages of up to 2·CHUNK sets (up to ~100 MB resident at
# news-article sizes), handed back after it.
CHUNK = 20_000


def verify_pairs(
    pairs: np.ndarray, store: ShingleStore, rule: VerifyRule, chunk: int = CHUNK,
    executor: LocalExecutor | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (Jaccard, containment, accepted) for every candidate pair.

    Pairs are taken ``chunk`` at a time: the sets of the chunk's documents are read once into
    one buffer (at most 2·chunk sets in memory) and every pair's intersection is counted there
    in one compiled loop. Chunks run on ``executor`` (worker processes reading the store's
    files; results in chunk order) when given, else here. The rule is then applied to whole
    arrays.
    """
    masses = store.masses()
    chunks = (pairs[start : start + chunk] for start in range(0, len(pairs), chunk))
    task = VerifyTask(store.view, masses, store.sizes())
    if executor is not None and len(pairs) > chunk:  # (one chunk: not worth starting workers)
        results = executor.map(overlap_chunk, chunks, task)
    else:
        results = (overlap_chunk(part, task) for part in chunks)
    parts = list(results)
    jaccards = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0)
    containments = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0)
    smaller_all = (lighter_shingles(masses, pairs[:, 0], pairs[:, 1])
                   if len(pairs) else np.empty(0, dtype=np.float64))
    return jaccards, containments, rule.accepts_many(jaccards, containments, smaller_all)


@dataclass(frozen=True)
class VerifyTask:
    """What a worker needs to verify chunks of pairs: read access to the sets, their masses
    (weight sums) and sizes."""

    view: StoreView
    masses: np.ndarray
    sizes: np.ndarray


def overlap_chunk(part: np.ndarray, task: VerifyTask, mapped: bool = True
                  ) -> tuple[np.ndarray, np.ndarray]:
    """(Jaccard, containment) of each pair of ``part`` (rows of two document numbers).
    ``mapped=False``: the sets are read (``StoreView.read_many``), not mapped."""
    view = task.view
    if mapped and kernels.AVAILABLE:  # the compiled merge reads the sets where they are mapped
        values_file, weights_file = view.mapped()
        inter = kernels.pair_weighted_intersections(
            values_file, weights_file, view.starts, view.ends, view.resolved[part[:, 0]],
            view.resolved[part[:, 1]])
        view.release()
    else:  # the chunk's sets copied into one buffer
        docs = sort_unique(part)
        values, weights, offsets = view.get_many(docs) if mapped else view.read_many(docs)
        left = np.searchsorted(docs, part[:, 0])
        right = np.searchsorted(docs, part[:, 1])
        inter = pair_intersections(values, weights, offsets, left, right)
    mass_a, mass_b = task.masses[part[:, 0]], task.masses[part[:, 1]]
    union = mass_a + mass_b - inter
    lighter = np.minimum(mass_a, mass_b)
    sizes_a, sizes_b = task.sizes[part[:, 0]], task.sizes[part[:, 1]]
    with np.errstate(divide="ignore", invalid="ignore"):
        jac = np.where(union > 0, inter / np.maximum(union, 1), 1.0)
        con = np.where(lighter > 0, inter / np.maximum(lighter, 1),
                       np.where(sizes_a == sizes_b, 1.0, 0.0))
    return jac, con


def pair_intersections(values: np.ndarray, weights: np.ndarray, offsets: np.ndarray,
                       left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Weighted |A ∩ B| for each pair (sets ``values[offsets[k]:offsets[k+1]]``, their
    weights at the same positions of ``weights``)."""
    if kernels.AVAILABLE:
        return kernels.pair_weighted_intersections(values, weights, offsets[:-1], offsets[1:],
                                                    left, right)
    out = np.empty(len(left), dtype=np.int64)
    for k, (a, b) in enumerate(zip(left.tolist(), right.tolist(), strict=True)):
        sa, sb = slice(offsets[a], offsets[a + 1]), slice(offsets[b], offsets[b + 1])
        out[k] = intersection_weight(values[sa], weights[sa], values[sb], weights[sb])
    return out


class PairOverlaps:
    """(Jaccard, containment) of pairs of stored documents for clustering, reusing what
    verification found.

    Most pairs that clustering checks (a copy against its story's kept copy) are verified
    candidate pairs already: their overlaps are looked up (``pairs`` sorted as ``unique_pairs``
    returns them), exact copies sharing one stored set are (1, 1), and only the rest read the
    sets again.
    """

    def __init__(self, store: ShingleStore, pairs: np.ndarray, jaccards: np.ndarray,
                 containments: np.ndarray) -> None:
        self.store = store
        self.n_docs = max(len(store), 1)
        self.codes = pairs[:, 0] * self.n_docs + pairs[:, 1]
        self.jaccards, self.containments = jaccards, containments

    def __call__(self, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Overlaps of the pairs ``a[k], b[k]`` (int64 arrays of document numbers)."""
        view = self.store.view
        jaccard = np.ones(a.size, dtype=np.float64)
        containment = np.ones(a.size, dtype=np.float64)
        rest = view.resolved[a] != view.resolved[b]  # (one stored set: an exact copy)
        if self.codes.size:
            codes = np.minimum(a, b) * self.n_docs + np.maximum(a, b)
            at = np.minimum(np.searchsorted(self.codes, codes), self.codes.size - 1)
            verified = rest & (self.codes[at] == codes)
            jaccard[verified] = self.jaccards[at[verified]]
            containment[verified] = self.containments[at[verified]]
            rest &= ~verified
        if rest.any():  # read, not mapped: the main process should stay small
            task = VerifyTask(view, self.store.masses(), self.store.sizes())
            where = np.flatnonzero(rest)
            for start in range(0, where.size, CHUNK):
                part = where[start:start + CHUNK]
                jaccard[part], containment[part] = overlap_chunk(
                    np.stack([a[part], b[part]], axis=1), task, mapped=False)
        return jaccard, containment
