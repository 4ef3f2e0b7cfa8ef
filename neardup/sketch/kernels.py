"""Compiled (numba) versions of the hot loops, with results identical to the numpy paths.

The numpy paths (``words.py``, ``verify.py``) define the results; these kernels compute the
same numbers in single passes, without the temporary arrays and per-call overhead that dominate
numpy at these sizes. Tests check equality on random and real inputs. Without numba
(``NEARDUP_PURE=1``, or numba not importable) the numpy paths run.

- ``ascii_word_hashes``: the fast path of ``words.shard_word_hashes`` — typographic
  punctuation as separators, dotted acronyms joined, lowercase, polynomial word hash, mix64 —
  over the UTF-8 bytes of a whole shard. A text holding any other non-ASCII byte is flagged
  for the regex path.
- ``sketch_sets``: shingles → OPH signature, compact set and prose weights, one pass per text.
- ``weighted_intersection``: Σ min(w_A, w_B) over the common values of two sorted uint32 sets
  (a merge); ``pair_weighted_intersections`` the same for many pairs held in one buffer.
- ``shingle_sets``, ``oph_signatures``: the reference steps of ``sketch_sets`` for many texts.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

import numpy as np

from neardup.interrupts import deferred_interrupts

try:  # pragma: no cover - depends on the platform
    if os.environ.get("NEARDUP_PURE"):
        raise ImportError("NEARDUP_PURE is set")
    from numba import njit

    AVAILABLE = True
except ImportError:  # pragma: no cover
    AVAILABLE = False

    def njit(*args, **kwargs):  # type: ignore[no-redef]
        def wrap(func):
            return func

        return wrap


_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)


@njit(cache=True, inline="always")
def _mix64(z: np.uint64) -> np.uint64:  # pragma: no cover - compiled
    z = z ^ (z >> np.uint64(30))
    z = z * _M1
    z = z ^ (z >> np.uint64(27))
    z = z * _M2
    return z ^ (z >> np.uint64(31))


@njit(cache=True)
def _typographic_length(buf: np.ndarray, i: int, n: int, table2: np.ndarray,
                        table3: np.ndarray) -> int:  # pragma: no cover - compiled
    """Length of the typographic UTF-8 sequence at buf[i] (2 or 3), or 0."""
    b0 = buf[i]
    if i + 1 < n:
        for k in range(table2.shape[0]):
            if table2[k, 0] == b0 and table2[k, 1] == buf[i + 1]:
                return 2
    if i + 2 < n:
        for k in range(table3.shape[0]):
            if table3[k, 0] == b0 and table3[k, 1] == buf[i + 1] and table3[k, 2] == buf[i + 2]:
                return 3
    return 0


@njit(cache=True)
def _reference_at(buf: np.ndarray, i: int, hi: int) -> bool:  # pragma: no cover - compiled
    """A character reference ("&amp;", "&#39;", "&#x27;") starts at ``buf[i]`` ("&"): the
    ``normalize.CHARACTER_REFERENCE`` pattern."""
    j = i + 1
    if j < hi and buf[j] == 35:  # "#": digits, or "x" and hex digits
        j += 1
        hexa = j < hi and (buf[j] == 120 or buf[j] == 88)
        if hexa:
            j += 1
        start = j
        while j < hi and (48 <= buf[j] <= 57 or (hexa and (65 <= buf[j] <= 70
                                                          or 97 <= buf[j] <= 102))):
            j += 1
        return j > start and j < hi and buf[j] == 59
    if j >= hi or not (65 <= buf[j] <= 90 or 97 <= buf[j] <= 122):
        return False
    while j < hi and (48 <= buf[j] <= 57 or 65 <= buf[j] <= 90 or 97 <= buf[j] <= 122):
        j += 1
    return j < hi and buf[j] == 59


@njit(cache=True, inline="always")
def _emit_word(hashes: np.ndarray, out: int, h: np.uint64, prev_per: bool,
               fold: np.ndarray, fold_hit: np.ndarray) -> tuple[int, bool]:  # pragma: no cover
    """Append the word of polynomial sum ``h`` at ``hashes[out]``, as ``normalize.fold_variants``
    has it: an honorific (``fold[3:]``) is dropped, "cent" right after "per" (``fold[1]``,
    ``fold[0]``) turns that "per" into "percent" (``fold[2]``, its hash); ``fold_hit[v]``:
    whether a sum of ``fold`` (but ``fold[2]``) has low byte ``v``. Returns the next ``out``
    and whether the word appended last is "per"."""
    if fold_hit[h & np.uint64(255)]:  # (one look-up rules out most words)
        for k in range(3, fold.shape[0]):
            if h == fold[k]:
                return out, prev_per
        if prev_per and h == fold[1]:
            hashes[out - 1] = fold[2]
            return out, False
        hashes[out] = _mix64(h)
        return out + 1, h == fold[0]
    hashes[out] = _mix64(h)
    return out + 1, False


@njit(cache=True)
def ascii_word_hashes(buf: np.ndarray, starts: np.ndarray, ends: np.ndarray,
                      word_value: np.ndarray, table2: np.ndarray, table3: np.ndarray,
                      prime: np.uint64, fold: np.ndarray,
                      fold_hit: np.ndarray):  # pragma: no cover - compiled
    """Word hashes of every text ``buf[starts[t]:ends[t]]``, in one pass over its bytes.

    Returns (hashes, counts, slow): the hashes of all fast-path texts in order, the number of
    words per text, and a flag per text that needs the regex path (its count is 0).
    Typographic sequences are separators. A dotted acronym (the regex
    ``\\b(?:[^\\W\\d]\\.){2,}(?!\\w)``: a run of two or more "x." units, x no digit,
    starting at a word start, its last dot not followed by a word byte) is one word of its
    letters; a run is looked for at
    each word start not inside a run looked at before, as ``words._acronym_dots`` finds them.
    A "%" is the word "percent", and words are folded as ``_emit_word`` says (``fold``: the
    sums of "per", "cent", the hash of "percent", the sums of the honorifics). A text with a
    character reference ("&amp;") takes the regex path, which decodes it.
    """
    n_texts = starts.shape[0]
    hashes = np.empty(buf.shape[0] + n_texts + 1, dtype=np.uint64)  # (a "%" a byte: a word)
    counts = np.zeros(n_texts, dtype=np.int64)
    slow = np.zeros(n_texts, dtype=np.bool_)
    out = 0
    for t in range(n_texts):
        lo, hi = starts[t], ends[t]
        first_out = out
        resume = lo  # acronym runs start at or after this byte
        bad = False
        prev_per = False  # the last word appended is "per"
        i = lo
        while i < hi:  # at a separator byte, or a word's first byte
            b = buf[i]
            if b >= 128:
                k = _typographic_length(buf, i, hi, table2, table3)
                if k == 0:
                    bad = True
                    break
                i += k
                continue
            w = word_value[b]
            if w == 0:
                if b == 37:  # "%"
                    hashes[out] = fold[2]
                    out += 1
                    prev_per = False
                elif b == 38 and _reference_at(buf, i, hi):  # "&amp;": the regex path
                    bad = True
                    break
                i += 1
                continue
            if i >= resume and i + 1 < hi and buf[i + 1] == 46 and not 48 <= b <= 57:
                p = i  # a unit at a word start (a letter, not a digit): measure its run
                units = 0
                while (p + 1 < hi and buf[p] < 128 and word_value[buf[p]] != 0
                       and not 48 <= buf[p] <= 57):
                    if buf[p + 1] == 46:
                        units += 1
                        p += 2
                    elif (p + 3 < hi and buf[p + 1] == 0xE2 and buf[p + 2] == 0x80
                          and buf[p + 3] == 0xA6):
                        # "x…": NFKC makes the ellipsis "...", whose first dot ends a last
                        # unit (its second dot is no word byte); the ellipsis stays a separator
                        units += 1
                        p += 1
                        break
                    else:
                        break
                resume = p
                followed = p < hi and buf[p] < 128 and word_value[buf[p]] != 0
                if units >= 2 and not followed:  # an acronym: its letters make one word
                    h = np.uint64(0)
                    power = np.uint64(1)
                    for q in range(units):
                        h += np.uint64(word_value[buf[i + 2 * q]]) * power
                        power *= prime
                    out, prev_per = _emit_word(hashes, out, h, prev_per, fold, fold_hit)
                    i = p
                    continue
            # The word's bytes in a loop of their own (15 % faster than one loop over every
            # byte with an in-word flag: fewer branches per byte).
            h = np.uint64(w)
            power = prime
            i += 1
            while i < hi:
                b = buf[i]
                if b >= 128:
                    break
                w = word_value[b]
                if w == 0:
                    break
                h += np.uint64(w) * power
                power *= prime
                i += 1
            out, prev_per = _emit_word(hashes, out, h, prev_per, fold, fold_hit)
        if bad:
            out = first_out
            slow[t] = True
            continue
        counts[t] = out - first_out
    return hashes[:out], counts, slow


@njit(cache=True)
def weighted_intersection(a: np.ndarray, wa: np.ndarray, b: np.ndarray, wb: np.ndarray
                          ) -> int:  # pragma: no cover - compiled
    """Σ min(wa, wb) over the values in both sorted sets: a merge without data-dependent
    branches (on hashes, which side advances is a coin toss a branch predictor loses; this
    runs twice as fast as the branching merge)."""
    i = 0
    j = 0
    total = 0
    while i < a.shape[0] and j < b.shape[0]:
        x = a[i]
        y = b[j]
        u = wa[i]
        v = wb[j]
        lighter = u if u < v else v
        total += np.int64(x == y) * np.int64(lighter)
        i += x <= y
        j += y <= x
    return total


@njit(cache=True)
def pair_weighted_intersections(values: np.ndarray, weights: np.ndarray, starts: np.ndarray,
                                ends: np.ndarray, left: np.ndarray, right: np.ndarray
                                ) -> np.ndarray:  # pragma: no cover - compiled
    """``weighted_intersection`` of sets ``left[k]`` and ``right[k]``, set s being
    ``values[starts[s]:ends[s]]`` with its weights."""
    out = np.empty(left.shape[0], dtype=np.int64)
    for k in range(left.shape[0]):
        a0, a1 = starts[left[k]], ends[left[k]]
        b0, b1 = starts[right[k]], ends[right[k]]
        out[k] = weighted_intersection(values[a0:a1], weights[a0:a1], values[b0:b1],
                                       weights[b0:b1])
    return out


@njit(cache=True, inline="always")
def _position_shingles(words: np.ndarray, ngram: int, salt: np.uint64, q: np.uint64
                       ) -> np.ndarray:  # pragma: no cover - compiled
    """The hash of the ``ngram``-gram starting at each word (one of all words for a text
    shorter than ``ngram``): ``shingles.position_hashes``."""
    count = words.shape[0]
    n = min(ngram, count)
    m = count - n + 1
    buf = np.empty(m, dtype=np.uint64)
    for p in range(m):
        acc = words[p]
        for j in range(1, n):
            acc = acc * q + words[p + j]
        buf[p] = _mix64(acc ^ salt)
    return buf


@njit(cache=True, inline="always")
def _densify(row: np.ndarray, filled: np.ndarray, probes: np.ndarray
             ) -> None:  # pragma: no cover - compiled
    """Optimal densification of one OPH signature in place: an empty bin takes the value of
    the first filled bin on its probe sequence, plus the probe round (``minhash.py``)."""
    k = row.shape[0]
    first = -1
    for b in range(k):
        if filled[b]:
            first = b
            break
    for b in range(k):
        if filled[b]:
            continue
        done = False
        for attempt in range(probes.shape[0]):
            target = probes[attempt, b]
            if filled[target]:
                row[b] = row[target] + np.uint64(attempt + 1)
                done = True
                break
        if not done:
            row[b] = row[first]


@njit(cache=True)
def shingle_sets(words: np.ndarray, word_offsets: np.ndarray, ngram: int, salt: np.uint64,
                 q: np.uint64):  # pragma: no cover - compiled
    """``shingles.shingle_hashes`` for many word sequences: (values, offsets)."""
    n_docs = word_offsets.shape[0] - 1
    values = np.empty(max(1, words.shape[0]), dtype=np.uint64)
    offsets = np.zeros(n_docs + 1, dtype=np.int64)
    out = 0
    for d in range(n_docs):
        lo, hi = word_offsets[d], word_offsets[d + 1]
        count = hi - lo
        if count == 0:
            offsets[d + 1] = out
            continue
        buf = _position_shingles(words[lo:hi], ngram, salt, q)
        m = buf.shape[0]
        buf.sort()
        values[out] = buf[0]
        out += 1
        for p in range(1, m):
            if buf[p] != buf[p - 1]:
                values[out] = buf[p]
                out += 1
        offsets[d + 1] = out
    return values[:out], offsets


@njit(cache=True)
def oph_signatures(values: np.ndarray, offsets: np.ndarray, k: int, shift: np.uint64,
                   probes: np.ndarray) -> np.ndarray:  # pragma: no cover - compiled
    """``OnePermutationHasher.signature`` for many sorted sets (rows of the result)."""
    n_docs = offsets.shape[0] - 1
    empty_value = np.uint64(0xFFFFFFFFFFFFFFFF)
    out = np.full((n_docs, k), empty_value, dtype=np.uint64)
    filled = np.zeros(k, dtype=np.bool_)
    for d in range(n_docs):
        lo, hi = offsets[d], offsets[d + 1]
        if hi == lo:
            continue
        filled[:] = False
        for p in range(lo, hi):  # sorted: the first value of a bin is its minimum
            b = values[p] >> shift
            if not filled[b]:
                filled[b] = True
                out[d, b] = values[p]
        _densify(out[d], filled, probes)
    return out


@njit(cache=True)
def sketch_sets(words: np.ndarray, word_starts: np.ndarray, word_ends: np.ndarray, ngram: int,
                salt: np.uint64, q: np.uint64, k: int, shift: np.uint64, probes: np.ndarray,
                stops: np.ndarray, foreign: np.ndarray, weighted: bool, window: int,
                full_share: float, floor: float, unknown_share: float, weighted_share: float
                ):  # pragma: no cover - compiled
    """``shingle_sets`` → ``oph_signatures`` → ``store.compact`` → ``weights.set_weights`` in
    one pass per document, without materialising the uint64 sets: (signatures, sizes,
    compact values, their uint8 weights, offsets). Document d's words are
    ``words[word_starts[d]:word_ends[d]]``: any runs of one array (a shard's word hashes,
    without gathering the texts to sketch into a new one).

    The signature takes each bin's minimum in one unsorted pass. The compact set (sorted unique
    top 32 bits) and its weights come from one sort of keys ``top 32 bits << 32 | weight``: a
    value's keys sort by weight, so the last of each run holds the largest weight of its
    positions. ``sizes`` are the compact sets' sizes. Weights (``weighted``) follow
    ``weights.position_weights`` with its constants passed in (``foreign``: the words'
    ``weights.foreign_flags``, aligned with ``words``, or empty); else all are 255."""
    n_docs = word_starts.shape[0]
    total = 0  # a set has at most one value per word: the sets' room
    longest = 0
    for d in range(n_docs):
        total += max(word_ends[d] - word_starts[d], 0)
        longest = max(longest, word_ends[d] - word_starts[d])
    empty_value = np.uint64(0xFFFFFFFFFFFFFFFF)
    signatures = np.full((n_docs, k), empty_value, dtype=np.uint64)
    sizes = np.zeros(n_docs, dtype=np.int64)
    compact_values = np.empty(max(1, total), dtype=np.uint32)
    compact_weights = np.zeros(max(1, total), dtype=np.uint8)
    compact_offsets = np.zeros(n_docs + 1, dtype=np.int64)
    filled = np.zeros(k, dtype=np.bool_)
    high = np.uint64(0xFFFFFFFF00000000)
    spare = np.empty(max(1, longest), dtype=np.uint64)  # the radix sort's other buffer
    counts = np.zeros((5, 256), dtype=np.int64)
    out = 0
    for d in range(n_docs):
        lo, hi = word_starts[d], word_ends[d]
        count = hi - lo
        if count == 0:
            compact_offsets[d + 1] = out
            continue
        buf = _position_shingles(words[lo:hi], ngram, salt, q)
        m = buf.shape[0]
        position_weight = _position_weights(words[lo:hi], m, ngram, stops, foreign[lo:hi],
                                            weighted, window, full_share, floor,
                                            unknown_share, weighted_share)
        filled[:] = False
        row = signatures[d]
        for p in range(m):  # each bin's minimum
            v = buf[p]
            b = v >> shift
            if v < row[b] or not filled[b]:
                row[b] = v
                filled[b] = True
            buf[p] = (v & high) | np.uint64(position_weight[p])  # now the sort key
        _sort_value_weight_keys(buf, spare[:m], counts)
        start = out
        for r in range(m):
            c = np.uint32(buf[r] >> np.uint64(32))
            if r + 1 < m and np.uint32(buf[r + 1] >> np.uint64(32)) == c:
                continue  # not the last (heaviest) key of its value
            compact_values[out] = c
            compact_weights[out] = np.uint8(buf[r] & np.uint64(0xFF))
            out += 1
        sizes[d] = out - start
        compact_offsets[d + 1] = out
        _densify(row, filled, probes)
    return signatures, sizes, compact_values[:out], compact_weights[:out], compact_offsets


_KEY_BYTES = (0, 4, 5, 6, 7)  # the weight byte, then the value's four bytes, least first


@njit(cache=True, inline="always")
def _sort_value_weight_keys(keys: np.ndarray, spare: np.ndarray, counts: np.ndarray
                            ) -> None:  # pragma: no cover - compiled
    """Sort keys ``value << 32 | weight`` (bytes 1-3 zero) in place: a least-significant-digit
    radix sort on their five non-zero bytes. The same order as ``keys.sort()``, without its
    data-dependent branches, which mispredict on random hashes and cost several times as much
    at a document's few hundred keys. A byte that all keys share takes no pass."""
    m = keys.shape[0]
    counts[:, :] = 0
    for i in range(m):
        key = keys[i]
        for digit in range(5):
            counts[digit, (key >> np.uint64(8 * _KEY_BYTES[digit])) & np.uint64(0xFF)] += 1
    source, target = keys, spare
    for digit in range(5):
        shift = np.uint64(8 * _KEY_BYTES[digit])
        row = counts[digit]
        if row[(source[0] >> shift) & np.uint64(0xFF)] == m:
            continue  # one bucket holds every key: this pass would change nothing
        total = 0
        for byte in range(256):  # bucket starts
            n = row[byte]
            row[byte] = total
            total += n
        for i in range(m):
            key = source[i]
            byte = (key >> shift) & np.uint64(0xFF)
            target[row[byte]] = key
            row[byte] += 1
        source, target = target, source
    if source is not keys:
        keys[:] = source


