import numpy as np
import pytest

from neardup.sketch.hashing import stable_hash
from neardup.sketch.minhash import OnePermutationHasher
from neardup.sketch.shingles import shingle_hashes, text_shingles


def test_hashes_are_stable_across_machines_and_processes():
    # Fixed values: a change here breaks compatibility of stored signatures and outputs.
    assert stable_hash("neardup") == 0x7A9C10A417354E44
    assert int(text_shingles("the quick brown fox jumps", 5)[0]) == 0x3CB40BDCD8FD8377


def test_shingles_are_sorted_unique_and_order_sensitive():
    words = "a b c a b c a b c".split()
    hashes = shingle_hashes(words, 3)
    assert np.all(hashes[1:] > hashes[:-1])
    assert len(hashes) == 3  # abc, bca, cab
    assert not np.array_equal(shingle_hashes(["a", "b"], 2), shingle_hashes(["b", "a"], 2))


def test_short_text_gives_one_shingle():
    assert len(shingle_hashes(["only", "two"], 5)) == 1
    assert len(shingle_hashes([], 5)) == 0


def _pair_with_jaccard(rng, size, jaccard):
    common = int(round(2 * size * jaccard / (1 + jaccard)))
    a = rng.integers(0, 2**63, size=size, dtype=np.uint64)
    b = np.concatenate([a[:common], rng.integers(0, 2**63, size=size - common, dtype=np.uint64)])
    return a, b


@pytest.mark.parametrize("jaccard", [0.2, 0.5, 0.8])
def test_oph_collision_rate_estimates_jaccard(jaccard):
    rng = np.random.default_rng(7)
    hasher = OnePermutationHasher(128, seed=3)
    estimates = []
    for _ in range(100):
        a, b = _pair_with_jaccard(rng, 500, jaccard)
        estimates.append(np.mean(hasher.signature(a) == hasher.signature(b)))
    # Unbiased: the mean of 100 estimates lies within ~4 standard errors of the truth.
    assert abs(np.mean(estimates) - jaccard) < 4 * np.sqrt(jaccard * (1 - jaccard) / 128 / 100)


def test_densification_keeps_small_sets_unbiased():
    rng = np.random.default_rng(1)
    hasher = OnePermutationHasher(128, seed=1)
    estimates = []
    for _ in range(300):
        a, b = _pair_with_jaccard(rng, 8, 0.6)  # 8 shingles for 128 bins: mostly empty bins
        estimates.append(np.mean(hasher.signature(a) == hasher.signature(b)))
    true = (round(2 * 8 * 0.6 / 1.6)) / (16 - round(2 * 8 * 0.6 / 1.6))
    assert abs(np.mean(estimates) - true) < 0.05


def test_signature_depends_on_seed_and_rejects_bad_sizes():
    s = text_shingles("one two three four five six seven", 2)
    assert not np.array_equal(OnePermutationHasher(64, 1).signature(s),
                              OnePermutationHasher(64, 2).signature(s))
    with pytest.raises(ValueError):
        OnePermutationHasher(100)
