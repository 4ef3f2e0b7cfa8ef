"""``report-texts.jsonl.gz``: raw and clean texts of a capped sample of documents, for the
report's side-by-side and struck-through views (the full texts would make the report as large
as the corpus). Members of multi-copy stories come first, then rejected documents, then
singletons, each kind up to its cap in input order; each text is cut at ``TEXT_CAP``
characters and flagged ``truncated``. ``SampleChooser`` picks the documents (in the main
process, which knows the stories); workers encode them (``sample_record``).
"""

from __future__ import annotations

from neardup.document import Document
from neardup.write.records import dumps

SAMPLES_FILE = "report-texts.jsonl.gz"
TEXT_CAP = 20_000
MAX_STORY_MEMBERS = 20_000
MAX_REJECTED = 2_000
MAX_SINGLETONS = 2_000


class SampleChooser:
    """Decides, document by document in input order, which texts the sample keeps."""

    def __init__(self) -> None:
        self._left = {"story": MAX_STORY_MEMBERS, "rejected": MAX_REJECTED,
                      "single": MAX_SINGLETONS}

    def take(self, rejected: bool, story_size: int) -> bool:
        kind = "rejected" if rejected else ("story" if story_size > 1 else "single")
        if self._left[kind] <= 0:
            return False
        self._left[kind] -= 1
        return True


def sample_record(doc: Document) -> bytes:
    """One JSON line of the sample."""
    raw = doc.raw_text if doc.raw_text is not None else doc.text
    record = {
        "id": doc.id,
        # null when cleaning changed nothing: the report then shows the text once
        "raw_text": None if raw == doc.text else raw[:TEXT_CAP],
        "text": doc.text[:TEXT_CAP],
        "removed": [s.to_dict() for s in doc.removed if s.start < TEXT_CAP],
        "truncated": len(raw) > TEXT_CAP or len(doc.text) > TEXT_CAP,
    }
    return dumps(record) + b"\n"
