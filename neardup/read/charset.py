"""Bytes to text: UTF-8 for records, byte-order marks for whole files, and for web pages the
encoding they declare, as browsers read it (the WHATWG "encoding sniffing", simplified).

A page is read in the first encoding that applies of: its byte-order mark; the charset its
HTTP ``Content-Type`` declares (WARC records); the charset of its first ``<meta>`` that names
one within its first 4096 bytes (or, failing that, of an XML declaration); UTF-8 when its
bytes are valid UTF-8; else a guess (charset-normalizer), which is flagged. Two departures
from browsers, both flagged: bytes that are valid UTF-8 (and not ASCII) are read as UTF-8
whatever a declaration says (servers configured with a default ``charset=iso-8859-1`` label
UTF-8 pages wrongly; text truly in a legacy encoding is practically never valid UTF-8), and a
declaration that does not decode gives way to a later one that does (a page served as UTF-8
whose ``<meta>`` says windows-1252). Labels are those browsers accept, mapped as browsers
map them ("iso-8859-1" and "ascii" read as windows-1252, "gb2312" as GBK); a label browsers
do not know is ignored. Bytes the chosen encoding cannot decode become U+FFFD, flagged.
"""

from __future__ import annotations

import codecs
import re

# The encodings browsers decode (WHATWG Encoding Standard), by name, as Python codecs. The
# codec is the superset browsers decode under that name (Shift_JIS is Windows-31J, GBK is
# decoded as GB18030, Big5 is Big5-HKSCS, EUC-KR is Windows-949).
_ENCODINGS = {
    "utf-8": "utf-8", "ibm866": "cp866", "iso-8859-2": "iso8859-2", "iso-8859-3": "iso8859-3",
    "iso-8859-4": "iso8859-4", "iso-8859-5": "iso8859-5", "iso-8859-6": "iso8859-6",
    "iso-8859-7": "iso8859-7", "iso-8859-8": "iso8859-8", "iso-8859-8-i": "iso8859-8",
    "iso-8859-10": "iso8859-10", "iso-8859-13": "iso8859-13", "iso-8859-14": "iso8859-14",
    "iso-8859-15": "iso8859-15", "iso-8859-16": "iso8859-16", "koi8-r": "koi8-r",
    "koi8-u": "koi8-u", "macintosh": "mac-roman", "windows-874": "cp874",
    "windows-1250": "cp1250", "windows-1251": "cp1251", "windows-1252": "cp1252",
    "windows-1253": "cp1253", "windows-1254": "cp1254", "windows-1255": "cp1255",
    "windows-1256": "cp1256", "windows-1257": "cp1257", "windows-1258": "cp1258",
    "x-mac-cyrillic": "mac-cyrillic", "gbk": "gb18030", "gb18030": "gb18030",
    "big5": "big5hkscs", "euc-jp": "euc_jp", "iso-2022-jp": "iso2022_jp",
    "shift_jis": "cp932", "euc-kr": "cp949", "utf-16be": "utf-16-be", "utf-16le": "utf-16-le",
}
# Labels (or the names Python's codecs.lookup gives them) that browsers read as another
# encoding than Python's codec of that name, or that Python does not know.
_LABELS = {
    "iso8859-1": "windows-1252", "ascii": "windows-1252", "iso8859-9": "windows-1254",
    "iso8859-11": "windows-874", "tis-620": "windows-874", "dos-874": "windows-874",
    "gb2312": "gbk", "gbk": "gbk", "x-gbk": "gbk", "big5": "big5", "cn-big5": "big5",
    "x-x-big5": "big5", "euc_kr": "euc-kr", "x-euc-jp": "euc-jp", "shift_jis": "shift_jis",
    "windows-31j": "shift_jis", "x-sjis": "shift_jis", "csshiftjis": "shift_jis",
    "utf-16": "utf-16le", "csiso88598i": "iso-8859-8-i",
    "logical": "iso-8859-8-i", "x-mac-roman": "macintosh", "x-mac-ukrainian": "x-mac-cyrillic",
    "unicode-1-1-utf-8": "utf-8", "unicode11utf8": "utf-8", "unicode20utf8": "utf-8",
    "x-unicode20utf8": "utf-8", "x-user-defined": "windows-1252",
}
_NAMES = {codec: name for name, codec in _ENCODINGS.items() if name not in ("gbk", "iso-8859-8-i")}
_ASCII_INCOMPATIBLE = ("utf-16be", "utf-16le")
# What a guess may answer: the encodings browsers decode, less the ones no guess should pick
# (UTF-8 is tried before guessing; UTF-16 without a byte-order mark is not sniffed by browsers)
_GUESSABLE = sorted({codec for name, codec in _ENCODINGS.items()
                     if name not in ("utf-8", *_ASCII_INCOMPATIBLE)})
_FALLBACK = "windows-1252"  # browsers' default for a legacy page, and a guess's tie-break
_MULTI_BYTE = ("big5hkscs", "cp932", "cp949", "euc_jp", "gb18030", "iso2022_jp")
_ONE_BYTE = [codec for codec in _GUESSABLE if codec not in _MULTI_BYTE]
_MULTI_BYTE_RUN = re.compile(rb"[\x80-\xff]{2}")

