"""Near-duplicate accuracy on Webis pairs judged by people (``../shared/data/webis_ndd_dev``).

Every document of every pair goes into one corpus; ``neardup.dedup`` runs on it with the given
options; a pair is predicted a near-duplicate when its two documents share a story. The truth is
the human label (``label >= 1`` = near-duplicate, as the authors count). Prints precision,
recall and F1 per subset and overall, the ROC AUC of the pair similarity neardup computes, and
the reference "exact word 5-gram Jaccard >= 0.7" baseline.

    python bench/webis_ndd.py ../shared/data/webis_ndd_dev [--no-clean] [--threshold 0.7] ...

``--seeds N`` runs the job again with MinHash seeds 2..N and prints the overall F1 per seed and
their mean: which pairs LSH proposes depends on the seed, and on this small set one pair moves
F1 by about 0.005.

``--halves`` checks the thresholds two-fold instead: the pairs split in two halves by md5 of
their name, F1 on each half for a grid of Jaccard x containment thresholds, and the
thresholds best on one half scored on the other (does tuning on this data carry over?).

``--errors`` also lists every misjudged pair (label, Jaccard and containment of the texts as
matched, their word counts), the starting point of an error analysis.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from intervals import describe, difference, interval, pair_f1  # noqa: E402

import neardup  # noqa: E402
from neardup.evaluate import pairs_scores, stories_of  # noqa: E402

_WORD = re.compile(r"\w+")


def load_pairs(root: Path) -> tuple[dict[str, str], list[tuple[str, str, str, int]]]:
    """The texts by document id, and (subset, id a, id b, label) per pair folder
    ``<subset>/<a>_vs_<b>/`` (with ``full-text-<a>``, ``full-text-<b>`` and ``label``). A
    folder that does not hold a readable pair is named on stderr and left out."""
    if not root.is_dir():
        raise SystemExit(f"{root}: {'not a folder' if root.exists() else 'no such folder'}; "
                         "give the folder of <subset>/<a>_vs_<b>/ pair folders")
    texts: dict[str, str] = {}
    pairs = []
    seen: set[tuple[str, str]] = set()  # (every column counts a pair once)
    for subset in sorted(p for p in root.iterdir() if p.is_dir()):
        for folder in sorted(p for p in subset.iterdir() if p.is_dir()):
            try:
                a, b = folder.name.split("_vs_")
                pair = {doc_id: (folder / f"full-text-{doc_id}").read_text(
                    encoding="utf-8", errors="replace") for doc_id in (a, b)}
                label = int(float((folder / "label").read_text(encoding="utf-8-sig").split()[0]))
                if not 0 <= label <= 3:  # (the judgements are 0-3)
                    raise ValueError(f"label {label} is not one of 0, 1, 2, 3")
                if a == b or (min(a, b), max(a, b)) in seen:
                    raise ValueError("a document paired with itself" if a == b else
                                     "the same pair as a folder before it")
            except (ValueError, IndexError, OSError) as exc:
                print(f"{folder}: not a labelled pair, left out ({exc})", file=sys.stderr)
                continue
            texts.update(pair)
            seen.add((min(a, b), max(a, b)))
            pairs.append((subset.name, a, b, label))
    if not pairs:
        raise SystemExit(f"{root}: no pair folders <subset>/<a>_vs_<b>/ found")
    return texts, pairs


def plain_jaccard(a: str, b: str, n: int = 5) -> float:
    """The reference: exact word n-gram Jaccard on lowercase ``\\w+`` tokens, no normalising."""
    def grams(text: str) -> set[tuple[str, ...]]:
        words = _WORD.findall(text.lower())
        return {tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}
    sa, sb = grams(a), grams(b)
    return len(sa & sb) / len(sa | sb) if sa or sb else 1.0


def f1_of(predicted: list[bool], labels: list[bool]) -> float:
    tp = sum(p and y for p, y in zip(predicted, labels, strict=True))
    fp = sum(p and not y for p, y in zip(predicted, labels, strict=True))
    fn = sum(y and not p for p, y in zip(predicted, labels, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def roc_auc(scores: list[float], labels: list[bool]) -> float:
    """Probability that a random positive outranks a random negative (ties count half)."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def print_errors(pairs: list[tuple[str, str, str, int]], story: dict[str, object],
                 matched: dict[str, str], ngram: int) -> None:
    """One line per misjudged pair, by subset, with the overlaps verification saw."""
    for subset, a, b, label in pairs:
        predicted, truth = story[a] == story[b], label >= 1
        if predicted == truth:
            continue
        text_a, text_b = matched.get(a, ""), matched.get(b, "")
        j, c = neardup.similarities(text_a, text_b, ngram=ngram)
        kind = "FP" if predicted else "FN"
        words = f"{len(text_a.split())}/{len(text_b.split())}"
        print(f"{kind} {subset:<9} label {label} J {j:.3f} C {c:.3f} words {words:>11} "
              f"{a}_vs_{b}", file=sys.stderr)


