"""The names of the files a run writes in its output folder, in one place: the writers, the
readers of a run's output (``neardup report``, ``neardup eval``), and the checks that a run
never overwrites an INPUT or reads an earlier run's output as input use them."""

from __future__ import annotations

SUMMARY_FILE = "summary.json"  # written last: a folder without it holds an unfinished run
REPORT_FILE = "report.html"
SAMPLES_FILE = "report-texts.jsonl.gz"  # the texts the report embeds (write/samples.py)
RECORD_FORMATS = ("jsonl", "parquet")


def records_files(kind: str) -> tuple[str, ...]:
    """The names ``kind`` ("documents", "deduplicated") has in each record format."""
    return tuple(f"{kind}.{fmt}" for fmt in RECORD_FORMATS)


DEDUP_OUTPUTS = (*records_files("documents"), *records_files("deduplicated"), SUMMARY_FILE,
                 SAMPLES_FILE, REPORT_FILE)
CLEAN_OUTPUTS = (*records_files("documents"), SUMMARY_FILE)
