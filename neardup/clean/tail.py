"""What follows an article's last paragraph and is no part of it, taken off the kept text's
end: a writer's bio, a call for letters, the print edition's note (``_tail_matter``), a press
release's closing matter (``_cut_release_tail``) and a reader appeal (``_cut_kept_appeal``).
The region search keeps them (prose by their shape); these rules read what they say."""

from __future__ import annotations

import re
from itertools import islice
from operator import attrgetter

from neardup.clean.classify import REPORTED_RE, addresses_the_reader
from neardup.clean.lines import Line
from neardup.clean.metadata import NAME_PARTICLES, ROLE_NOUN_TERMS
from neardup.clean.region import APPEAL_TERMS

_KEEP = attrgetter("keep")


# A writer's name: capitalised words, with the particles of names between them ("Mark di
# Stefano", "Jan van der Berg", "Ana dos Santos")
_PARTICLES = "|".join(sorted({*NAME_PARTICLES, "della", "el", "ibn", "dos", "das"}))
_NAME = rf"[A-Z][\w.'’-]+\s+(?:(?:[A-Z][\w.'’-]+|(?:{_PARTICLES}))\s+){{0,3}}"

# What follows an article's last paragraph and is no part of it: the writer's bio ("Dana
# Whitfield is a senior reporter covering personal finance."), a call for letters or
# feedback ("We want to hear what you think about this article.", "The Times is committed to
# publishing a diversity of letters to the editor."), the print edition's note ("A version of
# this article appears in print on ..."), "Follow ... on Facebook, Twitter and Instagram".
# Prose by their shape, they ran on the region; on AEB the gold leaves each of them out.
_TAIL_OPENING_RE = re.compile(
    # ("Jane Doe is a staff writer", "... is Valley Current's transportation reporter")
    rf"{_NAME}(?:is|was|has been)\s+(?:an?|the|(?:[A-Z][\w.&-]*\s+){{0,3}}"
    r"[A-Z][\w.&-]*['’]s)\s+(?:[\w-]+\s+){0,3}?"
    # (not "a critic of ...", "an analyst of ...": "Ursula von der Leyen has been a persistent
    # critic of delays in the talks" closed a story)
    rf"(?i:{ROLE_NOUN_TERMS})\b(?!\s+of\b)|"
    # ("Devin Park covers food and dining for the Enquirer. Reach him at dpark@...", "Jonah
    # Whitlock covers climate and public health for The Fieldnote.")
    r"(?:[A-Z][\w.'’-]+\s+){1,3}(?:covers|writes|has written)\b"
    r"(?=.*(?:@|\bcolumn|\bfor\s+(?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s*){1,4}\.?$))|"
    # (with an e-mail address: "Contact Elena de la Cruz at the garden office, (323) ..." closed
    # a story)
    rf"(?:Contact|Reach|Email|E-mail)\s+{_NAME}(?:at|via)\b(?=.*@)|"
    # ("Check out more articles on BuzzFeed.com!", a site's line under its stories; not a
    # review's "Check out other stories in the collection", a library's "Check out more
    # stories at any branch")
    r"(?i:check out more (?:articles|stories) (?:on|from)\b|"
    r"a version of this (?:article|story)\b|follow\b.{0,80}\bon (?:facebook|twitter|"
    r"instagram)\b|read or share this story\b|the views expressed\b|"
    r"was this (?:page|article) helpful\b|republish this (?:story|article)\b|"
    # (WordPress themes' line under a post: "This entry was posted on ... and is filed
    # under ...", "This entry was posted in ... Bookmark the permalink.")
    r"this entry was posted\b)")
_TAIL_PHRASE_RE = re.compile(  # (searched in lines that hold one of _TAIL_HINTS)
    r"\bletters? to the editor\b|\bwe(?:['’]d| would)? (?:like|want|love) to hear\b|"
    r"\bappears? in print\b|\bthis (?:story|article) has not been edited\b|"
    r"\bcontributed (?:to this (?:report|story|article)|reporting)\b", re.I)
_TAIL_HINTS = ("edit", "hear", "print", "contributed")
TAIL_MATTER_WORDS = 60


# At most this many short lines (a tag list, the writer's name) between two pieces of tail
# matter go with them
TAIL_SHORT_LINES = 8
TAIL_LABEL_WORDS = 3


def _tail_label(ln: Line) -> bool:
    """A tag, a label or a name: a short line of at most TAIL_LABEL_WORDS words, no
    sentence."""
    return ln.cls != "good" and ln.n_words <= TAIL_LABEL_WORDS and not ln.terminal


def _tail_matter(t: str) -> bool:
    if _TAIL_OPENING_RE.match(t) is not None:
        return True
    lower = t.lower()
    return (any(map(lower.__contains__, _TAIL_HINTS))
            and _TAIL_PHRASE_RE.search(t) is not None)


