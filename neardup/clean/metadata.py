"""Title, byline, dateline and publication date found in page text.

These sit in the page header between the navigation and the first paragraph: the headline,
"By Name", "Published ... on", a date line. They are metadata, not article text, so the cleaner
reports them separately and removes their lines (reason ``metadata``). The dateline
("BAGHDAD —", "WASHINGTON (AP) —") opens the first paragraph and stays in the text: it is part
of the story as written.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from urllib.parse import urlsplit

from neardup.clean.features import (
    CLOSERS,
    DATE_RE,
    MONTH_NAMES,
    TIME_RE,
    WORD_RE,
    credit_label,
)
from neardup.clean.lines import Line
from neardup.stopwords import ENGLISH_STOPWORDS, PROSE_STOPWORDS, STOPWORDS

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
BYLINE_RE = re.compile(
    r"^(?:by|written by|story by|reporting by|reported by|posted by|analysis by|"
    r"opinion by|commentary by|interview by|words:|authors?:|"
    r"(?:words|text)(?: and (?:photos|photographs|pictures|images))? by)[:\s]+"
    r"([A-Z][\w.'’-]*(?:[\s,]+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,8})\s*[,|]?\s*(.*)$",
    re.I,
)
# A dateline: the place in capitals ("BAGHDAD", "SHANGHAI/AMSTERDAM"), maybe with the day
# ("NEW DELHI, Nov 19"), the agency in brackets or slashes ("(AP)", "/PRNewswire/"), then a
# dash (a hyphen only after an agency, or with spaces around it: "BERLIN - "); or a place in
# title case, maybe with the day, before a known agency and a dash or the sentence ("Berlin
# (dpa) -", "Madrid, 18 nov (EFE).-", "Hong Kong (CNN Business) A muddled ..."); or the
# agency alone ("(CNN)").
# (capitals of the Latin-1 and Cyrillic letters too: "SÃO PAULO —", "МОСКВА, 12 мар —")
_CAP = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_PLACE = (rf"[{_CAP}][{_CAP}.'’-]+(?:/[{_CAP}][{_CAP}.'’-]+)*"
          rf"(?:[ ,]+[{_CAP}][A-Za-zÀ-ÿА-яЁё.'’-]+){{0,4}}")
# the day after the place: "Nov 19", "Nov. 19, 2019", or day first: "12 Mar.", "12 мар"
_DAY = (r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|"
        r"\d{1,2}\s+[A-Za-zÀ-ÿА-яЁё]{3,10}\.?(?:\s+\d{4})?))?")
_AGENCIES = (r"AP|Reuters|AFP|UPI|CNN(?: [A-Z][a-z]+)?|Bloomberg|dpa|DPA|Xinhua|PA|ANI|IANS|"
             r"PTI|EFE|ANSA|Kyodo|Yonhap|TASS|AAP|CP|KNA|APA|SDA|ATS|EUROPA PRESS|Europa Press|"
             r"Lusa|Belga|ANP|"
             r"PAP|Anadolu|AA|ANTARA|Antara|Bernama|Interfax|РИА Новости|ТАСС|Интерфакс")
_AGENCY = rf"(?:\s*\((?:{_AGENCIES}|[A-Z][\w ]{{0,20}})\)|\s*/[A-Za-z][\w ]{{1,30}}/)"
DATELINE_RE = re.compile(
    rf"^({_PLACE}{_DAY}{_AGENCY}?)\s*[—–―]{{1,2}}\s*|"
    rf"^({_PLACE}{_DAY}(?:{_AGENCY}|\s*\([A-Za-z ]{{2,20}}\)))\s*-{{1,2}}\s*|"
    rf"^({_PLACE}{_DAY})\s+-{{1,2}}\s+(?![a-zß-ÿ])|"
    rf"^([A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+){{0,2}}{_DAY}\s*\((?:{_AGENCIES})\))\.?"
    r"\s*(?:[-—–―]{1,2}\s*|(?=[A-Z\"“]))|"
    rf"^(\((?:{_AGENCIES})\))\s*[-—–―]{{0,2}}\s*"
)
# Capitals before a dash that are a label, not a place ("EDITOR'S NOTE — This story ...")
_NOT_PLACES = frozenset(
    """editor's editors editor note update updated correction clarification breaking
    exclusive analysis opinion commentary live watch video photos photo advertisement
    sponsored file editorial review warning alert fact check read more icymi listen podcast
    quiz poll""".split())
# "By" in German, French, Spanish, Italian ("Von Anna Schmidt", "Par Marie Dupont", "di Marco
# Rossi": Italian in lower case only; "Door", "Oleh", "Av", "Af" open English lines too: "Door
# County Wineries", "Oleh Sentsov Returns Home", "Av Club Weekly Picks" were read as bylines,
# and a sub-heading so read took the paragraphs above it as the header), or an author label
# with a colon ("Autor: Jan Kowalski", "Автор: Иван Петров", "Yazar: Ayşe
# Yılmaz", "Penulis: ..."): the whole line is the word and a name of two to four capitalised
# words of any script (these words open headlines too: "Von der Leyen will ...", "Por qué ...")
# (the labels, also taken off the author field of a page's markup: clean.html.page_metadata)
AUTHOR_LABELS = (r"Autor[ae]?|Auteur|Autore|Автор|Yazar|Penulis|Redactie|Redacción|Redação|"
                 r"Texto|Texte|Tekst")
FOREIGN_BYLINE_RE = re.compile(
    rf"^(?:(?:[Vv]on|[Pp]ar|[Pp]or|di)\s+|(?:{AUTHOR_LABELS})\s?:\s*)"
    r"([^\W\d_][\w.'’-]*(?:\s+(?:(?:de|la|le|del|van|von|der|y|et|und)\s+)?"
    r"[^\W\d_][\w.'’-]*){1,3}?)"  # (lazy: the shortest name the rest of the line allows)
    r"\s*(?:[,|–—-].*|\s(?:avec|mit|con|und|y|et)\s.*"  # (", dpa", " avec AFP", "| EFE")
    r"|\s(?:[Pp]ubli(?:é|cado)|[Pp]ubblicato|[Vv]eröffentlicht|[Aa]ktualisiert)\b.*)?$")
# A line that only announces the byline on the next line ("By", "Author:")
_BY_LABELS = frozenset(
    ["by", "by:", "author", "author:", "authors:", "written by", "written by:", "posted by"]
)
# The characters a line matching BYLINE_RE or lower-cased to one of _BY_LABELS can open with:
# the first letters of their words, either case, and the non-ASCII letters that re.I (and
# lower()) fold to one of them ("ſ" for "s"; re's docs list the four such letters); other lines
# skip both tests
_BY_FIRST = frozenset(
    c
    for c in "bwsrpaoctv" + "bwsrpaoctv".upper() + "\u0130\u0131\u017f\u212a"
    if re.match("[bwsrpaoctv]", c, re.I) or c.lower()[:1] in "bwsrpaoctv"
) | frozenset("dyYАiI")  # (and FOREIGN_BYLINE_RE's: "di", "Yazar:", "Автор:"; "Interview")
# Words of a date, never of a name
_DATE_WORDS = frozenset(
    """january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday today yesterday""".split()
)
# Lower-case particles inside a name ("Ursula von der Leyen")
_NAME_PARTICLES = "de van von der den da di del du la le bin al".split()
# Lower-case words inside a name or between names ("A and B")
NAME_CONNECTORS = frozenset([*_NAME_PARTICLES, "and", "y"])
# A name as printed in a byline without "By": 2-4 capitalised words, initials ("Bruce Y.
# Lee"), a lower-case particle ("Ursula von der Leyen"); two names joined by "and" / "&"
_UP, _LO = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_NAME_WORD = (rf"(?:(?:[{_UP}]['’])?[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?(?:[-'’][{_UP}][{_LO}]+)?"
              rf"|[{_UP}]\.)")  # (and "O'Neill", "D’Angelo")
_ONE_NAME = (rf"{_NAME_WORD}(?:\s+(?:(?:{'|'.join(_NAME_PARTICLES)})\s+)?"
             rf"{_NAME_WORD}){{1,3}}")
_NAMES = rf"{_ONE_NAME}(?:\s+(?:and|&)\s+{_ONE_NAME})?"
NAME_LINE_RE = re.compile(rf"({_NAMES})")
# The name followed by a role, an affiliation, a handle or a date ("Jane Smith, AP Writer",
# "Jane Smith @jsmith", "Jane Smith - Nov 19, 2019")
NAME_ROLE_RE = re.compile(rf"({_NAMES})(?:\s*[,|·•/–—-]\s*|\s+(?=@))(\S.*)")
# A name followed by its role without a separator ("Bruce Y. Lee Senior Contributor", "Jane
# Smith Staff Writer"): the role opens with one of these words and holds a role noun
_ROLE_NOUNS = frozenset(
    """contributor writer reporter editor correspondent columnist journalist producer analyst
    staff author blogger critic reviewer""".split()
)
#: The role nouns as a regular expression's alternatives (a writer's bio, see text.py)
ROLE_NOUN_TERMS = "|".join(sorted(_ROLE_NOUNS))
_ROLE_WORDS = _ROLE_NOUNS | frozenset(
    """senior chief contributing special associate deputy executive managing political news
    science business sports health investigative national foreign lead""".split()
) | frozenset(  # (a desk before the role: "Damian Carrington Environment editor")
    """economics economic environment environmental arts education technology tech transport
    defence defense diplomatic legal media culture music film climate energy crime security
    home social world global community data digital""".split())
# "... by Name" closing a date line ("11/19/2019 by Jane Smith", "Nov 12, 2018 | BY: Site")
DATE_BY_RE = re.compile(
    rf"\d.*?(?:\s|[|/·•])(?:by|By|BY):?\s+([{_UP}][\w.'’-]*(?:\s+[{_UP}][\w.'’-]*){{0,3}})"
)
_DIGIT_RE = re.compile(r"\d")


def date_by(t: str) -> re.Match[str] | None:
    """``DATE_BY_RE.search(t)`` in linear time. Its ``.*?`` makes a match from any digit
    extend to one from the first digit (``.`` takes any character of a line), so the search's
    leftmost match starts there or nowhere; ``search`` also tried every later digit, each to
    the end of the line, when there was none: quadratic (20 s for a date line with a 64,000
    digit token)."""
    first = _DIGIT_RE.search(t)
    return None if first is None else DATE_BY_RE.match(t, first.start())


# Separators between the headline and the site name in a page title ("Headline | Site")
# (from the start of a run of spaces only, which it takes whole: tried from every space of a
# long run, each attempt taking the rest of it, the split took quadratic time, 14 s for a
# first line of 40,000 spaces)
_TITLE_SEP_RE = re.compile(r"(?<!\s)\s++[|–—·:-]{1,2}\s+")
#: How many lines above the article's first line are searched for its byline, date and a
#: heading-like headline (the headline found by the page's <title> is searched further up).
HEADER_LINES = 15
#: A headline line reworded in the page's <title> has at least this share of its words in it
#: ("Why you just can't trust ..." for "Why you can't trust ... - CNNPolitics").
TITLE_SHARE = 0.75
#: How many lines at the top of extracted text may precede the headline (a section label, a
#: category, a date).
TOP_TITLE_LINES = 4
_PUBLISHED_RE = re.compile(
    r"^(?:published|updated|posted|first published|originally published|last updated|date)\b",
    re.I
)


# A label of the publication date, not at the start of a line that holds several dates
# ("Updated Nov 19, 2019, 9:41 AM; Posted Nov 18, 2019, 8:19 PM")
_PUBLISHED_WORDS = (r"first published|originally published|first posted|originally posted|"
                    r"published|posted|publicado|publi[ée]|ver[öo]ffentlicht|pubblicato")
_PUBLISHED_LATER_RE = re.compile(rf"(?<=\W)(?:{_PUBLISHED_WORDS})\b", re.I)
# A date line that gives the last update, not the publication ("Updated: Nov. 20, 2019" above
# "Published: Nov. 18, 2019"); see find_date
_UPDATED_RE = re.compile(
    r"^\W*(?:last\s+)?(?:updated|modified|actualizado|mis à jour|aktualisiert|aggiornato)\b",
    re.I)
_PUBLISHED_LABEL_RE = re.compile(rf"^\W*(?:{_PUBLISHED_WORDS})\b", re.I)
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
    """A "Published" / "Posted" label (of the languages of _PUBLISHED_WORDS) after the start of
    ``text``: _PUBLISHED_LATER_RE's search, made only where a cheap test finds a word it
    needs."""
    if ("ublish" in text or "osted" in text or "UBLISH" in text or "OSTED" in text
            or "ublic" in text or "ublié" in text or "ffentlicht" in text
            or "ubblicato" in text):
        return _PUBLISHED_LATER_RE.search(text)
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


def parse_date(text: str, day_first: DayOrder = False) -> str | None:
    """The first calendar date in ``text`` as ISO 'YYYY-MM-DD', or None. ``day_first``: read
    "3/12/2024" as 3 December (a page not in English, see :func:`not_english_text`), else as
    March 12 (US); either way a date that cannot be read so is read the other way."""
    found = _first_date(text, day_first)
    return found[1] if found is not None else None


def _first_date(text: str, day_first: DayOrder = False) -> tuple[int, str] | None:
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
            iso = _iso_date(m, order, day_first)
            if iso is not None:
                best = (m.start(), iso)
                break
    return best


def _iso_date(m: re.Match[str], order: str, day_first: DayOrder = False) -> str | None:
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
        if not 1990 <= y <= 2100:
            return None
        return date(y, mo, d).isoformat()
    except (ValueError, KeyError):
        return None


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


def _composed(t: str) -> str:
    r"""``t`` in NFC: a name in decomposed form ("Jose" + a combining acute, as macOS writes
    it) was cut at its first accent by the name patterns, whose ``\w`` takes no combining
    mark ("By José García" gave "Jose")."""
    return t if t.isascii() else unicodedata.normalize("NFC", t)


def find_byline(lines: list[Line], lo: int, hi: int) -> tuple[str | None, list[int]]:
    """A "By Name" line (or "By" alone followed by the name) among ``lines[lo:hi]``."""
    for i in range(lo, min(hi, len(lines))):
        t = _composed(lines[i].text)
        # (longer with its date's label: "Par Camille Bertrand Publié le 20 novembre 2019 à
        # 06h30 - Mis à jour le ...", "By Jane Doe Columnist March 11, 2024 at 6:00 a.m. CDT
        # Updated March 11, 2024 at 9:12 a.m. CDT")
        if lines[i].n_words > 14 and (lines[i].n_words > PUBLISHED_LINE_WORDS
                                      or not _labels_its_dates(t)):
            continue
        if t.lstrip()[:1] not in _BY_FIRST:
            continue
        if t.strip().lower() in _BY_LABELS and i + 1 < len(lines):
            nxt = _composed(lines[i + 1].text.strip())
            if 1 <= lines[i + 1].n_words <= 6 and nxt[:1].isupper():
                return nxt, [i, i + 1]
        foreign = FOREIGN_BYLINE_RE.match(t.strip())
        if foreign is not None and all(w[:1].isupper() or w in _NAME_PARTICLES
                                       for w in foreign.group(1).split()):
            return foreign.group(1), [i]
        m = BYLINE_RE.match(t.strip())
        if m and m.group(1)[:1].isupper() and not _by_sentence(t):
            name = _trim_name(m.group(1), m.group(2))
            first = name.split()[0].strip(",.").lower() if name else ""
            if first not in _NOT_FIRST_NAMES or (  # ("By Friday", "By The Numbers")
                    first == "the" and not _ORGANISATION_WORDS.isdisjoint(  # (not "By The
                        w.lower() for w in name.split()[1:])):  # Associated Press")
                return name, [i]
    return None, []


def _by_sentence(t: str) -> bool:
    """A sentence that opens with "By" ("By Friday, the deal was dead.", "By comparison, ...")
    and ends like one, with lower-case words: no byline (taken for one, the sentence went
    from the article as "metadata")."""
    end = t.rstrip(CLOSERS)
    if not end.endswith((".", "!", "?")) or end.lower().endswith(("a.m.", "p.m.")):
        return False
    if _BY_APPOSITIVE_RE.match(t.strip()) is not None:
        return False  # ("By Allison Brandt, a senior reviewer covering phones.", The Verge's)
    lower = [w for w in t.split()[1:] if w[:1].islower() and w not in NAME_CONNECTORS
             and w.strip(",.") not in _BYLINE_LINKS]
    return len(lower) >= 3  # ("By Jane Doe, staff writer." is none)


# "By Name, a <role> ...": a byline that goes on to say who the writer is
_BY_APPOSITIVE_RE = re.compile(
    rf"(?i:by)\s+{_ONE_NAME},\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{ROLE_NOUN_TERMS})\b")
# Lower-case words of a byline's line that are no sentence's ("By Jane Doe on Monday, Nov.
# 18, 2019 at 11:04 a.m.")
_BYLINE_LINKS = frozenset("on at of updated published posted am pm".split())


# Words that end a byline's name when they follow it on its line ("By Jane Doe Updated 3:45
# PM", "By Jane Doe Posted on ...", "By Jane Doe Nov. 19, 2019", "By Jane Doe | Twitter").
_AFTER_NAME = _DATE_WORDS | frozenset(
    """updated posted published modified last first twitter email e-mail facebook follow
    photos photo video contact share print comments on at in for from""".split())
# A byline's first word that is no name's ("By Friday, ..."; months are first names too:
# "By Jan Reed", "By June Thomas")
_NOT_FIRST_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow the a
    an this that these those then now far contrast comparison all most some way""".split())


