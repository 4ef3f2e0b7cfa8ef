"""Data preparation of the report: stories, caps, spans, diffs."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixtures import make_output, small_corpus, write_output

from neardup.report.diff import ADDED, CHANGED, MISSING, DiffOp, utf16_offsets, word_diff
from neardup.report.load import ReportInputError, read_columns, read_rows
from neardup.report.prepare import (
    ReportLimits,
    Span,
    _sample_cost,
    _sample_text,
    clip_spans,
    group_stories,
    prepare_report,
    select_texts,
    split_source,
    text_priority,
)


def test_stories_largest_first_kept_copy_first(out_dir: Path) -> None:
    columns = read_columns(out_dir)
    docs = read_rows(columns.path, range(len(columns)))
    grouped = group_stories(columns)
    stories = grouped.listed
    assert [s.size for s in stories] == [5, 3, 2, 1, 1, 1, 1]
    assert (grouped.count, grouped.multi_copy) == (7, 3)
    assert grouped.sizes == [(1, 4), (2, 1), (3, 1), (5, 1)]
    for story in stories:
        assert docs[story.kept]["status"] == "kept"
        assert story.members[0] == story.kept
        assert {docs[r]["cluster"] for r in story.members} == {story.kept}
        assert all(docs[r]["status"] == "duplicate" for r in story.members[1:])
    singles = [s.kept for s in stories if s.size == 1]
    assert singles == sorted(singles)  # ties: input order of the kept copy
    rejected = {r for r, d in docs.items() if d["status"] == "rejected"}
    assert len(rejected) == 2
    assert not rejected & {r for s in stories for r in s.members}


def test_page_data_lists_stories_and_rejected(out_dir: Path) -> None:
    data = prepare_report(out_dir)
    page = data.page
    assert [s["n"] for s in page["stories"]] == [5, 3, 2, 1, 1, 1, 1]
    first = page["stories"][0]
    assert first["t"] == "Storm knocks out power to thousands in valley"
    assert page["docs"][first["o"]]["i"] == "s0-c0"
    assert sorted(d["x"] for d in page["rejected"]) == ["not text", "too short"]
    assert data.counts["read"] == 16 and data.counts["rejected"] == 2
    assert data.rejected_reasons == [("not text", 1), ("too short", 1)]
    assert data.chars["removed"] > 0
    assert {r["reason"] for r in data.removed_by_reason} == {"navigation", "boilerplate"}
    assert data.texts_available and len(page["texts"]) == 16
    # every copy of a multi-copy story has its diff against the kept copy
    assert data.stats["diffs"] == 4 + 2 + 1


def test_max_stories_and_copies_caps(out_dir: Path) -> None:
    data = prepare_report(out_dir, ReportLimits(max_stories=2, max_copies=3))
    stories = data.page["stories"]
    assert [(s["n"], s["m"]) for s in stories] == [(5, 3), (3, 3)]
    assert len(data.page["docs"]) == 6
    assert any("2 largest of 7" in note for note in data.notes)
    assert any("more than 3 copies" in note for note in data.notes)


def test_text_budget_caps_embedded_texts(out_dir: Path) -> None:
    full = prepare_report(out_dir)
    budget = full.stats["text_chars"] // 3
    capped = prepare_report(out_dir, ReportLimits(text_budget=budget))
    assert 0 < capped.stats["texts"] < full.stats["texts"]
    assert capped.stats["text_chars"] <= budget
    # priority: members of the largest story come first
    first = capped.page["stories"][0]
    assert str(first["o"]) in capped.page["texts"]
    assert any("Texts are embedded for" in note for note in capped.notes)


def test_select_texts_priority_and_budget() -> None:
    item = _sample_text({"id": "x", "raw_text": "abcdef", "text": "abc", "removed": []}, 100)
    assert item is not None and item.cost == 9
    costs = {1: 9, 2: 9, 3: 9, 4: 2}
    assert select_texts([3, 1, 2, 4], costs, 20) == [3, 1, 4]  # 2 does not fit, 4 does
    assert select_texts([5, 2, 2], costs, 9) == [2]  # no text for 5; once each


def test_text_priority_pairs_first() -> None:
    docs = np.array([1.0, 0.9, 0.75, 1.0, 0.8, 1.0, 1.0])
    stories = [[0, 1, 2], [3, 4], [5]]
    available = {0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1}
    # kept + least similar copy of each story, then the other copies, rejected, singletons
    assert text_priority(docs, stories, [6], available) == [0, 2, 3, 4, 1, 6, 5]
    # a copy without a text is not paired
    assert text_priority(docs, stories, [], {0: 1, 1: 1, 3: 1}) == [0, 1, 3, 2, 4, 5]


def test_clip_spans() -> None:
    spans = [{"start": 8, "end": 30, "reason": "footer"}, {"start": 0, "end": 4, "reason": "nav"},
             {"start": 2, "end": 6, "reason": "menu"}, {"start": 12, "end": 40, "reason": "x"},
             {"start": 5, "end": 5, "reason": "empty"}, {"start": 50, "end": 60, "reason": "far"}]
    assert clip_spans(spans, 20) == [Span(0, 4, "nav"), Span(4, 6, "menu"),
                                     Span(8, 20, "footer")]
    assert clip_spans([], 10) == []


def test_sample_text_truncation_clips_spans() -> None:
    raw = "HEADER " + "word " * 10 + "FOOTER"
    record = {"id": "a", "raw_text": raw, "text": "word " * 10, "truncated": False,
              "removed": [{"start": 0, "end": 7, "reason": "nav"},
                          {"start": len(raw) - 6, "end": len(raw), "reason": "footer"}]}
    item = _sample_text(record, cap=20)
    assert item is not None
    assert item.truncated and item.raw == raw[:20] and len(item.text) == 20
    assert item.spans == [Span(0, 7, "nav")]


def test_word_diff_known_pair() -> None:
    kept = "The storm hit the valley on Monday night. Crews worked all night."
    copy = "The big storm hit the valley on Tuesday night. Crews worked."
    ops = word_diff(kept, copy)
    rendered = [(op.tag, kept[op.a_start:op.a_end], copy[op.b_start:op.b_end]) for op in ops]
    assert rendered == [(ADDED, "", "big"), (CHANGED, "Monday", "Tuesday"),
                        (CHANGED, "worked all night.", "worked.")]
    assert word_diff(kept, kept) == []
    missing = word_diff("one two three four", "one four")
    assert [(op.tag, op.a_start, op.a_end, op.b_start, op.b_end) for op in missing] == \
        [(MISSING, 4, 13, 4, 4)]


def test_utf16_offsets_for_astral_characters() -> None:
    text = "a🎉b🎉c"
    assert utf16_offsets(text, [0, 1, 2, 3, 4, 5]) == [0, 1, 3, 4, 6, 7]
    assert utf16_offsets("plain", [0, 5]) == [0, 5]


def test_parquet_output_gives_the_same_page(tmp_path: Path) -> None:
    docs = small_corpus()
    jsonl = prepare_report(write_output(tmp_path / "j", docs))
    parquet = prepare_report(write_output(tmp_path / "p", docs, fmt="parquet"))
    assert parquet.page == jsonl.page
    assert parquet.removed_by_reason == jsonl.removed_by_reason


def test_missing_texts_file(tmp_path: Path) -> None:
    data = prepare_report(make_output(tmp_path / "out", texts=False))
    assert not data.texts_available
    assert any("Texts unavailable" in note for note in data.notes)
    # kept copies still have their clean text (from deduplicated.jsonl), so no crash
    assert all("raw" not in t for t in data.page["texts"].values())


def test_split_source() -> None:
    assert split_source("news.jsonl:12") == ("news.jsonl", "12")
    assert split_source("C:/x/page.html") == ("C:/x/page.html", None)
    assert split_source(None) == ("", None)


def test_histogram_fallback_without_summary(out_dir: Path) -> None:
    (out_dir / "summary.json").unlink()
    data = prepare_report(out_dir)
    assert sum(data.histogram["counts"]) == 7
    assert data.counts["read"] == 16
    assert dict(data.stories_by_size) == {1: 4, 2: 1, 3: 1, 5: 1}
    json.dumps(data.page)  # embeddable


def _outside(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The words of ``text`` outside the given character spans, in order."""
    words = []
    for match in re.finditer(r"\S+", text):
        if not any(a <= match.start() < b for a, b in spans):
            words.append(match.group())
    return words


