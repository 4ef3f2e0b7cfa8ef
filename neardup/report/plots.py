"""The report's pictures: two bar charts written as inline SVG.

Drawn here rather than with a plotting library: both are bars over an axis with a few ticks,
and matplotlib cost every report its import and two figures' rendering, 0.34 s on a quiet
machine (2026-12-05) and 0.9-1.1 s in a busy hour (2026-12-07: the plain 100k corpus's report
took 3.4 s), a fixed cost that weighs most on small runs. Now ~1 ms. The markup is a function
of the numbers alone (no ids, dates or hashes), so identical inputs give a byte-identical
report, and the page sizes the pictures by their ``viewBox``."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from html import escape

WIDTH, HEIGHT = 640, 280
# the plot area inside the picture: room for the title above, tick labels and the axis
# label to the left and below
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 30, 44
BAR = "#3b6ea8"
MARK = "#c0392b"
AXIS = "#555555"
MUTED = "#777777"
FONT_SIZE = 9


class _Picture:
    """SVG elements of one chart, in drawing order."""

    def __init__(self, title: str) -> None:
        self.parts: list[str] = []
        self.text(LEFT - 40, 14, title, size=10)

    def rect(self, x: float, y: float, w: float, h: float, fill: str = BAR,
             stroke: str | None = None) -> None:
        edge = f' stroke="{stroke}" stroke-width="0.3"' if stroke else ""
        self.parts.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" '
                          f'fill="{fill}"{edge}/>')

    def line(self, x1: float, y1: float, x2: float, y2: float, color: str = AXIS,
             width: float = 0.8, dashed: bool = False) -> None:
        dash = ' stroke-dasharray="4 3"' if dashed else ""
        self.parts.append(f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
                          f'stroke="{color}" stroke-width="{_n(width)}"{dash}/>')

    def text(self, x: float, y: float, value: str, anchor: str = "start",
             color: str = "#222222", size: int = FONT_SIZE, rotate: bool = False) -> None:
        turn = f' transform="rotate(-90 {_n(x)} {_n(y)})"' if rotate else ""
        self.parts.append(f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" '
                          f'fill="{color}" font-family="sans-serif" font-size="{size}"{turn}>'
                          f'{escape(value)}</text>')

    def axes(self, x_label: str, y_label: str) -> None:
        bottom = HEIGHT - BOTTOM
        self.line(LEFT, TOP, LEFT, bottom)
        self.line(LEFT, bottom, WIDTH - RIGHT, bottom)
        self.text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8, x_label, anchor="middle")
        self.text(14, (TOP + bottom) / 2, y_label, anchor="middle", rotate=True)

    def y_tick(self, y: float, label: str) -> None:
        self.line(LEFT - 3, y, LEFT, y)
        self.text(LEFT - 5, y + 3, label, anchor="end")

    def x_tick(self, x: float, label: str) -> None:
        bottom = HEIGHT - BOTTOM
        self.line(x, bottom, x, bottom + 3)
        self.text(x, bottom + 13, label, anchor="middle")

    def svg(self) -> str:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
                'class="figure" preserveAspectRatio="xMidYMid meet">'
                + "".join(self.parts) + "</svg>")


def _n(value: float) -> str:
    """A coordinate as SVG text: two decimals at most, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _count(value: float) -> str:
    return f"{value:,.0f}" if value >= 1 else f"{value:g}"


def _linear_ticks(top: float) -> list[float]:
    """0 and multiples of a round step (1, 2 or 5 times a power of ten) up to ``top``: about
    five of them."""
    if top <= 0:
        return [0.0]
    raw = top / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1.0)  # (counts: whole numbers)
    return [k * step for k in range(int(top // step) + 1)]


@lru_cache(maxsize=8)
def similarity_svg(counts: tuple[int, ...], threshold: float | None, measure: str = "jaccard",
                   what: str = "candidate pairs") -> str:
    """Histogram of pair similarities over [0, 1] with the threshold marked (cached: the
    same data gives the same picture)."""
    pic = _Picture(f"Pair similarities: {what} ({sum(counts):,})")
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    bottom = TOP + plot_h
    top = max(counts, default=0)
    scale = plot_h / (top * 1.05) if top else 0.0
    bins = max(1, len(counts))
    width = plot_w / bins
    for k, count in enumerate(counts):
        if count:
            pic.rect(LEFT + k * width, bottom - count * scale, width, count * scale,
                     stroke="white")
    for tick in _linear_ticks(top * 1.05):
        pic.y_tick(bottom - tick * scale, _count(tick))
    for k in range(6):
        pic.x_tick(LEFT + plot_w * k / 5, f"{k / 5:.1f}")
    if threshold is not None:
        x = LEFT + plot_w * min(max(float(threshold), 0.0), 1.0)
        pic.line(x, TOP, x, bottom, color=MARK, width=1.2, dashed=True)
        pic.text(x - 4, TOP + 10, f"threshold {float(threshold):.2f}", anchor="end",
                 color=MARK)
    if top == 0:
        pic.text(LEFT + plot_w / 2, TOP + plot_h / 2, "no pairs", anchor="middle",
                 color=MUTED)
    pic.axes(f"similarity ({measure})", "pairs")
    return pic.svg()


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


@lru_cache(maxsize=8)
def sizes_svg(by_size: tuple[tuple[int, int], ...]) -> str:
    """Bar chart of the number of stories by number of copies (log scale: one size holds
    most stories; cached)."""
    buckets = size_buckets(by_size)
    values = [count for _, count in buckets]
    pic = _Picture(f"Stories by number of copies ({sum(values):,} stories)")
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    bottom = TOP + plot_h
    # log scale from 0.7 (a bar of one shows) to three times the largest count
    low, high = math.log10(0.7), math.log10(max(values, default=1) * 3 or 1)
    span = (high - low) or 1.0

    def y_of(value: float) -> float:
        return bottom - plot_h * (math.log10(value) - low) / span

    slot = plot_w / max(1, len(buckets))
    for k, (label, count) in enumerate(buckets):
        center = LEFT + slot * (k + 0.5)
        if count:
            top = y_of(count)
            pic.rect(center - slot * 0.35, top, slot * 0.7, bottom - top)
            pic.text(center, top - 3, f"{count:,}", anchor="middle", size=7)
        pic.x_tick(center, label)
    power = 1
    while any(values) and power <= max(values) * 3:
        pic.y_tick(y_of(power), f"{power:,}")
        power *= 10
    pic.axes("copies per story", "stories")
    return pic.svg()
