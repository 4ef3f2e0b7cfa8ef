"""False merges through roundup pages: a page that holds several short stories whole.

From a corpus with known stories (``neardup synth --boilerplate 0``), stories with at least 4
copies are taken in groups of ``--briefs``; every copy is cut to its first ``--words`` words (a
short wire story), and each group gets one roundup page: the opening ``--words`` words of one
copy of each of its stories. A roundup matches every copy of its stories by containment, so
a clustering that gathers what a page contains merges unrelated stories. Printed per keep
policy: pairs of stories of one roundup that share a story id (merged), and pairwise P/R/F1
against the truth (a roundup counted as a story of its own).

    python bench/roundups.py /tmp/synth10k_nobp.jsonl [--briefs 3] [--words 250] [--roundups 40]
        [--roundup-copies 0]

``--roundup-copies N`` adds N more scrapes of each roundup page (the same page with a line of
its own, e.g. a timestamp, at the end), as a crawler revisiting a front page would: a roundup
with copies of its own matches them as a page of its size, not as short copies.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

import neardup
from neardup.evaluate import pairs_scores


def make_corpus(corpus: Path, briefs: int, words: int, roundups: int, roundup_copies: int = 0
                ) -> tuple[list[dict[str, str]], dict[str, str], list[list[list[str]]]]:
    by_story: dict[str, list[dict]] = defaultdict(list)
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            by_story[str(record["story"])].append(record)
    multi = sorted(s for s, docs in by_story.items() if len(docs) >= 4)
    random.Random(1).shuffle(multi)
    if len(multi) < briefs * roundups:
        raise SystemExit(f"{corpus}: {len(multi)} stories with 4+ copies, "
                         f"{briefs * roundups} needed")
    docs, truth, groups = [], {}, []
    for k in range(roundups):
        group = multi[briefs * k:briefs * (k + 1)]
        groups.append(group)
        for story in group:
            for record in by_story[story]:
                docs.append({"id": record["id"],
                             "text": " ".join(record["text"].split()[:words])})
                truth[record["id"]] = story
        page = "\n\n".join(" ".join(by_story[s][0]["text"].split()[:words]) for s in group)
        docs.append({"id": f"roundup{k}", "text": page})
        truth[f"roundup{k}"] = f"roundup{k}"
        for n in range(roundup_copies):
            docs.append({"id": f"roundup{k}-{n + 1}", "text": f"{page}\nUpdated {n + 1} hour ago"})
            truth[f"roundup{k}-{n + 1}"] = f"roundup{k}"
    members = [[[r["id"] for r in by_story[s]] for s in group] for group in groups]
    return docs, truth, members


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--briefs", type=int, default=3, help="stories per roundup page")
    parser.add_argument("--words", type=int, default=250, help="words per short story")
    parser.add_argument("--roundups", type=int, default=40)
    parser.add_argument("--roundup-copies", type=int, default=0,
                        help="more scrapes of each roundup page")
    args = parser.parse_args(argv)
    docs, truth, members = make_corpus(args.corpus, args.briefs, args.words, args.roundups,
                                       args.roundup_copies)
    ids = sorted(truth)
    labelled = [(a, b, truth[a] == truth[b]) for i, a in enumerate(ids) for b in ids[i + 1:]]
    possible = len(members) * args.briefs * (args.briefs - 1) // 2
    print(f"{len(docs)} documents, {len(members)} roundups of {args.briefs} stories of "
          f"{args.words} words, each roundup scraped {1 + args.roundup_copies} time(s)")
    for keep in ("complete", "longest", "earliest", "first"):  # (complete: the default)
        story = neardup.dedup(docs, clean=False, keep=keep, quiet=True).story_of()
        merged = 0
        for group in members:
            found = [{story[i] for i in copies} for copies in group]
            merged += sum(bool(found[i] & found[j]) for i in range(len(found))
                          for j in range(i + 1, len(found)))
        scores = pairs_scores(story, labelled)
        print(f"--keep {keep:<9} story pairs merged through a roundup {merged:>4} / {possible}"
              f"   P {scores.precision:.3f} R {scores.recall:.3f} F1 {scores.f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