def _trim_name(name: str, after: str = "") -> str:
    """The name words of a matched byline (``after``: the rest of its line): up to the first
    lower-case word other than a connector ("Jane Smith on November 19" -> "Jane Smith";
    BYLINE_RE ignores case), the first word of a date or a label ("Jane Smith Nov. 19",
    "Jane Smith Updated"), a word with a digit, or a change from capitals to title case
    ("JANE DOE Associated Press"). Month names are first names too ("April Smith"): they end
    the name only before a day or as an abbreviation ("Jane Doe Nov. 19", "Regan September
    12")."""
    words = name.split()
    rest = after.split()[:1]  # (what follows the name on its line: "12, 2019")
    # (a name in capitals: its first two words mostly capitals, "JANE DOE", "JOHN McCAIN";
    # "AJ Willingham" is none)
    caps = len(words) > 1 and _capitals(words[0]) and _capitals(words[1])
    for j, w in enumerate(words[1:], 1):
        bare = w.strip(",.;:|").lower()
        nxt = words[j + 1] if j + 1 < len(words) else (rest[0] if rest else "")
        if ((w[:1].islower() and w.lower() not in NAME_CONNECTORS)
                or (bare in _AFTER_NAME and (bare not in MONTH_NAMES or _DIGIT_RE.search(nxt)
                                             or w.endswith(".")))
                or any(c.isdigit() for c in w)
                or (caps and not _capitals(w) and bare not in NAME_CONNECTORS)):
            words = words[:j]
            break
        if j >= 2 and bare in _ROLE_NOUNS and bare != "staff":
            # ("Jane Doe Senior Staff Writer", "Mike Kowalski, NFL Columnist", capitalised; not
            # "WKRN Web Staff", a newsroom's byline)
            while j > 2 and words[j - 1].strip(",.;:|").lower() in _ROLE_WORDS:
                j -= 1
            comma = next((k for k in range(j - 1, 0, -1) if words[k].endswith(",")), None)
            words = words[:j if comma is None else comma + 1]
            break
    return " ".join(words).strip(" ,")


