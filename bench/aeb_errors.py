#!/usr/bin/env python3
"""Error analysis of the text cleaner on the AEB data (see bench/clean_aeb.py).

Usage: python bench/aeb_errors.py DATA_DIR [--half A|B|all] [--pages N] [--key PREFIX]
                                           [--summary] [--text-input FORM]

Per page (worst first by lost precision + lost recall, in the upstream metric): the kept
lines that are not gold text (each with its features and class from
``neardup.clean.lines.analyse``, and its share of 4-gram shingles found in the gold text),
and the dropped lines that are gold text (with the reason they went). Halves: by the first hex
digit of md5(page key), even = A, odd = B (look at half A when designing a change, check it on
half B).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aeb_data import load  # noqa: E402
from clean_aeb import TEXT_INPUTS, _shingles, per_page, score, text_inputs  # noqa: E402

from neardup.clean import CleanOptions, SiteTemplateLearner, clean_text  # noqa: E402
from neardup.clean.lines import Line, analyse  # noqa: E402


def half(key: str) -> str:
    """"A" or "B": the page's half (first hex digit of md5(key), even or odd)."""
    return "A" if int(hashlib.md5(key.encode()).hexdigest()[0], 16) % 2 == 0 else "B"


def _in_gold(text: str, gold: Counter[tuple[str, ...]]) -> float:
    """Share of the line's 4-gram shingles (a short line: its one shingle) found in the gold."""
    sh = _shingles(text)
    n = sum(sh.values())
    return sum(min(c, gold.get(k, 0)) for k, c in sh.items()) / n if n else 1.0


def _kept_flags(lines: list[Line], removed: list) -> list[bool]:
    spans = sorted((r.start, r.end, r.reason) for r in removed)
    out = []
    j = 0
    for ln in lines:
        while j < len(spans) and spans[j][1] < ln.start:
            j += 1
        out.append(not (j < len(spans) and spans[j][0] <= ln.start < spans[j][1] + 1
                        and ln.end <= spans[j][1]))
    return out


def _reason(ln: Line, removed: list) -> str:
    for r in removed:
        if r.start <= ln.start and ln.end <= r.end:
            return r.reason
    return "?"


def _fmt(ln: Line) -> str:
    return (f"{ln.cls[:4]:4} {ln.reason[:10]:10} w={ln.n_words:<3} st={ln.stop_ratio:.2f} "
            f"lo={ln.lower_ratio:.2f} t={int(ln.terminal)} cue={ln.cue or '-':10}")


def _print_blocks(lines: list[Line], kept: list[bool], g: Counter[tuple[str, ...]],
                  removed: list) -> None:
    """Runs of FP (kept, not gold) / FN (dropped, gold) lines, other lines between allowed when
    they are blank of words; one row per run: kind, words, lines, the first two lines."""
    kinds = []
    for ln, kp in zip(lines, kept, strict=True):
        share = _in_gold(ln.text, g)
        kinds.append("FP" if kp and share < 0.5 else "FN" if not kp and share >= 0.5 else "")
    i = 0
    while i < len(lines):
        if not kinds[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and kinds[j] == kinds[i]:
            j += 1
        words = sum(ln.n_words for ln in lines[i:j])
        first = lines[i]
        why = "" if kinds[i] == "FP" else f"[{_reason(first, removed)}] "
        print(f"  {kinds[i]} {first.index:4} n={j - i:<3} w={words:<4} {why}{_fmt(first)} | "
              f"{first.text[:90]}")
        if j - i > 1:
            print(f"  {'':>28}... | {lines[i + 1].text[:90]}")
        i = j


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--half", choices=["A", "B", "all"], default="A")
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--key", default="")
    ap.add_argument("--summary", action="store_true", help="only the scores per half")
    ap.add_argument("--min-words", type=int, default=0,
                    help="only list error lines of at least this many words")
    ap.add_argument("--blocks", action="store_true",
                    help="runs of consecutive error lines as one row (words, first lines)")
    ap.add_argument("--text-input", choices=TEXT_INPUTS, default="html-text",
                    help="the pages' text in this form (as clean_aeb.py --text-input)")
    args = ap.parse_args(argv)
    aeb = load(args.data_dir)
    keys_all, gold, inputs = aeb.keys, aeb.gold, text_inputs(aeb, args.text_input)
    learner = SiteTemplateLearner()
    for k in keys_all:
        learner.add(aeb.site(k), inputs[k])
    templates = learner.build()
    opts = CleanOptions()
    res = {k: clean_text(inputs[k], template=templates.for_site(aeb.site(k)),
                         options=opts) for k in keys_all}
    pred = {k: r.text for k, r in res.items()}
    for h in ("A", "B"):
        keys = [k for k in keys_all if half(k) == h]
        m = score({k: gold[k] for k in keys}, pred)
        print(f"half {h} ({len(keys)}): P={m['precision']:.4f} R={m['recall']:.4f} "
              f"F1={m['f1']:.5f}")
    m = score(gold, pred)
    print(f"all ({len(keys_all)}): P={m['precision']:.4f} R={m['recall']:.4f} F1={m['f1']:.5f}")
    if args.summary:
        return 0
    pp = per_page(gold, pred)
    keys = [k for k in keys_all if (args.half == "all" or half(k) == args.half)
            and k.startswith(args.key)]
    if not keys:
        print(f"\nno page of half {args.half} has a key starting with {args.key!r}",
              file=sys.stderr)
    keys.sort(key=lambda k: pp[k][0] + pp[k][1])
    for k in keys[: args.pages]:
        p, r = pp[k]
        print(f"\n=== {k[:12]} P={p:.2f} R={r:.2f} {aeb.urls[k][:100]}")
        g = _shingles(gold[k])
        lines = analyse(inputs[k])
        kept = _kept_flags(lines, res[k].removed)
        if args.blocks:
            _print_blocks(lines, kept, g, res[k].removed)
            continue
        for ln, kp in zip(lines, kept, strict=True):
            if ln.n_words < args.min_words:
                continue
            share = _in_gold(ln.text, g)
            if kp and share < 0.5:
                print(f"  FP {ln.index:4} {_fmt(ln)} g={share:.2f} | {ln.text[:110]}")
            elif not kp and share >= 0.5:
                print(f"  FN {ln.index:4} {_fmt(ln)} g={share:.2f} "
                      f"[{_reason(ln, res[k].removed)}] | {ln.text[:100]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
