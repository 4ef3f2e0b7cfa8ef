import numpy as np

from neardup.cluster.policy import rank_key
from neardup.cluster.stories import build_stories


def _sets(*sets):
    return [np.array(sorted(s), dtype=np.uint32) for s in sets]


def _overlaps(sets):
    from neardup.match.verify import overlap

    def overlaps(a, b):
        found = [overlap(sets[x], sets[y]) for x, y in zip(a.tolist(), b.tolist(), strict=True)]
        return np.array([f[0] for f in found]), np.array([f[1] for f in found])

    return overlaps


def _run(sets, edges, rank=None, threshold=0.5):
    n = len(sets)
    rank = rank or [(-len(s), i) for i, s in enumerate(sets)]
    return build_stories(
        n, np.array(edges, dtype=np.int64).reshape(-1, 2), rank,
        _overlaps(sets), lambda a, b, j, c: j >= threshold)


def test_chain_is_split_every_copy_verified_against_its_story_center():
    # A~B, B~C, C~D (Jaccard 0.43) but A and C, B and D share only 20 of 180 shingles.
    a, b, c, d = (set(range(start, start + 100)) for start in (0, 40, 80, 120))
    sets = _sets(a, b, c, d)
    edges = [[0, 1], [1, 2], [2, 3]]
    # B and C have the most verified neighbours; B ranks first: it is the center, A and C
    # join it (each overlaps it by 0.43 >= 0.4), D does not overlap B and is a story of its own.
    # The kept copy is the story's best by rank (A), not the center.
    stories = _run(sets, edges, rank=[(0,), (1,), (2,), (3,)], threshold=0.4)
    assert stories.kept.tolist() == [0, 0, 0, 3]
    assert stories.jaccard[1] == 60 / 140  # overlaps are measured against the kept copy
    assert stories.jaccard[2] == 20 / 180  # (C joined through the center B)
    # Reversed ranks: C is the center, B and D join it, D is kept; A stays alone.
    stories = _run(sets, edges, rank=[(3,), (2,), (1,), (0,)], threshold=0.4)
    assert stories.kept.tolist() == [0, 3, 3, 3]


def test_stories_do_not_depend_on_which_copy_is_kept():
    # The longest copy (kept by the default policy) has an extra section: it matches the
    # lightly edited copy B (Jaccard 0.58) but not the more edited C, D, E (0.5), which match B
    # and each other. Stories built around the kept copy split this one in two; built around
    # the copy most others match (B), it is one story, and the longest copy is still kept.
    plain = set(range(0, 100))
    light = plain - {0}
    edited = [(plain - set(range(k, k + 10))) | set(range(500 + k, 510 + k))
              for k in (10, 30, 50)]
    longest = plain | set(range(1000, 1070))
    sets = _sets(longest, light, *edited)
    edges = [[0, 1], [1, 2], [1, 3], [1, 4], [2, 3], [2, 4], [3, 4]]
    for rank in ([(-len(s), i) for i, s in enumerate(sets)], [(0,), (4,), (3,), (2,), (1,)]):
        stories = _run(sets, edges, rank=rank, threshold=0.55)
        assert stories.kept.tolist() == [0] * 5  # one story, kept: the best-ranked, A
    assert stories.jaccard[1] == 99 / 170
    assert (stories.jaccard[2:] == 0.5).all()  # measured against the kept copy


def test_kept_copy_is_the_most_complete_not_the_first():
    sets = _sets(set(range(0, 80)), set(range(0, 100)))
    rank = [rank_key("longest", shingles=len(s), chars=len(s), date=None, doc_id=str(i),
                     index=i) for i, s in enumerate(sets)]
    stories = _run(sets, [[0, 1]], rank=rank)
    assert stories.kept.tolist() == [1, 1]


