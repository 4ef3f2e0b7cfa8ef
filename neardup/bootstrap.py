"""Bootstrap confidence intervals of the pairwise scores (``neardup eval --intervals``).

A score measured on a sample (a few hundred labelled pairs, a corpus of some thousand stories)
moves when the sample does. The percentile bootstrap (Efron & Tibshirani 1993, ch. 13) draws
the sample's independent units with replacement ``draws`` times, scores each draw, and gives
the central ``level`` share of those scores as the interval.

The unit is what is independent:

* labelled pairs (``--pairs``): the pair. A draw is a multiset of pairs; TP, FP and FN are
  counted over it.
* a clustering against true stories (``--truth``): the true story, with all its documents,
  since the pairs of one story are not independent of each other (a cluster bootstrap). A
  story drawn k times counts k times, each copy a corpus of its own: with k_s the times story
  s is drawn and n_sc its documents in predicted cluster c,
      TP        = Σ_s k_s Σ_c C(n_sc, 2)
      true      = Σ_s k_s C(n_s, 2)
      predicted = Σ_c [ Σ_s k_s C(n_sc, 2) + Σ_{s<t} k_s k_t n_sc n_tc ]
                = Σ_sc k_s C(n_sc, 2) + ½ Σ_c [ (Σ_s k_s n_sc)² − Σ_s k_s² n_sc² ]
  (with every k_s = 1 these are the scores of :mod:`neardup.evaluate`).

Draws come from NumPy's generator seeded with ``seed``: the same files give the same interval
with the same NumPy (NEP 19 keeps a bit generator's stream, not ``Generator.integers``'s, across
NumPy versions). Only ``neardup eval`` prints them; no output of a dedup run depends on them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from neardup.evaluate import prf

DRAWS = 1000
LEVEL = 0.95
SEED = 20201


@dataclass(frozen=True)
class Intervals:
    """Percentile intervals of precision, recall and F1 over ``draws`` bootstrap draws of
    ``units`` units (``unit``: "pair" or "true story")."""

    precision: tuple[float, float]
    recall: tuple[float, float]
    f1: tuple[float, float]
    unit: str
    units: int
    draws: int
    level: float

    def to_dict(self) -> dict[str, object]:
        return {"level": self.level, "draws": self.draws, "unit": self.unit,
                "units": self.units,
                **{name: [round(v, 6) for v in getattr(self, name)]
                   for name in ("precision", "recall", "f1")}}


def interval(statistic: Callable[[np.ndarray], float], units: int, draws: int = DRAWS,
             level: float = LEVEL, seed: int = SEED) -> tuple[float, float]:
    """``(low, high)``: the percentile interval of ``statistic(indices)`` over ``draws`` draws
    of ``units`` indices with replacement (``statistic`` reads its sample through the indices,
    so that one draw can serve two statistics: a paired bootstrap)."""
    values = _draw(lambda idx: (statistic(idx),), units, draws, seed)[:, 0]
    return _percentiles(values, level)


def pair_intervals(same: Sequence[bool], label: Sequence[bool], draws: int = DRAWS,
                   level: float = LEVEL, seed: int = SEED) -> Intervals:
    """Intervals of the scores of labelled pairs: ``same[i]``, pair i predicted in one story;
    ``label[i]``, pair i a duplicate (each pair once, as ``pairs_scores`` counts them)."""
    predicted = np.asarray(same, dtype=bool)
    truth = np.asarray(label, dtype=bool)

    def scores(idx: np.ndarray) -> tuple[float, float, float]:
        p, y = predicted[idx], truth[idx]
        tp = np.count_nonzero(p & y)
        return prf(tp, np.count_nonzero(p), np.count_nonzero(y))

    return _intervals(scores, len(predicted), "pair", draws, level, seed)


def cluster_intervals(predicted: Mapping[str, Hashable], truth: Mapping[str, Hashable],
                      draws: int = DRAWS, level: float = LEVEL, seed: int = SEED
                      ) -> Intervals:
    """Intervals of the pairwise scores of a clustering (id → cluster) against the truth (id
    → story), over the ids in both, true stories drawn as units (see the module's text)."""
    table = StoryTable(predicted, truth)

    def scores(idx: np.ndarray) -> tuple[float, float, float]:
        return table.scores(np.bincount(idx, minlength=table.stories))

    return _intervals(scores, table.stories, "true story", draws, level, seed)


class StoryTable:
    """The contingency table of a clustering against the truth, by cell (true story s,
    predicted cluster c, documents n_sc), for the scores of a draw of stories."""

    def __init__(self, predicted: Mapping[str, Hashable], truth: Mapping[str, Hashable]
                 ) -> None:
        story_of: dict[Hashable, int] = {}
        cluster_of: dict[Hashable, int] = {}
        cells: dict[tuple[int, int], int] = {}
        for i in predicted:
            if i in truth:
                s = story_of.setdefault(truth[i], len(story_of))
                c = cluster_of.setdefault(predicted[i], len(cluster_of))
                cells[s, c] = cells.get((s, c), 0) + 1
        self.stories, self.clusters = len(story_of), len(cluster_of)
        self.cell_story = np.fromiter((s for s, _ in cells), dtype=np.int64, count=len(cells))
        self.cell_cluster = np.fromiter((c for _, c in cells), dtype=np.int64,
                                        count=len(cells))
        self.n = np.fromiter(cells.values(), dtype=np.float64, count=len(cells))
        self.cell_pairs = self.n * (self.n - 1) / 2
        size = np.bincount(self.cell_story, weights=self.n, minlength=self.stories)
        self.story_true = size * (size - 1) / 2
        self.story_tp = np.bincount(self.cell_story, weights=self.cell_pairs,
                                    minlength=self.stories)

    def scores(self, times: np.ndarray) -> tuple[float, float, float]:
        """Precision, recall, F1 when true story s is drawn ``times[s]`` times."""
        k = np.asarray(times, dtype=np.float64)
        w = k[self.cell_story]
        tp = float(k @ self.story_tp)
        mass = np.bincount(self.cell_cluster, weights=w * self.n, minlength=self.clusters)
        across = (float(mass @ mass) - float((w * w) @ (self.n * self.n))) / 2
        return prf(tp, float(w @ self.cell_pairs) + across, float(k @ self.story_true))


def _intervals(scores: Callable[[np.ndarray], tuple[float, float, float]], units: int,
               unit: str, draws: int, level: float, seed: int) -> Intervals:
    values = _draw(scores, units, draws, seed)
    p, r, f = (_percentiles(values[:, j], level) for j in range(3))
    return Intervals(p, r, f, unit, units, draws, level)


def _draw(statistics: Callable[[np.ndarray], tuple[float, ...]], units: int, draws: int,
          seed: int) -> np.ndarray:
    if draws < 1 or units < 1:
        raise ValueError(f"a bootstrap needs at least one draw and one unit ({draws} draws, "
                         f"{units} units)")
    rng = np.random.default_rng(seed)
    return np.array([statistics(rng.integers(0, units, units)) for _ in range(draws)],
                    dtype=np.float64)


def _percentiles(values: np.ndarray, level: float) -> tuple[float, float]:
    tail = (1.0 - level) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)
