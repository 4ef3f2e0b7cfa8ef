"""Candidate recall of the LSH bandings: of the pairs verification accepts, how many they propose.

Verification is exact (``match/verify.py``), so the only pairs neardup can miss by its own rule
are the pairs that no banding proposes. This script runs ``neardup.dedup`` once with an LSH
target so low (``--candidate-threshold 0.02``: 120 bands of 1 row) that every pair sharing a
shingle minimum in any band is verified, then once per MinHash seed with the given options,
and prints the verified pairs of each run against that reference.

    python bench/lsh_recall.py ../shared/data/webis_ndd_dev --seeds 8
    python bench/lsh_recall.py /tmp/synth10k.jsonl --seeds 3 [--no-clean]

DATA is a Webis folder (as ``webis_ndd.py`` reads it) or a JSONL corpus (``text``, ``id``,
optional ``url`` for the site templates).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import neardup

sys.path.insert(0, str(Path(__file__).resolve().parent))
from webis_ndd import load_pairs  # noqa: E402

EXHAUSTIVE_TARGET = 0.02


def load(data: Path) -> list[dict]:
    if data.is_dir():
        texts, _ = load_pairs(data)
        return [{"id": k, "text": v} for k, v in texts.items()]
    with data.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return [{"id": r["id"], "text": r["text"], "url": r.get("url")} for r in records]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--no-clean", action="store_true")
    args = parser.parse_args(argv)
    docs = load(args.data)
    clean = not args.no_clean

    def matching(**options: object) -> dict:
        return neardup.dedup(docs, clean=clean, quiet=True, report=False,
                             **options).summary["matching"]

    full = matching(candidate_threshold=EXHAUSTIVE_TARGET)
    print(f"reference ({full['bands']} bands x {full['rows']} rows): "
          f"{full['candidate_pairs']} candidates, {full['verified_pairs']} verified")
    shares = []
    for seed in range(1, args.seeds + 1):
        run = matching(seed=seed)
        shares.append(run["verified_pairs"] / max(1, full["verified_pairs"]))
        print(f"seed {seed}: {run['candidate_pairs']} candidates, {run['verified_pairs']} "
              f"verified, candidate recall {shares[-1]:.4f}")
    print(f"mean candidate recall {sum(shares) / len(shares):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
