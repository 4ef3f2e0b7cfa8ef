"""Dates, clock times and relative ages in a line: the patterns, and the tests that the line
features (a page's timestamp lines, "19 hours ago" under a headline), the comment headers and
the metadata read (``is_timestamp``, ``has_date_or_age``, ``bare_date_or_age``,
``has_date_or_time``). English month names and ages in the languages of the related labels;
the metadata's date parser (``metadata/dates.py``) reads dates in many more."""

from __future__ import annotations

import re

WORD_RE = re.compile(r"\w+", re.UNICODE)
HAS_DIGIT_RE = re.compile(r"\d")

# English month names and their abbreviations, lower-cased
MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_UNITS = r"(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|mins?)"
# (years up to five: "50 years ago" heads an anniversary column's section, no page's clock)
_AGO_RE = re.compile(rf"\b(?:\d+\s*{_UNITS}|[1-5]\s*(?:years?|yrs?))\s+ago\b", re.I)
# ... and in the languages of the related labels ("Hace 28 minutos" over a Spanish comment,
# "il y a 3 heures", "vor 2 Stunden", "3 ore fa", "2 uur geleden", "5 minut temu", "2 часа
# назад"); each with a word of its own that _AGO_HINTS looks for first. No years: "Vor 50
# Jahren", "Il y a 5 ans" head a retrospective's sections, and under a name ("Sophie Garnier,
# infirmière" over "Il y a 5 ans") read as a comment's header.
_AGO_OTHER_RE = re.compile(
    r"\b(?:hace|há|il y a|vor)\s+\d+\s*(?:seg(?:undo)?s?|sec(?:onde)?s?|min(?:uto|ute|uten)?s?|"
    r"horas?|heures?|stunden?|std\.?|h|d[ií]as?|jours?|tagen?|semanas?|semaines?|wochen?|"
    r"meses|mes|mês|mois|monaten?)\b|"
    r"\b\d+\s*(?:secondi|minuti|ore|ora|giorni|giorno|settimane|mesi|mese)\s+fa\b|"
    r"\b\d+\s*(?:seconden|minuten|minuut|uur|dagen|dag|weken|week|maanden|maand)\s+geleden\b|"
    r"\b\d+\s*(?:sekund\w*|minut\w*|godzin\w*|dni|dzień|tygod\w*|miesi\w*)\s+temu\b|"
    r"\b\d+\s*(?:секунд\w*|минут\w*|час\w*|дн\w*|день|недел\w*|месяц\w*)\s+назад\b", re.I)
_AGO_HINTS = ("hace", "há", "il y a", "vor", " fa", "geleden", "temu", "назад")
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE_RE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"{_MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})",
    re.I,
)
# (spaces bounded: two unbounded runs in a row, "10:30" and 200,000 spaces before a "|",
# were tried in every split of the run, 253 s; no line of AEB, Webis or synth text differs)
# (minutes 00-59, not after a currency sign or a decimal: "$3.61" and "4.28%" are no times;
# a row of prices read as a timestamp broke the table it was in)
TIME_RE = re.compile(r"(?<![$€£¥\d.,])\b\d{1,2}[:.][0-5]\d(?![\d%])\s{0,20}(?:[ap]\.?m\.?)?"
                     r"(?:\s{0,20}[A-Z]{2,4})?\b", re.I)

# Words that may stand next to a date/time in a timestamp line ("Published on ... at ...").
_TIMESTAMP_FILLER = frozenset(
    """published updated posted on at last modified am pm et est edt gmt utc pst pdt bst cet
    ist read min mins minute minutes by first date time monday tuesday wednesday thursday
    friday saturday sunday mon tue wed thu fri sat sun today yesterday ago s and the of
    h""".split()
)


