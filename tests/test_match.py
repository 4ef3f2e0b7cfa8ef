import numpy as np
import pytest

from neardup.match.lsh import candidate_pairs, optimal_bands, unique_pairs
from neardup.match.store import ShingleStore, compact
from neardup.match.verify import VerifyRule, overlap, verify_pairs


def test_optimal_bands_follow_the_threshold():
    b_low, r_low = optimal_bands(0.3, 128)
    b_high, r_high = optimal_bands(0.9, 128)
    assert b_low * r_low <= 128 and b_high * r_high <= 128
    # A higher threshold needs more rows per band (a steeper, later S-curve).
    assert r_high > r_low
    # The S-curve's midpoint lies near the threshold.
    for t in (0.3, 0.5, 0.7, 0.9):
        b, r = optimal_bands(t, 128)
        assert abs((1 / b) ** (1 / r) - t) < 0.15


def test_candidate_pairs_from_shared_band_keys():
    keys = np.array([[1, 10], [1, 11], [2, 12], [3, 11]], dtype=np.uint64)
    pairs = unique_pairs(candidate_pairs(keys), 4)
    assert pairs.tolist() == [[0, 1], [1, 3]]


def test_large_buckets_are_capped_but_connected():
    keys = np.zeros((200, 1), dtype=np.uint64)
    pairs = unique_pairs(candidate_pairs(keys, max_bucket=4), 200)
    assert len(pairs) < 200 * 5  # not the 19,900 pairs of the whole bucket
    from neardup.cluster.unionfind import component_roots

    assert set(component_roots(200, pairs).tolist()) == {0}


def test_overlap_jaccard_and_containment():
    a = np.arange(0, 100, dtype=np.uint32)
    b = np.arange(50, 400, dtype=np.uint32)
    jac, con = overlap(a, b)
    assert jac == pytest.approx(50 / 400)
    assert con == pytest.approx(50 / 100)


def test_verify_uses_real_sets_and_containment_rule():
    store = ShingleStore()
    short = np.arange(0, 100, dtype=np.uint32)
    page = np.arange(0, 400, dtype=np.uint32)  # contains all of ``short``
    tiny = np.arange(0, 10, dtype=np.uint32)
    for s in (short, page, tiny):
        store.append(s)
    store.freeze()
    pairs = np.array([[0, 1], [1, 2]], dtype=np.int64)
    jac, con, ok = verify_pairs(pairs, store, VerifyRule(0.7, 0.8, 50))
    assert jac.tolist() == [0.25, 10 / 400]
    assert ok.tolist() == [True, False]  # tiny is contained too, but below the size floor
    _, _, ok_no_containment = verify_pairs(pairs, store, VerifyRule(0.7, None, 50))
    assert ok_no_containment.tolist() == [False, False]
    store.close()


def test_compact_keeps_top_bits_sorted_unique():
    values = np.array([5 << 32, (5 << 32) + 1, 7 << 32], dtype=np.uint64)
    assert compact(values).tolist() == [5, 7]


def test_compiled_intersection_equals_numpy():
    from neardup.sketch import kernels

    rng = np.random.default_rng(5)
    for _ in range(50):
        a = np.unique(rng.integers(0, 500, size=rng.integers(0, 300)).astype(np.uint32))
        b = np.unique(rng.integers(0, 500, size=rng.integers(0, 300)).astype(np.uint32))
        wa = rng.integers(1, 256, a.size).astype(np.uint8)
        wb = rng.integers(1, 256, b.size).astype(np.uint8)
        _, ia, ib = np.intersect1d(a, b, assume_unique=True, return_indices=True)
        expected = int(np.minimum(wa[ia], wb[ib]).sum())
        assert kernels.weighted_intersection(a, wa, b, wb) == expected


def test_batched_verification_equals_pairwise_overlap():
    rng = np.random.default_rng(11)
    store = ShingleStore()
    sets = [np.unique(rng.integers(0, 300, size=rng.integers(0, 120)).astype(np.uint32))
            for _ in range(40)] + [np.empty(0, dtype=np.uint32)] * 2
    for s in sets:
        store.append(s)
    store.freeze()
    pairs = np.array([(i, j) for i in range(len(sets)) for j in range(i + 1, len(sets))])
    rule = VerifyRule(0.3, 0.6, 20)
    jac, con, ok = verify_pairs(pairs, store, rule, chunk=97)
    for k, (i, j) in enumerate(pairs.tolist()):
        expected = overlap(sets[i], sets[j])
        assert (jac[k], con[k]) == pytest.approx(expected)
        assert ok[k] == rule.accepts(*expected, min(sets[i].size, sets[j].size))
    store.close()


