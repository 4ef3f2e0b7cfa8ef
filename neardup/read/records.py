"""Per-format record readers: each yields ``RawRecord``s, one per document-to-be, in file order.

A record that cannot be parsed is still yielded, with ``error`` set, so that it becomes a
rejected document instead of vanishing. Bytes that are not valid UTF-8 (web pages: not valid in
the encoding they declare, see ``charset``) are decoded with U+FFFD replacement characters and
the record is flagged (``warnings``); it is not rejected.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

from neardup.interrupts import reraise_if_interrupted
from neardup.read.charset import decode_file, decode_page, decode_utf8, wide_bom
from neardup.read.files import PACKINGS, InputFile, open_binary

PARQUET_BATCH = 1024
_BOM = b"\xef\xbb\xbf"


@dataclass
class RawRecord:
    location: str  # "file:line", "file:row", "file" or "file#record"
    position: int | None  # line or row number (1-based) when the format has one
    fields: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


_WIDE = float(1 << 63)


def lost_digits(value: Any) -> bool:
    """Whether orjson may have read an integer wider than 64 bits in ``value``'s top-level
    fields as a float (it does so silently: an id 12345678901234567890123 would become
    "1.2345678901234568e+22" and collide with its neighbours). Such a line is parsed again
    with ``json``, which keeps every digit; the common record has no float at all."""
    if value.__class__ is not dict or float not in map(type, value.values()):
        return False
    return any(v.__class__ is float and abs(v) >= _WIDE and v.is_integer()
               for v in value.values())


TOO_DEEP = "malformed JSON: nested too deeply"
# json refuses integers of more digits than this (a ValueError, not a JSONDecodeError)
TOO_LONG = f"malformed JSON: a number of more than {sys.get_int_max_str_digits():,} digits"


def json_problem(exc: json.JSONDecodeError) -> str:
    """What is wrong, from the json module's message, whose position the caller gives:
    "Invalid control character at" and "Unterminated string starting at" end where the
    module appends its own "line 1 column 18 (char 17)"."""
    return exc.msg.removesuffix(" at").removesuffix(" starting")


def _parse_json_line(line: bytes, id_field: str = "id") -> tuple[Any, list[str], str | None]:
    """(value, warnings, error) of one JSON line; invalid UTF-8 is replaced and flagged."""
    try:
        value = orjson.loads(line)
        if not lost_digits(value):
            return value, [], None
    except orjson.JSONDecodeError:
        pass
    text, warnings = decode_utf8(line)
    wide: list[str] = []

    def parse_int(digits: str) -> int | str:
        # (Python converts at most this many digits: such a number, in a metadata field,
        # cost the whole record, text and all, as "malformed JSON")
        limit = sys.get_int_max_str_digits()
        if limit and len(digits.lstrip("-")) > limit:
            wide.append(digits)
            return digits
        return int(digits)

    try:
        value = without_surrogates(json.loads(text, parse_int=parse_int), warnings, id_field)
        if wide:
            warnings.append(f"{len(wide)} number(s) of more than "
                            f"{sys.get_int_max_str_digits():,} digits: kept as text")
    except json.JSONDecodeError as exc:
        hint = ""  # records that follow one another after a lone carriage return
        if exc.msg == "Extra data" and text[:exc.pos].rstrip(" \t").endswith("\r"):
            hint = ("; the line holds several records apart by a carriage return alone: JSONL "
                    "lines end in a newline (\\n), convert the file's CR line ends")
        return None, warnings, f"malformed JSON: {json_problem(exc)} (column {exc.colno}){hint}"
    except RecursionError:  # (not a JSONDecodeError: it stopped the run, or the file's rest)
        return None, warnings, TOO_DEEP
    except ValueError:  # (likewise: an integer json will not convert, which orjson gave up on)
        return None, warnings, TOO_LONG
    return value, warnings, None


def without_surrogates(value: Any, warnings: list[str], id_field: str | None = None) -> Any:
    """Replace lone surrogates ("\\ud800" escapes), which no UTF-8 output can hold; the dicts
    and lists are copies (a caller's objects stay as they are). Level by level with a stack,
    not recursively: JSON nests deeper than Python's recursion limit, and a RecursionError
    here cost a .json file every item from the deep one on. ``id_field``: the record's id,
    whose lone surrogates become ``\\udXXX`` escapes instead, which keep distinct ids
    distinct (as U+FFFD, "\\ud800" and "\\udc00" were one id, and the second document a
    repeated id)."""
    if isinstance(value, str):
        return text_without_surrogates(value, warnings)
    if not isinstance(value, dict | list):
        return value
    root = dict(value) if isinstance(value, dict) else list(value)
    if id_field is not None and isinstance(root, dict) and isinstance(root.get(id_field), str):
        root[id_field] = id_without_surrogates(root[id_field], warnings)
    stack: list[dict | list] = [root]
    while stack:
        container = stack.pop()
        if isinstance(container, dict):  # keys too: a field name is written out as metadata
            items = list(container.items())
            container.clear()
            for key, item in items:
                if isinstance(key, str):
                    key = text_without_surrogates(key, warnings)
                container[key] = _copy_or_fixed(item, warnings, stack)
        else:
            for i, item in enumerate(container):
                container[i] = _copy_or_fixed(item, warnings, stack)
    return root


def id_without_surrogates(value: str, warnings: list[str]) -> str:
    """An id with its lone surrogates as ``\\udXXX`` escapes (distinct ids stay distinct)."""
    return text_without_surrogates(value, warnings, as_escapes=True)


def _copy_or_fixed(value: Any, warnings: list[str], stack: list[dict | list]) -> Any:
    """A string without lone surrogates, or a copy of a container (queued on ``stack``)."""
    if isinstance(value, str):
        return text_without_surrogates(value, warnings)
    if isinstance(value, dict | list):
        value = dict(value) if isinstance(value, dict) else list(value)
        stack.append(value)
    return value


def text_without_surrogates(value: str, warnings: list[str], as_escapes: bool = False) -> str:
    """``value`` with its lone surrogates as U+FFFD (``as_escapes``: as ``\\udXXX``)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        if as_escapes:
            warnings.append("lone surrogate escapes in the id: written as \\u escapes")
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
        warnings.append("lone surrogate escapes in JSON: replaced with U+FFFD")
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def _warc(source: InputFile, text_field: str, html_field: str | None) -> Iterator[RawRecord]:
    from neardup.read.warc import warc_records  # (it imports this module's RawRecord)

    return warc_records(source, text_field, html_field)


def read_records(source: InputFile, text_field: str, html_field: str | None,
                 id_field: str = "id") -> Iterator[RawRecord]:
    """Dispatch on the file format. I/O errors become one rejected record for the file."""
    if source.error is not None:
        yield RawRecord(source.name, None, error=source.error)
        return
    reader = {
        "jsonl": _jsonl,
        "json": _json_array,
        "parquet": _parquet,
        "csv": _csv,
        "text": _whole_file,
        "html": _whole_file,
        "warc": _warc,
    }[source.format]
    try:
        if source.format in ("jsonl", "json"):  # (the id's lone surrogates: see above)
            yield from reader(source, text_field, html_field, id_field)
        else:
            yield from reader(source, text_field, html_field)
    except Exception as exc:  # a corrupt container (bad gzip, bad parquet): record, go on
        yield unreadable(source.name, exc)


def unreadable(name: str, exc: Exception) -> RawRecord:
    """The rejection of file ``name`` that ``exc`` stopped reading (an interrupt is raised
    again: it is no property of the file)."""
    reraise_if_interrupted(exc)
    if isinstance(exc, OSError):
        return RawRecord(name, None, error=f"unreadable file: {exc.strerror or exc}")
    return RawRecord(name, None, error=f"unreadable file: {type(exc).__name__}: {exc}")


def _jsonl(source: InputFile, text_field: str, html_field: str | None,
           id_field: str = "id") -> Iterator[RawRecord]:
    with open_binary(source.path) as handle:
        if wide_bom(handle.peek(4)[:4]) is None:
            yield from jsonl_records(source.name, handle, 1, id_field)
            return
        # UTF-16 with a byte-order mark (PowerShell's ">" writes it): its newline bytes are
        # not its lines, and no line is UTF-8; decoded whole, as a .json file is
        text, warnings = decode_file(handle.read())
    for number, line in enumerate(text.split("\n"), start=1):
        record = jsonl_record(source.name, number, line.encode("utf-8", "surrogatepass"),
                              id_field)
        if record is not None:
            if warnings and "\ufffd" in line:  # (the line of the bytes replaced)
                record.warnings.extend(warnings)
            yield record


def jsonl_records(name: str, lines: Iterable[bytes], first_line: int,
                  id_field: str = "id") -> Iterator[RawRecord]:
    """The records of JSONL ``lines`` numbered from ``first_line`` (a whole file or a slice).
    A line's newline is no part of it: a malformed line's message must not depend on it (the
    workers' slices cut lines without it, and a string left open at the end of a line was
    "Invalid control character" read whole, "Unterminated string" in a slice)."""
    for number, line in enumerate(lines, start=first_line):
        if line.endswith(b"\n"):
            line = line[:-1]
        record = jsonl_record(name, number, line, id_field)
        if record is not None:
            yield record


def jsonl_record(name: str, number: int, line: bytes, id_field: str = "id") -> RawRecord | None:
    """The record of JSONL line ``number`` (None for a blank line, which is no record)."""
    if number == 1 and line.startswith(_BOM):
        line = line[len(_BOM):]  # a byte-order mark (Windows editors) is not data
    if not line.strip():
        return None  # blank lines separate nothing; they are not records
    location = f"{name}:{number}"
    value, warnings, error = _parse_json_line(line, id_field)
    if error is not None:
        return RawRecord(location, number, error=error)
    if not isinstance(value, dict):
        return RawRecord(location, number,
                         error=f"expected a JSON object, got {type(value).__name__}")
    return RawRecord(location, number, value, warnings=warnings)


def _json_array(source: InputFile, text_field: str, html_field: str | None,
                id_field: str = "id") -> Iterator[RawRecord]:
    # A .json file is read whole, and an array's items are parsed one at a time as they are
    # handed out (``array_items`` cuts the text): parsed whole, a file of 387 MB held ~1.7 GB
    # in the main process (and in the workers forked from it) until its last item was read.
    # JSON Lines stays the format for large corpora; a .json file that holds JSON Lines (as
    # Hugging Face's ``to_json`` writes them, or C4's and Dolma's ``.json.gz``) is read as
    # JSON Lines, streamed.
    with open_binary(source.path) as handle:
        if wide_bom(handle.peek(4)[:4]) is None:
            json_lines, head = _json_lines_head(handle)
            if json_lines:
                yield from jsonl_records(source.name, itertools.chain(head, handle), 1,
                                         id_field)
                return
            data = b"".join([*head, handle.read()]) if head else handle.read()
        else:
            data = handle.read()
        text, warnings = decode_file(data)  # (Windows tools write a byte-order mark)
    spans = array_items(text)
    if spans is not None:
        yield from _parsed_items(source, text, spans, warnings, text_field, id_field)
        return
    try:  # (not a well-formed array: one object, or what the parser names as malformed)
        value = json.loads(text)
    except RecursionError:  # (an array's deep item is that item's rejection, above)
        yield RawRecord(source.name, None, error=TOO_DEEP)
        return
    except json.JSONDecodeError as exc:
        hint = ""  # a second value at the start of a line: a JSONL file named .json
        if exc.msg == "Extra data" and exc.colno == 1:
            hint = " (one JSON value per line is JSON Lines: name the file .jsonl)"
        yield RawRecord(source.name, exc.lineno, error=(
            f"malformed JSON at line {exc.lineno}, column {exc.colno}: {json_problem(exc)}"
            f"{hint}"))
        return
    items = value if isinstance(value, list) else [value]
    if isinstance(value, dict) and text_field not in value and html_field not in value:
        # (a news API's answer wraps its records: {"status": "ok", "totalResults": 38,
        # "articles": [...]}; the one list of objects in it is the records)
        lists = [v for v in value.values() if isinstance(v, list) and v
                 and all(isinstance(x, dict) for x in v)]
        if len(lists) == 1:
            items = lists[0]
    for number, item in enumerate(items, start=1):
        item_warnings = list(warnings)
        item = without_surrogates(item, item_warnings, id_field)  # as for JSONL lines
        yield _array_item(f"{source.name}#{number}", number, item, item_warnings, text_field)


def _json_lines_head(handle: Any) -> tuple[bool, list[bytes]]:
    """Whether ``handle`` holds JSON Lines: its first line is a whole JSON object and a line
    with more follows; and the lines read to tell."""
    start = handle.peek(4096)[:4096]
    start = start[len(_BOM):] if start.startswith(_BOM) else start
    if start.strip() and not start.lstrip().startswith(b"{"):
        return False, []  # (an array, as most .json files: nothing read, nothing to copy)
    first = handle.readline()
    head = [first]
    line = first[len(_BOM):] if first.startswith(_BOM) else first
    if not line.lstrip().startswith(b"{"):
        return False, head
    try:
        if not isinstance(orjson.loads(line), dict):
            return False, head
    except orjson.JSONDecodeError:
        return False, head  # (an object over several lines: one document, or malformed)
    for more in handle:
        head.append(more)
        if more.strip():
            return True, head
    return False, head  # (one object on one line: one document, as before)


def _array_item(location: str, number: int, item: Any, warnings: list[str], text_field: str
                ) -> RawRecord:
    if isinstance(item, str):
        return RawRecord(location, number, {text_field: item}, warnings=warnings)
    if isinstance(item, dict):
        return RawRecord(location, number, item, warnings=warnings)
    return RawRecord(location, number,
                     error=f"expected an object or a string, got {type(item).__name__}")


def _parsed_items(source: InputFile, text: str, spans: list[tuple[int, int]],
                  warnings: list[str], text_field: str, id_field: str) -> Iterator[RawRecord]:
    """The records of the array items at ``spans`` of ``text``, each parsed as a JSONL line
    is, when it is handed out."""
    for number, (start, end) in enumerate(spans, start=1):
        location = f"{source.name}#{number}"
        item, item_warnings, error = _parse_json_line(
            text[start:end].encode("utf-8", "surrogatepass"), id_field)
        if error is not None:
            yield RawRecord(location, number, error=error)
        else:
            yield _array_item(location, number, item, warnings + item_warnings, text_field)


_STRUCTURE_RE = re.compile(r'[\[\]{},"]')
_STRING_RE = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.S)


