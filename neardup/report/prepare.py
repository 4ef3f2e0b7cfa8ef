"""Turn a dedup output folder into the data the report page shows.

Everything here is plain data (no HTML): totals for the overview, the story list (largest
first, capped), a capped sample of texts with cleaning spans and word diffs, and the rejected
documents. :func:`prepare_report` returns a :class:`ReportData`; the template renders it and the
page's script renders the embedded story data page by page.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from neardup.progress import StageProgress
from neardup.report.diff import KeptDiffer, ops_to_utf16, utf16_offsets
from neardup.report.load import (
    DUPLICATE,
    KEPT,
    REJECTED,
    DocumentColumns,
    hash_id,
    iter_texts,
    read_columns,
    read_kept_texts,
    read_rows,
    read_summary,
    texts_path,
)

HISTOGRAM_BINS = 50
# characters of sampled texts held between the report's two looks at the sample (see
# _embedded_texts): the sample of 100,000 plain documents holds some 29 M
HELD_CHARS = 64_000_000


@dataclass(frozen=True)
class ReportLimits:
    """Caps that keep the report small and fast whatever the corpus size."""

    #: stories listed (largest first)
    max_stories: int = 2000
    #: copies listed per story (the rest are counted)
    max_copies: int = 500
    #: characters of text (raw + clean) embedded in the page, all documents together
    text_budget: int = 4_000_000
    #: characters kept of each embedded text
    text_cap: int = 20_000
    #: rejected documents listed (all are counted by reason)
    max_rejected: int = 5_000
    #: entries of the site / source-file filter
    max_filter_options: int = 500


@dataclass
class Story:
    """One story: ``members`` are document row numbers, the kept copy first (the first
    ``max_copies`` of its ``size`` copies, see :func:`group_stories`)."""

    kept: int
    members: list[int]
    size: int


@dataclass
class GroupedStories:
    """The stories of a run: the largest ones (``listed``), and how many there are of each
    size."""

    listed: list[Story]
    count: int
    multi_copy: int
    sizes: list[tuple[int, int]]  # (copies, stories), ascending by copies


@dataclass
class Span:
    """A removed span ``[start, end)`` of a raw text, with the cleaning reason."""

    start: int
    end: int
    reason: str


@dataclass
class ReportData:
    """Everything the template needs."""

    output: Path
    summary: dict[str, Any]
    counts: dict[str, int]
    chars: dict[str, int]
    removed_by_reason: list[dict[str, Any]]
    stories_by_size: list[tuple[int, int]]
    histogram: dict[str, Any]
    rejected_reasons: list[tuple[str, int]]
    page: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    texts_available: bool = False
    stats: dict[str, int] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# stories


def group_stories(columns: DocumentColumns, limit: int | None = None,
                  max_copies: int | None = None) -> GroupedStories:
    """Group the non-rejected documents by story (their ``cluster``), largest first; list the
    ``limit`` largest, each with its first ``max_copies`` members.

    Within a story the kept copy comes first (its first document of status ``kept``, else its
    first document), then the other copies in input order. Stories of equal size are ordered by
    the input position of their kept copy, so the order is deterministic. Sorting arrays, not
    grouping records, so that a million documents take a fraction of a second.
    """
    rows = np.flatnonzero(columns.status != REJECTED)
    if rows.size == 0:
        return GroupedStories([], 0, 0, [])
    keys = columns.story[rows]
    order = np.lexsort((rows, keys))  # by story, then input order
    rows, keys = rows[order], keys[order]
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    sizes = np.diff(np.append(starts, rows.size))
    positions = np.where(columns.status[rows] == KEPT, np.arange(rows.size), rows.size)
    first_kept = np.minimum.reduceat(positions, starts)
    kept = rows[np.where(first_kept < starts + sizes, first_kept, starts)]
    ranked = np.lexsort((kept, -sizes))
    if limit is not None:
        ranked = ranked[:max(0, limit)]
    cap = rows.size if max_copies is None else max(1, max_copies)
    listed = []
    for story in ranked.tolist():
        start, size, head = int(starts[story]), int(sizes[story]), int(kept[story])
        # the kept copy and the first others in input order: at most cap + 1 rows to look at
        others = [r for r in rows[start:start + min(size, cap + 1)].tolist() if r != head]
        listed.append(Story(head, [head, *others][:cap], size))
    counted, counts = np.unique(sizes, return_counts=True)
    return GroupedStories(listed, int(sizes.size), int((sizes > 1).sum()),
                          [(int(a), int(b)) for a, b in zip(counted, counts, strict=True)])


def stories_by_size(summary: dict[str, Any], stories: GroupedStories) -> list[tuple[int, int]]:
    """(copies, number of stories) pairs, ascending by copies: from ``summary.json`` when it has
    them, else counted from the documents."""
    recorded = summary.get("stories_by_size")
    if isinstance(recorded, dict) and recorded:
        return sorted((int(size), int(count)) for size, count in recorded.items())
    return stories.sizes


# --------------------------------------------------------------------------------------------
# spans and texts


def clip_spans(spans: Iterable[dict[str, Any]], length: int) -> list[Span]:
    """Removed spans usable on a text of ``length`` characters: clipped to the text (a raw text
    may have been cut), sorted, overlaps trimmed, empty spans dropped."""
    clean: list[Span] = []
    cursor = 0
    ordered = sorted(
        (int(s.get("start", 0)), int(s.get("end", 0)), str(s.get("reason") or "removed"))
        for s in spans if isinstance(s, dict))
    for start, end, reason in ordered:
        start = max(start, cursor, 0)
        end = min(end, length)
        if end <= start:
            continue
        clean.append(Span(start, end, reason))
        cursor = end
    return clean


def _cut(text: str | None, cap: int) -> tuple[str | None, bool]:
    if text is None or len(text) <= cap:
        return text, False
    return text[:cap], True


@dataclass
class _Text:
    raw: str | None
    text: str
    spans: list[Span]
    truncated: bool

    @property
    def cost(self) -> int:
        return len(self.text) + (len(self.raw) if self.raw is not None else 0)


def _sample_strings(record: dict[str, Any]) -> tuple[str, str | None] | None:
    """(text, raw text or None) of a sample record, its raw text standing for a missing
    clean one; None when it has neither."""
    text = record.get("text")
    raw = record.get("raw_text")
    raw = raw if isinstance(raw, str) else None
    if not isinstance(text, str):
        if raw is None:
            return None
        text = raw
    return text, raw


def _sample_text(record: dict[str, Any], cap: int) -> _Text | None:
    strings = _sample_strings(record)
    if strings is None:
        return None
    text, cut_text = _cut(strings[0], cap)
    raw, cut_raw = _cut(strings[1], cap)
    spans = clip_spans(record.get("removed") or [], len(raw)) if raw is not None else []
    if raw is not None and raw == text and not spans:
        raw = None  # nothing was cleaned away: embed the text once
    truncated = bool(record.get("truncated")) or cut_text or cut_raw
    assert text is not None
    return _Text(raw, text, spans, truncated)


def _sample_cost(record: dict[str, Any], cap: int) -> int | None:
    """``_sample_text(record, cap).cost`` (None for no text), without clipping the spans
    unless they decide it: for the costs of every sampled record, most never embedded."""
    strings = _sample_strings(record)
    if strings is None:
        return None
    text, raw = strings
    if raw is None:
        return min(len(text), cap)
    if raw[:cap] == text[:cap]:  # (embedded once or twice: as its spans say)
        item = _sample_text(record, cap)
        assert item is not None
        return item.cost
    return min(len(text), cap) + min(len(raw), cap)


def kept_similarities(columns: DocumentColumns) -> np.ndarray:
    """Each document's similarity to its kept copy; 1.0 where it has none (a kept copy)."""
    return np.nan_to_num(columns.similarity, nan=1.0)


