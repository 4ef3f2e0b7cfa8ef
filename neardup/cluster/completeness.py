"""Which copy of a story is the most complete: the one holding the most of the text its
copies share, with the least text of its own.

For a story whose distinct texts have the shingle sets S_1 … S_k (exact copies count once),
text i has

    shared_i = |{x ∈ S_i : x ∈ S_j for some j ≠ i}|    the story's text: another copy has it too
    own_i    = |S_i| − shared_i                          what no other copy has
    score_i  = shared_i − OWN_WEIGHT · own_i

and the copy with the highest score is kept (ties: the keep policy's order, most shingles
first). What copies share is the story; what one copy alone has is, most often, what its page
added: a headline list or a disclaimer that cleaning left, an editor's note, the other
stories of a roundup page that holds this one. The longest copy is often such a copy, and
a copy that lost paragraphs the others have scores below those that have them.

Only for stories of ``MIN_TEXTS`` distinct texts or more: in a pair each text's shared part is
the same (their overlap), so the score would prefer the shorter text whatever the longer one
adds, a lost tail or the page's clutter; a pair keeps the longer copy. The cost of the rule: a
story's original whose last paragraphs every reprint cut has them as text of its own, and a
cut reprint is kept. Measured on reprints of the 181 real AEB articles (``bench/
aeb_reprints.py``, the kept copy's text against the story's gold article).
"""

from __future__ import annotations

from typing import Any

import numpy as np

OWN_WEIGHT = 0.5  # a shingle of its own costs a copy half what a shared one brings it
MIN_TEXTS = 3
# The scores of a story whose texts hold more than EXACT_VALUES shingles in all are counted on
# the shingles whose value is a multiple of SAMPLE (the same ones in every copy, an eighth of
# them): at 100k documents, counting every shingle of every story sorted 18M values (+1.5 s
# for a 5.5 s job), and on the AEB reprints the kept copies' F1 moved 0.953 -> 0.952.
SAMPLE = 8
EXACT_VALUES = 4096
BATCH_VALUES = 1 << 24


def completeness(values: np.ndarray, offsets: np.ndarray, stories: np.ndarray) -> np.ndarray:
    """``score_i`` (float64) of each set ``values[offsets[i]:offsets[i + 1]]`` among the sets
    of its story (``stories[i]``, stories numbered from 0; each set without repeated values,
    and one per distinct text). All stories at once: one sort of (story, value) keys."""
    sizes = np.diff(offsets)
    owner = np.repeat(np.arange(sizes.size, dtype=np.int64), sizes)
    keys = (stories[owner].astype(np.int64) << 32) | values.astype(np.int64)
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    new_run = np.ones(ordered.size, dtype=bool)
    new_run[1:] = ordered[1:] != ordered[:-1]
    starts = np.flatnonzero(new_run)
    run_lengths = np.diff(np.append(starts, ordered.size))
    shared_sorted = np.repeat(run_lengths >= 2, run_lengths)
    shared = np.bincount(owner[order], weights=shared_sorted, minlength=sizes.size)
    return shared - OWN_WEIGHT * (sizes - shared)


class StoryCompleteness:
    """``completeness`` of the members of stories, reading their sets from a shingle store's
    view (``resolved``: each document's stored set; ``read_many``: sets of documents)."""

    def __init__(self, view: Any) -> None:
        self.view = view

    def __call__(self, stories: list[list[int]]) -> list[np.ndarray | None]:
        """Each member's score, per story (None for a story of fewer than ``MIN_TEXTS``
        distinct texts). Stories are scored in batches of about ``BATCH_VALUES`` shingles:
        at a million documents, stories of three or more texts hold a few hundred million."""
        out: list[np.ndarray | None] = []
        view = self.view
        batch: list[list[int]] = []
        values = 0
        for story in stories:
            if len(story) >= MIN_TEXTS:
                stored = view.resolved[story]
                values += int((view.ends[stored] - view.starts[stored]).sum())
            batch.append(story)
            if values >= BATCH_VALUES:
                out += self._scores(batch)
                batch, values = [], 0
        return out + self._scores(batch)

    def _scores(self, stories: list[list[int]]) -> list[np.ndarray | None]:
        out: list[np.ndarray | None] = [None] * len(stories)
        sizes = np.array([len(s) for s in stories], dtype=np.int64)
        if not sizes.size or sizes.max() < MIN_TEXTS:
            return out
        members = np.concatenate([np.asarray(s, dtype=np.int64) for s in stories])
        story = np.repeat(np.arange(sizes.size, dtype=np.int64), sizes)
        # one set per distinct text of a story (exact copies share a stored set)
        pair = (story << 32) | self.view.resolved[members].astype(np.int64)
        _, first, inverse = np.unique(pair, return_index=True, return_inverse=True)
        texts = np.bincount(story[first], minlength=sizes.size)
        eligible = texts >= MIN_TEXTS
        if not eligible.any():
            return out
        chosen = first[eligible[story[first]]]  # the distinct texts of eligible stories
        values, offsets = self.view.read_values(members[chosen])
        text_story = story[chosen]
        lengths = np.diff(offsets)
        exact = np.bincount(text_story, weights=lengths, minlength=sizes.size) <= EXACT_VALUES
        kept = np.flatnonzero(np.repeat(exact[text_story], lengths)
                              | ((values & np.uint32(SAMPLE - 1)) == 0))
        scores = completeness(values[kept], np.searchsorted(kept, offsets), text_story)
        # back to the members: the score of each member's distinct text
        score_of_text = np.full(first.size, np.nan)
        score_of_text[eligible[story[first]]] = scores
        per_member = score_of_text[inverse.ravel()]
        bounds = np.concatenate([[0], np.cumsum(sizes)]).tolist()
        for k in np.flatnonzero(eligible).tolist():
            out[k] = per_member[bounds[k]:bounds[k + 1]]
        return out
