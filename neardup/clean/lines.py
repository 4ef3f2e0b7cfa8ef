"""Line features and line classification for scraped page text.

A page rendered as text is a sequence of lines: navigation items, headline lists, timestamps,
share prompts, the article's paragraphs, captions, footers. No single phrase list separates them,
so, like jusText, every line gets *features* (length, terminal punctuation, share of function
words and of lower-case words, title case, timestamp / link-like patterns, a small vocabulary of
generic boilerplate cues) and an initial class:

* ``good``      -- prose: long enough, ends like a sentence, reads like running text;
* ``near``      -- prose-like but short (one-sentence news paragraphs, quotes);
* ``short``     -- headings, nav items, headlines, list items: undecided, context decides;
* ``bad``       -- matched a boilerplate pattern (timestamp, share/cookie/subscribe prompt,
                   copyright line, caption credit...).

The class is only the first step: :mod:`neardup.clean.text` then picks the article region and
lets neighbours decide the undecided lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Function words of a few languages. Prose is full of them, navigation and headline lists are
# not. The lists are short on purpose: only the most frequent words, which carry the signal.
_STOPWORDS_TEXT = """
a about after all also an and any are as at be because been but by can could did do does for
from had has have he her his how i if in into is it its just more most my no not of on one or
our out over said she so some than that the their them then there these they this to up was
we were what when which who will with would you your
de la le les des du un une et en est que qui dans pour pas sur au avec ce il elle par plus
el los las y del se por con para una su al lo como más pero sus le ya o este sí porque esta
o os as do da dos das em no na um uma com não mais ao ele ela seu sua ou quando muito nos
der die das und ist den dem nicht ein eine zu mit sich auf für von auch es an werden aus
il di che e è per non una sono della con ma si come anche del gli
yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada orang kita
и в не на что с как это по но он она они из за от у же к так для
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORDS_TEXT.split())

WORD_RE = re.compile(r"\w+", re.UNICODE)
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_RUN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Sentence end, allowing closing quotes / brackets after the mark.
_TERMINAL_RE = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*\s*$")
_UNITS = (
    r"(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?|yrs?|mins?)"
)
_AGO_RE = re.compile(rf"\b\d+\s*{_UNITS}\s+ago\b", re.I)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_RE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"{_MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})",
    re.I,
)
_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\b", re.I)
_URLISH_RE = re.compile(r"(?:https?://|www\.|\S+@\S+\.\w+|^@\w+$|\.(?:com|org|net)\b)", re.I)
_COPYRIGHT_RE = re.compile(r"(?:©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved)", re.I)
# Caption credits: "(Reuters/Name)", "(Photo: AP)", "Photo credit: ...", "Getty Images".
_CREDIT_RE = re.compile(
    r"(?:\((?:[A-Z][\w.&' -]{0,30}/\s?[A-Z][\w.' -]{0,30}|"
    r"(?:photo|image|picture|video|file|credit)[^()]{0,60})\)"
    r"\s*\.?\s*$|^(?:photo|image|picture|file photo|credit)s?\s*(?:credit)?\s*[:|]|"
    r"\b(?:getty images|shutterstock|afp photo|ap photo|reuters photo|photograph:|"
    r"photo credit|image credit|image source|file photo)\b)",
    re.I,
)

