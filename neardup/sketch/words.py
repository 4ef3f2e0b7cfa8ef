"""Normalised words → stable 64-bit word hashes, for a whole shard of texts at once.

The words are exactly those of ``neardup.normalize.tokens`` (NFKC, dotted acronyms joined,
case folded, maximal ``\\w+`` runs, each Han or kana character a word of its own; texts with
those take the regex path). Each word is hashed from its UTF-8 bytes b_0..b_{m-1} as

    h(word) = mix64( Σ_k b_k · P^k  mod 2^64 ),   P odd,

computed for every word of every text in a few numpy passes over one concatenated byte array:
with prefix sums S_i = Σ_{k<i} b_k · P^k, a word spanning [s, e) has Σ = (S_e − S_s) · P^(−s),
P^(−1) being P's inverse modulo 2^64 (it exists because P is odd). Python's per-word loop, the
slowest part of a naive shingler, is gone.

Fast path: a text that is ASCII once common typographic punctuation (curly quotes, dashes,
ellipsis, non-breaking space: none of them word characters, before or after NFKC) is mapped to
spaces is tokenised on its bytes with a lookup table. Any other text goes through the regular
expression of ``normalize.tokens``; both paths give the same words (a property test checks it).
"""

from __future__ import annotations

import re

import numpy as np

from neardup.normalize import CHARACTER_REFERENCE, HONORIFICS, PERCENT, tokens, without_urls
from neardup.sketch import kernels
from neardup.sketch.hashing import mix64

_P = 0x100000001B3  # odd: invertible modulo 2^64
_P_INV = pow(_P, -1, 1 << 64)

# Non-word characters whose NFKC form holds no word character either: mapping them to a space
# changes no token, and lets most English news take the ASCII path.
_TYPOGRAPHIC = "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u00ab\u00bb" \
    "\u2039\u203a\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2026\u00a0\u2002\u2003\u2009" \
    "\u200a\u202f\u205f\u3000\u2022\u00b7\u00a9\u00ae\u00b0\u2020\u2021\u00a7\u00b6"
_TYPOGRAPHIC_RE = re.compile("[" + re.escape(_TYPOGRAPHIC) + "]")

_WORD_BYTE = np.zeros(256, dtype=bool)
for _c in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_":
    _WORD_BYTE[_c] = True
# Byte → its lowercase value if it belongs to a word, else 0. Word bytes are the ASCII word
# characters and every byte of a multi-byte UTF-8 character (only the slow path's words, all
# made of word characters, contain those).
_WORD_VALUE = np.arange(256, dtype=np.uint8)
_WORD_VALUE[ord("A"): ord("Z") + 1] += 32
_WORD_VALUE[:128][~_WORD_BYTE[:128]] = 0
_DOT = ord(".")
_SPACE = ord(" ")


def _word_sum(word: str) -> int:
    """Σ b_k · P^k mod 2^64 over the word's bytes: the value ``h`` is ``mix64`` of."""
    return sum(b * pow(_P, k, 1 << 64) for k, b in enumerate(word.encode("utf-8"))) % (1 << 64)


# The folds of ``normalize.fold_variants`` as the kernel takes them: the sums of "per" and
# "cent", the hash of "percent", the sums of the honorifics; and as hashes for the numpy path.
_FOLD = np.array([_word_sum("per"), _word_sum("cent"),
                  int(mix64(np.array([_word_sum(PERCENT)], dtype=np.uint64))[0]),
                  *(_word_sum(w) for w in sorted(HONORIFICS))], dtype=np.uint64)
_FOLD_HIT = np.zeros(256, dtype=np.bool_)
_FOLD_HIT[(_FOLD[[0, 1, *range(3, _FOLD.size)]] & np.uint64(255)).astype(np.intp)] = True
_PER, _CENT = mix64(_FOLD[:2]).tolist()
_PERCENT_HASH = int(_FOLD[2])
_HONORIFIC_HASHES = mix64(_FOLD[3:])

_powers = np.ones(1, dtype=np.uint64)
_inverse_powers = np.ones(1, dtype=np.uint64)


