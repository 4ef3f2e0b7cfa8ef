"""Which copy of a story is kept: a stated, configurable ranking, never input order alone.

- ``longest`` (default): the most complete text — most shingles after cleaning, then most
  characters; then the earliest date; then the smallest id.
- ``earliest``: the earliest date (documents without a date rank last), then ``longest``.
- ``first``: the first in input order (for users whose input is already ranked).
All ties end on the id string, so the choice does not depend on how the input was sharded.
"""

from __future__ import annotations

KEEP_POLICIES: tuple[str, ...] = ("longest", "earliest", "first")

_NO_DATE = "9999"


def rank_key(
    policy: str, *, shingles: int, chars: int, date: str | None, doc_id: str, index: int
) -> tuple:
    """Sort key: the smallest key is the copy to keep."""
    date_key = date or _NO_DATE
    if policy == "longest":
        return (-shingles, -chars, date_key, doc_id)
    if policy == "earliest":
        return (date_key, -shingles, -chars, doc_id)
    if policy == "first":
        return (index,)
    raise ValueError(f"unknown keep policy {policy!r}; expected one of {KEEP_POLICIES}")
