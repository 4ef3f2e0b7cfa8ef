"""Shingle sets spilled to disk: the exact sets that verification reads, outside the heap.

Sets are stored as sorted unique uint32 values (the top 32 bits of the 64-bit shingle hashes:
for sets of a few thousand shingles, truncation changes a Jaccard value by far less than
1e-4 in expectation), appended to one file a shard at a time; each set's start and end
locate it. Each set's
shingle weights (uint8, see ``sketch/weights.py``) go to a second file, aligned with the
values; ``mass`` is a set's weight sum. After ``freeze``, ``StoreView`` reads them: single sets
with ``os.pread``, batches where the files are memory-mapped, with the mapped pages handed back
after each batch so they do not count towards a process' resident size.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import tempfile
from array import array
from pathlib import Path
from typing import BinaryIO

import numpy as np

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from neardup.sketch.hashing import unique_sorted
from neardup.sketch.weights import uniform_weights


def compact(shingles: np.ndarray) -> np.ndarray:
    """uint64 sorted set → uint32 sorted set (top bits), duplicates removed."""
    return unique_sorted((shingles >> np.uint64(32)).astype(np.uint32))  # still sorted


class ShingleStore:
    """Append-only store of uint32 sets, with each document pointing at one of them.

    Sets are appended a block at a time (a shard's sets) and numbered in the order the blocks
    are added; set 0 is the empty set. A block's bytes may be appended to the files by a worker
    process (``append_set_block`` on ``paths``, in whatever order workers finish) and then
    added here with ``add_block`` and the position it got: sets are located by their start
    and end, not by their number. A document reads its own set, the set of its exact copy
    (``append_alias``), or the empty set (a rejected document). A set that no document reads
    (a shard's copy of a text first seen in an earlier shard) stays in the file unused.
    """

    def __init__(self, directory: str | Path | None = None) -> None:
        paths = []
        for prefix, suffix in (("neardup-shingles-", ".u32"), ("neardup-weights-", ".u8")):
            fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=directory)
            os.close(fd)
            paths.append(Path(name))
        self._path, self._weight_path = paths
        self._set_starts: list[np.ndarray] = [np.zeros(1, dtype=np.int64)]  # set 0: empty
        self._set_sizes: list[np.ndarray] = [np.zeros(1, dtype=np.int64)]
        self._set_masses: list[np.ndarray] = [np.zeros(1, dtype=np.int64)]
        self._n_sets = 1
        self._doc_sets = array("q")  # document → the set it reads
        self._view: StoreView | None = None
        self._doc_sizes: np.ndarray | None = None
        self._doc_masses: np.ndarray | None = None

    @property
    def paths(self) -> tuple[str, str]:
        """The value and weight files, for ``append_set_block`` in other processes."""
        return str(self._path), str(self._weight_path)

    @property
    def shared_appends(self) -> bool:
        """Whether other processes may append to the files: where their file system takes
        advisory locks (not every network file system does)."""
        if fcntl is None:
            return False
        try:
            with open(self._path, "ab") as handle:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        except OSError:
            return False
        return True

    def append_sets(self, offsets: np.ndarray, values: np.ndarray, weights: np.ndarray) -> int:
        """Store a block of compact sets (set k at ``values[offsets[k]:offsets[k + 1]]``) with
        their weights; returns the number of its first set."""
        start = append_set_block(self.paths, offsets, values, weights)
        return self.add_block(start, offsets, set_masses(weights, offsets))

    def add_block(self, start: int, offsets: np.ndarray, masses: np.ndarray) -> int:
        """Number the sets of a block that ``append_set_block`` put at value ``start``;
        ``masses``: their weight sums. Returns the number of its first set."""
        first = self._n_sets
        offsets = np.asarray(offsets, dtype=np.int64)
        self._set_starts.append(offsets[:-1] + start)
        self._set_sizes.append(np.diff(offsets))
        self._set_masses.append(np.asarray(masses, dtype=np.int64))
        self._n_sets += len(offsets) - 1
        return first

    def add_document(self, set_number: int) -> int:
        """A new document that reads set ``set_number``; returns its document number."""
        self._doc_sets.append(set_number)
        return len(self._doc_sets) - 1

    def add_documents(self, set_numbers: list[int]) -> None:
        """New documents, one per set number (0: the empty set), in order."""
        self._doc_sets.extend(set_numbers)

    def set_of(self, doc: int) -> int:
        """The number of the set that document ``doc`` reads."""
        return self._doc_sets[doc]

    def append(self, values: np.ndarray, weights: np.ndarray | None = None) -> int:
        """A new document with its own set and weights (None: all full); returns its number."""
        values = np.ascontiguousarray(values, dtype=np.uint32)
        if weights is None:
            weights = uniform_weights(values)
        offsets = np.array([0, values.size], dtype=np.int64)
        return self.add_document(self.append_sets(offsets, values, weights))

    def append_empty(self) -> int:
        return self.add_document(0)

    def append_alias(self, doc: int) -> int:
        """A new document number that reads the set of ``doc`` (exact duplicates share one)."""
        return self.add_document(self.set_of(doc))

    def freeze(self) -> None:
        starts = np.concatenate(self._set_starts)
        sizes = np.concatenate(self._set_sizes)
        resolved = np.array(self._doc_sets, dtype=np.int64)  # (a copy: the array may grow)
        self._doc_sizes = sizes[resolved]
        self._doc_masses = np.concatenate(self._set_masses)[resolved]
        self._view = StoreView(str(self._path), str(self._weight_path), starts, starts + sizes,
                               resolved)
        self._set_starts, self._set_sizes, self._set_masses = [], [], []

    @property
    def view(self) -> StoreView:
        """The frozen store's reader: picklable, so worker processes can read sets too."""
        if self._view is None:
            raise RuntimeError("ShingleStore.freeze() must be called before reading")
        return self._view

    def __len__(self) -> int:
        return len(self._doc_sets)

    def size(self, doc: int) -> int:
        return int(self.sizes()[doc])

    def mass(self, doc: int) -> int:
        """Sum of the set's weights (``MAX_WEIGHT`` per fully weighted shingle)."""
        return int(self.masses()[doc])

    def get(self, doc: int) -> np.ndarray:
        return self.view.get(doc)

    def get_weights(self, doc: int) -> np.ndarray:
        """The weights of ``get(doc)``, aligned with its values."""
        return self.view.get_weights(doc)

    def sizes(self) -> np.ndarray:
        """Set size of every document (aliases included); after ``freeze``."""
        if self._doc_sizes is None:
            raise RuntimeError("ShingleStore.freeze() must be called before reading")
        return self._doc_sizes

    def masses(self) -> np.ndarray:
        """Weight sum of every document's set (aliases included); after ``freeze``."""
        if self._doc_masses is None:
            raise RuntimeError("ShingleStore.freeze() must be called before reading")
        return self._doc_masses

    def get_many(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self.view.get_many(docs)

    def close(self) -> None:
        if self._view is not None:
            self._view.close()
        self._path.unlink(missing_ok=True)
        self._weight_path.unlink(missing_ok=True)

    def __enter__(self) -> ShingleStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def set_masses(weights: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Weight sum of each set of a block (set k at ``weights[offsets[k]:offsets[k + 1]]``)."""
    offsets = np.asarray(offsets, dtype=np.int64)
    masses = np.zeros(offsets.size - 1, dtype=np.int64)
    filled = offsets[1:] > offsets[:-1]
    # reduceat sums from each start to the next: only non-empty sets, whose starts follow one
    # another, cut it right (a tenth of a cumulative sum's time, which writes 8 bytes a value)
    if filled.any():
        masses[filled] = np.add.reduceat(weights[: offsets[-1]], offsets[:-1][filled],
                                         dtype=np.int64)
    return masses


def append_set_block(paths: tuple[str, str], offsets: np.ndarray, values: np.ndarray,
                     weights: np.ndarray) -> int:
    """Append a block of sets to the store's value and weight files, from any process;
    returns the position of its first value. An exclusive lock on the value file makes the
    two appends one step, so both files stay aligned (one weight per value) and the block's
    position is the same in each."""
    values = np.ascontiguousarray(values, dtype=np.uint32)
    weights = np.ascontiguousarray(weights, dtype=np.uint8)
    if weights.size != values.size or values.size != offsets[-1]:
        raise ValueError("one weight per shingle, and offsets that end at the last value")
    with open(paths[0], "ab", buffering=0) as value_file, \
            open(paths[1], "ab", buffering=0) as weight_file:
        if fcntl is not None:
            fcntl.flock(value_file.fileno(), fcntl.LOCK_EX)
        try:
            start = os.fstat(weight_file.fileno()).st_size  # one byte per value stored
            if os.fstat(value_file.fileno()).st_size != 4 * start:
                raise RuntimeError(f"shingle store {paths[0]} is out of step with its weights")
            _write_all(value_file, values.tobytes())
            _write_all(weight_file, weights.tobytes())
        finally:
            if fcntl is not None:
                fcntl.flock(value_file.fileno(), fcntl.LOCK_UN)
    return start


def read_set_block(paths: tuple[str, str], start: int, count: int
                   ) -> tuple[np.ndarray, np.ndarray]:
    """The ``count`` values and weights that ``append_set_block`` put at ``start``."""
    values = np.empty(count, dtype=np.uint32)
    weights = np.empty(count, dtype=np.uint8)
    for path, target, offset in ((paths[0], values, 4 * start), (paths[1], weights, start)):
        fd = os.open(path, os.O_RDONLY)
        try:
            pread_into(fd, target, offset)
        finally:
            os.close(fd)
    return values, weights


def _write_all(handle: BinaryIO, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[handle.write(view):]


def pread_into(fd: int, target: np.ndarray, offset: int, what: str = "shingle store file"
               ) -> None:
    """Fill ``target`` with the bytes of ``fd`` from ``offset`` (no copy; safe in threads)."""
    view = memoryview(target).cast("B")
    while view:
        done = os.preadv(fd, [view], offset)
        if done == 0:
            raise OSError(f"{what} ended early (at byte {offset})")
        view, offset = view[done:], offset + done


class StoreView:
    """Read access to a frozen ``ShingleStore`` by file path: picklable, so worker processes
    map the files themselves (once per process). Sets are slices of the memory-mapped files:
    no system call per set. Mapped pages count towards a process' resident size, so after
    each batch (``get_many``) they are handed back (``madvise``); they stay in the page cache."""

    def __init__(self, path: str, weight_path: str, starts: np.ndarray, ends: np.ndarray,
                 resolved: np.ndarray) -> None:
        self.path, self.weight_path = path, weight_path
        self.starts, self.ends = starts, ends  # set k at values [starts[k], ends[k])
        self.resolved = resolved  # document → the set it reads
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
        document k's set is at ``starts[resolved[k]]:ends[resolved[k]]``. ``release`` after use."""
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
        stored = int(self.resolved[doc])
        return int(self.starts[stored]), int(self.ends[stored])

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

    def read_many(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """As ``get_many``, by reads into one buffer instead of the mapped files: for a few
        scattered sets in a process that should stay small (the main process). Mapped, each
        set's page faults bring in their neighbours too (fault-around), ~60 KB per set."""
        values, weights, offsets = self._read(docs, weights=True)
        assert weights is not None
        return values, weights, offsets

    def read_values(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``read_many`` without the weights: (values, offsets)."""
        values, _, offsets = self._read(docs, weights=False)
        return values, offsets

    def _read(self, docs: np.ndarray, weights: bool
              ) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
        stored = self.resolved[np.asarray(docs, dtype=np.int64)]
        starts, ends = self.starts[stored], self.ends[stored]
        offsets = np.zeros(stored.size + 1, dtype=np.int64)
        np.cumsum(ends - starts, out=offsets[1:])
        values = np.empty(int(offsets[-1]), dtype=np.uint32)
        weight_values = np.empty(int(offsets[-1]), dtype=np.uint8) if weights else None
        value_fd, weight_fd = self._descriptors()
        for at, start, end in zip(offsets.tolist(), starts.tolist(), ends.tolist(), strict=False):
            pread_into(value_fd, values[at:at + end - start], 4 * start)
            if weight_values is not None:
                pread_into(weight_fd, weight_values[at:at + end - start], start)
        return values, weight_values, offsets

    def get_many(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The sets of ``docs`` in one buffer: (values, weights, offsets), set k at
        offsets[k:k+2]."""
        values_file, weights_file = self.mapped()
        stored = self.resolved[np.asarray(docs, dtype=np.int64)]
        starts, ends = self.starts[stored].tolist(), self.ends[stored].tolist()
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