def test_verification_in_worker_processes_equals_in_process():
    from neardup.executor import LocalExecutor

    rng = np.random.default_rng(11)
    store = ShingleStore()
    base = np.unique(rng.integers(0, 1 << 32, 400, dtype=np.uint64).astype(np.uint32))
    for k in range(60):
        keep = rng.random(base.size) < 0.6 + 0.4 * (k % 2)
        store.append(base[keep], rng.integers(1, 256, int(keep.sum())).astype(np.uint8))
    store.append_alias(3)
    store.freeze()
    pairs = np.array([(a, b) for a in range(61) for b in range(a + 1, 61)], dtype=np.int64)
    rule = VerifyRule(0.7, 0.8, 50)
    here = verify_pairs(pairs, store, rule, chunk=50)
    there = verify_pairs(pairs, store, rule, chunk=50, executor=LocalExecutor(2))
    for a, b in zip(here, there, strict=True):
        assert np.array_equal(a, b)
    assert 0 < here[2].sum() < len(pairs)
    store.close()


def test_compiled_verification_on_the_mapped_store_equals_the_numpy_path(monkeypatch):
    from neardup.sketch import kernels

    rng = np.random.default_rng(12)
    store = ShingleStore()
    base = np.unique(rng.integers(0, 1 << 32, 500, dtype=np.uint64).astype(np.uint32))
    for k in range(40):
        keep = rng.random(base.size) < 0.5 + 0.5 * (k % 3 == 0)
        store.append(base[keep], rng.integers(1, 256, int(keep.sum())).astype(np.uint8))
    store.append_empty()
    store.append_alias(5)
    store.freeze()
    pairs = np.array([(a, b) for a in range(42) for b in range(a + 1, 42)], dtype=np.int64)
    rule = VerifyRule(0.7, 0.8, 50)
    compiled = verify_pairs(pairs, store, rule, chunk=64)
    monkeypatch.setattr(kernels, "AVAILABLE", False)
    reference = verify_pairs(pairs, store, rule, chunk=64)
    for a, b in zip(compiled, reference, strict=True):
        assert np.array_equal(a, b)
    store.close()


def test_store_blocks_appended_out_of_order_equal_blocks_in_order(tmp_path):
    from neardup.match.store import append_set_block, set_masses

    rng = np.random.default_rng(5)

    def block(sizes):
        sets = [np.unique(rng.integers(0, 1 << 32, n, dtype=np.uint64).astype(np.uint32))
                for n in sizes]
        weights = [rng.integers(1, 256, s.size).astype(np.uint8) for s in sets]
        offsets = np.zeros(len(sets) + 1, dtype=np.int64)
        np.cumsum([s.size for s in sets], out=offsets[1:])
        return sets, weights, offsets

    shards = [block((30, 0, 70, 50)), block((40, 60, 0, 20))]
    stores = [ShingleStore(tmp_path), ShingleStore(tmp_path)]
    for index, store in enumerate(stores):
        store.append(shards[0][0][0], shards[0][1][0])  # an earlier document
        flat = [(np.concatenate(s), np.concatenate(w), o) for s, w, o in shards]
        if index == 0:  # in shard order, by the main process
            firsts = [store.append_sets(o, v, w) for v, w, o in flat]
        else:  # as workers may: the second shard's block lands in the files first
            late = append_set_block(store.paths, flat[1][2], flat[1][0], flat[1][1])
            early = append_set_block(store.paths, flat[0][2], flat[0][0], flat[0][1])
            firsts = [store.add_block(early, o, set_masses(w, o)) if k == 0 else
                      store.add_block(late, o, set_masses(w, o))
                      for k, (v, w, o) in enumerate(flat)]
            assert late < early
        for first in firsts:
            for row in (2, 0, 3):  # not every set is read
                store.add_document(first + row)
        store.append_alias(2)
        store.append_empty()
        store.freeze()
    expected = [(0, 0), (0, 2), (0, 0), (0, 3), (1, 2), (1, 0), (1, 3), (0, 0), None]
    for store in stores:
        assert len(store) == len(expected)
        for doc, where in enumerate(expected):
            got = store.get(doc)
            if where is None:
                assert got.size == 0 and store.mass(doc) == 0
                continue
            sets, weights, _ = shards[where[0]]
            assert np.array_equal(got, sets[where[1]])
            assert np.array_equal(store.get_weights(doc), weights[where[1]])
            assert store.mass(doc) == int(weights[where[1]].sum(dtype=np.int64))
    pairs = np.array([(a, b) for a in range(9) for b in range(a + 1, 9)], dtype=np.int64)
    rule = VerifyRule(0.7, 0.8, 10)
    results = [verify_pairs(pairs, store, rule) for store in stores]
    for a, b in zip(*results, strict=True):
        assert np.array_equal(a, b)
    for store in stores:
        store.close()


