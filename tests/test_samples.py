"""The report's text sample holds what the report shows: the largest stories first."""

import numpy as np

from neardup.write import samples
from neardup.write.samples import _counts, choose_samples


def test_largest_stories_least_similar_copy_rejected_and_singles(monkeypatch):
    monkeypatch.setattr(samples, "MAX_STORIES", 2)
    monkeypatch.setattr(samples, "MORE_COPIES", 1)
    monkeypatch.setattr(samples, "MAX_SINGLETONS", 1)
    monkeypatch.setattr(samples, "MAX_REJECTED", 1)
    # stories: 0 <- {1, 2, 3, 4} (size 5), 5 <- {6} (2), 7 <- {8} (2), singles 9, 10;
    # rejected 11, 12 (their own "kept copy")
    kept = np.array([0, 0, 0, 0, 0, 5, 5, 7, 7, 9, 10, 11, 12])
    active = np.array([True] * 11 + [False] * 2)
    jaccard = np.array([1, .9, .95, .7, .8, 1, .9, 1, .9, 1, 1, 1, 1])
    chosen = choose_samples(kept, active, jaccard).tolist()
    # story 0: kept 0, least similar 3, first copy in input order 1; story 5 (ties with 7,
    # earlier kept copy) with its copy 6; story 7 is not listed; single 9; rejected 11
    assert chosen == [0, 1, 3, 5, 6, 9, 11]


def test_empty_input():
    empty = np.empty(0, dtype=np.int64)
    assert choose_samples(empty, empty.astype(bool), empty.astype(float)).size == 0


def test_story_sizes_are_counted_as_numpy_unique_counts_them():
    rng = np.random.default_rng(3)
    for size in (0, 1, 7, 500):
        heads = rng.integers(0, 40, size=size)
        expected_heads, expected_sizes = np.unique(heads, return_counts=True)
        got_heads, got_sizes = _counts(heads)
        assert np.array_equal(got_heads, expected_heads)
        assert np.array_equal(got_sizes, expected_sizes)
