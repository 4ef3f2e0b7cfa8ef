"""Read the files of a dedup output folder (``OUT/``) that the report is built from.

Only files inside ``OUT/`` are read: ``documents.jsonl|parquet``, ``deduplicated.jsonl|parquet``,
``summary.json`` and ``report-texts.jsonl.gz`` (optional).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import math
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import xxhash

from neardup.errors import NeardupError, UsageError
from neardup.write.names import SAMPLES_FILE, SUMMARY_FILE, records_files
from neardup.write.outputs import RemovedTotals

_JSON_FIELDS = ("removed", "metadata", "warnings", "copies")


class ReportInputError(NeardupError):
    """The output folder lacks the files the report needs."""


def _find(output: Path, stem: str) -> Path | None:
    for name in records_files(stem):
        path = output / name
        if path.exists():
            return path
    return None


def _decode(record: dict[str, Any]) -> dict[str, Any]:
    # Parquet stores nested, heterogeneous fields as JSON strings.
    for name in _JSON_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and value[:1] in ("[", "{"):
            with contextlib.suppress(json.JSONDecodeError):
                record[name] = json.loads(value)
    return record


# What reading a file that is not what its name says raises: JSON, gzip, Parquet (ArrowInvalid
# is a ValueError).
_DAMAGE = (ValueError, EOFError, OSError)


def _damaged(where: str, exc: Exception) -> ReportInputError:
    """A file cut short (by a run stopped while writing it) or not written by neardup is an
    error naming it, not a traceback."""
    return ReportInputError(f"{where}: unreadable ({type(exc).__name__}: {exc}); was the run "
                            "that wrote it stopped? Run neardup dedup again")


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[None]:
    try:
        yield
    except _DAMAGE as exc:
        raise _damaged(str(path), exc) from exc


def iter_records(path: Path, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Records of a ``.jsonl`` or ``.parquet`` file, with Parquet's JSON-string fields decoded."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        with _reading(path):
            parquet = pq.ParquetFile(path)
            names = set(parquet.schema_arrow.names)
            wanted = None if columns is None else [c for c in columns if c in names]
            batches = parquet.iter_batches(columns=wanted, batch_size=4096)
        while True:
            with _reading(path):
                batch = next(batches, None)
            if batch is None:
                return
            for record in batch.to_pylist():
                yield _decode(record)
    with path.open("rb") as handle:  # orjson parses bytes, some 3x faster than json
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    record = orjson.loads(line)  # nested fields are JSON already: no _decode
                except orjson.JSONDecodeError as exc:
                    raise _damaged(f"{path}:{number}", exc) from exc
                if record.__class__ is not dict:
                    raise _damaged(f"{path}:{number}", ValueError(
                        f"a JSON {type(record).__name__}, not an object"))
                yield record


def documents_path(output: Path) -> Path:
    """``documents.jsonl|parquet`` of the output folder ``output``, or a clear error."""
    if not output.is_dir():  # (a missing folder or a file: say so, not "no documents")
        what = "not a folder" if output.exists() else "no such folder"
        # (a usage error, exit 2, as a missing INPUT of dedup)
        raise UsageError(f"{output}: {what}; give the output folder of neardup dedup")
    path = _find(output, "documents")
    if path is None:
        raise ReportInputError(f"{output}: no documents.jsonl or documents.parquet "
                               "(is this the output folder of neardup dedup?)")
    return path


KEPT, DUPLICATE, REJECTED, OTHER = 0, 1, 2, 3
PROGRESS_STEP = 16_384
_STATUS = {"kept": KEPT, "duplicate": DUPLICATE, "rejected": REJECTED}
# the fields read of every document; the others only of the documents the page lists
_COLUMNS = ["id", "status", "cluster", "similarity", "chars", "chars_removed", "reason",
            "removed"]


@dataclass
class DocumentColumns:
    """What the report needs of *every* record of ``documents.*``, as arrays and totals.

    The page lists a few thousand documents at most, whatever the corpus size; the rest is
    counted. So one pass keeps four numbers per document (status, story key, similarity, a
    hash of the id) and sums up the others, and :func:`read_rows` reads the full records of the
    listed documents again: memory is some 25 bytes per document, not a record object each.

    ``story[i]`` is document i's ``cluster``, or a key of its own when it has none (a
    negative number, never a cluster's).
    """

    path: Path
    status: np.ndarray  # int8: KEPT, DUPLICATE, REJECTED, OTHER
    story: np.ndarray  # int64
    similarity: np.ndarray  # float64, NaN where null (or not a finite number)
    id_hash: np.ndarray  # uint64: xxh3 of the id (a sample record's row is checked by it)
    chars: int  # sum of ``chars``
    chars_removed: int  # sum of ``chars_removed``
    removed: RemovedTotals = field(default_factory=RemovedTotals)  # summed ``removed`` spans
    rejected_reasons: Counter[str] = field(default_factory=Counter)

    def __len__(self) -> int:
        return int(self.status.size)


def read_columns(output: Path, sum_spans: bool = True,
                 advance: Callable[[int], None] | None = None) -> DocumentColumns:
    """:class:`DocumentColumns` of the output folder ``output``, in input order; the removed
    spans are summed by reason unless not ``sum_spans`` (the run's summary has the sums).
    ``advance(n)`` is told of every ``PROGRESS_STEP`` documents read (a progress bar)."""
    path = documents_path(output)
    status = bytearray()
    story = array("q")
    similarity = array("d")
    id_hashes = array("Q")
    chars = chars_removed = 0
    removed = RemovedTotals()
    rejected_reasons: Counter[str] = Counter()
    other_keys: dict[Any, int] = {}  # a cluster that is not a count (a hand-made file)
    nan = math.nan
    status_code = _STATUS.get
    columns = _COLUMNS if sum_spans else [name for name in _COLUMNS if name != "removed"]
    for row, record in enumerate(iter_records(path, columns)):
        if advance is not None and row % PROGRESS_STEP == 0 and row:
            advance(PROGRESS_STEP)
        get = record.get  # (a million records: the loop is kept lean)
        code = status_code(get("status"), OTHER)
        status.append(code)
        cluster = get("cluster")
        if type(cluster) is not int and isinstance(cluster, int | float) \
                and float(cluster).is_integer():
            cluster = int(cluster)  # (a hand-made file's 174.0 or true: 174 and 1, as in JSON)
        if type(cluster) is int and 0 <= cluster < 1 << 62:
            story.append(cluster)
        else:  # null: a story of its own; anything else: one story per value
            story.append(-1 - row if cluster is None else
                         other_keys.setdefault(_hashable(cluster), -1 - row))
        value = get("similarity")
        similarity.append(value if value is not None and isinstance(value, int | float)
                          and math.isfinite(value) else nan)
        doc_id = get("id")
        id_hashes.append(hash_id(doc_id if doc_id.__class__ is str else str(doc_id)))
        value = get("chars")
        chars += value if type(value) is int else _count(value)
        value = get("chars_removed")
        chars_removed += value if type(value) is int else _count(value)
        if code == REJECTED:
            rejected_reasons[str(get("reason") or "unknown")] += 1
        spans = get("removed") if sum_spans else None
        if spans and isinstance(spans, list):  # (summed as the run sums them for its summary)
            removed.add([(span.get("start") or 0, span.get("end") or 0, span.get("reason"))
                         for span in spans if isinstance(span, dict)])
    if advance is not None and status:
        advance((len(status) - 1) % PROGRESS_STEP + 1)
    return DocumentColumns(
        path, np.frombuffer(status, dtype=np.int8).copy(), np.array(story, dtype=np.int64),
        np.array(similarity, dtype=np.float64), np.array(id_hashes, dtype=np.uint64), chars,
        chars_removed, removed, rejected_reasons)


def _count(value: Any) -> int:
    if isinstance(value, str):  # (a hand-made file's "12")
        try:
            return int(value)
        except ValueError:
            return 0
    return int(value) if isinstance(value, int | float) and math.isfinite(value) else 0


def _hashable(value: Any) -> Any:
    # (a list or an object as its JSON text, in a tuple: never equal to a string's key)
    return value if isinstance(value, str | int | float) else ("json", json.dumps(value))


def hash_id(doc_id: str) -> int:
    """A document id's stable 64-bit hash (see ``DocumentColumns.id_hash``)."""
    return xxhash.xxh3_64_intdigest(doc_id.encode("utf-8", "surrogatepass"))


def read_rows(path: Path, rows: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The full records of ``documents.*`` (``path``) at the positions ``rows`` (as numbered by
    :func:`read_columns`), without their removed spans (summed up there)."""
    wanted = set(rows)
    found: dict[int, dict[str, Any]] = {}
    if not wanted:
        return found
    last = max(wanted)
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        with _reading(path):
            parquet = pq.ParquetFile(path)
            batches = parquet.iter_batches(batch_size=4096)
        first = 0
        while first <= last:
            with _reading(path):
                batch = next(batches, None)
            if batch is None:
                break
            here = [r - first for r in range(first, first + batch.num_rows) if r in wanted]
            if here:
                records = batch.take(here).to_pylist()
                for offset, record in zip(here, records, strict=True):
                    record.pop("removed", None)
                    found[first + offset] = _decode(record)
            first += batch.num_rows
        return found
    with path.open("rb") as handle:
        row = -1
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            row += 1
            if row in wanted:
                try:
                    record = orjson.loads(line)
                except orjson.JSONDecodeError as exc:
                    raise _damaged(f"{path}:{number}", exc) from exc
                record.pop("removed", None)
                found[row] = record
                if row == last:
                    break
    return found


def read_summary(output: Path) -> dict[str, Any]:
    """``summary.json``, or an empty dict when absent."""
    path = output / SUMMARY_FILE
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle, _reading(path):
        summary = json.load(handle)
    if not isinstance(summary, dict):
        raise ReportInputError(f"{path}: not a summary of neardup dedup (a JSON object)")
    return summary


def check_finished(output: Path) -> None:
    """Fail unless ``output`` holds a finished dedup run: the files of a run stopped while
    writing (no summary.json, written last) or of ``neardup clean`` would be reported as a
    finished dedup."""
    if _find(output, "documents") is None:
        return  # (read_documents says what is missing)
    if not (output / SUMMARY_FILE).exists():
        raise ReportInputError(f"{output}: no summary.json: the run that wrote these files did "
                               "not finish (it was stopped or failed while writing; summary.json "
                               "is written last); run neardup dedup again")
    counts = read_summary(output).get("counts")
    if isinstance(counts, dict) and "ok" in counts and "kept" not in counts:
        raise ReportInputError(f"{output}: is the output of neardup clean, which has no stories; "
                               "the report describes the output of neardup dedup")


def texts_path(output: Path) -> Path | None:
    """``report-texts.jsonl.gz`` when the run wrote it."""
    path = output / SAMPLES_FILE
    return path if path.exists() else None


# The sample writer puts the id first: most unwanted lines are skipped without parsing them.
_LEADING_ID = re.compile(r'\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*")\s*,')


def iter_texts(output: Path,
               wanted: Callable[[str], bool]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, record) of the records of ``report-texts.jsonl.gz`` whose id passes ``wanted``."""
    path = texts_path(output)
    if path is None:
        return
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = iter(handle)
        while True:
            with _reading(path):
                line = next(lines, None)
            if line is None:
                return
            if not line.strip():
                continue
            leading = _LEADING_ID.match(line)
            if leading is not None and not wanted(json.loads(leading.group(1))):
                continue
            with _reading(path):
                record = json.loads(line)
            doc_id = record.get("id")
            if isinstance(doc_id, str) and wanted(doc_id):
                yield doc_id, record


def read_kept_texts(output: Path, ids: set[str]) -> dict[str, str]:
    """Clean texts from ``deduplicated.jsonl|parquet`` of the kept copies in ``ids``."""
    path = _find(output, "deduplicated")
    texts: dict[str, str] = {}
    if path is None or not ids:
        return texts
    for record in iter_records(path, columns=["id", "text"]):
        doc_id = record.get("id")
        if doc_id in ids and isinstance(record.get("text"), str):
            texts[doc_id] = record["text"]
            if len(texts) == len(ids):
                break
    return texts