PRESCAN = 4096  # browsers look at 1024 bytes; pages with long <head> scripts declare later
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([^\s"';,>]+)""", re.I)
_COMMENT = re.compile(rb"<!--.*?(?:-->|\Z)", re.S)
_META = re.compile(rb"<meta[\s/][^>]*>", re.I)
_ATTRIBUTE = re.compile(rb"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_XML = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)""", re.I)
# What the guess looks at: the text, not the markup (ASCII, whose letters swamp the text's
# own and made it pick hp_roman8 for German); the bytes of a tag are ASCII in every encoding
# it may answer, and no multi-byte character there has a byte "<" or ">".
_MARKUP = re.compile(rb"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>"
                     rb"|&#?\w+;", re.S | re.I)
GUESS_SAMPLE = 1 << 16  # bytes of text a guess looks at: enough, and a bound on its cost

# Byte-order marks, and the encoding they name (UTF-32 first: its little-endian mark starts
# with UTF-16's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode_utf8(data: bytes) -> tuple[str, list[str]]:
    """``data`` as UTF-8; undecodable bytes are replaced and flagged."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return _replaced(data, "utf-8", "UTF-8", exc)


def decode_file(data: bytes) -> tuple[str, list[str]]:
    """A whole text file's text: in the encoding its byte-order mark names (Windows saves
    "Unicode" text as UTF-16 with one; read as UTF-8 it was replacement characters and NULs),
    else UTF-16 when every other byte is NUL (see :func:`_utf16_without_bom`; flagged), else
    UTF-8; the mark itself is not text. Undecodable bytes are replaced and flagged."""
    bom, encoding = _bom(data)
    if bom:
        return _decode_bom(data, bom, encoding)
    wide = _utf16_without_bom(data)
    if wide is not None:
        text = data.decode(wide, "replace")
        warnings = [f"no byte-order mark, but every other byte is NUL: read as {wide.upper()}"]
        if "\ufffd" in text:
            warnings.append(f"invalid {wide.upper()}: replaced with U+FFFD")
        return text, warnings
    return decode_utf8(data)


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``data`` (a text file without a byte-order mark) reads
    as UTF-16 text of the Latin script: NUL in at least 90 % of the odd (LE) or even (BE)
    bytes of its first 4 KB, and in few of the others. Read as UTF-8, such a file was its
    letters with a NUL between each two, one "word" for the cleaner and the shingles."""
    head = data[:4096]
    if len(head) < 4 or b"\x00" not in head[:64]:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) <= 0.1 * len(other):
            return name
    return None


def wide_bom(head: bytes) -> str | None:
    """"utf-16" or "utf-32" when ``head`` starts with such a byte-order mark (Python's codecs
    of those names read the mark and take the byte order from it), else None."""
    encoding = _bom(head)[1]
    return encoding[:6] if encoding.startswith(("utf-16", "utf-32")) else None


def decode_page(data: bytes, content_type: str | None = None, *,
                markup: bool = True) -> tuple[str, list[str]]:
    """A web page's text, in the encoding it declares (see the module's doc). ``content_type``:
    the HTTP (or WARC) Content-Type header, if any; ``markup``: look for ``<meta>``
    declarations (HTML, not plain text). Warnings name a guessed encoding, a declaration that
    was not followed, and bytes replaced; a page read as it declares has none."""
    bom, encoding = _bom(data)
    if bom:
        return _decode_bom(data, bom, encoding)
    declared = _declarations(content_type, data if markup else b"")
    if not declared:
        try:
            return data.decode("utf-8"), []
        except UnicodeDecodeError as exc:
            return _undeclared(data, exc)
    first, where = declared[0]
    if first != "utf-8" and first not in _ASCII_INCOMPATIBLE and not data.isascii():
        try:
            return data.decode("utf-8"), [f"declared {first} ({where}) but the bytes are "
                                          "valid UTF-8: read as UTF-8"]
        except UnicodeDecodeError:
            pass
    failure: UnicodeDecodeError | None = None
    for name, source in declared:
        try:
            text = data.decode(_ENCODINGS[name])
        except UnicodeDecodeError as exc:
            failure = failure or exc
            continue
        if failure is None:
            return text, []
        return text, [f"invalid {first} ({where}) at byte {failure.start}: read as {name} "
                      f"({source})"]
    assert failure is not None  # (every declaration failed)
    return _replaced(data, _ENCODINGS[first], f"{first} ({where})", failure)


def encoding_name(label: str) -> str | None:
    """The name of the encoding browsers read for ``label`` ("latin1" → "windows-1252"), or
    None for a label they do not know (or that names no text encoding: "base64")."""
    label = label.strip().lower()
    if label in _ENCODINGS:
        return label
    if label in _LABELS:
        return _LABELS[label]
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    return _LABELS.get(codec, _NAMES.get(codec))


