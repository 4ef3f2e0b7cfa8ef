import gzip
import json
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import neardup
from neardup.api import clean_files, make_options
from tests.conftest import make_article


def _corpus():
    story = make_article(1)
    paragraphs = story.split("\n\n")
    variant = story.replace(" said ", " told reporters ", 2) + "\n\nAn added local paragraph here."
    reprint = "\n\n".join(paragraphs[:5])  # short copy ...
    page = reprint + "\n\n" + make_article(50, paragraphs=8)  # ... inside a longer page
    return [
        {"id": "orig", "text": story, "date": "2020-01-02"},
        {"id": "other", "text": make_article(2)},
        {"id": "variant", "text": variant},
        {"id": "exact", "text": story.upper()},
        {"id": "empty", "text": " "},
        {"id": "reprint", "text": reprint},
        {"id": "page", "text": page},
    ]


def test_copies_found_and_every_document_accounted_for():
    result = neardup.dedup(_corpus(), clean=False)
    status = {r["id"]: r for r in result.records}
    assert [r["id"] for r in result.records] == [d["id"] for d in _corpus()]
    counts = result.summary["counts"]
    assert counts["read"] == counts["kept"] + counts["duplicate"] + counts["rejected"] == 7
    assert status["empty"]["status"] == "rejected" and status["empty"]["reason"] == "empty text"
    story = {status[i]["cluster"] for i in ("orig", "variant", "exact")}
    assert len(story) == 1
    assert status["other"]["status"] == "kept"
    assert status["other"]["cluster"] != status["orig"]["cluster"]
    # The original is the most complete copy (the text the others share); the variant's added
    # paragraph and rewordings are its own, and the longest copy, the variant, is what
    # keep="longest" keeps. The exact copy of the original is the original's text.
    assert status["orig"]["status"] == "kept"
    assert status["exact"]["similarity"] == 1.0 > status["variant"]["similarity"]
    longest = {r["id"]: r for r in neardup.dedup(_corpus(), clean=False, keep="longest").records}
    assert longest["variant"]["status"] == "kept"
    assert longest["exact"]["similarity"] == longest["orig"]["similarity"] < 1.0
    assert result.summary["counts"]["exact_duplicates"] == 1
    # The short reprint (the story's first paragraphs) is contained in the story's copies and
    # in a longer page that adds another article: it joins the story, whose copies it matches
    # (centered on the original, which most copies match), not the page.
    assert status["reprint"]["duplicate_of"] == "orig"
    assert status["reprint"]["containment"] >= 0.8 and status["reprint"]["similarity"] < 0.7
    kept = {k["id"]: k for k in result.kept}
    assert set(kept["orig"]["copies"]) == {"orig", "variant", "exact", "reprint"}
    assert kept["page"]["copies"] == ["page"]
    # Alone with the page, the reprint is a copy of the page that contains it, not the reverse.
    alone = neardup.dedup([d for d in _corpus() if d["id"] in ("reprint", "page")], clean=False)
    assert [(r["id"], r["duplicate_of"]) for r in alone.records] == [("reprint", "page"),
                                                                     ("page", None)]


def test_without_containment_the_short_reprint_stays_apart():
    result = neardup.dedup(_corpus(), clean=False, containment=None)
    status = {r["id"]: r for r in result.records}
    assert status["reprint"]["status"] == "kept"


def test_outputs_are_byte_identical_for_any_process_count(tmp_path):
    corpus = _corpus() + [{"id": "orig", "text": "a repeated id"}]
    results = {}
    for fmt in ("jsonl", "parquet"):
        for jobs in (1, 2):
            results[fmt, jobs] = neardup.dedup(corpus, clean=False, jobs=jobs, shard_size=2,
                                               output=tmp_path / f"{fmt}{jobs}",
                                               output_format=fmt, report=True)
        for name in (f"documents.{fmt}", f"deduplicated.{fmt}", "report-texts.jsonl.gz"):
            one, two = (tmp_path / f"{fmt}1" / name), (tmp_path / f"{fmt}2" / name)
            assert one.read_bytes() == two.read_bytes(), name
    # The files hold what the API returns, whichever process wrote them.
    lines = (tmp_path / "jsonl2/documents.jsonl").read_text().splitlines()
    assert [json.loads(line) for line in lines] == results["jsonl", 2].records
    assert pq.read_table(tmp_path / "parquet2/documents.parquet").column("id").to_pylist() == \
        [r["id"] for r in results["jsonl", 1].records]
    kept = [json.loads(line) for line in (tmp_path / "jsonl1/deduplicated.jsonl").open()]
    assert kept == results["jsonl", 1].kept
    assert results["jsonl", 2].records[-1]["reason"].startswith("duplicate id 'orig'")
    # The report's text sample: one gzip member per shard, read back as one file.
    with gzip.open(tmp_path / "parquet2/report-texts.jsonl.gz", "rt") as handle:
        sampled = [json.loads(line)["id"] for line in handle]
    assert sampled == [r["id"] for r in results["jsonl", 1].records]
    # No report wanted: no text sample for it either, not even an earlier run's.
    neardup.dedup(corpus, clean=False, output=tmp_path / "jsonl1", report=False)
    assert not (tmp_path / "jsonl1/report-texts.jsonl.gz").exists()
    assert (tmp_path / "jsonl1/documents.jsonl").read_bytes() == \
        (tmp_path / "jsonl2/documents.jsonl").read_bytes()


def test_parquet_output(tmp_path):
    neardup.dedup(_corpus(), clean=False, output=tmp_path, output_format="parquet")
    table = pq.read_table(tmp_path / "documents.parquet")
    assert table.num_rows == 7
    assert set(table.column("status").to_pylist()) == {"kept", "duplicate", "rejected"}
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["counts"]["read"] == 7


