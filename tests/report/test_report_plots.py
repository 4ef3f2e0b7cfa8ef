"""The report's pictures: deterministic inline SVG."""

from __future__ import annotations

import re

from neardup.report.plots import similarity_svg, size_buckets, sizes_svg


def test_svgs_are_deterministic_and_inline_ready() -> None:
    counts = tuple([0] * 30 + [1, 3, 5, 8, 13, 8, 5, 3, 2, 1] * 2)
    draw = similarity_svg.__wrapped__  # bypass the cache: draw twice
    first, second = draw(counts, 0.7), draw(counts, 0.7)
    assert first == second
    assert first.startswith("<svg") and "<?xml" not in first and "<!DOCTYPE" not in first
    assert "threshold 0.70" in first
    assert "<dc:date>" not in first and "<metadata>" not in first
    sizes = sizes_svg.__wrapped__(((1, 50), (2, 7), (3, 2), (40, 1)))
    assert sizes == sizes_svg.__wrapped__(((1, 50), (2, 7), (3, 2), (40, 1)))
    # the two pictures share a page: no element id in common
    ids = re.compile(r'\bid="([^"]+)"')
    assert not set(ids.findall(first)) & set(ids.findall(sizes))


def test_size_buckets() -> None:
    assert size_buckets([(1, 5), (2, 3)]) == [("1", 5), ("2", 3)]
    buckets = dict(size_buckets([(1, 5), (3, 1), (12, 2), (19, 1), (60, 4), (2000, 1)]))
    assert buckets["2"] == 0 and buckets["10"] == 0
    assert buckets["11–20"] == 3 and buckets["21–50"] == 0 and buckets["51–100"] == 4
    assert buckets["101–1000"] == 0 and buckets["1001+"] == 1
    assert sum(buckets.values()) == 5 + 1 + 3 + 4 + 1


def test_the_pictures_draw_their_numbers() -> None:
    from neardup.report.plots import LEFT, RIGHT, WIDTH

    counts = (0, 0, 4, 0, 9, 2, 0, 0, 0, 1)
    svg = similarity_svg.__wrapped__(counts, 0.5, "containment", "verified pairs")
    assert svg.count("<rect") == 4  # one bar per non-empty bin
    assert "Pair similarities: verified pairs (16)" in svg
    assert "similarity (containment)" in svg and "no pairs" not in svg
    # the threshold's dashed line halfway along the plot area
    middle = LEFT + (WIDTH - LEFT - RIGHT) / 2
    assert re.search(rf'<line x1="{middle:g}" y1="[\d.]+" x2="{middle:g}"[^>]*stroke-dasharray',
                     svg)
    # bars as tall as their counts: the bin of 9 is 9/4 the height of the bin of 4
    heights = [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', svg)]
    assert abs(heights[1] / heights[0] - 9 / 4) < 0.01
    empty = similarity_svg.__wrapped__((0,) * 10, None)
    assert "no pairs" in empty and "<rect" not in empty and "threshold" not in empty

    sizes = sizes_svg.__wrapped__(((1, 50), (2, 7), (3, 2), (40, 1)))
    assert sizes.count("<rect") == 4  # sizes 1, 2, 3 and the 21–50 range
    for label in (">50<", ">7<", ">2<", ">1<", ">21–50<", ">1<", ">10<", ">100<"):
        assert label in sizes, label
    assert "Stories by number of copies (60 stories)" in sizes