def array_items(text: str) -> list[tuple[int, int]] | None:
    """The spans of the items of the JSON array ``text``, found without parsing them (no
    recursion: an item may be nested deeper than any parser goes), or None when ``text`` is
    no well-formed array at this level (strings closed, brackets balanced)."""
    opening = re.match(r"\s*\[", text)
    if opening is None:
        return None
    spans: list[tuple[int, int]] = []
    depth, start, pos = 0, opening.end(), opening.end()
    while True:
        m = _STRUCTURE_RE.search(text, pos)
        if m is None:
            return None
        c, at = m.group(), m.start()
        pos = at + 1
        if c == '"':
            string = _STRING_RE.match(text, at)
            if string is None:
                return None
            pos = string.end()
        elif c in "[{":
            depth += 1
        elif c in "]}" and depth:
            depth -= 1
        elif c == "," and not depth or c == "]":
            if c == "]" and not text[start:at].strip() and not spans:
                break  # "[]"
            spans.append((start, at))
            start = at + 1
            if c == "]":
                break
        elif c == "}":
            return None
    return spans if not text[pos:].strip() else None


def _parquet(source: InputFile, text_field: str, html_field: str | None) -> Iterator[RawRecord]:
    for first_row, batch, repeated in parquet_batches(source):
        yield from batch_records(source.name, first_row, batch, repeated)


