"""Records → ``Document``s: field mapping, ids, and the checks that turn bad input into
recorded rejections (or, with ``strict``, into an ``InputError`` naming file, line and field).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neardup.document import Document
from neardup.errors import InputError, UsageError
from neardup.firstseen import FirstSeen
from neardup.normalize import HONORIFICS, has_tokens
from neardup.read.files import list_input_files
from neardup.read.objects import (
    MAX_DEPTH,
    NOT_SCALAR,
    TOO_DEEP,
    api_fields,
    api_text,
    missing_number,
)
from neardup.read.records import (
    RawRecord,
    id_without_surrogates,
    read_records,
    utf8_field,
    without_surrogates,
)
from neardup.read.sites import site_of
from neardup.sketch.hashing import stable_hash
from neardup.validate import check_types


@dataclass(frozen=True)
class ReadOptions:
    text_field: str = "text"
    id_field: str = "id"
    url_field: str = "url"
    date_field: str = "date"
    title_field: str = "title"  # (a title given is the document's, cleaning or not)
    html_field: str | None = None  # a field holding HTML to clean (HTML files always do)
    # a field naming the publisher (a news database's "publication"), the site instead of the
    # URL's host
    site_field: str | None = None
    max_chars: int = 10_000_000  # longer texts are rejected (a 50 MB blob is not an article)
    strict: bool = False

    def __post_init__(self) -> None:
        check_types(self)
        names = {"text_field": self.text_field, "id_field": self.id_field,
                 "url_field": self.url_field, "date_field": self.date_field,
                 "title_field": self.title_field, "html_field": self.html_field,
                 "site_field": self.site_field}
        for name, value in names.items():
            if value == "":  # (no record has a field of no name: all would be read without it)
                raise UsageError(f"{name} is empty: name a field of the records")
        for name in ("id_field", "url_field", "date_field", "title_field", "site_field"):
            if names[name] == self.text_field:  # the field would be taken for the other
                raise UsageError(f"text_field and {name} name the same field "
                                 f"{self.text_field!r}")
        if self.max_chars < 1:  # every document would be rejected as too long
            raise UsageError(f"max_chars must be >= 1, got {self.max_chars}")




_LETTER_OR_DIGIT = re.compile(r"[^\W_]|%")  # in any script ("%" is the word "percent")
# Letters whose NFKC form is a space and combining marks only (Arabic presentation forms of
# vowel signs, half-width kana voicing marks): they normalise to no word.
_WORD_CHAR = re.compile(r"[^\W_\uFC5E-\uFC63\uFE70\uFE72\uFE74\uFE76\uFE78\uFE7A\uFE7C"
                        r"\uFE7E\uFF9E\uFF9F]|%")
NO_WORDS = "no words: no letter or digit in the text, or only honorifics (Mr, Mrs)"
# First words that may be no word once normalised (an honorific, "M" of "M.R."; see has_words)
_FIRST_WORD = re.compile(r"[^\W_]+")
_NOT_FIRST_WORDS = frozenset([*HONORIFICS, "m"])
# HTML in the text field: a whole page (a crawl dump's "content", a page saved as .txt) or an
# article body as CMS exports and news APIs deliver it ("<p>...</p><p>...</p>"). Read as text,
# its markup, scripts and styles were words, its page around the article was never taken off,
# and a body of paragraphs without line breaks was one line (AEB pages: F1 0.204; their gold
# bodies in <p> tags: 0.844). It is read as from an HTML field instead (extracted, then
# cleaned), with a warning, when the text opens (after spaces or a byte-order mark) with a
# doctype, <html> or a block element's tag; a text with some inline tags stays text.
_HTML_OPENING_RE = re.compile(
    r"[\s\ufeff]*(?:<!doctype\s+html|<(?:html|head|body|div|p|article|section|main|header|"
    r"h[1-6]|ul|ol|table|figure|blockquote))[\s/>]", re.I)
HTML_IN_TEXT = "the text field holds HTML (a page or an article body): read as HTML"


def has_words(text: str) -> bool:
    """Whether ``text`` has a word to match on: a letter or a digit once normalised (NFKC,
    case folding), outside an honorific; or a "%".
    A text of punctuation, symbols, emoji or zero-width characters normalises to nothing:
    such texts would all be exact copies of one another, one story of unrelated documents."""
    m = _WORD_CHAR.search(text)
    if m is not None:
        first = _FIRST_WORD.match(text, m.start())
        word = first.group(0) if first is not None else ""
        if (word.isascii() and word.lower() not in _NOT_FIRST_WORDS
                and text[m.start() - 1: m.start()] not in ("&", "#")):  # (not in "&amp;")
            return True  # (the common case: a plain first word)
    elif _LETTER_OR_DIGIT.search(unicodedata.normalize("NFKC", text).casefold()) is None:
        return False
    # Symbols that NFKC turns into letters or digits ("™" → "TM", "①" → "1") still count, and
    # honorifics, character references and mojibake marks do not ("Mr.", "M.R.", "🅬",
    # "&amp;", "â€”": normalize.tokens drops, decodes or repairs them): the words decide.
    return has_tokens(text)


def _mapped_text(value: Any, name: str, role: str, fields: dict[str, Any],
                 warnings: list[str]) -> str | None:
    """A mapped field's value (``name``, read as the document's ``role``: id, URL, date) as
    text: bytes (a Parquet BINARY column) are UTF-8, a number or a Parquet timestamp is its
    ``str()``; true/false, an object or an array is put back among the record's other fields
    (its metadata) with a warning, and the field is read as absent (``str()`` made Python's
    spelling of it the id, "True", "{'a': 1}")."""
    if value is None or value.__class__ is str:
        return value
    if value.__class__ is bytes:
        return utf8_field(value, name, warnings)
    if missing_number(value):
        return None  # (pandas' missing value: an id, URL or date "nan" named nothing; NumPy's
        # float32 and float64 NaN too)
    kind = NOT_SCALAR.get(value.__class__)
    if kind is None:
        if isinstance(value, datetime.date):  # (a Parquet timestamp, an API's datetime)
            return value.isoformat()  # (as the metadata writes one: "2022-01-01T12:00:00")
        return str(value)
    fields[name] = value
    warnings.append(f"field {name!r} holds {kind}, not a string or number: kept in the "
                    f"metadata, not read as the {role}")
    return None


def read_documents(inputs: list[str | Path], options: ReadOptions | None = None,
                   account: bool = True, skip: str | Path | None = None) -> Iterator[Document]:
    """Stream the documents of every INPUT, in input order, rejections included.

    ``Document.index`` numbers them from 0. A rejected document has ``rejected`` set and an
    empty text; in strict mode the first problem raises ``InputError`` instead. With
    ``account`` off, repeated ids are not checked and strict mode does not raise: the caller
    does both, in input order, after the workers (``IdRegistry``, ``raise_if_strict``).
    ``skip``: a folder whose files are not input (the output folder). (A run reads its input
    as units of work instead, ``read_shards``: the same documents.)
    """
    options = options or ReadOptions()
    ids = IdRegistry()
    index = 0
    for source in list_input_files(inputs, skip):
        for record in read_records(source, options.text_field, options.html_field,
                                   options.id_field):
            doc = to_document(record, source.folder, source.format, index, options)
            if account:
                ids.check(doc)
                raise_if_strict(doc, options)
            yield doc
            index += 1


# The record fields an option names, with the name they have by default: a name given that
# no record holds is a mistake to say (all ids became FILE:LINE, all URLs null, in silence)
_NAMED_FIELDS = (("id_field", "id"), ("url_field", "url"), ("date_field", "date"),
                 ("title_field", "title"), ("html_field", None), ("site_field", None))
_RECORD_FORMATS = ("jsonl", "json", "csv", "parquet")
_WHOLE_READ_LIMIT = 1 << 26


def nested_field(fields: dict[str, Any], path: str) -> Any:
    """The value at the dotted ``path`` of nested records ("metadata.url", as Dolma and
    RedPajama write the URL), or None; it stays in the metadata, where it is."""
    value: Any = fields
    for key in path.split("."):
        if value.__class__ is not dict or key not in value:
            return None
        value = value[key]
    return value


def unfound_fields(inputs: list[str | Path], options: ReadOptions,
                   skip: str | Path | None = None, sample: int = 100) -> list[str]:
    """What to say of the field options given (not their defaults) that name no field of the
    first ``sample`` records of the first file of records."""
    named = [(flag, getattr(options, flag)) for flag, default in _NAMED_FIELDS
             if getattr(options, flag) not in (None, default)]
    if not named:
        return []
    for source in list_input_files(inputs, skip):
        if source.format not in _RECORD_FORMATS or source.error is not None:
            continue
        try:  # (a .json array is read whole: a large one is not read for this)
            if source.format == "json" and source.path.stat().st_size > _WHOLE_READ_LIMIT:
                continue
        except OSError:
            continue
        fields: set[str] = set()
        found: set[str] = set()  # (the dotted paths some record has)
        count = 0
        for record in read_records(source, options.text_field, options.html_field,
                                   options.id_field):
            if record.fields:
                fields.update(map(str, record.fields))
                found.update(name for _, name in named if "." in name
                             and nested_field(record.fields, name) is not None)
                count += 1
                if count >= sample:
                    break
        if not count:
            continue
        shown = ", ".join(sorted(fields)[:20]) + (", ..." if len(fields) > 20 else "")
        return [f"--{flag.replace('_', '-')} {name!r} names no field of the first "
                f"{count:,} records of {source.name} (fields: {shown}); is it the right name?"
                for flag, name in named if name not in fields and name not in found]
    return []


def to_document(record: RawRecord, folder: str, fmt: str, index: int,
                options: ReadOptions) -> Document:
    """The document of a record a reader yielded (``read/records.py``): its fields mapped, or
    a rejection with the reader's reason."""
    if record.error is None:
        return fields_document(record.fields, record.location, folder, fmt, index, options,
                               list(record.warnings))
    # (a WARC record of another type still says which page)
    fields = dict(record.fields)
    warnings = list(record.warnings)
    id_field, url_field, date_field, _ = _field_names_of(fmt, options)
    doc_id = _mapped_text(fields.pop(id_field, None), id_field, "id", fields,
                          warnings) or record.location
    if fmt in ("text", "html"):
        doc_id = record.location
    url = _mapped_text(fields.pop(url_field, None), url_field, "URL", fields, warnings)
    date = _mapped_text(fields.pop(date_field, None), date_field, "date", fields, warnings)
    return Document(id=doc_id, text="", index=index, source=record.location, url=url,
                    date=date, site=site_of(url, folder), rejected=record.error,
                    warnings=warnings)


