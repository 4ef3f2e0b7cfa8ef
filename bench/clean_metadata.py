#!/usr/bin/env python3
"""Metadata accuracy of the cleaning step (title, byline, date) on scrapinghub's AEB pages.

Usage: python bench/clean_metadata.py DATA_DIR [--mode text|html|markdown|markdown-underscores|both]
                                      [--show FIELD]

The benchmark has no gold for metadata, so a pseudo-gold is read from each raw page's own
markup (lxml, explicit tags only; never trafilatura's or htmldate's metadata extraction, which
``clean_html`` itself uses):

* title: ``og:title``, ``<meta name=title>``, ``twitter:title``, the first ``<h1>``, ``<title>``
  (and each of these without a site part after " | ", " - ", " – ", " — ", " :: " when the
  other part is the site: a suffix or prefix shared with another source or the site name).
  Every candidate is acceptable (sources disagree on punctuation and site names).
* date: ``article:published_time`` / ``datePublished`` / ``date`` / ``pubdate`` meta,
  ``itemprop=datePublished``, JSON-LD ``datePublished``; only when none of these exists, the
  first ``<time datetime>``. Date part only (``YYYY-MM-DD`` as written, no time-zone shift).
* author: ``<meta name=author>``, ``article:author`` (not a URL), JSON-LD ``author`` names,
  ``rel=author`` link text, ``itemprop=author`` (its ``name`` or text).

Matching: title: equal after lower-casing and keeping ``\\w+`` words, or one containing the
other with the shorter of at least 3 words; date: same calendar day as any candidate; author:
a candidate name (normalised words, at least 2 letters) contained in the output or the output
(at least 2 words) contained in a candidate. Per field and input: pages with pseudo-gold,
pages with an output, matches, wrong (an output that matches no candidate), missing (gold but
no output), and outputs on pages without gold (not graded).

(a) html: ``html/<key>.html.gz`` decoded as the product does -> ``clean_document`` with the
page's html (site templates learned over the corpus by URL host, as the pipeline does);
(b) text: ``output/html-text.json`` (the rendered page text) -> ``clean_document`` on text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aeb_data import host, load, markdown, markdown_underscores  # noqa: E402

from neardup.clean import (  # noqa: E402
    CleanOptions,
    SiteTemplateLearner,
    clean_document,
    extract_page,
)
from neardup.document import Document  # noqa: E402

FIELDS = ("title", "byline", "date")
_WORD_RE = re.compile(r"\w+")
_ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SEP_RE = re.compile(r"\s+(?:\||-|–|—|::|·)\s+")
_NAMES_SPLIT_RE = re.compile(r"\s*(?:[,;&]|\band\b)\s*", re.I)
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_TEXT_DATE_RE = re.compile(
    r"\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b|"
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b",
    re.I,
)


def norm(text: str | None) -> str:
    return " ".join(_WORD_RE.findall((text or "").lower()))


def _meta(tree: Any, *names: str) -> list[str]:
    out = []
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key in names and (el.get("content") or "").strip():
            out.append(el.get("content").strip())
    return out


def _jsonld(tree: Any) -> list[dict]:
    objs: list[dict] = []

    def walk(x: Any) -> None:
        if isinstance(x, list):
            for y in x:
                walk(y)
        elif isinstance(x, dict):
            objs.append(x)
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                if key in x:
                    walk(x[key])

    for el in tree.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        try:
            walk(json.loads(el.text))
        except ValueError:
            continue
    return objs


def _text(el: Any) -> str:
    return " ".join(el.text_content().split())


def _iso_day(value: str) -> str | None:
    """The calendar day written in a markup value (ISO first, else "Nov 19, 2019")."""
    m = _ISO_RE.search(value)
    if m:
        return m.group(0)
    m = _TEXT_DATE_RE.search(value)
    if not m:
        return None
    mon, d, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (
        m.group(5), m.group(4), m.group(6))
    if mon.lower()[:3] not in _MONTHS:
        return None
    return f"{int(y):04d}-{_MONTHS.index(mon.lower()[:3]) + 1:02d}-{int(d):02d}"


def gold_from_markup(html: str, url: str) -> dict[str, list[str]]:
    """Pseudo-gold candidates per field from explicit markup (see the module docstring)."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return {f: [] for f in FIELDS}
    ld = _jsonld(tree)

    # title
    raw = [*_meta(tree, "og:title", "title", "twitter:title")]
    h1 = next((t for t in map(_text, tree.iter("h1")) if t), None)
    if h1:
        raw.append(h1)
    title_el = next(iter(tree.iter("title")), None)
    if title_el is not None and _text(title_el):
        raw.append(_text(title_el))
    site = norm(host(url).split(".")[-2] if "." in host(url) else host(url))
    titles = []
    for t in raw:
        titles.append(t)
        parts = _SEP_RE.split(t)
        if len(parts) > 1:
            others = {norm(r) for r in raw if r != t}
            for i in (0, -1):
                rest = " ".join(parts[1:] if i == 0 else parts[:-1])
                cut = norm(parts[i])
                # (the cut part is the site: the rest is another source's title, or the cut
                # part names the host)
                if norm(rest) in others or (site and site in cut.replace(" ", "")):
                    titles.append(rest)

    # date
    dates = _meta(tree, "article:published_time", "datepublished", "date", "pubdate",
                  "publish-date", "dc.date.issued", "sailthru.date")
    dates += [el.get("content") or el.get("datetime") or _text(el)
              for el in tree.xpath('//*[@itemprop="datePublished"]')]
    dates += [str(o["datePublished"]) for o in ld if o.get("datePublished")]
    if not dates:
        dates = [el.get("datetime") for el in tree.iter("time") if el.get("datetime")][:1]

    # author
    authors = [a for a in _meta(tree, "author", "article:author", "byl", "sailthru.author")
               if not a.startswith("http")]
    for o in ld:
        a = o.get("author")
        for x in a if isinstance(a, list) else [a]:
            if isinstance(x, dict) and isinstance(x.get("name"), str):
                authors.append(x["name"])
            elif isinstance(x, str) and not x.startswith("http"):
                authors.append(x)
    authors += [_text(el) for el in tree.xpath('//a[@rel="author"]')]
    for el in tree.xpath('//*[@itemprop="author"]'):
        name = el.xpath('.//*[@itemprop="name"]')
        authors.append(name[0].get("content") or _text(name[0]) if name else _text(el))

    def dedup(xs: list[str]) -> list[str]:
        return list(dict.fromkeys(x for x in xs if x and norm(x)))

    return {
        "title": dedup(titles),
        # (a placeholder year, "0001-01-01", is no date)
        "date": dedup([d for d in map(_iso_day, dates) if d and d >= "1990"]),
        "byline": dedup([a for a in authors if len(norm(a)) >= 2 and len(norm(a).split()) <= 8]),
    }