def _declarations(content_type: str | None, data: bytes) -> list[tuple[str, str]]:
    """The encodings declared, most authoritative first, with where: the HTTP header's, the
    first ``<meta>``'s, the XML declaration's (each once; unknown labels are skipped)."""
    found: list[tuple[str, str]] = []
    match = _CHARSET.search(content_type.encode("latin-1", "replace")) if content_type else None
    name = encoding_name(match.group(1).decode("ascii", "replace")) if match else None
    if name is not None:
        found.append((name, "HTTP Content-Type"))
    if data:
        head = _COMMENT.sub(b"", data[:PRESCAN])  # (a commented-out <meta> declares nothing)
        name = _meta_charset(head)
        if name is not None:
            # a <meta> read in ASCII cannot be UTF-16's: browsers take it as UTF-8
            found.append(("utf-8" if name in _ASCII_INCOMPATIBLE else name, "<meta>"))
        match = _XML.match(head)
        name = encoding_name(match.group(1).decode("ascii", "replace")) if match else None
        if name is not None and name not in _ASCII_INCOMPATIBLE:
            found.append((name, "XML declaration"))
    unique: dict[str, str] = {}
    for name, where in found:
        unique.setdefault(name, where)
    return list(unique.items())


def _meta_charset(head: bytes) -> str | None:
    """The encoding of the first ``<meta charset>`` or ``<meta http-equiv="Content-Type"
    content="...; charset=...">`` whose label is known."""
    for tag in _META.finditer(head):
        attributes: dict[bytes, bytes] = {}
        for key, *values in _ATTRIBUTE.findall(tag.group()[5:]):
            attributes.setdefault(key.lower(), b"".join(values))
        label = attributes.get(b"charset")
        if label is None and attributes.get(b"http-equiv", b"").lower() == b"content-type":
            match = _CHARSET.search(attributes.get(b"content", b""))
            label = match.group(1) if match else None
        name = encoding_name(label.decode("ascii", "replace")) if label else None
        if name is not None:
            return name
    return None


def _undeclared(data: bytes, exc: UnicodeDecodeError) -> tuple[str, list[str]]:
    """A page that declares nothing and is not valid UTF-8: UTF-8 still, with the bad bytes
    replaced, when its valid multi-byte characters outnumber them (a capture cut in the middle
    of a character, a stray byte); else the guessed encoding, flagged as a guess."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    wide = len(text) - len(text.encode("ascii", errors="ignore")) - replaced
    if wide > replaced:
        return text, [f"invalid UTF-8 at byte {exc.start}: replaced with U+FFFD"]
    name = _guess(data)
    warning = f"no declared encoding and not UTF-8: read as {name} (guessed)"
    try:
        return data.decode(_ENCODINGS[name]), [warning]
    except UnicodeDecodeError as failure:
        text, warnings = _replaced(data, _ENCODINGS[name], name, failure)
        return text, [warning, *warnings]


def _guess(data: bytes) -> str:
    """The encoding charset-normalizer finds likeliest for the text of ``data`` among those
    browsers decode; windows-1252 when it finds none or when it is among the likeliest
    (ties between Latin encodings are common on short texts; it is the web's commonest)."""
    from charset_normalizer import from_bytes

    sample = re.sub(rb"\s+", b" ", _MARKUP.sub(b" ", data))[:GUESS_SAMPLE]
    # Text whose every non-ASCII byte stands alone ("worth \xa35 million") is in a one-byte
    # encoding: a Chinese, Japanese or Korean one writes its characters in two bytes, both
    # high but for Shift_JIS's half-width katakana, which English pages with a "£" were
    # taken for ("worth ｣5 million")
    single = _MULTI_BYTE_RUN.search(sample) is None
    results = from_bytes(sample, cp_isolation=_ONE_BYTE if single else _GUESSABLE,
                         preemptive_behaviour=False)
    best = results.best()
    if best is None:
        return _FALLBACK
    # (a match stands for every encoding that decodes the sample to the same text)
    tied = {encoding_name(name) for match in results if match.chaos == best.chaos
            for name in match.could_be_from_charset}
    if _FALLBACK in tied:
        return _FALLBACK
    return encoding_name(best.encoding) or _FALLBACK


def _bom(data: bytes) -> tuple[bytes, str]:
    return next(((b, e) for b, e in _BOMS if data.startswith(b)), (b"", ""))


def _decode_bom(data: bytes, bom: bytes, encoding: str) -> tuple[str, list[str]]:
    """``data`` in the encoding its byte-order mark names, the mark left out."""
    body = data[len(bom):]
    try:
        return body.decode(encoding), []
    except UnicodeDecodeError as exc:
        name = encoding.upper().removesuffix("-LE").removesuffix("-BE")
        return _replaced(body, encoding, name, exc, offset=len(bom))


def _replaced(data: bytes, codec: str, name: str, exc: UnicodeDecodeError,
              offset: int = 0) -> tuple[str, list[str]]:
    return data.decode(codec, errors="replace"), [
        f"invalid {name} at byte {exc.start + offset}: replaced with U+FFFD"]