def _capitals(word: str) -> bool:
    """More capitals than lower-case letters, two at least ("DOE", "McCAIN")."""
    upper = sum(c.isupper() for c in word)
    return upper >= 2 and upper > sum(c.islower() for c in word)


# Words of the labels next to a date, never of a name ("8:00 AM Eastern Standard Time")
_NOT_NAME_WORDS = _DATE_WORDS | frozenset(
    """time standard daylight eastern central pacific mountain gmt utc est edt pst pdt cst cdt
    bst cet news updated published posted""".split())


def _name_ok(name: str) -> bool:
    """Every word of ``name`` may be a name's: no function word ("The", "All"), no word of a
    date ("Monday", "Nov") and no label of one ("Eastern Standard Time"); but a month opens a
    name ("Jan de Vries", "April Smith"), and "O'Neill" is one word."""
    for k, w in enumerate(name.split()):
        lw = w.strip(",.;:()|/").lower()
        if lw in NAME_CONNECTORS or (k == 0 and lw in MONTH_NAMES and " " in name):
            continue
        if lw in STOPWORDS or lw in _NOT_NAME_WORDS:
            return False
    return True


def is_date_line(ln: Line) -> bool:
    """A time stamp or a line with a date (also "11/19/2019", which parse_date leaves)."""
    return (ln.timestamp or (ln.digit_ratio > 0 and DATE_RE.search(ln.text) is not None)
            or _line_has_date(ln))


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

    asked: dict[int, bool] = {}

    def dated(i: int) -> bool:
        # (on demand: most lines are never asked about, and a long paragraph's test is costly;
        # remembered in a dict: a ``functools.cache`` made per call cost more than a one-line
        # text's whole byline search)
        found = asked.get(i)
        if found is None:
            found = asked[i] = is_date_line(lines[i]) or i in date_idx
        return found

    def near_header(i: int) -> bool:
        return (i - 1 == title_idx or (i > lo and dated(i - 1))
                or (i + 1 < hi and dated(i + 1))
                # (the writer's handle or role between: "Jane Doe Environment editor",
                # "@janedoe", date; "Jane Doe", "Social Affairs Correspondent", date)
                or (i + 2 < hi and _handle_or_role(lines[i + 1].text) and dated(i + 2)))

    for i in range(lo, hi):
        ln = lines[i]
        # (a date line with a "Published" label may be longer: "Jane Doe, Battle Creek
        # Enquirer Published 6:02 p.m. ET March 12, 2019 | Updated 8:13 a.m. ET ...")
        if ln.terminal or (ln.n_words > 14 and (ln.n_words > PUBLISHED_LINE_WORDS
                                                or ln.n_words > _date_line_words(ln.text))):
            continue
        t = _composed(ln.text.strip())
        name = None
        if ln.cls == "bad" and i not in date_idx:
            # (a line classified as clutter is a name only with its role, right below the
            # headline: "Bruce Y. Lee Senior Contributor")
            name = _name_before_role(t) if i - 1 == title_idx else None
        elif dated(i):
            m = date_by(t)
            # (WordPress closes the line with its comment count: "Posted on October 30, 2019
            # by Walt Henning 4 Comments")
            if m and m.end() == len(_COMMENT_COUNT_RE.sub("", t).rstrip(" .")):
                name = m.group(1)
            elif (label := _PUBLISHED_LATER_RE.search(t)) is not None:
                # (before the label a name and its paper, "Jane Doe, Nashville Tennessean":
                # not two names)
                name = _names_with_role(t[:label.start()].strip(" ,|·•/–—-"), 5,
                                        two_names=False)
            else:
                rest = TIME_RE.sub(" ", DATE_RE.sub(" ", t)).strip(" ,|·•/–—-")
                rest = _TRAILING_LINK_RE.sub("", rest)  # ("Marcus Lee on November 19, 2019")
                if rest != t:
                    name = _names_with_role(rest, 0)
        elif near_header(i):
            # (first: "Jane Smith Staff Writer" is 4 name words; "Jane Smith in London")
            name = _name_before_role(t) or _name_in_place(t) or _names_with_role(t, 8)
        if name:
            by, _, rest = name.partition(" ")
            if by.lower() in _OTHER_BY_WORDS and " " in rest:
                name = rest  # ("Door Eva Bakker": the Dutch "by", over two name words)
            if _name_ok(name) and not _role_line(name):  # (not "Staff Writer")
                return name, [i]
    return None, []


