"""Bootstrap intervals of the evaluation scores (``neardup eval --intervals``)."""

from __future__ import annotations

import itertools
import json
import random

import numpy as np
import pytest

from neardup.bootstrap import StoryTable, cluster_intervals, interval, pair_intervals
from neardup.cli import main
from neardup.evaluate import cluster_scores, pair_verdicts, pairs_scores


def _clustering(seed: int, docs: int = 60) -> tuple[dict[str, int], dict[str, int]]:
    rng = random.Random(seed)
    truth = {f"d{i}": rng.randrange(15) for i in range(docs)}
    # mostly right, some stories split, some merged
    predicted = {i: (s if rng.random() < 0.8 else rng.randrange(20)) for i, s in truth.items()}
    return predicted, truth


def _brute_force(predicted: dict[str, int], truth: dict[str, int], times: list[int]
                 ) -> tuple[float, float, float]:
    """Scores of a draw counted pair by pair: story s drawn times[s] times, each copy a
    corpus of its own (pairs within a copy count, pairs between copies of one story do not,
    pairs between copies of two stories count when their documents share a cluster)."""
    stories = {s: i for i, s in enumerate(dict.fromkeys(truth[d] for d in predicted))}
    docs = [(d, copy) for d in predicted
            for copy in range(times[stories[truth[d]]])]
    tp = pred = true = 0
    for (a, ca), (b, cb) in itertools.combinations(docs, 2):
        same_story = truth[a] == truth[b]
        if same_story and ca != cb:
            continue
        same_cluster = predicted[a] == predicted[b]
        tp += same_story and same_cluster
        pred += same_cluster
        true += same_story
    precision = tp / pred if pred else 1.0
    recall = tp / true if true else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_story_table_scores_are_the_pairwise_scores_of_the_drawn_stories(seed: int) -> None:
    predicted, truth = _clustering(seed)
    table = StoryTable(predicted, truth)
    whole = cluster_scores(predicted, truth)
    assert table.scores(np.ones(table.stories)) == pytest.approx(
        (whole.precision, whole.recall, whole.f1))
    rng = np.random.default_rng(seed)
    for _ in range(3):
        times = np.bincount(rng.integers(0, table.stories, table.stories),
                            minlength=table.stories)
        assert table.scores(times) == pytest.approx(
            _brute_force(predicted, truth, times.tolist()))


def test_intervals_hold_the_scores_and_are_reproducible() -> None:
    predicted, truth = _clustering(4, docs=300)
    whole = cluster_scores(predicted, truth)
    found = cluster_intervals(predicted, truth, draws=300)
    assert found.unit == "true story" and found.units == 15
    for name in ("precision", "recall", "f1"):
        low, high = getattr(found, name)
        assert low <= getattr(whole, name) <= high and low < high
    assert cluster_intervals(predicted, truth, draws=300) == found
    # a perfect clustering: no spread
    perfect = cluster_intervals(truth, truth, draws=50)
    assert perfect.precision == perfect.recall == perfect.f1 == (1.0, 1.0)


def test_pair_intervals_follow_the_scored_pairs() -> None:
    predicted = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 3}
    pairs = [("a", "b", True), ("b", "a", True), ("c", "d", False), ("a", "e", True),
             ("a", "a", True), ("d", "e", False), ("x", "a", True)]
    verdicts = pair_verdicts(predicted, pairs)
    assert (verdicts.same, verdicts.label) == ([True, True, False, False],
                                               [True, False, True, False])
    assert (verdicts.unscored, verdicts.self_pairs, verdicts.repeated) == (1, 1, 1)
    scores = pairs_scores(predicted, pairs)
    found = pair_intervals(verdicts.same, verdicts.label, draws=500)
    assert found.units == 4
    assert found.f1[0] <= scores.f1 <= found.f1[1] and found.f1[0] < found.f1[1]
    with pytest.raises(ValueError, match="at least one draw"):
        interval(lambda idx: 0.0, 4, draws=0)


def test_eval_prints_intervals_when_asked(tmp_path, capsys) -> None:
    predicted, truth = _clustering(5, docs=200)
    out = tmp_path / "documents.jsonl"
    out.write_text("".join(json.dumps({"id": i, "cluster": c, "status": "kept"}) + "\n"
                           for i, c in predicted.items()))
    corpus = tmp_path / "truth.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "story": s}) + "\n"
                              for i, s in truth.items()))
    assert main(["eval", str(out), "--truth", str(corpus)]) == 0
    assert "intervals" not in json.loads(capsys.readouterr().out)  # (off unless asked)
    assert main(["eval", str(out), "--truth", str(corpus), "--intervals", "200"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["intervals"]["draws"] == 200 and report["intervals"]["unit"] == "true story"
    low, high = report["intervals"]["f1"]
    assert low <= report["f1"] <= high
    assert main(["eval", str(out), "--truth", str(corpus), "--intervals", "-3"]) == 2
    assert "--intervals" in capsys.readouterr().err
