"""rensa peer: RMinHash.from_token_sets (batch, Rust) → RMinHashLSH → union-find.

    python bench/peers/rensa_peer.py CORPUS --out RESULT.jsonl --work DIR [--bands 16]

Full-set R-MinHash (not the sampling "rho" pipeline, whose candidates depend on token order),
built by batch calls (2,048 documents each) from the shingle strings;
``RMinHashLSH(threshold, num_perm, num_bands=16)``: 16 bands × 8 rows, S-curve midpoint
(1/16)^(1/8) ≈ 0.707, a banding rensa's examples use for 128 permutations and the same as
neardup's for 0.7; filled with ``insert_many``, queried with ``query_all``; candidates are kept
when the R-MinHash Jaccard estimate is >= threshold (``--no-verify``: every LSH candidate
pair); union-find clusters. ``--jobs`` sets RAYON_NUM_THREADS (rensa's batch calls may use
Rayon workers) — set by the parent before the interpreter starts.
"""

from __future__ import annotations

import os

import _common
from rensa import RMinHash, RMinHashLSH


def main() -> None:
    p = _common.parser(__doc__)
    p.add_argument("--bands", type=int, default=16)
    p.add_argument("--no-verify", action="store_true")
    p.add_argument("--batch", type=int, default=2048, help="documents per from_token_sets call")
    args = p.parse_args()
    _common.start()
    ids: list[str] = []
    minhashes: list[RMinHash] = []
    sets: list[list[str]] = []
    for rid, text in _common.read_jsonl(args.corpus, args.text_field, args.id_field):
        ids.append(rid)
        sets.append(list(_common.shingles(text, args.ngram)))
        if len(sets) == args.batch:  # batches bound the memory of the shingle lists
            minhashes.extend(RMinHash.from_token_sets(sets, num_perm=args.num_perm,
                                                      seed=args.seed))
            sets = []
    if sets:
        minhashes.extend(RMinHash.from_token_sets(sets, num_perm=args.num_perm, seed=args.seed))
    del sets
    lsh = RMinHashLSH(threshold=args.threshold, num_perm=args.num_perm, num_bands=args.bands)
    lsh.insert_many(minhashes)
    pairs = []
    candidates = 0
    for i, found in enumerate(lsh.query_all(minhashes)):
        m = minhashes[i]
        for j in found:
            if j > i:
                candidates += 1
                if args.no_verify or m.jaccard(minhashes[j]) >= args.threshold:
                    pairs.append((i, j))
    labels = _common.clusters_from_pairs(len(ids), pairs)
    _common.write_clusters(args.out, ids, labels)
    _common.finish("rensa", _common.version_of("rensa"), len(ids), bands=args.bands,
                   rows=args.num_perm // args.bands, candidate_pairs=candidates,
                   verified_pairs=len(pairs),
                   jobs_used=int(os.environ.get("RAYON_NUM_THREADS", "0") or 0) or "rayon default")


if __name__ == "__main__":
    main()
