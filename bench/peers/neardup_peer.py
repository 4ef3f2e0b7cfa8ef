"""neardup peer: the ``neardup dedup`` command line, run in this process and timed.

    python bench/peers/neardup_peer.py CORPUS --out OUTDIR/documents.jsonl --work DIR \
        [--containment] [--jobs J]

Calls ``neardup.cli.main`` with exactly the arguments of

    python -m neardup dedup CORPUS --output OUTDIR --no-clean --threshold 0.7
        --no-containment --ngram 5 --num-perm 128 --seed 1 --jobs J --quiet --no-report

plus ``--no-prose-weights`` (plain, unweighted Jaccard: what the peers estimate).
``--containment``: neardup's default matching instead, i.e. without ``--no-containment`` and
without ``--no-prose-weights`` (containment 0.8 and prose-weighted overlaps);
``--clean``: without ``--no-clean``, i.e. with neardup's page-clutter cleaning,
so the job is the CLI's whole job: read → sketch → LSH → verify → cluster → write
``documents.jsonl`` (id, cluster, status) and ``deduplicated.jsonl`` (the kept texts).
The neardup modules the command imports lazily are imported before the clock starts, as the
other peers import their library before it.
"""

from __future__ import annotations

import _common


def main() -> None:
    p = _common.parser(__doc__)
    p.add_argument("--containment", action="store_true", help="neardup's default matching")
    p.add_argument("--clean", action="store_true", help="without --no-clean (neardup cleans)")
    p.add_argument("--extra", action="append", default=[], help="more CLI arguments")
    args = p.parse_args()
    import neardup
    import neardup.api  # noqa: F401 - warm the lazy imports of the dedup command
    import neardup.options  # noqa: F401
    from neardup.cli import main as cli

    outdir = args.out.parent
    argv = ["dedup", str(args.corpus), "--output", str(outdir),
            "--threshold", str(args.threshold), "--ngram", str(args.ngram),
            "--num-perm", str(args.num_perm), "--seed", str(args.seed),
            "--jobs", str(args.jobs), "--quiet", "--no-report",
            "--text-field", args.text_field, "--id-field", args.id_field, *args.extra]
    if not args.containment:
        argv += ["--no-containment", "--no-prose-weights"]
    if not args.clean:
        argv.append("--no-clean")
    _common.start()
    code = cli(argv)
    _common.stop()
    if code != 0:
        raise SystemExit(code)
    import json

    matching = {}
    try:
        summary = json.loads((outdir / "summary.json").read_text())
        m = summary.get("matching", {})
        matching = {k: m.get(k) for k in ("bands", "rows", "candidate_pairs", "verified_pairs")}
    except (OSError, ValueError):
        pass
    with open(outdir / "documents.jsonl", encoding="utf-8") as handle:
        docs = sum(1 for _ in handle)
    _common.finish("neardup", neardup.__version__, docs, jobs_used=args.jobs,
                   containment=args.containment, clean=args.clean, **matching)


if __name__ == "__main__":
    main()
