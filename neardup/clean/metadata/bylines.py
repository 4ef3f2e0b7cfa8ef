"""Bylines: "By Name" lines, a name over a role or a date ("Jane Doe, Staff Writer"), bylines
of other languages ("Autor:", "door"), and the trimming of what follows a name."""

from __future__ import annotations

import re
import unicodedata

from neardup.clean.features import CLOSERS
from neardup.clean.lines import Line, heading_shaped, shape_class
from neardup.clean.metadata.dates import (
    DATE_FILLERS,
    PUBLISHED_LATER_RE,
    PUBLISHED_LINE_WORDS,
    PUBLISHED_WORDS,
    READING_TIME_RE,
    WEEKDAYS,
    date_line_words,
    far_lines,
    is_date_line,
    labels_its_dates,
    parse_date,
    without_dates,
)
from neardup.clean.stamps import DATE_RE, MONTH_NAMES, TIME_RE, WORD_RE
from neardup.stopwords import STOPWORDS

BYLINE_RE = re.compile(
    r"^(?:by|written by|story by|reporting by|reported by|posted by|analysis by|"
    r"opinion by|commentary by|interview by|words:|authors?:|"
    r"(?:words|text)(?: and (?:photos|photographs|pictures|images))? by)[:\s]+"
    r"([A-Z][\w.'’-]*(?:[\s,]+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,8})\s*[,|]?\s*(.*)$",
    re.I,
)
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
    r"\s*(?:[,|–—(-].*|\s(?:avec|mit|con|und|y|et)\s.*"  # (", dpa", " avec AFP", "| EFE",
    # " (Lyon, correspondante)")
    rf"|\s(?i:{PUBLISHED_WORDS}|aktualisiert)\b.*)?$")
