import gzip
import json
import subprocess
import sys

import hypothesis
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard
from hypothesis import strategies as st

import neardup
from neardup.errors import InputError, UsageError
from neardup.read import ReadOptions, read_documents


def _write(path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_every_format_and_default_ids(tmp_path):
    _write(tmp_path / "in/a.txt", b"plain text one")
    _write(tmp_path / "in/sub/b.md", b"markdown text")
    lines = [json.dumps({"text": "json line", "url": "https://www.example.com/x", "topic": 1}),
             json.dumps({"id": "given", "text": "second"})]
    _write(tmp_path / "in/c.jsonl.gz", gzip.compress("\n".join(lines).encode()))
    _write(tmp_path / "in/d.json", json.dumps([{"text": "array item"}, "bare string"]).encode())
    pq.write_table(pa.table({"text": ["parquet row"], "id": ["p1"]}), tmp_path / "in/e.parquet")
    _write(tmp_path / "in/f.csv", b"id,text\nc1,\"csv, row\"\n")
    _write(tmp_path / "in/ignored.bin", b"\x00")
    docs = list(read_documents([tmp_path / "in"]))
    assert [d.id for d in docs] == ["a.txt", "c.jsonl.gz:1", "given", "d.json#1", "d.json#2",
                                    "p1", "c1", "sub/b.md"]
    assert [d.index for d in docs] == list(range(8))
    assert docs[1].url == "https://www.example.com/x" and docs[1].site == "example.com"
    assert docs[1].metadata == {"topic": 1}
    assert docs[6].text == "csv, row"
    assert all(d.rejected is None for d in docs)


def test_files_of_the_same_name_in_two_inputs_get_distinct_default_ids(tmp_path):
    # Two crawls with the same file names and no id field: the default ids (FILE:LINE, FILE
    # relative to its INPUT) were equal, and every document of the second folder was rejected
    # as a "duplicate id" of the first (and a page of the same name likewise).
    for crawl, words in (("x", "first crawl"), ("y", "second crawl")):
        _write(tmp_path / crawl / "part-0.jsonl",
               "".join(json.dumps({"text": f"{words} line {n}"}) + "\n"
                       for n in range(3)).encode())
        _write(tmp_path / crawl / "page.txt", f"{words} page".encode())
    inputs = [tmp_path / "x", tmp_path / "y"]
    docs = list(read_documents(inputs))
    y = (tmp_path / "y").as_posix()
    assert [d.id for d in docs] == [
        "page.txt", "part-0.jsonl:1", "part-0.jsonl:2", "part-0.jsonl:3",
        f"{y}/page.txt", f"{y}/part-0.jsonl:1", f"{y}/part-0.jsonl:2", f"{y}/part-0.jsonl:3"]
    assert all(d.rejected is None for d in docs)
    options = neardup.make_options(jobs=2, quiet=True, report=False, clean=False)
    result = neardup.dedup_files(inputs, tmp_path / "out", options, collect=True)
    assert result.summary["counts"]["kept"] == 8
    # the same file given twice is read once (its ids repeated: every record was rejected as
    # a repeated id of itself)
    again = list(read_documents([tmp_path / "x", tmp_path / "x" / "page.txt"]))
    assert [(d.id, d.rejected) for d in again] == [(d.id, None) for d in docs[:4]]


def test_bad_records_become_rejections_with_reasons(tmp_path):
    body = b"\n".join([
        b'{"id": "ok", "text": "fine"}',
        b'{"id": "broken", "text": ',
        b'{"id": "nofield", "body": "x"}',
        b'{"id": "blank", "text": "   \\n "}',
        b'{"id": "ok", "text": "same id again"}',
        b'{"id": "bad-utf8", "text": "caf\xe9"}',
        b'[1, 2]',
        b'{"id": "huge", "text": "' + b"x" * 200 + b'"}',
    ])
    path = _write(tmp_path / "c.jsonl", body)
    docs = list(read_documents([path], ReadOptions(max_chars=100)))
    by_source = {d.source: d for d in docs}
    assert len(docs) == 8  # nothing vanishes
    assert by_source["c.jsonl:1"].rejected is None
    assert "malformed JSON" in by_source["c.jsonl:2"].rejected
    assert "missing text field 'text'" in by_source["c.jsonl:3"].rejected
    assert by_source["c.jsonl:4"].rejected == "empty text"
    assert "duplicate id 'ok'" in by_source["c.jsonl:5"].rejected
    bad = by_source["c.jsonl:6"]
    assert bad.rejected is None and "\ufffd" in bad.text and "invalid UTF-8" in bad.warnings[0]
    assert "expected a JSON object" in by_source["c.jsonl:7"].rejected
    assert "text too long" in by_source["c.jsonl:8"].rejected


def test_a_null_text_is_named_null_not_missing(tmp_path):
    # A null text (JSON null, a Parquet null, a CSV row shorter than its header) was rejected
    # as "missing text field 'text' (fields: id, text)": missing, yet listed. (A short CSV row
    # now says that it is short.)
    _write(tmp_path / "in/a.jsonl", b'{"id": "n", "text": null}\n{"id": "m", "body": "x"}\n')
    _write(tmp_path / "in/b.csv", b"id,text\nshort\n")
    docs = list(read_documents([tmp_path / "in"]))
    assert [d.rejected for d in docs] == ["field 'text' is null",
                                          "missing text field 'text' (fields: body, id; take "
                                          "the text from another field with --text-field body)",
                                          "row has 1 fields, fewer than the header (2): no "
                                          "value for 'text'"]


def test_an_html_field_that_is_not_a_string_is_rejected_like_a_text_field(tmp_path):
    # It was turned into its Python repr ("['<p>one</p>', ...]", "5") and extracted as a page.
    # With a text of its own the record is read from that, as with a null HTML field, and
    # says why (it was rejected, though its text was fine).
    path = _write(tmp_path / "h.jsonl", b'{"id": "a", "html": ["<p>one</p>", "<p>two</p>"]}\n'
                  b'{"id": "b", "html": 5, "text": "the record text"}\n'
                  b'{"id": "c", "html": null, "text": "the record text"}\n')
    docs = list(read_documents([path], ReadOptions(html_field="html")))
    assert docs[0].rejected == "field 'html' must be a string, got list"
    assert docs[1].rejected is None and docs[1].html is None and docs[1].text == "the record text"
    assert docs[1].warnings == ["field 'html' must be a string, got int: field 'text' read "
                                "instead"]
    assert docs[2].rejected is None and docs[2].html is None and docs[2].text == "the record text"


def test_strict_mode_names_file_and_line(tmp_path):
    path = _write(tmp_path / "c.jsonl", b'{"text": "a"}\n{"text": \n')
    with pytest.raises(InputError, match=r"c.jsonl:2: malformed JSON"):
        list(read_documents([path], ReadOptions(strict=True)))


def test_unreadable_file_is_recorded_not_fatal(tmp_path):
    path = _write(tmp_path / "broken.jsonl.gz", b"this is not gzip")
    docs = list(read_documents([path]))
    assert len(docs) == 1 and "unreadable file" in docs[0].rejected


def test_a_dangling_link_in_an_input_folder_is_recorded_not_skipped(tmp_path):
    # A link to a file that is gone (an unmounted disk, a moved crawl) was left out of the
    # folder's files without a word, as if it were not there; it is an unreadable file.
    from neardup.api import make_options

    folder = tmp_path / "in"
    _write(folder / "a.jsonl", b'{"text": "one document with a few words"}\n')
    (folder / "b.jsonl").symlink_to(tmp_path / "moved.jsonl")
    (folder / "c.xml").symlink_to(tmp_path / "moved.xml")
    docs = list(read_documents([folder]))
    assert [d.source for d in docs] == ["a.jsonl:1", "b.jsonl"]
    assert docs[1].rejected.startswith("unreadable file")
    result = neardup.dedup_files([folder], tmp_path / "out", make_options(quiet=True, jobs=1))
    assert result.summary["counts"]["rejected"] == 1
    assert result.summary["skipped_files"]["count"] == 1  # c.xml: of unsupported type


def test_links_to_folders_are_followed_once_each(tmp_path):
    # Found by a fuzzing helper: rglob passed over a link to a folder ("corpus/2024 ->
    # /data/2024") without a word, while a link to a file was read.
    folder = tmp_path / "in"
    _write(folder / "a.txt", b"first document")
    _write(tmp_path / "elsewhere" / "b.txt", b"second document")
    (folder / "linked").symlink_to(tmp_path / "elsewhere")
    (folder / "loop").symlink_to(folder)  # (a link back up: its files are listed already)
    docs = list(read_documents([folder]))
    assert [d.id for d in docs] == ["a.txt", "linked/b.txt"]
    assert all(d.rejected is None for d in docs)


def test_an_unreadable_sub_folder_is_a_rejection(tmp_path, monkeypatch):
    # Found by a fuzzing helper: a sub-folder without read permission vanished with its files
    # (exit 0, nothing in skipped_files). (Listing it is made to fail here: the tests may run
    # as root, whom permissions do not stop.)
    import os

    folder = tmp_path / "in"
    _write(folder / "a.txt", b"first document")
    _write(folder / "closed" / "b.txt", b"second document")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs = list(read_documents([folder]))
    assert [(d.id, d.rejected) for d in docs] == [
        ("a.txt", None),
        ("closed", "unreadable folder: Permission denied; its files are not read")]
    with pytest.raises(InputError, match="unreadable folder"):
        list(read_documents([folder], ReadOptions(strict=True)))


def test_entries_of_a_folder_that_cannot_be_entered_are_listed(tmp_path, monkeypatch):
    # Found by a probing helper: in a folder that may be listed but not entered (r--), a
    # regular file is known from the listing, but looking at a FIFO or a link fails with
    # "Permission denied"; the run stopped there (before 2026-12-06 on the first file). Every
    # entry is listed, so that reading it is a rejection that says why. (Looking is made to
    # fail here: the tests may run as root, whom permissions do not stop.)
    import os

    from neardup.read.files import list_input_files

    folder = tmp_path / "in"
    _write(folder / "a.txt", b"first document")
    _write(folder / "listonly" / "b.txt", b"second document")
    os.mkfifo(folder / "listonly" / "pipe.txt")
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        if "listonly" + os.sep in os.fspath(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    assert [f.name for f in list_input_files([folder])] == [
        "a.txt", "listonly/b.txt", "listonly/pipe.txt"]


def test_a_folder_tree_deeper_than_the_recursion_limit_is_read(tmp_path):
    # Found by a probing helper: os.walk recursed once per level, and a tree 1,100 levels
    # deep stopped the run with a RecursionError traceback.
    import sys

    from neardup.read.files import list_input_files

    limit = sys.getrecursionlimit()
    depth = 400  # (with a limit of 300 below: a tree past the default limit takes long)
    deep = tmp_path / "in"
    deep.mkdir()
    for _ in range(depth):  # (one level at a time: Path.mkdir(parents=True) recurses too)
        deep = deep / "d"
        deep.mkdir()
    (deep / "x.txt").write_text("a document at the bottom")
    (tmp_path / "in" / "d" / "y.txt").write_text("a document near the top")
    sys.setrecursionlimit(300)
    try:
        names = [f.name for f in list_input_files([tmp_path / "in"])]
    finally:
        sys.setrecursionlimit(limit)
    assert names == ["d/" * depth + "x.txt", "d/y.txt"]


def test_a_given_file_named_like_a_folder_file_gets_its_own_ids(tmp_path, monkeypatch):
    # Found by a fuzzing helper: "a/x.jsonl" (in the INPUT folder "a") and "x.jsonl" given
    # as a file both had the name "x.jsonl": the second's documents were "duplicate ids".
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "a" / "x.jsonl", b'{"text": "alpha bravo"}\n')
    _write(tmp_path / "x.jsonl", b'{"text": "kilo lima"}\n')
    docs = list(read_documents(["a", "x.jsonl"]))
    assert [(d.id, d.rejected) for d in docs] == [("x.jsonl:1", None), ("x.jsonl (2):1", None)]


def test_a_given_file_has_its_folder_as_given_for_site(tmp_path, monkeypatch):
    # Found by a fuzzing helper: files given one by one had only their folder's last name as
    # site: "pubA/news" and "pubB/news" were one site "news", and one publisher's template
    # was learned on both (the folder as INPUT kept them apart).
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "root" / "pubA" / "news" / "x.txt", b"one")
    _write(tmp_path / "root" / "pubB" / "news" / "y.txt", b"two")
    given = list(read_documents(["root/pubA/news/x.txt", "root/pubB/news/y.txt"]))
    assert [d.site for d in given] == ["root/pubA/news", "root/pubB/news"]
    assert [d.site for d in read_documents(["root"])] == ["pubA/news", "pubB/news"]
    assert read_documents([tmp_path / "root/pubA/news/x.txt"]).__next__().site == "news"


def test_several_input_folders_name_their_source_folders_under_them(tmp_path, monkeypatch):
    # Found by a README audit (helper): "pubA/news" and "pubB/news" given as two INPUT
    # folders were one site "news" (a folder's own files took its last name), and so were
    # their "news" sub-folders when "pubA" and "pubB" were given
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "root" / "pubA" / "news" / "x.txt", b"one")
    _write(tmp_path / "root" / "pubB" / "news" / "y.txt", b"two")
    _write(tmp_path / "z.txt", b"three")
    sites = [d.site for d in read_documents(["root/pubA/news", "root/pubB/news"])]
    assert sites == ["root/pubA/news", "root/pubB/news"]
    # (the current folder holds both INPUT folders: their files are read once, as theirs)
    sites = [d.site for d in read_documents(["root/pubA", "root/pubB", "."])]
    assert sites == ["root/pubA/news", "root/pubB/news", "."]
    # one INPUT folder: named inside it, as before
    assert [d.site for d in read_documents(["root/pubA"])] == ["news"]
    assert [d.site for d in read_documents(["root/pubA/news"])] == ["news"]


def test_missing_input_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        list(read_documents([tmp_path / "nope.jsonl"]))


def test_lone_surrogate_escapes_are_replaced_and_flagged(tmp_path):
    path = _write(tmp_path / "s.jsonl", b'{"id": "s", "text": "bad \\ud800 escape"}\n')
    (doc,) = list(read_documents([path]))
    assert doc.rejected is None
    assert doc.text == "bad \ufffd escape"
    assert "surrogate" in doc.warnings[0]
    doc.text.encode("utf-8")  # writable as UTF-8


