import random

import pytest

from neardup import firstseen
from neardup.firstseen import FirstSeen
from neardup.read.documents import IdRegistry


def reference(keys: list[int]) -> list[int]:
    seen: dict[int, int] = {}
    out = []
    for number, key in enumerate(keys):
        out.append(seen.setdefault(key, number) if key in seen else -1)
        seen.setdefault(key, number)
    return out


@pytest.mark.parametrize("merge_at", [1, 4, 1 << 16])
def test_first_numbers_equal_a_dicts_across_merges(monkeypatch, merge_at):
    # Keys of the whole 64-bit range (hashes), many repeated, some inside one batch; asked one
    # at a time and in batches of any size, with merges into the sorted arrays in between.
    monkeypatch.setattr(firstseen, "MERGE_AT", merge_at)
    rng = random.Random(7)
    pool = [rng.getrandbits(64) for _ in range(300)] + [0, 2**63, 2**64 - 1]
    keys = [rng.choice(pool) for _ in range(3000)]
    table, got, number = FirstSeen(), [], 0
    while number < len(keys):
        size = rng.choice([1, 1, 2, 17, 256])
        batch = keys[number:number + size]
        if size == 1:
            got.append(table.first(batch[0], number))
        else:
            got.extend(table.first_many(batch, range(number, number + len(batch))))
        number += len(batch)
    assert got == reference(keys)
    assert len(table) == len(set(keys))
    table.merge()  # all in the sorted arrays now: the same answers
    assert table._keys.size == len(set(keys)) and not table._recent
    first_of = {key: keys.index(key) for key in set(keys)}
    assert table.first_many(keys, range(len(keys))) == [first_of[key] for key in keys]


def test_repeated_ids_name_the_first_source_in_batches_and_one_by_one():
    registry = IdRegistry()
    assert registry.repeated("a", "f.jsonl:1") is None
    got = registry.repeated_many(["b", "a", "b", "c"],
                                 ["f.jsonl:2", "f.jsonl:3", "f.jsonl:4", "d\udcff/g.txt"],
                                 [firstseen_key(i) for i in ["b", "a", "b", "c"]])
    assert got == [None, "duplicate id 'a' (first seen at f.jsonl:1)",
                   "duplicate id 'b' (first seen at f.jsonl:2)", None]
    assert registry.repeated("c", "x") == "duplicate id 'c' (first seen at d\udcff/g.txt)"
    assert registry.repeated("d", "y") is None


def firstseen_key(doc_id: str) -> int:
    from neardup.read.documents import id_key

    return id_key(doc_id)
