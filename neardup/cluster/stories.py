"""From verified pairs to stories, with a guard against chaining.

Union-find over verified pairs alone chains: A~B and B~C put A and C in one story even when A
and C share nothing (a follow-up that quotes a background paragraph, a short brief contained in
two unrelated roundups). neardup's rule:

    Every copy in a story is verified directly against the story's center.

Within each connected component, documents are ordered by their number of verified neighbours
(most first; a short copy inside a longer page does not count for the page, see
``centrality``), then by the keep policy. The first one not yet assigned becomes a center; every
unassigned member whose exact overlap with it passes the verification rule joins its story.
Repeat until the component is exhausted. (In a component of more than ``LARGE_COMPONENT``
documents whose centers have met many members already, a story grows along verified pairs
instead of from every member left: see ``LARGE_COMPONENT``.) A story is thus a star of
radius one: two of its copies are at most two verified matches apart, and A~B~C~D never
becomes one story.

Then each story keeps its best copy by the keep policy (the default: the most complete copy,
``cluster/completeness.py``), which need not be the center, and every copy's ``similarity``
is measured against the kept copy. Why the center is not simply the copy to keep: the
longest copy (the policy ``complete`` falls back on) is often an outlier, a reprint with a section
added, which the lightly edited copies match while the more edited ones match those copies but
not it; a star around it split such a story in two (synth 10k: recall 0.949 → 0.972, precision
1.000 both). Which copies form a story depends on the keep policy only where centrality ties.
A center takes at most one story's short copies (``_one_story_inside``): a roundup page that
is a center does not gather the briefs it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from neardup.cluster.unionfind import component_roots
from neardup.sketch.hashing import sort_unique


@dataclass
class Stories:
    """Per document number: the kept copy it belongs to, and its overlap with that copy."""

    kept: np.ndarray  # int64: document number of the story's kept copy (itself if kept)
    center: np.ndarray  # int64: the copy it was verified against (its story's center; itself
    # for a center and for a document alone)
    jaccard: np.ndarray  # float64: Jaccard with the kept copy (1.0 for the kept copy)
    containment: np.ndarray  # float64


Overlaps = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
Completeness = Callable[[list[list[int]]], "list[np.ndarray | None]"]
Accepts = Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], np.ndarray]
ShortCopies = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def build_stories(
    n_docs: int,
    edges: np.ndarray,
    rank: Sequence[tuple],
    overlaps: Overlaps,
    accepts: Accepts,
    active: np.ndarray | None = None,
    edge_jaccards: np.ndarray | None = None,
    short_copies: ShortCopies | None = None,
    complete: Completeness | None = None,
) -> Stories:
    """Cluster ``n_docs`` documents joined by ``edges`` (verified pairs, shape (m, 2)).

    ``rank[d]`` orders candidates for keeping (smallest first); ``overlaps(a, b)`` gives the
    exact (Jaccard, containment) of the pairs ``a[k], b[k]`` (int64 arrays);
    ``accepts(a, b, jaccard, containment)`` applies the rule to them (a bool array).
    Documents with ``active[d] == False`` (rejected ones) stay singletons.
    ``short_copies(page, copy, jaccard)``: whether each ``copy`` is a short copy inside its
    ``page`` (see ``centrality`` and ``_one_story_inside``; None: never), ``edge_jaccards`` the
    Jaccard of each edge it is asked about. ``complete(stories)``: for each story (a list of
    members), a score per member, the highest kept (``cluster/completeness.py``; None, or a
    None score: by ``rank``).

    Components are independent, so they advance together: each round checks every component's
    best unplaced document (its next kept copy) against the component's other unplaced ones in
    one batch (one call for the round, not one per pair: ~200k pairs at 1M documents).
    """
    kept = np.arange(n_docs, dtype=np.int64)
    jaccard = np.ones(n_docs, dtype=np.float64)
    containment = np.ones(n_docs, dtype=np.float64)
    roots = component_roots(n_docs, edges)
    members: dict[int, list[int]] = {}
    touched = sort_unique(edges) if len(edges) else np.empty(0, dtype=np.int64)
    for d, root in zip(touched.tolist(), roots[touched].tolist(), strict=True):
        members.setdefault(root, []).append(d)
    contained = (None if short_copies is None or edge_jaccards is None else
                 short_copy_sides(edges, edge_jaccards, short_copies))
    matches, inside = centrality(n_docs, edges, contained)
    neighbours = _LazyNeighbours(n_docs, edges, members, active)
    firsts: dict[int, int] = {}  # per center, its first short copy (``_one_story_inside``)
    queues: list[_Queue] = []  # per component of two or more
    for root in sorted(members):
        component = members[root]
        if active is not None:
            component = [d for d in component if active[d]]
        if len(component) > 1:
            queues.append(_Queue(sorted(component, key=lambda d: (-matches[d], -inside[d],
                                                                  rank[d])),
                                 neighbours if len(members[root]) > LARGE_COMPONENT else None))
    while queues:
        centers: list[int] = []
        others: list[int] = []
        sizes: list[int] = []
        for queue in queues:
            center, waiting = queue.next_center()
            centers += [center] * len(waiting)
            others += waiting
            sizes.append(len(waiting))
        a = np.array(centers, dtype=np.int64)
        b = np.array(others, dtype=np.int64)
        jac, con = overlaps(a, b)
        ok = np.asarray(accepts(a, b, jac, con), dtype=bool)
        if short_copies is not None:
            _one_story_inside(a, b, jac, ok, short_copies(a, b, jac), overlaps, accepts,
                              firsts)
        kept[b[ok]], jaccard[b[ok]], containment[b[ok]] = a[ok], jac[ok], con[ok]
        joined = b[ok].tolist()  # (grouped by queue, as the pairs are)
        ends = np.cumsum([0, *sizes])
        accepted = np.concatenate([[0], np.cumsum(ok)])
        counts = (accepted[ends[1:]] - accepted[ends[:-1]]).tolist()
        left: list[_Queue] = []
        position = 0
        for queue, n_joined in zip(queues, counts, strict=True):
            queue.place(joined[position:position + n_joined])
            position += n_joined
            if queue.busy():  # (one left, and no story growing: a story of its own)
                left.append(queue)
        queues = left
    center = kept.copy()
    _keep_best(kept, jaccard, containment, rank, overlaps, complete)
    return Stories(kept=kept, center=center, jaccard=jaccard, containment=containment)


# A component of more members than this (a story drifting edit by edit, thousands of near
# copies each matching a few others) grows each center's story along verified pairs instead of
# comparing the center with every member left: the center is compared with its verified
# neighbours, then with the unplaced neighbours of those that joined, and so on until none
# joins. Comparing with every member left took rounds of the component's size as many times
# as it has stories (32,000 drifting copies: 279 s). Every member is still verified against
# its center; what this forgoes is a member that would pass against the center but is no
# verified neighbour of the center nor of any member that joined (LSH pairs each member of a
# crowded bucket with 16 others only, so a story of thousands of near-identical copies is
# reached through its members, not from the center alone). The short-copy rule
# (``_one_story_inside``) keeps a center's first short copy from wave to wave.
LARGE_COMPONENT = 1000
# ... once its centers have met members of it this many times its size in all: a component
# of a few large stories (a viral page's thousands of copies) is done in a few rounds before
# that, as in a small component; one of thousands of small ones goes on along verified pairs.
ALL_MEMBERS_ROUNDS = 10
# ... but a story that grows to 1/LARGE_STAR_SHARE of what was left of its component when it
# began has its center meet every member left as well: the story of thousands of copies of
# a viral page is then the one that comparing with every member makes, and such sweeps are
# few (each takes a tenth of what is left).
LARGE_STAR_SHARE = 10


class _Queue:
    """The members of one component not yet in a story, in the order centers are taken."""

    def __init__(self, order: list[int], neighbours: _LazyNeighbours | None) -> None:
        self.order = order
        self.start = 0  # order[:start] are placed
        self.placed: set[int] = set()  # members placed out of order
        self.remaining = len(order)
        # Each center meets every member left, until, in a large component (``lazy``: its
        # verified neighbours, tabled on demand), centers have met ALL_MEMBERS_ROUNDS times
        # its size in all; then stories grow along verified pairs (``neighbours``).
        self.everyone = True
        self.budget = ALL_MEMBERS_ROUNDS * len(order)
        self.lazy = neighbours
        self.neighbours: _Neighbours | None = None
        # the story growing along verified pairs
        self.center = -1
        self.stars = 0  # stories begun (the stamp of the members its center has met)
        self.frontier: list[int] = []  # members for the center to meet next
        self.star_size = 0  # its members so far
        self.star_base = 0  # the members left when it began
        self.star_swept = False  # its center has met every member left

    def busy(self) -> bool:
        """Members are still to be compared (a center to take, or a story still growing)."""
        return self.remaining > 1 or bool(self.frontier)

    def next_center(self) -> tuple[int, list[int]]:
        """The center (a new one, placed now, unless its story is still growing) and the
        members to compare with it, in the component's order."""
        if self.everyone and self.lazy is not None and self.budget <= 0:
            self.everyone = False  # (spent: from now on along verified pairs)
            table = self.neighbours = self.lazy.table()
            table.position[self.order] = np.arange(len(self.order))
            table.placed[list(self.placed)] = True
        if self.everyone:
            center = self._take_center()
            waiting = [d for d in self.order[self.start + 1:] if d not in self.placed]
            self.budget -= len(waiting)
            return center, waiting
        if not self.frontier:
            self.star_base = self.remaining
            self.center = self._take_center()
            self.stars += 1
            self.star_size, self.star_swept = 1, False
            self._extend([self.center])
        waiting, self.frontier = self.frontier, []
        return self.center, waiting

    def place(self, joined: list[int]) -> None:
        """``joined`` the center's story: they are no longer waiting."""
        self.placed.update(joined)
        if self.neighbours is not None:
            self.neighbours.placed[joined] = True
        self.remaining -= len(joined)
        order, placed = self.order, self.placed
        while self.start < len(order) and order[self.start] in placed:
            self.start += 1
        if self.neighbours is not None and not self.everyone:
            self.star_size += len(joined)
            self._extend(joined)
            if (not self.frontier and not self.star_swept
                    and self.star_size * LARGE_STAR_SHARE >= self.star_base):
                self._sweep()

    def _sweep(self) -> None:
        """A story that took a large share of the component: its center meets every member
        left too, as in a small component (a copy that LSH paired with none of it)."""
        table = self.neighbours
        assert table is not None
        self.star_swept = True
        self.frontier = self._unmet(np.asarray(self.order[self.start:], dtype=np.int64))

    def _take_center(self) -> int:
        center = self.order[self.start]
        self.placed.add(center)
        if self.neighbours is not None:
            self.neighbours.placed[center] = True
        self.remaining -= 1
        return center

    def _extend(self, members: list[int]) -> None:
        """The unplaced neighbours of ``members`` not yet compared with the center join the
        members to compare with it."""
        assert self.neighbours is not None
        self.frontier = self._unmet(self.neighbours.of(members))

    def _unmet(self, members: np.ndarray) -> list[int]:
        """Of ``members``, the unplaced ones the center has not met (now met), in the
        component's order."""
        table = self.neighbours
        assert table is not None
        new = members[(table.stamp[members] != self.stars) & ~table.placed[members]]
        table.stamp[new] = self.stars
        return new[np.argsort(table.position[new], kind="stable")].tolist()