def test_word_diff_of_a_moved_paragraph_break_is_empty() -> None:
    # The same words, paragraphs split elsewhere: nothing to highlight (a blank line must not
    # anchor the line alignment and make "She said ..." missing, then added).
    kept = "The minister spoke on Monday. She said taxes would rise.\n\nMarkets fell sharply."
    other = "The minister spoke on Monday.\n\nShe said taxes would rise. Markets fell sharply."
    assert word_diff(kept, other) == []
    assert word_diff(other, kept) == []
    assert word_diff(kept + "\n\nMore.", other) == [DiffOp(MISSING, len(kept) + 2,
                                                           len(kept) + 7, len(other), len(other))]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "the", "U.S.", "\n", "\n\n", " "]),
                max_size=60),
       st.lists(st.sampled_from(["a", "b", "c", "the", "US", "\n", "\n\n", " "]), max_size=60))
def test_word_diff_is_an_alignment(kept_tokens: list[str], other_tokens: list[str]) -> None:
    # Lines first, then words: whatever the line breaks, the words outside the operations are
    # the same sequence in both texts, and every differing word is inside an operation.
    kept, other = " ".join(kept_tokens), " ".join(other_tokens)
    ops = word_diff(kept, other)
    assert _outside(kept, [(op.a_start, op.a_end) for op in ops]) == \
        _outside(other, [(op.b_start, op.b_end) for op in ops])
    assert all((op.a_start == op.a_end) == (op.tag == ADDED) for op in ops)
    assert all((op.b_start == op.b_end) == (op.tag == MISSING) for op in ops)
    assert [op.a_start for op in ops] == sorted(op.a_start for op in ops)


