"""Word n-gram shingles as a sorted set of stable 64-bit hashes.

A document becomes the set S of its word n-grams (words from ``neardup.sketch.words``, the
normalised words of ``neardup.normalize.tokens``). An n-gram (w_1..w_n) is hashed as a
polynomial over the word hashes, ``h = mix64((((h(w_1)·Q + h(w_2))·Q + ...) + h(w_n)) ^ salt)``
with Q an odd 64-bit constant and ``salt`` derived from the seed, computed for all positions at
once in numpy. ``mix64`` is a bijection, so for a fixed seed the values are a random permutation
of the shingles: the one permutation that the MinHash sketch (``minhash.py``) needs. The set
is returned sorted and unique: that is what both the MinHash sketch and the exact
Jaccard/containment verification read.

A text shorter than n words yields one shingle of all its words, so short texts still match
their exact copies.
"""

from __future__ import annotations

import numpy as np

from neardup.sketch import kernels
from neardup.sketch.hashing import mix64, seed_constant, unique_sorted
from neardup.sketch.words import shard_word_hashes

SHINGLE_Q = np.uint64(0x9E3779B97F4A7C15)  # odd multiplier (golden ratio): any odd constant


def position_hashes(word_hashes: np.ndarray, ngram: int, seed: int = 1) -> np.ndarray:
    """uint64 hash of the ``ngram``-gram starting at each word, in text order (repeats kept)."""
    if word_hashes.size == 0:
        return np.empty(0, dtype=np.uint64)
    n = min(ngram, word_hashes.size)
    count = word_hashes.size - n + 1
    acc = word_hashes[:count].copy()
    with np.errstate(over="ignore"):
        for j in range(1, n):
            acc *= SHINGLE_Q
            acc += word_hashes[j : j + count]
    acc ^= seed_constant(seed, 1)
    return mix64(acc)


def shingle_hashes(word_hashes: np.ndarray, ngram: int, seed: int = 1) -> np.ndarray:
    """Sorted unique uint64 hashes of the ``ngram``-grams of a sequence of word hashes."""
    return unique_sorted(np.sort(position_hashes(word_hashes, ngram, seed)))


def text_shingles(text: str, ngram: int, seed: int = 1) -> np.ndarray:
    """Shingle set of one raw text (normalised first)."""
    return shingle_hashes(shard_word_hashes([text])[0], ngram, seed)


def shard_shingles(word_lists: list[np.ndarray], ngram: int, seed: int = 1) -> list[np.ndarray]:
    """``shingle_hashes`` of many word sequences (compiled in one call when available)."""
    if not kernels.AVAILABLE or not word_lists:
        return [shingle_hashes(words, ngram, seed) for words in word_lists]
    offsets = np.zeros(len(word_lists) + 1, dtype=np.int64)
    np.cumsum([w.size for w in word_lists], out=offsets[1:])
    words = np.concatenate(word_lists) if offsets[-1] else np.empty(0, dtype=np.uint64)
    values, value_offsets = kernels.shingle_sets(words, offsets, ngram,
                                                 seed_constant(seed, 1), SHINGLE_Q)
    return np.split(values, value_offsets[1:-1])
