import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neardup.normalize import tokens
from neardup.sketch.hashing import mix64, sort_unique, stable_hash
from neardup.sketch.minhash import OnePermutationHasher
from neardup.sketch.shingles import shingle_hashes, text_shingles
from neardup.sketch.words import numpy_word_hashes, shard_word_hashes


def test_hashes_are_stable_across_machines_and_processes():
    # Fixed values: a change here breaks compatibility of stored signatures and outputs.
    assert stable_hash("neardup") == 0x7A9C10A417354E44
    assert int(text_shingles("the quick brown fox jumps", 5)[0]) == 0x3D8B1F7B1F9A9404


def test_shingles_are_sorted_unique_and_order_sensitive():
    hashes = text_shingles("a b c a b c a b c", 3)
    assert np.all(hashes[1:] > hashes[:-1])
    assert len(hashes) == 3  # abc, bca, cab
    assert not np.array_equal(text_shingles("a b", 2), text_shingles("b a", 2))


def test_short_text_gives_one_shingle():
    assert len(text_shingles("only two", 5)) == 1
    assert len(shingle_hashes(np.empty(0, dtype=np.uint64), 5)) == 0


_ALPHABET = "aZ9_ .,-'’“”—–…\n\tUSé漢ﬁＵ™©\xad"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=40), min_size=1, max_size=5))
def test_vectorised_words_equal_the_regex_tokeniser(texts):
    # The fast byte path and the regex path must give the same words, hence the same hashes.
    expected = [[_reference_hash(w) for w in tokens(t)] for t in texts]
    assert [h.tolist() for h in shard_word_hashes(texts)] == expected  # compiled when available
    assert [h.tolist() for h in numpy_word_hashes(texts)] == expected  # the pure numpy path


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aU9_. \u2019\u2014", max_size=30), min_size=1, max_size=5))
def test_dense_dotted_runs_tokenise_as_the_regex_does(texts):
    # Runs of "x." units that are and are not acronyms, next to typographic separators: the
    # one-pass kernel looks ahead at word starts only, the regex path looks everywhere.
    expected = [[_reference_hash(w) for w in tokens(t)] for t in texts]
    assert [h.tolist() for h in shard_word_hashes(texts)] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aU9. \u2026", max_size=12), min_size=1, max_size=5))
def test_dotted_runs_next_to_an_ellipsis_tokenise_as_the_regex_does(texts):
    # NFKC makes "…" three dots: "U.S…" is the acronym "US" for the regex path.
    expected = [[_reference_hash(w) for w in tokens(t)] for t in texts]
    assert [h.tolist() for h in shard_word_hashes(texts)] == expected
    assert [h.tolist() for h in numpy_word_hashes(texts)] == expected


_VARIANT_WORDS = st.sampled_from(["per", "Per", "cent", "CENT", "percent", "Mr.", "Mr", "mrs",
                                   "Ms.", "MESSRS", "M.R.", "P.E.R.", "5", "5%", "%", "a",
                                   "U.S.", "é", "\u2014", "\u00a0", "\u2026", ".", " ", "\n",
                                   "&amp;", "&#39;", "&#x27;", "&oacute;", "S&P", "&", ";",
                                   "&nbsp;", "&hellip;", "&#", "&x;", "AT&T",
                                   "https://t.co/x7Yz", "www.ex.com/a?b=1", "://", "http:",
                                   "WWW.", "(https://a.b/漢)"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_VARIANT_WORDS, max_size=12).map(" ".join), min_size=1, max_size=4))
def test_house_style_variants_fold_alike_on_every_path(texts):
    # "%", "per cent" and "percent" are one word, honorifics none, in the regex, the
    # compiled and the numpy paths alike (any neighbours: acronyms, typographic separators)
    expected = [[_reference_hash(w) for w in tokens(t)] for t in texts]
    assert [h.tolist() for h in shard_word_hashes(texts)] == expected
    assert [h.tolist() for h in numpy_word_hashes(texts)] == expected