def trim_deep(metadata: dict[str, Any], warnings: list[str]) -> None:
    """Leave out (with a warning) the metadata fields nested deeper than ``MAX_DEPTH``: orjson
    reads 1,024 levels but writes 255, and such a field stopped the write pass."""
    for value in metadata.values():
        if value.__class__ is dict or value.__class__ is list:
            break
    else:
        return  # (the common record: flat metadata)
    for key in deep_fields(metadata):
        del metadata[key]
        warnings.append(f"field {key!r} left out: {TOO_DEEP}")


def deep_fields(fields: dict[str, Any]) -> list[str]:
    """The fields nested deeper than ``MAX_DEPTH``."""
    return [key for key, value in fields.items()
            if (value.__class__ is dict or value.__class__ is list)
            and _deeper_than(value, MAX_DEPTH)]


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether anything in ``value`` (at level 1) is at a level past ``limit``. Level by level,
    the containers of each in one comprehension: an item at a time took 115 µs for a record
    with 50 entities, five times the rest of its read (not recursive: json reads deeper than
    Python's recursion limit)."""
    level = [value]
    for _ in range(limit - 1):
        level = [child for item in level
                 for child in (item.values() if item.__class__ is dict else item)
                 if child.__class__ is dict or child.__class__ is list]
        if not level:
            return False
    return any(level)  # (the containers at level ``limit``: a child of one is past it)


def _field_names(fields: dict[str, Any], wanted: str) -> str:
    """The field names of a record without ``wanted``, for its rejection: a name with spaces
    around it quoted (a CSV header "id, text" names " text", which looked like "text"), and
    one that differs from ``wanted`` only by spaces or case pointed out."""
    names = sorted(map(str, fields))
    listed = ", ".join(repr(n) if n != n.strip() or not n else n for n in names) or "none"
    near = [n for n in names if n.strip().casefold() == wanted.strip().casefold()]
    if near:
        return f"{listed}; did you mean {near[0]!r}?"
    # (a crawl dump's page as HTML, or its text under another common name)
    html = [n for n in names if "html" in n.casefold() and isinstance(fields[n], str)]
    if html:
        return f"{listed}; read HTML with --html-field {html[0]}"
    text = [n for n in names if n.casefold() in _TEXT_NAMES and isinstance(fields[n], str)]
    return f"{listed}; take the text from another field with --text-field {text[0]}" if text \
        else listed


_TEXT_NAMES = frozenset("content body article raw_content maintext main_text text_content "
                        "article_text articlebody".split())


def _mapped_field(value: Any, fields: dict[str, Any], name: str, role: str,
                  warnings: list[str]) -> str | None:
    """The ``value`` taken out of the record's field ``name``, when it is no string, as its
    ``role`` (id, URL, ...: :func:`_mapped_text`); with no such field, a dotted path into
    nested records is read where it is, and stays there (a value that is no text was put back
    as a flat key the input never had). Callers take a string value as it is, without the
    call: this runs for every record."""
    inside = fields
    if value is None and "." in name:
        value, inside = nested_field(fields, name), {}
    if value.__class__ is not str:
        value = _mapped_text(value, name, role, inside, warnings)
    return value


def _given_text(fields: dict[str, Any], name: str) -> str | None:
    """The field ``name`` taken out of ``fields`` when it holds text, else None (left)."""
    value = fields.get(name)
    if value.__class__ is str and value.strip():
        del fields[name]
        return value
    return None


_OWN_NAMES = ("id", "url", "date", "title")
_OWN_FIELDS = frozenset(("text", "html", "warc"))  # formats whose records neardup makes


def _field_names_of(fmt: str, options: ReadOptions) -> tuple[str, str, str, str]:
    """The fields that hold a record's id, URL, date and title. The field options name the
    fields of the user's records; a text file's header, an HTML page and a WARC record give
    theirs under neardup's own names (with --url-field metadata.url, for a JSONL crawl, a
    Markdown file's front-matter URL and a WARC record's went to the metadata, and with
    --id-field a WARC record lost its id)."""
    if fmt in _OWN_FIELDS:
        return _OWN_NAMES
    return options.id_field, options.url_field, options.date_field, options.title_field


def fields_document(fields: dict[str, Any], location: str, folder: str, fmt: str, index: int,
                    options: ReadOptions, warnings: list[str]) -> Document:
    """The document of a record's ``fields`` (taken over: what the mapped fields leave of it
    is the metadata)."""
    text_field = options.text_field
    present = text_field in fields
    # the field names for the message of a missing text (rare), before any is taken out
    available = "" if present else _field_names(fields, text_field)
    pop = fields.pop
    id_field, url_field, date_field, title_field = _field_names_of(fmt, options)
    doc_id = pop(id_field, None)
    if doc_id.__class__ is not str:
        doc_id = _mapped_field(doc_id, fields, id_field, "id", warnings)
    if not doc_id or fmt in ("text", "html"):
        doc_id = location
    url = pop(url_field, None)
    if url.__class__ is not str:
        url = _mapped_field(url, fields, url_field, "URL", warnings)
    date = pop(date_field, None)
    if date.__class__ is not str:
        date = _mapped_field(date, fields, date_field, "date", warnings)
    title = pop(title_field, None)
    if title.__class__ is not str:
        title = _mapped_field(title, fields, title_field, "title", warnings)
    # (an empty CSV cell or JSON "" is no URL, date or title: null in the output, as a Parquet
    # null)
    if url is not None and not url.strip():
        url = None
    if date is not None and not date.strip():
        date = None
    if title is not None and not title.strip():
        title = None
    # (the byline and dateline of a record that gives them, as a neardup clean run's output
    # does: read back by dedup, they were left in its metadata)
    byline = _given_text(fields, "byline") if "byline" in fields else None
    dateline = _given_text(fields, "dateline") if "dateline" in fields else None
    html_key = options.html_field or ("html" if fmt in ("html", "warc") else None)
    html = pop(html_key, None) if html_key else None
    text = pop(text_field, None)
    if text.__class__ is bytes:  # (a Parquet BINARY column: Spark and Hive write strings so)
        text = utf8_field(text, text_field, warnings)
    if html.__class__ is bytes:
        html = utf8_field(html, html_key, warnings)
    site = site_of(url, folder)
    if options.site_field is not None:
        named = pop(options.site_field, None)
        if named.__class__ is not str:
            named = _mapped_field(named, fields, options.site_field, "site", warnings)
        if named is not None and named.strip():
            site = " ".join(named.split())
    trim_deep(fields, warnings)
    if html is not None and html.__class__ is not str and isinstance(text, str):
        # (as a null HTML field does: the record's text is read; without one, a rejection)
        warnings.append(f"field {html_key!r} must be a string, got {type(html).__name__}: "
                        f"field {text_field!r} read instead")
        html = None
    if html is None and isinstance(text, str) and _HTML_OPENING_RE.match(text) is not None:
        html, text = text, None
        warnings.append(HTML_IN_TEXT)
    if html is None and isinstance(text, str):  # the common case
        size = len(text)
        rejected = None
        if size > options.max_chars:
            rejected = (f"text too long: {size:,} characters > "
                        f"max_chars {options.max_chars:,}")
        elif not size or text.isspace():  # (as ``not text.strip()``, without its copy)
            rejected = "empty text"
            if fields.get("status") == "rejected" and fields.get("reason").__class__ is str:
                # (a record a neardup run rejected, read back: say why it has no text)
                rejected = f"empty text: the run that wrote it rejected it ({fields['reason']})"
        elif not has_words(text):
            rejected = NO_WORDS
        # (positional: a third faster than keywords; the fields in their order, see Document)
        return Document(doc_id, "" if rejected else text, index, location, url, date, site,
                        None, None, title, byline, dateline, [], fields, rejected, warnings)
    doc = Document(id=doc_id, text="", index=index, source=location, url=url, date=date,
                   site=site, title=title, byline=byline, dateline=dateline, metadata=fields,
                   warnings=warnings, folder="" if url else folder)  # (see clean.take_page_url)
    if html is not None and not isinstance(html, str):
        doc.rejected = f"field {html_key!r} must be a string, got {type(html).__name__}"
        return doc
    if html is not None:
        doc.html = html
        size = len(html)
        if isinstance(text, str):  # kept: what cleaning falls back on when the page is empty
            doc.text = text
            size = max(size, len(text))
    elif text is None and present:
        doc.rejected = f"field {text_field!r} is null"
        return doc
    elif text is None:
        doc.rejected = f"missing text field {text_field!r} (fields: {available})"
        return doc
    else:
        doc.rejected = f"field {text_field!r} must be a string, got {type(text).__name__}"
        return doc
    if size > options.max_chars:
        # (an HTML page is measured as HTML: its text is not known before extraction)
        what = "page too long: HTML of" if html is not None and size == len(html) \
            else "text too long:"
        doc.rejected = f"{what} {size:,} characters > max_chars {options.max_chars:,}"
        doc.text, doc.html = "", None
    elif not (html or doc.text).strip():
        doc.rejected = "empty text"
        doc.text, doc.html = "", None
    return doc


def documents_from_objects(items: Iterable[Any], options: ReadOptions | None = None,
                           account: bool = True) -> Iterator[Document]:
    """The Python-API input: strings, dicts (same field mapping as files) or ``Document``s.

    Ids default to the position (``"0"``, ``"1"``, ...); every item yields one document,
    rejections included, exactly as ``read_documents`` does for files.
    """
    options = options or ReadOptions()
    ids = IdRegistry()
    for index, item in enumerate(items):
        location = str(index)
        warnings: list[str] = []  # lone surrogates ("\ud800"), which no output can hold
        if isinstance(item, Document):
            doc = item
            left_out: list[str] = []  # values no output can hold (see api_fields)
            for name in ("id", "url", "date"):  # (text in every output)
                value = getattr(doc, name)
                if value is not None and value.__class__ is not str:
                    setattr(doc, name, api_text(value, f"Document.{name}", warnings, left_out))
            doc.id = id_without_surrogates(doc.id or location, warnings)
            for name in ("text", "html", "url", "date"):
                value = getattr(doc, name)
                if isinstance(value, str):
                    setattr(doc, name, without_surrogates(value, warnings))
            doc.metadata = api_fields(doc.metadata, warnings, left_out)
            if warnings:
                doc.warnings.append(_SURROGATES)
            doc.warnings.extend(left_out)
            trim_deep(doc.metadata, doc.warnings)
            doc.index = index
            doc.source = doc.source or location
            doc.site = doc.site or site_of(doc.url, "")
            for name, value in (("text", doc.text), ("html", doc.html)):
                if not isinstance(value, str) and not (name == "html" and value is None):
                    # (as a dict's field that is no string: a rejection)
                    doc.rejected = doc.rejected or (f"Document.{name} must be a string, got "
                                                    f"{type(value).__name__}")
                    doc.text, doc.html = "", None
                    break
            if doc.rejected is None and not (doc.html or doc.text).strip():
                doc.rejected = "empty text"
            elif doc.rejected is None and doc.html is None and not has_words(doc.text):
                doc.rejected = NO_WORDS
        else:
            left_out = []  # fields no output can hold (see api_fields)
            if isinstance(item, str):
                item = without_surrogates(item, warnings)
            elif isinstance(item, dict):
                item = api_fields(item, warnings, left_out, options.id_field,
                                  (options.text_field, options.html_field))
            warnings = ([_SURROGATES] if warnings else []) + left_out
            if isinstance(item, str):
                record = RawRecord(location, index, {options.text_field: item},
                                   warnings=warnings)
            elif isinstance(item, dict):  # (a copy already)
                record = RawRecord(location, index, item, warnings=warnings)
            else:
                record = RawRecord(location, index,
                                   error=f"expected str, dict or Document, got "
                                   f"{type(item).__name__}")
            doc = to_document(record, "", "jsonl", index, options)
        if account:
            ids.check(doc)
            raise_if_strict(doc, options)
        yield doc


_SURROGATES = "lone surrogates: replaced with U+FFFD (in the id: written as \\u escapes)"


def id_key(doc_id: str) -> int:
    """What ``IdRegistry`` remembers of an id: its stable 64-bit hash."""
    return stable_hash(doc_id)


class IdRegistry:
    """Rejects a repeated id: the first use keeps it. Remembers each id's stable 64-bit hash
    (``FirstSeen``, 16 bytes an id), not the id, and the source of its first use for the
    message, as UTF-8 bytes one after the other (a str object per id was ~70 bytes more)."""

    def __init__(self) -> None:
        self._first = FirstSeen()  # id hash → the number of its first use's source
        self._sources = bytearray()  # source k is bytes _ends[k]:_ends[k + 1]
        self._ends = array("q", [0])

    def repeated(self, doc_id: str, source: str, key: int | None = None) -> str | None:
        """The rejection reason when ``doc_id`` was seen before, else None (and remember it).
        ``key``: ``id_key(doc_id)`` when the caller has it (a worker computed it)."""
        if key is None:
            key = id_key(doc_id)
        first = self._first.first(key, len(self._ends) - 1)
        if first >= 0:
            return self._reason(doc_id, first)
        self._add_source(source)
        return None

    def repeated_many(self, doc_ids: list[str], sources: list[str], keys: list[int]
                      ) -> list[str | None]:
        """``repeated`` of each id in order (keys: their ``id_key``), in one batch."""
        base = len(self._ends) - 1
        firsts = self._first.first_many(keys, range(base, base + len(keys)))
        for source in sources:  # (a repeat's source too: numbers are places in the list)
            self._add_source(source)
        return [None if first < 0 else self._reason(doc_id, first)
                for doc_id, first in zip(doc_ids, firsts, strict=True)]

    def _add_source(self, source: str) -> None:
        self._sources += source.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._sources))

    def _reason(self, doc_id: str, first: int) -> str:
        source = self._sources[self._ends[first]:self._ends[first + 1]].decode(
            "utf-8", "surrogatepass")
        return f"duplicate id {doc_id!r} (first seen at {source})"

    def check(self, doc: Document) -> None:
        """Reject ``doc`` in place when its id is repeated."""
        if doc.rejected is None:
            reason = self.repeated(doc.id, doc.source)
            if reason is not None:
                reject(doc, reason)


def reject(doc: Document, reason: str) -> None:
    """Mark ``doc`` rejected and drop what was derived from its text (it keeps its id, source,
    URL, date, site, metadata and warnings, so the output still says what it was)."""
    doc.rejected = reason
    doc.text, doc.html, doc.raw_text = "", None, None
    doc.title = doc.byline = doc.dateline = None
    doc.removed = []


def raise_if_strict(doc: Document, options: ReadOptions) -> None:
    """In strict mode, a rejection is an error naming the file and line."""
    if doc.rejected is not None and options.strict:
        raise InputError(doc.source, doc.rejected)