def test_an_output_folder_reused_in_another_format_keeps_no_stale_files(tmp_path):
    # The report reads documents.jsonl before documents.parquet: a stale one would win.
    neardup.dedup(_corpus(), clean=False, output=tmp_path, output_format="jsonl")
    neardup.dedup(_corpus(), clean=False, output=tmp_path, output_format="parquet")
    assert not (tmp_path / "documents.jsonl").exists()
    assert not (tmp_path / "deduplicated.jsonl").exists()
    neardup.dedup(_corpus(), clean=False, output=tmp_path, output_format="jsonl")
    assert not (tmp_path / "documents.parquet").exists()
    assert (tmp_path / "documents.jsonl").exists()


def test_similarity_is_robust_to_spelling_variants():
    a = "The U.S. said “peace” talks — in Geneva… will resume next week, officials said today."
    b = 'The US said "peace" talks - in Geneva... will resume next week, officials said today.'
    assert neardup.similarity(a, b) == 1.0
    assert neardup.similarity(a, make_article(3)) == 0.0


def test_make_options_rejects_unknown_settings():
    import pytest

    with pytest.raises(TypeError, match="unknown option"):
        make_options(treshold=0.5)


def test_exact_copies_across_and_within_shards_share_one_set():
    # Shard 1 holds the first copy; shard 2 holds two more (one in-shard repeat of the other).
    text = make_article(9)
    docs = [text, make_article(10), text.upper(), text.lower()]  # equal lengths: id decides
    result = neardup.dedup(docs, clean=False, shard_size=2)
    records = result.records
    assert [r["status"] for r in records] == ["kept", "kept", "duplicate", "duplicate"]
    assert [r["similarity"] for r in records[2:]] == [1.0, 1.0]
    assert result.summary["counts"]["exact_duplicates"] == 2


def test_pairs_just_above_the_threshold_are_found_by_lsh():
    # 30 pairs at Jaccard ~0.72: banding aimed at the threshold itself would lose ~40 % of them.
    docs = []
    for k in range(30):
        words = make_article(100 + k, paragraphs=6).split()
        edited = list(words)
        for i in range(0, len(edited), 32):  # one changed word every 32: J of 5-grams ~0.73
            edited[i] = "changed"
        docs += [" ".join(words), " ".join(edited)]
    # (plain overlaps: these word salads have ~2.5 % function words, where weights fade in)
    result = neardup.dedup(docs, clean=False, containment=None, prose_weights=False)
    records = result.records
    jaccards = [neardup.similarities(docs[2 * k], docs[2 * k + 1], prose_weights=False)[0]
                for k in range(30)]
    assert all(0.7 <= j < 0.8 for j in jaccards), jaccards
    found = sum(records[2 * k]["cluster"] == records[2 * k + 1]["cluster"] for k in range(30))
    assert found >= 29


def test_compiled_and_pure_numpy_paths_write_identical_outputs(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    corpus = Path(__file__).parent.parent / "examples" / "news.jsonl"
    outputs = {}
    for name, pure in (("compiled", ""), ("pure", "1")):
        env = {k: v for k, v in os.environ.items() if k != "NEARDUP_PURE"}
        if pure:
            env["NEARDUP_PURE"] = pure
        out = tmp_path / name
        subprocess.run([sys.executable, "-m", "neardup", "dedup", str(corpus), "-o", str(out),
                        "-q", "--no-report", "--no-clean", "--jobs", "1"], env=env, check=True)
        outputs[name] = [(out / f).read_bytes() for f in ("documents.jsonl",
                                                           "deduplicated.jsonl")]
    assert outputs["compiled"] == outputs["pure"]


def test_a_document_that_breaks_the_cleaner_keeps_its_text_and_the_run_goes_on(monkeypatch):
    import neardup.clean.stage as clean_module

    original = clean_module.clean_document

    def fragile(doc, templates, options, extracted=None):
        if "explode" in doc.text:
            raise ValueError("unexpected page shape")
        return original(doc, templates, options, extracted)

    monkeypatch.setattr(clean_module, "clean_document", fragile)
    docs = [make_article(30), "explode " + make_article(31), make_article(32)]
    result = neardup.dedup(docs)
    records = result.records
    assert [r["status"] for r in records] == ["kept", "kept", "kept"]
    assert "cleaning failed, raw text kept: ValueError" in records[1]["warnings"][0]


def test_parquet_output_holds_metadata_that_json_has_no_type_for(tmp_path):
    # A Parquet input's timestamp and bytes columns are kept as metadata: the JSONL output
    # encodes them, so the Parquet output must too (it used to stop with a TypeError).
    import datetime

    import pyarrow as pa

    rows = [{"id": d["id"], "text": d["text"], "fetched": datetime.datetime(2020, 1, 2, 3, 4),
             "raw": b"\x00\x01"} for d in _corpus()]
    source = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(rows), source)
    for fmt in ("jsonl", "parquet"):
        options = make_options(clean=False, jobs=1, quiet=True, report=False, output_format=fmt)
        neardup.dedup_files([source], tmp_path / fmt, options)
        options = make_options(jobs=1, quiet=True, output_format=fmt)
        neardup.clean_files([source], tmp_path / f"clean-{fmt}", options)
    records = [json.loads(line) for line in (tmp_path / "jsonl/deduplicated.jsonl").open()]
    table = pq.read_table(tmp_path / "parquet/deduplicated.parquet").to_pylist()
    assert [json.loads(r["metadata"]) for r in table] == [r["metadata"] for r in records]
    assert records[0]["metadata"] == {"fetched": "2020-01-02T03:04:00", "raw": "b'\\x00\\x01'"}
    cleaned = pq.read_table(tmp_path / "clean-parquet/documents.parquet").to_pylist()
    assert json.loads(cleaned[0]["metadata"]) == records[0]["metadata"]


