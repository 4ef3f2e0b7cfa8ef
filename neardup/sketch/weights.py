"""Prose weights of shingles: shared navigation counts for less than shared prose.

Web pages are often flattened to one line, so the line-based cleaner cannot tell a site's menus
and product lists from its article; two pages of one site then share most of their shingles
while their articles differ (two product pages, two degree programmes of one college). What
separates the two kinds of text inside a line is how they read: running prose is full of
function words ("the", "of", "and": about 40 % of English text), menus, link lists and
headlines have almost none.

Each shingle gets a weight from the share of stopwords (``neardup.stopwords.PROSE_STOPWORDS``,
a dozen languages) in a window of ``WINDOW`` words around it: ``FLOOR`` with none, rising linearly
to 1 at ``FULL_SHARE``. Verification then uses the weighted overlaps (``match/verify.py``):
``|A ∩ B|`` becomes ``Σ min(w_A, w_B)`` over shared shingles and ``|A|`` becomes ``Σ w_A``, so
two pages whose shared text is menus and whose own text is prose come out far apart, and two
copies of an article with different menus come out closer. With equal weights everywhere the
overlaps are exactly the unweighted ones.

A text with almost no stopwords at all (a language the list does not cover) gets weight 1
throughout: its low share says nothing about prose. Between ``UNKNOWN_LANGUAGE_SHARE`` and
``WEIGHTED_SHARE`` of stopwords in the whole text the weights fade in (``w' = 1 - b·(1 - w)``,
``b`` rising linearly from 0 to 1), so that two copies of a text on either side of the first
share (one "Reuters said" added) do not get unrelated weights: with a hard switch their
weighted Jaccard fell from about 0.9 to 0.2. Weights are stored as uint8, a weight of 1
as ``MAX_WEIGHT`` (255).

Words of a script that the stopword list has no words for (Han, kana, Hangul, Arabic, Thai,
Greek, Devanagari, ...: any letter but Latin and Cyrillic) say nothing about prose either, in a
text of their own or beside English: they count as stopwords (``foreign_flags``). Counted as
menu words, a Japanese article under an English menu or with an English editor's note got the
floor weight on every shingle, and no longer contained its plain copy (containment 0.27).
"""

from __future__ import annotations

import re

import numpy as np

from neardup.normalize import tokens
from neardup.sketch.shingles import position_hashes
from neardup.sketch.words import shard_word_hashes

WINDOW = 8  # words around a shingle whose stopword share gives its weight
FULL_SHARE = 0.3  # stopword share from which a shingle counts fully (prose has 0.3-0.5)
FLOOR = 0.1  # weight of a shingle with no stopword near it (menus, link lists)
UNKNOWN_LANGUAGE_SHARE = 0.02  # below this stopword share in the whole text: all weights 1
WEIGHTED_SHARE = 0.03  # from this share on the weights apply fully (they fade in below it)
MAX_WEIGHT = 255
NO_FOREIGN_WORDS = np.empty(0, dtype=np.uint8)  # (``foreign_flags`` of texts without any)

# A letter of neither the Latin nor the Cyrillic script (the scripts of the stopword list's
# languages; combining marks and digits are no letters of another script).
_FOREIGN_LETTER = re.compile(
    r"[^\W\d_\x00-\u036f\u0400-\u052f\u1c80-\u1c8f\u1d00-\u1dbf\u1e00-\u1eff"
    r"\u2c60-\u2c7f\u2de0-\u2dff\ua640-\ua69f\ua720-\ua7ff\uab30-\uab6f\ufb00-\ufb06]")

_stop_hashes: np.ndarray | None = None
_stop_table: np.ndarray | None = None


def stopword_hashes() -> np.ndarray:
    """Sorted word hashes of the stopwords (hashed as text words are: same normalisation)."""
    global _stop_hashes
    if _stop_hashes is None:
        from neardup.stopwords import PROSE_STOPWORDS

        _stop_hashes = np.unique(shard_word_hashes([" ".join(sorted(PROSE_STOPWORDS))])[0])
    return _stop_hashes


def stopword_table() -> np.ndarray:
    """The stopword hashes as an open-addressing table (power-of-two size, 0 = empty slot,
    linear probing from ``hash & (size - 1)``), for the compiled kernel's O(1) lookups."""
    global _stop_table
    if _stop_table is None:
        stops = stopword_hashes()
        size = 1 << max(4, (4 * stops.size - 1).bit_length())  # load factor <= 1/4
        table = np.zeros(size, dtype=np.uint64)
        mask = size - 1
        for value in stops.tolist():  # sorted: the table is the same on every machine
            slot = value & mask
            while table[slot]:
                slot = (slot + 1) & mask
            table[slot] = value
        _stop_table = table
    return _stop_table


