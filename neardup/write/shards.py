"""The write pass, shard by shard, in worker processes.

Once stories are known, each spilled shard of cleaned documents becomes its slice of
``documents.jsonl`` and ``deduplicated.jsonl`` (and of the report's text sample) without the
texts passing through the main process: the main process sends each shard its verdicts (a few
numbers per document, ``ShardVerdicts``), a worker loads the shard, builds and encodes the
records and writes them to part files, and the main process appends the parts to the output
files in shard order (a kernel-side copy). The output is the same bytes for any number of
workers. Parquet output, and records collected for the Python API, come back to the main
process instead, which writes them.
"""

from __future__ import annotations

import gzip
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from neardup.document import pack
from neardup.errors import NeardupError
from neardup.read.documents import ReadOptions, reject, shard_documents
from neardup.read.slices import FileSlice
from neardup.write.outputs import document_record, kept_record
from neardup.write.parts import part_path
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
    jaccard: np.ndarray
    containment: np.ndarray
    repeated: dict[int, str] = field(default_factory=dict)  # position → "duplicate id" reason
    copies: dict[int, list[str]] = field(default_factory=dict)  # kept position → story's ids
    sampled: list[int] = field(default_factory=list)  # positions whose texts go to the sample
    reread: FileSlice | None = None  # read the documents here again (no spill file)


@dataclass(frozen=True)
class WriteConfig:
    spill_dir: str
    parts_dir: str | None  # where workers write parts (None: no output files)
    jsonl_parts: bool  # write the records as JSONL parts (else return them: Parquet output)
    collect: bool  # return the records too (the Python API's Result)
    read: ReadOptions = field(default_factory=ReadOptions)  # for shards read again


@dataclass
class ShardOutput:
    index: int
    counts: Counter
    documents: list[dict[str, Any]] | None = None
    deduplicated: list[dict[str, Any]] | None = None


def write_shard_records(verdicts: ShardVerdicts, config: WriteConfig) -> ShardOutput:
    """Records of one shard: written to part files (``parts_dir``) and/or returned."""
    if verdicts.reread is None:
        docs = read_shard(config.spill_dir, verdicts.index)
    else:  # the documents as the sketch pass read them (``sketch.stage.rereadable``)
        docs = [pack(doc) for doc in shard_documents(verdicts.reread, config.read)]
        if len(docs) != len(verdicts.heads):  # the file changed since the sketch pass
            piece = verdicts.reread
            raise NeardupError(
                f"{piece.file.path}: the input changed while neardup ran (lines from "
                f"{piece.first_line}: {len(docs)} records now, {len(verdicts.heads)} before); "
                "run again on a file that stays as it is")
    documents: list[dict[str, Any]] = []
    deduplicated: list[dict[str, Any]] = []
    samples: list[bytes] = []
    sampled = set(verdicts.sampled)
    counts: Counter = Counter()
    for position, (doc, spans) in enumerate(docs):
        number = verdicts.first + position
        doc.index = number
        repeated = verdicts.repeated.get(position)
        if repeated is not None:
            reject(doc, repeated)
            spans = []
        head = int(verdicts.heads[position])
        sim = con = None
        if doc.rejected is not None:
            status = "rejected"
        elif head == number:
            status = "kept"
            deduplicated.append(kept_record(doc, head, verdicts.copies[position]))
        else:
            status = "duplicate"
            sim, con = float(verdicts.jaccard[position]), float(verdicts.containment[position])
        counts[status] += 1
        documents.append(document_record(doc, spans, status, head,
                                         verdicts.duplicate_of[position], sim, con))
        if position in sampled:
            samples.append(sample_record(doc, spans))
    output = ShardOutput(verdicts.index, counts)
    parts = config.parts_dir
    if parts is not None and config.jsonl_parts:
        _write_part(part_path(parts, "documents", verdicts.index),
                    b"".join(dumps(r) + b"\n" for r in documents))
        _write_part(part_path(parts, "deduplicated", verdicts.index),
                    b"".join(dumps(r) + b"\n" for r in deduplicated))
    if parts is not None and samples:
        # A gzip member per shard: concatenated members are one valid gzip file (RFC 1952).
        _write_part(part_path(parts, "samples", verdicts.index),
                    gzip.compress(b"".join(samples), compresslevel=1, mtime=0))
    if config.collect or (parts is not None and not config.jsonl_parts):
        output.documents, output.deduplicated = documents, deduplicated
    return output


def _write_part(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