# Generic cue vocabulary per boilerplate kind. These only ever decide *short* lines (or lines
# that are mostly cue), never long prose: a cue word inside a real paragraph is just a word.
CUES: dict[str, re.Pattern[str]] = {
    "share": re.compile(
        r"\b(?:share|shares|shared|tweet|pin it|whatsapp|facebook|twitter|linkedin|reddit|"
        r"pinterest|email|e-mail|print|copy link|send this|send to a friend|follow us|"
        r"follow|like us|flipboard|messenger|telegram)\b",
        re.I,
    ),
    "notice": re.compile(
        r"\b(?:cookies?|javascript|browser|ad ?blocker|privacy policy|terms of (?:use|service)|"
        r"accessibility|enable[ds]?|consent|gdpr|terms and conditions|sign ?in|log ?in|"
        r"log ?out|sign ?up|register|account|loading|advertisement|advertising|sponsored|"
        r"skip to|menu|search)\b",
        re.I,
    ),
    "appeal": re.compile(
        r"\b(?:subscribe|subscription|subscriber|newsletters?|donat\w*|contribut\w*|"
        r"support (?:us|our|independent|local|quality)|become a (?:member|patron|subscriber)|"
        r"membership|inbox|help (?:us|keep|continue|fund)|make a gift|unlimited access|"
        r"(?:the )?news that matters|journalism)\b",
        re.I,
    ),
    "comments": re.compile(
        r"\b(?:comments?|commenting|commenters?|moderat\w+|leave a reply|reply|replies|"
        r"join the (?:discussion|conversation)|discussion|community guidelines|"
        r"posting rules|disqus|add your comment)\b",
        re.I,
    ),
    "related": re.compile(
        r"\b(?:related|read more|more from|more stories|recommended|you may also like|"
        r"don'?t miss|up next|read next|trending|most popular|most read|latest news|"
        r"top stories|popular|see also|also read|also see|watch|more news|editor'?s picks?|"
        r"sponsored content|around the web|promoted|what to read next|in case you missed)\b",
        re.I,
    ),
    "navigation": re.compile(
        r"\b(?:home|next|previous|prev|back to top|page \d+|next page|contact us|about us|"
        r"sitemap|site map|careers|rss|faq|help|tags?|topics?|categor(?:y|ies)|sections?|"
        r"archives?|all rights|more)\b",
        re.I,
    ),
}


