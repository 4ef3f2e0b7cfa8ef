"""Write small (and, for measurements, large) dedup output folders for the report tests.

The folders have the files and record shapes ``neardup dedup`` writes: ``documents.jsonl``
(or ``.parquet``), ``deduplicated.jsonl``, ``summary.json`` and ``report-texts.jsonl.gz``.
All texts are synthetic.
"""

from __future__ import annotations

import gzip
import json
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HEADER = "Home | News | Sports | Weather | Contact\nSign in  Subscribe\n"
FOOTER = "\nShare this article: Facebook Twitter Email\n© 2024 {site}. All rights reserved.\n"

STORIES: list[tuple[str, list[str]]] = [
    ("Storm knocks out power to thousands in valley", [
        "A powerful storm swept through the valley on Monday night, knocking out power to more "
        "than twelve thousand homes and businesses.",
        "Utility crews worked through the night to restore service, the company said in a "
        "statement on Tuesday morning.",
        "Winds of up to ninety kilometres an hour brought down trees and power lines across "
        "the northern districts.",
        "Schools in three towns were closed for the day while roads were cleared of debris.",
        "Forecasters expect calmer weather for the rest of the week, with light rain on "
        "Thursday.",
        "Residents were asked to report fallen lines and to stay away from them.",
    ]),
    ("City council approves new budget for parks", [
        "The city council voted seven to two on Wednesday to approve a new budget that doubles "
        "spending on public parks.",
        "The plan includes new playgrounds, longer opening hours for swimming pools and the "
        "restoration of the old botanical garden.",
        "Opponents argued that the money would be better spent on road repairs and public "
        "transport.",
        "The mayor said the first projects would start in the spring and be finished before "
        "the summer holidays.",
        "Residents will be able to vote online for the park that gets the first upgrade.",
    ]),
    ("Local bakery wins regional bread award", [
        "A family bakery on Mill Street has won the regional award for the best sourdough "
        "bread for the second year running.",
        "The judges praised the crust and the open crumb of the loaf, which is baked in a "
        "wood-fired oven built in 1921.",
        "The owner said the secret was patience: the dough rests for thirty hours before it "
        "is baked.",
        "Queues outside the shop have grown longer since the news was announced on Friday.",
    ]),
]

SINGLES: list[tuple[str, str]] = [
    ("School board delays vote on new calendar",
     "The school board postponed its vote on the new school calendar after parents asked "
     "for more time to comment on the proposal. A new date will be announced next week."),
    ("Police investigate break-in at downtown store",
     "Police are investigating a break-in at an electronics store downtown early on Sunday. "
     "Nobody was injured, and officers are reviewing footage from nearby cameras."),
    ("Hospital opens new wing for children",
     "The regional hospital opened a new children's wing on Thursday with forty beds, a "
     "play area and rooms where parents can stay overnight. Cafés nearby ☕ welcomed it 🎉."),
    ("Bridge repairs to close highway lanes",
     "Two lanes of the highway will close for six weeks from Monday while crews repair the "
     "bridge over the river, the transport department said."),
]

SITES = ["valleynews.example", "metro.example", "dailypost.example", "coastherald.example",
         "ruralwire.example"]

#: the rejected documents: (id, raw text, reason)
REJECTED: list[tuple[str, str, str]] = [
    ("rej-short", "Click here", "too short"),
    ("rej-binary", "\x00\x01PK\x03\x04 binary junk", "not text"),
]


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    """Word ``n``-grams of ``text`` (lowercase)."""
    words = text.lower().split()
    return {tuple(words[k:k + n]) for k in range(max(1, len(words) - n + 1))}


def jaccard(a: str, b: str) -> float:
    """Jaccard similarity of the word 5-gram sets of two texts."""
    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y) if x | y else 1.0


def containment(a: str, b: str) -> float:
    """Share of the shorter text's 5-grams found in the other text."""
    x, y = shingles(a), shingles(b)
    small = x if len(x) <= len(y) else y
    return len(x & y) / len(small) if small else 1.0


@dataclass
class _Doc:
    id: str
    source: str
    site: str
    title: str
    text: str
    raw: str
    removed: list[dict[str, Any]]
    date: str
    status: str = "kept"
    cluster: int = 0
    duplicate_of: str | None = None
    similarity: float | None = None
    containment: float | None = None
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)


def _page(text: str, site: str) -> tuple[str, list[dict[str, Any]]]:
    """Raw page text around ``text`` and the spans cleaning removed."""
    footer = FOOTER.format(site=site)
    raw = HEADER + text + footer
    removed = [{"start": 0, "end": len(HEADER), "reason": "navigation"},
               {"start": len(HEADER) + len(text), "end": len(raw), "reason": "boilerplate"}]
    return raw, removed


