"""Finding input files and opening them, compressed or not."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from neardup.errors import UsageError
from neardup.write.names import DEDUP_OUTPUTS, SUMMARY_FILE

# Where a dedup run with --resume saves its progress, in its output folder (resume.py): not
# input, wherever it is found
PROGRESS_DIR = ".neardup-progress"

# Compressions a file's name may end with, read as the stream they hold (no listed suffix
# is the end of another, so the order of the table does not matter).
PACKINGS = ("", ".gz", ".zst", ".bz2", ".xz")
FORMATS: dict[str, str] = {
    base + packing: fmt
    for base, fmt in ((".jsonl", "jsonl"), (".ndjson", "jsonl"),
                      # (JSON Lines, most often: C4's and Dolma's .json.gz; see read.records)
                      (".json", "json"),
                      (".csv", "csv"),
                      (".tsv", "csv"),  # (split at tabs, no quoting: see read.records._csv)
                      (".txt", "text"), (".md", "text"), (".html", "html"), (".htm", "html"))
    for packing in PACKINGS
}
FORMATS.update({
    ".parquet": "parquet",  # (compressed inside, by columns)
    ".warc.gz": "warc",
    ".warc": "warc",
    # Common Crawl's extracted text ("CC-MAIN-...-00000.warc.wet.gz"): WARC files of
    # conversion records (their WAT files, ".warc.wat.gz", are metadata: not read)
    ".wet.gz": "warc",
    ".wet": "warc",
})
SUPPORTED_SUFFIXES = tuple(FORMATS)


@dataclass(frozen=True)
class InputFile:
    path: Path
    name: str  # path relative to the INPUT folder (or as given): used in ids and sources
    folder: str  # source folder relative to INPUT: the "site" when a record has no URL
    format: str
    error: str | None = None  # set: not read, one rejection says why (an unreadable folder)


def detect_format(path: Path) -> str | None:
    return format_of_name(path.name)


def format_of_name(name: str) -> str | None:
    """The format of a file by its name's end (``FORMATS``; no listed suffix ends another, so
    at most one matches): its last dotted parts looked up, not every suffix tried in turn."""
    name = name.lower()
    end = len(name)
    for _ in range(_SUFFIX_DOTS):
        end = name.rfind(".", 0, end)
        if end < 0:
            return None
        fmt = FORMATS.get(name[end:])
        if fmt is not None:
            return fmt
    return None


_SUFFIX_DOTS = max(suffix.count(".") for suffix in FORMATS)


def _folder_files(folder: Path, skip: str | Path | None, walked: set[str] | None = None,
                  given: dict[str, set[str]] | None = None
                  ) -> tuple[list[Path], dict[Path, str]]:
    """The files under ``folder``, sorted, without those under ``skip`` (the run's output
    folder when it lies inside an INPUT folder: its files are not input), and the sub-folders
    that could not be listed, with why (see :func:`_walk`; they are in the list too, in their
    place). A dangling link is listed: reading it fails, and it becomes a rejection instead of
    vanishing."""
    unreadable: dict[Path, str] = {}
    output = Path(skip).resolve() if skip is not None else None
    # (by parts, as ``Path`` orders paths, without its comparison method's cost)
    return sorted(_walk(folder, unreadable, output, walked, given), key=_parts), unreadable


def _parts(path: Path) -> tuple[str, ...]:
    return path.parts


def _walk(folder: Path, unreadable: dict[Path, str], output: Path | None,
          walked: set[str] | None = None, given: dict[str, set[str]] | None = None
          ) -> list[Path]:
    """Every file under ``folder``: regular files, dangling links and special files (FIFOs,
    sockets, devices), through links to folders too (a ``corpus/2024 -> /data/2024`` link was
    passed over without a word), each real folder once (a link back to a folder above is a
    loop). A sub-folder that cannot be listed (no permission) is listed, with its reason in
    ``unreadable``: ``pathlib.Path.rglob`` passed over it in silence. The ``output`` folder
    (a real path) is not walked, whichever way it is reached (a link to a folder can lead into
    it from anywhere), unless it holds the INPUT folder ("-o ."): then it holds every file.
    ``walked``: the real folders that earlier INPUT folders walked (not walked again; this
    walk's are added), ``given``: files given as INPUTs before, by real folder (not listed)."""
    out: list[Path] = []
    seen: set[str] = walked if walked is not None else set()
    top = Path(os.path.realpath(folder))
    if output is not None and top.is_relative_to(output):
        output = None

    def listing_failed(exc: OSError) -> None:
        if exc.filename is None or Path(exc.filename) == folder:
            raise exc  # (the INPUT folder itself: the read fails, naming it)
        out.append(Path(exc.filename))
        unreadable[out[-1]] = exc.strerror or str(exc)

    for root, dirs, entries in _scan(os.fspath(folder), listing_failed):
        real = os.path.realpath(root)
        if real in seen or (output is not None and Path(real).is_relative_to(output)):
            dirs[:] = []  # (a link to a folder already walked: its files are listed)
            continue
        seen.add(real)
        # (walked in name order: which of two ways to a folder lists its files; a link to the
        # INPUT folder or a folder above it is not followed: it would read the INPUT again,
        # and its neighbours, earlier outputs among them)
        dirs[:] = [d for d in sorted(dirs) if d != PROGRESS_DIR and not top.is_relative_to(
            os.path.realpath(os.path.join(root, d)))]
        base = Path(root)
        taken = given.get(real, ()) if given else ()
        for entry in entries:
            if entry.name in taken:
                continue
            path = base / entry.name
            if _listed(entry, path):
                out.append(path)
    return out


def _listed(entry: os.DirEntry, path: Path) -> bool:
    """Whether a folder's entry that is no folder is an input: a regular file (known from the
    folder's listing, without a ``stat`` of its own), a special file, a dangling link or a
    link loop (reading them is a rejection that says what they are), or an entry that cannot
    be looked at: in a folder that may be listed but not entered (``r--``), reading each entry
    is a rejection, "Permission denied" (until 2026-12-06 the run stopped there). A file
    removed while the folder is listed is not an input."""
    try:
        if entry.is_file():
            return True
    except OSError:
        pass
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return os.path.islink(path)  # (dangling; else removed meanwhile)
    except OSError:
        return True
    return not stat.S_ISDIR(mode)


def _scan(top: str, onerror: Callable[[OSError], None]
          ) -> Iterator[tuple[str, list[str], list[os.DirEntry]]]:
    """``os.walk(top, onerror=onerror, followlinks=True)``, top-down (the caller may prune the
    folder names it gets), with the other entries of each folder as ``os.DirEntry``s instead
    of names: whether an entry is a file is then known from the listing (``d_type``), where a
    ``stat`` per file took a third of listing a folder of 100k files. Folders wait on a stack,
    not in nested calls: a tree 1,100 levels deep stopped ``os.walk`` at the recursion limit."""
    stack = [top]
    while stack:
        top = stack.pop()
        try:
            scanner = os.scandir(top)
        except OSError as error:
            onerror(error)
            continue
        dirs: list[str] = []
        others: list[os.DirEntry] = []
        failed = False
        with scanner:
            while True:
                try:
                    entry = next(scanner)
                except StopIteration:
                    break
                except OSError as error:  # (as os.walk: the folder is not yielded)
                    onerror(error)
                    failed = True
                    break
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    others.append(entry)
        if failed:
            continue
        yield top, dirs, others
        # (depth first, in the order the caller left: as os.walk's recursion visits them)
        stack.extend(os.path.join(top, name) for name in reversed(dirs))


def display_name(name: str) -> str:
    """A path as text that every output can hold: bytes of a file name that are not UTF-8
    (an old archive's Latin-1 "caf\\xe9.txt") reach Python as lone surrogates, which no JSON
    or Parquet writer accepts; they are written as ``\\xe9`` escapes, which keep distinct
    names distinct."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def special(path: Path) -> bool:
    """A FIFO, socket or device, not a regular file: listed in folders (it was left out
    without a word) and never opened, so that it becomes a rejection (opening a FIFO waits for
    a writer, forever when there is none)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


# The files a neardup run writes into its output folder, which a later run would read as input
# (documents, deduplicated copies, the report's text sample, the report and the summary itself),
# next to its summary.json.
RUN_OUTPUTS = frozenset(DEDUP_OUTPUTS)


def earlier_output(path: Path, summaries: dict[Path, str | None]) -> bool:
    """``path`` (a file found inside an INPUT folder) is one a neardup dedup run wrote: a
    ``RUN_OUTPUTS`` name next to the ``summary.json`` of a dedup run. Such files were read back
    as input (``neardup dedup data -o data/run1``, then ``neardup dedup data -o data/run2``):
    the earlier run's kept copies were documents again, and the input's own records "repeated
    ids" of them. A ``neardup clean`` run's documents are a clean corpus, to be read (``clean
    raw -o c`` then ``dedup c``): only its summary is left out. ``summaries``: what the
    folders looked at hold (the kind of run, or None)."""
    if path.name not in RUN_OUTPUTS:
        return False
    folder = path.parent
    if folder not in summaries:
        summaries[folder] = _run_kind(folder / SUMMARY_FILE)
    kind = summaries[folder]
    return kind == "dedup" or (kind == "clean" and path.name == SUMMARY_FILE)


def _run_kind(summary: Path) -> str | None:
    """"dedup" or "clean" for a neardup summary (its counts say which), else None."""
    try:
        with summary.open("rb") as handle:
            if b'"neardup_version"' not in handle.read(256):  # (a neardup summary opens so)
                return None
            handle.seek(0)
            counts = json.load(handle).get("counts") or {}
    except (OSError, ValueError, AttributeError):
        return None
    return "dedup" if "kept" in counts else "clean"


class Listings:
    """Folder listings made once for two uses: the skipped-files check at a run's start
    (:func:`left_out_files`) and the run's first pass over the input
    (:func:`list_input_files`), which walked every INPUT folder again (0.66 s of a run over
    100k files). A listing is used once, then dropped: a later pass walks the folders again,
    as it did, and a file added or removed between passes is found there."""

    def __init__(self) -> None:
        self._made: dict[tuple, tuple[list[Path], dict[Path, str], set[str]]] = {}

    def folder_files(self, folder: Path, skip: str | Path | None, walked: set[str],
                     given: dict[str, set[str]]) -> tuple[list[Path], dict[Path, str]]:
        """``_folder_files(folder, skip, walked, given)``, the second time from the first."""
        key = (os.fspath(folder), None if skip is None else os.fspath(skip), frozenset(walked),
               frozenset((real, frozenset(names)) for real, names in given.items()))
        made = self._made.pop(key, None)
        if made is not None:
            files, unreadable, added = made
            walked.update(added)  # (what the walk adds to the walked folders)
            return files, unreadable
        before = set(walked)
        files, unreadable = _folder_files(folder, skip, walked, given)
        self._made[key] = (files, unreadable, walked - before)
        return files, unreadable


def list_input_files(inputs: list[str | Path], skip: str | Path | None = None,
                     listings: Listings | None = None) -> Iterator[InputFile]:
    """Expand INPUT paths: files as given, folders recursively in sorted (stable) order.

    Files of unknown type inside folders are skipped (they are not documents); a file given
    explicitly with an unknown type is a usage error. Files under the folder ``skip`` (the
    output folder) are left out of folders: a run must not read what it writes.

    A file's ``name`` (the ``FILE`` of default ids and sources) is its path relative to its
    INPUT folder; when another file of the run already has that name (``data.jsonl`` in two
    INPUT folders), it is the path as given instead, so that default ids do not collide.
    ``listings``: folders listed already by :func:`left_out_files` (see :class:`Listings`).
    """
    folder_files = listings.folder_files if listings is not None else _folder_files
    names: dict[str, Path] = {}  # name -> the path that took it
    real_paths: dict[Path, str] = {}

    def same_file(a: Path, b: Path) -> bool:
        # (real paths only when two paths claim one name: one per file took half the listing)
        for p in (a, b):
            if p not in real_paths:
                real_paths[p] = os.path.realpath(p)
        return real_paths[a] == real_paths[b]

    def unique(name: str, path: Path, given: str) -> str:
        name, given = display_name(name), display_name(given)
        first = names.setdefault(name, path)
        if first is not path and not same_file(first, path):  # another file has this name:
            name = given  # use the path as given
            number = 1
            while not same_file(names.setdefault(name, path), path):  # (that too: "x (2)")
                number += 1
                name = f"{given} ({number})"
        return name

    # With several INPUT folders, a source folder is named under its INPUT folder as given:
    # "pubA/news" and "pubB/news" given as INPUTs are two sites, not one called "news".
    several = sum(1 for raw in inputs if Path(raw).is_dir()) > 1
    summaries: dict[Path, str | None] = {}
    once = _ReadOnce()
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            files, unreadable = folder_files(path, skip, once.walked, once.given)
            top = _folder_label(path) if several else None
            folders: dict[str, str] = {}  # relative folder → source folder
            prefix = "" if str(path) == "." else str(path) + os.sep  # ("." lists "a/x.txt")
            for child in files:
                # (by string: Path.relative_to took a fifth of listing 100k files)
                whole = str(child)
                rel = (whole[len(prefix):] if whole.startswith(prefix)
                       else child.relative_to(path).as_posix())
                inner = os.path.dirname(rel)
                folder = folders.get(inner)
                if folder is None:
                    folder = folders[inner] = _source_folder(Path(inner), path, top)
                if unreadable and child in unreadable:  # (hashing a Path costs)
                    yield InputFile(child, unique(rel, child, whole), folder, "folder",
                                    error=f"unreadable folder: {unreadable[child]}; its files "
                                    "are not read")
                    continue
                fmt = format_of_name(child.name)
                if fmt is None or earlier_output(child, summaries):
                    continue
                yield InputFile(child, unique(rel, child, whole), folder, fmt)
        elif path.exists():
            fmt = detect_format(path)
            if fmt is None:
                raise UsageError(_unknown_type(path))
            if once.read_before(path, summaries):
                continue
            name = path.name if path.is_absolute() else str(raw)
            yield InputFile(path, unique(name, path, path.as_posix()), _given_folder(path), fmt)
        else:
            raise UsageError(f"{path}: no such file or folder")


class _ReadOnce:
    """What the INPUTs so far have read, so that a file is read once however often it is
    given: twice by overlapping shell globs ("a.jsonl b.jsonl a.jsonl"), or as a file and
    inside a folder INPUT, or in a folder and its sub-folder given too. Read twice, its
    records were rejected as repeated ids of themselves ("duplicate id 'a.jsonl:1' (first
    seen at a.jsonl:1)"). Folders and files are known by their real folder, so that two
    ways of writing one path are one."""

    def __init__(self) -> None:
        self.walked: set[str] = set()  # real folders walked by INPUT folders
        self.given: dict[str, set[str]] = {}  # real folder -> names of INPUT files in it

    def read_before(self, path: Path, summaries: dict[Path, str | None]) -> bool:
        """Whether the file INPUT ``path`` was read already (and if not, it is now)."""
        folder = os.path.realpath(path.parent)
        names = self.given.setdefault(folder, set())
        if path.name in names:
            return True
        names.add(path.name)
        # (a folder INPUT read it, unless as an earlier neardup output it left it out)
        return folder in self.walked and not earlier_output(path, summaries)


def _given_folder(path: Path) -> str:
    """The source folder (the "site" of a record without a URL) of a file given as an INPUT:
    the folder as given ("crawl/pubA/news"), as a folder INPUT names the folders inside it
    ("pubA/news"), so that two publishers' "news" folders stay two sites; "." for a file of
    the current folder (a text without a site has no site template: "pages.jsonl" given
    alone lost its template); only the last folder's name for an absolute path, as ids use
    only a file's name there (outputs do not depend on where the corpus lies)."""
    return _folder_label(path.parent)


def _folder_label(folder: Path) -> str:
    """A folder as given ("crawl/pubA/news", "."), its name alone when absolute."""
    if folder.is_absolute():
        return display_name(folder.name) or "/"
    return display_name(folder.as_posix())


def _source_folder(inner: Path, input_folder: Path, top: str | None) -> str:
    """The source folder of a file in the folder ``inner`` (relative) of an INPUT folder:
    ``inner`` ("pubA/news"), the INPUT folder's name for its own files; with ``top`` (the
    INPUT folder's label, when there are several INPUT folders) under it."""
    inside = "" if str(inner) == "." else inner.as_posix()
    if top is None:
        return display_name(inside or input_folder.name)
    if top == ".":
        return display_name(inside or ".")
    return display_name(f"{top}/{inside}" if inside else top)


def _unknown_type(path: Path) -> str:
    return f"{path}: unknown file type; expected one of {', '.join(SUPPORTED_SUFFIXES)}"


def check_inputs(inputs: list[str | Path], output: str | Path | None = None,
                 written: Iterable[str] = ()) -> None:
    """Fail before any work when an INPUT does not exist (instead of when the reader gets
    there, after the files before it were processed), when an INPUT folder is the ``output``
    folder (whose files are never read as input: nothing would be read), or when an INPUT
    file is one the run writes in ``output`` (``written``: it would be overwritten while read).
    """
    out = Path(output).resolve() if output is not None else None
    if output is not None:
        check_output(output)
    for raw in inputs:
        if not str(raw).strip():  # (Path("") is ".": an empty argument read the current folder)
            raise UsageError(f"an INPUT is empty ({str(raw)!r}): give a file or a folder ('.' "
                             "for the current folder)")
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"{raw}: no such file or folder")
        if not path.is_dir() and detect_format(path) is None:
            raise UsageError(_unknown_type(path))
        if out is None:
            continue
        resolved = path.resolve()
        if path.is_dir() and resolved == out:
            raise UsageError(f"{raw}: is the output folder, whose files are not read as input; "
                             "write the outputs to another folder")
        if resolved.parent == out and resolved.name in set(written):
            raise UsageError(f"{raw}: is an output file of this run (it would be overwritten "
                             "while it is read); copy it out of the output folder first")


