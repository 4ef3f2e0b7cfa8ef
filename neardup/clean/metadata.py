"""Title, byline, dateline and publication date found in page text.

These sit in the page header between the navigation and the first paragraph: the headline,
"By Name", "Published ... on", a date line. They are metadata, not article text, so the cleaner
reports them separately and removes their lines (reason ``metadata``). The dateline
("BAGHDAD —", "WASHINGTON (AP) —") opens the first paragraph and stays in the text: it is part
of the story as written.
"""

from __future__ import annotations

import re
from datetime import date

from neardup.clean.lines import _DATE_RE, _TIME_RE, WORD_RE, Line
from neardup.stopwords import STOPWORDS

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MON = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), "ymd"),
    (re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), "mdy"),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON},?\s+(\d{{4}})\b", re.I), "dmy"),
    (re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b"), "ymd"),
]
# A whole \w+ word of 4 digits: every date of _DATE_PATTERNS has one, its year (a cheap
# necessary condition for parse_date, tested first)
_YEAR_WORD_RE = re.compile(r"(?<!\w)\d{4}(?!\w)")
BYLINE_RE = re.compile(
    r"^(?:by|written by|words by|story by|reporting by|posted by|authors?:)[:\s]+"
    r"([A-Z][\w.'’-]*(?:[\s,]+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,8})\s*[,|]?\s*(.*)$",
    re.I,
)
DATELINE_RE = re.compile(
    r"^((?:[A-Z][A-Z.'’-]+)(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,4}"
    r"(?:\s*\((?:AP|Reuters|AFP|UPI|CNN|Bloomberg|[A-Z][\w ]{0,20})\))?)\s*[—–―]{1,2}\s*|"
    r"^((?:[A-Z][A-Z.'’-]+)(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,4}\s*\([A-Za-z ]{2,20}\))\s*-{1,2}\s*"
)
# A line that only announces the byline on the next line ("By", "Author:")
_BY_LABELS = frozenset(
    ["by", "by:", "author", "author:", "authors:", "written by", "written by:", "posted by"]
)
# Words of a date, never of a name
_DATE_WORDS = frozenset(
    """january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday today yesterday""".split()
)
# Lower-case particles inside a name ("Ursula von der Leyen")
_NAME_PARTICLES = "de van von der den da di del du la le bin al".split()
# Lower-case words inside a name or between names ("A and B")
_NAME_CONNECTORS = frozenset([*_NAME_PARTICLES, "and", "y"])
# A name as printed in a byline without "By": 2-4 capitalised words, initials ("Bruce Y.
# Lee"), a lower-case particle ("Ursula von der Leyen"); two names joined by "and" / "&"
_UP, _LO = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_NAME_WORD = rf"(?:[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?(?:[-'’][{_UP}][{_LO}]+)?|[{_UP}]\.)"
_ONE_NAME = (rf"{_NAME_WORD}(?:\s+(?:(?:{'|'.join(_NAME_PARTICLES)})\s+)?"
             rf"{_NAME_WORD}){{1,3}}")
_NAMES = rf"{_ONE_NAME}(?:\s+(?:and|&)\s+{_ONE_NAME})?"
NAME_LINE_RE = re.compile(rf"({_NAMES})")
# The name followed by a role, an affiliation, a handle or a date ("Jane Smith, AP Writer",
# "Jane Smith @jsmith", "Jane Smith - Nov 19, 2019")
NAME_ROLE_RE = re.compile(rf"({_NAMES})(?:\s*[,|·•/–—-]\s*|\s+(?=@))(\S.*)")
# "... by Name" closing a date line ("11/19/2019 by Jane Smith", "Nov 12, 2018 | BY: Site")
DATE_BY_RE = re.compile(
    rf"\d.*?(?:\s|[|/·•])(?:by|By|BY):?\s+([{_UP}][\w.'’-]*(?:\s+[{_UP}][\w.'’-]*){{0,3}})"
)
# Separators between the headline and the site name in a page title ("Headline | Site")
_TITLE_SEP_RE = re.compile(r"\s+[|–—·:-]{1,2}\s+")
#: How many lines above the article's first line are searched for its byline, date and a
#: heading-like headline (the headline found by the page's <title> is searched further up).
HEADER_LINES = 15
#: How many lines at the top of extracted text may precede the headline (a section label, a
#: category, a date).
TOP_TITLE_LINES = 4
_PUBLISHED_RE = re.compile(
    r"^(?:published|updated|posted|first published|last updated|date)\b", re.I
)