# The word "by" of languages whose byline FOREIGN_BYLINE_RE does not read ("Door", "Oleh",
# "Av", "Af" open English lines too) or reads in lower case only ("di")
_OTHER_BY_WORDS = frozenset("door di oleh av af".split())


_TRAILING_LINK_RE = re.compile(r"\s+(?:on|at|,)$")
# A comment count closing a byline's line ("4 Comments", "Leave a comment")
_COMMENT_COUNT_RE = re.compile(
    r"\s*[|·•–—-]?\s*(?:(?:\d+|no|one)\s+comments?|leave a comment|\d+\s+repl(?:y|ies))\s*$",
    re.I)


def _names_with_role(t: str, role_words: int, two_names: bool = True) -> str | None:
    """The name of a line that is a name ("Jane Smith"), two names ("Jane Doe, John Smith"), or
    a name with its role or affiliation of at most ``role_words`` words ("Jane Smith, AP
    Writer"); else None."""
    m = NAME_LINE_RE.fullmatch(t) or NAME_ROLE_RE.fullmatch(t)
    if m is None:
        return None
    if m.re is NAME_LINE_RE:
        return m.group(1)
    second = m.group(2)
    if (two_names and NAME_LINE_RE.fullmatch(second) and _name_ok(second)
            and _ORGANISATION_WORDS.isdisjoint(w.lower() for w in second.split())):
        return t  # (two authors: "Jane Doe, John Smith", not a name and a role)
    return m.group(1) if len(second.split()) <= role_words else None