def test_each_story_marks_its_center(tmp_path: Path) -> None:
    # a real dedup output: every story of several copies marks one member as its center,
    # the copy its `center` field names
    import neardup

    corpus = Path(__file__).resolve().parents[2] / "examples" / "news.jsonl"
    docs = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    out = tmp_path / "out"
    neardup.dedup(docs[:120], output=out, report=True, jobs=1)
    columns = read_columns(out)
    records = {r["id"]: r for r in read_rows(columns.path, range(len(columns))).values()}
    page = prepare_report(out).page
    stories = [s for s in page["stories"] if s["n"] > 1]
    assert stories
    for story in stories:
        members = page["docs"][story["o"]:story["o"] + story["m"]]
        marked = [d["i"] for d in members if d.get("m")]
        assert marked == [records[members[0]["i"]]["center"]]


def _stories_by_records(records: list[dict]) -> list[tuple[int, list[int]]]:
    """Stories grouped record by record (the report's way before its columns): (kept, members)
    largest first, ties by kept copy; a document without cluster is a story of its own."""
    groups: dict[object, list[int]] = {}
    for row, doc in enumerate(records):
        if doc["status"] != "rejected":
            cluster = doc["cluster"]
            # (a list as a tuple; 2.0 and true are 2 and 1, as Python compares them)
            key = ("row", row) if cluster is None else ("cluster", tuple(cluster)) \
                if isinstance(cluster, list) else ("cluster", cluster)
            groups.setdefault(key, []).append(row)
    stories = []
    for rows in groups.values():
        kept = next((r for r in rows if records[r]["status"] == "kept"), rows[0])
        stories.append((kept, [kept] + [r for r in rows if r != kept]))
    stories.sort(key=lambda s: (-len(s[1]), s[0]))
    return stories


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["kept", "duplicate", "rejected", "odd"]),
                          st.one_of(st.none(), st.integers(0, 6), st.sampled_from(
                              ["x", "y", "[1]", 1.0, 2.5, True, [1], [1, "x"]]))),
                max_size=40),
       st.integers(0, 8), st.integers(1, 4))
def test_group_stories_matches_grouping_records(tmp_path_factory: pytest.TempPathFactory,
                                               rows: list[tuple[str, object]], limit: int,
                                               copies: int) -> None:
    # whatever the statuses and clusters (null, numbers, a hand-made file's strings, floats,
    # booleans and lists), the arrays give the stories that grouping the records one by one
    # gives
    out = tmp_path_factory.mktemp("out")
    records = [{"id": f"d{n}", "status": status, "cluster": cluster, "similarity": None}
               for n, (status, cluster) in enumerate(rows)]
    (out / "documents.jsonl").write_bytes(b"".join(json.dumps(r).encode() + b"\n\n"
                                                   for r in records))
    columns = read_columns(out)
    expected = _stories_by_records(records)
    grouped = group_stories(columns, limit, copies)
    assert [(s.kept, s.members, s.size) for s in grouped.listed] == \
        [(kept, members[:copies], len(members)) for kept, members in expected[:limit]]
    assert grouped.count == len(expected)
    assert grouped.multi_copy == sum(1 for _, members in expected if len(members) > 1)
    assert dict(grouped.sizes) == dict(Counter(len(members) for _, members in expected))


