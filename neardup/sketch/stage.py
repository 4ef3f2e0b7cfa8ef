"""The per-shard map of the pipeline: read → clean (``clean/stage.py``) → normalise → shingle →
sketch, one document at a time, with no state shared between shards. It runs in worker
processes (or Ray tasks): its inputs and outputs are plain picklable values.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np
import xxhash

from neardup.clean.stage import CleanConfig, prepare_shard
from neardup.document import Document, Packed, pack
from neardup.match.lsh import band_keys
from neardup.match.store import append_set_block, compact, set_masses
from neardup.read.documents import id_key
from neardup.read.shards import Shard, shard_documents
from neardup.read.slices import FileSlice, slice_bytes
from neardup.sketch import kernels
from neardup.sketch.hashing import seed_constant
from neardup.sketch.minhash import OnePermutationHasher
from neardup.sketch.shingles import SHINGLE_Q, shard_shingles
from neardup.sketch.weights import (
    FLOOR,
    FULL_SHARE,
    NO_FOREIGN_WORDS,
    UNKNOWN_LANGUAGE_SHARE,
    WEIGHTED_SHARE,
    WINDOW,
    set_weights,
    shard_foreign_flags,
    stopword_table,
    uniform_weights,
)
from neardup.sketch.words import joined_runs, shard_word_runs
from neardup.write.places import encode_places
from neardup.write.spill import write_shard


@dataclass
class SketchConfig:
    ngram: int
    num_perm: int
    seed: int
    bands: int
    rows: int
    short_bands: int = 0  # a second banding, for short copies (0: none), after the main one
    short_rows: int = 0
    prose_weights: bool = True  # weight shingles by how prose-like their words are
    # how the shards are read and their documents cleaned before they are sketched
    cleaning: CleanConfig = field(default_factory=CleanConfig)
    spill_dir: str | None = None  # set: workers write cleaned shards there, not send them back
    store_paths: tuple[str, str] | None = None  # set: workers append the sets to the store
    _hasher: OnePermutationHasher | None = field(default=None, repr=False)

    @property
    def hasher(self) -> OnePermutationHasher:
        if self._hasher is None:
            self._hasher = OnePermutationHasher(self.num_perm, self.seed)
        return self._hasher


def sketch_many(word_lists: list[np.ndarray], config: SketchConfig,
                foreign: np.ndarray = NO_FOREIGN_WORDS
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Shingle and sketch word sequences: their OPH signatures (rows), set sizes, and
    their compact shingle sets (``store.compact``) with the sets' prose weights
    (``weights.py``; all full with ``prose_weights`` off) flat, set k at
    ``offsets[k]:offsets[k + 1]``. One compiled pass when available; the numpy path composes
    the reference functions and gives the same numbers. ``foreign``: the words'
    ``weights.foreign_flags``, joined as the word lists are (or empty: none)."""
    words, offsets = joined_runs(word_lists)
    return sketch_runs(words, offsets[:-1], offsets[1:], config, foreign)


