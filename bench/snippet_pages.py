#!/usr/bin/env python3
"""Real pages with snippets that must be kept and snippets that must go: trafilatura's
"real world" test suite, as a held-out check of the cleaner (HTML and text).

Usage: python bench/snippet_pages.py TESTS_DIR [--mode text|html|both] [--failures]

``TESTS_DIR`` is the ``tests`` folder of trafilatura's source distribution 1.1.0 (the last
one that ships its test pages; PyPI)::

    pip download --no-deps --no-binary :all: trafilatura==1.1.0
    tar xzf trafilatura-1.1.0.tar.gz
    python bench/snippet_pages.py trafilatura-1.1.0/tests --mode both

It holds ``cache/*.html`` (110 pages saved from real sites, 2011-2021, most of them German
blogs, shops, associations' and news sites) and ``realworld_tests.py``, whose asserts name,
per page, text the extraction must hold (``'...' in result``) and text it must not
(``'...' not in result``), as trafilatura's maintainers checked them. The asserts are read
from the file's syntax tree (``ast``), never run; a conjunction's parts each count, an ``or``
or a snippet compared with anything but the extraction is left out.

trafilatura's tests run with its default, comments kept; neardup leaves comments out (as
``clean_html`` asks trafilatura to). A must-keep snippet that trafilatura finds in the page's
comments and not in its main text (``bare_extraction``) is set apart: counted neither way,
listed with ``--failures``.

Scores (over snippets, and over pages: a page passes when all its snippets do):
- kept: share of the must-keep snippets found in the output (the cleaner's recall, here);
- dropped: share of the must-go snippets absent from it (its precision).
Snippet and output are compared with white space collapsed (NFKC), as a line break of one is
a space of the other.

Runs: trafilatura as neardup runs it (``favor_recall``, ``fast``, tables, no comments) and
``clean_html`` on each page; in text mode, each page rendered with ``html_text`` (the
renderer of AEB's ``html-text.json``; ``pip install '.[bench]'``), as is, then through
``clean_text``. Site templates are learned over the pages by URL host, as ``neardup clean``
learns them (here nearly every page is its own site).

These pages were trafilatura's own development set: its figures here are a ceiling more than
a peer's score. What the suite tests for neardup is that its cleaning, made on other pages,
does not cut what they hold.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aeb_data import host  # noqa: E402

from neardup.clean import CleanOptions, SiteTemplateLearner, clean_html, clean_text  # noqa: E402
from neardup.read.charset import decode_page  # noqa: E402


@dataclass
class SnippetPage:
    url: str
    file: str
    keep: list[str] = field(default_factory=list)
    drop: list[str] = field(default_factory=list)
    #: must-keep snippets of the page's comments (trafilatura keeps comments by default)
    comments: list[str] = field(default_factory=list)


def _conjuncts(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        return [c for v in node.values for c in _conjuncts(v)]
    return [node]


def _snippet(node: ast.expr, result: str) -> tuple[str, bool] | None:
    """``'x' in result`` -> (x, True); ``'x' not in result`` -> (x, False); else None."""
    if not (isinstance(node, ast.Compare) and len(node.ops) == 1
            and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)):
        return None
    right = node.comparators[0]
    if not (isinstance(right, ast.Name) and right.id == result):
        return None
    if isinstance(node.ops[0], ast.In):
        return node.left.value, True
    if isinstance(node.ops[0], ast.NotIn):
        return node.left.value, False
    return None


def read_suite(tests_dir: Path) -> list[SnippetPage]:
    """The pages of ``realworld_tests.py`` with their snippets, in the file's order."""
    path = tests_dir / "realworld_tests.py"
    if not path.is_file():
        raise SystemExit(f"{path}: no such file; give the tests folder of trafilatura's "
                         "1.1.0 source distribution (see this script's docstring)")
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    files: dict[str, str] = {}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "MOCK_PAGES"
                and isinstance(node.value, ast.Dict)):
            files = {ast.literal_eval(k): ast.literal_eval(v)
                     for k, v in zip(node.value.keys, node.value.values, strict=True)}
    pages: dict[str, SnippetPage] = {}
    current: SnippetPage | None = None

    def visit(statements: list[ast.stmt]) -> None:
        nonlocal current
        for st in statements:
            if (isinstance(st, ast.Assign) and isinstance(st.value, ast.Call)
                    and isinstance(st.value.func, ast.Name)
                    and st.value.func.id == "load_mock_page" and st.value.args
                    and isinstance(st.value.args[0], ast.Constant)):
                url = st.value.args[0].value
                current = pages.setdefault(url, SnippetPage(url, files.get(url, "")))
            elif isinstance(st, ast.Assert) and current is not None:
                for part in _conjuncts(st.test):
                    found = _snippet(part, "result")
                    if found is not None:
                        text, keep = found
                        target = current.keep if keep else current.drop
                        if text not in target:
                            target.append(text)
            for name in ("body", "orelse"):  # (if, for, with, try blocks: in order)
                inner = getattr(st, name, None)
                if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                    visit(inner)

    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            visit(node.body)
    out = []
    for page in pages.values():
        if not page.file or not (tests_dir / "cache" / page.file).is_file():
            print(f"  ! {page.url}: no cached page ({page.file or 'not in MOCK_PAGES'})",
                  file=sys.stderr)
            continue
        if page.keep or page.drop:
            out.append(page)
    return out