def test_lone_surrogates_in_field_names_are_replaced_too(tmp_path):
    # A field name is kept (metadata) and written out: it must be valid UTF-8 as well, or the
    # write pass stops with "surrogates not allowed".
    path = _write(tmp_path / "k.jsonl", b'{"id": "k", "text": "some text", "\\ud800x": 1}\n')
    (doc,) = list(read_documents([path]))
    assert doc.metadata == {"\ufffdx": 1} and "surrogate" in doc.warnings[0]
    for fmt in ("jsonl", "parquet"):
        options = neardup.make_options(jobs=1, quiet=True, report=False, output_format=fmt)
        result = neardup.dedup_files([path], tmp_path / fmt, options, collect=True)
        assert result.kept[0]["metadata"] == {"\ufffdx": 1}
        neardup.clean_files([path], tmp_path / f"clean-{fmt}", options)


def test_lone_surrogates_in_a_json_array_are_replaced_and_flagged(tmp_path):
    path = _write(tmp_path / "a.json",
                  b'[{"id": "a", "text": "bad \\ud800 escape"}, "plain \\udc00 string"]')
    docs = list(read_documents([path]))
    assert [d.text for d in docs] == ["bad \ufffd escape", "plain \ufffd string"]
    assert all("surrogate" in d.warnings[0] for d in docs)
    options = neardup.make_options(jobs=1, quiet=True, report=False)
    result = neardup.dedup_files([path], tmp_path / "out", options, collect=True)
    assert [r["status"] for r in result.records] == ["kept", "kept"]


def test_a_huge_single_document_is_rejected_not_fatal(tmp_path):
    huge = "word " * 2_600_000  # 13 MB of text in one JSON line
    path = _write(tmp_path / "big.jsonl",
                  (json.dumps({"id": "big", "text": huge}) + "\n"
                   + json.dumps({"id": "small", "text": "a normal article"}) + "\n").encode())
    docs = list(read_documents([path]))
    assert "text too long: 13,000,000 characters" in docs[0].rejected
    assert docs[0].text == "" and docs[1].rejected is None


def test_warc_html_responses_become_documents_with_url_and_date(tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "pages.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, ctype, body in [
                ("https://www.news.example/a", "text/html; charset=utf-8",
                 b"<html><body><p>Hi</p></body></html>"),
                ("https://www.news.example/logo.png", "image/png", b"\x89PNG"),
                ("https://www.news.example/robots.txt", "text/plain", b"plain words")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers))
        writer.write_record(writer.create_warc_record(  # a request: not a document
            "https://www.news.example/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n"),
            http_headers=StatusAndHeaders("GET /a HTTP/1.1", [], is_http_request=True)))
    docs = list(read_documents([path]))
    assert len(docs) == 3  # every response is accounted for
    assert docs[0].url == "https://www.news.example/a" and docs[0].site == "news.example"
    assert docs[0].html.startswith("<html>") and docs[0].date
    assert docs[1].rejected == "WARC response is not HTML or plain text (Content-Type: image/png)"
    # a rejected record keeps its URL, date and site (they were dropped: the output did not say
    # which page the image was)
    assert docs[1].url == "https://www.news.example/logo.png" and docs[1].date
    assert docs[1].site == "news.example"
    assert docs[2].text == "plain words" and docs[2].html is None


@pytest.mark.parametrize("compressed", [False, True])
def test_a_truncated_warc_file_never_loses_records_without_a_word(tmp_path, compressed):
    # A WARC file cut short (an interrupted download) gave its last record's first bytes as a
    # complete document, or nothing, and the records after the cut vanished without a word.
    # Cut anywhere, every record is either read whole or there is a rejection that says so.
    import io

    from warcio.archiveiterator import ArchiveIterator
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    full = tmp_path / ("full.warc.gz" if compressed else "full.warc")
    with full.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compressed)
        for number, (kind, body) in enumerate([("response", b"first " * 20),
                                               ("response", b"second page " * 300),
                                               ("request", b"x" * 500),
                                               ("response", b"third page " * 300)]):
            headers = (StatusAndHeaders("200 OK", [("Content-Type", "text/plain")],
                                        protocol="HTTP/1.1") if kind == "response" else
                       StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True))
            writer.write_record(writer.create_warc_record(
                f"https://a.example/{number}", kind, payload=io.BytesIO(body),
                http_headers=headers))
    with full.open("rb") as handle:
        records = ArchiveIterator(handle)
        spans = [(records.get_record_offset(), records.get_record_offset()
                  + records.get_record_length()) for _ in records]
    data = full.read_bytes()
    # between two records (or after the last): what the file holds is whole, nothing to say
    gaps = [(end, start) for (_, end), (start, _) in zip(spans, spans[1:] + [(len(data), 0)],
                                                          strict=True)]
    whole = [d.text for d in read_documents([full])]
    cut = tmp_path / full.name.replace("full", "cut")
    for size in range(1, len(data), 13):
        cut.write_bytes(data[:size])
        docs = list(read_documents([cut]))
        read = [d.text for d in docs if d.rejected is None]
        cut_short = [d for d in docs if d.rejected and d.rejected.startswith(
            ("truncated WARC record", "unreadable file"))]
        assert read == whole[:len(read)], size  # never a part of a text
        assert len(docs) == len(read) + len(cut_short), size
        if not any(end <= size <= start for end, start in gaps):
            assert len(cut_short) == 1, size
    cut.write_bytes(data[:spans[0][1] + 150])  # inside record 2's headers
    last = list(read_documents([cut]))[-1]
    assert last.source == f"{cut.name}#2"
    assert last.rejected == "truncated WARC record: the file ends inside its headers"
    if not compressed:
        # Cut right after "Content-Length:": warcio reads the empty value as 0, and the record
        # was a complete, empty "application/http" one (a rejection for its type, and with
        # gzip a second one for the cut: the test above failed for some random record ids,
        # where a cut at every 13th byte fell there).
        at = data.index(b"Content-Length:") + len(b"Content-Length:")
        cut.write_bytes(data[:at])
        assert [(d.source, d.rejected) for d in read_documents([cut])] == [
            (f"{cut.name}#1", "truncated WARC record: the file ends inside its headers")]


def test_a_truncated_zstd_file_is_unreadable_from_the_cut_on(tmp_path):
    # zstandard's stream reader ends quietly where a file cut short ends: the lines after the
    # cut vanished without a word (the cut line at most became "malformed JSON", or nothing at
    # all when the cut fell in the first block). gzip raises there; zstd now does too.
    import zstandard

    lines = [json.dumps({"id": f"d{i}", "text": f"document {i} " + "word " * 40}).encode()
             for i in range(400)]
    compressor = zstandard.ZstdCompressor()
    frames = [compressor.compress(b"\n".join(lines[:200]) + b"\n"),
              compressor.compress(b"\n".join(lines[200:]) + b"\n")]
    path = tmp_path / "c.jsonl.zst"
    path.write_bytes(b"".join(frames))  # concatenated frames: one valid file, read whole
    assert [d.id for d in read_documents([path])] == [f"d{i}" for i in range(400)]
    path.write_bytes(frames[0])  # cut between frames: nothing to tell
    assert len(list(read_documents([path]))) == 200
    for size in (len(frames[0]) // 2, len(frames[0]) + 10, len(frames[0]) + len(frames[1]) - 3):
        path.write_bytes(b"".join(frames)[:size])
        docs = list(read_documents([path]))
        assert all(d.rejected is None for d in docs[:-1]), size
        assert docs[-1].source == "c.jsonl.zst" and docs[-1].rejected.startswith(
            "unreadable file: EOFError"), size


def test_byte_order_marks_do_not_break_the_first_record(tmp_path):
    bom = "\ufeff".encode()
    _write(tmp_path / "in/a.csv", bom + b"id,text\nc1,first row\n")
    _write(tmp_path / "in/b.jsonl.gz", gzip.compress(bom + b'{"id": "j1", "text": "first line"}\n'))
    docs = list(read_documents([tmp_path / "in"]))
    assert [(d.id, d.text, d.rejected) for d in docs] == [("c1", "first row", None),
                                                           ("j1", "first line", None)]


def test_a_malformed_url_leaves_the_document_on_its_folders_site(tmp_path):
    # urlsplit raises on an unclosed IPv6 bracket: that must not stop the run
    import json

    import neardup
    from neardup.read.sites import site_of

    assert site_of("http://[::1", "folder") == "folder"
    assert site_of("https://www.example.org/a", "folder") == "example.org"
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps({"id": f"p{i}", "url": url, "text": f"story {i} words"})
                            + "\n" for i, url in enumerate(["http://[::1", "http://[bad/x"])))
    result = neardup.dedup_files([path], tmp_path / "out",
                                 neardup.make_options(quiet=True, jobs=1), collect=True)
    assert [r["status"] for r in result.records] == ["kept", "kept"]


def test_integer_ids_wider_than_64_bits_keep_their_digits(tmp_path):
    # orjson reads an integer wider than 64 bits as a float: the id 12345678901234567890123
    # became "1.2345678901234568e+22", and a second such id differing in its last digits was
    # rejected as a "duplicate id" of the first. Metadata lost its digits the same way.
    lines = b'{"id": 12345678901234567890123, "text": "first story", "n": -99999999999999999999}\n'
    lines += b'{"id": 12345678901234567890124, "text": "second story", "score": 0.5}\n'
    _write(tmp_path / "in/a.jsonl", lines)
    _write(tmp_path / "in/b.jsonl.gz", gzip.compress(lines.replace(b'"id": 1', b'"id": 2')))
    whole = list(read_documents([tmp_path / "in"]))
    assert [d.id for d in whole] == ["12345678901234567890123", "12345678901234567890124",
                                     "22345678901234567890123", "22345678901234567890124"]
    assert all(d.rejected is None for d in whole)
    assert whole[0].metadata == {"n": -99999999999999999999}
    assert whole[1].metadata == {"score": 0.5}
    options = neardup.make_options(jobs=2, quiet=True, report=False, clean=False)
    result = neardup.dedup_files([tmp_path / "in"], tmp_path / "out", options, collect=True)
    assert [r["id"] for r in result.records] == [d.id for d in whole]  # sliced by the workers
    assert [r["status"] for r in result.records] == ["kept", "kept", "duplicate", "duplicate"]
    assert result.kept[0]["metadata"] == {"n": "-99999999999999999999"}  # (as the file's)


@pytest.mark.parametrize("end", [b"\n", b""])
def test_a_csv_quote_left_open_is_a_rejection_not_rows_swallowed(tmp_path, end):
    # A stray opening quote made the rest of the file one field: rows c2 and c3 became text of
    # row c1, which was kept, and nothing said so. A file without a final newline is fine.
    _write(tmp_path / "ok.csv", b'id,text\nc0,"a ""quoted"" word"\nc1,last row' + end)
    path = _write(tmp_path / "open.csv",
                  b'id,text\nc0,fine\nc1,"stray quote\nc2,second\nc3,third' + end)
    assert [(d.id, d.text, d.rejected) for d in read_documents([tmp_path / "ok.csv"])] == [
        ("c0", 'a "quoted" word', None), ("c1", "last row", None)]
    docs = list(read_documents([path]))
    assert [(d.source, d.text) for d in docs] == [("open.csv:1", "fine"), ("open.csv:2", "")]
    assert docs[1].rejected == ("malformed CSV: the quoted field of row 2 (line 3) is not "
                                "closed by the end of the file; the lines after it were read "
                                "as its text")
    with pytest.raises(InputError, match=r"open.csv:2: malformed CSV: the quoted field"):
        list(read_documents([path], ReadOptions(strict=True)))
    header = _write(tmp_path / "header.csv", b'id,"text\nc0,one\nc1,two' + end)
    assert [d.rejected for d in read_documents([header])] == [
        "malformed CSV: a quoted field of the header is not closed by the end of the file; "
        "the whole file was read as the header"]


def test_a_text_file_with_a_byte_order_mark_is_read_in_the_encoding_it_names(tmp_path):
    # A UTF-16 file (Windows Notepad's "Unicode") was decoded as UTF-8: kept as a text of
    # replacement characters and NULs ("\ufffd\ufffdL\x00e\x00 \x00c\x00a\x00f\x00..."), one
    # word per letter; a UTF-8 byte-order mark stayed in the text as U+FEFF.
    text = "Le café crème du matin"
    _write(tmp_path / "in/a16.txt", text.encode("utf-16"))
    _write(tmp_path / "in/b16be.md", b"\xfe\xff" + text.encode("utf-16-be"))
    _write(tmp_path / "in/c8.txt", b"\xef\xbb\xbf" + text.encode())
    _write(tmp_path / "in/d16.html", f"<html><body><p>{text}</p></body></html>".encode("utf-16"))
    _write(tmp_path / "in/e16odd.txt", text.encode("utf-16") + b"!")  # cut mid-character
    docs = list(read_documents([tmp_path / "in"]))
    assert [(d.text, d.warnings) for d in docs[:3]] == [(text, [])] * 3
    assert docs[3].html == f"<html><body><p>{text}</p></body></html>" and not docs[3].warnings
    assert docs[4].text == text + "\ufffd" and docs[4].warnings == [
        "invalid UTF-16 at byte 46: replaced with U+FFFD"]


