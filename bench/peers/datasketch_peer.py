"""datasketch peer: MinHash.bulk (affine32 scheme, xxh32 hashfunc) → MinHashLSH → union-find.

    python bench/peers/datasketch_peer.py CORPUS --out RESULT.jsonl --work DIR

The fastest documented CPU path of datasketch 2.x: ``MinHash.bulk`` / ``MinHash.generator``
(bulk's streaming form, used so only one document's shingles are in memory) reuse one
initialised permutation state for all documents and hash each shingle with the ``hashfunc``
given (the docs suggest a fast non-cryptographic hash instead of the default SHA-1; xxhash's
``xxh32_intdigest`` here, SHA-1 when xxhash is missing); ``MinHashLSH(threshold, num_perm)``
with its own optimal bands×rows (14×9 for 0.7/128), filled through ``insertion_session``;
each document queries the index, candidates are kept when the MinHash Jaccard estimate is
>= threshold (``--no-verify``: every LSH candidate pair), and union-find makes the clusters.
Single-threaded: datasketch has no parallel path (``--jobs`` is ignored).
"""

from __future__ import annotations

import _common
from datasketch import LeanMinHash, MinHash, MinHashLSH

try:
    from xxhash import xxh32_intdigest as HASHFUNC
    HASH_NAME = "xxh32"
except ImportError:  # pragma: no cover - datasketch's default
    from datasketch.hashfunc import sha1_hash32 as HASHFUNC
    HASH_NAME = "sha1_hash32"


def main() -> None:
    p = _common.parser(__doc__)
    p.add_argument("--no-verify", action="store_true")
    args = p.parse_args()
    _common.start()
    ids: list[str] = []

    def shingle_lists():  # streamed: one document's shingles in memory at a time
        for rid, text in _common.read_jsonl(args.corpus, args.text_field, args.id_field):
            ids.append(rid)
            yield [s.encode("utf-8") for s in _common.shingles(text, args.ngram)]

    minhashes = [LeanMinHash(m) for m in MinHash.generator(
        shingle_lists(), num_perm=args.num_perm, seed=args.seed, hashfunc=HASHFUNC)]
    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.num_perm)
    with lsh.insertion_session() as session:
        for i, m in enumerate(minhashes):
            session.insert(i, m, check_duplication=False)
    pairs = []
    candidates = 0
    for i, m in enumerate(minhashes):
        for j in lsh.query(m):
            if j > i:
                candidates += 1
                if args.no_verify or m.jaccard(minhashes[j]) >= args.threshold:
                    pairs.append((i, j))
    labels = _common.clusters_from_pairs(len(ids), pairs)
    _common.write_clusters(args.out, ids, labels)
    _common.finish("datasketch", _common.version_of("datasketch"), len(ids),
                   bands=lsh.b, rows=lsh.r, hashfunc=HASH_NAME, candidate_pairs=candidates,
                   verified_pairs=len(pairs), jobs_used=1)


if __name__ == "__main__":
    main()
