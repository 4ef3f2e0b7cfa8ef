"""Datelines: the place (and agency) that opens a story's first paragraph, "BAGHDAD —",
"WASHINGTON (AP) —". It stays in the text: it is part of the story as written."""

from __future__ import annotations

import re

from neardup.clean.features import WORD_RE

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
    rf"^(\((?:{_AGENCIES})\))\s*[-—–―]{{0,2}}\s*|"
    # the place in capitals before a colon, as South Asian and Gulf papers print it ("NEW
    # DELHI: The Supreme Court ...", "RIYADH: ..."), before the sentence's capital or quote
    rf"^([{_CAP}][{_CAP}.'’-]+(?:[ /][{_CAP}][{_CAP}.'’-]+){{0,3}}"
    rf"(?:\s*\((?:{_AGENCIES})\))?):\s+(?=[A-Z0-9\"“‘'])"
)
# Capitals before a dash that are a label, not a place ("EDITOR'S NOTE — This story ...")
_NOT_PLACES = frozenset(
    """editor's editors editor note update updated correction clarification breaking
    exclusive analysis opinion commentary live watch video photos photo advertisement
    sponsored file editorial review warning alert fact check read more icymi listen podcast
    quiz poll""".split())
# ... and before a colon, a column's or a transcript's label ("DEAR ABBY: My husband ...",
# "WHY IT MATTERS: ...", "Q: ...")
_NOT_COLON_PLACES = _NOT_PLACES | frozenset(
    """dear why what what's how who when where the bottom line big picture note notes source
    sources contact contacts media transcript host anchor question answer summary highlights
    key points takeaways background context tags topics related also more plus bonus tip tips
    disclaimer caption credit credits announcer narrator unidentified speaker moderator
    interviewer guest reporter correspondent""".split())


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
    if m.group(6) and not any(len(w) >= 4 for w in words):
        return None  # (an acronym's label: "FTC: We use affiliate links.")
    labels = _NOT_COLON_PLACES if m.group(6) else _NOT_PLACES
    if any(w.lower() in labels for w in val.replace("’", "'").split()):
        return None
    if m.group(3) and len(val) < 4:  # ("US - China talks": a hyphen alone says little)
        return None
    return val


def after_dateline(paragraph: str) -> str:
    """``paragraph`` without the dateline that opens it (as it is when it has none)."""
    if find_dateline(paragraph) is None:
        return paragraph
    m = DATELINE_RE.match(paragraph)
    assert m is not None
    return paragraph[m.end():]
