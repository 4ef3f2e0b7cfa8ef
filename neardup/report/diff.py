"""Word-level differences between two texts, for the report's side-by-side view.

The differences are computed with :mod:`difflib` on word tokens (runs of non-space characters)
and returned as character spans, so the page can highlight them without re-tokenising: every
operation says which characters of the kept copy (``a``) and of the other copy (``b``) it covers.
Offsets can be converted to UTF-16 code units (what JavaScript strings index by) with
:func:`utf16_offsets`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

_WORD = re.compile(r"\S+")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

#: Diff operation tags: the other copy ``a``dded words, is ``m``issing words of the kept copy,
#: or ``c``hanged words (a replacement).
ADDED, MISSING, CHANGED = "a", "m", "c"
_TAGS = {"insert": ADDED, "delete": MISSING, "replace": CHANGED}


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One difference: characters ``[a_start, a_end)`` of the kept copy and ``[b_start, b_end)``
    of the other copy. For :data:`ADDED` the kept span is empty, for :data:`MISSING` the other
    span is empty."""

    tag: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the words (runs of non-space characters) of ``text``."""
    return [match.span() for match in _WORD.finditer(text)]


class KeptDiffer:
    """Diffs many copies against one kept text, reusing the kept copy's index.

    Lines first, then words: :class:`difflib.SequenceMatcher` aligns the two texts' lines (a
    few dozen items, fast), and only the runs of lines that differ are diffed word by word.
    Diffing all words at once costs milliseconds per pair of news-length copies (every
    frequent word is a candidate match everywhere); a text without line breaks is one run.
    The kept copy is the matcher's second sequence, indexed once for all its copies.
    """

    def __init__(self, kept: str) -> None:
        self.kept = kept
        self._kept_spans = word_spans(kept)
        self._kept_words = [kept[s:e] for s, e in self._kept_spans]
        lines, self._kept_line_words = _line_word_starts(kept, self._kept_spans)
        self._matcher = SequenceMatcher(None, autojunk=False)
        self._matcher.set_seq2(lines)

    def diff(self, other: str) -> list[DiffOp]:
        """The operations that turn the kept text into ``other``, in text order."""
        other_spans = word_spans(other)
        other_words = [other[s:e] for s, e in other_spans]
        lines, other_line_words = _line_word_starts(other, other_spans)
        self._matcher.set_seq1(lines)
        ops: list[DiffOp] = []
        # seq1 (i) is the other copy, seq2 (j) the kept copy; indices below are word numbers.
        for tag, i1, i2, j1, j2 in self._matcher.get_opcodes():
            if tag == "equal":
                continue
            w_i1, w_i2 = other_line_words[i1], other_line_words[i2]
            w_j1, w_j2 = self._kept_line_words[j1], self._kept_line_words[j2]
            if w_i1 < w_i2 and w_j1 < w_j2:  # lines changed: which of their words
                words = SequenceMatcher(None, other_words[w_i1:w_i2], self._kept_words[w_j1:w_j2],
                                        autojunk=False)
                runs = [(t, w_i1 + a1, w_i1 + a2, w_j1 + b1, w_j1 + b2)
                        for t, a1, a2, b1, b2 in words.get_opcodes() if t != "equal"]
            elif w_i1 < w_i2:
                runs = [("delete", w_i1, w_i2, w_j1, w_j2)]
            elif w_j1 < w_j2:
                runs = [("insert", w_i1, w_i2, w_j1, w_j2)]
            else:  # blank lines only
                runs = []
            for word_tag, a1, a2, b1, b2 in runs:
                a_start, a_end = _char_range(self._kept_spans, b1, b2, len(self.kept))
                b_start, b_end = _char_range(other_spans, a1, a2, len(other))
                # difflib says "insert" when seq2 (the kept copy) has extra words, i.e. the
                # other copy is missing them, and "delete" when the other copy has extra words.
                flipped = {"insert": "delete", "delete": "insert"}.get(word_tag, word_tag)
                ops.append(DiffOp(_TAGS[flipped], a_start, a_end, b_start, b_end))
        return ops


def _line_word_starts(text: str, spans: Sequence[tuple[int, int]]
                      ) -> tuple[list[str], list[int]]:
    """The lines of ``text`` that hold words and, for each, the number of its first word (one
    more entry: the number of words), so line k holds words ``[starts[k], starts[k + 1])``.

    Blank lines are left out: as anchors of the line alignment they would turn a paragraph
    break that moved (paragraphs "A B", "C" against "A", "B C") into words missing on one
    side and added on the other, where both texts have the same words."""
    word_starts = [start for start, _ in spans]
    lines, starts, position = [], [], 0
    for line in text.split("\n"):
        first = bisect_left(word_starts, position)
        position += len(line) + 1
        if first < len(word_starts) and word_starts[first] < position:  # a word on this line
            lines.append(line)
            starts.append(first)
    starts.append(len(spans))
    return lines, starts


def word_diff(kept: str, other: str) -> list[DiffOp]:
    """Word-level differences between ``kept`` and ``other`` (see :class:`DiffOp`)."""
    return KeptDiffer(kept).diff(other)


def _char_range(spans: Sequence[tuple[int, int]], first: int, last: int,
                length: int) -> tuple[int, int]:
    """Characters covered by words ``[first, last)``; an empty word range maps to an empty span
    at the start of word ``first`` (or the end of the text)."""
    if first < last:
        return spans[first][0], spans[last - 1][1]
    position = spans[first][0] if first < len(spans) else length
    return position, position


def utf16_offsets(text: str, offsets: Iterable[int]) -> list[int]:
    """Convert code-point offsets into ``text`` to UTF-16 code-unit offsets (JavaScript's)."""
    offsets = list(offsets)
    if _ASTRAL.search(text) is None:
        return offsets
    astral_positions = [m.start() for m in _ASTRAL.finditer(text)]
    # each astral character before an offset adds one code unit
    return [offset + bisect_left(astral_positions, offset) for offset in offsets]


def ops_to_utf16(kept: str, other: str, ops: Sequence[DiffOp]) -> list[list[str | int]]:
    """Embed-ready diff operations with offsets in UTF-16 code units."""
    a = utf16_offsets(kept, (x for op in ops for x in (op.a_start, op.a_end)))
    b = utf16_offsets(other, (x for op in ops for x in (op.b_start, op.b_end)))
    return [[op.tag, a[2 * k], a[2 * k + 1], b[2 * k], b[2 * k + 1]] for k, op in enumerate(ops)]


__all__ = ["ADDED", "CHANGED", "MISSING", "DiffOp", "KeptDiffer", "ops_to_utf16",
           "utf16_offsets", "word_diff", "word_spans"]