def parquet_batches(source: InputFile) -> Iterator[tuple[int, Any, list[str]]]:
    """The Arrow record batches of a Parquet file, in order: (number of the batch's first
    row, batch, warnings that every row carries)."""
    import pyarrow.parquet as pq

    row = 1
    # (pre_buffer off: Arrow's default reads ahead and holds a file's column chunks, and the
    # main process grew by about the file's size while it read it: 601 MB at 80k documents in
    # one file of 166 MB, against 355 MB from JSONL; a probe measured Arrow's pool at 174 MB
    # with it, 18-36 MB without)
    with pq.ParquetFile(source.path, pre_buffer=False) as parquet:
        # (a row is a dict: of columns of one name, the last is read, as for a CSV header)
        repeated = _repeated_names(parquet.schema_arrow.names)
        # (one thread: Arrow's threads made decoding 3.5x slower on batches this small, and
        # the workers need the cores)
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH, use_threads=False):
            yield row, batch, repeated
            row += batch.num_rows


def utf8_field(raw: bytes, name: str, warnings: list[str]) -> str:
    """A field's bytes as UTF-8 text (a Parquet string cell that is not UTF-8, or a BINARY
    column read as text); invalid bytes are replaced, flagged in ``warnings`` with the byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        warnings.append(f"field {name!r}: invalid UTF-8 at byte {bad.start} of the value, "
                        "replaced with U+FFFD")
        return raw.decode("utf-8", "replace")


def batch_records(name: str, first_row: int, batch: Any, repeated: list[str]
                  ) -> Iterator[RawRecord]:
    """The records of a Parquet file's ``batch`` whose first row is row ``first_row``."""
    for row, (item, warnings) in enumerate(_batch_rows(batch), start=first_row):
        yield RawRecord(f"{name}:{row}", row, item, warnings=[*repeated, *warnings])


