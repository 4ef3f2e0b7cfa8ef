"""The sampled containment index (match/sampled.py): short copies inside much longer pages."""

import numpy as np
import pytest

import neardup
from neardup.match import sampled
from neardup.match.store import ShingleStore


def _store(sets: list[np.ndarray]) -> ShingleStore:
    store = ShingleStore()
    for values in sets:
        store.append(np.unique(values.astype(np.uint32)))
    store.freeze()
    return store


def _pairs(sets: list[np.ndarray], min_size: int = 1, executor=None) -> list[list[int]]:
    store = _store(sets)
    try:
        docs = np.arange(len(sets), dtype=np.int64)
        return sampled.sampled_pairs(store.view, docs, store.sizes()[docs], min_size,
                                     executor).tolist()
    finally:
        store.close()


def _random_set(rng: np.random.Generator, size: int) -> np.ndarray:
    return np.unique(rng.integers(0, 1 << 32, size=size * 2, dtype=np.uint64))[:size]


def test_a_copy_a_tenth_of_its_page_is_proposed_and_an_unrelated_page_is_not():
    rng = np.random.default_rng(1)
    copy = _random_set(rng, 300)
    page = np.concatenate([copy, _random_set(rng, 2700)])  # containment 1, Jaccard 0.1
    other = _random_set(rng, 3000)  # shares nothing
    assert _pairs([copy, page, other]) == [[0, 1]]
    # the pair's Jaccard is what MinHash banding sees: far below what it aims at
    assert len(np.intersect1d(copy, page)) / len(np.union1d(copy, page)) == pytest.approx(0.1)


def test_the_estimate_is_containment_whatever_the_page_size():
    rng = np.random.default_rng(2)
    copy = _random_set(rng, 400)
    found, missed = [], []
    for factor in (4, 10, 30):  # pages 4x, 10x, 30x the copy
        filler = _random_set(rng, 400 * (factor - 1))
        page_full = np.concatenate([copy, filler])  # containment 1.0
        part = rng.choice(copy, 80, replace=False)  # (not the lowest values: the sample)
        page_part = np.concatenate([part, filler])  # containment 0.2
        found.append(_pairs([copy, page_full]))
        missed.append(_pairs([copy, page_part]))
    assert found == [[[0, 1]]] * 3
    assert missed == [[]] * 3


def test_close_sizes_are_left_to_the_bandings_and_small_sets_never_are_the_short_one():
    rng = np.random.default_rng(3)
    copy = _random_set(rng, 600)
    close = np.concatenate([copy, _random_set(rng, 600)])  # twice the copy: < SIZE_FACTOR
    assert _pairs([copy, close]) == []
    small = _random_set(rng, 90)
    page = np.concatenate([small, _random_set(rng, 4000)])
    assert _pairs([small, page], min_size=50) == [[0, 1]]
    assert _pairs([small, page], min_size=100) == []


def test_a_value_in_too_many_documents_pairs_nobody(monkeypatch):
    rng = np.random.default_rng(4)
    copy = _random_set(rng, 300)
    pages = [np.concatenate([copy, _random_set(rng, 3000)]) for _ in range(5)]
    assert len(_pairs([copy, *pages])) == 5
    monkeypatch.setattr(sampled, "MAX_POSTINGS", 4)  # every list of the copy has 6 members
    assert _pairs([copy, *pages]) == []


def test_parts_and_row_blocks_and_workers_give_the_same_pairs(monkeypatch):
    from neardup.executor import LocalExecutor

    rng = np.random.default_rng(5)
    sets = []
    for _ in range(30):
        copy = _random_set(rng, int(rng.integers(60, 400)))
        sets.append(copy)
        kept = rng.choice(copy, int(len(copy) * rng.uniform(0.3, 1.0)), replace=False)
        sets.append(np.concatenate([kept,
                                    _random_set(rng, int(rng.integers(500, 5000)))]))
        sets.append(_random_set(rng, int(rng.integers(50, 3000))))
    whole = _pairs(sets, 50)
    assert len(whole) >= 10
    monkeypatch.setattr(sampled, "PART_POSTINGS", 500)
    monkeypatch.setattr(sampled, "ROW_BLOCK", 7)
    assert _pairs(sets, 50) == whole
    assert _pairs(sets, 50, LocalExecutor(2)) == whole
    from neardup.match import kernels

    monkeypatch.setattr(kernels, "AVAILABLE", False)  # the numpy path
    assert _pairs(sets, 50) == whole


def test_dedup_finds_a_brief_inside_a_page_eight_times_its_length():
    # The media-monitoring case the bandings miss: a 150-word wire brief printed whole inside
    # a 1,200-word page of other stories (Jaccard ~0.12).
    from tests.conftest import copies_inside_pages

    docs, pairs = copies_inside_pages(11, 150, 525, most=20)
    assert pairs >= 15
    result = neardup.dedup(docs, clean=False)
    found = result.story_of()
    assert sum(found[f"copy{i}"] == found[f"page{i}"] for i in range(pairs)) >= 0.9 * pairs
    assert result.summary["matching"]["sampled_index_pairs"] >= 0.9 * pairs
    # no brief is merged with another brief's page
    for i in range(pairs):
        for j in range(pairs):
            if i != j:
                assert found[f"copy{i}"] != found[f"page{j}"]
    # the index is part of the short-copy matching: off with it
    off = neardup.dedup(docs, clean=False, short_copies=False)
    assert off.summary["matching"]["sampled_index_pairs"] == 0


def test_lower_bounds_compiled_and_numpy_agree(monkeypatch):
    from neardup.match import kernels

    rng = np.random.default_rng(6)
    runs = [np.sort(rng.integers(0, 1000, size=int(rng.integers(0, 40)))) for _ in range(300)]
    values = np.concatenate(runs).astype(np.uint32)
    values.setflags(write=False)  # (as the mapped store's files are)
    hi = np.cumsum([len(r) for r in runs]).astype(np.int64)
    lo = hi - np.array([len(r) for r in runs], dtype=np.int64)
    for limit in (0, 1, 500, 999, 1000, 5000):
        expected = [a + int(np.searchsorted(r, limit))
                    for a, r in zip(lo.tolist(), runs, strict=True)]
        got = sampled._first_at_least(values, lo, hi, limit)
        monkeypatch.setattr(kernels, "AVAILABLE", False)
        numpy_path = sampled._first_at_least(values, lo, hi, limit)
        monkeypatch.undo()
        assert got.tolist() == numpy_path.tolist() == expected


def test_a_member_pairs_with_at_most_max_partners_longer_ones(monkeypatch):
    # a story printed alone by 3 sites and inside the long pages of 40 others
    rng = np.random.default_rng(7)
    copy = _random_set(rng, 300)
    briefs = [copy] * 3
    pages = [np.concatenate([copy, _random_set(rng, 1000 + 50 * k)]) for k in range(40)]
    sets = [*briefs, *pages]
    pairs = _pairs(sets)
    # each brief with the 16 smallest pages (the same 16 in every list), not with all 40
    assert sorted(pairs) == sorted([b, 3 + k] for b in range(3) for k in range(16))
    monkeypatch.setattr(sampled, "MAX_PARTNERS", 100)
    assert len(_pairs(sets)) == 3 * 40