def test_house_style_variants_shingle_alike():
    # Found by a probing helper: a local paper's copy of a wire story ("per cent", "%", no
    # "Mr.") fell below both thresholds; each variant broke every 5-gram around it.
    assert tokens("Rates rose 5% and Mr. Powell said") == \
        tokens("rates rose 5 per cent and Powell said") == \
        tokens("Rates rose 5 percent and Mr Powell said") == \
        ["rates", "rose", "5", "percent", "and", "powell", "said"]
    assert tokens("Mrs. Smith, per capita, cents, MS-DOS") == ["smith", "per", "capita", "cents",
                                                             "ms", "dos"]
    # character references left in crawled text are the characters they name
    assert tokens("AT&amp;T&#39;s construcci&oacute;n") == tokens("AT&T's construcción")
    assert tokens("S&P 500") == ["s", "p", "500"]
    # mojibake (UTF-8 read as windows-1252) is repaired; the compiled path sends it there
    twin = "La construcción de plantas públicas “costará” 5 millones"
    broken = twin.encode("utf-8").decode("cp1252", errors="replace")
    assert tokens(broken) == tokens(twin)
    assert shard_word_hashes([broken])[0].tolist() == shard_word_hashes([twin])[0].tolist()
    assert tokens("SÃO PAULO, Brazil") == ["são", "paulo", "brazil"]  # (no mojibake)


def test_an_ellipsis_ends_a_dotted_acronym():
    for text in ["in the U.S\u2026 and", "U.S.A\u2026", "a.b\u2026c", "x a\u2026 b.c\u2026"]:
        expected = [_reference_hash(w) for w in tokens(text)]
        assert shard_word_hashes([text])[0].tolist() == expected, text
        assert numpy_word_hashes([text])[0].tolist() == expected, text
    assert tokens("in the U.S\u2026") == ["in", "the", "us"]


def test_acronyms_and_punctuation_in_the_vectorised_path():
    cases = ["The U.S. army", "U.S.A and e.g. x", "He said “U.S.” — no…", "a.b.c", "x U.K.",
             "Brand™ © 2019"]  # NFKC turns ™ into the word "TM"
    for text in cases:
        assert shard_word_hashes([text])[0].tolist() == [_reference_hash(w)
                                                         for w in tokens(text)]
    assert shard_word_hashes(["U.S."])[0].tolist() == shard_word_hashes(["US"])[0].tolist()


def _reference_hash(word: str) -> int:
    """The documented word hash, computed one byte at a time."""
    p, mask = 0x100000001B3, (1 << 64) - 1
    value, power = 0, 1
    for byte in word.encode("utf-8"):
        value = (value + byte * power) & mask
        power = (power * p) & mask
    return int(mix64(np.array([value], dtype=np.uint64))[0])


def _pair_with_jaccard(rng, size, jaccard):
    common = int(round(2 * size * jaccard / (1 + jaccard)))
    a = rng.integers(0, 2**63, size=size, dtype=np.uint64)
    b = np.concatenate([a[:common], rng.integers(0, 2**63, size=size - common, dtype=np.uint64)])
    return np.sort(a), np.sort(b)


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
    text = "one two three four five six seven eight nine ten eleven twelve"
    one = OnePermutationHasher(64, 1).signature(text_shingles(text, 2, seed=1))
    two = OnePermutationHasher(64, 2).signature(text_shingles(text, 2, seed=2))
    assert not np.array_equal(one, two)
    with pytest.raises(ValueError):
        OnePermutationHasher(100)


def test_compiled_shingles_and_signatures_equal_the_numpy_path():
    from neardup.sketch.shingles import shard_shingles

    rng = np.random.default_rng(3)
    word_lists = [rng.integers(0, 50, size=n).astype(np.uint64) for n in
                  (0, 1, 3, 4, 5, 6, 40, 300)]
    sets = shard_shingles(word_lists, 5, seed=7)
    for words, values in zip(word_lists, sets, strict=True):
        assert np.array_equal(values, shingle_hashes(words, 5, seed=7))
    hasher = OnePermutationHasher(64, seed=7)
    matrix = hasher.signatures(sets)
    for row, values in zip(matrix, sets, strict=True):
        assert np.array_equal(row, hasher.signature(values))