def _variants(sentences: Sequence[str], copies: int) -> list[str]:
    """The kept text (all sentences) and copies with a sentence dropped, a sentence inserted,
    a changed word, or identical."""
    full = " ".join(sentences)
    out = [full]
    for k in range(1, copies):
        kind = k % 4
        if kind == 1:  # drop the last sentence
            out.append(" ".join(sentences[:-1]))
        elif kind == 2:  # insert a sentence
            extra = "A spokesperson declined to comment further on the matter."
            out.append(" ".join([*sentences[:2], extra, *sentences[2:]]))
        elif kind == 3:  # change a few words
            out.append(full.replace("on Monday", "late on Monday").replace(
                "Wednesday", "Tuesday").replace("Friday", "Saturday"))
        else:  # exact copy
            out.append(full)
    return out


def small_corpus(sizes: Sequence[int] = (5, 3, 2)) -> list[_Doc]:
    """Documents of a small run: stories of ``sizes`` copies, four singletons, two rejected."""
    docs: list[_Doc] = []
    line = 0

    def add(doc_id: str, site: str, title: str, text: str, date: str) -> _Doc:
        nonlocal line
        line += 1
        raw, removed = _page(text, site)
        doc = _Doc(doc_id, f"feeds/news.jsonl:{line}", site, title, text, raw, removed, date)
        docs.append(doc)
        return doc

    story_docs: list[list[_Doc]] = []
    for number, ((title, sentences), size) in enumerate(zip(STORIES, sizes, strict=False)):
        members = []
        for k, text in enumerate(_variants(sentences, size)):
            site = SITES[(number + k) % len(SITES)]
            members.append(add(f"s{number}-c{k}", site, title, text, f"2024-03-{10 + k:02d}"))
        story_docs.append(members)
    for k, (title, text) in enumerate(SINGLES):
        add(f"single-{k}", SITES[k % len(SITES)], title, text, f"2024-04-{k + 1:02d}")
    for doc_id, raw, reason in REJECTED:
        line += 1
        docs.append(_Doc(doc_id, f"feeds/news.jsonl:{line}", "", "", "", raw, [], "",
                         status="rejected", reason=reason))
    # Interleave: input order is not story order.
    order = list(range(len(docs)))
    random.Random(7).shuffle(order)
    docs = [docs[k] for k in order]
    position = {id(doc): k for k, doc in enumerate(docs)}
    for members in story_docs:
        kept = members[0]
        for doc in members:
            doc.cluster = position[id(kept)]
            if doc is not kept:
                doc.status = "duplicate"
                doc.duplicate_of = kept.id
                doc.similarity = round(jaccard(kept.text, doc.text), 6)
                doc.containment = round(containment(kept.text, doc.text), 6)
    for doc in docs:
        if doc.status != "duplicate":
            doc.cluster = position[id(doc)]
    return docs


def _document_record(doc: _Doc) -> dict[str, Any]:
    return {
        "id": doc.id, "source": doc.source, "status": doc.status, "cluster": doc.cluster,
        "duplicate_of": doc.duplicate_of, "similarity": doc.similarity,
        "containment": doc.containment, "reason": doc.reason,
        "url": f"https://{doc.site}/{doc.id}" if doc.site else None,
        "site": doc.site or None, "date": doc.date or None, "title": doc.title or None,
        "chars": len(doc.text),
        "chars_removed": sum(s["end"] - s["start"] for s in doc.removed),
        "removed": doc.removed, "warnings": doc.warnings,
    }


