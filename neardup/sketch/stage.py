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
from neardup.sketch.minhash import OnePermutationHasher
from neardup.sketch.shingles import shard_shingles
from neardup.sketch.weights import set_weights, uniform_weights
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
    active: bool  # not rejected
    date: str | None
    exact_key: int  # xxh3-64 of the normalised text; equal keys = exact duplicates
    shingles: np.ndarray  # compact uint32 set (empty when ``same_as`` is set)
    weights: np.ndarray  # uint8 weight of each shingle (sketch/weights.py)
    keys: np.ndarray | None  # LSH band keys (None when rejected or an in-shard exact copy)
    n_shingles: int
    chars: int
    same_as: int | None = None  # position in the shard of an earlier exact copy


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


def sketch_shard(shard: tuple[int, list[Document]], config: SketchConfig
                 ) -> tuple[int, list[Document] | None, list[DocSketch]]:
    """Map shard ``(index, docs)``: returns its index, the cleaned documents (None when written
    to ``config.spill_dir``) and their sketches, in order."""
    index, docs = shard
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
            sketches.append(DocSketch(doc.id, False, doc.date, 0, np.empty(0, np.uint32),
                                      np.empty(0, np.uint8), None, 0, 0))
            continue
        # Equal word sequences = equal normalised texts (little-endian bytes: stable anywhere).
        exact_key = xxhash.xxh3_64_intdigest(words.astype("<u8").tobytes())
        earlier = first_of_key.get(exact_key)
        if earlier is not None:  # exact-duplicate fast path: no shingling, no sketch
            sketches.append(DocSketch(doc.id, True, doc.date, exact_key, np.empty(0, np.uint32),
                                      np.empty(0, np.uint8), None, 0, len(doc.text),
                                      same_as=earlier))
            continue
        first_of_key[exact_key] = position
        todo.append(position)
        sketches.append(DocSketch(doc.id, True, doc.date, exact_key, np.empty(0, np.uint32),
                                  np.empty(0, np.uint8), None, 0, len(doc.text)))
    if todo:
        sets = shard_shingles([word_hashes[p] for p in todo], config.ngram, config.seed)
        keys = band_keys(config.hasher.signatures(sets), config.bands, config.rows)
        for row, (position, shingles) in enumerate(zip(todo, sets, strict=True)):
            sketch = sketches[position]
            sketch.shingles, sketch.n_shingles, sketch.keys = (compact(shingles),
                                                               int(shingles.size), keys[row])
            sketch.weights = (set_weights(sketch.shingles, word_hashes[position], config.ngram,
                                          config.seed)
                              if config.prose_weights else uniform_weights(sketch.shingles))
    for sketch in sketches:  # an in-shard exact copy counts its first copy's shingles
        if sketch.same_as is not None:
            sketch.n_shingles = sketches[sketch.same_as].n_shingles
    if config.spill_dir is not None:
        write_shard(config.spill_dir, index, docs)
        return index, None, sketches
    return index, docs, sketches


def clean_shard(docs: list[Document], config: SketchConfig) -> list[Document]:
    """Map one shard for ``neardup clean``: the cleaning half of ``sketch_shard``."""
    for doc in docs:
        prepare_text(doc, config)
    return docs