def check_output(output: str | Path) -> None:
    """The output folder must be a folder or not exist yet (it is created, with its parents);
    a file in its place otherwise fails in ``mkdir`` with "[Errno 17] File exists"."""
    if not str(output).strip():  # (Path("") is ".": the outputs went to the current folder)
        raise UsageError(f"the output folder is empty ({str(output)!r}): give a folder ('.' "
                         "for the current folder)")
    out = Path(output).resolve()
    existing = next((p for p in (out, *out.parents) if p.exists()), out)
    if not existing.is_dir():
        raise UsageError(f"output folder {output}: {existing} is a file, not a folder; give a "
                         "folder for the outputs (it is created if missing)")


def unsupported_files(inputs: list[str | Path], skip: str | Path | None = None) -> list[str]:
    """Files inside INPUT folders that are skipped because their type is not a document type
    (reported in the summary and on stderr, so that nothing is left out silently)."""
    return left_out_files(inputs, skip)[0]


def left_out_files(inputs: list[str | Path], skip: str | Path | None = None,
                   listings: Listings | None = None) -> tuple[list[str], list[str], list[str]]:
    """The files that are not read, in one walk: those inside INPUT folders of other types
    than documents', those an earlier neardup run wrote (:func:`earlier_output`), and the
    INPUTs that earlier ones read already (a file given twice or inside an INPUT folder, a
    folder given twice or inside another: see :class:`_ReadOnce`). ``listings``: where the
    folders' listings are kept for the first pass (see :class:`Listings`)."""
    folder_files = listings.folder_files if listings is not None else _folder_files
    unsupported: list[str] = []
    earlier: list[str] = []
    repeated: list[str] = []
    summaries: dict[Path, str | None] = {}
    once = _ReadOnce()
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            if os.path.realpath(path) in once.walked:
                repeated.append(display_name(str(raw)))
                continue
            files, unreadable = folder_files(path, skip, once.walked, once.given)
            for p in files:
                if unreadable and p in unreadable:
                    continue
                if detect_format(p) is None:
                    unsupported.append(display_name(str(p)))
                elif earlier_output(p, summaries):
                    earlier.append(display_name(str(p)))
        elif (path.exists() and detect_format(path) is not None
              and once.read_before(path, summaries)):
            repeated.append(display_name(str(raw)))
    return unsupported, earlier, repeated