def test_integers_beyond_64_bits_in_metadata_are_written_not_a_crash(tmp_path):
    # A .json file (parsed by the standard library) or the Python API can hold an integer
    # wider than 64 bits in a metadata field; orjson refuses those, and the write pass stopped
    # with "TypeError: Integer exceeds 64-bit range". It is written as its digits, as other
    # values JSON output cannot hold are (str()).
    big = 2**70
    items = [{"id": d["id"], "text": d["text"], "n": big, "deep": [{"m": -big}]}
             for d in _corpus()]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(items))
    for fmt in ("jsonl", "parquet"):
        options = make_options(jobs=1, quiet=True, output_format=fmt)
        neardup.dedup_files([source], tmp_path / fmt, options)
        neardup.clean_files([source], tmp_path / f"clean-{fmt}", options)
    records = [json.loads(line) for line in (tmp_path / "jsonl/deduplicated.jsonl").open()]
    assert records[0]["metadata"] == {"n": str(big), "deep": [{"m": str(-big)}]}
    table = pq.read_table(tmp_path / "parquet/deduplicated.parquet").to_pylist()
    assert [json.loads(r["metadata"]) for r in table] == [r["metadata"] for r in records]
    cleaned = [json.loads(line) for line in (tmp_path / "clean-jsonl/documents.jsonl").open()]
    assert cleaned[0]["metadata"] == records[0]["metadata"]
    result = neardup.dedup(items[:1], report=False)
    assert result.kept[0]["metadata"]["n"] == str(big)  # (the API's records: as the file's)


def test_api_values_that_are_no_data_leave_their_field_out_with_a_warning(tmp_path):
    # Metadata of the Python API is any Python object: a function stopped the run in the
    # spill's pickle, a tuple key the JSON writer ("unhashable type: 'list'"), and an
    # object() or a set was written as its str(), which differs from run to run (an address,
    # the order of string hashes). Such a field is left out, with a warning; what JSON holds,
    # and what the writers write the same every run (dates, Decimal, NumPy...), is kept.
    import datetime
    import decimal
    import enum

    import numpy as np

    from neardup.document import Document

    class Level(enum.IntEnum):
        HIGH = 3

    def items() -> list:
        return [{"id": "a", "text": make_article(1), "f": lambda: 1, "o": object(),
                 "s": {"x", "y"}, "tk": {(1, 2): 3}, "deep": [{"o": object()}], "k": 1,
                 "when": datetime.datetime(2020, 1, 2, 3, 4), "price": decimal.Decimal("1.10"),
                 "arr": np.arange(3), "pair": (1, ("x", Level.HIGH)), "ik": {1: "one"}},
                {"id": object(), "text": make_article(2), "url": print},
                Document(id="d", text=make_article(3), url=object(),
                         metadata={"f": len, "n": np.int64(7)})]

    def no_data(field: str, kind: str) -> str:
        return (f"{field} left out: a value of type {kind!r} is not data that the outputs can "
                "hold: convert it to str, a number, a list or a dict")

    outputs = []
    for run, (fmt, jobs) in enumerate([("jsonl", 1), ("jsonl", 2), ("parquet", 1)]):
        out = tmp_path / f"{fmt}{run}"
        result = neardup.dedup(items(), output=out, output_format=fmt, jobs=jobs)
        assert [(r["id"], r["status"]) for r in result.records] == [
            ("a", "kept"), ("1", "kept"), ("d", "kept")]
        assert [r["warnings"] for r in result.records] == [
            [no_data("field 'f'", "function"), no_data("field 'o'", "object"),
             no_data("field 's'", "set"),
             "field 'tk' left out: a dict key of type 'tuple': the outputs' keys are text, give "
             "str, int, float or bool keys", no_data("field 'deep'", "object")],
            [no_data("field 'id'", "object"), no_data("field 'url'", "builtin_function_or_method")],
            [no_data("Document.url", "object"), no_data("field 'f'", "builtin_function_or_method")]]
        if fmt == "jsonl":
            outputs.append((out / "deduplicated.jsonl").read_bytes())
            kept = [json.loads(line) for line in outputs[-1].splitlines()]
        else:
            kept = [{**r, "metadata": json.loads(r["metadata"])}
                    for r in pq.read_table(out / "deduplicated.parquet").to_pylist()]
        assert [k["metadata"] for k in kept] == [
            {"k": 1, "when": "2020-01-02T03:04:00", "price": "1.10", "arr": [0, 1, 2],
             "pair": [1, ["x", 3]], "ik": {"1": "one"}}, {}, {"n": 7}]
    assert outputs[0] == outputs[1]  # (byte-identical: no address, no hash order)


def test_lone_surrogates_in_api_input_are_replaced_and_flagged(tmp_path):
    # Python strings can hold lone surrogates ("\ud800"), which no UTF-8 output can: with an
    # output folder the write pass stopped with "TypeError: str is not valid UTF-8:
    # surrogates not allowed". The files' JSON readers replace them (and say so); the API too.
    from neardup.document import Document

    text = make_article(40)
    items = ["\ud800 " + text, {"id": "x\udc00", "text": make_article(41), "k\ud801": "\udfff"},
             Document(id="d", text=make_article(42) + " \udbff", url="https://a.example/\ud800")]
    neardup.dedup(items, output=tmp_path / "out", jobs=1)
    records = [json.loads(line) for line in (tmp_path / "out/documents.jsonl").open()]
    assert [r["status"] for r in records] == ["kept"] * 3
    assert [r["id"] for r in records] == ["0", "x\\udc00", "d"]  # (ids: \\u escapes)
    assert all("lone surrogate" in r["warnings"][0] for r in records)
    kept = [json.loads(line) for line in (tmp_path / "out/deduplicated.jsonl").open()]
    assert kept[1]["metadata"] == {"k\ufffd": "\ufffd"}
    assert records[2]["url"] == "https://a.example/\ufffd"
    assert "\ud800" in items[0] and items[2].text.endswith("\udbff")  # the caller's, as given


