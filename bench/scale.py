"""Throughput, peak memory and accuracy of ``neardup dedup`` on synthetic corpora of growing size.

For each size N, makes (or reuses) ``WORKDIR/synth-N.jsonl`` with ``neardup synth --seed 1``,
runs ``neardup dedup`` on it in a child process RUNS times, and reports the median wall time,
docs/s, MB/s, the child's peak RSS, time per stage, and pairwise P/R/F1 + ARI against the
corpus' ``story`` field. Ratios time(N)/time(smallest N) show how the job scales.

    python bench/scale.py --sizes 10000 100000 --runs 3 --workdir /tmp/neardup-bench \\
        [--jobs 2] [--no-clean] [--delete]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from neardup.evaluate import cluster_scores, load_predicted, load_truth


def ensure_corpus(workdir: Path, size: int) -> Path:
    path = workdir / f"synth-{size}.jsonl"
    if not path.exists():
        subprocess.run([sys.executable, "-m", "neardup", "synth", "--output", str(path),
                        "--docs", str(size), "--seed", "1"], check=True)
        # (the new file's pages go to disk now, not during the first run: a 1M run right
        # after writing its 4.8 GB corpus took 75.5 s, 58.4 s once the writeback was done)
        os.sync()
    return path


def run_once(corpus: Path, out: Path, jobs: int, clean: bool) -> dict:
    command = [sys.executable, "-m", "neardup", "dedup", str(corpus), "--output", str(out),
               "--jobs", str(jobs), "--quiet", "--no-report"]
    if not clean:
        command.append("--no-clean")
    # Each run in its own child: getrusage(RUSAGE_CHILDREN) after a wait4 of a fresh child
    # would mix runs, so the child's own peak comes from a tiny wrapper.
    wrapper = ("import resource, runpy, sys, json;"
               "sys.argv = ['neardup'] + sys.argv[1:];"
               "code = 0\n"
               "try:\n runpy.run_module('neardup', run_name='__main__')\n"
               "except SystemExit as e:\n code = e.code or 0\n"
               "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
               "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
               "print(json.dumps({'peak_kb': peak, 'children_peak_kb': kids}), file=sys.stderr)\n"
               "sys.exit(code)")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", wrapper, *command[3:]], capture_output=True,
                          text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"dedup failed ({done.returncode}): {done.stderr[-2000:]}")
    memory = json.loads(done.stderr.strip().splitlines()[-1])
    summary = json.loads((out / "summary.json").read_text())
    return {"seconds": elapsed, "peak_mb": memory["peak_kb"] / 1024,
            "worker_peak_mb": memory["children_peak_kb"] / 1024,
            "timings": summary["timings_seconds"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--no-clean", action="store_true")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/neardup-bench"))
    parser.add_argument("--delete", action="store_true", help="delete corpora afterwards")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        corpus = ensure_corpus(args.workdir, size)
        megabytes = corpus.stat().st_size / 1e6
        out = args.workdir / f"out-{size}"
        runs = [run_once(corpus, out, args.jobs, not args.no_clean) for _ in range(args.runs)]
        scores = cluster_scores(load_predicted(out / "documents.jsonl"),
                                load_truth(corpus, "story"))
        seconds = statistics.median(r["seconds"] for r in runs)
        stages = {k: round(statistics.median(r["timings"].get(k, 0.0) for r in runs), 2)
                  for k in runs[0]["timings"]}
        row = {"docs": size, "MB": round(megabytes, 1), "seconds": round(seconds, 2),
               "docs_per_s": round(size / seconds), "MB_per_s": round(megabytes / seconds, 2),
               "peak_rss_mb": round(max(r["peak_mb"] for r in runs)),
               "worker_peak_rss_mb": round(max(r["worker_peak_mb"] for r in runs)),
               "precision": round(scores.precision, 4), "recall": round(scores.recall, 4),
               "f1": round(scores.f1, 4), "ari": round(scores.ari or 0.0, 4),
               "stages_s": stages, "runs": args.runs, "jobs": args.jobs or os.cpu_count(),
               "clean": not args.no_clean}
        rows.append(row)
        print(json.dumps(row), flush=True)
        if args.delete:
            corpus.unlink()
    base = rows[0]
    for row in rows[1:]:
        print(f"time({row['docs']:,}) / time({base['docs']:,}) = "
              f"{row['seconds'] / base['seconds']:.2f} for {row['docs'] / base['docs']:.0f}x docs")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