# Words of a role or an organisation after a name ("Jane Doe, Associated Press"), not of a
# second author's name
_ORGANISATION_WORDS = _ROLE_WORDS | frozenset(
    """press associated reuters agence france presse bloomberg news staff wire service media
    times post journal daily herald tribune editorial board editors enquirer inquirer gazette
    courier chronicle observer examiner globe telegraph independent guardian mirror bulletin
    dispatch sentinel advocate citizen statesman today usa""".split())


def _handle_or_role(text: str) -> bool:
    """A line that is a social-media handle alone ("@janedoe") or a writer's role ("Social
    Affairs Correspondent", "Staff Writer")."""
    t = text.strip()
    if t[:1] == "@":
        return len(t) > 1 and " " not in t
    return _role_line(t)


def _role_line(t: str) -> bool:
    """A role alone: at most 4 words, the last a role noun ("Social Affairs Correspondent")."""
    words = t.lower().split()
    return 0 < len(words) <= 4 and words[-1].strip(",.") in _ROLE_NOUNS


# A name and where its writer filed from ("Richard Partington in London", the Guardian's and
# the FT's byline)
# (names of two words, an initial or a particle between: "High School Sports in Tulsa", a
# section's label, is none)
_TWO_WORDS = rf"{_NAME_WORD}(?:\s+[{_UP}]\.)?\s+(?:(?:{'|'.join(_NAME_PARTICLES)})\s+)?{_NAME_WORD}"
_NAME_IN_PLACE_RE = re.compile(
    rf"({_TWO_WORDS}(?:\s+(?:and|&)\s+{_TWO_WORDS})?)\s+in\s+[{_UP}][{_LO}]+(?:\s+[{_UP}][{_LO}]+){{0,2}}")