GRID_JACCARD = (0.6, 0.65, 0.7, 0.75, 0.8)
GRID_CONTAINMENT = (0.7, 0.75, 0.8, 0.85, 0.9)


def half_of(a: str, b: str) -> int:
    """The half (0 or 1) pair ``a_vs_b`` falls in: md5 of its name, stable anywhere."""
    return int(hashlib.md5(f"{a}_vs_{b}".encode()).hexdigest(), 16) % 2


def two_fold(docs: list[dict[str, str]], pairs: list[tuple[str, str, str, int]],
             clean: bool, ngram: int, default: tuple[float, float]) -> None:
    """F1 per half over the threshold grid, then each half's best scored on the other."""
    halves = [[(a, b, label >= 1) for _, a, b, label in pairs if half_of(a, b) == h]
              for h in (0, 1)]
    if not all(halves):
        raise SystemExit(f"--halves: {len(pairs)} pair(s) fall in one half only; it needs "
                         "pairs in both")
    f1: dict[tuple[float, float], tuple[float, float]] = {}
    print(f"{'jaccard':>8}{'contain':>8}{'half 0':>8}{'half 1':>8}")
    grid = sorted(set(itertools.product(GRID_JACCARD, GRID_CONTAINMENT)) | {default})
    for jaccard, containment in grid:
        story = neardup.dedup(docs, clean=clean, threshold=jaccard, containment=containment,
                              ngram=ngram).story_of()
        f1[jaccard, containment] = (pairs_scores(story, halves[0]).f1,
                                    pairs_scores(story, halves[1]).f1)
        print(f"{jaccard:>8.2f}{containment:>8.2f}"
              f"{f1[jaccard, containment][0]:>8.3f}{f1[jaccard, containment][1]:>8.3f}")
    for h in (0, 1):
        best = max(grid, key=lambda k: (f1[k][h], k == default))  # (ties: the default)
        print(f"best on half {h}: {best[0]}/{best[1]} (F1 {f1[best][h]:.3f}), on half {1 - h}: "
              f"{f1[best][1 - h]:.3f}; the defaults {default[0]}/{default[1]} there: "
              f"{f1[default][1 - h]:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("--no-clean", action="store_true")
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--containment", type=float, default=0.8)
    parser.add_argument("--no-containment", action="store_true")
    parser.add_argument("--ngram", type=int, default=5)
    parser.add_argument("--no-prose-weights", action="store_true",
                        help="plain shingle overlaps (dedup's --no-prose-weights)")
    parser.add_argument("--no-short-copies", action="store_true",
                        help="no short-copy banding nor sampled index (--no-short-copies)")
    parser.add_argument("--seeds", type=int, default=1,
                        help="also run with MinHash seeds 2..N; print F1 per seed and the mean")
    parser.add_argument("--halves", action="store_true",
                        help="two-fold check of the thresholds over a grid (see above)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--no-intervals", action="store_true",
                        help="no bootstrap intervals (95 %%, over the pairs) after the table")
    parser.add_argument("--errors", action="store_true",
                        help="list the false positives and false negatives (to stderr)")
    args = parser.parse_args(argv)

    if args.seeds < 1:
        parser.error("--seeds must be at least 1")
    texts, pairs = load_pairs(args.data)
    docs = [{"id": k, "text": v} for k, v in texts.items()]
    if args.halves:
        two_fold(docs, pairs, not args.no_clean, args.ngram, (args.threshold, args.containment))
        return 0

    def stories(seed: int) -> dict[str, object]:
        records = neardup.dedup(
            docs, clean=not args.no_clean, threshold=args.threshold,
            containment=None if args.no_containment else args.containment, ngram=args.ngram,
            prose_weights=not args.no_prose_weights, short_copies=not args.no_short_copies,
            seed=seed).records
        rejected = [r["id"] for r in records if r["status"] == "rejected"]
        if rejected and seed == 1:
            print(f"{len(rejected)} document(s) rejected (no text left: empty, or HTML with "
                  f"nothing to extract), each a story of its own: {', '.join(rejected[:5])}"
                  f"{' ...' if len(rejected) > 5 else ''}", file=sys.stderr)
        # (a pair with a rejected document is predicted "not a copy", as neardup eval scores it)
        return stories_of(records)

    start = time.perf_counter()
    story = stories(1)
    elapsed = time.perf_counter() - start
    # The texts as the pipeline matched them (cleaned with templates learned on this corpus).
    matched = texts if args.no_clean else {
        d.id: d.text for d in neardup.clean_documents(docs)}

    if args.errors:
        print_errors(pairs, story, matched, args.ngram)
    rows: dict[str, dict] = {}
    intervals: dict[str, list[float]] = {}
    for subset in sorted({p[0] for p in pairs}) + ["all"]:
        chosen = [p for p in pairs if subset in ("all", p[0])]
        labelled = [(a, b, label >= 1) for _, a, b, label in chosen]
        ours = pairs_scores(story, labelled)
        # The reference: each pair on its own, exact 5-gram Jaccard >= 0.7.
        base = f1_of([plain_jaccard(texts[a], texts[b]) >= 0.7 for a, b, _ in labelled],
                     [y for *_, y in labelled])
        overlaps = [neardup.similarities(matched.get(a, ""), matched.get(b, ""),
                                         ngram=args.ngram,
                                         prose_weights=not args.no_prose_weights)
                     for a, b, _ in labelled]
        truth = [y for *_, y in labelled]
        auc_j = roc_auc([j for j, _ in overlaps], truth)
        auc_c = roc_auc([c for _, c in overlaps], truth)
        if subset == "all" and not args.no_intervals:
            # (the pairs drawn with replacement: F1's spread on a sample of this size, and
            # neardup's gain over the baseline on the same draws)
            ours_f1 = pair_f1([story[a] == story[b] for a, b, _ in labelled], truth)
            base_f1 = pair_f1([plain_jaccard(texts[a], texts[b]) >= 0.7
                               for a, b, _ in labelled], truth)
            gain = difference(ours_f1, base_f1)
            intervals = {"f1": list(interval(ours_f1, len(labelled))),
                         "f1_minus_baseline": list(interval(gain, len(labelled)))}
        rows[subset] = {"pairs": len(chosen), "positives": sum(y for *_, y in labelled),
                        "precision": round(ours.precision, 3), "recall": round(ours.recall, 3),
                        "f1": round(ours.f1, 3), "auc_jaccard": round(auc_j, 3),
                        "auc_containment": round(auc_c, 3),
                        "baseline_jaccard5_0.7_f1": round(base, 3)}
    all_pairs = [(a, b, label >= 1) for _, a, b, label in pairs]
    by_seed = {1: rows["all"]["f1"]}
    for seed in range(2, args.seeds + 1):
        by_seed[seed] = round(pairs_scores(stories(seed), all_pairs).f1, 3)
    mean_f1 = round(sum(by_seed.values()) / len(by_seed), 3)
    if args.json:  # (an AUC of a subset with one class only is no number: null)
        rows_json = {subset: {k: None if isinstance(v, float) and v != v else v
                              for k, v in row.items()} for subset, row in rows.items()}
        print(json.dumps({"rows": rows_json, "f1_by_seed": by_seed, "mean_f1": mean_f1,
                          "intervals_95": {k: [round(v, 3) for v in pair]
                                           for k, pair in intervals.items()},
                          "seconds": round(elapsed, 2)}, indent=2))
        return 0
    header = (f"{'subset':<10}{'pairs':>6}{'pos':>5}{'P':>7}{'R':>7}{'F1':>7}{'AUC J':>7}"
              f"{'AUC C':>7}{'base F1':>9}")
    print(header)
    for subset, row in rows.items():
        print(f"{subset:<10}{row['pairs']:>6}{row['positives']:>5}{row['precision']:>7.3f}"
              f"{row['recall']:>7.3f}{row['f1']:>7.3f}{row['auc_jaccard']:>7.3f}"
              f"{row['auc_containment']:>7.3f}"
              f"{row['baseline_jaccard5_0.7_f1']:>9.3f}")
    if intervals:
        n, all_rows = rows["all"]["pairs"], rows["all"]
        print(f"all: F1 {describe(all_rows['f1'], *intervals['f1'], f'{n} pairs')}")
        gain = all_rows["f1"] - all_rows["baseline_jaccard5_0.7_f1"]
        print(f"all: F1 minus the baseline's "
              f"{describe(gain, *intervals['f1_minus_baseline'], f'{n} pairs', signed=True)}")
    if args.seeds > 1:
        listed = ", ".join(f"{seed}: {f1:.3f}" for seed, f1 in by_seed.items())
        print(f"all, F1 by MinHash seed: {listed}; mean {mean_f1:.3f} "
              f"(min {min(by_seed.values()):.3f}, max {max(by_seed.values()):.3f})")
    print(f"dedup of {len(docs)} documents: {elapsed:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
