"""Which copy of a story is kept: a stated, configurable ranking, never input order alone.

- ``complete`` (default): the most complete copy: in a story of three or more documents
  (two of them may print one text), the one holding the most of the text its copies share
  and the least text of its own (``cluster/completeness.py``); in a pair, and on ties, as
  ``longest``.
- ``longest``: most shingles after cleaning, then most characters; then the earliest date;
  then the smallest id.
- ``earliest``: the earliest date (documents without a date rank last), then ``longest``.
Dates are compared as points in time (``date_key``), not as strings: ISO 8601 (an offset is
taken into account; none means UTC), RFC 2822 ("Sat, 29 Oct 2016 10:00:00 GMT") or a date in
words ("October 29, 2016"); anything else ("yesterday", "2020-13-45", an ISO date with a time
or offset that cannot be, a Unix timestamp) is no date.
- ``first``: the first in input order (for users whose input is already ranked).
All ties end on the id string, so the choice does not depend on how the input was sharded.
"""

from __future__ import annotations

import contextlib
import email.utils
import re
from array import array
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache

KEEP_POLICIES: tuple[str, ...] = ("complete", "longest", "earliest", "first")

_NO_DATE = "~"  # after every date key (they start with a digit)
# An ISO 8601 date at a text's start, with its time and offset if any ("2020-10-29T10:00Z",
# "2020-10-29 10:00:00+05:30"), in a text that holds more ("2020-10-29 (Thu)", "... GMT")
_ISO_PREFIX = re.compile(
    r"[+-]?\d{4}-\d\d-\d\d(?:[T ]\d\d(?::?\d\d(?::?\d\d(?:[.,]\d+)?)?)?"
    r"(?:Z|[+-]\d\d(?::?\d\d)?)?)?(?!\d)")
_WEEK_ALONE = re.compile(r"\d{4}-?W\d\d")


@lru_cache(maxsize=1 << 16)  # (clustering asks for a member's key again in later rounds)
def date_key(date: str | None) -> str:
    """A sort key for ``date``: its instant as naive UTC ISO text, else ``_NO_DATE``.

    As strings, a blank date or a Unix timestamp ranked before every real date, an offset was
    ignored and "October 29, 2016" ranked after every ISO date.
    """
    text = (date or "").strip()
    if not text:
        return _NO_DATE
    moment: datetime | None = None
    if _WEEK_ALONE.fullmatch(text):  # (Python reads its Monday; a week is no day, as a month)
        return _NO_DATE
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = _lenient_moment(text)
    if moment is None:
        return _NO_DATE
    if moment.tzinfo is not None:
        # (year 1 or 9999 moved past the calendar's end: kept as written)
        with contextlib.suppress(OverflowError):
            moment = moment.astimezone(UTC)
        moment = moment.replace(tzinfo=None)
    return moment.isoformat()


def _lenient_moment(text: str) -> datetime | None:
    """The moment of a date ``fromisoformat`` rejects as a whole."""
    iso = _ISO_PREFIX.match(text)
    if iso is not None:
        # Its ISO part decides, and what follows (" GMT", " (Thu)", ", 10:00") is not read: a
        # part the standard rejects (a time "99:99:99", an offset past 24 h, a 13th month) is
        # no date, where the lenient readers below took its day and ranked it first.
        try:
            return datetime.fromisoformat(iso.group())
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError):
        from neardup.clean.metadata import parse_date  # (imported for odd dates only)

        day = parse_date(text)
        return datetime.fromisoformat(day) if day else None


def rank_key(
    policy: str, *, shingles: int, chars: int, date: str | None, doc_id: str, index: int
) -> tuple:
    """Sort key: the smallest key is the copy to keep."""
    if policy in ("complete", "longest"):  # (complete: the scores come first, see above)
        return (-shingles, -chars, date_key(date), doc_id)
    if policy == "earliest":
        return (date_key(date), -shingles, -chars, doc_id)
    if policy == "first":
        return (index,)
    raise ValueError(f"unknown keep policy {policy!r}; expected one of {KEEP_POLICIES}")


class Ranks:
    """``rank_key`` of every document, computed when asked: clustering asks for the members of
    multi-document components only, so most documents never need their key built (one tuple
    per document in the main process, ~1 µs each, at millions of documents)."""

    def __init__(self, policy: str, ids: Sequence[str]) -> None:
        rank_key(policy, shingles=0, chars=0, date=None, doc_id="", index=0)  # a known policy
        self.policy = policy
        self.ids = ids  # (the caller's list, which grows with the documents)
        # (8 bytes a document each, not an int object and a pointer; one string per date)
        self.shingles = array("q")
        self.chars = array("q")
        self.dates: list[str | None] = []
        self._date_texts: dict[str, str] = {}

    def extend(self, shingles: list[int], chars: list[int], dates: list[str | None]) -> None:
        self.shingles.extend(shingles)
        self.chars.extend(chars)
        same = self._date_texts.setdefault
        self.dates.extend([None if date is None else same(date, date) for date in dates])

    def __getitem__(self, doc: int) -> tuple:
        return rank_key(self.policy, shingles=self.shingles[doc], chars=self.chars[doc],
                        date=self.dates[doc], doc_id=self.ids[doc], index=doc)

    def __len__(self) -> int:
        return len(self.shingles)