class _Neighbours:
    """The verified neighbours of documents (a compressed sparse row table), and per document
    the state of the components grown along them (components are disjoint: one array each
    for all of them)."""

    def __init__(self, n_docs: int, pairs: np.ndarray) -> None:
        pairs = pairs[np.argsort(pairs[:, 0], kind="stable")]
        self.starts = np.zeros(n_docs + 1, dtype=np.int64)
        np.cumsum(np.bincount(pairs[:, 0], minlength=n_docs), out=self.starts[1:])
        self.others = pairs[:, 1].copy()
        self.position = np.zeros(n_docs, dtype=np.int64)  # in its component's order
        self.placed = np.zeros(n_docs, dtype=bool)
        self.stamp = np.zeros(n_docs, dtype=np.int64)  # last story compared with its center

    def of(self, docs: list[int]) -> np.ndarray:
        """The neighbours of ``docs``, each once."""
        if not docs:
            return np.empty(0, dtype=np.int64)
        starts, others = self.starts, self.others
        return sort_unique(np.concatenate([others[starts[d]:starts[d + 1]] for d in docs]))


class _LazyNeighbours:
    """The verified neighbours of the members of components larger than ``LARGE_COMPONENT``
    (active ones only), tabled when first needed (most components never need them)."""

    def __init__(self, n_docs: int, edges: np.ndarray, members: dict[int, list[int]],
                 active: np.ndarray | None) -> None:
        self.n_docs, self.edges, self.members, self.active = n_docs, edges, members, active
        self._table: _Neighbours | None = None

    def table(self) -> _Neighbours:
        if self._table is None:
            large = [d for ms in self.members.values() if len(ms) > LARGE_COMPONENT for d in ms]
            in_large = np.zeros(self.n_docs, dtype=bool)
            in_large[large] = True
            pairs = self.edges[in_large[self.edges[:, 0]]]
            both = np.concatenate([pairs, pairs[:, ::-1]])
            if self.active is not None:
                both = both[self.active[both[:, 0]] & self.active[both[:, 1]]]
            self._table = _Neighbours(self.n_docs, both)
        return self._table


