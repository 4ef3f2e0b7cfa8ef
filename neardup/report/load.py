"""Read the files of a dedup output folder (``OUT/``) that the report is built from.

Only files inside ``OUT/`` are read: ``documents.jsonl|parquet``, ``deduplicated.jsonl|parquet``,
``summary.json`` and ``report-texts.jsonl.gz`` (optional).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from neardup.errors import NeardupError, UsageError

TEXTS_FILE = "report-texts.jsonl.gz"
_JSON_FIELDS = ("removed", "metadata", "warnings", "copies")


class ReportInputError(NeardupError):
    """The output folder lacks the files the report needs."""


def _find(output: Path, stem: str) -> Path | None:
    for suffix in (".jsonl", ".parquet"):
        path = output / f"{stem}{suffix}"
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
                yield record


def read_documents(output: Path) -> list[dict[str, Any]]:
    """All records of ``documents.jsonl|parquet`` in input order.

    The removed spans of each record are summed up on reading (they can be most of the file,
    and the report shows spans from ``report-texts.jsonl.gz`` only): ``removed`` is replaced by
    ``removed_by_reason``, a ``{reason: characters}`` dict.
    """
    if not output.is_dir():  # (a missing folder or a file: say so, not "no documents")
        what = "not a folder" if output.exists() else "no such folder"
        # (a usage error, exit 2, as a missing INPUT of dedup)
        raise UsageError(f"{output}: {what}; give the output folder of neardup dedup")
    path = _find(output, "documents")
    if path is None:
        raise ReportInputError(f"{output}: no documents.jsonl or documents.parquet "
                               "(is this the output folder of neardup dedup?)")
    records = []
    for record in iter_records(path):
        totals: dict[str, int] = {}
        spans = record.pop("removed", None)
        if isinstance(spans, list):
            for span in spans:
                if isinstance(span, dict):
                    reason = span.get("reason") or "removed"
                    totals[reason] = totals.get(reason, 0) + (span.get("end") or 0) - (
                        span.get("start") or 0)
        record["removed_by_reason"] = totals
        records.append(record)
    return records


def read_summary(output: Path) -> dict[str, Any]:
    """``summary.json``, or an empty dict when absent."""
    path = output / "summary.json"
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
    if not (output / "summary.json").exists():
        raise ReportInputError(f"{output}: no summary.json: the run that wrote these files did "
                               "not finish (it was stopped or failed while writing; summary.json "
                               "is written last); run neardup dedup again")
    counts = read_summary(output).get("counts")
    if isinstance(counts, dict) and "ok" in counts and "kept" not in counts:
        raise ReportInputError(f"{output}: is the output of neardup clean, which has no stories; "
                               "the report describes the output of neardup dedup")


def texts_path(output: Path) -> Path | None:
    """``report-texts.jsonl.gz`` when the run wrote it."""
    path = output / TEXTS_FILE
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