def parse_date(text: str) -> str | None:
    """The first calendar date in ``text`` as ISO 'YYYY-MM-DD', or None."""
    best: tuple[int, str] | None = None
    for rx, order in _DATE_PATTERNS:
        # (every match in turn: an impossible date, "Feb 30, 2021", must not hide a later one)
        for m in rx.finditer(text):
            if best is not None and m.start() >= best[0]:
                break
            try:
                if order == "ymd":
                    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
                elif order == "mdy":
                    mo, d, y = _MONTHS[m.group(1)[:3].lower()], int(m.group(2)), int(m.group(3))
                else:
                    d, mo, y = int(m.group(1)), _MONTHS[m.group(2)[:3].lower()], int(m.group(3))
                iso = date(y, mo, d).isoformat()
            except (ValueError, KeyError):
                continue
            if 1990 <= y <= 2100:
                best = (m.start(), iso)
                break
    return best[1] if best else None


def find_byline(lines: list[Line], lo: int, hi: int) -> tuple[str | None, list[int]]:
    """A "By Name" line (or "By" alone followed by the name) among ``lines[lo:hi]``."""
    for i in range(lo, min(hi, len(lines))):
        t = lines[i].text
        if lines[i].n_words > 14:
            continue
        if t.strip().lower() in _BY_LABELS and i + 1 < len(lines):
            nxt = lines[i + 1].text.strip()
            if 1 <= lines[i + 1].n_words <= 6 and nxt[:1].isupper():
                return nxt, [i, i + 1]
        m = BYLINE_RE.match(t.strip())
        if m and m.group(1)[:1].isupper():
            name = _trim_name(m.group(1))
            return name, [i]
    return None, []


def _trim_name(name: str) -> str:
    """The name words of a matched byline: up to the first lower-case word other than a
    connector ("Jane Smith on November 19" -> "Jane Smith"; BYLINE_RE ignores case)."""
    words = name.split()
    for j, w in enumerate(words[1:], 1):
        if w[:1].islower() and w.lower() not in _NAME_CONNECTORS:
            words = words[:j]
            break
    return " ".join(words).strip(" ,")


def _name_ok(name: str) -> bool:
    """Every word of ``name`` may be a name's: no function word ("The", "All") and no word of
    a date ("Monday", "Nov")."""
    for w in WORD_RE.findall(name):
        lw = w.lower()
        if lw in _NAME_CONNECTORS:
            continue
        if lw in STOPWORDS or lw in _DATE_WORDS:
            return False
    return True


def is_date_line(ln: Line) -> bool:
    """A time stamp or a line with a date (also "11/19/2019", which parse_date leaves)."""
    return (ln.timestamp or (ln.digit_ratio > 0 and _DATE_RE.search(ln.text) is not None)
            or _has_date(ln.text))


def find_name_byline(lines: list[Line], lo: int, hi: int, title_idx: int | None,
                     date_idx: list[int]) -> tuple[str | None, list[int]]:
    """A byline without "By" among ``lines[lo:hi]`` (the header below the headline).

    * a line that is a name ("Jane Smith") or a name with its role, affiliation, handle or
      date ("Jane Smith, AP Writer", "Jane Smith @jsmith", "Jane Smith - Nov 19, 2019"),
      right below the headline or next to a date line;
    * a date line holding a name before or after the date ("November 20, 2019 Jane Smith")
      or closed by "by Name" ("11/19/2019 by Jane Smith").
    """
    hi = min(hi, len(lines))
    dated = [is_date_line(lines[i]) or i in date_idx for i in range(lo, hi)]

    def near_header(i: int) -> bool:
        return (i - 1 == title_idx or (i > lo and dated[i - 1 - lo])
                or (i + 1 < hi and dated[i + 1 - lo]))

    for i in range(lo, hi):
        ln = lines[i]
        if ln.cls == "bad" and i not in date_idx or ln.n_words > 14 or ln.terminal:
            continue
        t = ln.text.strip()
        name = None
        if dated[i - lo]:
            m = DATE_BY_RE.search(t)
            if m and m.end() == len(t.rstrip(" .")):
                name = m.group(1)
            else:
                rest = _TIME_RE.sub(" ", _DATE_RE.sub(" ", t)).strip(" ,|·•/–—-")
                if rest != t and NAME_LINE_RE.fullmatch(rest):
                    name = rest
        elif near_header(i):
            m = NAME_LINE_RE.fullmatch(t) or NAME_ROLE_RE.fullmatch(t)
            if m and (m.re is NAME_LINE_RE or len(m.group(2).split()) <= 8):
                name = m.group(1)
        if name and _name_ok(name):
            return name, [i]
    return None, []


def find_dateline(first_paragraph: str) -> str | None:
    """The dateline opening a paragraph, e.g. 'BAGHDAD' or 'WASHINGTON (AP)'."""
    m = DATELINE_RE.match(first_paragraph)
    if not m:
        return None
    val = (m.group(1) or m.group(2) or "").strip(" ,")
    words = WORD_RE.findall(val)
    if not words or not any(w.isupper() and len(w) >= 2 for w in words):
        return None
    return val


