"""The output files of a run and the shape of their records.

- ``documents``: one record per input document, in input order (the audit trail); a clean
  run's (``cleaned_record``) holds the clean text and metadata, a dedup run's
  (``document_record``) the verdict.
- ``deduplicated`` (dedup): the kept copy of every story with its text, metadata and
  ``copies``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
import pyarrow as pa

from neardup.document import Document, Span, span_dicts
from neardup.errors import NeardupError
from neardup.write.names import RECORD_FORMATS, REPORT_FILE, SAMPLES_FILE, SUMMARY_FILE
from neardup.write.ordered import OrderedFiles
from neardup.write.records import RecordWriter

if TYPE_CHECKING:
    from neardup.write.shards import ShardOutput

DOCUMENTS_SCHEMA = pa.schema([
    ("id", pa.string()), ("source", pa.string()), ("status", pa.string()),
    ("cluster", pa.int64()), ("duplicate_of", pa.string()), ("center", pa.string()),
    ("similarity", pa.float64()),
    ("containment", pa.float64()), ("reason", pa.string()), ("url", pa.string()),
    ("site", pa.string()), ("date", pa.string()), ("title", pa.string()),
    ("chars", pa.int64()), ("chars_removed", pa.int64()), ("removed", pa.string()),
    ("warnings", pa.list_(pa.string())),
])

DEDUPLICATED_SCHEMA = pa.schema([
    ("id", pa.string()), ("text", pa.string()), ("url", pa.string()), ("date", pa.string()),
    ("title", pa.string()), ("byline", pa.string()), ("dateline", pa.string()),
    ("site", pa.string()), ("source", pa.string()), ("cluster", pa.int64()),
    ("copies", pa.list_(pa.string())),
    ("appeared", pa.list_(pa.struct([("id", pa.string()), ("url", pa.string()),
                                     ("site", pa.string()), ("date", pa.string())]))),
    ("metadata", pa.string()),
])


def document_record(doc: Document, spans: list[Span], status: str, cluster: int,
                    duplicate_of: str | None, center: str | None, similarity: float | None,
                    containment: float | None) -> dict[str, Any]:
    """One record of ``documents.*`` (``spans``: the removed spans, see ``document.pack``)."""
    text = doc.text
    # (the spans alone: whitespace the cleaner strips around kept lines is no span, and counting
    # it only for documents without spans made chars_removed disagree with `removed`)
    removed = sum(end - start for start, end, _ in spans)
    return {
        "id": doc.id,
        "source": doc.source,
        "status": status,
        "cluster": cluster,
        "duplicate_of": duplicate_of,
        "center": center,
        "similarity": None if similarity is None else round(similarity, 6),
        "containment": None if containment is None else round(containment, 6),
        "reason": doc.rejected,
        "url": doc.url,
        "site": doc.site or None,
        "date": doc.date,
        "title": doc.title,
        "chars": len(text) if doc.rejected is None else 0,  # (no text is kept of it)
        "chars_removed": removed,
        "removed": span_dicts(spans) if spans else [],
        "warnings": list(doc.warnings),
    }


class RemovedTotals:
    """What cleaning removed, summed over a run for ``summary.json``: characters by reason,
    and the number of documents with a span of each reason. Sums, so the totals of shards
    added in any order (any number of workers) are the same."""

    def __init__(self) -> None:
        self.chars: dict[str, int] = {}
        self.documents: dict[str, int] = {}

    def add(self, spans: list[Span]) -> None:
        """Count the removed ``spans`` of one document (as its record lists them)."""
        if not spans:
            return
        here: dict[str, int] = {}
        for start, end, reason in spans:
            reason = reason or "removed"
            here[reason] = here.get(reason, 0) + end - start
        chars, documents = self.chars, self.documents
        for reason, size in here.items():
            chars[reason] = chars.get(reason, 0) + size
            documents[reason] = documents.get(reason, 0) + 1

    def merge(self, other: RemovedTotals) -> None:
        for reason, size in other.chars.items():
            self.chars[reason] = self.chars.get(reason, 0) + size
        for reason, count in other.documents.items():
            self.documents[reason] = self.documents.get(reason, 0) + count

    def total(self) -> int:
        return sum(self.chars.values())

    def by_reason(self) -> dict[str, dict[str, int]]:
        """``{reason: {"chars": ..., "documents": ...}}``, most characters first."""
        order = sorted(self.chars.items(), key=lambda item: (-item[1], item[0]))
        return {reason: {"chars": size, "documents": self.documents[reason]}
                for reason, size in order}


class RejectedTotals:
    """The rejected documents of a run by kind of reason, for ``summary.json`` and the
    command's last lines: a kind is the reason up to its first ":" or " (", its quoted values
    and numbers masked ("missing text field '…'", "text too long", "duplicate id '…'"), so
    that reasons naming a record's own fields, ids or sizes count together; each kind keeps
    its first document's source and whole reason, as an example (which says what to do, e.g.
    which option reads the field)."""

    def __init__(self) -> None:
        self.kinds: dict[str, list[Any]] = {}  # kind -> [documents, first source, its reason]

    def add(self, reason: str, source: str) -> None:
        # (quoted values and numbers masked: "duplicate id 'id0'" and "duplicate id 'id7'" are
        # one kind, "duplicate id '…'", as are "row has 1 more field..." and "2 more")
        # (quoted values first: an id or a field name may hold a ":", as a URL, a WARC
        # record's "<urn:uuid:…>" or a default "FILE:LINE" id do, and "duplicate id 'https"
        # was a kind of its own)
        masked = _QUOTED_RE.sub("'…'", reason)
        head = _REASON_KIND_RE.split(masked, 1)[0].strip() or masked
        kind = _NUMBER_RE.sub("N", head)
        entry = self.kinds.get(kind)
        if entry is None:
            self.kinds[kind] = [1, source, reason]
        else:
            entry[0] += 1

    def by_reason(self) -> dict[str, dict[str, Any]]:
        """``{kind: {"documents", "example"}}``, most documents first (ties: first met)."""
        order = sorted(self.kinds.items(), key=lambda item: -item[1][0])
        return {kind: {"documents": n, "example": f"{source}: {reason}"}
                for kind, (n, source, reason) in order}


_REASON_KIND_RE = re.compile(r":|\s\(")
_QUOTED_RE = re.compile(r"'[^']*'|\"[^\"]*\"")
_NUMBER_RE = re.compile(r"\d[\d,.]*")


def kept_record(doc: Document, cluster: int, copies: list[str],
                appeared: list[dict[str, Any]] | orjson.Fragment,
                raw_text: bool = False) -> dict[str, Any]:
    """One record of ``deduplicated.*``: ``copies``, the ids of the story's documents, and
    ``appeared``, their places (``write/places.py``), both in input order; with ``raw_text``,
    the text as read (a page's text before cleaning; an HTML page's as extracted) after the
    clean one."""
    record = {
        "id": doc.id,
        "text": doc.text,
        "url": doc.url,
        "date": doc.date,
        "title": doc.title,
        "byline": doc.byline,
        "dateline": doc.dateline,
        "site": doc.site or None,
        "source": doc.source,
        "cluster": cluster,
        "copies": copies,
        "appeared": appeared,
        "metadata": doc.metadata,
    }
    if raw_text:
        record = {"id": doc.id, "text": doc.text,
                  "raw_text": doc.raw_text if doc.raw_text is not None else doc.text, **record}
    return record


def remove_run_marks(directory: Path, *names: str) -> None:
    """Remove an earlier run's summary (and ``names``: its report) before a run starts
    overwriting the output files: the summary is written last, so a run that stops half-way
    (Ctrl-C, SIGTERM, a full disk) leaves its partial files without a summary, not next to a
    summary and report that describe other files."""
    for name in (SUMMARY_FILE, *names):
        (directory / name).unlink(missing_ok=True)


def remove_other_formats(directory: Path, kind: str, fmt: str) -> None:
    """Remove an earlier run's ``kind`` records in another format than ``fmt``: they would
    be read as this run's (by ``neardup report``, ``neardup eval`` or a user)."""
    for other in RECORD_FORMATS:
        if other != fmt:
            (directory / f"{kind}.{other}").unlink(missing_ok=True)