def _repeated_names(names: list[str]) -> list[str]:
    """A warning for each name that ``names`` (a header's, a schema's) hold more than once:
    a record is a dict, so the last such column is read."""
    return [f"the header names {name!r} {names.count(name)} times: the last such column is "
            "read" for name in sorted({name for name in names if names.count(name) > 1})]


def _batch_rows(batch: Any) -> Iterator[tuple[dict[str, Any], list[str]]]:
    """The rows of a Parquet batch as dicts. A value Python cannot hold (a timestamp past
    the year 9999, or in a time zone Python does not know) made ``to_pylist`` raise and the
    whole file a rejection; such a batch is converted cell by cell, and a cell that fails is
    kept as Arrow's text of it (else null), flagged."""
    try:
        rows = batch.to_pylist()
    except Exception as exc:  # (also a time zone Python does not know: a KeyError)
        reraise_if_interrupted(exc)
        rows = None
    if rows is not None:
        yield from ((item, []) for item in rows)
        return
    import pyarrow as pa

    names = batch.schema.names
    for index in range(batch.num_rows):
        item: dict[str, Any] = {}
        warnings: list[str] = []
        for name, column in zip(names, batch.columns, strict=True):
            cell = column.slice(index, 1)
            try:
                item[name] = cell.to_pylist()[0]
            except UnicodeDecodeError:  # a string column's bytes that are not UTF-8
                item[name] = utf8_field(cell.cast(pa.binary()).to_pylist()[0], name, warnings)
            except Exception as exc:
                reraise_if_interrupted(exc)
                kept = "kept as Arrow's text of it"
                try:
                    item[name] = cell.cast(pa.string()).to_pylist()[0]
                except Exception as cast_exc:
                    reraise_if_interrupted(cast_exc)
                    item[name], kept = None, "kept as null"
                warnings.append(f"field {name!r}: a value Python cannot hold "
                                f"({type(exc).__name__}: {exc}), {kept}")
        yield item, warnings


