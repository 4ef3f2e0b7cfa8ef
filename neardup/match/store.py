"""Shingle sets spilled to disk: the exact sets that verification reads, outside the heap.

Sets are stored as sorted unique uint32 values (the top 32 bits of the 64-bit shingle hashes:
for sets of a few thousand shingles, truncation changes a Jaccard value by far less than
1e-4 in expectation). Each set is appended to one file; offsets index it. After ``freeze`` sets
are read back with ``os.pread``, one per lookup: the sets never sit in the process' memory (a
memory map would count every page verification touches towards the resident size), and the
operating system's page cache keeps the recently read ones fast. Each set's shingle weights
(uint8, see ``sketch/weights.py``) go to a second file, aligned with the values; ``mass`` is a
set's weight sum.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import tempfile
from pathlib import Path

import numpy as np

from neardup.sketch.hashing import unique_sorted
from neardup.sketch.weights import uniform_weights


def compact(shingles: np.ndarray) -> np.ndarray:
    """uint64 sorted set → uint32 sorted set (top bits), duplicates removed."""
    return unique_sorted((shingles >> np.uint64(32)).astype(np.uint32))  # still sorted


class ShingleStore:
    """Append-only store of uint32 sets addressed by document number."""

    def __init__(self, directory: str | Path | None = None) -> None:
        fd, name = tempfile.mkstemp(prefix="neardup-shingles-", suffix=".u32", dir=directory)
        self._path = Path(name)
        self._file = os.fdopen(fd, "wb")
        fd, name = tempfile.mkstemp(prefix="neardup-weights-", suffix=".u8", dir=directory)
        self._weight_path = Path(name)
        self._weight_file = os.fdopen(fd, "wb")
        self._offsets: list[int] = [0]
        self._sizes: list[int] = []
        self._masses: list[int] = []
        self._aliases: dict[int, int] = {}
        self._view: StoreView | None = None

    def append(self, values: np.ndarray, weights: np.ndarray | None = None) -> int:
        """Store a compact set and its weights (None: all weights 1); returns its number."""
        values = np.ascontiguousarray(values, dtype=np.uint32)
        if weights is None:
            weights = uniform_weights(values)
        weights = np.ascontiguousarray(weights, dtype=np.uint8)
        if weights.size != values.size:
            raise ValueError("one weight per shingle")
        self._file.write(values.tobytes())
        self._weight_file.write(weights.tobytes())
        self._offsets.append(self._offsets[-1] + values.size)
        self._sizes.append(values.size)
        self._masses.append(int(weights.sum(dtype=np.int64)))
        return len(self._sizes) - 1

    def append_empty(self) -> int:
        return self.append(np.empty(0, dtype=np.uint32))

    def append_alias(self, doc: int) -> int:
        """A new document number that reads the set of ``doc`` (exact duplicates share one)."""
        doc = self._aliases.get(doc, doc)  # always point at a stored set, never an alias
        self._aliases[len(self._sizes)] = doc
        self._offsets.append(self._offsets[-1])
        self._sizes.append(self._sizes[doc])
        self._masses.append(self._masses[doc])
        return len(self._sizes) - 1

    def freeze(self) -> None:
        self._file.close()
        self._weight_file.close()
        resolved = np.arange(len(self._sizes), dtype=np.int64)
        for doc, target in self._aliases.items():
            resolved[doc] = target
        self._view = StoreView(str(self._path), str(self._weight_path),
                               np.asarray(self._offsets, dtype=np.int64), resolved)
        self._offsets = []

    @property
    def view(self) -> StoreView:
        """The frozen store's reader: picklable, so worker processes can read sets too."""
        if self._view is None:
            raise RuntimeError("ShingleStore.freeze() must be called before reading")
        return self._view

    def __len__(self) -> int:
        return len(self._sizes)

    def size(self, doc: int) -> int:
        return self._sizes[doc]

    def mass(self, doc: int) -> int:
        """Sum of the set's weights (``MAX_WEIGHT`` per fully weighted shingle)."""
        return self._masses[doc]

    def get(self, doc: int) -> np.ndarray:
        return self.view.get(doc)

    def get_weights(self, doc: int) -> np.ndarray:
        """The weights of ``get(doc)``, aligned with its values."""
        return self.view.get_weights(doc)

    def sizes(self) -> np.ndarray:
        """Set size of every document (aliases included)."""
        return np.asarray(self._sizes, dtype=np.int64)

    def masses(self) -> np.ndarray:
        """Weight sum of every document's set (aliases included)."""
        return np.asarray(self._masses, dtype=np.int64)

    def get_many(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self.view.get_many(docs)

    def close(self) -> None:
        for handle in (self._file, self._weight_file):
            if not handle.closed:
                handle.close()
        if self._view is not None:
            self._view.close()
        self._path.unlink(missing_ok=True)
        self._weight_path.unlink(missing_ok=True)

    def __enter__(self) -> ShingleStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class StoreView:
    """Read access to a frozen ``ShingleStore`` by file path: picklable, so worker processes
    map the files themselves (once per process). Sets are slices of the memory-mapped files:
    no system call per set. Mapped pages count towards a process' resident size, so after
    each batch (``get_many``) they are handed back (``madvise``); they stay in the page cache."""

    def __init__(self, path: str, weight_path: str, offsets: np.ndarray,
                 resolved: np.ndarray) -> None:
        self.path, self.weight_path = path, weight_path
        self.offsets = offsets  # set k at values [offsets[k], offsets[k + 1])
        self.resolved = resolved  # document → the document whose stored set it reads
        self._maps: list[mmap.mmap] = []
        self._arrays: tuple[np.ndarray, np.ndarray] | None = None
        self._pid = -1
        self._fds: tuple[int, int] | None = None
        self._fd_pid = -1

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_maps"], state["_arrays"], state["_pid"] = [], None, -1
        state["_fds"], state["_fd_pid"] = None, -1
        return state

    def mapped(self) -> tuple[np.ndarray, np.ndarray]:
        """The whole value and weight files as (read-only) arrays, mapped in this process;
        set k is at ``offsets[resolved[k]]:offsets[resolved[k] + 1]``. ``release`` after use."""
        if self._arrays is None or self._pid != os.getpid():  # a forked worker maps its own
            arrays = []
            self._maps = []
            for path, dtype in ((self.path, np.uint32), (self.weight_path, np.uint8)):
                with open(path, "rb") as handle:
                    if os.fstat(handle.fileno()).st_size == 0:  # (an empty file cannot be mapped)
                        arrays.append(np.empty(0, dtype=dtype))
                        continue
                    view = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
                self._maps.append(view)
                arrays.append(np.frombuffer(view, dtype=dtype))
            self._arrays = (arrays[0], arrays[1])
            self._pid = os.getpid()
        return self._arrays

    def _span(self, doc: int) -> tuple[int, int]:
        doc = int(self.resolved[doc])
        return int(self.offsets[doc]), int(self.offsets[doc + 1])

    def _descriptors(self) -> tuple[int, int]:
        if self._fds is None or self._fd_pid != os.getpid():
            self._fds = (os.open(self.path, os.O_RDONLY), os.open(self.weight_path, os.O_RDONLY))
            self._fd_pid = os.getpid()
        return self._fds

    def get(self, doc: int) -> np.ndarray:
        start, end = self._span(doc)  # one set: a read, so nothing stays mapped
        data = os.pread(self._descriptors()[0], 4 * (end - start), 4 * start)
        return np.frombuffer(data, dtype=np.uint32)

    def get_weights(self, doc: int) -> np.ndarray:
        start, end = self._span(doc)
        return np.frombuffer(os.pread(self._descriptors()[1], end - start, start),
                             dtype=np.uint8)

    def get_many(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The sets of ``docs`` in one buffer: (values, weights, offsets), set k at
        offsets[k:k+2]."""
        values_file, weights_file = self.mapped()
        stored = self.resolved[np.asarray(docs, dtype=np.int64)]
        starts, ends = self.offsets[stored].tolist(), self.offsets[stored + 1].tolist()
        offsets = np.zeros(len(starts) + 1, dtype=np.int64)
        np.cumsum(np.subtract(ends, starts, dtype=np.int64), out=offsets[1:])
        if len(starts):
            values = np.concatenate([values_file[a:b] for a, b in zip(starts, ends, strict=True)])
            weights = np.concatenate([weights_file[a:b]
                                      for a, b in zip(starts, ends, strict=True)])
        else:
            values, weights = np.empty(0, dtype=np.uint32), np.empty(0, dtype=np.uint8)
        self.release()
        return values, weights, offsets

    def release(self) -> None:
        """Hand the mapped pages back (they stay in the page cache for the next reads)."""
        if self._pid == os.getpid() and hasattr(mmap, "MADV_DONTNEED"):
            for view in self._maps:
                view.madvise(mmap.MADV_DONTNEED)

    def close(self) -> None:
        if self._pid == os.getpid():
            self._arrays = None  # (the arrays export the maps' buffers: drop them first)
            for view in self._maps:
                # (an array still using a map keeps it: it goes with that array)
                with contextlib.suppress(BufferError):
                    view.close()
        if self._fds is not None and self._fd_pid == os.getpid():
            for fd in self._fds:
                os.close(fd)
        self._maps, self._arrays, self._fds = [], None, None