def test_the_api_leaves_the_callers_documents_as_they_were():
    # Cleaning appends warnings to the document it cleans: on a shallow copy that list was the
    # caller's, so every run added the warning again (and a second run reported it twice).
    from neardup.document import Document

    menu = "Share on Facebook\nShare on Twitter\nAdvertisement\nRead more"
    docs = [Document(id="menu", text=menu), Document(id="story", text=make_article(4))]
    for jobs in (1, 2, 1):
        result = neardup.dedup(docs, jobs=jobs)
        assert result.records[0]["warnings"] == [
            "clean: cleaning removed all text; kept the raw text"]
        cleaned = neardup.clean_documents(docs, jobs=jobs)
        assert len(cleaned[0].warnings) == 1
    assert docs[0].warnings == [] and docs[0].removed == [] and docs[0].metadata == {}
    assert docs[0].text == menu


def test_texts_without_words_are_rejected_not_merged_into_one_story(tmp_path):
    from neardup.document import Document

    # Punctuation, emoji or zero-width characters normalise to nothing: matched, they would all
    # be exact copies of one another, one story of unrelated documents.
    wordless = ["!!! ???", "\U0001f642\U0001f642 \U0001f44d", "\u200b\u200b", "— … —"]
    docs = [{"id": f"w{i}", "text": t} for i, t in enumerate(wordless)]
    docs.append({"id": "real", "text": make_article(3)})
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    for clean in (False, True):
        for result in (neardup.dedup(docs, clean=clean),
                       neardup.dedup_files([path], tmp_path / f"out-{clean}",
                                           make_options(clean=clean, quiet=True, jobs=2),
                                           collect=True)):
            status = {r["id"]: r for r in result.records}
            for i in range(len(wordless)):
                assert status[f"w{i}"]["status"] == "rejected"
                assert status[f"w{i}"]["reason"].startswith("no words")
                assert status[f"w{i}"]["chars"] == 0
            assert status["real"]["status"] == "kept"
    # a page whose extracted text has no word: rejected likewise, no characters counted as
    # kept text (it said chars 50,000 for a page of punctuation, other rejections 0)
    page = Document(id="page", text="", html="<html><body><p>" + "!?! " * 500 + "</p></body>"
                    "</html>")
    for clean in (False, True):
        [record] = neardup.dedup([page], clean=clean).records
        assert (record["status"], record["chars"]) == ("rejected", 0)
    # what counts as a word: a letter or a digit of any script, not an underscore or a dash
    from neardup.read.documents import has_words

    assert has_words("a") and has_words("Ünïcode") and has_words("٣") and not has_words("_ -")


def test_has_words_agrees_with_the_normalised_words_on_every_code_point():
    # a text has words exactly when its normalised tokens hold a letter or a digit: letters
    # that NFKC turns into combining marks only do not count, symbols it turns into letters do
    import re
    import sys

    from neardup.normalize import tokens
    from neardup.read.documents import has_words

    letter_or_digit = re.compile(r"[^\W_]")
    wrong = [cp for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF
             and has_words(chr(cp)) != any(letter_or_digit.search(t) for t in tokens(chr(cp)))]
    assert wrong == []
    assert not has_words("\uFE70\uFF9E") and has_words("\u2122") and has_words("x\uFE70")


def test_settings_beside_options_are_refused_not_ignored():
    # dedup(docs, options=..., threshold=0.9) ran at the options' threshold without a word.
    import pytest

    with pytest.raises(TypeError, match="threshold"):
        neardup.dedup(["a text"], options=make_options(threshold=0.5, quiet=True), threshold=0.9)


def test_a_single_string_is_not_taken_for_a_list_of_documents():
    # dedup("one text") deduplicated the text's characters: 396 one-letter documents.
    import pytest

    for call in (neardup.dedup, neardup.clean_documents):
        with pytest.raises(TypeError, match="list of documents"):
            call(make_article(1))
        with pytest.raises(TypeError, match="list of documents"):
            call({"id": "a", "text": make_article(1)})


def test_option_values_of_the_wrong_type_raise_a_clear_value_error():
    # ngram=5.5 stopped deep in a numba kernel with a page of typing errors, num_perm=128.0
    # and threshold="0.5" with "unsupported operand" / "'<' not supported", max_chars=1.5 and
    # clean="no" (cleaning on) ran. Bad values were UsageErrors, which are not ValueErrors.
    import pytest

    for bad in ({"ngram": 5.5}, {"num_perm": 128.0}, {"threshold": "0.5"}, {"jobs": 1.5},
                {"max_chars": 1.5}, {"clean": "no"}, {"text_field": 5}, {"seed": True},
                {"containment": "0.8"}, {"keep": None}, {"threshold": 2}):
        (name, _), = bad.items()
        with pytest.raises(ValueError, match=name):
            neardup.dedup(["a text"], **bad)
    assert neardup.dedup(["a text"], threshold=1, containment=None).summary["counts"]["kept"] == 1


def test_similarity_with_a_bad_ngram_is_a_clear_value_error():
    # ngram=0 failed with numpy's "array is not broadcastable to correct shape".
    import pytest

    for bad in (0, -1, 2.5):
        with pytest.raises(ValueError, match="ngram"):
            neardup.similarities("a b c", "a b c", ngram=bad)



def test_similarity_of_a_non_text_is_a_clear_type_error():
    # None, bytes or a number failed deep in word hashing with "AttributeError: 'NoneType'
    # object has no attribute 'encode'", naming neither the argument nor what it wants.
    import pytest

    for bad in (None, b"a b c", 5, ["a b c"]):
        with pytest.raises(TypeError, match="texts must be str"):
            neardup.similarity(bad, "a b c")
        with pytest.raises(TypeError, match="texts must be str"):
            neardup.similarities("a b c", bad, clean=True)


