"""Records → ``Document``s: field mapping, ids, and the checks that turn bad input into
recorded rejections (or, with ``strict``, into an ``InputError`` naming file, line and field).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from neardup.document import Document
from neardup.errors import InputError
from neardup.read.files import list_input_files
from neardup.read.records import read_records
from neardup.sketch.hashing import stable_hash


@dataclass(frozen=True)
class ReadOptions:
    text_field: str = "text"
    id_field: str = "id"
    url_field: str = "url"
    date_field: str = "date"
    html_field: str | None = None  # a field holding HTML to clean (HTML files always do)
    max_chars: int = 10_000_000  # longer texts are rejected (a 50 MB blob is not an article)
    strict: bool = False


_PLAIN_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://([a-z0-9.-]+)(?=[/?#]|$)")


def site_of(url: str | None, folder: str) -> str:
    """The publisher a page belongs to: the URL's host without "www.", else its folder."""
    if url:
        plain = _PLAIN_HOST.match(url)  # the common case, without urlsplit's cost
        host = plain.group(1) if plain else (
            urlsplit(url if "//" in url else f"//{url}").hostname or "")
        if host:
            return host.removeprefix("www.")
    return folder


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def read_documents(inputs: list[str | Path], options: ReadOptions | None = None
                   ) -> Iterator[Document]:
    """Stream the documents of every INPUT, in input order, rejections included.

    ``Document.index`` numbers them from 0. A rejected document has ``rejected`` set and an
    empty text; in strict mode the first problem raises ``InputError`` instead.
    """
    options = options or ReadOptions()
    seen_ids: dict[int, str] = {}  # stable id hash → source of first use (ids stay off-heap)
    index = 0
    for source in list_input_files(inputs):
        for record in read_records(source, options.text_field, options.html_field):
            doc = _to_document(record, source.folder, source.format, index, options)
            yield _accounted(doc, seen_ids, options)
            index += 1


def _to_document(record, folder: str, fmt: str, index: int, options: ReadOptions) -> Document:
    fields = dict(record.fields)
    doc_id = _as_text(fields.pop(options.id_field, None)) or record.location
    if fmt in ("text", "html"):
        doc_id = record.location
    doc = Document(id=doc_id, text="", index=index, source=record.location,
                   warnings=list(record.warnings))
    if record.error is not None:
        doc.rejected = record.error
        return doc
    doc.url = _as_text(fields.pop(options.url_field, None))
    doc.date = _as_text(fields.pop(options.date_field, None))
    doc.site = site_of(doc.url, folder)
    html_key = options.html_field or ("html" if fmt in ("html", "warc") else None)
    html = _as_text(fields.pop(html_key, None)) if html_key else None
    text = fields.pop(options.text_field, None)
    doc.metadata = fields
    if html is not None:
        doc.html = html
        size = len(html)
    elif text is None:
        available = ", ".join(sorted(map(str, record.fields))) or "none"
        doc.rejected = f"missing text field {options.text_field!r} (fields: {available})"
        return doc
    elif not isinstance(text, str):
        doc.rejected = (f"field {options.text_field!r} must be a string, "
                        f"got {type(text).__name__}")
        return doc
    else:
        doc.text = text
        size = len(text)
    if size > options.max_chars:
        doc.rejected = f"text too long: {size:,} characters > max_chars {options.max_chars:,}"
        doc.text, doc.html = "", None
    elif not (html or text or "").strip():
        doc.rejected = "empty text"
        doc.text, doc.html = "", None
    return doc


def documents_from_objects(items: Iterable[Any], options: ReadOptions | None = None
                           ) -> Iterator[Document]:
    """The Python-API input: strings, dicts (same field mapping as files) or ``Document``s.

    Ids default to the position (``"0"``, ``"1"``, ...); every item yields one document,
    rejections included, exactly as ``read_documents`` does for files.
    """
    from neardup.read.records import RawRecord

    options = options or ReadOptions()
    seen: dict[int, str] = {}
    for index, item in enumerate(items):
        location = str(index)
        if isinstance(item, Document):
            doc = item
            doc.index = index
            doc.source = doc.source or location
            doc.site = doc.site or site_of(doc.url, "")
            if doc.rejected is None and not (doc.html or doc.text).strip():
                doc.rejected = "empty text"
        else:
            if isinstance(item, str):
                record = RawRecord(location, index, {options.text_field: item})
            elif isinstance(item, dict):
                record = RawRecord(location, index, dict(item))
            else:
                record = RawRecord(location, index,
                                   error=f"expected str, dict or Document, got "
                                   f"{type(item).__name__}")
            doc = _to_document(record, "", "jsonl", index, options)
        yield _accounted(doc, seen, options)


def _accounted(doc: Document, seen_ids: dict[int, str], options: ReadOptions) -> Document:
    """Reject a repeated id (the first use keeps it); in strict mode, raise on any rejection."""
    if doc.rejected is None:
        key = stable_hash(doc.id)
        first = seen_ids.get(key)
        if first is not None:
            doc.rejected = f"duplicate id {doc.id!r} (first seen at {first})"
            doc.text, doc.html = "", None
        else:
            seen_ids[key] = doc.source
    if doc.rejected is not None and options.strict:
        raise InputError(doc.source, doc.rejected)
    return doc
