"""Cleaned documents spilled to a temporary file between the sketch pass and the write pass,
so texts never stay in memory while matching runs and the input is not read (or cleaned) twice.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path

from neardup.document import Document


class DocumentSpill:
    def __init__(self, directory: str | Path | None = None) -> None:
        fd, name = tempfile.mkstemp(prefix="neardup-docs-", suffix=".pickle", dir=directory)
        self.path = Path(name)
        self._file = os.fdopen(fd, "wb")

    def append(self, docs: list[Document]) -> None:
        pickle.dump(docs, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[Document]:
        if not self._file.closed:
            self._file.close()
        with self.path.open("rb") as handle:
            while True:
                try:
                    batch = pickle.load(handle)
                except EOFError:
                    return
                yield from batch

    def close(self) -> None:
        if not self._file.closed:
            self._file.close()
        self.path.unlink(missing_ok=True)
