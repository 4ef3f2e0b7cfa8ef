"""The one record type that flows through every stage: read → clean → sketch → match → write."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any


@dataclass(slots=True)
class RemovedSpan:
    """A span of the input text that cleaning removed, as character offsets ``[start, end)``."""

    start: int
    end: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "reason": self.reason}


@dataclass(slots=True)
class Document:
    """One input document.

    ``index`` is its position in the input stream (0-based); it orders every output.
    ``source`` says where it came from (``file:line``, ``file:row``, ``file#n`` for an item of a
    ``.json`` array or a WARC record, the file's name for a one-document file, the position for
    a document given to the Python API), ``site`` groups pages of
    one publisher (URL host, or source folder) for site-template learning; ``folder`` is
    that source folder for a page read from a file without a URL (else empty), so that a URL
    found later in the page itself (:func:`neardup.clean.take_page_url`) can take its place.
    ``raw_text`` is the text before cleaning (the page text for HTML); ``text`` the clean text.
    ``rejected`` holds a reason when the document cannot be processed; it still flows to the
    output so that every input is accounted for.
    """

    id: str
    text: str
    index: int = 0
    source: str = ""
    url: str | None = None
    date: str | None = None
    site: str = ""
    html: str | None = None
    raw_text: str | None = None
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    removed: list[RemovedSpan] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    rejected: str | None = None
    warnings: list[str] = field(default_factory=list)
    folder: str = ""

    def __reduce__(self) -> tuple[type[Document], tuple[Any, ...]]:
        # Pickled (spill files, shards sent to workers) as its fields in order: the state
        # functions ``dataclass(slots=True)`` writes call ``fields()`` for every object, which
        # made pickling and unpickling a document 24 µs, 10 µs this way (a short text's whole
        # cleaning costs about 40 µs).
        return (Document, _document_fields(self))


_document_fields = attrgetter(*Document.__slots__)


Span = tuple[int, int, str]  # a RemovedSpan as a plain tuple (start, end, reason)
Packed = tuple[Document, list[Span]]  # a document in transit between processes or to disk


def pack(doc: Document) -> Packed:
    """``doc``, its text prepared (cleaned or extracted), ready to leave its worker or go to
    disk: its removed spans taken out as tuples (pickling and unpickling a list of RemovedSpan
    objects costs a Python call per span, about ten times plain tuples, and a cleaned page has
    dozens of spans; ``doc.removed`` is left empty), and its HTML dropped: no output holds it,
    and it is the bulk of an HTML document (on the AEB pages 31 of the 33 MB that went to the
    spill files, 5x the gzipped input; a crawl of a million pages ~100 GB of temporary disk)."""
    spans = [(s.start, s.end, s.reason) for s in doc.removed]
    doc.removed = []
    doc.html = None
    return doc, spans


def unpack(packed: Packed) -> Document:
    """The document of ``pack`` with its RemovedSpan objects back."""
    doc, spans = packed
    doc.removed = [RemovedSpan(*span) for span in spans]
    return doc


def span_dicts(spans: list[Span], below: int | None = None) -> list[dict[str, Any]]:
    """The output form of removed spans (those starting before ``below``, when given)."""
    return [{"start": a, "end": b, "reason": r} for a, b, r in spans
            if below is None or a < below]