def test_a_parquet_time_zone_python_does_not_know_costs_the_field_not_the_file(tmp_path):
    # A time zone name the Python side cannot resolve made to_pylist raise a KeyError (not
    # the ValueError of an out-of-range value): every row from that batch on became one
    # "unreadable file" rejection.
    table = pa.table({"id": ["a", "b"], "text": ["one story", "another story"],
                      "when": pa.array([0, 5], pa.timestamp("s", tz="Mars/Phobos"))})
    pq.write_table(table, tmp_path / "t.parquet")
    docs = list(read_documents([tmp_path / "t.parquet"]))
    assert [(d.id, d.text, d.rejected) for d in docs] == [
        ("a", "one story", None), ("b", "another story", None)]
    assert all(d.warnings and d.warnings[0].startswith("field 'when': a value Python cannot "
                                                       "hold") for d in docs)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_file_names_that_are_not_utf8_are_written_escaped_not_a_crash(tmp_path, fmt):
    # A file named in Latin-1 ("caf\xe9.txt", an old archive) gave ids and sources that no
    # output can hold: the write pass stopped with a traceback ("surrogates not allowed").
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    for raw, words in ((b"caf\xe9.txt", "the first story"), (b"caf\xe8.txt", "a second one"),
                       (b"ok.txt", "the third story")):
        (folder / os.fsdecode(raw)).write_text(words)
    (folder / os.fsdecode(b"notes\xff.bin")).write_bytes(b"\x00")  # skipped: its type
    names = ["caf\\xe8.txt", "caf\\xe9.txt", "ok.txt"]
    assert [d.id for d in read_documents([folder])] == names
    options = neardup.make_options(jobs=1, quiet=True, output_format=fmt)
    result = neardup.dedup_files([folder], tmp_path / "out", options, collect=True)
    assert [(r["id"], r["source"], r["status"]) for r in result.records] == [
        (name, name, "kept") for name in names]
    summary = json.loads((tmp_path / "out/summary.json").read_text())
    assert summary["skipped_files"]["first"] == [f"{folder}/notes\\xff.bin"]
    summary = neardup.clean_files([folder], tmp_path / "clean", options)
    assert summary["counts"] == {"read": 3, "ok": 3, "rejected": 0}


def test_a_file_named_warc_that_is_not_one_is_one_rejection_not_invented_records(tmp_path):
    # warcio reads a line of five words as an ARC header: a text file named .warc gave one
    # "WARC response is not HTML or plain text (Content-Type: none)" per two lines, documents
    # that do not exist (other first lines already gave "Unknown archive format").
    path = _write(tmp_path / "notes.warc", b"this is not a warc file\n" * 10)
    docs = list(read_documents([path]))
    assert [(d.source, d.rejected) for d in docs] == [
        ("notes.warc", "unreadable file: not a WARC file (record 1, at byte 0, has no "
                       "WARC/1.x header); the rest of the file is not read")]


def test_a_json_array_file_with_a_byte_order_mark_is_read(tmp_path):
    # A .json file saved by a Windows tool (a UTF-8 mark; PowerShell 5's Out-File: UTF-16)
    # was one rejection for the whole file: "malformed JSON at line 1: Unexpected UTF-8 BOM".
    items = [{"id": "a", "text": "first item"}, "second item"]
    _write(tmp_path / "in/a.json", b"\xef\xbb\xbf" + json.dumps(items).encode())
    _write(tmp_path / "in/b.json", json.dumps(items).replace('"a"', '"b"').encode("utf-16"))
    docs = list(read_documents([tmp_path / "in"]))
    assert [(d.id, d.text, d.rejected, d.warnings) for d in docs] == [
        ("a", "first item", None, []), ("a.json#2", "second item", None, []),
        ("b", "first item", None, []), ("b.json#2", "second item", None, [])]


def test_json_lines_in_a_json_file_are_read_as_json_lines(tmp_path):
    # One object per line in a .json file (as Hugging Face's to_json writes them) was one
    # rejection for the file, "Extra data (... name the file .jsonl)"; C4's and Dolma's
    # ".json.gz" files of JSON Lines were skipped as of an unsupported type. Both are read as
    # JSON Lines now, ids and sources by line; an array or one object is read as before.
    lines = b'{"id": "a", "text": "one"}\n\n{"text": "two"}\nnot json\n'
    _write(tmp_path / "in/lines.json", lines)
    _write(tmp_path / "in/c4.json.gz", gzip.compress(lines.replace(b'"a"', b'"c"')))
    _write(tmp_path / "in/dolma.json.zst",
           zstandard.ZstdCompressor().compress(lines.replace(b'"a"', b'"d"')))
    _write(tmp_path / "in/one.json", b'{"id": "o", "text": "single"}\n\n')
    _write(tmp_path / "in/pretty.json", b'{\n  "text": "pretty"\n}\n')
    _write(tmp_path / "in/array.json.gz", gzip.compress(b'[{"text": "x"}, "y"]'))
    docs = list(read_documents([tmp_path / "in"]))
    assert [(d.id, d.source, d.text, d.rejected) for d in docs] == [
        ("array.json.gz#1", "array.json.gz#1", "x", None),
        ("array.json.gz#2", "array.json.gz#2", "y", None),
        ("c", "c4.json.gz:1", "one", None), ("c4.json.gz:3", "c4.json.gz:3", "two", None),
        ("c4.json.gz:4", "c4.json.gz:4", "",
         "malformed JSON: Expecting value (column 1)"),
        ("d", "dolma.json.zst:1", "one", None),
        ("dolma.json.zst:3", "dolma.json.zst:3", "two", None),
        ("dolma.json.zst:4", "dolma.json.zst:4", "",
         "malformed JSON: Expecting value (column 1)"),
        ("a", "lines.json:1", "one", None), ("lines.json:3", "lines.json:3", "two", None),
        ("lines.json:4", "lines.json:4", "", "malformed JSON: Expecting value (column 1)"),
        ("o", "one.json#1", "single", None), ("pretty.json#1", "pretty.json#1", "pretty", None)]
    other = _write(tmp_path / "other.json", b'[{"id": "a"}] x')
    assert [d.rejected for d in read_documents([other])] == [
        "malformed JSON at line 1, column 15: Extra data"]
    # (the json module's message ends with "at" where it appends the position)
    broken = _write(tmp_path / "broken.json", b'[{"text":"broken\n')
    assert [d.rejected for d in read_documents([broken])] == [
        "malformed JSON at line 1, column 17: Invalid control character"]


def test_a_missing_text_field_names_a_near_miss_so_it_can_be_seen(tmp_path):
    # "id, text" (a space after the comma) names the column " text": the reason read
    # "missing text field 'text' (fields:  text, id)", the text field listed yet missing.
    _write(tmp_path / "in/a.csv", b"id, text\nc1, first row\n")
    _write(tmp_path / "in/b.jsonl", b'{"id": "j1", "Text": "x"}\n{"id": "j2", "body": "x"}\n')
    assert [d.rejected for d in read_documents([tmp_path / "in"])] == [
        "missing text field 'text' (fields: ' text', id; did you mean ' text'?)",
        "missing text field 'text' (fields: Text, id; did you mean 'Text'?)",
        "missing text field 'text' (fields: body, id; take the text from another field with "
        "--text-field body)"]


def test_compressed_data_under_a_plain_name_is_one_rejection_naming_it(tmp_path):
    # A download saved without its .gz (curl, a browser) was cut at its 0x0a bytes into
    # "lines": records that do not exist, each rejected as malformed JSON (or, for a page, a
    # text of replacement characters), and nothing said the file was compressed.
    import zstandard

    lines = "".join(json.dumps({"id": f"r{i}", "text": f"record number {i}"}) + "\n"
                    for i in range(300)).encode()
    _write(tmp_path / "in/a.jsonl", gzip.compress(lines))
    _write(tmp_path / "in/b.csv", gzip.compress(b"id,text\nc1,a row\n"))
    _write(tmp_path / "in/c.txt", zstandard.ZstdCompressor().compress(b"some words"))
    docs = list(read_documents([tmp_path / "in"]))
    assert [(d.source, d.rejected) for d in docs] == [
        ("a.jsonl", "unreadable file: gzip-compressed data in a file named a.jsonl "
                    "(name it a.jsonl.gz)"),
        ("b.csv", "unreadable file: gzip-compressed data in a file named b.csv "
                  "(name it b.csv.gz)"),  # (read since .csv.gz files are)
        ("c.txt", "unreadable file: zstd-compressed data in a file named c.txt "
                  "(name it c.txt.zst)")]
    options = neardup.make_options(jobs=2, quiet=True, report=False, clean=False)
    result = neardup.dedup_files([tmp_path / "in/a.jsonl"], tmp_path / "out", options,
                                 collect=True)  # the sliced read of plain JSONL
    assert [r["reason"] for r in result.records] == [docs[0].rejected]


def test_a_line_nested_too_deep_is_a_rejection_not_a_crash(tmp_path):
    # json raises RecursionError, not JSONDecodeError, past ~1,000 levels: a plain JSONL file
    # stopped the run with a traceback, and in a .jsonl.gz the lines after it were lost to
    # one "unreadable file" rejection.
    deep = b'{"id": "b", "text": "x", "m": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    data = b'{"id": "a", "text": "first"}\n' + deep + b'\n{"id": "c", "text": "third"}\n'
    _write(tmp_path / "in/a.jsonl", data)
    _write(tmp_path / "in/b.jsonl.gz", gzip.compress(data.replace(b'"id": "', b'"id": "z')))
    _write(tmp_path / "in/c.json", b'[{"id": "d", "text": "x"}, ' + b"[" * 100_000)
    reason = "malformed JSON: nested too deeply"
    docs = list(read_documents([tmp_path / "in"]))
    assert [(d.source, d.rejected) for d in docs] == [
        ("a.jsonl:1", None), ("a.jsonl:2", reason), ("a.jsonl:3", None),
        ("b.jsonl.gz:1", None), ("b.jsonl.gz:2", reason), ("b.jsonl.gz:3", None),
        ("c.json", reason)]
    options = neardup.make_options(jobs=2, quiet=True, report=False)
    result = neardup.dedup_files([tmp_path / "in"], tmp_path / "out", options, collect=True)
    assert [r["reason"] for r in result.records] == [d.rejected for d in docs]


def test_one_deep_item_of_a_json_array_costs_that_item_at_most(tmp_path):
    # Found by a fuzzing helper: json.loads of the whole file raised RecursionError for one
    # item with a field nested 1,000 deep, and the file's other items went with it (one
    # rejection for the file). Items are now parsed one by one after that, as JSONL lines.
    def item(name, depth):
        return (b'{"id": "' + name + b'", "text": "x", "m": ' + b"[" * depth + b"]" * depth
                + b"}")

    _write(tmp_path / "in/a.json", b"[" + b", ".join(
        [item(b"a", 1), item(b"deep", 1_000), b'"a string item, with ], and \\" quotes"',
         item(b"deeper", 100_000), item(b"z", 1)]) + b"]")
    docs = list(read_documents([tmp_path / "in"]))
    assert [(d.id, d.rejected) for d in docs] == [
        ("a", None), ("deep", None), ("a.json#3", None),
        ("a.json#4", "malformed JSON: nested too deeply"), ("z", None)]
    assert docs[1].metadata == {} and docs[1].warnings[0].startswith("field 'm' left out")
    assert docs[2].text == 'a string item, with ], and " quotes'


def test_a_parquet_value_python_cannot_hold_costs_its_field_not_the_file(tmp_path):
    # One timestamp past the year 9999 in a metadata column made pyarrow's to_pylist raise:
    # the whole file (every row of every batch from there on) became one "unreadable file"
    # rejection. Now that row is read, the field as Arrow's text and a warning.
    import datetime

    table = pa.table({"id": ["a", "b", "c"], "text": ["one", "two", "three"],
                      "ts": pa.array([0, 10**15, 5], pa.timestamp("ms"))})
    pq.write_table(table, tmp_path / "t.parquet")
    docs = list(read_documents([tmp_path / "t.parquet"]))
    assert [(d.id, d.text, d.rejected) for d in docs] == [
        ("a", "one", None), ("b", "two", None), ("c", "three", None)]
    assert docs[0].metadata == {"ts": datetime.datetime(1970, 1, 1)} and not docs[0].warnings
    assert docs[1].metadata == {"ts": "<value out of range: 1000000000000000>"}
    assert docs[1].warnings == ["field 'ts': a value Python cannot hold (OverflowError: date "
                                "value out of range), kept as Arrow's text of it"]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_a_field_nested_deeper_than_the_outputs_hold_is_left_out_with_a_warning(tmp_path, fmt):
    # orjson reads 1,024 levels but writes 255: a record with a metadata field nested 300
    # deep stopped the write pass of dedup and clean ("TypeError: Recursion limit reached").
    deep = b"[" * 300 + b"]" * 300
    shallow = b"[" * 100 + b"]" * 100
    path = _write(tmp_path / "in.jsonl", b"".join([
        b'{"id": "a", "text": "the first story of the day", "m": ' + deep + b', "k": 1}\n',
        b'{"id": "b", "text": "another story entirely here", "m": ' + shallow + b"}\n"]))
    docs = list(read_documents([path]))
    assert docs[0].metadata == {"k": 1} and docs[0].warnings == [
        "field 'm' left out: nested more than 200 levels deep, more than the outputs can hold"]
    assert docs[1].metadata == {"m": json.loads(shallow)} and not docs[1].warnings
    options = neardup.make_options(jobs=2, quiet=True, output_format=fmt)
    result = neardup.dedup_files([path], tmp_path / "out", options, collect=True)
    assert [r["status"] for r in result.records] == ["kept", "kept"]
    assert neardup.clean_files([path], tmp_path / "clean", options)["counts"]["ok"] == 2
    docs = list(neardup.clean_documents([{"text": "some text", "m": json.loads(deep)}]))
    assert docs[0].metadata == {} and docs[0].warnings[0].startswith("field 'm' left out")
    # deep enough for the old recursive walk that replaces lone surrogates (two frames a
    # level), not for json: the record is read, its deep field left out like any other
    odd = _write(tmp_path / "odd.jsonl", b'{"id": "s", "text": "x", "m": ' + b"[" * 600
                 + b'"\\ud800"' + b"]" * 600 + b"}\n")
    [doc] = read_documents([odd])
    assert (doc.id, doc.rejected, doc.metadata) == ("s", None, {})
    assert doc.warnings[-1].startswith("field 'm' left out")


def test_a_deep_item_of_a_json_array_costs_its_field_not_the_items_after_it(tmp_path):
    # The walk that replaces lone surrogates recursed two frames per level: an item nested
    # 600 deep raised RecursionError, and the file became one "unreadable file" rejection
    # after the items before it: the items after it were lost without a record.
    deep = "[" * 600 + "]" * 600
    path = _write(tmp_path / "a.json", (
        '[{"id": "g1", "text": "first story about the council vote"}, '
        f'{{"id": "d", "text": "second story", "m": {deep}}}, '
        '{"id": "g2", "text": "third story about frogs"}]').encode())
    docs = list(read_documents([path]))
    assert [(d.id, d.rejected) for d in docs] == [("g1", None), ("d", None), ("g2", None)]
    assert docs[1].metadata == {} and docs[1].warnings[0].startswith("field 'm' left out")
    # the Python API's dicts: the same, and the caller's object is left as it was
    nested: list = []
    inner = nested
    for _ in range(600):
        inner.append([])
        inner = inner[0]
    item = {"id": "a", "text": "a story about the council vote \ud800", "m": nested}
    [record] = neardup.dedup([item]).records
    assert record["status"] == "kept" and record["warnings"][-1].startswith("field 'm' left")
    assert item["text"].endswith("\ud800") and item["m"] is nested


