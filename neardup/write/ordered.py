"""Output files that the workers write themselves, shard after shard in shard order.

A worker that has encoded shard ``i`` waits for its turn (shard ``i - 1`` has claimed its byte
range), claims the next range of each file, passes the turn on and writes its bytes there with
``pwrite``, while the next shard claims the range after it. Only the claim is serialised: a few
integers under a lock. The files hold the same bytes for any number of workers.

Why: appending per-shard part files in the main process wrote every output byte twice and
copied it once more in a single process (4.5 GB at 1M documents), which made writing grow
faster than the corpus once the files outgrew the page cache.

No deadlock: workers take shards from one queue in shard order, so the shard whose turn it is
was taken earlier and is being encoded or is waiting for nothing. A shard that fails marks the
files failed, and every worker waiting for a turn raises instead of waiting on.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from neardup.errors import NeardupError
from neardup.executor import process_context

_WAIT_SECONDS = 1.0  # a waiting worker checks for a failed shard this often


class OrderedFiles:
    """Files filled by shards in shard order; shareable with worker processes created after
    it (the turn, the ends and the lock are shared memory, inherited by the workers)."""

    def __init__(self, paths: Mapping[str, Path]) -> None:
        """``paths``: file per kind of output (``write`` takes the chunks in this order)."""
        context = process_context()  # the workers' kind of process
        self.kinds = tuple(paths)
        self.paths = tuple(str(p) for p in paths.values())
        for path in self.paths:  # truncated: an earlier run's longer file must not show through
            with open(path, "wb"):
                pass
        self._lock = context.Condition()
        self._turn = context.Value("q", 0, lock=False)  # the shard that claims next
        self._ends = context.Array("q", len(self.paths), lock=False)  # bytes claimed per file
        self._failed = context.Value("b", 0, lock=False)

    def write(self, index: int, chunks: Sequence[bytes]) -> None:
        """Append ``chunks`` (one per file, in ``kinds`` order) for shard ``index`` once every
        earlier shard has claimed its range."""
        with self._lock:
            while self._turn.value != index:
                if self._failed.value:
                    raise NeardupError(f"output not written: a shard before shard {index} failed")
                self._lock.wait(_WAIT_SECONDS)
            offsets = list(self._ends)
            for k, chunk in enumerate(chunks):
                self._ends[k] += len(chunk)
            self._turn.value = index + 1
            self._lock.notify_all()
        for path, offset, chunk in zip(self.paths, offsets, chunks, strict=True):
            if chunk:
                _pwrite_all(path, chunk, offset)

    def fail(self) -> None:
        """Mark the files failed (a shard could not be written): waiting workers give up."""
        with self._lock:
            self._failed.value = 1
            self._lock.notify_all()

    def sizes(self) -> list[int]:
        """Bytes claimed per file so far (the file sizes once every shard is written)."""
        with self._lock:
            return list(self._ends)


def _pwrite_all(path: str, data: bytes, offset: int) -> None:
    if not hasattr(os, "pwrite"):  # pragma: no cover - Windows
        with open(path, "r+b") as handle:
            handle.seek(offset)
            handle.write(data)
        return
    fd = os.open(path, os.O_WRONLY)
    try:
        view = memoryview(data)
        start = offset
        while view:
            done = os.pwrite(fd, view, offset)
            view, offset = view[done:], offset + done
        if hasattr(os, "posix_fadvise"):
            # Not read again by this run: start their write-back now and let the cache drop
            # them, rather than fill it until the kernel must reclaim (at millions of
            # documents, reclaim made writing cost 3-6x more system time per byte).
            os.posix_fadvise(fd, start, offset - start, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
