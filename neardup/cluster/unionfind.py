"""Connected components of documents joined by verified pairs, vectorised.

Union-find with "the smaller number becomes the root" labels every component with its
smallest document number. The same labels come from min-label propagation with pointer
jumping, in numpy: every edge pulls both ends' labels down to the smaller of the two, then
``label = label[label]`` until stable (a label is always a document of the component, and the
component's minimum reaches every member within a few rounds on the shallow, star-like graphs
of copies). Roots do not depend on edge order.
"""

from __future__ import annotations

import numpy as np


def component_roots(size: int, edges: np.ndarray) -> np.ndarray:
    """The smallest document number of each document's component (``edges``: shape (m, 2))."""
    label = np.arange(size, dtype=np.int64)
    if len(edges) == 0:
        return label
    a, b = edges[:, 0].astype(np.int64), edges[:, 1].astype(np.int64)
    while True:
        low = np.minimum(label[a], label[b])
        pulled = label.copy()
        np.minimum.at(pulled, a, low)
        np.minimum.at(pulled, b, low)
        while True:  # pointer jumping: follow labels to the smallest one reached
            jumped = pulled[pulled]
            if np.array_equal(jumped, pulled):
                break
            pulled = jumped
        if np.array_equal(pulled, label):
            return label
        label = pulled