@njit(cache=True)
def _position_weights(words: np.ndarray, m: int, ngram: int, stops: np.ndarray,
                      foreign: np.ndarray, weighted: bool, window: int, full_share: float,
                      floor: float, unknown_share: float, weighted_share: float
                      ) -> np.ndarray:  # pragma: no cover - compiled
    """``weights.position_weights`` of one document's ``m`` shingle positions (``stops``:
    ``weights.stopword_table``; ``foreign``: the words' flags, or empty for none)."""
    out = np.full(m, 255, dtype=np.uint8)
    count = words.shape[0]
    if not weighted:
        return out
    prefix = np.zeros(count + 1, dtype=np.int64)
    mask = np.uint64(stops.shape[0] - 1)
    has_foreign = foreign.shape[0] > 0
    for i in range(count):
        if has_foreign and foreign[i]:  # a word of a script without stopwords: as one
            prefix[i + 1] = prefix[i] + 1
            continue
        slot = words[i] & mask  # open addressing, linear probing; 0 marks an empty slot
        hit = 0
        while stops[slot] != 0:
            if stops[slot] == words[i]:
                hit = 1
                break
            slot = (slot + np.uint64(1)) & mask
        prefix[i + 1] = prefix[i] + hit
    text_share = prefix[count] / count
    if text_share < unknown_share:
        return out
    blend = 1.0
    if text_share < weighted_share:
        blend = (text_share - unknown_share) / (weighted_share - unknown_share)
    width = max(window, ngram)
    for p in range(m):
        a = max(p - (width - ngram) // 2, 0)
        b = min(a + width, count)
        a = max(b - width, 0)
        share = (prefix[b] - prefix[a]) / (b - a)
        weight = floor + (1.0 - floor) * min(share / full_share, 1.0)
        if blend < 1.0:
            weight = 1.0 - blend * (1.0 - weight)
        out[p] = np.uint8(np.rint(weight * 255.0))
    return out


def warm_up(clean: bool = True) -> None:
    """Load (or compile) the kernels a run uses now, e.g. before worker processes fork;
    ``clean``: the cleaner's kernels too."""
    if AVAILABLE:
        # (a Ctrl-C or SIGTERM that lands while numba compiles its runtime here, which it does
        # in every process, is raised inside an llvmlite ctypes callback, where ctypes prints
        # it and drops it: the run went on to exit 0. Held back, it is delivered after.)
        with deferred_interrupts(), _no_blas_probe():
            _load_kernels(clean)


def _load_kernels(clean: bool) -> None:
    from neardup.sketch.stage import SketchConfig, sketch_many
    from neardup.sketch.words import shard_word_hashes

    if clean:
        from neardup.clean.features import features_of_lines, line_features
        from neardup.clean.template import line_key, new_line_keys

        line_features("The warm-up of the line kernels")
        line_key("The warm-up of the line kernels")
        features_of_lines(["The warm-up of the", "line kernels"])  # (the per-document ones)
        new_line_keys(["The warm-up of the", "line kernels"])
    words = shard_word_hashes(["U.S. warm-up of the kernels"])
    sketch_many(words, SketchConfig(ngram=5, num_perm=128, seed=1, bands=32, rows=4))
    one = np.zeros(1, dtype=np.int64)
    values, weights = np.zeros(1, dtype=np.uint32), np.ones(1, dtype=np.uint8)
    pair_weighted_intersections(values, weights, one, one + 1, one, one)
    values.setflags(write=False)  # verification reads the memory-mapped store: read-only
    weights.setflags(write=False)
    pair_weighted_intersections(values, weights, one, one + 1, one, one)


@contextlib.contextmanager
def _no_blas_probe() -> Iterator[None]:
    """numba's first compilation in a process imports ``scipy.linalg`` (where scipy is
    installed) only to learn whether ``np.dot`` can use BLAS: 0.3-0.4 s of every run's start,
    for kernels that use no BLAS. Hide ``scipy.linalg`` from that probe, unless it or numba's
    array maths are already imported; afterwards it imports normally. The price, in this
    process only: numba-compiled ``np.dot``, ``np.correlate`` and ``np.convolve`` of the
    caller's own code take numba's loops instead of BLAS (``np.linalg`` still finds BLAS)."""
    name = "scipy.linalg"
    if name in sys.modules or "numba.np.arraymath" in sys.modules:
        yield
        return
    sys.modules[name] = None  # type: ignore[assignment]  # makes ``import`` raise ImportError
    try:
        yield
    finally:
        if sys.modules.get(name, "") is None:
            del sys.modules[name]
