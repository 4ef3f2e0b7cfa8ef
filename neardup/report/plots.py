"""The report's pictures: matplotlib figures rendered to inline SVG.

Rendering is deterministic (fixed ``svg.hashsalt``, no date in the metadata, text kept as SVG
text) so identical inputs give a byte-identical report.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter, NullFormatter  # noqa: E402

_STYLE = {
    "svg.fonttype": "none",
    "font.size": 9,
    "font.family": "sans-serif",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#555555",
    "axes.titlesize": 10,
}
_BAR = "#3b6ea8"
_MARK = "#c0392b"
_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)
_REFERENCE = re.compile(r'(\bid="|href="#|url\(#)([^")]+)')


def _to_svg(figure: Any, salt: str) -> str:
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": f"neardup-{salt}"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(figure)
    svg = _PROLOGUE.sub("", buffer.getvalue(), count=1)
    svg = _METADATA.sub("", svg, count=1)
    # Both pictures are inline in one page: give each its own element ids.
    svg = _REFERENCE.sub(lambda m: f"{m.group(1)}{salt}-{m.group(2)}", svg)
    # Let the page size the picture: keep the viewBox, drop the fixed size.
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"',
                 r'<svg\1 class="figure" preserveAspectRatio="xMidYMid meet"', svg, count=1)
    return svg


@lru_cache(maxsize=8)
def similarity_svg(counts: tuple[int, ...], threshold: float | None, measure: str = "jaccard",
                   what: str = "candidate pairs") -> str:
    """Histogram of pair similarities over [0, 1] with the threshold marked (cached: the
    same data gives the same picture)."""
    with matplotlib.rc_context(_STYLE):
        figure, axes = plt.subplots(figsize=(6.4, 2.8))
        bins = max(1, len(counts))
        width = 1.0 / bins
        lefts = [k * width for k in range(bins)]
        axes.bar(lefts, list(counts), width=width, align="edge", color=_BAR,
                 edgecolor="white", linewidth=0.3)
        if isinstance(threshold, int | float):
            axes.axvline(float(threshold), color=_MARK, linestyle="--", linewidth=1.2)
            axes.annotate(f"threshold {float(threshold):.2f}", xy=(float(threshold), 1.0),
                          xycoords=("data", "axes fraction"), xytext=(-4, -2),
                          textcoords="offset points", ha="right", va="top", color=_MARK)
        axes.set_xlim(0, 1)
        axes.set_xlabel(f"similarity ({measure})")
        axes.set_ylabel("pairs")
        axes.set_title(f"Pair similarities: {what} ({sum(counts):,})", loc="left")
        if max(counts, default=0) == 0:
            axes.text(0.5, 0.5, "no pairs", transform=axes.transAxes, ha="center",
                      color="#777777")
        return _to_svg(figure, "similarity")


def size_buckets(by_size: Sequence[tuple[int, int]]) -> list[tuple[str, int]]:
    """Story counts per size: sizes 1–10 one by one, larger ones in ranges."""
    ranges = [(11, 20), (21, 50), (51, 100), (101, 1000), (1001, None)]
    buckets: list[tuple[str, int]] = []
    small = dict(by_size)
    top = max(small, default=1)
    for size in range(1, min(10, top) + 1):
        buckets.append((str(size), small.get(size, 0)))
    for low, high in ranges:
        if low > top:
            break
        total = sum(c for s, c in by_size if s >= low and (high is None or s <= high))
        buckets.append((f"{low}+" if high is None else f"{low}–{high}", total))
    return buckets


def _plain_number(value: float, _position: int) -> str:
    return f"{value:,.0f}" if value >= 1 else f"{value:g}"


@lru_cache(maxsize=8)
def sizes_svg(by_size: tuple[tuple[int, int], ...]) -> str:
    """Bar chart of the number of stories by number of copies (log scale; cached)."""
    buckets = size_buckets(by_size)
    with matplotlib.rc_context(_STYLE):
        figure, axes = plt.subplots(figsize=(6.4, 2.8))
        labels = [label for label, _ in buckets]
        values = [count for _, count in buckets]
        positions = list(range(len(buckets)))
        bars = axes.bar(positions, values, color=_BAR, width=0.7)
        axes.set_xticks(positions, labels)
        if any(values):
            axes.set_yscale("log")
            axes.set_ylim(0.7, max(values) * 3)
            # (plain numbers: the log scale's default labels, "10^2", go through mathtext,
            # a third of the picture's rendering time)
            axes.yaxis.set_major_formatter(FuncFormatter(_plain_number))
            axes.yaxis.set_minor_formatter(NullFormatter())
        axes.bar_label(bars, labels=[f"{v:,}" if v else "" for v in values], padding=2,
                       fontsize=7)
        axes.set_xlabel("copies per story")
        axes.set_ylabel("stories")
        axes.set_title(f"Stories by number of copies ({sum(values):,} stories)", loc="left")
        return _to_svg(figure, "sizes")
