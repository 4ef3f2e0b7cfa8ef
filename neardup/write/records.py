"""Record writers for JSONL and Parquet, with a fixed field order (byte-identical outputs)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    import pyarrow as pa

_ORJSON_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY


def dumps(record: dict[str, Any]) -> bytes:
    """Compact JSON bytes with the record's key order (values orjson cannot encode: str())."""
    try:
        return orjson.dumps(record, default=str, option=_ORJSON_OPTIONS)
    except TypeError:  # an int wider than 64 bits (a .json file's or the API's metadata):
        return orjson.dumps(_wide_ints_as_str(record), default=str,  # orjson never calls
                            option=_ORJSON_OPTIONS)  # ``default`` for those


_INT64_MIN, _UINT64_MAX = -(1 << 63), (1 << 64) - 1


def _wide_ints_as_str(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if _INT64_MIN <= value <= _UINT64_MAX else str(value)
    if isinstance(value, dict):
        return {_wide_ints_as_str(k): _wide_ints_as_str(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_wide_ints_as_str(v) for v in value]
    return value

_PARQUET_BATCH = 2048


class RecordWriter:
    """Append dict records to ``<stem>.jsonl`` or ``<stem>.parquet``."""

    def __init__(self, directory: Path, stem: str, fmt: str,
                 schema: pa.Schema | None = None) -> None:
        self.format = fmt
        self._schema = schema
        # Nested values (metadata, removed spans) go to string columns as JSON, so every batch
        # has the same schema whatever the records hold. They are encoded as the JSONL output
        # encodes them (``dumps``): a value JSON has no type for (a Parquet input's timestamp
        # or bytes column kept as metadata) must not stop the run.
        self._json_fields = {f.name for f in schema if str(f.type) == "string"} if schema else set()
        self.path = directory / f"{stem}.{fmt}"
        self._buffer: list[dict[str, Any]] = []
        self._parquet = None
        if fmt == "jsonl":
            self._handle = self.path.open("wb")

    def write(self, record: dict[str, Any]) -> None:
        if self.format == "jsonl":
            self._handle.write(dumps(record) + b"\n")
            return
        self._buffer.append({
            k: dumps(v).decode()
            if k in self._json_fields and isinstance(v, dict | list) else v
            for k, v in record.items()
        })
        if len(self._buffer) >= _PARQUET_BATCH:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._buffer:
            return
        table = pa.Table.from_pylist(self._buffer, schema=self._schema)
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.path, table.schema)
        self._parquet.write_table(table)
        self._buffer = []

    def close(self) -> None:
        if self.format == "jsonl":
            self._handle.close()
            return
        self._flush()
        if self._parquet is not None:
            self._parquet.close()
        else:  # no records: still write a valid (empty) file
            import pyarrow.parquet as pq

            pq.write_table(self._schema.empty_table(), self.path)

