"""text-dedup peer: ChenghaoMou/text-dedup's ``text_dedup.minhash`` (0.4.x), run in-process.

    PEER_VENV/bin/python bench/peers/textdedup_peer.py CORPUS --out RESULT.jsonl --work DIR

Runs the tool's own click command ``text_dedup.minhash.main`` exactly as its CLI would:

    python -m text_dedup.minhash --path json --data_files CORPUS --split train
        --cache_dir WORK/hf-cache --output WORK/deduplicated --column text
        --num_perm 128 --threshold 0.7 --ngram 5 --min_length 0 --hash_func xxh3
        --num_proc JOBS --batch_size 10000

i.e. ``datasets.load_dataset("json")`` → per-document MinHash (``\\W``-split lower-cased word
5-grams, xxh3 32-bit, 128 permutations) → LSH with its own optimal bands×rows for 0.7/128
(14×9, the datasketch formula) → union-find over *every* band collision (text-dedup does not
verify candidates by Jaccard) → ``save_to_disk`` of the kept documents. The HF cache is a fresh
folder per run, so no run reuses another's Arrow cache; offline mode, no progress bars.
The clock stops when the command returns; the id → cluster file is then written from the
tool's union-find (``text_dedup.minhash.uf``, keyed by row index = corpus line order).
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TQDM_DISABLE", "1")
os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")

import _common  # noqa: E402
import datasets  # noqa: E402
import text_dedup.minhash as td  # noqa: E402
from text_dedup.utils import optimal_param  # noqa: E402


def main() -> None:
    args = _common.parser(__doc__).parse_args()
    datasets.disable_progress_bars()
    args.work.mkdir(parents=True, exist_ok=True)
    argv = ["--path", "json", "--data_files", str(args.corpus), "--split", "train",
            "--cache_dir", str(args.work / "hf-cache"), "--output", str(args.work / "deduplicated"),
            "--column", args.text_field, "--num_perm", str(args.num_perm),
            "--threshold", str(args.threshold), "--ngram", str(args.ngram), "--min_length", "0",
            "--hash_func", "xxh3", "--num_proc", str(max(1, args.jobs)),
            "--batch_size", "10000"]
    _common.start()
    td.main.main(args=argv, standalone_mode=False)
    _common.stop()
    ids = [rid for rid, _ in _common.read_jsonl(args.corpus, args.text_field, args.id_field)]
    labels = [td.uf.find(i) for i in range(len(ids))]
    _common.write_clusters(args.out, ids, labels)
    bands, rows = optimal_param(args.threshold, args.num_perm, 0.5, 0.5)
    _common.finish("text-dedup", _common.version_of("text-dedup"), len(ids), bands=bands,
                   rows=rows, verify="none (every band collision is an edge)",
                   hashfunc="xxh3_32", jobs_used=max(1, args.jobs))


if __name__ == "__main__":
    main()