def text_priority(similarity: np.ndarray, listed: Sequence[Sequence[int]],
                  rejected: Sequence[int], available: dict[int, Any]) -> list[int]:
    """Order in which texts are embedded (each list in ``listed`` is a story, kept copy first;
    ``similarity``: see :func:`kept_similarities`).

    First the kept copy and its least similar copy of every multi-copy story (so as many
    stories as possible can be compared, on their most telling pair), then the other copies
    of those stories, then the rejected documents, then single-copy stories.
    """
    first: list[int] = []
    rest: list[int] = []
    for rows in listed:
        if len(rows) < 2:
            continue
        kept, copies = rows[0], [r for r in rows[1:] if r in available]
        first.append(kept)
        if copies and kept in available:
            pick = min(copies, key=lambda row: float(similarity[row]))
            first.append(pick)
            rest.extend(r for r in rows[1:] if r != pick)
        else:
            rest.extend(rows[1:])
    singles = [rows[0] for rows in listed if len(rows) == 1]
    return first + rest + list(rejected) + singles


def select_texts(priority: Sequence[int], costs: dict[int, int], budget: int) -> list[int]:
    """The documents whose texts are embedded: in ``priority`` order while their texts (of
    ``costs`` characters) fit ``budget`` characters; a text that does not fit is skipped,
    smaller later ones may still fit."""
    chosen: list[int] = []
    taken: set[int] = set()
    used = 0
    for row in priority:
        cost = costs.get(row)
        if cost is None or row in taken or used + cost > budget:
            continue
        chosen.append(row)
        taken.add(row)
        used += cost
    return chosen