def _one_story_inside(a: np.ndarray, b: np.ndarray, jac: np.ndarray, ok: np.ndarray,
                      short: np.ndarray, overlaps: Overlaps, accepts: Accepts,
                      firsts: dict[int, int]) -> None:
    """In place on ``ok``: of the short copies inside a center (``short``: ``b`` inside ``a``,
    at most half its size, matched by containment alone), only the first, in the component's
    order, and those that match it join. A page holding several short stories whole (a
    roundup of briefs) is a center when it has copies of its own (scraped again): it took
    every brief in it, and their stories became one. The price: two excerpts of one long
    article that do not overlap are no longer one story through it (text overlap cannot tell
    them from two briefs on one page); measured on synth corpora: F1 unchanged at the
    defaults, 0.990 -> 0.981 with stories of up to 50 copies. ``firsts``: each center's first
    short copy, kept from round to round (a story of a large component grows over several)."""
    inside = np.flatnonzero(ok & short)
    if inside.size == 0:
        return
    pages = a[inside]  # (each round's pairs are grouped by center)
    first = np.ones(inside.size, dtype=bool)
    first[1:] = pages[1:] != pages[:-1]
    anchors = b[inside][np.maximum.accumulate(np.where(first, np.arange(inside.size), 0))]
    earlier = np.array([firsts.get(page, -1) for page in pages.tolist()], dtype=np.int64)
    known = earlier >= 0  # (the center's first short copy came in an earlier round)
    anchors = np.where(known, earlier, anchors)
    first &= ~known
    firsts.update(zip(pages[first].tolist(), b[inside][first].tolist(), strict=True))
    later = inside[~first]
    if later.size:
        x, y = anchors[~first], b[later]
        jac2, con2 = overlaps(x, y)
        ok[later[~np.asarray(accepts(x, y, jac2, con2), dtype=bool)]] = False


