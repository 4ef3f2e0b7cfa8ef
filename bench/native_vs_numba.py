#!/usr/bin/env python3
"""numba or a small native extension for the hot loops? The issue on speed asks to choose by
measurement. This script measures the two costs that decide it, on the sketch pass's kernel
(``neardup.sketch.kernels.sketch_sets``: shingles, one-permutation MinHash, compact sets and
prose weights, the largest compiled step of a run):

* per call: the numba kernel against a line-for-line C port of it (``bench/native/``,
  compiled here with the system's C compiler), on the very arguments a run passes it (the
  corpus' documents, sketched through the Python API in this process), outputs checked
  equal; CPU time, alternating, median of ``--rounds``;
* per process: what numba costs before the first document (importing it, and loading the
  run's cached kernels: ``kernels.warm_up``), in fresh interpreters, median of ``--rounds``;
  a native extension loads in about a millisecond.

Usage: python bench/native_vs_numba.py CORPUS.jsonl [--docs 20000] [--rounds 7] [--cc cc]
"""

from __future__ import annotations

import argparse
import ctypes
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from neardup.sketch import kernels  # noqa: E402

SOURCE = Path(__file__).resolve().parent / "native" / "sketch_sets.c"
_P, _I64, _U64, _DBL = ctypes.c_void_p, ctypes.c_int64, ctypes.c_uint64, ctypes.c_double


def compile_port(cc: str, folder: Path) -> ctypes.CDLL:
    library = folder / "libsketch.so"
    subprocess.run([cc, "-O2", "-shared", "-fPIC", "-o", str(library), str(SOURCE), "-lm"],
                   check=True)
    lib = ctypes.CDLL(str(library))
    lib.sketch_sets.restype = _I64
    lib.sketch_sets.argtypes = [_P, _P, _P, _I64, _I64, _U64, _U64, _I64, _U64, _P, _I64, _P,
                                _I64, _P, _I64, ctypes.c_int, _I64, _DBL, _DBL, _DBL, _DBL,
                                _P, _P, _P, _P, _P]
    return lib


def native_sketch_sets(lib: ctypes.CDLL, words, starts, ends, ngram, salt, q, k, shift, probes,
                       stops, foreign, weighted, window, full_share, floor, unknown_share,
                       weighted_share):
    """The C port, called as the numba kernel is (same arguments, same five results)."""
    n = starts.shape[0]
    room = max(1, int(np.maximum(ends - starts, 0).sum()))
    signatures, sizes = np.empty((n, k), np.uint64), np.zeros(n, np.int64)
    values, weights = np.empty(room, np.uint32), np.zeros(room, np.uint8)
    offsets = np.zeros(n + 1, np.int64)
    foreign = np.ascontiguousarray(foreign, dtype=np.uint8)
    count = lib.sketch_sets(
        words.ctypes.data, starts.ctypes.data, ends.ctypes.data, n, ngram, int(salt), int(q), k,
        int(shift), probes.ctypes.data, probes.shape[0], stops.ctypes.data, stops.shape[0],
        foreign.ctypes.data if foreign.size else None, foreign.shape[0], int(weighted), window,
        full_share, floor, unknown_share, weighted_share, signatures.ctypes.data,
        sizes.ctypes.data, values.ctypes.data, weights.ctypes.data, offsets.ctypes.data)
    return signatures, sizes, values[:count], weights[:count], offsets


def captured_calls(texts: list[str], prose_weights: bool) -> list[tuple]:
    """The arguments of every ``sketch_sets`` call of an in-process run over ``texts``."""
    import neardup

    calls: list[tuple] = []
    kernel = kernels.sketch_sets

    def record(*args):
        calls.append(tuple(np.ascontiguousarray(a) if isinstance(a, np.ndarray) else a
                           for a in args))
        return kernel(*args)

    kernels.sketch_sets = record
    try:
        neardup.dedup(texts, clean=False, prose_weights=prose_weights, jobs=1, quiet=True,
                      report=False)
    finally:
        kernels.sketch_sets = kernel
    return calls


_FIXED_COST = """
import time
import numpy  # (a native extension needs numpy as well: not counted)
t0 = time.perf_counter()
import numba  # noqa: F401
t1 = time.perf_counter()
from neardup.sketch import kernels
kernels.warm_up(clean=False)
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def fixed_cost(rounds: int) -> tuple[float, float]:
    runs = []
    for _ in range(rounds):
        out = subprocess.run([sys.executable, "-c", _FIXED_COST], check=True, cwd=ROOT,
                             capture_output=True, text=True).stdout.split()
        runs.append((float(out[0]), float(out[1])))
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="JSONL with a text field (e.g. neardup synth)")
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--cc", default="cc", help="C compiler")
    args = ap.parse_args(argv)
    if not kernels.AVAILABLE:
        raise SystemExit("numba is not importable here (or NEARDUP_PURE is set)")
    with args.corpus.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line, _ in zip(handle, range(args.docs),
                                                              strict=False)]
    with tempfile.TemporaryDirectory() as folder:
        lib = compile_port(args.cc, Path(folder))
        for weighted in (False, True):
            calls = captured_calls(texts, weighted)
            for call in calls:
                ours, port = kernels.sketch_sets(*call), native_sketch_sets(lib, *call)
                if not all(np.array_equal(a, b) for a, b in zip(ours, port, strict=True)):
                    raise SystemExit("the C port's output differs from the numba kernel's")
            numba_s, native_s = [], []
            for _ in range(args.rounds):
                t = time.process_time()
                for call in calls:
                    kernels.sketch_sets(*call)
                numba_s.append(time.process_time() - t)
                t = time.process_time()
                for call in calls:
                    native_sketch_sets(lib, *call)
                native_s.append(time.process_time() - t)
            a, b = statistics.median(numba_s), statistics.median(native_s)
            print(f"sketch_sets, prose weights {'on' if weighted else 'off'}: outputs equal; "
                  f"numba {a:.3f} s, C {b:.3f} s per {len(texts):,} documents "
                  f"(numba / C = {a / b:.2f}; CPU time, median of {args.rounds})")
    imported, loaded = fixed_cost(args.rounds)
    print(f"numba's cost per process: import {imported:.3f} s, loading the run's cached kernels "
          f"{loaded:.3f} s (fresh interpreters, median of {args.rounds})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
