"""Word n-gram shingles as a sorted set of stable 64-bit hashes.

A document becomes the set S of its word n-grams (after ``neardup.normalize.tokens``). Each
n-gram (w_1..w_n) is hashed as a polynomial over the word hashes,
``h = mix64(((h(w_1)·P + h(w_2))·P + ...) + h(w_n))`` with P an odd 64-bit constant, computed
for all positions at once in numpy. The set is returned sorted and unique: that is what both the
MinHash sketch and the exact Jaccard/containment verification read.

A text shorter than n words yields one shingle of all its words, so short texts still match
their exact copies.
"""

from __future__ import annotations

import numpy as np

from neardup.normalize import tokens
from neardup.sketch.hashing import WordHasher, mix64

_P = np.uint64(0x9E3779B97F4A7C15)  # odd multiplier (golden ratio); any odd constant works

_HASHER = WordHasher()


def shingle_hashes(words: list[str], ngram: int, hasher: WordHasher = _HASHER) -> np.ndarray:
    """Sorted unique uint64 hashes of the word ``ngram``-grams of ``words``."""
    if not words:
        return np.empty(0, dtype=np.uint64)
    word_hashes = hasher(words)
    n = min(ngram, len(word_hashes))
    count = len(word_hashes) - n + 1
    acc = word_hashes[:count].copy()
    with np.errstate(over="ignore"):
        for j in range(1, n):
            acc *= _P
            acc += word_hashes[j : j + count]
    return np.unique(mix64(acc))


def text_shingles(text: str, ngram: int) -> np.ndarray:
    """Shingle set of a raw text (normalised first)."""
    return shingle_hashes(tokens(text), ngram)
