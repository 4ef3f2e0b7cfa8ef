"""A corpus as one file per document against the same corpus as one JSONL file.

Crawls and datasets often come as folders of files, one document each (``site/page.txt``).
This writes the first N records of CORPUS (JSONL with ``text``, ``id`` and ``site``) both ways,
once, under WORKDIR: ``files-N/<site>/<id>.txt`` and ``files-N.jsonl`` (the same texts, ids
being the files' names as a folder run names them). It then times, in this process, the
listing of the folder (``list_input_files``: what each pass over the input does) and the check
for skipped files (``left_out_files``: once per run), and in child processes ``neardup dedup``
of the folder and of the JSONL file in turns, with the same options; medians of RUNS, and the
ratio folder / JSONL per round.

    python bench/many_files.py CORPUS --docs 100000 --runs 3 --workdir /tmp/neardup-files \\
        [--jobs 2] [-- extra dedup options, default: --no-clean --no-containment
        --no-prose-weights]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from neardup.read.files import left_out_files, list_input_files

DEFAULT_OPTIONS = ["--no-clean", "--no-containment", "--no-prose-weights"]


def write_corpus(corpus: Path, docs: int, workdir: Path) -> tuple[Path, Path]:
    folder, jsonl = workdir / f"files-{docs}", workdir / f"files-{docs}.jsonl"
    if folder.is_dir() and jsonl.is_file():
        return folder, jsonl
    folder.mkdir(parents=True, exist_ok=True)
    with open(corpus, encoding="utf-8") as records:
        for number, line in enumerate(records):
            if number >= docs:
                break
            record = json.loads(line)
            site = str(record.get("site") or "site")
            name = f"{record.get('id', number)}.txt".replace("/", "_")
            (folder / site).mkdir(exist_ok=True)
            (folder / site / name).write_text(record["text"], encoding="utf-8")
    # the JSONL file in the order the folder is read (sorted paths): the same corpus, so the
    # same stories (the order decides ties between copies)
    with open(jsonl, "w", encoding="utf-8") as out:
        for site in sorted(p.name for p in folder.iterdir()):
            for name in sorted(p.name for p in (folder / site).iterdir()):
                text = (folder / site / name).read_text(encoding="utf-8")
                out.write(json.dumps({"id": f"{site}/{name}", "text": text}) + "\n")
    return folder, jsonl


def dedup_seconds(source: Path, out: Path, jobs: int, options: list[str]) -> float:
    command = [sys.executable, "-m", "neardup", "dedup", str(source), "--output", str(out),
               "--jobs", str(jobs), "--quiet", "--no-report", *options]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"dedup of {source} failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/neardup-files"))
    parser.add_argument("options", nargs="*", help="dedup options (after --)")
    args = parser.parse_args(argv)
    options = args.options or DEFAULT_OPTIONS
    folder, jsonl = write_corpus(args.corpus, args.docs, args.workdir)
    out = args.workdir / "out"
    listing, skipped, on_folder, on_jsonl, ratios = [], [], [], [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        listed = sum(1 for _ in list_input_files([folder], out))
        listing.append(time.perf_counter() - start)
        start = time.perf_counter()
        left_out_files([folder], out)
        skipped.append(time.perf_counter() - start)
        on_folder.append(dedup_seconds(folder, out, args.jobs, options))
        on_jsonl.append(dedup_seconds(jsonl, out, args.jobs, options))
        ratios.append(on_folder[-1] / on_jsonl[-1])
    print(json.dumps({
        "docs": args.docs, "files_listed": listed, "runs": args.runs, "jobs": args.jobs,
        "options": options, "listing_s": round(statistics.median(listing), 2),
        "skipped_check_s": round(statistics.median(skipped), 2),
        "dedup_folder_s": round(statistics.median(on_folder), 2),
        "dedup_jsonl_s": round(statistics.median(on_jsonl), 2),
        "folder_over_jsonl": round(statistics.median(ratios), 2),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
