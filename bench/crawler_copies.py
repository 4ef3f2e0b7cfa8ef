#!/usr/bin/env python3
"""Copies of one page written by different crawlers: are they found as one story?

Usage: python bench/crawler_copies.py DATA_DIR [--forms html-text,text-nodes,markdown,html]
                                              [--no-clean] [--work DIR]

Each page of data in the AEB layout (``../shared/data/scrapinghub_aeb``, see
``bench/aeb_data.py``) is written in several forms, as different crawlers write a page:
``html-text`` (the benchmark's layout-aware rendering), ``text-nodes`` (every text node on a
line of its own), ``markdown`` (markdownify, menus and all) and ``html`` (the page's HTML in
the text field, as a crawl dump's "content" holds it); on request also
``markdown-underscores`` (Markdown with underlined headings and emphasis in underscores, as
Jina Reader and html2text write it). Each copy gets its own id and
a site of its own (``<form>.<host>``), and ``neardup dedup`` runs on all of them with the
defaults; the truth is one story per page. Prints pairwise precision, recall, F1 and ARI
(``neardup eval``): how well copies are found when only the crawler differs.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aeb_data import load, markdown, markdown_underscores, text_nodes  # noqa: E402

import neardup  # noqa: E402
from neardup.evaluate import cluster_scores, stories_of  # noqa: E402

FORMS = ("html-text", "text-nodes", "markdown", "html", "markdown-underscores")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--forms", default=",".join(FORMS[:4]),
                    help=f"comma-separated, of {', '.join(FORMS)}")
    ap.add_argument("--no-clean", action="store_true", help="dedup without cleaning")
    ap.add_argument("--work", type=Path, help="keep the corpus and the output here")
    args = ap.parse_args(argv)
    forms = [f for f in args.forms.split(",") if f]
    if not forms or set(forms) - set(FORMS):
        ap.error(f"--forms: a comma-separated list of {', '.join(FORMS)}")
    aeb = load(args.data_dir)
    pages = aeb.pages()
    texts = {"html-text": aeb.page_texts(pages) if "html-text" in forms else {}}
    render = {"text-nodes": text_nodes, "markdown": markdown, "html": str,
              "markdown-underscores": markdown_underscores}
    for form in forms:
        if form != "html-text":
            texts[form] = {k: render[form](page) if page else "" for k, page in pages.items()}
    work = args.work or Path(tempfile.mkdtemp(prefix="neardup-crawler-copies-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.jsonl"
    truth: dict[str, object] = {}
    with corpus.open("w", encoding="utf-8") as handle:
        for form in forms:
            for key in aeb.keys:
                doc_id = f"{form}:{key}"
                truth[doc_id] = key
                url = aeb.urls[key].replace("://", f"://{form}.", 1)
                handle.write(json.dumps({"id": doc_id, "text": texts[form][key], "url": url})
                             + "\n")
    result = neardup.dedup_files([corpus], work / "out",
                                 neardup.make_options(clean=not args.no_clean, quiet=True,
                                                      report=False),
                                 collect=True)
    rejected = [r["id"] for r in result.records if r["status"] == "rejected"]
    if rejected:  # (an empty copy: a story of its own, so its page's pairs count as missed)
        print(f"{len(rejected)} of {len(truth)} copies rejected (no text), each a story of "
              f"its own: {', '.join(rejected[:3])}{' ...' if len(rejected) > 3 else ''}",
              file=sys.stderr)
    scores = cluster_scores(stories_of(result.records), truth)
    print(f"{len(truth)} copies of {len(aeb.keys)} pages ({', '.join(forms)}), "
          f"cleaning {'off' if args.no_clean else 'on'}: precision {scores.precision:.3f}, "
          f"recall {scores.recall:.3f}, F1 {scores.f1:.3f}, ARI {scores.ari:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