def cut_kept_tail(lines: list[Line]) -> None:
    """Un-keep the lines after the article that say they are none (_TAIL_OPENING_RE,
    _TAIL_PHRASE_RE), from the last kept line up to the first that is article text; and a
    reader appeal kept below the article (:func:`_cut_kept_appeal`)."""
    _cut_standards_box(lines)  # (first: a writer's bio may sit above it)
    kept = [ln for ln in lines if ln.keep]
    k = len(kept) - 1
    while k >= 0:
        ln = kept[k]
        if ln.n_words <= TAIL_MATTER_WORDS and _tail_matter(ln.text):
            ln.keep, ln.reason = False, "boilerplate"
            k -= 1
            continue
        # (tags and the writer's name between two pieces of tail matter: "The views
        # expressed ..." over "Tagged", the tags, "Walter Greene" and his bio)
        j = k
        while j >= 0 and j > k - TAIL_SHORT_LINES and _tail_label(kept[j]):
            j -= 1
        if j == k or j < 0 or not (kept[j].n_words <= TAIL_MATTER_WORDS
                                    and _tail_matter(kept[j].text)):
            break
        for c in kept[j + 1:k + 1]:
            c.keep, c.reason = False, "boilerplate"
        k = j
    _cut_kept_appeal(lines)
    _cut_release_tail(lines)


# A press release's closing matter: the "About <Company>" section (its boilerplate), the
# forward-looking statements, the media contacts, the editors' notes and the end marks
# ("ENDS", "###", "-30-"), each a heading of its own; and a company's boilerplate paragraph
# without a heading ("Ascom is a global solutions provider focused on ...") among the last
# RELEASE_BOILERPLATE_LINES kept lines. From there to the end, in the latter half of the kept
# text, it goes: AEB's gold leaves each of them out (an "About" line never is in it), and a
# probe's press releases kept them (precision 0.71 and 0.80). "About" takes capitalised
# words, a name: "About the study" can be a story's last section.
_RELEASE_HEADING_RE = re.compile(
    r"(?:about\s+(?-i:[A-Z][\w&.'’-]*(?:\s+(?:&\s+)?[A-Z][\w&.'’-]*){0,4})|"
    r"forward[- ]looking statements?|safe harbou?r statement|cautionary (?:note|statement)s?"
    r"(?: regarding forward[- ]looking statements?)?|(?:media|press|investor|journalist)"
    r"(?: relations)? (?:contacts?|enquiries|inquiries)|notes? (?:to|for) editors?|"
    r"ends|-\s*ends\s*-|#{3}|-30-)\s*:?", re.I)
_COMPANY_BOILERPLATE_RE = re.compile(
    r"(?:[A-Z][\w&.'’-]*,?\s+){1,4}(?:\([\w: .]+\)\s+)?(?:is|are)\s+(?:a|an|the)\s+"
    r"(?:[\w'’-]+\s+){0,5}?(?:provider|leader|company|manufacturer|developer|supplier|maker|"
    r"firm|organi[sz]ation|operator|producer|distributor|group)s?\b")
RELEASE_HEADING_WORDS = 8
RELEASE_BOILERPLATE_LINES = 3
# A company's profile names COMPANY_PROFILE_TERMS of these (a news story's last paragraph
# "Boeing is the world's largest aircraft maker." names none)
_COMPANY_PROFILE_RE = re.compile(
    r"\b(?:headquartered|founded in|employs|employees|listed on|for more information|"
    r"www\.|offices in|subsidiaries|operat(?:es|ing) in|customers in|countries)\b", re.I)
COMPANY_PROFILE_TERMS = 2


def _company_profile(tail: list[Line]) -> bool:
    return len({m.group(0).lower() for ln in tail
                for m in _COMPANY_PROFILE_RE.finditer(ln.text)}) >= COMPANY_PROFILE_TERMS


def _cut_release_tail(lines: list[Line]) -> None:
    kept = [ln for ln in lines if ln.keep]
    total = sum(ln.n_words for ln in kept)
    seen = 0
    for j, ln in enumerate(kept):
        if seen * 2 >= total and (
                (ln.n_words <= RELEASE_HEADING_WORDS and not ln.terminal
                 and _RELEASE_HEADING_RE.fullmatch(ln.text.strip()) is not None)
                or (j >= len(kept) - RELEASE_BOILERPLATE_LINES
                    and _COMPANY_BOILERPLATE_RE.match(ln.text) is not None
                    and _company_profile(kept[j:]))):
            for c in kept[j:]:
                c.keep, c.reason = False, "boilerplate"
            return
        seen += ln.n_words


# A reader appeal below the article ("We have a small favour to ask. Millions of readers turn
# to our independent journalism ... the support of readers like you"): a paragraph naming at
# least APPEAL_WORDS different words of such appeals, with nothing after it but short or
# list lines (the "Most viewed" list the region ran on to) among the last APPEAL_LINES kept
# lines. It goes with what follows it, and the appeal's lines and short lines right above
# it ("Before you move on…", "... we have a small favour to ask."). Article text continues
# after no such paragraph; one that ends the article and names two of them would go too (a
# story on a paper's subscribers and its journalism).
_APPEAL_RE = re.compile(rf"\b(?:{APPEAL_TERMS}|small favou?r)\b", re.I)
APPEAL_WORDS = 2
APPEAL_LINES = 30
APPEAL_LABEL_WORDS = 6