def _append_block(seed: int, paths: tuple[str, str]) -> tuple[int, np.ndarray, np.ndarray]:
    from neardup.match.store import append_set_block

    rng = np.random.default_rng(seed)
    values = np.sort(rng.integers(0, 1 << 32, 3000, dtype=np.uint64).astype(np.uint32))
    weights = rng.integers(1, 256, values.size).astype(np.uint8)
    offsets = np.array([0, 1000, 3000], dtype=np.int64)
    return append_set_block(paths, offsets, values, weights), values, weights


def test_workers_appending_at_once_keep_the_store_aligned(tmp_path):
    from neardup.executor import LocalExecutor
    from neardup.match.store import set_masses

    store = ShingleStore(tmp_path)
    offsets = np.array([0, 1000, 3000], dtype=np.int64)
    blocks = list(LocalExecutor(2).map(_append_block, range(40), store.paths))
    for start, _, weights in blocks:
        store.add_document(store.add_block(start, offsets, set_masses(weights, offsets)) + 1)
    store.freeze()
    assert sorted(start for start, _, _ in blocks) == list(range(0, 40 * 3000, 3000))
    for doc, (_, values, weights) in enumerate(blocks):
        assert np.array_equal(store.get(doc), values[1000:])
        assert np.array_equal(store.get_weights(doc), weights[1000:])
    store.close()


def test_candidates_equal_the_reference():
    from neardup.match.lsh import find_candidates

    rng = np.random.default_rng(3)
    keys = rng.integers(0, 40, size=(500, 6)).astype(np.uint64)  # many buckets, some large
    keys[:150, 2] = 7  # one bucket above max_bucket
    expected = unique_pairs(candidate_pairs(keys, max_bucket=16), 500)
    done = []
    found = find_candidates(keys, 16, advance=lambda: done.append(1))
    assert np.array_equal(found, expected)
    assert len(done) == 6 and len(expected) > 0
    assert find_candidates(keys[:1], 16).shape == (0, 2)


def test_band_keys_on_disk_read_back_as_the_matrix_columns(tmp_path):
    # Blocks of rows go to disk in band-major chunks once the buffer is full; a band's column
    # is its segment of every chunk, then of the rows still buffered: the matrix's column.
    from neardup.match.bandkeys import BandKeys
    from neardup.match.lsh import find_candidates

    rng = np.random.default_rng(5)
    matrix = rng.integers(0, 30, size=(1000, 5)).astype(np.uint64)
    keys = BandKeys(5, directory=tmp_path, buffer_bytes=5 * 8 * 64)  # a chunk per 64 rows
    start = 0
    for size in (1, 63, 100, 7, 300, 0, 529):  # blocks across the chunk boundaries
        keys.append(matrix[start:start + size])
        start += size
    assert keys.rows == 1000 and len(list(tmp_path.iterdir())) == 1
    for band in range(5):
        assert np.array_equal(keys.column(band), matrix[:, band])
    assert np.array_equal(find_candidates(keys, 16), find_candidates(matrix, 16))
    with pytest.raises(ValueError, match="5 bands"):
        keys.append(matrix[:3, :4])
    keys.close()
    assert list(tmp_path.iterdir()) == []  # the file is removed
    small = BandKeys(5, directory=tmp_path)  # fits the buffer: never written
    small.append(matrix[:10])
    assert np.array_equal(small.column(3), matrix[:10, 3]) and list(tmp_path.iterdir()) == []


