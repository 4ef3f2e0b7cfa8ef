"""The Python API. The CLI calls these same functions."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from neardup.document import Document
from neardup.errors import UsageError
from neardup.executor import batched, check_ray
from neardup.match.verify import overlap
from neardup.options import DedupOptions, MatchOptions, SketchOptions
from neardup.pipeline import Result, run_clean, run_dedup
from neardup.read import (
    ReadOptions,
    documents_from_objects,
    left_out_files,
)
from neardup.read.documents import unfound_fields
from neardup.read.files import (
    PROGRESS_DIR,
    Listings,
    check_inputs,
    check_output,
    display_name,
)
from neardup.read.shards import Shard, read_shards
from neardup.resume import Progress, run_key
from neardup.sketch.stage import SketchConfig, sketch_texts
from neardup.write.names import CLEAN_OUTPUTS, DEDUP_OUTPUTS, REPORT_FILE

_MATCH_FIELDS = set(MatchOptions.__dataclass_fields__)
_SKETCH_FIELDS = set(SketchOptions.__dataclass_fields__)
_READ_FIELDS = set(ReadOptions.__dataclass_fields__)


def make_options(**settings: Any) -> DedupOptions:
    """Build ``DedupOptions`` from flat keyword settings (``threshold=0.8, ngram=4, ...``)."""
    match = {k: settings.pop(k) for k in list(settings) if k in _MATCH_FIELDS}
    sketch = {k: settings.pop(k) for k in list(settings) if k in _SKETCH_FIELDS}
    read = {k: settings.pop(k) for k in list(settings) if k in _READ_FIELDS}
    unknown = set(settings) - set(DedupOptions.__dataclass_fields__)
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    # (matching's values checked first, then the sketch's and the reading's: with several
    # bad values, the error names the first of them in that order)
    match_options = MatchOptions(**match)
    sketch_options = SketchOptions(**sketch)
    return DedupOptions(read=ReadOptions(**read), sketch=sketch_options, match=match_options,
                        **settings)


def dedup(documents: Iterable[str | dict | Document], *, output: str | Path | None = None,
          options: DedupOptions | None = None, **settings: Any) -> Result:
    """Group near-duplicate documents into stories and keep one copy of each.

    ``documents``: strings, dicts (``text`` and optional ``id``, ``url``, ``date``, others kept as
    metadata) or ``Document``s. Settings are those of ``DedupOptions`` given flat, e.g.
    ``dedup(texts, threshold=0.8, clean=False)``. The Python API is quiet, single-process and
    writes no report by default (``quiet=True``, ``jobs=1``, ``report=False``; ``jobs=0`` for
    all cores). Writes the output files when
    ``output`` is given (with ``report=True`` also the text sample that ``neardup report
    OUT`` builds its report from); the result always holds the per-document records.
    """
    if options is not None and settings:  # one of them would be ignored without a word
        raise TypeError(f"settings given beside options: {', '.join(sorted(settings))} "
                        "(put them in make_options)")
    if options is not None:
        _check_options(options)
    settings.setdefault("quiet", True)
    settings.setdefault("jobs", 1)
    settings.setdefault("report", False)
    options = options or make_options(**settings)
    units = _memory_units(documents, options)
    if output is not None:  # (the path as given: Path("") is ".", the current folder)
        check_output(output)
    out = Path(output) if output is not None else None
    return run_dedup(units, options, out, collect=True)


def _memory_units(documents: Iterable[str | dict | Document], options: DedupOptions
                  ) -> Callable[[], Iterator[list[Document]]]:
    """The units of work of a run over documents in memory: shards of ``shard_size``
    documents, fresh copies at every pass."""
    items = _items(documents)
    if options.resume:  # (its key names the input files: documents in memory have none)
        raise UsageError("resume: a run of documents given in memory cannot be resumed; "
                         "dedup_files and clean_files (neardup dedup, neardup clean) resume "
                         "runs over files")

    def units() -> Iterator[list[Document]]:
        return batched(documents_from_objects(_fresh(items), options.read, account=False),
                       options.shard_size)

    return units


def _items(documents: Iterable[str | dict | Document]) -> list | tuple:
    """The documents as a list; one document given alone is refused: a string would be taken
    for its characters (one document each), a dict for its keys."""
    if isinstance(documents, str | bytes | dict | Document):
        raise TypeError("expected a list of documents (str, dict or Document), got one "
                        f"{type(documents).__name__}")
    return documents if isinstance(documents, list | tuple) else list(documents)


def _fresh(items: Iterable[Any]) -> Iterable[Any]:
    # Documents are cleaned in place; each pass gets its own copies so passes agree. The
    # copies get their own lists and dict too: cleaning appends to ``warnings``, which must
    # not grow on the caller's documents (a second run would report the warning twice).
    for item in items:
        yield replace(item, removed=list(item.removed), metadata=dict(item.metadata),
                      warnings=list(item.warnings)) if isinstance(item, Document) else item


def dedup_files(inputs: list[str | Path], output: str | Path, options: DedupOptions,
                collect: bool = False) -> Result:
    """Dedup files and folders (the ``neardup dedup`` job); writes OUT/, and its report when
    ``options.report`` is set (else removes an earlier run's)."""
    job = _FileJob(inputs, output, options, DEDUP_OUTPUTS)
    result = run_dedup(job.shards, options, job.out, collect=collect, inputs=job.names,
                       skipped_files=job.skipped, saved=job.progress("dedup"))
    from neardup.report import write_report

    if options.report:
        write_report(job.out, quiet=options.quiet)
    else:  # an earlier run's report would describe other results
        (job.out / REPORT_FILE).unlink(missing_ok=True)
    return result


def clean_files(inputs: list[str | Path], output: str | Path, options: DedupOptions
                ) -> dict[str, Any]:
    """Clean files and folders (the ``neardup clean`` job): OUT/documents.* and summary.json
    (with ``options.resume``, its progress saved in OUT as a dedup run's is)."""
    job = _FileJob(inputs, output, options, CLEAN_OUTPUTS)
    # A dedup run's other files would be taken for this run's (a report of the old stories);
    # an INPUT among them (its kept copies cleaned in place) is left alone.
    given = {Path(i).resolve() for i in job.inputs}
    stale = [name for name in DEDUP_OUTPUTS
             if name not in CLEAN_OUTPUTS and (job.out / name).resolve() not in given]
    return run_clean(job.shards, options, job.out, inputs=job.names, skipped_files=job.skipped,
                     stale=stale, saved=job.progress("clean"))


class _FileJob:
    """What a job over files and folders gives its pipeline: the documents as units of work
    (``shards``), the output folder (created; never read as input), and the files skipped for
    their type (reported on stderr here)."""

    def __init__(self, inputs: list[str | Path], output: str | Path, options: DedupOptions,
                 writes: tuple[str, ...]) -> None:
        """``writes``: the files the job writes in ``output`` (none may be an INPUT)."""
        if isinstance(inputs, str | Path):  # (a string would be taken for its characters)
            raise TypeError(f"inputs: expected a list of files and folders, got one "
                            f"{type(inputs).__name__} ({str(inputs)!r}): pass [{str(inputs)!r}]")
        _check_options(options)
        if options.executor == "ray":  # (before the output folder is made)
            check_ray(options.ray_address)
        self.inputs = list(inputs)
        # (names that are not UTF-8 are escaped: summary.json must hold them)
        self.names = [display_name(str(i)) for i in self.inputs]
        check_inputs(self.inputs, output, writes)
        self.out = Path(output)
        self.out.mkdir(parents=True, exist_ok=True)
        self.options = options
        # (the folders listed for the check, kept for the first pass: see Listings)
        self._listings: Listings | None = Listings()
        self.skipped = _report_skipped(self.inputs, options.quiet, self.out, self._listings)
        for warning in unfound_fields(self.inputs, options.read, self.out):
            print(f"neardup: warning: {warning}", file=sys.stderr)

    def _first_listings(self) -> Listings | None:
        listings, self._listings = self._listings, None
        return listings

    def shards(self) -> Iterator[Shard]:
        return _shards(self.inputs, self.options, self.out, self._first_listings())

    def progress(self, job: str) -> Progress | None:
        """The run's progress folder in OUT with ``resume`` (``job``: "dedup" or "clean"),
        else None, and a stopped run's progress there removed (gigabytes at a million
        pages)."""
        folder = self.out / PROGRESS_DIR
        if self.options.resume:
            return Progress(self.out, run_key(self.inputs, self.out, self.options, job),
                            self.options.quiet, job)
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            if not self.options.quiet:
                print(f"neardup: the progress a stopped run saved in {folder} is removed: "
                      "this run does not resume (--resume)", file=sys.stderr)
        return None


def _shards(inputs: list[str | Path], options: DedupOptions, out: Path,
            listings: Listings | None = None) -> Iterator[Shard]:
    # Local workers read slices of plain JSONL files themselves; Ray tasks may run on machines
    # that do not see these paths, so they get the documents. The output folder is not input,
    # even inside an INPUT folder (the clean pass would read the file it is writing).
    return read_shards(list(inputs), options.read, options.shard_size,
                       slices=options.executor == "local", skip=out, listings=listings)


def _report_skipped(inputs: list[str | Path], quiet: bool, out: Path,
                    listings: Listings | None = None) -> list[str]:
    """The files inside INPUT folders that are not read (for the summary), said on stderr:
    those of other types, and those an earlier neardup run wrote."""
    skipped, earlier, repeated = left_out_files(list(inputs), out, listings)
    for files, what in ((skipped, "file(s) of unsupported type"),
                        (earlier, "file(s) an earlier neardup run wrote (name one as an "
                                  "INPUT to read it)"),
                        (repeated, "INPUT(s) read already (given twice, or inside an INPUT "
                                   "folder): read once")):
        if files and not quiet:
            shown = ", ".join(files[:3]) + (", ..." if len(files) > 3 else "")
            print(f"neardup: skipping {len(files)} {what}: {shown}", file=sys.stderr)
    return skipped + earlier


def clean_documents(documents: Iterable[str | dict | Document], **settings: Any
                    ) -> list[Document]:
    """Clean documents in memory (site templates learned from them); returns ``Document``s."""
    settings.setdefault("quiet", True)
    settings.setdefault("jobs", 1)
    options = make_options(**settings)
    cleaned: list[Document] = []
    run_clean(_memory_units(documents, options), options, None, sink=cleaned.append)
    return cleaned


def _check_options(options: object) -> None:
    if not isinstance(options, DedupOptions):  # (a dict failed later: "no attribute 'read'")
        raise TypeError(f"options: expected DedupOptions (neardup.make_options(...)), got "
                        f"{type(options).__name__}")


def similarity(a: str, b: str, *, ngram: int = 5, clean: bool = False,
               prose_weights: bool = True, seed: int = 1) -> float:
    """Jaccard similarity of the word ``ngram``-gram sets of two texts (after normalisation;
    after cleaning too with ``clean=True``; shingles weighted as verification weighs them)."""
    return similarities(a, b, ngram=ngram, clean=clean, prose_weights=prose_weights,
                        seed=seed)[0]


def similarities(a: str, b: str, *, ngram: int = 5, clean: bool = False,
                 prose_weights: bool = True, seed: int = 1) -> tuple[float, float]:
    """(Jaccard, containment) of two texts, as verification computes them in a run with the
    same ``ngram``, ``seed`` (the shingles' hash) and ``prose_weights``: the sets and weights
    come from the sketch stage's own code. Two texts without words (punctuation only, blank)
    give (1.0, 1.0), two empty sets being equal; ``dedup`` rejects such texts instead."""
    sketch = SketchOptions(ngram=ngram, seed=seed)  # (bad values refused by name, as dedup's)
    for name, flag in (("clean", clean), ("prose_weights", prose_weights)):
        if not isinstance(flag, bool):  # ("no" is true: it cleaned)
            raise UsageError(f"{name} must be True or False, got {flag!r}")
    for name, text in (("a", a), ("b", b)):
        if not isinstance(text, str):  # (failed in word hashing: "no attribute 'encode'")
            raise TypeError(f"texts must be str, got {type(text).__name__} for {name}")
    if clean:
        from neardup.clean import clean_text

        a, b = clean_text(a).text, clean_text(b).text
    config = SketchConfig(ngram=sketch.ngram, num_perm=sketch.num_perm, seed=sketch.seed,
                          bands=1, rows=1, prose_weights=prose_weights)
    _, _, values, weights, offsets = sketch_texts([a, b], config)
    (sa, sb), (wa, wb) = (np.split(array, offsets[1:-1]) for array in (values, weights))
    return overlap(sa, sb, wa, wb)