def sketch_texts(texts: list[str], config: SketchConfig
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``sketch_many`` of normalised texts, their words and foreign-word flags found as a
    shard's are (``sketch_shard``)."""
    words, offsets, not_ascii = shard_word_runs(texts)
    foreign = (shard_foreign_flags(texts, words, offsets, not_ascii)
               if config.prose_weights else NO_FOREIGN_WORDS)
    return sketch_runs(words, offsets[:-1], offsets[1:], config, foreign)


def sketch_runs(words: np.ndarray, starts: np.ndarray, ends: np.ndarray, config: SketchConfig,
                foreign: np.ndarray = NO_FOREIGN_WORDS
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``sketch_many`` of the word sequences ``words[starts[k]:ends[k]]`` (runs of one array:
    a shard's texts to sketch are not copied out of its word hashes); ``foreign``: flags
    aligned with ``words``, or empty."""
    if not kernels.AVAILABLE:
        runs = list(zip(starts.tolist(), ends.tolist(), strict=True))
        word_lists = [words[a:b] for a, b in runs]
        sets = shard_shingles(word_lists, config.ngram, config.seed)
        compact_sets = [compact(s) for s in sets]
        weights = [set_weights(values, sequence, config.ngram, config.seed, foreign[a:b])
                   if config.prose_weights else uniform_weights(values)
                   for values, sequence, (a, b) in zip(compact_sets, word_lists, runs,
                                                       strict=True)]
        offsets = np.zeros(len(sets) + 1, dtype=np.int64)
        np.cumsum([v.size for v in compact_sets], out=offsets[1:])
        return (config.hasher.signatures(sets), np.diff(offsets),
                _flat(compact_sets, np.uint32), _flat(weights, np.uint8), offsets)
    hasher = config.hasher
    return kernels.sketch_sets(
        words, starts, ends, config.ngram, seed_constant(config.seed, 1), SHINGLE_Q,
        hasher.num_perm, hasher.shift, hasher.probes, stopword_table(), foreign,
        config.prose_weights, WINDOW, FULL_SHARE, FLOOR, UNKNOWN_LANGUAGE_SHARE, WEIGHTED_SHARE)


def _flat(arrays: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(arrays).astype(dtype, copy=False) if arrays else np.empty(0, dtype)


@dataclass
class ShardSketch:
    """What the rest of the pipeline keeps of a shard's documents (their texts go to the
    spill), as columns: one pickle of a few arrays per shard travels back to the main process,
    not an object per document.

    ``row[i]`` is the row of document i's shingle set, band keys and shingle count in the
    arrays (an in-shard exact copy points to its first copy's row; -1 when rejected).
    """

    ids: list[str]
    id_keys: list[int]  # ``read.documents.id_key`` of each id (repeated ids are found by it)
    sources: list[str]  # file:line, for messages about the document
    dates: list[str | None]
    rejected: list[str | None]  # why, for a document that is not active
    exact_keys: list[int]  # xxh3-64 of the normalised text; equal keys = exact duplicates
    chars: list[int]
    rows: list[int]
    n_shingles: np.ndarray  # per row: the compact shingle set's size
    keys: np.ndarray  # per row: LSH band keys
    offsets: np.ndarray  # row k's compact shingle set is values[offsets[k]:offsets[k + 1]]
    masses: np.ndarray  # per row: the set's weight sum
    values: np.ndarray | None  # the compact shingle sets (None: appended to the store already)
    weights: np.ndarray | None  # their prose weights (sketch/weights.py)
    set_start: int = -1  # where the worker appended the sets in the store's files
    reread: FileSlice | None = None  # set: the write pass reads the documents from here
    places: bytes = b""  # where the documents appeared (write/places.py), one after the other
    place_ends: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))


def sketch_shard(task: tuple[int, Shard], config: SketchConfig
                 ) -> tuple[list[Packed] | None, ShardSketch]:
    """Map shard ``(index, shard)``: returns the cleaned documents (None when written to
    ``config.spill_dir``) and their sketches."""
    index, shard = task
    cleaning = config.cleaning
    data = slice_bytes(shard) if isinstance(shard, FileSlice) else None
    docs = shard_documents(shard, cleaning.read, data)
    as_read = rereadable(shard, cleaning, docs)  # (before extraction changes the documents)
    prepare_shard(docs, index, cleaning)
    active = [i for i, doc in enumerate(docs) if doc.rejected is None]
    texts = [docs[i].text for i in active]
    words, word_offsets, not_ascii = shard_word_runs(texts)
    foreign = (shard_foreign_flags(texts, words, word_offsets, not_ascii)
               if config.prose_weights else NO_FOREIGN_WORDS)
    # Equal word sequences = equal normalised texts (little-endian bytes: stable anywhere).
    little = words.astype(_LITTLE_U8, copy=False)
    bounds = word_offsets.tolist()
    exact_keys = [0] * len(docs)  # (0 and row -1: rejected)
    rows = [-1] * len(docs)
    row_of_key: dict[int, int] = {}
    starts: list[int] = []  # the runs of ``words`` to shingle and sketch, one per row
    ends: list[int] = []
    for position, start, end in zip(active, bounds[:-1], bounds[1:], strict=True):
        exact_key = exact_keys[position] = xxhash.xxh3_64_intdigest(little[start:end])
        row = row_of_key.get(exact_key)
        if row is None:  # else an exact copy in this shard: no shingling, no sketch
            row = row_of_key[exact_key] = len(starts)
            starts.append(start)
            ends.append(end)
        rows[position] = row
    if starts:
        signatures, n_shingles, values, weights, offsets = sketch_runs(
            words, np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64), config,
            foreign)
        keys = band_keys(signatures, config.bands, config.rows)
        if config.short_bands:
            keys = np.hstack([keys, band_keys(signatures, config.short_bands, config.short_rows)])
    else:
        n_shingles = np.empty(0, np.int64)
        keys = np.empty((0, config.bands + config.short_bands), np.uint64)
        values, weights = np.empty(0, np.uint32), np.empty(0, np.uint8)
        offsets = np.zeros(1, np.int64)
    sketch = ShardSketch(
        ids=[doc.id for doc in docs], id_keys=[id_key(doc.id) for doc in docs],
        sources=[doc.source for doc in docs],
        dates=[doc.date for doc in docs], rejected=[doc.rejected for doc in docs],
        exact_keys=exact_keys, rows=rows,
        chars=[len(doc.text) if doc.rejected is None else 0 for doc in docs],
        n_shingles=n_shingles, keys=keys, offsets=offsets, masses=set_masses(weights, offsets),
        values=values, weights=weights)
    sketch.places, sketch.place_ends = encode_places(docs)
    if config.store_paths is not None:
        # On this machine's disk: the sets go to the store's files from here, not through the
        # main process' pipe; it numbers them when it absorbs the shard.
        sketch.set_start = append_set_block(config.store_paths, offsets, values, weights)
        sketch.values = sketch.weights = None
    if config.spill_dir is not None:
        # The texts wait for the write pass on disk, not in the main process.
        if as_read:  # the write pass reads the slice again: nothing to spill
            # (with the digest of its bytes, so that it can tell a file changed meanwhile)
            sketch.reread = dataclasses.replace(shard, digest=xxhash.xxh3_64_intdigest(data))
        else:
            write_shard(config.spill_dir, index, [pack(doc) for doc in docs])
        return None, sketch
    return [pack(doc) for doc in docs], sketch


_LITTLE_U8 = np.dtype("<u8")


def rereadable(shard: Shard, config: CleanConfig, docs: list[Document]) -> bool:
    """Whether the write pass can read a shard's documents (``docs``, as read) from the input
    again instead of from a spill: a slice of a plain JSONL file (not one decompressed and
    carried here: reading it again means decompressing the file) whose documents this stage leaves
    as read (no cleaning, no HTML to extract: neither an HTML field nor HTML in a text
    field), so reading it again gives the same documents."""
    return (isinstance(shard, FileSlice) and shard.data is None and not config.clean
            and config.read.html_field is None and all(doc.html is None for doc in docs))
