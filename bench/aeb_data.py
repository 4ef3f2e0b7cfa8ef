"""Reading data laid out as scrapinghub's article-extraction benchmark (AEB), for the bench
scripts that score the cleaner on it (clean_aeb.py, aeb_errors.py, clean_metadata.py).

Layout (see ``../shared/data/README.md``): ``ground-truth.json`` (``{key: {"articleBody",
"url"}}``), ``html/<key>.html.gz`` (the raw pages) and, optionally, ``output/html-text.json``
(each page rendered as plain text, the input of the text-only test). Other data in this layout
may lack some of it; then:

- a page without ``url`` has no site (its template is the one of pages without a host);
- a page whose ``html/<key>.html.gz`` is missing or unreadable is named on stderr and has no
  page (its extraction scores as an empty prediction);
- without ``output/html-text.json`` the pages are rendered here with the library that made
  that file, ``html-text`` (``html_text.extract_text``; ``pip install '.[bench]'``): on the
  AEB pages it gives the file's text exactly for 180 of 181 pages.
"""

from __future__ import annotations

import gzip
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from neardup.read.charset import decode_page

PAGE_TEXTS = Path("output") / "html-text.json"


def host(url: str) -> str:
    """The site of a page: its URL's host without ``www.``."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


@dataclass
class AebData:
    root: Path
    gold: dict[str, str]  # key -> the hand-made article text
    urls: dict[str, str]  # key -> the page's URL ("" when the truth names none)

    @property
    def keys(self) -> list[str]:
        return list(self.gold)

    def site(self, key: str) -> str:
        return host(self.urls[key])

    def pages(self) -> dict[str, str | None]:
        """Each page's HTML, decoded as neardup reads an ``.html.gz`` file (the encoding it
        declares, else UTF-8, else a guess); None for a page that cannot be read."""
        out: dict[str, str | None] = {}
        for key in self.gold:
            path = self.root / "html" / f"{key}.html.gz"
            try:
                out[key] = decode_page(gzip.decompress(path.read_bytes()))[0]
            except (OSError, EOFError, gzip.BadGzipFile) as exc:
                print(f"  ! {path}: {exc} (no HTML from it: an empty page)", file=sys.stderr)
                out[key] = None
        return out

    def page_texts(self, pages: dict[str, str | None] | None = None) -> dict[str, str]:
        """Each page as plain text: ``output/html-text.json``, else the pages rendered with
        ``html_text`` (``pages``: the HTML when already read)."""
        path = self.root / PAGE_TEXTS
        if path.exists():
            src = json.loads(path.read_text(encoding="utf-8"))["output"]
            missing = [k for k in self.gold if not (src.get(k) or {}).get("articleBody")]
            if missing:  # (scored as they are, empty: the data says nothing else of them)
                print(f"  ! {path}: no text for {len(missing)} of {len(self.gold)} pages "
                      f"(scored as empty inputs): {', '.join(missing[:3])}"
                      f"{' ...' if len(missing) > 3 else ''}", file=sys.stderr)
            return {k: (src.get(k) or {}).get("articleBody") or "" for k in self.gold}
        try:
            import html_text
        except ImportError:
            raise SystemExit(f"{path} is missing and html-text is not installed to render the "
                             "pages as text: pip install '.[bench]' (or pip install "
                             "html-text)") from None
        print(f"({path} is missing: pages rendered with html_text.extract_text)",
              file=sys.stderr)
        pages = self.pages() if pages is None else pages
        return {k: html_text.extract_text(pages[k]) if pages.get(k) else "" for k in self.gold}


def _body(page: str) -> Any:
    """The page's parsed tree without scripts, styles and head (None: no tree)."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return None
    for node in tree.xpath("//script|//style|//noscript|//head"):
        node.drop_tree()
    return tree


def markdown(page: str) -> str:
    """The page as Markdown, menus and all, as crawlers made for language models write pages
    (``markdownify``, from the ``bench`` extra; scripts and styles left out): "# " headings,
    ``*`` and ``**`` emphasis."""
    return _markdownify(page, heading_style="ATX")


def markdown_underscores(page: str) -> str:
    """The page as Markdown in the other common style: headings underlined ("===" and "---"
    lines under h1 and h2) and emphasis in underscores (``_em_``, ``__strong__``), as
    turndown (Jina Reader) and html2text write italics."""
    return _markdownify(page, heading_style="SETEXT", strong_em_symbol="_")


def _markdownify(page: str, **options: str) -> str:
    import lxml.html
    from markdownify import markdownify

    tree = _body(page)
    if tree is None:
        return ""
    return markdownify(lxml.html.tostring(tree, encoding="unicode"), **options)


def text_nodes(page: str) -> str:
    """The page's text as a naive scraper writes it: every text node of the body on a line of
    its own (``//body//text()``; scripts and styles left out), so that a paragraph is cut at
    each of its links. Another shape of "text a crawler already extracted" than html-text's
    layout-aware rendering, for a robustness check (``clean_aeb.py --text-input text-nodes``)."""
    tree = _body(page)
    if tree is None:
        return ""
    return "\n".join(s.strip() for s in tree.xpath("//body//text()") if s.strip())


# What changes on a page between two fetches of it (the benches' --fetches): a teaser of
# another story (a headline: a short line, which is no part of the page's key to the template
# pass; a summary line of 80 characters or more would make each fetch a page of its own, see
# neardup.clean.template.PAGE_KEY_CHARS)
_FETCH_TEASER = "Trending now: the {} report"
_FETCH_WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel")


def fetched(text: str, k: int) -> str:
    """``text`` as its ``k``-th fetch shows it (k = 0: as it is)."""
    if not k:
        return text
    return f"{text}\n\n{_FETCH_TEASER.format(_FETCH_WORDS[k % len(_FETCH_WORDS)])}"


def load(root: Path) -> AebData:
    """The ground truth of the data at ``root``."""
    path = root / "ground-truth.json"
    if not path.is_file():
        raise SystemExit(f"{path}: no such file; give the folder of the AEB data "
                         "(ground-truth.json, html/, output/)")
    truth = json.loads(path.read_text(encoding="utf-8"))
    empty = [k for k, v in truth.items() if not v.get("articleBody")]
    if empty:  # (the benchmark's metric gives them precision 0 whatever is predicted)
        print(f"  ! {path}: {len(empty)} page(s) with an empty gold text (precision 0 for any "
              f"output): {', '.join(empty[:3])}{' ...' if len(empty) > 3 else ''}",
              file=sys.stderr)
    return AebData(root=root,
                   gold={k: v.get("articleBody") or "" for k, v in truth.items()},
                   urls={k: v.get("url") or "" for k, v in truth.items()})