def test_read_rows_jsonl_and_parquet(tmp_path: Path) -> None:
    # the full records of chosen rows, the same from either format, spans left out
    docs = small_corpus()
    jsonl = read_columns(write_output(tmp_path / "j", docs))
    parquet = read_columns(write_output(tmp_path / "p", docs, fmt="parquet"))
    rows = [0, 3, len(jsonl) - 1]
    from_jsonl, from_parquet = read_rows(jsonl.path, rows), read_rows(parquet.path, rows)
    assert sorted(from_jsonl) == rows and from_parquet == from_jsonl
    assert all("removed" not in record for record in from_jsonl.values())
    assert [from_jsonl[r]["id"] for r in rows] == [docs[r].id for r in rows]
    assert (jsonl.status == parquet.status).all() and jsonl.chars == parquet.chars
    assert jsonl.removed.chars == parquet.removed.chars and jsonl.removed.chars


def test_removed_by_reason_from_the_summary_or_the_documents_agree(tmp_path: Path) -> None:
    # a run's summary sums the removed spans; the report takes them from there, and from the
    # documents' spans for an output whose summary does not have them: the same table
    import neardup

    corpus = Path(__file__).resolve().parents[2] / "examples" / "news.jsonl"
    docs = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    out = tmp_path / "out"
    neardup.dedup(docs[:80], output=out, report=True, jobs=1)
    recorded = prepare_report(out).removed_by_reason
    summary = json.loads((out / "summary.json").read_text())
    del summary["removed_by_reason"]
    (out / "summary.json").write_text(json.dumps(summary))
    assert prepare_report(out).removed_by_reason == recorded
    assert len(recorded) > 2 and all(row["documents"] > 0 for row in recorded)


def test_sample_records_found_by_id_when_their_numbers_are_off(out_dir: Path) -> None:
    # a sample record's number `n` that names another document (an edited output) does not
    # lose its text: the record goes to the listed document of its id
    limits = ReportLimits(max_stories=2)  # (numbers that name documents not listed too)
    expected = prepare_report(out_dir, limits).page["texts"]
    assert expected
    path = out_dir / "report-texts.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    for number, record in enumerate(records):  # (the fixture's sample has no numbers)
        record["n"] = (number * 7 + 3) % len(records)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(record) + "\n" for record in records)
    assert prepare_report(out_dir, limits).page["texts"] == expected


def test_histogram_fallback_puts_odd_similarities_in_the_end_bins(out_dir: Path) -> None:
    (out_dir / "summary.json").unlink()
    path = out_dir / "documents.jsonl"
    records = [json.loads(line) for line in path.read_text().splitlines()]
    before = prepare_report(out_dir).histogram["counts"]
    copies = [r for r in records if r["similarity"] is not None]
    expected = list(before)
    for copy, value, end in ((copies[0], 1e300, -1), (copies[1], -1e300, 0)):
        expected[min(49, int(copy["similarity"] * 50))] -= 1
        expected[end] += 1
        copy["similarity"] = value
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    assert prepare_report(out_dir).histogram["counts"] == expected


def test_a_line_that_is_not_an_object_is_a_clear_error(out_dir: Path) -> None:
    path = out_dir / "documents.jsonl"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([*lines[:3], "[1, 2]", *lines[3:]]) + "\n")
    with pytest.raises(ReportInputError, match=r"documents.jsonl:4: .*JSON list, not an object"):
        prepare_report(out_dir)


def test_texts_held_or_read_again_give_the_same_page(out_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # the sampled texts are held between the two looks at the sample up to a bound, beyond
    # which the sample is read again: the same page either way
    import neardup.report.prepare as prepare

    held = prepare_report(out_dir, ReportLimits(text_budget=6000))
    monkeypatch.setattr(prepare, "HELD_CHARS", 0)
    again = prepare_report(out_dir, ReportLimits(text_budget=6000))
    assert again.page == held.page and 0 < len(held.page["texts"]) < 16


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=12)), st.one_of(st.none(), st.text(max_size=12)),
       st.lists(st.tuples(st.integers(-2, 14), st.integers(-2, 14)), max_size=3),
       st.integers(0, 10))
def test_sample_cost_is_the_cost_of_the_sample_text(text: str | None, raw: str | None,
                                                    spans: list[tuple[int, int]],
                                                    cap: int) -> None:
    record = {"text": text, "raw_text": raw,
              "removed": [{"start": a, "end": b, "reason": "x"} for a, b in spans]}
    item = _sample_text(record, cap)
    assert _sample_cost(record, cap) == (None if item is None else item.cost)
