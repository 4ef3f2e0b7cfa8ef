"""Which copy of a story is the most complete: the one holding the most of the text its
copies share, with the least text of its own.

For a story whose distinct texts have the shingle sets S_1 … S_k, text i printed by c_i of
the story's documents (exact copies of one text, ``copies``), text i has

    shared_i = |{x ∈ S_i : c_i ≥ 2, or x ∈ S_j for some j ≠ i}|   the story's text: another
                                                                   copy has it too
    own_i    = |S_i| − shared_i                                    what no other copy has
    score_i  = shared_i − OWN_WEIGHT · own_i

and the copy with the highest score is kept (ties: the keep policy's order, most shingles
first). What copies share is the story; what one copy alone has is, most often, what its page
added: a headline list or a disclaimer that cleaning left, an editor's note, the other
stories of a roundup page that holds this one. The longest copy is often such a copy, and
a copy that lost paragraphs the others have scores below those that have them.

Only for stories of ``MIN_COPIES`` documents or more: in a pair each text's shared part is the
same (their overlap), so the score would prefer the shorter text whatever the longer one
adds, a lost tail or the page's clutter; a pair keeps the longer copy. (Two outlets printing
one text count as two copies of it: two exact copies and a third text are no pair.) The cost
of the rule: a story's original whose last paragraphs every reprint cut has them as text of
its own, and a cut reprint is kept; a page crawled twice shares its clutter with itself.
Measured on reprints of the 181 real AEB articles (``bench/aeb_reprints.py``, the kept copy's
text against the story's gold article).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from neardup.sketch.kernels import AVAILABLE, njit

OWN_WEIGHT = 0.5  # a shingle of its own costs a copy half what a shared one brings it
MIN_COPIES = 3
BATCH_VALUES = 1 << 24
MERGE_TEXTS = 16  # (a story of more texts is sorted: a merge looks at every text each step)


def completeness(values: np.ndarray, offsets: np.ndarray, stories: np.ndarray,
                 copies: np.ndarray | None = None) -> np.ndarray:
    """``score_i`` (float64) of each set ``values[offsets[i]:offsets[i + 1]]`` among the sets
    of its story (``stories[i]``, non-decreasing: a story's sets are consecutive; each set
    sorted, without repeated values, one per distinct text, printed by ``copies[i]``
    documents: 1 if None). Compiled where numba is, else one numpy sort of (story, value)
    keys; the same counts either way."""
    sizes = np.diff(offsets)
    if copies is None:
        copies = np.ones(sizes.size, dtype=np.int64)
    if AVAILABLE:
        bounds = np.flatnonzero(np.diff(stories)) + 1
        story_starts = np.concatenate([[0], bounds, [sizes.size]]).astype(np.int64)
        shared = _shared_counts(values, offsets, story_starts, copies.astype(np.int64))
    else:
        shared = _numpy_shared_counts(values, offsets, stories, copies)
    return shared - OWN_WEIGHT * (sizes - shared)


def _numpy_shared_counts(values: np.ndarray, offsets: np.ndarray, stories: np.ndarray,
                         copies: np.ndarray) -> np.ndarray:
    sizes = np.diff(offsets)
    owner = np.repeat(np.arange(sizes.size, dtype=np.int64), sizes)
    keys = (stories[owner].astype(np.int64) << 32) | values.astype(np.int64)
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    new_run = np.ones(ordered.size, dtype=bool)
    new_run[1:] = ordered[1:] != ordered[:-1]
    starts = np.flatnonzero(new_run)
    run_lengths = np.diff(np.append(starts, ordered.size))
    # (a value's copies in its story: the documents of the texts that hold it)
    printed = np.add.reduceat(copies[owner[order]], starts) if starts.size else starts
    shared_sorted = np.repeat(printed >= 2, run_lengths)
    return np.bincount(owner[order], weights=shared_sorted, minlength=sizes.size).astype(np.int64)


@njit(cache=True)
def _shared_counts(values: np.ndarray, offsets: np.ndarray, story_starts: np.ndarray,
                   copies: np.ndarray) -> np.ndarray:  # pragma: no cover - compiled
    """Per text, its values that its story's documents print twice or more (see
    ``completeness``); story s holds texts ``story_starts[s]`` to ``story_starts[s + 1]``,
    each text's values sorted (as the store keeps them). A story of a few texts is merged
    (a pointer per text, the smallest head taken each step); a larger one is sorted."""
    shared = np.zeros(offsets.shape[0] - 1, dtype=np.int64)
    for s in range(story_starts.shape[0] - 1):
        first, last = story_starts[s], story_starts[s + 1]
        if last - first <= MERGE_TEXTS:
            _merge_story(values, offsets, first, last, copies, shared)
        else:
            _sort_story(values, offsets, first, last, copies, shared)
    return shared


@njit(cache=True)
def _merge_story(values: np.ndarray, offsets: np.ndarray, first: int, last: int,
                 copies: np.ndarray, shared: np.ndarray) -> None:  # pragma: no cover
    at = offsets[first:last].copy()
    ends = offsets[first + 1:last + 1]
    k = last - first
    while True:
        smallest = -1
        for t in range(k):
            if at[t] < ends[t] and (smallest < 0 or values[at[t]] < smallest):
                smallest = values[at[t]]
        if smallest < 0:
            return
        printed = 0
        for t in range(k):
            if at[t] < ends[t] and values[at[t]] == smallest:
                printed += copies[first + t]
        for t in range(k):
            if at[t] < ends[t] and values[at[t]] == smallest:
                if printed >= 2:
                    shared[first + t] += 1
                at[t] += 1


@njit(cache=True)
def _sort_story(values: np.ndarray, offsets: np.ndarray, first: int, last: int,
                copies: np.ndarray, shared: np.ndarray) -> None:  # pragma: no cover
    a, b = offsets[first], offsets[last]
    n = b - a
    if n == 0:
        return
    owner = np.empty(n, dtype=np.int64)
    for t in range(first, last):
        owner[offsets[t] - a:offsets[t + 1] - a] = t
    part = values[a:b]
    order = np.argsort(part)
    i = 0
    while i < n:
        value = part[order[i]]
        j = i
        printed = 0
        while j < n and part[order[j]] == value:
            printed += copies[owner[order[j]]]
            j += 1
        if printed >= 2:
            for q in range(i, j):
                shared[owner[order[q]]] += 1
        i = j


class StoryCompleteness:
    """``completeness`` of the members of stories, reading their sets from a shingle store's
    view (``resolved``: each document's stored set; ``starts``, ``ends``: where each stored
    set lies; ``read_values``: the sets of documents, each sorted)."""

    def __init__(self, view: Any) -> None:
        self.view = view

    def __call__(self, stories: list[list[int]]) -> list[np.ndarray | None]:
        """Each member's score, per story (None for a story of fewer than ``MIN_COPIES``
        documents or of one text). Stories are scored in batches of about ``BATCH_VALUES``
        shingles: at a million documents, stories of three or more copies hold a few hundred
        million."""
        out: list[np.ndarray | None] = [None] * len(stories)
        if not stories:
            return out
        sizes = np.fromiter(map(len, stories), dtype=np.int64, count=len(stories))
        members = np.fromiter((d for story in stories for d in story), dtype=np.int64,
                              count=int(sizes.sum()))
        bounds = np.zeros(sizes.size + 1, dtype=np.int64)
        np.cumsum(sizes, out=bounds[1:])
        stored = self.view.resolved[members]
        weight = (self.view.ends[stored] - self.view.starts[stored]).astype(np.int64)
        weight[np.repeat(sizes < MIN_COPIES, sizes)] = 0
        before = np.zeros(members.size + 1, dtype=np.int64)
        np.cumsum(weight, out=before[1:])
        batch_of = before[bounds[1:]] // BATCH_VALUES  # (the batch each story ends in)
        cuts = np.flatnonzero(np.diff(batch_of)) + 1
        for lo, hi in zip([0, *cuts.tolist()], [*cuts.tolist(), sizes.size], strict=True):
            part = slice(bounds[lo], bounds[hi])
            out[lo:hi] = self._scores(members[part], stored[part], sizes[lo:hi])
        return out

    def _scores(self, members: np.ndarray, stored: np.ndarray, sizes: np.ndarray
                ) -> list[np.ndarray | None]:
        out: list[np.ndarray | None] = [None] * sizes.size
        if not sizes.size or sizes.max() < MIN_COPIES:
            return out
        story = np.repeat(np.arange(sizes.size, dtype=np.int64), sizes)
        # one set per distinct text of a story (exact copies share a stored set)
        pair = (story << 32) | stored.astype(np.int64)
        _, first, inverse, copies = np.unique(pair, return_index=True, return_inverse=True,
                                              return_counts=True)
        texts = np.bincount(story[first], minlength=sizes.size)
        eligible = (texts >= 2) & (sizes >= MIN_COPIES)
        if not eligible.any():
            return out
        chosen_texts = eligible[story[first]]
        chosen = first[chosen_texts]  # the distinct texts of eligible stories
        values, offsets = self.view.read_values(members[chosen])
        scores = completeness(values, offsets, story[chosen], copies[chosen_texts])
        # back to the members: the score of each member's distinct text
        score_of_text = np.full(first.size, np.nan)
        score_of_text[chosen_texts] = scores
        per_member = score_of_text[inverse.ravel()]
        bounds = np.zeros(sizes.size + 1, dtype=np.int64)
        np.cumsum(sizes, out=bounds[1:])
        for k in np.flatnonzero(eligible).tolist():
            out[k] = per_member[bounds[k]:bounds[k + 1]]
        return out