def _name_in_place(text: str) -> str | None:
    m = _NAME_IN_PLACE_RE.fullmatch(text)
    return m.group(1) if m else None


def _name_before_role(text: str) -> str | None:
    """"Bruce Y. Lee Senior Contributor" -> "Bruce Y. Lee": the name words up to the first
    role word, when the rest (at most 5 words) holds a role noun."""
    words = text.split()
    j = next((k for k, w in enumerate(words) if w.lower() in _ROLE_WORDS), None)
    if j is None or not 2 <= j <= 4:
        return None
    role = [w.lower().strip(",.") for w in words[j:]]
    name = " ".join(words[:j])
    if len(role) <= 5 and _ROLE_NOUNS.intersection(role) and NAME_LINE_RE.fullmatch(name):
        return name
    return None


def find_dateline(first_paragraph: str) -> str | None:
    """The dateline opening a paragraph, e.g. 'BAGHDAD' or 'WASHINGTON (AP)'."""
    m = DATELINE_RE.match(first_paragraph)
    if not m:
        return None
    val = next(g for g in m.groups() if g is not None).strip(" ,")
    if val.endswith(".") and "." not in val[:-1] and " " not in val and "," not in val:
        val = val[:-1]  # ("MADRID.– El Gobierno ...", not "D.C." nor "SPRINGFIELD, Ill.")
    if m.group(4) or m.group(5):  # (a known agency in brackets: "Berlin (dpa)", "(CNN)")
        return val
    words = WORD_RE.findall(val)
    if not words or not any(w.isupper() and len(w) >= 2 for w in words):
        return None
    if any(w.lower() in _NOT_PLACES for w in val.replace("’", "'").split()):
        return None
    if m.group(3) and len(val) < 4:  # ("US - China talks": a hyphen alone says little)
        return None
    return val


def find_date(lines: list[Line], lo: int, hi: int, day_first: DayOrder = False
              ) -> tuple[str | None, list[int]]:
    """Publication date from date-like header lines in ``lines[lo:hi]``.

    Returns the ISO date and the indices of the lines that only carry it (a "Published ..."
    prefix line directly before a bare date line is included).
    """
    hi = min(hi, len(lines))
    for i in range(lo, hi):
        ln = lines[i]
        words = (DATE_LINE_WORDS if not DATE_LINE_WORDS < ln.n_words <= PUBLISHED_LINE_WORDS
                 else _date_line_words(ln.text))  # (the label asked for only where it counts)
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
                                           *_date_line_indices(lines, j, lo)]
            return iso, _date_line_indices(lines, i, lo)
    return None, []


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


def _date_line_words(text: str) -> int:
    """The most words a header line may have to be a date line: more when it labels its date
    ("Jane Doe, Battle Creek Enquirer Published 6:02 p.m. ET March 12, 2019 | Updated ...")
    or an update after it ("Wed 7 Feb 2024 16.45 GMT Last modified on Wed 7 Feb 2024 18.02
    GMT", the Guardian's: 17 words)."""
    return PUBLISHED_LINE_WORDS if _labels_its_dates(text) else DATE_LINE_WORDS


def _labels_its_dates(text: str) -> bool:
    """``text`` labels a date after its start: "Published" / "Posted" (_published_label), or
    an update ("... Updated March 11, 2024", "... Last modified on ...")."""
    return _published_label(text) is not None or (
        ("pdated" in text or "odified" in text or "PDATED" in text)
        and _UPDATED_LATER_RE.search(text) is not None)


def _far_lines(lines: list[Line], first: int) -> list[int]:
    """The lines within FAR_ABOVE / FAR_BELOW of ``lines[first]``, nearest first; not those of
    a comment section or a list of other stories (a commenter's "Posted by Bob Jones", a
    teaser's "By Mark Potter" or date below a short article were taken)."""
    return sorted((i for i in range(max(0, first - FAR_ABOVE), min(len(lines),
                                                                  first + FAR_BELOW))
                   if lines[i].reason not in _OTHERS_METADATA),
                  key=lambda i: (abs(i - first), i))


_OTHERS_METADATA = ("comments", "related")


def find_far_date(lines: list[Line], first: int, day_first: DayOrder = False
                  ) -> tuple[str | None, list[int]]:
    """The date of the timestamp line ("Nov. 19, 2019, 8:41 AM UTC", "Published ...") nearest
    to ``lines[first]``, the article's first line (see FAR_ABOVE); for pages whose header
    (:func:`find_date`) has no date."""
    for i in _far_lines(lines, first):
        ln = lines[i]
        published = _PUBLISHED_RE.match(ln.text) is not None
        if not (published or ln.timestamp):
            continue
        iso = _line_date(ln, PUBLISHED_LINE_WORDS if published else DATE_LINE_WORDS,
                         day_first)
        if iso is not None:
            return iso, _date_line_indices(lines, i, 0)
    return None, []


def find_far_byline(lines: list[Line], first: int) -> tuple[str | None, list[int]]:
    """The "By Name" line (:func:`find_byline`) nearest to ``lines[first]``, the article's
    first line (see FAR_ABOVE); for pages whose header has no byline."""
    for i in _far_lines(lines, first):
        byline, idx = find_byline(lines, i, i + 1)
        if byline is not None:
            return byline, idx
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
_DATE_FILLERS = frozenset("de del le la el à a um uhr am at on et y h".split())
_FRENCH_TIME_RE = re.compile(r"\d{1,2}h\d{2}")


