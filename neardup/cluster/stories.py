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


def build_stories(
    n_docs: int,
    edges: np.ndarray,
    rank: Sequence[tuple],
    overlap: Callable[[int, int], tuple[float, float]],
    accepts: Callable[[int, int, float, float], bool],
    active: np.ndarray | None = None,
) -> Stories:
    """Cluster ``n_docs`` documents joined by ``edges`` (verified pairs, shape (m, 2)).

    ``rank[d]`` orders candidates for keeping (smallest first); ``overlap(a, b)`` gives the
    exact (Jaccard, containment); ``accepts(a, b, jaccard, containment)`` applies the rule.
    Documents with ``active[d] == False`` (rejected ones) stay singletons.
    """
    kept = np.arange(n_docs, dtype=np.int64)
    jaccard = np.ones(n_docs, dtype=np.float64)
    containment = np.ones(n_docs, dtype=np.float64)
    roots = component_roots(n_docs, edges)
    members: dict[int, list[int]] = {}
    touched = sort_unique(edges) if len(edges) else np.empty(0, dtype=np.int64)
    for d, root in zip(touched.tolist(), roots[touched].tolist(), strict=True):
        members.setdefault(root, []).append(d)
    for root in sorted(members):
        component = members[root]
        if active is not None:
            component = [d for d in component if active[d]]
        order = sorted(component, key=lambda d: rank[d])
        unassigned = order
        while unassigned:
            center, rest = unassigned[0], unassigned[1:]
            remaining = []
            for d in rest:
                jac, con = overlap(center, d)
                if accepts(center, d, jac, con):
                    kept[d] = center
                    jaccard[d] = jac
                    containment[d] = con
                else:
                    remaining.append(d)
            unassigned = remaining
    return Stories(kept=kept, jaccard=jaccard, containment=containment)
