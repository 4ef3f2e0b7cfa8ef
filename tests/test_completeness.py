"""The kept copy of a story of three or more texts is the most complete: the most of what its
copies share, the least of its own (``cluster/completeness.py``); a pair keeps the longer."""

from __future__ import annotations

import random

import numpy as np

import neardup
from neardup.cluster import completeness as completeness_module
from neardup.cluster.completeness import OWN_WEIGHT, completeness


def _words(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ren", "to", "sa", "vel", "di", "ne", "por", "tu", "gra"]
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))) for _ in range(n)]


def _paragraphs(seed: int, count: int, words: int = 40) -> list[str]:
    vocabulary = _words(seed, 400)
    rng = random.Random(seed + 1)
    return [" ".join(rng.choice(vocabulary) for _ in range(words)) + "." for _ in range(count)]


STORY = _paragraphs(1, 10)
CLUTTER = _paragraphs(2, 3)  # (a page's own: a headline list, a disclaimer)
LOCAL = _paragraphs(3, 1)


def test_scores_count_the_shared_text_and_charge_the_own_text() -> None:
    sets = [np.array([1, 2, 3, 4, 10, 11], dtype=np.uint32),  # the story and 2 of its own
            np.array([1, 2, 3, 4], dtype=np.uint32),  # the story alone
            np.array([1, 2, 12], dtype=np.uint32)]  # part of it and 1 of its own
    offsets = np.cumsum([0, *map(len, sets)])
    scores = completeness(np.concatenate(sets), offsets, np.zeros(3, dtype=np.int64))
    assert scores.tolist() == [4 - OWN_WEIGHT * 2, 4, 2 - OWN_WEIGHT * 1]
    # two stories scored at once: each set is counted among its own story's sets only
    both = completeness(np.concatenate(sets + sets), np.cumsum([0, *map(len, sets + sets)]),
                        np.array([0, 0, 0, 1, 1, 1]))
    assert both.tolist() == scores.tolist() * 2


def _kept(copies: dict[str, list[str]], **settings) -> str:
    docs = [{"id": name, "text": "\n\n".join(paragraphs)} for name, paragraphs in copies.items()]
    result = neardup.dedup(docs, clean=False, **settings)
    (story,) = [members for members in result.clusters if len(members) > 1]
    assert sorted(story) == sorted(copies)  # one story of every copy
    return story[0]


COPIES = {
    "with-clutter": STORY + CLUTTER,  # the longest: the story and its page's clutter
    "complete": STORY,
    "cut": STORY[:8],
    "cut-with-local": STORY[:8] + LOCAL,
}


def test_the_complete_copy_is_kept_not_the_longest() -> None:
    assert _kept(COPIES) == "complete"
    assert _kept(COPIES, keep="longest") == "with-clutter"  # (what the default was)


def test_a_copy_that_lost_paragraphs_is_not_kept_for_a_paragraph_of_its_own() -> None:
    copies = {"cut-with-local": STORY[:9] + LOCAL + _paragraphs(4, 1), "complete": STORY,
              "also-complete": STORY[:5] + [STORY[5].replace(".", ",") + " ok."] + STORY[6:]}
    assert _kept(copies) in ("complete", "also-complete")
    assert _kept(copies, keep="longest") == "cut-with-local"


def test_a_pair_keeps_the_longer_copy() -> None:
    # (in a pair each text's shared part is the same: the score cannot tell a lost tail from
    # a page's clutter, so the pair keeps the longest, as before)
    assert _kept({"short": STORY[:9], "long": STORY + LOCAL}) == "long"


def test_scores_in_batches_are_the_scores_at_once(monkeypatch) -> None:
    many = {}
    for k in range(4):
        story, clutter = _paragraphs(10 + k, 10), _paragraphs(20 + k, 3)
        many |= {f"with-clutter-{k}": story + clutter, f"complete-{k}": story,
                 f"cut-{k}": story[:8]}
    at_once = neardup.dedup([{"id": i, "text": "\n\n".join(t)} for i, t in many.items()],
                            clean=False).kept_ids
    monkeypatch.setattr(completeness_module, "BATCH_VALUES", 1)
    in_batches = neardup.dedup([{"id": i, "text": "\n\n".join(t)} for i, t in many.items()],
                               clean=False).kept_ids
    assert at_once == in_batches
    assert sorted(at_once) == [f"complete-{k}" for k in range(4)]


def test_two_outlets_printing_one_text_and_a_third_copy_are_no_pair() -> None:
    # (their text is printed twice: its shingles are the story's, the third copy's clutter is
    # its own; counted once, the exact copies made a pair with it, which kept the longest)
    copies = {"outlet-a": STORY, "outlet-b": STORY, "with-clutter": STORY[:9] + CLUTTER}
    assert _kept(copies) in ("outlet-a", "outlet-b")
    assert _kept(copies, keep="longest") == "with-clutter"
    # ... and a brief beside a text printed twice does not win for having nothing of its own
    assert _kept({"outlet-a": STORY, "outlet-b": STORY, "brief": STORY[:8]}) in ("outlet-a",
                                                                                   "outlet-b")


def test_compiled_and_numpy_counts_agree() -> None:
    rng = np.random.default_rng(5)
    sets, stories, copies = [], [], []
    for story in range(40):  # (story 0 of more texts than a merge takes: sorted instead)
        texts = completeness_module.MERGE_TEXTS + 4 if story == 0 else int(rng.integers(1, 6))
        for _ in range(texts):
            sets.append(np.unique(rng.integers(0, 60, size=int(rng.integers(0, 40)))
                                  .astype(np.uint32)))
            stories.append(story)
            copies.append(int(rng.integers(1, 3)))
    values = np.concatenate(sets)
    offsets = np.cumsum([0, *map(len, sets)]).astype(np.int64)
    stories_array, copies_array = np.array(stories), np.array(copies, dtype=np.int64)
    numpy_counts = completeness_module._numpy_shared_counts(values, offsets, stories_array,
                                                            copies_array)
    if completeness_module.AVAILABLE:
        story_starts = np.concatenate([[0], np.flatnonzero(np.diff(stories_array)) + 1,
                                       [len(sets)]]).astype(np.int64)
        compiled = completeness_module._shared_counts(values, offsets, story_starts,
                                                      copies_array)
        assert compiled.tolist() == numpy_counts.tolist()
    # by hand: a value is shared when its story's documents print it twice or more
    for i, values_i in enumerate(sets):
        others = [j for j in range(len(sets)) if stories[j] == stories[i] and j != i]
        printed = [copies[i] + sum(copies[j] for j in others if v in sets[j]) for v in values_i]
        assert numpy_counts[i] == sum(p >= 2 for p in printed)
