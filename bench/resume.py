#!/usr/bin/env python3
"""What ``neardup dedup --resume`` costs, and what it saves when a run is stopped.

Usage: python bench/resume.py CORPUS [--runs 2] [--stop-after 28] [--jobs 2] [--work DIR]
       [-- more dedup arguments]

1. Runs ``neardup dedup CORPUS`` without and with ``--resume``, taking turns ``--runs`` times:
   wall-clock seconds and peak RSS of the main process of each.
2. Starts a run with ``--resume``, stops it with SIGTERM after ``--stop-after`` seconds,
   reports how many shards it saved and the size of its progress folder, then runs the same
   command again and times it.
3. Checks that the resumed run's ``documents.jsonl`` and ``deduplicated.jsonl`` are the same
   bytes as the uninterrupted run's.

The corpus is read as given (e.g. ``python -m neardup synth --output c.jsonl --docs 100000
--seed 1``); cleaning is on unless ``-- --no-clean`` is passed.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROGRESS = ".neardup-progress"


def _dedup(corpus: Path, out: Path, jobs: int, extra: list[str], resume: bool) -> list[str]:
    return [sys.executable, "-m", "neardup", "dedup", str(corpus), "-o", str(out), "-q",
            "--no-report", "--jobs", str(jobs), *(["--resume"] if resume else []), *extra]


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and the peak RSS (MB) of the main process of ``command``."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)}: exit {process.returncode}")
    return wall, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[:argv.index("--")] if "--" in argv else argv
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--stop-after", type=float, default=28.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="neardup-resume-bench-"))
    plain, saved = work / "plain", work / "resume"
    for round_ in range(1, args.runs + 1):
        for label, out, resume in (("without --resume", plain, False),
                                   ("with --resume", saved, True)):
            wall, peak = _timed(_dedup(args.corpus, out, args.jobs, extra, resume))
            print(f"round {round_}: {label:<17} {wall:7.2f} s  peak RSS {peak:,.0f} MB")
    stopped = work / "stopped"
    shutil.rmtree(stopped, ignore_errors=True)
    process = subprocess.Popen(_dedup(args.corpus, stopped, args.jobs, extra, True),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(args.stop_after)
    process.send_signal(signal.SIGTERM)
    code = process.wait()
    folder = stopped / PROGRESS
    shards = len(list((folder / "shards").glob("sketch-*.pickle"))) if folder.exists() else 0
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6 \
        if folder.exists() else 0.0
    print(f"stopped after {args.stop_after:.0f} s (exit {code}): {shards} shards saved, "
          f"{size:,.0f} MB in {folder.name}")
    wall, _ = _timed(_dedup(args.corpus, stopped, args.jobs, extra, True))
    print(f"resumed: {wall:.2f} s")
    same = all(filecmp.cmp(plain / name, stopped / name, shallow=False)
               for name in ("documents.jsonl", "deduplicated.jsonl"))
    print("outputs of the resumed run: " + ("byte-identical" if same else "DIFFERENT"))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