def test_candidates_of_a_matrix_leave_no_file(tmp_path, monkeypatch):
    # a matrix given to find_candidates is read in memory: no file in the temporary folder
    # (a first version wrote it there, and nothing removed it)
    import tempfile

    from neardup.match.lsh import find_candidates

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    keys = np.random.default_rng(2).integers(0, 20, size=(3000, 6)).astype(np.uint64)
    assert len(find_candidates(keys, 16)) > 0
    assert list(tmp_path.iterdir()) == []


def test_pair_overlaps_for_clustering_equal_the_direct_overlaps(tmp_path):
    # Clustering asks for pairs in batches: verified pairs are looked up, an exact copy (one
    # stored set) is (1, 1), and any other pair is computed from the sets again.
    from neardup.match.verify import PairOverlaps

    rng = np.random.default_rng(5)
    sets = [np.unique(rng.integers(0, 400, size=size).astype(np.uint32))
            for size in (120, 150, 90, 200)]
    weights = [rng.integers(1, 256, size=s.size).astype(np.uint8) for s in sets]
    store = ShingleStore(tmp_path)
    for values, w in zip(sets, weights, strict=True):
        store.append(values, w)
    store.append_alias(1)  # document 4: an exact copy of document 1
    store.freeze()
    docs = [*sets, sets[1]]
    docs_w = [*weights, weights[1]]
    verified = np.array([[0, 1], [1, 3]], dtype=np.int64)
    looked_up = (np.array([0.5, 0.25]), np.array([0.75, 0.125]))  # not the real values: a lookup
    overlaps = PairOverlaps(store, verified, *looked_up)
    a = np.array([1, 0, 2, 3, 4, 0], dtype=np.int64)
    b = np.array([0, 2, 3, 1, 1, 4], dtype=np.int64)
    jaccard, containment = overlaps(a, b)
    assert (jaccard[0], containment[0]) == (0.5, 0.75)  # (1, 0) is the verified pair (0, 1)
    assert (jaccard[3], containment[3]) == (0.25, 0.125)
    assert (jaccard[4], containment[4]) == (1.0, 1.0)  # an exact copy
    for k in (1, 2, 5):
        x, y = int(a[k]), int(b[k])
        assert (jaccard[k], containment[k]) == overlap(docs[x], docs[y], docs_w[x], docs_w[y])
    # the main process reads those sets instead of mapping them: the same buffers
    some = np.array([0, 2, 3, 4], dtype=np.int64)
    for read, mapped in zip(store.view.read_many(some), store.view.get_many(some), strict=True):
        assert read.dtype == mapped.dtype and np.array_equal(read, mapped)
    store.close()


def test_band_pairs_are_the_pairs_of_equal_keys_even_when_keys_differ_in_low_bits_only():
    # band_pairs sorts keys with their low bits replaced by the document number: keys that
    # differ only there share a run, and must still not pair.
    from neardup.match.lsh import band_pairs

    rng = np.random.default_rng(11)
    base = rng.integers(0, 2**63, size=6, dtype=np.int64).astype(np.uint64)
    values = np.concatenate([base, base ^ np.uint64(1), base ^ np.uint64(0xFF)])
    for n in (2, 3, 50, 300):
        column = values[rng.integers(0, values.size, size=n)]
        expected = {(i, j) for i in range(n) for j in range(i + 1, n) if column[i] == column[j]}
        got = band_pairs(column, max_bucket=n)
        assert got.dtype == np.int64
        assert sorted(map(tuple, got.tolist())) == sorted(expected)


def _band_pairs_by_argsort(column: np.ndarray, max_bucket: int) -> set[tuple[int, int]]:
    # the reference: a stable argsort groups equal keys in document order; each member pairs
    # with its next max_bucket neighbours of the same key
    order = np.argsort(column, kind="stable")
    keys = column[order]
    pairs = set()
    for p in range(order.size):
        for d in range(1, max_bucket + 1):
            if p + d >= order.size or keys[p + d] != keys[p]:
                break
            pairs.add((int(order[p]), int(order[p + d])))
    return pairs


