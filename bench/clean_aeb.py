#!/usr/bin/env python3
"""Cleaning benchmark on scrapinghub's article-extraction-benchmark (AEB) data.

Usage: python bench/clean_aeb.py DATA_DIR [--mode text|html|both] [--per-page N]
                                  [--fetches K]

Metric: exactly that of the benchmark's ``evaluate.py`` (scrapinghub/article-extraction-
benchmark): lower-cased ``\\w+`` tokens, multiset of word 4-gram shingles per document (a text
shorter than 4 tokens gives one shorter shingle), TP/FP/FN normalised per document, precision
averaged over documents with TP+FP > 0, recall over documents with TP+FN > 0 (so an empty
prediction counts as recall 0 and is left out of precision, as upstream), per-document P or R is
1 when FP = FN = 0, F1 = 2PR/(P+R) of the macro means. Keys follow ``ground-truth.json``; a page
that fails to process is scored as an empty prediction.

(a) html mode: ``html/<key>.html.gz`` -> ``clean_html``; also trafilatura alone (its default
``extract`` and the favor-recall extraction that ``clean_html`` starts from), computed here.
(b) text mode: ``output/html-text.json`` (whole page as text; when the data has none, the
pages rendered with ``html-text``, which made that file: see ``aeb_data.py``) -> ``clean_text``;
also the do-nothing baseline. Site templates are learned over the corpus by URL host first;
with ``--fetches K`` the template pass meets every page K times, each time with a teaser of
another story at the end (a headline that changes between fetches), as a crawl that fetched
each page again would give it: the same page, whose lines must not become its site's
template.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aeb_data import (  # noqa: E402
    AebData,
    fetched,
    load,
    markdown,
    markdown_underscores,
    text_nodes,
)
from intervals import describe, difference, interval, macro_f1, macro_mean  # noqa: E402

from neardup.clean import (  # noqa: E402
    CleanOptions,
    SiteTemplateLearner,
    clean_html,
    clean_text,
    page_text,
)
from neardup.sketch import kernels  # noqa: E402

_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall((text or "").lower())
    out: Counter[tuple[str, ...]] = Counter()
    for i in range(0, max(1, len(tokens) - n + 1)):
        sh = tuple(tokens[i : i + n])
        if sh:
            out[sh] += 1
    return out


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised TP/FP/FN over 4-gram shingles, as upstream ``string_shingle_matching``."""
    ts, ps = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in set(ts) | set(ps):
        t, p = ts.get(key, 0), ps.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    s = tp + fp + fn
    if s > 0:
        return tp / s, fp / s, fn / s
    return tp, fp, fn