# --------------------------------------------------------------------------------------------
# the page data


class _Table:
    """Interning table: values → small integers, for compact embedded JSON."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.counts: Counter[int] = Counter()

    def add(self, value: str) -> int:
        number = self.index.setdefault(value, len(self.index))
        self.counts[number] += 1
        return number

    def values(self) -> list[str]:
        return list(self.index)

    def top(self, limit: int) -> list[int]:
        values = self.values()
        ranked = sorted(self.counts, key=lambda n: (-self.counts[n], values[n]))
        return ranked[:limit]


def split_source(source: str | None) -> tuple[str, str | None]:
    """``"news.jsonl:12"`` → ``("news.jsonl", "12")``; other sources are returned whole."""
    if not source:
        return "", None
    head, sep, tail = source.rpartition(":")
    if sep and head and tail.isdigit():
        return head, tail
    return source, None


def _round(value: Any) -> float | None:
    if isinstance(value, int | float) and not math.isnan(value):
        return round(float(value), 4)
    return None


def _doc_entry(doc: dict[str, Any], files: _Table, sites: _Table,
               story_title: str | None) -> dict[str, Any]:
    file_name, line = split_source(doc.get("source"))
    entry: dict[str, Any] = {"i": str(doc.get("id")), "f": files.add(file_name)}
    if line is not None:
        entry["l"] = line
    if doc.get("site"):
        entry["s"] = sites.add(str(doc["site"]))
    optional = {"d": doc.get("date"), "u": doc.get("url"),
                "j": _round(doc.get("similarity")), "c": _round(doc.get("containment")),
                "n": doc.get("chars"), "r": doc.get("chars_removed") or None,
                "x": doc.get("reason"), "w": doc.get("warnings") or None,
                # the story's center: the copy every member was verified against
                "m": 1 if doc.get("center") is not None and doc.get("center") == doc.get("id")
                else None}
    title = doc.get("title")
    if title and title != story_title:
        optional["t"] = title
    entry.update({k: v for k, v in optional.items() if v is not None})
    return entry


def _text_entry(item: _Text, reasons: _Table) -> dict[str, Any]:
    entry: dict[str, Any] = {"t": item.text}
    if item.raw is not None:
        entry["raw"] = item.raw
        offsets = utf16_offsets(item.raw, (x for s in item.spans for x in (s.start, s.end)))
        entry["rm"] = [[offsets[2 * k], offsets[2 * k + 1], reasons.add(s.reason)]
                       for k, s in enumerate(item.spans)]
    if item.truncated:
        entry["tr"] = 1
    return entry


def _counts(summary: dict[str, Any], columns: DocumentColumns,
            stories: GroupedStories) -> dict[str, int]:
    status = np.bincount(columns.status.astype(np.intp), minlength=REJECTED + 1)
    counts = {"read": len(columns), "kept": int(status[KEPT]),
              "duplicate": int(status[DUPLICATE]), "rejected": int(status[REJECTED]),
              "stories": stories.count, "multi_copy_stories": stories.multi_copy,
              "exact_duplicates": 0}
    recorded = summary.get("counts")
    if isinstance(recorded, dict):
        counts.update({k: int(v) for k, v in recorded.items() if isinstance(v, int | float)})
    return counts


def _histogram(summary: dict[str, Any], columns: DocumentColumns) -> dict[str, Any]:
    matching = summary.get("matching") or {}
    recorded = matching.get("similarity_histogram") or {}
    counts = recorded.get("counts")
    if isinstance(counts, list) and counts:
        return {"counts": [int(c) for c in counts], "threshold": recorded.get("threshold"),
                "measure": recorded.get("measure") or "jaccard",
                "what": "candidate pairs"}
    # No histogram recorded: similarities of the copies to their kept copy.
    values = columns.similarity[~np.isnan(columns.similarity)]
    bins = np.clip(values * HISTOGRAM_BINS, 0, HISTOGRAM_BINS - 1).astype(np.int64)
    threshold = (summary.get("options") or {}).get("threshold", matching.get("threshold"))
    return {"counts": np.bincount(bins, minlength=HISTOGRAM_BINS).tolist(),
            "threshold": threshold, "measure": "jaccard",
            "what": "copies vs. their kept copy"}


def _removals(by_reason: Any) -> list[dict[str, Any]] | None:
    """The removed characters by reason, most first, from ``RemovedTotals.by_reason()`` as
    ``summary.json`` records it (None when it does not)."""
    if not isinstance(by_reason, dict):
        return None
    rows = [{"reason": str(reason), "chars": int(totals.get("chars") or 0),
             "documents": int(totals.get("documents") or 0)}
            for reason, totals in by_reason.items() if isinstance(totals, dict)]
    return sorted(rows, key=lambda row: (-row["chars"], row["reason"]))


def _embedded_texts(output: Path, limits: ReportLimits, columns: DocumentColumns,
                    similarity: np.ndarray, listed: Sequence[Story], shown_rejected: list[int],
                    docs: dict[int, dict[str, Any]]) -> dict[int, _Text]:
    """The texts the page embeds, by row, in the order of their priority (see
    :func:`text_priority`, :func:`select_texts`); ``docs``: the listed documents' records."""
    wanted = [row for story in listed for row in story.members] + shown_rejected
    ids = {str(docs[row].get("id")): row for row in wanted}

    def row_of(doc_id: str, record: dict[str, Any]) -> int | None:
        """The row of a sample record: its number ``n`` (ids repeat: a rejected repeat
        shares its id with the document that kept it), by id in a sample without numbers."""
        number = record.get("n")
        if isinstance(number, int) and 0 <= number < len(columns) \
                and int(columns.id_hash[number]) == hash_id(doc_id):
            return number if number in docs else None  # (else a document not listed)
        return ids.get(doc_id)

    has_texts = texts_path(output) is not None
    # The sizes of the sampled texts first, then the chosen texts: from the records held on
    # the way while they are at most HELD_CHARS characters (the common case), else from a
    # second pass over the sample, so that memory stays bounded whatever the sample holds.
    costs: dict[int, int] = {}
    held: dict[int, dict[str, Any]] | None = {}
    held_chars = 0
    if has_texts:
        for doc_id, record in iter_texts(output, ids.__contains__):
            row = row_of(doc_id, record)
            if row is None:
                continue
            cost = _sample_cost(record, limits.text_cap)
            if cost is None or row in costs:
                continue
            costs[row] = cost
            if held is not None:
                held_chars += sum(len(record.get(k) or "") for k in ("text", "raw_text"))
                held[row] = record
                if held_chars > HELD_CHARS:
                    held = None
    # Kept copies missing from the sample, with another copy in it: their clean text is in
    # deduplicated.*, so the copy can still be compared.
    missing = {str(docs[story.kept].get("id")): story.kept for story in listed
               if story.kept not in costs and any(r in costs for r in story.members[1:])}
    chosen: dict[int, _Text] = {}
    if missing:
        for doc_id, text in read_kept_texts(output, set(missing)).items():
            cut, truncated = _cut(text, limits.text_cap)
            assert cut is not None
            chosen[missing[doc_id]] = _Text(None, cut, [], truncated)
            costs[missing[doc_id]] = len(cut)
    priority = text_priority(similarity, [story.members for story in listed], shown_rejected,
                             costs)
    selected = select_texts(priority, costs, limits.text_budget)
    keep = set(selected)
    chosen = {row: item for row, item in chosen.items() if row in keep}
    if held is not None:
        for row in selected:
            if row in held and row not in chosen:
                item = _sample_text(held[row], limits.text_cap)
                if item is not None:
                    chosen[row] = item
    elif has_texts:
        keep_ids = {str(docs[row].get("id")) for row in keep}
        for doc_id, record in iter_texts(output, keep_ids.__contains__):
            row = row_of(doc_id, record)
            if row is None or row not in keep or row in chosen:
                continue
            item = _sample_text(record, limits.text_cap)
            if item is not None:
                chosen[row] = item
    return {row: chosen[row] for row in selected if row in chosen}