def test_band_pairs_caps_buckets_by_full_key_when_keys_differ_in_low_bits_only():
    # a run of equal high bits holding two keys: the cap must count neighbours of one key, or
    # the two copies of A below (18 documents apart) would never pair
    from neardup.match.lsh import band_pairs

    a = np.uint64(0x9E3779B97F4A7C15)
    column = np.array([a] + [a ^ np.uint64(1)] * 17 + [a], dtype=np.uint64)
    got = set(map(tuple, band_pairs(column, max_bucket=16).tolist()))
    assert (0, 18) in got
    assert got == _band_pairs_by_argsort(column, 16)
    rng = np.random.default_rng(5)
    for trial in range(300):
        base = rng.integers(0, 2**63, size=3, dtype=np.int64).astype(np.uint64)
        values = np.concatenate([base, base ^ np.uint64(1), base ^ np.uint64(3)])
        n = int(rng.integers(2, 120))
        column = values[rng.integers(0, values.size, size=n)]
        cap = int(rng.integers(1, 20))
        assert set(map(tuple, band_pairs(column, cap).tolist())) == \
            _band_pairs_by_argsort(column, cap), (trial, n, cap)


def _band_pairs_both_ways(monkeypatch, column, cap, short):
    # band_pairs with the compiled kernels and with the numpy path: the pairs and the wide
    # codes' batches (their order and cut decide what a full shared-band table admits)
    from neardup.match import kernels
    from neardup.match.lsh import band_pairs

    results = []
    for compiled in (True, False):
        monkeypatch.setattr(kernels, "AVAILABLE", compiled)
        batches: list[list[int]] = []

        def wide(codes: np.ndarray, batches: list[list[int]] = batches) -> None:
            batches.append(codes.tolist())

        pairs = band_pairs(column, cap, short, wide if short else None)
        assert pairs.dtype == np.int64
        results.append((pairs.tolist(), batches))
    return results


def test_band_pairs_kernels_equal_the_numpy_path(monkeypatch):
    from neardup.match import kernels
    from neardup.match.lsh import ShortCopyBands

    if not kernels.AVAILABLE:
        pytest.skip("numba is not available: only the numpy path runs")
    rng = np.random.default_rng(17)
    base = rng.integers(0, 2**63, size=8, dtype=np.int64).astype(np.uint64)
    values = np.concatenate([base, base ^ np.uint64(1)])  # some differ in low bits only
    checked_wide = 0
    for trial in range(300):
        n = int(rng.integers(2, 400))
        column = values[rng.integers(0, int(rng.integers(1, values.size + 1)), size=n)]
        cap = int(rng.integers(1, 20))
        sizes = rng.integers(1, 1000, size=n).astype(np.int64)
        short = None if trial % 3 == 0 else ShortCopyBands(
            0, sizes, float(rng.choice([0.25, 0.5, 0.7])), 2)
        compiled, numpy_path = _band_pairs_both_ways(monkeypatch, column, cap, short)
        assert compiled == numpy_path, (trial, n, cap)
        checked_wide += sum(len(batch) for batch in compiled[1])
    assert checked_wide > 1000  # the wide codes were exercised, not only the pairs


def test_a_short_reprint_inside_a_long_page_becomes_a_candidate_by_default():
    # The containment use case: a 400-word story printed inside a 1,500-word page (two other
    # stories around it), Jaccard about 0.27. The banding must aim low enough to propose such
    # pairs (bench/short_copies.py: 27 of 150 with the main banding alone, 138 with the
    # short-copy banding).
    import neardup
    from tests.conftest import copies_inside_pages

    docs, pairs = copies_inside_pages(5, 400, 550, most=40)
    assert pairs >= 30
    found = neardup.dedup(docs, clean=False).story_of()
    hits = sum(found[f"copy{i}"] == found[f"page{i}"] for i in range(pairs))
    assert hits >= 0.7 * pairs
    # the same pairs without the short-copy banding (the main one aims at 0.4): most are missed
    old = neardup.dedup(docs, clean=False, short_copies=False).story_of()
    assert sum(old[f"copy{i}"] == old[f"page{i}"] for i in range(pairs)) < 0.4 * pairs


