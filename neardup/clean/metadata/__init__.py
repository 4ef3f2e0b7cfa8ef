"""Title, byline, dateline and publication date found in page text.

These sit in the page header between the navigation and the first paragraph: the headline,
"By Name", "Published ... on", a date line. They are metadata, not article text, so the cleaner
reports them separately and removes their lines (reason ``metadata``). The dateline
("BAGHDAD —", "WASHINGTON (AP) —") opens the first paragraph and stays in the text: it is part
of the story as written.

One module per field: :mod:`.dates` (formats, labels, day order, the date line),
:mod:`.bylines`, :mod:`.datelines` and :mod:`.titles` (which uses the other two to tell a
headline from a byline or a date line); :mod:`.header` finds a page's title, byline and date
with them, in the order that tells them apart.
"""

from neardup.clean.metadata.bylines import (
    AUTHOR_LABELS,
    BYLINE_RE,
    DATE_BY_RE,
    NAME_CONNECTORS,
    NAME_PARTICLES,
    ROLE_NOUN_TERMS,
    date_by,
    find_byline,
    find_far_byline,
    find_name_byline,
)
from neardup.clean.metadata.datelines import find_dateline
from neardup.clean.metadata.dates import (
    DayFirst,
    NotEnglish,
    date_from_url,
    find_date,
    find_far_date,
    is_date_line,
    not_english_text,
    parse_date,
    publication_date,
    writes_day_first,
)
from neardup.clean.metadata.titles import (
    HEADER_LINES,
    find_title,
    find_top_title,
    title_from_page_title,
)

__all__ = [
    "AUTHOR_LABELS", "BYLINE_RE", "DATE_BY_RE", "HEADER_LINES", "NAME_CONNECTORS",
    "NAME_PARTICLES", "ROLE_NOUN_TERMS", "DayFirst", "NotEnglish", "date_by", "date_from_url",
    "find_byline",
    "find_date", "find_dateline", "find_far_byline", "find_far_date", "find_name_byline",
    "find_title", "find_top_title", "is_date_line", "not_english_text", "parse_date",
    "publication_date", "title_from_page_title", "writes_day_first",
]