def _story_entries(listed: Sequence[Story], docs: dict[int, dict[str, Any]],
                   chosen: dict[int, _Text], similarity: np.ndarray,
                   tables: tuple[_Table, _Table, _Table], advance: Callable[[int], None]
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]],
                              dict[str, dict[str, Any]], int]:
    """The page's story entries, document entries (with the differences of each copy to its
    kept copy) and embedded texts, and the number of differences; ``tables``: the files,
    sites and removal reasons the entries name by number."""
    files, sites, reasons = tables
    page_docs: list[dict[str, Any]] = []
    page_stories: list[dict[str, Any]] = []
    texts: dict[str, dict[str, Any]] = {}
    diffs = 0
    for story in listed:
        rows = story.members
        kept_doc = docs[story.kept]
        title = kept_doc.get("title")
        entry: dict[str, Any] = {"o": len(page_docs), "m": len(rows), "n": story.size}
        if title:
            entry["t"] = title
        if len(rows) > 1:
            entry["lo"] = round(float(similarity[rows[1:]].min()), 4)
        page_stories.append(entry)
        kept_text = chosen.get(story.kept)
        differ = KeptDiffer(kept_text.text) if kept_text is not None and len(rows) > 1 else None
        for row in rows:
            doc_entry = _doc_entry(docs[row], files, sites, title)
            item = chosen.get(row)
            if item is not None:
                texts[str(len(page_docs))] = _text_entry(item, reasons)
                if differ is not None and row != story.kept:
                    ops = differ.diff(item.text)
                    doc_entry["df"] = ops_to_utf16(differ.kept, item.text, ops)
                    diffs += 1
            page_docs.append(doc_entry)
        advance(1)
    return page_stories, page_docs, texts, diffs