def _power_tables(size: int) -> tuple[np.ndarray, np.ndarray]:
    """P^k and P^(-k) modulo 2^64 for k < size (cached, grown by doubling)."""
    global _powers, _inverse_powers
    if _powers.size < size:
        n = max(size, 2 * _powers.size)
        _powers = np.ones(n, dtype=np.uint64)
        _inverse_powers = np.ones(n, dtype=np.uint64)
        with np.errstate(over="ignore"):
            np.cumprod(np.full(n - 1, _P, dtype=np.uint64), out=_powers[1:])
            np.cumprod(np.full(n - 1, _P_INV, dtype=np.uint64), out=_inverse_powers[1:])
    return _powers[:size], _inverse_powers[:size]


def _ascii_bytes(text: str) -> bytes | None:
    """ASCII bytes of ``text`` with typographic punctuation as spaces, or None (slow path: a
    character reference too, "&amp;", which the regex path decodes)."""
    if "&" in text and CHARACTER_REFERENCE.search(text):
        return None
    if not text.isascii():
        # NFKC makes the ellipsis "...": its dots can end a dotted acronym ("U.S…" → "US")
        text = _TYPOGRAPHIC_RE.sub(" ", text.replace("\u2026", "..."))
        if not text.isascii():
            return None
    return text.encode("ascii")


def _acronym_dots(raw: np.ndarray) -> np.ndarray:
    """Positions of the dots of dotted acronyms ("U.S." → "US"), as ``normalize`` drops them.

    A unit is a word byte other than a digit followed by "." and preceded by a non-word byte
    (or the start). A run
    of two or more units, each starting right after the previous one's dot, whose last dot is
    not followed by a word byte, is an acronym (the regex ``\\b(?:[^\\W\\d]\\.){2,}(?!\\w)``).
    """
    n = raw.size
    word = _WORD_BYTE[raw]
    unit = np.zeros(n, dtype=bool)
    unit[:-1] = word[:-1] & (raw[1:] == _DOT) & ((raw[:-1] < 48) | (raw[:-1] > 57))  # (no digit)
    unit[1:] &= ~word[:-1]
    positions = np.flatnonzero(unit)
    if positions.size < 2:
        return positions[:0]
    new_run = np.ones(positions.size, dtype=bool)
    new_run[1:] = positions[1:] - positions[:-1] != 2
    run_id = np.cumsum(new_run) - 1
    run_length = np.bincount(run_id)
    last = np.flatnonzero(np.r_[new_run[1:], True])  # each run's last unit
    after = positions[last] + 2  # the byte after the run's last dot
    followed_by_word = np.zeros(last.size, dtype=bool)
    inside = after < n
    followed_by_word[inside] = word[after[inside]]
    good_run = (run_length >= 2) & ~followed_by_word
    return positions[good_run[run_id]] + 1


def _sequence_table(length: int) -> np.ndarray:
    rows = [list(c.encode("utf-8")) for c in _TYPOGRAPHIC if len(c.encode("utf-8")) == length]
    return np.array(rows, dtype=np.uint8).reshape(-1, length)


_TYPOGRAPHIC_2 = _sequence_table(2)
_TYPOGRAPHIC_3 = _sequence_table(3)


