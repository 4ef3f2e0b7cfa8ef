"""Shards a worker parses itself: slices of lines of a JSONL file.

Reading and parsing JSON in the main process and shipping every text to the workers through a
pipe made the main process the bottleneck of a multi-process run. For plain JSONL the main
process instead cuts the file into slices of about ``SLICE_BYTES`` at line boundaries, counting
lines as it goes (a ``bytes.count``, no parsing), and each worker reads and parses its own
slice. A compressed JSONL file (``.jsonl.gz``, ``.jsonl.zst``) cannot be entered in the middle:
the main process decompresses it and cuts the decompressed lines the same way, and each slice
carries its bytes to the worker (``PackedSlices``); the main process still does no parsing.
The other formats are read in the main process as before.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from neardup.errors import NeardupError
from neardup.interrupts import reraise_if_interrupted
from neardup.read.charset import wide_bom
from neardup.read.files import InputFile, open_binary, packed_as, special

SLICE_BYTES = 1 << 20  # ~200 news articles: enough work per task to hide the task overhead


@dataclass(frozen=True)
class FileSlice:
    """Lines ``first_line, first_line + 1, ...`` of ``file``, bytes ``[start, end)``."""

    file: InputFile
    start: int
    end: int
    first_line: int
    digest: int | None = None  # xxh3-64 of the bytes as first read (set by the sketch pass)
    # the bytes themselves, carried to the worker: lines of a compressed file, decompressed
    # here (``start`` and ``end`` are then offsets in the decompressed data)
    data: bytes | None = field(default=None, repr=False, compare=False)


def can_slice(file: InputFile) -> bool:
    name = file.path.name.lower()
    if file.format != "jsonl" or not name.endswith((".jsonl", ".ndjson")) or special(file.path):
        return False
    try:  # compressed data under a plain name: read whole, where it becomes a rejection
        with file.path.open("rb") as handle:  # (UTF-16: read whole, decoded, likewise)
            wide = wide_bom(handle.read(4)) is not None
        return not wide and packed_as(file.path) is None
    except OSError:  # unreadable: likewise
        return False


def slice_file(file: InputFile, target: int | None = None) -> Iterator[FileSlice]:
    """Cut ``file`` into slices of about ``target`` bytes (``SLICE_BYTES``) that end after a
    newline (the last one at the end of the file); a line longer than ``target`` makes a slice
    of its own size. The boundaries depend on the file alone, not on the workers.

    The file is read with ``pread``, not mapped: a mapped file that shrinks while it is read
    (rewritten by another program) kills the process with SIGBUS, where a read comes back short
    and the run stops with a message (and removes its temporary files)."""
    target = target or SLICE_BYTES
    size = file.path.stat().st_size
    if size == 0:
        return
    with file.path.open("rb") as handle:
        fd = handle.fileno()
        start, line = 0, 1
        while start < size:
            chunk = _read_at(fd, file.path, start, min(target, size - start), line)
            end = start + len(chunk)
            cut = chunk.rfind(b"\n") if end < size else len(chunk) - 1
            if cut >= 0:
                end = start + cut + 1
                newlines = chunk.count(b"\n", 0, cut + 1)
            else:  # one line longer than the target: the slice ends with it
                newlines = 0
                while end < size:
                    more = _read_at(fd, file.path, end, min(target, size - end), line)
                    found = more.find(b"\n")
                    if found >= 0:
                        end, newlines = end + found + 1, 1
                        break
                    end += len(more)
            yield FileSlice(file, start, end, line)
            line += newlines
            start = end


def _read_at(fd: int, path: Path, offset: int, size: int, line: int) -> bytes:
    """``size`` bytes of the file at ``offset`` (fewer only if it was cut meanwhile: an error)."""
    data = os.pread(fd, size, offset)
    while len(data) < size:
        more = os.pread(fd, size - len(data), offset + len(data))
        if not more:
            raise input_changed(path, line, "it is shorter than when the run started")
        data += more
    return data


def input_changed(path: Path | str, first_line: int, how: str) -> NeardupError:
    """The error of an input file that changed while the run read it."""
    return NeardupError(
        f"{path}: the input changed while neardup ran (lines from {first_line}: {how}); run "
        "again on a file that stays as it is")


class PlainSlices:
    """The slices of a plain JSONL file (``slice_file``), read by the workers; a file that
    cannot be opened leaves ``rest_from`` at 1: the whole-file reader reads it, and its
    failure becomes a recorded rejection."""

    def __init__(self, file: InputFile) -> None:
        self.file = file
        self.rest_from: int | None = None

    def __iter__(self) -> Iterator[FileSlice]:
        pieces = slice_file(self.file)
        try:
            first = next(pieces, None)
        except OSError:
            self.rest_from = 1
            return
        if first is not None:
            yield first
            yield from pieces


def can_slice_packed(file: InputFile) -> bool:
    """A compressed JSONL file, cut into slices that carry their bytes (``PackedSlices``)."""
    name = file.path.name.lower()
    return (file.format == "jsonl" and name.endswith((".gz", ".zst", ".bz2", ".xz"))
            and not special(file.path))


class PackedSlices:
    """The slices of a compressed JSONL file, decompressed here: lines of about ``target``
    bytes (``SLICE_BYTES``) each, numbered as the file's lines, carrying their bytes.

    The whole-file reader (``read.records``) defines what a compressed file holds, and it
    stays the reader of what this one cannot cut: a file in UTF-16 (its newline bytes are not
    its lines), and whatever follows a decompression error (a file cut short, a corrupt
    member). Then iteration stops and ``rest_from`` is the first line not handed out, from
    which the caller reads the file with that reader: it gives those lines and the error's
    rejection as it always did (the lines of the chunk being decompressed when the error came
    are not lost), so the documents are the same as a whole-file read's."""

    def __init__(self, file: InputFile, target: int | None = None) -> None:
        self.file, self.target = file, target or SLICE_BYTES
        self.rest_from: int | None = None  # set: read lines from here with the record reader

    def __iter__(self) -> Iterator[FileSlice]:
        start, line = 0, 1
        try:
            with _open_fast(self.file.path) as handle:
                pending: list[bytes] = []  # a line longer than the target, so far
                while True:
                    chunk = handle.read(self.target)
                    if start == 0 and not pending and wide_bom(chunk[:4]) is not None:
                        self.rest_from = 1  # UTF-16: read whole, decoded
                        return
                    cut = chunk.rfind(b"\n") if chunk else -1
                    if cut < 0 and chunk:
                        pending.append(chunk)
                        continue
                    data = b"".join([*pending, chunk[:cut + 1] if chunk else b""])
                    pending = [chunk[cut + 1:]] if chunk and cut + 1 < len(chunk) else []
                    if data:
                        yield FileSlice(self.file, start, start + len(data), line, data=data)
                        start += len(data)
                        line += data.count(b"\n")  # (only the last slice may lack one)
                    if not chunk:
                        return
        except Exception as exc:  # (a corrupt or short file: see above)
            reraise_if_interrupted(exc)
            self.rest_from = line


