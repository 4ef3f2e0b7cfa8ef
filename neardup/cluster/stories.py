"""From verified pairs to stories, with a guard against chaining.

Union-find over verified pairs alone chains: A~B and B~C put A and C in one story even when A
and C share nothing (a follow-up that quotes a background paragraph, a short brief contained in
two unrelated roundups). neardup's rule:

    Every duplicate is verified directly against the kept copy of its story.

Within each connected component, documents are ordered by the keep policy. The best one not
yet assigned becomes a kept copy; every unassigned member whose exact overlap with it passes the
verification rule joins its story. Repeat until the component is exhausted. A story is thus a
star around its kept copy, and ``similarity`` in the output is always measured against it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from neardup.cluster.unionfind import component_roots
from neardup.sketch.hashing import sort_unique


@dataclass
class Stories:
    """Per document number: the kept copy it belongs to, and its overlap with that copy."""

    kept: np.ndarray  # int64: document number of the story's kept copy (itself if kept)
    jaccard: np.ndarray  # float64: Jaccard with the kept copy (1.0 for the kept copy)
    containment: np.ndarray  # float64


Overlaps = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
Accepts = Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def build_stories(
    n_docs: int,
    edges: np.ndarray,
    rank: Sequence[tuple],
    overlaps: Overlaps,
    accepts: Accepts,
    active: np.ndarray | None = None,
) -> Stories:
    """Cluster ``n_docs`` documents joined by ``edges`` (verified pairs, shape (m, 2)).

    ``rank[d]`` orders candidates for keeping (smallest first); ``overlaps(a, b)`` gives the
    exact (Jaccard, containment) of the pairs ``a[k], b[k]`` (int64 arrays);
    ``accepts(a, b, jaccard, containment)`` applies the rule to them (a bool array).
    Documents with ``active[d] == False`` (rejected ones) stay singletons.

    Components are independent, so they advance together: each round checks every component's
    best unplaced document (its next kept copy) against the component's other unplaced ones in
    one batch (one call for the round, not one per pair: ~200k pairs at 1M documents).
    """
    kept = np.arange(n_docs, dtype=np.int64)
    jaccard = np.ones(n_docs, dtype=np.float64)
    containment = np.ones(n_docs, dtype=np.float64)
    roots = component_roots(n_docs, edges)
    members: dict[int, list[int]] = {}
    touched = sort_unique(edges) if len(edges) else np.empty(0, dtype=np.int64)
    for d, root in zip(touched.tolist(), roots[touched].tolist(), strict=True):
        members.setdefault(root, []).append(d)
    unplaced: list[list[int]] = []  # per component, best-ranked first
    for root in sorted(members):
        component = members[root]
        if active is not None:
            component = [d for d in component if active[d]]
        if len(component) > 1:
            unplaced.append(sorted(component, key=lambda d: rank[d]))
    while unplaced:
        centers = [order[0] for order in unplaced for _ in range(len(order) - 1)]
        others = [d for order in unplaced for d in order[1:]]
        a = np.array(centers, dtype=np.int64)
        b = np.array(others, dtype=np.int64)
        jac, con = overlaps(a, b)
        ok = np.asarray(accepts(a, b, jac, con), dtype=bool)
        kept[b[ok]], jaccard[b[ok]], containment[b[ok]] = a[ok], jac[ok], con[ok]
        rejected = (~ok).tolist()
        left: list[list[int]] = []
        position = 0
        for order in unplaced:
            rest = [d for d, no in zip(order[1:], rejected[position:position + len(order) - 1],
                                       strict=True) if no]
            position += len(order) - 1
            if len(rest) > 1:  # (one left: a story of its own)
                left.append(rest)
        unplaced = left
    return Stories(kept=kept, jaccard=jaccard, containment=containment)
