"""Lists of other stories known by their summaries cut off mid-sentence.

A box of other stories prints each one's headline and the first words of its text, cut at a
fixed length and ended with an ellipsis ("... the Indian state may soon...", "Raminder Singh
Rekhi, 41,...", WordPress's "[…]"). Each summary alone reads as prose (a paragraph's words, a
sentence's start), so a box of them weighed as paragraphs in the region search: the
article's region ran on into a box below it, and a box of ten above a short article took the
region with it (two AEB pages kept ten teasers each, precision 0.39; heise's list of other
stories far below its story was a second region).

What gives the box away is the run: three cut-off lines, at most a headline, a writer or a
date between two of them. An article's lines can trail off too, and in runs (a poem, a chat
log, a transcript, critics' quotes cut with "[…]"), so the run is no verdict on its own: its
lines weigh nothing in the region search (:func:`neardup.clean.region.article_regions`),
neither prose nor clutter, and the lines around them decide. A box between menus and
headlines drops out with them; a poem between two of the article's paragraphs lies inside
the region and stays. (Marking such runs as clutter instead took the trailing lines of 8 of
18 articles of a probe written for it: recall 0.997 -> 0.921.)

* a cut-off line: at least ``CUT_MIN_CHARS`` characters, ending with an ellipsis ("...",
  "…", "[…]", "(...)") right after a word or a comma (not "etc." nor a closing quote: "“I
  don't know...” she said." ends as a sentence). A summary is cut at a length, which sites
  count in characters, and long: 118 to 578 on the real pages above; a poem's, a chat's or a
  transcript's trailing lines are shorter (a held-out probe's poem of sixteen such lines of
  47-66 characters lost four of its five stanzas when lines of 8 words counted);
* a run: at least ``MIN_CUT_LINES`` of them, at most ``MAX_GAP`` lines apart, with no full
  paragraph (a "good" line not cut off) between two of them.
"""

from __future__ import annotations

import re

from neardup.clean.lines import Line

CUT_MIN_CHARS = 100
MIN_CUT_LINES = 3
MAX_GAP = 3

# (a word character, a comma or a closing bracket of a word, then the ellipsis in its forms,
# bracketed as WordPress and press sites write it; nothing after it)
_CUT_RE = re.compile(r"[\w,;)](?:\s*(?:\.{3,}|…|\[(?:\.{3}|…)\]|\((?:\.{3}|…)\)))\s*$")
_ELLIPSIS_ENDS = ("...", "…", "…]", "...]", "…)", "...)")


def cut_off(ln: Line) -> bool:
    """``ln`` is a text of ``CUT_MIN_CHARS`` characters or more cut off with an ellipsis."""
    t = ln.text
    return (len(t) >= CUT_MIN_CHARS and t.endswith(_ELLIPSIS_ENDS)
            and _CUT_RE.search(t) is not None)


def cut_teasers(lines: list[Line]) -> frozenset[int]:
    """The indices of the cut-off lines of runs of them (see the module docstring)."""
    rows: list[int] = []
    run: list[int] = []  # the cut-off lines of the current run
    for i, ln in enumerate(lines):
        if cut_off(ln):
            if run and i - run[-1] > MAX_GAP + 1:
                _close(rows, run)
                run = []
            run.append(i)
        elif ln.cls == "good" and run:
            # a full paragraph ends the run (an article's paragraph between two trailing ones)
            _close(rows, run)
            run = []
    _close(rows, run)
    return frozenset(rows)


def _close(rows: list[int], run: list[int]) -> None:
    if len(run) >= MIN_CUT_LINES:
        rows.extend(run)