@pytest.mark.skipif(not __import__("neardup.sketch.kernels").sketch.kernels.AVAILABLE,
                    reason="numba not available: only the numpy path exists")
def test_fused_sketch_kernel_equals_the_reference_functions(monkeypatch):
    from neardup.match.store import compact
    from neardup.sketch import kernels
    from neardup.sketch.stage import SketchConfig, sketch_many
    from neardup.sketch.words import shard_word_hashes

    rng = np.random.default_rng(5)
    word_lists = [rng.integers(0, 30, size=n).astype(np.uint64) for n in
                  (0, 1, 3, 4, 5, 6, 40, 300, 2000)]
    word_lists += shard_word_hashes(["The U.S. economy grew 2.1% in the third quarter, "
                                     "the Commerce Department said on Thursday." * 9, "short"])
    for prose_weights in (True, False):
        config = SketchConfig(ngram=5, num_perm=64, seed=7, bands=8, rows=8,
                              prose_weights=prose_weights)
        monkeypatch.setattr(kernels, "AVAILABLE", True)
        compiled = sketch_many(word_lists, config)
        monkeypatch.setattr(kernels, "AVAILABLE", False)
        reference = sketch_many(word_lists, config)
        for got, ref in zip(compiled, reference, strict=True):
            assert got.dtype == ref.dtype and np.array_equal(got, ref)
        signatures, sizes, values, flat_weights, offsets = compiled
        sets = np.split(values, offsets[1:-1])
        weights = np.split(flat_weights, offsets[1:-1])
        for words, got, size in zip(word_lists, sets, sizes, strict=True):
            assert np.array_equal(got, compact(shingle_hashes(words, 5, seed=7)))
            assert size == got.size
        # prose is weighted below full somewhere, random word ids (no stopwords) are not
        assert (min(w.min() for w in weights[-2:-1]) < 255) == prose_weights
        assert all((w == 255).all() for w in weights[:-2])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-(2**62), 2**62), max_size=300), st.booleans())
def test_sort_unique_equals_numpy_unique(values, pairs):
    array = np.array(values, dtype=np.int64)
    if pairs:  # a (m, 2) array of pairs, as the candidate and edge arrays are
        array = array[: array.size // 2 * 2].reshape(-1, 2)
    expected = np.unique(array)
    got = sort_unique(array)
    assert got.dtype == expected.dtype and np.array_equal(got, expected)


def test_cjk_texts_hash_alike_on_the_compiled_and_numpy_paths():
    # The compiled kernel sends any text with CJK characters to the regex tokeniser; the
    # character words must come out the same on both paths (and as the tokeniser's words).
    texts = ["iPhone 15 在中国发布，U.S. 市场稍后。", "コーヒーを飲む・ｶﾀｶﾅ “quoted” text",
             "plain ascii text", "東京2024年 — 서울에서 발표", "𠀀𠀁 and 々〆"]
    expected = [[_reference_hash(w) for w in tokens(t)] for t in texts]
    assert len(expected[0]) == 12  # iphone 15 在 中 国 发 布 us 市 场 稍 后
    assert [h.tolist() for h in shard_word_hashes(texts)] == expected
    assert [h.tolist() for h in numpy_word_hashes(texts)] == expected


def test_web_addresses_are_no_words_but_a_text_of_only_addresses_keeps_them():
    # (a tweet and the same tweet with its t.co link: Jaccard 0.41, the link made four words;
    # texts of nothing but a link would all have been exact copies of one another)
    import neardup

    tweet = "Happy Friday everyone! Enjoy the long weekend with your family"
    assert neardup.similarity(tweet, f"{tweet} https://t.co/x7YzAbC") == 1.0
    assert neardup.similarity(tweet, f"{tweet} (http://www.example.com/p?id=3)") == 1.0
    assert tokens("see https://t.co/x7YzAbC now") == ["see", "now"]
    assert tokens("https://t.co/x7YzAbC") == ["https", "t", "co", "x7yzabc"]
    result = neardup.dedup(["https://t.co/aaa", "https://t.co/bbb", "http://example.com/c"])
    assert len(result.clusters) == 3
