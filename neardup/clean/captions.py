"""Image captions that the line features cannot tell by themselves: a caption whose credit
is the next line (``drop_credited_captions``), and a caption's sentence closed by a credit
the features do not know (``caption_with_credit``). (A caption that carries a known credit
is a line feature: ``features.credit_label``, ``Line.credit``.)"""

from __future__ import annotations

import operator
import re
from itertools import compress, islice, repeat
from operator import attrgetter

from neardup.clean.features import CAPTION_DOT_CASES, PHOTO_BY, credit_label
from neardup.clean.lines import Line

_CREDIT = attrgetter("credit")


# A line that is only an image credit ("(Image credit: Blue Origin)", "Photo: Meg Kinnard, AP",
# "Sanjeev Verma/Hindustan Times/Getty Images") credits the image whose caption is the line
# before it; such a credit line has at most CREDIT_LINE_WORDS words, the caption at most
# CAPTION_MAX_WORDS. On AEB half A: 21 such pairs on 9 pages of 7 sites, every one a caption
# (its 4-gram share in the gold text 0.38 at most); a credit line that opens with words of its
# own ("Photo by ...", "WeWork chairman Marcelo Claure (Credit: ...)") is not one of these, and
# the line before it was article text in 4 of 5 cases.
CREDIT_LINE_WORDS = 10
CAPTION_MAX_WORDS = 60


def credit_only(ln: Line) -> bool:
    """``ln`` is nothing but an image credit: bracketed, after a "Photo:" label, or names
    and agencies separated by slashes."""
    return (
        ln.credit
        and ln.n_words <= CREDIT_LINE_WORDS
        and (
            ln.text.startswith("(")
            or (credit_label(ln.text) and not _PHOTO_BY_RE.match(ln.text))
            or (ln.lower_ratio == 0.0 and "/" in ln.text)
        )
    )


_PHOTO_BY_RE = re.compile(PHOTO_BY, re.I)


# A caption's one sentence closed by a credit the line features do not know: the
# photographer and the paper ("... since 2008. Alisha Camacho/Battle Creek Enquirer", the
# Gannett papers' form; "... aboard the ship. Tom Rhodes for Atlas Monthly"), or a bracket
# that names who provided it ("(Provided by Riverside Lofts LLC) Buy Photo", "(Courtesy of
# Dorothy Klein)"). Lines of at most CAPTION_CREDIT_WORDS words are tested, as captions.
_CAPTION_WORD = r"(?:[A-Z][\w&'’.-]*|of|the|and|de|van|von)"
_PERSON = r"(?:[A-Z][\w'’-]+\s){1,3}?[A-Z][\w'’-]+"
_NAME_OR_SOURCE = r"(?:[A-Z][\w'’-]+\s){0,3}?[A-Z][\w'’-]+"  # ("Sportsfile", "Alamy")
# (a dot inside the caption's sentence: before a non-space, after a digit or an initial, or
# closing a month's or a title's abbreviation, "on Oct. 22, 2024", "St. Paul")
_ABBREVIATIONS = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec St Mr Mrs Ms Dr Jr Sr".split()
_INNER_DOT = (rf"\.(?:{CAPTION_DOT_CASES}|"
              + "|".join(rf"(?<=\b{a}\.)" for a in _ABBREVIATIONS) + ")")