def _only_a_date(text: str) -> bool:
    """``text`` is a date (and a time) in any language ``parse_date`` reads, and nothing else:
    the timestamp feature knows English dates only, and "17 de junio de 2025 - 13:45" stayed at
    the top of an extracted article."""
    rest = text
    for rx, _, _ in _DATE_PATTERNS:
        rest = rx.sub(" ", rest)
    if rest == text:
        return False
    rest = _FRENCH_TIME_RE.sub(" ", TIME_RE.sub(" ", rest))
    return all(w.lower() in _DATE_FILLERS for w in WORD_RE.findall(rest))


def _date_line_indices(lines: list[Line], i: int, lo: int) -> list[int]:
    """The lines that only carry the date found on ``lines[i]``: itself when it is a
    timestamp or "Published ..." line, and a "Published" prefix line just before it."""
    ln = lines[i]
    idx = [i] if (ln.timestamp or _PUBLISHED_RE.match(ln.text) or _dated_label(ln.text)
                  or _only_a_date(ln.text)) else []
    if i > lo and _PUBLISHED_RE.match(lines[i - 1].text) and lines[i - 1].n_words <= 8:
        idx.insert(0, i - 1)
    return idx


def find_title(lines: list[Line], article_start: int, page_title: str | None,
               skip: set[int] | None = None, title_line: int | None = None,
               sentence_case: bool | NotEnglish = False) -> int | None:
    """Index of the headline line: the heading-like line before the article start.

    Prefers a line whose words are a prefix of the page's ``<title>`` (often the first line of
    rendered page text, "Headline - Site"), the closest to the article anywhere above it (menus,
    share buttons and teasers can put dozens of lines between the headline and the first
    paragraph), else the closest heading-like line above the article within a small window
    (not a date line, a line of numbers or a URL: :func:`_not_headline`). Lines in ``skip``
    (the byline and date lines already found) and byline-shaped lines ("By Name, Agency") are
    never the title, nor ``title_line``, the line ``page_title`` was read from (a headline may
    have its words). ``sentence_case``: a page not in English, whose headlines may be written
    like sentences (a "near" line without a full stop); the heading line right above such a
    one, a standfirst, is then the headline.
    """
    skip = skip or set()
    lo = max(0, article_start - HEADER_LINES)
    if page_title:
        pt = " ".join(WORD_RE.findall(page_title.lower()))
        longest = None  # (its longest part: "Site Name - Headline"; not the site's name)
        for i in range(article_start - 1, -1, -1):
            ln = lines[i]
            if ln.n_words < 3 or i == title_line:
                continue
            # (ln.key is the same for ASCII text, where lower-casing keeps word boundaries)
            k = ln.key if ln.text.isascii() else " ".join(WORD_RE.findall(ln.text.lower()))
            if not k:
                continue
            if pt.startswith(k):
                return i
            if longest is None:
                longest = max((_key(p) for p in _TITLE_SEP_RE.split(page_title)),
                              key=lambda p: p.count(" "))
            if k == longest:
                return i
        # (the headline reworded in the <title>: most of its content words are the title's,
        # three of them at least in its headline part, not only in its site part: "Talk to Al
        # Jazeera")
        reworded = _RewordedTitle(page_title)
        for i in range(article_start - 1, -1, -1):
            ln = lines[i]
            if ln.n_words < 4 or i in skip or i == title_line or _not_headline(ln):
                continue
            if reworded.names(ln):
                return i
    for i in range(article_start - 1, lo - 1, -1):
        ln = lines[i]
        # (heading-shaped by its features first: most lines are not, and skip the text tests)
        question = ln.terminal and ln.text.rstrip(CLOSERS).endswith("?")
        if not (
            4 <= ln.n_words <= 25
            and (not ln.terminal or question)
            # (on a page not in English, a "near" line without a full stop, a cue or a
            # sentence inside is a headline in sentence case: "La sequía obliga a restringir el
            # agua en 200 municipios", as most languages write them; not "We've detected you
            # are on Internet Explorer. For the best experience, please update". In English
            # such a line is as often a caption without a credit: "Rescuers carry a stranded
            # dolphin to a trailer in Wellfleet on Monday" was taken)
            and (ln.cls == "short" or question and ln.cls == "near"
                 or ln.cls == "near" and ln.n_sentences <= 1 and ln.cue is None
                 and sentence_case)
            and (ln.title_ratio >= 0.5 or ln.n_words >= 6)
        ):
            continue
        if not _headline_candidate(lines, i, skip, title_line):
            continue
        if ln.cls == "near" and not question and i > lo:
            # (a standfirst without a full stop under its headline: the heading line right
            # above it is the headline, "Fed Holds Rates Steady ..." over "Policymakers
            # said inflation had eased ...")
            above = lines[i - 1]
            if (4 <= above.n_words <= 25 and not above.terminal
                    and above.cls in ("short", "near")
                    and _headline_candidate(lines, i - 1, skip, title_line)):
                return i - 1
        return i
    return None