def write_output(out: Path, docs: Sequence[_Doc], *, fmt: str = "jsonl", texts: bool = True,
                 text_cap: int = 20_000, caps: tuple[int, int, int] = (20_000, 2_000, 2_000),
                 threshold: float = 0.7) -> Path:
    """Write a dedup output folder for ``docs``; returns ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    records = [_document_record(doc) for doc in docs]
    sizes = Counter(doc.cluster for doc in docs if doc.status != "rejected")
    members: dict[int, list[str]] = {}
    for doc in docs:
        if doc.status != "rejected":
            members.setdefault(doc.cluster, []).append(doc.id)
    kept_records = [{
        "id": doc.id, "text": doc.text, "url": f"https://{doc.site}/{doc.id}", "date": doc.date,
        "title": doc.title, "byline": None, "dateline": None, "site": doc.site,
        "source": doc.source, "cluster": doc.cluster, "copies": members[doc.cluster],
        "metadata": {}} for doc in docs if doc.status == "kept"]
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        for record in records:
            record["removed"] = json.dumps(record["removed"])
        for record in kept_records:
            record["metadata"] = json.dumps(record["metadata"])
        pq.write_table(pa.Table.from_pylist(records), out / "documents.parquet")
        pq.write_table(pa.Table.from_pylist(kept_records), out / "deduplicated.parquet")
    else:
        for name, rows in (("documents", records), ("deduplicated", kept_records)):
            with (out / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
                for row in rows:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    histogram = [0] * 50
    for doc in docs:
        if doc.similarity is not None:
            histogram[min(49, int(doc.similarity * 50))] += 1
    status = Counter(doc.status for doc in docs)
    summary = {
        "counts": {"read": len(docs), "kept": status["kept"], "duplicate": status["duplicate"],
                   "rejected": status["rejected"], "stories": len(sizes),
                   "exact_duplicates": sum(1 for d in docs if d.similarity == 1.0)},
        "stories_by_size": {str(s): c for s, c in sorted(Counter(sizes.values()).items())},
        "matching": {"lsh_threshold": 0.5, "bands": 16, "rows": 8,
                     "candidate_pairs": sum(histogram) + 3, "verified_pairs": sum(histogram),
                     "similarity_histogram": {"measure": "jaccard", "bins": 50,
                                              "counts": histogram, "threshold": threshold}},
        "options": {"threshold": threshold, "ngram": 5, "keep": "longest"},
        "timings_seconds": {"read": 0.01, "match": 0.02, "write": 0.01},
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    if texts:
        taken = Counter()
        with gzip.GzipFile(out / "report-texts.jsonl.gz", "wb", mtime=0) as handle:
            for doc in docs:
                kind = ("rejected" if doc.status == "rejected" else
                        "story" if sizes[doc.cluster] > 1 else "single")
                cap = {"story": caps[0], "rejected": caps[1], "single": caps[2]}[kind]
                if taken[kind] >= cap:
                    continue
                taken[kind] += 1
                record = {"id": doc.id, "raw_text": doc.raw[:text_cap],
                          "text": doc.text[:text_cap],
                          "removed": [s for s in doc.removed if s["start"] < text_cap],
                          "truncated": len(doc.raw) > text_cap or len(doc.text) > text_cap}
                handle.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    return out


def make_output(out: Path, **options: Any) -> Path:
    """A small realistic output folder (stories of 5, 3 and 2 copies, four singletons, two
    rejected documents); ``options`` go to :func:`write_output`."""
    return write_output(out, small_corpus(), **options)


_WORDS = ("the council storm power city river school police market bridge said would "
          "after before years people report plans local region water week new first last "
          "officials residents minister company workers prices road budget health team match "
          "season court judge rain heat fire village farmers election vote museum festival").split()


def large_corpus(n_docs: int, seed: int = 1, duplicate_fraction: float = 0.3,
                 copies_max: int = 20, sentences: int = 18) -> list[_Doc]:
    """``n_docs`` synthetic documents for size and speed measurements: ~2.5 kB texts,
    ``duplicate_fraction`` of them in stories of 2..``copies_max`` copies, 1% rejected."""
    rng = random.Random(seed)
    docs: list[_Doc] = []
    story_of: list[int] = []
    while len(docs) < n_docs:
        number = len(story_of)
        title = " ".join(rng.choice(_WORDS) for _ in range(6)).capitalize()
        body = [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(12, 25))).capitalize()
                + "." for _ in range(sentences)]
        size = rng.randint(2, copies_max) if rng.random() < duplicate_fraction / 4 else 1
        for copy in range(min(size, n_docs - len(docs))):
            text_sentences = list(body)
            if copy:
                del text_sentences[rng.randrange(len(text_sentences))]
                text_sentences.insert(rng.randrange(len(text_sentences)), "Read more below.")
            site = SITES[rng.randrange(len(SITES))] if copy else SITES[number % len(SITES)]
            text = " ".join(text_sentences)
            raw, removed = _page(text, site)
            line = len(docs) + 1
            docs.append(_Doc(f"d{line}", f"crawl/part-{line % 8}.jsonl:{line}", site, title,
                             text, raw, removed, f"2024-{1 + number % 12:02d}-01"))
            story_of.append(number)
    for k in range(0, n_docs, 100):  # 1% rejected
        doc = docs[k]
        doc.status, doc.reason, doc.text = "rejected", "too short", ""
    first: dict[int, int] = {}
    for k, doc in enumerate(docs):
        if doc.status == "rejected":
            doc.cluster = k
            continue
        head = first.setdefault(story_of[k], k)
        doc.cluster = head
        if head != k:
            doc.status, doc.duplicate_of = "duplicate", docs[head].id
            doc.similarity = doc.containment = round(0.75 + 0.2 * rng.random(), 6)
    return docs