def open_binary(path: Path) -> BinaryIO:
    """Open a file for reading bytes, decompressing .gz and .zst transparently. Compressed
    data under a plain name is an OSError naming it (see ``packed_as``)."""
    if special(path):
        raise OSError(f"{path.name}: not a regular file (a FIFO, socket or device), not read")
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if name.endswith(".zst"):
        return io.BufferedReader(_ZstdFrames(path.open("rb")), buffer_size=1 << 17)
    if name.endswith(".bz2"):
        return bz2.open(path, "rb")  # type: ignore[return-value]
    if name.endswith(".xz"):
        return lzma.open(path, "rb")  # type: ignore[return-value]
    handle = path.open("rb")
    kind = None if name.endswith((".warc", ".wet")) else _packing(handle.peek(4)[:4])
    if kind is not None:
        handle.close()
        raise OSError(packed_message(path, kind))
    return handle


def _packing(head: bytes) -> str | None:
    """The compression whose data starts with ``head`` (gzip: magic and the deflate method
    byte; no text, CSV or JSON starts with these control bytes)."""
    if head.startswith(b"\x1f\x8b\x08"):
        return "gzip"
    if head.startswith(b"\xfd7zX"):
        return "xz"
    return "zstd" if head.startswith(b"\x28\xb5\x2f\xfd") else None


