"""The HTML report of a dedup run: ``OUT/report.html``, one self-contained file.

It shows the totals with two pictures (pair similarities with the threshold, stories by number
of copies), a searchable, filterable list of the stories largest first, the kept copy and any
other copy side by side with word differences highlighted, each sampled document's raw text with
the spans cleaning removed struck through, and the rejected documents with their reasons.

It reads only the files of the output folder (see :mod:`neardup.report.load`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from neardup.progress import StageProgress
from neardup.report.load import check_finished
from neardup.report.prepare import ReportData, ReportLimits, prepare_report
from neardup.report.render import render_report
from neardup.write.names import REPORT_FILE


def write_report(output: Path, quiet: bool = False, max_stories: int = 2000, *,
                 limits: ReportLimits | None = None) -> Path:
    """Build ``output/report.html`` from the dedup output folder ``output``; return its path.

    ``max_stories`` caps the stories listed (largest first); ``limits`` overrides all caps
    (see :class:`ReportLimits`). Unless ``quiet``, one line about the report goes to stderr.
    """
    started = time.perf_counter()
    output = Path(output)
    if limits is None:
        limits = ReportLimits(max_stories=max_stories)
    check_finished(output)
    data = prepare_report(output, limits, StageProgress(quiet))
    html = render_report(data)
    path = output / REPORT_FILE
    partial = path.with_name(f".{REPORT_FILE}.partial")  # a stopped run leaves no half report
    try:
        partial.write_text(html, encoding="utf-8", newline="\n")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    if not quiet:
        size = path.stat().st_size
        print(f"report: {data.stats['stories_listed']:,} stories, texts of "
              f"{data.stats['texts']:,} documents, {size / 1e6:.1f} MB in "
              f"{time.perf_counter() - started:.1f} s → {path}", file=sys.stderr)
    return path


__all__ = ["REPORT_FILE", "ReportData", "ReportLimits", "prepare_report", "render_report",
           "write_report"]