@dataclass(slots=True)
class Line:
    """One non-blank line of the source text with its features and classification."""

    index: int
    start: int
    end: int
    text: str
    n_words: int = 0
    n_chars: int = 0
    stop_ratio: float = 0.0
    lower_ratio: float = 0.0
    title_ratio: float = 0.0
    digit_ratio: float = 0.0
    terminal: bool = False
    n_sentences: int = 0
    n_commas: int = 0
    cue: str | None = None
    cue_words: int = 0
    timestamp: bool = False
    credit: bool = False
    cls: str = "short"
    reason: str = ""
    keep: bool = False
    blank_before: bool = False
    extra: dict[str, object] = field(default_factory=dict)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with ``[start, end)`` offsets of their stripped content in ``text``."""
    out: list[Line] = []
    pos = 0
    blank = True
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        raw = text[pos:nl]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            s = pos + lead
            out.append(
                Line(
                    index=len(out),
                    start=s,
                    end=s + len(stripped),
                    text=stripped,
                    blank_before=blank,
                )
            )
            blank = False
        else:
            blank = True
        pos = nl + 1
    return out


def _is_capitalised(w: str) -> bool:
    return w[:1].isupper()


def compute_features(line: Line) -> None:
    """Fill the feature fields of ``line`` from its text."""
    t = line.text
    words = WORD_RE.findall(t)
    alpha = [w for w in words if not w.isdigit()]
    # Scripts written without spaces (CJK) give few, long \w+ runs: count ~2 chars a word.
    cjk = len(_CJK_RE.findall(t))
    line.n_words = max(len(words), len(words) + cjk // 2 - len(_CJK_RUN_RE.findall(t)))
    line.n_chars = len(t)
    if words:
        line.stop_ratio = sum(1 for w in words if w.lower() in STOPWORDS) / len(words)
        line.digit_ratio = sum(1 for w in words if w.isdigit()) / len(words)
    if alpha:
        cased = [w for w in alpha if w[:1].isalpha() and (w[:1].isupper() or w[:1].islower())]
        if len(cased) * 2 >= len(alpha) and cased:
            line.lower_ratio = sum(1 for w in cased if w[:1].islower()) / len(cased)
            content = [w for w in cased if w.lower() not in STOPWORDS]
            if content:
                line.title_ratio = sum(1 for w in content if _is_capitalised(w)) / len(content)
        else:  # scripts without case (CJK, Arabic...): treat as prose-like case
            line.lower_ratio = 1.0
    line.terminal = bool(_TERMINAL_RE.search(t))
    line.n_sentences = len(re.findall(r"[.!?…][\"'”’)]*\s+[\"'“‘(]?[A-Z0-9]", t)) + int(
        line.terminal
    )
    line.n_commas = t.count(",") + t.count("，")
    line.timestamp = _is_timestamp(t, len(words))
    line.credit = bool(_CREDIT_RE.search(t))
    best, best_n = None, 0
    for kind, rx in CUES.items():
        k = len(rx.findall(t))
        if k > best_n:
            best, best_n = kind, k
    line.cue, line.cue_words = best, best_n


def _is_timestamp(t: str, n_words: int) -> bool:
    """A line that is (mostly) a date, a time or a relative age ("19 hours ago")."""
    if n_words > 12:
        return False
    rest = _AGO_RE.sub(" ", t)
    rest = _DATE_RE.sub(" ", rest)
    rest = _TIME_RE.sub(" ", rest)
    if rest == t:
        return False
    left = WORD_RE.findall(rest)
    filler = {
        "published",
        "updated",
        "posted",
        "on",
        "at",
        "last",
        "modified",
        "am",
        "pm",
        "et",
        "est",
        "edt",
        "gmt",
        "utc",
        "pst",
        "pdt",
        "bst",
        "cet",
        "ist",
        "read",
        "min",
        "mins",
        "minute",
        "minutes",
        "by",
        "first",
        "date",
        "time",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "today",
        "yesterday",
        "ago",
        "s",
        "and",
        "the",
        "of",
        "h",
    }
    return sum(1 for w in left if w.lower() not in filler) <= 1


# Class thresholds (word counts). Chosen from the jusText defaults (length 70/200 chars ~
# 12/35 words) but lower, because news paragraphs are often one sentence.
GOOD_WORDS = 12
NEAR_WORDS = 6


def classify(line: Line, english_like: bool) -> None:
    """Initial, context-free class of one line (see the module docstring)."""
    n = line.n_words
    cue_dominant = line.cue is not None and (
        n <= 4 or line.cue_words * 4 >= n or (n <= 10 and not line.terminal)
    )
    if line.timestamp:
        line.cls, line.reason = "bad", "headline-list"
        return
    if _URLISH_RE.search(line.text) and n <= 6:
        line.cls, line.reason = "bad", "navigation"
        return
    if _COPYRIGHT_RE.search(line.text) and n <= 40:
        line.cls, line.reason = "bad", "boilerplate"
        return
    if line.credit and n <= 80:
        line.cls, line.reason = "bad", "caption"
        return
    if cue_dominant and n <= 25:
        line.cls, line.reason = "bad", line.cue or "boilerplate"
        return
    if line.text.count("|") >= 2 and line.stop_ratio < 0.3:
        line.cls, line.reason = "bad", "navigation"
        return
    latin = sum(1 for c in line.text if c.isascii() and c.isalpha())
    letters = sum(1 for c in line.text if c.isalpha()) or 1
    # function words only mean something for Latin-script lines of a language we list
    needs_stops = english_like and latin * 2 >= letters
    prose = (line.lower_ratio >= 0.55 or (n >= 20 and line.lower_ratio >= 0.35)) and (
        line.stop_ratio >= 0.15 or not needs_stops
    )
    if n >= GOOD_WORDS and line.terminal and prose or n >= 3 * GOOD_WORDS and prose:
        line.cls = "good"
    elif (
        n >= NEAR_WORDS
        and (line.terminal or line.n_commas >= 2)
        and prose
        or n >= GOOD_WORDS
        and line.lower_ratio >= 0.5
        or n >= 3
        and line.terminal
        and prose
        and line.text[:1].isupper()
    ):
        # the last case is a short sentence: "She gave no reason."
        line.cls = "near"
    else:
        line.cls = "short"
    if (
        line.cls != "short"
        and line.cue in ("appeal", "comments", "share", "notice")
        and (line.cue_words >= 2 and n <= 30)
    ):
        line.cls, line.reason = "bad", line.cue


def analyse(text: str) -> list[Line]:
    """Split ``text`` into lines, compute features and the initial classes."""
    lines = split_lines(text)
    for ln in lines:
        compute_features(ln)
    total = sum(ln.n_words for ln in lines)
    stops = sum(ln.stop_ratio * ln.n_words for ln in lines)
    english_like = total > 0 and stops / total >= 0.12
    for ln in lines:
        classify(ln, english_like)
    return lines