_SPACE_RE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


@dataclass
class Score:
    kept: int = 0
    keep_total: int = 0
    dropped: int = 0
    drop_total: int = 0
    pages_ok: int = 0
    pages: int = 0

    def add(self, page: SnippetPage, output: str) -> tuple[list[str], list[str]]:
        """Count ``page``'s snippets in ``output``; return the lost and the left ones."""
        out = squeeze(output)
        lost = [s for s in page.keep if squeeze(s) not in out]
        left = [s for s in page.drop if squeeze(s) in out]
        self.kept += len(page.keep) - len(lost)
        self.keep_total += len(page.keep)
        self.dropped += len(page.drop) - len(left)
        self.drop_total += len(page.drop)
        self.pages += 1
        self.pages_ok += not lost and not left
        return lost, left

    def line(self, name: str) -> str:
        return (f"{name:<36} kept {self.kept}/{self.keep_total} "
                f"({self.kept / max(self.keep_total, 1):.3f})  dropped "
                f"{self.dropped}/{self.drop_total} ({self.dropped / max(self.drop_total, 1):.3f})"
                f"  pages passing {self.pages_ok}/{self.pages}")


def run(name: str, pages: list[SnippetPage], outputs: dict[str, str],
        failures: bool) -> Score:
    score = Score()
    report = []
    for page in pages:
        lost, left = score.add(page, outputs[page.url])
        if lost or left:
            report.append(f"    {page.file}: lost {lost!r} left {left!r}")
    print(score.line(name))
    if failures:
        print("\n".join(report))
    return score


def set_comments_apart(pages: list[SnippetPage], html: dict[str, str]) -> None:
    """Move each page's must-keep snippets that are comments (see the docstring) to
    ``comments``."""
    import trafilatura

    for page in pages:
        doc = trafilatura.bare_extraction(html[page.url], url=page.url, include_comments=True,
                                          favor_recall=True, fast=True)
        if doc is None:
            continue
        text = squeeze(getattr(doc, "text", "") or "")
        comments = squeeze(getattr(doc, "comments", "") or "")
        if not comments:
            continue
        for snippet in list(page.keep):
            s = squeeze(snippet)
            if s in comments and s not in text:
                page.keep.remove(snippet)
                page.comments.append(snippet)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tests_dir", type=Path)
    ap.add_argument("--mode", choices=("text", "html", "both"), default="both")
    ap.add_argument("--failures", action="store_true", help="list each page's failed snippets")
    args = ap.parse_args(argv)
    pages = read_suite(args.tests_dir)
    html = {p.url: decode_page((args.tests_dir / "cache" / p.file).read_bytes())[0]
            for p in pages}
    set_comments_apart(pages, html)
    pages = [p for p in pages if p.keep or p.drop]
    print(f"{len(pages)} pages, {sum(len(p.keep) for p in pages)} snippets to keep, "
          f"{sum(len(p.drop) for p in pages)} to drop (and "
          f"{sum(len(p.comments) for p in pages)} of comments set apart)")
    if args.failures:
        print("  comments: " + "; ".join(f"{p.file}: {p.comments!r}" for p in pages
                                         if p.comments))
    opts = CleanOptions()
    if args.mode in ("html", "both"):
        import trafilatura

        traf = {p.url: trafilatura.extract(html[p.url], url=p.url, favor_recall=True, fast=True,
                                           include_tables=True, include_comments=False) or ""
                for p in pages}
        run("html: trafilatura favor_recall, fast", pages, traf, args.failures)
        from neardup.clean import page_text

        learner = SiteTemplateLearner()
        for p in pages:
            learner.add(host(p.url), page_text(html[p.url], url=p.url))
        templates = learner.build()
        cleaned = {p.url: clean_html(html[p.url], url=p.url,
                                     template=templates.for_site(host(p.url)), options=opts).text
                   for p in pages}
        run("html: clean_html", pages, cleaned, args.failures)
    if args.mode in ("text", "both"):
        try:
            import html_text
        except ImportError:
            raise SystemExit("text mode renders the pages with html-text: "
                             "pip install '.[bench]'") from None
        texts = {p.url: html_text.extract_text(html[p.url]) for p in pages}
        run("text: do nothing (html-text)", pages, texts, args.failures)
        learner = SiteTemplateLearner()
        for p in pages:
            learner.add(host(p.url), texts[p.url])
        templates = learner.build()
        cleaned = {p.url: clean_text(texts[p.url], template=templates.for_site(host(p.url)),
                                     options=opts).text for p in pages}
        run("text: clean_text", pages, cleaned, args.failures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
