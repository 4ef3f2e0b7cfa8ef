"""``report-texts.jsonl.gz``: raw and clean texts of a capped sample of documents, for the
report's side-by-side and struck-through views (the full texts would make the report as large
as the corpus). Members of multi-copy stories come first, then rejected documents, then
singletons; each text is cut at ``TEXT_CAP`` characters and flagged ``truncated``.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from neardup.document import Document
from neardup.write.records import dumps

TEXT_CAP = 20_000
MAX_STORY_MEMBERS = 20_000
MAX_REJECTED = 2_000
MAX_SINGLETONS = 2_000


class SampleWriter:
    def __init__(self, directory: Path) -> None:
        self.path = directory / "report-texts.jsonl.gz"
        # mtime=0: the gzip header carries no timestamp, so the file is byte-identical per run.
        self._raw = self.path.open("wb")
        self._handle = gzip.GzipFile(fileobj=self._raw, mode="wb", mtime=0, filename="",
                                     compresslevel=1)
        self._taken = {"story": 0, "rejected": 0, "single": 0}

    def offer(self, doc: Document, story_size: int) -> None:
        if doc.rejected is not None:
            kind, cap = "rejected", MAX_REJECTED
        elif story_size > 1:
            kind, cap = "story", MAX_STORY_MEMBERS
        else:
            kind, cap = "single", MAX_SINGLETONS
        if self._taken[kind] >= cap:
            return
        self._taken[kind] += 1
        raw = doc.raw_text if doc.raw_text is not None else doc.text
        record = {
            "id": doc.id,
            "raw_text": raw[:TEXT_CAP],
            "text": doc.text[:TEXT_CAP],
            "removed": [s.to_dict() for s in doc.removed if s.start < TEXT_CAP],
            "truncated": len(raw) > TEXT_CAP or len(doc.text) > TEXT_CAP,
        }
        self._handle.write(dumps(record) + b"\n")

    def close(self) -> None:
        self._handle.close()
        self._raw.close()
