"""Units of work: one pass over the input cut into shards that worker processes (or Ray tasks)
turn into documents (``shard_documents``), in input order (``read_shards``).

A shard is a list of documents (made in the main process), a slice of a plain or decompressed
JSONL file that the worker parses (``FileSlice``), a Parquet record batch (``RowBatch``), files
of one document each that the worker reads (``FileBatch``), or records read in the main
process (``RecordBatch``: CSV, JSON arrays, WARC). Every kind gives the documents the
whole-file reader (``documents.read_documents``) gives, numbered alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from neardup.document import Document
from neardup.interrupts import reraise_if_interrupted
from neardup.read.documents import (
    ReadOptions,
    deep_fields,
    fields_document,
    to_document,
)
from neardup.read.files import InputFile, Listings, list_input_files
from neardup.read.records import (
    RawRecord,
    batch_records,
    jsonl_record,
    lost_digits,
    parquet_batches,
    read_records,
    unreadable,
)
from neardup.read.slices import (
    FileSlice,
    PackedSlices,
    PlainSlices,
    can_slice,
    can_slice_packed,
    slice_bytes,
)


@dataclass(frozen=True)
class RowBatch:
    """Rows ``first_row, first_row + 1, ...`` of a Parquet file as an Arrow record batch, read
    by the main process, for a worker to turn into documents (``shard_documents``)."""

    file: InputFile
    first_row: int
    batch: Any  # pyarrow.RecordBatch
    warnings: tuple[str, ...]  # carried by every row (repeated column names)


@dataclass(frozen=True)
class FileBatch:
    """Files of one document each (text, Markdown, HTML) for a worker to read
    (``shard_documents``): each is read as the whole-file reader reads it."""

    files: tuple[InputFile, ...]


@dataclass(frozen=True)
class RecordBatch:
    """Records read here (CSV rows, JSON array items, WARC records), each with its file, for
    a worker to turn into documents (``shard_documents``); a record with a field nested too
    deep to be sent (``_too_deep_to_send``) is its document already."""

    records: tuple[tuple[RawRecord, InputFile] | Document, ...]


def _too_deep_to_send(record: RawRecord) -> bool:
    """Whether a field of ``record`` is nested deeper than documents keep (``trim_deep``):
    pickle, which sends a record to a worker, fails at about 500 levels (JSON readers go to
    1,000), so such a record's document, whose deep fields are left out with a warning, is
    made here."""
    return bool(deep_fields(record.fields))


Shard = list[Document] | FileSlice | RowBatch | FileBatch | RecordBatch


def read_shards(inputs: list[str | Path], options: ReadOptions, shard_size: int,
                slices: bool = True, skip: str | Path | None = None,
                listings: Listings | None = None) -> Iterator[Shard]:
    """The input as units of work, in input order: JSONL files as ``FileSlice``s that a
    worker parses itself (``shard_documents``; plain files read by the worker, compressed ones
    decompressed here), Parquet files as ``RowBatch``es that a worker turns into records,
    text and HTML files (one document each) as ``FileBatch``es of ``shard_size`` files that a
    worker reads, other files (CSV, JSON arrays, WARC) as ``RecordBatch``es of ``shard_size``
    records read here, which a worker turns into documents.
    Nothing is accounted here: the caller checks repeated ids and strict mode in input order,
    as documents come back from the workers.

    The whole-file readers (``read_records``) define what a file holds. When the reading of
    a compressed JSONL or a Parquet file fails here (a file cut short, a corrupt block), the
    whole-file reader reads it again from the first line or row not handed out, and gives
    those rows and the file's rejection as it always did."""
    batch: list[tuple[RawRecord, InputFile] | Document] = []  # read here, for a worker
    batch_chars = 0  # (the batch's texts and pages)
    files: list[InputFile] = []  # files of one document each, for a worker to read
    for source in list_input_files(inputs, skip, listings):
        if slices and source.format in _ONE_PER_FILE and source.error is None:
            if batch:
                yield RecordBatch(tuple(batch))
                batch = []
                batch_chars = 0
            files.append(source)
            if len(files) >= shard_size:
                yield FileBatch(tuple(files))
                files = []
            continue
        if files:
            yield FileBatch(tuple(files))
            files = []
        first_line = 1  # the records to read here (lines or rows before went as units)
        units = _worker_units(source, slices)
        if units is not None:
            for unit in units:
                if batch:
                    yield RecordBatch(tuple(batch))
                    batch = []
                    batch_chars = 0
                yield unit
            if units.rest_from is None:
                continue
            first_line = units.rest_from
        for record in read_records(source, options.text_field, options.html_field,
                                   options.id_field):
            if record.position is not None and record.position < first_line:
                continue  # (a line or row handed out already)
            batch.append(to_document(record, source.folder, source.format, 0, options)
                         if _too_deep_to_send(record) else (record, source))
            batch_chars += _record_chars(record)
            if len(batch) >= shard_size or batch_chars >= RECORD_BATCH_CHARS:
                yield RecordBatch(tuple(batch))
                batch = []
                batch_chars = 0
    if files:
        yield FileBatch(tuple(files))
    if batch:
        yield RecordBatch(tuple(batch))


