"""A bounded cache of per-line results, kept across documents.

Scraped pages repeat their navigation, menus and footers on every page of a site, and a
near-duplicate corpus repeats whole paragraphs; so most lines the cleaner sees were seen
before, and what it computes for a line (features, class, normalised form, template hash) is a
function of the line alone. :class:`LineCache` remembers those results.

Two generations approximate least-recently-used eviction at the cost of a dict look-up: new
entries go to the young generation; when it is full (``max_lines`` entries or ``max_chars``
characters of keys) it becomes the old one and the previous old one is dropped; a hit in the
old generation is copied to the young one, so lines in use (a site's menu) survive. Memory is
at most twice the bounds, plus the values.
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import is_
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class LineCache(Generic[K, V]):
    __slots__ = ("young", "old", "chars", "max_lines", "max_chars", "max_line_chars")

    def __init__(self, max_lines: int, max_chars: int, max_line_chars: int) -> None:
        self.young: dict[K, V] = {}
        self.old: dict[K, V] = {}
        self.chars = 0
        self.max_lines = max_lines
        self.max_chars = max_chars
        self.max_line_chars = max_line_chars

    def get(self, key: K) -> V | None:
        value = self.young.get(key)
        if value is None:
            value = self.old.get(key)
            if value is not None:
                self.put(key, value, 0)
        return value

    def get_old(self, key: K) -> V | None:
        """:meth:`get` for a key known to be missing from the young generation."""
        value = self.old.get(key)
        if value is not None:
            self.put(key, value, 0)
        return value

    def get_many(self, keys: list[K]) -> tuple[list[V | None], list[int]]:
        """:meth:`get` of each of ``keys``, and the positions of those in neither generation.
        The young generation first, by C-level ``map`` (this runs on every line of every
        document, and most lines hit it), then :meth:`get_missing` for the others."""
        values = list(map(self.young.get, keys))
        if None not in values:
            return values, []
        missing = list(compress(range(len(values)), map(is_, values, repeat(None))))
        absent, found = self.get_missing(list(map(keys.__getitem__, missing)))
        for i, value in zip(missing, found, strict=True):
            values[i] = value
        return values, [missing[j] for j in absent]

    def get_missing(self, keys: list[K]) -> tuple[list[int], list[V | None]]:
        """For ``keys`` missing from the young generation: the positions of those also missing
        from the old one, and :meth:`get_old` of each, all looked up in the old generation as
        it is now (one C-level ``map``: a document's new lines are in neither; one by one, a
        rotation on the way could turn up other hits, but every value is a function of its
        key either way)."""
        values = list(map(self.old.get, keys))
        if values.count(None) == len(values):
            return list(range(len(keys))), values
        absent: list[int] = []
        for i, (key, value) in enumerate(zip(keys, values, strict=True)):
            if value is None:
                absent.append(i)
            else:
                self.put(key, value, 0)  # (as get_old: a line in use moves to the young one)
        return absent, values

    def put(self, key: K, value: V, size: int) -> None:
        """Remember ``value`` for ``key`` (``size``: the key's length; longer ones are not kept)."""
        if size > self.max_line_chars:
            return
        if len(self.young) >= self.max_lines or self.chars >= self.max_chars:
            self.old = self.young
            self.young = {}
            self.chars = 0
        self.young[key] = value
        self.chars += size

    def put_many(self, keys: list[K], values: list[V]) -> None:
        """:meth:`put` of each of ``keys`` (sized, strings: their length) with its value, in
        order; one C-level ``dict.update`` when no key is too long and the young generation
        does not fill up on the way (the common case: a document's new lines)."""
        sizes = list(map(len, keys))
        total = sum(sizes)
        if (
            len(self.young) + len(keys) < self.max_lines
            and self.chars + total < self.max_chars
            and (not sizes or max(sizes) <= self.max_line_chars)
        ):
            self.young.update(zip(keys, values, strict=True))
            self.chars += total
            return
        for key, value, size in zip(keys, values, sizes, strict=True):
            self.put(key, value, size)

    def update(self, key: K, value: V) -> None:
        """Replace the value of ``key`` if it is in the young generation (else do nothing)."""
        if key in self.young:
            self.young[key] = value

    def clear(self) -> None:
        self.young = {}
        self.old = {}
        self.chars = 0

    def __len__(self) -> int:
        return len(self.young) + len(self.old)