def _open_fast(path: Path) -> BinaryIO:
    """``open_binary``, with gzip decompressed by ISA-L (``isal``) where it is installed:
    ~3x faster, the same bytes. Only for these slices: on any error the standard library's
    reader takes over (see ``PackedSlices``), so a damaged file's rejection reads the same
    with or without it."""
    if path.name.lower().endswith(".gz"):
        try:
            from isal import igzip
        except ImportError:
            pass
        else:
            return igzip.open(path, "rb")  # type: ignore[return-value]
    return open_binary(path)


def slice_bytes(piece: FileSlice) -> bytes:
    """The bytes of a slice."""
    if piece.data is not None:
        return piece.data
    with piece.file.path.open("rb") as handle:
        # (a file cut since it was sliced: its documents must not vanish without a word)
        return _read_at(handle.fileno(), piece.file.path, piece.start, piece.end - piece.start,
                        piece.first_line)


def slice_lines(piece: FileSlice) -> list[bytes]:
    """The lines of a slice without their newline (split on b"\\n" only, as the file's line
    iterator does: a stray "\\r" does not end a line)."""
    lines = slice_bytes(piece).split(b"\n")
    if lines and not lines[-1]:
        lines.pop()  # the slice ends with a newline: no line after it
    return lines


def drop_cached(piece: FileSlice) -> None:
    """Tell the kernel that the slice's bytes will not be read again (after the write pass
    read it the second and last time), so they leave the page cache before pages in use do."""
    if not hasattr(os, "posix_fadvise"):
        return
    fd = os.open(piece.file.path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, piece.start, piece.end - piece.start, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