# Chinese and Japanese news, ten sentences each (no spaces between words).
_ZH_STORY = [
    "国务院总理今天在北京主持召开常务会议，部署进一步稳定经济增长的政策措施。",
    "会议指出，今年以来我国经济运行总体平稳，但外部环境更趋复杂严峻。",
    "会议要求各地区各部门加大宏观政策实施力度，扩大有效投资。",
    "会议决定，对小微企业和个体工商户继续实行减税降费政策。",
    "会议强调，要保障能源和粮食安全，稳定重要民生商品价格。",
    "会议还研究了加快建设全国统一大市场的有关工作安排。",
    "专家认为，这些措施有助于提振市场信心，促进消费回暖。",
    "据统计局数据，上半年全国居民人均可支配收入实际增长百分之五。",
    "多家金融机构表示，将加大对实体经济特别是制造业的信贷支持。",
    "分析人士预计，下半年经济增速有望保持在合理区间。",
]
_ZH_OTHER = [
    "昨天下午，一场罕见的暴雨袭击了南方沿海城市，多条道路被淹。",
    "气象部门发布红色预警，提醒市民尽量减少外出。",
    "消防救援人员连夜转移被困群众三百余人，暂无人员伤亡报告。",
    "受暴雨影响，当地机场取消航班八十多架次，高铁部分停运。",
    "市政府启动防汛应急响应，组织力量排查地质灾害隐患点。",
    "不少居民在社交媒体上分享了街道变成河流的视频。",
    "水利专家提醒，强降雨过后仍需警惕山洪和泥石流。",
    "学校宣布停课一天，家长需关注学校通知。",
    "电力公司称，部分小区停电，抢修工作正在进行。",
    "预计未来三天降雨将逐渐减弱，气温有所回升。",
]
_JA_STORY = [
    "政府は今日、物価高対策として新たな経済対策をまとめた。",
    "電気料金とガス料金の負担を軽減するための補助金を延長する。",
    "ガソリン価格を抑えるための措置も来年春まで続ける方針だ。",
    "首相は記者会見で、国民生活を守ることが最優先だと述べた。",
    "経済対策の規模は国と地方を合わせて約二十兆円となる見通しだ。",
    "野党は、対策の効果が不十分だとして政府を批判している。",
    "専門家の間では、財政赤字の拡大を懸念する声も上がっている。",
    "日本銀行は金融緩和を維持する姿勢を崩していない。",
    "総務省の統計によると、消費者物価指数は前年比で三パーセント上昇した。",
    "政府は臨時国会に補正予算案を提出する予定だ。",
]
_JA_OTHER = [
    "大型の台風が週末にかけて九州地方に接近する見込みだ。",
    "気象庁は、暴風や高波、土砂災害に厳重な警戒を呼びかけている。",
    "鉄道各社は計画運休を実施する可能性があると発表した。",
    "航空会社も一部の便の欠航を決めた。",
    "自治体は避難所を開設し、住民に早めの避難を促している。",
    "スーパーでは水や食料品を買い求める客の姿が見られた。",
    "農家は収穫前の果物を守るため、対策に追われている。",
    "過去の台風では、大規模な停電が長期間続いたこともある。",
    "専門家は、最新の気象情報を確認するよう求めている。",
    "台風は週明けには温帯低気圧に変わる見通しだ。",
]


def _with_one_sentence_changed(sentences: list[str], replacement: str) -> tuple[str, str]:
    return "".join(sentences), "".join(sentences[:4] + [replacement] + sentences[5:])


def test_chinese_and_japanese_copies_are_similar_and_unrelated_texts_are_not():
    # Unspaced text was one word per sentence: one changed character made similarity 0.
    zh_a, zh_b = _with_one_sentence_changed(_ZH_STORY, "会议强调，要切实保障能源安全。")
    assert neardup.similarity(zh_a, zh_b) > 0.5
    assert neardup.similarity(zh_a, zh_a.replace("今天", "昨天")) > 0.8
    assert neardup.similarity(zh_a, "".join(_ZH_OTHER)) < 0.1
    ja_a, ja_b = _with_one_sentence_changed(_JA_STORY, "野党は対策の効果を疑問視している。")
    assert neardup.similarity(ja_a, ja_b) > 0.5
    assert neardup.similarity(ja_a, "".join(_JA_OTHER)) < 0.1


def test_chinese_copies_with_a_changed_sentence_are_one_story():
    zh_a, zh_b = _with_one_sentence_changed(_ZH_STORY, "会议强调，要切实保障能源安全。")
    docs = [{"id": "a", "text": zh_a}, {"id": "b", "text": zh_b},
            {"id": "other", "text": "".join(_ZH_OTHER)}]
    status = {r["id"]: r for r in neardup.dedup(docs, clean=False).records}
    assert status["a"]["cluster"] == status["b"]["cluster"] != status["other"]["cluster"]
    assert status["other"]["status"] == "kept"


def test_thai_copies_are_similar_and_unrelated_thai_is_not():
    # Thai has no spaces and its vowel and tone marks are no \w characters: words were
    # fragments between marks, and one changed number left similarity 0.27.
    bangkok = ("กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย มีประชากรมากกว่าสิบล้านคน "
               "และเป็นศูนย์กลางทางเศรษฐกิจ")
    changed = bangkok.replace("สิบ", "แปด")
    other = ("เชียงใหม่เป็นจังหวัดทางภาคเหนือ มีภูเขาสูงและอากาศเย็นสบายในฤดูหนาว "
             "นักท่องเที่ยวนิยมมาเยือน")
    assert neardup.similarity(bangkok, changed) > 0.7
    assert neardup.similarity(bangkok, other) < 0.1


