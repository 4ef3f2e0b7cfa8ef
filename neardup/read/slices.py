"""Shards a worker reads itself: byte ranges of a plain (uncompressed) JSONL file.

Reading and parsing JSON in the main process and shipping every text to the workers through a
pipe made the main process the bottleneck of a multi-process run. For plain JSONL the main
process instead cuts the file into slices of about ``SLICE_BYTES`` at line boundaries, counting
lines as it goes (a ``bytes.count``, no parsing), and each worker reads and parses its own
slice. Compressed files cannot be entered in the middle, and the other formats are read in the
main process as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from neardup.read.files import InputFile

SLICE_BYTES = 1 << 20  # ~200 news articles: enough work per task to hide the task overhead


@dataclass(frozen=True)
class FileSlice:
    """Lines ``first_line, first_line + 1, ...`` of ``file``, bytes ``[start, end)``."""

    file: InputFile
    start: int
    end: int
    first_line: int


def can_slice(file: InputFile) -> bool:
    name = file.path.name.lower()
    return file.format == "jsonl" and (name.endswith(".jsonl") or name.endswith(".ndjson"))


def slice_file(file: InputFile, target: int | None = None) -> Iterator[FileSlice]:
    """Cut ``file`` into slices of about ``target`` bytes (``SLICE_BYTES``) that end after a
    newline (the last one at the end of the file); a line longer than ``target`` makes a slice
    of its own size. The boundaries depend on the file alone, not on the workers."""
    target = target or SLICE_BYTES
    start, line = 0, 1
    with file.path.open("rb") as handle:
        pending = b""
        while True:
            block = handle.read(target)
            data = pending + block
            if not block:  # end of file: the rest, if any, is the last slice
                if data:
                    yield FileSlice(file, start, start + len(data), line)
                return
            cut = data.rfind(b"\n") + 1
            if cut == 0:  # one line longer than the target: read on to its end
                pending = data
                continue
            yield FileSlice(file, start, start + cut, line)
            line += data.count(b"\n", 0, cut)
            start += cut
            pending = data[cut:]


def slice_lines(piece: FileSlice) -> list[bytes]:
    """The lines of a slice without their newline (split on b"\\n" only, as the file's line
    iterator does: a stray "\\r" does not end a line)."""
    with piece.file.path.open("rb") as handle:
        handle.seek(piece.start)
        data = handle.read(piece.end - piece.start)
    lines = data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()  # the slice ends with a newline: no line after it
    return lines
