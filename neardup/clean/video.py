"""A video player's timed transcript in a page's text.

News pages with a video print its automatic transcript as the player shows it, a fragment of
speech every few seconds, each line opening with the video's clock::

    00:01 But according to the CDC the most rigorous screening actually
    00:04 occurs before travelers ever reach the United States. We talked to
    00:08 a number of passengers today who say. They have some lingering

Prose by their words, thirty such lines above a story made the article region start there.
They are the video's captions: :func:`mark_timed_captions` classes them ``bad`` with the reason
``caption`` (kept with the captions option). What gives them away is the clock and the cuts:
at least ``MIN_TIMED_LINES`` lines in a row opening with a time, the first within the video's
first minute (``00:01``), each a few seconds after the one before (at most
``MAX_STEP_SECONDS``), each a fragment of speech (at most ``MAX_CAPTION_WORDS`` words), two
thirds of them cut before their sentence's end and half of them going on with a sentence
begun above, in lower case.

What has a clock and is the page's content: a page that is the transcript (the page's other
prose has fewer words than it); a timeline of a video's key moments ("0:11 The officer fires
three shots."), a recipe video's steps and a podcast's turns end their sentences, or give a
paragraph to each time; lyrics, a speech's excerpts and a match's moves, each cut short, open
with a capital; a live blog's entries open with the time of day ("14:44 Police reopen the
bridge"), neither from midnight's first minute nor seconds apart when read as a video's
clock.
"""

from __future__ import annotations

import re

from neardup.clean.lines import Line

MIN_TIMED_LINES = 5
MAX_STEP_SECONDS = 30
MAX_CAPTION_WORDS = 20
_FIRST_MINUTE = 60

# "00:04 occurs before ...", "1:02:07 and then", "(00:12) so we"
_CLOCK = r"\(?(?:(\d{1,2}):)?(\d{1,2}):([0-5]\d)\)?\s+"
_TIMECODE_RE = re.compile(_CLOCK + r"\S")
# ... and the line's words opening in lower case
_TEXT_AFTER_CLOCK_RE = re.compile(_CLOCK + r"[^\w\s]*[a-z]")


def _clock(text: str) -> int | None:
    """The seconds of the time that opens ``text``, or None."""
    m = _TIMECODE_RE.match(text)
    if m is None:
        return None
    hours, minutes, seconds = m.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


def mark_timed_captions(lines: list[Line]) -> None:
    """Class the lines of a video's timed transcript as captions (see the module's doc)."""
    run: list[int] = []
    last = -1
    for i, ln in enumerate(lines):
        t = ln.text
        clock = (_clock(t) if (t[:1].isdigit() or t[:1] == "(")
                 and ln.n_words <= MAX_CAPTION_WORDS else None)
        if clock is None:  # (most lines: no run goes on or starts here)
            if run:
                _mark_run(lines, run)
                run = []
            last = -1
        elif run and last < clock <= last + MAX_STEP_SECONDS:
            run.append(i)
            last = clock
        else:
            _mark_run(lines, run)
            run = [i] if clock < _FIRST_MINUTE else []
            last = clock
    _mark_run(lines, run)


def _mark_run(lines: list[Line], run: list[int]) -> None:
    if len(run) < MIN_TIMED_LINES:
        return
    # (beside an article: the page's other prose has more words than the transcript. A page
    # whose content is the transcript keeps it)
    timed = set(run)
    words = sum(lines[i].n_words for i in run)
    other = sum(ln.n_words for k, ln in enumerate(lines)
                if k not in timed and ln.cls in ("good", "near"))
    if other < words:
        return
    # (a caption track cuts speech where the screen is full: most of its lines end no
    # sentence, and half or more go on with one, "00:04 occurs before travelers ...")
    fragments = sum(1 for i in run if not lines[i].terminal)
    continued = sum(1 for i in run if _TEXT_AFTER_CLOCK_RE.match(lines[i].text) is not None)
    if fragments * 3 >= len(run) * 2 and continued * 2 >= len(run):
        for i in run:
            lines[i].cls, lines[i].reason = "bad", "caption"