def _p(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _r(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def score(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    rows = [tp_fp_fn(gold[k], pred.get(k, "")) for k in gold]
    # (the upstream metric averages precision over the pages with a prediction, recall over
    # those with a gold text; none at all (no page read, no gold) scores 0, not a crash)
    precisions = [_p(*r) for r in rows if r[0] + r[1] > 0]
    recalls = [_r(*x) for x in rows if x[0] + x[2] > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def page_scores(gold: dict[str, str], pred: dict[str, str]) -> tuple[list[float], list[float]]:
    """Each page's precision and recall as ``score`` averages them, in ``gold``'s order (NaN
    where ``score`` leaves the page out of that mean), for the bootstrap intervals."""
    precision, recall = [], []
    for k in gold:
        row = tp_fp_fn(gold[k], pred.get(k, ""))
        precision.append(_p(*row) if row[0] + row[1] > 0 else float("nan"))
        recall.append(_r(*row) if row[0] + row[2] > 0 else float("nan"))
    return precision, recall


def print_intervals(gold: dict[str, str], results: dict[str, dict[str, str]],
                    reference: dict[str, str] | None) -> None:
    """The 95 % bootstrap intervals over the pages of each mode's F1 and recall (the issue's
    goals name both), and for HTML the paired difference against the reference extraction
    (output/trafilatura.json)."""
    everything = np.arange(len(gold))
    for mode, pred in results.items():
        precision, recall = page_scores(gold, pred)
        for name, stat in (("F1", macro_f1(precision, recall)), ("recall", macro_mean(recall))):
            print(f"{mode}: {name} "
                  f"{describe(stat(everything), *interval(stat, len(gold)), 'pages')}")
        f1 = macro_f1(precision, recall)
        if mode == "html" and reference is not None:
            gain = difference(f1, macro_f1(*page_scores(gold, reference)))
            print(f"{mode}: F1 minus the reference's "
                  f"{describe(gain(everything), *interval(gain, len(gold)), 'pages', signed=True)}")


def per_page(gold: dict[str, str], pred: dict[str, str]) -> dict[str, tuple[float, float]]:
    out = {}
    for k in gold:
        row = tp_fp_fn(gold[k], pred.get(k, ""))
        out[k] = (_p(*row), _r(*row))
    return out


def _line(name: str, m: dict[str, float], extra: str = "") -> str:
    return (
        f"{name:<34} precision={m['precision']:.3f}  recall={m['recall']:.3f}  "
        f"F1={m['f1']:.3f}{extra}"
    )


EXTRACTORS = ("trafilatura", "readability", "justext")  # their output/<name>.json
TEXT_INPUTS = ("html-text", "text-nodes", "markdown", "markdown-underscores", "gold",
               *EXTRACTORS)  # --text-input


def text_inputs(aeb: AebData, text_input: str = "html-text") -> dict[str, str]:
    """Each page's text in the form ``text_input`` names (``--text-input``)."""
    if text_input == "html-text":
        return aeb.page_texts()
    if text_input == "gold":  # (text already cut out of its page, perfectly)
        return dict(aeb.gold)
    if text_input in EXTRACTORS:  # (another extractor's article text)
        path = aeb.root / "output" / f"{text_input}.json"
        if not path.is_file():
            raise SystemExit(f"{path}: no such file; --text-input {text_input} needs it")
        out = json.loads(path.read_text(encoding="utf-8"))["output"]
        return {k: (out.get(k) or {}).get("articleBody") or "" for k in aeb.keys}
    render = {"text-nodes": text_nodes, "markdown": markdown,
              "markdown-underscores": markdown_underscores}[text_input]
    return {k: render(page) if page else "" for k, page in aeb.pages().items()}


def run_text(aeb: AebData, opts: CleanOptions, text_input: str = "html-text",
             fetches: int = 1) -> dict[str, str]:
    gold = aeb.gold
    inputs = text_inputs(aeb, text_input)
    print(_line(f"text: do nothing ({text_input})", score(gold, inputs)))
    kernels.warm_up()  # load the compiled line kernels outside the timing, as the pipeline does
    t0 = time.perf_counter()
    learner = SiteTemplateLearner()
    for k in aeb.keys:
        for fetch in range(fetches):
            learner.add(aeb.site(k), fetched(inputs[k], fetch))
    templates = learner.build()
    t1 = time.perf_counter()
    pred = {}
    for k in aeb.keys:
        pred[k] = clean_text(inputs[k], template=templates.for_site(aeb.site(k)),
                             options=opts).text
    t2 = time.perf_counter()
    print(
        _line(
            "text: clean_text",
            score(gold, pred),
            f"   [{len(gold) / (t2 - t1):.0f} pages/s; template pass "
            f"{len(gold) / (t1 - t0):.0f} pages/s, {len(templates)} sites with a template]",
        )
    )
    return pred


def run_html(aeb: AebData, opts: CleanOptions) -> dict[str, str]:
    import trafilatura

    gold, urls = aeb.gold, aeb.urls
    pages = {k: page for k, page in aeb.pages().items() if page is not None}
    t0 = time.perf_counter()
    traf = {k: trafilatura.extract(pages[k], url=urls[k] or None) or "" for k in pages}
    t1 = time.perf_counter()
    print(
        _line(
            "html: trafilatura.extract default",
            score(gold, traf),
            f"   [{len(pages) / (t1 - t0):.1f} pages/s]",
        )
    )
    # (trafilatura as clean_html runs it: favor_recall, no fallback extractors, tables)
    recall = {k: trafilatura.extract(pages[k], url=urls[k] or None, favor_recall=True,
                                     fast=True, include_tables=True, include_comments=False)
              or "" for k in pages}
    print(_line("html: trafilatura favor_recall, fast", score(gold, recall)))
    learner = SiteTemplateLearner()
    page_texts = {}
    for k in pages:
        page_texts[k] = page_text(pages[k], url=urls[k] or None)
        learner.add(aeb.site(k), page_texts[k])
    templates = learner.build()
    # (what clean_html cleans: that extraction, or the page's feed or body chunks read again)
    print(_line("html: page_text (extraction)", score(gold, page_texts)))
    t2 = time.perf_counter()
    pred = {}
    for k in pages:
        try:
            pred[k] = clean_html(pages[k], url=urls[k] or None,
                                 template=templates.for_site(aeb.site(k)), options=opts).text
        except Exception as exc:  # noqa: BLE001 - count as empty prediction, say so
            print(f"  ! {k}: {exc!r}", file=sys.stderr)
            pred[k] = ""
    t3 = time.perf_counter()
    print(_line("html: clean_html", score(gold, pred),
                f"   [{len(pages) / (t3 - t2):.1f} pages/s]"))
    return pred


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--mode", choices=["text", "html", "both"], default="both")
    ap.add_argument(
        "--per-page",
        type=int,
        default=0,
        help="also list the N worst pages by F1 (for failure analysis)",
    )
    ap.add_argument(
        "--text-input",
        choices=TEXT_INPUTS,
        default="html-text",
        help="text mode's input: the pages as html-text renders them (output/html-text.json), "
        "each text node of a page on a line of its own (a naive scraper's output), the "
        "pages as Markdown (markdownify; as crawlers for language models write them; "
        "markdown-underscores: headings underlined and emphasis in underscores, as Jina "
        "Reader's turndown and html2text write them), or "
        "text already cut out of the page: the gold text itself, an extractor's output",
    )
    ap.add_argument("--no-intervals", action="store_true",
                    help="no bootstrap intervals (95 %%, over the pages) after the scores")
    ap.add_argument("--conservative", action="store_true",
                    help="conservative cleaning (for texts that are already articles)")
    ap.add_argument("--fetches", type=int, default=1, metavar="K",
                    help="text mode: the template pass meets every page K times, each fetch "
                    "with a teaser of its own (a crawl that fetched every page again)")
    args = ap.parse_args(argv)
    if args.fetches < 1:
        ap.error("--fetches must be 1 or more")
    aeb = load(args.data_dir)
    gold = aeb.gold
    ref = args.data_dir / "output" / "trafilatura.json"
    reference = None
    if ref.exists():
        out = json.loads(ref.read_text())["output"]
        reference = {k: (out.get(k) or {}).get("articleBody") or "" for k in gold}
        print(_line("reference: output/trafilatura.json", score(gold, reference)))
    opts = CleanOptions(conservative=args.conservative)
    results = {}
    if args.mode in ("text", "both"):
        results["text"] = run_text(aeb, opts, args.text_input, args.fetches)
    if args.mode in ("html", "both"):
        results["html"] = run_html(aeb, opts)
    if not args.no_intervals:
        print_intervals(gold, results, reference)
    if args.per_page:
        for mode, pred in results.items():
            pp = per_page(gold, pred)
            worst = sorted(
                pp.items(), key=lambda kv: 2 * kv[1][0] * kv[1][1] / (kv[1][0] + kv[1][1] or 1)
            )[: args.per_page]
            print(f"-- worst {mode} pages (P, R, url)")
            for k, (p, r) in worst:
                print(f"  {p:.2f} {r:.2f} {k[:12]} {aeb.urls[k][:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
