"""Union-find (disjoint sets) over document numbers, numpy-backed, path halving."""

from __future__ import annotations

import numpy as np


class UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = np.arange(size, dtype=np.int64)

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = int(parent[x])
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller number becomes the root: roots do not depend on edge order.
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb

    def union_pairs(self, pairs: np.ndarray) -> None:
        for a, b in pairs.tolist():
            self.union(a, b)

    def roots(self) -> np.ndarray:
        return np.fromiter((self.find(i) for i in range(len(self.parent))), dtype=np.int64,
                           count=len(self.parent))
