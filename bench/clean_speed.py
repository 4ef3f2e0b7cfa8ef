#!/usr/bin/env python3
"""Speed of the text cleaner on a JSONL corpus (e.g. ``python -m neardup synth`` output).

Usage: python bench/clean_speed.py CORPUS.jsonl [--limit N] [--runs 3]

Reports, as the median of ``--runs`` runs on one core, docs/s and MB/s (UTF-8 bytes of input
text) of

* the site-template pass: ``SiteTemplateLearner.add`` over every document, then ``build``;
* ``clean_text`` over every document with its site's template.

The documents are read once up front; reading and JSON parsing are not timed. A document's site
is its ``site`` field, else the host of its ``url``. Throughput is per core: the process's CPU
time (``time.process_time``), so that other load on the machine does not skew it; the wall-clock
rate is shown in brackets. The cleaner's line caches are emptied before each run, so every run
is a cold start like a single pass over the corpus (the clean_text run after the template
pass finds the normalised lines that pass cached, as in a real two-pass run).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from neardup.clean import SiteTemplateLearner, SiteTemplates, clean_text  # noqa: E402

try:  # the cleaner's per-line caches, emptied before every run (a cold start, as in one pass)
    from neardup.clean.lines import clear_caches as _clear_line_caches  # noqa: E402
    from neardup.clean.template import clear_caches as _clear_template_caches  # noqa: E402
except ImportError:  # a version without caches
    _clear_line_caches = _clear_template_caches = lambda: None


def _load(path: Path, limit: int | None) -> list[tuple[str, str]]:
    docs: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            if not raw.strip():
                continue
            rec = json.loads(raw)
            site = rec.get("site") or (urlsplit(rec.get("url") or "").hostname or "")
            docs.append((site, rec.get("text") or ""))
            if limit is not None and len(docs) >= limit:
                break
    return docs


def _template_pass(
    docs: list[tuple[str, str]],
) -> tuple[tuple[float, float], SiteTemplates]:
    _clear_line_caches()
    _clear_template_caches()
    t0, w0 = time.process_time(), time.perf_counter()
    learner = SiteTemplateLearner()
    for site, text in docs:
        learner.add(site, text)
    templates = learner.build()
    return (time.process_time() - t0, time.perf_counter() - w0), templates


def _clean_pass(docs: list[tuple[str, str]], templates: SiteTemplates) -> tuple[float, float]:
    _clear_line_caches()  # (the template caches stay: the learner pass just filled them)
    t0, w0 = time.process_time(), time.perf_counter()
    for site, text in docs:
        clean_text(text, template=templates.for_site(site))
    return time.process_time() - t0, time.perf_counter() - w0


def _report(name: str, times: list[tuple[float, float]], n: int, mb: float) -> None:
    cpu = statistics.median(t for t, _ in times)
    wall = statistics.median(w for _, w in times)
    print(
        f"{name:<14} {n / cpu:8.0f} docs/s  {mb / cpu:6.2f} MB/s   "
        f"[wall clock {n / wall:.0f} docs/s; median of {len(times)} runs]"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    ap.add_argument("--runs", type=int, default=3, help="runs to take the median of")
    args = ap.parse_args(argv)
    docs = _load(args.corpus, args.limit)
    if not docs:
        print("no documents", file=sys.stderr)
        return 1
    n = len(docs)
    mb = sum(len(t.encode("utf-8")) for _, t in docs) / 1e6
    tpl_times: list[tuple[float, float]] = []
    clean_times: list[tuple[float, float]] = []
    templates = SiteTemplates()
    for _ in range(max(1, args.runs)):
        dt, templates = _template_pass(docs)
        tpl_times.append(dt)
        clean_times.append(_clean_pass(docs, templates))
    print(f"corpus: {n:,} docs, {mb:.1f} MB, {len(templates)} sites with a template")
    _report("template pass:", tpl_times, n, mb)
    _report("clean_text:", clean_times, n, mb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