def test_cjk_shingles_count_fully_without_stopwords():
    # Text without function words of a listed language gets weight 1, not the menu floor.
    from neardup.sketch.weights import MAX_WEIGHT, position_weights
    from neardup.sketch.words import shard_word_hashes

    for text in ("".join(_ZH_STORY), "".join(_JA_STORY)):
        weights = position_weights(shard_word_hashes([text])[0], 5)
        assert weights.size > 100 and (weights == MAX_WEIGHT).all()


def test_a_roundup_page_holding_two_briefs_does_not_merge_their_stories():
    # A "news in brief" page holds two short wire stories whole, each reprinted elsewhere.
    # The page matches every copy as a short copy inside it (containment); built around the
    # page, the two stories became one.
    def prose(seed: int, sentences: int) -> str:  # news-like: a third function words
        import random

        from tests.conftest import _WORDS

        rng = random.Random(seed)
        return " ".join("The {} of the {} said on {} that the {} and the {} were in {}.".format(
            *(rng.choice(_WORDS) for _ in range(6))) for _ in range(sentences))

    briefs = [prose(60 + k, 12) for k in range(2)]
    docs = []
    for k, brief in enumerate(briefs):
        docs.append({"id": f"brief{k}", "text": brief})
        docs.append({"id": f"brief{k}-copy", "text": brief + " Updated Tuesday."})
    roundup = "\n\n".join(briefs + [prose(70, 6)])
    docs.append({"id": "roundup", "text": roundup})
    result = neardup.dedup(docs, clean=False, keep="longest")
    story = result.story_of()
    assert story["brief0"] == story["brief0-copy"]
    assert story["brief1"] == story["brief1-copy"]
    assert story["brief0"] != story["brief1"]
    assert story["roundup"] in (story["brief0"], story["brief1"])  # it holds both: joins one
    # Scraped three times, the page matches its own copies more often than any brief does,
    # and is its story's center: it still takes one of the briefs only, not both.
    rescraped = docs + [{"id": f"roundup-{n}", "text": f"{roundup}\nUpdated {n} hour ago"}
                        for n in (1, 2)]
    story = neardup.dedup(rescraped, clean=False).story_of()
    assert story["roundup"] == story["roundup-1"] == story["roundup-2"]
    assert story["brief0"] == story["brief0-copy"] != story["brief1"] == story["brief1-copy"]


def test_every_copy_names_the_center_it_was_verified_against():
    # A copy can be below the thresholds against its kept copy (it matched the story's
    # center): `center` names that copy, so the match can be checked.
    texts = {d["id"]: d["text"] for d in _corpus()}
    result = neardup.dedup(_corpus(), clean=False)
    center_of = {r["id"]: r["center"] for r in result.records}
    for story in result.clusters:
        centers = {center_of[i] for i in story}
        if len(story) == 1:
            assert centers == {None}
            continue
        [center] = centers  # one center per story, one of its members
        assert center in story
        for member in set(story) - {center}:
            jaccard, containment = neardup.similarities(texts[member], texts[center])
            assert jaccard >= 0.7 or containment >= 0.8, member
    assert center_of["empty"] is None  # rejected


def test_a_result_without_collected_records_says_so_instead_of_no_stories(tmp_path):
    # dedup_files(collect=False), the default, returned a Result whose clusters, kept_ids and
    # story_of() were empty, which read as "no stories" on a corpus with many.
    path = tmp_path / "in.jsonl"
    docs = [{"id": f"d{i}", "text": make_article(i % 3)} for i in range(6)]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    options = make_options(quiet=True, jobs=1, report=False)
    result = neardup.dedup_files([path], tmp_path / "out", options)
    for read in (lambda: result.clusters, lambda: result.kept_ids, result.story_of):
        with pytest.raises(ValueError, match="holds no per-document records"):
            read()
    collected = neardup.dedup_files([path], tmp_path / "out2", options, collect=True)
    assert len(collected.clusters) == 3 and len(collected.story_of()) == 6


def test_texts_without_a_site_share_no_template():
    # Found by a probing helper: in the Python API every text without a URL was one site, so
    # in a batch where one story has ten copies, the paragraphs they share were that "site's"
    # template and went from every copy, the kept one included.
    story = make_article(7, paragraphs=4).split("\n\n")
    # (each copy edits its last two paragraphs a little: only the first two are the same in
    # every copy, too few to be taken for the story itself printed on every page)
    regions = "north south east west coast valley hills lakes plains islands capital".split()
    docs = [{"id": f"copy{n}", "text": "\n\n".join(
        story[:2] + [p.replace(".", f" in the {region}.", 1) for p in story[2:]])}
        for n, region in enumerate(regions)]
    docs += [{"id": f"other{n}", "text": make_article(100 + n)} for n in range(2)]
    result = neardup.dedup(docs)
    assert sorted(result.clusters[0]) == sorted(f"copy{n}" for n in range(11))
    kept = next(k for k in result.kept if k["id"] in result.clusters[0])
    assert kept["text"].split("\n\n")[:2] == story[:2]
    assert all(not r["removed"] for r in result.records)


def test_has_words_agrees_with_the_folds():
    from neardup.normalize import tokens
    from neardup.read.documents import has_words

    for text in ["M.R.", "Mr.", "Mrs", "\u00c2 ", "\u00e2\u20ac\u201d", "&amp;", "\uff2d\uff52.",
                 "M.S.", "MS-DOS", "Meeting", "%", "\u00c9lys\u00e9e"]:
        assert has_words(text) == bool(tokens(text)), text


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "news.jsonl"


def _removed_totals(records):
    """Removed characters and documents by reason, summed from the records' spans."""
    chars, documents = Counter(), Counter()
    for record in records:
        here = Counter()
        for span in record["removed"]:
            here[span["reason"]] += span["end"] - span["start"]
        chars.update(here)
        documents.update(here.keys())
    return {reason: {"chars": chars[reason], "documents": documents[reason]} for reason in chars}


