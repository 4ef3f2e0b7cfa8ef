"""Stable 64-bit hashing: the same values on every machine, process and Python version.

Python's ``hash()`` of a str is salted per process, so it is never used. Strings (ids, exact
duplicate keys) are hashed with xxh3-64; words and shingles with integer arithmetic in numpy
(wrap-around uint64 semantics, platform independent; see ``sketch.words``).
"""

from __future__ import annotations

import numpy as np
import xxhash

_MASK64 = (1 << 64) - 1
def mix64(values: np.ndarray) -> np.ndarray:
    """SplitMix64 finaliser, vectorised: a bijection on uint64 with full avalanche."""
    z = values.astype(np.uint64, copy=True)
    with np.errstate(over="ignore"):
        z ^= z >> np.uint64(30)
        z *= np.uint64(0xBF58476D1CE4E5B9)
        z ^= z >> np.uint64(27)
        z *= np.uint64(0x94D049BB133111EB)
        z ^= z >> np.uint64(31)
    return z


def seed_constant(seed: int, salt: int = 0) -> np.uint64:
    """A well-mixed uint64 derived from an integer seed (stable across machines)."""
    return np.uint64(xxhash.xxh3_64_intdigest(f"neardup:{seed}:{salt}".encode()))


def stable_hash(text: str) -> int:
    """Stable 64-bit hash of a string (ids, exact-duplicate keys)."""
    return xxhash.xxh3_64_intdigest(text.encode("utf-8", "surrogatepass")) & _MASK64


def unique_sorted(values: np.ndarray) -> np.ndarray:
    """Drop repeats from a sorted array (a neighbour comparison: faster than ``np.unique``)."""
    if values.size < 2:
        return values
    keep = np.empty(values.size, dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def sort_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)``: sorted, repeats dropped. numpy >= 2.3 finds unique integers with
    a hash table before sorting them, 10-40x slower than a sort and a neighbour comparison
    on the millions of candidate-pair codes of a large corpus."""
    return unique_sorted(np.sort(values, axis=None))
