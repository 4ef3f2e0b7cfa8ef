"""The written report file: self-contained, deterministic, escaped; the CLI and the pipeline."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from report_fixtures import small_corpus, write_output

from neardup.cli import main
from neardup.report import write_report

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "news.jsonl"


def _page_json(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html,
                      re.DOTALL)
    assert match is not None
    return json.loads(match.group(1))


def test_write_report_is_self_contained(out_dir: Path) -> None:
    path = write_report(out_dir, quiet=True)
    assert path == out_dir / "report.html"
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert html.count("<svg") == 2  # similarity histogram and story sizes
    assert "threshold 0.70" in html
    # nothing is fetched: no external scripts, styles, images or fonts
    assert not re.search(r"<(script|img|link|iframe)[^>]+(src|href)=", html)
    assert "@import" not in html and not re.search(r"url\((?!#)", html)
    page = _page_json(html)
    assert len(page["stories"]) == 7 and len(page["rejected"]) == 2


def test_report_is_byte_identical_for_identical_inputs(tmp_path: Path) -> None:
    docs = small_corpus()
    first = write_report(write_output(tmp_path / "a" / "out", docs), quiet=True).read_bytes()
    second = write_report(write_output(tmp_path / "b" / "out", docs), quiet=True).read_bytes()
    assert first == second
    assert write_report(tmp_path / "a" / "out", quiet=True).read_bytes() == first


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    docs = small_corpus()
    evil = "</script><script>alert(1)</script><b>&amp;"
    for doc in docs:
        if doc.status == "kept":
            doc.title = evil
            doc.text = evil + " " + doc.text
    out = write_output(tmp_path / "evil", docs)
    html = write_report(out, quiet=True).read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert html.count("</script>") == 2  # the data element and the script element
    page = _page_json(html)
    assert page["stories"][0]["t"] == evil


def test_max_stories_argument(out_dir: Path) -> None:
    html = write_report(out_dir, quiet=True, max_stories=3).read_text(encoding="utf-8")
    assert len(_page_json(html)["stories"]) == 3
    assert "3 largest of 7" in html


def test_report_command(out_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(out_dir)]) == 0
    assert (out_dir / "report.html").exists()
    err = capsys.readouterr().err
    assert "report.html" in err
    # a bar for each stage that grows with the corpus or the stories listed
    assert "report: read documents" in err and "16/16" in err
    assert "report: texts and differences" in err and "7/7" in err
    write_report(out_dir, quiet=True)
    assert capsys.readouterr().err == ""


def test_report_without_texts(tmp_path: Path) -> None:
    out = write_output(tmp_path / "notexts", small_corpus(), texts=False)
    html = write_report(out, quiet=True).read_text(encoding="utf-8")
    assert "Texts unavailable" in html


@pytest.mark.skipif(not EXAMPLES.exists(), reason="examples/news.jsonl not present")
def test_report_of_a_real_dedup_run(tmp_path: Path) -> None:
    from neardup.api import dedup_files, make_options

    sample = tmp_path / "news.jsonl"
    with EXAMPLES.open(encoding="utf-8") as source:
        sample.write_text("".join(line for _, line in zip(range(80), source, strict=False)),
                          encoding="utf-8")
    out = tmp_path / "out"
    dedup_files([sample], out, make_options(jobs=1, quiet=True, report=True))
    html = (out / "report.html").read_text(encoding="utf-8")
    page = _page_json(html)
    documents = [json.loads(line) for line in (out / "documents.jsonl").open(encoding="utf-8")]
    sizes = [s["n"] for s in page["stories"]]
    assert sizes == sorted(sizes, reverse=True)
    assert sum(sizes) == sum(1 for d in documents if d["status"] != "rejected")
    assert page["texts"], "the run wrote report texts"
    assert any("rm" in t for t in page["texts"].values()), "cleaning removed something"
    if sizes[0] > 1:
        assert any("df" in d for d in page["docs"]), "copies have word diffs"
    shutil.rmtree(out)



@pytest.mark.parametrize("repeat_first", [False, True])
def test_report_texts_of_documents_sharing_an_id(tmp_path: Path, repeat_first: bool) -> None:
    # A repeated id is rejected (the first use keeps it), so two documents share it. The
    # report found a document's text in report-texts.jsonl.gz by id alone: the rejected
    # repeat was shown with the text of the copy that kept the id, and that copy with none
    # (found by comparing the report's data with documents.jsonl).
    from neardup.api import dedup_files, make_options

    with EXAMPLES.open(encoding="utf-8") as source:
        records = [json.loads(line) for _, line in zip(range(60), source, strict=False)]
    stories: dict[str, list[dict]] = {}
    for record in records:
        stories.setdefault(record["story"], []).append(record)
    pair = next(members for members in stories.values() if len(members) > 1)
    repeat = {"id": pair[1]["id"], "text": "Another text entirely, rejected for its id."}
    if repeat_first:  # an empty text keeps no id: the later document with it is accepted
        repeat = {"id": pair[1]["id"], "text": "   "}
        records.insert(0, repeat)
    else:
        records.append(repeat)
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    dedup_files([corpus], out, make_options(jobs=1, quiet=True, report=True))
    documents = [json.loads(line) for line in (out / "documents.jsonl").open(encoding="utf-8")]
    shared = [d for d in documents if d["id"] == pair[1]["id"]]
    assert any(d["status"] != "rejected" for d in shared)  # one copy kept the id
    assert "rejected" in [d["status"] for d in shared]
    page = _page_json((out / "report.html").read_text(encoding="utf-8"))
    listed = page["docs"] + page["rejected"]
    for number, entry in enumerate(listed):
        if entry["i"] != pair[1]["id"]:
            continue
        text = page["texts"].get(str(number))
        if "x" in entry:  # the rejected one: no text, or its own (empty) one
            assert text is None or not text["t"].strip()
        else:
            assert text is not None and len(text["t"]) > 100


def test_empty_output(tmp_path: Path) -> None:
    out = write_output(tmp_path / "empty", [])
    html = write_report(out, quiet=True).read_text(encoding="utf-8")
    page = _page_json(html)
    assert page["stories"] == [] and page["rejected"] == []
    assert html.count("<svg") == 2


def test_missing_documents_file_is_an_error(tmp_path: Path) -> None:
    from neardup.errors import NeardupError

    with pytest.raises(NeardupError, match="no documents.jsonl"):
        write_report(tmp_path, quiet=True)


@pytest.mark.parametrize("name, damage, message", [
    ("documents.jsonl", "cut", "documents.jsonl:"),
    ("report-texts.jsonl.gz", "cut", "report-texts.jsonl.gz"),
    ("summary.json", "garbage", "summary.json"),
    ("documents.jsonl", "parquet", "documents.parquet"),
])
def test_damaged_output_files_are_a_clear_error(out_dir: Path, capsys: pytest.CaptureFixture[str],
                                                name: str, damage: str, message: str) -> None:
    # Files cut short (a run stopped while writing) or not what their name says gave a
    # JSONDecodeError, EOFError or ArrowInvalid traceback from "neardup report".
    path = out_dir / name
    if damage == "cut":
        data = path.read_bytes()
        path.write_bytes(data[:len(data) // 3])
    elif damage == "garbage":
        path.write_text("{not json")
    else:
        path.unlink()
        (out_dir / "documents.parquet").write_bytes(b"not parquet")
    assert main(["report", str(out_dir)]) == 1
    err = capsys.readouterr().err  # (after the bar of the stage that stopped)
    assert err.splitlines()[-1].startswith("neardup: error:") and message in err


def test_report_of_an_unfinished_or_clean_run_says_what_is_wrong(
        out_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A run stopped while writing leaves its files without summary.json (written last), and
    # `neardup report` built a report of the partial files as of a finished run (exit 0); on
    # the folder of `neardup clean` it reported every cleaned document as a "story".
    (out_dir / "summary.json").unlink()
    assert main(["report", str(out_dir)]) == 1
    err = capsys.readouterr().err
    assert "no summary.json" in err and "did not finish" in err
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "A cleaned text of a few words."}) + "\n")
    assert main(["clean", str(corpus), "-o", str(tmp_path / "cleaned"), "-q", "-j", "1"]) == 0
    capsys.readouterr()
    assert main(["report", str(tmp_path / "cleaned")]) == 1
    assert "neardup clean" in capsys.readouterr().err


def test_report_command_max_stories(out_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(out_dir), "--max-stories", "2"]) == 0
    html = (out_dir / "report.html").read_text(encoding="utf-8")
    assert len(_page_json(html)["stories"]) == 2 and "2 largest of 7" in html
    assert main(["report", str(out_dir), "--max-stories", "-1"]) == 2
    assert "--max-stories must be >= 0" in capsys.readouterr().err