def find_date(lines: list[Line], lo: int, hi: int) -> tuple[str | None, list[int]]:
    """Publication date from date-like header lines in ``lines[lo:hi]``.

    Returns the ISO date and the indices of the lines that only carry it (a "Published ..."
    prefix line directly before a bare date line is included).
    """
    for i in range(lo, min(hi, len(lines))):
        ln = lines[i]
        # (every date pattern holds a 4-digit year as a whole \w+ word: no digit word, no date)
        if ln.n_words > 16 or not ln.digit_ratio or _YEAR_WORD_RE.search(ln.text) is None:
            continue
        iso = parse_date(ln.text)
        if iso is None:
            continue
        idx = [i] if ln.timestamp or _PUBLISHED_RE.match(ln.text) else []
        if i > lo and _PUBLISHED_RE.match(lines[i - 1].text) and lines[i - 1].n_words <= 8:
            idx.insert(0, i - 1)
        return iso, idx
    return None, []


def find_title(lines: list[Line], article_start: int, page_title: str | None,
               skip: set[int] | None = None, title_line: int | None = None) -> int | None:
    """Index of the headline line: the heading-like line before the article start.

    Prefers a line whose words are a prefix of the page's ``<title>`` (often the first line of
    rendered page text, "Headline - Site"), the closest to the article anywhere above it (menus,
    share buttons and teasers can put dozens of lines between the headline and the first
    paragraph), else the closest heading-like line above the article within a small window
    (not a date line, a line of numbers or a URL: :func:`_not_headline`). Lines in ``skip``
    (the byline and date lines already found) and byline-shaped lines ("By Name, Agency") are
    never the title, nor ``title_line``, the line ``page_title`` was read from (a headline may
    have its words).
    """
    skip = skip or set()
    lo = max(0, article_start - HEADER_LINES)
    if page_title:
        pt = " ".join(WORD_RE.findall(page_title.lower()))
        for i in range(article_start - 1, -1, -1):
            ln = lines[i]
            # (ln.key is the same for ASCII text, where lower-casing keeps word boundaries)
            k = ln.key if ln.text.isascii() else " ".join(WORD_RE.findall(ln.text.lower()))
            if ln.n_words >= 3 and k and pt.startswith(k) and i != title_line:
                return i
    for i in range(article_start - 1, lo - 1, -1):
        ln = lines[i]
        if i in skip or i == title_line or BYLINE_RE.match(ln.text.strip()) or _not_headline(ln):
            continue
        if (
            4 <= ln.n_words <= 25
            and not ln.terminal
            and ln.cls == "short"
            and (ln.title_ratio >= 0.5 or ln.n_words >= 6)
        ):
            return i
    return None


def _not_headline(ln: Line) -> bool:
    """A date or time line ("November 20, 2019 / 1:07 AM / CBS News"), a line of numbers
    (a score or table row, "Palm Bay 18 22 13 17 — 70") or a URL: heading-shaped by length and
    missing sentence end, but never the headline."""
    return (
        ln.digit_ratio >= 0.3
        or "://" in ln.text
        or _has_date(ln.text)
    )


def find_top_title(lines: list[Line], start: int, page_title: str | None) -> int | None:
    """Index of the headline at the top of already-extracted text, or None.

    An extractor's main text (trafilatura's) often starts with the ``<h1>`` headline, which is
    metadata, not article text. It is found by the page's ``<title>``: a line among the first
    :data:`TOP_TITLE_LINES` from ``start`` whose words are the title's, a prefix of them
    ("Headline" of "Headline | Site"), or one separator-delimited part ("Site - Headline").
    Only the title's own words count: a lead paragraph that restates the headline differs.
    """
    if not page_title:
        return None
    pt = _key(page_title)
    if not pt:
        return None
    parts = {_key(p) for p in _TITLE_SEP_RE.split(page_title)}
    for i in range(start, min(len(lines), start + TOP_TITLE_LINES)):
        ln = lines[i]
        k = _key(ln.text)
        if not k:
            continue
        # (a prefix or a part of two words or less may be a label: "Opinion", "Breaking news")
        if k == pt or ((ln.n_words >= 3 or ln.cjk) and (k in parts or pt.startswith(k + " "))):
            return i
    return None


def title_from_page_title(page_title: str) -> str | None:
    """The headline part of a page's ``<title>``: its first part before a separator
    ("Headline | Section | Site" -> "Headline"), or, when that is a single word (a site name:
    "Site - Headline"), its longest part of at least 3 words; else None."""
    parts = [p.strip() for p in _TITLE_SEP_RE.split(page_title)]
    if len(WORD_RE.findall(parts[0])) >= 2:
        return parts[0]
    best = max(parts, key=lambda p: len(WORD_RE.findall(p)))
    return best if len(WORD_RE.findall(best)) >= 3 else None


def _has_date(text: str) -> bool:
    """A date ``parse_date`` reads (the cheap year test first)."""
    return _YEAR_WORD_RE.search(text) is not None and parse_date(text) is not None


def _key(text: str) -> str:
    return " ".join(WORD_RE.findall(text.lower()))