class OutputFiles:
    """The output files of a dedup run, filled shard by shard in shard order: the workers write
    the JSONL files and the text sample themselves (``ordered``), Parquet files are written here
    from the records the workers return."""

    def __init__(self, directory: Path, fmt: str, samples: bool = True,
                 raw_text: bool = False) -> None:
        """``samples``: write the report's text sample (else remove an earlier run's);
        ``raw_text``: the kept records hold their text as read (a column more)."""
        directory.mkdir(parents=True, exist_ok=True)
        remove_run_marks(directory, REPORT_FILE)
        self.format = fmt
        paths: dict[str, Path] = {}
        self._writers: dict[str, RecordWriter] = {}
        kept_schema = (DEDUPLICATED_SCHEMA.insert(2, pa.field("raw_text", pa.string()))
                       if raw_text else DEDUPLICATED_SCHEMA)
        for kind, schema in (("documents", DOCUMENTS_SCHEMA), ("deduplicated", kept_schema)):
            remove_other_formats(directory, kind, fmt)
            if fmt == "jsonl":
                paths[kind] = directory / f"{kind}.jsonl"
            else:
                self._writers[kind] = RecordWriter(directory, kind, fmt, schema)
        if samples:
            paths["samples"] = directory / SAMPLES_FILE
        else:
            (directory / SAMPLES_FILE).unlink(missing_ok=True)
        self.ordered = OrderedFiles(paths) if paths else None

    def add(self, shard: ShardOutput) -> None:
        """The records of a shard, for the Parquet files (JSONL: the worker wrote them)."""
        if self._writers:
            for record in shard.documents or ():
                self._writers["documents"].write(record)
            for record in shard.deduplicated or ():
                self._writers["deduplicated"].write(record)

    def check(self) -> None:
        """Every shard's bytes are in the files the workers wrote (no range left unwritten)."""
        if self.ordered is None:
            return
        for path, size in zip(self.ordered.paths, self.ordered.sizes(), strict=True):
            if Path(path).stat().st_size != size:
                raise NeardupError(f"{path}: {Path(path).stat().st_size} bytes written, "
                                   f"{size} expected; the output is incomplete")

    def close(self) -> None:
        for writer in self._writers.values():
            writer.close()


CLEANED_SCHEMA = pa.schema([
    ("id", pa.string()), ("source", pa.string()), ("url", pa.string()), ("status", pa.string()),
    ("reason", pa.string()), ("text", pa.string()), ("title", pa.string()),
    ("byline", pa.string()), ("dateline", pa.string()), ("date", pa.string()),
    ("removed", pa.string()), ("warnings", pa.list_(pa.string())), ("metadata", pa.string()),
])


def cleaned_record(doc: Document, spans: list[Span]) -> dict[str, Any]:
    """One record of ``neardup clean``'s documents file (``spans``: see ``document.pack``)."""
    return {
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "status": "rejected" if doc.rejected is not None else "ok",
        "reason": doc.rejected,
        "text": doc.text,
        "title": doc.title,
        "byline": doc.byline,
        "dateline": doc.dateline,
        "date": doc.date,
        "removed": span_dicts(spans),
        "warnings": list(doc.warnings),
        "metadata": doc.metadata,
    }
