"""Synthetic news corpus with known stories, for tests, benchmarks and the bundled example.

Each record is the text of a scraped news page::

    {"id": "d0000042", "text": "...", "url": "https://...", "date": "2016-03-14",
     "story": "s0000017", "site": "valleyherald3.com"}

``story`` is the ground truth: all pages that reprint one story share it. Around a story the
generator adds the noise real reprints carry (per-site template lines, sidebars, bylines,
datelines, house spelling styles, truncation, local paragraphs, pull quotes, sub-headings,
repeated bodies) and hard negatives (other stories of the same site, follow-ups on the same
event that share entities and a background paragraph).

Generation is streaming: documents are planned and shuffled in blocks of at most
:data:`BLOCK_DOCS`; every story (with all its copies) lives inside one block, follow-ups may
refer to events of the previous block. Memory does not grow with ``docs``. Output depends only on
the options: every random stream is seeded from ``(seed, purpose, ids)`` with Python's
``random.Random`` (Mersenne Twister, platform-independent).
"""

from __future__ import annotations

import bisect
import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import Any

from neardup.errors import UsageError

from . import words as W
from .edit import make_reprint
from .page import Site, dateline, make_site, render_page, url_for
from .text import Event, Story, headline_pool, make_event, make_story, pick

__all__ = [
    "BLOCK_DOCS",
    "EXAMPLE_OPTIONS",
    "EXAMPLE_PATH",
    "SynthOptions",
    "generate",
    "write_corpus",
]

BLOCK_DOCS = 2000
EPOCH = date(2012, 1, 1)
SPAN_DAYS = 12 * 365


@dataclass(frozen=True)
class SynthOptions:
    """Knobs of the synthetic corpus.

    ``duplicate_fraction`` is the share of documents that are copies of another document's story
    (an original plus ``k - 1`` copies per duplicated story, ``k`` in ``[copies_min, copies_max]``
    drawn with a skew toward small sizes). ``boilerplate`` scales page clutter (0 = clean
    "title + body" text), ``variants`` scales edit noise on copies, ``hard_negatives`` is the share
    of singleton stories that are follow-ups on another story's event.
    """

    docs: int = 1000
    seed: int = 0
    duplicate_fraction: float = 0.3
    copies_min: int = 2
    copies_max: int = 20
    boilerplate: float = 1.0
    variants: float = 1.0
    sites: int = 50
    mean_paragraphs: int = 10
    hard_negatives: float = 0.1

    def validate(self) -> None:
        """Raise ``UsageError`` (a ``ValueError``) on impossible settings."""
        if self.docs < 0:
            raise UsageError("docs must be >= 0")
        if not 0.0 <= self.duplicate_fraction < 1.0:
            raise UsageError("duplicate_fraction must be in [0, 1)")
        if not 2 <= self.copies_min <= self.copies_max:
            raise UsageError("need 2 <= copies_min <= copies_max")
        if self.boilerplate < 0 or self.variants < 0:
            raise UsageError("boilerplate and variants must be >= 0")
        if self.sites < 1:
            raise UsageError("sites must be >= 1")
        if self.mean_paragraphs < 1:
            raise UsageError("mean_paragraphs must be >= 1")
        if not 0.0 <= self.hard_negatives <= 1.0:
            raise UsageError("hard_negatives must be in [0, 1]")


#: Options of the bundled ``examples/news.jsonl`` (regenerate with ``write_corpus``).
EXAMPLE_OPTIONS = SynthOptions(
    docs=400,
    seed=2024,
    duplicate_fraction=0.35,
    copies_min=2,
    copies_max=12,
    boilerplate=1.0,
    variants=1.0,
    sites=12,
    mean_paragraphs=6,
    hard_negatives=0.15,
)
EXAMPLE_PATH = "examples/news.jsonl"

# Purposes for seeding independent random streams.
_SITE, _HEAD, _PLAN, _EVENT, _STORY, _DOC = range(6)
_MASK = (1 << 64) - 1


def _rng(seed: int, purpose: int, a: int = 0, b: int = 0) -> Random:
    # Random(int) seeds MT19937 from all 32-bit words of the integer: distinct tuples give
    # distinct streams, identically on every platform and Python version.
    key = ((seed & _MASK) << 128) | (purpose << 120) | ((a & _MASK) << 48) | (b & 0xFFFF_FFFF_FFFF)
    return Random(key)


@dataclass(slots=True)
class _Plan:
    sid: int
    sites: list[int]  # site of each copy; index 0 is the original
    parent: int | None  # for follow-ups: sid of the story whose event it continues


