"""datatrove peer: Hugging Face datatrove's 4-stage MinHash dedup on local files.

    PEER_VENV/bin/python bench/peers/datatrove_peer.py CORPUS --out RESULT.jsonl --work DIR

The pipeline of datatrove's own ``examples/minhash_deduplication.py``, run with
``LocalPipelineExecutor`` on local folders under WORK:

1. ``JsonlReader(CORPUS) → MinhashDedupSignature`` (5-gram words after datatrove's text
   simplification and English word tokenizer, 64-bit xxhash, 16 buckets × 8 hashes = 128);
2. ``MinhashDedupBuckets`` (tasks = 16 buckets);
3. ``MinhashDedupCluster(save_cluster_id=True)`` (union-find over every bucket collision:
   datatrove does not verify candidates by Jaccard);
4. ``JsonlReader(CORPUS) → MinhashDedupFilter(exclusion_writer=JsonlWriter(removed))
   → JsonlWriter(kept)``.

16 × 8 banding: S-curve midpoint (1/16)^(1/8) ≈ 0.707, the same as neardup's 0.7/128 and rensa's
here (datatrove's default is 14 × 8 = 112 hashes, midpoint ≈ 0.72). ``--jobs`` is the executor's
``workers``; datatrove parallelises stages 1 and 4 over input *files*, so with one corpus file
those run as one task whatever ``--jobs`` is. The clock stops after stage 4; the id → cluster
file is then built from stage 3's ``000000.clusters`` (doc index, cluster id — documents not in
it are singletons; doc index = line order of the corpus).
"""

from __future__ import annotations

import os
import struct

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TQDM_DISABLE", "1")

import _common  # noqa: E402
from datatrove.executor.local import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.dedup import MinhashDedupSignature  # noqa: E402
from datatrove.pipeline.dedup.minhash import (  # noqa: E402
    MinhashConfig,
    MinhashDedupBuckets,
    MinhashDedupCluster,
    MinhashDedupFilter,
)
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers.jsonl import JsonlWriter  # noqa: E402
from datatrove.utils.hashing import HashConfig  # noqa: E402
from datatrove.utils.typeshelper import Languages  # noqa: E402


def main() -> None:
    p = _common.parser(__doc__)
    p.add_argument("--buckets", type=int, default=16)
    args = p.parse_args()
    if args.num_perm % args.buckets:
        p.error("--num-perm must be a multiple of --buckets")
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    config = MinhashConfig(n_grams=args.ngram, num_buckets=args.buckets,
                           hashes_per_bucket=args.num_perm // args.buckets, seed=args.seed,
                           hash_config=HashConfig(precision=64))
    jobs = max(1, args.jobs)

    def reader():
        return JsonlReader(str(args.corpus.parent), glob_pattern=args.corpus.name,
                           text_key=args.text_field, id_key=args.id_field, doc_progress=False)

    _common.start()
    stage1 = LocalPipelineExecutor(
        pipeline=[reader(), MinhashDedupSignature(output_folder=str(work / "signatures"),
                                                  config=config, language=Languages.english)],
        tasks=1, workers=1, logging_dir=str(work / "logs/signatures"))
    stage2 = LocalPipelineExecutor(
        pipeline=[MinhashDedupBuckets(input_folder=str(work / "signatures"),
                                      output_folder=str(work / "buckets"), config=config)],
        tasks=config.num_buckets, workers=jobs, logging_dir=str(work / "logs/buckets"),
        depends=stage1)
    stage3 = LocalPipelineExecutor(
        pipeline=[MinhashDedupCluster(input_folder=str(work / "buckets"),
                                      output_folder=str(work / "remove_ids"), config=config,
                                      save_cluster_id=True)],
        tasks=1, workers=1, logging_dir=str(work / "logs/clusters"), depends=stage2)
    stage4 = LocalPipelineExecutor(
        pipeline=[reader(),
                  MinhashDedupFilter(input_folder=str(work / "remove_ids"),
                                     exclusion_writer=JsonlWriter(str(work / "removed"))),
                  JsonlWriter(str(work / "deduplicated"))],
        tasks=1, workers=1, logging_dir=str(work / "logs/filter"), depends=stage3)
    stage4.run()
    _common.stop()

    ids = [rid for rid, _ in _common.read_jsonl(args.corpus, args.text_field, args.id_field)]
    labels: list[object] = [("single", i) for i in range(len(ids))]
    clusters = work / "remove_ids" / "000000.clusters"
    if clusters.exists():
        data = clusters.read_bytes()
        for doc, cluster in struct.iter_unpack("<II", data):
            labels[doc] = ("cluster", cluster)
    _common.write_clusters(args.out, ids, [str(label) for label in labels])
    _common.finish("datatrove", _common.version_of("datatrove"), len(ids),
                   bands=config.num_buckets, rows=config.hashes_per_bucket,
                   verify="none (every bucket collision is an edge)", hashfunc="xxhash64",
                   jobs_used=jobs)


if __name__ == "__main__":
    main()