def test_keep_policies_and_deterministic_ties():
    longest = [rank_key("longest", shingles=10, chars=50, date="2020-01-02", doc_id="b", index=0),
               rank_key("longest", shingles=10, chars=50, date="2020-01-02", doc_id="a", index=1)]
    assert min(range(2), key=lambda i: longest[i]) == 1  # tie broken by id, not input order
    earliest = [rank_key("earliest", shingles=99, chars=500, date="2021-01-01", doc_id="a",
                         index=0),
                rank_key("earliest", shingles=10, chars=50, date="2020-01-01", doc_id="b",
                         index=1)]
    assert min(range(2), key=lambda i: earliest[i]) == 1
    undated = rank_key("earliest", shingles=10, chars=50, date=None, doc_id="c", index=2)
    assert undated > earliest[0]


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        x = parent[x]
    return x


def test_component_roots_equal_union_find_with_smallest_root():
    from neardup.cluster.unionfind import component_roots

    rng = np.random.default_rng(4)
    for _ in range(30):
        n = int(rng.integers(1, 300))
        edges = rng.integers(0, n, size=(int(rng.integers(0, 2 * n)), 2))
        parent = list(range(n))
        for a, b in edges.tolist():
            ra, rb = _find(parent, a), _find(parent, b)
            parent[max(ra, rb)] = min(ra, rb)
        assert component_roots(n, edges).tolist() == [_find(parent, i) for i in range(n)]
    long_chain = np.array([(i, i + 1) for i in range(999)])[::-1]  # a path, edges reversed
    assert set(component_roots(1000, long_chain).tolist()) == {0}


def test_earliest_compares_dates_not_strings():
    # Dates were compared as strings: a blank date ("  ") or a Unix timestamp ("1477785600")
    # ranked before every real date, an offset ("-05:00") was ignored, and a date written in
    # words ("October 29, 2016") ranked after every ISO date.
    def order(dates):
        keys = [rank_key("earliest", shingles=10, chars=50, date=d, doc_id=str(i), index=i)
                for i, d in enumerate(dates)]
        return sorted(range(len(dates)), key=lambda i: keys[i])

    # 04:00 UTC on the 31st, after 01:00 UTC
    assert order(["2016-10-30T23:00:00-05:00", "2016-10-31T01:00:00Z"]) == [1, 0]
    assert order(["2016-10-30", "October 29, 2016"]) == [1, 0]
    assert order(["2016-10-30", "Sat, 29 Oct 2016 10:00:00 GMT"]) == [1, 0]
    # what is not a date ranks with the undated, after every date, then by id
    assert order(["  ", "yesterday", "2020-13-45", "1477785600", None, "2016-10-30"]) == [
        5, 0, 1, 2, 3, 4]
    # an ISO date the standard rejects is no date either: the lenient reader took its day
    # ("2020-05-01T99:99:99" ranked before "2020-05-01T10:00:00Z"); a date in words still reads
    assert order(["2020-05-01T99:99:99", "2020-05-01T12:00:00+25:00", "2020-W18",
                  "2020-05-01T10:00:00Z", "Posted May 2, 2020"]) == [3, 4, 0, 1, 2]
    # ... but only its ISO part decides: what follows it is not read, and a date that is no
    # ISO text at all reads as before ("2020-1-5"; all of these ranked as no date for a while)
    assert order(["2020-10-29 (Thu)", "2020-10-29 10:00 GMT", "2020-10-29, 10:00",
                  "2020-10-28Z", "2020-1-5", "2020-10-29T10:00:00+05:30 IST",
                  "2020-02-30 12:00"]) == [4, 3, 0, 2, 5, 1, 6]