def _cluster_cdf(cmin: int, cmax: int) -> list[float]:
    acc, out = 0.0, []
    for k in range(cmin, cmax + 1):
        acc += 1.0 / (k - cmin + 1) ** 1.6
        out.append(acc)
    return [x / acc for x in out]


def _block_sizes(n: int) -> list[int]:
    blocks = max(1, -(-n // BLOCK_DOCS))
    q, rem = divmod(n, blocks)
    return [q + (i < rem) for i in range(blocks)] if n else []


def _plan_block(
    o: SynthOptions, n: int, rng: Random, first_sid: int, cdf: list[float], parents: list[int]
) -> list[_Plan]:
    r = rng.random
    target = round(o.duplicate_fraction * n)
    sizes: list[int] = []
    used = copies = 0
    while copies < target:
        k = o.copies_min + bisect.bisect_left(cdf, r())
        k = max(o.copies_min, min(k, target - copies + 1))
        if used + k > n:
            k = n - used
            if k < o.copies_min:
                break
        sizes.append(k)
        used += k
        copies += k - 1
    singles = n - used
    followups = round(o.hard_negatives * singles)
    plans: list[_Plan] = []
    sid = first_sid
    site_ids = range(o.sites)
    for k in sizes:
        chosen = rng.sample(site_ids, min(k, o.sites))
        chosen += [int(r() * o.sites) for _ in range(k - len(chosen))]
        plans.append(_Plan(sid, chosen, None))
        sid += 1
    for _ in range(singles - followups):
        plans.append(_Plan(sid, [int(r() * o.sites)], None))
        sid += 1
    candidates = [p.sid for p in plans] + parents
    by_sid = {p.sid: p for p in plans}
    for _ in range(followups):
        if not candidates:
            plans.append(_Plan(sid, [int(r() * o.sites)], None))
        else:
            parent = candidates[int(r() * len(candidates))]
            home = by_sid[parent].sites[0] if parent in by_sid else -1
            site = home if home >= 0 and r() < 0.5 else int(r() * o.sites)
            plans.append(_Plan(sid, [site], parent))
        sid += 1
    return plans


class _Corpus:
    """Per-run state: sites, headline pool, and the bounded caches of events and stories."""

    def __init__(self, o: SynthOptions) -> None:
        self.o = o
        self.sites: list[Site] = [make_site(i, _rng(o.seed, _SITE, i)) for i in range(o.sites)]
        self.headlines = headline_pool(_rng(o.seed, _HEAD), 1500)
        self.events: dict[int, Event] = {}
        self.stories: dict[int, Story] = {}
        self.plans: dict[int, _Plan] = {}

    def event(self, eid: int) -> Event:
        ev = self.events.get(eid)
        if ev is None:
            ev = make_event(eid, _rng(self.o.seed, _EVENT, eid), EPOCH, SPAN_DAYS)
            self.events[eid] = ev
        return ev

    def story(self, sid: int) -> Story:
        st = self.stories.get(sid)
        if st is None:
            plan = self.plans[sid]
            eid = sid if plan.parent is None else self.story(plan.parent).event.eid
            rng = _rng(self.o.seed, _STORY, sid)
            st = make_story(sid, self.event(eid), rng, self.o.mean_paragraphs, plan.parent)
            st.home_site = plan.sites[0]
            r = rng.random
            st.extra["author"] = f"{pick(W.FIRST_NAMES, r)} {pick(W.LAST_NAMES, r)}"
            self.stories[sid] = st
        return st

    def retire(self, keep: list[int]) -> None:
        """Forget everything of the finished block except the stories in ``keep``."""
        self.stories = {s: self.stories[s] for s in keep if s in self.stories}
        self.plans = {s: self.plans[s] for s in keep}
        eids = {st.event.eid for st in self.stories.values()}
        self.events = {e: self.events[e] for e in sorted(eids)}

    def render(self, plan: _Plan, copy: int, doc_no: int, meta: bool) -> dict[str, Any]:
        o = self.o
        st = self.story(plan.sid)
        ev = st.event
        site = self.sites[plan.sites[copy]]
        rng = _rng(o.seed, _DOC, plan.sid, copy)
        r, g = rng.random, rng.getrandbits
        rep = make_reprint(
            st,
            site_name=site.name,
            home_city=site.home_city,
            dateline=dateline(ev.city, ev.country, ev.wire, site.dateline_format),
            variants=o.variants,
            boilerplate=o.boilerplate,
            r=r,
            g=g,
            is_copy=copy > 0,
        )
        title = site.style(rep.title)
        body = site.style("\x00".join(rep.paragraphs)).split("\x00")
        day = st.day + timedelta(days=int(r() * 3)) if copy else st.day
        author = st.extra["author"]
        if ev.wire == "AP" and not site.byline_staff:
            byline = "By Associated Press" if r() < 0.6 else f"By {author}, Associated Press"
        elif ev.wire == "Reuters":
            byline = f"By {author} | Reuters" if r() < 0.5 else "By Reuters"
        elif site.byline_staff:
            byline = f"By {author}, {site.name} staff"
        else:
            byline = f"By {author}"
        text = render_page(
            site=site,
            title=title,
            byline=byline,
            day=day,
            paragraphs=body,
            clutter=rep.clutter,
            headlines=self.headlines,
            caption_pools=ev.pools,
            r=r,
            g=g,
        )
        rec: dict[str, Any] = {
            "id": f"d{doc_no:07d}",
            "text": text,
            "url": url_for(site, day, rep.title, doc_no, pick(W.SECTIONS, r)),
            "date": day.isoformat(),
            "story": f"s{plan.sid:07d}",
            "site": site.domain,
        }
        if meta:
            kind = "followup" if plan.parent is not None else (
                ("original" if copy == 0 else "copy") if len(plan.sites) > 1 else "singleton"
            )
            rec["meta"] = {
                "kind": kind,
                "event": f"s{ev.eid:07d}",
                "copy": copy,
                "copies": len(plan.sites),
                "edits": rep.edits,
                "title": title,
                "style": site.style_desc,
            }
        return rec


def generate(options: SynthOptions, *, with_meta: bool = False) -> Iterator[dict[str, Any]]:
    """Yield the corpus records lazily, in shuffled order.

    Records have ``id``, ``text``, ``url``, ``date``, ``story`` and ``site``. With
    ``with_meta=True`` each also gets a ``meta`` dict (kind: original/copy/singleton/followup,
    the event's story id, applied edits, ...), for tests and evaluation.
    """
    options.validate()
    corpus = _Corpus(options)
    cdf = _cluster_cdf(options.copies_min, options.copies_max)
    next_sid = 0
    doc_no = 0
    parents: list[int] = []
    for b, n in enumerate(_block_sizes(options.docs)):
        rng = _rng(options.seed, _PLAN, b)
        plans = _plan_block(options, n, rng, next_sid, cdf, parents)
        next_sid += len(plans)
        corpus.plans.update({p.sid: p for p in plans})
        slots = [(p, c) for p in plans for c in range(len(p.sites))]
        rng.shuffle(slots)
        for plan, copy in slots:
            yield corpus.render(plan, copy, doc_no, with_meta)
            doc_no += 1
        # Events of this block that the next block's follow-ups may continue (bounded).
        roots = [p.sid for p in plans if p.parent is None]
        parents = [roots[int(rng.random() * len(roots))] for _ in range(min(32, len(roots)))]
        parents = sorted(set(parents))
        corpus.retire(parents)


_encode_str = json.encoder.encode_basestring_ascii  # type: ignore[attr-defined]


def dumps_record(rec: dict[str, Any]) -> str:
    """Exactly ``json.dumps(rec)`` (ASCII, ``\\uXXXX`` escapes) for flat string records, faster.

    ASCII output is also the faster C path (non-ASCII output is ~3x slower in CPython).
    """
    if all(type(v) is str for v in rec.values()):
        return "{" + ", ".join(f"{_encode_str(k)}: {_encode_str(v)}" for k, v in rec.items()) + "}"
    return json.dumps(rec)


def write_corpus(path: str | Path, options: SynthOptions) -> int:
    """Write the corpus as JSON Lines (gzip-compressed if ``path`` ends in ``.gz``).

    Output is byte-identical for identical options (gzip header has no name and mtime 0).
    Returns the number of records written.
    """
    options.validate()  # before the file is opened: a bad option must not empty it
    path = Path(path)
    if not path.name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):  # what neardup reads back
        raise UsageError(f"{path}: synth writes .jsonl or .jsonl.gz (JSON Lines, gzip or not)")
    path.parent.mkdir(parents=True, exist_ok=True)  # as dedup makes its --output folder
    count = 0
    with open(path, "wb") as raw:
        gz = None
        if path.name.endswith(".gz"):
            gz = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=1)
        out = io.TextIOWrapper(gz if gz is not None else raw, encoding="utf-8", newline="\n")
        buf: list[str] = []
        for rec in generate(options):
            buf.append(dumps_record(rec))
            count += 1
            if len(buf) >= 512:
                out.write("\n".join(buf) + "\n")
                buf.clear()
        if buf:
            out.write("\n".join(buf) + "\n")
        out.flush()
        out.detach()
        if gz is not None:
            gz.close()
    return count