def _csv(source: InputFile, text_field: str, html_field: str | None) -> Iterator[RawRecord]:
    csv.field_size_limit(1 << 30)
    with open_binary(source.path) as raw:
        # utf-8-sig: a byte-order mark (Excel writes one) must not rename the first column;
        # a UTF-16 one ("Unicode text") names the encoding
        encoding = wide_bom(raw.peek(4)[:4]) or "utf-8-sig"
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        lines = _CsvLines(stream)
        header = next(lines, "")
        # A .tsv is the IANA format: fields split at tabs, rows at line ends, no quoting (a
        # text opening with a quotation, '"We will rebuild," the mayor said', lost its
        # quotation marks, and a lone one swallowed the rows after it into one field)
        tsv = _is_tsv(source.path.name)
        delimiter = "\t" if tsv else _delimiter(header, text_field, html_field)
        reader = csv.DictReader(itertools.chain([header] if header else [], lines),
                                delimiter=delimiter,
                                quoting=csv.QUOTE_NONE if tsv else csv.QUOTE_MINIMAL)
        rows = reader.reader = _LastRow(reader.reader)  # (a row's own length, see below)
        try:
            if reader.fieldnames is not None and lines.ended:
                yield RawRecord(source.name, 1, error=(
                    "malformed CSV: a quoted field of the header is not closed by the end of "
                    "the file; the whole file was read as the header"))
                return
            first_line = 2
            header_warnings = _repeated_names(reader.fieldnames or [])
            for row, item in enumerate(reader, start=1):
                location = f"{source.name}:{row}"
                if lines.ended:  # the row was still open at the end of the file: see _CsvLines
                    yield RawRecord(location, row, error=(
                        f"malformed CSV: the quoted field of row {row} (line {first_line}) is "
                        "not closed by the end of the file; the lines after it were read as "
                        "its text"))
                    return
                first_line = reader.line_num + 1 + lines.skipped
                if None in item:
                    extra = item.pop(None)
                    yield RawRecord(location, row, error=f"row has {len(extra)} more fields "
                                    f"than the header ({len(reader.fieldnames or [])})")
                    continue
                warnings = list(header_warnings)
                missing = [name for name, value in item.items() if value is None]
                if missing:  # (a short row: DictReader fills the header's last names with None)
                    # (counted on the row and the header as read: a repeated name is one key)
                    have, header = len(rows.last), len(reader.fieldnames or ())
                    if text_field in missing:
                        present = {k: v for k, v in item.items() if v is not None}
                        yield RawRecord(location, row, present, error=(
                            f"row has {have} fields, fewer than the header ({header}): no "
                            f"value for {text_field!r}"))
                        continue
                    warnings.append(f"row has {have} fields, fewer than the header "
                                    f"({header}): no value for {', '.join(map(repr, missing))}")
                # (the file is decoded as a stream, so where a byte was is known by the
                # character it became: the field and its place in the value)
                warnings += [f"field {name!r}: invalid UTF-8 (or U+FFFD in the input) at "
                             f"character {value.index(chr(0xFFFD))} of the value: replaced "
                             "with U+FFFD"
                             for name, value in item.items()
                             if isinstance(value, str) and "\ufffd" in value]
                yield RawRecord(location, row, dict(item), warnings=warnings)
        except csv.Error as exc:
            line = reader.line_num + lines.skipped
            yield RawRecord(f"{source.name}:{line}", line, error=f"malformed CSV: {exc}")