def matches(field: str, pred: str, gold: list[str]) -> bool:
    p = norm(pred)
    if not p:
        return False
    for raw in gold:
        g = norm(raw)
        if not g:
            continue
        if field == "title":
            short, long_ = sorted((p, g), key=len)
            if p == g or (len(short.split()) >= 3 and f" {short} " in f" {long_} "):
                return True
        elif field == "date":
            if _iso_day(pred) == raw:
                return True
        elif field == "byline":
            if len(p.split()) >= 2 and f" {p} " in f" {g} ":
                return True
            # (one of several names: "By Jane Smith and John Doe, Agency")
            for name in _NAMES_SPLIT_RE.split(re.sub(r"^by\s+", "", raw.strip(), flags=re.I)):
                n = norm(name)
                if len(n) >= 2 and f" {n} " in f" {p} ":
                    return True
    return False


def run(data: Path, mode: str) -> dict[str, dict[str, Any]]:
    aeb = load(data)
    # (the truth comes from a page's markup: a page that cannot be read is left out)
    pages = {k: page for k, page in aeb.pages().items() if page is not None}
    gold = {k: gold_from_markup(pages[k], aeb.urls[k]) for k in pages}
    opts = CleanOptions()
    learner = SiteTemplateLearner()
    if mode == "html":
        inputs = {k: extract_page(pages[k], aeb.urls[k] or None) for k in pages}
        for k in pages:
            learner.add(aeb.site(k), inputs[k].get("text") or "")
    else:  # (text: the html-text rendering; markdown: the page as Markdown, see aeb_data)
        render = markdown_underscores if mode == "markdown-underscores" else markdown
        inputs = aeb.page_texts(pages) if mode == "text" else {
            k: render(page) for k, page in pages.items()}
        for k in pages:
            learner.add(aeb.site(k), inputs[k])
    templates = learner.build()
    out = {}
    for k in pages:
        url = aeb.urls[k]
        if mode == "html":
            doc = Document(id=k, text="", url=url or None, site=aeb.site(k), html=pages[k])
            clean_document(doc, templates, opts, extracted=inputs[k])
        else:
            doc = Document(id=k, text=inputs[k], url=url or None, site=aeb.site(k))
            clean_document(doc, templates, opts)
        out[k] = {"url": url, "gold": gold[k],
                  "pred": {"title": doc.title, "byline": doc.byline, "date": doc.date},
                  "dateline": doc.dateline}
    return out