def test_summary_sums_what_cleaning_removed_by_reason(tmp_path):
    # dedup (any number of processes) and clean: the summary's totals are the sums of the
    # documents' removed spans, most characters first
    corpus = [json.loads(line) for line in EXAMPLE.read_text(encoding="utf-8").splitlines()]
    summaries = []
    for jobs in (1, 2):
        out = tmp_path / f"dedup{jobs}"
        neardup.dedup(corpus[:150], output=out, jobs=jobs, shard_size=16)
        records = [json.loads(line) for line in (out / "documents.jsonl").open()]
        summary = json.loads((out / "summary.json").read_text())
        assert summary["removed_by_reason"] == _removed_totals(records)
        assert summary["chars_removed"] == sum(r["chars_removed"] for r in records) > 0
        totals = [t["chars"] for t in summary["removed_by_reason"].values()]
        assert totals == sorted(totals, reverse=True) and len(totals) > 2
        summaries.append(summary)
    assert list(summaries[0]["removed_by_reason"].items()) == \
        list(summaries[1]["removed_by_reason"].items())
    cleaned = clean_files([EXAMPLE], tmp_path / "clean", make_options(quiet=True))
    records = [json.loads(line) for line in (tmp_path / "clean/documents.jsonl").open()]
    assert cleaned["removed_by_reason"] == _removed_totals(records)
    assert cleaned["chars_removed"] == sum(s["end"] - s["start"] for r in records
                                           for s in r["removed"])
    without = neardup.dedup(corpus[:20], clean=False, output=tmp_path / "raw").summary
    assert without["removed_by_reason"] == {} and without["chars_removed"] == 0


def test_a_bad_output_format_names_the_api_setting():
    with pytest.raises(ValueError, match="output_format must be jsonl or parquet, got 'csv'"):
        neardup.dedup(["a text"], output_format="csv")


def test_an_empty_output_path_is_a_usage_error_in_every_api_entry(tmp_path, monkeypatch):
    # Path("") is ".": dedup(..., output="") wrote its files into the current folder, where
    # dedup_files and clean_files (and the CLI) refuse an empty path.
    from neardup.errors import UsageError

    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"text": make_article(1)}) + "\n")
    for output in ("", " "):
        with pytest.raises(UsageError, match="output folder is empty"):
            neardup.dedup([make_article(1)], output=output)
        for job in (neardup.dedup_files, clean_files):
            with pytest.raises(UsageError, match="output folder is empty"):
                job([corpus], output, make_options(quiet=True, jobs=1))
    assert [p.name for p in tmp_path.iterdir()] == ["in.jsonl"]  # nothing written


def test_api_options_and_flags_of_the_wrong_type_are_named():
    # a dict for options failed with "'dict' object has no attribute 'read'"; clean="no"
    # cleaned and prose_weights="no" weighted, in similarity
    with pytest.raises(TypeError, match="options: expected DedupOptions"):
        neardup.dedup(["a b"], options={})
    for flag in ("clean", "prose_weights"):
        with pytest.raises(ValueError, match=f"{flag} must be True or False"):
            neardup.similarity("a b c d e f", "a b c d e g", **{flag: "no"})


def test_lsh_threshold_is_rounded_with_containment_on_as_off():
    from neardup.options import MatchOptions

    assert MatchOptions(threshold=0.2).lsh_threshold() == 0.16  # (was 0.16000000000000003)
    assert MatchOptions(threshold=0.2, containment=None).lsh_threshold() == 0.16


def test_the_result_s_kept_records_are_those_of_the_file(tmp_path):
    # The Result held the metadata as given (datetime, Decimal, NumPy values, NaN) where the
    # file holds them as JSON has them; comparing the two raised on the NumPy array.
    import datetime
    import decimal

    import numpy as np

    metadata = {"when": datetime.datetime(2024, 9, 3, 12, tzinfo=datetime.UTC),
                "price": decimal.Decimal("1.10"), "n": np.int64(5), "rows": np.arange(3),
                "missing": float("nan"), "big": 2**70}
    result = neardup.dedup([{"id": "a", "text": make_article(1), **metadata}],
                           output=tmp_path / "out")
    [kept] = [json.loads(line) for line in (tmp_path / "out" / "deduplicated.jsonl").open()]
    assert result.kept == [kept]
    assert kept["metadata"] == {"when": "2024-09-03T12:00:00+00:00", "price": "1.10", "n": 5,
                                "rows": [0, 1, 2], "missing": None,
                                "big": "1180591620717411303424"}


