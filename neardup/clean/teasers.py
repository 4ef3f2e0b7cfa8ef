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
neither prose nor clutter, and a line beside them weighs as it would beside prose. A box
between menus and headlines drops out with them; so does a run at a region's end (the
search takes the shortest of equal sums), which is why the run must look like a box on the
page and not only by its lines. (Marking such runs as clutter instead took the trailing
lines of 8 of 18 articles of a probe written for it: recall 0.997 -> 0.921.)

* a cut-off line: at least ``CUT_MIN_CHARS`` characters, ending with an ellipsis ("...",
  "…", "[…]", "(...)") right after a word, a comma, a semicolon or a bracket (not "etc." nor
  a closing quote: "“I don't know...” she said." ends as a sentence). A summary is cut at a
  length, which sites count in characters, and long: 118 to 578 on the real pages above; a
  poem's, a chat's or a transcript's trailing lines are shorter (a held-out probe's poem of
  sixteen such lines of 47-66 characters lost four of its five stanzas when lines of 8 words
  counted);
* a run: at least ``MIN_CUT_LINES`` of them, at most ``MAX_GAP`` lines apart, with no full
  paragraph (a "good" line not cut off) between two of them;
* at the edge of the page's prose: on one side at least, no prose line (that is no cut-off
  line of a run) among the ``MAX_GAP + 1`` lines next to it. A box sits above or below the
  article; a run between the article's paragraphs is more likely the article's own
  (weighing nothing, readers' cut quotes between a one-sentence lede and the rest of a story
  split it in two, and the lede went); so is a run under a lead-in ("The messages read:");
* beside more prose than it holds: the page's prose outside the run (other runs' lines
  with it: a box printed twice beside a short story) holds at least as many words as the
  run. A run that holds more may be the article itself (a press review of five papers' cut
  quotes, a list of novels' opening lines, a memo quoted in excerpts: a third probe's
  articles of that kind lost 70-94 % of their text when their run weighed nothing; the
  boxes of the real pages above hold 0.2-0.9 times the rest of their page's prose). An
  archive page of teasers alone keeps them, as before.

Known to go wrong (a reviewer's pages): an article whose own run of cut quotes ends it,
without a lead-in and shorter than the rest of the page's prose (a box below the article has
that shape); a press review whose last quotes follow a paragraph of its own after a first
run (the first run counts as the rest of the page); a blog's press review whose footer
blurbs, bio or comment thread outweigh its quotes. (Counting only the prose on the side the
run faces mended the last, and lost the boxes whose article lies beyond a few menu lines,
heise's among them.)
"""

from __future__ import annotations

import re

from neardup.clean.lines import Line
from neardup.clean.structure import lead_in

CUT_MIN_CHARS = 100
MIN_CUT_LINES = 3
MAX_GAP = 3

# (a word character, a comma, a semicolon or a closing bracket, then the ellipsis in its
# forms, bracketed as WordPress and press sites write it; nothing after it)
_CUT_RE = re.compile(r"[\w,;)，](?:\s*(?:\.{3,}|…+|\[(?:\.{3}|…)\]|\((?:\.{3}|…)\)))\s*$")
_ELLIPSIS_ENDS = ("...", "…", "…]", "...]", "…)", "...)")
_PROSE = ("good", "near")


def cut_off(ln: Line) -> bool:
    """``ln`` is a text of ``CUT_MIN_CHARS`` characters or more cut off with an ellipsis."""
    t = ln.text
    return (len(t) >= CUT_MIN_CHARS and t.endswith(_ELLIPSIS_ENDS)
            and _CUT_RE.search(t) is not None)


def cut_teasers(lines: list[Line]) -> frozenset[int]:
    """The indices of the lines of :func:`teaser_runs`."""
    return frozenset(i for run in teaser_runs(lines) for i in run)


def teaser_runs(lines: list[Line]) -> list[list[int]]:
    """The runs of cut-off lines that are a box of other stories (see the module docstring),
    each as the indices of its cut-off lines."""
    runs: list[list[int]] = []
    run: list[int] = []  # the cut-off lines of the current run
    for i, ln in enumerate(lines):
        if cut_off(ln):
            if run and i - run[-1] > MAX_GAP + 1:
                runs.append(run)
                run = []
            run.append(i)
        elif ln.cls == "good" and run:
            # a full paragraph ends the run (an article's paragraph between two trailing ones)
            runs.append(run)
            run = []
    runs.append(run)
    runs = [r for r in runs if len(r) >= MIN_CUT_LINES]
    if not runs:
        return []
    in_runs = {i for r in runs for i in r}
    prose = sum(ln.n_words for ln in lines if ln.cls in _PROSE)
    boxes = []
    for r in runs:
        if (r[0] and lead_in(lines[r[0] - 1])) or (_prose_near(lines, in_runs, r[0], -1)
                                     and _prose_near(lines, in_runs, r[-1], 1)):
            continue  # (under the article's "The messages read:", or between its paragraphs)
        words = sum(lines[i].n_words for i in r)
        own = sum(lines[i].n_words for i in r if lines[i].cls in _PROSE)
        if prose - own >= words:  # (a box beside more prose than it holds)
            boxes.append(r)
    return boxes


def _prose_near(lines: list[Line], in_runs: set[int], i: int, step: int) -> bool:
    """A prose line that is no cut-off line of a run lies among the ``MAX_GAP + 1`` lines
    next to line ``i`` on side ``step``."""
    for j in range(i + step, i + step * (MAX_GAP + 2), step):
        if not 0 <= j < len(lines):
            return False
        if lines[j].cls in _PROSE and j not in in_runs:
            return True
    return False