def _one_day_off(pred: str, gold: list[str]) -> bool:
    """A date one day from a candidate: mostly a UTC time stamp in the markup of a page
    that prints its local day (or the other way round)."""
    try:
        d = date.fromisoformat(_iso_day(pred) or "")
        return any(abs((date.fromisoformat(g) - d).days) == 1 for g in gold)
    except ValueError:
        return False


def tally(rows: dict[str, dict[str, Any]], field: str) -> dict[str, int]:
    t = dict.fromkeys(("gold", "output", "match", "wrong", "day", "missing", "ungraded"), 0)
    for r in rows.values():
        g, p = r["gold"][field], r["pred"][field]
        t["gold"] += bool(g)
        t["output"] += bool(p)
        if g and p:
            ok = matches(field, p, g)
            t["match" if ok else "wrong"] += 1
            t["day"] += not ok and field == "date" and _one_day_off(p, g)
        elif g:
            t["missing"] += 1
        elif p:
            t["ungraded"] += 1
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--mode", choices=["text", "html", "markdown", "markdown-underscores", "both"],
                    default="both")
    ap.add_argument("--show", choices=FIELDS, action="append", default=[],
                    help="list the wrong and missing pages of this field (repeatable)")
    ap.add_argument("--json", type=Path, help="write every page's gold and output here")
    args = ap.parse_args(argv)
    modes = ["text", "html"] if args.mode == "both" else [args.mode]
    results = {m: run(args.data_dir, m) for m in modes}
    n = len(next(iter(results.values())))
    dropped = len(load(args.data_dir).keys) - n
    print(f"{n} pages; pseudo-gold from each page's own markup"
          + (f" ({dropped} page(s) unreadable, left out: see above)" if dropped else ""))
    print("| input | field | pages with gold | output | match | wrong (date: of which 1 day "
          "off) | missing | output, no gold | accuracy (match / gold) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for m, rows in results.items():
        for f in FIELDS:
            t = tally(rows, f)
            acc = f"{t['match'] / t['gold']:.3f}" if t["gold"] else "n/a"  # (no gold: no score)
            wrong = f"{t['wrong']} ({t['day']})" if f == "date" else str(t["wrong"])
            print(f"| {m} | {f} | {t['gold']} | {t['output']} | {t['match']} | {wrong} | "
                  f"{t['missing']} | {t['ungraded']} | {acc} |")
        dl = sum(bool(r["dateline"]) for r in rows.values())
        print(f"| {m} | dateline | (no gold) | {dl} | | | | | |")
    for f in args.show:
        for m, rows in results.items():
            print(f"\n-- {m} {f}: wrong (W) and missing (M)")
            for k, r in sorted(rows.items(), key=lambda kv: kv[1]["url"]):
                g, p = r["gold"][f], r["pred"][f]
                if g and (not p or not matches(f, p, g)):
                    print(f"{'W' if p else 'M'} {k[:8]} {r['url'][:70]}\n   out : {p!r}\n"
                          f"   gold: {g!r}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
