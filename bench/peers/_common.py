"""Shared helpers of the peer scripts in ``bench/peers/`` (standard library only).

Every peer script is run by ``bench/compare.py`` as ``PYTHON bench/peers/<peer>.py CORPUS
--out RESULT.jsonl --work DIR [--threshold --num-perm --ngram --seed --jobs]`` in a fresh
process, possibly with another interpreter (a peer's own venv), so this module must not import
anything outside the standard library. A peer:

* imports its library *before* :func:`start` (import time is in the parent's outer wall time,
  not in the job time);
* reads the corpus JSONL, sketches, runs LSH, clusters, and writes ``RESULT.jsonl`` with one
  ``{"id": ..., "cluster": ...}`` line per document;
* calls :func:`finish`, which prints one JSON line on stdout: job wall time (before reading to
  after writing), its own peak RSS (``getrusage(RUSAGE_SELF)``, plus ``RUSAGE_CHILDREN`` for
  peers that fork workers), and whatever extra facts the peer adds.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

WORD = re.compile(r"\w+")


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("corpus", type=Path)
    p.add_argument("--out", type=Path, required=True, help="result JSONL: id, cluster")
    p.add_argument("--work", type=Path, required=True, help="scratch folder for this run")
    p.add_argument("--threshold", type=float, default=0.7)
    p.add_argument("--num-perm", type=int, default=128)
    p.add_argument("--ngram", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--text-field", default="text")
    p.add_argument("--id-field", default="id")
    return p


def read_jsonl(path: Path, text_field: str = "text",
               id_field: str = "id") -> Iterator[tuple[str, str]]:
    """(id, text) per record; ids default to FILE:LINE like neardup's."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            rid = record.get(id_field)
            yield (str(rid) if rid is not None else f"{path.name}:{number}",
                   str(record.get(text_field) or ""))


def shingles(text: str, n: int) -> set[str]:
    """Lower-cased ``\\w+`` word n-grams joined by a space (one n-gram for shorter texts)."""
    words = WORD.findall(text.lower())
    if len(words) <= n:
        return {" ".join(words)}
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb

    def labels(self) -> list[int]:
        return [self.find(i) for i in range(len(self.parent))]


def clusters_from_pairs(n: int, pairs: Iterable[tuple[int, int]]) -> list[int]:
    uf = UnionFind(n)
    for a, b in pairs:
        uf.union(a, b)
    return uf.labels()


def write_clusters(path: Path, ids: list[str], labels: list[object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        for rid, label in zip(ids, labels, strict=True):
            out.write(json.dumps({"id": rid, "cluster": label}) + "\n")


_T0: list[float] = []
_T1: list[float] = []


def start() -> None:
    """The job clock starts (call right before reading the corpus)."""
    _T0.append(time.perf_counter())


def stop() -> None:
    """The job clock stops (call right after writing the result); ``finish`` calls it if not."""
    if not _T1:
        _T1.append(time.perf_counter())


def finish(tool: str, version: str, docs: int, **extra: object) -> None:
    stop()
    wall = _T1[0] - _T0[0]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    report = {"tool": tool, "version": version, "docs": docs, "job_wall_s": wall,
              "self_maxrss_kb": own, "children_maxrss_kb": kids, **extra}
    sys.stdout.write("\n" + json.dumps(report) + "\n")
    sys.stdout.flush()


def version_of(dist: str) -> str:
    try:
        from importlib.metadata import version

        return version(dist)
    except Exception:  # noqa: BLE001 - a version is a label only
        return "?"