_TRAILING_CREDIT_RE = re.compile(
    rf"^(?>[^.!?\n]|{_INNER_DOT}){{1,150}}?[.!?\"”)]\s++"
    rf"(?:{_PERSON}(?:\s?/\s?| for ){_CAPTION_WORD}(?:\s{_CAPTION_WORD}){{0,4}}"
    # (and more agencies after more slashes: "ROBIN UTRECHT / ANP / AFP")
    rf"(?:\s?/\s?{_CAPTION_WORD}(?:\s{_CAPTION_WORD}){{0,4}}){{0,3}}"
    rf"|{_PERSON}\s+[\w.-]+@[\w-]+(?:\.[\w-]+)+"  # ("Hector Amezcua hamezcua@valleybee.com")
    r"|\((?i:provided by|courtesy(?: of)?|submitted by|special to)\b[^()]{1,60}\)"
    r"|\([A-Z][\w ]{1,30}:\s*[A-Z][\w .'’/-]{1,40}\)"  # ("(ABC News: Sarah Whitlock)")
    r"|\([A-Z]{2,6}\)"  # (a station's call letters: "(KXRV)")
    r"|[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+(?:\s[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+){1,3}\s\([A-Z][\w]{1,20}\)"  # ("JOSÉ
    # MANUEL PEDROSA (EFE)") or an institution's name in brackets ("(University of Leicester
    # Archaeological Services)")
    r"|\([A-Z][\w'’-]*(?:\s(?:[A-Z][\w'’-]*|of|the|and|for|de)){1,6}\))"
    r"(?:\s*Buy Photo)?\s*$"
    # ... or up to 150 characters of sentences, with or without their end, closed by an
    # English label and names: "... since 2014. Photograph: Owen Humphreys/PA", "...
    # docklands Picture: Frank McGrath" (a longer paragraph with a credit glued stays)
    # ("PHOTO: Megan Kurz for The Ledger", a label in capitals and a photographer for a paper)
    r"|^.{1,150}?\s(?i:Photograph|Photo|Picture|Image|Foto)(?i:s)?:\s*"
    rf"{_NAME_OR_SOURCE}(?:\s?/\s?[\w .'’-]{{1,40}}|\sfor\s{_NAME_OR_SOURCE})?\s*$")
CAPTION_CREDIT_WORDS = 40


def caption_with_credit(ln: Line) -> bool:
    """A line of at most CAPTION_CREDIT_WORDS words closed by such a credit."""
    t = ln.text
    # (a credit closes the line without a full stop: paragraphs are not tested)
    return (not ln.terminal
            and ("/" in t or " for " in t or "@" in t
                 or (":" in t and ("Photo" in t or "Picture" in t or "Image" in t
                                   or "Foto" in t or "PHOTO" in t or "IMAGE" in t))
                 or t.rstrip().endswith((")", "Buy Photo")))
            and ln.n_sentences <= 3 and _TRAILING_CREDIT_RE.search(t) is not None)


# A photographer and the paper on a line of their own under a caption ("Kendra Wolfe/Prairie
# Daily Journal", "Caleb Sorensen / Ridgefield Observer"): the form of the trailing credit
# above that Gannett papers and public media print apart, which the line features do not know
# (a line of names and a slash alone is also a menu's, "About Me/Contact": a caption's
# sentence or two must be above it, NAME_CREDIT_CAPTION_WORDS words at most; an image's
# credit under a paragraph of a product list, "Jason Cipriani/ZDNet", credits no caption).
_NAME_CREDIT_RE = re.compile(rf"{_PERSON}\s?/\s?{_CAPTION_WORD}(?:\s{_CAPTION_WORD}){{0,4}}")
_TEXT = attrgetter("text")
NAME_CREDIT_CAPTION_WORDS = 35


def _name_credit(ln: Line) -> bool:
    return ln.n_words <= CREDIT_LINE_WORDS and _NAME_CREDIT_RE.fullmatch(ln.text) is not None


def drop_credited_captions(lines: list[Line]) -> None:
    """A kept prose line right above a credit-only line (:func:`credit_only`) is that
    image's caption: it goes.

    Captions carry their credit in the line itself as a rule (see ``features._CREDIT_RE``);
    galleries and some sites print it as the next line, and the caption read as a
    one-sentence paragraph. (Decided after the region search, which it leaves as it was: a
    gallery's captions between two parts of an article keep them one region.)
    """
    for i in compress(range(len(lines)), map(_CREDIT, lines)):  # (credit lines: few)
        prev = lines[i - 1]
        if (
            i > 0
            and prev.keep
            and prev.cls in ("good", "near")
            and prev.n_words <= CAPTION_MAX_WORDS
            and credit_only(lines[i])
        ):
            prev.keep, prev.reason = False, "caption"
    slashed = compress(range(1, len(lines)),
                       map(operator.contains, map(_TEXT, islice(lines, 1, None)), repeat("/")))
    for i in slashed:
        ln, prev = lines[i], lines[i - 1]
        if (not ln.credit and prev.keep and prev.cls in ("good", "near") and prev.terminal
                and prev.n_words <= NAME_CREDIT_CAPTION_WORDS and prev.n_sentences <= 2
                and _name_credit(ln)):
            prev.keep, prev.reason = False, "caption"
            ln.keep, ln.cls, ln.reason = False, "bad", "caption"