def test_short_copy_banding_aims_at_the_jaccard_of_a_copy_a_quarter_as_long_as_its_page():
    from neardup.options import SHORT_COPY_RATIO, MatchOptions, contained_jaccard

    # |S| = rho·|L|, |S ∩ L| = c·|S|: J = c·rho·|L| / (|L| + rho·|L| - c·rho·|L|)
    assert contained_jaccard(0.8, 0.25) == pytest.approx(0.2 / 1.05)
    assert contained_jaccard(1.0, 1.0) == 1.0
    # the example, a 400-word reprint inside a 1,500-word page, is within the aim
    assert SHORT_COPY_RATIO <= 400 / 1500
    assert MatchOptions().short_copy_lsh_threshold() == 0.1905
    for c in (0.5, 0.8, 0.9, 1.0):
        target = MatchOptions(containment=c).short_copy_lsh_threshold()
        assert target == round(min(0.56, contained_jaccard(c, SHORT_COPY_RATIO)), 4)
        assert MatchOptions(containment=c).lsh_threshold() == 0.4  # the main banding
    # containment off: no short-copy banding, the main one at 0.8 of the Jaccard threshold
    assert MatchOptions(containment=None).short_copy_lsh_threshold() is None
    assert MatchOptions(short_copies=False).short_copy_lsh_threshold() is None
    assert MatchOptions(containment=None).lsh_threshold() == 0.56
    assert MatchOptions(candidate_threshold=0.33).lsh_threshold() == 0.33


def test_short_copy_bands_keep_only_pairs_of_unequal_sizes():
    from neardup.match.lsh import ShortCopyBands, band_keys, find_candidates

    rng = np.random.default_rng(3)
    signatures = rng.integers(0, 2**32, size=(6, 8), dtype=np.int64).astype(np.uint64)
    signatures[1] = signatures[0]  # 0 and 1: equal signatures, equal sizes
    signatures[3] = signatures[2]  # 2 and 3: equal signatures, sizes 100 and 30
    main = band_keys(signatures, 2, 4)
    main[:, :] = np.arange(12, dtype=np.uint64).reshape(6, 2)  # the main banding finds nothing
    keys = np.hstack([main, band_keys(signatures, 4, 2)])
    sizes = np.array([100, 100, 100, 30, 7, 9])
    got = find_candidates(keys, short=ShortCopyBands(2, sizes, 0.5))
    assert got.tolist() == [[2, 3]]  # 0-1 (same size) is left to the main banding
    assert find_candidates(keys).tolist() == [[0, 1], [2, 3]]


def test_band_pairs_with_the_short_copy_filter_equal_the_filtered_pairs():
    from neardup.match.lsh import ShortCopyBands, band_pairs

    rng = np.random.default_rng(8)
    for trial in range(200):
        n = int(rng.integers(2, 150))
        column = rng.integers(0, 4, size=n).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        sizes = rng.integers(1, 400, size=n)
        short = ShortCopyBands(0, sizes, 0.5)
        cap = int(rng.integers(1, 20))
        assert band_pairs(column, cap, short).tolist() == \
            short.keep(band_pairs(column, cap)).tolist(), trial


def test_main_banding_misses_contained_copies_half_as_long_as_their_page():
    # the gap the short-copy banding's second zone closes (ShortCopyBands)
    from neardup.match.lsh import band_recall, optimal_bands
    from neardup.options import MatchOptions, contained_jaccard

    bands, rows = optimal_bands(MatchOptions().lsh_threshold(), 128)
    assert band_recall(contained_jaccard(0.8, 0.5), bands, rows) < 0.5
    assert band_recall(contained_jaccard(0.8, 1.0), bands, rows) > 0.99
    short = optimal_bands(MatchOptions().short_copy_lsh_threshold(), 128)
    assert band_recall(contained_jaccard(0.8, 400 / 1500), *short) > 0.85
    assert band_recall(contained_jaccard(0.8, 400 / 1500), bands, rows) < 0.1