def is_timestamp(t: str, n_words: int) -> bool:
    """A line that is (mostly) a date, a time or a relative age ("19 hours ago")."""
    if n_words > 12:
        return False
    rest = without_stamps(t)
    if rest == t:
        return False
    left = WORD_RE.findall(rest)
    return sum(1 for w in left if w.lower() not in _TIMESTAMP_FILLER) <= 1


def without_stamps(t: str) -> str:
    """``t`` with its dates, clock times and relative ages replaced by spaces."""
    # (each pattern only where it can match, see folded: a relative age holds "ago", a time
    # ":" or ".", a date "-", "/" or the first three letters of a month; a substitution only
    # puts a space where a match was, so the text left holds no such piece that ``t`` did not)
    low = folded(t)
    rest = t
    if "ago" in low:
        rest = _AGO_RE.sub(" ", rest)
    elif any(map(low.__contains__, _AGO_HINTS)):
        rest = _AGO_OTHER_RE.sub(" ", rest)
    if "-" in t or "/" in t or any(map(low.__contains__, _MONTH_PREFIXES)):
        rest = DATE_RE.sub(" ", rest)
    if ":" in t or "." in t:
        rest = TIME_RE.sub(" ", rest)
    return rest


def has_date_or_age(t: str) -> bool:
    """``t`` holds a date or a relative age ("19 hours ago", "hace 14 horas"), in the
    patterns of :func:`has_date_or_time` (a clock time alone is none)."""
    return (
        HAS_DIGIT_RE.search(t) is not None
        and (DATE_RE.search(t) or _AGO_RE.search(t) or _AGO_OTHER_RE.search(t)) is not None
    )


# (and the prepositions of other languages' date lines: "20.11.2019 um 17:46 Uhr", "le
# 19/11/2019 à 14:05", "12 marzo alle 18:40")
_BARE_STAMP_WORDS = _TIMESTAMP_FILLER | frozenset(
    "um uhr le à às de del alle om op el h".split())


def bare_date_or_age(t: str) -> bool:
    """``t`` is a date, a time or an age and nothing else (no name): "hace 4 minutos",
    "November 19, 2019 at 6:34 am", not "harborwatcher • 12 hours ago"."""
    return all(w.isdigit() or w.lower() in _BARE_STAMP_WORDS
               for w in WORD_RE.findall(without_stamps(t)))


def has_date_or_time(t: str) -> bool:
    """``t`` holds a date, a clock time or a relative age ("19 hours ago", "hace 14 horas")
    somewhere."""
    return has_date_or_age(t) or (
        HAS_DIGIT_RE.search(t) is not None and TIME_RE.search(t) is not None)


_MONTH_PREFIXES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                   "dec")


def folded(t: str) -> str:
    """``t`` lower-cased, with the non-ASCII letters that ``re.I`` matches to an ASCII letter
    folded to it ("İ", "ı" to "i", "ſ" to "s", "K" to "k"; re's docs list these four): an
    ASCII word a case-insensitive pattern matches in ``t`` is in the result."""
    low = t.lower()
    if low.isascii():
        return low
    # ("İ" lower-cases to "i" and a combining dot, dropped here)
    return low.replace("\u0307", "").replace("ı", "i").replace("ſ", "s")


# The attribution under an embedded social-media post: a dash, the author and the handle ("—
# Name (@handle)"), the date on the line or, where each text node is a line, on the next one.
# A comment system prints no dash nor handle; a story quoting three posts printed each
# attribution over its date line, and the run of them read as a thread: the story after the
# first went as comments (AEB as text nodes: 3 pages, recall 0.53-0.69). Or the handle alone
# ("— @mayor_dunleavy, Nov. 4, 2020"), which went as a headline list's date line. (Its date
# is the post's, not the page's: see neardup.clean.metadata.dates.far_lines.)
POST_DASHES = "—–-"  # (what an attribution opens with: a cheap first test)
POST_BY_RE = re.compile(rf"^[{POST_DASHES}]\s*(?:\S[^()]{{0,60}}\(@\w+\)|@\w+\b)")