def _appeal(text: str) -> bool:
    """``text`` names APPEAL_WORDS different words of a reader appeal (the search is made only
    where a cheap test of the lower-cased text finds one: most last paragraphs have none)."""
    lower = text.lower()
    return any(map(lower.__contains__, _APPEAL_HINTS)) and len(
        {m.group(0).lower() for m in _APPEAL_RE.finditer(text)}) >= APPEAL_WORDS


# (every match of _APPEAL_RE holds one of these)
_APPEAL_HINTS = ("support", "journalis", "contribution", "donat", "subscri", "readers like",
                 "favo")


def _cut_kept_appeal(lines: list[Line]) -> None:
    kept = islice(filter(_KEEP, reversed(lines)), APPEAL_LINES)  # (the last kept lines, up)
    below: list[Line] = []
    for ln in kept:
        below.append(ln)
        if ln.cls == "good" and ln.n_words <= TAIL_MATTER_WORDS * 2 and _appeal(ln.text):
            for above in kept:  # (and up over the appeal's other lines, and short lines)
                if not ((above.cls != "good" and above.n_words <= APPEAL_LABEL_WORDS)
                        or _APPEAL_RE.search(above.text)):
                    break
                below.append(above)
            for c in below:
                c.keep, c.reason = False, "appeal"
            return
        if ln.cls == "good" and not ln.in_list:
            return  # (a paragraph of the article below it, or no appeal)


# A newsroom's statement of its standards below the article, in its own voice ("The Fieldnote
# is an independent, nonprofit newsroom. ... We correct errors promptly and transparently.",
# "Our journalists follow a code of ethics ...") under a heading ("Our Standards", "How we
# report"): prose by its shape, the region ran on into it. A paragraph naming at least
# STANDARDS_TERMS different terms of such statements, with "we" or "our", not reported
# ("..., the editor said": a story on a paper's ethics quotes them), among the last
# STANDARDS_LINES kept lines with only such lines, short lines, prompts and tail matter after
# it: it goes with all of them, and the short lines right above it (its heading).
_STANDARDS_RE = re.compile(
    r"\b(?:code of ethics|ethics (?:policy|policies|guidelines|code)|"
    r"corrections? (?:policy|policies|editor)|standards editor|editorial (?:standards|"
    r"independence)|(?:our|these) standards|correct (?:errors|mistakes)|errors? of fact|"
    r"(?:unnamed|anonymous|confidential) sources|on the record|conflicts? of interest|"
    r"non-?profit|nonpartisan|non-partisan|newsroom|accura(?:cy|te)|fairness|"
    r"transparen(?:cy|t|tly)|independent (?:local )?journalism|"
    r"(?:made|make) an? (?:error|mistake))\b",
    re.I)
_WE_RE = re.compile(r"\b(?:we|our|us)\b", re.I)
STANDARDS_TERMS = 2
STANDARDS_LINES = 12
STANDARDS_HEADING_WORDS = 6


# (every match of _STANDARDS_RE holds one of these, lower-cased: a C-level test first)
_STANDARDS_HINTS = ("ethic", "correct", "standard", "independen", "sources", "record",
                    "conflict", "profit", "partisan", "newsroom", "accura", "fairness",
                    "transparen", "error", "mistake")


def _standards(ln: Line) -> bool:
    t = ln.text
    if ln.n_words > TAIL_MATTER_WORDS * 2:
        return False
    lower = t.lower()
    return (any(map(lower.__contains__, _STANDARDS_HINTS))
            and len({m.group(0).lower() for m in _STANDARDS_RE.finditer(t)}) >= STANDARDS_TERMS
            and _WE_RE.search(t) is not None and REPORTED_RE.search(t) is None)


def _cut_standards_box(lines: list[Line]) -> None:
    kept = list(islice(filter(_KEEP, reversed(lines)), STANDARDS_LINES))  # (the last, up)
    top = None  # the box's first paragraph found so far (the lowest index)
    for n, ln in enumerate(kept):
        if _standards(ln):
            top = n
        elif not (ln.n_words <= STANDARDS_HEADING_WORDS
                  or (ln.n_words <= TAIL_MATTER_WORDS
                      and (addresses_the_reader(ln.text) or _tail_matter(ln.text)))):
            break  # (a paragraph of the article)
    if top is None:
        return
    end = top + 1
    while end < len(kept) and kept[end].n_words <= STANDARDS_HEADING_WORDS \
            and not kept[end].terminal:
        end += 1  # (its heading, "Our Standards")
    for c in kept[:end]:
        c.keep, c.reason = False, "boilerplate"
