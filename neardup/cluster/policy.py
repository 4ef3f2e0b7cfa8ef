"""Which copy of a story is kept: a stated, configurable ranking, never input order alone.

- ``longest`` (default): the most complete text — most shingles after cleaning, then most
  characters; then the earliest date; then the smallest id.
- ``earliest``: the earliest date (documents without a date rank last), then ``longest``.
- ``first``: the first in input order (for users whose input is already ranked).
All ties end on the id string, so the choice does not depend on how the input was sharded.
"""

from __future__ import annotations

from collections.abc import Sequence

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


class Ranks:
    """``rank_key`` of every document, computed when asked: clustering asks for the members of
    multi-document components only, so most documents never need their key built (one tuple
    per document in the main process, ~1 µs each, at millions of documents)."""

    def __init__(self, policy: str, ids: Sequence[str]) -> None:
        rank_key(policy, shingles=0, chars=0, date=None, doc_id="", index=0)  # a known policy
        self.policy = policy
        self.ids = ids  # (the caller's list, which grows with the documents)
        self.shingles: list[int] = []
        self.chars: list[int] = []
        self.dates: list[str | None] = []

    def extend(self, shingles: list[int], chars: list[int], dates: list[str | None]) -> None:
        self.shingles.extend(shingles)
        self.chars.extend(chars)
        self.dates.extend(dates)

    def __getitem__(self, doc: int) -> tuple:
        return rank_key(self.policy, shingles=self.shingles[doc], chars=self.chars[doc],
                        date=self.dates[doc], doc_id=self.ids[doc], index=doc)

    def __len__(self) -> int:
        return len(self.shingles)