def _headline_candidate(lines: list[Line], i: int, skip: set[int], title_line: int | None
                        ) -> bool:
    """``lines[i]``, heading-shaped, may be the headline: not a byline, date, credit or name,
    nor a line the title may not be (``skip``, ``title_line``)."""
    ln = lines[i]
    return not (
        i in skip
        or i == title_line
        or (ln.text.lstrip()[:1] in _BY_FIRST and _byline_shaped(ln.text.strip()))
        or _not_headline(ln)
        or _credit_or_name(ln)
    )


def _credit_or_name(ln: Line) -> bool:
    """A photo credit ("Photo by Mark Wilson") or a name with its role ("Jane Doe, Staff
    Writer", "Jane Doe for CNN Business"): heading-shaped, but no headline (each was taken for
    the title of a text whose first line, its headline, read as the page's <title>)."""
    t = ln.text.strip()
    if ln.credit or credit_label(t) or t.lower().startswith(("photo by", "photograph by")):
        return True
    # (with a role noun: "Boris Johnson, Foreign Secretary, Resigns" is a headline)
    m = NAME_ROLE_RE.fullmatch(t)
    return (m is not None and len(m.group(2).split()) <= 4
            and bool(_ROLE_NOUNS.intersection(w.lower().strip(",.") for w in m.group(2).split()))
            ) or _name_before_role(t) is not None or _name_in_place(t) is not None


def _byline_shaped(t: str) -> bool:
    return BYLINE_RE.match(t) is not None or FOREIGN_BYLINE_RE.match(t) is not None


def _not_headline(ln: Line) -> bool:
    """A date or time line ("November 20, 2019 / 1:07 AM / CBS News"), a line of numbers
    (a score or table row, "Palm Bay 18 22 13 17 — 70") or a URL: heading-shaped by length and
    missing sentence end, but never the headline."""
    return (
        ln.digit_ratio >= 0.3
        or "://" in ln.text
        or _line_has_date(ln)
    )


class _RewordedTitle:
    """The headline reworded in a page's <title>: most of a line's content words are the
    title's, three of them at least in its headline part, not only in its site part ("Talk to
    Al Jazeera")."""

    def __init__(self, page_title: str) -> None:
        self.title_words = _content_words(page_title)
        self.headline_words = _content_words(title_from_page_title(page_title) or page_title)

    def names(self, ln: Line) -> bool:
        words = _content_words(ln.text)
        return (len(words) >= 3 and len(words & self.title_words) >= TITLE_SHARE * len(words)
                and len(words & self.headline_words) >= 3)


def find_top_title(lines: list[Line], start: int, page_title: str | None,
                   max_lines: int = TOP_TITLE_LINES, reworded: bool = False) -> int | None:
    """Index of the headline at the top of already-extracted text, or None.

    An extractor's main text (trafilatura's) often starts with the ``<h1>`` headline, which is
    metadata, not article text. It is found by the page's ``<title>``: a line among the first
    ``max_lines`` (:data:`TOP_TITLE_LINES`) from ``start`` whose words are the title's, a
    prefix of them ("Headline" of "Headline | Site"), or one separator-delimited part ("Site -
    Headline").
    Only the title's own words count: a lead paragraph that restates the headline differs.
    ``reworded``: also a line that ends no sentence and that the title names reworded
    (:class:`_RewordedTitle`; "El Real Alcántara remonta ante el Deportivo Ribera y se mete
    en puestos de ascenso" under "Real Alcántara 3-1 Deportivo Ribera: El Alcántara remonta
    y se mete en puestos de ascenso | Segunda División | Site"), asked in page text, where a
    headline in sentence case opened the article region and a kicker above it became the
    title.
    """
    if not page_title:
        return None
    pt = _key(page_title)
    if not pt:
        return None
    parts = {_key(p) for p in _TITLE_SEP_RE.split(page_title)}
    most = pt.count(" ") + 1  # (a longer line is none of these; its key is not needed)
    named: _RewordedTitle | None = None
    for i in range(start, min(len(lines), start + max_lines)):
        ln = lines[i]
        if ln.n_words > most and not ln.cjk:
            continue
        k = _key(ln.text)
        if not k:
            continue
        # (a prefix or a part of two words or less may be a label: "Opinion", "Breaking news")
        if k == pt or ((ln.n_words >= 3 or ln.cjk) and (k in parts or pt.startswith(k + " "))):
            return i
        if (reworded and ln.n_words >= 4 and not ln.terminal and not _not_headline(ln)):
            named = named or _RewordedTitle(page_title)  # (made once, where first asked)
            if named.names(ln):
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


def _content_words(text: str) -> set[str]:
    """The lower-cased words of ``text`` that are no function words and no numbers."""
    return {w for w in WORD_RE.findall(text.lower()) if w not in STOPWORDS and not w.isdigit()}


def _has_date(text: str) -> bool:
    """A date ``parse_date`` reads (the cheap year test first)."""
    return _DATE_HINT_RE.search(text) is not None and parse_date(text) is not None


def _may_hold_date(ln: Line) -> bool:
    """Whether the line ``ln`` may hold a date: every date pattern holds a word of digits as
    in _DATE_HINT_RE (its year, the month of "11/18/19") or a year before "年" ("2019年11月
    19日" is one \\w+ word, not a number), and most lines have neither (a test of the line's
    features, cheaper than the regex's scan)."""
    return bool(ln.digit_ratio) or "年" in ln.text


def _line_has_date(ln: Line) -> bool:
    """:func:`_has_date` of the line ``ln``, the cheapest test first."""
    return _may_hold_date(ln) and _has_date(ln.text)


def _key(text: str) -> str:
    return " ".join(WORD_RE.findall(text.lower()))
