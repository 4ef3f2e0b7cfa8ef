"""Bootstrap confidence intervals for the accuracy benchmarks (a module, not a script).

The benchmarks score small samples: 178 Webis pairs, 181 AEB pages. On such samples one pair
or one page moves F1 by a few thousandths, so a figure such as 0.9198 against a goal of 0.92
says little without its spread. Here the unit of the sample (a labelled pair, a page) is drawn
with replacement ``rounds`` times, the statistic computed on each draw, and the central
``level`` share of the draws is the interval (percentile bootstrap; Efron & Tibshirani 1993,
ch. 13). For a difference between two systems scored on the same units (neardup against a
baseline), each draw takes the same units for both (a paired bootstrap), so what the units
share cancels. The draws are :mod:`neardup.bootstrap`'s (``neardup eval --intervals``),
from a NumPy generator with a fixed seed: the same input prints the same interval.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from neardup import bootstrap
from neardup.bootstrap import LEVEL

ROUNDS = 2000  # (more draws than ``neardup eval``'s default: the samples here are small)


def interval(statistic: Callable[[np.ndarray], float], units: int, rounds: int = ROUNDS,
             level: float = LEVEL) -> tuple[float, float]:
    """``neardup.bootstrap.interval`` with this module's number of draws."""
    return bootstrap.interval(statistic, units, draws=rounds, level=level)


def pair_f1(predicted: Sequence[bool], truth: Sequence[bool]) -> Callable[[np.ndarray], float]:
    """F1 of ``predicted`` against ``truth`` (one entry per labelled pair) over a draw."""
    p = np.asarray(predicted, dtype=bool)
    y = np.asarray(truth, dtype=bool)

    def f1(idx: np.ndarray) -> float:
        pi, yi = p[idx], y[idx]
        tp = np.count_nonzero(pi & yi)
        wrong = np.count_nonzero(pi ^ yi)  # false positives and false negatives
        return 2 * tp / (2 * tp + wrong) if tp else 0.0

    return f1


def macro_f1(precision: Sequence[float], recall: Sequence[float]
             ) -> Callable[[np.ndarray], float]:
    """F1 of the mean precision and mean recall over the pages of a draw (the AEB metric:
    ``nan`` for a page without a prediction, or without gold, leaves it out of that mean)."""
    p = np.asarray(precision, dtype=np.float64)
    r = np.asarray(recall, dtype=np.float64)

    def f1(idx: np.ndarray) -> float:
        pm, rm = np.nanmean(p[idx]), np.nanmean(r[idx])
        return 2 * pm * rm / (pm + rm) if pm + rm else 0.0

    return f1


def macro_mean(values: Sequence[float]) -> Callable[[np.ndarray], float]:
    """The mean of ``values`` (one per page; NaN: left out) over the pages of a draw."""
    v = np.asarray(values, dtype=np.float64)
    return lambda idx: float(np.nanmean(v[idx]))


def difference(a: Callable[[np.ndarray], float], b: Callable[[np.ndarray], float]
               ) -> Callable[[np.ndarray], float]:
    """``a - b`` on the same draw (a paired bootstrap)."""
    return lambda idx: a(idx) - b(idx)


def describe(value: float, low: float, high: float, units: str, rounds: int = ROUNDS,
             level: float = LEVEL, signed: bool = False) -> str:
    """``0.920 (95 % CI 0.885-0.951, bootstrap over 178 pairs)``."""
    fmt = "{:+.3f}" if signed else "{:.3f}"
    return (f"{fmt.format(value)} ({level:.0%} CI {fmt.format(low)} to {fmt.format(high)}, "
            f"{rounds} bootstrap draws of the {units})")
