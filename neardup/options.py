"""All options of a dedup run, grouped by the stage that reads them (follow the data flow)."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Any

from neardup.cluster.policy import KEEP_POLICIES
from neardup.errors import UsageError
from neardup.read import ReadOptions
from neardup.validate import check_types
from neardup.write.names import RECORD_FORMATS

# More values per document buy no accuracy a user could see (the estimate's error falls as
# 1/sqrt(k), and candidates are verified on the sets), and k = 1M ran for minutes on one page.
MAX_NUM_PERM = 8192


@dataclass(frozen=True)
class SketchOptions:
    """sketch/: shingle size, MinHash size and seed."""

    ngram: int = 5  # word n-gram size (chosen by measurement, see README "Accuracy")
    num_perm: int = 128  # MinHash values per document (power of two)
    seed: int = 1

    def __post_init__(self) -> None:
        check_types(self)
        if self.ngram < 1:
            raise UsageError(f"ngram must be an integer >= 1, got {self.ngram!r}")
        if self.num_perm < 2 or self.num_perm & (self.num_perm - 1) \
                or self.num_perm > MAX_NUM_PERM:
            raise UsageError(f"num_perm must be a power of two from 2 to {MAX_NUM_PERM:,}, "
                             f"got {self.num_perm:,}")


# The shortest copy, relative to the page it sits in, that containment matching aims to find
# (a 400-word reprint inside a 1,500-word page is 0.27), and the size ratio up to which the
# short-copy banding's pairs are all kept and a copy counts as short.
SHORT_COPY_RATIO = 1 / 4
SHORT_COPY_MAX_RATIO = 0.5


def contained_jaccard(containment: float, ratio: float) -> float:
    """The lowest Jaccard of a copy S inside a page L with ``|S ∩ L| = containment·|S|`` and
    ``|S| = ratio·|L|``: ``c·ρ / (1 + ρ - c·ρ)``."""
    return containment * ratio / (1.0 + ratio - containment * ratio)


@dataclass(frozen=True)
class MatchOptions:
    """match/: which pairs are candidates, and which candidates are verified duplicates."""

    threshold: float = 0.7  # Jaccard of shingle sets at or above which two texts are copies
    containment: float | None = 0.8  # share of the shorter text inside the longer (None: off)
    min_containment_shingles: int = 50  # shorter texts than this never match by containment
    # Weight shingles by how prose-like their words are (sketch/weights.py): shared menus and
    # link lists count less than shared prose. Off: plain set overlaps.
    prose_weights: bool = True
    candidate_threshold: float | None = None  # LSH target; default: see ``lsh_threshold``
    max_bucket: int = 16  # LSH bucket size above which only neighbours are paired
    # with containment on, a second banding and a sampled index (match/sampled.py) for
    # short copies inside longer pages
    short_copies: bool = True

    def __post_init__(self) -> None:
        check_types(self)
        if not 0.0 < self.threshold <= 1.0:
            raise UsageError(f"threshold must be in (0, 1], got {self.threshold}")
        if self.containment is not None and not 0.0 < self.containment <= 1.0:
            raise UsageError(f"containment must be in (0, 1], got {self.containment}")
        if self.candidate_threshold is not None and not 0.0 < self.candidate_threshold < 1.0:
            raise UsageError("candidate_threshold must be in (0, 1), got "
                             f"{self.candidate_threshold}")
        if self.min_containment_shingles < 0:
            raise UsageError("min_containment_shingles must be >= 0, got "
                             f"{self.min_containment_shingles}")
        if self.max_bucket < 1:
            raise UsageError(f"max_bucket must be >= 1, got {self.max_bucket}")

    def lsh_threshold(self) -> float:
        """Jaccard level the main LSH banding aims at.

        Verification on the real sets removes false candidates, so the banding aims below the
        threshold: aimed at t itself, the S-curve would miss about 40 % of the pairs sitting
        right at t; aimed at 0.8·t it misses about 1 %. With containment on, at most 0.4.
        """
        if self.candidate_threshold is not None:
            return self.candidate_threshold
        if self.containment is None:
            return round(0.8 * self.threshold, 4)
        return min(round(0.8 * self.threshold, 4), 0.4)

    def short_copy_lsh_threshold(self) -> float | None:
        """Jaccard level of the second banding, for short copies inside longer pages (None:
        no such banding, containment or ``short_copies`` off).

        A copy S inside a page L with containment c and |S| = ρ·|L| has Jaccard at least
        ``contained_jaccard(c, ρ)``: this banding aims at that level for ρ =
        ``SHORT_COPY_RATIO`` (a reprint a quarter as long as the page; 0.19 for c = 0.8). Such a
        low target also proposes every pair of same-site pages that share page clutter, so its
        pairs are kept when the shorter set is at most ``SHORT_COPY_MAX_RATIO`` of the longer,
        and, up to the size ratio where the main banding takes over, when they collide in
        enough of its bands (``match/lsh.py``, ``ShortCopyBands``).
        """
        if self.containment is None or not self.short_copies:
            return None
        return round(min(0.8 * self.threshold,
                         contained_jaccard(self.containment, SHORT_COPY_RATIO)), 4)


@dataclass(frozen=True)
class DedupOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    clean: bool = True
    keep_captions: bool = False
    keep_comments: bool = False
    # the texts are already articles (an extractor's output): see CleanOptions.conservative
    conservative: bool = False
    sketch: SketchOptions = field(default_factory=SketchOptions)
    match: MatchOptions = field(default_factory=MatchOptions)
    keep: str = "complete"  # cluster/policy.py
    jobs: int = 0  # worker processes; 0 = all cores
    executor: str = "local"  # "local" (processes) or "ray" (tasks on a Ray cluster)
    ray_address: str | None = None  # None: start or join a local Ray instance
    shard_size: int = 256  # documents per unit of work sent to a worker
    output_format: str = "jsonl"
    quiet: bool = False
    report: bool = True
    # save the passes' progress in the output folder and take up an earlier run's (resume.py)
    resume: bool = False
    # write each kept copy's text as read (before cleaning) beside its clean text
    raw_text: bool = False

    def __post_init__(self) -> None:
        # (each group checked its own values when it was built)
        for name, group in (("read", ReadOptions), ("sketch", SketchOptions),
                            ("match", MatchOptions)):
            if not isinstance(getattr(self, name), group):
                raise UsageError(f"{name} must be a {group.__name__}, got "
                                 f"{type(getattr(self, name)).__name__}")
        check_types(self)
        if self.shard_size < 1:
            raise UsageError(f"shard_size must be >= 1, got {self.shard_size}")
        if self.keep not in KEEP_POLICIES:
            raise UsageError(f"keep must be one of {', '.join(KEEP_POLICIES)}, got {self.keep!r}")
        if self.output_format not in RECORD_FORMATS:
            raise UsageError(f"output_format must be jsonl or parquet, got {self.output_format!r}")
        if self.executor not in ("local", "ray"):
            raise UsageError(f"executor must be local or ray, got {self.executor!r}")
        if self.jobs < 0:
            raise UsageError(f"jobs must be >= 0, got {self.jobs}")

    @property
    def workers(self) -> int:
        """``jobs``, or with 0 the cores this process may run on (its CPU affinity: a job
        pinned to 4 of a machine's 64 cores, as schedulers and containers pin them, started 64
        processes on 4 cores)."""
        if self.jobs:
            return self.jobs
        if hasattr(os, "sched_getaffinity"):
            return len(os.sched_getaffinity(0)) or 1
        return os.cpu_count() or 1

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("quiet")
        return data
