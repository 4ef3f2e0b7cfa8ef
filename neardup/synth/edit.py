"""Edit noise that turns a story into a reprint: truncation, local angles, pull quotes,
sub-headings, repeated bodies, alias/spelling variants and word substitutions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import words as W
from .text import LOCAL, SUBHEADS, Bits, Rand, Story, pad, paragraph, pick

_SYN = tuple(
    (re.compile(rf"\b{a}\b"), b) for pair in W.SYNONYMS for a, b in (pair, pair[::-1])
)
_ALIAS = tuple((g[0], g[i]) for g in W.ALIAS_GROUPS for i in range(1, len(g)))
_LOCAL_ORGS = ("City Council", "Chamber of Commerce", "Community Foundation", "school board")
_TITLE_SUFFIX = (" - {site}", " | {site}", " – {site}")
_TITLE_PREFIX = ("UPDATE: ", "UPDATED: ", "BREAKING: ", "WATCH: ", "")


@dataclass(slots=True)
class Reprint:
    """A story as one site prints it (before page assembly)."""

    title: str
    paragraphs: list[str]
    clutter: float
    edits: list[str] = field(default_factory=list)


def _p(base: float, strength: float) -> float:
    return min(0.95, base * strength)


def make_reprint(
    story: Story,
    *,
    site_name: str,
    home_city: str,
    dateline: str,
    variants: float,
    boilerplate: float,
    r: Rand,
    g: Bits,
    is_copy: bool,
) -> Reprint:
    """Apply per-copy edits controlled by ``variants`` (originals get none)."""
    paras = list(story.paragraphs)
    title = story.title
    edits: list[str] = []
    clutter = boilerplate
    quotes = list(story.quotes)
    v = variants if is_copy else 0.0
    n = len(paras)
    if v > 0:
        x = r()
        if x < _p(0.06, v) and n >= 5:
            keep = max(2, round(n * (0.3 + 0.1 * r())))
            paras = paras[:keep]
            clutter = boilerplate * (3.0 + 2.0 * r())
            edits.append(f"short:{keep}/{n}")
        elif x < _p(0.3, v) and n >= 4:
            keep = max(3, round(n * (0.55 + 0.35 * r())))
            paras = paras[:keep]
            edits.append(f"truncate:{keep}/{n}")
        if r() < _p(0.2, v) and len(paras) >= 4:
            i = 1 + int(r() * (len(paras) - 1))
            del paras[i]
            quotes = [(j - (j > i), q, w) for j, q, w in quotes if j != i]
            edits.append(f"drop:{i}")
        if r() < _p(0.15, v):
            pools = dict(story.event.pools)
            pools["HC"] = pad((home_city,))
            role = f"{pick(W.TITLES, r)} the {home_city} {pick(_LOCAL_ORGS, r)}"
            pools["LP"] = pad((f"{pick(W.FIRST_NAMES, r)} {pick(W.LAST_NAMES, r)}, {role}",))
            local = " ".join(LOCAL[int(r() * len(LOCAL))].fast(pools, g) for _ in range(2))
            extra = [local]
            if r() < 0.5:
                extra.append(paragraph(story.event, r, g, pools=pools))
            at = min(len(paras), 2 + int(r() * len(paras)))
            paras[at:at] = extra
            quotes = [(j + len(extra) if j >= at else j, q, w) for j, q, w in quotes]
            edits.append(f"local:{at}")
        if quotes and r() < _p(0.2, v):
            j, q, who = quotes[int(r() * len(quotes))]
            if 0 < j < len(paras):
                # One block, so page clutter never lands between quote and paragraph.
                sep = "\n" if boilerplate > 0 else "\n\n"
                paras[j] = f'"{q}."{sep}— {who}{sep}{paras[j]}'

                edits.append(f"pullquote:{j}")
        if r() < _p(0.15, v) and len(paras) >= 5:
            for _ in range(1 + int(r() * 3)):
                at = 2 + int(r() * (len(paras) - 2))
                paras.insert(at, pick(SUBHEADS, r))
            edits.append("subheads")
        if r() < _p(0.1, v) and len(paras) >= 3:
            i = int(r() * (len(paras) - 1))
            paras[i : i + 2] = [paras[i] + " " + paras[i + 1]]
            edits.append(f"merge:{i}")
        if r() < _p(0.35, v):
            k = 1 + int(r() * 5 * min(v, 3.0))
            for _ in range(k):
                i = int(r() * len(paras))
                rx, b = _SYN[int(r() * len(_SYN))]
                paras[i] = rx.sub(b, paras[i], count=1)
            edits.append(f"synonyms:{k}")
        if r() < _p(0.3, v):
            a, b = _ALIAS[int(r() * len(_ALIAS))]
            paras = [p.replace(a, b) for p in paras]
            edits.append(f"alias:{a}->{b}")
        if r() < _p(0.3, v):
            x = r()
            if x < 0.4:
                title = title + pick(_TITLE_SUFFIX, r).format(site=site_name)
            elif x < 0.7:
                title = pick(_TITLE_PREFIX, r) + title
            else:
                title = " ".join(w[:1].upper() + w[1:] for w in title.split())
            edits.append("title")
        if r() < _p(0.04, v):
            paras = paras + paras
            edits.append("repeat")
        if paras == story.paragraphs and title == story.title:
            # Every copy differs somehow: trim the closing sentence (or paragraph).
            last = paras[-1]
            cut = last.rfind(". ")
            if cut > 0:
                paras[-1] = last[: cut + 1]
            elif len(paras) > 2:
                del paras[-1]
            edits.append("touch")
    if paras and dateline:
        paras[0] = dateline + paras[0]
    return Reprint(title, paras, clutter, edits)