# A batch of records read here ends at ``shard_size`` records or at this many characters of
# their string fields, whichever comes first: WARC records of 170 KB pages, 256 to a batch,
# held the main process at 836 MB (247 MB for the same pages as files) while batches waited.
RECORD_BATCH_CHARS = 1 << 22


def _record_chars(record: RawRecord) -> int:
    return sum(len(v) for v in record.fields.values() if v.__class__ is str or
               v.__class__ is bytes) if record.fields else 0


def _worker_units(source: InputFile, slices: bool
                  ) -> PlainSlices | PackedSlices | _ParquetBatches | None:
    """The units a file is handed to the workers in, or None when it is read here. Each
    iterates over its units and then says in ``rest_from`` from which line or row on the
    whole-file reader must read the file here (None: nothing left)."""
    if source.format == "parquet" and source.error is None:  # (data: for Ray as well)
        return _ParquetBatches(source)
    if not slices:  # (a Ray task may run where these paths do not exist)
        return None
    if can_slice_packed(source):
        return PackedSlices(source)
    if can_slice(source):
        return PlainSlices(source)
    return None


class _ParquetBatches:
    """A Parquet file's record batches as ``RowBatch``es; a read that fails leaves the rest
    of the file, from the first row not handed out, to the whole-file reader."""

    def __init__(self, file: InputFile) -> None:
        self.file = file
        self.rest_from: int | None = None

    def __iter__(self) -> Iterator[RowBatch]:
        next_row = 1
        try:
            for first_row, rows, repeated in parquet_batches(self.file):
                yield RowBatch(self.file, first_row, rows, tuple(repeated))
                next_row = first_row + rows.num_rows
        except Exception as exc:
            reraise_if_interrupted(exc)
            self.rest_from = next_row


_ONE_PER_FILE = ("text", "html")  # formats of one document per file


def shard_documents(shard: Shard, options: ReadOptions, data: bytes | None = None
                    ) -> list[Document]:
    """The documents of a shard (a worker reads and parses a ``FileSlice`` here; ``data``:
    its bytes when the caller read them already). Their ``index`` is their position in the
    shard; the caller knows the global one."""
    if isinstance(shard, RowBatch):
        return _batch_documents(shard, options)
    if isinstance(shard, FileBatch):  # (its files read here, then as records read elsewhere)
        shard = RecordBatch(tuple(
            (record, source) for source in shard.files
            for record in read_records(source, options.text_field, options.html_field,
                                       options.id_field)))
    if isinstance(shard, RecordBatch):
        docs: list[Document] = []
        for position, item in enumerate(shard.records):
            if isinstance(item, Document):
                item.index = position
                docs.append(item)
            else:
                record, source = item
                docs.append(to_document(record, source.folder, source.format, position,
                                        options))
        return docs
    if isinstance(shard, FileSlice):
        return _slice_documents(shard, options, data)
    return shard


def _slice_documents(shard: FileSlice, options: ReadOptions, data: bytes | None
                     ) -> list[Document]:
    """The documents of the JSONL lines of a slice (``data``: its bytes, when read)."""
    source = shard.file
    name, folder, fmt = source.name, source.folder, source.format
    docs: list[Document] = []
    loads, invalid = orjson.loads, orjson.JSONDecodeError
    if data is None:
        data = slice_bytes(shard)
    view, find, size = memoryview(data), data.find, len(data)
    start, number = 0, shard.first_line
    while start < size:  # the lines as ``slice_lines`` cuts them, without copying them
        end = find(b"\n", start)
        if end < 0:
            end = size
        line = view[start:end]
        # The common line, a JSON object in valid UTF-8, straight to its document; any other
        # line (blank, a byte-order mark, bad JSON or UTF-8, not an object) as ``jsonl_records``.
        try:
            fields = loads(line)
        except invalid:
            fields = None
        if fields.__class__ is dict and not lost_digits(fields):
            docs.append(fields_document(fields, f"{name}:{number}", folder, fmt, len(docs),
                                        options, []))
        else:
            record = jsonl_record(name, number, bytes(line), options.id_field)
            if record is not None:
                docs.append(to_document(record, folder, fmt, len(docs), options))
        start, number = end + 1, number + 1
    return docs


def _batch_documents(shard: RowBatch, options: ReadOptions) -> list[Document]:
    """The documents of a Parquet batch. (The conversion turns a value it cannot convert
    into a flagged text or null: should it fail all the same, the batch ends with the file's
    rejection, where the whole-file reader would have ended the file; the other batches are
    kept.)"""
    source, docs = shard.file, []
    records = batch_records(source.name, shard.first_row, shard.batch, list(shard.warnings))
    try:
        for record in records:
            docs.append(to_document(record, source.folder, source.format, len(docs), options))
    except Exception as exc:
        docs.append(to_document(unreadable(source.name, exc), source.folder, source.format,
                                len(docs), options))
    return docs
