"""Shingle sets spilled to disk: the exact sets that verification reads, outside the heap.

Sets are stored as sorted unique uint32 values (the top 32 bits of the 64-bit shingle hashes:
for sets of a few thousand shingles, truncation changes a Jaccard value by far less than
1e-4 in expectation). Each set is appended to one file; offsets index it. After ``freeze`` sets
are read back with ``os.pread``, one per lookup: the sets never sit in the process' memory (a
memory map would count every page verification touches towards the resident size), and the
operating system's page cache keeps the recently read ones fast.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

from neardup.sketch.hashing import unique_sorted


def compact(shingles: np.ndarray) -> np.ndarray:
    """uint64 sorted set → uint32 sorted set (top bits), duplicates removed."""
    return unique_sorted((shingles >> np.uint64(32)).astype(np.uint32))  # still sorted


class ShingleStore:
    """Append-only store of uint32 sets addressed by document number."""

    def __init__(self, directory: str | Path | None = None) -> None:
        fd, name = tempfile.mkstemp(prefix="neardup-shingles-", suffix=".u32", dir=directory)
        self._path = Path(name)
        self._file = os.fdopen(fd, "wb")
        self._offsets: list[int] = [0]
        self._sizes: list[int] = []
        self._aliases: dict[int, int] = {}
        self._reader: int | None = None
        self._offset_array: np.ndarray | None = None

    def append(self, values: np.ndarray) -> int:
        """Store a compact set; returns its document number."""
        values = np.ascontiguousarray(values, dtype=np.uint32)
        self._file.write(values.tobytes())
        self._offsets.append(self._offsets[-1] + values.size)
        self._sizes.append(values.size)
        return len(self._sizes) - 1

    def append_empty(self) -> int:
        return self.append(np.empty(0, dtype=np.uint32))

    def append_alias(self, doc: int) -> int:
        """A new document number that reads the set of ``doc`` (exact duplicates share one)."""
        doc = self._aliases.get(doc, doc)  # always point at a stored set, never an alias
        self._aliases[len(self._sizes)] = doc
        self._offsets.append(self._offsets[-1])
        self._sizes.append(self._sizes[doc])
        return len(self._sizes) - 1

    def freeze(self) -> None:
        self._file.close()
        self._offset_array = np.asarray(self._offsets, dtype=np.int64)
        self._offsets = []
        self._reader = os.open(self._path, os.O_RDONLY)

    def __len__(self) -> int:
        return len(self._sizes)

    def size(self, doc: int) -> int:
        return self._sizes[doc]

    def get(self, doc: int) -> np.ndarray:
        if self._reader is None or self._offset_array is None:
            raise RuntimeError("ShingleStore.freeze() must be called before reading")
        doc = self._aliases.get(doc, doc)
        start, end = int(self._offset_array[doc]), int(self._offset_array[doc + 1])
        data = os.pread(self._reader, 4 * (end - start), 4 * start)
        return np.frombuffer(data, dtype=np.uint32)

    def sizes(self) -> np.ndarray:
        """Set size of every document (aliases included)."""
        return np.asarray(self._sizes, dtype=np.int64)

    def get_many(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The sets of ``docs`` in one buffer: (values, offsets), set k at offsets[k:k+2]."""
        parts = [self.get(int(d)) for d in docs]
        offsets = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum([p.size for p in parts], out=offsets[1:])
        values = np.concatenate(parts) if parts else np.empty(0, dtype=np.uint32)
        return values, offsets

    def close(self) -> None:
        if not self._file.closed:
            self._file.close()
        if self._reader is not None:
            os.close(self._reader)
            self._reader = None
        self._path.unlink(missing_ok=True)

    def __enter__(self) -> ShingleStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
