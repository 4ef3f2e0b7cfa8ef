#!/usr/bin/env python3
"""Stage times of ``neardup dedup`` on corpora of hard shapes as they grow: does a stage grow
faster than the corpus?

Usage: python bench/dedup_worst_case.py [--sizes 2000 8000] [--shapes NAME ...] [--jobs 2]

Each shape is a corpus this script writes (no data needed) at each size in documents; the
job runs in a child process (``python -m neardup dedup``, no cleaning unless the shape says
otherwise, no report) and its ``summary.json`` gives the time of each stage. The table shows
each stage's time at the largest size over its time at the smallest, against the ratio of the
sizes; a stage growing more than twice as fast as the corpus is flagged (exit 1). The verified
pairs are shown too: where they grow faster than the corpus (copies of one page: every copy
pairs with more of the others as there are more of them), the stages that go over them do.

Shapes (found by the probes of 2026-12-05's seventh session):
* a story drifting edit by edit: each copy the one before with 3 of 300 words replaced, so
  that all of them are one connected component of small stars (clustering was quadratic in
  the component's size);
* near copies of one page, 1 % of the words replaced in each (one large component, many
  candidate pairs);
* Cyrillic pages, and the same pages with an ASCII word first (the check for words normalised
  texts whose first word is not ASCII whole, in each pass).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _vocabulary(rng: random.Random, letters: str, size: int) -> list[str]:
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(size)]


def drifting_story(n: int) -> Iterator[str]:
    rng = random.Random(1)
    vocab = _vocabulary(rng, "abcdefghijklmnopqrstuvwxyz", 20000)
    function = ["the", "of", "and", "to", "in", "a", "is", "that", "for", "was"]
    words = [rng.choice(function) if rng.random() < 0.35 else rng.choice(vocab)
             for _ in range(300)]
    for _ in range(n):
        for _ in range(3):
            words[rng.randrange(len(words))] = rng.choice(vocab)
        yield "\n".join(" ".join(words[p:p + 60]) + "." for p in range(0, len(words), 60))


def near_copies(n: int) -> Iterator[str]:
    rng = random.Random(2)
    vocab = _vocabulary(rng, "abcdefghijklmnopqrstuvwxyz", 20000)
    page = [rng.choice(vocab) for _ in range(900)]
    for _ in range(n):
        words = list(page)
        for _ in range(9):
            words[rng.randrange(len(words))] = rng.choice(vocab)
        yield "\n".join(" ".join(words[p:p + 90]) + "." for p in range(0, len(words), 90))


def _cyrillic(prefix: str) -> Callable[[int], Iterator[str]]:
    def pages(n: int) -> Iterator[str]:
        rng = random.Random(3)
        vocab = _vocabulary(rng, "абвгдежзийклмнопрстуфхцчшщыэюя", 5000)
        function = ["и", "в", "не", "на", "что", "с", "по", "как"]
        for _ in range(n):
            words = [rng.choice(function) if rng.random() < 0.3 else rng.choice(vocab)
                     for _ in range(700)]
            yield prefix + "\n".join(" ".join(words[p:p + 70]).capitalize() + "."
                                     for p in range(0, 700, 70))
    return pages


SHAPES: dict[str, Callable[[int], Iterator[str]]] = {
    "drifting story": drifting_story,
    "near copies of one page": near_copies,
    "Cyrillic pages": _cyrillic(""),
    "Cyrillic pages, ASCII word first": _cyrillic("A "),
}
STAGES = ("read_clean_sketch", "candidates", "verify", "cluster", "write", "total")


def _run(texts: Iterator[str], work: Path, jobs: int) -> dict[str, float]:
    corpus = work / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"id": f"d{i}", "text": text}, ensure_ascii=False) + "\n")
    output = work / "out"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "neardup", "dedup", str(corpus), "--output",
                    str(output), "--no-clean", "--no-report", "--quiet", "--jobs", str(jobs)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    summary = json.loads((output / "summary.json").read_text())
    timings = summary["timings_seconds"]
    return {**{k: float(timings.get(k, 0.0)) for k in STAGES}, "wall": wall,
            "pairs": float(summary["matching"].get("verified_pairs") or 0)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000],
                    help="corpus sizes in documents (default: 2,000 and 8,000)")
    ap.add_argument("--shapes", nargs="+", default=None, help="only these shapes (by name)")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    sizes = sorted(args.sizes)
    shapes = {k: v for k, v in SHAPES.items() if not args.shapes or k in args.shapes}
    ratio = sizes[-1] / sizes[0]
    print("| shape | documents | verified pairs | " + " | ".join(STAGES) + " |")
    print("|---|---|---|" + "---|" * len(STAGES))
    flagged = 0
    for name, build in shapes.items():
        runs = []
        for n in sizes:
            with tempfile.TemporaryDirectory(prefix="neardup-worst-") as tmp:
                runs.append(_run(build(n), Path(tmp), args.jobs))
            cells = " | ".join(f"{runs[-1][k]:.2f} s" for k in STAGES)
            print(f"| {name} | {n:,} | {runs[-1]['pairs']:,.0f} | {cells} |", flush=True)
        growth = {k: runs[-1][k] / max(runs[0][k], 0.01) for k in (*STAGES, "pairs")}
        fast = [k for k, g in growth.items() if g > 2 * ratio and runs[-1][k] > 0.5]
        flagged += bool(fast)
        cells = " | ".join(f"×{growth[k]:.1f}" for k in STAGES)
        mark = f" **faster than the corpus: {', '.join(fast)}**" if fast else ""
        print(f"| {name}: growth for ×{ratio:g} documents{mark} | | ×{growth['pairs']:.1f} | "
              f"{cells} |", flush=True)
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