@pytest.mark.parametrize("clean", [False, True])
def test_a_kept_copy_lists_every_place_its_story_appeared(tmp_path, clean):
    # deduplicated.* named a story's copies by id only: where the story appeared (the
    # outlets, their URLs and dates) had to be joined in from documents.*. The kept copy now
    # lists each document's id, URL, site and date, in input order, across shards and
    # processes; a story of one lists its own place, a rejected document none.
    story = make_article(1)
    corpus = [
        {"id": "a", "text": story, "url": "https://www.first.example/a", "date": "2024-03-01"},
        {"id": "solo", "text": make_article(2), "url": "https://solo.example/s"},
        {"id": "bad", "text": " ", "url": "https://bad.example/b"},
        {"id": "b", "text": story.replace(" said ", " told reporters ", 1),
         "url": "https://second.example/b", "date": "2024-03-02"},
        {"id": "c", "text": story + "\n\nAn added local paragraph here.", "date": "2024-03-03"},
    ]
    results = {}
    for fmt, jobs in (("jsonl", 1), ("jsonl", 2), ("parquet", 2)):
        out = tmp_path / f"{fmt}{jobs}"
        results[fmt, jobs] = neardup.dedup(corpus, clean=clean, jobs=jobs, shard_size=2,
                                           output=out, output_format=fmt, report=False)
    kept = {r["id"]: r for r in results["jsonl", 2].kept}
    head = next(r for r in kept.values() if r["id"] != "solo")
    assert head["copies"] == ["a", "b", "c"]
    assert head["appeared"] == [
        {"id": "a", "url": "https://www.first.example/a", "site": "first.example",
         "date": "2024-03-01"},
        {"id": "b", "url": "https://second.example/b", "site": "second.example",
         "date": "2024-03-02"},
        {"id": "c", "url": None, "site": None, "date": "2024-03-03"}]
    assert kept["solo"]["appeared"] == [
        {"id": "solo", "url": "https://solo.example/s", "site": "solo.example", "date": None}]
    # (each place is what the document's own record says)
    records = {r["id"]: r for r in results["jsonl", 2].records}
    for place in head["appeared"]:
        assert place == {key: records[place["id"]][key] for key in ("id", "url", "site", "date")}
    assert (tmp_path / "jsonl1/deduplicated.jsonl").read_bytes() == \
        (tmp_path / "jsonl2/deduplicated.jsonl").read_bytes()
    table = pq.read_table(tmp_path / "parquet2/deduplicated.parquet")
    assert table.column("appeared").to_pylist() == [r["appeared"] for r in
                                                     results["jsonl", 2].kept]


def test_kept_copies_can_hold_their_text_as_read(tmp_path):
    # Training-data users match on the clean text and may want the document as it came: the
    # kept records held the clean text alone.
    story = make_article(1)
    page = "Home | News | Sport\n\n" + story + "\n\nShare this story\n\nComments (12)"
    corpus = [{"id": "a", "text": page}, {"id": "b", "text": story}, {"id": "c",
                                                                      "text": make_article(2)}]
    for fmt in ("jsonl", "parquet"):
        out = tmp_path / fmt
        result = neardup.dedup(corpus, output=out, output_format=fmt, raw_text=True)
        raw = {r["id"]: r["raw_text"] for r in result.kept}
        texts = {r["id"]: r["text"] for r in result.kept}
        assert raw == {k: d["text"] for d in corpus for k in [d["id"]] if k in raw}
        assert any(raw[k] != texts[k] for k in raw)  # (the page's clutter: cleaned away)
        if fmt == "parquet":
            table = pq.read_table(out / "deduplicated.parquet")
            assert table.column_names[:3] == ["id", "text", "raw_text"]
            assert table.column("raw_text").to_pylist() == [r["raw_text"] for r in result.kept]
    plain = neardup.dedup(corpus)
    assert all("raw_text" not in r for r in plain.kept)


def test_similarities_give_the_figures_a_run_with_that_seed_records():
    # similarities() takes the run's seed (the shingles' hash): a duplicate's recorded
    # Jaccard and containment to its kept copy are what it returns for the two texts.
    base = make_article(4)
    words = base.split()
    docs = [{"id": "a", "text": base},
            {"id": "b", "text": " ".join(words[: len(words) * 3 // 4]) + " A closing line."},
            {"id": "c", "text": base.replace(" the ", " a ", 3) + " Editor's note added."}]
    texts = {d["id"]: d["text"] for d in docs}
    for seed in (1, 7):
        result = neardup.dedup(docs, clean=False, seed=seed)
        duplicates = [r for r in result.records if r["status"] == "duplicate"]
        assert duplicates
        for record in duplicates:
            jaccard, containment = neardup.similarities(
                texts[record["id"]], texts[record["duplicate_of"]], seed=seed)
            assert record["similarity"] == round(jaccard, 6)
            assert record["containment"] == round(containment, 6)


def test_option_groups_refuse_bad_values_when_built_alone():
    # MatchOptions(threshold=5) or ReadOptions(max_chars=0) were accepted when built on their
    # own and refused only once a DedupOptions held them.
    from neardup.options import DedupOptions, MatchOptions, SketchOptions
    from neardup.read import ReadOptions

    for build, name in ((lambda: MatchOptions(threshold=5), "threshold"),
                        (lambda: MatchOptions(containment="0.8"), "containment"),
                        (lambda: MatchOptions(max_bucket=0), "max_bucket"),
                        (lambda: SketchOptions(num_perm=100), "num_perm"),
                        (lambda: SketchOptions(seed=1.5), "seed"),
                        (lambda: ReadOptions(max_chars=0), "max_chars"),
                        (lambda: ReadOptions(text_field="id"), "text_field and id_field"),
                        (lambda: ReadOptions(url_field=""), "url_field is empty"),
                        (lambda: DedupOptions(match={"threshold": 0.5}), "match must be")):
        with pytest.raises(ValueError, match=name):
            build()


def test_a_cleaning_run_imports_the_cleaner_before_its_workers_fork():
    # Imported on first use only, trafilatura and the cleaner (~0.3 s) were imported again by
    # every worker of every pass; a run with cleaning off must not import them at all.
    import subprocess
    import sys

    script = """
import sys
import neardup
import neardup.pipeline as pipeline
seen = []
real = pipeline.learn_templates
def spy(*args, **kwargs):
    seen.append("trafilatura" in sys.modules and "neardup.clean.text" in sys.modules)
    return real(*args, **kwargs)
pipeline.learn_templates = spy
neardup.dedup(["One text of a few words.", "Another text of some words."], clean=CLEAN)
print(seen, "trafilatura" in sys.modules)
"""
    for clean, expected in (("True", "[True] True"), ("False", "[] False")):
        out = subprocess.run([sys.executable, "-c", script.replace("CLEAN", clean)],
                             capture_output=True, text=True, check=True).stdout
        assert out.strip() == expected, (clean, out)
