"""The first number seen with each 64-bit key: ``FirstSeen``, for millions of keys.

The main process asks two questions of every document, in input order: did an earlier
document use its id (a repeated id is rejected), and did an earlier document have its
normalised text (an exact copy joins its first copy without being sketched)? Both keys are
64-bit hashes (``read.documents.id_key``, the xxh3-64 of the words). Python dicts from int to
int answered them with an int object per key and per value and a hash entry: ~160 MB each at
a million documents, a quarter of the main process' memory after the sketch pass.

``FirstSeen`` keeps the keys met so far in two parts: a sorted array of keys with a parallel
array of their numbers (16 bytes a key), and a dict of the keys met since the last merge. A
lookup tries the dict, then a binary search of the array; a batch (``first_many``) does the
searches in one numpy call. After a batch, the dict is merged into the arrays once it holds
a quarter as many keys as they do (at least ``MERGE_AT``): a merge is a sort of the dict's
keys and one pass (``np.insert``) over the arrays, so the merges of n keys copy O(n) values
in all, and the dict stays within a quarter of the keys. Answers do not depend on when
merges happen: a key is in exactly one of the two parts, with the number it was first seen
with.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MERGE_AT = 1 << 16  # keys in the dict from which it may be merged into the arrays


class FirstSeen:
    """For keys met in order, the number each was first seen with. Batches (``first_many``)
    merge the dict into the arrays; single keys (``first``, for callers that meet documents
    one at a time: ``neardup clean``, the in-memory API) only go to the dict, as fast as a
    plain dict (a binary search per key took 3.3 µs against 0.7 µs) and as large."""

    def __init__(self) -> None:
        self._keys = np.empty(0, dtype=np.uint64)  # sorted
        self._numbers = np.empty(0, dtype=np.int64)  # of each key of _keys
        self._recent: dict[int, int] = {}  # keys met since the last merge (none in _keys)

    def __len__(self) -> int:
        return self._keys.size + len(self._recent)

    def first(self, key: int, number: int) -> int:
        """The number ``key`` was first seen with; -1 when it is new, and then ``number`` is."""
        found = self._recent.get(key)
        if found is not None:
            return found
        keys = self._keys
        if keys.size:
            at = int(np.searchsorted(keys, np.uint64(key)))
            if at < keys.size and int(keys[at]) == key:
                return int(self._numbers[at])
        self._recent[key] = number  # (no merge here: see the class)
        return -1

    def first_many(self, keys: Sequence[int], numbers: Sequence[int]) -> list[int]:
        """``first`` of each key in order, its number at the same position: a key repeated in
        the batch finds the number of its first occurrence there."""
        firsts = [-1] * len(keys)
        if not len(keys):
            return firsts
        unseen = range(len(keys))
        if self._keys.size:
            wanted = np.fromiter(keys, dtype=np.uint64, count=len(keys))
            at = np.minimum(np.searchsorted(self._keys, wanted), self._keys.size - 1)
            hit = self._keys[at] == wanted
            if hit.any():
                for position, number in zip(np.flatnonzero(hit).tolist(),
                                            self._numbers[at[hit]].tolist(), strict=True):
                    firsts[position] = number
                unseen = np.flatnonzero(~hit).tolist()
        recent = self._recent
        for position in unseen:
            key = keys[position]
            found = recent.get(key)
            if found is None:
                recent[key] = numbers[position]
            else:
                firsts[position] = found
        self._maybe_merge()
        return firsts

    def _maybe_merge(self) -> None:
        if len(self._recent) >= max(MERGE_AT, self._keys.size >> 2):
            self.merge()

    def merge(self) -> None:
        """Move the dict's keys into the sorted arrays."""
        recent = self._recent
        if not recent:
            return
        keys = np.fromiter(recent.keys(), dtype=np.uint64, count=len(recent))
        numbers = np.fromiter(recent.values(), dtype=np.int64, count=len(recent))
        order = np.argsort(keys)
        keys, numbers = keys[order], numbers[order]
        at = np.searchsorted(self._keys, keys)
        self._keys = np.insert(self._keys, at, keys)
        self._numbers = np.insert(self._numbers, at, numbers)
        recent.clear()
