"""``report-texts.jsonl.gz``: raw and clean texts of a capped sample of documents, for the
report's side-by-side and struck-through views (the full texts would make the report as large
as the corpus). The report lists the largest stories first and embeds, within its budget, the
kept copy and the least similar copy of each, then other copies, rejected documents and
single-copy stories; ``choose_samples`` picks those documents in the same order of priority
(in the main process, which knows the stories), so the sample stays small and holds what the
report shows. Workers encode them (``sample_record``); each text is cut at ``TEXT_CAP``
characters and flagged ``truncated``.
"""

from __future__ import annotations

import numpy as np

from neardup.document import Document, Span, span_dicts
from neardup.sketch.hashing import sort_unique
from neardup.write.records import dumps

TEXT_CAP = 20_000
MAX_STORIES = 2_000  # the report's default story list (``neardup report --max-stories``)
MORE_COPIES = 2  # per listed story, beyond the kept and the least similar copy
MAX_REJECTED = 2_000
MAX_SINGLETONS = 1_000


def choose_samples(kept: np.ndarray, active: np.ndarray, jaccard: np.ndarray) -> np.ndarray:
    """Document numbers of the sample, sorted. ``kept[i]``: number of document i's kept copy;
    ``active[i]``: not rejected; ``jaccard[i]``: similarity to its kept copy.

    For the ``MAX_STORIES`` largest stories (ties: earlier kept copy first, as the report
    orders them): the kept copy, the least similar copy and the first ``MORE_COPIES`` others
    in input order; then the first ``MAX_REJECTED`` rejected documents and the first
    ``MAX_SINGLETONS`` single-copy stories.
    """
    numbers = np.arange(kept.size)
    heads, sizes = _counts(kept[active])
    multi = sizes > 1
    order = np.lexsort((heads[multi], -sizes[multi]))[:MAX_STORIES]
    listed = heads[multi][order]
    members = numbers[active & np.isin(kept, listed)]
    copies = members[kept[members] != members]
    # least similar copy per story: sort by (story, similarity, number), first of each story
    by_similarity = copies[np.lexsort((copies, jaccard[copies], kept[copies]))]
    first_of_story = np.ones(by_similarity.size, dtype=bool)
    first_of_story[1:] = kept[by_similarity][1:] != kept[by_similarity][:-1]
    # the first MORE_COPIES copies of each story in input order (copies are sorted by number)
    by_story = copies[np.argsort(kept[copies], kind="stable")]
    starts = np.searchsorted(kept[by_story], kept[by_story])
    rank_in_story = np.arange(by_story.size) - starts
    singles = numbers[active & ~np.isin(kept, heads[multi])][:MAX_SINGLETONS]
    rejected = numbers[~active][:MAX_REJECTED]
    chosen = np.concatenate([listed, by_similarity[first_of_story],
                             by_story[rank_in_story < MORE_COPIES], singles, rejected])
    return sort_unique(chosen)


def _counts(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_counts=True)`` by a sort (see ``sort_unique``)."""
    ordered = np.sort(values)
    if ordered.size == 0:
        return ordered, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    return ordered[starts], np.diff(np.append(starts, ordered.size))


def sample_record(doc: Document, spans: list[Span]) -> bytes:
    """One JSON line of the sample (``spans``: the removed spans, see ``document.pack``)."""
    raw = doc.raw_text if doc.raw_text is not None else doc.text
    record = {
        "id": doc.id,
        # the document's number (its row in documents.*): ids are not unique, a rejected
        # repeat shares its id with the document that kept it
        "n": doc.index,
        # null when cleaning changed nothing: the report then shows the text once
        "raw_text": None if raw == doc.text else raw[:TEXT_CAP],
        "text": doc.text[:TEXT_CAP],
        "removed": span_dicts(spans, below=TEXT_CAP),
        "truncated": len(raw) > TEXT_CAP or len(doc.text) > TEXT_CAP,
    }
    return dumps(record) + b"\n"