def test_api_values_that_contain_themselves_cost_their_field_not_the_run(tmp_path):
    # A dict or list that contains itself is infinitely deep: the copy that replaces lone
    # surrogates (a stack, no recursion limit) followed it until memory ran out. Such a field
    # is left out with a warning, as one nested too deep is; a value met twice on different
    # paths (no cycle) is kept.
    import signal

    from neardup import Document

    def timeout(signum, frame):
        raise TimeoutError("the cycle was followed")

    loop: list = [1]
    loop.append({"back": loop})
    shared = {"a": [1, 2]}
    item = {"id": "a", "text": "a story about the council vote", "k": 1, "m": loop,
            "both": [shared, shared]}
    item["self"] = item
    cyclic_text: dict = {}
    cyclic_text["t"] = cyclic_text
    doc = Document(id="d", text="another story about frogs in the pond", metadata={"m": loop})
    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(3)
    try:
        result = neardup.dedup([item, {"text": cyclic_text}, doc], output=tmp_path / "out")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    cycle = "it contains itself (a reference cycle): written out, it would be infinitely deep"
    assert [(r["id"], r["status"], r["reason"], r["warnings"]) for r in result.records] == [
        ("a", "kept", None, [f"field 'm' left out: {cycle}", f"field 'self' left out: {cycle}"]),
        ("1", "rejected", "field 'text' must be a string, got dict", []),
        ("d", "kept", None, [f"field 'm' left out: {cycle}"])]
    kept = [json.loads(line) for line in (tmp_path / "out/deduplicated.jsonl").open()]
    assert [k["metadata"] for k in kept] == [
        {"k": 1, "both": [{"a": [1, 2]}, {"a": [1, 2]}]}, {}]
    assert item["self"] is item and loop[1]["back"] is loop and doc.metadata == {"m": loop}


