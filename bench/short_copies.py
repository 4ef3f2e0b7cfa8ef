"""How often a short reprint inside a longer page is matched: the containment use case.

From a corpus of distinct texts (e.g. ``neardup synth --boilerplate 0``), each test pair is a
"story" (the first ``--story-words`` words of one text) and a "page" that holds the story
between the first ``--around-words`` words of two other texts. Both go into one run of
``neardup.dedup``; a pair is found when the story and its page share a story id. Printed per
setting: pairs found, and stories formed in all (unrelated pages merged would show here).

    python bench/short_copies.py /tmp/synth100k_nobp.jsonl [--pairs 150] [--story-words 400]
        [--around-words 550]

Only every fifth text of the corpus is used, and texts of the same synth story are skipped,
so the texts around a story are never copies of it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import neardup


def make_pairs(corpus: Path, pairs: int, story_words: int, around_words: int
               ) -> list[dict[str, str]]:
    texts: list[list[str]] = []
    seen_stories: set[str] = set()
    with corpus.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number % 5:
                continue
            record = json.loads(line)
            words = str(record.get("text") or "").split()
            story = record.get("story")
            if len(words) < max(story_words, around_words) or story in seen_stories:
                continue
            seen_stories.add(story)
            texts.append(words)
            if len(texts) >= 3 * pairs:
                break
    if len(texts) < 3 * pairs:
        raise SystemExit(f"{corpus}: only {len(texts)} usable texts, {3 * pairs} needed")
    docs = []
    for i in range(pairs):
        story = " ".join(texts[3 * i][:story_words])
        before = " ".join(texts[3 * i + 1][:around_words])
        after = " ".join(texts[3 * i + 2][:around_words])
        docs += [{"id": f"story{i}", "text": story},
                 {"id": f"page{i}", "text": f"{before}\n{story}\n{after}"}]
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--pairs", type=int, default=150)
    parser.add_argument("--story-words", type=int, default=400)
    parser.add_argument("--around-words", type=int, default=550)
    args = parser.parse_args(argv)
    docs = make_pairs(args.corpus, args.pairs, args.story_words, args.around_words)
    settings = {"defaults": {}, "--no-short-copies": {"short_copies": False},
                "--no-containment": {"containment": None}}
    print(f"{args.pairs} pairs: a {args.story_words}-word story inside a "
          f"{args.story_words + 2 * args.around_words}-word page, cleaning off")
    for name, options in settings.items():
        story = neardup.dedup(docs, clean=False, **options).story_of()
        found = sum(story[f"story{i}"] == story[f"page{i}"] for i in range(args.pairs))
        print(f"{name:<20} found {found:>4} / {args.pairs}   stories {len(set(story.values()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
