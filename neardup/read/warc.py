"""WARC files (``.warc``, ``.warc.gz``; Common Crawl's ``.wet``): a record per page response
(or resource, or conversion), read through warcio, with the record's URL and capture date.
Records that are no document (requests, metadata, warcinfo, revisits) are left out; a record
that is cut short, overruns its declared length or cannot be parsed is a rejected record with
its reason, never silently skipped."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from neardup.interrupts import reraise_if_interrupted
from neardup.read.charset import decode_page
from neardup.read.files import InputFile, open_binary
from neardup.read.records import RawRecord


def warc_records(source: InputFile, text_field: str, html_field: str | None
                 ) -> Iterator[RawRecord]:
    # Every response, resource and conversion record (a page's extracted text, as in WET
    # files) is a document: HTML goes to the HTML field, plain text to the text field,
    # anything else (PDF, images, scripts) becomes a rejection naming its type. Requests,
    # metadata, warcinfo and revisit records (a pointer to an earlier capture) describe the
    # crawl; they are not documents.
    # A file cut short (an interrupted download) ends inside a record: warcio then gives the
    # record's first bytes as if they were all of it, or stops without a word (it takes a
    # broken gzip stream, or a cut in a record's headers, for the end). So the gzip stream is
    # read here, where its break is seen, and the end is checked: the last record must hold
    # all its bytes, and parsing must have stopped where the bytes did.
    key = html_field or "html"
    last, count = None, 0
    with open_binary(source.path) as raw:
        handle = _CutShort(raw)
        handle.skip_blank_lines()
        records = _quiet_archive_iterator(handle)
        # A record is yielded once warcio has moved past it: only then is it known whether
        # its end was where its Content-Length said (see _overrun).
        pending: RawRecord | None = None
        errors = 0  # warcio's count of records not followed by a blank line, so far
        lost = 0  # records found inside others (numbers after them count them)
        numbered = enumerate(records, start=1)
        while True:
            try:
                number, record = next(numbered)
            except StopIteration:
                record = None
            except Exception as exc:
                settled = _settled(source.name, count, last, pending, records.err_count > errors)
                yield from settled
                count += max(len(settled) - 1, 0)  # (the records found inside this one)
                if isinstance(exc, OSError):
                    raise
                reraise_if_interrupted(exc)
                # A record warcio cannot parse: at the end of the file, one cut short in its
                # headers; else a malformed one (without its WARC-Target-URI warcio raised
                # AttributeError, and "unreadable file" named no record)
                reader = getattr(records, "reader", None)
                ended = handle.error is not None or (
                    not (reader is not None and reader.rem_length()) and not handle.read(1))
                yield RawRecord(f"{source.name}#{count + 1}", count + 1, error=(
                    _CUT_HEADERS if ended else
                    f"malformed WARC record: warcio cannot read record {count + 1} (at byte "
                    f"{records.offset:,}): {type(exc).__name__}: {exc}; the rest of the file "
                    "is not read"))
                return
            settled = _settled(source.name, count, last, pending, records.err_count > errors)
            yield from settled
            lost += max(len(settled) - 1, 0)  # (the records found inside the last one)
            pending, errors = None, records.err_count
            if record is None:
                break
            number += lost
            if record.format != "warc":  # warcio takes a line of five words for an ARC header
                yield RawRecord(source.name if number == 1 else f"{source.name}#{number}", number,
                                error=f"unreadable file: not a WARC file (record {number}, at "
                                f"byte {records.offset:,}, has no WARC/1.x header); the rest "
                                "of the file is not read")
                return
            last, count = record, number
            if record.length is None or not _declared_length(record):
                # no Content-Length, or one cut short ("Content-Length:" read as 0): the file
                # ends inside the record's headers
                break
            if record.rec_type in _CRAWL_RECORDS:
                continue  # (they describe the crawl: no page of their own)
            page = _page_record(record, f"{source.name}#{number}", number, key, text_field)
            if _missing_bytes(record):
                break  # the file ends inside this record: rejected below
            pending = page
        if record is None and (last is None or not _missing_bytes(last)):
            if handle.error is None and records.offset >= handle.size:
                return  # the file ends where its last record does
            yield RawRecord(f"{source.name}#{count + 1}", count + 1, error=_CUT_HEADERS)
            return
    location = f"{source.name}#{count}"  # the file ends inside record ``count``
    declared = (last.rec_headers.get_header("Content-Length") or "").strip()
    cut_headers = last.length is None or not _declared_length(last)
    if cut_headers and declared:  # a length that is no number: not a file cut short
        error = (f"malformed WARC record: Content-Length {declared[:40]!r} is not a number of "
                 "bytes, so where the record ends is unknown; the rest of the file is not read")
    elif cut_headers:
        error = _CUT_HEADERS
    else:
        error = (f"truncated WARC record: the file ends {_missing_bytes(last):,} bytes before "
                 "the record's end")
    yield RawRecord(location, count, _warc_fields(last, location), error=error)


def _page_record(record: Any, location: str, number: int, html_key: str, text_field: str
                 ) -> RawRecord:
    """The document of a WARC record that is no crawl record, read to its end: its page (HTML
    in ``html_key``, plain text in ``text_field``), or a rejection saying why it has none (a
    record of another type, an HTTP response without a status line, a type that is neither
    HTML nor plain text). The caller then checks that all its bytes were there."""
    fields = _warc_fields(record, location)
    if record.rec_type not in _DOCUMENT_RECORDS:
        # (a record of no type, an unknown one or a continuation must not vanish)
        _read_to_end(record)
        return RawRecord(location, number, fields, error=_unread_type(record.rec_type))
    headers = record.http_headers
    # an HTTP response's type is in its HTTP headers; a resource's, a conversion's or a
    # response of another protocol's (dns:) is the WARC record's own
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if headers and not headers.protocol.upper().startswith("HTTP/") and (
            record.rec_type == "response" and uri.lower().startswith("http")):
        # warcio reads a response's block as an HTTP message: one without a status line lost
        # its first line(s) to it, so the text would be wrong
        _read_to_end(record)
        return RawRecord(location, number, fields, error=(
            "WARC response without an HTTP status line (a response record holds the HTTP "
            "response; a page stored without one is a 'resource' record)"))
    status = headers.get_statuscode() if headers and record.rec_type == "response" else None
    if status and not status.startswith("2"):
        # (an error page, "404 Not Found", or a redirect's "This document has moved": the
        # server's answer, not the page's content)
        _read_to_end(record)
        return RawRecord(location, number, fields, error=(
            f"WARC response with HTTP status {headers.statusline.strip()[:60]}: not a "
            "page's content"))
    header = (headers.get_header("Content-Type") if headers else record.content_type) or ""
    ctype = header.lower()
    html = "html" in ctype
    field_name = html_key if html else text_field if "text/plain" in ctype else None
    if field_name is None:
        _read_to_end(record)  # (as warcio would: is it all there?)
        return RawRecord(location, number, fields, error=(
            f"WARC {record.rec_type} is not HTML or plain text "
            f"(Content-Type: {ctype.split(';')[0].strip() or 'none'})"))
    text, warnings = decode_page(record.content_stream().read(), header, markup=html)
    fields[field_name] = text
    return RawRecord(location, number, fields, warnings=warnings)


def _read_to_end(record: Any) -> None:
    while record.raw_stream.read(1 << 16):
        pass


def _quiet_archive_iterator(handle: Any) -> Any:
    """warcio's iterator over ``handle``, without its warning on stderr for a record whose
    Content-Length is wrong (printed even with --quiet, once per pass over the file):
    :func:`_overrun` says it, as a rejection."""
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(handle)
    records.INC_RECORD = ""  # (the warning's format string: it writes nothing)
    # warcio also logs a WARC-Target-URI with spaces, which it percent-encodes, as a warning
    # that Python's last-resort handler printed on stderr even with --quiet (a handler on its
    # logger keeps it off; an application that configures logging still sees it)
    logger = logging.getLogger("warcio")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())
    return records


def _settled(name: str, number: int, record: Any, pending: RawRecord | None, overran: bool
             ) -> list[RawRecord]:
    """What to yield for record ``number`` once warcio has moved past it: ``pending`` (what
    was read of it, None if it is no document), or, when it ``overran`` its end, the
    rejections of :func:`_overrun`."""
    if overran:
        return list(_overrun(name, number, record, pending))
    return [] if pending is None else [pending]


def _overrun(name: str, number: int, record: Any, pending: RawRecord | None
             ) -> Iterator[RawRecord]:
    """Record ``number`` (``record``; ``pending``: what was read of it, if it is a document)
    did not end where its Content-Length said: the bytes after that end are no blank line.
    warcio says so on stderr and reads on from the next record header it finds, so a length
    too large took the start of the record after it (or more) as its own, and that record
    was silently lost. This record is a rejection, and each record header inside its text
    (a record it swallowed) is one too."""
    location = f"{name}#{number}"
    fields = pending.fields if pending is not None else _warc_fields(record, location)
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    yield RawRecord(location, number, fields, error=(
        f"malformed WARC record: its Content-Length ({declared[:40]}) does not end it at a "
        "record separator, so the length is wrong and its text is not its own; a record after "
        "it may be inside it"))
    text = next((v for v in fields.values() if isinstance(v, str) and "WARC/1." in v), "")
    for i, _ in enumerate(_WARC_HEADER_RE.finditer(text), start=1):
        yield RawRecord(f"{name}#{number + i}", number + i, error=(
            f"malformed WARC file: a record inside record #{number}, whose Content-Length runs "
            "past its end; not read"))


_WARC_HEADER_RE = re.compile(r"(?m)^WARC/1\.[01]\r?$")
_DOCUMENT_RECORDS = ("response", "resource", "conversion")
_CRAWL_RECORDS = ("request", "metadata", "warcinfo", "revisit")


def _unread_type(rec_type: str | None) -> str:
    """The reason a WARC record of no known type is rejected (WARC 1.1 types are lower-case)."""
    if not rec_type:
        return "WARC record without a WARC-Type header: not read"
    if rec_type == "continuation":
        return ("WARC continuation record (a segment of a record split in several): "
                "segmented records are not joined, so it is not read")
    known = (*_DOCUMENT_RECORDS, *_CRAWL_RECORDS, "continuation")
    hint = (f" (WARC types are lower-case: {rec_type.lower()!r})"
            if rec_type.lower() in known else "")
    return (f"WARC record of unknown type {rec_type[:40]!r}{hint}: pages are read from "
            "response, resource and conversion records")
_CUT_HEADERS = "truncated WARC record: the file ends inside its headers"


# A WARC record's capture time (WARC-Date) is its document's date until cleaning finds the
# page's own (see clean.take_page_date); it stays in the metadata under this name.
CRAWL_DATE = "crawl_date"


# The languages a crawler identified in a record ("eng,fra"; Common Crawl's WET and WARC
# records since 2018), kept in the metadata under this name when the record has them.
LANGUAGE = "language"


def _warc_fields(record: Any, location: str) -> dict[str, Any]:
    headers = record.rec_headers
    captured = headers.get_header("WARC-Date")
    fields = {"id": headers.get_header("WARC-Record-ID") or location,
              "url": headers.get_header("WARC-Target-URI"),
              "date": captured, CRAWL_DATE: captured}
    language = (headers.get_header("WARC-Identified-Content-Language") or "").strip()
    if language:
        fields[LANGUAGE] = language
    return fields


class _CutShort:
    """A binary stream that ends where the stream it wraps breaks off (a gzip file cut short
    raises EOFError), and remembers the error and how many bytes it gave. It reads with
    ``read1``: a ``read`` that meets the break raises and loses the bytes it had decompressed
    before it."""

    def __init__(self, stream: Any) -> None:
        self._read = getattr(stream, "read1", stream.read)
        self.error: EOFError | None = None
        self.size = 0
        self._head = b""

    def read(self, size: int = -1) -> bytes:
        if self._head:
            data, self._head = self._head, b""
            self.size += len(data)
            return data
        try:
            data = self._read(size)
        except EOFError as exc:
            self.error = exc
            return b""
        self.size += len(data)
        return data

    def skip_blank_lines(self) -> None:
        """Leave out the line breaks the stream opens with (before a WARC file's first
        record: warcio took such a file for one cut inside its first record's headers, and
        every record of it was lost behind that rejection)."""
        while True:
            data = self.read(1 << 16)
            self.size -= len(data)  # (offsets count from the first record; ``rest`` is given
            rest = data.lstrip(b"\r\n")  # again by the next read)
            if rest or not data:
                self._head = rest
                return


def _declared_length(record: Any) -> bool:
    """Whether the record's Content-Length header holds a number (warcio reads an empty one,
    where a file cut short ends, as 0)."""
    value = record.rec_headers.get_header("Content-Length") or ""
    return value.strip().isdigit()


def _missing_bytes(record: Any) -> int:
    """Bytes of a WARC record's block that the file does not hold (once read to its end)."""
    return getattr(record.raw_stream, "limit", 0) or 0 if record.length is not None else 1