def prepare_report(output: Path, limits: ReportLimits | None = None,
                   progress: StageProgress | None = None) -> ReportData:
    """Read ``output`` and compute everything the report shows (with ``progress``: a bar for
    reading the documents, one for the stories' texts and differences)."""
    limits = limits or ReportLimits()
    progress = progress or StageProgress(quiet=True)
    output = Path(output)
    summary = read_summary(output)
    removals = _removals(summary.get("removed_by_reason"))
    read = (summary.get("counts") or {}).get("read")
    with progress.stage("report: read documents",
                        read if isinstance(read, int) else None) as bar:
        # (the summary's sums spare reading every document's removed spans: ~20 a cleaned page)
        columns = read_columns(output, sum_spans=removals is None, advance=bar.advance)
    similarity = kept_similarities(columns)
    stories = group_stories(columns, limits.max_stories, limits.max_copies)
    listed = stories.listed
    rejected_rows = np.flatnonzero(columns.status == REJECTED)
    shown_rejected = rejected_rows[:max(0, limits.max_rejected)].tolist()

    wanted = [row for story in listed for row in story.members] + shown_rejected
    has_texts = texts_path(output) is not None
    with progress.stage("report: texts and differences", len(listed)) as bar:
        docs = read_rows(columns.path, wanted)  # the full records of the listed documents
        chosen = _embedded_texts(output, limits, columns, similarity, listed, shown_rejected,
                                 docs)
        files, sites, reasons = _Table(), _Table(), _Table()
        page_stories, page_docs, texts, diffs = _story_entries(
            listed, docs, chosen, similarity, (files, sites, reasons), bar.advance)
    page_rejected: list[dict[str, Any]] = []
    for row in shown_rejected:
        number = len(page_docs) + len(page_rejected)
        item = chosen.get(row)
        if item is not None:
            texts[str(number)] = _text_entry(item, reasons)
        page_rejected.append(_doc_entry(docs[row], files, sites, None))

    counts = _counts(summary, columns, stories)
    chars = {"clean": columns.chars, "removed": columns.chars_removed,
             "raw": columns.chars + columns.chars_removed}

    notes = []
    if stories.count > len(listed):
        notes.append(f"The story list shows the {len(listed):,} largest of {stories.count:,} "
                     "stories.")
    cut_stories = sum(1 for story in listed if len(story.members) < story.size)
    if cut_stories:
        notes.append(f"{cut_stories:,} stories have more than {limits.max_copies:,} copies; "
                     "only the first are listed.")
    if len(rejected_rows) > len(shown_rejected):
        notes.append(f"The rejected list shows {len(shown_rejected):,} of "
                     f"{len(rejected_rows):,} rejected documents (all are counted by reason).")
    if not has_texts:
        notes.append("Texts unavailable: this output has no report-texts.jsonl.gz, so the "
                     "side-by-side and cleaning views are empty.")
    else:
        notes.append(f"Texts are embedded for {len(chosen):,} of {len(columns):,} documents "
                     f"(each cut at {limits.text_cap:,} characters, "
                     f"{limits.text_budget:,} characters in all): first the kept copy and the "
                     "least similar copy of each listed story, then its other copies, then "
                     "rejected documents, then single copies.")
    site_values = sites.values()
    file_values = files.values()
    histogram = _histogram(summary, columns)
    page = {
        "stories": page_stories,
        "docs": page_docs,
        "rejected": page_rejected,
        "texts": texts,
        "sites": site_values,
        "files": file_values,
        "reasons": reasons.values(),
        "siteOptions": sites.top(limits.max_filter_options),
        "fileOptions": [n for n in files.top(limits.max_filter_options) if file_values[n]],
        "threshold": histogram.get("threshold"),
        "totalStories": stories.count,
        "pageSize": 50,
    }
    rejected_reasons = columns.rejected_reasons
    return ReportData(
        output=output, summary=summary, counts=counts, chars=chars,
        removed_by_reason=removals if removals is not None else
        _removals(columns.removed.by_reason()),
        stories_by_size=stories_by_size(summary, stories),
        histogram=histogram,
        rejected_reasons=sorted(rejected_reasons.items(), key=lambda kv: (-kv[1], kv[0])),
        page=page, notes=notes, texts_available=has_texts,
        stats={"documents": len(columns), "stories_listed": len(listed),
               "texts": len(chosen), "diffs": diffs,
               "text_chars": sum(item.cost for item in chosen.values())})
