"""The dedup job, stage by stage: read → clean → sketch → match → cluster → write.

``run_dedup`` drives the stages over a re-iterable stream of units of work (``Units``: shards
of documents, or slices of files the workers read); ``dedup`` (Python API) and ``neardup
dedup`` (CLI) are thin layers over it. Per stage, what stays in memory:
- sketch pass: per document its LSH band keys (bands × 8 bytes), rank fields and id; shingle
  sets go to a disk-backed store and cleaned texts to spill files (written by the workers;
  slices of JSONL files that are not cleaned are simply read again by the write pass);
- match: candidate pairs (int64 × 2) and their overlaps;
- cluster: one int64 per document;
- write: workers turn spilled shards into output records (``write/shards.py``); the main process
  appends them in shard order (the input order).
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import json
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import xxhash

from neardup import __version__
from neardup.clean.stage import CleanConfig, clean_shard, import_cleaner, template_lines_shard
from neardup.cluster.completeness import StoryCompleteness
from neardup.cluster.policy import Ranks
from neardup.cluster.stories import ShortCopies, Stories, build_stories
from neardup.document import Document, unpack
from neardup.errors import InputError, NeardupError
from neardup.executor import LocalExecutor, make_executor
from neardup.firstseen import FirstSeen
from neardup.interrupts import deferred_interrupts
from neardup.match.bandkeys import BandKeys
from neardup.match.lsh import (
    ShortCopyBands,
    find_candidates,
    min_collisions,
    optimal_bands,
    unique_pairs,
)
from neardup.match.sampled import sampled_pairs
from neardup.match.store import ShingleStore, read_set_block
from neardup.match.verify import PairOverlaps, VerifyRule, lighter_shingles, verify_pairs
from neardup.options import SHORT_COPY_MAX_RATIO, DedupOptions, contained_jaccard
from neardup.progress import Bar, StageProgress
from neardup.provenance import versions
from neardup.read.documents import IdRegistry, id_key, raise_if_strict
from neardup.read.shards import Shard
from neardup.resume import Progress
from neardup.sketch import kernels
from neardup.sketch.stage import ShardSketch, SketchConfig, sketch_shard
from neardup.write.names import SUMMARY_FILE
from neardup.write.outputs import (
    CLEANED_SCHEMA,
    OutputFiles,
    RejectedTotals,
    RemovedTotals,
    cleaned_record,
    remove_other_formats,
    remove_run_marks,
)
from neardup.write.places import PlaceLog
from neardup.write.records import RecordWriter
from neardup.write.samples import choose_samples
from neardup.write.shards import ShardVerdicts, WriteConfig, write_shard_records
from neardup.write.spill import ShardSpill

if TYPE_CHECKING:
    from neardup.clean.template import SiteTemplates

# One pass over the input as units of work for the workers, called once per pass: every call
# yields the same documents in the same shards (``read.read_shards`` for files, documents in
# memory ``executor.batched``).
Units = Callable[[], Iterator[Shard]]

C = TypeVar("C")  # a pass's configuration, as its step takes it
R = TypeVar("R")  # a step's result for one shard

HISTOGRAM_BINS = 50


@dataclass
class Result:
    """What a dedup run found.

    ``records`` are the per-document records of ``documents.jsonl`` (input order) and ``kept``
    the kept-copy records of ``deduplicated.jsonl``; both are filled when ``collect`` is on
    (``dedup``'s way; ``dedup_files`` and the CLI leave it off, so that a run over millions of
    documents does not hold them) and empty otherwise, when ``kept_ids``, ``clusters`` and
    ``story_of()`` raise a ValueError naming the output files to read instead.
    """

    summary: dict[str, Any]
    records: list[dict[str, Any]] = field(default_factory=list)
    kept: list[dict[str, Any]] = field(default_factory=list)
    output: Path | None = None
    collected: bool = True  # records and kept were collected (else the files hold them)

    def _records(self) -> list[dict[str, Any]]:
        if not self.collected:  # (empty lists would read as "no stories")
            raise ValueError(
                "this Result holds no per-document records: the run wrote them to "
                f"{self.output or 'its output folder'} (documents.jsonl / .parquet); "
                "dedup_files(..., collect=True) keeps them in memory as well")
        return self.records

    @property
    def kept_ids(self) -> list[str]:
        return [r["id"] for r in self._records() if r["status"] == "kept"]

    @property
    def clusters(self) -> list[list[str]]:
        """Stories with their member ids (kept copy first), largest first, then by kept id."""
        self._records()
        groups: dict[int, list[str]] = {}
        for r in self.records:
            if r["status"] != "rejected":
                groups.setdefault(r["cluster"], []).append(r["id"])
        heads = {r["cluster"]: r["id"] for r in self.records if r["status"] == "kept"}
        stories = [[heads[c]] + [i for i in ids if i != heads[c]] for c, ids in groups.items()]
        return sorted(stories, key=lambda s: (-len(s), s[0]))

    def story_of(self) -> dict[str, int]:
        return {r["id"]: r["cluster"] for r in self._records() if r["status"] != "rejected"}


class _Timer:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    def stage(self, name: str) -> _Stage:
        return _Stage(self, name)


class _Stage:
    def __init__(self, timer: _Timer, name: str) -> None:
        self.timer, self.name = timer, name

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        elapsed = time.perf_counter() - self.start
        self.timer.timings[self.name] = round(self.timer.timings.get(self.name, 0.0) + elapsed, 4)


class PassFingerprint:
    """The ids that one pass over the input read, in order (a count and an xxh3 digest). The
    cleaning pass must read what the site-template pass read: a file changed, added or
    removed in between made templates of other documents, or a document missing from the
    output without a word."""

    def __init__(self, count: int = 0, digest: int | None = None) -> None:
        """(``count`` and ``digest``: a pass read earlier, as :meth:`digest` gave them)"""
        self._digest = xxhash.xxh3_64()
        self._fixed = digest
        self.count = count

    def add(self, ids: list[str]) -> None:
        self._digest.update("\n".join([*ids, ""]).encode("utf-8", "surrogatepass"))
        self.count += len(ids)

    def digest(self) -> int:
        return self._digest.intdigest() if self._fixed is None else self._fixed

    def check_same(self, first: PassFingerprint) -> None:
        """Raise unless this pass read what ``first`` read."""
        if (self.count, self.digest()) != (first.count, first.digest()):
            raise NeardupError(
                "the input changed while neardup ran (the site-template pass read "
                f"{first.count} documents, the cleaning pass {self.count}"
                f"{', other ones' if self.count == first.count else ''}); run again on files "
                "that stay as they are")


def learn_templates(units: Iterable[Shard], options: DedupOptions, progress: StageProgress,
                    pages_dir: str | None = None) -> tuple[SiteTemplates, PassFingerprint]:
    """First pass (cleaning on): lines that recur across one site's pages are its template.
    Workers normalise and hash each document's lines; the counting happens here, in input
    order, so the templates do not depend on the number of workers. HTML extractions are kept
    in ``pages_dir`` for the cleaning pass (same shards, same indexes)."""
    from neardup.clean import SiteTemplateLearner

    learner = SiteTemplateLearner()
    read = PassFingerprint()
    ids = IdRegistry()  # a repeated id is rejected later: it must not teach the template
    executor = make_executor(options.executor, options.workers, options.ray_address)
    config = _clean_config(options, None, pages_dir)
    with progress.stage("learn site templates") as bar:
        for rows in executor.map(template_lines_shard, enumerate(units), config):
            pages = [row for row in rows if row[3] is not None]
            repeats = ids.repeated_many([row[0] for row in pages], [row[1] for row in pages],
                                        [id_key(row[0]) for row in pages])
            for (_, _, site, hashes, page), repeat in zip(pages, repeats, strict=True):
                if repeat is None:
                    learner.add_hashes(site, hashes, page)
            read.add([row[0] for row in rows])
            bar.advance(len(rows))
    return learner.build(), read


@dataclass
class _SketchState:
    """Per-document numbers kept in memory between the sketch pass and the write pass."""

    ids: list[str] = field(default_factory=list)
    active: list[bool] = field(default_factory=list)
    sketched: array = field(default_factory=lambda: array("q"))  # documents with band keys
    keys: BandKeys | None = None  # band keys of the sketched documents (on disk)
    exact_edges: list[tuple[int, int]] = field(default_factory=list)
    first_of_key: FirstSeen = field(default_factory=FirstSeen)  # normalised text's hash → document
    status_counts: Counter = field(default_factory=Counter)
    removed: RemovedTotals = field(default_factory=RemovedTotals)  # by cleaning, for the summary
    rejected: RejectedTotals = field(default_factory=RejectedTotals)  # by kind of reason
    id_registry: IdRegistry = field(default_factory=IdRegistry)
    repeated_ids: dict[int, str] = field(default_factory=dict)  # doc number → rejection reason
    policy: str = "complete"  # the keep policy, which ``ranks`` follow
    short_table_full: bool = False  # the short-copy banding's count table hit its bound
    sampled_pairs: int = 0  # pairs the sampled index proposed (match/sampled.py)
    ranks: Ranks = field(init=False)

    def __post_init__(self) -> None:
        self.ranks = Ranks(self.policy, self.ids)


def _absorb(shard: ShardSketch, state: _SketchState, store: ShingleStore, strict: bool) -> None:
    base = len(state.ids)
    state.ids.extend(shard.ids)
    n_shingles = shard.n_shingles.tolist()
    state.ranks.extend([n_shingles[row] if row >= 0 else 0 for row in shard.rows], shard.chars,
                       shard.dates)
    if shard.values is None:  # the worker appended the shard's sets to the store's files
        first_set = store.add_block(shard.set_start, shard.offsets, shard.masses)
    else:
        first_set = store.append_sets(shard.offsets, shard.values, shard.weights)
    numbers = range(base, base + len(shard.ids))
    # Repeated ids, then exact copies, asked for the whole shard at once, in input order:
    # the same answers as asking for each document in turn.
    unrejected = [i for i, reason in enumerate(shard.rejected) if reason is None]
    repeats = state.id_registry.repeated_many([shard.ids[i] for i in unrejected],
                                              [shard.sources[i] for i in unrejected],
                                              [shard.id_keys[i] for i in unrejected])
    rejected = list(shard.rejected)
    for i, reason in zip(unrejected, repeats, strict=True):
        if reason is not None:
            rejected[i] = state.repeated_ids[base + i] = reason
    accepted = [i for i in unrejected if rejected[i] is None]
    # The first copy of each normalised text anywhere in the input (an in-shard copy shares
    # its first copy's row, whether or not that copy was accepted).
    firsts = [-1] * len(shard.ids)
    for i, first in zip(accepted, state.first_of_key.first_many(
            [shard.exact_keys[i] for i in accepted], [base + i for i in accepted]),
            strict=True):
        firsts[i] = first
    # (bound methods: this loop runs once per document of the input, in the main process)
    active, sketched, exact_edges = state.active.append, state.sketched.append, \
        state.exact_edges.append
    reads: list[int] = []  # the stored set each document reads (0: the empty set)
    read = reads.append
    new_rows: list[int] = []  # rows of the shard's sets that are first copies in the input
    for number, reason, row, first, source in zip(numbers, rejected, shard.rows, firsts,
                                                  shard.sources, strict=True):
        # Accounting happens here, in input order, whichever worker read the document.
        if reason is not None:
            if strict:
                raise InputError(source, reason)
            state.rejected.add(reason, source)
            active(False)
            read(0)
            continue
        active(True)
        if first >= 0:  # exact duplicate: shares its first copy's set, skips LSH
            read(reads[first - base] if first >= base else store.set_of(first))
            exact_edges((first, number))
            continue
        read(first_set + row)
        sketched(number)
        new_rows.append(row)
    store.add_documents(reads)
    if new_rows:
        assert state.keys is not None, "the band keys' file is made before the sketch pass"
        state.keys.append(shard.keys[new_rows])


def _clean_config(options: DedupOptions, templates: SiteTemplates | None,
                  pages_dir: str | None) -> CleanConfig:
    """How the workers read and clean (``clean/stage.py``); ``pages_dir``: HTML extractions
    kept between the passes (None: not kept, a Ray run's workers may not share a disk)."""
    clean_options = None
    if options.clean:
        from neardup.clean import CleanOptions

        clean_options = CleanOptions(keep_captions=options.keep_captions,
                                     keep_comments=options.keep_comments,
                                     conservative=options.conservative)
    return CleanConfig(clean=options.clean, clean_options=clean_options, templates=templates,
                       pages_dir=pages_dir, read=options.read)


def _site_templates(units: Units, options: DedupOptions, progress: StageProgress,
                    pages_dir: str | None, saved: Progress | None
                    ) -> tuple[SiteTemplates, PassFingerprint]:
    """The first pass (:func:`learn_templates`), or what an earlier run of the same inputs
    saved of it; saved for a later run when ``saved`` is given."""
    done = saved.templates() if saved is not None else None
    if done is not None:
        return done[0], PassFingerprint(done[1], done[2])
    templates, first_pass = learn_templates(units(), options, progress, pages_dir)
    if saved is not None:
        saved.save_templates(templates, first_pass.count, first_pass.digest())
    return templates, first_pass


def run_clean(units: Units, options: DedupOptions, output: Path | None,
              inputs: list[str] | None = None, sink: Callable[[Document], None] | None = None,
              skipped_files: list[str] | None = None,
              stale: list[str] | None = None, saved: Progress | None = None) -> dict[str, Any]:
    """The ``neardup clean`` job: learn site templates, clean every document, write records.
    ``units`` and ``saved`` (the run's progress, saved per cleaned shard) as for
    ``run_dedup``; repeated ids are rejected here. ``stale``: other files of ``output``
    removed with the earlier summary (a dedup run's)."""
    timer = _Timer()
    progress = StageProgress(options.quiet)
    started = time.perf_counter()
    cleaning = replace(options, clean=True)  # (the options its passes read: a clean job cleans)
    import_cleaner()  # once here rather than in every forked worker
    kernels.warm_up()  # the cleaner's too
    cleanup = contextlib.ExitStack()  # the scratch folder, removed however the run ends
    writer: RecordWriter | None = None
    counts: Counter = Counter()
    removed = RemovedTotals()
    rejected = RejectedTotals()
    try:
        with deferred_interrupts():  # a folder made is a folder registered for removal
            scratch = cleanup.enter_context(contextlib.closing(ShardSpill()))
        pages_dir = _pages_dir(scratch, saved, options)
        with timer.stage("learn_templates"):
            templates, first_pass = _site_templates(units, cleaning, progress, pages_dir,
                                                    saved)
        read = PassFingerprint()
        config = _clean_config(cleaning, templates, pages_dir)
        if output is not None:
            remove_run_marks(output, *(stale or ()))
            remove_other_formats(output, "documents", options.output_format)
        writer = (RecordWriter(output, "documents", options.output_format, CLEANED_SCHEMA)
                  if output is not None else None)
        with timer.stage("clean"), progress.stage("clean") as bar:
            ids = IdRegistry()
            for index, loaded, docs in _saved_then_mapped(units, clean_shard, config, options,
                                                          saved, lambda docs: docs):
                if saved is not None and not loaded:
                    saved.save_shard(index, docs)
                read.add([doc.id for doc, _ in docs])
                for doc, spans in docs:  # accounted here, in input order, after the workers
                    ids.check(doc)
                    if doc.rejected is not None:
                        spans = []  # (a repeated id: its cleaning does not count)
                    raise_if_strict(doc, options.read)
                    counts["read"] += 1
                    counts["rejected" if doc.rejected is not None else "ok"] += 1
                    if doc.rejected is not None:
                        rejected.add(doc.rejected, doc.source)
                    removed.add(spans)
                    if writer is not None:
                        writer.write(cleaned_record(doc, spans))
                    if sink is not None:
                        unpack((doc, spans))
                        sink(doc)
                bar.advance(len(docs))
        read.check_same(first_pass)
    finally:
        if writer is not None:
            writer.close()
        cleanup.close()
    timings = dict(timer.timings)
    timings["total"] = round(time.perf_counter() - started, 4)
    summary = {"neardup_version": __version__, "inputs": inputs,
               "counts": {"read": counts["read"], "ok": counts["ok"],
                          "rejected": counts["rejected"]},
               "rejected_by_reason": rejected.by_reason(),
               "chars_removed": removed.total(), "removed_by_reason": removed.by_reason(),
               "skipped_files": _skipped(skipped_files),
               "options": options.to_dict(), "versions": versions(),
               "processes": options.workers, "timings_seconds": timings}
    if output is not None:
        _write_json(output / SUMMARY_FILE, summary)
    if saved is not None:
        saved.finish()  # (the run's outputs are written: nothing left to resume)
    return summary


def _pages_dir(spill: ShardSpill, saved: Progress | None, options: DedupOptions) -> str | None:
    """Where the site-template pass keeps its HTML extractions for the next pass: in the
    run's scratch folder, or in its progress folder when it may be resumed; None on Ray, whose
    workers may not share a disk."""
    if options.executor != "local":
        return None
    return str(spill.directory if saved is None else saved.pages)


def _saved_then_mapped(units: Units, step: Callable[[tuple[int, Shard], C], R], config: C,
                       options: DedupOptions, saved: Progress | None,
                       from_saved: Callable[[Any], R]) -> Iterator[tuple[int, bool, R]]:
    """``step`` over the run's units of work, in order, as ``(index, loaded, result)``: with
    ``saved``, the shards an earlier run saved come first, loaded (``loaded`` true; ``result``
    is ``from_saved(what it saved)``), and their units are not sent again."""
    executor = make_executor(options.executor, options.workers, options.ray_address)
    todo = enumerate(units())
    done = saved.saved_shards() if saved is not None else 0
    for index in range(done):
        yield index, True, from_saved(saved.load_shard(index))  # type: ignore[union-attr]
    if done:
        todo = itertools.islice(todo, done, None)
    for index, result in enumerate(executor.map(step, todo, config), done):
        yield index, False, result


def _skipped(files: list[str] | None) -> dict[str, Any]:
    """Files left out because of their type: how many, and the first few."""
    files = files or []
    return {"count": len(files), "first": files[:20]}


def _write_json(path: Path, data: dict[str, Any]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, ensure_ascii=False)
        handle.write("\n")


def run_dedup(units: Units, options: DedupOptions, output: Path | None = None,
              collect: bool = False, inputs: list[str] | None = None,
              skipped_files: list[str] | None = None, saved: Progress | None = None) -> Result:
    """Run every stage. ``units`` is called once per pass (see ``Units``). Repeated ids are
    rejected here, in input order; the units need not check them. ``saved``: the run's
    progress folder (``resume.py``), whose passes it saves, and takes up where an earlier run
    of the same inputs and options stopped."""
    timer = _Timer()
    progress = StageProgress(options.quiet)
    started = time.perf_counter()
    templates = None
    first_pass = PassFingerprint()  # (what the site-template pass reads, cleaning on)
    if options.clean:
        import_cleaner()  # once here, not once per forked worker
    kernels.warm_up(options.clean)  # likewise
    cleanup = contextlib.ExitStack()  # the run's temporary files, removed however it ends
    state = _SketchState(policy=options.keep)
    # The objects that exist now (the imported modules and compiled kernels: about 100k) are
    # left out of garbage collection for the run: every full collection walked them all while
    # the passes allocate a few objects per document, and forked workers copied the pages
    # that collections wrote to. Measured: 3-5% of a run's CPU time at 100k documents. The
    # caller's process gets them back at the end (unless it had frozen objects itself).
    freeze = gc.get_freeze_count() == 0
    try:
        with deferred_interrupts():  # a file made is a file registered for removal
            spill = cleanup.enter_context(contextlib.closing(
                ShardSpill() if saved is None else ShardSpill.kept_in(saved.shards)))
            store = cleanup.enter_context(contextlib.closing(ShingleStore()))
            places = cleanup.enter_context(contextlib.closing(PlaceLog()))
        if freeze:
            gc.freeze()
        pages_dir = _pages_dir(spill, saved, options)
        if options.clean:
            with timer.stage("learn_templates"):
                templates, first_pass = _site_templates(units, options, progress, pages_dir,
                                                        saved)
        bands, rows = optimal_bands(options.match.lsh_threshold(), options.sketch.num_perm)
        short_bands, short_rows = _short_copy_scheme(options)
        config = SketchConfig(ngram=options.sketch.ngram, num_perm=options.sketch.num_perm,
                              seed=options.sketch.seed, bands=bands, rows=rows,
                              short_bands=short_bands, short_rows=short_rows,
                              prose_weights=options.match.prose_weights,
                              cleaning=_clean_config(options, templates, pages_dir))
        state.keys = cleanup.enter_context(contextlib.closing(BandKeys(bands + short_bands)))
        if options.executor == "local":  # (workers that share this machine's disk)
            config.spill_dir = str(spill.directory)
            if store.shared_appends:  # workers append their sets (else they send them here)
                config.store_paths = store.paths
        with timer.stage("read_clean_sketch"):
            read = _sketch_pass(units, config, options, saved, state, store, places, spill,
                                progress)
        if options.clean:
            read.check_same(first_pass)
        store.freeze()
        n_docs = len(state.ids)
        matches = _match(state, store, options, bands, short_bands, timer, progress)
        stories = _cluster(matches, state, store, options, timer, progress)
        with timer.stage("write"), progress.stage("write", n_docs) as bar:
            result = _write(spill, places, stories, state, options, output, collect, bar)
        histogram, _ = np.histogram(matches.jaccards, bins=HISTOGRAM_BINS, range=(0.0, 1.0))
        summary = _summary(result, state, stories, options, inputs, timer, started, bands, rows,
                           len(matches.pairs), int(matches.accepted.sum()), len(matches.exact),
                           histogram)
        summary["skipped_files"] = _skipped(skipped_files)
        result.summary = summary
        if output is not None:
            _write_json(output / SUMMARY_FILE, summary)
        if saved is not None:
            saved.finish()  # (the run's outputs are written: nothing left to resume)
        return result
    finally:
        cleanup.close()
        if freeze:
            gc.unfreeze()


def _sketch_pass(units: Units, config: SketchConfig, options: DedupOptions,
                 saved: Progress | None, state: _SketchState, store: ShingleStore,
                 places: PlaceLog, spill: ShardSpill, progress: StageProgress
                 ) -> PassFingerprint:
    """Read, clean and sketch every shard in the workers (``sketch_shard``); here, in shard
    order, absorb what they send back: ids and band keys into ``state``, the sets' numbers
    into ``store``, where the documents appeared into ``places``, and where their texts wait
    for the write pass into ``spill``. Returns what the pass read (checked against the
    template pass's)."""
    read = PassFingerprint()
    with progress.stage("read, clean, sketch") as bar:
        # (a shard an earlier run saved is its sketch; its documents are on disk already)
        for index, loaded, (docs, sketch) in _saved_then_mapped(
                units, sketch_shard, config, options, saved, lambda sketch: (None, sketch)):
            _absorb(sketch, state, store, options.read.strict)
            places.append(sketch.places, sketch.place_ends)
            spill.append(index, len(sketch.ids), docs, sketch.reread)
            if saved is not None and not loaded:
                saved.save_shard(index, _with_sets(sketch, store))
            if options.clean:
                read.add(sketch.ids)
            bar.advance(len(sketch.ids))
    return read


@dataclass
class _Matches:
    """The match stage's verdicts: the candidate pairs with their overlaps and which of them
    the rule accepts, and the exact copies found while sketching."""

    pairs: np.ndarray  # (documents a < b) × 2
    jaccards: np.ndarray
    containments: np.ndarray
    accepted: np.ndarray  # bool per pair
    exact: np.ndarray  # pairs of documents with equal normalised texts
    rule: VerifyRule


def _match(state: _SketchState, store: ShingleStore, options: DedupOptions, bands: int,
           short_bands: int, timer: _Timer, progress: StageProgress) -> _Matches:
    """Candidate pairs from the band keys (and the sampled index), verified on their sets."""
    match = options.match
    rule = VerifyRule(match.threshold, match.containment, match.min_containment_shingles)
    # the index and verification run on this machine's workers: they read the store's
    # files (whichever executor the per-document stages ran on)
    local_workers = make_executor("local", options.workers)
    with timer.stage("candidates"), progress.stage("find candidate pairs",
                                                   bands + short_bands) as bar:
        pairs = _candidate_pairs(state, store, options, bands, short_bands, local_workers,
                                 bar.advance)
    with timer.stage("verify"), progress.stage("verify candidates", len(pairs)) as bar:
        jaccards, containments, accepted = verify_pairs(pairs, store, rule,
                                                        executor=local_workers)
        bar.advance(len(pairs))
    exact = np.asarray(state.exact_edges, dtype=np.int64).reshape(-1, 2)
    return _Matches(pairs, jaccards, containments, accepted, exact, rule)


def _cluster(matches: _Matches, state: _SketchState, store: ShingleStore,
             options: DedupOptions, timer: _Timer, progress: StageProgress) -> Stories:
    """Stories from the accepted pairs and exact copies (``cluster/stories.py``)."""
    accepted, exact, rule = matches.accepted, matches.exact, matches.rule
    # the verified pairs, whose overlaps clustering asks for again
    verified, verified_jaccards = matches.pairs[accepted], matches.jaccards[accepted]
    edges = np.concatenate([verified, exact])
    pair_overlap = PairOverlaps(store, verified, verified_jaccards,
                                matches.containments[accepted])
    masses = store.masses()
    edge_jaccards = np.concatenate([verified_jaccards, np.ones(len(exact))])

    def pair_accepts(a: np.ndarray, b: np.ndarray, jac: np.ndarray, con: np.ndarray
                     ) -> np.ndarray:
        return rule.accepts_many(jac, con, lighter_shingles(masses, a, b))

    with timer.stage("cluster"), progress.stage("cluster stories", 1) as bar:
        stories = build_stories(len(state.ids), edges, state.ranks, pair_overlap, pair_accepts,
                                active=np.asarray(state.active, dtype=bool),
                                edge_jaccards=edge_jaccards,
                                short_copies=_short_copy_test(store.sizes(),
                                                              options.match.threshold),
                                complete=(StoryCompleteness(store.view)
                                          if options.keep == "complete" else None))
        bar.advance()
    return stories


def _candidate_pairs(state: _SketchState, store: ShingleStore, options: DedupOptions,
                     bands: int, short_bands: int, local_workers: LocalExecutor,
                     advance: Callable[[], Any]) -> np.ndarray:
    """The candidate pairs (documents a < b, sorted, unique) of the LSH bands whose keys the
    sketch pass gathered in ``state`` (its key file is removed here), and of the short-copy
    bands and sampled index when containment is on."""
    keys = state.keys
    if keys is None or not keys.rows:
        return np.empty((0, 2), dtype=np.int64)
    sketched = np.array(state.sketched, dtype=np.int64)  # row → document (a copy)
    short = None if not short_bands else ShortCopyBands(
        bands, store.sizes()[sketched], SHORT_COPY_MAX_RATIO, _short_copy_min_bands(options))
    row_pairs = find_candidates(keys, options.match.max_bucket, advance, short)
    keys.close()  # (read once)
    state.short_table_full = bool(short is not None and short.report.get("table_full"))
    if short is not None:  # and copies far shorter than their page
        sampled = sampled_pairs(store.view, sketched, short.sizes,
                                options.match.min_containment_shingles, local_workers,
                                options.workers)
        state.sampled_pairs = len(sampled)
        if len(sampled):  # (the bandings' pairs are sorted and unique already)
            row_pairs = unique_pairs(iter([row_pairs, sampled]), len(sketched))
    # rows are the sketched documents in input order: a monotone map keeps the pairs sorted
    # as verification and clustering expect
    return sketched[row_pairs]


def _short_copy_test(sizes: np.ndarray, threshold: float) -> ShortCopies:
    """Whether ``copy`` is a short copy inside ``page``, for matched pairs: below the Jaccard
    threshold (matched by containment alone) and at most ``SHORT_COPY_MAX_RATIO`` of the
    page's shingles."""
    def short_copies(page: np.ndarray, copy: np.ndarray, jaccard: np.ndarray) -> np.ndarray:
        return (jaccard < threshold) & (sizes[copy] <= SHORT_COPY_MAX_RATIO * sizes[page])
    return short_copies


def _write(spill: ShardSpill, places: PlaceLog, stories: Stories, state: _SketchState,
           options: DedupOptions, output: Path | None, collect: bool, bar: Bar) -> Result:
    """Write the outputs: workers turn spilled shards into records (``write/shards.py``); here
    they are appended in shard order, so the files do not depend on the number of workers."""
    members = _story_members(stories.kept, np.asarray(state.active, dtype=bool))
    jsonl = options.output_format == "jsonl"
    # The report's text sample only when a report is wanted (it is the report's input).
    files = (OutputFiles(output, options.output_format, samples=options.report,
                         raw_text=options.raw_text)
             if output is not None else None)
    config = WriteConfig(str(spill.directory), files.ordered if files is not None else None,
                         jsonl, collect, options.read, keep_spill=spill.kept,
                         raw_text=options.raw_text)
    result = Result(summary={}, output=output, collected=collect)
    counts: Counter = Counter()
    # The spill is on this machine's disk: local workers, whichever executor sketched.
    executor = make_executor("local", options.workers)
    try:
        verdicts = _verdicts(spill, places, stories, state, members, options.report)
        for out in executor.map(write_shard_records, verdicts, config):
            counts.update(out.counts)
            state.removed.merge(out.removed)
            if files is not None:
                files.add(out)
            if collect:
                result.records.extend(out.documents or ())
                result.kept.extend(out.deduplicated or ())
            bar.advance(sum(out.counts.values()))
        if files is not None:
            files.check()
    finally:
        if files is not None:
            files.close()
    state.status_counts = counts
    return result


def _story_members(kept: np.ndarray, active: np.ndarray) -> dict[int, list[int]]:
    """Kept copy → its story's documents, in input order, for the stories of two documents
    or more only (a dict entry and a list for each of a million stories of one document were
    ~150 MB of the main process)."""
    heads = np.where(active, kept, -1)
    sizes = np.bincount(heads[active], minlength=len(kept))
    numbers = np.flatnonzero(active & (sizes[np.maximum(heads, 0)] > 1))
    members: dict[int, list[int]] = {}
    for number, head in zip(numbers.tolist(), heads[numbers].tolist(), strict=True):
        members.setdefault(head, []).append(number)
    return members


def _verdicts(spill: ShardSpill, places: PlaceLog, stories: Stories, state: _SketchState,
              members: dict[int, list[int]], sample: bool) -> Iterator[ShardVerdicts]:
    kept, ids = stories.kept, state.ids
    sampled = (choose_samples(kept, np.asarray(state.active, dtype=bool), stories.jaccard)
               if sample else np.empty(0, dtype=np.int64))
    first = 0
    for index, size in enumerate(spill.sizes):
        heads = kept[first:first + size]
        centers = stories.center[first:first + size].tolist()
        verdicts = ShardVerdicts(index, first, heads,
                                 duplicate_of=[None] * size, center=[None] * size,
                                 jaccard=stories.jaccard[first:first + size],
                                 containment=stories.containment[first:first + size],
                                 reread=spill.rereads.get(index))
        for position, head in enumerate(heads.tolist()):
            number = first + position
            active = state.active[number]
            if number in state.repeated_ids:
                verdicts.repeated[position] = state.repeated_ids[number]
            story = members.get(head) if active else None  # (None: a story of one)
            if active and head == number:
                if story is None:  # (most stories: its place is the kept copy's own)
                    verdicts.copies[position] = [ids[number]]
                else:
                    verdicts.copies[position] = list(map(ids.__getitem__, story))
                    verdicts.appeared[position] = places.get(story)
            elif active:
                verdicts.duplicate_of[position] = ids[head]
            if story is not None:
                verdicts.center[position] = ids[centers[position]]
        in_shard = sampled[np.searchsorted(sampled, first):np.searchsorted(sampled, first + size)]
        verdicts.sampled = (in_shard - first).tolist()
        yield verdicts
        first += size


def _with_sets(sketch: ShardSketch, store: ShingleStore) -> ShardSketch:
    """``sketch`` with its shingle sets, read back from the store's files where its worker
    appended them, as a saved shard holds them (a resumed run appends them to a new store).
    (Sent back through the pipe instead, a shard's sets made messages large enough that a
    worker killed while sending one, by a SIGTERM to the process group, left the run hanging.)"""
    if sketch.values is not None:
        return sketch
    values, weights = read_set_block(store.paths, sketch.set_start, int(sketch.offsets[-1]))
    return replace(sketch, values=values, weights=weights, set_start=-1)


def _short_copy_scheme(options: DedupOptions) -> tuple[int, int]:
    """(bands, rows) of the short-copy banding, (0, 0) when there is none."""
    target = options.match.short_copy_lsh_threshold()
    return (0, 0) if target is None else optimal_bands(target, options.sketch.num_perm)


def _short_copy_min_bands(options: DedupOptions) -> int:
    """Shared short-copy bands that keep a pair of closer sizes than ``SHORT_COPY_MAX_RATIO``:
    as many as a copy at that ratio shares with its page 99 % of the time."""
    containment = options.match.containment
    assert containment is not None
    bands, rows = _short_copy_scheme(options)
    return min_collisions(contained_jaccard(containment, SHORT_COPY_MAX_RATIO), bands, rows)


def _summary(result: Result, state: _SketchState, stories: Stories, options: DedupOptions,
             inputs: list[str] | None, timer: _Timer, started: float, bands: int, rows: int,
             n_candidates: int, n_verified: int, n_exact: int, histogram: np.ndarray
             ) -> dict[str, Any]:
    counts = state.status_counts
    short_scheme = _short_copy_scheme(options)
    active = np.asarray(state.active, dtype=bool)
    heads = stories.kept[active]
    sizes = Counter(Counter(heads.tolist()).values())
    timings = dict(timer.timings)
    timings["total"] = round(time.perf_counter() - started, 4)
    return {
        "neardup_version": __version__,
        "inputs": inputs,
        "counts": {
            "read": len(state.ids),
            "kept": counts["kept"],
            "duplicate": counts["duplicate"],
            "rejected": counts["rejected"],
            "stories": counts["kept"],
            "exact_duplicates": n_exact,
        },
        "rejected_by_reason": state.rejected.by_reason(),
        "stories_by_size": {str(size): sizes[size] for size in sorted(sizes)},
        "chars_removed": state.removed.total(),
        "removed_by_reason": state.removed.by_reason(),
        "matching": {
            "lsh_threshold": options.match.lsh_threshold(),
            "bands": bands,
            "rows": rows,
            "short_copy_lsh_threshold": options.match.short_copy_lsh_threshold(),
            "short_copy_bands": short_scheme[0],
            "short_copy_rows": short_scheme[1],
            # pairs up to this size ratio are kept on one shared band, others on min_bands
            "short_copy_max_ratio": SHORT_COPY_MAX_RATIO if short_scheme[0] else None,
            "short_copy_min_bands": _short_copy_min_bands(options) if short_scheme[0] else None,
            # true when that zone's count table hit its bound (``match/lsh.py``, _SharedBands)
            "short_copy_table_full": state.short_table_full,
            "sampled_index_pairs": state.sampled_pairs,
            "candidate_pairs": n_candidates,
            "verified_pairs": n_verified,
            "similarity_histogram": {
                "measure": "jaccard of candidate pairs",
                "bins": HISTOGRAM_BINS,
                "counts": histogram.tolist(),
                "threshold": options.match.threshold,
            },
        },
        "options": options.to_dict(),
        "versions": versions(),
        "processes": options.workers,  # (what jobs=0, all cores, came to on this machine)
        "timings_seconds": timings,
    }