# Delimiters of "CSV" files besides the comma: Excel writes semicolons where the comma is the
# decimal mark (German, French, Spanish... settings), and tab- or pipe-separated exports are
# named .csv too.
OTHER_DELIMITERS = (";", "\t", "|")


def _delimiter(header: str, text_field: str, html_field: str | None) -> str:
    """The comma, unless the header read with commas lacks the text (or HTML) field and read
    with one of ``OTHER_DELIMITERS`` has it: such a file's every row was rejected as missing
    its text field."""
    wanted = {text_field, html_field} - {None}
    readings: dict[str, list[str]] = {}
    for delimiter in (",", *OTHER_DELIMITERS):
        if delimiter != "," and delimiter not in header:
            continue
        try:
            names = next(csv.reader([header.lstrip("\ufeff")], delimiter=delimiter), [])
        except csv.Error:
            continue
        if wanted & set(names):
            return delimiter
        readings[delimiter] = names
    # (no reading names the field: a header of one name with commas, "id;body;url", is read
    # with the delimiter that splits it most, so that the rows' rejections list its fields,
    # "missing text field 'text' (fields: body, id, url; ... --text-field body)", not one row
    # of 512 "fields" per line)
    if len(readings.get(",", ())) == 1:
        most = max(readings, key=lambda d: len(readings[d]))
        if len(readings[most]) > 1:
            return most
    return ","


class _LastRow:
    """A csv reader that keeps the last row it gave (``last``), for a short row's message."""

    def __init__(self, rows: Any) -> None:
        self._rows = rows
        self.last: list[str] = []

    @property
    def line_num(self) -> int:
        return int(self._rows.line_num)

    def __iter__(self) -> _LastRow:
        return self

    def __next__(self) -> list[str]:
        self.last = next(self._rows)
        return self.last


