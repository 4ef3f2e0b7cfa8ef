"""Measure the report at scale: build time, file size, and open/render time in headless Chromium.

Usage (from the repository root)::

    .venv/bin/python tests/report/measure_report.py --docs 100000 /tmp/report-100k
    .venv/bin/python tests/report/measure_report.py --existing OUT   # a real dedup output

Without ``--existing`` it fabricates a dedup output folder of ``--docs`` documents first.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from report_cdp import Chromium, find_chromium  # noqa: E402
from report_fixtures import large_corpus, write_output  # noqa: E402

from neardup.report import write_report  # noqa: E402


def measure_open(report: Path, runs: int) -> dict[str, float]:
    """Median timings (ms) of opening ``report``, over ``runs`` fresh page loads."""
    executable = find_chromium()
    if executable is None:
        raise SystemExit("chromium not found")
    results: dict[str, list[float]] = {}
    with Chromium(executable, timeout=120) as browser:
        for _ in range(runs):
            browser.open("about:blank")
            started = time.perf_counter()
            browser.open(report.resolve().as_uri())
            browser.wait_for("document.documentElement.dataset.ready === '1'", timeout=120)
            wall = (time.perf_counter() - started) * 1000
            nav = browser.evaluate(
                "JSON.stringify((() => { const n = performance.getEntriesByType('navigation')[0];"
                " return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd,"
                " parse: window.neardupReport.parseMs, render: window.neardupReport.renderMs};"
                " })())")
            timings = json.loads(nav)
            # a search over every listed story (builds the search index on first use);
            # the measured time includes the 120 ms input debounce
            before = browser.evaluate("document.getElementById('story-count').dataset.count")
            t0 = time.perf_counter()
            browser.evaluate("(() => { const s = document.getElementById('search');"
                             " s.value = 'zzzz-no-match'; s.dispatchEvent(new Event('input'));"
                             " })()")
            browser.wait_for("document.getElementById('story-count').dataset.count !== "
                             f"{before!r}", timeout=60)
            search = (time.perf_counter() - t0) * 1000
            # open the largest story and its first comparison
            browser.evaluate("(() => { const s = document.getElementById('search');"
                             " s.value = ''; s.dispatchEvent(new Event('input')); })()")
            time.sleep(0.2)
            t0 = time.perf_counter()
            browser.click("#story-list article.story .story-head")
            if browser.evaluate("document.querySelector('article.story .btn-compare') !== null"):
                browser.click("article.story .btn-compare")
                browser.wait_for("document.querySelector('.side-by-side') !== null")
            compare = (time.perf_counter() - t0) * 1000
            for name, value in {"wall_to_ready": wall, "dom_content_loaded": timings["dcl"],
                                "load_event": timings["load"], "json_parse": timings["parse"],
                                "first_render": timings["render"], "search": search,
                                "open_story_and_compare": compare}.items():
                results.setdefault(name, []).append(value)
    return {name: round(statistics.median(values), 1) for name, values in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("/tmp/report-measure"))
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--existing", type=Path, default=None,
                        help="measure an existing dedup output folder instead")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.existing is not None:
        out = args.existing
    else:
        started = time.perf_counter()
        out = write_output(args.folder, large_corpus(args.docs))
        print(f"fabricated {args.docs:,} documents in {time.perf_counter() - started:.1f} s "
              f"→ {out}", file=sys.stderr)
    started, cpu = time.perf_counter(), time.process_time()
    report = write_report(out, quiet=False)
    build = time.perf_counter() - started
    build_cpu = time.process_time() - cpu
    size = report.stat().st_size
    opened = measure_open(report, args.runs)
    documents = sum(1 for _ in (out / "documents.jsonl").open()) \
        if (out / "documents.jsonl").exists() else None
    print(json.dumps({"folder": str(out), "documents": documents,
                      "report_bytes": size, "report_mb": round(size / 1e6, 2),
                      "build_seconds": round(build, 2),
                      "build_cpu_seconds": round(build_cpu, 2), "browser_ms": opened}, indent=2))


if __name__ == "__main__":
    main()