def test_min_collisions_is_the_binomial_count_reached_99_percent_of_the_time():
    from math import comb

    from neardup.match.lsh import min_collisions

    def at_least(k: int, s: float, bands: int, rows: int) -> float:
        p = s**rows
        return sum(comb(bands, i) * p**i * (1 - p) ** (bands - i) for i in range(k, bands + 1))

    for s, bands, rows in ((0.364, 49, 2), (0.5, 49, 2), (0.7, 32, 4), (0.2, 28, 2)):
        k = min_collisions(s, bands, rows)
        assert k == 1 or at_least(k, s, bands, rows) >= 0.99
        assert at_least(k + 1, s, bands, rows) < 0.99
    assert min_collisions(0.364, 49, 2) == 2
    assert min_collisions(0.01, 10, 2) == 1  # never below one shared band


def test_short_copy_second_zone_keeps_pairs_sharing_enough_bands():
    from neardup.match.lsh import ShortCopyBands, find_candidates

    # documents 0-3 (sizes 100, 70, 40, 95); column 0 is the main banding (all distinct),
    # columns 1-3 the short-copy banding
    sizes = np.array([100, 70, 40, 95])
    keys = np.array([[1, 10, 20, 30],
                     [2, 10, 21, 31],   # 0-1 (ratio 0.7): one shared band
                     [3, 10, 22, 32],   # 0-2 (ratio 0.4): one shared band, within max_ratio
                     [4, 10, 23, 33]],  # 0-3 (ratio 0.95): one shared band
                    dtype=np.uint64)
    plain = ShortCopyBands(1, sizes, 0.5)
    zoned = ShortCopyBands(1, sizes, 0.5, min_bands=2)
    # within ratio 0.5 (0-2, 2-3) kept on one shared band; 1-2 (0.57), 0-1 (0.7), 1-3 (0.74)
    # and 0-3 (0.95) share one band only: below min_bands
    assert find_candidates(keys, short=plain).tolist() == [[0, 2], [2, 3]]
    assert find_candidates(keys, short=zoned).tolist() == [[0, 2], [2, 3]]
    keys[1, 2] = keys[3, 2] = 20  # 0-1, 0-3 and 1-3 now share two bands
    assert find_candidates(keys, short=zoned).tolist() == [[0, 1], [0, 2], [0, 3], [1, 3],
                                                           [2, 3]]
    assert find_candidates(keys, short=plain).tolist() == [[0, 2], [2, 3]]
    # the main column's pairs are kept whatever the sizes
    keys[2, 0] = 4
    assert [2, 3] in find_candidates(keys, short=zoned).tolist()


def test_shared_band_counts_equal_a_plain_count_of_the_bands_that_found_each_pair():
    from collections import Counter

    from neardup.match.lsh import _SharedBands

    rng = np.random.default_rng(3)
    for trial in range(100):
        needed = int(rng.integers(1, 5))
        shared = _SharedBands(needed, capacity=10_000, fold_at=int(rng.integers(1, 80)))
        seen: Counter = Counter()
        for _ in range(int(rng.integers(0, 20))):
            band = np.unique(rng.integers(0, 60, size=int(rng.integers(0, 30))))  # one band
            shared.add(band.astype(np.int64))
            seen.update(band.tolist())
        expected = sorted(code for code, count in seen.items() if count >= needed)
        assert shared.reached().tolist() == expected, trial
        assert not shared.full


def test_shared_band_table_is_bounded_and_says_when_it_was_full():
    from neardup.match.lsh import _SharedBands

    shared = _SharedBands(2, capacity=5, fold_at=1)
    shared.add(np.arange(0, 10, dtype=np.int64))  # ten first sightings: room for five
    assert shared.full and shared.codes.tolist() == [0, 1, 2, 3, 4]
    shared.add(np.array([0, 1, 7, 20, 20], dtype=np.int64))  # 20 twice in one fold: enough
    # 0 and 1 reached 2 and free two places, which 7 then takes (seen once)
    assert shared.reached().tolist() == [0, 1, 20]
    assert int((shared.counts < 2).sum()) <= 5 and 7 in shared.codes.tolist()
    shared.add(np.array([0, 30, 31, 32], dtype=np.int64))  # one place left: 30 in, 31, 32 not
    assert shared.reached().tolist() == [0, 1, 20]
    assert shared.codes.tolist() == [0, 1, 2, 3, 4, 7, 20, 30]