# A line that only announces the byline on the next line ("By", "Author:")
_BY_LABELS = frozenset(
    ["by", "by:", "author", "author:", "authors:", "written by", "written by:", "posted by"]
)
# The characters a line matching BYLINE_RE or lower-cased to one of _BY_LABELS can open with:
# the first letters of their words, either case, and the non-ASCII letters that re.I (and
# lower()) fold to one of them ("ſ" for "s"; re's docs list the four such letters); other lines
# skip both tests
BY_FIRST = frozenset(
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
NAME_PARTICLES = "de van von der den da di del du la le bin al".split()
# Lower-case words inside a name or between names ("A and B")
NAME_CONNECTORS = frozenset([*NAME_PARTICLES, "and", "y"])
# A name as printed in a byline without "By": 2-4 capitalised words, initials ("Bruce Y.
# Lee"), a lower-case particle ("Ursula von der Leyen"); two names joined by "and" / "&"
# (the letters of the Latin scripts' names: Latin-1's and Latin Extended-A and B's, "Paweł",
# "Ayşe", "Dvořák", "Łukasz"; Latin-1's alone cut "Paweł Nowicki" at its "ł")
_LATIN_MORE = [chr(c) for c in range(0x100, 0x250)]
_UP = "A-ZÀ-ÖØ-Þ" + "".join(c for c in _LATIN_MORE if c.isupper())
_LO = "a-zß-öø-ÿ" + "".join(c for c in _LATIN_MORE if c.islower())
_NAME_WORD = (rf"(?:(?:[{_UP}]['’])?[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?(?:[-'’][{_UP}][{_LO}]+)?"
              rf"|[{_UP}]\.)")  # (and "O'Neill", "D’Angelo")
_ONE_NAME = (rf"{_NAME_WORD}(?:\s+(?:(?:{'|'.join(NAME_PARTICLES)})\s+)?"
             rf"{_NAME_WORD}){{1,3}}")
_NAMES = rf"{_ONE_NAME}(?:\s+(?:and|&)\s+{_ONE_NAME})?"
NAME_LINE_RE = re.compile(rf"({_NAMES})")
# The name followed by a role, an affiliation, a handle or a date ("Jane Smith, AP Writer",
# "Jane Smith @jsmith", "Jane Smith - Nov 19, 2019")
NAME_ROLE_RE = re.compile(rf"({_NAMES})(?:\s*[,|·•/–—-]\s*|\s+(?=@))(\S.*)")
# A name followed by its role without a separator ("Bruce Y. Lee Senior Contributor", "Jane
# Smith Staff Writer"): the role opens with one of these words and holds a role noun
ROLE_NOUNS = frozenset(
    """contributor writer reporter editor correspondent columnist journalist producer analyst
    staff author blogger critic reviewer""".split()
)
#: The role nouns as a regular expression's alternatives (a writer's bio, see text.py)
ROLE_NOUN_TERMS = "|".join(sorted(ROLE_NOUNS))
_ROLE_WORDS = ROLE_NOUNS | frozenset(
    """senior chief contributing special associate deputy executive managing political news
    science business sports health investigative national foreign lead""".split()
) | frozenset(  # (a desk before the role: "Damian Carrington Environment editor")
    """economics economic environment environmental arts education technology tech transport
    defence defense diplomatic legal media culture music film climate energy crime security
    home social world global community data digital""".split())
# "... by Name" closing a date line ("11/19/2019 by Jane Smith", "Nov 12, 2018 | BY: Site"),
# also in other languages ("Publié le 17 mars 2019 par Claire Morvan", "Veröffentlicht am 3.
# April 2022 von Jens Albrecht")
DATE_BY_RE = re.compile(
    r"\d.*?(?:\s|[|/·•])(?:by|By|BY|par|por|von|door|przez|av|af):?\s+"
    rf"([{_UP}][\w.'’-]*(?:\s+[{_UP}][\w.'’-]*){{0,3}})"
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


def date_line_byline(t: str) -> str | None:
    """The writer's name that a date line ends with ("5:45 AM PST 11/19/2019 by Patrick
    Shanley", "Publié le 3 mars 2024 par Claire Morvan"), else None."""
    t = _name_text(t.strip())
    m = date_by(t)
    if m is None:
        return None
    # (WordPress closes the line with its comment count: "Posted on October 30, 2019 by Walt
    # Henning 4 Comments"; its pattern asked only after a match: from every space of a run,
    # it took quadratic time)
    end = len(_COMMENT_COUNT_RE.sub("", t).rstrip(" ."))
    # (or the writer's letters or role after it: "February 1, 2019 | BY: Ilana Muhlstein, MS,
    # RDN")
    if m.end() == end or _AFTER_NAME_ROLE_RE.fullmatch(t, m.end(), end):
        return m.group(1)
    return None


def _name_text(t: str) -> str:
    r"""``t`` as the name patterns read it: in NFC, without a list item's bullet. A name in
    decomposed form ("Jose" + a combining acute, as macOS writes it) was cut at its first
    accent by the name patterns, whose ``\w`` takes no combining mark ("By José García" gave
    "Jose"); a header printed as a list ("* Debbie White", "* 18 Nov 2019, 19:09", Markdown's
    items) gave no byline."""
    if t[:1] in _BULLETS:
        t = _BULLET_RE.sub("", t, count=1)
    return t if t.isascii() else unicodedata.normalize("NFC", t)


_BULLETS = frozenset("*+-•·▪")
_BULLET_RE = re.compile(r"^[*+\-•·▪][ \t]+")


def find_byline(lines: list[Line], lo: int, hi: int) -> tuple[str | None, list[int]]:
    """A "By Name" line (or "By" alone followed by the name) among ``lines[lo:hi]``."""
    for i in range(lo, min(hi, len(lines))):
        t = _name_text(lines[i].text)
        # (longer with its date's label: "Par Camille Bertrand Publié le 20 novembre 2019 à
        # 06h30 - Mis à jour le ...", "By Jane Doe Columnist March 11, 2024 at 6:00 a.m. CDT
        # Updated March 11, 2024 at 9:12 a.m. CDT")
        if lines[i].n_words > 14 and (lines[i].n_words > PUBLISHED_LINE_WORDS
                                      or not labels_its_dates(t)):
            continue
        if t.lstrip()[:1] not in BY_FIRST:
            continue
        if t.strip().lower() in _BY_LABELS and i + 1 < len(lines):
            nxt = _name_text(lines[i + 1].text.strip())
            if 1 <= lines[i + 1].n_words <= 6 and nxt[:1].isupper():
                return nxt, [i, i + 1]
        foreign = FOREIGN_BYLINE_RE.match(t.strip())
        if foreign is not None and all(w[:1].isupper() or w in NAME_PARTICLES
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
        if j >= 2 and bare in ROLE_NOUNS and bare != "staff":
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
    bst cet news updated published posted""".split()) | frozenset(
    # (and of the labels of a place, a section or a topic printed under a headline, where a
    # name alone is read as the byline: "Salt Lake City", "Health Care", "Heartland Public
    # Media"; none a surname or a first name of note, unlike "Park", "West", "Lake", "River";
    # not "Sport": a desk's byline, "Telegraph Sport")
    """city county state province region valley metro health care politics business weather
    world local national international opinion culture science technology education travel
    food style entertainment arts markets economy finance climate environment crime courts
    breaking live latest media public""".split())


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
                                                or ln.n_words > date_line_words(ln.text))):
            continue
        t = _name_text(ln.text.strip())
        name = None
        # (by the line's own class: a writer's "Jane Doe, Staff Writer" over most of a
        # small site's pages is its template, and was lost as the byline of every page)
        # (a date line is read as one whatever its class: "Nora Castellanos Feb 18, 2024
        # Subscribe")
        if shape_class(ln) == "bad" and i not in date_idx and not dated(i):
            # (a line classified as clutter is a name only with its role, right below the
            # headline: "Bruce Y. Lee Senior Contributor")
            name = name_before_role(t) if i - 1 == title_idx else None
        elif dated(i):
            name = date_line_byline(t)
            if name is None and (label := PUBLISHED_LATER_RE.search(t)) is not None:
                # (before the label a name and its paper, "Jane Doe, Nashville Tennessean":
                # not two names)
                name = _names_with_role(t[:label.start()].strip(" ,|·•/–—-"), 5,
                                        two_names=False)
            elif name is None:
                name = _name_beside_date(t)
        elif near_header(i):
            # (first: "Jane Smith Staff Writer" is 4 name words; "Jane Smith in London")
            name = (name_before_role(t) or name_in_place(t) or _names_with_role(t, 8)
                    or names_before_outlet(t)
                    # (a line in capitals is a name only beside a date: "JANIE HAR" over
                    # "Nov. 20, 2019"; under a headline alone it is as often a label)
                    or (names_in_capitals(t) if (i > lo and dated(i - 1))
                        or (i + 1 < hi and dated(i + 1)) else None))
        if name:
            by, _, rest = name.partition(" ")
            if by.lower() in _OTHER_BY_WORDS and " " in rest and rest[:1].isupper():
                name = rest  # ("Door Eva Bakker": the Dutch "by", over two name words;
                # not "Von der Leyen", one word after it)
            # (not "Staff Writer"; not the story's subject, named by its headline: "Helen
            # Marsh, marine biologist who mapped Pacific reefs, dies at 82" over "Helen
            # Marsh, 1941–2023")
            if (_name_ok(name) and not _role_line(name)
                    and (title_idx is None or not _named_in(name, lines[title_idx].text))):
                return name, [i]
    return None, []


def _named_in(name: str, headline: str) -> bool:
    """Every word of ``name`` (two at least) is a word of ``headline``, case aside."""
    words = {w.lower() for w in WORD_RE.findall(name)}
    return len(words) >= 2 and words <= {w.lower() for w in WORD_RE.findall(headline)}


# The word "by" of languages whose byline FOREIGN_BYLINE_RE does not read ("Door", "Oleh",
# "Av", "Af" open English lines too) or reads in lower case only ("di"), and those it reads
# in a line of its form only ("Von Lars Petersen · 05.03.2024 – 14:12 Uhr")
_OTHER_BY_WORDS = frozenset("door di oleh av af von par por".split())


# A writer's degrees or role after the name: ", MS, RDN", ", Staff Writer" (no digit: not a
# date or a count)
_AFTER_NAME_ROLE_RE = re.compile(r",\s*[^\W\d_][\w.]*(?:,?\s+[^\W\d_][\w.]*){0,3}")
_TRAILING_LINK_RE = re.compile(r"\s+(?:on|at|,)$")
# Words left at the ends of a date line once its date and time are taken out, none a name's
# ("Gareth Pryce Reporter Friday 12 April 2024", "Erik Lundgren 27 februari 2024 kl. 09:12")
# (no month: "April Smith 12 May 2024"; not "Sun", a surname: "Sun Wei 5 March 2024")
_DATE_LINE_EDGE_WORDS = DATE_FILLERS | (WEEKDAYS - {"sun"}) | frozenset(
    "subscribe follow share kl klo godz saat um uhr on at today yesterday".split())
_SEPARATORS = " ,|·•/–—-"


def _name_beside_date(t: str) -> str | None:
    """The name on a date line, before or after its date ("November 20, 2019 Jane Smith",
    "Paweł Nowicki 5 marca 2024, 06:00", "Gareth Pryce Reporter Friday 12 April 2024, 5:03pm",
    "Dana Whitcomb Feb 27, 2024 - Politics & Policy"): what is left without the date, its
    time and the words around them is a name, a name and its role, or a name, a separator
    and a label of at most three words (the section the story is filed under)."""
    rest = TIME_RE.sub(" ", DATE_RE.sub(" ", t))
    if rest == t or parse_date(rest) is not None:
        # (a date of another language, or no English one: "12 de Outubro de 2023, 19:05")
        rest = without_dates(rest) or rest
        if rest == t:
            return None
    words = READING_TIME_RE.sub(" ", rest).strip(_SEPARATORS).split()
    while words and words[-1].strip(_SEPARATORS + ".").lower() in _DATE_LINE_EDGE_WORDS:
        words.pop()
    while words and words[0].strip(_SEPARATORS + ".").lower() in _DATE_LINE_EDGE_WORDS:
        words.pop(0)
    rest = " ".join(words).strip(_SEPARATORS)
    rest = _TRAILING_LINK_RE.sub("", rest)  # ("Marcus Lee on November 19, 2019")
    name = name_before_role(rest) or _names_with_role(rest, 3)
    if name is not None:
        # (a blog's categories run into the name: "13/06/2014 Tony Carter All, Books, Kit
        # Reviews" read "Tony Carter All"; a function word ends no name)
        words = name.split()
        while len(words) > 2 and words[-1].lower() in STOPWORDS:
            words.pop()
        name = " ".join(words)
    return name


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


# Names and their outlet without a separator: "Kevin Johnson and Kevin McCoy USA TODAY" (an
# outlet in capitals), "Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader" (two
# names, each of at most three words, and the words after them)
_NAME_UP_TO_3 = (rf"{_NAME_WORD}(?:\s+(?:(?:{'|'.join(NAME_PARTICLES)})\s+)?"
                 rf"{_NAME_WORD}){{1,2}}")
_NAMES_CAPS_OUTLET_RE = re.compile(
    rf"({_NAMES})\s+[A-Z][A-Z&.'’-]+(?:\s+[A-Z][A-Z&.'’-]+){{0,3}}")
_TWO_NAMES_OUTLET_RE = re.compile(
    rf"({_NAME_UP_TO_3}\s+(?:and|&)\s+{_NAME_UP_TO_3})\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}")


def names_before_outlet(text: str) -> str | None:
    """The names of a line of names and their outlet without a separator (see
    _NAMES_CAPS_OUTLET_RE)."""
    m = _NAMES_CAPS_OUTLET_RE.fullmatch(text) or _TWO_NAMES_OUTLET_RE.fullmatch(text)
    return m.group(1) if m else None


# A name in capitals ("JANIE HAR", "VICTOR TANGERMANN, FUTURISM"): two to four words of
# capitals (or initials), then an affiliation after a separator
_CAPS_WORD = rf"[{_UP}](?:[{_UP}'’-]*[{_UP}]|\.)"
_NAME_IN_CAPITALS_RE = re.compile(
    rf"({_CAPS_WORD}(?:\s+(?:(?:{'|'.join(NAME_PARTICLES)})\s+)?{_CAPS_WORD}){{1,3}})"
    r"(?:\s*[,|·•/–—-]\s*\S.{0,40})?")


def names_in_capitals(text: str) -> str | None:
    m = _NAME_IN_CAPITALS_RE.fullmatch(text)
    return m.group(1) if m else None


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
    return 0 < len(words) <= 4 and words[-1].strip(",.") in ROLE_NOUNS


# A name and where its writer filed from ("Richard Partington in London", the Guardian's and
# the FT's byline)
# (names of two words, an initial or a particle between: "High School Sports in Tulsa", a
# section's label, is none)
_TWO_WORDS = rf"{_NAME_WORD}(?:\s+[{_UP}]\.)?\s+(?:(?:{'|'.join(NAME_PARTICLES)})\s+)?{_NAME_WORD}"
_NAME_IN_PLACE_RE = re.compile(
    rf"({_TWO_WORDS}(?:\s+(?:and|&)\s+{_TWO_WORDS})?)\s+in\s+[{_UP}][{_LO}]+(?:\s+[{_UP}][{_LO}]+){{0,2}}")


def name_in_place(text: str) -> str | None:
    m = _NAME_IN_PLACE_RE.fullmatch(text)
    return m.group(1) if m else None


def name_before_role(text: str) -> str | None:
    """"Bruce Y. Lee Senior Contributor" -> "Bruce Y. Lee": the name words up to the first
    role word, when the rest (at most 5 words) holds a role noun."""
    words = text.split()
    j = next((k for k, w in enumerate(words) if w.lower() in _ROLE_WORDS), None)
    if j is None or not 2 <= j <= 4:
        return None
    role = [w.lower().strip(",.") for w in words[j:]]
    name = " ".join(words[:j])
    if len(role) <= 5 and ROLE_NOUNS.intersection(role) and NAME_LINE_RE.fullmatch(name):
        return name
    return None


# A writer's bio under the article, naming the writer's post at the publication: "Louise
# Matsakis is a Staff Writer at WIRED covering Amazon", "Molly Wood (@mollywood) is an Ideas
# contributor at WIRED" (a role of the newsroom, and "at" or "for" an outlet: "Maria Ressa is
# a journalist who ..." closing a story about her is none)
_WRITER_NOUNS = "contributor|writer|reporter|editor|correspondent|columnist|journalist|blogger"
_BIO_RE = re.compile(
    rf"({_ONE_NAME})(?:\s+\(@\w+\))?\s+(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?i:{_WRITER_NOUNS})s?\s+(?:(?:at|for|with)\s+[{_UP}\d]|(?:based|living)\s+in\s)")
#: How many of the article's last kept lines, and of the lines after them, may be the
#: writer's bio (see find_bio_byline)
BIO_KEPT_LINES = 4
BIO_LINES_AFTER = 12


def find_bio_byline(lines: list[Line]) -> tuple[str | None, list[int]]:
    """The writer named by a bio at the article's end (_BIO_RE): among its last kept lines
    (the byline only: the line stays, it may be the article's) or the lines after them (the
    line then goes as metadata); for pages whose header has no byline."""
    kept = [ln.index for ln in lines if ln.keep]
    if not kept:
        return None, []
    after = range(kept[-1] + 1, min(len(lines), kept[-1] + 1 + BIO_LINES_AFTER))
    for i in [*kept[-BIO_KEPT_LINES:], *after]:
        m = _BIO_RE.match(_name_text(lines[i].text.strip()))
        if m is not None and _name_ok(m.group(1)):
            return m.group(1), [] if lines[i].keep else [i]
    return None, []


def writer_bios(lines: list[Line], byline: str) -> list[int]:
    """The article's last kept lines (BIO_KEPT_LINES) that are its writer's bio (_BIO_RE,
    naming the page's ``byline``): "Meg James is a corporate media reporter for the Los Angeles
    Times", "Brigit Katz is a freelance writer based in Toronto" (the AEB gold leaves them
    out). A bio of someone else, a last paragraph on a journalist the story is about, stays."""
    name = " ".join(byline.split()).casefold()
    kept = [ln for ln in lines if ln.keep][-BIO_KEPT_LINES:]
    bios = []
    for ln in kept:
        m = _BIO_RE.match(_name_text(ln.text.strip()))
        if m is not None and " ".join(m.group(1).split()).casefold() == name:
            bios.append(ln.index)
    return bios


def find_far_byline(lines: list[Line], first: int, title_idx: int | None = None
                    ) -> tuple[str | None, list[int]]:
    """The "By Name" line (:func:`find_byline`) nearest to ``lines[first]``, the article's
    first line (see FAR_ABOVE); for pages whose header has no byline. Not one between two
    headlines other than the article's (``title_idx``): a teaser's in a "Read next" list
    ("Police identify driver in fatal crash", "By Aisha Grant", "Hospital system announces
    layoffs")."""
    for i in far_lines(lines, first):
        if _between_teasers(lines, i, title_idx):
            continue
        byline, idx = find_byline(lines, i, i + 1)
        if byline is not None and not among_bylines(lines, i):
            return byline, idx
    return None, []


#: How near another "By" line makes one a teaser's (see among_bylines)
BYLINES_NEAR = 3


def among_bylines(lines: list[Line], i: int) -> bool:
    """Another "By Name" line stands within BYLINES_NEAR lines of ``lines[i]``: a list of
    other stories, each with its writer ("* By Clara Benson · 21 hours ago" over a teaser's
    headline, "* By Fatima Noor · 10 hours ago" over the next); an article's header has
    one."""
    return any(find_byline(lines, j, j + 1)[0] is not None
               for j in range(max(0, i - BYLINES_NEAR), min(len(lines), i + BYLINES_NEAR + 1))
               if j != i)


def _between_teasers(lines: list[Line], i: int, title_idx: int | None) -> bool:
    """``lines[i]`` stands between two heading-shaped lines, neither the article's headline
    nor a date line: in a list of other stories."""
    # (a "By" alone has its name on the next line: the line after that one)
    below = i + 2 if lines[i].text.strip().lower() in _BY_LABELS else i + 1
    return (i > 0 and below < len(lines) and i - 1 != title_idx
            and heading_shaped(lines[i - 1]) and heading_shaped(lines[below])
            and not is_date_line(lines[below]))
