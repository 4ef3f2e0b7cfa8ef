"""The per-shard map of the pipeline: clean → normalise → shingle → sketch, one document at a
time, with no state shared between shards. It runs in worker processes (or Ray tasks): its
inputs and outputs are plain picklable values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import xxhash

from neardup.document import Document
from neardup.match.lsh import band_keys
from neardup.match.store import compact
from neardup.read.documents import ReadOptions, Shard, shard_documents
from neardup.sketch import kernels
from neardup.sketch.hashing import seed_constant
from neardup.sketch.minhash import OnePermutationHasher
from neardup.sketch.shingles import SHINGLE_Q, shard_shingles
from neardup.sketch.weights import (
    FLOOR,
    FULL_SHARE,
    UNKNOWN_LANGUAGE_SHARE,
    WINDOW,
    set_weights,
    stopword_table,
    uniform_weights,
)
from neardup.sketch.words import shard_word_hashes
from neardup.write.spill import write_shard


@dataclass
class SketchConfig:
    ngram: int
    num_perm: int
    seed: int
    bands: int
    rows: int
    clean: bool
    prose_weights: bool = True  # weight shingles by how prose-like their words are
    clean_options: Any = None  # neardup.clean.CleanOptions
    templates: Any = None  # neardup.clean.SiteTemplates
    spill_dir: str | None = None  # set: workers write cleaned shards there, not send them back
    read: ReadOptions = field(default_factory=ReadOptions)  # for shards a worker reads itself
    _hasher: OnePermutationHasher | None = field(default=None, repr=False)

    @property
    def hasher(self) -> OnePermutationHasher:
        if self._hasher is None:
            self._hasher = OnePermutationHasher(self.num_perm, self.seed)
        return self._hasher


@dataclass
class DocSketch:
    """What the rest of the pipeline keeps of one document (its text goes to the spill)."""

    doc_id: str
    source: str  # file:line, for messages about the document
    active: bool  # not rejected
    date: str | None
    exact_key: int  # xxh3-64 of the normalised text; equal keys = exact duplicates
    shingles: np.ndarray  # compact uint32 set (empty when ``same_as`` is set)
    weights: np.ndarray  # uint8 weight of each shingle (sketch/weights.py)
    keys: np.ndarray | None  # LSH band keys (None when rejected or an in-shard exact copy)
    n_shingles: int
    chars: int
    same_as: int | None = None  # position in the shard of an earlier exact copy
    rejected: str | None = None  # why, when not active


def prepare_text(doc: Document, config: SketchConfig) -> None:
    """Clean the document in place (or, for HTML with cleaning off, take its page text)."""
    if doc.rejected is not None:
        return
    try:
        if config.clean:
            from neardup.clean import clean_document

            clean_document(doc, config.templates, config.clean_options)
        elif doc.html is not None:
            from neardup.clean import page_text

            doc.raw_text = doc.text = page_text(doc.html)
    except Exception as exc:  # one odd page must not stop the run or lose its neighbours
        failure = f"{type(exc).__name__}: {exc}"[:300]
        if doc.html is not None:
            doc.rejected = f"HTML extraction failed: {failure}"
            return
        doc.warnings.append(f"cleaning failed, raw text kept: {failure}")
        doc.removed = []
    if doc.rejected is None and not doc.text.strip():
        doc.rejected = "no text left after extraction" if doc.html else "empty text"


def sketch_many(word_lists: list[np.ndarray], config: SketchConfig
                ) -> tuple[np.ndarray, list[int], list[np.ndarray], list[np.ndarray]]:
    """Shingle and sketch word sequences: their OPH signatures (rows), shingle counts,
    compact shingle sets (``store.compact``) and the sets' prose weights (``weights.py``; all
    full with ``prose_weights`` off). One compiled pass when available; the numpy path
    composes the reference functions and gives the same numbers."""
    if not kernels.AVAILABLE:
        sets = shard_shingles(word_lists, config.ngram, config.seed)
        compact_sets = [compact(s) for s in sets]
        weights = [set_weights(values, words, config.ngram, config.seed)
                   if config.prose_weights else uniform_weights(values)
                   for values, words in zip(compact_sets, word_lists, strict=True)]
        return (config.hasher.signatures(sets), [int(s.size) for s in sets], compact_sets,
                weights)
    offsets = np.zeros(len(word_lists) + 1, dtype=np.int64)
    np.cumsum([w.size for w in word_lists], out=offsets[1:])
    words = np.concatenate(word_lists) if offsets[-1] else np.empty(0, dtype=np.uint64)
    hasher = config.hasher
    signatures, sizes, values, weights, value_offsets = kernels.sketch_sets(
        words, offsets, config.ngram, seed_constant(config.seed, 1), SHINGLE_Q,
        hasher.num_perm, hasher.shift, hasher.probes, stopword_table(), config.prose_weights,
        WINDOW, FULL_SHARE, FLOOR, UNKNOWN_LANGUAGE_SHARE)
    cuts = value_offsets[1:-1]
    return signatures, sizes.tolist(), np.split(values, cuts), np.split(weights, cuts)


def sketch_shard(task: tuple[int, Shard], config: SketchConfig
                 ) -> tuple[int, list[Document] | None, list[DocSketch]]:
    """Map shard ``(index, shard)``: returns its index, the cleaned documents (None when written
    to ``config.spill_dir``) and their sketches, in order."""
    index, shard = task
    docs = shard_documents(shard, config.read)
    for doc in docs:
        prepare_text(doc, config)
    active = [i for i, doc in enumerate(docs) if doc.rejected is None]
    word_hashes = dict(zip(active, shard_word_hashes([docs[i].text for i in active]),
                           strict=True))
    sketches: list[DocSketch] = []
    first_of_key: dict[int, int] = {}
    todo: list[int] = []  # positions to shingle and sketch
    for position, doc in enumerate(docs):
        words = word_hashes.get(position)
        if words is None:
            sketches.append(DocSketch(doc.id, doc.source, False, doc.date, 0,
                                      np.empty(0, np.uint32), np.empty(0, np.uint8), None, 0, 0,
                                      rejected=doc.rejected))
            continue
        # Equal word sequences = equal normalised texts (little-endian bytes: stable anywhere).
        exact_key = xxhash.xxh3_64_intdigest(words.astype("<u8").tobytes())
        earlier = first_of_key.get(exact_key)
        if earlier is not None:  # exact-duplicate fast path: no shingling, no sketch
            sketches.append(DocSketch(doc.id, doc.source, True, doc.date, exact_key,
                                      np.empty(0, np.uint32), np.empty(0, np.uint8), None, 0,
                                      len(doc.text),
                                      same_as=earlier))
            continue
        first_of_key[exact_key] = position
        todo.append(position)
        sketches.append(DocSketch(doc.id, doc.source, True, doc.date, exact_key,
                                  np.empty(0, np.uint32), np.empty(0, np.uint8), None, 0,
                                  len(doc.text)))
    if todo:
        signatures, sizes, sets, weights = sketch_many([word_hashes[p] for p in todo], config)
        keys = band_keys(signatures, config.bands, config.rows)
        for row, position in enumerate(todo):
            sketch = sketches[position]
            sketch.shingles, sketch.weights = sets[row], weights[row]
            sketch.n_shingles, sketch.keys = sizes[row], keys[row]
    for sketch in sketches:  # an in-shard exact copy counts its first copy's shingles
        if sketch.same_as is not None:
            sketch.n_shingles = sketches[sketch.same_as].n_shingles
    if config.spill_dir is not None:
        write_shard(config.spill_dir, index, docs)
        return index, None, sketches
    return index, docs, sketches


def clean_shard(shard: Shard, config: SketchConfig) -> list[Document]:
    """Map one shard for ``neardup clean``: the cleaning half of ``sketch_shard``."""
    docs = shard_documents(shard, config.read)
    for doc in docs:
        prepare_text(doc, config)
    return docs


def template_lines_shard(shard: Shard, config: SketchConfig
                         ) -> list[tuple[str, str, str, list[int] | None]]:
    """Map one shard for the site-template pass: per document ``(id, source, site, line
    hashes)`` (``clean.template.document_line_hashes`` of its text or page text; None when
    rejected). The main process counts them, in input order, into one learner."""
    from neardup.clean import page_text
    from neardup.clean.template import document_line_hashes

    rows: list[tuple[str, str, str, list[int] | None]] = []
    for doc in shard_documents(shard, config.read):
        hashes = None
        if doc.rejected is None:
            try:
                text = page_text(doc.html) if doc.html is not None else doc.text
                hashes = document_line_hashes(doc.site, text)
            except Exception:  # the sketch pass rejects this page, with the error
                hashes = None
        rows.append((doc.id, doc.source, doc.site, hashes))
    return rows
