"""The write pass, shard by shard, in worker processes.

Once stories are known, each spilled shard of cleaned documents becomes its slice of
``documents.jsonl`` and ``deduplicated.jsonl`` (and of the report's text sample) without the
texts passing through the main process: the main process sends each shard its verdicts (a few
numbers per document, ``ShardVerdicts``), a worker loads the shard, builds and encodes the
records and writes them into the output files itself, at the place of its shard in shard
order (``write/ordered.py``). The output is the same bytes for any number of workers.
Parquet output, and records collected for the Python API, come back to the main process
instead, which writes them.
"""

from __future__ import annotations

import gzip
import pickle
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import orjson
import xxhash

from neardup.errors import NeardupError
from neardup.read.documents import ReadOptions, reject
from neardup.read.shards import shard_documents
from neardup.read.slices import FileSlice, drop_cached, input_changed, slice_bytes
from neardup.write.ordered import OrderedFiles
from neardup.write.outputs import RemovedTotals, document_record, kept_record
from neardup.write.places import place
from neardup.write.records import dumps
from neardup.write.samples import sample_record
from neardup.write.spill import read_shard


@dataclass
class ShardVerdicts:
    """What the main process decided about the documents of spill shard ``index``."""

    index: int
    first: int  # document number of the shard's first document
    heads: np.ndarray  # number of each document's kept copy (itself when kept or rejected)
    duplicate_of: list[str | None]  # id of the kept copy, for duplicates
    center: list[str | None]  # id of its story's center, for stories of several documents
    jaccard: np.ndarray
    containment: np.ndarray
    repeated: dict[int, str] = field(default_factory=dict)  # position → "duplicate id" reason
    copies: dict[int, list[str]] = field(default_factory=dict)  # kept position → story's ids
    # kept position → where the story's documents appeared (JSON array bytes), for stories
    # of two or more
    appeared: dict[int, bytes] = field(default_factory=dict)
    sampled: list[int] = field(default_factory=list)  # positions whose texts go to the sample
    reread: FileSlice | None = None  # read the documents here again (no spill file)


@dataclass(frozen=True)
class WriteConfig:
    spill_dir: str
    files: OrderedFiles | None  # JSONL outputs and text sample the workers write (or None)
    jsonl: bool  # write the records to ``files`` (else return them: Parquet output)
    collect: bool  # return the records too (the Python API's Result)
    read: ReadOptions = field(default_factory=ReadOptions)  # for shards read again
    keep_spill: bool = False  # leave the spilled shards on disk (a run that may be resumed)
    raw_text: bool = False  # kept records hold the text as read too


@dataclass
class ShardOutput:
    index: int
    counts: Counter
    removed: RemovedTotals = field(default_factory=RemovedTotals)
    documents: list[dict[str, Any]] | None = None
    deduplicated: list[dict[str, Any]] | None = None


def _slice_as_before(piece: FileSlice) -> bytes:
    """The bytes of a slice that the sketch pass read, checked against its digest: a file
    changed in between (same number of lines, other ids or texts) gave records whose
    ``duplicate_of`` and ``copies`` named documents that were no longer there, with exit 0."""
    try:
        data = slice_bytes(piece)
    except OSError as exc:
        raise _input_changed(piece, f"it cannot be read again: {exc.strerror or exc}") from exc
    if piece.digest is not None and (len(data) != piece.end - piece.start
                                     or xxhash.xxh3_64_intdigest(data) != piece.digest):
        raise _input_changed(piece, "its bytes differ")
    return data


def _input_changed(piece: FileSlice, how: str) -> NeardupError:
    return input_changed(piece.file.path, piece.first_line, how)


def write_shard_records(verdicts: ShardVerdicts, config: WriteConfig) -> ShardOutput:
    """Records of one shard: written to the output files (``files``) and/or returned."""
    try:
        return _shard_records(verdicts, config)
    except BaseException:
        if config.files is not None:
            config.files.fail()  # the workers waiting for their turn must not wait on
        raise


