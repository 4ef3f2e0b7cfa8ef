"""Publication dates in page text: date formats of many languages, "Published" and
"Updated" labels, the day order a page writes, the date line under a headline, and a date
in the URL."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from neardup.clean.features import WORD_RE
from neardup.clean.lines import Line
from neardup.clean.stamps import DATE_RE, POST_BY_RE, POST_DASHES, TIME_RE
from neardup.stopwords import ENGLISH_STOPWORDS, PROSE_STOPWORDS

# Month names and their abbreviations as news sites print them, in English and the other
# languages of the Latin script most common in news (es, pt, it, fr, de, nl). No two languages
# give one form different months ("mar" is March, "set" September, "mai" May in all of them).
_MONTH_FORMS = {
    1: "january jan enero ene janeiro gennaio gen janvier janv januar jänner januari",
    2: "february feb febrero fevereiro fev febbraio février févr fév februar februari",
    3: "march mar marzo março mars märz mär maart mrt",
    4: "april apr abril abr aprile avril avr",
    5: "may mayo maio mai maggio mag mei",
    6: "june jun junio junho giugno giu juin juni",
    7: "july jul julio julho luglio lug juillet juil juli",
    8: "august aug agosto ago août augustus",
    9: "september sept sep septiembre setiembre setembro settembre set septembre",
    10: "october oct octubre outubro out ottobre ott octobre oktober okt",
    11: "november nov noviembre novembro novembre",
    12: "december dec diciembre dic dezembro dez dicembre décembre déc dezember",
}
# ... and of the other languages of the prose weights' stopwords, Turkish and Czech, as their
# dates print them ("12 marca 2024", "12 Mart 2024", "12 Maret 2024", "12 martie 2024",
# "12. března 2024"), with Arabic and Hindi: the same rule (no form of two months).
_MORE_MONTH_FORMS = {
    1: "styczeń stycznia ianuarie ocak ledna يناير जनवरी",
    2: "luty lutego februarie şubat února فبراير फ़रवरी फरवरी",
    3: "marzec marca martie mart maret marts března مارس मार्च",
    4: "kwiecień kwietnia aprilie nisan dubna أبريل إبريل अप्रैल",
    5: "maj maja mayıs května مايو मई",
    6: "czerwiec czerwca iunie haziran června يونيو जून",
    7: "lipiec lipca iulie temmuz července يوليو जुलाई",
    8: "sierpień sierpnia agustus ağustos augusti srpna أغسطس अगस्त",
    9: "wrzesień września septembrie eylül září سبتمبر सितंबर सितम्बर",
    10: "październik października octombrie ekim října أكتوبر अक्टूबर",
    11: "listopad listopada noiembrie kasım listopadu نوفمبر नवंबर नवम्बर",
    12: "grudzień grudnia decembrie aralık prosince desember ديسمبر दिसंबर दिसम्बर",
}
# Russian and Ukrainian, in the genitive of "11 октября 2018", "12 березня 2024"
_MONTH_FORMS_CYRILLIC = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
)

_MONTHS = {form: month for table in (_MONTH_FORMS, _MORE_MONTH_FORMS)
           for month, forms in table.items() for form in forms.split()}
_MONTHS.update({form: month for forms in _MONTH_FORMS_CYRILLIC
                for month, form in enumerate(forms.split(), 1)})
_ENGLISH_MONTHS = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# (longest first: "sept" before "sep", "juni" before "jun")
_ANY_MONTH = rf"({'|'.join(sorted(_MONTHS, key=len, reverse=True))})\.?"
# (pattern, order of its groups, the characters one of which each of its matches holds: a
# text without any of them skips the pattern, e.g. the date line "Nov 18, 2019" all but two)
_DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), "ymd", "-"),
    (re.compile(rf"\b{_ENGLISH_MONTHS}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I),
     "mdy", ""),
    # "19 November 2019", "19th of Nov. 2019", "19. November 2019", "19 de noviembre de 2019"
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s+(?:of\s+|de\s+)?{_ANY_MONTH},?\s+"
                rf"(?:de\s+)?(\d{{4}})\b", re.I), "dmy", ""),
    # "19-Nov-2019"
    (re.compile(rf"\b(\d{{1,2}})-{_ANY_MONTH}-(\d{{4}})\b", re.I), "dmy", "-"),
    # "2019年11月19日" (Chinese, Japanese), "2019년 11월 19일" (Korean)
    (re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"), "ymd", "年"),
    (re.compile(r"(\d{4})년\s?(\d{1,2})월\s?(\d{1,2})일"), "ymd", "년"),
    (re.compile(r"\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b"), "ymd", "/."),
    # "19.11.2019": day first wherever dots are written, unless the second number cannot be a
    # month ("11.15.2019")
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "d.m.y", "."),
    # "19-11-2019" (Dutch, Danish, Indian sites; "03-12-2024" on a US one): day first on a
    # page not in English; on an English one only a date that can be read one way only
    (re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b"), "m-d-y", "-"),
    # "11/19/2019": month first (US), unless the first number cannot be a month ("19/11/2019")
    # or the page is not in English (``day_first``)
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), "m/d/y", "/"),
    # "11/18/19 11:04 PM": a two-digit year only with a time after it (else a score, a ratio)
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}),?\s+\d{1,2}:\d{2}(?!\d)"), "m/d/yy", "/"),
    # "19.11.19, 10:42 Uhr": likewise, day first
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2}),?\s+\d{1,2}:\d{2}(?!\d)"), "d.m.yy", "."),
]
# What every date of _DATE_PATTERNS holds: a 4-digit \w+ word (its year), the two-digit year
# of "11/18/19" or "19.11.19", or a year before "年" (a cheap necessary condition for
# parse_date, tested first)
_DATE_HINT_RE = re.compile(r"(?<!\w)\d{4}(?!\w)|\d[/.]\d{1,2}[/.]\d{2}\b|\d{4}[年년]")
# A date in a URL's path ("/2019/11/18/", "/2019-11-18-", "/2019/nov/18/"): where the site
# filed the story, usually the day it was published
_URL_DATE_RE = re.compile(
    r"(?<![\w-])((?:19|20)\d{2})([/-])(\d{1,2}|[a-z]{3})\2(\d{1,2})(?!\w)", re.I
)
_PUBLISHED_RE = re.compile(
    r"^(?:published|updated|posted|first published|originally published|last updated|date)\b",
    re.I
)


# A label of the publication date, not at the start of a line that holds several dates
# ("Updated Nov 19, 2019, 9:41 AM; Posted Nov 18, 2019, 8:19 PM")
PUBLISHED_WORDS = (r"first published|originally published|first posted|originally posted|"
                   r"published|posted|publicado|publi[ée]|ver[öo]ffentlicht|pubblicato|"
                   r"gepubliceerd|opublikowano|publicerad|publiceret|publisert")
PUBLISHED_LATER_RE = re.compile(rf"(?<=\W)(?:{PUBLISHED_WORDS})\b", re.I)
# A date line that gives the last update, not the publication ("Updated: Nov. 20, 2019" above
# "Published: Nov. 18, 2019"); see find_date
_UPDATED_RE = re.compile(
    r"^\W*(?:last\s+)?(?:updated|modified|actualizado|mis à jour|aktualisiert|aggiornato)\b",
    re.I)
_PUBLISHED_LABEL_RE = re.compile(rf"^\W*(?:{PUBLISHED_WORDS})\b", re.I)
_UPDATED_LATER_RE = re.compile(r"(?<=\W)(?:last\s+)?(?:updated|modified)\b", re.I)
# The publication's date below a later one: a page that says "First published" shows its
# update above it ("Tue 26 Nov 2019 00.01 GMT" over "First published on Mon 25 Nov 2019
# 23.01 GMT", the Guardian's header; "Updated: Nov 26" over "Originally published: Nov 25")
_FIRST_PUBLISHED_RE = re.compile(r"^\W*(?:first|originally)\s+(?:published|posted)\b", re.I)


# What may stand between a "Published" label and its own date: a few short words, a weekday,
# a time ("Posted at 10:42 AM EST, Tuesday, Nov 19", "First published on Tue 19 Nov 2019",
# "Veröffentlicht am Dienstag, 19.11.2019"); not a reprint's note ("Publicado originalmente
# en El País el 10/11/2019")
LABEL_GAP_CHARS = 40
LABEL_GAP_WORD = 10  # letters


def _label_gap(gap: str) -> bool:
    return len(gap) <= LABEL_GAP_CHARS and all(len(w) <= LABEL_GAP_WORD
                                               for w in WORD_RE.findall(gap))


def _published_label(text: str) -> re.Match[str] | None:
    """A "Published" / "Posted" label (of the languages of PUBLISHED_WORDS) after the start of
    ``text``: PUBLISHED_LATER_RE's search, made only where a cheap test finds a word it
    needs."""
    if ("ublish" in text or "osted" in text or "UBLISH" in text or "OSTED" in text
            or "ubli" in text or "ffentlicht" in text or "ubblicato" in text):
        return PUBLISHED_LATER_RE.search(text)
    return None


def publication_date(text: str, day_first: DayOrder = False) -> str | None:
    """:func:`parse_date` of a header line, unless a "Published" / "Posted" label further on
    is followed by a date (that one, then: "Updated Nov 19, 2019; Posted Nov 18, 2019")."""
    label = _published_label(text)
    if label is not None:
        # (the label's own date, right after it: "Posted Nov 18, 2019", "publié le 19/11/2019";
        # not "Publicado originalmente en El País el 10/11/2019", a reprint's note)
        found = _first_date(text[label.end():], day_first)
        if found is not None and _label_gap(text[label.end():label.end() + found[0]]):
            return found[1]
    return parse_date(text, day_first)


# A publication date is of these years; a date in an article's text may be of any
PUBLICATION_YEARS = (1990, 2100)


def parse_date(text: str, day_first: DayOrder = False,
               years: tuple[int, int] = PUBLICATION_YEARS) -> str | None:
    """The first calendar date in ``text`` as ISO 'YYYY-MM-DD', or None. ``day_first``: read
    "3/12/2024" as 3 December (a page not in English, see :func:`not_english_text`), else as
    March 12 (US); either way a date that cannot be read so is read the other way. ``years``:
    the first and last year a date may have (a history's "September 1, 1919" is none of a
    page's publication)."""
    found = _first_date(text, day_first, years)
    return found[1] if found is not None else None


def _first_date(text: str, day_first: DayOrder = False,
                years: tuple[int, int] = PUBLICATION_YEARS) -> tuple[int, str] | None:
    """(where it starts, ISO date) of the first calendar date in ``text``, or None."""
    best: tuple[int, str] | None = None
    chars = set(text)
    for rx, order, marks in _DATE_PATTERNS:
        if marks and chars.isdisjoint(marks):
            continue
        # (every match in turn: an impossible date, "Feb 30, 2021", must not hide a later one)
        for m in rx.finditer(text):
            if best is not None and m.start() >= best[0]:
                break
            iso = _iso_date(m, order, day_first, years)
            if iso is not None:
                best = (m.start(), iso)
                break
    return best


def _iso_date(m: re.Match[str], order: str, day_first: DayOrder = False,
              years: tuple[int, int] = PUBLICATION_YEARS) -> str | None:
    """The date that the match ``m`` of a pattern of ``order`` spells, if it is one."""
    a, b, c = m.group(1), m.group(2), m.group(3)
    if order in ("m/d/y", "m/d/yy", "m-d-y") and day_first:  # (a NotEnglish decides here only)
        order = "d.m.yy" if order == "m/d/yy" else "d.m.y"
    elif order == "m-d-y":  # (an English page: "03-12-2024" is March in the US, December in
        if int(a) <= 12 and int(b) <= 12:  # India and the UK; "13-03-2024" is either's)
            return None
        order = "m/d/y"
    try:
        if order == "ymd":
            y, mo, d = int(a), int(b), int(c)
        elif order == "mdy":
            mo, d, y = _MONTHS[a[:3].lower()], int(b), int(c)
        elif order == "dmy":
            d, mo, y = int(a), _MONTHS[b.lower()], int(c)
        elif order in ("d.m.y", "d.m.yy"):
            d, mo, y = int(a), int(b), int(c) + (2000 if order == "d.m.yy" else 0)
        else:  # "m/d/y", "m/d/yy"
            mo, d, y = int(a), int(b), int(c) + (2000 if order == "m/d/yy" else 0)
        if mo > 12 and order in ("d.m.y", "d.m.yy", "m/d/y", "m/d/yy"):  # (the other order)
            mo, d = d, mo
        if not years[0] <= y <= years[1]:
            return None
        return date(y, mo, d).isoformat()
    except (ValueError, KeyError):
        return None


# A month of a year or a year alone on a line ("March 2012", "Oct. 2014:", "marzo de 2012",
# "1999"): a timeline's heading when its entries are months or years apart (see
# neardup.clean.structure's chronologies), no date of a page's publication
_PERIOD_RE = re.compile(rf"^(?:{_ANY_MONTH},?\s+(?:de\s+)?)?(\d{{4}})\s*[:.\u2013\u2014-]?$", re.I)


def heading_period(text: str) -> str | None:
    """"YYYY-MM" of a month of a year alone on a line, "YYYY" of a year alone (years 1000 to
    2999), else None: what a timeline heads its entries with when they are months or years
    apart. (Sorting such keys with ISO dates puts a period before the days in it.)"""
    m = _PERIOD_RE.match(text)
    if m is None:
        return None
    year = int(m.group(2))
    if not 1000 <= year <= 2999:
        return None
    month = m.group(1)
    return f"{year:04d}" if month is None else f"{year:04d}-{_MONTHS[month.lower()]:02d}"


# Function words of English and of no other language of the stopword lists, and those of
# the other languages and not of English: which a page has more of says its language (the
# other languages' list held "you", "can", "will", "what" through the English one: a blog
# written to "you" read as not English, and its dates day first)
_OTHER_STOPWORDS = PROSE_STOPWORDS - ENGLISH_STOPWORDS
_ENGLISH_ONLY = ENGLISH_STOPWORDS - _OTHER_STOPWORDS
_OTHER_ONLY = _OTHER_STOPWORDS - frozenset("me us die den then".split())  # (English words too)


def not_english_text(text: str) -> bool:
    """Whether ``text`` is not in English: more of its words are function words of the other
    languages of the stopword lists than of English (at least 5: a scoreboard has few of
    either), or most of its words are not ASCII and almost none English. Its numeric dates
    ("3/12/2024", "03-12-2024") are then read day first, as most of the world writes them (in
    English the US order is kept: a page from the UK, India or Australia has its dates read
    month first, unless that cannot be), and a headline in sentence case is looked for."""
    words = WORD_RE.findall(text.lower())
    other = sum(map(_OTHER_ONLY.__contains__, words))
    english = sum(map(_ENGLISH_ONLY.__contains__, words))
    if other >= 5 and other > english:
        return True
    # (a language the list does not have, in its own script: Arabic, Hindi, Greek...)
    return english < 3 and sum(not w.isascii() for w in words) * 2 > len(words)


class NotEnglish:
    """:func:`not_english_text` of a page, as a truth value computed when first asked: only a
    numeric date or a sentence-case headline candidate in the page's header asks (counting
    the page's words cost 85 µs a page, a quarter of its cleaning, when every page was
    counted)."""

    __slots__ = ("_text", "_value")

    def __init__(self, text: str) -> None:
        self._text = text
        self._value: bool | None = None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = not_english_text(self._text)
        return self._value


# Numeric dates that can be read one way only: day first ("17/11/2019", "25-12-2019") or month
# first ("11/17/2019"); and the time zones of countries that write the day first (India,
# Australia, New Zealand, South Africa, West and East Africa, Pakistan, Britain in summer)
_DAY_FIRST_ONLY_RE = re.compile(
    r"(?<![\d/.-])(?:1[3-9]|2\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1\d{4}(?![\d/.-])")
_MONTH_FIRST_ONLY_RE = re.compile(
    r"(?<![\d/.-])(?:0?[1-9]|1[0-2])([/-])(?:1[3-9]|2\d|3[01])\1\d{4}(?![\d/.-])")
_DAY_FIRST_ZONE_RE = re.compile(  # (after a time: "EAT" on a menu, "CAT" in a ticker are none)
    r"(?<![\d.,])\d{1,2}[:.][0-5]\d(?![\d.])(?:\s*[ap]\.?m\.?)?\s*\(?(?:IST|AEST|AEDT|ACST|ACDT|AWST|NZST|NZDT|SAST|WAT|EAT|"
    r"CAT|PKT|BST)\b", re.I)


def writes_day_first(text: str, not_english: bool | NotEnglish = False) -> bool:
    """Whether the numeric dates of a page are day first ("07/11/2019" the 7th of November):
    what its own dates say, one that can only be day first ("17/11/2019") or a time zone of a
    country that writes them so, unless another can only be month first ("11/17/2019"); else
    whether it is not in English (:func:`not_english_text`): a page from the UK, India or
    Australia with no such date has its dates read the US way."""
    day = _DAY_FIRST_ONLY_RE.search(text) is not None or (
        _DAY_FIRST_ZONE_RE.search(text) is not None)
    month = _MONTH_FIRST_ONLY_RE.search(text) is not None
    if day != month:
        return day
    return bool(not_english)


class DayFirst:
    """:func:`writes_day_first` of a page, computed when first asked (by an ambiguous numeric
    date only)."""

    __slots__ = ("_text", "_not_english", "_value")

    def __init__(self, text: str, not_english: NotEnglish) -> None:
        self._text = text
        self._not_english = not_english
        self._value: bool | None = None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = writes_day_first(self._text, self._not_english)
        return self._value


#: How a page's numeric dates are read: day first when true (a bool, or a test of the page
#: computed when first asked)
DayOrder = bool | NotEnglish | DayFirst


# A blog's reading-time line, "Reading Time: 3 minutes", "Estimated reading time: 5 min",
# "4 min read", "Lesezeit: 3 Minuten", "Temps de lecture : 3 min": under the headline on many
# WordPress sites, and taken for the headline itself (a held-out probe's tech blog: every page's
# title, and with it the byline above it, wrong)
READING_TIME_WORDS = 8
READING_TIME_RE = re.compile(
    r"(?i)\b(?:(?:estimated\s+)?read(?:ing)?\s+time|lesezeit|leestijd|temps\s+de\s+lecture|"
    r"tiempo\s+de\s+lectura|tempo\s+de\s+leitura|tempo\s+di\s+lettura|czas\s+czytania)"
    r"\s*:?\s*(?:about\s+|ca\.?\s+|~\s*)?\d+\s*(?:min|minutes?|minuten|minutos|minuto|minuti|minut)"
    r"\.?\s*$|"
    r"\b\d+[\s-]*(?:min\.?|minutes?|minute)\s+(?:read|lesezeit|de\s+lecture|de\s+lectura)"
    r"\s*$")


def date_from_url(url: str | None) -> str | None:
    """The date in ``url``'s path ("/2019/11/18/slug"), as ISO 'YYYY-MM-DD', or None."""
    if not url:
        return None
    path = urlsplit(url).path
    for m in _URL_DATE_RE.finditer(path):
        month = m.group(3)
        try:
            mo = int(month) if month.isdigit() else _MONTHS[month.lower()]
            return date(int(m.group(1)), mo, int(m.group(4))).isoformat()
        except (ValueError, KeyError):
            continue
    return None


def is_date_line(ln: Line) -> bool:
    """A time stamp or a line with a date (also "11/19/2019", which parse_date leaves)."""
    return (ln.timestamp or (ln.digit_ratio > 0 and DATE_RE.search(ln.text) is not None)
            or line_has_date(ln))


def find_date(lines: list[Line], lo: int, hi: int, day_first: DayOrder = False
              ) -> tuple[str | None, list[int], int | None]:
    """Publication date from date-like header lines in ``lines[lo:hi]``.

    Returns the ISO date, the indices of the lines that only carry it (a "Published ..."
    prefix line directly before a bare date line is included) and the index of the line it
    was read from (a teaser's "Feb 24, 2024 Why egg prices are climbing" carries more than
    its date: no line to remove, but where it stands tells whose date it is).
    """
    hi = min(hi, len(lines))
    for i in range(lo, hi):
        ln = lines[i]
        if ln.in_list:  # (the article's own list: a chronology's date heading)
            continue
        words = (DATE_LINE_WORDS if not DATE_LINE_WORDS < ln.n_words <= PUBLISHED_LINE_WORDS
                 else date_line_words(ln.text))  # (the label asked for only where it counts)
        iso = _line_date(ln, words, day_first)
        if iso is not None:
            label = (_PUBLISHED_LABEL_RE if _UPDATED_RE.match(lines[i].text)
                     else None if _PUBLISHED_LABEL_RE.match(lines[i].text)
                     else _FIRST_PUBLISHED_RE)
            if label is not None:
                # (an update's date, with the publication's on one of the next lines)
                for j in range(i + 1, min(i + 3, hi)):
                    published = (_line_date(lines[j], DATE_LINE_WORDS, day_first)
                                 if label.match(lines[j].text) else None)
                    if published is not None:
                        return published, [*_date_line_indices(lines, i, lo),
                                           *_date_line_indices(lines, j, lo)], j
            return iso, _date_line_indices(lines, i, lo), i
    return None, [], None


#: A date line has at most this many words, a longer one is a sentence that mentions a date;
#: one that says "Published ..." at most PUBLISHED_LINE_WORDS ("Published Nov 18, 2019 at
#: 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019": 18 words).
DATE_LINE_WORDS = 16
PUBLISHED_LINE_WORDS = 24
#: How far from the article's first line (above, below) a line that is only a date, says
#: "Published ..." or "By Name" is still the article's when the header holds none: rendered
#: pages can put a share bar, a kicker, ads or a standfirst between them (AEB pages: up to 25
#: lines above, 11 below). Headline lists nearer the article have their dates as well: only
#: such lines count out here, the nearest first.
FAR_ABOVE = 40
FAR_BELOW = 12


def date_line_words(text: str) -> int:
    """The most words a header line may have to be a date line: more when it labels its date
    ("Jane Doe, Battle Creek Enquirer Published 6:02 p.m. ET March 12, 2019 | Updated ...")
    or an update after it ("Wed 7 Feb 2024 16.45 GMT Last modified on Wed 7 Feb 2024 18.02
    GMT", the Guardian's: 17 words)."""
    return PUBLISHED_LINE_WORDS if labels_its_dates(text) else DATE_LINE_WORDS


def labels_its_dates(text: str) -> bool:
    """``text`` labels a date after its start: "Published" / "Posted" (_published_label), or
    an update ("... Updated March 11, 2024", "... Last modified on ...")."""
    return _published_label(text) is not None or (
        ("pdated" in text or "odified" in text or "PDATED" in text)
        and _UPDATED_LATER_RE.search(text) is not None)


def far_lines(lines: list[Line], first: int) -> list[int]:
    """The lines within FAR_ABOVE / FAR_BELOW of ``lines[first]``, nearest first; not those of
    a comment section or a list of other stories (a commenter's "Posted by Bob Jones", a
    teaser's "By Mark Potter" or date below a short article were taken), nor the article's
    own lists (a chronology's date headings, see neardup.clean.structure), nor an embedded
    post's attribution ("— @handle, Nov. 4, 2020": the post's date)."""
    return sorted((i for i in range(max(0, first - FAR_ABOVE), min(len(lines),
                                                                  first + FAR_BELOW))
                   if lines[i].reason not in _OTHERS_METADATA and not lines[i].in_list
                   and (lines[i].text[:1] not in POST_DASHES
                        or POST_BY_RE.match(lines[i].text) is None)),
                  key=lambda i: (abs(i - first), i))


_OTHERS_METADATA = ("comments", "related")


def find_far_date(lines: list[Line], first: int, day_first: DayOrder = False
                  ) -> tuple[str | None, list[int]]:
    """The date of the timestamp line ("Nov. 19, 2019, 8:41 AM UTC", "Published ...") nearest
    to ``lines[first]``, the article's first line (see FAR_ABOVE); for pages whose header
    (:func:`find_date`) has no date."""
    for i in far_lines(lines, first):
        ln = lines[i]
        published = _PUBLISHED_RE.match(ln.text) is not None
        if not (published or ln.timestamp):
            continue
        iso = _line_date(ln, PUBLISHED_LINE_WORDS if published else DATE_LINE_WORDS,
                         day_first)
        if iso is not None:
            return iso, _date_line_indices(lines, i, 0)
    return None, []


def _line_date(ln: Line, max_words: int, day_first: DayOrder = False) -> str | None:
    """The date on the line ``ln`` of at most ``max_words`` words, if any."""
    if (ln.n_words > max_words or not _may_hold_date(ln)
            or _DATE_HINT_RE.search(ln.text) is None):
        return None
    return publication_date(ln.text, day_first)


def _dated_label(text: str) -> bool:
    """A publication or update label of any language we know ("Publié le ...")."""
    return _PUBLISHED_LABEL_RE.match(text) is not None or _UPDATED_RE.match(text) is not None


# Words a date line may hold besides its date and time ("17 de junio de 2025 - 13:45",
# "27. März 2025, 10:31 Uhr", "le 3 août 2018 à 11h02").
DATE_FILLERS = frozenset(
    "de del le la las el à a um uhr am at on et y h alle ore às om o".split())
# The days of the week, in English and the other languages of _MONTH_FORMS and a few more, as
# a date line prints them before its date ("Sábado, 8 de junho de 2019", "Freitag, 12. April")
WEEKDAYS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi
    mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado
    domingo lunedì martedì mercoledì giovedì venerdì sabato domenica maandag dinsdag woensdag
    donderdag vrijdag zaterdag zondag segunda terça quarta quinta sexta feira poniedziałek
    wtorek środa czwartek piątek sobota niedziela måndag tisdag onsdag torsdag fredag lördag
    söndag""".split())
# (a word boundary each side: a backspace character stood there, and no time was found)
_FRENCH_TIME_RE = re.compile(r"\b\d{1,2} ?h ?\d{2}\b")


def only_a_date(text: str) -> bool:
    """``text`` is a date (and a time) in any language ``parse_date`` reads, and nothing else:
    the timestamp feature knows English dates only, and "17 de junio de 2025 - 13:45" stayed at
    the top of an extracted article."""
    if _DATE_HINT_RE.search(text) is None:  # (no pattern can match: most lines it is asked of)
        return False
    rest = without_dates(text)
    return rest is not None and all(w.lower() in DATE_FILLERS or w.lower() in WEEKDAYS
                                    for w in WORD_RE.findall(rest))


def without_dates(text: str) -> str | None:
    """``text`` with its dates (of every language ``parse_date`` reads) and times replaced by
    spaces; None when it holds no date."""
    rest = text
    for rx, _, _ in _DATE_PATTERNS:
        rest = rx.sub(" ", rest)
    if rest == text:
        return None
    return _FRENCH_TIME_RE.sub(" ", TIME_RE.sub(" ", rest))


def _date_line_indices(lines: list[Line], i: int, lo: int) -> list[int]:
    """The lines that only carry the date found on ``lines[i]``: itself when it is a
    timestamp or "Published ..." line, and a "Published" prefix line just before it."""
    ln = lines[i]
    idx = [i] if (ln.timestamp or _PUBLISHED_RE.match(ln.text) or _dated_label(ln.text)
                  or only_a_date(ln.text)) else []
    if i > lo and _PUBLISHED_RE.match(lines[i - 1].text) and lines[i - 1].n_words <= 8:
        idx.insert(0, i - 1)
    return idx


def _has_date(text: str) -> bool:
    """A date ``parse_date`` reads (the cheap year test first)."""
    return _DATE_HINT_RE.search(text) is not None and parse_date(text) is not None


def _may_hold_date(ln: Line) -> bool:
    """Whether the line ``ln`` may hold a date: every date pattern holds a word of digits as
    in _DATE_HINT_RE (its year, the month of "11/18/19") or a year before "年" ("2019年11月
    19日" is one \\w+ word, not a number), and most lines have neither (a test of the line's
    features, cheaper than the regex's scan)."""
    return bool(ln.digit_ratio) or "年" in ln.text


def line_has_date(ln: Line) -> bool:
    """:func:`_has_date` of the line ``ln``, the cheapest test first."""
    return _may_hold_date(ln) and _has_date(ln.text)