def _warc_file(path, records):
    """A .warc.gz of ``records``: (type, url, Content-Type, body bytes); a response to an
    http(s) URL carries its Content-Type in HTTP headers, other records in the WARC header."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for kind, url, ctype, body in records:
            if kind == "response" and url.startswith("http"):
                headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)],
                                           protocol="HTTP/1.1")
                record = writer.create_warc_record(url, kind, payload=io.BytesIO(body),
                                                   http_headers=headers)
            else:
                record = writer.create_warc_record(url, kind, payload=io.BytesIO(body),
                                                   warc_content_type=ctype)
            writer.write_record(record)
    return path


_LATIN = "Le café crème coûte 2 € à l’hôtel « Bœuf »"  # (€ ’ œ: windows-1252, not Latin-1)
_JAPANESE = ("政府は水曜日、新たな経済対策を閣議決定した。総額は約二十兆円に上り、物価高に苦しむ"
             "家計や中小企業への支援が柱となる。首相は記者会見で「国民の生活を守るために全力を"
             "尽くす」と述べた。一方、野党は財源が不明確だと批判している。")


def _page(text: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"


def test_an_html_file_is_read_in_the_encoding_its_meta_declares(tmp_path):
    # A windows-1252 page was decoded as UTF-8: every accented letter became U+FFFD ("caf\ufffd
    # cr\ufffdme"), words broken for cleaning and matching, the output text damaged.
    pages = {
        "a.html": _page(_LATIN, '<meta charset="windows-1252">'),
        # iso-8859-1 is read as windows-1252, as browsers do: 0x80 is "€", 0x92 "’"
        "b.htm": _page(_LATIN, '<meta http-equiv="Content-Type" '
                               'content="text/html; charset=iso-8859-1">'),
        "c.html": _page(_JAPANESE, "<meta charset='Shift_JIS'>"),
        # gb2312 is read as GBK: "镕" is GBK's, not GB2312's
        "d.html": _page("朱镕基说，经济增长保持稳定。", '<META CHARSET="gb2312">'),
        # a commented-out <meta> declares nothing; an unknown label is skipped
        "e.html": _page("Сегодня в Москве прошёл митинг", '<!-- <meta charset="utf-8"> -->'
                        '<meta charset="x-unknown"><meta charset="koi8-r">'),
    }
    encodings = {"a.html": "cp1252", "b.htm": "cp1252", "c.html": "shift_jis", "d.html": "gbk",
                 "e.html": "koi8-r"}
    for name, html in pages.items():
        _write(tmp_path / "in" / name, html.encode(encodings[name]))
    _write(tmp_path / "in/f.html.gz", gzip.compress(pages["a.html"].encode("cp1252")))
    docs = list(read_documents([tmp_path / "in"]))
    assert [(d.id, d.html, d.warnings) for d in docs] == [
        (name, pages[name], []) for name in ["a.html", "b.htm", "c.html", "d.html", "e.html"]
    ] + [("f.html.gz", pages["a.html"], [])]


def test_a_warc_response_is_read_in_the_charset_of_its_http_header(tmp_path):
    # The HTTP header outranks the page's <meta>, as in browsers; a page with none is read as
    # its header says, and so is a plain-text response.
    path = _warc_file(tmp_path / "p.warc.gz", [
        ("response", "https://a.example/1", "text/html; charset=windows-1252",
         _page(_LATIN, '<meta charset="utf-8">').encode("cp1252")),
        ("response", "https://a.example/2", 'text/html; charset="KOI8-R"',
         _page("Сегодня в Москве прошёл митинг").encode("koi8-r")),
        ("response", "https://a.example/3", "text/plain; charset=Shift_JIS",
         _JAPANESE.encode("shift_jis")),
        ("response", "https://a.example/4", "text/html; charset=utf-8",
         _page(_LATIN).encode()),
    ])
    docs = list(read_documents([path]))
    assert [(d.html, d.warnings) for d in docs[:2]] == [
        (_page(_LATIN, '<meta charset="utf-8">'), []),
        (_page("Сегодня в Москве прошёл митинг"), [])]
    assert (docs[2].text, docs[2].html, docs[2].warnings) == (_JAPANESE, None, [])
    assert (docs[3].html, docs[3].warnings) == (_page(_LATIN), [])


def test_a_utf8_page_that_declares_nothing_is_read_without_a_guess(tmp_path, monkeypatch):
    # The common case pays one UTF-8 decode: no detection, no warning.
    import neardup.read.charset as charset

    def no_guess(data):
        raise AssertionError("guessed an encoding for a UTF-8 page")

    monkeypatch.setattr(charset, "_guess", no_guess)
    _write(tmp_path / "in/a.html", _page(_LATIN).encode())
    _write(tmp_path / "in/b.html", _page("plain ASCII page").encode())
    docs = list(read_documents([tmp_path / "in"]))
    assert [(d.html, d.warnings) for d in docs] == [(_page(_LATIN), []),
                                                    (_page("plain ASCII page"), [])]
    # a page in a legacy encoding that says so is not guessed either
    _write(tmp_path / "in/c.html", _page(_LATIN, '<meta charset="latin1">').encode("cp1252"))
    assert list(read_documents([tmp_path / "in/c.html"]))[0].warnings == []


def test_a_page_that_declares_nothing_and_is_not_utf8_is_guessed_and_flagged(tmp_path):
    # Before: decoded as UTF-8, every accented letter a U+FFFD. Now the encoding is guessed
    # (charset-normalizer, among those browsers decode; windows-1252 on a tie) and named.
    latin = _page("Le gouvernement a annoncé mercredi une réforme très contestée ; les "
                  "syndicats appellent à la grève dès la semaine prochaine.")
    _write(tmp_path / "in/a.html", latin.encode("cp1252"))
    _write(tmp_path / "in/b.html", _page(_JAPANESE).encode("shift_jis"))
    # a UTF-8 page with a stray byte (a capture cut mid-character) is still UTF-8
    _write(tmp_path / "in/c.html", _page(_LATIN).encode() + "é".encode()[:1])
    # windows-1252 is among the likeliest (one match stands for all the encodings that give
    # its text); this one was read as macintosh ("Natursch¸tzer ‰uﬂerten")
    german = _page("Naturschützer äußerten jedoch Bedenken.")
    _write(tmp_path / "in/d.html", german.encode("cp1252"))
    docs = list(read_documents([tmp_path / "in"]))
    assert (docs[0].html, docs[0].warnings) == (latin, [
        "no declared encoding and not UTF-8: read as windows-1252 (guessed)"])
    assert (docs[1].html, docs[1].warnings) == (_page(_JAPANESE), [
        "no declared encoding and not UTF-8: read as shift_jis (guessed)"])
    assert docs[2].html == _page(_LATIN) + "\ufffd"
    assert docs[2].warnings == [f"invalid UTF-8 at byte {len(_page(_LATIN).encode())}: "
                                "replaced with U+FFFD"]
    assert (docs[3].html, docs[3].warnings) == (german, [
        "no declared encoding and not UTF-8: read as windows-1252 (guessed)"])


def test_a_wrong_declaration_is_flagged_and_a_later_one_that_fits_is_used(tmp_path):
    cp1252 = _page(_LATIN, '<meta charset="utf-8">').encode("cp1252")
    fits = _page(_LATIN, '<meta charset="windows-1252">').encode("cp1252")
    path = _warc_file(tmp_path / "p.warc.gz", [
        # declared UTF-8 and not: replaced, the warning names the declaration
        ("response", "https://a.example/1", "text/html", cp1252),
        # the header's UTF-8 fails, the page's own <meta> fits: read as that, flagged
        ("response", "https://a.example/2", "text/html; charset=utf-8", fits),
        # a server's default iso-8859-1 on a UTF-8 page: the bytes are UTF-8, read as such
        ("response", "https://a.example/3", "text/html; charset=iso-8859-1",
         _page(_LATIN, '<meta charset="utf-8">').encode()),
        # declared Shift_JIS, with a byte Shift_JIS has not: replaced, flagged
        ("response", "https://a.example/4", "text/html; charset=shift_jis",
         _page(_JAPANESE).encode("shift_jis") + b"\x81 "),
    ])
    docs = list(read_documents([path]))
    assert docs[0].html == cp1252.decode("utf-8", "replace") and docs[0].warnings == [
        f"invalid utf-8 (<meta>) at byte {cp1252.index(0xe9)}: replaced with U+FFFD"]
    assert docs[1].html == _page(_LATIN, '<meta charset="windows-1252">')
    assert docs[1].warnings == [
        f"invalid utf-8 (HTTP Content-Type) at byte {fits.index(0xe9)}: read as windows-1252 "
        "(<meta>)"]
    assert docs[2].html == _page(_LATIN, '<meta charset="utf-8">') and docs[2].warnings == [
        "declared windows-1252 (HTTP Content-Type) but the bytes are valid UTF-8: read as UTF-8"]
    assert docs[3].html.startswith(_page(_JAPANESE)) and docs[3].warnings == [
        f"invalid shift_jis (HTTP Content-Type) at byte {len(_page(_JAPANESE).encode('cp932'))}"
        ": replaced with U+FFFD"]


def test_warc_conversion_and_resource_records_are_documents(tmp_path):
    # A WET-style file (extracted text in conversion records) gave no documents and no word:
    # only response records were read. Conversion and resource records are documents now;
    # one of another type is a rejection naming it, and records that describe the crawl are
    # still not documents.
    words = "Le café crème du matin, servi à l’hôtel."
    path = _warc_file(tmp_path / "w.warc.gz", [
        ("warcinfo", "", "application/warc-fields", b"software: crawler\r\n"),
        ("conversion", "https://a.example/1", "text/plain", words.encode()),
        ("resource", "https://a.example/2", "text/html; charset=windows-1252",
         _page(words).encode("cp1252")),
        ("resource", "https://a.example/3.jpg", "image/jpeg", b"\xff\xd8\xff"),
        ("metadata", "https://a.example/1", "application/warc-fields", b"via: x\r\n"),
        ("revisit", "https://a.example/1", "application/http; msgtype=response", b""),
        ("response", "dns:a.example", "text/dns", b"a.example. 300 IN A 192.0.2.1"),
    ])
    docs = list(read_documents([path]))
    assert [(d.source, d.url, d.text, d.html, d.rejected, d.warnings) for d in docs] == [
        ("w.warc.gz#2", "https://a.example/1", words, None, None, []),
        ("w.warc.gz#3", "https://a.example/2", "", _page(words), None, []),
        ("w.warc.gz#4", "https://a.example/3.jpg", "", None,
         "WARC resource is not HTML or plain text (Content-Type: image/jpeg)", []),
        ("w.warc.gz#7", "dns:a.example", "", None,
         "WARC response is not HTML or plain text (Content-Type: text/dns)", [])]
    assert all(d.id.startswith("<urn:uuid:") and d.date for d in docs)


def test_warc_records_of_no_or_unknown_type_are_rejections_not_lost(tmp_path):
    # Records with no WARC-Type, an unknown or a capitalised one, or a continuation segment,
    # were skipped like request records: read 1 of 6, exit 0, not a word.
    body = b"The city council voted on Tuesday to approve the new budget for schools."

    def record(kind):
        head = ("WARC/1.0\r\n" + (f"WARC-Type: {kind}\r\n" if kind else "")
                + f"WARC-Record-ID: <urn:{kind}>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
                f"WARC-Target-URI: https://ex.com/{kind}\r\nContent-Type: text/plain\r\n"
                f"Content-Length: {len(body)}\r\n\r\n")
        return head.encode() + body + b"\r\n\r\n"

    path = tmp_path / "t.warc"
    path.write_bytes(b"".join(map(record, ["resource", "Resource", None, "continuation",
                                           "bogus", "request"])))
    docs = list(read_documents([path]))
    assert [(d.source, d.rejected) for d in docs] == [
        ("t.warc#1", None),
        ("t.warc#2", "WARC record of unknown type 'Resource' (WARC types are lower-case: "
                     "'resource'): pages are read from response, resource and conversion records"),
        ("t.warc#3", "WARC record without a WARC-Type header: not read"),
        ("t.warc#4", "WARC continuation record (a segment of a record split in several): "
                     "segmented records are not joined, so it is not read"),
        ("t.warc#5", "WARC record of unknown type 'bogus': pages are read from response, "
                     "resource and conversion records")]
    assert docs[1].url == "https://ex.com/Resource"


def test_a_page_over_max_chars_is_said_to_be_measured_as_html(tmp_path):
    # The rejection read "text too long: N characters" for a page whose HTML was measured: a
    # user looking for a text of N characters in the output found none.
    page = "<html><body><p>" + "word " * 400 + "</p></body></html>"
    path = _write(tmp_path / "page.html", page.encode())
    doc, = read_documents([path], ReadOptions(max_chars=1000))
    assert doc.rejected == f"page too long: HTML of {len(page):,} characters > max_chars 1,000"


def test_a_number_json_will_not_convert_is_kept_as_text_not_a_crash(tmp_path):
    # orjson gives up on an integer wider than a double and json, the fallback, refuses more
    # than 4,300 digits with a ValueError (not a JSONDecodeError): one such line stopped dedup
    # and clean with a traceback, and in a .jsonl.gz lost the lines after it. Then it cost
    # its record ("malformed JSON"), text and all, for a number in a metadata field: now the
    # number is kept as its digits, flagged.
    digits = "1" + "0" * 5000
    long = b'{"id": "b", "text": "x", "n": ' + digits.encode() + b"}"
    data = b'{"id": "a", "text": "first"}\n' + long + b'\n{"id": "c", "text": "third"}\n'
    _write(tmp_path / "in/a.jsonl", data)
    _write(tmp_path / "in/b.jsonl.gz", gzip.compress(data.replace(b'"id": "', b'"id": "z')))
    docs = list(read_documents([tmp_path / "in"]))
    assert [(d.source, d.rejected) for d in docs] == [
        ("a.jsonl:1", None), ("a.jsonl:2", None), ("a.jsonl:3", None),
        ("b.jsonl.gz:1", None), ("b.jsonl.gz:2", None), ("b.jsonl.gz:3", None)]
    for doc in (docs[1], docs[4]):
        assert doc.metadata == {"n": digits} and doc.warnings == [
            "1 number(s) of more than 4,300 digits: kept as text"]
    options = neardup.make_options(jobs=2, quiet=True, report=False)
    result = neardup.dedup_files([tmp_path / "in"], tmp_path / "out", options, collect=True)
    assert [r["reason"] for r in result.records] == [None] * 6
    assert [r["warnings"] for r in result.records] == [d.warnings for d in docs]


def test_the_depth_check_of_metadata_cuts_exactly_past_max_depth():
    # The depth check walks level by level (an item at a time cost 8 times the parse of a
    # metadata-rich record; measured, not timed here): its cut must stay where it was.
    from neardup.read.documents import MAX_DEPTH, trim_deep

    def nested(levels: int, leaf: object) -> object:
        value = leaf
        for level in range(levels):
            value = [value] if level % 2 else {"k": value, "n": 1}
        return value

    # (the field's value is level 1; a leaf counts as a level)
    meta = {"at": nested(MAX_DEPTH - 1, 1), "past": nested(MAX_DEPTH, 1),
            "empty_at_limit": nested(MAX_DEPTH - 1, []), "leaf_past": nested(MAX_DEPTH - 1, [0]),
            "wide": [{"a": [1, 2]}, {"b": {"c": []}}] * 50, "scalar": 3}
    warnings: list[str] = []
    trim_deep(meta, warnings)
    assert sorted(meta) == ["at", "empty_at_limit", "scalar", "wide"]
    assert len(warnings) == 2 and all("left out" in w for w in warnings)


def test_utf16_jsonl_and_csv_files_are_read_as_utf16(tmp_path):
    # The README says a UTF-16 file with a byte-order mark is read as UTF-16, but only .txt,
    # .md, .json and .html were: a .jsonl saved by PowerShell's ">" was cut at its newline
    # bytes into three "lines", each 'malformed JSON' (one a record that does not exist), and
    # a .csv's header became "\x00t\x00e..." ("missing text field" for every row).
    lines = '{"id": "a", "text": "café one"}\r\n{"id": "b", "text": "two"}\r\n'
    _write(tmp_path / "in/a.jsonl", lines.encode("utf-16"))
    _write(tmp_path / "in/b.jsonl.gz", gzip.compress(
        b"\xfe\xff" + lines.replace('"id": "', '"id": "z').encode("utf-16-be")))
    _write(tmp_path / "in/c.csv", "id,text\r\nc,three\r\n".encode("utf-16"))
    _write(tmp_path / "in/d.jsonl", lines.replace('"id": "', '"id": "y').encode("utf-16")
           + b"\x00")  # cut mid-character: that line flagged
    docs = list(read_documents([tmp_path / "in"]))
    assert [(d.id, d.text, d.rejected) for d in docs] == [
        ("a", "café one", None), ("b", "two", None), ("za", "café one", None),
        ("zb", "two", None), ("c", "three", None), ("ya", "café one", None),
        ("yb", "two", None), ("d.jsonl:3", "", "malformed JSON: Expecting value (column 1)")]
    assert docs[-1].warnings == ["invalid UTF-16 at byte 128: replaced with U+FFFD"]
    assert not any(d.warnings for d in docs[:-1])
    options = neardup.make_options(jobs=2, quiet=True, report=False, clean=False)
    result = neardup.dedup_files([tmp_path / "in"], tmp_path / "out", options,
                                 collect=True)  # (the sliced read of plain JSONL)
    assert [r["id"] for r in result.records] == [d.id for d in docs]


def _raw_warc_record(number: int, length: str, body: bytes, kind: str = "resource",
                     ctype: str = "text/plain") -> bytes:
    return (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{number}>\r\n"
            f"WARC-Date: 2020-01-01T00:00:00Z\r\nWARC-Target-URI: http://ex.com/{number}\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {length}\r\n\r\n").encode() + body + (
                b"\r\n\r\n")


def test_a_warc_length_that_is_no_number_is_named_not_taken_for_a_cut_file(tmp_path):
    # "Content-Length: 12x" was reported as "the file ends inside its headers", which is
    # false; where that record ends is unknown, and the message says the rest is not read.
    body = b"The city council voted on Tuesday to approve the budget."
    path = _write(tmp_path / "a.warc", _raw_warc_record(1, str(len(body)), body)
                  + _raw_warc_record(2, "12x", body) + _raw_warc_record(3, str(len(body)), body))
    docs = list(read_documents([path]))
    assert [d.rejected for d in docs] == [None, (
        "malformed WARC record: Content-Length '12x' is not a number of bytes, so where the "
        "record ends is unknown; the rest of the file is not read")]


def test_a_warc_response_without_http_headers_is_a_rejection_that_says_so(tmp_path):
    # warcio reads a response's block as an HTTP message: a bare page's first line became
    # the "status line" (lost from the text) and the type "none".
    page = b"<html><body><p>The city council voted on Tuesday.</p></body></html>"
    path = _write(tmp_path / "b.warc",
                  _raw_warc_record(1, str(len(page)), page, "response", "text/html")
                  + _raw_warc_record(2, str(len(page)), page, "resource", "text/html"))
    docs = list(read_documents([path]))
    assert docs[0].rejected.startswith("WARC response without an HTTP status line")
    assert docs[1].rejected is None and docs[1].html == page.decode()


def test_api_documents_whose_text_is_no_string_are_rejections_not_crashes():
    # Document(text=None) raised AttributeError ('NoneType' object has no attribute 'strip').
    from neardup import Document

    result = neardup.dedup([Document(id="x", text=None, index=0, source=None),
                            Document(id="y", text=5, index=0, source=None),
                            "a story about the council vote on the budget"])
    assert [(r["id"], r["status"], r["reason"]) for r in result.records] == [
        ("x", "rejected", "Document.text must be a string, got NoneType"),
        ("y", "rejected", "Document.text must be a string, got int"),
        ("2", "kept", None)]


def test_csv_short_rows_and_repeated_header_names_are_said(tmp_path):
    # A short row was rejected as "field 'text' is null", and of two columns named "text"
    # the first was dropped without a word.
    short = _write(tmp_path / "short.csv", b"id,url,text\n1\n2,http://a.com/x\n"
                   b"3,http://a.com/y,real text of a story\n4,,more text\n")
    docs = list(read_documents([short]))
    assert [(d.id, d.rejected, d.url) for d in docs] == [
        ("1", "row has 1 fields, fewer than the header (3): no value for 'text'", None),
        ("2", "row has 2 fields, fewer than the header (3): no value for 'text'",
         "http://a.com/x"),
        ("3", None, "http://a.com/y"), ("4", None, None)]  # (an empty cell: no URL)
    trailing = _write(tmp_path / "trailing.csv", b"id,text,url\n1,a story text\n")
    [doc] = read_documents([trailing])
    assert doc.rejected is None and doc.warnings == [
        "row has 2 fields, fewer than the header (3): no value for 'url'"]
    twice = _write(tmp_path / "twice.csv", b"id,text,text\n1,first column,second column\n")
    [doc] = read_documents([twice])
    assert doc.text == "second column" and doc.warnings == [
        "the header names 'text' 2 times: the last such column is read"]
    # a short row under such a header: the row's fields and the header's columns counted as
    # they are (they were counted as names: "2 fields, fewer than the header (4)")
    short_twice = _write(tmp_path / "short_twice.csv", b"id,text,url,extra,text\nr1,short,\n")
    [doc] = read_documents([short_twice])
    assert doc.rejected == "row has 3 fields, fewer than the header (5): no value for 'text'"


def test_a_parquet_file_with_two_columns_of_one_name_says_which_is_read(tmp_path):
    # The first "text" column was dropped without a word (the CSV reader said it).
    path = tmp_path / "twice.parquet"
    pq.write_table(pa.Table.from_arrays(
        [pa.array(["a"]), pa.array(["first column"]), pa.array(["second column"])],
        names=["id", "text", "text"]), path)
    [doc] = read_documents([path])
    assert doc.text == "second column" and doc.warnings == [
        "the header names 'text' 2 times: the last such column is read"]


def test_empty_lines_before_a_csv_header_are_skipped(tmp_path):
    # The first empty line was taken for a header of no names: the file's one record became
    # two rejections ("row has 2 more fields than the header (0)"), header row included.
    path = _write(tmp_path / "blank.csv", b"\n\r\n\nid,text\nr1,a story about the vote\n"
                  b'r2,"a quote left open\n')
    docs = list(read_documents([path]))
    assert [(d.id, d.text, d.rejected) for d in docs] == [
        ("r1", "a story about the vote", None),
        ("blank.csv:2", "", "malformed CSV: the quoted field of row 2 (line 6) is not closed "
         "by the end of the file; the lines after it were read as its text")]


def test_a_parquet_string_that_is_not_utf8_is_replaced_and_flagged_not_null(tmp_path):
    # Its row was rejected as "field 'text' is null" (the cell kept as null).
    good = b"a story about the council vote"
    bad = b"bad \xff bytes in a story about the council"
    data = good + bad
    offsets = pa.py_buffer(np.array([0, len(good), len(data)], dtype=np.int32).tobytes())
    text = pa.Array.from_buffers(pa.string(), 2, [None, offsets, pa.py_buffer(data)])
    pq.write_table(pa.table({"id": ["a", "b"], "text": text}), tmp_path / "t.parquet")
    docs = list(read_documents([tmp_path / "t.parquet"]))
    assert [(d.id, d.rejected) for d in docs] == [("a", None), ("b", None)]
    assert docs[1].text == "bad \ufffd bytes in a story about the council"
    assert docs[1].warnings == ["field 'text': invalid UTF-8 at byte 4 of the value, replaced "
                                "with U+FFFD"]
    assert not docs[0].warnings


def test_a_csv_field_that_is_not_utf8_is_flagged_by_its_name_and_place(tmp_path):
    # The warning was "invalid UTF-8 (or U+FFFD in input): replaced": no field, no place.
    path = tmp_path / "t.csv"
    path.write_bytes(b"id,text,note\nr1,a story \xff about the vote,fine\nr2,clean story,x\n")
    docs = list(read_documents([path]))
    assert [(d.id, d.text, d.rejected) for d in docs] == [
        ("r1", "a story \ufffd about the vote", None), ("r2", "clean story", None)]
    assert docs[0].warnings == ["field 'text': invalid UTF-8 (or U+FFFD in the input) at "
                                "character 8 of the value: replaced with U+FFFD"]
    assert not docs[1].warnings


def test_a_fifo_is_a_rejection_not_a_silent_skip_or_a_hang(tmp_path):
    # A FIFO inside an INPUT folder was left out without a word (not a regular file), and
    # given as the INPUT it was opened, which waits for a writer: the run hung.
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.jsonl")
    os.mkfifo(folder / "pipe.txt")
    _write(folder / "real.jsonl", b'{"id": "a", "text": "a story about the council"}\n')
    docs = list(read_documents([folder]))
    reason = "unreadable file: {}: not a regular file (a FIFO, socket or device), not read"
    assert [(d.source, d.rejected) for d in docs] == [
        ("pipe.jsonl", reason.format("pipe.jsonl")), ("pipe.txt", reason.format("pipe.txt")),
        ("real.jsonl:1", None)]
    options = neardup.make_options(quiet=True, jobs=2, report=False)
    for given in ([folder], [folder / "pipe.jsonl"]):
        result = neardup.dedup_files(given, tmp_path / "out", options, collect=True)
        assert result.records[0]["reason"] == reason.format("pipe.jsonl")


def test_ids_with_lone_surrogates_stay_distinct(tmp_path):
    # "\ud800" and "\udc00" both became U+FFFD: two distinct ids became one, and the second
    # document was rejected as a repeated id. In an id they are written as \u escapes now.
    path = _write(tmp_path / "s.jsonl", b'{"id": "\\ud800", "text": "first story about the '
                  b'council vote"}\n{"id": "\\udc00", "text": "second story about frogs"}\n')
    array = _write(tmp_path / "s.json", b'[{"id": "\\ud800x", "text": "a story"}, '
                   b'{"id": "\\udc00x", "text": "another story"}]')
    for given in (path, array):
        docs = list(read_documents([given]))
        assert [d.rejected for d in docs] == [None, None]
        assert len({d.id for d in docs}) == 2 and all(d.id.isascii() for d in docs)
    from neardup import Document

    records = neardup.dedup([{"id": "\ud800", "text": "first story about the council vote"},
                             Document(id="\udc00", text="second story about frogs", index=0,
                                      source=None)]).records
    assert [(r["id"], r["status"]) for r in records] == [("\\ud800", "kept"), ("\\udc00", "kept")]


def test_an_html_page_in_the_text_field_is_read_as_html(tmp_path):
    # A crawl dump whose "content" holds the page's HTML (or a page saved as .txt) was read
    # as text: tags, scripts and styles became words and the page around the article stayed
    # (AEB pages given so: F1 0.204; read as HTML now, 0.967, the HTML path's).
    article = " ".join(["The city council voted on Tuesday to expand the bus network."] * 8)
    page = ("<!DOCTYPE html>\n<html><head><title>Buses</title><style>p{color:red}</style>"
            "<script>var tracking = 1;</script></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><p>{article}</p></article></body></html>")
    inline = "Council <b>votes</b> to expand the bus network, officials said on Tuesday."
    _write(tmp_path / "in/a.jsonl", (json.dumps({"id": "a", "text": page}) + "\n"
                                     + json.dumps({"id": "b", "text": inline}) + "\n").encode())
    _write(tmp_path / "in/page.txt", page.encode())
    docs = {d.id: d for d in read_documents([tmp_path / "in"])}
    for key in ("a", "page.txt"):
        assert docs[key].html == page and docs[key].text == "", key
        assert any("holds HTML" in w for w in docs[key].warnings)
    assert docs["b"].html is None and docs["b"].text == inline and not docs["b"].warnings
    result = neardup.dedup([{"id": "a", "text": page}, {"id": "b", "text": inline}])
    text = result.kept[0]["text"] if result.kept[0]["id"] == "a" else result.kept[1]["text"]
    assert "tracking" not in text and "<p>" not in text and "bus network" in text


def test_html_pages_in_text_fields_with_cleaning_off_are_extracted_not_reread_raw(tmp_path):
    # With --no-clean the write pass reads a JSONL slice again "as read" instead of spilling
    # it, which held only while no document needed extracting: a page in a text field came
    # out with an empty text ("chars": 0), and one that extracted to nothing stopped the
    # run with a KeyError. Also: a byte-order mark before the doctype, and "<!doctype htmlx"
    # (no page).
    page = ("<!doctype html><html><body><p>The river fell to its lowest level in a century, "
            "officials said on Tuesday.</p></body></html>")
    records = [{"id": "page", "text": page}, {"id": "empty", "text": "<!doctype html>"},
               {"id": "bom", "text": "\ufeff" + page},
               {"id": "not", "text": "<!doctype htmlx> a b"}]
    path = _write(tmp_path / "in.jsonl", "".join(json.dumps(r) + "\n" for r in records).encode())
    options = neardup.make_options(clean=False, jobs=2, quiet=True, report=False)
    result = neardup.dedup_files([path], tmp_path / "out", options, collect=True)
    by_id = {r["id"]: r for r in result.records}
    kept = {r["id"]: r["text"] for r in result.kept}
    # (the page and its copy after a byte-order mark: both read as HTML, one story)
    assert {by_id["page"]["status"], by_id["bom"]["status"]} == {"kept", "duplicate"}
    assert by_id["page"]["chars"] == by_id["bom"]["chars"] > 50
    text = kept.get("page", kept.get("bom"))
    assert text.startswith("The river fell") and "<p>" not in text
    assert by_id["empty"]["reason"] == "no text left after extraction"
    assert by_id["not"]["status"] == "kept" and kept["not"].startswith("<!doctype htmlx>")
    written = [json.loads(line) for line in (tmp_path / "out/documents.jsonl").open()]
    assert [r["id"] for r in written] == ["page", "empty", "bom", "not"]


def test_an_article_body_in_html_tags_in_the_text_field_is_read_as_html(tmp_path):
    # News APIs and CMS exports deliver the body as HTML ("<p>...</p><p>...</p>"): read as
    # text it was one line of paragraphs with their tags as words (the AEB gold bodies in <p>
    # tags: F1 0.844; read as HTML, 0.995). A text that merely holds inline tags, or opens
    # with "<3", stays text.
    paragraphs = ["The city council voted on Tuesday to expand the bus network to the suburbs.",
                  "The plan adds twelve routes and will cost about $40 million over five years.",
                  "Opponents said the money would be better spent on repairing roads."]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    texts = {"body": body, "inline": "Council <b>votes</b> to expand buses, officials said.",
             "heart": "<3 this city, said a resident after the council voted on Tuesday."}
    path = _write(tmp_path / "in.jsonl", "".join(
        json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()).encode())
    docs = {d.id: d for d in read_documents([path])}
    assert docs["body"].html == body and any("holds HTML" in w for w in docs["body"].warnings)
    assert docs["inline"].html is None and docs["heart"].html is None
    result = neardup.dedup([{"id": k, "text": v} for k, v in texts.items()])
    text = next(r["text"] for r in result.kept if r["id"] == "body")
    assert "<p>" not in text and all(p in text for p in paragraphs)


@pytest.mark.parametrize("compressed", [False, True])
def test_a_warc_length_past_the_record_end_loses_no_record_without_a_word(tmp_path, compressed):
    # warcio read on from the next record header it found after the wrong end: the record a
    # too-large Content-Length ran into vanished (exit 0, even with --strict), only a warning
    # on stderr said anything, and the records after it were numbered one short.
    bodies = [f"Story {n}: the city council voted on Tuesday to approve the budget.".encode()
              for n in (1, 2, 3)]
    second = _raw_warc_record(2, str(len(bodies[1])), bodies[1])
    records = [_raw_warc_record(1, str(len(bodies[0]) + len(second) - 8), bodies[0]), second,
               _raw_warc_record(3, str(len(bodies[2])), bodies[2])]
    data = b"".join(gzip.compress(r) for r in records) if compressed else b"".join(records)
    path = _write(tmp_path / ("a.warc.gz" if compressed else "a.warc"), data)
    docs = list(read_documents([path]))
    assert [(d.source, d.rejected is None) for d in docs] == [
        (f"{path.name}#1", False), (f"{path.name}#2", False), (f"{path.name}#3", True)]
    assert docs[0].rejected.startswith("malformed WARC record: its Content-Length")
    assert docs[1].rejected == ("malformed WARC file: a record inside record #1, whose "
                                "Content-Length runs past its end; not read")
    assert "Story 3" in docs[2].text
    with pytest.raises(InputError, match=r"a\.warc(\.gz)?#1: malformed WARC record"):
        list(read_documents([path], ReadOptions(strict=True)))


def test_a_warc_length_short_of_the_record_end_is_a_rejection(tmp_path, capfd):
    body = b"The city council voted on Tuesday to approve the budget for the parks."
    path = _write(tmp_path / "a.warc", _raw_warc_record(1, str(len(body) - 20), body)
                  + _raw_warc_record(2, str(len(body)), body))
    docs = list(read_documents([path]))
    assert [d.rejected is None for d in docs] == [False, True]
    assert docs[0].rejected.startswith(
        f"malformed WARC record: its Content-Length ({len(body) - 20})")
    assert capfd.readouterr().err == ""  # (warcio's own warning, printed even with --quiet)


def test_a_warc_record_warcio_cannot_parse_is_named(tmp_path):
    # A response without its WARC-Target-URI made warcio raise AttributeError inside its
    # iterator: the rejection was "unreadable file: AttributeError: 'NoneType' object has no
    # attribute 'startswith'", naming no record, and did not say that the rest was not read.
    page = b"<html><body><p>The city council voted on Tuesday.</p></body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    good = _raw_warc_record(1, str(len(http)), http, "response", "application/http")
    bad = good.replace(b"WARC-Target-URI: http://ex.com/1\r\n", b"").replace(b"uuid:1", b"uuid:2")
    path = _write(tmp_path / "a.warc", good + bad + good.replace(b"uuid:1", b"uuid:3"))
    docs = list(read_documents([path]))
    assert [(d.source, d.rejected is None) for d in docs] == [("a.warc#1", True),
                                                              ("a.warc#2", False)]
    assert docs[1].rejected.startswith("malformed WARC record: warcio cannot read record 2 (at "
                                       "byte ")
    assert docs[1].rejected.endswith("; the rest of the file is not read")


def test_line_breaks_before_a_warc_files_first_record_lose_no_record(tmp_path):
    # warcio took such a file for one cut inside its first record's headers: its three
    # records were one rejection, "truncated WARC record: the file ends inside its headers".
    body = b"The city council voted on Tuesday to approve the budget."
    records = b"".join(_raw_warc_record(n, str(len(body)), body) for n in (1, 2, 3))
    for head in (b"\n", b"\r\n\r\n"):
        path = _write(tmp_path / "a.warc", head + records)
        docs = list(read_documents([path]))
        assert [(d.source, d.rejected) for d in docs] == [
            ("a.warc#1", None), ("a.warc#2", None), ("a.warc#3", None)]
    blank = _write(tmp_path / "b.warc", b"\n\r\n\n")
    assert list(read_documents([blank])) == []


def test_a_utf16_text_file_without_a_byte_order_mark_is_read_as_utf16(tmp_path):
    # It was read as UTF-8: the letters with a NUL between each two, no warning.
    text = "The city council voted on Tuesday to approve the budget. Café."
    for name, encoding in (("le.txt", "utf-16-le"), ("be.txt", "utf-16-be")):
        path = _write(tmp_path / name, text.encode(encoding))
        [doc] = read_documents([path])
        assert doc.text == text and doc.warnings == [
            "no byte-order mark, but every other byte is NUL: read as "
            f"{encoding.upper()}"]
    # (UTF-8 text, and a text with a stray NUL or two, stay UTF-8)
    for data in (text.encode(), b"a\x00b text of a story\x00 here"):
        [doc] = read_documents([_write(tmp_path / "u8.txt", data)])
        assert doc.text == data.decode()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet=st.sampled_from('ab,[]{}":\\ é')),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                 max_size=3),
    max_leaves=12)


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(items=st.lists(_JSON, max_size=5), indent=st.sampled_from([None, 1]))
def test_array_items_cut_an_array_where_json_does(items, indent):
    from neardup.read.records import array_items

    text = json.dumps(items, indent=indent, ensure_ascii=False)
    spans = array_items(text)
    assert spans is not None
    assert [json.loads(text[a:b]) for a, b in spans] == items
    assert array_items(text[:-1]) is None  # (not closed)


def test_links_never_lead_to_the_output_or_above_the_input(tmp_path, monkeypatch):
    # Found by a regression probe: following links, a run read its own earlier output (the
    # output folder inside the linked folder), and "up -> .." read the INPUT's neighbours.
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "data" / "2024" / "a.jsonl", b'{"text": "one story about a harbor"}\n')
    _write(tmp_path / "other" / "b.jsonl", b'{"text": "a story from elsewhere"}\n')
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "2024").symlink_to(tmp_path / "data" / "2024")
    (tmp_path / "corpus" / "up").symlink_to(tmp_path)
    options = neardup.make_options(quiet=True, jobs=1, report=False)
    for _ in range(2):
        result = neardup.dedup_files(["corpus"], "data/2024/out", options, collect=True)
        assert [r["source"] for r in result.records] == ["2024/a.jsonl:1"]


def test_a_file_of_the_current_folder_has_a_site(tmp_path, monkeypatch):
    # Found by a regression probe: "pages.jsonl" given from its folder had the site "", which
    # has no template, and its repeated promo line stayed.
    monkeypatch.chdir(tmp_path)
    promo = ("The Harbor Gazette has covered the towns along the bay for more than a century "
             "and remains family owned today.")
    towns = "Avon Bray Cork Derry Ennis Galway Howth Kells Leixlip Mallow Naas Omagh".split()
    lines = [json.dumps({"text": "\n\n".join(
        [f"The council of {town} met and approved the budget for the harbor after a long "
         f"debate about the bridge in {town}, officials said on Tuesday.",
         f"Residents of {town} asked about water prices and the ferry schedule at the "
         "session, and the mayor promised an answer within a week.", promo])})
        for town in towns]
    _write(tmp_path / "pages.jsonl", "\n".join(lines).encode())
    assert next(read_documents(["pages.jsonl"])).site == "."
    docs = neardup.clean_documents([{"text": json.loads(x)["text"]} for x in lines])
    assert promo in docs[0].text  # (the API's texts have no site, as before)
    result = neardup.clean_files(["pages.jsonl"], tmp_path / "out",
                                 neardup.make_options(quiet=True, jobs=1))
    assert result["counts"]["ok"] == 12
    out = [json.loads(x) for x in (tmp_path / "out" / "documents.jsonl").read_text().splitlines()]
    assert all(promo not in r["text"] for r in out)


def test_an_output_folder_holding_the_input_hides_no_input(tmp_path, monkeypatch):
    # Found by a second regression probe: "neardup clean crawl -o ." read nothing, exit 0
    # (every input file lies under the output folder "."; none of them is output).
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "crawl" / "a.txt", b"one story about the harbor and its bridge")
    _write(tmp_path / "crawl" / "b.txt", b"another story about the river and the mill")
    summary = neardup.clean_files(["crawl"], ".", neardup.make_options(quiet=True, jobs=1))
    assert summary["counts"]["read"] == 2


def test_records_apart_by_lone_carriage_returns_are_named_as_such(tmp_path):
    # Old-Mac line ends (CR alone) made a file one line: "Extra data (column 193)" did not say
    # why, and the three records folded into the rejection were not named.
    path = tmp_path / "cr.jsonl"
    path.write_bytes(b'{"text": "one story"}\r{"text": "another story"}\r')
    (doc,) = read_documents([path])
    assert doc.rejected.startswith("malformed JSON: Extra data (column 23); the line holds "
                                   "several records apart by a carriage return alone")
    path.write_bytes(b'{"text": "one story"} {"text": "another"}\n')  # no CR: no such hint
    (doc,) = read_documents([path])
    assert doc.rejected == "malformed JSON: Extra data (column 23)"


def test_a_warc_uri_with_spaces_is_read_without_a_log_line_on_stderr(tmp_path):
    # warcio logs "Replacing spaces in invalid WARC-Target-URI" as a warning, which Python's
    # last-resort handler printed on stderr even with --quiet.
    body = b"The council voted on a budget."
    path = tmp_path / "sp.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:x>\r\n"
                     b"WARC-Target-URI: https://ex.com/a b\r\nContent-Type: text/plain\r\n"
                     b"Content-Length: %d\r\n\r\n%s\r\n\r\n" % (len(body), body))
    (doc,) = read_documents([path])
    assert (doc.url, doc.text, doc.rejected) == ("https://ex.com/a%20b", body.decode(), None)
    # (in a process of its own: pytest's log capture would hide the last-resort handler)
    run = subprocess.run([sys.executable, "-m", "neardup", "clean", str(path), "-o",
                          str(tmp_path / "out"), "--quiet"], capture_output=True, text=True)
    assert run.returncode == 0 and "WARC-Target-URI" not in run.stderr, run.stderr


def test_ids_urls_and_dates_that_are_no_string_or_number_stay_metadata(tmp_path):
    # A number is its text; true/false, an object or an array names no id, URL or date: the
    # record keeps its place as id, the value stays in its metadata, and a warning says so
    # (before, Python's spelling became the id: "True", "{'a': 1}").
    (tmp_path / "in").mkdir()
    (tmp_path / "in/a.jsonl").write_text(
        '{"id": true, "text": "one story"}\n'
        '{"id": {"a": 1}, "text": "two story", "date": [2020, 1, 2]}\n'
        '{"id": [1], "text": "three story", "url": {"host": "a.example"}}\n'
        '{"id": 7, "text": "four story", "url": 5, "date": 2020.5}\n'
        '{"id": "x", "text": "five story", "date": false}\n'
        '{"id": {"a": 1}, "text": "   "}\n')
    docs = list(read_documents([tmp_path / "in"]))

    def warning(field: str, kind: str, role: str) -> str:
        return (f"field {field!r} holds {kind}, not a string or number: kept in the metadata, "
                f"not read as the {role}")

    assert [(d.id, d.url, d.date) for d in docs] == [
        ("a.jsonl:1", None, None), ("a.jsonl:2", None, None), ("a.jsonl:3", None, None),
        ("7", "5", "2020.5"), ("x", None, None), ("a.jsonl:6", None, None)]
    assert [d.metadata for d in docs[:5]] == [
        {"id": True}, {"id": {"a": 1}, "date": [2020, 1, 2]},
        {"id": [1], "url": {"host": "a.example"}}, {}, {"date": False}]
    assert [d.warnings for d in docs] == [
        [warning("id", "true or false", "id")],
        [warning("id", "an object", "id"), warning("date", "an array", "date")],
        [warning("id", "an array", "id"), warning("url", "an object", "URL")],
        [], [warning("date", "true or false", "date")],
        [warning("id", "an object", "id")]]
    assert docs[-1].rejected == "empty text"
    # (the same in the API, where a Document's such value is left out)
    from neardup.document import Document
    result = neardup.dedup([{"id": True, "text": "one story"},
                            Document(id={"a": 1}, text="two story", date=[1])],
                           output=tmp_path / "out")
    assert [r["id"] for r in result.records] == ["0", "1"]
    assert [r["warnings"] for r in result.records] == [
        [warning("id", "true or false", "id")],
        ["Document.id left out: dict is not a string or number",
         "Document.date left out: list is not a string or number"]]


def test_parquet_binary_columns_are_read_as_utf8_text(tmp_path):
    # Spark and Hive write string columns as plain BINARY (no UTF8 annotation): the text was
    # rejected ("must be a string, got bytes") and the id became "b'a1'". Invalid bytes are
    # replaced and flagged, as in a string column.
    table = pa.table({
        "id": pa.array([b"a1", b"a2", None], pa.binary()),
        "text": pa.array([b"one story about the dam", b"bad \xff byte in a story", b"third"],
                         pa.binary()),
        "url": pa.array([b"https://a.example/x", None, b"https://b.example/\xe9"], pa.binary()),
        "html": pa.array([None, None, b"<html><body><p>a page</p></body></html>"],
                         pa.binary())})
    pq.write_table(table, tmp_path / "t.parquet")
    docs = list(read_documents([tmp_path / "t.parquet"], ReadOptions(html_field="html")))
    assert [(d.id, d.url, d.rejected) for d in docs] == [
        ("a1", "https://a.example/x", None), ("a2", None, None),
        ("t.parquet:3", "https://b.example/\ufffd", None)]
    assert (docs[0].site, docs[2].site) == ("a.example", "b.example")
    assert [d.text for d in docs[:2]] == ["one story about the dam",
                                          "bad \ufffd byte in a story"]
    assert docs[2].html == "<html><body><p>a page</p></body></html>"
    assert [d.warnings for d in docs] == [
        [], ["field 'text': invalid UTF-8 at byte 4 of the value, replaced with U+FFFD"],
        ["field 'url': invalid UTF-8 at byte 18 of the value, replaced with U+FFFD"]]


def test_missing_values_of_mapped_fields_are_none_not_text(tmp_path):
    # A Parquet float column's NaN (pandas' missing value) was the id, URL or date "nan" (two
    # NaN ids: the second rejected as "duplicate id 'nan'"), an empty CSV cell the URL or date
    # "" (null from Parquet), and a placeholder URL ("nan", "N/A") a site of its own ("n").
    table = pa.table({"id": [float("nan"), float("nan")], "text": ["one text", "two texts"],
                      "url": [float("nan"), 1.5], "date": [float("nan"), float("inf")]})
    (tmp_path / "in").mkdir()
    pq.write_table(table, tmp_path / "in" / "a.parquet")
    _write(tmp_path / "in/b.csv", b"id,text,url,date\nc1,some words,,\nc2,more words,N/A,\n"
                                  b"c3,third words,nan,2024-01-02\n")
    docs = list(read_documents([tmp_path / "in"]))
    assert [(d.id, d.url, d.date, d.site, d.rejected) for d in docs] == [
        ("a.parquet:1", None, None, "in", None), ("a.parquet:2", "1.5", None, "in", None),
        ("c1", None, None, "in", None), ("c2", "N/A", None, "in", None),
        ("c3", "nan", "2024-01-02", "in", None)]


def test_records_read_here_go_to_the_workers_in_batches_bounded_in_size(tmp_path):
    # WARC, CSV and .json records are read in the main process and sent in batches of
    # shard_size records: 256 pages of 170 KB a batch held it at 836 MB while batches waited.
    from neardup.read.shards import RECORD_BATCH_CHARS, RecordBatch, read_shards

    big = "word " * (RECORD_BATCH_CHARS // 10)  # (two such records fill a batch)
    rows = [{"id": f"r{i}", "text": big if i % 2 else "a short text"} for i in range(9)]
    path = tmp_path / "in.csv"
    path.write_text("id,text\n" + "".join(f"{r['id']},{r['text']}\n" for r in rows))
    batches = list(read_shards([path], ReadOptions(), shard_size=256))
    assert all(isinstance(b, RecordBatch) for b in batches)
    sizes = [len(b.records) for b in batches]
    assert sum(sizes) == 9 and len(batches) >= 3  # (not one batch of 9)
    assert all(sum(len(r.fields.get("text", "")) for r, _ in b.records) < 2 * RECORD_BATCH_CHARS
               for b in batches)
    # and the documents, in order, are the same as read whole
    ids = [d.id for b in batches for d in neardup.read.shards.shard_documents(
        b, ReadOptions())]
    assert ids == [r["id"] for r in rows]


def test_a_json_array_s_items_are_parsed_one_at_a_time(tmp_path):
    # The array was parsed whole (the main process held ~1.7 GB for a 387 MB file, and the
    # workers forked from it carried it), and one malformed item cost every item of the file.
    path = _write(tmp_path / "a.json", b'[{"id": "a", "text": "first text"},\n'
                  b' {"id": "b", "text": tru},\n "a plain string item", {"id": "d", "text": '
                  b'"fourth", "n": NaN, "big": 123456789012345678901234567890}]')
    docs = list(read_documents([path]))
    assert [(d.id, d.text, d.rejected is None) for d in docs] == [
        ("a", "first text", True), ("a.json#2", "", False),
        ("a.json#3", "a plain string item", True), ("d", "fourth", True)]
    assert docs[1].rejected.startswith("malformed JSON")
    assert docs[3].metadata["big"] == 123456789012345678901234567890
    assert docs[3].metadata["n"] != docs[3].metadata["n"]  # (NaN, as json reads it)
    # a file that is no well-formed array is still one rejection naming where
    bad = _write(tmp_path / "b.json", b'[{"id": "a", "text": "x"}')
    [doc] = read_documents([bad])
    assert doc.rejected.startswith("malformed JSON at line 1")


def test_nan_of_numpy_or_of_a_document_names_nothing():
    from neardup.document import Document

    result = neardup.dedup([{"id": np.float32("nan"), "text": "one text here"},
                            Document(id="b", text="another text", url=np.float64("nan"),
                                     date=float("nan"))])
    assert [(r["id"], r["url"], r["date"]) for r in result.records] == [
        ("0", None, None), ("b", None, None)]


def test_site_of_gives_each_url_its_hosts_site_while_hosts_are_remembered():
    # site_of remembers the site of each plain host it met: a host without a site ("-bad-")
    # must still fall back to each call's own folder, and "www." must go on a second call
    from neardup.read.sites import host_of, site_of

    for _ in range(2):
        assert site_of("https://www.news.example.org/a?x=1", "f") == "news.example.org"
        assert site_of("https://news.example.org.", "f") == "news.example.org"
        assert site_of("https://-bad-.com/a", "one") == "one"
        assert site_of("https://-bad-.com/b", "two") == "two"
        assert site_of("https://localhost/a", "three") == "three"
        assert site_of("http://10.0.0.1/a", "f") == host_of("http://10.0.0.1/a") == "10.0.0.1"
        assert site_of("http://999.999.999.999/a", "four") == "four"


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_a_csv_separated_by_semicolons_tabs_or_pipes_is_read_by_its_header(tmp_path, delimiter):
    # Excel writes semicolons where the comma is the decimal mark: every row of such a file
    # was rejected as "missing text field 'text' (fields: id;text)". The header tells the
    # delimiter when the comma reading lacks the text field; commas inside values stay text.
    d = delimiter
    path = _write(tmp_path / "export.csv", (
        f'\ufeffid{d}text{d}price\r\nr1{d}"The council voted, 5 to 2{d} on Tuesday"{d}3,5\r\n'
        f"r2{d}A second story, about rain{d}4,0\r\n").encode())
    docs = list(read_documents([path]))
    assert [(doc.id, doc.text, doc.metadata, doc.rejected) for doc in docs] == [
        ("r1", f"The council voted, 5 to 2{d} on Tuesday", {"price": "3,5"}, None),
        ("r2", "A second story, about rain", {"price": "4,0"}, None)]


def test_a_comma_csv_whose_header_names_hold_semicolons_stays_a_comma_csv(tmp_path):
    # (the comma reading that finds the text field wins)
    path = _write(tmp_path / "c.csv", b'id,text,"a;b"\nr1,a story about the vote,x\n')
    docs = list(read_documents([path]))
    assert [(d.id, d.text, d.metadata) for d in docs] == [
        ("r1", "a story about the vote", {"a;b": "x"})]
    # (no reading names the text field: the one that splits the header lists its fields)
    path = _write(tmp_path / "none.csv", b"id;body\nr1;a story about the vote\n")
    assert [d.rejected for d in read_documents([path])] == [
        "missing text field 'text' (fields: body, id; take the text from another field with "
        "--text-field body)"]


def test_a_records_title_is_the_documents_title_and_finds_its_headline_line(tmp_path):
    # (an input "title" stayed in the metadata, and the cleaner guessed its own; the record's
    # title now is the document's, with cleaning or without, and it tells the cleaner which
    # line of the text is the headline)
    import neardup

    body = ("The council voted on Tuesday to approve the new budget for the city's schools, "
            "after a debate that lasted most of the afternoon and evening.\n\n"
            "Teachers had asked for the money for two years, the mayor said.\n\n"
            "The plan also pays for new buses and for repairs to three old school buildings.")
    headline = "Council approves school budget after long debate"
    text = f"Home\nNews\nSport\n\n{headline}\n\n{body}"
    rows = [{"id": "a", "text": text, "title": "Council approves school budget | The Herald",
             "tag": "x"},
            {"id": "b", "text": body.replace("Tuesday", "Monday"), "headline": "Given",
             "title": " "}]
    path = tmp_path / "t.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    for clean in (True, False):
        out = tmp_path / f"out{clean}"
        neardup.dedup_files([path], out, neardup.make_options(clean=clean))
        kept = {r["id"]: r for r in map(json.loads, (out / "deduplicated.jsonl").open())}
        docs = {r["id"]: r for r in map(json.loads, (out / "documents.jsonl").open())}
        assert docs["a"]["title"] == "Council approves school budget | The Herald"
        assert kept["a"]["metadata"] == {"tag": "x"}
        assert docs["b"]["title"] is None  # (blank: none)
        assert (headline not in kept["a"]["text"]) is clean
    opts = neardup.make_options(clean=False, title_field="headline")
    neardup.dedup_files([path], tmp_path / "h", opts)
    docs = {r["id"]: r for r in map(json.loads, (tmp_path / "h" / "documents.jsonl").open())}
    assert docs["b"]["title"] == "Given"


def test_tsv_and_compressed_csv_files_are_read(tmp_path):
    # ".tsv", ".csv.gz" and ".tsv.gz" files (pandas' and spreadsheet exports, corpora shipped
    # compressed) were skipped as of an unsupported type. A .tsv is split at tabs whatever its
    # header names: its commas are text.
    rows = b"id\tbody\tsection\nr1\tThe council voted, 5 to 2, on Tuesday\tlocal, city\n"
    # (no quoting in a .tsv: a quotation opening a text stays, a lone quote mark ends nothing)
    quotes = (b'id\tbody\nq1\t"We will rebuild," the mayor said.\n'
              b'q2\t"Most of the money is gone, she said\nq3\tA third row.\n')
    _write(tmp_path / "in/quotes.tsv", quotes)
    _write(tmp_path / "in/a.tsv", rows)
    _write(tmp_path / "in/b.tsv.gz", gzip.compress(rows.replace(b"r1", b"r2")))
    _write(tmp_path / "in/c.csv.gz", gzip.compress(b'id,body\nr3,"A story, about rain"\n'))
    docs = list(read_documents([tmp_path / "in"], ReadOptions(text_field="body")))
    assert [(d.id, d.source, d.text, d.metadata) for d in docs] == [
        ("r1", "a.tsv:1", "The council voted, 5 to 2, on Tuesday", {"section": "local, city"}),
        ("r2", "b.tsv.gz:1", "The council voted, 5 to 2, on Tuesday",
         {"section": "local, city"}),
        ("r3", "c.csv.gz:1", "A story, about rain", {}),
        ("q1", "quotes.tsv:1", '"We will rebuild," the mayor said.', {}),
        ("q2", "quotes.tsv:2", '"Most of the money is gone, she said', {}),
        ("q3", "quotes.tsv:3", "A third row.", {})]


def test_files_compressed_with_bzip2_or_xz_are_read(tmp_path):
    # (.jsonl.bz2, .jsonl.xz, .ndjson.gz, .txt.gz and the like were skipped as of an
    # unsupported type)
    import bz2
    import lzma

    line = json.dumps({"id": "a", "text": "The council voted on Tuesday."}).encode() + b"\n"
    _write(tmp_path / "in/a.jsonl.bz2", bz2.compress(line))
    _write(tmp_path / "in/b.jsonl.xz", lzma.compress(line.replace(b'"a"', b'"b"')))
    _write(tmp_path / "in/c.ndjson.gz", gzip.compress(line.replace(b'"a"', b'"c"')))
    _write(tmp_path / "in/d.txt.xz", lzma.compress(b"A page of text."))
    _write(tmp_path / "in/e.htm.gz", gzip.compress(b"<html><body><p>A page.</p></body></html>"))
    docs = list(read_documents([tmp_path / "in"]))
    assert [(d.id, d.rejected) for d in docs] == [
        ("a", None), ("b", None), ("c", None), ("d.txt.xz", None), ("e.htm.gz", None)]
    assert docs[3].text == "A page of text." and "A page." in docs[4].html
    # xz data under a plain name is said, as gzip's and zstd's are
    _write(tmp_path / "plain.jsonl", lzma.compress(line))
    doc, = read_documents([tmp_path / "plain.jsonl"])
    assert doc.rejected == ("unreadable file: xz-compressed data in a file named plain.jsonl "
                            "(name it plain.jsonl.xz)")


def test_warc_error_and_redirect_responses_are_rejections_naming_their_status(tmp_path):
    # A crawl's 404 page ("Page not found") and a redirect's "This document has moved" were
    # read as articles, kept and deduplicated with the pages.
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for status, body in (("200 OK", _page("The council voted on the budget.")),
                             ("404 Not Found", _page("Page not found. Try the search.")),
                             ("301 Moved Permanently", _page("This document has moved.")),
                             ("206 Partial Content", _page("Part of a page."))):
            headers = StatusAndHeaders(status, [("Content-Type", "text/html")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://a.example/{status[:3]}", "response",
                payload=io.BytesIO(body.encode()), http_headers=headers))
    docs = list(read_documents([path]))
    assert [(d.url, d.rejected) for d in docs] == [
        ("https://a.example/200", None),
        ("https://a.example/404",
         "WARC response with HTTP status 404 Not Found: not a page's content"),
        ("https://a.example/301",
         "WARC response with HTTP status 301 Moved Permanently: not a page's content"),
        ("https://a.example/206", None)]


def test_an_undeclared_english_page_with_a_pound_sign_is_not_guessed_japanese(tmp_path):
    # One "£" (0xA3 in windows-1252) in an English page that declares no encoding: the guess
    # was Shift_JIS for some such pages, 0xA3 being a half-width katakana there ("worth ｣5
    # million"). Text whose every non-ASCII byte stands alone is in a one-byte encoding.
    story = (
        "KHARKIV - The lawsuit came on Friday as the regional government investigated more "
        "than 20 key banks along the diesel. The overnight domes predicted in Kharkiv were not "
        "convened until the reef tracked overnight. The army investigated responsibility for "
        "the fine in a statement posted online on Thursday.|The cloudy softwares marked this "
        "week are expected to expel the currency in Ukraine. The classroom followed tidy "
        "shipments between the Kharkiv Chamber of Commerce and the Kharkiv Chamber of "
        "Commerce, which had paved the imports of Ukraine for months. Omar Young, a former "
        "official at the Center for Significant Temple, told reporters the software had "
        "retained four mortgages and that the Kharkiv Institute for Software would convene a "
        "colonial economy if the Kharkiv Chamber of Commerce did not develop the softwares in "
        "the autumn.|The cliff came this week as the Center for Significant Temple predicted "
        "two vital treaties along the refugee. A fierce bank in Aden paved the dome on "
        "Thursday, leaving three rallies without a stream. U.K. and Gaza officials have "
        "resumed the network several times overnight. U.S. and Kharkiv Institute for Software "
        "officials retained on Tuesday to present the lavish vessel, but at least five "
        "mandates remained retained in Aden.|The tribal machine arrested more than 20 "
        "machines and granted the Kharkiv Chamber of Commerce to open the vault. Ukraine has "
        "long finalized the key fortresses, which tracked the fortress of Kharkiv in 1998.|"
        "Omar Young, a former official at the Center for Significant Temple, added the dome "
        "had arrested some 1,500 diesels and that the Kharkiv Chamber of Commerce would "
        "investigate a sandy mandate if the regional government did not resolve the banks on "
        "Friday. Some delegations visited the Kharkiv Chamber of Commerce of trying to insure "
        "the mandate. Rebel groups marked responsibility for the software in a statement "
        "posted online on Thursday. The Kharkiv Chamber of Commerce said it would investigate "
        "the fine and ensure the domes by April. Talks between the Kharkiv Institute for "
        "Software and the army over the militant expelled last month.|\"We have asked the "
        "Kharkiv Chamber of Commerce to investigate the cliffs, and we are still waiting,\" "
        "Sanchez explained. \"We have asked the Kharkiv Institute for Software to ban the "
        "companies, and we are still waiting,\" added Keith Sanchez, a researcher at the "
        "Kharkiv Institute for Software.")
    lines = ["Environment", "Sports The deal was worth £5 million.", "Sign In", "Newsletters",
             "Beijing streams ensure minister amid humid dome", *story.split("|"),
             "Latest News", "How the central permit negotiated Nairobi", "14 hours ago",
             "Laura Richter stopped runway after crucial shortage",
             "Icy teacher constructed in Cape Town", "28 Comments", "Cookie Settings",
             "Corrections", " 2020 The Harbor News. All rights reserved."]
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
    path = _write(tmp_path / "p.html", page.encode("cp1252"))
    doc, = read_documents([path])
    assert doc.warnings == ["no declared encoding and not UTF-8: read as windows-1252 (guessed)"]
    assert "worth £5 million" in doc.html


def test_jina_reader_headers_and_front_matter_give_a_text_file_its_url_title_and_date(
        tmp_path):
    # Pages saved by Jina Reader ("Title:", "URL Source:", "Published Time:", "Markdown
    # Content:") or with YAML front matter had no URL (their site was the folder, so pages of
    # many sites shared one site template) and their header lines were the page's text.
    body = "# Council votes\n\nThe council voted on the budget on Tuesday.\n"
    _write(tmp_path / "in/jina.md", (
        "Title: Council votes | City News\n\nURL Source: https://www.city.example/a\n\n"
        "Published Time: 2024-03-02T10:00:00Z\n\nMarkdown Content:\n" + body).encode())
    _write(tmp_path / "in/front.md", ("---\ntitle: \"Council votes\"\nsource_url: "
                                      "https://paper.example/b\ndate: 2024-03-03\ntags: [x]\n"
                                      "---\n" + body).encode())
    _write(tmp_path / "in/hugo.md", ("---\nlayout: post\n---\n" + body).encode())
    _write(tmp_path / "in/plain.txt", ("Title: not a header\n\n" + body).encode())
    docs = {d.id: d for d in read_documents([tmp_path / "in"])}
    assert [(d.url, d.site, d.date, d.title, d.text == body) for d in
            (docs["jina.md"], docs["front.md"])] == [
        ("https://www.city.example/a", "city.example", "2024-03-02T10:00:00Z",
         "Council votes | City News", True),
        ("https://paper.example/b", "paper.example", "2024-03-03", "Council votes", True)]
    assert (docs["hugo.md"].url, docs["hugo.md"].text) == (None, "---\nlayout: post\n---\n" + body)
    assert docs["plain.txt"].url is None and docs["plain.txt"].text.startswith("Title: not")


def test_field_options_name_the_records_fields_not_those_of_headers_pages_and_warc(tmp_path):
    # With --url-field metadata.url (for a JSONL crawl nesting its URLs), a Markdown file's
    # front-matter URL, title and date went to its metadata, and so did a WARC record's URL;
    # with --id-field, a WARC record lost its WARC-Record-ID for its file:number.
    body = "# Council votes\n\nThe council voted on the budget on Tuesday.\n"
    _write(tmp_path / "in/front.md", ("---\ntitle: Council votes\nurl: https://paper.example/b"
                                      "\ndate: 2024-03-03\n---\n" + body).encode())
    _write(tmp_path / "in/crawl.jsonl", json.dumps({
        "doc": "j1", "text": body, "metadata": {"url": "https://crawl.example/c"},
        "meta": {"head": "Budget", "when": "2024-03-04"}}).encode() + b"\n")
    _warc_file(tmp_path / "in/p.warc.gz", [
        ("response", "https://warc.example/d", "text/plain; charset=utf-8", body.encode())])
    options = ReadOptions(id_field="doc", url_field="metadata.url", title_field="meta.head",
                          date_field="meta.when")
    docs = list(read_documents([tmp_path / "in"], options))
    by_file = {d.source.split(":")[0].split("#")[0]: d for d in docs}
    front, crawl = by_file["front.md"], by_file["crawl.jsonl"]
    assert (front.id, front.url, front.title, front.date, front.metadata) == (
        "front.md", "https://paper.example/b", "Council votes", "2024-03-03", {})
    assert (crawl.id, crawl.url, crawl.title, crawl.date) == (
        "j1", "https://crawl.example/c", "Budget", "2024-03-04")
    warc = by_file["p.warc.gz"]
    assert warc.id.startswith("<urn:uuid:") and warc.url == "https://warc.example/d"
    assert warc.date is not None and "url" not in warc.metadata


def test_records_wrapped_in_an_api_answer_are_read(tmp_path):
    # A news API's answer saved as .json ({"status": ..., "articles": [...]}) was one record,
    # rejected: "missing text field 'content' (fields: articles, status, totalResults)".
    answer = {"status": "ok", "totalResults": 2, "articles": [
        {"url": "https://a.example/1", "content": "The council voted on Tuesday."},
        {"url": "https://b.example/2", "content": "Rain is expected on Friday."}]}
    path = _write(tmp_path / "news.json", json.dumps(answer).encode())
    docs = list(read_documents([path], ReadOptions(text_field="content")))
    assert [(d.id, d.url, d.text, d.rejected) for d in docs] == [
        ("news.json#1", "https://a.example/1", "The council voted on Tuesday.", None),
        ("news.json#2", "https://b.example/2", "Rain is expected on Friday.", None)]
    # an object that is a record, or holds two lists of objects, is one record as before
    two = {"a": [{"content": "x"}], "b": [{"content": "y"}]}
    doc, = read_documents([_write(tmp_path / "two.json", json.dumps(two).encode())],
                          ReadOptions(text_field="content"))
    assert doc.rejected.startswith("missing text field 'content'")


def test_a_semicolon_csv_without_the_text_field_lists_its_fields(tmp_path):
    # Header "id;body;url" without --text-field body: read with commas, each row a "field"
    # of its own, every row rejected as "missing text field 'text' (fields: id;body;url)"
    # with no hint; read with semicolons its fields are listed and the option named.
    path = _write(tmp_path / "excel.csv", b"id;body;url\nr1;The council voted, 5 to 2;x\n")
    doc, = read_documents([path])
    assert doc.rejected == ("missing text field 'text' (fields: body, id, url; take the text "
                            "from another field with --text-field body)")
    doc, = read_documents([path], ReadOptions(text_field="body"))
    assert (doc.id, doc.text) == ("r1", "The council voted, 5 to 2")


def test_a_nested_field_that_is_no_text_stays_where_it_is(tmp_path):
    # ("metadata.url" holding an object was put back in the metadata as a flat key
    # "metadata.url" that the input never had)
    record = {"text": "The council voted on Tuesday.", "metadata": {"url": {"href": "x"}}}
    path = _write(tmp_path / "d.jsonl", (json.dumps(record) + "\n").encode())
    doc, = read_documents([path], ReadOptions(url_field="metadata.url"))
    assert doc.url is None and doc.metadata == {"metadata": {"url": {"href": "x"}}}
    assert doc.warnings and "metadata.url" in doc.warnings[0]


@pytest.mark.parametrize("clean, walks", [(False, 1), (True, 2)])
def test_a_run_lists_its_folders_once_for_the_check_and_its_first_pass(tmp_path, monkeypatch,
                                                                       clean, walks):
    # The skipped-files check at the start and the first pass over the input each walked
    # every INPUT folder (0.66 s of a run over 100k files): the first pass takes the check's
    # listing; a later pass (the cleaning pass after the template pass) walks again, so that
    # a file added or removed between the passes is still found.
    import neardup
    from neardup.read import files

    folder = tmp_path / "in"
    for n in range(3):
        _write(folder / "site" / f"{n}.txt", f"document number {n} with a few words".encode())
    _write(folder / "notes.pdf", b"%PDF")
    tops = []
    real_scan = files._scan

    def scan(top, onerror):
        tops.append(top)
        return real_scan(top, onerror)

    monkeypatch.setattr(files, "_scan", scan)
    out = tmp_path / "out"
    result = neardup.dedup_files([folder], out, neardup.make_options(
        clean=clean, jobs=1, quiet=True, report=False))
    assert tops.count(str(folder)) == walks
    assert result.summary["counts"]["read"] == 3
    assert result.summary["skipped_files"]["count"] == 1