def _shard_records(verdicts: ShardVerdicts, config: WriteConfig) -> ShardOutput:
    if verdicts.reread is None:
        try:
            docs = read_shard(config.spill_dir, verdicts.index, keep=config.keep_spill)
        except (OSError, EOFError, pickle.UnpicklingError) as exc:
            if not config.keep_spill:
                raise
            raise NeardupError(f"{config.spill_dir}: a saved shard cannot be read ({exc}): "
                               "the saved progress is damaged; remove its folder and run the "
                               "command again") from exc
    else:  # the documents as the sketch pass read them (``sketch.stage.rereadable``)
        # (read, not cleaned: no removed spans, what ``pack`` would take out)
        piece = verdicts.reread
        data = _slice_as_before(piece)
        docs = [(doc, []) for doc in shard_documents(piece, config.read, data)]
        drop_cached(piece)  # its last read
        if len(docs) != len(verdicts.heads):  # (a slice without a digest, from elsewhere)
            raise _input_changed(piece, f"{len(docs)} records now, {len(verdicts.heads)} "
                                 "before")
    files = config.files
    keep = config.collect or not config.jsonl  # records go back to the main process
    encode = files is not None and config.jsonl  # records go to the JSONL files from here
    documents: list[dict[str, Any]] = []
    deduplicated: list[dict[str, Any]] = []
    # JSONL lines are encoded as their records are made and joined once per shard. (Measured:
    # appending them to one growing bytearray was slower in a dedup process, its reallocations
    # copy the shard's bytes again and again; orjson's OPT_APPEND_NEWLINE was no faster than
    # adding the newline, which frees orjson's output at once.)
    document_lines: list[bytes] = []
    kept_lines: list[bytes] = []
    samples: list[bytes] = []
    sampled = set(verdicts.sampled)
    n_kept = n_duplicate = n_rejected = 0
    removed = RemovedTotals()
    heads = verdicts.heads.tolist()
    jaccard, containment = verdicts.jaccard.tolist(), verdicts.containment.tolist()
    first, repeated, copies = verdicts.first, verdicts.repeated, verdicts.copies
    appeared = verdicts.appeared
    duplicate_of, center = verdicts.duplicate_of, verdicts.center
    for position, (doc, spans) in enumerate(docs):
        number = first + position
        doc.index = number
        if repeated and position in repeated:
            reject(doc, repeated[position])
            spans = []
        head = heads[position]
        sim = con = None
        if doc.rejected is not None:
            status = "rejected"
            n_rejected += 1
        elif head == number:
            status = "kept"
            n_kept += 1
            story = appeared.get(position)
            line = dumps(kept_record(doc, head, copies[position],
                                     [place(doc)] if story is None else orjson.Fragment(story),
                                     config.raw_text))
            if encode:
                kept_lines.append(line + b"\n")
            if keep:
                # (the record as the file holds it: metadata of the Python API or of Parquet,
                # datetimes, NumPy arrays, Decimals, NaN, as JSON has them, so that the
                # Result's kept records are those of deduplicated.jsonl)
                deduplicated.append(orjson.loads(line))
        else:
            status = "duplicate"
            n_duplicate += 1
            sim, con = jaccard[position], containment[position]
        record = document_record(doc, spans, status, head, duplicate_of[position],
                                 center[position] if status != "rejected" else None, sim, con)
        removed.add(spans)
        if encode:
            document_lines.append(dumps(record) + b"\n")
        if keep:
            documents.append(record)
        if sampled and position in sampled:
            samples.append(sample_record(doc, spans))
    counts = Counter({"kept": n_kept, "duplicate": n_duplicate, "rejected": n_rejected})
    output = ShardOutput(verdicts.index, +counts, removed)  # (+: the statuses seen only)
    if files is not None:
        chunks = {"samples": b"", "documents": b"".join(document_lines),
                  "deduplicated": b"".join(kept_lines)}
        if samples:
            # A gzip member per record: concatenated members are one valid gzip file (RFC 1952),
            # and the bytes do not depend on where shards end (slices locally, 256 documents on
            # Ray), as one member per shard did. Records are a page's raw and clean texts, so
            # compressing them apart costs little.
            chunks["samples"] = b"".join(gzip.compress(sample, compresslevel=1, mtime=0)
                                         for sample in samples)
        files.write(verdicts.index, [chunks[kind] for kind in files.kinds])
    if keep:
        output.documents, output.deduplicated = documents, deduplicated
    return output