def foreign_flags(text: str, word_hashes: np.ndarray) -> np.ndarray:
    """uint8 flag of each word of ``text`` (``word_hashes``, its words' hashes in order): 1 for
    a word with a letter of a script the stopword list does not cover (``_FOREIGN_LETTER``),
    which the weights count as a stopword; ``NO_FOREIGN_WORDS`` when the text has none. A
    word's flag is a function of its hash: the hashes of the text's foreign words, hashed on
    their own (a word hashes the same alone as in its text)."""
    runs = [] if text.isascii() else _foreign_runs(text)
    if not runs:
        return NO_FOREIGN_WORDS
    foreign = [word for word in tokens(" ".join(runs)) if _FOREIGN_LETTER.search(word)]
    if not foreign:
        return NO_FOREIGN_WORDS
    return np.isin(word_hashes, shard_word_hashes([" ".join(foreign)])[0]).astype(np.uint8)


def _foreign_runs(text: str) -> list[str]:
    """The text's runs of non-space characters that hold a ``_FOREIGN_LETTER``: their words
    are the text's words with one (a page's language menu "中文 हिन्दी" is tokenised, not the
    whole page again; a symbol that NFKC makes such a letter, "㈱", does not count). Found
    letter by letter: a regular expression ``\\S*[...]\\S*`` backtracks at every character."""
    runs: list[str] = []
    end, size = -1, len(text)
    for match in _FOREIGN_LETTER.finditer(text):
        start = match.start()
        if start < end:
            continue
        while start and not text[start - 1].isspace():
            start -= 1
        end = match.end()
        while end < size and not text[end].isspace():
            end += 1
        runs.append(text[start:end])
    return runs


def shard_foreign_flags(texts: list[str], words: np.ndarray, offsets: np.ndarray,
                        candidates: list[int]) -> np.ndarray:
    """``foreign_flags`` of a shard's texts as one array aligned with ``words`` (text t's words
    at ``offsets[t]:offsets[t + 1]``), ``NO_FOREIGN_WORDS`` when no text has any. Only the texts
    at ``candidates`` (those the word hashing could not read as ASCII) are looked at."""
    flags = NO_FOREIGN_WORDS
    for t in candidates:
        a, b = int(offsets[t]), int(offsets[t + 1])
        here = foreign_flags(texts[t], words[a:b])
        if here.size:
            if not flags.size:
                flags = np.zeros(words.size, dtype=np.uint8)
            flags[a:b] = here
    return flags


def position_weights(word_hashes: np.ndarray, ngram: int,
                     foreign: np.ndarray = NO_FOREIGN_WORDS) -> np.ndarray:
    """uint8 weight of the shingle starting at each word (one weight for a text shorter than
    ``ngram`` words, which is one shingle); ``foreign``: ``foreign_flags`` of the words."""
    n_words = word_hashes.size
    if n_words == 0:
        return np.empty(0, dtype=np.uint8)
    count = max(1, n_words - ngram + 1)
    stops = stopword_hashes()  # sorted, a few hundred: binary search beats np.isin's sort
    stop = stops[np.minimum(np.searchsorted(stops, word_hashes), stops.size - 1)] == word_hashes
    if foreign.size:
        stop |= foreign.astype(bool)
    text_share = stop.mean()
    if text_share < UNKNOWN_LANGUAGE_SHARE:
        return np.full(count, MAX_WEIGHT, dtype=np.uint8)
    window = max(WINDOW, ngram)
    prefix = np.zeros(n_words + 1, dtype=np.int64)
    np.cumsum(stop, out=prefix[1:])
    # the window is centred on the shingle and shifted, not cut, at the text's ends
    lo = np.maximum(np.arange(count) - (window - ngram) // 2, 0)
    hi = np.minimum(lo + window, n_words)
    lo = np.maximum(hi - window, 0)
    share = (prefix[hi] - prefix[lo]) / (hi - lo)
    weight = FLOOR + (1.0 - FLOOR) * np.minimum(share / FULL_SHARE, 1.0)
    if text_share < WEIGHTED_SHARE:
        blend = (text_share - UNKNOWN_LANGUAGE_SHARE) / (WEIGHTED_SHARE - UNKNOWN_LANGUAGE_SHARE)
        weight = 1.0 - blend * (1.0 - weight)
    return np.rint(weight * MAX_WEIGHT).astype(np.uint8)


def set_weights(values: np.ndarray, word_hashes: np.ndarray, ngram: int, seed: int = 1,
                foreign: np.ndarray = NO_FOREIGN_WORDS) -> np.ndarray:
    """uint8 weights aligned with ``values``, the compact set (``match.store.compact``) of the
    same words; a shingle seen at several positions keeps its largest weight. ``foreign``:
    ``foreign_flags`` of the words."""
    out = np.zeros(values.size, dtype=np.uint8)
    if values.size == 0:
        return out
    positions = (position_hashes(word_hashes, ngram, seed) >> np.uint64(32)).astype(np.uint32)
    np.maximum.at(out, np.searchsorted(values, positions),
                  position_weights(word_hashes, ngram, foreign))
    return out


def uniform_weights(values: np.ndarray) -> np.ndarray:
    """Weight 1 for every shingle: the unweighted overlaps."""
    return np.full(values.size, MAX_WEIGHT, dtype=np.uint8)