def test_a_roundup_of_briefs_does_not_gather_their_stories():
    # R holds briefs A and B whole (plus more); A1~A2 and B1~B2 are copies of each brief. Every
    # brief matches R as a short copy inside it, so R has the most matches: as a center it put
    # A and B in one story. Short-copy edges do not count for a center: R joins one story.
    brief_a, brief_b = set(range(0, 60)), set(range(100, 160))
    sets = _sets(brief_a, brief_a - {0}, brief_b, brief_b - {100},
                 brief_a | brief_b | set(range(500, 600)))
    edges = np.array([[0, 1], [2, 3], [0, 4], [1, 4], [2, 4], [3, 4]], dtype=np.int64)
    sizes = np.array([len(s) for s in sets])

    def short_copies(page, copy, jac):  # R holds each brief: 60 of its 220 shingles
        return (jac < 0.7) & (sizes[copy] <= 0.5 * sizes[page])

    jaccards = _overlaps(sets)(edges[:, 0], edges[:, 1])[0]

    def accepts(a, b, jac, con):
        return (jac >= 0.7) | (con >= 0.8)

    rank = [(-len(s), i) for i, s in enumerate(sets)]  # longest first: R
    stories = build_stories(5, edges, rank, _overlaps(sets), accepts, edge_jaccards=jaccards,
                            short_copies=short_copies)
    assert stories.kept[0] == stories.kept[1] != stories.kept[2] == stories.kept[3]
    assert stories.kept[4] in (stories.kept[0], stories.kept[2])  # R joined one of them
    # without the short-copy marks R is the center and gathers both briefs
    gathered = build_stories(5, edges, rank, _overlaps(sets), accepts)
    assert len(set(gathered.kept.tolist())) == 1


def _drifting(n: int, step: int = 6, width: int = 60):
    """A story drifting edit by edit: copy i shares all but ``step`` of ``width`` shingles with
    copy i - 1, so each copy matches its neighbours a few places away only."""
    return _sets(*(set(range(i * step, i * step + width)) for i in range(n)))


def test_a_large_component_grows_stories_along_verified_pairs(monkeypatch):
    import neardup.cluster.stories as stories_module

    # (stories grown along verified pairs from the first center on: no rounds of every member)
    monkeypatch.setattr(stories_module, "ALL_MEMBERS_ROUNDS", 0)

    # 600 drifting copies, every pair within 3 places verified (Jaccard >= 0.6): one
    # component larger than LARGE_COMPONENT (lowered from its 1,000 to keep the test short)
    monkeypatch.setattr(stories_module, "LARGE_COMPONENT", 200)
    n = 600
    sets = _drifting(n)
    edges = [[i, j] for i in range(n) for j in range(i + 1, min(n, i + 4))]
    rank = [(i,) for i in range(n)]
    compared: list[int] = []
    overlaps = _overlaps(sets)

    def counting(a, b):
        compared.append(len(a))
        return overlaps(a, b)

    def run():
        compared.clear()
        return build_stories(n, np.array(edges, dtype=np.int64), rank, counting,
                             lambda a, b, j, c: j >= 0.6)

    by_neighbours = run()
    pairs_by_neighbours = sum(compared)
    # every pair that passes is a verified pair here, so comparing each center with every
    # member left finds the same stories, at the cost of the component's size every round
    monkeypatch.setattr(stories_module, "LARGE_COMPONENT", n)
    by_all = run()
    assert by_neighbours.kept.tolist() == by_all.kept.tolist()
    assert by_neighbours.center.tolist() == by_all.center.tolist()
    assert pairs_by_neighbours < 6 * n < sum(compared) / 10
    # a star of radius one: every copy within 3 places of its center
    centers = by_neighbours.center
    assert all(abs(int(c) - d) <= 3 for d, c in enumerate(centers.tolist()))


def _far_copy_in_a_long_component():
    """A is the center; B and C join it; D is A's neighbour but too far from A to join; E is a
    copy of A that LSH paired with D only (no verified pair with A, B or C); and 40 pages of a
    chain from D (each sharing 80 of 100 shingles with the next) make A's story a small share
    of the component. Threshold 0.65."""
    base = set(range(100))
    chain = [set(range(1000 + 20 * k, 1100 + 20 * k)) for k in range(40)]
    sets = _sets(base, base - {0}, base - {1}, (base - set(range(30))) | set(range(500, 510)),
                 base - {50}, *chain)
    edges = [[0, 1], [0, 2], [0, 3], [3, 4], [3, 5]] + [[5 + k, 6 + k] for k in range(39)]
    return sets, edges, [(i,) for i in range(len(sets))]


