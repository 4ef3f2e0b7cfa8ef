"""Compiled (numba) per-line kernels, identical to the bytes paths of features.py and template.py.

* ``ascii_word_counts_kernel``: the word counts of a new line
  (:func:`neardup.clean.features._ascii_word_counts_bytes`), and its punctuation features
  (:func:`neardup.clean.features._line_marks`, valid for pure-ASCII lines);
* ``ascii_norm_kernel``: the normalised line behind a template key
  (:func:`neardup.clean.template.ascii_norm_bytes`);
* ``ascii_lines_kernel``, ``ascii_norms_kernel``: the same for all new lines of a document
  in one call (lines joined by ``\\n``: one conversion of arguments and results per document
  instead of one per line).

The bytes paths define the results with C-level ``bytes`` calls (translate, split, strip, one
``map`` per count); the kernels compute the same in one pass over the bytes, without the
per-call and per-word Python overhead that dominates on long lines (a paragraph has 40 words
and more). Without numba (``NEARDUP_PURE=1``, or numba not importable) the bytes paths run;
tests check that both agree.

Words are runs of ``[0-9A-Za-z_]`` bytes (``\\w`` on ASCII; other bytes separate words),
lower-cased. Set membership (stop words, cue tokens) is a look-up of the word packed into two
ints in an open-addressing table: byte ``k`` of a word (all ``< 0x80``) at bits ``8k..8k+7``
of the first int for ``k < 8``, of the second for ``8 <= k < 16``; a packing is one-to-one for
words of up to 16 bytes (no byte of a word is 0), and no stop word or cue token is longer.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from neardup.sketch.kernels import AVAILABLE, njit

# byte -> 0 (not a word byte), 1 (upper-case letter), 2 (lower-case letter), 3 (digit), 4 (_)
_NONWORD, _UPPER, _LOWER, _DIGIT, _UNDERSCORE = 0, 1, 2, 3, 4
WORD_BYTE_CLASS = np.zeros(256, dtype=np.uint8)
for _c in range(128):
    _ch = chr(_c)
    if _ch.isascii() and _ch.isupper():
        WORD_BYTE_CLASS[_c] = _UPPER
    elif _ch.isascii() and _ch.islower():
        WORD_BYTE_CLASS[_c] = _LOWER
    elif _ch.isdigit():
        WORD_BYTE_CLASS[_c] = _DIGIT
    elif _ch == "_":
        WORD_BYTE_CLASS[_c] = _UNDERSCORE
MAX_PACKED = 16


def pack_word(word: bytes) -> tuple[int, int]:
    """The two packed ints of a lower-cased word of at most ``MAX_PACKED`` bytes."""
    assert len(word) <= MAX_PACKED and 0 not in word and word.isascii(), word
    return (
        int.from_bytes(word[:8].ljust(8, b"\0"), "little"),
        int.from_bytes(word[8:].ljust(8, b"\0"), "little"),
    )


_TABLE_BITS = 10  # slots of a word table: 1024, for a few hundred words
_MUL = 0x9E3779B97F4A7C15  # (Fibonacci hashing)
_MASK64 = (1 << 64) - 1


def _slot(lo: int, hi: int) -> int:
    """Home slot of a packed word in a word table (as :func:`_member` computes it)."""
    return (((lo ^ (hi * 31 & _MASK64)) * _MUL) & _MASK64) >> (64 - _TABLE_BITS)


def word_table(words: Iterable[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """A word set as an open-addressing hash table of packed words: two int64 arrays (first,
    second int of each slot; an empty slot holds 0, which no word packs to)."""
    lo_keys = np.zeros(1 << _TABLE_BITS, dtype=np.int64)
    hi_keys = np.zeros(1 << _TABLE_BITS, dtype=np.int64)
    words = sorted(set(words))
    assert 2 * len(words) < len(lo_keys)
    for w in words:
        lo, hi = pack_word(w)
        i = _slot(lo, hi)
        while lo_keys[i]:  # (linear probing)
            i = (i + 1) & (len(lo_keys) - 1)
        lo_keys[i], hi_keys[i] = lo, hi
    return lo_keys, hi_keys


@njit(cache=True, inline="always")
def _member(
    lo_keys: np.ndarray, hi_keys: np.ndarray, lo: int, hi: int
) -> bool:  # pragma: no cover - compiled
    """The packed word ``(lo, hi)`` is in the word table ``lo_keys, hi_keys``."""
    h = (np.uint64(lo) ^ (np.uint64(hi) * np.uint64(31))) * np.uint64(_MUL)
    i = np.int64(h >> np.uint64(64 - _TABLE_BITS))
    mask = lo_keys.shape[0] - 1
    while lo_keys[i] != 0:
        if lo_keys[i] == lo and hi_keys[i] == hi:
            return True
        i = (i + 1) & mask
    return False


@njit(cache=True)
def _word_counts(
    b: bytes,
    s: int,
    sep: int,
    key: np.ndarray,
    k: int,
    byte_class: np.ndarray,
    stop_lo: np.ndarray,
    stop_hi: np.ndarray,
    cue_lo: np.ndarray,
    cue_hi: np.ndarray,
):  # pragma: no cover - compiled
    """The word counts of the line of ``b`` from ``s`` to the next byte ``sep`` (or the end;
    -1: no separator): (words, stop words, digit words, upper-case initials, lower-case
    initials, upper-case initials of stop words, any letter, any cue token, pure ASCII, end
    of the line, end of its key in ``key``). The key (the lower-cased words joined by one
    space) is written to ``key`` from ``k`` on."""
    n = len(b)
    nw = n_stop = n_digit = n_upper = n_lower = n_upper_stop = 0
    letter = False
    cue = False
    pure = True
    i = s
    while i < n:
        x0 = b[i]
        first = byte_class[x0]
        if first == 0:
            if x0 == sep:
                break
            if x0 >= 128:
                pure = False
            i += 1
            continue
        if nw:
            key[k] = 32
            k += 1
        all_digit = True
        lo = 0
        hi = 0
        length = 0
        while i < n:
            x = b[i]
            c = byte_class[x]
            if c == 0:
                break
            if c == 1:
                x += 32
                letter = True
            elif c == 2:
                letter = True
            if c != 3:
                all_digit = False
            key[k] = x
            k += 1
            if length < 8:
                lo |= np.int64(x) << (8 * length)
            elif length < 16:
                hi |= np.int64(x) << (8 * (length - 8))
            length += 1
            i += 1
        nw += 1
        if first == 1:
            n_upper += 1
        elif first == 2:
            n_lower += 1
        if all_digit:
            n_digit += 1
        if length <= 16:
            if _member(stop_lo, stop_hi, lo, hi):
                n_stop += 1
                if first == 1:
                    n_upper_stop += 1
            if not cue and _member(cue_lo, cue_hi, lo, hi):
                cue = True
    return nw, n_stop, n_digit, n_upper, n_lower, n_upper_stop, letter, cue, pure, i, k


@njit(cache=True)
def ascii_word_counts_kernel(
    b: bytes,
    byte_class: np.ndarray,
    stop_lo: np.ndarray,
    stop_hi: np.ndarray,
    cue_lo: np.ndarray,
    cue_hi: np.ndarray,
    title_max_words: int,
    cue_max_words: int,
):  # pragma: no cover - compiled
    """(words, stop words, digit words, upper-case initials, lower-case initials, upper-case
    initials of stop words, any letter, any cue token, lower-cased words joined by one space
    as a uint8 array) of the line bytes ``b``, then its punctuation marks (see
    :func:`_ascii_marks`)."""
    n = len(b)
    key = np.empty(n, dtype=np.uint8)
    nw, n_stop, n_digit, n_upper, n_lower, n_upper_stop, letter, cue, _, _, k = _word_counts(
        b, 0, -1, key, 0, byte_class, stop_lo, stop_hi, cue_lo, cue_hi
    )
    return (
        nw,
        n_stop,
        n_digit,
        n_upper,
        n_lower,
        n_upper_stop if nw <= title_max_words else 0,
        letter,
        cue and nw <= cue_max_words,
        key[:k],
    ) + _ascii_marks(b, 0, n)


# The columns of ascii_lines_kernel's counts: the values of ascii_word_counts_kernel but the
# key (as ints), then whether the marks hold (the line is ASCII but for known code points),
# then the hints of features._line_features_from: the line may be a caption credit (see
# _maybe_credit), it holds a cue stem (see _has_cue_stem)
LINE_COLUMNS = 14


@njit(cache=True)
def ascii_lines_kernel(
    b: bytes,
    n_lines: int,
    byte_class: np.ndarray,
    stop_lo: np.ndarray,
    stop_hi: np.ndarray,
    cue_lo: np.ndarray,
    cue_hi: np.ndarray,
    title_max_words: int,
    cue_max_words: int,
    known: np.ndarray,
    words: np.ndarray,
    word_lens: np.ndarray,
    pairs: np.ndarray,
    word_groups: np.ndarray,
    openings: np.ndarray,
    opening_lens: np.ndarray,
    norm_known: np.ndarray,
):  # pragma: no cover - compiled
    """:func:`ascii_word_counts_kernel` of each of the ``n_lines`` lines of ``b`` (joined by
    ``\\n``), in one call: an int64 array of ``LINE_COLUMNS`` values per line, and the keys
    joined by ``\\n`` as a uint8 array.

    ``known``: the non-ASCII code points the marks know (those of features._WORD_SEPARATORS,
    none a mark, the no-break space whitespace: a line with another has no marks);
    ``words``, ``openings``: :func:`byte_strings` of lower-case words (``pairs``:
    :func:`first_pairs` of ``words``), ``word_groups`` a bit for each word: the last two
    columns say which groups of ``words`` (bit 1: or of ``openings``, when the line opens
    with one, or the bracket test of :func:`_marks`) the line holds, as a substring of its key
    (that is, of the lower-cased line: the words are letters).

    Then the normalised lines of :func:`ascii_norms_kernel` in one uint8 array and an int64
    array of their (start, end) in it, (-1, -1) for None, and for a line with a non-ASCII
    character other than ``norm_known`` (the separators it normalises as ASCII).
    """
    out = np.empty((n_lines, LINE_COLUMNS), dtype=np.int64)
    key = np.empty(len(b), dtype=np.uint8)  # (a key is at most as long as its line)
    cps = np.empty(len(b), dtype=np.int64)
    norms = np.empty(len(b), dtype=np.uint8)
    bounds = np.empty((n_lines, 2), dtype=np.int64)
    kn = 0
    k = 0
    s = 0
    for row in range(n_lines):
        if row:
            key[k] = 10
            k += 1
        k0 = k
        nw, n_stop, n_digit, n_upper, n_lower, n_upper_stop, letter, cue, pure, e, k = (
            _word_counts(b, s, 10, key, k, byte_class, stop_lo, stop_hi, cue_lo, cue_hi)
        )
        if pure:
            valid = norm_ok = True
            terminal, ends, commas, paren = _marks(b, s, e)
        else:
            m, valid, norm_ok = _decode(b, s, e, cps, known, norm_known)
            terminal, ends, commas, paren = _marks(cps, 0, m)
        bounds[row, 0] = bounds[row, 1] = -1
        if norm_ok:
            bounds[row, 0], bounds[row, 1], _ = _norm_into(b, s, 10, norms, kn)
            kn = max(kn, bounds[row, 1])
        found = _found(key, k0, k, words, word_lens, pairs, word_groups)
        if paren or (e > s and byte_class[b[s]] != 0
                     and _opens(key, k0, k, openings, opening_lens)):
            found |= 1
        out[row, 0] = nw
        out[row, 1] = n_stop
        out[row, 2] = n_digit
        out[row, 3] = n_upper
        out[row, 4] = n_lower
        out[row, 5] = n_upper_stop if nw <= title_max_words else 0
        out[row, 6] = letter
        out[row, 7] = cue and nw <= cue_max_words
        out[row, 8] = terminal
        out[row, 9] = ends
        out[row, 10] = commas
        out[row, 11] = valid
        out[row, 12] = found & 1
        out[row, 13] = found >> 1 & 1
        s = e + 1
    return out, key[:k], norms[:kn], bounds


@njit(cache=True)
def _opens(
    key: np.ndarray, s: int, e: int, words: np.ndarray, lens: np.ndarray
) -> bool:  # pragma: no cover - compiled
    """``key[s:e]`` starts with one of ``words`` (see :func:`byte_strings`)."""
    for w in range(len(lens)):  # noqa: SIM110 (numba: no generator for any())
        if _at(key, s, e, words, w, lens[w]):
            return True
    return False


# str.isspace() / re's \s of an ASCII code point; the other sets of the marks (features._CLOSERS,
# _TERMINAL_MARKS, _SENTENCE_END_RE), their ASCII parts as flags of the 128 ASCII code points,
# their other parts written out in the predicates below
def _ascii_flags(chars: str) -> np.ndarray:
    flags = np.zeros(128, dtype=np.bool_)
    for c in chars:
        flags[ord(c)] = True
    return flags


_SPACE = _ascii_flags("".join(chr(c) for c in range(128) if chr(c).isspace()))
_CLOSER = _ascii_flags("\"')]")  # (features.CLOSERS)
_TERMINAL = _ascii_flags(".!?:;")  # (features._TERMINAL_MARKS)
_SENTENCE_MARK = _ascii_flags(".!?")  # (features._SENTENCE_END_RE, its parts)
_SENTENCE_CLOSER = _ascii_flags("\"')")
_SENTENCE_OPENER = _ascii_flags("\"'(")
_SENTENCE_START = _ascii_flags("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@njit(cache=True, inline="always")
def _in(flags: np.ndarray, c: int) -> bool:  # pragma: no cover - compiled
    return c < 128 and flags[c]


@njit(cache=True, inline="always")
def _is_space(c: int) -> bool:  # pragma: no cover - compiled
    return _in(_SPACE, c) or c == 0xA0  # (no other known code point is whitespace)


@njit(cache=True, inline="always")
def _is_lower(c: int) -> bool:  # pragma: no cover - compiled
    return 97 <= c <= 122  # (ASCII a-z, as features._SENTENCE_END_RE's glued end)


@njit(cache=True, inline="always")
def _is_upper(c: int) -> bool:  # pragma: no cover - compiled
    return 65 <= c <= 90


@njit(cache=True)
def _decode(b: bytes, s: int, n: int, cps: np.ndarray, known: np.ndarray, known2: np.ndarray):
    # pragma: no cover - compiled
    """The code points of the UTF-8 line ``b[s:n]`` written to ``cps``: (their number, whether
    each is ASCII or one of ``known``, and whether each is ASCII or one of ``known2``; both
    sorted arrays)."""
    m = 0
    i = s
    valid = valid2 = True
    while i < n:
        x = b[i]
        if x < 0x80:
            c = np.int64(x)
            i += 1
        elif x >= 0xE0 and x < 0xF0 and i + 2 < n:
            c = ((np.int64(x) & 0x0F) << 12) | ((np.int64(b[i + 1]) & 0x3F) << 6) | (
                np.int64(b[i + 2]) & 0x3F
            )
            i += 3
        elif x >= 0xC0 and x < 0xE0 and i + 1 < n:
            c = ((np.int64(x) & 0x1F) << 6) | (np.int64(b[i + 1]) & 0x3F)
            i += 2
        else:  # (a 4-byte sequence or a broken one: no known code point)
            c = -1
            i += 1
        if c >= 0x80:
            j = np.searchsorted(known, c)
            if j >= len(known) or known[j] != c:
                valid = False
            j = np.searchsorted(known2, c)
            if j >= len(known2) or known2[j] != c:
                valid2 = False
        elif c < 0:
            valid = valid2 = False
        cps[m] = c
        m += 1
    return m, valid, valid2


@njit(cache=True)
def _marks(cps, s: int, m: int):  # pragma: no cover - compiled
    """The punctuation features of a line given as its code points ``cps[s:m]`` (ASCII or
    ``known`` of :func:`ascii_lines_kernel`; the bytes of a pure-ASCII line are its code points), as
    ``features._line_marks`` defines them: (terminal, sentence ends: matches of
    ``_SENTENCE_END_RE``, commas); and whether it ends in ")" before an optional full stop and
    whitespace (the bracket test of ``features._maybe_credit``)."""
    e = m  # terminal: the last character before trailing whitespace and closers
    while e > s and _is_space(cps[e - 1]):
        e -= 1
    p = e
    while e > s and (_in(_CLOSER, cps[e - 1]) or cps[e - 1] == 0x201D or cps[e - 1] == 0x2019
                     or cps[e - 1] == 0xBB):
        e -= 1
    terminal = e > s and (_in(_TERMINAL, cps[e - 1]) or cps[e - 1] == 0x2026)
    if p > s and cps[p - 1] == 46:  # (the bracket test: a full stop, whitespace, then ")")
        p -= 1
        while p > s and _is_space(cps[p - 1]):
            p -= 1
    paren = p > s and cps[p - 1] == 41
    ends = 0
    commas = 0
    for i in range(s, m):
        x = cps[i]
        if x == 44:
            commas += 1
        elif _in(_SENTENCE_MARK, x) or x == 0x2026:
            # (a match of _SENTENCE_END_RE holds one mark, at its start: matches cannot
            # overlap, so counting the marks that start one counts findall's matches)
            j = i + 1
            while j < m and (_in(_SENTENCE_CLOSER, cps[j]) or cps[j] == 0x201D
                             or cps[j] == 0x2019):
                j += 1
            if j < m and _is_space(cps[j]):
                while j < m and _is_space(cps[j]):
                    j += 1
                if j < m and (_in(_SENTENCE_OPENER, cps[j]) or cps[j] == 0x201C
                              or cps[j] == 0x2018):
                    j += 1
                if j < m and _in(_SENTENCE_START, cps[j]):
                    ends += 1
            elif (x != 0x2026 and i - 2 >= s and i + 2 < m and _is_lower(cps[i - 1])
                  and _is_lower(cps[i - 2]) and _is_upper(cps[i + 1])
                  and _is_lower(cps[i + 2])):
                ends += 1  # (glued: "Wednesday.The")
    return terminal, ends, commas, paren


@njit(cache=True)
def _ascii_marks(b: bytes, s: int, n: int):  # pragma: no cover - compiled
    """:func:`_marks` of the pure-ASCII line ``b[s:n]`` but the bracket test."""
    terminal, ends, commas, _ = _marks(b, s, n)
    return terminal, ends, commas


@njit(cache=True, inline="always")
def _at(key: np.ndarray, i: int, e: int, words: np.ndarray, w: int, n: int) -> bool:
    # pragma: no cover - compiled
    """``key[i:e]`` starts with word ``w`` of ``words`` (of length ``n``)."""
    if e - i < n:
        return False
    for j in range(n):  # noqa: SIM110 (numba: no generator for all())
        if key[i + j] != words[w, j]:
            return False
    return True


@njit(cache=True)
def _found(
    key: np.ndarray, s: int, e: int, words: np.ndarray, lens: np.ndarray, pairs: np.ndarray,
    groups: np.ndarray,
) -> int:  # pragma: no cover - compiled
    """The groups (bits) of the ``words`` (see :func:`byte_strings`) that ``key[s:e]`` holds;
    ``pairs``: :func:`first_pairs` of ``words`` (a table of two bytes is taken far less often
    than one of one byte: fewer mispredicted branches)."""
    found = 0
    for i in range(s, e - 1):
        w = pairs[(np.int64(key[i]) << 8) | key[i + 1]]
        if w >= 0 and _at(key, i, e, words, w, lens[w]):
            found |= groups[w]
    return found


def first_pairs(words: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """For each pair of bytes (``first << 8 | second``), the one of ``words`` (see
    :func:`byte_strings`, each at least two bytes, no two opening alike) that opens with it,
    or -1."""
    pairs = np.full(1 << 16, -1, dtype=np.int8)
    for w in range(len(lens)):
        pair = int(words[w, 0]) << 8 | int(words[w, 1])
        assert lens[w] >= 2 and pairs[pair] == -1
        pairs[pair] = w
    return pairs


def byte_strings(words: Iterable[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """Byte strings as a uint8 array (one row each, zero-padded) and their lengths."""
    words = list(words)
    table = np.zeros((len(words), max(map(len, words), default=1)), dtype=np.uint8)
    for i, w in enumerate(words):
        table[i, : len(w)] = np.frombuffer(w, dtype=np.uint8)
    return table, np.array([len(w) for w in words], dtype=np.int64)


@njit(cache=True)
def _norm_into(
    b: bytes, s: int, sep: int, out: np.ndarray, k: int
):  # pragma: no cover - compiled
    """Normalise the line of ``b`` from ``s`` to the next byte ``sep`` (or the end; -1: no
    separator) as :func:`ascii_norm_kernel` does, writing it to ``out`` from ``k`` on: (start
    and end of the result in ``out``, or -1, -1 for None; end of the line in ``b``)."""
    n = len(b)
    digit_run = False
    k0 = k
    ok = True
    i = s
    while i < n:
        x = b[i]
        if x == sep:
            break
        i += 1
        if not ok:
            continue  # (None: only the end of the line is still needed)
        if x < 32 or x == 127 or (x == 32 and i - 1 > s and b[i - 2] == 32):
            ok = False
            continue
        if 48 <= x <= 57:
            if digit_run:
                continue
            x = 48
            digit_run = True
        else:
            digit_run = False
            if 65 <= x <= 90:
                x += 32
        out[k] = x
        k += 1
    if not ok:
        return -1, -1, i
    while k0 < k and not (48 <= out[k0] <= 57 or 97 <= out[k0] <= 122):
        k0 += 1
    while k > k0 and not (48 <= out[k - 1] <= 57 or 97 <= out[k - 1] <= 122):
        k -= 1
    return k0, k, i


@njit(cache=True)
def ascii_norm_kernel(b: bytes):  # pragma: no cover - compiled
    """``neardup.clean.template.ascii_norm_bytes`` in one pass: None if an ASCII byte is not
    printable or two spaces follow each other, else ASCII letters lower-cased, each run of
    digits to one "0", then every byte but ``[0-9a-z]`` stripped at both ends (the line's
    only non-ASCII characters are separators: no letters, no digits)."""
    # (the loop of _norm_into without its line-end and None bookkeeping: ~7% faster on the
    # learner's one line at a time; tests check that both agree)
    n = len(b)
    out = np.empty(n, dtype=np.uint8)
    k = 0
    digit_run = False
    for i in range(n):
        x = b[i]
        if x < 32 or x == 127 or (x == 32 and i and b[i - 1] == 32):
            return None
        if 48 <= x <= 57:
            if digit_run:
                continue
            x = 48
            digit_run = True
        else:
            digit_run = False
            if 65 <= x <= 90:
                x += 32
        out[k] = x
        k += 1
    s = 0
    while s < k and not (48 <= out[s] <= 57 or 97 <= out[s] <= 122):
        s += 1
    while k > s and not (48 <= out[k - 1] <= 57 or 97 <= out[k - 1] <= 122):
        k -= 1
    return out[s:k]


@njit(cache=True)
def ascii_norms_kernel(b: bytes, n_lines: int):  # pragma: no cover - compiled
    """:func:`ascii_norm_kernel` of each of the ``n_lines`` lines of ``b`` (joined by
    ``\\n``), in one call: the normalised lines in one uint8 array, and an int64 array of
    their (start, end) in it, (-1, -1) for None."""
    out = np.empty(len(b), dtype=np.uint8)
    bounds = np.empty((n_lines, 2), dtype=np.int64)
    k = 0
    s = 0
    for row in range(n_lines):
        start, end, e = _norm_into(b, s, 10, out, k)
        bounds[row, 0] = start
        bounds[row, 1] = end
        if end > k:
            k = end  # (the next line goes after this one's result)
        s = e + 1
    return out, bounds


__all__ = [
    "AVAILABLE",
    "byte_strings",
    "first_pairs",
    "WORD_BYTE_CLASS",
    "LINE_COLUMNS",
    "ascii_lines_kernel",
    "ascii_norm_kernel",
    "ascii_norms_kernel",
    "ascii_word_counts_kernel",
    "word_table",
]