def shard_word_hashes(texts: list[str]) -> list[np.ndarray]:
    """Word hashes (uint64) of each text, in word order (compiled path when available)."""
    if not kernels.AVAILABLE:
        return numpy_word_hashes(texts) if texts else []
    hashes, offsets, _ = shard_word_runs(texts)
    # plain slices: np.split costs microseconds of Python per piece
    bounds = offsets.tolist()
    return [hashes[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def shard_word_runs(texts: list[str]) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """``shard_word_hashes`` as one array: text t's words are ``hashes[offsets[t]:offsets[t +
    1]]`` (what the compiled path makes, without an array per text); and the positions of the
    texts that may hold words of other scripts than Latin (those the compiled path could not
    read as ASCII; all texts on the numpy path), for ``weights.shard_foreign_flags``."""
    if not texts:
        return np.empty(0, dtype=np.uint64), np.zeros(1, dtype=np.int64), []
    if not kernels.AVAILABLE:
        return (*joined_runs(numpy_word_hashes(texts)), list(range(len(texts))))
    texts = list(map(without_urls, texts))
    encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
    lengths = np.fromiter((len(e) + 1 for e in encoded), dtype=np.int64, count=len(encoded))
    ends = np.cumsum(lengths) - 1
    starts = ends - (lengths - 1)
    buf = np.frombuffer(b" ".join([*encoded, b""]), dtype=np.uint8)  # (a space after each)
    hashes, counts, slow = kernels.ascii_word_hashes(buf, starts, ends, _WORD_VALUE,
                                                      _TYPOGRAPHIC_2, _TYPOGRAPHIC_3,
                                                      np.uint64(_P), _FOLD, _FOLD_HIT)
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    if slow.any():  # rare: the regex path's words, spliced in
        bounds = offsets.tolist()
        pieces = [hashes[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
        positions = np.flatnonzero(slow).tolist()
        for position, words in zip(positions, numpy_word_hashes([texts[i] for i in positions]),
                                   strict=True):
            pieces[position] = words
        return (*joined_runs(pieces), positions)
    return hashes, offsets, []


def joined_runs(arrays: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """uint64 arrays as one, with offsets: array k at ``joined[offsets[k]:offsets[k + 1]]``."""
    offsets = np.zeros(len(arrays) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([a.size for a in arrays], dtype=np.int64)
    joined = np.concatenate(arrays) if offsets[-1] else np.empty(0, dtype=np.uint64)
    return joined.astype(np.uint64, copy=False), offsets


def numpy_word_hashes(texts: list[str]) -> list[np.ndarray]:
    """Word hashes (uint64) of each text, in word order: the reference numpy path."""
    pieces = []
    for text in map(without_urls, texts):
        data = _ascii_bytes(text.replace("%", f" {PERCENT} ") if "%" in text else text)
        if data is None:
            # Slow path: the regex tokeniser; its words, joined by spaces, hash alike.
            data = " ".join(tokens(text)).encode("utf-8", "surrogatepass")
        pieces.append(data)
    # One space between texts so that no word spans two of them.
    raw = np.frombuffer(b" ".join(pieces) + b" ", dtype=np.uint8)
    lengths = np.fromiter((len(p) + 1 for p in pieces), dtype=np.int64, count=len(pieces))
    text_starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    dots = _acronym_dots(raw)
    if dots.size:
        keep = np.ones(raw.size, dtype=bool)
        keep[dots] = False
        raw = raw[keep]
        text_starts = text_starts - np.searchsorted(dots, text_starts)
    # Word bytes, lowercased; every other byte becomes 0 (so it adds nothing to a hash).
    data = _WORD_VALUE[raw]
    is_word = data != 0
    edges = np.diff(is_word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    word_starts = np.flatnonzero(edges == 1)
    word_ends = np.flatnonzero(edges == -1)
    powers, inverse = _power_tables(data.size + 1)
    with np.errstate(over="ignore"):
        weighted = data.astype(np.uint64) * powers[: data.size]
        prefix = np.zeros(data.size + 1, dtype=np.uint64)
        np.cumsum(weighted, out=prefix[1:])
        sums = (prefix[word_ends] - prefix[word_starts]) * inverse[word_starts]
    hashes = mix64(sums)
    return [_folded(words)
            for words in np.split(hashes, np.searchsorted(word_starts, text_starts[1:]))]


def _folded(words: np.ndarray) -> np.ndarray:
    """``normalize.fold_variants`` on the word hashes of one text."""
    words = words[~np.isin(words, _HONORIFIC_HASHES)]
    pairs = np.flatnonzero((words[:-1] == _PER) & (words[1:] == _CENT))
    if pairs.size:  # (pairs never overlap: "cent" is not "per")
        words = words.copy()
        words[pairs] = _PERCENT_HASH
        words = np.delete(words, pairs + 1)
    return words