def packed_as(path: Path) -> str | None:
    """"gzip" or "zstd" when a file whose name says it is plain holds such data (a download
    saved without its .gz): read as it is, its bytes were cut into "lines" at random, records
    that do not exist. WARC files are left out: warcio finds their compression itself."""
    name = path.name.lower()
    if name.endswith((".gz", ".zst", ".bz2", ".xz", ".warc", ".wet")):
        return None
    with path.open("rb") as handle:
        return _packing(handle.read(4))


def packed_message(path: Path, kind: str) -> str:
    renamed = path.name + {"gzip": ".gz", "zstd": ".zst", "xz": ".xz"}[kind]
    advice = f"name it {renamed}" if detect_format(Path(renamed)) == detect_format(path) \
        else "decompress it"
    return f"{kind}-compressed data in a file named {path.name} ({advice})"


class _ZstdFrames(io.RawIOBase):
    """The decompressed bytes of a file of zstd frames. A file that ends inside a frame (cut
    short) raises EOFError, as ``gzip`` does; zstandard's own stream reader ends quietly there,
    and the lines after the cut vanished without a word."""

    def __init__(self, raw: BinaryIO) -> None:
        import zstandard

        self._raw = raw
        self._decompressor = zstandard.ZstdDecompressor()
        self._frame = None  # the frame being decompressed; None between frames
        self._out = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while not self._out:
            data = self._raw.read(1 << 17)
            if not data:
                if self._frame is not None:
                    raise EOFError("zstd file ended before the end of its last frame")
                return 0
            out = []
            while data:
                if self._frame is None:
                    self._frame = self._decompressor.decompressobj()
                out.append(self._frame.decompress(data))
                data = b""
                if self._frame.eof:  # the next frame starts in what it did not use
                    data, self._frame = self._frame.unused_data, None
            self._out = memoryview(b"".join(out))
        size = min(len(buffer), len(self._out))
        buffer[:size] = self._out[:size]
        self._out = self._out[size:]
        return size

    def close(self) -> None:
        self._raw.close()
        super().close()
