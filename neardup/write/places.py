"""Where each document appeared, for the kept copy's list of every place its story appeared.

A document's place is its id, URL, site and date (:func:`place`). The kept copy of a story
lists the places of all the story's documents, in input order (``appeared`` in
``deduplicated.*``): a researcher tracing how a story travelled, or a monitoring team listing
the outlets that printed it, reads them there instead of joining ``copies`` with
``documents.*``.

Which documents make a story is known only after matching, and a story's copies may lie in any
shard. So the sketch pass encodes each document's place (in the worker that read it) and the
main process appends the bytes to a file (:class:`PlaceLog`), keeping 8 bytes a document in
memory, not a URL; the write pass reads back the places of the stories of two documents or
more. A story of one document lists its own place, from the document itself.
"""

from __future__ import annotations

import mmap
import os
import tempfile
from array import array
from pathlib import Path
from typing import Any

import numpy as np

from neardup.document import Document
from neardup.write.records import dumps


def place(doc: Document) -> dict[str, Any]:
    """Where ``doc`` appeared: its id, URL, site and date, as its output records give them."""
    return {"id": doc.id, "url": doc.url, "site": doc.site or None, "date": doc.date}


def encode_places(docs: list[Document]) -> tuple[bytes, np.ndarray]:
    """The JSON bytes of the places of ``docs``, one after the other, and where each ends."""
    encoded = [dumps(place(doc)) for doc in docs]
    return b"".join(encoded), np.cumsum([len(e) for e in encoded], dtype=np.int64)


class PlaceLog:
    """The places of the documents of a run, in input order, in a temporary file (in
    ``directory``, else the system's folder for them)."""

    def __init__(self, directory: str | Path | None = None) -> None:
        fd, name = tempfile.mkstemp(prefix="neardup-places-", suffix=".json", dir=directory)
        self.path = Path(name)
        self._handle = os.fdopen(fd, "w+b")
        self._ends = array("q", [0])  # document k's place is bytes _ends[k]:_ends[k + 1]
        self._mapped: mmap.mmap | bytes | None = None

    def append(self, data: bytes, ends: np.ndarray) -> None:
        """Add the places of the next documents (:func:`encode_places` of a shard)."""
        assert self._mapped is None, "places are read once all are appended"
        self._handle.write(data)
        self._ends.extend((ends + self._ends[-1]).tolist())

    def __len__(self) -> int:
        return len(self._ends) - 1

    def get(self, numbers: list[int]) -> bytes:
        """The places of documents ``numbers``, as the JSON array that ``appeared`` writes
        (not parsed: the write pass puts the bytes in the record as they are). Once every
        place is appended: the file is mapped at the first call (a read per story cost more
        than the rest of it)."""
        if self._mapped is None:
            self._handle.flush()
            self._mapped = (mmap.mmap(self._handle.fileno(), 0, access=mmap.ACCESS_READ)
                            if self._ends[-1] else b"")
        data, ends = self._mapped, self._ends
        return b"[" + b",".join([data[ends[n]:ends[n + 1]] for n in numbers]) + b"]"

    def close(self) -> None:
        if isinstance(self._mapped, mmap.mmap):
            self._mapped.close()
        self._handle.close()
        self.path.unlink(missing_ok=True)
