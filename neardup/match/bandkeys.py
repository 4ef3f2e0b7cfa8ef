"""The LSH band keys of a corpus, kept on disk a band at a time.

The sketch pass makes a document's band keys (``bands`` uint64 values: one per band of ``rows``
MinHash values, see :func:`neardup.match.lsh.band_keys`) a shard of rows at a time; finding
candidate pairs reads them a band at a time, one column of all the documents. Held in memory,
the ``documents × bands`` matrix was the largest part of the main process: 81 bands are 648
bytes a document (648 MB at a million documents), and joining the shards' blocks into one
matrix held it twice.

:class:`BandKeys` buffers the blocks up to ``buffer_bytes`` and writes each buffer as one
chunk of a temporary file, band-major: for band 0, 1, ..., the chunk's rows of that band. A
band's column is then one segment of every chunk, read into one array. Memory: the buffer,
plus the columns being read (8 bytes a document each). A corpus whose keys fit in one buffer
never touches the disk. The column of a band is the same values in the same order as
``matrix[:, band]`` of the matrix the blocks make.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np

from neardup.match.store import pread_into

KEY_DTYPE = np.dtype(np.uint64)
BUFFER_BYTES = 32 << 20  # keys held before a chunk is written (51k documents of 81 bands)


class BandKeys:
    """Band keys appended a block of rows at a time, read back a band (column) at a time."""

    def __init__(self, bands: int, directory: str | Path | None = None,
                 buffer_bytes: int | None = BUFFER_BYTES) -> None:
        """``buffer_bytes``: keys held before they are written (None: never written)."""
        self.bands = bands
        self.rows = 0  # rows appended
        self._directory = directory
        self._buffer_rows = (sys.maxsize if buffer_bytes is None else
                             max(1, buffer_bytes // (KEY_DTYPE.itemsize * max(1, bands))))
        self._pending: list[np.ndarray] = []
        self._pending_rows = 0
        self._chunks: list[tuple[int, int]] = []  # (file offset, rows) of each written chunk
        self._size = 0  # bytes written
        self._fd: int | None = None
        self._path: str | None = None

    @classmethod
    def of(cls, matrix: np.ndarray) -> BandKeys:
        """The keys of a ``documents × bands`` matrix, in memory (no file)."""
        keys = cls(matrix.shape[1] if matrix.ndim == 2 else 0, buffer_bytes=None)
        if matrix.shape[0]:
            keys.append(matrix)
        return keys

    def append(self, block: np.ndarray) -> None:
        """Rows of keys (``rows × bands``), after those appended before."""
        if block.ndim != 2 or block.shape[1] != self.bands:
            raise ValueError(f"expected a block of {self.bands} bands, got shape {block.shape}")
        if not block.shape[0]:
            return
        self._pending.append(block.astype(KEY_DTYPE, copy=False))
        self._pending_rows += block.shape[0]
        self.rows += block.shape[0]
        if self._pending_rows >= self._buffer_rows:
            self._write_pending()

    def column(self, band: int) -> np.ndarray:
        """Band ``band``'s keys of every row, in row order (a new array). Safe to call from
        several threads at once: reads are positional."""
        out = np.empty(self.rows, dtype=KEY_DTYPE)
        position = 0
        for offset, rows in self._chunks:
            pread_into(self._fd, out[position:position + rows],
                       offset + band * rows * KEY_DTYPE.itemsize, "band keys file")
            position += rows
        for block in self._pending:
            out[position:position + block.shape[0]] = block[:, band]
            position += block.shape[0]
        return out

    def _write_pending(self) -> None:
        matrix = np.concatenate(self._pending) if len(self._pending) > 1 else self._pending[0]
        chunk = np.ascontiguousarray(matrix.T)  # band-major
        if self._fd is None:
            handle, self._path = tempfile.mkstemp(prefix="neardup-bandkeys-",
                                                  dir=self._directory)
            self._fd = handle
        _write_all(self._fd, memoryview(chunk).cast("B"), self._size)
        self._chunks.append((self._size, matrix.shape[0]))
        self._size += chunk.nbytes
        self._pending, self._pending_rows = [], 0

    def close(self) -> None:
        """Remove the file (the keys are gone)."""
        self._pending, self._chunks, self.rows = [], [], 0
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self._path is not None:
            Path(self._path).unlink(missing_ok=True)
            self._path = None

    def __enter__(self) -> BandKeys:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _write_all(fd: int, data: memoryview, offset: int) -> None:
    while data:
        written = os.pwrite(fd, data, offset)
        data, offset = data[written:], offset + written