def _is_tsv(name: str) -> bool:
    name = name.lower()
    return any(name.endswith(".tsv" + packing) for packing in PACKINGS)


class _CsvLines:
    """The lines of a CSV stream, each ending with a newline (one is added to the last line
    if it has none), and whether the reader asked past the last one. The csv module, not
    strict, ends a quoted field left open at the end of the file as if it were closed: a
    stray opening quote silently made every later row the text of one. Since every line ends
    with a newline, a row still unfinished when the lines run out is such a row.

    Empty lines before the header are skipped (``skipped`` counts them): the csv module
    took the first one for a header of no names, and every row for a row with more fields
    than the header."""

    def __init__(self, stream: Iterable[str]) -> None:
        self._lines = iter(stream)
        self.ended = False
        self.skipped = 0
        self._started = False

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        try:
            line = next(self._lines)
            while not self._started and not line.strip("\r\n"):  # (before the header)
                self.skipped += 1
                line = next(self._lines)
        except StopIteration:
            self.ended = True
            raise
        self._started = True
        return line if line.endswith(("\n", "\r")) else line + "\n"


def _whole_file(source: InputFile, text_field: str, html_field: str | None) -> Iterator[RawRecord]:
    with open_binary(source.path) as handle:
        data = handle.read()
    if source.format == "html":  # in the encoding the page declares; a text file is UTF-8
        key, (text, warnings) = html_field or "html", decode_page(data)
    else:
        key, (text, warnings) = text_field, decode_file(data)
    fields = {"id": source.name}
    if source.format == "text":
        header = text_header(text)
        text = header.pop("text", text)
        fields.update(header)
    fields[key] = text
    yield RawRecord(source.name, None, fields, warnings=warnings)


# Jina Reader's header ("Title: ...", "URL Source: https://...", "Published Time: ...", then
# "Markdown Content:") and a Markdown file's YAML front matter ("---" / "title: ..." /
# "url: ..." / "date: ..." / "---"), as crawlers for language models save pages
_JINA_HEADER_RE = re.compile(
    r"\A\ufeff?Title: *(?P<title>[^\n]*)\n+URL Source: *(?P<url>\S*)[^\n]*\n+"
    r"(?:Published Time: *(?P<date>[^\n]*)\n+)?(?:(?!Markdown Content:)[^\n]+\n+){0,8}?"
    r"Markdown Content:[^\S\n]*\n")
_FRONT_MATTER_RE = re.compile(
    r"\A\ufeff?---[^\S\n]*\n(?P<body>(?:(?!---[^\S\n]*\n)[^\n]*\n){1,60}?)---[^\S\n]*(?:\n|\Z)")
_FRONT_MATTER_KEYS = {"title": "title", "url": "url", "source": "url", "source_url": "url",
                      "sourceurl": "url", "link": "url", "canonical_url": "url", "date": "date",
                      "published": "date", "published_time": "date", "publish_date": "date"}


def text_header(text: str) -> dict[str, str]:
    """The title, URL and date a text file's header gives (Jina Reader's, or YAML front
    matter's keys of those names: ``title``, ``url``/``source``/``link``,
    ``date``/``published``), and under ``"text"`` the text after the header; {} when the text
    has none. Read as a page's metadata, the header's lines were a page's first lines, and
    pages saved from many sites in one folder all had the folder for their site."""
    found: dict[str, str] = {}
    jina = _JINA_HEADER_RE.match(text)
    if jina is not None:
        found = {k: v.strip() for k, v in jina.groupdict().items() if v and v.strip()}
        found["text"] = text[jina.end():]
        return found
    front = _FRONT_MATTER_RE.match(text)
    if front is None:
        return {}
    for line in front.group("body").splitlines():
        key, sep, value = line.partition(":")
        name = _FRONT_MATTER_KEYS.get(key.strip().lower().replace("-", "_"))
        value = value.strip().strip("'\"").strip()
        if sep and name and value and name not in found:
            found[name] = value
    if not found:  # (front matter of other keys, a Hugo draft's: the text stays as it is)
        return {}
    found["text"] = text[front.end():]
    return found