def test_a_large_component_forgoes_matches_reached_only_through_non_members(monkeypatch):
    import neardup.cluster.stories as stories_module

    # (stories grown along verified pairs from the first center on: no rounds of every member)
    monkeypatch.setattr(stories_module, "ALL_MEMBERS_ROUNDS", 0)
    monkeypatch.setattr(stories_module, "LARGE_COMPONENT", 3)
    sets, edges, rank = _far_copy_in_a_long_component()
    stories = _run(sets, edges, rank=rank, threshold=0.65)
    assert stories.kept.tolist()[:5] == [0, 0, 0, 3, 4]  # E is never compared with A
    monkeypatch.setattr(stories_module, "LARGE_COMPONENT", 1000)  # in a small component
    stories = _run(sets, edges, rank=rank, threshold=0.65)
    assert stories.kept.tolist()[:5] == [0, 0, 0, 3, 0]  # ... it is, and joins


def test_a_large_story_meets_every_member_left(monkeypatch):
    import neardup.cluster.stories as stories_module

    # (stories grown along verified pairs from the first center on: no rounds of every member)
    monkeypatch.setattr(stories_module, "ALL_MEMBERS_ROUNDS", 0)
    monkeypatch.setattr(stories_module, "LARGE_COMPONENT", 3)
    # the same, but A's story is most of its component: its center then meets the members it
    # did not reach (E), as in a small component
    base = set(range(100))
    sets = _sets(base, base - {0}, base - {1}, (base - set(range(30))) | set(range(500, 510)),
                 base - {50})
    edges = [[0, 1], [0, 2], [0, 3], [3, 4]]
    stories = _run(sets, edges, rank=[(0,), (1,), (2,), (3,), (4,)], threshold=0.8)
    assert stories.kept.tolist() == [0, 0, 0, 3, 0]


def test_a_large_story_of_near_identical_copies_is_one_story(monkeypatch):
    import neardup.cluster.stories as stories_module

    # (stories grown along verified pairs from the first center on: no rounds of every member)
    monkeypatch.setattr(stories_module, "ALL_MEMBERS_ROUNDS", 0)

    # 600 copies that all match one another, but verified pairs only between copies at most
    # 3 apart (LSH pairs a crowded bucket's members with a few others each): the center
    # reaches the whole story through the copies that join it, as comparing it with every
    # member does
    monkeypatch.setattr(stories_module, "LARGE_COMPONENT", 200)
    n = 600
    base = set(range(1000))
    sets = _sets(*(base - {i} for i in range(n)))
    edges = [[i, j] for i in range(n) for j in range(i + 1, min(n, i + 4))]
    stories = _run(sets, edges, rank=[(i,) for i in range(n)], threshold=0.9)
    assert stories.kept.tolist() == [0] * n
    monkeypatch.setattr(stories_module, "LARGE_COMPONENT", 1000)
    assert _run(sets, edges, rank=[(i,) for i in range(n)], threshold=0.9).kept.tolist() == (
        [0] * n)


def test_a_large_component_of_few_stories_is_clustered_as_a_small_one(monkeypatch):
    import neardup.cluster.stories as stories_module

    # the component above: its centers meet every member left while that has cost less than
    # ALL_MEMBERS_ROUNDS times its size, so E joins A as in a small component
    monkeypatch.setattr(stories_module, "LARGE_COMPONENT", 3)
    sets, edges, rank = _far_copy_in_a_long_component()
    large = _run(sets, edges, rank=rank, threshold=0.65)
    monkeypatch.setattr(stories_module, "LARGE_COMPONENT", 1000)
    small = _run(sets, edges, rank=rank, threshold=0.65)
    assert large.kept.tolist() == small.kept.tolist()
    assert large.kept.tolist()[:5] == [0, 0, 0, 3, 0]