def short_copy_sides(edges: np.ndarray, jaccards: np.ndarray, short_copies: ShortCopies
                     ) -> np.ndarray:
    """Per edge: its short copy when it joins a short copy to a longer page that holds it,
    else -1."""
    a, b = edges[:, 0], edges[:, 1]
    b_inside, a_inside = short_copies(a, b, jaccards), short_copies(b, a, jaccards)
    return np.where(b_inside, b, np.where(a_inside, a, -1)).astype(np.int64)


def centrality(n_docs: int, edges: np.ndarray, contained: np.ndarray | None
               ) -> tuple[list[int], list[int]]:
    """Per document: its matches other than short copies inside it (copies of about its size),
    and the pages it is a short copy in. Centers are taken by the first, then the second: a
    page that holds several short stories whole (a roundup of briefs, a front page) matches
    their copies only as short copies inside it, so it is not the center that would gather
    those stories into one; it joins one of them."""
    paired = np.ones(len(edges), dtype=bool) if contained is None else contained < 0
    matches = np.bincount(edges[paired].ravel(), minlength=n_docs)
    inside = (np.zeros(n_docs, dtype=np.int64) if contained is None else
              np.bincount(contained[~paired], minlength=n_docs))
    return matches.tolist(), inside.tolist()


def _keep_best(kept: np.ndarray, jaccard: np.ndarray, containment: np.ndarray,
               rank: Sequence[tuple], overlaps: Overlaps, complete: Completeness | None
               ) -> None:
    """In place: each star's kept copy becomes its best member by the keep policy (the center
    was chosen for its neighbours), with every member's overlaps measured against it; with
    ``complete``, the member of the highest score it gives (``cluster/completeness.py``),
    ties by the policy."""
    numbers = np.flatnonzero(kept != np.arange(len(kept)))
    stars: dict[int, list[int]] = {}
    for d, center in zip(numbers.tolist(), kept[numbers].tolist(), strict=True):
        stars.setdefault(center, [center]).append(d)
    a: list[int] = []
    b: list[int] = []
    listed = list(stars.values())
    all_scores = [None] * len(listed) if complete is None else complete(listed)
    for star, scores in zip(listed, all_scores, strict=True):
        if scores is None:
            best = min(star, key=lambda d: rank[d])
        else:
            score_of = dict(zip(star, scores.tolist(), strict=True))
            best = min(star, key=lambda d: (-score_of[d], rank[d]))
        if best == star[0]:
            continue
        kept[star] = best
        jaccard[best] = containment[best] = 1.0
        others = [d for d in star if d != best]
        a += [best] * len(others)
        b += others
    if a:
        jac, con = overlaps(np.array(a, dtype=np.int64), np.array(b, dtype=np.int64))
        jaccard[b], containment[b] = jac, con
