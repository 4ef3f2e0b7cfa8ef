#!/usr/bin/env python3
"""Time of the text cleaner on adversarial page shapes as they grow: does any grow faster
than the text?

Usage: python bench/clean_worst_case.py [--sizes 100000 1000000] [--shapes NAME ...]

One scraped page of pathological shape in a corpus of millions must not stall the run: a
cleaner whose time grows with the square of a page's length spends an hour on a 10 MB page.
For each shape (built in this script, no data needed) the script times ``clean_text`` (one
process, line caches emptied before each call) at each size in characters and prints the
ratio of the time at the largest size to the time at the smallest against the ratio of the
sizes. A shape whose time grows more than twice as fast as its size is flagged.

The shapes are those that took quadratic time before 2026-12-05 (seventh session): many
prose paragraphs between menu lines (the article-region search), long runs of spaces after
"said", after a caption credit's bracket and after the numbers of numbered items (regular
expressions that tried every split of a run between two parts), dotted-acronym runs
(matching's normalisation); a page of thousands of embedded posts in one element (HTML: each
post's wrappers were measured, 2026-12-07); and a few that never did, for scale.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from neardup.clean import clean_html, clean_text  # noqa: E402
from neardup.clean.lines import clear_caches  # noqa: E402
from neardup.normalize import tokens  # noqa: E402

_PROSE = ("The council voted on Tuesday to approve the new budget, which includes funding for "
          "schools and roads, officials said on Friday in a statement to reporters.")
_MENU = ["Home | News | Sport | Weather", "Share on Facebook", "Sign in | Register",
         "Privacy Policy | Cookies"]


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _paragraphs_between_menus(size: int) -> str:
    """Pairs of distinct paragraphs between four menu lines: each pair an article region of
    its own, many of them in a row."""
    words = _PROSE.lower().replace(",", "").replace(".", "").split()
    out: list[str] = []
    total = 0
    while total < size:
        k = len(out)
        for rng in (random.Random(k), random.Random(k + 1)):
            out.append(f"The {' '.join(rng.choice(words) for _ in range(16))} in year {k}.")
        out += _MENU
        total += sum(map(len, out[-6:])) + 6
    return "\n".join(out)


def _numbered_items(size: int) -> str:
    """Three numbered items, each with a long run of spaces after its number."""
    run = " " * (size // 3)
    return _article("\n".join(f"{k}.{run}! item number {k} here" for k in (1, 2, 3)))


def _article(body: str) -> str:
    return "\n".join([_PROSE] * 6 + [body] + [_PROSE] * 6)


def _body_printed_again(size: int) -> str:
    """A body of distinct short paragraphs, then all of it again on one line (the structured
    data's copy of the article, as some pages print it)."""
    words = _PROSE.lower().replace(",", "").replace(".", "").split()
    body: list[str] = []
    while sum(map(len, body)) < size // 2:
        rng = random.Random(len(body))
        body.append(" ".join(rng.choice(words) for _ in range(12)).capitalize()
                    + f" number {len(body)}.")
    return "\n".join(body) + "\n" + " ".join(body)


def _cells(size: int) -> str:
    """A table one cell a line (rank, name, four numbers), row after row: the cell-table
    search's pattern matching runs over all of it."""
    rows: list[str] = []
    while sum(map(len, rows)) < size:
        k = len(rows) // 6
        rows += [str(k), f"Driver {k}", str(5000 - k), "5", "1", "17"]
    return "\n".join(rows)


def _posts_wall(size: int) -> str:
    """A page whose article holds one "social-wall" element of embedded posts (HTML)."""
    post = ('<blockquote class="twitter-tweet"><p>Post {k} on the match tonight https://t.co/'
            'x{k}</p>&mdash; Fan {k} (@fan{k}) <a href="#">November 18, 2019</a></blockquote>')
    posts = "".join(post.format(k=k) for k in range(max(1, size // len(post))))
    return ("<html><body><article><h1>Wall</h1><p>" + _PROSE + "</p>"
            f'<div class="social-wall">{posts}</div></article></body></html>')


SHAPES: dict[str, Callable[[int], str]] = {
    "paragraphs between menus": _paragraphs_between_menus,
    "spaces after 'said'": lambda n: _article("John said" + " " * n + "::"),
    "spaces after a credit": lambda n: _article("A caption (Photo x)" + " " * n + "x"),
    "spaces in numbered items": _numbered_items,
    "body printed again on one line": _body_printed_again,
    "one long line of prose": lambda n: _repeat(_PROSE + " ", n),
    "one-word lines": lambda n: _repeat("word\n", n),
    "headlines and '19 hours ago'": lambda n: _repeat("Other news\n19 hours ago\n", n),
    "table cells one a line": _cells,
}
# HTML pages (``clean_html``: trafilatura and what neardup does around it)
HTML_SHAPES: dict[str, Callable[[int], str]] = {
    "embedded posts in one wall (HTML)": _posts_wall,
}
# matching's normalisation of a text (``neardup.normalize.tokens``), not the cleaner
TOKEN_SHAPES: dict[str, Callable[[int], str]] = {
    "dotted-acronym run (tokens)": lambda n: "é " + _repeat("A.", n) + "x",
}


def _time(fn: Callable[[str], object], text: str) -> float:
    clear_caches()
    start = time.perf_counter()
    fn(text)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000],
                    help="text sizes in characters (default: 100,000 and 1,000,000)")
    ap.add_argument("--shapes", nargs="+", default=None, help="only these shapes (by name)")
    args = ap.parse_args(argv)
    sizes = sorted(args.sizes)
    cases = [(name, build, clean_text) for name, build in SHAPES.items()]
    cases += [(name, build, tokens) for name, build in TOKEN_SHAPES.items()]
    cases += [(name, build, clean_html) for name, build in HTML_SHAPES.items()]
    if args.shapes:
        cases = [c for c in cases if c[0] in args.shapes]
    print("| shape | " + " | ".join(f"{n:,} chars" for n in sizes) + " | time ratio | size ratio |")
    print("|---|" + "---|" * (len(sizes) + 2))
    flagged = 0
    clean_text(_article("warm-up")), tokens("warm-up")  # (kernels loaded before any timing)
    for name, build, fn in cases:
        times = [_time(fn, build(n)) for n in sizes]
        growth = times[-1] / max(times[0], 1e-6)
        ratio = sizes[-1] / sizes[0]
        mark = " **faster than the text**" if growth > 2 * ratio else ""
        flagged += bool(mark)
        cells = " | ".join(f"{t:.3f} s" for t in times)
        print(f"| {name} | {cells} | {growth:.1f}{mark} | {ratio:g} |", flush=True)
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
